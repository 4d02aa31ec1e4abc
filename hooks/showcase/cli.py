"""The command line: `python -m showcase check | new | schema`, run from the repository root."""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from pathlib import Path

from . import contribute, schema
from .casefiles import load_cases
from .model import Problem
from .taxonomy import VocabularyError, load_vocabulary
from .site import TAXONOMY


def find_root(start: Path) -> Path:
    """The project root: the nearest folder upwards that has cases/_taxonomy.yml."""
    for folder in (start, *start.parents):
        if (folder / TAXONOMY).is_file():
            return folder
    raise SystemExit(f"showcase: no {TAXONOMY} found in {start} or above; run this from the repository")


def annotation(problem: Problem) -> str:
    """A GitHub Actions workflow command that marks the problem on its line."""
    message = f"{problem.key}: {problem.message}".replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return f"::error file={problem.path},line={problem.line},title=Praktijkvoorbeeld::{message}"


def check(files: list[str], root: Path, out=sys.stdout) -> int:
    """Validate all cases, or only `files`; print every problem; 1 if any."""
    try:
        vocabulary = load_vocabulary(root / TAXONOMY, TAXONOMY)
    except VocabularyError as error:
        problems = error.problems
        checked = 0
    else:
        only = [Path(name).resolve() for name in files] if files else None
        loaded = load_cases(root, vocabulary, datetime.date.today(), only)
        problems, checked = loaded.problems, loaded.files
    for problem in problems:
        print(problem, file=out)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for problem in problems:
            print(annotation(problem), file=out)
    if problems:
        files_with = len({p.path for p in problems})
        print(f"{len(problems)} problem(s) in {files_with} file(s); {checked} case file(s) checked.", file=out)
        return 1
    print(f"{checked} case file(s) checked: all valid.", file=out)
    return 0


def write_generated(root: Path, rel: str, text: str, to_stdout: bool) -> int:
    """Write a file derived from the vocabulary, or print it."""
    if to_stdout:
        sys.stdout.write(text)
        return 0
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(f"Geschreven: {rel}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m showcase", description="Work with the showcase's case files.")
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="validate cases without building the site")
    check_parser.add_argument("files", nargs="*", help="case files to check (default: every case)")
    new_parser = commands.add_parser("new", help="write cases/<slug>.md from the template")
    new_parser.add_argument("title", help='the initiative\'s name, e.g. "Villa Clementina"')
    schema_parser = commands.add_parser("schema", help=f"write the JSON Schema of the front matter to {schema.SCHEMA_FILE}")
    schema_parser.add_argument("--stdout", action="store_true", help="print the schema instead of writing it")
    args = parser.parse_args(argv)
    root = find_root(Path.cwd())
    if args.command == "check":
        return check(args.files, root)
    if args.command == "new":
        try:
            path = contribute.new_case(root, args.title, datetime.date.today())
        except contribute.NewCaseError as error:
            print(f"showcase new: {error}", file=sys.stderr)
            return 1
        print(f"Geschreven: {path.relative_to(root).as_posix()}. Vul de velden in en controleer met: python -m showcase check {path.relative_to(root).as_posix()}")
        return 0
    try:
        vocabulary = load_vocabulary(root / TAXONOMY, TAXONOMY)
    except VocabularyError as error:
        print(error, file=sys.stderr)
        return 1
    if args.command == "schema":
        return write_generated(root, schema.SCHEMA_FILE, schema.schema_text(vocabulary), args.stdout)
    return 2
