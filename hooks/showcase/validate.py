"""The rules of the case format (shared/CASE-FORMAT.md), one function each.

Every rule takes a `Draft` (a parsed case file) and yields `Problem`s, so
reporting every problem in every case is a loop over `RULES`.
"""

from __future__ import annotations

import datetime
import html
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Iterator
from urllib.parse import urlsplit

from PIL import Image, UnidentifiedImageError

from .body import check_body, has_markup, render
from .frontmatter import Document, key_name
from .model import Case, Partner, Problem, Source
from .suggest import did_you_mean
from .taxonomy import SLUG, Vocabulary

MAX_SLUG = 80
MAX_IMAGE_BYTES = 1024 * 1024
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif")
# Page addresses the site itself uses below /praktijkvoorbeelden/.
RESERVED_SLUGS = frozenset({"index", "pagina"})
REQUIRED = ("title", "summary", "innovation_type", "domain", "region", "added")
OPTIONAL = (
    "actors", "organisation", "partners", "started", "stage", "website",
    "image", "image_alt", "sources", "featured",
)
KEYS = REQUIRED + OPTIONAL
THEME_KEYS = ("tags", "status", "template", "hide")
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
    role) are dropped too, as are empty fields of an item (a source's url);
    a half-filled item is still checked.
    """
    cleaned = {}
    for key, value in data.items():
        if key in OPTIONAL and isinstance(value, list):
            value = [_without_empty_fields(item) for item in value if not _is_empty(item)]
        if key in OPTIONAL and _is_empty(value):
            continue
        cleaned[key] = value
    return cleaned


def _describe(value: Any) -> str:
    """What a contributor wrote, in their terms rather than Python's."""
    if value is None:
        return "nothing"
    if isinstance(value, bool):
        return f"a yes/no value ({str(value).lower()})"
    if isinstance(value, (int, float)):
        return f"a number ({value})"
    if isinstance(value, (datetime.date, datetime.datetime)):
        return f"a date ({value.isoformat()})"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "a group of keys"
    return f"{value!r}"


def _as_list(value: Any) -> list:
    return value if isinstance(value, list) else [value]


# --- the file name and the keys -------------------------------------------

def check_slug(draft: Draft) -> Iterator[Problem]:
    allowed = "lower-case a-z, 0-9 and single hyphens, at most 80 characters, such as 'op-wielekes.md'"
    if not SLUG.match(draft.slug) or len(draft.slug) > MAX_SLUG:
        yield Problem(draft.rel, 1, "file name", f"{draft.slug!r} is not a valid slug; use {allowed}")
    elif draft.slug in RESERVED_SLUGS:
        yield Problem(draft.rel, 1, "file name", f"{draft.slug!r} is reserved by the site; choose another name")


def check_keys(draft: Draft) -> Iterator[Problem]:
    for key in draft.data:
        if key in KEYS:
            continue
        if key in THEME_KEYS:
            yield draft.problem(key, "is reserved by the site's theme and not used by cases; remove it")
        else:
            yield draft.problem(key, f"is not a known key{did_you_mean(key, list(KEYS))}; allowed keys are {', '.join(KEYS)}")
    for key in REQUIRED:
        if key not in draft.data:
            yield Problem(draft.rel, draft.document.line(), key, "is missing; every case needs " + ", ".join(REQUIRED))


# --- text ------------------------------------------------------------------

def _check_text(draft: Draft, key: str, low: int = 1, high: int = 300, *path: Any) -> Iterator[Problem]:
    value = draft.data.get(key)
    for part in path:
        value = value[part]
    if not isinstance(value, str):
        yield draft.problem(key, f"must be text, not {_describe(value)}; put it in quotes if needed", *path)
    elif not value.strip():
        yield draft.problem(key, f"is empty; write {low} to {high} characters", *path)
    elif not (low <= len(value.strip()) <= high):
        yield draft.problem(key, f"has {len(value.strip())} characters; allowed is {low} to {high}", *path)


def check_title(draft: Draft) -> Iterator[Problem]:
    if draft.has("title"):
        yield from _check_text(draft, "title", 3, 120)


def check_summary(draft: Draft) -> Iterator[Problem]:
    if not draft.has("summary"):
        return
    problems = list(_check_text(draft, "summary", 20, 300))
    yield from problems
    if not problems and not _is_plain_text(draft.data["summary"]):
        yield draft.problem("summary", "contains Markdown or HTML; the summary is plain text (no *, _, [links](...), `code` or <tags>)")


def _is_plain_text(text: str) -> bool:
    """True when Markdown renders the text as one paragraph of itself."""
    start = text.lstrip()[:1]
    if not has_markup(text) and EMPHASIS.isdisjoint(text) and start not in ("-", "+", ">", "=") and not start.isdigit():
        return True  # nothing Markdown could turn into markup: no need to render
    rendered = render(text.strip())
    return rendered == f"<p>{html.escape(text.strip(), quote=False)}</p>"


def check_organisation(draft: Draft) -> Iterator[Problem]:
    if draft.has("organisation"):
        yield from _check_text(draft, "organisation", 2, 200)


def check_image_alt(draft: Draft) -> Iterator[Problem]:
    if draft.has("image_alt"):
        yield from _check_text(draft, "image_alt", 3, 300)
    if draft.has("image") and not draft.has("image_alt"):
        yield draft.problem("image", "needs image_alt: a short text that says what the image shows")


# --- vocabulary ------------------------------------------------------------

def _check_terms(draft: Draft, key: str, facet: str, low: int, high: int | None) -> Iterator[Problem]:
    if not draft.has(key):
        return
    values = _as_list(draft.data[key])
    allowed = draft.vocabulary.slugs(facet)
    limit = f"{low} to {high}" if high else f"at least {low}"
    if not values:
        yield draft.problem(key, f"is empty; choose {limit} of: {', '.join(allowed)}")
    elif not (low <= len(values) <= (high or len(values))):
        yield draft.problem(key, f"has {len(values)} values; allowed is {limit}")
    seen = set()
    for index, value in enumerate(values):
        where = (index,)
        if not isinstance(value, str):
            yield draft.problem(key, f"must be a value from the vocabulary, not {_describe(value)}; allowed: {', '.join(allowed)}", *where)
        elif value not in allowed:
            yield draft.problem(key, f"{value!r} is not in the vocabulary{did_you_mean(value, allowed)}; allowed: {', '.join(allowed)}", *where)
        elif value in seen:
            yield draft.problem(key, f"{value!r} is listed twice", *where)
        else:
            seen.add(value)


def check_innovation_type(draft: Draft) -> Iterator[Problem]:
    yield from _check_terms(draft, "innovation_type", "innovation_type", 1, 3)


def check_domain(draft: Draft) -> Iterator[Problem]:
    yield from _check_terms(draft, "domain", "domain", 1, 4)


def check_region(draft: Draft) -> Iterator[Problem]:
    yield from _check_terms(draft, "region", "region", 1, None)


def check_actors(draft: Draft) -> Iterator[Problem]:
    yield from _check_terms(draft, "actors", "actor", 1, None)


def check_stage(draft: Draft) -> Iterator[Problem]:
    if not draft.has("stage"):
        return
    allowed = draft.vocabulary.slugs("stage")
    value = draft.data["stage"]
    if not isinstance(value, str) or value not in allowed:
        yield draft.problem("stage", f"{_describe(value)} is not a stage{did_you_mean(value, allowed)}; allowed: {', '.join(allowed)}")


# --- structured lists ------------------------------------------------------

def _check_items(draft: Draft, key: str, fields: dict[str, bool]) -> Iterator[Problem]:
    """A list of groups of keys; `fields` maps each key to whether it is required."""
    value = draft.data[key]
    shape = ", ".join(f"{name}" if required else f"{name} (optional)" for name, required in fields.items())
    if not isinstance(value, list) or not value:
        yield draft.problem(key, f"must be a list of items with {shape}, not {_describe(value)}")
        return
    for index, item in enumerate(value):
        if not isinstance(item, dict):
            yield draft.problem(key, f"each item needs {shape}; this one is {_describe(item)}", index)
            continue
        for name in item:
            if name not in fields:
                yield draft.problem(key, f"{name!r} is not known here{did_you_mean(name, list(fields))}; an item has {shape}", index, name)
        for name, required in fields.items():
            if required and name not in item:
                yield draft.problem(key, f"is missing {name!r}; an item has {shape}", index)


def check_partners(draft: Draft) -> Iterator[Problem]:
    if not draft.has("partners"):
        return
    problems = list(_check_items(draft, "partners", {"name": True, "role": True}))
    yield from problems
    if problems:
        return
    roles = draft.vocabulary.slugs("partner_role")
    for index, partner in enumerate(draft.data["partners"]):
        yield from _check_text(draft, "partners", 2, 200, index, "name")
        role = partner["role"]
        if not isinstance(role, str) or role not in roles:
            yield draft.problem("partners", f"{_describe(role)} is not a partner role{did_you_mean(role, roles)}; allowed: {', '.join(roles)}", index, "role")


def check_sources(draft: Draft) -> Iterator[Problem]:
    if not draft.has("sources"):
        return
    problems = list(_check_items(draft, "sources", {"title": True, "url": False}))
    yield from problems
    if problems:
        return
    for index, source in enumerate(draft.data["sources"]):
        yield from _check_text(draft, "sources", 3, 300, index, "title")
        if "url" in source:
            yield from _check_url(draft, "sources", source["url"], index, "url")


# --- URLs, numbers, dates, files -------------------------------------------

def _check_url(draft: Draft, key: str, value: Any, *path: Any) -> Iterator[Problem]:
    allowed = "a full web address starting with http:// or https://"
    if not isinstance(value, str):
        yield draft.problem(key, f"must be {allowed}, not {_describe(value)}", *path)
        return
    try:
        parts = urlsplit(value) if value == value.strip() else None
        hostname = parts.hostname if parts else None
    except ValueError:  # such as "https://[example.org": an unclosed IPv6 host
        parts = hostname = None
    if (
        parts is None
        or parts.scheme not in ("http", "https")
        or not hostname
        or any(ch.isspace() or ord(ch) < 32 or ch in '<>"' for ch in value)
        or len(value) > 2000
    ):
        yield draft.problem(key, f"{value[:80]!r} is not allowed; use {allowed}", *path)


def check_website(draft: Draft) -> Iterator[Problem]:
    if draft.has("website"):
        yield from _check_url(draft, "website", draft.data["website"])


def check_started(draft: Draft) -> Iterator[Problem]:
    if not draft.has("started"):
        return
    value = draft.data["started"]
    latest = draft.today.year + 1
    if isinstance(value, bool) or not isinstance(value, int):
        yield draft.problem("started", f"must be a year such as 2016, not {_describe(value)}")
    elif not 1800 <= value <= latest:
        yield draft.problem("started", f"{value} is out of range; allowed is a year from 1800 to {latest}")


def check_added(draft: Draft) -> Iterator[Problem]:
    if not draft.has("added"):
        return
    value = _as_date(draft.data["added"])
    if value is None:
        yield draft.problem("added", f"must be a date written as YYYY-MM-DD, such as {draft.today.isoformat()}, not {_describe(draft.data['added'])}")
    elif value > draft.today:
        yield draft.problem("added", f"{value.isoformat()} is in the future; use the date the case was added, at the latest today ({draft.today.isoformat()})")


def _as_date(value: Any) -> datetime.date | None:
    if isinstance(value, datetime.datetime):
        return None
    if isinstance(value, datetime.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        try:
            return datetime.date.fromisoformat(value)
        except ValueError:
            return None
    return None


def check_featured(draft: Draft) -> Iterator[Problem]:
    if draft.has("featured") and not isinstance(draft.data["featured"], bool):
        yield draft.problem("featured", f"must be true or false, not {_describe(draft.data['featured'])}")


def check_image(draft: Draft) -> Iterator[Problem]:
    if not draft.has("image"):
        return
    value = draft.data["image"]
    allowed = "a path such as images/naam.jpg to a file in cases/images/"
    if not isinstance(value, str) or not value.strip():
        yield draft.problem("image", f"must be {allowed}, not {_describe(value)}")
        return
    images = (draft.root / "cases" / "images").resolve()
    relative = Path(value)
    if relative.is_absolute() or ".." in relative.parts or relative.parts[:1] != ("images",) or len(relative.parts) < 2:
        yield draft.problem("image", f"{value!r} is outside cases/images/; use {allowed}")
        return
    target = draft.root / "cases" / relative
    if target.suffix.lower() not in IMAGE_SUFFIXES:
        yield draft.problem("image", f"{value!r} is not a supported image; use {', '.join(IMAGE_SUFFIXES)}")
    elif _passes_symlink(draft.root / "cases", relative):
        yield draft.problem("image", f"{value!r} is a symbolic link; put the image file itself in cases/images/")
    elif not target.is_file():
        yield draft.problem("image", f"{value!r} does not exist; add the file to cases/images/ or fix the name")
    elif images not in target.resolve().parents:
        yield draft.problem("image", f"{value!r} is outside cases/images/; use {allowed}")
    elif target.stat().st_size > MAX_IMAGE_BYTES:
        yield draft.problem("image", f"{value!r} is {target.stat().st_size // 1024} kB; an image may be at most 1024 kB (1 MB)")
    elif (error := _unreadable_image(target)) is not None:
        yield draft.problem("image", f"{value!r} is not a readable image ({error}); save it again as JPEG, PNG or WebP")


def _unreadable_image(path: Path) -> str | None:
    """Why Pillow cannot read the file as an image, or None if it can."""
    try:
        with Image.open(path) as image:
            image.verify()
    except UnidentifiedImageError:
        return "not a format Pillow knows"
    except Exception as error:  # Pillow raises many kinds for damaged files
        return str(error) or type(error).__name__
    return None


def _passes_symlink(base: Path, relative: Path) -> bool:
    path = base
    for part in relative.parts:
        path = path / part
        if path.is_symlink():
            return True
    return False


def check_story(draft: Draft) -> Iterator[Problem]:
    yield from check_body(draft.body, draft.rel, draft.body_line)


RULES: list[Rule] = [
    check_slug, check_keys, check_title, check_summary, check_innovation_type,
    check_domain, check_region, check_actors, check_organisation, check_partners,
    check_started, check_stage, check_website, check_image, check_image_alt,
    check_sources, check_featured, check_added, check_story,
]


def validate(draft: Draft) -> tuple[Case | None, list[Problem]]:
    """The case, if every rule passes; otherwise every problem found."""
    problems = [problem for rule in RULES for problem in rule(draft)]
    if problems:
        return None, sorted(problems, key=lambda problem: problem.line)
    return to_case(draft), []


def to_case(draft: Draft) -> Case:
    data = draft.data
    return Case(
        slug=draft.slug,
        path=draft.rel,
        title=data["title"].strip(),
        summary=" ".join(data["summary"].split()),
        innovation_type=tuple(_as_list(data["innovation_type"])),
        domain=tuple(_as_list(data["domain"])),
        region=tuple(_as_list(data["region"])),
        added=_as_date(data["added"]),
        body=draft.body,
        actors=tuple(_as_list(data.get("actors", []))),
        organisation=data.get("organisation"),
        partners=tuple(Partner(p["name"].strip(), p["role"]) for p in data.get("partners", [])),
        started=data.get("started"),
        stage=data.get("stage", "actief"),
        website=data.get("website"),
        image=data.get("image"),
        image_alt=data.get("image_alt"),
        sources=tuple(Source(s["title"].strip(), s.get("url")) for s in data.get("sources", [])),
        featured=data.get("featured", False),
        present_keys=frozenset(data),
    )
