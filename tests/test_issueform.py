"""Proposing a case with the GitHub issue form, and turning the issue into a case file."""

from __future__ import annotations


import pytest

from helpers import FIXTURES, REPO, TODAY, check_text, front_matter as keys_of, showcase
from showcase.issueform import FIELDS, ISSUE_FORM_FILE, IssueFormError, case_from_issue, issue_form, issue_form_text
from showcase.fields import NAMES as KEYS, REQUIRED

ISSUES = FIXTURES / "issues"
REGENERATE = f"{ISSUE_FORM_FILE} is out of step with cases/_taxonomy.yml; regenerate it with: .venv/bin/python -m showcase issue-form"


def issue(name: str) -> str:
    return (ISSUES / name).read_text(encoding="utf-8")


def form_body(**answers: str) -> str:
    """An issue body as GitHub writes it for the form: every question, '_No response_' if left empty."""
    return "\n\n".join(f"### {field.label}\n\n{answers.get(field.key) or '_No response_'}" for field in FIELDS) + "\n"


def elements(vocabulary) -> dict[str, dict]:
    return {element["id"]: element for element in issue_form(vocabulary)["body"] if "id" in element}


def run(root, *args):
    """The command line in Dutch, as the issue workflow runs it for contributors."""
    return showcase(root, "--lang", "nl", *args)


# --- the form ----------------------------------------------------------------

def test_committed_issue_form_is_the_one_the_vocabulary_gives(vocabulary):
    assert (REPO / ISSUE_FORM_FILE).read_text(encoding="utf-8") == issue_form_text(vocabulary), REGENERATE


def test_issue_form_command_prints_the_committed_form():
    result = run(REPO, "issue-form", "--stdout")
    assert result.returncode == 0, result.stderr
    assert result.stdout == (REPO / ISSUE_FORM_FILE).read_text(encoding="utf-8"), REGENERATE


def test_every_field_id_is_a_front_matter_key_or_the_story(vocabulary):
    ids = set(elements(vocabulary))
    assert ids <= set(KEYS) | {"body"}
    assert ids >= {"title", "summary", "innovation_type", "domain", "region", "actors", "organisation",
                   "partners", "started", "stage", "website", "sources", "body"}


def test_required_questions_are_the_required_keys_a_contributor_writes(vocabulary):
    required = {key for key, element in elements(vocabulary).items() if element.get("validations", {}).get("required")}
    assert required == (set(REQUIRED) - {"added"}) | {"body"}


def test_issue_gets_the_title_prefix_and_the_proposal_label(vocabulary):
    form = issue_form(vocabulary)
    assert form["title"] == "Praktijkvoorbeeld: "
    assert form["labels"] == ["praktijkvoorbeeld-voorstel"]


@pytest.mark.parametrize("key, facet", [
    ("innovation_type", "innovation_type"), ("domain", "domain"), ("region", "region"), ("actors", "actor"), ("stage", "stage"),
])
def test_dropdown_choices_are_every_label_with_its_slug(vocabulary, key, facet):
    options = elements(vocabulary)[key]["attributes"]["options"]
    assert options == [f"{term.label} ({term.slug})" for term in vocabulary.terms(facet)]


def test_dropdowns_take_several_choices_where_the_format_allows(vocabulary):
    multiple = {key for key, element in elements(vocabulary).items() if element["attributes"].get("multiple")}
    assert multiple == {"innovation_type", "domain", "region", "actors", "target_group", "sdg"}


def test_partner_question_lists_the_partner_roles(vocabulary):
    description = elements(vocabulary)["partners"]["attributes"]["description"]
    assert all(f"`{slug}`" in description for slug in vocabulary.slugs("partner_role"))


# --- from issue to case ------------------------------------------------------

def test_complete_issue_becomes_a_valid_case(tmp_path):
    slug, text = case_from_issue(issue("volledig.md"), TODAY)
    case, problems = check_text(tmp_path, text, f"{slug}.md")
    assert not problems, "\n".join(map(str, problems))
    assert case.partners[1].name == "Fietsherstelplaats Het Wiel" and case.partners[1].role == "dienstenpartner"


def test_choices_become_slugs(tmp_path):
    keys = keys_of(case_from_issue(issue("volledig.md"), TODAY)[1])
    assert keys["domain"] == ["mobiliteit", "armoede"]
    assert keys["innovation_type"] == ["dienst", "organisatiemodel"]
    assert keys["stage"] == "actief"


@pytest.mark.parametrize("key, facet", [("innovation_type", "innovation_type"), ("domain", "domain"), ("region", "region"), ("actors", "actor")])
def test_every_choice_reads_back_as_its_slug(vocabulary, key, facet):
    every = ", ".join(elements(vocabulary)[key]["attributes"]["options"])
    keys = keys_of(case_from_issue(form_body(title="Alles tegelijk", **{key: every}), TODAY)[1])
    assert keys[key] == vocabulary.slugs(facet)


def test_title_with_accents_ampersand_and_quotes_is_kept_and_gives_a_plain_slug(tmp_path):
    slug, text = case_from_issue(issue("accenten.md"), TODAY)
    assert slug == "cooperatie-zonnedak-buren"
    assert keys_of(text)["title"] == 'Coöperatie "Zonnedak" & Buren'
    case, problems = check_text(tmp_path, text, f"{slug}.md")
    assert not problems, "\n".join(map(str, problems))


def test_markdown_link_as_source_keeps_its_title_and_url():
    keys = keys_of(case_from_issue(issue("accenten.md"), TODAY)[1])
    assert keys["sources"] == [{"title": 'Zonnepanelen op schooldaken: "een kwestie van vertrouwen"', "url": "https://example.org/artikel?id=12&taal=nl"}]


def test_source_without_url_keeps_its_title_only():
    keys = keys_of(case_from_issue(issue("volledig.md"), TODAY)[1])
    assert keys["sources"][1] == {"title": "Jaarverslag De Trapper 2023"}


def test_partner_role_as_label_or_in_parentheses_becomes_its_slug():
    keys = keys_of(case_from_issue(issue("accenten.md"), TODAY)[1])
    assert keys["partners"] == [
        {"name": "Gemeentelijke scholengroep", "role": "uitvoeringspartner"},
        {"name": "Energiehuis", "role": "kennispartner"},
    ]


def test_empty_answers_are_left_out():
    keys = keys_of(case_from_issue(issue("accenten.md"), TODAY)[1])
    assert "started" not in keys and "website" not in keys


def test_added_is_today_and_the_issue_number_is_noted():
    slug, text = case_from_issue(issue("volledig.md"), TODAY, number=42)
    assert keys_of(text)["added"] == TODAY
    assert "# Voorgesteld in issue #42." in text


def test_story_keeps_its_own_headings():
    text = case_from_issue(issue("volledig.md"), TODAY)[1]
    assert "\n### Wat anderen kunnen leren\n\nBegin klein" in text
    assert text.rstrip().endswith("minder fietsen belanden bij het afval.")


def test_windows_line_endings_read_like_unix_ones():
    body = issue("volledig.md")
    assert case_from_issue(body.replace("\n", "\r\n"), TODAY) == case_from_issue(body, TODAY)


@pytest.mark.parametrize("answer", ["Yes", "2016", "- lijst", "#hashtag", "null", "a: b", "'quoted'"])
def test_answers_that_yaml_would_misread_stay_text(answer):
    keys = keys_of(case_from_issue(form_body(title="Gewone naam", organisation=answer), TODAY)[1])
    assert keys["organisation"] == answer


def test_incomplete_issue_names_every_missing_or_wrong_answer(tmp_path):
    slug, text = case_from_issue(issue("onvolledig.md"), TODAY)
    problems = {problem.key: problem.message for problem in check_text(tmp_path, text, f"{slug}.md")[1]}
    assert set(problems) == {"summary", "domain", "region", "started", "website", "sources", "body"}
    assert problems["summary"].startswith("is missing")
    assert "'ergens rond 2015'" in problems["started"]


def test_issue_without_the_form_questions_is_refused():
    with pytest.raises(IssueFormError, match="not made with the form"):
        case_from_issue("Ik ken een mooi initiatief in Gent!", TODAY)


def test_issue_without_a_name_is_refused():
    with pytest.raises(IssueFormError, match="name of the initiative is missing"):
        case_from_issue(form_body(summary="Een samenvatting zonder naam erboven, lang genoeg."), TODAY)


# --- python -m showcase from-issue --------------------------------------------

def test_from_issue_writes_the_case_and_checks_it(project):
    result = run(project, "from-issue", "--body-file", str(ISSUES / "volledig.md"), "--number", "7")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Geschreven: cases/fietsbib-de-trapper.md" in result.stdout
    assert "alles in orde" in result.stdout
    assert "# Voorgesteld in issue #7." in (project / "cases" / "fietsbib-de-trapper.md").read_text(encoding="utf-8")


def test_from_issue_refuses_to_overwrite(project):
    (project / "cases" / "fietsbib-de-trapper.md").write_text("mijn werk", encoding="utf-8")
    result = run(project, "from-issue", "--body-file", str(ISSUES / "volledig.md"))
    assert result.returncode == 1
    assert "bestaat al" in result.stdout
    assert (project / "cases" / "fietsbib-de-trapper.md").read_text(encoding="utf-8") == "mijn werk"


def test_from_issue_prints_the_problems_and_the_questions_to_fix(project):
    result = run(project, "from-issue", "--body-file", str(ISSUES / "onvolledig.md"))
    assert result.returncode == 1
    assert "cases/repair-cafe-t-schuurke.md:2: summary: ontbreekt" in result.stdout
    assert "Aan te passen in het issue: Korte samenvatting, Domein, Regio, Startjaar, Website, Bronnen, Het verhaal." in result.stdout


def test_places_goals_and_target_groups_are_read_from_the_issue():
    keys = keys_of(case_from_issue(issue("volledig.md"), TODAY)[1])
    assert keys["place"] == ["Zottegem", "Sint-Lievens-Houtem"]
    assert keys["target_group"] == ["kinderen", "gezinnen"]
    assert keys["sdg"] == [1, 11]


def test_source_line_may_end_with_its_date():
    keys = keys_of(case_from_issue(issue("volledig.md"), TODAY)[1])
    assert keys["sources"][0] == {"title": "Een fietsbibliotheek voor elk kind (lokaal nieuwsblad)", "url": "https://example.org/nieuws/fietsbib", "date": "2024-03"}


def test_stage_answer_of_only_a_comma_is_kept_for_the_validator():
    keys = keys_of(case_from_issue(form_body(title="Buurtmoestuin", stage=","), TODAY)[1])
    assert keys["stage"] == ","


def test_goal_question_offers_the_seventeen_goals_by_number(vocabulary):
    options = elements(vocabulary)["sdg"]["attributes"]["options"]
    assert len(options) == 17 and options[6] == "SDG 7: Betaalbare en duurzame energie (7)"


def test_question_descriptions_carry_the_declared_limits(vocabulary):
    assert "(3 tot 120 tekens.)" in elements(vocabulary)["title"]["attributes"]["description"]
