"""The MkDocs side of a fast preview: what one `serve` keeps between rebuilds.

`mkdocs serve` rebuilds the whole site after every save: a new config, a
clean output folder, every page rendered. Here a rebuild takes over what has
not changed since the build before it:

- case files with the same bytes are not read again (`reuse.CaseCache`);
- the last build's output is set aside instead of deleted, and a generated
  page whose inputs have the same fingerprint (`reuse.PagePrints`) moves back
  from it instead of being rendered: it becomes a `ReusedPage`, a file MkDocs
  copies rather than a page it renders, with the page's source path and
  address, so links to it resolve as before;
- compiled templates are kept (MkDocs makes a new environment per build);
- the search bundle is written in the background and swapped in when ready,
  the last one served meanwhile; with the same records it is kept as it is.

Only the adapter uses this module, and only under `serve`; a one-off build
starts clean as MkDocs does.
"""

from __future__ import annotations

import gc
import os
import posixpath
import shutil
import threading
import uuid
from pathlib import Path

import jinja2
import material
import watchdog.events
import watchdog.observers
from mkdocs.plugins import get_plugin_logger
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import get_build_date

import showcase.addresses
import showcase.reuse
import showcase.search

log = get_plugin_logger(__name__)


class CompiledTemplates(jinja2.BytecodeCache):
    """Templates compiled once per serve. Jinja checks each entry against the
    template's current source, so an edited template is compiled again."""

    def __init__(self):
        self._code: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        if bucket.key in self._code:
            bucket.bytecode_from_string(self._code[bucket.key])

    def dump_bytecode(self, bucket) -> None:
        self._code[bucket.key] = bucket.bytecode_to_string()


class ReusedPage(File):
    """A generated page whose output from the last build still holds: not a
    page for MkDocs to render but a file to copy, and there is nothing to
    copy: the last output, back in place, is this build's."""

    def is_documentation_page(self) -> bool:
        return False

    def copy_file(self, dirty: bool = False) -> None:
        pass

    @File.src_path.setter
    def src_path(self, value: str) -> None:
        # A generated page's source is '/'-separated already: no PurePath
        # to parse it (a third of the time of making 13,000 of these).
        self.src_uri = value


# What polling reports as a change. The system also reports files opened
# and closed unwritten, which every build does to cases/ when it reads them.
CHANGES = [watchdog.events.FileCreatedEvent, watchdog.events.FileDeletedEvent, watchdog.events.FileModifiedEvent,
           watchdog.events.FileMovedEvent, watchdog.events.FileClosedEvent, watchdog.events.FileAttribEvent,
           watchdog.events.DirCreatedEvent, watchdog.events.DirDeletedEvent, watchdog.events.DirMovedEvent]


class FolderEvents:
    """The observer `serve` watches files with, but with the given large
    folders (`cases/`) watched through the system's file events.

    MkDocs polls every watched folder twice a second; at 10,000 cases one
    poll of `cases/` costs a fifth of a second of the interpreter, which a
    rebuild running meanwhile loses. The system's events (inotify, FSEvents,
    ReadDirectoryChanges: watchdog's native observer) cost nothing while
    nothing changes. If they cannot start (too many watches, say), those
    folders are polled as before. Stands in for the server's `observer`:
    the server schedules its own handlers on it, so every event still
    reaches the rebuild."""

    def __init__(self, polling, folders, native=None):
        self._polling = polling
        self._native = native or watchdog.observers.Observer()
        self._native_running = False
        self._folders = {os.path.realpath(folder) for folder in folders}
        self._scheduled: dict = {}  # each watch handed out: (observer, its watch there)
        self._native_watches: list[tuple] = []  # (watch, handler, path, recursive), to poll instead if need be

    def schedule(self, handler, path, recursive=False):
        native = os.path.realpath(path) in self._folders
        observer = self._native if native else self._polling
        watch = observer.schedule(handler, path, recursive=recursive, **({"event_filter": CHANGES} if native else {}))
        self._scheduled[watch] = (observer, watch)
        if native:
            self._native_watches.append((watch, handler, path, recursive))
        return watch

    def unschedule(self, watch) -> None:
        observer, scheduled = self._scheduled.pop(watch)
        observer.unschedule(scheduled)

    def start(self) -> None:
        try:
            self._native.start()
            self._native_running = True
        except OSError as error:
            log.warning("showcase: polling %s for changes: the system's file events could not start (%s)",
                        ", ".join(sorted(self._folders)), error)
            for watch, handler, path, recursive in self._native_watches:
                self._scheduled[watch] = (self._polling, self._polling.schedule(handler, path, recursive=recursive))
        self._polling.start()

    def stop(self) -> None:
        if self._native_running:
            self._native.stop()
        self._polling.stop()

    def join(self, timeout=None) -> None:
        if self._native_running:
            self._native.join(timeout)
        self._polling.join(timeout)


def page_dest(src: str, use_directory_urls: bool) -> str:
    """Where MkDocs writes the Markdown page `src` (its `File.dest_uri`),
    without making a File for it: `a/b.md` is `a/b/index.html`, or
    `a/b.html` without directory URLs; `a/index.md` is `a/index.html`."""
    parent, name = posixpath.split(posixpath.splitext(src)[0])
    if not use_directory_urls or name in ("index", "README"):
        return posixpath.join(parent, ("index" if name == "README" else name) + ".html")
    return posixpath.join(parent, name, "index.html")


def sitemap(files, config, elsewhere: set[str] = frozenset()) -> list[dict]:
    """Every page's address and date as MkDocs' own sitemap gives them,
    reused pages included (MkDocs' sitemap lists the rendered ones only), and
    the generated pages in `elsewhere` (rendered by a second process,
    showcase_split.py), which get the build's date as every generated page does."""
    if not config.site_url:
        return []
    base = config.site_url if config.site_url.endswith("/") else config.site_url + "/"
    built = get_build_date()
    entries = []
    for file in files:
        if isinstance(file, ReusedPage) or file.src_uri in elsewhere:  # the address MkDocs gives a page: urljoin(base, url), here a plain join
            entries.append({"loc": base + file.url, "lastmod": built})
        elif file.is_documentation_page() and file.inclusion.is_included() and file.page is not None and not file.page.is_link:
            entries.append({"loc": file.page.canonical_url, "lastmod": file.page.update_date})
    return entries


class Preview:
    """What one `serve` process keeps from build to build."""

    def __init__(self):
        self.cases = showcase.reuse.CaseCache()
        self.templates = CompiledTemplates()
        self._prints = showcase.reuse.PagePrints()
        self._previous: Path | None = None  # the last build's output, set aside while MkDocs empties the folder
        self._restored = False  # this build starts from the last one's output
        self._started = False  # this build has got as far as on_pre_build
        self._outputs: set[str] | None = None  # what the last good build wrote (None: start clean)
        self._current: set[str] = set()
        self._swap = threading.Lock()  # held while the site folder changes hands
        self._generation = 0  # which build's search bundle may still be swapped in
        self._search_records: str | None = None  # fingerprint of the bundle in place
        self._search_job: tuple | None = None
        self._writing: showcase.search.SearchIndex | None = None
        self.reused = (0, 0)  # generated pages moved back, of all, in the last build
        self._reused_files: dict[tuple, ReusedPage] = {}

    # --- on_serve ----------------------------------------------------------

    @staticmethod
    def settle() -> None:
        """After the first build: collect its garbage, then keep what lives on
        (the cases, the kept pages and values) out of later collections.

        A rebuild makes so many objects that every second one set off a full
        collection, which walks everything alive: about a second at 10,000
        cases, more than the rest of the rebuild. Frozen objects are still
        freed when nothing refers to them (cases, pages and values refer to
        no cycles); only the collector no longer walks them."""
        gc.collect()
        gc.freeze()

    # --- on_pre_build ------------------------------------------------------

    def begin(self, site_dir: Path) -> None:
        """Set the last good build's output aside: MkDocs empties the folder next."""
        with self._swap:
            self._generation += 1
            self._previous, self._restored, self._started = None, False, True
            if self._outputs is not None and site_dir.is_dir():
                self._previous = site_dir.with_name(f"{site_dir.name}.previous-{uuid.uuid4().hex[:8]}")
                site_dir.rename(self._previous)
                site_dir.mkdir()

    # --- on_files ----------------------------------------------------------

    def restore(self, site_dir: Path) -> None:
        """Put the last output back, now that MkDocs has emptied the folder:
        what this build writes replaces it, what it reuses is in place."""
        with self._swap:
            if self._previous is not None:
                site_dir.rmdir()
                self._previous.rename(site_dir)
                self._previous, self._restored = None, True

    def unchanged(self, prints: dict[str, str]) -> set[str]:
        """The generated pages whose fingerprint is the one of the last good build."""
        planned = self._prints.plan(prints)  # recorded even with nothing to reuse, for the next build
        unchanged = planned if self._restored else set()
        self.reused = (len(unchanged), len(prints))
        log.info("showcase: %d of %d generated pages unchanged since the last build", len(unchanged), len(prints))
        return unchanged

    def shared_print(self, config, core: Path) -> str:
        """What every page is made from: mkdocs.yml, the templates, the
        hand-written pages (which make the nav), the core and its messages,
        the theme's version, the address and the day."""
        # Resolved: ProperDocs' first configuration under serve has relative paths, later ones absolute.
        folders = [Path(config.config_file_path).resolve(), Path(config.docs_dir).resolve(), core.resolve()]
        if config.theme.custom_dir:
            folders.append(Path(config.theme.custom_dir).resolve())
        return showcase.reuse.folder_print(folders, material.__version__, config.site_url or "", get_build_date())

    def page_file(self, config, src: str) -> File:
        """A ReusedPage for the generated page `src`: its output of the last
        build, which succeeded, stays. Made once per serve and place: MkDocs
        keeps nothing on a file it only copies."""
        key = (src, config.site_dir, config.use_directory_urls)
        reused = self._reused_files.get(key)
        if reused is None:
            dest = page_dest(src, config.use_directory_urls)  # where the page is written (and its address from there)
            reused = ReusedPage(src, src_dir=None, dest_dir=config.site_dir, use_directory_urls=config.use_directory_urls,
                                dest_uri=dest, inclusion=InclusionLevel.NOT_IN_NAV)
            reused.abs_src_path = reused.abs_dest_path
            self._reused_files[key] = reused
        return reused

    def plan_search(self, cases, vocabulary, pages) -> None:
        """Index after the build, unless the bundle in place has these records."""
        if self._writing is not None:
            self._writing.cancel()  # an older bundle, not wanted any more
        records = showcase.reuse.value_print([self.cases.case_print(case) for case in cases], vocabulary, pages)
        unchanged = records == self._search_records and self._restored
        made = None if unchanged else [self.cases.derive("search record", case, lambda case=case: showcase.search.case_record(case, vocabulary))
                                        for case in cases]
        self._search_job = None if unchanged else (records, made, vocabulary, pages)

    # --- on_post_build and on_build_error ----------------------------------

    def record(self, files) -> None:
        """What this build writes, by address in the output folder."""
        self._current = {file.dest_uri for file in files}

    def finish(self, site_dir: Path) -> None:
        """The pages are served at once: what the last build wrote and this
        one did not (a deleted case's page) goes; the last search bundle stays
        until the new one is written."""
        if self._restored and self._outputs is not None:
            for dest in self._outputs - self._current:
                _remove(site_dir, dest)
        self._outputs = self._current
        if self._search_job is not None:
            bundle = site_dir / showcase.addresses.SEARCH_BUNDLE
            threading.Thread(target=self._index, args=(self._search_job, bundle, self._generation), daemon=True).start()
            self._search_job = None
        self._prints.succeeded()
        self._started = False

    def failed(self) -> None:
        """A build that stopped before on_pre_build (a broken case) has left
        the last output as it was, to be reused once the case is mended;
        after one that stopped later, the next starts clean and renders all."""
        self._search_job = None
        if not self._started:
            return
        self._started = False
        self._prints.failed()
        self._outputs = None
        with self._swap:
            if self._previous is not None:  # broken before on_files: the last output was never put back
                shutil.rmtree(self._previous, ignore_errors=True)
                self._previous = None

    def _index(self, job: tuple, bundle: Path, generation: int) -> None:
        """Write the bundle beside the site, then swap it in, unless a newer build has begun."""
        records, made, vocabulary, pages = job
        site_dir = bundle.parent
        fresh = site_dir.with_name(f"{site_dir.name}.search-{uuid.uuid4().hex[:8]}")
        try:
            self._writing = showcase.search.SearchIndex([], vocabulary, pages, made=made)
            self._writing.write(fresh)
            with self._swap:
                if generation != self._generation:
                    return
                stale = site_dir.with_name(f"{site_dir.name}.stale-{uuid.uuid4().hex[:8]}")
                if bundle.exists():
                    os.replace(bundle, stale)
                os.replace(fresh, bundle)
                self._search_records = records
            shutil.rmtree(stale, ignore_errors=True)
        except Exception as error:  # cancelled for a newer build, or Pagefind failed
            if generation == self._generation:
                log.warning("showcase: the site search was not updated: %s", error)
        finally:
            shutil.rmtree(fresh, ignore_errors=True)


def _remove(site_dir: Path, dest: str) -> None:
    """Delete one output file and the folders it leaves empty."""
    path = site_dir / dest
    path.unlink(missing_ok=True)
    for folder in path.parents:
        if folder == site_dir or any(folder.iterdir()):
            break
        folder.rmdir()
