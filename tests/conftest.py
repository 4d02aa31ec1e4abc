from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import REPO, TODAY, make_project, mkdocs_build
from showcase.taxonomy import load_vocabulary


@pytest.fixture(scope="session")
def vocabulary():
    return load_vocabulary(REPO / "cases" / "_taxonomy.yml")


@pytest.fixture
def project(tmp_path) -> Path:
    """An empty project (machinery, vocabulary, no cases) to write cases into."""
    return make_project(tmp_path, cases=None)


class BuiltSite:
    def __init__(self, root: Path):
        self.root = root
        self.site = root / "site"

    def html(self, path: str) -> str:
        return (self.site / path / "index.html").read_text(encoding="utf-8") if not path.endswith((".html", ".xml", ".json")) else (self.site / path).read_text(encoding="utf-8")

    def export(self) -> dict:
        return json.loads((self.site / "praktijkvoorbeelden.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def built(tmp_path_factory) -> BuiltSite:
    """The fixture project (tests/fixtures/cases), built once with --strict."""
    root = make_project(tmp_path_factory.mktemp("fixture-site"))
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    return BuiltSite(root)


@pytest.fixture
def today():
    return TODAY
