"""Find the case files in `cases/` and turn each into a Case or problems."""

from __future__ import annotations

import datetime
import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from . import body, reuse
from .frontmatter import parse_yaml, read_text, split
from .i18n import _
from .model import Case, Problem
from .taxonomy import Vocabulary
from .validate import Draft, drop_empty_optionals, validate

CASES_DIR = "cases"
IMAGES_DIR = "images"


@dataclass
class Loaded:
    """Every valid case and every problem, from one pass over the files."""

    cases: list[Case] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)
    files: int = 0


def case_paths(root: Path) -> tuple[list[Path], list[Problem]]:
    """The case files in `cases/`, and problems for files that look misplaced.

    Nothing is skipped silently: a Markdown file in a subfolder or a file of
    another kind is reported rather than left out of the site.
    """
    folder = root / CASES_DIR
    paths, problems = [], []
    for path, inside in _visible_files(folder):
        rel = f"{CASES_DIR}/{'/'.join(inside)}"
        if len(inside) > 1:
            problems.append(Problem(rel, 1, "file", _("is in a subfolder; put case files directly in cases/")))
        elif not inside[0].endswith(".md"):
            problems.append(Problem(rel, 1, "file", _("is not a case; cases are Markdown files named cases/<slug>.md (images go in cases/images/)")))
        else:
            paths.append(path)
    return paths, problems + _case_clashes(paths, root)


def _visible_files(folder: Path, inside: tuple[str, ...] = ()) -> list[tuple[Path, tuple[str, ...]]]:
    """Every file under `folder` with its path parts, in path order, leaving out
    names that start with '.' or '_' and the images folder. One directory
    listing per folder (a path object per file costs seconds at 10,000 cases)."""
    found = []
    with os.scandir(folder) as entries:
        for entry in sorted(entries, key=lambda entry: entry.name):
            parts = inside + (entry.name,)
            if entry.name.startswith((".", "_")) or parts == (IMAGES_DIR,):
                continue
            if entry.is_dir():
                found.extend(_visible_files(Path(entry.path), parts))
            else:
                found.append((Path(entry.path), parts))
    return found


def _case_clashes(paths: list[Path], root: Path) -> list[Problem]:
    """File names that differ only in upper/lower case clash on many systems."""
    seen: dict[str, Path] = {}
    problems = []
    for path in paths:
        key = path.name.lower()
        if key in seen:
            other = seen[key].relative_to(root).as_posix()
            problems.append(Problem(path.relative_to(root).as_posix(), 1, "file name", _("differs from {other} only in upper/lower case; rename one").format(other=other)))
        seen[key] = path
    return problems


def load_case(path: Path, root: Path, vocabulary: Vocabulary, today: datetime.date) -> tuple[Case | None, list[Problem]]:
    """Read, parse and validate one case file."""
    rel = path.relative_to(root).as_posix()
    text, problems = read_text(path, rel)
    if text is None:
        return None, problems
    source, problems = split(text, rel)
    if source is None:
        return None, problems
    document, problems = parse_yaml(source.front_matter, rel, source.front_matter_line)
    if document is None:
        return None, problems
    if not isinstance(document.data, dict):
        what = _("empty") if document.data is None else _("not a list of keys")
        return None, problems + [Problem(rel, source.front_matter_line, "front matter", _("is {what}; write one 'key: value' per line").format(what=what))]
    document.data = drop_empty_optionals(document.data)
    draft = Draft(rel, path.stem, document, source.body, source.body_line, root, vocabulary, today)
    case, more = validate(draft)
    # A value the reader could not read has its message; the rules, which
    # see nothing there, would only add a second, misleading one.
    unread = {(problem.key, problem.line) for problem in problems}
    problems = problems + [problem for problem in more if (problem.key, problem.line) not in unread]
    return (None if problems else case), problems


def load_cases(root: Path, vocabulary: Vocabulary, today: datetime.date, only: list[Path] | None = None,
               parallel: bool = False, markdown: tuple[list, dict] | None = None,
               cache: reuse.CaseCache | None = None) -> Loaded:
    """Every case in `cases/` (or only the given files), with all problems.

    `parallel`: the caller runs a single thread (a one-off build or check, not
    a server), so a second process may be forked to read half of the files.
    `markdown`: the engine's Markdown extensions and their settings, to judge
    stories as the site renders them; read from mkdocs.yml when not given.
    `cache`: results of an earlier load in this process (a preview server's),
    reused for files that have not changed since.
    """
    paths, problems = case_paths(root)
    if only is not None:
        wanted = {path.resolve() for path in only}
        paths = [path for path in paths if path.resolve() in wanted]
        problems = [p for p in problems if (root / p.path).resolve() in wanted]
    markdown = markdown or body.site_markdown(root)
    body.configure(*markdown)
    loaded = Loaded(problems=problems, files=len(paths))
    if cache is not None:
        cache.begin(_validation_context(root, today, markdown))
        results = [_load_cached(cache, path, root, vocabulary, today) for path in paths]
    else:
        results = _load_all(paths, root, vocabulary, today, parallel)
    for case, case_problems in results:
        loaded.problems.extend(case_problems)
        if case is not None:
            loaded.cases.append(case)
    return loaded


PARALLEL_FROM = 1000  # below this many files, starting a second process costs more than it saves


def _load_all(paths: list[Path], root: Path, vocabulary: Vocabulary, today: datetime.date, parallel: bool) -> list:
    """`load_case` for every path, in order; with many files, the second half
    is read and validated by a second process (machines have two cores).

    The second process is forked: it starts at once with everything imported
    and does not re-run the caller's script. Forking is only safe while this
    process runs a single thread (as `mkdocs build` and `check` do; the caller
    says so), and only reliable on Linux; otherwise, as under `mkdocs serve`,
    one process reads all.
    """
    if not (parallel and len(paths) >= PARALLEL_FROM and sys.platform == "linux"):
        return _load_each(paths, root, vocabulary, today)
    half = len(paths) // 2
    with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork")) as pool:
        second = pool.submit(_load_each, paths[half:], root, vocabulary, today)
        first = _load_each(paths[:half], root, vocabulary, today)
        return first + second.result()


def _load_each(paths: list[Path], root: Path, vocabulary: Vocabulary, today: datetime.date) -> list:
    return [load_case(path, root, vocabulary, today) for path in paths]


def _validation_context(root: Path, today: datetime.date, markdown: tuple[list, dict]) -> str:
    """What a case's validation reads besides its own file: vocabulary, images, day, Markdown."""
    images = root / CASES_DIR / IMAGES_DIR
    stamps = sorted((path.as_posix(), reuse.stamp(path)) for path in images.rglob("*")) if images.is_dir() else []
    return reuse.value_print(reuse.folder_print([root / CASES_DIR / "_taxonomy.yml"]), today, markdown, stamps)


def _load_cached(cache: reuse.CaseCache, path: Path, root: Path, vocabulary: Vocabulary, today: datetime.date):
    result = cache.get(path)
    if result is None:
        read = reuse.stamp(path)
        result = load_case(path, root, vocabulary, today)
        cache.put(path, result, read)
    return result
