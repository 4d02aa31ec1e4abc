"""The vocabulary file and its region tree."""

from __future__ import annotations

import pytest

from showcase.taxonomy import FACETS, VocabularyError, load_vocabulary

CONTRACT = {
    "innovation_type": ["product", "dienst", "proces", "organisatiemodel", "samenwerking", "nieuwe-markt", "platform"],
    "domain": ["armoede", "biodiversiteit", "circulaire-economie", "diversiteit", "economie", "energie", "huisvesting",
               "klimaat", "mobiliteit", "onderwijs", "samenleven", "voeding", "welzijn", "werk"],
    "actor": ["burgers", "vereniging", "overheid", "bedrijf", "sociale-onderneming", "kennisinstelling", "financier"],
    "partner_role": ["uitvoeringspartner", "netwerkpartner", "kennispartner", "dienstenpartner", "financier"],
    "stage": ["pilot", "actief", "afgerond"],
}


def test_vocabulary_holds_every_value_of_the_contract(vocabulary):
    for facet, slugs in CONTRACT.items():
        assert vocabulary.slugs(facet) == slugs


def test_every_value_has_a_label_and_description(vocabulary):
    for facet in FACETS:
        for term in vocabulary.terms(facet):
            assert term.label and term.description, term


def test_contract_labels_are_used(vocabulary):
    assert vocabulary.label("innovation_type", "platform") == "Platform en ecosysteem"
    assert vocabulary.label("domain", "huisvesting") == "Wonen"
    assert vocabulary.label("region", "limburg-be") == "Limburg (BE)"


def test_province_has_its_region_and_country_as_ancestors(vocabulary):
    assert vocabulary.ancestors("antwerpen") == ["vlaanderen", "belgie"]
    assert vocabulary.ancestors("utrecht") == ["nederland"]
    assert vocabulary.ancestors("europa") == []


def test_regions_widen_to_their_ancestors_in_tree_order(vocabulary):
    assert vocabulary.with_ancestors(("utrecht", "antwerpen")) == ["belgie", "vlaanderen", "antwerpen", "nederland", "utrecht"]


def test_broken_taxonomy_is_reported_with_file_and_line(tmp_path):
    path = tmp_path / "_taxonomy.yml"
    path.write_text("innovation_type:\n  - slug: Product\n    label: Product\n    description: x\n", encoding="utf-8")
    with pytest.raises(VocabularyError) as error:
        load_vocabulary(path)
    text = str(error.value)
    assert "cases/_taxonomy.yml:2: innovation_type: slug 'Product' must be lower-case" in text
    assert "domain: must be a list of values" in text


def test_provinces_are_named_by_their_label_without_the_bracketed_country(vocabulary):
    assert vocabulary.region_name("limburg-be") == vocabulary.region_name("limburg-nl") == "Limburg"
    assert vocabulary.region_name("oost-vlaanderen") == "Oost-Vlaanderen"
    gazetteer = vocabulary.gazetteer()
    assert all(p.province in vocabulary.facets["region"] and p.province_name == vocabulary.region_name(p.province) for p in gazetteer.places)
    assert gazetteer.find("Gent").place.describe() == "Gent (Oost-Vlaanderen)"
    assert gazetteer.find("Hasselt (Limburg)").place.province == "limburg-be"
