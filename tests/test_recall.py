"""A preview rebuild takes over the last build's pages only where they would come out the same.

Each test loads a project twice with one `CaseCache`, as `mkdocs serve` does
between two saves, changes something in between, and compares every page of
the second load with the pages of a load that starts clean. Listings are one
case per page, so most listing pages keep their cases while what they show
about all cases (counts, facets) changes.
"""

from __future__ import annotations

import os

from helpers import TODAY, case_text, make_project
from showcase.reuse import CaseCache
from showcase.site import Showcase


def load(root, cache=None, page_size=1):
    return Showcase.load(root, today=TODAY, page_size=page_size, cache=cache)


def content(page) -> tuple:
    return (page.title, page.template, page.view, page.meta, page.source, page.crumbs, page.listing, page.case)


def rebuilt(tmp_path, change, page_size=1, cases=4, before=lambda root: None):
    """Every page of a rebuild after `change(root)`, beside a clean build's
    (which must have `cases` valid cases: the change took). `before(root)`
    sets the project up for the first build."""
    root = make_project(tmp_path / "site")
    before(root)
    cache = CaseCache()
    load(root, cache, page_size).pages()
    change(root)
    again = {page.src: page for page in load(root, cache, page_size).pages()}
    fresh = load(root, page_size=page_size)
    assert not fresh.problems and len(fresh.cases) == cases
    return again, {page.src: page for page in fresh.pages()}


def assert_same_pages(again, clean):
    assert again.keys() == clean.keys()
    stale = [src for src in clean if content(again[src]) != content(clean[src])]
    assert stale == []


def write(root, name, text):
    path = root / "cases" / name
    path.write_text(text, encoding="utf-8")
    os.utime(path, ns=(path.stat().st_mtime_ns + 10**9,) * 2)  # a save, even within the clock's resolution


def edited(root, name, old, new):
    path = root / "cases" / name
    write(root, name, path.read_text(encoding="utf-8").replace(old, new, 1))


def test_without_a_change_every_listing_and_case_page_is_taken_over(tmp_path):
    root = make_project(tmp_path / "site")
    cache = CaseCache()
    first = {page.src: page for page in load(root, cache).pages()}
    second = load(root, cache).pages()
    taken_over = [page for page in second if page.listing or page.case]
    assert taken_over and all(first[page.src] is page for page in taken_over)


def old_case(title, added):
    return case_text(title=title, added=added, domain=["circulaire-economie"])


def test_an_oldest_case_added_updates_the_counts_on_listing_pages_whose_cases_stay(tmp_path):
    assert_same_pages(*rebuilt(tmp_path, lambda root: write(root, "oude-buurtwerking.md", old_case("Oude buurtwerking", "2001-01-01")), cases=5))


def test_a_case_added_on_the_last_page_of_a_value_updates_its_count_on_the_first(tmp_path):
    # Circulaire economie: three cases, then four, on two pages of two; the first page keeps its cases.
    before = lambda root: write(root, "oude-a.md", old_case("Oude werking A", "2001-01-01"))
    add = lambda root: write(root, "oude-b.md", old_case("Oude werking B", "2000-01-01"))
    assert_same_pages(*rebuilt(tmp_path, add, page_size=2, cases=6, before=before))


def test_a_case_moved_to_another_domain_updates_every_catalogue_page(tmp_path):
    assert_same_pages(*rebuilt(tmp_path, lambda root: edited(root, "fietsbieb.md", "domain: [mobiliteit,", "domain: [huisvesting,")))


def test_a_deleted_case_leaves_no_page_that_still_counts_it(tmp_path):
    assert_same_pages(*rebuilt(tmp_path, lambda root: (root / "cases" / "fietsbieb.md").unlink(), cases=3))


def test_a_new_title_reaches_every_page_that_lists_the_case(tmp_path):
    assert_same_pages(*rebuilt(tmp_path, lambda root: edited(root, "fietsbieb.md", "title: Fietsbieb", "title: Nieuwe fietsbieb")))


def test_a_relabelled_vocabulary_value_reaches_every_page(tmp_path):
    assert_same_pages(*rebuilt(tmp_path, lambda root: edited(root, "_taxonomy.yml", "label: Product", "label: Voortbrengsel")))


def test_a_case_moved_to_another_region_updates_the_counts_of_the_regions_below_its_country(tmp_path):
    # België lists three cases, one per page; the moved one is on its last page, the counts below it show on all three.
    move = lambda root: edited(root, "herbruikbare-bekers.md", "region: [vlaanderen,", "region: [wallonie,")
    assert_same_pages(*rebuilt(tmp_path, move))
