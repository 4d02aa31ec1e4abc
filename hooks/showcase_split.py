"""A one-off build renders its case pages on both cores.

MkDocs reads, converts and renders every page in one process, one after the
other: at 10,000 cases that is most of a build, on one of the machine's two
cores. Once the navigation is made (every page known, none read yet), the
build forks. The second process reads and renders two case pages of every
three (`second_share`) and writes nothing else; the first renders the rest,
copies the assets and writes the sitemap, the 404 page and the search bundle.
Each marks the pages it does not render excluded (`InclusionLevel.EXCLUDED`),
which MkDocs' own loops skip. The second reads the hand-written pages too, so
that its navigation has their titles and metadata, and says nothing while it
does (the first reports on them). The pages are the same as in one process:
a page's output depends only on the page, the navigation and the site (the
shared parts and cards are made in each process from the same inputs).

The second process reports how many warnings it logged and whether it
failed through a pipe, then leaves at once (`os._exit`): the exit handlers it
inherited belong to the first process (the search child among them). The
first waits for it in `post_build`; a failure there stops the build, and its
warnings count again in the first process, so `--strict` stops on them.

Only `mkdocs build` (and ProperDocs' build) splits, from `SPLIT_FROM` case
pages, on Linux and while the build runs one thread, which forking needs; a
preview server renders in threads and keeps its pages (showcase_preview.py).
`SHOWCASE_SPLIT=never` or `always` overrides the size rule (the tests compare
both).
"""

from __future__ import annotations

import gc
import json
import logging
import os
import signal
import sys
import threading

import mkdocs
from mkdocs.structure.files import InclusionLevel
from mkdocs.utils import CountHandler

SPLIT_FROM = 1000  # case pages; below this a second process costs more than it saves
SETTING = "SHOWCASE_SPLIT"
ENGINE_LOGGER = mkdocs.__name__  # "properdocs" under ProperDocs, which aliases mkdocs.* to its own modules


class Quiet(logging.Filter):
    """Drops what the engine says while the second process reads a page it
    does not render: the first process reads and reports that page too."""

    def __init__(self):
        super().__init__()
        self.on = False

    def filter(self, record):
        return not self.on


def wanted(case_pages: int) -> bool:
    setting = os.environ.get(SETTING, "").strip().lower()
    if setting in ("never", "always"):
        allowed = setting == "always"
    else:
        allowed = case_pages >= SPLIT_FROM
    return allowed and sys.platform == "linux" and threading.active_count() == 1


def second_share(case_pages: list[str]) -> set[str]:
    """The pages the second process renders: two case pages of every three.
    The first renders the rest, every listing page among them (a quarter of
    the pages, with most of the cards). At 10,000 cases, with every other case
    page, the second process was done in 13 s and the first in 23 s; with two
    of every three, in 21 s and 19 s."""
    return {src for number, src in enumerate(case_pages) if number % 3}


class Split:
    """One of the two processes of a split build."""

    def __init__(self, second: bool, pipe: int, theirs: set[str], child: int | None = None,
                 counter: CountHandler | None = None, quiet: Quiet | None = None):
        self.second = second
        self.theirs = theirs  # the pages the second process renders
        self._quiet = quiet
        self._pipe = pipe
        self._child = child
        self._counter = counter

    @classmethod
    def fork(cls, files, config, theirs: set[str], generated: set[str]) -> Split:
        """Fork; the second process takes the pages in `theirs` (source
        paths, all of them in `generated`, the pages the showcase makes)."""
        read, write = os.pipe()
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        gc.collect()
        gc.freeze()  # the collector then leaves the shared objects alone (fewer copied memory pages)
        pid = os.fork()
        if pid == 0:
            os.close(read)
            counter = CountHandler(level=logging.WARNING)  # what --strict counts, as MkDocs counts it
            engine = logging.getLogger(ENGINE_LOGGER)
            engine.addHandler(counter)
            quiet = Quiet()
            for handler in engine.handlers:
                handler.addFilter(quiet)
            for file in files:
                if not file.is_documentation_page() or (file.src_uri in generated and file.src_uri not in theirs):
                    file.inclusion = InclusionLevel.EXCLUDED
            config.theme.static_templates.clear()
            config.extra_templates.clear()
            return cls(True, write, theirs, counter=counter, quiet=quiet)
        os.close(write)
        for file in files.documentation_pages():
            if file.src_uri in theirs:
                file.inclusion = InclusionLevel.EXCLUDED
        return cls(False, read, theirs, child=pid)

    def reading(self, src: str) -> None:
        """A page is about to be read (on_pre_page): in the second process,
        say nothing about it unless it is one of its own."""
        if self.second:
            self._quiet.on = src not in self.theirs

    def render_only_ours(self, files) -> None:
        """In the second process, once every page is read (on_env): render
        only its own. The hand-written pages are read in both, so that the
        navigation has their titles and metadata in each."""
        self._quiet.on = False
        for file in files.documentation_pages():
            if file.src_uri not in self.theirs:
                file.inclusion = InclusionLevel.EXCLUDED

    # --- the second process ----------------------------------------------

    def leave(self, error: BaseException | None = None) -> None:
        """Tell the first process how it went and exit."""
        report = {"warnings": sum(count for _, count in self._counter.get_counts())}
        if error is not None:
            report["error"] = f"{type(error).__name__}: {error}"
        try:
            os.write(self._pipe, json.dumps(report).encode())
        finally:
            for stream in (sys.stdout, sys.stderr):
                stream.flush()
            os._exit(1 if error is not None else 0)

    # --- the first process -----------------------------------------------

    def join(self) -> dict:
        """Wait for the second process; its report (see `leave`)."""
        chunks = []
        while chunk := os.read(self._pipe, 65536):
            chunks.append(chunk)
        os.close(self._pipe)
        _, status = os.waitpid(self._child, 0)
        try:
            report = json.loads(b"".join(chunks) or b"{}")
        except ValueError:
            report = {}
        if os.waitstatus_to_exitcode(status) != 0 and "error" not in report:
            report["error"] = f"it stopped with exit status {os.waitstatus_to_exitcode(status)}"
        return report

    def stop(self) -> None:
        """The first process failed: end the second without waiting for its pages."""
        try:
            os.kill(self._child, signal.SIGKILL)
            os.waitpid(self._child, 0)
        except (ChildProcessError, ProcessLookupError):
            pass
        os.close(self._pipe)

