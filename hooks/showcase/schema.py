"""The JSON Schema of a case's front matter, derived from the vocabulary.

Editors that speak JSON Schema (VS Code with the YAML extension, JetBrains)
read `cases/_schema.json` through the template's first line and then offer the
allowed values, their labels and the length limits while a contributor types.
The validator (`validate.py`) stays the authority: it also checks what a schema
cannot (dates in the future, image files, Markdown in the summary).
"""

from __future__ import annotations

import json
from typing import Any

from . import fields
from .fields import BY_NAME, IMAGE_SUFFIXES, ITEMS_OF, MAX_URL, NAMES, OPTIONAL, REQUIRED
from .goals import GOALS
from .model import Term
from .taxonomy import FACETS, Vocabulary

SCHEMA_FILE = "cases/_schema.json"
# Draft-07 rather than 2020-12: it is the draft every editor's YAML support reads.
DRAFT = "http://json-schema.org/draft-07/schema#"
URL_PATTERN = "^https?://"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"
SOURCE_DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"

# Mirrors validate.drop_empty_optionals: an optional key (or list item) left
# empty, as the template leaves it, counts as not given rather than as wrong.
EMPTY = {
    "description": "Leeg: telt als niet ingevuld.",
    "anyOf": [
        {"type": "null"},
        {"type": "string", "pattern": r"^\s*$"},
        {"type": "array", "items": {"$ref": "#/definitions/empty"}},
        {"type": "object", "additionalProperties": {"$ref": "#/definitions/empty"}},
    ],
}


def case_schema(vocabulary: Vocabulary) -> dict:
    """The schema every case's front matter must satisfy.

    What depends on the day (a start year up to next year, dates not in the
    future) is in the descriptions, not in the schema: a committed schema with
    this year's numbers would be wrong next year. The validator checks it.
    """
    # `region` is required unless `place` is given; an empty one counts as not given.
    required_unless = [
        {"anyOf": [_given(key.name), _given(key.required_unless)]}
        for key in fields.KEYS if key.required_unless
    ]
    return {
        "$schema": DRAFT,
        "title": "Praktijkvoorbeeld",
        "description": "De sleutels bovenaan een praktijkvoorbeeld (cases/<code>.md). Gemaakt uit hooks/showcase/fields.py en cases/_taxonomy.yml met: python -m showcase schema",
        "type": "object",
        "properties": {name: {"description": _description(name), **_property(name)} for name in NAMES},
        "required": list(REQUIRED),
        "allOf": required_unless,
        "additionalProperties": False,
        "dependencies": {"image": ["image_alt"]},
        "definitions": {"empty": EMPTY, **{facet: _terms(vocabulary, facet) for facet in FACETS}},
    }


def schema_text(vocabulary: Vocabulary) -> str:
    """The schema as `cases/_schema.json` holds it: pretty, sorted, one final newline."""
    return json.dumps(case_schema(vocabulary), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _description(name: str) -> str:
    key = BY_NAME[name]
    limit = fields._limit(key)
    return f"{key.description} ({limit})." if limit else key.description


def _property(name: str) -> dict:
    schema = _shape(BY_NAME[name])
    return _or_empty(schema) if name in OPTIONAL else schema


def _shape(key: fields.Key) -> dict:
    form = key.form
    if form == fields.TERMS:
        return _one_or_more({"$ref": f"#/definitions/{key.facet}"}, key.low, key.high)
    if form == fields.PLACES:
        return _one_or_more({"type": "string", "minLength": 2}, key.low, key.high)
    if form == fields.GOALS:
        goal = {"type": "integer", "minimum": 1, "maximum": fields.SDG_COUNT,
                "markdownEnumDescriptions": [f"**{g.number}**: {g.name}" for g in GOALS], "enum": [g.number for g in GOALS]}
        return _one_or_more(goal, key.low, key.high)
    if form == fields.TEXT:
        return _text(key.low, key.high)
    if form == fields.URL:
        return _url()
    if form == fields.ITEMS:
        return _list_of(key)
    if form == fields.YEAR:
        return {"type": "integer", "minimum": fields.FIRST_YEAR}
    if form == fields.STAGE:
        return _ref("stage")
    if form == fields.IMAGE:
        suffixes = "|".join(suffix.lstrip(".") for suffix in IMAGE_SUFFIXES)
        return {"type": "string", "pattern": f"^images/[^/].*\\.({suffixes}|{suffixes.upper()})$"}
    if form == fields.FLAG:
        return {"type": "boolean"}
    return {"type": "string", "format": "date", "pattern": DATE_PATTERN}


def _given(name: str) -> dict:
    return {"required": [name], "properties": {name: {"not": {"$ref": "#/definitions/empty"}}}}


def _or_empty(schema: dict) -> dict:
    return {"anyOf": [schema, {"$ref": "#/definitions/empty"}]}


def _ref(name: str) -> dict:
    # Wrapped in allOf: in draft-07 a description beside a bare $ref is ignored.
    return {"allOf": [{"$ref": f"#/definitions/{name}"}]}


def _terms(vocabulary: Vocabulary, facet: str) -> dict:
    """A value of one facet, with each value's label and description for editors."""
    terms = vocabulary.terms(facet)
    return {
        "type": "string",
        "enum": [term.slug for term in terms],
        # VS Code's extension to JSON Schema, read by its YAML support; validators ignore it.
        "markdownEnumDescriptions": [f"**{_path_label(vocabulary, term)}**: {term.description}" for term in terms],
    }


def _path_label(vocabulary: Vocabulary, term: Term) -> str:
    """A region's label with the regions above it: 'Nederland › Utrecht'."""
    if term.facet != "region":
        return term.label
    above = [vocabulary.label("region", slug) for slug in reversed(vocabulary.ancestors(term.slug))]
    return " › ".join([*above, term.label])


def _text(low: int, high: int) -> dict:
    return {"type": "string", "minLength": low, "maxLength": high}


def _url() -> dict:
    return {"type": "string", "format": "uri", "pattern": URL_PATTERN, "maxLength": MAX_URL}


def _one_or_more(value: dict, low: int, high: int | None) -> dict:
    """A single value or a list of values."""
    values: dict[str, Any] = {"type": "array", "items": value, "minItems": low, "uniqueItems": True}
    if high is not None:
        values["maxItems"] = high
    return {"anyOf": [value, values]}


def _item(key: str) -> dict:
    properties = {}
    for item in ITEMS_OF[key]:
        if item.form == fields.TEXT:
            shape = _text(item.low, item.high)
        elif item.form == fields.URL:
            shape = _url()
        elif item.form == fields.TERMS:
            shape = _ref(item.facet)
        else:
            shape = {"anyOf": [{"type": "string", "pattern": SOURCE_DATE_PATTERN}, {"type": "integer", "minimum": 1000, "maximum": 9999}]}
        properties[item.name] = {"description": item.description, **shape}
    return {"type": "object", "properties": properties, "required": [i.name for i in ITEMS_OF[key] if i.required], "additionalProperties": False}


def _list_of(key: fields.Key) -> dict:
    """A list of groups of keys; an entirely empty item counts as not given."""
    item = _item(key.name)
    schema = {"type": "array", "minItems": key.low or 1, "items": _or_empty(item) if key.name in OPTIONAL else item}
    if key.name == "sources":
        schema["contains"] = {"type": "object", "required": ["url"]}  # at least one source with a url
    return schema
