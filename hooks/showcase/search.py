"""The site's full-text search: a Pagefind index built beside the pages.

Every case, every showcase page and every hand-written page becomes one record.
Records go to Pagefind's indexing service (the binary from the `pagefind[bin]`
wheel, a separate process) from a background thread, so indexing runs on the
second core while the site renders; `write` waits for it and writes the bundle
that the browser loads in pieces, only what a query needs.
"""

from __future__ import annotations

import asyncio
import base64
import html
import json
import re
import threading
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Iterable

from pagefind.index import IndexConfig
from pagefind.service import PagefindService

from . import addresses
from .catalogue import Catalogue
from .model import Case
from .taxonomy import Vocabulary
from .views import FACET_NAMES

LANGUAGE = "nl"  # one Dutch index: Dutch stemming for every page
BATCH = 100  # records in flight at once
CASE_KIND = "Praktijkvoorbeeld"
PAGE_KIND = "Pagina"


class SearchIndexError(Exception):
    """Pagefind could not index or write; the message says what it reported."""


@dataclass(frozen=True)
class Record:
    """One search result: where it lives, what it is called, what it says."""

    url: str  # relative to the site root, as in `addresses`
    title: str
    content: str
    kind: str  # shown next to the title: "Praktijkvoorbeeld", "Domein", ...


# --- records ----------------------------------------------------------------

_REFERENCE = re.compile(r"^\s{0,3}\[[^\]]+\]:.*$", re.MULTILINE)  # [id]: https://...
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")  # [text](url), ![alt](src)
_TAG = re.compile(r"<[^>]*>")
_ATTRIBUTES = re.compile(r"\{:?[^}\n]*\}")  # attr_list: {: .class }
_EMPHASIS = re.compile(r"[*_`~\[\]]+")  # inside words and sentences: removed
_BLOCK_MARKS = re.compile(r"[#>|]+")  # headings, quotes, tables: a gap


def plain_text(markdown_text: str) -> str:
    """A case's story as words: Markdown's marks, link targets and tags removed.

    Cheap on purpose: it runs on every case while the site renders, and the
    index only needs the words, not the layout.
    """
    text = _REFERENCE.sub(" ", markdown_text)
    text = _LINK.sub(r"\1", text)
    text = _TAG.sub(" ", text)
    text = _ATTRIBUTES.sub(" ", text)
    text = _EMPHASIS.sub("", text)
    text = _BLOCK_MARKS.sub(" ", text)
    return " ".join(html.unescape(text).split())


def case_record(case: Case, vocabulary: Vocabulary) -> Record:
    labels = [vocabulary.label(facet, slug) for facet in addresses.SHOWCASE_FOLDERS for slug in getattr(case, facet)]
    parts = [case.title, case.summary, case.organisation or "", *(p.name for p in case.partners), *labels, plain_text(case.body)]
    return Record(addresses.case_url(case.slug), case.title, "\n".join(p for p in parts if p), CASE_KIND)


def term_records(vocabulary: Vocabulary) -> list[Record]:
    """The showcase page of every type, domain and region."""
    records = []
    for facet in addresses.SHOWCASE_FOLDERS:
        for term in vocabulary.terms(facet):
            content = f"{term.label}\n{term.description}".strip()
            records.append(Record(addresses.term_url(facet, term.slug), term.label, content, FACET_NAMES[facet][0]))
    return records


def site_records(catalogue: Catalogue) -> list[Record]:
    """Every record the showcase itself knows: cases first, then showcase pages."""
    cases = [case_record(case, catalogue.vocabulary) for case in catalogue.cases]
    return cases + term_records(catalogue.vocabulary)


class _Text(HTMLParser):
    """The visible text of rendered page content, without permalink anchors."""

    SKIPPED = {"script", "style"}
    BLOCKS = {"p", "div", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "td", "th", "tr", "dt", "dd",
              "blockquote", "pre", "figcaption", "section", "article", "table", "ul", "ol"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.words: list[str] = []
        self._skipping = 0

    def handle_starttag(self, tag, attrs):
        classes = (dict(attrs).get("class") or "").split()
        if self._skipping or tag in self.SKIPPED or "headerlink" in classes:
            self._skipping += 1
        elif tag in self.BLOCKS:
            self.words.append(" ")

    def handle_endtag(self, tag):
        if self._skipping:
            self._skipping -= 1
        elif tag in self.BLOCKS:
            self.words.append(" ")

    def handle_data(self, data):
        if not self._skipping:
            self.words.append(data)


def html_text(content: str) -> str:
    parser = _Text()
    parser.feed(content)
    parser.close()
    return " ".join("".join(parser.words).split())


def page_record(url: str, title: str, content_html: str) -> Record:
    """A hand-written page, from the HTML MkDocs rendered for it."""
    return Record(url, title, html_text(content_html), PAGE_KIND)


# --- the index ----------------------------------------------------------------


class _Service(PagefindService):
    """Pagefind's own service client, reading each answer as soon as it arrives.

    pagefind 1.5.2's client sleeps 0.1 s before reading every answer, which
    would make 10,000 records take 17 minutes. The protocol is unchanged: base64
    JSON answers separated by commas, each naming the message it answers.
    """

    async def _wait_for_responses(self) -> None:
        while True:
            try:
                output = await self._backend.stdout.readuntil(b",")
            except asyncio.IncompleteReadError:
                return  # the service has exited
            response = json.loads(base64.b64decode(output[:-1]))
            payload = response.get("payload") or {}
            message_id = response.get("message_id")
            if message_id is None and payload.get("original_message"):
                message_id = json.loads(payload["original_message"]).get("message_id")
            future = self._responses.pop(message_id, None)
            if future is None or future.done():
                continue
            if payload.get("type") == "Error":
                future.set_exception(SearchIndexError(payload.get("message", "unknown error")))
            else:
                future.set_result(payload)

    async def stop(self) -> None:
        self._poll_task.cancel()
        if self._backend.returncode is None:
            self._backend.stdin.close()
            await self._backend.wait()


class SearchIndex:
    """A Pagefind index filled from a background thread.

    `add` returns at once; `write` waits for every record, writes the bundle
    into a folder and stops the service. Call `close` if the build fails.
    """

    def __init__(self):
        self._loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self._loop.run_forever, name="search-index", daemon=True)
        self._thread.start()
        self._pending: list = []
        self._service: _Service | None = None
        self._index = None
        self.count = 0
        try:
            self._call(self._open())
        except Exception:
            self.close()
            raise

    def _call(self, coroutine):
        return asyncio.run_coroutine_threadsafe(coroutine, self._loop).result()

    async def _open(self) -> None:
        self._service = await _Service().launch()
        self._index = await self._service.create_index(IndexConfig(force_language=LANGUAGE))

    def add(self, records: Iterable[Record]) -> None:
        records = list(records)
        self.count += len(records)
        self._pending.append(asyncio.run_coroutine_threadsafe(self._add_all(records), self._loop))

    async def _add_all(self, records: list[Record]) -> None:
        for start in range(0, len(records), BATCH):
            await asyncio.gather(*(self._add(record) for record in records[start : start + BATCH]))

    async def _add(self, record: Record) -> None:
        await self._index.add_custom_record(url=record.url, content=record.content, language=LANGUAGE,
                                            meta={"title": record.title, "kind": record.kind})

    def write(self, folder: Path) -> None:
        """Wait for every record, then write the bundle into `folder`."""
        try:
            for pending in self._pending:
                pending.result()
            self._call(self._index.write_files(output_path=str(Path(folder).resolve())))
        finally:
            self.close()

    def close(self) -> None:
        if self._loop.is_closed():
            return
        for pending in self._pending:
            pending.cancel()
        if self._service is not None:
            self._call(self._service.stop())
        self._loop.call_soon_threadsafe(self._loop.stop)
        self._thread.join()
        self._loop.close()
