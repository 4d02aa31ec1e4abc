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

from .model import Term
from .taxonomy import FACETS, Vocabulary
from .validate import IMAGE_SUFFIXES, KEYS, OPTIONAL, REQUIRED

SCHEMA_FILE = "cases/_schema.json"
# Draft-07 rather than 2020-12: it is the draft every editor's YAML support reads.
DRAFT = "http://json-schema.org/draft-07/schema#"
URL_PATTERN = "^https?://"
DATE_PATTERN = r"^\d{4}-\d{2}-\d{2}$"

DESCRIPTIONS = {
    "title": "De naam van het initiatief (3 tot 120 tekens).",
    "summary": "Eén of twee zinnen: wat het initiatief doet, voor wie en waarom het vernieuwend is (20 tot 300 tekens, gewone tekst zonder opmaak).",
    "innovation_type": "1 tot 3 types innovatie uit de woordenlijst; één waarde of een lijst.",
    "domain": "1 tot 4 maatschappelijke domeinen uit de woordenlijst; één waarde of een lijst.",
    "region": "Waar het initiatief loopt, zo precies als je weet: provincie, gewest, land of europa; één waarde of een lijst.",
    "actors": "Wie er een rol in speelt; één waarde of een lijst.",
    "organisation": "De organisatie die het initiatief draagt.",
    "partners": "Partners met hun naam en hun rol.",
    "started": "Het jaar waarin het initiatief startte, bijvoorbeeld 2016.",
    "stage": "De fase van het initiatief: pilot, actief (standaard) of afgerond.",
    "website": "De website van het initiatief, volledig met http:// of https://.",
    "image": "Een afbeelding in cases/images/, zoals images/naam.jpg (hoogstens 1 MB); vraagt image_alt.",
    "image_alt": "Wat er op de afbeelding staat, voor wie ze niet ziet.",
    "sources": "Waar de feiten vandaan komen: een titel en, als die er is, een webadres.",
    "featured": "true om het voorbeeld op de startpagina uit te lichten; dat beslist de redactie.",
    "added": "De datum waarop het voorbeeld is toegevoegd, als JJJJ-MM-DD; niet in de toekomst.",
}

# The facet of the vocabulary whose values each key takes.
FACET_OF = {"innovation_type": "innovation_type", "domain": "domain", "region": "region", "actors": "actor"}
# How many values each of those keys takes: (at least, at most or None).
COUNTS = {"innovation_type": (1, 3), "domain": (1, 4), "region": (1, None), "actors": (1, None)}

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
    """The schema every case's front matter must satisfy."""
    return {
        "$schema": DRAFT,
        "title": "Praktijkvoorbeeld",
        "description": "De sleutels bovenaan een praktijkvoorbeeld (cases/<code>.md). Gemaakt uit cases/_taxonomy.yml met: python -m showcase schema",
        "type": "object",
        "properties": {key: {"description": DESCRIPTIONS[key], **_property(key)} for key in KEYS},
        "required": list(REQUIRED),
        "additionalProperties": False,
        "dependencies": {"image": ["image_alt"]},
        "definitions": {"empty": EMPTY, **{facet: _terms(vocabulary, facet) for facet in FACETS}},
    }


def schema_text(vocabulary: Vocabulary) -> str:
    """The schema as `cases/_schema.json` holds it: pretty, sorted, one final newline."""
    return json.dumps(case_schema(vocabulary), ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def _property(key: str) -> dict:
    schema = _shape(key)
    return _or_empty(schema) if key in OPTIONAL else schema


def _shape(key: str) -> dict:
    if key in FACET_OF:
        return _one_or_more(key)
    if key in TEXT_LIMITS:
        return _text(*TEXT_LIMITS[key])
    if key == "website":
        return _url()
    if key == "partners":
        return _list_of(PARTNER, key)
    if key == "sources":
        return _list_of(SOURCE, key)
    return OTHER_SHAPES[key]


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
    return {"type": "string", "format": "uri", "pattern": URL_PATTERN, "maxLength": 2000}


def _one_or_more(key: str) -> dict:
    """A single value or a list of values of the key's facet."""
    value = {"$ref": f"#/definitions/{FACET_OF[key]}"}
    low, high = COUNTS[key]
    values: dict[str, Any] = {"type": "array", "items": value, "minItems": low, "uniqueItems": True}
    if high is not None:
        values["maxItems"] = high
    return {"anyOf": [value, values]}


def _list_of(item: dict, key: str) -> dict:
    """A list of groups of keys; an entirely empty item counts as not given."""
    return {"type": "array", "minItems": 1, "items": _or_empty(item) if key in OPTIONAL else item}


TEXT_LIMITS = {"title": (3, 120), "summary": (20, 300), "organisation": (2, 200), "image_alt": (3, 300)}
PARTNER = {
    "type": "object",
    "properties": {
        "name": {"description": "De naam van de partner.", **_text(2, 200)},
        "role": {"description": "De rol van de partner.", **_ref("partner_role")},
    },
    "required": ["name", "role"],
    "additionalProperties": False,
}
SOURCE = {
    "type": "object",
    "properties": {
        "title": {"description": "De titel van het artikel, het rapport of de website.", **_text(3, 300)},
        "url": {"description": "Het webadres, als er een is.", **_url()},
    },
    "required": ["title"],
    "additionalProperties": False,
}
_SUFFIXES = "|".join(suffix.lstrip(".") for suffix in IMAGE_SUFFIXES)
OTHER_SHAPES = {
    "started": {"type": "integer", "minimum": 1800, "maximum": 2100},
    "stage": _ref("stage"),
    "image": {"type": "string", "pattern": f"^images/[^/].*\\.({_SUFFIXES}|{_SUFFIXES.upper()})$"},
    "featured": {"type": "boolean"},
    "added": {"type": "string", "format": "date", "pattern": DATE_PATTERN},
}
