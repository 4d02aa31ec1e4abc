"""Proposing a case through a GitHub issue form, and turning the issue into a case file.

The form is generated from the vocabulary (`issue_form`), so its choices never
drift from `cases/_taxonomy.yml`. Each field's id is the front-matter key it
fills, and each choice reads `Label (slug)`, so the issue GitHub produces can
be read back (`case_from_issue`) without guessing.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Iterable

import yaml

from . import fields as schema
from .contribute import slug_for
from .goals import GOALS
from .i18n import _
from .taxonomy import Vocabulary

ISSUE_FORM_FILE = ".github/ISSUE_TEMPLATE/nieuw-praktijkvoorbeeld.yml"
TITLE_PREFIX = "Praktijkvoorbeeld: "
PROPOSAL_LABEL = "praktijkvoorbeeld-voorstel"
NO_RESPONSE = "_No response_"  # what GitHub writes for a field left empty
HEADER = (
    "# Gemaakt uit cases/_taxonomy.yml met: python -m showcase issue-form\n"
    "# Niet met de hand bewerken; pas de woordenlijst aan en maak het opnieuw.\n"
)
STORY_TEMPLATE = "## De uitdaging\n\n\n## De aanpak\n\n\n## Wat het oplevert\n"


@dataclass(frozen=True)
class Field:
    """One question of the form, filling the front-matter key `key`."""

    key: str
    kind: str  # input, textarea or dropdown
    label: str
    description: str
    required: bool = False
    facet: str | None = None  # dropdowns: the vocabulary facet of its choices
    multiple: bool = False


FIELDS = (
    Field("title", "input", "Naam van het initiatief", "Dit wordt de titel van het praktijkvoorbeeld.", required=True),
    Field("summary", "textarea", "Korte samenvatting", "Eén of twee zinnen: wat doet het initiatief, voor wie, en waarom is het vernieuwend? Gewone tekst zonder opmaak.", required=True),
    Field("innovation_type", "dropdown", "Type innovatie", "Kies de types die passen.", required=True, facet="innovation_type", multiple=True),
    Field("domain", "dropdown", "Domein", "Kies de maatschappelijke domeinen die passen.", required=True, facet="domain", multiple=True),
    Field("place", "input", "Plaats", "De gemeenten, steden of dorpen waar het initiatief loopt, gescheiden door komma's, met hun Nederlandse naam (Gent, Ledeberg, 's-Hertogenbosch). Komt een naam meermaals voor, zet dan de provincie tussen haakjes: Hasselt (Limburg)."),
    Field("region", "dropdown", "Regio", "Alleen nodig als je geen plaats kunt noemen: een provincie, een gewest, een land of Europa. Meerdere mag.", facet="region", multiple=True),
    Field("target_group", "dropdown", "Doelgroep", "Voor wie is het initiatief?", facet="target_group", multiple=True),
    Field("sdg", "dropdown", "Duurzame-ontwikkelingsdoelen", "Aan welke doelen van de VN draagt het initiatief bij?", facet="sdg", multiple=True),
    Field("actors", "dropdown", "Betrokken actoren", "Wie speelt er een rol in? Meerdere mag.", facet="actor", multiple=True),
    Field("organisation", "input", "Organisatie", "De organisatie die het initiatief draagt."),
    Field("partners", "textarea", "Partners", "Eén partner per regel, als `Naam — rol`."),
    Field("started", "input", "Startjaar", "Het jaar waarin het initiatief startte, bijvoorbeeld 2016."),
    Field("stage", "dropdown", "Fase", "Loopt het initiatief nog?", facet="stage"),
    Field("website", "input", "Website", "Het volledige webadres, met https://."),
    Field("sources", "textarea", "Bronnen", "Eén bron per regel, als `Titel — URL — datum` (datum als JJJJ, JJJJ-MM of JJJJ-MM-DD): waar komen de feiten vandaan? Minstens één bron met een URL.", required=True),
    Field("body", "textarea", "Het verhaal", "Vertel in je eigen woorden: de uitdaging, de aanpak en wat het oplevert. Markdown mag (koppen met ##, lijsten, links).", required=True),
)
INTRO = (
    "Bedankt om een praktijkvoorbeeld van sociale innovatie voor te stellen! "
    "Vul de vragen in; de redactie leest mee en maakt er een pull request van.\n\n"
    "- Schrijf in je eigen woorden en haal de feiten uit bronnen die je noemt.\n"
    "- Verzin niets: wat je niet weet, laat je leeg.\n"
    "- Een foto kan later in de pull request, als je de rechten hebt om ze te publiceren."
)
PLACEHOLDERS = {
    "title": "Op Wielekes",
    "summary": "Een fietsbibliotheek waar gezinnen voor een klein bedrag kinderfietsen lenen en inruilen zodra hun kind groeit.",
    "organisation": "Op Wielekes vzw",
    "partners": "Naam van een partner — uitvoeringspartner\nNaam van een andere partner — financier",
    "started": "2016",
    "website": "https://",
    "sources": "Titel van het artikel (naam van de krant of de website) — https://example.org/artikel — 2024-05",
    "place": "Gent, Ledeberg",
}


class IssueFormError(Exception):
    """Why an issue could not become a case file, in words for the contributor."""


# --- the form ----------------------------------------------------------------

def option(vocabulary: Vocabulary, facet: str, slug: str) -> str:
    """A dropdown choice: the label readers know, with the slug a case writes."""
    return f"{vocabulary.label(facet, slug)} ({slug})"


def _options(vocabulary: Vocabulary, facet: str) -> list[str]:
    if facet == "sdg":
        return [f"{goal.label} ({goal.number})" for goal in GOALS]
    return [option(vocabulary, facet, slug) for slug in vocabulary.slugs(facet)]


def issue_form(vocabulary: Vocabulary) -> dict:
    """The GitHub issue form for proposing a case, with the vocabulary's choices."""
    return {
        "name": "Nieuw praktijkvoorbeeld",
        "description": "Stel een praktijkvoorbeeld van sociale innovatie voor.",
        "title": TITLE_PREFIX,
        "labels": [PROPOSAL_LABEL],
        "body": [{"type": "markdown", "attributes": {"value": INTRO}}] + [_element(field, vocabulary) for field in FIELDS],
    }


def issue_form_text(vocabulary: Vocabulary) -> str:
    """The form as the repository holds it, with a note on how it was made."""
    return HEADER + yaml.dump(issue_form(vocabulary), Dumper=_FormDumper, allow_unicode=True, sort_keys=False, width=1000)


class _FormDumper(yaml.SafeDumper):
    """Writes text of several lines as a block (`|`), as people write the form by hand."""


def _represent_text(dumper: yaml.SafeDumper, text: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", text, style="|" if "\n" in text else None)


_FormDumper.add_representer(str, _represent_text)


class _CaseDumper(yaml.SafeDumper):
    """Writes keys as the contract's example does: `domain: [energie, klimaat]`,
    and partners and sources as a block of `- name: ...` items.

    A SafeDumper, as `yaml.safe_dump` uses: it writes plain YAML values only,
    quoting any answer that YAML would otherwise read as something else.
    """


def _represent_list(dumper: yaml.SafeDumper, items: list) -> yaml.SequenceNode:
    flow = all(isinstance(item, str) for item in items)
    return dumper.represent_sequence("tag:yaml.org,2002:seq", items, flow_style=flow)


_CaseDumper.add_representer(list, _represent_list)


def _element(field: Field, vocabulary: Vocabulary) -> dict:
    attributes: dict = {"label": field.label, "description": _description(field, vocabulary)}
    if field.kind == "dropdown":
        attributes["multiple"] = field.multiple
        attributes["options"] = _options(vocabulary, field.facet)
        if field.key == "stage":
            attributes["default"] = vocabulary.slugs("stage").index("actief")
    elif field.key == "body":
        attributes["value"] = STORY_TEMPLATE
    else:
        attributes["placeholder"] = PLACEHOLDERS[field.key]
    element = {"type": field.kind, "id": field.key, "attributes": attributes}
    if field.required:
        element["validations"] = {"required": True}
    return element


def _description(field: Field, vocabulary: Vocabulary) -> str:
    """The question's own text, with the limit the schema declares for its key."""
    declared = schema.BY_NAME.get(field.key)
    limit = schema._limit(declared) if declared is not None and declared.form not in (schema.ITEMS, schema.STAGE) else ""
    text = f"{field.description} ({limit[0].upper()}{limit[1:]}.)" if limit else field.description
    if field.key != "partners":
        return text
    roles = ", ".join(f"`{term.slug}` ({term.description[0].lower()}{term.description[1:].rstrip('.')})" for term in vocabulary.terms("partner_role"))
    return f"{text} Mogelijke rollen: {roles}."


# --- from issue to case ------------------------------------------------------

def case_from_issue(body: str, today: datetime.date, number: int | None = None) -> tuple[str, str]:
    """The slug and the text of the case file an issue made with the form asks for.

    Answers are copied as given; the validator judges them afterwards, so a
    contributor gets the same messages as for a file written by hand.
    """
    answers = parse_answers(body)
    if not answers:
        raise IssueFormError(_("this issue was not made with the form 'Nieuw praktijkvoorbeeld'; it holds none of the form's questions"))
    title = " ".join(answers.get("title", "").split())
    slug = slug_for(title)
    if not slug:
        raise IssueFormError(_("the name of the initiative is missing; without a name there is no file name. Fill in 'Naam van het initiatief'"))
    data = front_matter(answers, today)
    comment = f"# Voorgesteld in issue #{number}.\n" if number is not None else ""
    front = yaml.dump(data, Dumper=_CaseDumper, allow_unicode=True, sort_keys=False, width=100)
    return slug, f"---\n{comment}{front}---\n\n{answers.get('body', '').strip()}\n"


def labels_for(keys: Iterable[str]) -> list[str]:
    """The form's questions behind problems' keys ('partners[2].role'), in form order."""
    named = {re.split(r"[\[.]", key)[0] for key in keys}
    named = {"title" if key == "file name" else key for key in named}
    return [field.label for field in FIELDS if field.key in named]


def parse_answers(body: str) -> dict[str, str]:
    """Each form field's answer by its key, from the Markdown GitHub writes.

    A heading counts only when it is a field's label not seen yet, so a story
    with its own `### ...` headings stays in one piece.
    """
    keys = {field.label: field.key for field in FIELDS}
    answers: dict[str, list[str]] = {}
    current = None
    for line in body.replace("\r\n", "\n").split("\n"):
        label = line[4:].strip() if line.startswith("### ") else None
        if label in keys and keys[label] not in answers:
            current = keys[label]
            answers[current] = []
        elif current is not None:
            answers[current].append(line)
    given = {key: "\n".join(lines).strip() for key, lines in answers.items()}
    return {key: text for key, text in given.items() if text and text != NO_RESPONSE}


def front_matter(answers: dict[str, str], today: datetime.date) -> dict:
    """The case's keys in the order of the contract; empty answers are left out."""
    data = {field.key: READERS[field.key](answers[field.key]) for field in FIELDS if field.key in answers and field.key in READERS}
    return {**data, "added": today}


def _line(answer: str) -> str:
    return " ".join(answer.split())


def _year(answer: str) -> int | str:
    text = answer.strip()
    return int(text) if text.isdigit() else text


def _choice(answer: str) -> str:
    choices = _choices(answer)
    return choices[0] if choices else answer.strip()


SLUG_IN_PARENS = re.compile(r"\(([a-z0-9]+(?:-[a-z0-9]+)*)\)$")


def _choices(answer: str) -> list[str]:
    """Slugs from dropdown choices: 'Mobiliteit (mobiliteit), Energie (energie)'.

    A label may hold a comma, so choices are split only after a closing
    parenthesis; an answer typed by hand without them is split on commas.
    """
    if SLUG_IN_PARENS.search(answer.strip()):
        choices = re.split(r"(?<=\)),\s*", answer.strip())
    else:
        choices = answer.split(",")
    return [_slug_of(choice) for choice in choices if choice.strip()]


def _slug_of(choice: str) -> str:
    match = SLUG_IN_PARENS.search(choice.strip())
    return match.group(1) if match else choice.strip().lower()


SEPARATOR = re.compile(r"^(?P<left>.*\S)\s+[—–-]+\s+(?P<right>\S.*)$")
MARKDOWN_LINK = re.compile(r"^\[(?P<title>[^\]]+)\]\((?P<url>https?://[^)\s]+)\)$")
TRAILING_URL = re.compile(r"(?P<url>https?://\S+)$")


def _lines(answer: str) -> list[str]:
    """The non-empty lines of a textarea, without list bullets."""
    return [re.sub(r"^[-*]\s+", "", line.strip()) for line in answer.split("\n") if line.strip()]


def _partners(answer: str) -> list[dict]:
    """'Naam — rol' (or 'Naam (rol)') per line; a line without a role keeps its name only."""
    partners = []
    for line in _lines(answer):
        match = SEPARATOR.match(line)
        role = SLUG_IN_PARENS.search(line)
        if match:
            partners.append({"name": match["left"], "role": _slug_of(match["right"])})
        elif role:
            partners.append({"name": line[: role.start()].strip(), "role": role.group(1)})
        else:
            partners.append({"name": line})
    return partners


def _sources(answer: str) -> list[dict]:
    """'Titel — URL — datum' per line (or a Markdown link); URL and date may be left out."""
    return [_source(line) for line in _lines(answer)]


TRAILING_DATE = re.compile(r"\s+[—–-]+\s+(?P<date>\d{4}(?:-\d{2}(?:-\d{2})?)?)$")


def _source(line: str) -> dict:
    date = TRAILING_DATE.search(line)
    if date:
        line = line[: date.start()]
    found = _source_without_date(line)
    return {**found, "date": date["date"]} if date else found


def _source_without_date(line: str) -> dict:
    link = MARKDOWN_LINK.match(line)
    if link:
        return {"title": link["title"].strip(), "url": link["url"]}
    url = TRAILING_URL.search(line)
    if not url:
        return {"title": line}
    title = line[: url.start()].rstrip(" \t—–-:")
    return {"title": title, "url": url["url"]} if title else {"url": url["url"]}


def _places(answer: str) -> list[str]:
    """Place names separated by commas or lines; brackets may hold a province."""
    return [name.strip() for name in re.split(r"[,\n]", answer) if name.strip()]


def _goals(answer: str) -> list[int | str]:
    return [int(value) if value.isdigit() else value for value in _choices(answer)]


# How each answer becomes a front-matter value; the story is the body, not a key.
READERS = {
    "title": _line, "summary": _line, "organisation": _line, "website": _line,
    "innovation_type": _choices, "domain": _choices, "region": _choices, "actors": _choices,
    "stage": _choice, "partners": _partners, "sources": _sources, "started": _year,
    "place": _places, "target_group": _choices, "sdg": _goals,
}
