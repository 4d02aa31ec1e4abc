"""The benchmark runs end to end at a small size (its figures are not checked here)."""

from __future__ import annotations

import json
import subprocess
import sys

from helpers import REPO


def test_benchmark_runs_and_writes_its_table(tmp_path):
    output = tmp_path / "RESULTS.md"
    result = subprocess.run([sys.executable, str(REPO / "benchmarks" / "run.py"), "--sizes", "20", "--repeat", "1",
                             "--work", str(tmp_path / "work"), "--output", str(output)],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    table = output.read_text(encoding="utf-8")
    assert "| showcase build (s, median) |" in table and "| 20 cases |" in table
    figures = json.loads(output.with_suffix(".json").read_text(encoding="utf-8"))[0]
    assert figures["size"] == 20 and figures["filter_ms"] > 0 and figures["check_ms_per_case"] > 0
    assert figures["header_search_kb"] > 0 and figures["lunr_kb"] > 0 and figures["peak_mb"] > 0


def test_generated_cases_are_valid_and_use_every_vocabulary_value(tmp_path, vocabulary):
    sys.path.insert(0, str(REPO / "benchmarks"))
    from generate import generate
    from showcase.casefiles import load_cases

    (tmp_path / "cases").mkdir()
    generate(60, tmp_path / "cases")
    loaded = load_cases(tmp_path, vocabulary, __import__("datetime").date.today())
    assert loaded.problems == [] and len(loaded.cases) == 60
    for facet, field in (("innovation_type", "innovation_type"), ("domain", "domain"), ("actor", "actors")):
        used = {value for case in loaded.cases for value in getattr(case, field)}
        assert used == set(vocabulary.slugs(facet)), facet
