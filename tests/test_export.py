"""Open data: the JSON export and the Atom feed."""

from __future__ import annotations

import datetime
import json
from xml.etree import ElementTree as ET

from helpers import make_case as make
from showcase.catalogue import Catalogue
from showcase.export import FEED_ENTRIES, to_atom, to_json
from showcase.model import Partner, Source
from showcase.places import load as gazetteer
from showcase.site import build_time

ATOM = "{http://www.w3.org/2005/Atom}"
NOW = datetime.datetime(2026, 11, 23, 12, 30, tzinfo=datetime.timezone.utc)


def catalogue(vocabulary, *cases):
    return Catalogue(list(cases), vocabulary)


def test_json_holds_the_required_fields_as_written(vocabulary):
    data = json.loads(to_json(catalogue(vocabulary, make("a", (2026, 11, 1))), "https://example.org/site/", NOW))
    record = data["cases"][0]
    assert record["slug"] == "a"
    assert record["url"] == "https://example.org/site/praktijkvoorbeelden/a/"
    assert record["region"] == ["utrecht"]
    assert record["added"] == "2026-11-01"
    for key in ("title", "summary", "innovation_type", "domain"):
        assert key in record


def test_json_holds_optional_fields_only_when_the_case_has_them(vocabulary):
    full = make("vol", (2026, 11, 1), organisation="Org vzw", started=2016, partners=(Partner("Stad", "financier"),),
                sources=(Source("Artikel"),), website="https://example.org", actors=("burgers",))
    data = json.loads(to_json(catalogue(vocabulary, full, make("leeg", (2026, 11, 2))), "", NOW))
    records = {r["slug"]: r for r in data["cases"]}
    assert records["vol"]["partners"] == [{"name": "Stad", "role": "financier"}]
    assert records["vol"]["sources"] == [{"title": "Artikel"}]
    assert records["vol"]["started"] == 2016
    assert "organisation" not in records["leeg"] and "partners" not in records["leeg"]


def test_json_without_site_url_uses_root_relative_urls(vocabulary):
    data = json.loads(to_json(catalogue(vocabulary, make("a", (2026, 11, 1))), "", NOW))
    assert data["cases"][0]["url"] == "/praktijkvoorbeelden/a/"


def test_feed_is_atom_with_newest_added_first(vocabulary):
    feed = ET.fromstring(to_atom(catalogue(vocabulary, make("oud", (2026, 1, 1)), make("nieuw", (2026, 11, 1))), "Site", "https://example.org/"))
    assert feed.tag == f"{ATOM}feed"
    entries = feed.findall(f"{ATOM}entry")
    assert [e.find(f"{ATOM}id").text for e in entries] == [
        "https://example.org/praktijkvoorbeelden/nieuw/", "https://example.org/praktijkvoorbeelden/oud/"]
    assert feed.find(f"{ATOM}updated").text == "2026-11-01T00:00:00Z"
    for required in ("id", "title", "updated", "author"):
        assert feed.find(f"{ATOM}{required}") is not None


def test_feed_holds_the_newest_cases_only(vocabulary):
    cases = [make(f"case-{day:03d}", (2025, 1, 1)) for day in range(FEED_ENTRIES)] + [make("nieuwste", (2026, 11, 1))]
    feed = ET.fromstring(to_atom(catalogue(vocabulary, *cases), "Site", "https://example.org/"))
    entries = feed.findall(f"{ATOM}entry")
    assert len(entries) == FEED_ENTRIES
    assert entries[0].find(f"{ATOM}title").text == cases[-1].title


def test_feed_escapes_markup_in_titles(vocabulary):
    case = make("x", (2026, 11, 1), title="</title><script>alert(1)</script> & co")
    text = to_atom(catalogue(vocabulary, case), "Site", "")
    assert "<script>" not in text
    entry = ET.fromstring(text).find(f"{ATOM}entry")
    assert entry.find(f"{ATOM}title").text == "</title><script>alert(1)</script> & co"


def test_catalogue_data_and_text_list_the_same_cases_in_the_same_order(vocabulary):
    from showcase.export import catalogue_index, catalogue_text

    cat = catalogue(vocabulary, make("oud", (2026, 1, 1)), make("nieuw", (2026, 11, 1), organisation="Org vzw"))
    index, text = json.loads(catalogue_index(cat, 48)), json.loads(catalogue_text(cat))
    assert [record[0] for record in index["cases"]] == ["nieuw", "oud"]
    assert len(text["cases"]) == 2 and "Org vzw" in text["cases"][0][1]


def test_catalogue_text_holds_summary_organisation_and_partners_but_not_the_story(vocabulary):
    from showcase.export import catalogue_text

    case = make("a", (2026, 11, 1), organisation="Org vzw", partners=(Partner("Stad Gent", "financier"), Partner("OCMW", "uitvoerder")),
                body="Een verhaal over vrijwilligers.")
    assert json.loads(catalogue_text(catalogue(vocabulary, case)))["cases"] == [["Een samenvatting van twintig tekens.", "Org vzw", "Stad Gent OCMW"]]


def test_catalogue_data_leaves_organisations_to_the_text_file(vocabulary):
    from showcase.export import catalogue_index

    index = json.loads(catalogue_index(catalogue(vocabulary, make("a", (2026, 11, 1), organisation="Org vzw")), 48))
    assert "Org vzw" not in json.dumps(index)


def test_catalogue_data_refers_to_facet_values_by_position(vocabulary):
    from showcase.export import catalogue_index

    index = json.loads(catalogue_index(catalogue(vocabulary, make("a", (2026, 11, 1))), 48))
    positions = dict(zip(index["fields"], index["cases"][0][2]))
    assert [index["facets"]["regio"][i]["slug"] for i in positions["regio"]] == ["utrecht"]
    assert [index["facets"]["domein"][i]["slug"] for i in positions["domein"]] == ["energie"]


def test_json_names_its_licence_and_when_it_was_generated(vocabulary):
    data = json.loads(to_json(catalogue(vocabulary, make("a", (2026, 11, 1))), "", NOW))
    assert data["licence"]["id"] == "CC-BY-4.0" and data["licence"]["url"].startswith("https://creativecommons.org/licenses/by/4.0/")
    assert data["generated"] == "2026-11-23T12:30:00Z"


def test_build_time_comes_from_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764590400")
    assert build_time() == datetime.datetime(2025, 12, 1, 12, 0, tzinfo=datetime.timezone.utc)


def test_json_gives_each_place_with_its_province_and_coordinates(vocabulary):
    gent = gazetteer().find("Gent").place
    data = json.loads(to_json(catalogue(vocabulary, make("a", (2026, 11, 1), place=(gent,))), "", NOW))
    assert data["cases"][0]["place"] == [{"slug": "gent", "name": "Gent", "province": "oost-vlaanderen", "lat": gent.lat, "lon": gent.lon}]


def test_json_holds_checked_goals_target_groups_and_source_dates(vocabulary):
    case = make("a", (2026, 11, 1), sdg=(7, 13), target_group=("gezinnen",), sources=(Source("Artikel", "https://example.org", "2024-05"),))
    record = json.loads(to_json(catalogue(vocabulary, case), "", NOW))["cases"][0]
    assert record["checked"] == "2026-11-01"
    assert record["sdg"] == [7, 13] and record["target_group"] == ["gezinnen"]
    assert record["sources"] == [{"title": "Artikel", "url": "https://example.org", "date": "2024-05"}]


def test_feed_carries_the_licence_as_rights(vocabulary):
    feed = ET.fromstring(to_atom(catalogue(vocabulary, make("a", (2026, 11, 1))), "Site", "https://example.org/"))
    assert "CC BY 4.0" in feed.find(f"{ATOM}rights").text


def test_feed_entries_carry_places_and_goals_as_categories(vocabulary):
    gent = gazetteer().find("Gent").place
    feed = ET.fromstring(to_atom(catalogue(vocabulary, make("a", (2026, 11, 1), place=(gent,), sdg=(7,))), "Site", "https://example.org/"))
    labels = {c.get("label"): c.get("scheme") for c in feed.find(f"{ATOM}entry").findall(f"{ATOM}category")}
    assert labels["Gent"] == "https://example.org/plaats/" and labels["SDG 7: Betaalbare en duurzame energie"] == "https://example.org/sdg/"


def test_catalogue_data_carries_the_declared_orders_parameters_page_size_and_addresses(vocabulary):
    from showcase import addresses
    from showcase.export import catalogue_index

    index = json.loads(catalogue_index(catalogue(vocabulary, make("a", (2026, 11, 1))), 7))
    assert index["page_size"] == 7
    assert index["sorts"] == [["nieuw", "added"], ["az", "title"]] == [[value, on] for value, (on, _) in addresses.SORTS.items()]
    assert index["parameters"] == {"search": addresses.SEARCH_PARAMETER, "sort": addresses.SORT_PARAMETER} == {"search": "q", "sort": "sorteer"}
    assert index["case_folder"] + "a/" == addresses.case_url("a") and index["search_url"] == addresses.SEARCH_PAGE


def test_the_catalogue_script_states_no_order_page_size_or_address_of_its_own():
    from helpers import REPO

    script = (REPO / "overrides" / "assets" / "javascripts" / "catalogue.js").read_text(encoding="utf-8")
    for written in ('"nieuw"', '"az"', '"sorteer"', "= 48", '"praktijkvoorbeelden/', '"zoeken/'):
        assert written not in script, written


def test_the_catalogue_script_names_no_facet_parameter_or_goal_label_of_its_own():
    from helpers import REPO
    from showcase import addresses

    script = (REPO / "overrides" / "assets" / "javascripts" / "catalogue.js").read_text(encoding="utf-8")
    for parameter in addresses.QUERY_PARAMETERS.values():
        assert f'"{parameter}"' not in script and f"written.{parameter}" not in script, parameter
    assert '"SDG ' not in script


def test_catalogue_data_says_what_a_card_shows_and_which_labels_are_searched(vocabulary):
    from showcase import addresses
    from showcase.export import SEARCHED_FACETS, catalogue_index
    from showcase.views import CARD_CHIPS

    index = json.loads(catalogue_index(catalogue(vocabulary, make("a", (2026, 11, 1))), 7))
    assert index["card"]["chips"] == [[addresses.QUERY_PARAMETERS[facet], kind] for facet, kind in CARD_CHIPS]
    assert index["card"]["places"] == addresses.QUERY_PARAMETERS["place"]
    assert index["searched"] == [addresses.QUERY_PARAMETERS[facet] for facet in SEARCHED_FACETS]
    goals = index["facets"][addresses.QUERY_PARAMETERS["sdg"]]
    assert goals[6]["short"] == "SDG 7" and "short" not in index["facets"][addresses.QUERY_PARAMETERS["domain"]][0]


def test_json_joined_per_case_is_the_text_one_dump_of_the_whole_gives(vocabulary):
    text = to_json(catalogue(vocabulary, make("a", (2026, 11, 1)), make("b", (2026, 10, 1))), "https://example.org/", build_time())
    assert text == json.dumps(json.loads(text), ensure_ascii=False, separators=(",", ":"))
    assert list(json.loads(text)) == ["licence", "generated", "cases"]


def test_json_made_per_case_is_kept_by_the_given_derive(vocabulary):
    kept = {}
    derive = lambda kind, case, make: kept.setdefault((kind, case.slug), make())
    cases = catalogue(vocabulary, make("a", (2026, 11, 1)))
    first = to_json(cases, "", build_time(), derive=derive)
    assert to_json(cases, "", build_time(), derive=derive) == first and list(kept) == [("json ", "a")]
