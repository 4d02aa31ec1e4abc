"""A real `mkdocs build --strict` of the fixture project, and what it produces."""

from __future__ import annotations

import json
import re
from html import unescape
from pathlib import Path
from xml.etree import ElementTree as ET

import yaml

from helpers import FIXTURES, REPO, case_text, make_project, mkdocs_build
from showcase import places
from showcase.addresses import SHOWCASE_FOLDERS

FIXTURE_SLUGS = {"fietsbieb", "zonnecooperatie-utrecht", "deelplatform-brussel", "herbruikbare-bekers"}


def links(html: str) -> set[str]:
    return set(re.findall(r'href="([^"]+)"', html))


def card_slugs(html: str) -> set[str]:
    return set(re.findall(r'data-slug="([^"]+)"', html))


def test_every_case_has_its_page(built):
    for slug in FIXTURE_SLUGS:
        assert (built.site / "praktijkvoorbeelden" / slug / "index.html").is_file(), slug


def test_case_page_shows_every_field(built):
    html = built.html("praktijkvoorbeelden/fietsbieb")
    for text in ("Fietsbieb Gent", "Gezinnen lenen voor een klein bedrag", "Fietsbieb vzw", "Stad Gent", "(financier)",
                 "Buurtwerk Noord", "(uitvoeringspartner)", "2016", "Actief", "https://example.org/fietsbieb",
                 'alt="Twee gele fietswielen op een groene achtergrond"', "Een artikel over fietsbibliotheken",
                 "Kinderen groeien snel uit hun fiets", "Dienst", "Organisatiemodel", "Mobiliteit", "Armoede en ongelijkheid",
                 "Oost-Vlaanderen", "Burgers"):
        assert text in html, text


def test_case_labels_link_to_their_showcase_pages(built):
    found = links(built.html("praktijkvoorbeelden/fietsbieb"))
    for target in ("../../innovatietype/dienst/", "../../domein/mobiliteit/", "../../regio/oost-vlaanderen/"):
        assert target in found, target


def test_case_image_is_published(built):
    assert (built.site / "praktijkvoorbeelden" / "images" / "fietsen.png").is_file()


def test_case_page_edit_link_points_at_the_case_file(built):
    assert 'href="https://github.com/sociale-innovatie/showcase/edit/main/cases/fietsbieb.md"' in built.html("praktijkvoorbeelden/fietsbieb")


def test_catalogue_lists_every_case_without_javascript(built):
    assert card_slugs(built.html("praktijkvoorbeelden")) == FIXTURE_SLUGS


def test_showcase_page_lists_its_cases_with_label_description_and_count(built):
    html = built.html("domein/circulaire-economie")
    assert card_slugs(html) == {"deelplatform-brussel", "herbruikbare-bekers"}
    assert "Circulaire economie" in html and "Hergebruik, herstel, delen en recyclage" in html
    assert "2 praktijkvoorbeelden" in html


def test_province_case_appears_on_its_region_and_country_pages(built):
    for region in ("oost-vlaanderen", "vlaanderen", "belgie"):
        assert "fietsbieb" in card_slugs(built.html(f"regio/{region}")), region
    assert "fietsbieb" not in card_slugs(built.html("regio/nederland"))


def test_region_page_links_to_its_sub_regions(built):
    found = links(built.html("regio/vlaanderen"))
    for province in ("antwerpen", "limburg-be", "oost-vlaanderen", "vlaams-brabant", "west-vlaanderen"):
        assert f"../{province}/" in found, province


def test_every_vocabulary_value_has_a_showcase_page(built, vocabulary):
    for facet, folder in (("innovation_type", "innovatietype"), ("domain", "domein"), ("region", "regio")):
        for slug in vocabulary.slugs(facet):
            assert (built.site / folder / slug / "index.html").is_file(), (folder, slug)


def as_list(value) -> list:
    return value if isinstance(value, list) else [value]


def fixture_terms(vocabulary) -> dict[str, dict[str, set[str]]]:
    """Each fixture case's values per facet, read straight from its file.

    A case's regions are those it names, or its places' provinces (from the
    gazetteer) where it names none, each with every region above it.
    """
    gazetteer = places.load()
    found = {}
    for path in (FIXTURES / "cases").glob("*.md"):
        case = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
        regions = as_list(case["region"]) if "region" in case else [gazetteer.find(name).place.province for name in as_list(case["place"])]
        found[path.stem] = {facet: set(as_list(case.get(facet, []))) for facet in ("innovation_type", "domain", "target_group")}
        found[path.stem]["region"] = {r for given in regions for r in [given, *vocabulary.ancestors(given)]}
    return found


def index_counts(html: str) -> dict[str, tuple[str, int]]:
    """The label and count badge of every value on a vocabulary's index page, by the value's link."""
    found = re.findall(r'<a href="([^"/]+)/">([^<]*)</a>\s*<span class="si-count-badge">(\d+)<', html)
    return {slug: (unescape(label), int(count)) for slug, label, count in found}


def test_each_vocabulary_has_an_index_page_with_counts(built, vocabulary):
    cases = fixture_terms(vocabulary)
    assert set(cases) == FIXTURE_SLUGS
    for facet, folder in (("innovation_type", "innovatietype"), ("domain", "domein"), ("target_group", "doelgroep"), ("region", "regio")):
        expected = {slug: (vocabulary.label(facet, slug), sum(slug in case[facet] for case in cases.values())) for slug in vocabulary.slugs(facet)}
        assert index_counts(built.html(folder)) == expected, folder
    regions = index_counts(built.html("regio"))  # a region counts the cases in it and below it
    assert regions["belgie"][1] == 3 and regions["nederland"][1] == 2


def test_every_case_appears_on_every_page_that_lists_it(built, vocabulary):
    records = {record["slug"] for record in built.export()["cases"]}
    feed = (built.site / "feed.xml").read_text(encoding="utf-8")
    for slug, terms in fixture_terms(vocabulary).items():
        assert slug in card_slugs(built.html("praktijkvoorbeelden")), slug
        for facet, values in terms.items():
            for value in values:
                assert slug in card_slugs(built.html(f"{SHOWCASE_FOLDERS[facet]}/{value}")), (slug, facet, value)
        assert slug in records and f"/praktijkvoorbeelden/{slug}/" in feed, slug


def test_cases_stay_out_of_the_navigation(built):
    home = built.html("index.html")
    assert "Fietsbieb Gent" not in home.split('class="md-content"')[0]


def test_json_export_has_every_case_with_contract_fields(built):
    records = {r["slug"]: r for r in built.export()["cases"]}
    assert set(records) == FIXTURE_SLUGS
    assert records["fietsbieb"]["region"] == ["oost-vlaanderen"]
    assert records["herbruikbare-bekers"]["region"] == ["vlaanderen", "nederland"]
    assert records["fietsbieb"]["url"].endswith("/praktijkvoorbeelden/fietsbieb/")


def test_feed_is_valid_atom_with_every_case_newest_first(built):
    feed = ET.fromstring((built.site / "feed.xml").read_bytes())
    ids = [e.findtext("{http://www.w3.org/2005/Atom}id") for e in feed.findall("{http://www.w3.org/2005/Atom}entry")]
    assert [i.rstrip("/").rsplit("/", 1)[1] for i in ids] == ["zonnecooperatie-utrecht", "fietsbieb", "deelplatform-brussel", "herbruikbare-bekers"]


def test_pages_are_dutch(built):
    assert '<html lang="nl"' in built.html("praktijkvoorbeelden/fietsbieb")


def test_broken_cases_stop_the_build_and_are_all_reported(tmp_path):
    root = make_project(tmp_path)
    (root / "cases" / "kapot-een.md").write_text(case_text(domain=["mobiliteid"]), encoding="utf-8")
    (root / "cases" / "kapot-twee.md").write_text("---\ntitle: [niet gesloten\n---\nTekst.\n", encoding="utf-8")
    result = mkdocs_build(root, strict=False)
    assert result.returncode != 0
    assert "cases/kapot-een.md:7: domain: 'mobiliteid' is not in the vocabulary; did you mean 'mobiliteit'?" in result.stderr
    assert "cases/kapot-twee.md:" in result.stderr and "front matter: is not valid YAML" in result.stderr
    assert "Traceback" not in result.stderr
    assert not (root / "site" / "praktijkvoorbeelden" / "fietsbieb").exists()


def test_a_content_page_at_a_generated_address_stops_the_build_naming_it(tmp_path):
    root = make_project(tmp_path)
    (root / "content" / "praktijkvoorbeelden").mkdir(exist_ok=True)
    (root / "content" / "praktijkvoorbeelden" / "fietsbieb.md").write_text("# Fietsbieb\n", encoding="utf-8")
    result = mkdocs_build(root, strict=False)
    assert result.returncode != 0
    assert "content/praktijkvoorbeelden/fietsbieb.md clashes with a page the showcase generates; rename or remove it" in result.stderr
    assert "Traceback" not in result.stderr


def test_serve_watches_the_case_folder():
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("!!python", "python"))
    assert "cases" in config["watch"]


def test_card_shows_a_thumbnail_with_its_size(built):
    listing = built.html("praktijkvoorbeelden").split("<template")[0]  # the script's card skeleton is no card
    [card_image] = re.findall(r'<img class="si-card__image"[^>]*>', listing)
    thumbnail = re.search(r'src="([^"]*/images/klein/fietsen-[0-9a-f]{16}\.webp)"', card_image).group(1)
    assert 'width="480" height="270"' in card_image
    assert (built.site / "praktijkvoorbeelden" / thumbnail).resolve().is_file()


def test_case_page_image_has_the_originals_width_and_height(built):
    assert '<img src="../images/fietsen.png" alt="Twee gele fietswielen op een groene achtergrond" width="320" height="200">' in built.html("praktijkvoorbeelden/fietsbieb")


def test_sitemap_lists_every_case_and_showcase_page(built, vocabulary):
    sitemap = ET.fromstring((built.site / "sitemap.xml").read_bytes())
    listed = {loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")}
    base = "https://sociale-innovatie.github.io/showcase/"
    expected = {f"{base}praktijkvoorbeelden/{slug}/" for slug in FIXTURE_SLUGS}
    for facet, folder in (("innovation_type", "innovatietype"), ("domain", "domein"), ("region", "regio")):
        expected |= {f"{base}{folder}/{slug}/" for slug in vocabulary.slugs(facet)}
    assert expected <= listed, sorted(expected - listed)


def test_serve_rebuilds_when_a_case_is_added_or_edited(tmp_path):
    import socket
    import subprocess
    import sys
    import time
    import urllib.request

    root = make_project(tmp_path)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}"],
                              cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                              env={**__import__("os").environ, "NO_MKDOCS_2_WARNING": "1"})
    base = f"http://127.0.0.1:{port}/showcase/praktijkvoorbeelden/"

    def page(slug: str) -> str | None:
        try:
            with urllib.request.urlopen(base + slug + "/", timeout=5) as response:
                return response.read().decode("utf-8")
        except OSError:
            return None

    def wait_for(check) -> bool:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline:
            if check():
                return True
            time.sleep(0.5)
        return False

    try:
        assert wait_for(lambda: page("fietsbieb") is not None), "mkdocs serve did not start"
        (root / "cases" / "later-toegevoegd.md").write_text(case_text(title="Later toegevoegd"), encoding="utf-8")
        assert wait_for(lambda: "Later toegevoegd" in (page("later-toegevoegd") or ""))
        path = root / "cases" / "later-toegevoegd.md"
        path.write_text(path.read_text(encoding="utf-8").replace("Later toegevoegd", "Nadien bewerkt"), encoding="utf-8")
        assert wait_for(lambda: "Nadien bewerkt" in (page("later-toegevoegd") or ""))
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_site_search_index_holds_every_case_showcase_page_and_hand_written_page(built, vocabulary):
    entry = json.loads((built.site / "pagefind" / "pagefind-entry.json").read_text())
    places = {place["slug"] for record in built.export()["cases"] for place in record.get("place", [])}
    goals = 17
    showcase_pages = sum(len(vocabulary.terms(facet)) for facet in ("innovation_type", "domain", "region", "target_group")) + goals + len(places)
    hand_written = [p for p in (built.root / "content").glob("*.md") if p.name != "index.md"]
    assert entry["languages"]["nl"]["page_count"] == len(FIXTURE_SLUGS) + showcase_pages + len(hand_written)


def test_pages_load_no_whole_search_index(built):
    assert not (built.site / "search" / "search_index.json").exists()
    assert "search_index" not in built.html("index.html")


def test_header_search_is_a_form_that_works_without_javascript(built):
    html = built.html("praktijkvoorbeelden/fietsbieb/index.html")
    form = re.search(r'<form class="si-search"[^>]*>', html).group(0)
    assert 'action="../../zoeken/"' in form and 'method="get"' in form
    assert 'name="q"' in html
    assert (built.site / "zoeken" / "index.html").is_file()


def processes_working_in(folder: Path) -> list[str]:
    """Command lines of running processes whose working directory is `folder`."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if proc.name.isdigit() and Path(proc / "cwd").resolve() == folder.resolve():
                found.append((proc / "cmdline").read_bytes().replace(b"\0", b" ").decode())
        except OSError:
            continue
    return found


def test_a_failed_build_reports_its_error_and_leaves_no_search_service_running(tmp_path):
    root = make_project(tmp_path)
    # A page that names a missing template fails while pages are rendered,
    # after the search index has started.
    (root / "content" / "kapot.md").write_text("---\ntemplate: bestaat-niet.html\n---\n\nTekst.\n", encoding="utf-8")
    result = mkdocs_build(root, strict=True)
    assert result.returncode != 0 and "bestaat-niet.html" in result.stderr
    assert not [command for command in processes_working_in(root) if "pagefind" in command]

