"""axe-core on the main kinds of page: no serious or critical violations."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

PAGES = {
    "home": "",
    "catalogue with a filter": "praktijkvoorbeelden/?domein=circulaire-economie",
    "showcase page": "regio/vlaanderen/",
    "case page": "praktijkvoorbeelden/fietsbieb/",
    "vocabulary index": "domein/",
    "glossary": "woordenlijst/",
    "overview": "overzicht/",
    "search results": "zoeken/?q=fiets",
    "header search open": "",
}


def serious(violations: list[dict]) -> list[str]:
    return [f"{v['id']} ({v['impact']}): {[n['target'] for n in v['nodes']][:3]}"
            for v in violations if v["impact"] in ("serious", "critical")]


@pytest.mark.parametrize("scheme", ["default", "slate"])
@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_serious_accessibility_violations(page, served, name, scheme):
    # The palette follows the reader's system setting, as it would for a visitor;
    # switching it after load would catch colours mid-transition.
    page.emulate_media(color_scheme="dark" if scheme == "slate" else "light")
    page.goto(served + PAGES[name])
    page.wait_for_load_state("load")
    assert page.get_attribute("body", "data-md-color-scheme") == scheme
    if "catalogue" in name:
        page.wait_for_selector("[data-si-catalogue][data-si-ready=true]")
    if name == "search results":
        page.wait_for_selector("[data-si-search-page][data-si-search-done=fiets]")
    if name == "header search open":
        page.fill("[data-si-search-query]", "fiets")
        page.wait_for_selector("[data-si-search][data-si-search-done=fiets]")
    results = Axe().run(page)
    assert serious(results.response["violations"]) == [], [(v["id"], [n["any"][0]["message"] if n["any"] else n["failureSummary"] for n in v["nodes"]][:3]) for v in results.response["violations"]]
