"""The content model: frozen dataclasses shared by every other module."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from .places import Place


STALE_AFTER_DAYS = 730  # two years


@dataclass(frozen=True)
class Problem:
    """One thing wrong in one file, written for the contributor who can fix it."""

    path: str
    line: int
    key: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.key}: {self.message}"


@dataclass(frozen=True)
class Term:
    """One value of the vocabulary, such as the domain `energie`."""

    facet: str
    slug: str
    label: str
    description: str
    parent: str | None = None
    children: tuple[str, ...] = ()


@dataclass(frozen=True)
class Partner:
    name: str
    role: str


@dataclass(frozen=True)
class Source:
    title: str
    url: str | None = None
    date: str | None = None  # YYYY, YYYY-MM or YYYY-MM-DD, as written


@dataclass(frozen=True)
class Case:
    """A validated case, every list normalised to a tuple of slugs."""

    slug: str
    path: str
    title: str
    summary: str
    innovation_type: tuple[str, ...]
    domain: tuple[str, ...]
    region: tuple[str, ...]  # as written, or derived from the places
    added: datetime.date
    body: str
    checked: datetime.date | None = None  # `added` when None; see `checked_on`
    place: tuple[Place, ...] = ()
    target_group: tuple[str, ...] = ()
    sdg: tuple[int, ...] = ()
    actors: tuple[str, ...] = ()
    organisation: str | None = None
    partners: tuple[Partner, ...] = ()
    started: int | None = None
    stage: str = "actief"
    website: str | None = None
    image: str | None = None
    image_alt: str | None = None
    sources: tuple[Source, ...] = ()
    featured: bool = False

    @property
    def checked_on(self) -> datetime.date:
        """When the facts were last verified against the sources."""
        return self.checked or self.added

    def is_stale(self, today: datetime.date) -> bool:
        """Facts last checked more than two years ago: the case page says so."""
        return (today - self.checked_on).days > STALE_AFTER_DAYS
