"""`python -m showcase check` and `new`, as a contributor runs them."""

from __future__ import annotations

import datetime

import pytest

from helpers import REPO, case_text, mkdocs_build, showcase as run
from showcase import cli, contribute


def test_check_passes_on_the_repository():
    result = run(REPO, "check")
    assert result.returncode == 0, result.stdout
    assert "all valid" in result.stdout


def test_check_reports_every_problem_and_exits_1(project):
    (project / "cases" / "een.md").write_text(case_text(domain=["mobiliteid"]), encoding="utf-8")
    (project / "cases" / "twee.md").write_text(case_text(added="2030-01-01"), encoding="utf-8")
    result = run(project, "check")
    assert result.returncode == 1
    assert "cases/een.md:7: domain: 'mobiliteid' is not in the vocabulary; did you mean 'mobiliteit'?" in result.stdout
    assert "cases/twee.md:" in result.stdout and "added: 2030-01-01 is in the future" in result.stdout


def test_check_gives_the_same_messages_as_the_build(project):
    (project / "cases" / "een.md").write_text(case_text(domain=["mobiliteid"], website="javascript:alert(1)"), encoding="utf-8")
    (project / "cases" / "Twee.md").write_text("---\ntitle: x: y\n---\n", encoding="utf-8")
    checked = [line for line in run(project, "check").stdout.splitlines() if line.startswith("cases/")]
    built = mkdocs_build(project, strict=True).stderr
    assert checked and all(line in built for line in checked)


def test_check_only_the_given_files(project):
    (project / "cases" / "goed.md").write_text(case_text(), encoding="utf-8")
    (project / "cases" / "fout.md").write_text(case_text(domain="x"), encoding="utf-8")
    result = run(project, "check", "cases/goed.md")
    assert result.returncode == 0
    assert "1 case file(s) checked" in result.stdout


def test_check_in_github_actions_prints_annotations(project):
    (project / "cases" / "een.md").write_text(case_text(domain=["mobiliteid"]), encoding="utf-8")
    result = run(project, "check", env={"GITHUB_ACTIONS": "true"})
    assert "::error file=cases/een.md,line=7,title=Praktijkvoorbeeld::domain: 'mobiliteid' is not in the vocabulary" in result.stdout


def test_annotation_escapes_newlines_and_percent():
    from showcase.model import Problem

    assert cli.annotation(Problem("cases/x.md", 3, "title", "50%\nklaar")).endswith("::title: 50%25%0Aklaar")


@pytest.mark.parametrize("title, slug", [
    ("Villa Clementina & co", "villa-clementina-co"),
    ("Coöperatie 'Zonnedak' Gent", "cooperatie-zonnedak-gent"),
    ('Het "Buurtpensioen"', "het-buurtpensioen"),
    ("Ça bouge: één plan", "ca-bouge-een-plan"),
])
def test_slug_handles_accents_ampersands_and_quotes(title, slug):
    assert contribute.slug_for(title) == slug


def test_new_writes_the_template_with_title_and_today(project):
    result = run(project, "new", 'Het "Buurtpensioen" & co')
    assert result.returncode == 0, result.stderr
    text = (project / "cases" / "het-buurtpensioen-co.md").read_text(encoding="utf-8")
    assert 'title: "Het \\"Buurtpensioen\\" & co"' in text
    assert f"added: {datetime.date.today().isoformat()}" in text


def test_new_refuses_to_overwrite(project):
    assert run(project, "new", "Villa Clementina").returncode == 0
    (project / "cases" / "villa-clementina.md").write_text("mijn werk", encoding="utf-8")
    result = run(project, "new", "Villa Clementina")
    assert result.returncode == 1
    assert "already exists" in result.stderr
    assert (project / "cases" / "villa-clementina.md").read_text(encoding="utf-8") == "mijn werk"


def test_new_case_passes_check_once_filled_in(project):
    run(project, "new", "Villa Clementina & co")
    path = project / "cases" / "villa-clementina-co.md"
    text = path.read_text(encoding="utf-8")
    text = text.replace("summary: >-\n", "summary: >-\n  Een huis waar buurtbewoners elkaar ontmoeten en samen activiteiten opzetten.\n")
    text = text.replace("innovation_type: []", "innovation_type: [samenwerking]").replace("domain: []", "domain: [samenleven]")
    text = text.replace("place: []", "place: [Zemst]")
    text = text.replace('  - title: ""\n    url: ""', '  - title: "Een artikel"\n    url: "https://example.org/villa"')
    path.write_text(text, encoding="utf-8")
    result = run(project, "check")
    assert result.returncode == 0, result.stdout


def test_unfilled_new_case_fails_check(project):
    run(project, "new", "Villa Clementina")
    assert run(project, "check").returncode == 1


def test_template_copied_and_filled_in_is_a_valid_case(project):
    text = (REPO / "cases" / "_template.md").read_text(encoding="utf-8")
    text = contribute.fill_template(text, "Buurthuis Den Tram", datetime.date(2026, 11, 1))
    text = text.replace("summary: >-\n", "summary: >-\n  Een buurthuis in een oude tramremise, uitgebaat door de bewoners zelf.\n")
    text = text.replace("innovation_type: []", "innovation_type: [organisatiemodel]").replace("domain: []", "domain: [samenleven]")
    text = text.replace("region: []", "region: gent".replace("gent", "oost-vlaanderen"))
    text = text.replace('  - title: ""\n    url: ""', '  - title: "Een artikel"\n    url: "https://example.org/tram"')
    (project / "cases" / "buurthuis-den-tram.md").write_text(text, encoding="utf-8")
    assert run(project, "check").returncode == 0
