"""Open data a portal can harvest and a spreadsheet can open: CSV and DCAT-AP."""

from __future__ import annotations

import csv
import io

import rdflib
from rdflib.namespace import DCAT, DCTERMS, RDF

from helpers import case_text, check_text
from showcase.catalogue import Catalogue
from showcase.opendata import COLUMNS, LIST_JOIN, to_csv
from showcase.taxonomy import load_vocabulary


def read_csv(built) -> list[dict]:
    raw = (built.site / "praktijkvoorbeelden.csv").read_bytes()
    assert raw.startswith("\ufeff".encode("utf-8")), "a spreadsheet needs the BOM to read UTF-8"
    return list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))


def test_csv_has_a_header_and_one_row_per_case(built):
    rows = read_csv(built)
    assert list(rows[0]) == list(COLUMNS)
    assert [row["slug"] for row in rows] == [record["slug"] for record in built.export()["cases"]]


def test_csv_joins_lists_in_one_field(built):
    row = next(row for row in read_csv(built) if row["slug"] == "deelplatform-brussel")
    assert row["place"] == LIST_JOIN.join(["Schaarbeek", "Sint-Jans-Molenbeek"])
    assert row["domain"] == "circulaire-economie | samenleven" and row["sdg"] == "11 | 12"


def test_csv_keeps_accents_and_semicolons_inside_fields(built):
    row = next(row for row in read_csv(built) if row["slug"] == "zonnecooperatie-utrecht")
    assert row["title"] == "Zonnecoöperatie Utrecht"


def test_csv_quotes_a_field_with_the_separator(tmp_path):
    case, _ = check_text(tmp_path, case_text(summary="Buren delen; ze lenen ook gereedschap en keukentoestellen uit."))
    text = to_csv(Catalogue([case], load_vocabulary(tmp_path / "cases" / "_taxonomy.yml")), "")
    row = next(csv.DictReader(io.StringIO(text.lstrip("\ufeff")), delimiter=";"))
    assert row["summary"] == "Buren delen; ze lenen ook gereedschap en keukentoestellen uit."


def test_csv_quotes_every_field_so_a_comma_cannot_split_a_cell(tmp_path):
    case, _ = check_text(tmp_path, case_text(summary="Buren delen, lenen en herstellen samen gereedschap en toestellen."))
    line = to_csv(Catalogue([case], load_vocabulary(tmp_path / "cases" / "_taxonomy.yml")), "").splitlines()[1]
    assert ';"Buren delen, lenen en herstellen samen gereedschap en toestellen.";' in line
    assert line.startswith('"buurtmoestuin";') and line.endswith('"')


def dcat_graph(built) -> rdflib.Graph:
    graph = rdflib.Graph()
    graph.parse(built.site / "dcat.ttl", format="turtle")
    return graph


def test_dcat_describes_one_dataset_with_its_licence(built):
    graph = dcat_graph(built)
    [dataset] = graph.subjects(RDF.type, DCAT.Dataset)
    assert str(graph.value(dataset, DCTERMS.license)).startswith("https://creativecommons.org/licenses/by/4.0/")
    assert graph.value(dataset, DCTERMS.title) is not None and graph.value(dataset, DCTERMS.publisher) is not None


def test_dcat_lists_json_csv_and_feed_as_distributions(built):
    graph = dcat_graph(built)
    [dataset] = graph.subjects(RDF.type, DCAT.Dataset)
    urls = {str(graph.value(d, DCAT.downloadURL)) for d in graph.objects(dataset, DCAT.distribution)}
    assert {url.rsplit("/", 1)[1] for url in urls} == {"praktijkvoorbeelden.json", "praktijkvoorbeelden.csv", "feed.xml"}


def test_dcat_is_in_a_catalog_and_linked_from_the_over_page(built):
    assert len(list(dcat_graph(built).subjects(RDF.type, DCAT.Catalog))) == 1
    assert 'href="../dcat.ttl"' in built.html("over")
