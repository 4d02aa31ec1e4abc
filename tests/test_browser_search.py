"""The site search in a real browser: the header's panel and the results page (Pagefind)."""

from __future__ import annotations

import pytest

HITS = "[data-si-search-results] .si-hit"


def type_in_header(page, words):
    page.click("[data-si-search-query]")
    page.keyboard.type(words)
    page.wait_for_selector(f"[data-si-search][data-si-search-done='{words}']")


def hit_titles(page, selector=HITS) -> list[str]:
    return page.eval_on_selector_all(f"{selector} .si-hit__title", "items => items.map(i => i.textContent)")


def test_header_search_finds_a_case_by_a_word_in_its_story(page, served):
    page.goto(served)
    type_in_header(page, "vrijwilligers")
    assert "Fietsbieb Gent" in hit_titles(page)


def test_header_search_finds_the_same_cases_for_dutch_word_forms(page, served):
    found = []
    for words in ("coöperatie", "cooperatie", "coöperaties"):
        page.goto(served)
        type_in_header(page, words)
        found.append(set(hit_titles(page)))
    assert "Zonnecoöperatie Utrecht" in found[0]
    assert all(titles == found[0] for titles in found)


def test_header_search_results_link_to_the_case_page(page, served):
    page.goto(served + "over/")
    type_in_header(page, "vrijwilligers")
    page.click(f"{HITS} a:has-text('Fietsbieb Gent')")
    page.wait_for_url("**/praktijkvoorbeelden/fietsbieb/")
    assert page.inner_text("h1") == "Fietsbieb Gent"


def test_header_search_shows_kind_and_marked_excerpt(page, served):
    page.goto(served)
    type_in_header(page, "vrijwilligers")
    hit = page.locator(HITS).filter(has_text="Fietsbieb Gent")
    assert hit.locator(".si-hit__kind").inner_text().lower() == "praktijkvoorbeeld"
    assert hit.locator(".si-hit__excerpt mark").first.inner_text().lower() == "vrijwilligers"


def test_header_search_finds_showcase_and_hand_written_pages(page, served):
    page.goto(served)
    type_in_header(page, "mobiliteit")
    kinds = page.eval_on_selector_all(f"{HITS} .si-hit__kind", "items => items.map(i => i.textContent)")
    assert "Domein" in kinds and "Praktijkvoorbeeld" in kinds


def test_header_search_says_so_when_nothing_is_found(page, served):
    page.goto(served)
    type_in_header(page, "xylofoonorkest")
    assert "Geen resultaten" in page.inner_text("[data-si-search-status]")
    assert page.locator(HITS).count() == 0


@pytest.fixture
def without_pagefind(page):
    """Every request for the search index fails, as on a broken deploy; the
    browser's reports of those failures are expected, not errors of the page."""
    page.route("**/pagefind/**", lambda route: route.abort())
    yield
    page.errors[:] = [error for error in page.errors if error != "Failed to load resource: net::ERR_FAILED"]


def test_header_search_that_cannot_load_its_index_points_to_the_catalogue(page, served, without_pagefind):
    page.goto(served + "over/")
    page.click("[data-si-search-query]")
    page.keyboard.type("fiets")
    link = page.wait_for_selector("[data-si-search-status] a")
    assert "lukt nu niet" in page.inner_text("[data-si-search-status]")
    assert link.get_attribute("href") == "../praktijkvoorbeelden/"


def test_results_page_that_cannot_load_its_index_points_to_the_catalogue(page, served, without_pagefind):
    page.goto(served + "zoeken/?q=fiets")
    page.click("[data-si-search-page-status] a:has-text('de catalogus')")
    page.wait_for_url(served + "praktijkvoorbeelden/")


def test_arrow_keys_move_through_results_and_escape_closes_the_panel(page, served):
    page.goto(served)
    type_in_header(page, "fiets")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('si-hit__link')")
    page.keyboard.press("Escape")
    assert page.locator("[data-si-search-panel]").is_hidden()
    assert page.evaluate("document.activeElement.matches('[data-si-search-query]')")


def test_enter_opens_the_results_page_with_the_words_in_its_address(page, served):
    page.goto(served + "regio/vlaanderen/")
    type_in_header(page, "fiets")
    page.keyboard.press("Enter")
    page.wait_for_selector("[data-si-search-page][data-si-search-done=fiets]")
    assert page.url == served + "zoeken/?q=fiets"
    assert "Fietsbieb Gent" in hit_titles(page, "[data-si-search-page-results]")
    assert page.input_value("[data-si-search-page-query]") == "fiets"


def test_results_page_searches_again_and_keeps_the_words_in_its_address(page, served):
    page.goto(served + "zoeken/?q=fiets")
    page.wait_for_selector("[data-si-search-page][data-si-search-done=fiets]")
    page.fill("[data-si-search-page-query]", "bekers")
    page.press("[data-si-search-page-query]", "Enter")
    page.wait_for_selector("[data-si-search-page][data-si-search-done=bekers]")
    assert page.url.endswith("zoeken/?q=bekers")
    assert hit_titles(page, "[data-si-search-page-results]")[0].startswith("Herbruikbare bekers")


def test_without_javascript_the_header_form_opens_the_results_page_which_points_to_the_catalogue(browser, served):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(served)
    tab.fill("[data-si-search-query]", "fiets")
    tab.press("[data-si-search-query]", "Enter")
    tab.wait_for_url("**/zoeken/?q=fiets")
    assert tab.locator("[data-si-nojs] a", has_text="de catalogus").is_visible()
    context.close()


def test_the_browser_loads_only_pieces_of_the_index(page, served):
    loaded = []
    page.on("response", lambda response: loaded.append(response.url))
    page.goto(served)
    type_in_header(page, "fiets")
    assert any(url.endswith(".pf_index") for url in loaded)
    assert not any("search_index.json" in url for url in loaded)


def test_results_link_inside_a_site_published_in_a_subfolder(page, served_in_subfolder):
    page.goto(served_in_subfolder + "domein/")
    type_in_header(page, "vrijwilligers")
    hrefs = page.eval_on_selector_all(f"{HITS} a", "links => links.map(a => a.href)")
    assert served_in_subfolder + "praktijkvoorbeelden/fietsbieb/" in hrefs
    page.keyboard.press("Enter")
    page.wait_for_url(served_in_subfolder + "zoeken/?q=vrijwilligers")


def accessible_nodes(page) -> list[dict]:
    """The accessibility tree as Chromium exposes it to screen readers."""
    return page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]


def test_header_search_announces_its_results_to_screen_readers(page, served):
    page.goto(served)
    type_in_header(page, "vrijwilligers")
    live = page.locator("[data-si-search-announce]")
    assert live.get_attribute("aria-live") == "polite"
    assert live.inner_text() == page.inner_text("[data-si-search-status]") == "1 resultaat"
    assert not live.evaluate("node => !!node.closest('[hidden]')"), "a live region in a hidden element announces nothing"
    statuses = [node for node in accessible_nodes(page) if node["role"]["value"] == "status" and not node.get("ignored")]
    assert statuses, "no live region in the accessibility tree"


def test_header_search_is_a_combobox_that_says_when_its_list_is_open(page, served):
    page.goto(served)
    field = page.locator("[data-si-search-query]")
    assert field.get_attribute("role") == "combobox" and field.get_attribute("aria-expanded") == "false"
    assert page.locator("#" + field.get_attribute("aria-controls")).count() == 1
    type_in_header(page, "vrijwilligers")
    assert field.get_attribute("aria-expanded") == "true"
    page.keyboard.press("Escape")
    assert field.get_attribute("aria-expanded") == "false"


def test_more_results_clicked_twice_adds_each_result_once(page, served):
    page.goto(served + "zoeken/?q=de")
    page.wait_for_selector("[data-si-search-page][data-si-search-done='de']")
    more = page.locator("[data-si-search-page-more]")
    if more.is_hidden():
        pytest.skip("the fixture has too few results for a second page")
    more.evaluate("button => { button.click(); button.click(); }")
    page.wait_for_timeout(1500)
    urls = page.eval_on_selector_all("[data-si-search-page-results] .si-hit a", "links => links.map(a => a.href)")
    assert len(urls) == len(set(urls))
