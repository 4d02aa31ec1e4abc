"""The taxonomy file's own rules (showcase.taxonomy.load_vocabulary) and what a Vocabulary answers."""

from __future__ import annotations

import pytest

from showcase.model import Problem, Term
from showcase.taxonomy import FACETS, VocabularyError, load_vocabulary

REL = "cases/_taxonomy.yml"
ONE_VALUE = "  - slug: {slug}-a\n    label: A\n    description: Een waarde.\n"
VALUES = "must be a list of values with slug, label and description"


def taxonomy(**facets: str) -> str:
    """A valid taxonomy text of one value per facet, with the facets given here written as given."""
    return "".join(f"{facet}:\n" + facets.get(facet, ONE_VALUE.format(slug=facet.replace("_", "-"))) for facet in FACETS)


def load(tmp_path, text: str | bytes):
    path = tmp_path / "_taxonomy.yml"
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return load_vocabulary(path)


def refusals(tmp_path, text: str | bytes) -> list[str]:
    with pytest.raises(VocabularyError) as error:
        load(tmp_path, text)
    return [str(problem) for problem in error.value.problems]


def line_of(text: str, needle: str) -> int:
    return text[: text.index(needle)].count("\n") + 1


def test_a_taxonomy_of_one_value_per_facet_is_read(tmp_path):
    vocabulary = load(tmp_path, taxonomy())
    assert {facet: vocabulary.slugs(facet) for facet in FACETS} == {facet: [f"{facet.replace('_', '-')}-a"] for facet in FACETS}


def test_labels_and_descriptions_are_read_without_surrounding_spaces(tmp_path):
    vocabulary = load(tmp_path, taxonomy(domain="  - slug: energie\n    label: '  Energie '\n    description: ' Wat energie is. '\n"))
    assert vocabulary.term("domain", "energie") == Term("domain", "energie", "Energie", "Wat energie is.")


REGIONS = """  - slug: belgie
    label: België
    description: Het land.
    children:
      - slug: vlaanderen
        label: Vlaanderen
        description: Het gewest.
        children:
          - slug: limburg-be
            label: Limburg (BE)
            description: De provincie.
      - slug: brussel
        label: Brussel
        description: Het gewest.
  - slug: europa
    label: Europa
    description: Heel Europa.
"""


def test_regions_form_a_tree_of_parents_and_children_in_the_order_written(tmp_path):
    vocabulary = load(tmp_path, taxonomy(region=REGIONS))
    assert vocabulary.slugs("region") == ["belgie", "vlaanderen", "limburg-be", "brussel", "europa"]
    assert vocabulary.term("region", "belgie") == Term("region", "belgie", "België", "Het land.", None, ("vlaanderen", "brussel"))
    assert vocabulary.term("region", "vlaanderen") == Term("region", "vlaanderen", "Vlaanderen", "Het gewest.", "belgie", ("limburg-be",))
    assert vocabulary.term("region", "limburg-be").parent == "vlaanderen"


def test_a_region_lies_as_deep_as_it_has_regions_above_it(tmp_path):
    vocabulary = load(tmp_path, taxonomy(region=REGIONS))
    assert [vocabulary.depth(slug) for slug in ("belgie", "vlaanderen", "limburg-be", "europa")] == [0, 1, 2, 0]


def test_a_region_is_named_without_the_bracketed_country_at_the_end_only(tmp_path):
    regions = REGIONS.replace("label: Europa", "label: (Heel) Europa (EU) (27)")
    vocabulary = load(tmp_path, taxonomy(region=regions))
    assert (vocabulary.region_name("limburg-be"), vocabulary.region_name("belgie"), vocabulary.region_name("europa")) == (
        "Limburg", "België", "(Heel) Europa (EU)")


def test_a_facet_made_at_build_time_is_added_beside_the_others(tmp_path):
    vocabulary = load(tmp_path, taxonomy())
    widened = vocabulary.with_facet("sdg", [Term("sdg", "1", "Geen armoede", "Armoede uitbannen.")])
    assert widened.label("sdg", "1") == "Geen armoede" and widened.slugs("domain") == ["domain-a"]
    assert "sdg" not in vocabulary.facets


def test_a_missing_facet_is_reported_on_the_first_line(tmp_path):
    text = taxonomy().replace("stage:\n" + ONE_VALUE.format(slug="stage"), "")
    assert refusals(tmp_path, text) == [f"{REL}:1: stage: {VALUES}"]


@pytest.mark.parametrize("value", [" []\n", " geen lijst\n"])
def test_a_facet_that_is_no_list_of_values_is_reported_on_its_line(tmp_path, value):
    text = taxonomy(domain=value).replace("domain:\n", "domain:", 1)
    assert refusals(tmp_path, text) == [f"{REL}:{line_of(text, 'domain:')}: domain: {VALUES}"]


def test_a_taxonomy_that_is_no_group_of_facets_lacks_every_facet(tmp_path):
    assert refusals(tmp_path, "- een\n- twee\n") == [f"{REL}:1: {facet}: {VALUES}" for facet in FACETS]


def test_keys_that_are_no_facet_are_reported_in_alphabetical_order(tmp_path):
    text = taxonomy() + "thema: []\nbeleid: []\n"
    facets = ", ".join(FACETS)
    assert refusals(tmp_path, text) == [
        f"{REL}:{line_of(text, 'beleid')}: beleid: is not a facet; the facets are {facets}",
        f"{REL}:{line_of(text, 'thema')}: thema: is not a facet; the facets are {facets}",
    ]


def test_a_value_that_is_no_group_of_keys_is_reported_on_its_line(tmp_path):
    text = taxonomy(stage="  - pilot\n")
    assert refusals(tmp_path, text) == [f"{REL}:{line_of(text, '- pilot')}: stage: each value needs slug, label and description"]


@pytest.mark.parametrize("slug, shown", [("Pilot", "'Pilot'"), ("pilot--fase", "'pilot--fase'"), ("12", "12"), ("", "''")])
def test_a_slug_that_is_no_lower_case_name_is_refused(tmp_path, slug, shown):
    text = taxonomy(stage=f"  - slug: {slug or repr('')}\n    label: Pilot\n    description: Een proef.\n")
    assert refusals(tmp_path, text) == [f"{REL}:{line_of(text, 'stage:') + 1}: stage: slug {shown} must be lower-case a-z, 0-9 and single hyphens"]


def test_a_value_without_a_slug_is_refused(tmp_path):
    text = taxonomy(stage="  - label: Pilot\n    description: Een proef.\n")
    assert refusals(tmp_path, text) == [f"{REL}:{line_of(text, '- label')}: stage: slug None must be lower-case a-z, 0-9 and single hyphens"]


def test_a_slug_written_twice_is_refused_on_its_second_line(tmp_path):
    value = "  - slug: pilot\n    label: Pilot\n    description: Een proef.\n"
    text = taxonomy(stage=value + value)
    second = text.rindex("- slug: pilot")
    assert refusals(tmp_path, text) == [f"{REL}:{text[:second].count(chr(10)) + 1}: stage: slug 'pilot' appears twice"]


@pytest.mark.parametrize("keys", [
    "    description: Een proef.\n", "    label: '  '\n    description: Een proef.\n",
    "    label: Pilot\n", "    label: Pilot\n    description: ' '\n", "    label: 3\n    description: Een proef.\n",
    "    label: Pilot\n    description: [een, lijst]\n",
])
def test_a_value_needs_a_label_and_a_description(tmp_path, keys):
    text = taxonomy(stage="  - slug: pilot\n" + keys)
    assert refusals(tmp_path, text) == [f"{REL}:{line_of(text, '- slug: pilot')}: stage: 'pilot' needs a label and a one-line description"]


def test_only_regions_have_children(tmp_path):
    text = taxonomy(domain="  - slug: energie\n    label: Energie\n    description: Energie.\n    children:\n"
                           "      - slug: zon\n        label: Zon\n        description: Zonne-energie.\n")
    assert refusals(tmp_path, text) == [f"{REL}:{line_of(text, '- slug: energie')}: domain: only region values can have children"]


def test_a_problem_deep_in_the_region_tree_names_its_line(tmp_path):
    text = taxonomy(region=REGIONS.replace("slug: limburg-be", "slug: Limburg"))
    assert refusals(tmp_path, text) == [f"{REL}:{line_of(text, '- slug: Limburg')}: region: slug 'Limburg' must be lower-case a-z, 0-9 and single hyphens"]


def test_every_problem_of_the_file_is_reported_at_once(tmp_path):
    text = taxonomy(stage="  - pilot\n  - slug: X\n", domain=" []\n").replace("domain:\n", "domain:", 1)
    assert len(refusals(tmp_path, text)) == 3


def test_a_taxonomy_that_is_not_valid_yaml_is_refused_with_its_line(tmp_path):
    found = refusals(tmp_path, "domain:\n  - slug: [energie\n")
    assert len(found) == 1 and found[0].startswith(f"{REL}:") and ": front matter: is not valid YAML" in found[0]


def test_a_taxonomy_that_is_not_text_is_refused(tmp_path):
    assert refusals(tmp_path, b"\x00\x01") == [f"{REL}:1: file: is a binary file; a case is a UTF-8 text file in Markdown"]


def test_the_error_of_a_broken_taxonomy_lists_every_problem_one_a_line():
    problems = [Problem(REL, 1, "domain", "een"), Problem(REL, 2, "stage", "twee")]
    error = VocabularyError(problems)
    assert (str(error), error.problems) == (f"{REL}:1: domain: een\n{REL}:2: stage: twee", problems)
