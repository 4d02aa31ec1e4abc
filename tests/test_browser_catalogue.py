"""The catalogue in a real browser (Debian's chromium driven by Playwright)."""

from __future__ import annotations

import json

import pytest

READY = "[data-si-catalogue][data-si-ready=true]"
SETTLED = "[data-si-catalogue][data-si-ready=true] [data-si-results]:not([aria-busy])"


def open_catalogue(page, served, query=""):
    """The catalogue as a reader starts using it: its data loads at the first
    focus in it (or at once for an address with a selection); a search in the
    address waits for the summaries it reads."""
    page.goto(served + "praktijkvoorbeelden/" + query)
    page.focus("[data-si-query]")
    page.wait_for_selector(SETTLED, state="attached")


def search(page, words):
    """Type words in the catalogue's field; the list is busy until the
    summaries it searches have arrived (the first search only)."""
    page.fill("[data-si-query]", words)
    page.wait_for_selector(SETTLED, state="attached")


def listed(page) -> list[str]:
    return page.eval_on_selector_all("[data-si-results] [data-slug]", "items => items.map(i => i.dataset.slug)")


def status(page) -> str:
    return page.inner_text("[data-si-status]")


def choose(page, facet, value):
    """Tick a facet value, opening its (collapsible) facet first."""
    details = page.locator(f"details.si-facet:has(input[name={facet}])")
    if details.get_attribute("open") is None:
        details.locator("summary").click()
    page.check(f'input[name="{facet}"][value="{value}"]')


def expected(built, vocabulary, **chosen) -> set[str]:
    """The cases the export says match: OR within a facet, AND across, regions widened."""
    fields = {"type": "innovation_type", "domein": "domain", "regio": "region", "actor": "actors", "fase": "stage",
              "doelgroep": "target_group", "sdg": "sdg", "plaats": "place"}
    result = set()
    for record in built.export()["cases"]:
        keep = True
        for parameter, values in chosen.items():
            have = record.get(fields[parameter], [])
            if parameter == "plaats":
                have = [place["slug"] for place in have]
            have = {have} if isinstance(have, str) else {str(value) for value in have}
            if parameter == "regio":
                have |= {place["province"] for place in record.get("place", [])}
            if parameter == "regio":
                have |= {a for region in list(have) for a in vocabulary.ancestors(region)}
            keep &= bool(have & set(values))
        if keep:
            result.add(record["slug"])
    return result


def test_catalogue_without_filters_lists_every_case_in_the_export(page, served, built):
    open_catalogue(page, served)
    assert set(listed(page)) == {r["slug"] for r in built.export()["cases"]}


def test_catalogue_filter_is_or_within_a_facet_and_across_facets(page, served, built, vocabulary):
    open_catalogue(page, served)
    choose(page, "domein", "circulaire-economie")
    choose(page, "domein", "energie")
    assert set(listed(page)) == expected(built, vocabulary, domein=["circulaire-economie", "energie"])
    choose(page, "type", "platform")
    assert set(listed(page)) == expected(built, vocabulary, domein=["circulaire-economie", "energie"], type=["platform"]) == {"deelplatform-brussel"}


def test_choosing_a_region_includes_its_provinces(page, served, built, vocabulary):
    open_catalogue(page, served)
    choose(page, "regio", "vlaanderen")
    assert "fietsbieb" in listed(page)
    assert set(listed(page)) == expected(built, vocabulary, regio=["vlaanderen"])


def test_facet_counts_predict_the_result_of_choosing_the_value(page, served):
    open_catalogue(page, served, "?regio=belgie")
    for value in ("circulaire-economie", "mobiliteit", "energie"):
        option = page.locator(f"label.si-option:has(input[name=domein][value={value}])")
        count = int(option.locator("[data-si-count]").inner_text())
        option.locator("input").check()
        assert len(listed(page)) == count, value
        option.locator("input").uncheck()


def test_values_with_no_cases_stay_visible_but_marked_empty(page, served):
    open_catalogue(page, served, "?regio=utrecht")
    option = page.locator("label.si-option:has(input[name=domein][value=mobiliteit])")
    assert option.is_visible()
    assert "si-option--empty" in option.get_attribute("class")


def test_dutch_word_forms_find_the_same_cases(page, served):
    found = []
    for query in ("coöperatie", "cooperatie", "coöperaties", "Cooperaties"):
        open_catalogue(page, served)
        search(page, query)
        found.append(set(listed(page)))
    assert found[0] and all(result == found[0] for result in found)
    assert "zonnecooperatie-utrecht" in found[0]


def test_search_reads_title_organisation_partners_and_labels(page, served):
    for query, slug in (("Buurtwerk Noord", "fietsbieb"), ("Fietsbieb vzw", "fietsbieb"), ("kinderfietsen", "fietsbieb")):
        open_catalogue(page, served)
        search(page, query)
        assert listed(page) == [slug], query


def test_words_only_in_a_story_are_left_to_the_site_search_with_a_link_to_it(page, served):
    open_catalogue(page, served)
    assert page.locator("[data-si-fulltext]").is_hidden()
    search(page, "vrijwilligers")
    assert listed(page) == []
    link = page.locator("[data-si-fulltext-link]")
    assert link.is_visible()
    link.click()
    page.wait_for_selector("[data-si-search-page][data-si-search-done=vrijwilligers]")
    assert "Fietsbieb Gent" in page.inner_text("[data-si-search-page-results]")


def test_state_is_written_to_the_url_and_restored_on_reload(page, served):
    open_catalogue(page, served)
    choose(page, "domein", "circulaire-economie")
    choose(page, "regio", "vlaanderen")
    search(page, "bekers")
    page.select_option("[data-si-sort]", "az")
    assert page.url.endswith("?domein=circulaire-economie&regio=vlaanderen&q=bekers&sorteer=az")
    before = listed(page)
    page.reload()
    page.wait_for_selector(SETTLED, state="attached")
    assert listed(page) == before == ["herbruikbare-bekers"]
    assert page.input_value("[data-si-query]") == "bekers"
    assert page.is_checked("input[name=regio][value=vlaanderen]")


def test_contract_example_url_opens_that_selection(page, served, built, vocabulary):
    open_catalogue(page, served, "?domein=energie,klimaat&regio=nederland&q=co%C3%B6peratie")
    assert page.is_checked("input[name=domein][value=energie]") and page.is_checked("input[name=domein][value=klimaat]")
    assert page.input_value("[data-si-query]") == "coöperatie"
    assert "q=co%C3%B6peratie" in page.url
    assert set(listed(page)) == {"zonnecooperatie-utrecht"}


def test_back_and_forward_restore_the_selection(page, served):
    open_catalogue(page, served)
    choose(page, "fase", "pilot")
    after = listed(page)
    page.go_back()
    page.wait_for_function("() => !location.search")
    assert not page.is_checked("input[name=fase][value=pilot]")
    assert len(listed(page)) > len(after)
    page.go_forward()
    page.wait_for_function("() => location.search === '?fase=pilot'")
    assert listed(page) == after


def test_no_results_shows_a_way_out_and_reset_restores_all(page, served, built):
    open_catalogue(page, served)
    search(page, "onvindbaarwoord")
    assert listed(page) == []
    assert page.is_visible("[data-si-empty]")
    assert status(page).startswith("0 praktijkvoorbeelden")
    page.click("[data-si-empty] [data-si-reset]")
    assert len(listed(page)) == len(built.export()["cases"])
    assert page.url.endswith("/praktijkvoorbeelden/")


def test_sort_az_orders_titles_alphabetically(page, served):
    open_catalogue(page, served, "?sorteer=az")
    titles = page.eval_on_selector_all("[data-si-results] .si-card__title", "items => items.map(i => i.textContent.trim())")
    assert titles == sorted(titles, key=str.casefold)


def test_default_sort_is_newest_first(page, served, built):
    open_catalogue(page, served)
    assert listed(page) == [r["slug"] for r in built.export()["cases"]]


def test_result_count_is_announced_to_screen_readers(page, served):
    open_catalogue(page, served)
    assert page.get_attribute("[data-si-status]", "role") == "status"
    choose(page, "fase", "pilot")
    assert status(page) == "1 praktijkvoorbeeld van de 4"


def test_filters_are_usable_by_keyboard_with_visible_focus(page, served):
    open_catalogue(page, served)
    page.focus("[data-si-sort]")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.tagName") == "SUMMARY"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.value") == "product"
    page.keyboard.press("Space")
    assert status(page) == "1 praktijkvoorbeeld van de 4"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline not in ("none", "")


def test_without_javascript_every_case_is_listed_as_a_link(browser, served, built):
    context = browser.new_context(java_script_enabled=False)
    tab = context.new_page()
    tab.goto(served + "praktijkvoorbeelden/")
    hrefs = tab.eval_on_selector_all(".si-card__title a", "links => links.map(a => a.href)")
    assert sorted(hrefs) == sorted(f"{served}praktijkvoorbeelden/{r['slug']}/" for r in built.export()["cases"])
    assert not tab.is_visible("[data-si-filters]")
    context.close()


def test_the_catalogue_loads_no_data_until_it_is_used(page, served):
    fetched = []
    page.on("request", lambda request: fetched.append(request.url) if request.url.endswith(".json") else None)
    page.goto(served + "praktijkvoorbeelden/", wait_until="networkidle")
    assert fetched == []
    assert page.is_visible("[data-si-filters]")
    assert page.get_attribute("[data-si-catalogue]", "data-si-ready") == "waiting"


def test_a_filter_chosen_before_the_data_arrives_applies_when_it_does(page, served):
    page.route("**/catalogus.json", lambda route: (page.wait_for_timeout(300), route.continue_()))
    page.goto(served + "praktijkvoorbeelden/", wait_until="networkidle")
    choose(page, "fase", "pilot")
    page.wait_for_selector(READY)
    assert listed(page) == ["zonnecooperatie-utrecht"]
    assert page.url.endswith("?fase=pilot")


def test_a_search_before_the_summaries_arrive_marks_the_list_busy_until_they_do(page, served):
    page.route("**/catalogus-tekst.json", lambda route: (page.wait_for_timeout(500), route.continue_()))
    page.goto(served + "praktijkvoorbeelden/")
    page.focus("[data-si-query]")
    page.wait_for_selector(READY)
    page.fill("[data-si-query]", "kinderfietsen")
    assert page.get_attribute("[data-si-results]", "aria-busy") == "true"
    assert status(page) == "Zoeken…"
    page.wait_for_selector(SETTLED, state="attached")
    assert listed(page) == ["fietsbieb"]


def test_an_address_with_a_selection_loads_the_data_at_once(page, served):
    page.goto(served + "praktijkvoorbeelden/?fase=pilot")
    page.wait_for_selector(READY)
    assert listed(page) == ["zonnecooperatie-utrecht"]


def test_going_back_to_the_catalogue_shows_the_same_selection(page, served):
    open_catalogue(page, served)
    choose(page, "fase", "pilot")
    page.click("[data-si-results] .si-card__title a")
    page.wait_for_selector("h1:has-text('Zonnecoöperatie Utrecht')")
    page.go_back()
    page.wait_for_selector(READY)
    assert listed(page) == ["zonnecooperatie-utrecht"]


def test_showcase_page_filter_further_opens_the_catalogue_with_its_value(page, served):
    page.goto(served + "domein/circulaire-economie/")
    page.click("text=Verder filteren in de catalogus")
    page.wait_for_selector(READY)
    assert page.is_checked("input[name=domein][value=circulaire-economie]")
    assert set(listed(page)) == {"deelplatform-brussel", "herbruikbare-bekers"}


@pytest.mark.parametrize("path", ["", "praktijkvoorbeelden/", "praktijkvoorbeelden/fietsbieb/", "regio/vlaanderen/", "overzicht/"])
def test_page_fits_a_phone_without_sideways_scrolling(browser, served, path):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    tab = context.new_page()
    tab.goto(served + path)
    width = tab.evaluate("document.documentElement.scrollWidth")
    context.close()
    assert width <= 390, path


def test_cards_drawn_by_the_script_show_the_thumbnail_and_summary(page, served):
    open_catalogue(page, served, "?domein=mobiliteit")
    card = page.locator("[data-si-results] [data-slug=fietsbieb]")
    assert "klein/" in card.locator("img.si-card__image").get_attribute("src")
    assert card.locator(".si-card__summary").inner_text().startswith("Gezinnen lenen")
    assert page.locator("[data-si-results] [data-slug=zonnecooperatie-utrecht] img").count() == 0


# --- the newer facets ---------------------------------------------------------

@pytest.mark.parametrize("query, chosen", [
    ("?plaats=ledeberg", {"plaats": ["ledeberg"]}),
    ("?sdg=11", {"sdg": ["11"]}),
    ("?doelgroep=kinderen,buurtbewoners", {"doelgroep": ["kinderen", "buurtbewoners"]}),
    ("?sdg=7&doelgroep=kinderen", {"sdg": ["7"], "doelgroep": ["kinderen"]}),
])
def test_place_goal_and_target_group_filters_follow_the_export(page, served, built, vocabulary, query, chosen):
    open_catalogue(page, served, query)
    assert set(listed(page)) == expected(built, vocabulary, **chosen) != set()


def test_a_place_counts_for_its_province_in_the_region_filter(page, served, built, vocabulary):
    open_catalogue(page, served, "?regio=brussel")
    assert "deelplatform-brussel" in listed(page)


def test_counts_of_a_new_facet_predict_the_result_of_choosing_it(page, served):
    open_catalogue(page, served, "?doelgroep=kinderen")
    count = int(page.text_content('[data-si-facet="sdg"] label:has(input[value="7"]) [data-si-count]'))
    choose(page, "sdg", "7")
    assert len(listed(page)) == count


# --- URL state edge cases -----------------------------------------------------

@pytest.mark.parametrize("query", ["?domein=constructor", "?regio=toString", "?type=__proto__"])
def test_unknown_or_prototype_named_values_are_ignored_and_named(page, served, built, query):
    open_catalogue(page, served, query)
    assert set(listed(page)) == {r["slug"] for r in built.export()["cases"]}
    assert page.is_checked("input:checked") is False if page.locator("input:checked").count() else True
    assert query[1:] in page.inner_text("[data-si-notice]")


def test_repeated_parameter_counts_like_commas(page, served, built, vocabulary):
    open_catalogue(page, served, "?domein=energie&domein=circulaire-economie")
    assert set(listed(page)) == expected(built, vocabulary, domein=["energie", "circulaire-economie"])


def test_fragment_and_foreign_parameters_are_kept(page, served):
    open_catalogue(page, served, "?utm_source=nieuwsbrief&domein=energie#resultaten")
    choose(page, "type", "organisatiemodel")
    url = page.url
    assert "utm_source=nieuwsbrief" in url and url.endswith("#resultaten") and "type=organisatiemodel" in url


def test_a_failed_text_load_leaves_a_usable_catalogue_with_a_message(page, served):
    page.route("**/catalogus-tekst.json", lambda route: route.abort())
    open_catalogue(page, served, "?q=fietsbieb")
    assert listed(page) == ["fietsbieb"]
    assert "niet geladen" in page.inner_text("[data-si-notice]")
    assert page.errors == ["Failed to load resource: net::ERR_FAILED"]  # the blocked file, and nothing else
    page.errors.clear()


def test_chosen_filters_show_as_chips_that_remove_them(page, served, built):
    open_catalogue(page, served, "?domein=energie&sdg=7")
    chips = page.locator("[data-si-chosen] button")
    assert chips.count() == 2
    page.click('[data-si-chosen] button[data-facet="sdg"]')
    assert "sdg=" not in page.url and page.locator("[data-si-chosen] button").count() == 1


def test_on_a_phone_the_filter_panel_opens_and_closes(browser, served):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
    tab = context.new_page()
    try:
        open_catalogue(tab, served)
        toggle = tab.locator("[data-si-toggle]")
        assert toggle.is_visible() and toggle.get_attribute("aria-expanded") == "false"
        assert not tab.locator("[data-si-facets]").is_visible()
        toggle.click()
        assert tab.locator("[data-si-facets]").is_visible() and toggle.get_attribute("aria-expanded") == "true"
        toggle.click()
        assert not tab.locator("[data-si-facets]").is_visible()
    finally:
        context.close()


def test_cards_show_their_place(page, served):
    open_catalogue(page, served)
    card = page.locator('[data-slug="fietsbieb"] .si-card__place')
    assert card.inner_text() == "Ledeberg"


def test_orders_and_page_size_are_the_declared_ones_carried_by_the_data(page, served, built):
    from showcase.addresses import SORTS
    from showcase.site import PAGE_SIZE

    data = json.loads(built.html("praktijkvoorbeelden/catalogus.json"))
    assert data["page_size"] == PAGE_SIZE
    assert [value for value, _on in data["sorts"]] == list(SORTS)
    open_catalogue(page, served)
    options = page.eval_on_selector_all("[data-si-sort] option", "options => options.map(o => [o.value, o.textContent])")
    assert options == [[value, label] for value, (_on, label) in SORTS.items()]
    # The fixture's four cases fit in one page of 48: served with a page of
    # two, the script shows two and offers the rest, as the data says.
    def smaller_pages(route):
        response = route.fetch()
        route.fulfill(response=response, json={**response.json(), "page_size": 2})

    page.route("**/catalogus.json", smaller_pages)
    open_catalogue(page, served, "?sorteer=az")
    titles = sorted((record["title"] for record in built.export()["cases"]), key=str.casefold)
    assert page.eval_on_selector_all("[data-si-results] .si-card__title a", "links => links.map(a => a.textContent)") == titles[:2]
    assert page.inner_text("[data-si-more]") == f"Toon meer (nog {len(titles) - 2})"
    page.click("[data-si-more]")
    assert len(listed(page)) == len(titles)
