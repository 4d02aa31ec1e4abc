"""The site builds the way its users build it: MkDocs or ProperDocs, from the
pinned requirements alone, and the same commit gives the same bytes."""

from __future__ import annotations

import filecmp
import re
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from helpers import built_project, case_text, make_project, mkdocs_build, run_module as build

EPOCH = "1796000000"  # 2026-11-30T00:53:20Z, after every fixture case's dates


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


@pytest.fixture(scope="module")
def by_mkdocs(tmp_path_factory) -> Path:
    """The fixture project built by MkDocs at a fixed SOURCE_DATE_EPOCH: its root."""
    return built_project(tmp_path_factory.mktemp("mkdocs"), env={"SOURCE_DATE_EPOCH": EPOCH})


@pytest.fixture(scope="module")
def by_properdocs(tmp_path_factory) -> Path:
    """The same project built by ProperDocs at the same SOURCE_DATE_EPOCH: its root."""
    command = ("properdocs", "build", "--strict", "-f", "mkdocs.yml")
    return built_project(tmp_path_factory.mktemp("properdocs"), command=command, env={"SOURCE_DATE_EPOCH": EPOCH})


def test_properdocs_builds_the_fixture_site_strictly(by_properdocs):
    assert (by_properdocs / "site" / "plaats" / "ledeberg" / "index.html").exists()
    assert (by_properdocs / "site" / "pagefind" / "pagefind-entry.json").stat().st_size > 0


def test_properdocs_stops_on_a_broken_case_with_the_same_message(tmp_path):
    root = make_project(tmp_path)
    (root / "cases" / "kapot.md").write_text(case_text(domain=["mobiliteid"]), encoding="utf-8")
    by_properdocs = build(root, "properdocs", "build", "--strict", "-f", "mkdocs.yml")
    by_mkdocs = mkdocs_build(root)
    assert by_properdocs.returncode == by_mkdocs.returncode == 1
    message = "cases/kapot.md:7: domain: 'mobiliteid' is not in the vocabulary; did you mean 'mobiliteit'?"
    assert message in by_properdocs.stderr and message in by_mkdocs.stderr


def test_properdocs_and_mkdocs_give_the_same_pages(by_mkdocs, by_properdocs):
    first, second = by_mkdocs / "site", by_properdocs / "site"
    pages = [path.relative_to(first) for path in first.rglob("*.html")]
    assert pages and all(without_generator(first / page) == without_generator(second / page) for page in pages)


def without_generator(path: Path) -> str:
    """A page without the theme's <meta name="generator">, which names the engine."""
    return re.sub(r'<meta name="generator" content="[^"]*">', "", path.read_text(encoding="utf-8"))


def test_two_builds_of_the_same_files_are_byte_identical(by_mkdocs, tmp_path):
    again = built_project(tmp_path, env={"SOURCE_DATE_EPOCH": EPOCH})
    assert differing(by_mkdocs / "site", again / "site") == []


def test_export_is_dated_by_source_date_epoch(by_mkdocs):
    assert '"generated":"2026-11-30T00:53:20Z"' in (by_mkdocs / "site" / "praktijkvoorbeelden.json").read_text(encoding="utf-8")


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
