"""Nothing lost, nothing broken: counts agree everywhere and internal links resolve."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urldefrag, urljoin, urlsplit
from xml.etree import ElementTree as ET

import pytest
import yaml

from helpers import REPO
from showcase.export import FEED_ENTRIES


def counts(root: Path) -> dict[str, int]:
    site = root / "site"
    listed = set()
    for page in [site / "praktijkvoorbeelden" / "index.html", *(site / "praktijkvoorbeelden" / "pagina").glob("*/index.html")]:
        listed |= set(re.findall(r'data-slug="([^"]+)"', page.read_text(encoding="utf-8")))
    feed = ET.fromstring((site / "feed.xml").read_bytes())
    case_files = len([p for p in (root / "cases").glob("*.md") if not p.name.startswith("_")])
    return {
        "case files": case_files,
        "case pages": len([p for p in (site / "praktijkvoorbeelden").glob("*/index.html") if p.parent.name != "pagina"]),
        "catalogue entries": len(listed),
        "catalogue data": len(json.loads((site / "praktijkvoorbeelden" / "catalogus.json").read_text())["cases"]),
        "JSON records": len(json.loads((site / "praktijkvoorbeelden.json").read_text())["cases"]),
        # The feed holds the newest FEED_ENTRIES: every case, while there are no more.
        "feed entries, or every case": len(feed.findall("{http://www.w3.org/2005/Atom}entry")) + max(0, case_files - FEED_ENTRIES),
    }


def test_fixture_project_loses_no_case(built):
    found = counts(built.root)
    assert set(found.values()) == {found["case files"]}, found


def test_repository_loses_no_case(repository_site):
    found = counts(repository_site)
    assert found["case files"] >= 15
    assert set(found.values()) == {found["case files"]}, found


def internal_links(site: Path, base: str):
    """(page, site path) for every link and source; `base` is site_url's path,
    which 404.html uses for its root-absolute links."""
    for page in site.rglob("*.html"):
        url = "/" + page.relative_to(site).as_posix()
        for target in re.findall(r'(?:href|src)="([^"]+)"', page.read_text(encoding="utf-8")):
            if urlsplit(target).scheme or target.startswith(("#", "//")):
                continue
            path = urldefrag(urljoin(url, target)).url.split("?")[0]
            yield page, "/" + path[len(base):] if path.startswith(base) else path


def resolves(site: Path, path: str) -> bool:
    local = site / path.lstrip("/")
    return local.is_file() or (local / "index.html").is_file()


@pytest.mark.parametrize("which", ["fixture", "repository"])
def test_every_internal_link_resolves(which, built, request):
    root = built.root if which == "fixture" else request.getfixturevalue("repository_site")
    site = root / "site"
    base = urlsplit(yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8").split("\ntheme:")[0])["site_url"]).path
    broken = sorted({(str(page.relative_to(site)), path) for page, path in internal_links(site, base)
                     if not resolves(site, path) and not (which == "fixture" and names_a_repository_case(path))})
    assert broken == []


def names_a_repository_case(path: str) -> bool:
    """The hand-written pages are written for the repository's cases; the
    fixture site has other cases. Such a link is checked in the repository build."""
    parts = path.strip("/").split("/")
    return len(parts) == 2 and parts[0] == "praktijkvoorbeelden" and (REPO / "cases" / f"{parts[1]}.md").is_file()
