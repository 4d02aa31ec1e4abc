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


def case_text(body: str = BODY, drop: tuple[str, ...] = (), **fields) -> str:
    """A valid case, with `fields` changed and the keys in `drop` left out."""
    data = {**VALID, **fields}
    for key in drop:
        data.pop(key, None)
    front = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n\n{body}"


def make_project(root: Path, cases: Path | None = FIXTURES / "cases") -> Path:
    """A copy of the site's machinery with the given case files."""
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


def mkdocs_build(root: Path, strict: bool = True) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "mkdocs", "build", "--quiet"] + (["--strict"] if strict else [])
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(command, cwd=root, capture_output=True, text=True, env=env, timeout=300)


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
