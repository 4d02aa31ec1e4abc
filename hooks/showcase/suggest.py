"""'Did you mean ...?' for misspelt keys and values."""

from __future__ import annotations

import difflib

from slugify import slugify

from .i18n import _


def closest(value: object, choices: list[str]) -> str | None:
    """The choice `value` was most likely meant to be, if one is close enough."""
    if not isinstance(value, str) or not value.strip():
        return None
    normalised = slugify(value)
    if normalised in choices:
        return normalised
    matches = difflib.get_close_matches(normalised or value.lower(), choices, n=1, cutoff=0.75)
    return matches[0] if matches else None


def did_you_mean(value: object, choices: list[str]) -> str:
    """`"; did you mean 'x'?"`, or nothing when no choice is close."""
    match = closest(value, choices)
    return _("; did you mean {choice}?").format(choice=repr(match)) if match else ""
