"""Property-based: whatever a case file holds, validation answers, never crashes.

Every input either validates or yields problems that each name the file and a
line; no input raises.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from helpers import REPO, TODAY, case_text
from showcase.casefiles import load_case
from showcase.taxonomy import load_vocabulary

VOCABULARY = load_vocabulary(REPO / "cases" / "_taxonomy.yml")
ROOT = Path(tempfile.mkdtemp(prefix="fuzz-"))
(ROOT / "cases" / "images").mkdir(parents=True)
shutil.copy(REPO / "cases" / "_taxonomy.yml", ROOT / "cases" / "_taxonomy.yml")
FUZZ = settings(max_examples=int(os.environ.get("FUZZ_EXAMPLES", "150")), deadline=None, suppress_health_check=[HealthCheck.too_slow])
KEYS = ["title", "summary", "innovation_type", "domain", "region", "added", "actors", "organisation", "partners",
        "started", "stage", "website", "image", "image_alt", "sources", "featured", "tags", "x"]


def validate_bytes(data: bytes):
    path = ROOT / "cases" / "fuzz.md"
    path.write_bytes(data)
    case, problems = load_case(path, ROOT, VOCABULARY, TODAY)
    assert (case is None) == bool(problems)
    for problem in problems:
        assert problem.path == "cases/fuzz.md"
        assert isinstance(problem.line, int) and problem.line >= 1
        assert problem.key and problem.message
    return case, problems


yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=40) | st.dates().map(str),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4),
    max_leaves=12,
)


@FUZZ
@given(st.text(max_size=2000))
def test_arbitrary_text_never_raises(text):
    validate_bytes(text.encode("utf-8", "surrogatepass"))


@FUZZ
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_raise(data):
    validate_bytes(data)


@FUZZ
@given(st.dictionaries(st.sampled_from(KEYS) | st.text(max_size=12), yaml_values, max_size=12), st.text(max_size=300))
def test_arbitrary_yaml_documents_never_raise(front, body):
    text = "---\n" + yaml.safe_dump(front, allow_unicode=True) + "---\n" + body
    validate_bytes(text.encode("utf-8", "surrogatepass"))


@FUZZ
@given(st.lists(st.tuples(st.integers(min_value=0, max_value=10_000), st.sampled_from(["insert", "delete", "replace"]),
                          st.sampled_from(list(":-[]{}&*!|>'\"#\n\t %@`,?\\") + ["\ufeff", "\u2028", "\x00", "é", "---\n", "<script>"])),
                min_size=1, max_size=8))
def test_mutated_valid_cases_never_raise(edits):
    text = case_text(partners=[{"name": "Stad Gent", "role": "financier"}], sources=[{"title": "Een bron", "url": "https://example.org"}])
    for position, action, piece in edits:
        position %= len(text) + 1
        if action == "insert":
            text = text[:position] + piece + text[position:]
        elif action == "delete":
            text = text[:position] + text[position + len(piece):]
        else:
            text = text[:position] + piece + text[position + 1:]
    validate_bytes(text.encode("utf-8", "surrogatepass"))


def test_the_unmutated_case_is_valid():
    case, problems = validate_bytes(case_text().encode())
    assert problems == [] and case is not None
