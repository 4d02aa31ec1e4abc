"""The parts of a page that are the same on many pages are rendered once
(hooks/showcase_parts.py), and each page still gets exactly its own."""

from __future__ import annotations

from dataclasses import dataclass, field

import jinja2
import pytest
from mkdocs.utils.templates import url_filter

import showcase_parts


@dataclass(eq=False)
class Page:
    url: str


@dataclass
class Nav:
    pages: list = field(default_factory=list)


@pytest.fixture
def render():
    """Renders the nav part for a page and counts how often its body ran."""
    calls = []
    env = jinja2.Environment(loader=jinja2.DictLoader({
        "nav.html": '{% call shared_part("nav") %}{{ count() }}{% for item in nav.pages %}<a href="{{ item.url | url }}">{% if item is sameas page %}*{% endif %}</a>{% endfor %}{% endcall %}',
        "search.html": '{% call shared_part("search") %}{{ count() }}<a href="{{ "zoeken/" | url }}"></a>{% endcall %}'}))
    env.filters["url"] = url_filter  # MkDocs' own: relative to the page, or base_url without one
    showcase_parts.install(env, [], None, frozenset({"zoeken/"}))
    env.globals["count"] = lambda: calls.append(1) or ""

    def run(page, nav, template="nav.html"):
        return env.get_template(template).render(page=page, nav=nav, base_url="")

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
    assert render(over, nav) == '<a href="./">*</a><a href="../bijdragen/"></a>'
    assert len(render.calls) == 2


def test_pages_in_different_folders_at_the_same_depth_get_their_own_rendering(render):
    nav = Nav([Page("praktijkvoorbeelden/")])
    assert render(Page("praktijkvoorbeelden/a/"), nav) == '<a href="../"></a>'
    assert render(Page("plaats/gent/"), nav) == '<a href="../../praktijkvoorbeelden/"></a>'
    assert len(render.calls) == 2


def test_a_page_the_parts_link_to_is_rendered_as_seen_from_itself(render):
    nav = Nav([Page("over/")])
    assert render(Page("woordenlijst/"), nav, "search.html") == '<a href="../zoeken/"></a>'
    assert render(Page("zoeken/"), nav, "search.html") == '<a href="./"></a>'
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


def test_the_search_page_sends_its_header_form_to_itself(built):
    assert '<form class="si-search" role="search" aria-label="Zoeken op de site" action="./"' in built.html("zoeken")
    assert 'action="../../zoeken/"' in built.html("praktijkvoorbeelden/fietsbieb")
