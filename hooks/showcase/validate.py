"""The rules of the case format (shared/CASE-FORMAT.md), one function each.

Every rule takes a `Draft` (a parsed case file) and yields `Problem`s, so
reporting every problem in every case is a loop over `RULES`.
"""

from __future__ import annotations

import datetime
import html
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator

from . import addresses, fields, places
from .body import check_body, has_markup, render
from .fields import BY_NAME, MAX_SLUG, NAMES, OPTIONAL, REQUIRED, THEME_KEYS
from .frontmatter import Document, key_name
from .i18n import _
from .images import check_image
from .model import Case, Partner, Problem, Source
from .suggest import did_you_mean
from .taxonomy import SLUG, Vocabulary
from .values import as_date, as_list, check_count, check_day, check_terms, check_text, check_url, describe, source_date

# Page addresses the site itself uses below /praktijkvoorbeelden/.
RESERVED_SLUGS = frozenset({"index", addresses.PAGE_FOLDER})
EMPHASIS = frozenset("*_#|~")


@dataclass
class Draft:
    """A case file as parsed, before it is known to be valid."""

    rel: str
    slug: str
    document: Document
    body: str
    body_line: int
    root: Path
    vocabulary: Vocabulary
    today: datetime.date
    gazetteer: places.Gazetteer | None = None

    @property
    def data(self) -> dict:
        return self.document.data

    def has(self, key: str) -> bool:
        return key in self.data

    def problem(self, key: str, message: str, *path: Any) -> Problem:
        return Problem(self.rel, self.document.line(key, *path), key_name((key, *path)), message)


Rule = Callable[[Draft], Iterator[Problem]]


def _is_empty(value: Any) -> bool:
    if isinstance(value, dict):
        return all(_is_empty(item) for item in value.values())
    if isinstance(value, list):
        return all(_is_empty(item) for item in value)
    return value is None or (isinstance(value, str) and not value.strip())


def _without_empty_fields(item: Any) -> Any:
    if isinstance(item, dict):
        return {name: value for name, value in item.items() if not _is_empty(value)}
    return item


def drop_empty_optionals(data: dict) -> dict:
    """Optional keys left empty (as in the template) count as not given.

    Items of a list that are entirely empty (a partner with no name and no
    role) are dropped too, as are empty fields of an item (a source's url),
    in required lists as well; a half-filled item is still checked.
    """
    cleaned = {}
    for key, value in data.items():
        if (key in OPTIONAL or key in fields.ITEMS_OF) and isinstance(value, list):
            value = [_without_empty_fields(item) for item in value if not _is_empty(item)]
        if key in OPTIONAL and _is_empty(value):
            continue
        cleaned[key] = value
    return cleaned


def _limits(key: str) -> tuple[int, int | None]:
    declared = BY_NAME[key]
    return declared.low, declared.high


# --- the file name and the keys -------------------------------------------

def check_slug(draft: Draft) -> Iterator[Problem]:
    if not SLUG.match(draft.slug) or len(draft.slug) > MAX_SLUG:
        allowed = _("lower-case a-z, 0-9 and single hyphens, at most {count} characters, such as 'op-wielekes.md'").format(count=MAX_SLUG)
        yield Problem(draft.rel, 1, "file name", _("{slug} is not a valid slug; use {allowed}").format(slug=repr(draft.slug), allowed=allowed))
    elif draft.slug in RESERVED_SLUGS:
        yield Problem(draft.rel, 1, "file name", _("{slug} is reserved by the site; choose another name").format(slug=repr(draft.slug)))


def check_keys(draft: Draft) -> Iterator[Problem]:
    for key in draft.data:
        if key in NAMES:
            continue
        if key in THEME_KEYS:
            yield draft.problem(key, _("is reserved by the site's theme and not used by cases; remove it"))
        else:
            yield draft.problem(key, _("is not a known key{suggestion}; allowed keys are {allowed}").format(suggestion=did_you_mean(key, list(NAMES)), allowed=", ".join(NAMES)))
    for key in REQUIRED:
        if key not in draft.data:
            yield Problem(draft.rel, draft.document.line(), key, _("is missing; every case needs {keys}").format(keys=", ".join(REQUIRED)))
    for declared in fields.KEYS:
        other = declared.required_unless
        if other and declared.name not in draft.data and other not in draft.data:
            yield Problem(draft.rel, draft.document.line(), declared.name, _("is missing; give {other} (from which {key} is derived) or {key}").format(other=other, key=declared.name))


# --- text ------------------------------------------------------------------

def _check_text(draft: Draft, key: str) -> Iterator[Problem]:
    yield from check_text(draft, key, *_limits(key))


def _check_item_text(draft: Draft, key: str, index: int, name: str) -> Iterator[Problem]:
    item = next(item for item in fields.ITEMS_OF[key] if item.name == name)
    yield from check_text(draft, key, item.low, item.high, index, name)


def check_title(draft: Draft) -> Iterator[Problem]:
    if draft.has("title"):
        yield from _check_text(draft, "title")


def check_summary(draft: Draft) -> Iterator[Problem]:
    if not draft.has("summary"):
        return
    problems = list(_check_text(draft, "summary"))
    yield from problems
    if not problems and not _is_plain_text(draft.data["summary"]):
        yield draft.problem("summary", _("contains Markdown or HTML; the summary is plain text (no *, _, [links](...), `code` or <tags>)"))


def _is_plain_text(text: str) -> bool:
    """True when Markdown renders the text as one paragraph of itself."""
    start = text.lstrip()[:1]
    if not has_markup(text) and EMPHASIS.isdisjoint(text) and start not in ("-", "+", ">", "=") and not start.isdigit():
        return True  # nothing Markdown could turn into markup: no need to render
    rendered = render(text.strip())
    return rendered == f"<p>{html.escape(text.strip(), quote=False)}</p>"


def check_organisation(draft: Draft) -> Iterator[Problem]:
    if draft.has("organisation"):
        yield from _check_text(draft, "organisation")


def check_image_alt(draft: Draft) -> Iterator[Problem]:
    if draft.has("image_alt"):
        yield from _check_text(draft, "image_alt")
    if draft.has("image") and not draft.has("image_alt"):
        yield draft.problem("image", _("needs image_alt: a short text that says what the image shows"))


# --- vocabulary ------------------------------------------------------------

def _check_terms(draft: Draft, key: str) -> Iterator[Problem]:
    if draft.has(key):
        yield from check_terms(draft, key, draft.vocabulary.slugs(BY_NAME[key].facet), *_limits(key))


def check_innovation_type(draft: Draft) -> Iterator[Problem]:
    yield from _check_terms(draft, "innovation_type")


def check_domain(draft: Draft) -> Iterator[Problem]:
    yield from _check_terms(draft, "domain")


def check_region(draft: Draft) -> Iterator[Problem]:
    yield from _check_terms(draft, "region")


def check_actors(draft: Draft) -> Iterator[Problem]:
    yield from _check_terms(draft, "actors")


def check_target_group(draft: Draft) -> Iterator[Problem]:
    yield from _check_terms(draft, "target_group")


def check_sdg(draft: Draft) -> Iterator[Problem]:
    if not draft.has("sdg"):
        return
    values = as_list(draft.data["sdg"])
    allowed = _("numbers from 1 to {count}").format(count=fields.SDG_COUNT)
    yield from check_count(draft, "sdg", values, *_limits("sdg"), allowed)
    seen = set()
    for index, value in enumerate(values):
        if isinstance(value, bool) or not isinstance(value, int):
            yield draft.problem("sdg", _("must be the number of a Sustainable Development Goal, not {value}; allowed: {allowed}").format(value=describe(value), allowed=allowed), index)
        elif not 1 <= value <= fields.SDG_COUNT:
            yield draft.problem("sdg", _("{value} is not a Sustainable Development Goal; allowed: {allowed}").format(value=value, allowed=allowed), index)
        elif value in seen:
            yield draft.problem("sdg", _("{value} is listed twice").format(value=value), index)
        else:
            seen.add(value)


# --- places ----------------------------------------------------------------

def _found_places(draft: Draft) -> list:
    """The gazetteer's places for every name the case writes (None where a name is not found)."""
    if not draft.has("place"):
        return []
    gazetteer = draft.gazetteer or draft.vocabulary.gazetteer()
    return [gazetteer.find(name).place if isinstance(name, str) else None for name in as_list(draft.data["place"])]


def check_place(draft: Draft) -> Iterator[Problem]:
    if not draft.has("place"):
        return
    names = as_list(draft.data["place"])
    yield from check_count(draft, "place", names, *_limits("place"), "a town or municipality in Flanders, Brussels or the Netherlands")
    gazetteer = draft.gazetteer or draft.vocabulary.gazetteer()
    seen = set()
    for index, name in enumerate(names):
        if not isinstance(name, str) or not name.strip():
            yield draft.problem("place", _("must be the name of a town or municipality, such as 'Gent', not {value}").format(value=describe(name)), index)
            continue
        match = gazetteer.find(name)
        if match.place is not None:
            if match.place.slug in seen:
                yield draft.problem("place", _("{value} is listed twice").format(value=repr(name)), index)
            seen.add(match.place.slug)
        elif match.candidates:
            options = _(" or ").join(repr(place.qualified()) for place in match.candidates)
            yield draft.problem("place", _("{value} is the name of more than one place; write {options}").format(value=repr(name), options=options), index)
        else:
            hint = _(" or ").join(f"{place.name!r} ({place.province_name})" for place in match.suggestions)
            suggestion = _("; did you mean {choice}?").format(choice=hint) if hint else ""
            yield draft.problem("place", _("{value} is not in the gazetteer{suggestion}; a place is a town, village or municipality of Flanders, Brussels or the Netherlands, written with its Dutch name").format(value=repr(name), suggestion=suggestion), index)


def check_region_fits_places(draft: Draft) -> Iterator[Problem]:
    """A region that is neither a place's province nor above it contradicts the places."""
    found = [place for place in _found_places(draft) if place is not None]
    if not found or not draft.has("region"):
        return
    regions = [value for value in as_list(draft.data["region"]) if isinstance(value, str) and value in draft.vocabulary.facets["region"]]
    covered = {region for place in found for region in [place.province, *draft.vocabulary.ancestors(place.province)]}
    for index, region in enumerate(regions):
        if region not in covered:
            where = ", ".join(place.describe() for place in found)
            yield draft.problem("region", _("{region} contradicts the places of this case ({places}); leave region out to derive it from place, or correct it").format(region=repr(region), places=where), index)


def check_stage(draft: Draft) -> Iterator[Problem]:
    if not draft.has("stage"):
        return
    allowed = draft.vocabulary.slugs("stage")
    value = draft.data["stage"]
    if not isinstance(value, str) or value not in allowed:
        yield draft.problem("stage", _("{value} is not a stage{suggestion}; allowed: {allowed}").format(value=describe(value), suggestion=did_you_mean(value, allowed), allowed=", ".join(allowed)))


# --- structured lists ------------------------------------------------------

def _check_items(draft: Draft, key: str) -> Iterator[Problem]:
    """A list of groups of keys, as `fields.ITEMS_OF` declares them."""
    declared = fields.ITEMS_OF[key]
    value = draft.data[key]
    shape = ", ".join(item.name if item.required else _("{key} (optional)").format(key=item.name) for item in declared)
    if isinstance(value, list) and not value:
        yield draft.problem(key, _("is empty; give at least one item with {shape}").format(shape=shape))
        return
    if not isinstance(value, list):
        yield draft.problem(key, _("must be a list of items with {shape}, not {value}").format(shape=shape, value=describe(value)))
        return
    names = [item.name for item in declared]
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            yield draft.problem(key, _("each item needs {shape}; this one is {value}").format(shape=shape, value=describe(item)), index)
            continue
        for name in item:
            if name not in names:
                yield draft.problem(key, _("{key} is not known here{suggestion}; an item has {shape}").format(key=repr(name), suggestion=did_you_mean(name, names), shape=shape), index, name)
        for field in declared:
            if field.required and field.name not in item:
                yield draft.problem(key, _("is missing {key}; an item has {shape}").format(key=repr(field.name), shape=shape), index)


def check_partners(draft: Draft) -> Iterator[Problem]:
    if not draft.has("partners"):
        return
    problems = list(_check_items(draft, "partners"))
    yield from problems
    if problems:
        return
    roles = draft.vocabulary.slugs("partner_role")
    for index, partner in enumerate(draft.data["partners"]):
        yield from _check_item_text(draft, "partners", index, "name")
        role = partner["role"]
        if not isinstance(role, str) or role not in roles:
            yield draft.problem("partners", _("{value} is not a partner role{suggestion}; allowed: {allowed}").format(value=describe(role), suggestion=did_you_mean(role, roles), allowed=", ".join(roles)), index, "role")


def check_sources(draft: Draft) -> Iterator[Problem]:
    if not draft.has("sources"):
        return
    problems = list(_check_items(draft, "sources"))
    yield from problems
    if problems:
        return
    for index, source in enumerate(draft.data["sources"]):
        yield from _check_item_text(draft, "sources", index, "title")
        if "url" in source:
            yield from check_url(draft, "sources", source["url"], index, "url")
        if "date" in source and source_date(source["date"]) is None:
            yield draft.problem("sources", _("date {value} is not a publication date; write YYYY, YYYY-MM or YYYY-MM-DD, such as 2023-06").format(value=describe(source["date"])), index, "date")
    if not any(isinstance(source, dict) and source.get("url") for source in draft.data["sources"]):
        yield draft.problem("sources", _("has no source with a url; at least one source needs the web address where readers can check the facts"))


# --- URLs, numbers, dates, flags -------------------------------------------

def check_website(draft: Draft) -> Iterator[Problem]:
    if draft.has("website"):
        yield from check_url(draft, "website", draft.data["website"])


def check_started(draft: Draft) -> Iterator[Problem]:
    if not draft.has("started"):
        return
    value = draft.data["started"]
    latest = fields.latest_start_year(draft.today)
    if isinstance(value, bool) or not isinstance(value, int):
        yield draft.problem("started", _("must be a year such as 2016, not {value}").format(value=describe(value)))
    elif not fields.FIRST_YEAR <= value <= latest:
        yield draft.problem("started", _("{value} is out of range; allowed is a year from {first} to {latest}").format(value=value, first=fields.FIRST_YEAR, latest=latest))


def check_added(draft: Draft) -> Iterator[Problem]:
    if draft.has("added"):
        yield from check_day(draft, "added", _("the date the case was added"))


def check_checked(draft: Draft) -> Iterator[Problem]:
    if draft.has("checked"):
        yield from check_day(draft, "checked", _("the date the facts were last checked against the sources"))


def check_featured(draft: Draft) -> Iterator[Problem]:
    if draft.has("featured") and not isinstance(draft.data["featured"], bool):
        yield draft.problem("featured", _("must be true or false, not {value}").format(value=describe(draft.data["featured"])))


def check_story(draft: Draft) -> Iterator[Problem]:
    yield from check_body(draft.body, draft.rel, draft.body_line)


RULES: list[Rule] = [
    check_slug, check_keys, check_title, check_summary, check_innovation_type,
    check_domain, check_region, check_place, check_region_fits_places, check_target_group,
    check_sdg, check_actors, check_organisation, check_partners, check_started, check_stage,
    check_website, check_image, check_image_alt, check_sources, check_featured, check_added,
    check_checked, check_story,
]


def validate(draft: Draft) -> tuple[Case | None, list[Problem]]:
    """The case, if every rule passes; otherwise every problem found."""
    problems = [problem for rule in RULES for problem in rule(draft)]
    if problems:
        return None, sorted(problems, key=lambda problem: problem.line)
    return to_case(draft), []


def derived_regions(found: list, vocabulary: Vocabulary) -> tuple[str, ...]:
    """The provinces of the places, each once, in the taxonomy's order."""
    provinces = {place.province for place in found}
    return tuple(slug for slug in vocabulary.slugs("region") if slug in provinces)


def to_case(draft: Draft) -> Case:
    data = draft.data
    found = tuple(_found_places(draft))
    region = tuple(as_list(data["region"])) if "region" in data else derived_regions(list(found), draft.vocabulary)
    return Case(
        slug=draft.slug,
        path=draft.rel,
        title=data["title"].strip(),
        summary=" ".join(data["summary"].split()),
        innovation_type=tuple(as_list(data["innovation_type"])),
        domain=tuple(as_list(data["domain"])),
        region=region,
        added=as_date(data["added"]),
        body=draft.body,
        checked=as_date(data["checked"]) if "checked" in data else None,
        place=found,
        target_group=tuple(as_list(data.get("target_group", []))),
        sdg=tuple(as_list(data.get("sdg", []))),
        actors=tuple(as_list(data.get("actors", []))),
        organisation=data.get("organisation"),
        partners=tuple(Partner(p["name"].strip(), p["role"]) for p in data.get("partners", [])),
        started=data.get("started"),
        stage=data.get("stage", "actief"),
        website=data.get("website"),
        image=data.get("image"),
        image_alt=data.get("image_alt"),
        sources=tuple(Source(s["title"].strip(), s.get("url"), source_date(s["date"]) if "date" in s else None) for s in data.get("sources", [])),
        featured=data.get("featured", False),
    )
