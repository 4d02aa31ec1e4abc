"""What a rebuild under a preview server may take over from the build before it.

A preview server rebuilds the whole site after every save, yet after one edit
almost nothing has changed. A case file with the same bytes, read against the
same vocabulary, images and day, gives the same case; a page made from the
same inputs gives the same HTML. `CaseCache` keeps the first, `PagePrints`
the second, each keyed by what it was made from, so a change anywhere in
those inputs makes the next build read or render afresh. A one-off build uses
neither: it always starts clean.
"""

from __future__ import annotations

import hashlib
import io
import pickle
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

Stamp = tuple[int, int]  # (modification time in ns, size in bytes)


def stamp(path: Path) -> Stamp | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return (status.st_mtime_ns, status.st_size)


def _digest(parts: Iterable[bytes]) -> str:
    hasher = hashlib.blake2b(digest_size=16)
    for part in parts:
        hasher.update(len(part).to_bytes(8, "little"))
        hasher.update(part)
    return hasher.hexdigest()


def folder_print(folders: Iterable[Path], *extra: str) -> str:
    """One fingerprint of every file's path and bytes under `folders`, and of `extra`."""
    parts = [text.encode("utf-8") for text in extra]
    for folder in folders:
        paths = [folder] if folder.is_file() else sorted(p for p in folder.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
        for path in paths:
            parts += [path.as_posix().encode("utf-8"), path.read_bytes()]
    return _digest(parts)


def value_print(*values, known=None) -> str:
    """A fingerprint of plain values (dicts, lists, dataclasses, strings).

    Their pickle, three times quicker to make than their repr; equal bytes
    mean equal values. Pickled without its memo ("fast" mode), so a value
    gives the same bytes whether or not it shares objects (a case read
    before shares its strings with the last build; a fresh one does not).
    What cannot be pickled, such as a function in Markdown settings, counts
    by its repr. `known(value)` may give a value's own print, which then
    stands for it (a card shown on 300 pages is pickled once, not 300 times)."""
    out = io.BytesIO()
    pickler = _Printer(out, known) if known else pickle.Pickler(out, protocol=5)
    pickler.fast = True
    try:
        pickler.dump(values)
    except (pickle.PicklingError, TypeError, AttributeError):
        return _digest(repr(value).encode("utf-8") for value in values)
    return _digest([out.getvalue()])


class _Printer(pickle.Pickler):
    """Pickles a value whose print is known as that print."""

    def __init__(self, out, known):
        super().__init__(out, protocol=5)
        self._known = known

    def reducer_override(self, obj):  # called for objects other than str, int, list, dict and the like
        found = self._known(obj)
        return NotImplemented if found is None else (_Known, (found,))


class Derived(dict):
    """A dict made from one case, kept by `CaseCache.derive`: the same mapping,
    but one whose print `CaseCache.value_print` can look up."""


class _Known(str):
    """What a value with a known print pickles as: not a str, so no string
    in a page prints like a card."""


def make_now(kind: str, case, make):
    """What `derive` is where nothing is kept per case (a one-off build): `make()`."""
    return make()


def recall_now(src: str, inputs: tuple, make):
    """What `recall` is where nothing is kept between builds: `make()`."""
    return make()


def combine(*prints: str) -> str:
    """One fingerprint of several."""
    return _digest(part.encode("ascii") for part in prints)


@dataclass
class CaseCache:
    """The result of reading each case file, reused while its stamp and the context hold.

    The context is a fingerprint of everything else a case's validation reads
    (the vocabulary, the images, the day, the Markdown settings): when it
    changes, every file is read again."""

    context: str = ""
    entries: dict[Path, tuple[Stamp, object]] = field(default_factory=dict)
    derived: dict[tuple[str, int], tuple[object, object]] = field(default_factory=dict)
    prints: dict[int, tuple[object, str]] = field(default_factory=dict)  # a derived value's own print, by id
    pages: dict[str, tuple[tuple, object]] = field(default_factory=dict)  # the last build's pages, by source
    recalled: dict[str, tuple[tuple, object]] = field(default_factory=dict)  # this build's

    def begin(self, context: str) -> None:
        if self.recalled:  # the last build got as far as its pages
            self.pages, self.recalled = self.recalled, {}
        if context != self.context:
            self.entries.clear()
            self._forget_derived()
            self.pages.clear()
            self.context = context
        if len(self.derived) > 16 * max(1, len(self.entries)):
            self._forget_derived()  # mostly values of cases read again since

    def _forget_derived(self) -> None:
        self.derived.clear()
        self.prints.clear()

    def value_print(self, *values) -> str:
        """`value_print(*values)`, with every derived value inside them
        pickled once for all the pages that show it."""
        return value_print(*values, known=self._known_print)

    def _known_print(self, value) -> str | None:
        entry = self.prints.get(id(value))
        if entry is None or entry[0] is not value:
            return None
        if entry[1] is None:
            entry = self.prints[id(value)] = (value, value_print(value))
        return entry[1]

    def derive(self, kind: str, case, make):
        """`make()`, once per case object and `kind`: values made from one case
        alone (and the context) hold while the file is unchanged, since an
        unchanged file gives back the very same object."""
        entry = self.derived.get((kind, id(case)))
        if entry is not None and entry[0] is case:
            return entry[1]
        value = make()
        if type(value) is dict:
            value = Derived(value)  # a plain dict is pickled without asking whose print it has
        self.derived[(kind, id(case))] = (case, value)
        self.prints[id(value)] = (value, None)  # made when a page's print first meets it
        return value

    def recall(self, src: str, inputs: tuple, make):
        """The page `src` of the last build if it was made from the same
        `inputs` (cases, which compare as the very same objects first, and
        plain values) in the same context, else `make()`. `inputs` must hold
        everything `make` reads besides the context and the cases' own files."""
        entry = self.pages.get(src)
        page = entry[1] if entry is not None and entry[0] == inputs else make()
        self.recalled[src] = (inputs, page)
        return page

    def case_print(self, case) -> str:
        """A case's own fingerprint, made once per case object."""
        return self.derive("print", case, lambda: value_print(case))

    def get(self, path: Path):
        entry = self.entries.get(path)
        if entry is not None and entry[0] == stamp(path):
            return entry[1]
        return None

    def put(self, path: Path, result, read: Stamp | None) -> None:
        """Keep `result` for the file as it was when reading began (`read`):
        a save during the reading then counts as a change."""
        if read is not None:
            self.entries[path] = (read, result)


@dataclass
class PagePrints:
    """The fingerprint each generated page had in the last build that succeeded.

    `plan` records this build's prints and answers which pages are unchanged;
    `succeeded` makes them the reference for the next build; `failed` forgets
    everything, so after a broken build every page is rendered again."""

    built: dict[str, str] = field(default_factory=dict)
    pending: dict[str, str] = field(default_factory=dict)

    def plan(self, prints: dict[str, str]) -> set[str]:
        self.pending = prints
        return {src for src, print_ in prints.items() if self.built.get(src) == print_}

    def succeeded(self) -> None:
        self.built, self.pending = self.pending, {}

    def failed(self) -> None:
        self.built, self.pending = {}, {}
