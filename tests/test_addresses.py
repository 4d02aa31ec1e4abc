"""The site's public addresses, declared once in addresses.py (shared/CASE-FORMAT.md)."""

from __future__ import annotations

import ast

from helpers import REPO
from showcase import addresses

CORE = REPO / "hooks" / "showcase"


def test_a_case_a_showcase_page_and_a_filtered_catalogue_have_the_contracts_addresses():
    assert addresses.case_url("fietsbieb") == "praktijkvoorbeelden/fietsbieb/"
    assert addresses.term_url("domain", "energie") == "domein/energie/"
    assert addresses.term_url("sdg", "7") == "sdg/7/" and addresses.term_url("place", "gent") == "plaats/gent/"
    assert addresses.facet_index_url("target_group") == "doelgroep/"
    assert addresses.catalogue_filter_url("region", "vlaanderen") == "praktijkvoorbeelden/?regio=vlaanderen"
    assert [addresses.QUERY_PARAMETERS[f] for f in ("innovation_type", "domain", "region", "actor", "stage")] == ["type", "domein", "regio", "actor", "fase"]
    assert (addresses.SEARCH_PARAMETER, addresses.SORT_PARAMETER, list(addresses.SORTS)) == ("q", "sorteer", ["nieuw", "az"])


def test_a_generated_page_is_written_where_its_address_is_served():
    assert addresses.case_source("fietsbieb") == "praktijkvoorbeelden/fietsbieb.md"
    assert addresses.term_source("region", "utrecht") == "regio/utrecht.md"
    assert addresses.facet_index_source("domain") == "domein/index.md"


def test_further_pages_of_a_listing_and_thumbnails_sit_below_their_owners():
    assert addresses.listing_page_url("regio/vlaanderen/", 2) == "regio/vlaanderen/pagina/2/"
    assert addresses.image_url("images/fiets.jpg") == "praktijkvoorbeelden/images/fiets.jpg"
    assert addresses.thumbnail_url("fiets-0a1b.webp") == "praktijkvoorbeelden/images/klein/fiets-0a1b.webp"


def test_edit_link_reaches_the_case_file_one_folder_above_the_docs():
    url = addresses.edit_url("https://github.com/o/r", "edit/main/content/", "cases/fietsbieb.md")
    assert url == "https://github.com/o/r/edit/main/cases/fietsbieb.md"


def test_no_other_core_module_writes_a_public_address_of_its_own():
    """Each address of addresses.py stands in no string of another core module
    (docstrings aside): they all refer to the declaration."""
    declared = {value for name, value in vars(addresses).items()
                if name.isupper() and isinstance(value, str) and ("/" in value or "." in value)}
    declared |= {f"{addresses.PAGE_FOLDER}/"} | {f"{folder}/" for folder in addresses.SHOWCASE_FOLDERS.values()}
    found = []
    for path in sorted(CORE.glob("*.py")):
        if path.name == "addresses.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                      if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef)) and node.body
                      and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docstrings:
                found += [f"{path.name}:{node.lineno}: {address}" for address in declared if address in node.value]
    assert found == []
    assert {"praktijkvoorbeelden/", "zoeken/", "over/", "feed.xml", "pagina/", "domein/"} <= declared  # what the scan looks for
