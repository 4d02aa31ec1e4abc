"""Checks of one value's form (text, vocabulary values, URL, date), shared by the rules.

Each yields `Problem`s through the `Draft` it is given, so it can name the
file, the line and the key; limits come from the caller, which reads them
from the schema declaration (`fields.py`).
"""

from __future__ import annotations

import datetime
import re
from typing import TYPE_CHECKING, Any, Iterator
from urllib.parse import urlsplit

from .fields import MAX_URL
from .i18n import _
from .model import Problem
from .suggest import did_you_mean

if TYPE_CHECKING:
    from .validate import Draft

SOURCE_DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def describe(value: Any) -> str:
    """What a contributor wrote, in their terms rather than Python's."""
    if value is None:
        return _("nothing")
    if isinstance(value, bool):
        return _("a yes/no value ({value})").format(value=str(value).lower())
    if isinstance(value, (int, float)):
        return _("a number ({value})").format(value=value)
    if isinstance(value, (datetime.date, datetime.datetime)):
        return _("a date ({value})").format(value=value.isoformat())
    if isinstance(value, list):
        return _("a list")
    if isinstance(value, dict):
        return _("a group of keys")
    return f"{value!r}"


def as_list(value: Any) -> list:
    return value if isinstance(value, list) else [value]


def check_text(draft: "Draft", key: str, low: int, high: int, *path: Any) -> Iterator[Problem]:
    value = draft.data.get(key)
    for part in path:
        value = value[part]
    if not isinstance(value, str):
        yield draft.problem(key, _("must be text, not {value}; put it in quotes if needed").format(value=describe(value)), *path)
    elif not value.strip():
        yield draft.problem(key, _("is empty; write {low} to {high} characters").format(low=low, high=high), *path)
    elif not (low <= len(value.strip()) <= high):
        yield draft.problem(key, _("has {count} characters; allowed is {low} to {high}").format(count=len(value.strip()), low=low, high=high), *path)


def check_count(draft: "Draft", key: str, values: list, low: int, high: int | None, choices: str) -> Iterator[Problem]:
    """The number of values of a list key against its limits."""
    limit = lambda: _("{low} to {high}").format(low=low, high=high) if high else _("at least {low}").format(low=low)
    if not values:
        yield draft.problem(key, _("is empty; choose {limit} of: {choices}").format(limit=limit(), choices=choices))
    elif not (low <= len(values) <= (high or len(values))):
        yield draft.problem(key, _("has {count} values; allowed is {limit}").format(count=len(values), limit=limit()))


def check_terms(draft: "Draft", key: str, allowed: list[str], low: int, high: int | None) -> Iterator[Problem]:
    values = as_list(draft.data[key])
    yield from check_count(draft, key, values, low, high, ", ".join(allowed))
    seen = set()
    for index, value in enumerate(values):
        if not isinstance(value, str):
            yield draft.problem(key, _("must be a value from the vocabulary, not {value}; allowed: {allowed}").format(value=describe(value), allowed=", ".join(allowed)), index)
        elif value not in allowed:
            yield draft.problem(key, _("{value} is not in the vocabulary{suggestion}; allowed: {allowed}").format(value=repr(value), suggestion=did_you_mean(value, allowed), allowed=", ".join(allowed)), index)
        elif value in seen:
            yield draft.problem(key, _("{value} is listed twice").format(value=repr(value)), index)
        else:
            seen.add(value)


def check_url(draft: "Draft", key: str, value: Any, *path: Any) -> Iterator[Problem]:
    allowed = lambda: _("a full web address starting with http:// or https://")
    if not isinstance(value, str):
        yield draft.problem(key, _("must be {allowed}, not {value}").format(allowed=allowed(), value=describe(value)), *path)
        return
    try:
        parts = urlsplit(value)
        hostname = parts.hostname
    except ValueError:  # such as "https://[example.org": an unclosed IPv6 host
        parts = hostname = None
    if (
        parts is None
        or parts.scheme not in ("http", "https")
        or not hostname
        or any(ch.isspace() or ord(ch) < 32 or ch in '<>"' for ch in value)
        or len(value) > MAX_URL
    ):
        yield draft.problem(key, _("{value} is not allowed; use {allowed} (at most {count} characters)").format(value=repr(value[:80]), allowed=allowed(), count=MAX_URL), *path)


def as_date(value: Any) -> datetime.date | None:
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


def check_day(draft: "Draft", key: str, what: str) -> Iterator[Problem]:
    """A `YYYY-MM-DD` date that is not in the future."""
    value = as_date(draft.data[key])
    if value is None:
        yield draft.problem(key, _("must be a date written as YYYY-MM-DD, such as {today}, not {value}").format(today=draft.today.isoformat(), value=describe(draft.data[key])))
    elif value > draft.today:
        yield draft.problem(key, _("{value} is in the future; use {what}, at the latest today ({today})").format(value=value.isoformat(), what=what, today=draft.today.isoformat()))


def source_date(value: Any) -> str | None:
    """A source's publication date as text (`2023`, `2023-06`, `2023-06-12`), or None if malformed."""
    if isinstance(value, datetime.datetime):
        return None
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, int) and not isinstance(value, bool):
        value = str(value)
    if not isinstance(value, str) or not SOURCE_DATE.match(value):
        return None
    year, *rest = (int(part) for part in value.split("-"))
    try:
        datetime.date(year, *(rest + [1] * (2 - len(rest))))
    except ValueError:
        return None
    return value
