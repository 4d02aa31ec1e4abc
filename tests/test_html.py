"""Every built page is valid HTML by the Nu HTML Checker (vnu), fixture and repository site.

vnu checks files here: it refuses to fetch from 127.0.0.1 ("Forbidden host").
On a file it cannot tell what the Content-Security-Policy's 'self' means, nor
match the inline scripts' hashes, so it would warn about every stylesheet and
script; the pages are checked with that one <meta> left out. The policy itself
is checked where it means something, in Chromium (tests/test_csp.py). The
checker comes from npm (`vnu-jar`, pinned in scripts/bootstrap) and needs Java.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from helpers import REPO

VNU = Path(os.environ.get("SHOWCASE_VNU", REPO / ".cache" / "vnu" / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"))

# Material's own markup that overrides/ leaves as it is, each with the reason.
ACCEPTED = [
    # base.html: the drawer and search toggles are checkboxes with
    # autocomplete="off" so that Firefox does not restore their state (an open
    # drawer or search) when a reader comes back to a page. Removing it changes
    # what Firefox readers see, and base.html is the root of every page.
    ("error", "Attribute “autocomplete” is only allowed when the input type is", 'class="md-toggle"'),
]


def accepted(message: dict) -> bool:
    return any(message["type"] == kind and text in message["message"] and extract in message.get("extract", "")
               for kind, text, extract in ACCEPTED)


CSP_META = re.compile(r'<meta http-equiv="Content-Security-Policy" content="[^"]*">')


def without_policy(site: Path, into: Path) -> Path:
    """A copy of the site's pages with the policy's <meta> left out."""
    for page in site.rglob("*.html"):
        target = into / page.relative_to(site)
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(CSP_META.sub("", page.read_text(encoding="utf-8")), encoding="utf-8")
    return into


def vnu_messages(site: Path) -> list[dict]:
    assert VNU.is_file(), "the Nu HTML Checker is missing: run `bash scripts/bootstrap --browser`"
    assert shutil.which("java"), "Java is missing: run `bash scripts/bootstrap --browser`"
    result = subprocess.run(["java", "-jar", str(VNU), "--format", "json", "--skip-non-html", "--also-check-svg", str(site)],
                            capture_output=True, text=True, timeout=600)
    messages = json.loads(result.stderr)["messages"]
    assert not [m for m in messages if m["type"] == "non-document-error"], messages[:3]
    return messages


def problems(site: Path) -> list[str]:
    found = [m for m in vnu_messages(site) if m["type"] == "error" or m.get("subType") == "warning"]
    return sorted({f"{m['url'].removeprefix('file:').removeprefix(str(site.resolve()))}: {m['message']}" for m in found if not accepted(m)})


def test_fixture_site_is_valid_html(built, tmp_path):
    site = without_policy(built.site, tmp_path)
    assert len(list(site.rglob("*.html"))) > 50
    assert problems(site) == []


def test_repository_site_is_valid_html(repository_site, tmp_path):
    assert problems(without_policy(repository_site / "site", tmp_path)) == []


def test_a_new_error_is_not_hidden_by_the_accepted_list(tmp_path):
    page = tmp_path / "index.html"
    page.write_text('<!doctype html><html lang="nl"><title>x</title><span aria-label="3">3</span>', encoding="utf-8")
    assert any("aria-label" in problem for problem in problems(tmp_path))
