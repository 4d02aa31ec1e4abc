"""The navigation is rendered once for all pages outside it that see it alike
(hooks/showcase_nav.py), and each page still gets exactly its own."""

from __future__ import annotations

from dataclasses import dataclass, field

import jinja2
import pytest

import showcase_nav


@dataclass(eq=False)
class Page:
    url: str


@dataclass
class Nav:
    pages: list = field(default_factory=list)


def relative(context, url):
    """Like MkDocs' url filter: the address of `url` from the current page."""
    here = context["page"].url.count("/") if context.get("page") else 0
    return "../" * here + url


@pytest.fixture
def render():
    """Renders the nav part for a page and counts how often its body ran."""
    calls = []
    env = jinja2.Environment(loader=jinja2.DictLoader({
        "nav.html": '{% call shared_part("nav") %}{{ count() }}{% for item in nav.pages %}<a href="{{ item.url | url }}">{% if item is sameas page %}*{% endif %}</a>{% endfor %}{% endcall %}'}))
    env.filters["url"] = jinja2.pass_context(relative)
    showcase_nav.install(env, [], None)
    env.globals["count"] = lambda: calls.append(1) or ""
    template = env.get_template("nav.html")

    def run(page, nav):
        return template.render(page=page, nav=nav)

    run.calls = calls
    return run


def test_pages_outside_the_nav_at_the_same_depth_share_one_rendering(render):
    nav = Nav([Page("over/"), Page("bijdragen/")])
    first = render(Page("praktijkvoorbeelden/a/"), nav)
    second = render(Page("praktijkvoorbeelden/b/"), nav)
    assert first == second == '<a href="../../over/"></a><a href="../../bijdragen/"></a>'
    assert len(render.calls) == 1


def test_a_page_elsewhere_gets_the_addresses_as_seen_from_there(render):
    nav = Nav([Page("over/")])
    render(Page("praktijkvoorbeelden/a/"), nav)
    assert render(Page("plaats/gent/pagina/2/"), nav) == '<a href="../../../../over/"></a>'
    assert len(render.calls) == 2


def test_a_page_in_the_nav_is_rendered_with_its_own_entry_marked(render):
    over = Page("over/")
    nav = Nav([over, Page("bijdragen/")])
    render(Page("woordenlijst/"), nav)
    assert render(over, nav) == '<a href="../over/">*</a><a href="../bijdragen/"></a>'
    assert len(render.calls) == 2


def test_a_template_without_a_page_is_rendered_as_usual(render):
    nav = Nav([Page("over/")])
    assert render(None, nav) == render(None, nav) == '<a href="over/"></a>'
    assert len(render.calls) == 2


def test_a_new_build_starts_with_nothing_remembered(render):
    render(Page("praktijkvoorbeelden/a/"), Nav([Page("over/")]))
    assert render(Page("praktijkvoorbeelden/a/"), Nav([Page("nieuw/")])) == '<a href="../../nieuw/"></a>'
    assert len(render.calls) == 2


def _sidebar(html: str) -> str:
    return html[html.index('data-md-type="navigation"'):html.index('data-md-type="toc"')]


def test_a_case_page_links_every_nav_page_from_where_it_is_and_marks_none(built):
    sidebar = _sidebar(built.html("praktijkvoorbeelden/fietsbieb"))
    assert '<a href="../../over/" class="md-nav__link">' in sidebar
    assert "--active" not in sidebar


def test_a_nav_page_in_the_same_build_marks_itself(built):
    sidebar = _sidebar(built.html("over"))
    assert '<a href="./" class="md-nav__link md-nav__link--active">' in sidebar
    assert '<a href="../bijdragen/" class="md-nav__link">' in sidebar
