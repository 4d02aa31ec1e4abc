"""The GitHub files: workflows, issue form and its configuration, as GitHub reads them."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from helpers import REPO

GITHUB = REPO / ".github"
WORKFLOWS = sorted((GITHUB / "workflows").glob("*.yml"))
CHECK_JSONSCHEMA = Path(sys.executable).parent / "check-jsonschema"
# Text anyone can write; inside ${{ }} in a `run:` script it becomes shell code.
UNTRUSTED = re.compile(
    r"\$\{\{[^}]*\b(github\.event\.(issue|pull_request|comment|review|discussion)\.(title|body)"
    r"|github\.event\.label\.name|github\.head_ref)"
)
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40}$")
VERSION_COMMENT = re.compile(r"uses: [\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$")
ZIZMOR = Path(sys.executable).parent / "zizmor"


def load(path: Path) -> dict:
    # PyYAML reads the key `on` as True; only jobs and steps are looked at here.
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def steps(path: Path) -> list[dict]:
    return [step for job in load(path)["jobs"].values() for step in job.get("steps", [])]


def schema_check(builtin: str, *paths: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(CHECK_JSONSCHEMA), "--builtin-schema", builtin, *map(str, paths)],
                          capture_output=True, text=True, timeout=120)


def test_the_four_workflows_exist():
    assert {path.name for path in WORKFLOWS} == {"pull-request.yml", "deploy.yml", "case-from-issue.yml", "links.yml"}


def test_dead_links_are_checked_on_a_schedule_never_on_pull_requests():
    triggers = load(GITHUB / "workflows" / "links.yml")[True]
    assert "schedule" in triggers and "pull_request" not in triggers


def test_workflows_satisfy_githubs_workflow_schema():
    result = schema_check("vendor.github-workflows", *WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr


def test_issue_form_satisfies_githubs_issue_form_schema():
    result = schema_check("vendor.github-issue-forms", GITHUB / "ISSUE_TEMPLATE" / "nieuw-praktijkvoorbeeld.yml")
    assert result.returncode == 0, result.stdout + result.stderr


def test_issue_template_config_allows_blank_issues():
    config = GITHUB / "ISSUE_TEMPLATE" / "config.yml"
    result = schema_check("vendor.github-issue-config", config)
    assert result.returncode == 0, result.stdout + result.stderr
    assert load(config)["blank_issues_enabled"] is True


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_no_run_script_interpolates_text_anyone_can_write(path):
    scripts = [step["run"] for step in steps(path) if "run" in step]
    assert not [script for script in scripts if UNTRUSTED.search(script)]


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_every_action_is_pinned_to_a_full_commit_hash(path):
    actions = [step["uses"] for step in steps(path) if "uses" in step]
    assert actions and all(PINNED.match(action) for action in actions), actions


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_every_pinned_action_names_its_version_in_a_comment(path):
    lines = [line.strip().removeprefix("- ") for line in path.read_text(encoding="utf-8").splitlines() if "uses:" in line]
    assert lines and all(VERSION_COMMENT.search(line) for line in lines), lines


def test_zizmor_finds_nothing_in_the_workflows():
    result = subprocess.run([str(ZIZMOR), "--offline", "--no-progress", str(GITHUB / "workflows")], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings to report" in result.stdout + result.stderr


def test_dependabot_keeps_actions_and_pip_pins_current():
    config = yaml.safe_load((GITHUB / "dependabot.yml").read_text(encoding="utf-8"))
    assert {update["package-ecosystem"] for update in config["updates"]} == {"github-actions", "pip"}


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda path: path.name)
def test_every_workflow_limits_its_token(path):
    workflow = load(path)
    assert "permissions" in workflow
    assert workflow["permissions"] in ({}, {"contents": "read"})


def test_only_the_job_that_opens_the_pull_request_may_write_to_the_repository():
    jobs = load(GITHUB / "workflows" / "case-from-issue.yml")["jobs"]
    writers = {name for name, job in jobs.items() if job.get("permissions", {}).get("contents") == "write"}
    assert writers == {"pull-request"}
    assert jobs["convert"]["permissions"] == {"contents": "read"}


def test_case_from_issue_runs_only_for_the_label_maintainers_add():
    jobs = load(GITHUB / "workflows" / "case-from-issue.yml")["jobs"]
    assert jobs["convert"]["if"] == "github.event.label.name == 'nieuw-praktijkvoorbeeld'"


def test_pull_request_from_an_issue_closes_it():
    opening = next(step for step in steps(GITHUB / "workflows" / "case-from-issue.yml") if step.get("uses", "").startswith("peter-evans/create-pull-request@"))
    assert "Closes #${{ github.event.issue.number }}" in opening["with"]["body"]


def test_issue_body_reaches_the_script_through_the_environment():
    writing = next(step for step in steps(GITHUB / "workflows" / "case-from-issue.yml") if step.get("id") == "case")
    assert writing["env"]["ISSUE_BODY"] == "${{ github.event.issue.body }}"
    assert '"$ISSUE_BODY"' in writing["run"] and "showcase from-issue --body-file" in writing["run"]


def test_pull_requests_build_strictly_and_run_the_suite():
    scripts = "\n".join(step.get("run", "") for step in steps(GITHUB / "workflows" / "pull-request.yml"))
    assert "mkdocs build --strict" in scripts
    assert "-m pytest" in scripts
    assert "git diff --name-only --diff-filter=AM" in scripts


def test_deploy_publishes_a_strict_build_to_pages():
    workflow = load(GITHUB / "workflows" / "deploy.yml")
    assert "mkdocs build --strict" in "\n".join(step.get("run", "") for step in steps(GITHUB / "workflows" / "deploy.yml"))
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    assert workflow["concurrency"]["group"] == "pages"


def test_dependabot_config_satisfies_its_schema():
    result = schema_check("vendor.dependabot", GITHUB / "dependabot.yml")
    assert result.returncode == 0, result.stdout + result.stderr
