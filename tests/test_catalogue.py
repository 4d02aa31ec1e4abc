"""Indexes over all cases: per value, regions rolled up, related cases."""

from __future__ import annotations

from helpers import make_case as make
from showcase.catalogue import Catalogue


def test_cases_are_listed_newest_first(vocabulary):
    catalogue = Catalogue([make("oud", added=(2026, 1, 1)), make("nieuw", added=(2026, 11, 1))], vocabulary)
    assert [c.slug for c in catalogue.cases] == ["nieuw", "oud"]


def test_case_tagged_with_a_province_appears_under_its_country(vocabulary):
    catalogue = Catalogue([make("gent", region=("oost-vlaanderen",))], vocabulary)
    for region in ("oost-vlaanderen", "vlaanderen", "belgie"):
        assert [c.slug for c in catalogue.cases_for("region", region)] == ["gent"], region
    assert catalogue.cases_for("region", "nederland") == []


def test_case_in_two_provinces_is_counted_once_per_country(vocabulary):
    catalogue = Catalogue([make("twee", region=("antwerpen", "limburg-be"))], vocabulary)
    assert catalogue.count("region", "belgie") == 1
    assert catalogue.count("region", "vlaanderen") == 1


def test_counts_per_domain_and_stage(vocabulary):
    catalogue = Catalogue([make("a", domain=("energie", "klimaat")), make("b", domain=("klimaat",), stage="pilot")], vocabulary)
    assert catalogue.count("domain", "klimaat") == 2
    assert catalogue.count("domain", "energie") == 1
    assert catalogue.count("stage", "pilot") == 1
    assert catalogue.count("stage", "actief") == 1


def test_related_cases_prefer_more_shared_facets(vocabulary):
    case = make("ik", domain=("energie",), innovation_type=("dienst",), region=("utrecht",))
    same_all = make("alles", domain=("energie",), innovation_type=("dienst",), region=("utrecht",), added=(2026, 1, 1))
    same_domain = make("domein", domain=("energie",), innovation_type=("product",), region=("antwerpen",), added=(2026, 11, 2))
    same_type = make("type", domain=("werk",), innovation_type=("dienst",), region=("antwerpen",), added=(2026, 11, 3))
    unrelated = make("niets", domain=("werk",), innovation_type=("product",), region=("antwerpen",))
    catalogue = Catalogue([case, same_all, same_domain, same_type, unrelated], vocabulary)
    assert [c.slug for c in catalogue.related(case)] == ["alles", "domein", "type"]


def test_related_cases_never_include_the_case_itself(vocabulary):
    case = make("ik")
    catalogue = Catalogue([case], vocabulary)
    assert catalogue.related(case) == []


def test_related_cases_are_limited(vocabulary):
    cases = [make(f"c{i}") for i in range(10)]
    catalogue = Catalogue(cases, vocabulary)
    assert len(catalogue.related(cases[0], limit=4)) == 4


def place_description(vocabulary, name: str) -> str:
    from showcase.catalogue import place_terms

    place = vocabulary.gazetteer().find(name).place
    return place_terms([make("a", place=(place,))])[0].description


def test_a_flemish_village_is_a_deelgemeente_of_its_municipality(vocabulary):
    assert place_description(vocabulary, "Ledeberg") == "Deelgemeente of dorp van Gent, Oost-Vlaanderen."


def test_a_dutch_village_lies_in_its_gemeente_as_dutch_usage_says(vocabulary):
    assert place_description(vocabulary, "Oostvoorne") == "Plaats in de gemeente Voorne aan Zee, Zuid-Holland."


def test_a_place_that_is_its_own_municipality_is_called_one(vocabulary):
    assert place_description(vocabulary, "Zwolle") == "Gemeente in Overijssel."


def test_related_cases_within_a_tier_are_those_added_nearest_in_time(vocabulary):
    cases = [make(f"m{month}", added=(2026, month, 1)) for month in range(1, 12)]  # one tier: all alike
    catalogue = Catalogue(cases, vocabulary)
    june = catalogue.by_slug["m6"]
    assert {c.slug for c in catalogue.related(june, limit=4)} == {"m4", "m5", "m7", "m8"}


def test_the_newest_cases_are_not_related_to_every_case(vocabulary):
    cases = [make(f"m{month}", added=(2026, month, 1)) for month in range(1, 12)]
    catalogue = Catalogue(cases, vocabulary)
    listed = [other.slug for case in catalogue.cases for other in catalogue.related(case, limit=2)]
    assert max(listed.count(slug) for slug in listed) <= 3
