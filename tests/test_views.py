"""What templates receive: finished labels, links, counts and dates."""

from __future__ import annotations

import datetime

from helpers import TODAY, make_case
from showcase.catalogue import Catalogue
from showcase.model import Partner, Source
from showcase.views import Views, dutch_date, source_date_text


def test_dates_are_written_the_dutch_way():
    assert dutch_date(datetime.date(2026, 12, 1)) == "1 december 2026"
    assert source_date_text("2023") == "2023"
    assert source_date_text("2023-06") == "juni 2023"
    assert source_date_text("2024-02-29") == "29 februari 2024"
    assert source_date_text(None) is None and source_date_text("") is None


def test_a_card_links_the_case_and_labels_its_values(vocabulary):
    case = make_case("fietsbieb", innovation_type=("dienst",), domain=("mobiliteit",), region=("oost-vlaanderen",), sdg=(7,))
    card = Views(Catalogue([case], vocabulary), today=TODAY).card(case)
    assert card["url"] == "praktijkvoorbeelden/fietsbieb/" and card["title"] == "Titel fietsbieb"
    assert card["domains"] == [{"slug": "mobiliteit", "label": "Mobiliteit", "url": "domein/mobiliteit/"}]
    assert card["regions"][0]["label"] == "Oost-Vlaanderen" and card["regions"][0]["url"] == "regio/oost-vlaanderen/"
    assert card["goals"] == [{"slug": "7", "label": "SDG 7: Betaalbare en duurzame energie", "url": "sdg/7/", "short": "SDG 7"}]
    assert card["image"] is None and card["stage"]["label"] == "Actief"


def test_a_case_page_names_one_value_in_the_singular_and_more_in_the_plural(vocabulary):
    case = make_case("a", domain=("energie", "klimaat"), partners=(Partner("Stad Gent", "financier"),),
                     sources=(Source("Een artikel", "https://example.org", "2023-06"),))
    view, _ = Views(Catalogue([case], vocabulary), today=TODAY).case_page_parts(case)
    names = {facet["key"]: facet["name"] for facet in view["facets"]}
    assert names["innovation_type"] == "Innovatietype" and names["domain"] == "Domeinen"
    assert view["partners"] == [{"name": "Stad Gent", "role": "Financier"}]
    assert view["sources"][0]["date_text"] == "juni 2023"


def test_facts_checked_more_than_two_years_ago_are_marked_stale(vocabulary):
    fresh = make_case("vers", (2026, 1, 1))
    old = make_case("oud", (2020, 1, 1))
    views = Views(Catalogue([fresh, old], vocabulary), today=TODAY)
    assert views.freshness(fresh) == {"date": "2026-01-01", "text": "1 januari 2026", "stale": False}
    assert views.freshness(old)["stale"] is True


def test_a_facet_summary_counts_every_value_regions_with_their_depth(vocabulary):
    views = Views(Catalogue([make_case("a", region=("antwerpen",))], vocabulary), today=TODAY)
    regions = {row["slug"]: row for row in views.facet_summary("region")}
    assert (regions["belgie"]["count"], regions["belgie"]["depth"]) == (1, 0)
    assert (regions["antwerpen"]["count"], regions["antwerpen"]["depth"]) == (1, 2)
    assert regions["nederland"]["count"] == 0
