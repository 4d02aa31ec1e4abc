"""The case schema is declared once (fields.py); everything else follows it."""

from __future__ import annotations

import dataclasses

import pytest

from helpers import REPO, case_text, messages
from showcase import contribute, fields, issueform, schema


@pytest.fixture
def shorter_titles(monkeypatch):
    """The declaration with titles of at most 60 characters instead of 120."""
    title = dataclasses.replace(fields.BY_NAME["title"], high=60)
    monkeypatch.setitem(fields.BY_NAME, "title", title)
    monkeypatch.setattr(fields, "KEYS", tuple(title if key.name == "title" else key for key in fields.KEYS))
    return 60


def test_a_changed_limit_reaches_the_validator(tmp_path, shorter_titles):
    found = messages(tmp_path, case_text(title="x" * 61))
    assert any("title: has 61 characters; allowed is 3 to 60" in message for message in found)


def test_a_changed_limit_reaches_the_json_schema(vocabulary, shorter_titles):
    assert schema.case_schema(vocabulary)["properties"]["title"]["maxLength"] == 60


def test_a_changed_limit_reaches_the_issue_form(vocabulary, shorter_titles):
    form = {element["id"]: element for element in issueform.issue_form(vocabulary)["body"] if "id" in element}
    assert "3 tot 60 tekens" in form["title"]["attributes"]["description"]


def test_a_changed_limit_reaches_the_contributors_table(shorter_titles):
    assert "| `title` | ja | 3 tot 60 tekens |" in contribute.limits_markdown()


def test_committed_contributing_has_the_declared_limits():
    text = (REPO / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert contribute.with_limits(text) == text, "regenerate with: .venv/bin/python -m showcase limits"


def test_every_key_of_the_contract_is_declared():
    contract = {"title", "summary", "innovation_type", "domain", "region", "place", "actors", "organisation", "partners",
                "started", "stage", "website", "image", "image_alt", "sources", "featured", "added", "target_group", "sdg", "checked"}
    assert set(fields.NAMES) == contract


def test_required_keys_are_those_of_the_contract():
    assert set(fields.REQUIRED) == {"title", "summary", "innovation_type", "domain", "sources", "added"}
    assert fields.BY_NAME["region"].required_unless == "place"


def test_each_facet_maps_to_a_key_and_a_catalogue_parameter():
    assert {facet.parameter for facet in fields.FACETS} == {"type", "domein", "regio", "plaats", "doelgroep", "sdg", "actor", "fase"}
    assert all(facet.key in fields.NAMES for facet in fields.FACETS)
