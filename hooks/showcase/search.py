"""The site's full-text search: a Pagefind index built beside the pages.

Every case, every showcase page and every hand-written page becomes one record,
all known before MkDocs renders a page. A child process hands them to
Pagefind's indexing service (the binary from the `pagefind[bin]` wheel) and
writes the bundle on the second core while the site renders; the browser loads
that bundle in pieces, only what a query needs.
"""

from __future__ import annotations

import asyncio
import base64
import html
import json
import re
import multiprocessing
import os
import shutil
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable

from pagefind.index import IndexConfig
from pagefind.service import PagefindService

from . import addresses
from .catalogue import values_of
from .model import Case
from .taxonomy import Vocabulary
from .views import FACET_NAMES

LANGUAGE = "nl"  # one Dutch index: Dutch stemming for every page
BATCH = 100  # records in flight at once
# Pagefind's Linux binary allocates with jemalloc (prefixed `_rjem_`), which by
# default keeps freed memory for 10 s. Indexing frees as it goes (each page's
# words once merged), so at 10,000 cases the service peaked at 1.35 GB; handing
# freed pages back after 0.2 s brings that to 1.12 GB, for about 1.4 s more CPU
# (16.4 against 15.0 s, medians of four alternating runs).
ALLOCATOR_SETTING = "_RJEM_MALLOC_CONF"
ALLOCATOR = "dirty_decay_ms:200,muzzy_decay_ms:0"
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
    labels = [vocabulary.label(facet, slug) for facet in addresses.SHOWCASE_FOLDERS for slug in values_of(case, facet)
              if slug in vocabulary.facets.get(facet, {})]
    parts = [case.title, case.summary, case.organisation or "", *(p.name for p in case.partners), *labels, plain_text(case.body)]
    return Record(addresses.case_url(case.slug), case.title, "\n".join(p for p in parts if p), CASE_KIND)


def term_records(vocabulary: Vocabulary) -> list[Record]:
    """The showcase page of every type, domain, region, place, goal and target group."""
    records = []
    for facet in addresses.SHOWCASE_FOLDERS:
        for term in vocabulary.terms(facet) if facet in vocabulary.facets else []:
            content = f"{term.label}\n{term.description}".strip()
            records.append(Record(addresses.term_url(facet, term.slug), term.label, content, FACET_NAMES[facet][0]))
    return records


def site_records(cases: list[Case], vocabulary: Vocabulary) -> list[Record]:
    """Every record the showcase itself knows: cases first, then showcase pages."""
    return [case_record(case, vocabulary) for case in cases] + term_records(vocabulary)


_HEADING = re.compile(r"^#\s+(.+?)\s*#*\s*$", re.MULTILINE)


def page_record(url: str, markdown_text: str, title: str = "") -> Record:
    """A hand-written page, from its Markdown; its title from front matter or its first heading."""
    if not title:
        heading = _HEADING.search(markdown_text)
        title = plain_text(heading.group(1)) if heading else url.strip("/")
    return Record(url, title, plain_text(markdown_text), PAGE_KIND)


# --- the index ----------------------------------------------------------------


class _Service(PagefindService):
    """Pagefind's own service client, reading each answer as soon as it arrives.

    pagefind 1.5.2's client sleeps 0.1 s before reading every answer, which
    would make 10,000 records take 17 minutes. The protocol is unchanged: base64
    JSON answers separated by commas, each naming the message it answers.
    Answers may be large: the whole bundle comes back as one (see `_build`).
    """

    ANSWER_LIMIT = 2**30  # bytes in one answer; 10,000 cases send about 25 MB

    async def launch(self) -> "_Service":
        self._backend = await asyncio.create_subprocess_exec(
            self._bin, "--service", cwd=os.getcwd(), limit=self.ANSWER_LIMIT, env=service_environment(),
            stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
        self._poll_task = self._loop.create_task(self._wait_for_responses())
        return self

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


def service_environment() -> dict[str, str]:
    """The environment Pagefind's service runs in: every core once the pages
    are done (RAYON_NUM_THREADS), its allocator's settings unless set already."""
    environment = dict(os.environ, RAYON_NUM_THREADS=str(os.cpu_count() or 1))
    environment.setdefault(ALLOCATOR_SETTING, ALLOCATOR)
    return environment


class SearchIndex:
    """A Pagefind bundle built by a child process while the site renders.

    Every record is known before rendering starts, so the child indexes and
    writes the whole bundle (into a folder of its own) on the second core. A
    process rather than a thread: it and its Pagefind service can run at a
    lower priority (`nice`), and the client's per-record work stays out of the
    build's interpreter. `write` waits for the child and moves the bundle into
    place. Call `close` if the build fails.
    """

    def __init__(self, cases: list[Case], vocabulary: Vocabulary, pages: Iterable[Record] = (), made: list[Record] | None = None,
                 later: bool = False, nice: int = 10):
        """Index `cases` and the vocabulary's showcase pages (their records are
        made in the child too), and the hand-written `pages`. `made`: the
        cases' records, made already (a preview server keeps each case's), sent
        instead of the cases: a tenth of the work for this process. `later`:
        the pages come through `finish` instead; the cases are indexed
        meanwhile (a build starts this before the engine has read its files).
        `nice`: how much lower the child's priority is than the caller's. A
        preview server's search comes after its pages (10); a one-off build
        must wait for it, and is done sooner when it shares the machine evenly
        (0: 24-28 s against 27-40 s at 10,000 cases, alternating).
        """
        context = multiprocessing.get_context("spawn")  # nothing of the build is copied
        self._connection, child = context.Pipe()
        self._folder: Path | None = None
        work = (list(cases) if made is None else None, vocabulary, made)
        self._process = context.Process(target=_index_in_child, args=(child, work, nice), name="search-index", daemon=True)
        _start_importable(self._process)
        child.close()
        if not later:
            self.finish(pages)

    def finish(self, pages: Iterable[Record], near: Path | None = None) -> None:
        """The hand-written pages, the last records. The bundle is written in a
        new folder in `near`: best on the disk it goes to (the site's folder),
        so that `write` moves it with a rename rather than a copy of 10,000
        files (seconds on a slow disk); else in the system's temporary folder."""
        if near is not None:
            near.mkdir(parents=True, exist_ok=True)
        self._folder = Path(tempfile.mkdtemp(prefix=".showcase-search-", dir=near))
        self._connection.send((list(pages), str(self._folder / "bundle")))

    def write(self, folder: Path) -> None:
        """Wait for the child, then move the bundle to `folder` (replacing it)."""
        if self._folder is None:
            raise SearchIndexError("the hand-written pages were never sent (SearchIndex.finish)")
        try:
            try:
                reply = self._connection.recv()
            except EOFError:
                raise SearchIndexError("the indexing process stopped without an answer") from None
            if reply[0] == "error":
                raise SearchIndexError(reply[1])
            shutil.rmtree(folder, ignore_errors=True)
            shutil.move(self._folder / "bundle", folder)
        finally:
            self.close()

    def cancel(self) -> None:
        """Stop the child at once, as when a newer build indexes instead; `write` then fails."""
        if self._process.is_alive():
            self._process.kill()

    def close(self) -> None:
        if self._connection.closed:
            return
        self._connection.close()  # the child stops when it can no longer answer
        self._process.join(timeout=10)
        if self._process.is_alive():
            self._process.kill()
            self._process.join()
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)


PACKAGE_PARENT = str(Path(__file__).resolve().parent.parent)


def _start_importable(process) -> None:
    """Start a spawned process that can import this package.

    A spawned child gets the parent's `sys.path` as it is at `start()`. MkDocs
    puts the hook's folder there only while it imports the hook, so with
    nothing but `pip install -r requirements.txt` (no `pip install -e .`) the
    child could not import `showcase`: the folder is added for the start.
    """
    added = PACKAGE_PARENT not in sys.path
    if added:
        sys.path.insert(0, PACKAGE_PARENT)
    try:
        process.start()
    finally:
        if added:
            sys.path.remove(PACKAGE_PARENT)


def _index_in_child(connection, work: tuple, nice: int) -> None:
    # At a lower priority (`nice`) the indexer uses what the build leaves of
    # the machine, and all of it once pages are done.
    if nice and hasattr(os, "nice"):  # not on Windows
        os.nice(nice)
    try:
        cases, vocabulary, made = work
        records = site_records(cases, vocabulary) if made is None else made + term_records(vocabulary)
        asyncio.run(_build(records, connection))
    except EOFError:
        return  # the build has gone before sending the last records
    except Exception as error:  # reported to the build, which stops with it
        reply = ("error", f"Pagefind: {error}")
    else:
        reply = ("written",)
    try:
        connection.send(reply)
    except OSError:
        pass  # the build has gone


async def _build(records: list[Record], connection) -> None:
    """Index `records`, then the pages the build sends, and write the bundle where it says."""
    service = await _Service().launch()
    try:
        index = await service.create_index(IndexConfig(force_language=LANGUAGE))
        await _add_all(index, records)
        pages, output = connection.recv()  # every earlier answer is in: nothing waits on the loop
        await _add_all(index, pages)
        files = await index.get_files()
    finally:
        await service.stop()
    _write_bundle(files, Path(output))


async def _add_all(index, records: list[Record]) -> None:
    for start in range(0, len(records), BATCH):
        await asyncio.gather(*(_add(index, record) for record in records[start : start + BATCH]))


def _write_bundle(files: list[dict], folder: Path) -> None:
    """Write the bundle ourselves, every file closed before the build moves it.

    Pagefind's own `write_files` answers before its last writes reach the disk
    (tokio files, never flushed), and it exits when the service is stopped, so
    now and then a file, often `pagefind-entry.json`, stayed empty.
    """
    made = set()
    for file in files:
        path = folder / file["path"]
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        path.write_bytes(file["content"])


async def _add(index, record: Record) -> None:
    await index.add_custom_record(url=record.url, content=record.content, language=LANGUAGE,
                                  meta={"title": record.title, "kind": record.kind})
