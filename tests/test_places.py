"""The gazetteer: every place a case may name, with its municipality and province."""

from __future__ import annotations

import pytest

from showcase import places

# Known places and their provinces: towns, municipalities, former
# municipalities and villages, several in every province.
KNOWN = [
    ("Antwerpen", "antwerpen"), ("Borgerhout", "antwerpen"), ("Mechelen", "antwerpen"), ("Turnhout", "antwerpen"),
    ("Geel", "antwerpen"), ("Lier", "antwerpen"), ("Mol", "antwerpen"),
    ("Gent", "oost-vlaanderen"), ("Ledeberg", "oost-vlaanderen"), ("Gentbrugge", "oost-vlaanderen"),
    ("Aalst", "oost-vlaanderen"), ("Sint-Niklaas", "oost-vlaanderen"), ("Eeklo", "oost-vlaanderen"),
    ("Oudenaarde", "oost-vlaanderen"), ("Zwijndrecht (België)", "oost-vlaanderen"),
    ("Brugge", "west-vlaanderen"), ("Kortrijk", "west-vlaanderen"), ("Oostende", "west-vlaanderen"),
    ("Ieper", "west-vlaanderen"), ("Roeselare", "west-vlaanderen"), ("Gits", "west-vlaanderen"), ("Poperinge", "west-vlaanderen"),
    ("Leuven", "vlaams-brabant"), ("Vilvoorde", "vlaams-brabant"), ("Tienen", "vlaams-brabant"), ("Diest", "vlaams-brabant"),
    ("Dilbeek", "vlaams-brabant"), ("Halle (Vlaams-Brabant)", "vlaams-brabant"), ("Zaventem", "vlaams-brabant"),
    ("Hasselt (Limburg)", "limburg-be"), ("Genk", "limburg-be"), ("Sint-Truiden", "limburg-be"), ("Tongeren", "limburg-be"),
    ("Maaseik", "limburg-be"), ("Lommel", "limburg-be"), ("Beringen", "limburg-be"),
    ("Brussel", "brussel"), ("Schaarbeek", "brussel"), ("Sint-Jans-Molenbeek", "brussel"), ("Elsene", "brussel"),
    ("Anderlecht", "brussel"), ("Sint-Gillis", "brussel"), ("Ukkel", "brussel"), ("Jette", "brussel"),
    ("Amsterdam", "noord-holland"), ("Haarlem", "noord-holland"), ("Rotterdam", "zuid-holland"), ("Den Haag", "zuid-holland"),
    ("Leiden", "zuid-holland"), ("Utrecht", "utrecht"), ("Amersfoort", "utrecht"), ("Groningen", "groningen"),
    ("Leeuwarden", "friesland"), ("Assen", "drenthe"), ("Emmen", "drenthe"), ("Zwolle", "overijssel"), ("Enschede", "overijssel"),
    ("Arnhem", "gelderland"), ("Nijmegen", "gelderland"), ("Almere", "flevoland"), ("Lelystad", "flevoland"),
    ("Middelburg", "zeeland"), ("Vlissingen", "zeeland"), ("'s-Hertogenbosch", "noord-brabant"), ("Tilburg", "noord-brabant"),
    ("Eindhoven", "noord-brabant"), ("Maastricht", "limburg-nl"), ("Heerlen", "limburg-nl"), ("Venlo", "limburg-nl"),
]


@pytest.fixture(scope="module")
def gazetteer(vocabulary):
    """The gazetteer as the validator has it, its provinces named by the taxonomy."""
    return vocabulary.gazetteer()


@pytest.mark.parametrize("name, province", KNOWN)
def test_known_place_lies_in_its_province(gazetteer, name, province):
    found = gazetteer.find(name).place
    assert found is not None and found.province == province


def test_deelgemeente_knows_its_municipality(gazetteer):
    assert gazetteer.find("Ledeberg").place.municipality == "Gent"
    assert gazetteer.find("Borgerhout").place.municipality == "Antwerpen"


def test_brussels_municipalities_carry_their_dutch_names(gazetteer):
    assert gazetteer.find("Schaerbeek").place.name == "Schaarbeek"
    assert gazetteer.find("Ixelles").place.name == "Elsene"


def test_every_place_has_coordinates_in_belgium_or_the_netherlands(gazetteer):
    assert all(49.4 < p.lat < 53.7 and 2.5 < p.lon < 7.3 for p in gazetteer.places)


def test_gazetteer_covers_flanders_brussels_and_every_dutch_province(gazetteer, vocabulary):
    provinces = {p.province for p in gazetteer.places}
    assert provinces == {t.slug for t in vocabulary.terms("region") if not t.children} - {"wallonie", "europa"}
    assert len(gazetteer.places) > 2500


def test_place_slugs_are_unique(gazetteer):
    assert len({p.slug for p in gazetteer.places}) == len(gazetteer.places)


def test_namesakes_keep_apart_slugs_the_largest_plain(gazetteer):
    assert gazetteer.find("Hasselt (Limburg)").place.slug == "hasselt"
    assert gazetteer.find("Hasselt (Overijssel)").place.slug == "hasselt-overijssel"


def test_ambiguous_name_lists_its_namesakes(gazetteer):
    match = gazetteer.find("Hasselt")
    assert match.place is None and {p.province for p in match.candidates} == {"limburg-be", "overijssel"}


def test_unknown_name_gets_close_suggestions(gazetteer):
    assert [p.name for p in gazetteer.find("Kortrjik").suggestions][:1] == ["Kortrijk"]


def test_walloon_towns_are_not_in_the_gazetteer(gazetteer):
    assert gazetteer.find("Namur").place is None and gazetteer.find("Charleroi").place is None


def test_fold_ignores_case_accents_and_punctuation():
    assert places.fold("'s-Hertogenbosch") == places.fold("S HERTOGENBOSCH")
    assert places.fold("Sint-Jans-Molenbéek") == "sint jans molenbeek"


@pytest.mark.parametrize("name, municipality", [
    ("Aagtekerke", "Veere"),  # a village
    ("Oostvoorne", "Voorne aan Zee"),  # a municipality merged in 2023
    ("Weesp", "Amsterdam"),  # a former municipality, merged in 2022
    ("Sneek", "Súdwest-Fryslân"),  # CBS' spelling, not GeoNames'
    ("Zwolle", "Zwolle"),
])
def test_dutch_place_knows_its_municipality(gazetteer, name, municipality):
    assert gazetteer.find(name).place.municipality == municipality


def test_every_dutch_place_has_a_municipality(gazetteer):
    assert all(p.municipality for p in gazetteer.places if p.country == "NL")


def test_dutch_municipality_chooses_among_namesakes(gazetteer):
    assert gazetteer.find("Hasselt (Zwartewaterland)").place.province == "overijssel"
    assert gazetteer.find("Mechelen (Gulpen-Wittem)").place.country == "NL"
