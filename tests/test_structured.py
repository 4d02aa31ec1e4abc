"""Page-level schema.org data: the WebSite, breadcrumbs and the CollectionPage of a listing."""

from __future__ import annotations

import json

from showcase import structured

BASE = "https://voorbeeld.org/site/"


def test_the_website_searches_with_the_results_page_and_its_parameter():
    site = structured.website("Sociale innovatie", BASE)
    assert site["@id"] == BASE + "#website" and site["url"] == BASE and site["inLanguage"] == "nl"
    assert site["potentialAction"]["target"]["urlTemplate"] == BASE + "zoeken/?q={search_term_string}"
    assert site["potentialAction"]["query-input"] == "required name=search_term_string"


def test_breadcrumbs_are_numbered_from_one_with_absolute_addresses():
    crumbs = structured.breadcrumbs([("Home", ""), ("Regio", "regio/"), ("Vlaanderen", "regio/vlaanderen/")], BASE)
    assert [(item["position"], item["name"], item["item"]) for item in crumbs["itemListElement"]] == [
        (1, "Home", BASE), (2, "Regio", BASE + "regio/"), (3, "Vlaanderen", BASE + "regio/vlaanderen/")]


def test_a_collection_lists_its_cards_in_order_as_part_of_the_website():
    cards = [{"url": "praktijkvoorbeelden/a/", "title": "A"}, {"url": "praktijkvoorbeelden/b/", "title": "B"}]
    page = structured.collection("Energie", "domein/energie/", cards, BASE)
    assert page["url"] == BASE + "domein/energie/" and page["isPartOf"] == {"@id": BASE + "#website"}
    assert page["mainEntity"]["numberOfItems"] == 2
    assert [(i["position"], i["url"], i["name"]) for i in page["mainEntity"]["itemListElement"]] == [
        (1, BASE + "praktijkvoorbeelden/a/", "A"), (2, BASE + "praktijkvoorbeelden/b/", "B")]


def test_page_data_starts_the_crumbs_at_home_adds_a_listing_and_cannot_close_its_script():
    text = structured.page_data("Site", BASE, [("</script>", "x/")], listing={"@type": "CollectionPage"})
    assert "</script>" not in text
    graph = json.loads(text)["@graph"]
    assert [item["@type"] for item in graph] == ["WebSite", "BreadcrumbList", "CollectionPage"]
    assert [c["name"] for c in graph[1]["itemListElement"]] == ["Home", "</script>"]
    assert [item["@type"] for item in json.loads(structured.page_data("Site", BASE, []))["@graph"]] == ["WebSite", "BreadcrumbList"]
