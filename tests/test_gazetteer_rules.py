"""How a written name finds a place (showcase.places), on a small gazetteer made for the purpose."""

from __future__ import annotations

import pytest

from showcase import places

HEADER = "name\tmunicipality\tprovince\tcountry\tlat\tlon\tpopulation\tgeonameid\tvariants\n"
ROWS = [
    # name, municipality, province, country, population, geonameid, variants
    ("Hasselt", "Hasselt", "limburg-be", "BE", 80000, 1, "hasselt stad"),
    ("Hasselt", "Zwartewaterland", "overijssel", "NL", 5000, 2, ""),
    ("Ledeberg", "Gent", "oost-vlaanderen", "BE", 9000, 3, ""),
    ("Ledeberg", "Liedekerke", "vlaams-brabant", "BE", 1800, 4, ""),
    ("Kerkdorp", "Alfa", "utrecht", "NL", 4999, 5, ""),
    ("Kerkdorp", "Beta", "utrecht", "NL", 999, 6, ""),
    ("Kerkdorp", "Gamma", "utrecht", "NL", 999, 7, ""),
    ("Kerkdorp", "Omega", "zeeland", "NL", 999, 15, ""),
    ("Kleinburg", "Delta", "utrecht", "NL", 1000, 8, ""),
    ("Kleinburg", "Epsilon", "zeeland", "NL", 4999, 9, ""),
    ("Grensdorp", "Eta", "utrecht", "NL", 1000, 16, ""),
    ("Grensdorp", "Theta", "zeeland", "NL", 5000, 17, ""),
    ("'s-Hertogenbosch", "'s-Hertogenbosch", "noord-brabant", "NL", 150000, 10, "den bosch|"),
    ("Sint-Gillis", "Sint-Gillis", "brussel", "BE", 50000, 11, "saint gilles|sint gilles"),
    ("Lier", "Lier", "antwerpen", "BE", 36000, 12, ""),
    ("Lierde", "Lierde", "oost-vlaanderen", "BE", 6500, 13, ""),
    ("Lieren", "Apeldoorn", "gelderland", "NL", 1500, 14, ""),
    ("Lierre", "Lier", "antwerpen", "BE", 100, 18, ""),
]
NAMES = (("limburg-be", "Limburg"), ("overijssel", "Overijssel"), ("oost-vlaanderen", "Oost-Vlaanderen"),
         ("vlaams-brabant", "Vlaams-Brabant"), ("utrecht", "Utrecht"), ("zeeland", "Zeeland"))


@pytest.fixture
def gazetteer(tmp_path):
    """Made afresh for every test: `places.load` keeps one per file."""
    path = tmp_path / "places.tsv"
    lines = [f"{n}\t{m}\t{p}\t{c}\t51.{i}\t4.{i}\t{pop}\t{i}\t{v}\n" for n, m, p, c, pop, i, v in ROWS]
    path.write_text(HEADER + "".join(lines) + "\n", encoding="utf-8")
    return places.load(path, NAMES)


def found(gazetteer, written: str) -> tuple[str, str] | None:
    place = gazetteer.find(written).place
    return (place.name, place.municipality) if place else None


def test_every_row_is_a_place_with_its_fields_read(gazetteer):
    assert len(gazetteer.places) == len(ROWS)
    assert gazetteer.by_slug["lier"] == places.Place("lier", "Lier", "Lier", "antwerpen", "BE", 51.12, 4.12, 36000, "antwerpen")


def test_a_province_is_named_as_the_taxonomy_names_it_or_else_by_its_slug(gazetteer):
    assert (gazetteer.by_slug["hasselt"].province_name, gazetteer.by_slug["lier"].province_name) == ("Limburg", "antwerpen")


def test_namesakes_get_apart_slugs_the_most_populous_the_plain_one(gazetteer):
    assert [gazetteer.find(f"Hasselt ({q})").place.slug for q in ("Limburg", "Overijssel")] == ["hasselt", "hasselt-overijssel"]


def test_namesakes_in_one_province_are_told_apart_by_their_number(gazetteer):
    slugs = {p.municipality: p.slug for p in gazetteer.places if p.name == "Kerkdorp"}
    assert slugs == {"Alfa": "kerkdorp", "Beta": "kerkdorp-utrecht", "Gamma": "kerkdorp-utrecht-7", "Omega": "kerkdorp-zeeland"}


def test_a_place_is_described_and_qualified_by_its_province():
    place = places.Place("gent", "Gent", "Gent", "oost-vlaanderen", "BE", 51.0, 3.7, 260000, "Oost-Vlaanderen")
    assert place.describe() == place.qualified() == "Gent (Oost-Vlaanderen)"


def test_a_name_matches_without_regard_to_case_accents_and_punctuation(gazetteer):
    assert found(gazetteer, "  LEDEBÉRG ") == found(gazetteer, "ledeberg") == ("Ledeberg", "Gent")


def test_a_name_matches_through_its_variants(gazetteer):
    assert found(gazetteer, "Den Bosch") == ("'s-Hertogenbosch", "'s-Hertogenbosch")
    assert found(gazetteer, "Saint-Gilles") == ("Sint-Gillis", "Sint-Gillis")


def test_a_hamlet_yields_to_a_namesake_five_times_larger(gazetteer):
    assert found(gazetteer, "Ledeberg") == ("Ledeberg", "Gent")  # 1,800 against 9,000


def test_a_hamlet_stays_beside_a_namesake_less_than_five_times_larger(gazetteer):
    assert {p.municipality for p in gazetteer.find("Kleinburg").candidates} == {"Delta", "Epsilon"}  # 1,000 against 4,999


def test_a_hamlet_yields_to_a_namesake_exactly_five_times_larger(gazetteer):
    assert found(gazetteer, "Grensdorp") == ("Grensdorp", "Theta")  # 1,000 against 5,000


def test_a_place_of_5000_inhabitants_is_no_hamlet_and_namesakes_come_most_populous_first(gazetteer):
    assert [p.municipality for p in gazetteer.find("Hasselt").candidates] == ["Hasselt", "Zwartewaterland"]


def test_a_place_of_4999_inhabitants_is_kept_when_its_namesakes_are_hamlets_beside_it(gazetteer):
    assert found(gazetteer, "Kerkdorp") == ("Kerkdorp", "Alfa")  # 4,999 against three of 999


@pytest.mark.parametrize("written, municipality", [
    ("Hasselt (Overijssel)", "Zwartewaterland"), ("Hasselt (overijssel)", "Zwartewaterland"), ("Hasselt (Zwartewaterland)", "Zwartewaterland"),
    ("Hasselt (Nederland)", "Zwartewaterland"), ("Hasselt (NL)", "Zwartewaterland"), ("Hasselt (Netherlands)", "Zwartewaterland"),
    ("Hasselt (België)", "Hasselt"), ("Hasselt (Belgium)", "Hasselt"), ("Hasselt (be)", "Hasselt"), ("Hasselt (limburg-be)", "Hasselt"),
    ("Hasselt(Limburg)", "Hasselt"), ("Hasselt (Limburg)  ", "Hasselt"),
])
def test_a_qualifier_in_brackets_chooses_by_province_municipality_or_country(gazetteer, written, municipality):
    assert found(gazetteer, written) == ("Hasselt", municipality)


def test_a_qualifier_may_choose_a_hamlet_over_its_larger_namesake(gazetteer):
    assert found(gazetteer, "Ledeberg (Liedekerke)") == ("Ledeberg", "Liedekerke")


def test_a_qualifier_that_fits_no_namesake_finds_nothing(gazetteer):
    match = gazetteer.find("Hasselt (Zeeland)")
    assert match.place is None and match.candidates == ()


def test_an_unknown_name_is_given_the_three_closest_places(gazetteer):
    assert [p.name for p in gazetteer.find("Liere").suggestions] == ["Lierre", "Lieren", "Lierde"]


def test_an_unknown_name_is_given_at_most_the_asked_number_of_places(gazetteer):
    assert [p.name for p in gazetteer.closest("Liere", count=2)] == ["Lierre", "Lieren"]


def test_a_name_far_from_every_place_gets_no_suggestion(gazetteer):
    assert gazetteer.find("Xyzzy").suggestions == ()


def test_a_name_that_shares_only_some_letters_with_a_place_gets_no_suggestion(gazetteer):
    assert gazetteer.find("Lxxer").suggestions == ()  # 'lier' is only two thirds alike


def test_a_name_close_to_a_variant_is_given_its_place(gazetteer):
    assert [p.name for p in gazetteer.find("Den Boschh").suggestions] == ["'s-Hertogenbosch"]


def test_more_than_three_suggestions_may_be_asked_for(gazetteer):
    assert [p.name for p in gazetteer.closest("Liere", count=4)] == ["Lierre", "Lieren", "Lierde", "Lier"]


def test_a_suggested_name_shows_its_namesakes_but_not_their_hamlets(gazetteer):
    assert [p.municipality for p in gazetteer.find("Ledebergg").suggestions] == ["Gent"]


def test_a_place_close_by_its_name_and_by_its_variants_is_suggested_once(gazetteer):
    assert [p.name for p in gazetteer.find("Sint Gillies").suggestions] == ["Sint-Gillis"]


@pytest.mark.parametrize("text, key", [("Sint-Jans-Molenbéek", "sint jans molenbeek"), ("’s-Hertogenbosch", "s hertogenbosch"),
                                      ("  Lier ", "lier"), ("Straße 12", "strasse 12")])
def test_a_name_folds_to_lower_case_letters_and_digits_between_single_spaces(text, key):
    assert places.fold(text) == key
