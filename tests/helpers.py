"""Shared helpers for the tests: a project on disk and valid case texts."""

from __future__ import annotations

import datetime
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"
TODAY = datetime.date(2026, 11, 23)

VALID = {
    "title": "Buurtmoestuin De Kiem",
    "summary": "Bewoners telen samen groenten op een braakliggend terrein en delen de oogst.",
    "innovation_type": ["samenwerking"],
    "domain": ["voeding", "samenleven"],
    "region": "antwerpen",
    "sources": [{"title": "Een artikel over de moestuin", "url": "https://example.org/moestuin", "date": "2026-10"}],
    "added": "2026-11-01",
}
BODY = "Een verhaal over de moestuin, in één alinea.\n"

# Text that would run as script if a page failed to escape it.
SCRIPT_PAYLOADS = [
    "</script><script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg onload=alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    "]]></title><script>alert(1)</script>",
    "{{ 7*7 }} {% raw %}",
    "\u2028</script>",
]
HOSTILE_TITLE = SCRIPT_PAYLOADS[0] + ' "x" & y'


def hostile_cases() -> dict[str, str]:
    """Case files (name: text) with hostile text in every field a contributor
    writes: each payload in every text field, and a case whose markup would
    set `window.hit` if it ran."""
    cases = {}
    for index, payload in enumerate(SCRIPT_PAYLOADS):
        cases[f"vijandig-{index}.md"] = case_text(
            title=f"Case {index} {payload}"[:120],
            organisation=payload,
            partners=[{"name": payload, "role": "financier"}],
            sources=[{"title": payload, "url": "https://example.org/bron"}],
            summary=f'Een samenvatting met " aanhalingstekens & {index} tekens" onmouseover="alert(1)',
        )
    cases["vijandig.md"] = case_text(
        title='"><img src=x onerror=window.hit=1>', organisation="</script><script>window.hit=1</script>",
        partners=[{"name": "<svg onload=window.hit=1>", "role": "financier"}])
    cases["kwaad.md"] = case_text(title=HOSTILE_TITLE)
    return cases


def ld_json(page: str) -> list[dict]:
    """The page's JSON-LD blocks other than the site-wide graph (structured.py)."""
    import json
    import re

    blocks = [json.loads(block) for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', page, re.S)]
    return [block for block in blocks if "@graph" not in block]


def make_case(slug: str = "a", added: tuple[int, int, int] = (2026, 11, 1), **fields):
    """A validated `Case` as the loader would give it, with `fields` changed."""
    from showcase.model import Case

    defaults = dict(slug=slug, path=f"cases/{slug}.md", title=f"Titel {slug}", summary="Een samenvatting van twintig tekens.",
                    innovation_type=("dienst",), domain=("energie",), region=("utrecht",), added=datetime.date(*added), body="Tekst.")
    return Case(**{**defaults, **fields})


def front_matter(text: str) -> dict:
    """The keys of a case file's text, as YAML reads them (the file must split cleanly)."""
    from showcase.frontmatter import split

    source, problems = split(text, "case.md")
    assert not problems, problems
    return yaml.safe_load(source.front_matter)


def case_text(body: str = BODY, drop: tuple[str, ...] = (), **fields) -> str:
    """A valid case, with `fields` changed and the keys in `drop` left out."""
    data = {**VALID, **fields}
    for key in drop:
        data.pop(key, None)
    front = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n\n{body}"


def make_project(root: Path, cases: Path | None = FIXTURES / "cases") -> Path:
    """A copy of the site's machinery with the given case files."""
    root.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml",):
        shutil.copy(REPO / name, root / name)
    for folder in ("hooks", "overrides", "content"):
        shutil.copytree(REPO / folder, root / folder, ignore=shutil.ignore_patterns("__pycache__"))
    (root / "cases" / "images").mkdir(parents=True)
    for name in ("_taxonomy.yml", "_template.md"):
        shutil.copy(REPO / "cases" / name, root / "cases" / name)
    if cases is not None:
        shutil.copytree(cases, root / "cases", dirs_exist_ok=True)
    return root


def run_module(root: Path, *command: str, python: str = sys.executable, env: dict | None = None,
               unset: tuple[str, ...] = (), timeout: int = 300) -> subprocess.CompletedProcess:
    """`python -m command...` in `root`, with this environment less `unset` plus `env`."""
    environment = {key: value for key, value in os.environ.items() if key not in unset}
    environment = {**environment, "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    return subprocess.run([python, "-m", *command], cwd=root, capture_output=True, text=True, env=environment, timeout=timeout)


# The variables gettext reads for the language; unset, messages are Dutch.
LANGUAGE_VARIABLES = ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")


def mkdocs_build(root: Path, strict: bool = True, **options) -> subprocess.CompletedProcess:
    return run_module(root, "mkdocs", "build", "--quiet", *(["--strict"] if strict else []), **options)


def built_project(root: Path, cases: Path | None = FIXTURES / "cases", files: dict[str, str] | None = None,
                  command: tuple[str, ...] = ("mkdocs", "build", "--quiet", "--strict"), env: dict | None = None) -> Path:
    """A project made with `cases` and the further case `files` (name: text), built by
    `command` (it must succeed): the project root, its site in site/."""
    make_project(root, cases)
    for name, text in (files or {}).items():
        (root / "cases" / name).write_text(text, encoding="utf-8")
    result = run_module(root, *command, env=env)
    assert result.returncode == 0, result.stderr
    return root


def showcase(root: Path, *args: str, **options) -> subprocess.CompletedProcess:
    """The contributor's command line, `python -m showcase args...`, in `root`."""
    return run_module(root, "showcase", *args, timeout=120, **options)


def serve(directory: Path):
    """A quiet HTTP server for `directory` on a free local port, in a thread: call .shutdown() when done."""
    import functools
    import http.server
    import threading

    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=str(directory)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def check_text(root: Path, text: str | bytes, name: str = "buurtmoestuin.md", today: datetime.date = TODAY):
    """Write one case file into `root`'s cases/ and validate it: (case, problems)."""
    from showcase.casefiles import load_case
    from showcase.taxonomy import load_vocabulary

    folder = root / "cases"
    (folder / "images").mkdir(parents=True, exist_ok=True)
    if not (folder / "_taxonomy.yml").exists():
        shutil.copy(REPO / "cases" / "_taxonomy.yml", folder / "_taxonomy.yml")
    path = folder / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    vocabulary = load_vocabulary(folder / "_taxonomy.yml")
    from showcase import body  # stories are judged with the site's Markdown, as load_cases does

    body.configure(*body.site_markdown(root if (root / "mkdocs.yml").is_file() else REPO))
    return load_case(path, root, vocabulary, today)


def messages(root: Path, text: str | bytes, name: str = "buurtmoestuin.md") -> list[str]:
    return [str(problem) for problem in check_text(root, text, name)[1]]
