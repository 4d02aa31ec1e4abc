"""The command line: `python -m showcase check | new | schema | issue-form | limits | from-issue | links`, run from the repository root."""

from __future__ import annotations

import argparse
import datetime
import os
import sys
from pathlib import Path

from . import contribute, i18n, issueform, linkcheck, schema
from .i18n import _
from .casefiles import load_cases
from .model import Problem
from .taxonomy import Vocabulary, VocabularyError, load_vocabulary
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
        loaded = load_cases(root, vocabulary, datetime.date.today(), only, parallel=True)
        problems, checked = loaded.problems, loaded.files
    for problem in problems:
        print(problem, file=out)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for problem in problems:
            print(annotation(problem), file=out)
    if problems:
        files_with = len({p.path for p in problems})
        print(_("{problems} problem(s) in {files} file(s); {checked} case file(s) checked.").format(problems=len(problems), files=files_with, checked=checked), file=out)
        return 1
    print(_("{checked} case file(s) checked: all valid.").format(checked=checked), file=out)
    return 0


def write_generated(root: Path, rel: str, text: str, to_stdout: bool) -> int:
    """Write a file derived from the vocabulary, or print it."""
    if to_stdout:
        sys.stdout.write(text)
        return 0
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    print(_("Written: {path}").format(path=rel))
    return 0


def from_issue(body_file: Path, number: int | None, root: Path, vocabulary: Vocabulary, out=sys.stdout) -> int:
    """Write the case an issue form asks for, then check it as `check` does; 1 if it is not valid."""
    try:
        body = body_file.read_text(encoding="utf-8")
        slug, text = issueform.case_from_issue(body, datetime.date.today(), number)
    except (OSError, UnicodeDecodeError, issueform.IssueFormError) as error:
        print(f"showcase from-issue: {error}", file=out)
        return 1
    path = root / "cases" / f"{slug}.md"
    if path.exists():
        print(_("showcase from-issue: cases/{slug}.md already exists; nothing was overwritten. Choose another name or add to the existing case").format(slug=slug), file=out)
        return 1
    path.write_text(text, encoding="utf-8")
    print(_("Written: {path}").format(path=f"cases/{slug}.md"), file=out)
    if check([str(path)], root, out) == 0:
        return 0
    problems = load_cases(root, vocabulary, datetime.date.today(), [path]).problems
    labels = issueform.labels_for(problem.key for problem in problems)
    if labels:
        print(_("To correct in the issue: {questions}.").format(questions=", ".join(labels)), file=out)
    return 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m showcase", description="Work with the showcase's case files.")
    parser.add_argument("--lang", choices=i18n.LANGUAGES, help="language of the messages (default: Dutch, or English when LANGUAGE/LC_ALL/LC_MESSAGES/LANG start with 'en')")
    commands = parser.add_subparsers(dest="command", required=True)
    check_parser = commands.add_parser("check", help="validate cases without building the site")
    check_parser.add_argument("files", nargs="*", help="case files to check (default: every case)")
    new_parser = commands.add_parser("new", help="write cases/<slug>.md from the template")
    new_parser.add_argument("title", help='the initiative\'s name, e.g. "Villa Clementina"')
    schema_parser = commands.add_parser("schema", help=f"write the JSON Schema of the front matter to {schema.SCHEMA_FILE}")
    schema_parser.add_argument("--stdout", action="store_true", help="print the schema instead of writing it")
    form_parser = commands.add_parser("issue-form", help=f"write the GitHub issue form to {issueform.ISSUE_FORM_FILE}")
    form_parser.add_argument("--stdout", action="store_true", help="print the form instead of writing it")
    issue_parser = commands.add_parser("from-issue", help="write cases/<slug>.md from an issue made with the form, and check it")
    issue_parser.add_argument("--body-file", required=True, type=Path, help="the issue's body (Markdown), saved to a file")
    issue_parser.add_argument("--number", type=int, help="the issue's number, noted in the case file")
    limits_parser = commands.add_parser("limits", help=f"write the table of keys and limits into {contribute.CONTRIBUTING}")
    limits_parser.add_argument("--stdout", action="store_true", help="print the file instead of writing it")
    links_parser = commands.add_parser("links", help="report dead external links (website, sources) of all valid cases")
    links_parser.add_argument("--report", type=Path, help="also write the Markdown report to this file")
    args = parser.parse_args(argv)
    i18n.set_language(args.lang)
    root = find_root(Path.cwd())
    if args.command == "check":
        return check(args.files, root)
    if args.command == "new":
        try:
            path = contribute.new_case(root, args.title, datetime.date.today())
        except contribute.NewCaseError as error:
            print(f"showcase new: {error}", file=sys.stderr)
            return 1
        print(_("Written: {path}. Fill in the keys and check with: python -m showcase check {path}").format(path=path.relative_to(root).as_posix()))
        return 0
    try:
        vocabulary = load_vocabulary(root / TAXONOMY, TAXONOMY)
    except VocabularyError as error:
        print(error, file=sys.stderr)
        return 1
    if args.command == "limits":
        text = contribute.with_limits((root / contribute.CONTRIBUTING).read_text(encoding="utf-8"))
        return write_generated(root, contribute.CONTRIBUTING, text, args.stdout)
    if args.command == "schema":
        return write_generated(root, schema.SCHEMA_FILE, schema.schema_text(vocabulary), args.stdout)
    if args.command == "issue-form":
        return write_generated(root, issueform.ISSUE_FORM_FILE, issueform.issue_form_text(vocabulary), args.stdout)
    if args.command == "from-issue":
        return from_issue(args.body_file, args.number, root, vocabulary)
    if args.command == "links":
        return links(root, vocabulary, args.report)
    return 2


def links(root: Path, vocabulary: Vocabulary, report_file: Path | None, out=sys.stdout) -> int:
    """Print the dead links; the exit status is 0 either way (a report, not a gate)."""
    today = datetime.date.today()
    cases = load_cases(root, vocabulary, today).cases
    text = linkcheck.report(linkcheck.check_links(linkcheck.case_links(cases))) + "\n" + linkcheck.stale_report(cases, today)
    print(text, file=out)
    if report_file:
        report_file.write_text(text, encoding="utf-8")
    return 0
