"""A one-off build renders its case pages in two processes (hooks/showcase_split.py).

The split is made for 1,000 cases and more; SHOWCASE_SPLIT=always makes it on
the small fixture project, SHOWCASE_SPLIT=never keeps it in one process.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import showcase_split
from helpers import case_text, make_project, run_module

ALWAYS, NEVER = {"SHOWCASE_SPLIT": "always"}, {"SHOWCASE_SPLIT": "never"}


EPOCH = "1796000000"  # 2026-11-30, after every fixture case's dates: the same build time for each build


def site_files(site: Path) -> dict[str, bytes]:
    return {path.relative_to(site).as_posix(): path.read_bytes() for path in site.rglob("*") if path.is_file()}


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    """The fixture project built by MkDocs and by ProperDocs, each in one process and in two: each site's files."""
    sites = {}
    mkdocs, properdocs = ("mkdocs", "build"), ("properdocs", "build", "-f", "mkdocs.yml")
    for name, command, env in (("one", mkdocs, NEVER), ("two", mkdocs, ALWAYS),
                               ("properdocs one", properdocs, NEVER), ("properdocs two", properdocs, ALWAYS)):
        root = make_project(tmp_path_factory.mktemp(name))
        result = run_module(root, *command, "--strict", "--quiet", env={**env, "SOURCE_DATE_EPOCH": EPOCH})
        assert result.returncode == 0, result.stderr
        sites[name] = site_files(root / "site")
    return sites


def test_a_split_build_writes_the_same_files(built):
    assert sorted(built["two"]) == sorted(built["one"])


def test_a_split_build_writes_every_file_as_one_process_does(built):
    assert [name for name, content in built["one"].items() if built["two"][name] != content] == []


def test_a_split_build_under_properdocs_writes_every_file_as_one_process_does(built):
    one, two = built["properdocs one"], built["properdocs two"]
    assert sorted(two) == sorted(one)
    assert [name for name, content in one.items() if two[name] != content] == []


def test_the_sitemap_of_a_split_build_lists_every_case_page(built):
    sitemap = built["two"]["sitemap.xml"].decode()
    pages = {name.removesuffix("index.html") for name in built["two"] if re.fullmatch(r"praktijkvoorbeelden/[^/]+/index\.html", name)}
    assert pages and all(f"/{page}</loc>" in sitemap for page in pages)


def test_a_warning_on_a_page_of_the_second_process_stops_a_strict_build(tmp_path):
    root = make_project(tmp_path)
    slugs = sorted(path.stem for path in (root / "cases").glob("[!_]*.md")) + ["fietsherstel"]
    second = showcase_split.second_share([f"praktijkvoorbeelden/{slug}.md" for slug in sorted(slugs)])
    assert "praktijkvoorbeelden/fietsherstel.md" in second  # the case below is the second process's
    text = case_text(body="Zie [het verslag](verslag-dat-niet-bestaat.md).\n", title="Fietsherstel")
    (root / "cases" / "fietsherstel.md").write_text(text, encoding="utf-8")
    result = run_module(root, "mkdocs", "build", "--strict", env=ALWAYS)  # --quiet would drop warnings unseen and uncounted
    assert result.returncode != 0
    assert "verslag-dat-niet-bestaat.md" in result.stderr
    assert "rendered by the second process" in result.stderr


def test_the_second_process_says_nothing_about_pages_it_only_reads(tmp_path):
    root = make_project(tmp_path)
    one = run_module(root, "mkdocs", "build", env=NEVER)
    two = run_module(root, "mkdocs", "build", env=ALWAYS)
    assert two.returncode == one.returncode == 0
    said = {line for line in two.stderr.splitlines() if "Doc file" in line}
    assert said == {line for line in one.stderr.splitlines() if "Doc file" in line}


def test_the_second_process_renders_two_case_pages_of_every_three():
    pages = [f"praktijkvoorbeelden/case-{number}.md" for number in range(9)]
    assert showcase_split.second_share(pages) == set(pages) - set(pages[::3])


@pytest.mark.parametrize(("setting", "case_pages", "split"), [
    ("", showcase_split.SPLIT_FROM - 1, False),
    ("", showcase_split.SPLIT_FROM, True),
    ("never", 10_000, False),
    ("always", 4, True),
])
def test_a_build_splits_from_a_thousand_case_pages_unless_told(monkeypatch, setting, case_pages, split):
    monkeypatch.setenv(showcase_split.SETTING, setting)
    monkeypatch.setattr(showcase_split.threading, "active_count", lambda: 1)
    assert showcase_split.wanted(case_pages) is split


def test_a_build_running_threads_does_not_fork(monkeypatch):
    monkeypatch.setenv(showcase_split.SETTING, "always")
    monkeypatch.setattr(showcase_split.threading, "active_count", lambda: 2)
    assert showcase_split.wanted(10_000) is False
