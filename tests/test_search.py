"""The site search: what each page contributes to the Pagefind index, and the index itself."""

from __future__ import annotations

import gzip
import json
import os
import subprocess
from pathlib import Path

import pytest
from pagefind_bin import get_executable

from helpers import make_case as make
from showcase import search
from showcase.model import Partner


def test_plain_text_keeps_the_words_of_a_story_and_drops_its_markup():
    markdown = "## De aanpak\n\nMet **vrijwilligers** en [de buurt](https://example.org/buurt) {: .note }\n\n> Een *citaat* &amp; meer\n\n[1]: https://example.org"
    assert search.plain_text(markdown) == "De aanpak Met vrijwilligers en de buurt Een citaat & meer"


def test_plain_text_drops_html_tags_but_keeps_their_text():
    assert search.plain_text("Een <em>nadruk</em> en <br>een regel") == "Een nadruk en een regel"


def test_a_case_record_holds_title_summary_organisation_partners_labels_and_story(vocabulary):
    case = make(organisation="Fietsbieb vzw", partners=(Partner("Buurtwerk Noord", "uitvoerder"),), body="Met **vrijwilligers**.")
    record = search.case_record(case, vocabulary)
    assert record.url == "praktijkvoorbeelden/a/"
    assert record.title == "Titel a" and record.kind == "Praktijkvoorbeeld"
    for words in ("Titel a", "Een samenvatting", "Fietsbieb vzw", "Buurtwerk Noord", "Energie", "Utrecht", "Met vrijwilligers."):
        assert words in record.content, words


def test_every_showcase_page_of_the_vocabulary_is_a_record(vocabulary):
    records = search.term_records(vocabulary)
    urls = {record.url for record in records}
    assert "domein/energie/" in urls and "regio/vlaanderen/" in urls and "innovatietype/dienst/" in urls and "doelgroep/ouderen/" in urls
    assert len(records) == sum(len(vocabulary.terms(facet)) for facet in ("innovation_type", "domain", "region", "target_group"))
    energie = next(r for r in records if r.url == "domein/energie/")
    assert energie.kind == "Domein" and energie.title == vocabulary.label("domain", "energie")


def test_site_records_list_every_case_once(vocabulary):
    cases = [make("a"), make("b")]
    urls = [r.url for r in search.site_records(cases, vocabulary) if r.kind == search.CASE_KIND]
    assert sorted(urls) == ["praktijkvoorbeelden/a/", "praktijkvoorbeelden/b/"]


def test_a_page_record_takes_its_title_from_the_first_heading():
    record = search.page_record("over/", "# Over deze *showcase*\n\nWie we zijn en [wat we doen](doel.md).\n")
    assert record.title == "Over deze showcase" and record.kind == search.PAGE_KIND
    assert record.content == "Over deze showcase Wie we zijn en wat we doen."


def test_a_page_record_prefers_the_title_from_front_matter():
    assert search.page_record("over/", "# Kop\n\nTekst.", title="Over ons").title == "Over ons"


PAGES = [search.Record(f"pagina-{n}/", f"Pagina {n}", f"Woorden over fietsen en buurten {n}", "Pagina") for n in range(30)]


@pytest.fixture(scope="module")
def bundle(tmp_path_factory, vocabulary):
    """A Pagefind bundle of two cases, every showcase page and 30 pages, written once."""
    folder = tmp_path_factory.mktemp("bundle") / "pagefind"
    search.SearchIndex([make("a"), make("b")], vocabulary, PAGES).write(folder)
    return folder


def test_the_index_writes_a_dutch_pagefind_bundle_with_every_case_showcase_page_and_page(bundle, vocabulary):
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    assert entry["languages"]["nl"]["page_count"] == 2 + len(search.term_records(vocabulary)) + len(PAGES)
    assert (bundle / "pagefind.js").is_file()


def test_every_file_of_a_written_bundle_is_whole(bundle):
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    assert (bundle / f"pagefind.{entry['languages']['nl']['hash']}.pf_meta").is_file()
    assert all(path.stat().st_size > 0 for path in bundle.rglob("*") if path.is_file())
    for path in bundle.rglob("*.pf_*"):  # a cut-off gzip stream does not decompress
        assert gzip.decompress(path.read_bytes()).startswith(b"pagefind_dcd"), path.name


def test_writing_replaces_an_older_bundle(tmp_path, vocabulary):
    (tmp_path / "pagefind").mkdir()
    (tmp_path / "pagefind" / "oud.txt").write_text("oud")
    search.SearchIndex([], vocabulary, [search.Record("a/", "A", "tekst", "Pagina")]).write(tmp_path / "pagefind")
    assert not (tmp_path / "pagefind" / "oud.txt").exists()


def test_closing_an_unwritten_index_stops_its_process_and_leaves_nothing(vocabulary):
    index = search.SearchIndex([make("a")], vocabulary)
    index.close()
    index.close()  # twice is harmless: the adapter closes on every build error
    assert not index._process.is_alive() and not index._folder.exists()


def test_pages_sent_after_the_start_are_indexed_with_the_cases(tmp_path, vocabulary):
    site = tmp_path / "site"
    index = search.SearchIndex([make("a")], vocabulary, later=True)
    index.finish(PAGES, near=site)
    index.write(site / "pagefind")
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"]["nl"]["page_count"] == 1 + len(search.term_records(vocabulary)) + len(PAGES)


def test_a_bundle_is_written_inside_the_folder_it_goes_to_and_nothing_is_left_beside_it(tmp_path, vocabulary):
    site = tmp_path / "site"
    index = search.SearchIndex([make("a")], vocabulary, later=True)
    index.finish(PAGES, near=site)
    assert index._folder.parent == site  # so that moving it into place is a rename
    index.write(site / "pagefind")
    assert [path.name for path in site.iterdir()] == ["pagefind"]


def test_writing_before_the_pages_are_sent_is_refused(vocabulary):
    index = search.SearchIndex([make("a")], vocabulary, later=True)
    try:
        with pytest.raises(search.SearchIndexError, match="SearchIndex.finish"):
            index.write(Path("nergens"))
    finally:
        index.close()


def test_closing_an_index_still_waiting_for_its_pages_stops_its_process(vocabulary):
    index = search.SearchIndex([make("a")], vocabulary, later=True)
    index.close()
    assert not index._process.is_alive()


def _allocator_report(setting: str) -> str:
    """What Pagefind's binary says about its allocator when started with `setting`."""
    environment = dict(search.service_environment(), **{search.ALLOCATOR_SETTING: setting})
    run = subprocess.run([str(get_executable()), "--version"], env=environment, capture_output=True, text=True, check=True)
    return run.stdout + run.stderr


def test_pagefind_accepts_the_allocator_settings_the_service_gets():
    report = _allocator_report(search.service_environment()[search.ALLOCATOR_SETTING] + ",stats_print:true")
    assert "Invalid conf" not in report
    assert "opt.dirty_decay_ms: 200" in report and "opt.muzzy_decay_ms: 0" in report


def test_the_service_keeps_allocator_settings_the_user_gave(monkeypatch):
    monkeypatch.setenv(search.ALLOCATOR_SETTING, "narenas:1")
    assert search.service_environment()[search.ALLOCATOR_SETTING] == "narenas:1"


def test_the_service_indexes_on_every_core():
    assert search.service_environment()["RAYON_NUM_THREADS"] == str(os.cpu_count())
