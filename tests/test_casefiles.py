"""Loading every case file: the same cases and problems, in the same order, however it is split."""

from __future__ import annotations

import json
import subprocess
import sys

from helpers import TODAY, case_text, make_project
from showcase.casefiles import load_cases
from showcase.taxonomy import load_vocabulary

LOAD = """
import datetime, json, sys
from pathlib import Path
import showcase.casefiles as casefiles
from showcase.taxonomy import load_vocabulary
casefiles.PARALLEL_FROM = 2  # split even this small project over two processes
root = Path(sys.argv[1])
vocabulary = load_vocabulary(root / "cases/_taxonomy.yml", "cases/_taxonomy.yml")
loaded = casefiles.load_cases(root, vocabulary, datetime.date.fromisoformat(sys.argv[2]), parallel=True)
print(json.dumps([[c.slug for c in loaded.cases], [str(p) for p in loaded.problems]]))
"""


def test_two_processes_load_the_same_cases_and_problems_in_the_same_order(tmp_path):
    root = make_project(tmp_path)
    for name, domain in (("kapot-a", "mobiliteid"), ("kapot-z", "energy")):
        (root / "cases" / f"{name}.md").write_text(case_text(domain=[domain]), encoding="utf-8")
    vocabulary = load_vocabulary(root / "cases/_taxonomy.yml", "cases/_taxonomy.yml")
    serial = load_cases(root, vocabulary, TODAY)
    # A fresh, single-threaded process, as `mkdocs build` is when it loads cases.
    result = subprocess.run([sys.executable, "-c", LOAD, str(root), TODAY.isoformat()], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    slugs, problems = json.loads(result.stdout)
    assert slugs == [case.slug for case in serial.cases] and len(slugs) >= 4
    assert problems == [str(problem) for problem in serial.problems] and len(problems) == 2
