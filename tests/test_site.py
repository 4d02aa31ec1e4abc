"""The generated pages: paging of long listings, titles escaped for the theme."""

from __future__ import annotations

import pytest

from helpers import TODAY, make_project
from showcase.site import Showcase


def load(tmp_path, page_size):
    return Showcase.load(make_project(tmp_path), today=TODAY, page_size=page_size)


def test_long_catalogue_is_split_into_pages_with_every_case_once(tmp_path):
    site = load(tmp_path, page_size=3)
    pages = {page.src: page for page in site.pages() if page.template == "catalogue.html"}
    assert set(pages) == {"praktijkvoorbeelden/index.md", "praktijkvoorbeelden/pagina/2.md"}
    listed = [card["slug"] for page in pages.values() for card in page.view["cards"]]
    assert sorted(listed) == sorted(case.slug for case in site.cases) and len(listed) == len(set(listed))


def test_pager_links_the_pages_in_order(tmp_path):
    first, second = sorted((p for p in load(tmp_path, page_size=3).pages() if p.template == "catalogue.html"), key=lambda p: p.src)
    assert first.view["pager"]["next"] == "praktijkvoorbeelden/pagina/2/" and first.view["pager"]["previous"] is None
    assert second.view["pager"]["previous"] == "praktijkvoorbeelden/" and second.title == "Praktijkvoorbeelden (pagina 2)"


def test_pager_shows_first_last_and_the_pages_around_the_current_one():
    from showcase.site import pager_window

    assert pager_window(1, 3) == [1, 2, 3]
    assert pager_window(1, 200) == [1, 2, 3, None, 200]
    assert pager_window(100, 200) == [1, None, 98, 99, 100, 101, 102, None, 200]
    assert pager_window(199, 200) == [1, None, 197, 198, 199, 200]
    assert pager_window(4, 7) == [1, 2, 3, 4, 5, 6, 7]


def test_showcase_pages_are_paged_below_their_own_address(tmp_path):
    sources = {page.src for page in load(tmp_path, page_size=1).pages()}
    assert {"regio/vlaanderen.md", "regio/vlaanderen/pagina/2.md"} <= sources


def test_generated_titles_are_escaped_for_the_theme(tmp_path):
    site = load(tmp_path, page_size=48)
    page = next(p for p in site.pages() if p.case is not None)
    object.__setattr__(page, "title", '<b>"x"</b>')
    assert page.meta["title"] == "&lt;b&gt;&quot;x&quot;&lt;/b&gt;"


def test_home_lists_newest_cases_without_repeating_featured_ones(tmp_path):
    site = load(tmp_path, page_size=48)
    home = site.home_view()
    featured = [card["slug"] for card in home["featured"]]
    newest = [card["slug"] for card in home["newest"]]
    assert featured == ["fietsbieb"]
    assert newest == [case.slug for case in site.catalogue.cases if case.slug not in featured][:6]


def test_the_catalogue_script_shows_as_many_cards_at_a_time_as_a_listing_page_holds(tmp_path):
    import json

    from showcase import addresses

    [index] = [file for file in load(tmp_path, page_size=3).files() if file.dest == addresses.CATALOGUE_INDEX]
    assert json.loads(index.content)["page_size"] == 3


def _case_page(site):
    return next(page for page in site.pages() if page.case is not None)


def test_a_case_page_makes_its_view_when_it_is_first_read(tmp_path, monkeypatch):
    from showcase import social

    made = []
    real = social.case_social
    monkeypatch.setattr(social, "case_social", lambda *args: made.append(args[0].slug) or real(*args))
    page = _case_page(load(tmp_path, page_size=48))
    assert made == []
    assert page.view["social"]["meta"] and page.view["card"]["slug"] == page.case.slug
    assert made == [page.case.slug]


def test_a_made_view_no_longer_holds_the_build_that_made_it(tmp_path):
    page = _case_page(load(tmp_path, page_size=48))
    page.view
    assert page.make is None


def test_a_page_that_let_go_of_its_view_says_so_when_it_is_read_again(tmp_path):
    page = _case_page(load(tmp_path, page_size=48))
    page.view
    page.forget_view()
    with pytest.raises(RuntimeError, match=page.src):
        page.view


def test_the_engine_reads_a_generated_page_as_its_story_with_no_metadata_of_its_own(tmp_path):
    from mkdocs.utils.meta import get_data

    page = _case_page(load(tmp_path, page_size=48))
    object.__setattr__(page, "body", "Doel: buren helpen\n\n---\n\nMeer tekst.\n")
    assert get_data(page.source) == (page.body, {})
