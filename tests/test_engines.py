"""The site builds the way its users build it: MkDocs or ProperDocs, from the
pinned requirements alone, and the same commit gives the same bytes."""

from __future__ import annotations

import filecmp
import os
import re
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from helpers import case_text, make_project as make_project_in, mkdocs_build

EPOCH = "1796000000"  # 2026-11-30T00:53:20Z, after every fixture case's dates


def make_project(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    return make_project_in(folder)


def build(root: Path, *command: str, python: str = sys.executable, env: dict | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run([python, "-m", *command], cwd=root, capture_output=True, text=True, env=env, timeout=300)


def differing(left: Path, right: Path) -> list[str]:
    """Files that exist on one side only or differ in content, recursively."""
    found = []
    compare = filecmp.dircmp(left, right)
    found += [str(Path(left, name)) for name in compare.left_only + compare.right_only]
    _, mismatch, errors = filecmp.cmpfiles(left, right, compare.common_files, shallow=False)
    found += [str(Path(left, name)) for name in mismatch + errors]
    for sub in compare.common_dirs:
        found += differing(left / sub, right / sub)
    return found


def test_properdocs_builds_the_fixture_site_strictly(tmp_path):
    root = make_project(tmp_path)
    result = build(root, "properdocs", "build", "--strict", "-f", "mkdocs.yml")
    assert result.returncode == 0, result.stderr
    assert (root / "site" / "plaats" / "ledeberg" / "index.html").exists()
    assert (root / "site" / "pagefind" / "pagefind-entry.json").stat().st_size > 0


def test_properdocs_stops_on_a_broken_case_with_the_same_message(tmp_path):
    root = make_project(tmp_path)
    (root / "cases" / "kapot.md").write_text(case_text(domain=["mobiliteid"]), encoding="utf-8")
    by_properdocs = build(root, "properdocs", "build", "--strict", "-f", "mkdocs.yml")
    by_mkdocs = mkdocs_build(root)
    assert by_properdocs.returncode == by_mkdocs.returncode == 1
    message = "cases/kapot.md:7: domain: 'mobiliteid' is not in the vocabulary; did you mean 'mobiliteit'?"
    assert message in by_properdocs.stderr and message in by_mkdocs.stderr


def test_properdocs_and_mkdocs_give_the_same_pages(tmp_path):
    first, second = make_project(tmp_path / "a"), make_project(tmp_path / "b")
    epoch = {"SOURCE_DATE_EPOCH": EPOCH}
    assert build(first, "mkdocs", "build", "--strict", env=epoch).returncode == 0
    assert build(second, "properdocs", "build", "--strict", "-f", "mkdocs.yml", env=epoch).returncode == 0
    pages = [path.relative_to(first / "site") for path in (first / "site").rglob("*.html")]
    assert pages and all(without_generator(first / "site" / page) == without_generator(second / "site" / page) for page in pages)


def without_generator(path: Path) -> str:
    """A page without the theme's <meta name="generator">, which names the engine."""
    return re.sub(r'<meta name="generator" content="[^"]*">', "", path.read_text(encoding="utf-8"))


def test_two_builds_of_the_same_files_are_byte_identical(tmp_path):
    first, second = make_project(tmp_path / "a"), make_project(tmp_path / "b")
    for root in (first, second):
        assert build(root, "mkdocs", "build", "--strict", env={"SOURCE_DATE_EPOCH": EPOCH}).returncode == 0
    assert differing(first / "site", second / "site") == []


def test_export_is_dated_by_source_date_epoch(tmp_path):
    root = make_project(tmp_path)
    assert build(root, "mkdocs", "build", "--strict", env={"SOURCE_DATE_EPOCH": EPOCH}).returncode == 0
    assert '"generated":"2026-11-30T00:53:20Z"' in (root / "site" / "praktijkvoorbeelden.json").read_text(encoding="utf-8")


def test_site_builds_with_only_the_pinned_requirements_installed(tmp_path):
    """As Netlify, Cloudflare Pages and Read the Docs build: `pip install -r
    requirements.txt && mkdocs build`, without installing the project itself.

    A fresh virtual environment sees this environment's packages through a
    path entry, not as a site directory, so the project's editable install
    (a .pth hook) is not there: `showcase` is importable only as the hook's
    sibling, in the build and in the search indexer's child process alike.
    """
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True, timeout=120)
    purelib = Path(sysconfig.get_paths()["purelib"])
    target = Path(subprocess.run([str(venv / "bin" / "python"), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                 capture_output=True, text=True, check=True).stdout.strip())
    (target / "borrowed.pth").write_text(f"{purelib}\n", encoding="utf-8")
    python = str(venv / "bin" / "python")
    probe = subprocess.run([python, "-c", "import showcase"], capture_output=True, text=True, cwd=tmp_path)
    assert probe.returncode != 0, "showcase must not be importable from an installed package in this test"
    root = make_project(tmp_path / "site-project")
    result = build(root, "mkdocs", "build", "--strict", python=python)
    assert result.returncode == 0, result.stderr
    assert (root / "site" / "pagefind" / "pagefind-entry.json").stat().st_size > 0
