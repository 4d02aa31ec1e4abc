"""The JSON Schema of the front matter (`cases/_schema.json`), made from the vocabulary."""

from __future__ import annotations

import datetime
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from helpers import FIXTURES, REPO, VALID, front_matter as read_front_matter
from showcase.schema import SCHEMA_FILE, case_schema, schema_text

REGENERATE = "cases/_schema.json is out of step with cases/_taxonomy.yml; regenerate it with: .venv/bin/python -m showcase schema"
CASE_FILES = sorted(
    path
    for folder in (REPO / "cases", FIXTURES / "cases")
    for path in folder.glob("*.md")
    if not path.name.startswith("_")
)


def iso_dates(value):
    """YAML dates as the ISO strings an editor's YAML 1.2 support sees."""
    if isinstance(value, dict):
        return {key: iso_dates(item) for key, item in value.items()}
    if isinstance(value, list):
        return [iso_dates(item) for item in value]
    if isinstance(value, datetime.date):
        return value.isoformat()
    return value


def front_matter(path: Path) -> dict:
    return iso_dates(read_front_matter(path.read_text(encoding="utf-8")))


@pytest.fixture(scope="module")
def validator(vocabulary):
    return jsonschema.Draft7Validator(case_schema(vocabulary))


def failing_keys(validator, data: dict) -> set[str]:
    """The top-level keys the schema objects to ('' for the whole front matter)."""
    return {str(error.absolute_path[0]) if error.absolute_path else "" for error in validator.iter_errors(data)}


def test_committed_schema_is_the_one_the_vocabulary_gives(vocabulary):
    assert (REPO / SCHEMA_FILE).read_text(encoding="utf-8") == schema_text(vocabulary), REGENERATE


def test_schema_command_prints_the_committed_schema():
    result = subprocess.run([sys.executable, "-m", "showcase", "schema", "--stdout"], cwd=REPO, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout == (REPO / SCHEMA_FILE).read_text(encoding="utf-8"), REGENERATE


def test_schema_is_valid_draft_07(vocabulary):
    jsonschema.Draft7Validator.check_schema(case_schema(vocabulary))


@pytest.mark.parametrize("path", CASE_FILES, ids=lambda path: path.name)
def test_every_case_satisfies_the_schema(path, validator):
    errors = [f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(front_matter(path))]
    assert not errors


def test_a_single_value_is_as_good_as_a_list_of_one(validator):
    assert validator.is_valid({**VALID, "region": "antwerpen", "domain": "voeding"})


def test_unknown_key_fails(validator):
    assert failing_keys(validator, {**VALID, "domian": ["energie"]}) == {""}


def test_theme_key_fails(validator):
    assert not validator.is_valid({**VALID, "tags": ["energie"]})


def test_domain_outside_the_vocabulary_fails(validator):
    assert failing_keys(validator, {**VALID, "domain": ["mobiliteid"]}) == {"domain"}


def test_five_domains_fail(validator):
    five = ["energie", "klimaat", "mobiliteit", "werk", "welzijn"]
    assert failing_keys(validator, {**VALID, "domain": five}) == {"domain"}


def test_four_innovation_types_fail(validator):
    four = ["product", "dienst", "proces", "platform"]
    assert failing_keys(validator, {**VALID, "innovation_type": four}) == {"innovation_type"}


def test_a_value_listed_twice_fails(validator):
    assert failing_keys(validator, {**VALID, "domain": ["energie", "energie"]}) == {"domain"}


@pytest.mark.parametrize("key", ["title", "summary", "innovation_type", "domain", "region", "added"])
def test_each_required_key_is_required(validator, key):
    data = {name: value for name, value in VALID.items() if name != key}
    assert not validator.is_valid(data)


@pytest.mark.parametrize("key, value", [
    ("title", "ab"),
    ("title", "x" * 121),
    ("summary", "Te kort."),
    ("summary", "x" * 301),
])
def test_text_outside_its_length_limits_fails(validator, key, value):
    assert failing_keys(validator, {**VALID, key: value}) == {key}


@pytest.mark.parametrize("value", [1799, "2016", 2016.5])
def test_started_is_a_whole_year_from_1800(validator, value):
    assert failing_keys(validator, {**VALID, "started": value}) == {"started"}


@pytest.mark.parametrize("value", ["javascript:alert(1)", "www.example.org", "ftp://example.org"])
def test_website_must_start_with_http_or_https(validator, value):
    assert failing_keys(validator, {**VALID, "website": value}) == {"website"}


def test_added_must_be_written_as_yyyy_mm_dd(validator):
    assert failing_keys(validator, {**VALID, "added": "22-11-2026"}) == {"added"}


def test_partner_needs_a_name_and_a_role_from_the_vocabulary(validator):
    assert not validator.is_valid({**VALID, "partners": [{"name": "Stad Gent"}]})
    assert not validator.is_valid({**VALID, "partners": [{"name": "Stad Gent", "role": "sponsor"}]})
    assert validator.is_valid({**VALID, "partners": [{"name": "Stad Gent", "role": "financier"}]})


def test_source_needs_a_title_and_may_leave_out_its_url_beside_one_with_a_url(validator):
    with_url = {"title": "De website", "url": "https://example.org"}
    assert validator.is_valid({**VALID, "sources": [{"title": "Jaarverslag 2023"}, with_url]})
    assert not validator.is_valid({**VALID, "sources": [{"url": "https://example.org"}]})


def test_sources_without_any_url_fail_the_schema_as_in_the_validator(validator):
    assert failing_keys(validator, {**VALID, "sources": [{"title": "Jaarverslag 2023"}]}) == {"sources"}


def test_case_without_sources_fails_the_schema(validator):
    data = {key: value for key, value in VALID.items() if key != "sources"}
    assert not validator.is_valid(data)


@pytest.mark.parametrize("value", ["2023", "2023-06", "2023-06-12", 2023])
def test_source_date_is_a_year_a_month_or_a_day(validator, value):
    assert validator.is_valid({**VALID, "sources": [{"title": "Een artikel", "url": "https://example.org", "date": value}]})


def test_source_date_in_words_fails_the_schema(validator):
    assert not validator.is_valid({**VALID, "sources": [{"title": "Een artikel", "url": "https://example.org", "date": "juni 2023"}]})


def test_place_may_replace_region(validator):
    data = {key: value for key, value in VALID.items() if key != "region"}
    assert not validator.is_valid(data)
    assert validator.is_valid({**data, "place": ["Gent", "Ledeberg"]})


@pytest.mark.parametrize("value", [0, 18, [1, 2, 3, 4], "7"])
def test_sdg_is_one_to_three_goal_numbers(validator, value):
    assert failing_keys(validator, {**VALID, "sdg": value}) == {"sdg"}


def test_target_group_takes_values_of_the_vocabulary(validator):
    assert validator.is_valid({**VALID, "target_group": ["kinderen", "gezinnen"]})
    assert failing_keys(validator, {**VALID, "target_group": ["kinders"]}) == {"target_group"}


def test_stage_is_one_value_of_the_vocabulary(validator):
    assert validator.is_valid({**VALID, "stage": "pilot"})
    assert failing_keys(validator, {**VALID, "stage": ["pilot"]}) == {"stage"}


def test_image_needs_image_alt(validator):
    assert not validator.is_valid({**VALID, "image": "images/fietsen.jpg"})
    assert validator.is_valid({**VALID, "image": "images/fietsen.jpg", "image_alt": "Kinderfietsen in een depot"})


def test_empty_optional_keys_count_as_not_given_as_in_the_validator(validator):
    left_empty = {
        "actors": [], "organisation": "", "partners": [{"name": "", "role": ""}], "started": None,
        "website": "", "target_group": [], "sdg": [], "checked": None, "place": [],
    }
    assert validator.is_valid({**VALID, **left_empty})


def test_template_fails_only_on_the_keys_it_leaves_to_fill(validator):
    keys = failing_keys(validator, front_matter(REPO / "cases" / "_template.md"))
    assert keys == {"title", "summary", "innovation_type", "domain", "sources", "added", ""}  # "": place or region


def test_every_key_has_a_dutch_description(vocabulary):
    properties = case_schema(vocabulary)["properties"]
    assert all(schema["description"] for schema in properties.values())
    assert "naam van het initiatief" in properties["title"]["description"]


def test_each_value_carries_its_label_and_description_for_editors(vocabulary):
    domain = case_schema(vocabulary)["definitions"]["domain"]
    index = domain["enum"].index("mobiliteit")
    assert domain["markdownEnumDescriptions"][index].startswith("**Mobiliteit**: Duurzame")


def test_a_province_is_described_with_the_regions_above_it(vocabulary):
    region = case_schema(vocabulary)["definitions"]["region"]
    index = region["enum"].index("antwerpen")
    assert region["markdownEnumDescriptions"][index].startswith("**België › Vlaanderen › Antwerpen**")
