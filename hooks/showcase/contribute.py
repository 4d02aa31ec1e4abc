"""Helping contributors: a new case file from the template."""

from __future__ import annotations

import datetime
import json
import re
from pathlib import Path

from slugify import slugify

from .fields import MAX_SLUG
from .i18n import _
from .validate import RESERVED_SLUGS

TEMPLATE = "cases/_template.md"


class NewCaseError(Exception):
    """Why `new` wrote nothing, in words for the contributor."""


def slug_for(title: str) -> str:
    """The file name for a title: 'Villa Clementina & co' -> 'villa-clementina-co'."""
    return slugify(title, max_length=MAX_SLUG, word_boundary=True)


def fill_template(template: str, title: str, today: datetime.date) -> str:
    """The template with its title and date filled in; other keys stay to fill."""
    # A JSON string is a valid YAML double-quoted scalar, whatever the title holds.
    text = re.sub(r"^title:.*$", "title: " + json.dumps(title, ensure_ascii=False), template, count=1, flags=re.M)
    return re.sub(r"^added:.*$", f"added: {today.isoformat()}", text, count=1, flags=re.M)


def new_case(root: Path, title: str, today: datetime.date) -> Path:
    title = " ".join(title.split())
    slug = slug_for(title)
    if not slug or len(title) < 3:
        raise NewCaseError(_("{title} gives no usable file name; use a title of at least 3 letters").format(title=repr(title)))
    if slug in RESERVED_SLUGS:
        raise NewCaseError(_("'{slug}' is reserved by the site; choose a more specific title").format(slug=slug))
    path = root / "cases" / f"{slug}.md"
    if path.exists():
        raise NewCaseError(_("cases/{slug}.md already exists; nothing was overwritten. Choose another title or edit that file").format(slug=slug))
    template = (root / TEMPLATE).read_text(encoding="utf-8")
    path.write_text(fill_template(template, title, today), encoding="utf-8")
    return path


LIMITS_START, LIMITS_END = "<!-- limits:start -->", "<!-- limits:end -->"
CONTRIBUTING = "CONTRIBUTING.md"


def limits_markdown() -> str:
    """The table of keys and limits, as CONTRIBUTING shows it."""
    from .fields import limits_table

    rows = ["| veld | verplicht | toegelaten |", "|---|---|---|"]
    rows += [f"| `{key}` | {required} | {limit} |" for key, required, limit in limits_table()]
    return "\n".join(rows)


def with_limits(text: str) -> str:
    """`text` (CONTRIBUTING) with the table between its markers made anew."""
    start, end = text.index(LIMITS_START) + len(LIMITS_START), text.index(LIMITS_END)
    return text[:start] + "\n" + limits_markdown() + "\n" + text[end:]
