"""The project's own scripts and stylesheets: served minified, each where it is used."""

from __future__ import annotations

import re

from helpers import REPO
from showcase.minify import minify_in_place, own_assets

SCRIPT = re.compile(r'<script src="([^"]+)"')


def scripts_of(html: str) -> list[str]:
    return [src.rsplit("/", 1)[-1].split("?")[0] for src in SCRIPT.findall(html)]


def test_own_assets_are_the_scripts_and_stylesheets_of_the_theme_folder():
    assert own_assets(REPO / "overrides") == [
        "assets/javascripts/catalogue.js", "assets/javascripts/page.js",
        "assets/javascripts/search.js", "assets/stylesheets/showcase.css",
    ]


def test_minifying_drops_comments_and_white_space_but_keeps_the_code(tmp_path):
    (tmp_path / "a.js").write_text("/* why */\nvar  total = 1 +  2;  // sum\n", encoding="utf-8")
    (tmp_path / "b.css").write_text("/* colour */\n.card  {\n  color : red ;\n}\n", encoding="utf-8")
    minify_in_place(tmp_path, ["a.js", "b.css", "missing.js"])
    assert (tmp_path / "a.js").read_text(encoding="utf-8") == "var total=1+2;"
    assert (tmp_path / "b.css").read_text(encoding="utf-8") == ".card{color:red}"


def test_built_scripts_and_stylesheets_are_minified(built):
    for relative in own_assets(REPO / "overrides"):
        source = (REPO / "overrides" / relative).read_text(encoding="utf-8")
        served = (built.site / relative).read_text(encoding="utf-8")
        assert len(served) < 0.9 * len(source), relative
        assert "/*" not in served and "\n  " not in served, relative


def test_the_catalogue_script_is_loaded_by_the_catalogue_only(built):
    assert "catalogue.js" in scripts_of(built.html("praktijkvoorbeelden/index.html"))
    for page in ("index.html", "praktijkvoorbeelden/fietsbieb/index.html", "domein/energie/index.html", "overzicht/index.html"):
        assert "catalogue.js" not in scripts_of(built.html(page)), page
        assert "page.js" in scripts_of(built.html(page)), page


def test_the_feed_and_the_open_data_are_discoverable_from_every_page(built):
    head = built.html("praktijkvoorbeelden/fietsbieb/index.html").split("</head>")[0]
    assert '<link rel="alternate feed" type="application/atom+xml"' in head
    assert '<link rel="alternate describedby" type="application/json"' in head


def test_a_page_view_does_not_download_the_sitemap(page, served):
    # Material fetches sitemap.xml for instant navigation (13,000 addresses
    # parsed on every first page view at 10,000 cases: off) and for each
    # link[rel=alternate] it takes for a translation (ours are typed).
    fetched = []
    page.on("request", lambda request: fetched.append(request.url) if request.url.endswith("sitemap.xml") else None)
    page.goto(served, wait_until="networkidle")
    assert fetched == []
