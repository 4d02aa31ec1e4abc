"""Indexes over all valid cases: per vocabulary value, counts and related cases."""

from __future__ import annotations

import bisect
from collections import defaultdict

from .fields import FACETS
from .goals import GOALS
from .model import Case, Term
from .reuse import make_now
from .taxonomy import Vocabulary

# The case attribute that holds each facet's values (declared in fields.py).
CASE_FIELDS = {facet.name: facet.key for facet in FACETS}


def newest_first(cases: list[Case]) -> list[Case]:
    return sorted(cases, key=lambda case: (-case.added.toordinal(), case.title.casefold(), case.slug))


def values_of(case: Case, facet: str) -> tuple[str, ...]:
    """A case's slugs for `facet`, as written (stage is a single value)."""
    value = getattr(case, CASE_FIELDS[facet])
    if facet == "place":
        return tuple(place.slug for place in value)
    if facet == "sdg":
        return tuple(str(number) for number in value)
    return (value,) if isinstance(value, str) else value


def place_terms(cases: list[Case]) -> list[Term]:
    """A term per place that has cases, in alphabetical order."""
    found = {place.slug: place for case in cases for place in case.place}
    places = sorted(found.values(), key=lambda place: (place.name.casefold(), place.slug))
    return [Term("place", place.slug, place.name, _where(place), place.province) for place in places]


def _where(place) -> str:
    """Where a place lies, in the usage of its country (a Flemish deelgemeente, a Dutch woonplaats)."""
    if not place.municipality:
        return f"Plaats in {place.province_name}."
    if place.municipality == place.name:
        return f"Gemeente in {place.province_name}."
    if place.country == "BE":
        return f"Deelgemeente of dorp van {place.municipality}, {place.province_name}."
    return f"Plaats in de gemeente {place.municipality}, {place.province_name}."


def goal_terms() -> list[Term]:
    return [Term("sdg", goal.slug, goal.label, goal.description) for goal in GOALS]


class Catalogue:
    """All valid cases, newest first, with the indexes the pages need.

    Everything is computed once in linear time, so 10,000 cases cost ten
    times 1,000: no stage compares every case with every other.
    """

    def __init__(self, cases: list[Case], vocabulary: Vocabulary, derive=make_now):
        """`derive(kind, case, make)`: a preview server's memo of what is
        made from one case alone (`reuse.CaseCache.derive`); by default, `make()`."""
        self.vocabulary = vocabulary.with_facet("place", place_terms(cases)).with_facet("sdg", goal_terms())
        self.cases = newest_first(cases)
        self.by_slug = {case.slug: case for case in self.cases}
        self._members: dict[tuple[str, str], list[Case]] = defaultdict(list)
        for case in self.cases:
            for value in derive("values", case, lambda case=case: self._values(case)):
                self._members[value].append(case)
        # Indexed now, looked up by `related`.
        self._case_keys = {case.slug: derive("related keys", case, lambda case=case: self._keys(case)) for case in self.cases}
        self._rank = {case.slug: rank for rank, case in enumerate(self.cases)}
        self._combinations = self._index_combinations()

    def _values(self, case: Case) -> list[tuple[str, str]]:
        """Every (facet, value) the case is listed under."""
        return [(facet, slug) for facet in CASE_FIELDS for slug in self.expanded(case, facet)]

    def expanded(self, case: Case, facet: str) -> list[str]:
        """The case's values, regions widened to the regions above them.

        A case's regions include its places' provinces, so a case that writes
        `region: vlaanderen` and `place: Gent` is found under Oost-Vlaanderen.
        """
        values = values_of(case, facet)
        if facet == "region":
            return self.vocabulary.with_ancestors(values + tuple(place.province for place in case.place))
        return list(values)

    def cases_for(self, facet: str, slug: str) -> list[Case]:
        """The cases under a value, newest first; a region includes those below it."""
        return self._members.get((facet, slug), [])

    def count(self, facet: str, slug: str) -> int:
        return len(self.cases_for(facet, slug))

    def places(self) -> list:
        """Every place that has cases, with its cases, alphabetically."""
        found = {place.slug: place for case in self.cases for place in case.place}
        return [found[term.slug] for term in self.vocabulary.terms("place")]

    def featured(self) -> list[Case]:
        return [case for case in self.cases if case.featured]

    # --- related cases -----------------------------------------------------
    # Tiers, best first: same domain, type and region; same domain and type;
    # same domain and region; same domain; same type. Within a tier, the cases
    # added nearest in time to this one, so no few newest cases stand on
    # every page (and an edit of one touches a handful of pages, not
    # thousands). Each tier is a dictionary look-up and a bisection, so this
    # stays linear.

    _TIERS = (("domain", "innovation_type", "region"), ("domain", "innovation_type"), ("domain", "region"), ("domain",), ("innovation_type",))

    def _index_combinations(self) -> dict[tuple, tuple[list[Case], list[int]]]:
        """Per tier key, its cases newest first and their places in the whole list."""
        index: dict[tuple, tuple[list[Case], list[int]]] = defaultdict(lambda: ([], []))
        for rank, case in enumerate(self.cases):
            for key in self._case_keys[case.slug]:
                members, ranks = index[key]
                members.append(case)
                ranks.append(rank)
        return index

    def _keys(self, case: Case) -> list[tuple]:
        keys = []
        for tier in self._TIERS:
            combos = [()]
            for facet in tier:
                combos = [combo + (value,) for combo in combos for value in values_of(case, facet)]
            keys.extend((tier,) + combo for combo in combos)
        return keys

    def related(self, case: Case, limit: int = 4) -> list[Case]:
        chosen: list[Case] = []
        seen = {case.slug}
        known = self.by_slug.get(case.slug) is case
        keys = self._case_keys[case.slug] if known else self._keys(case)
        rank = self._rank[case.slug] if known else 0
        for key in keys:
            members, ranks = self._combinations.get(key, ((), ()))
            for other in _nearest(members, bisect.bisect_left(ranks, rank)):
                if other.slug not in seen:
                    chosen.append(other)
                    seen.add(other.slug)
                    if len(chosen) == limit:
                        return chosen
        return chosen


def _nearest(members: list[Case], at: int):
    """The members from position `at` outwards: at, the next older, the next newer, ..."""
    older, newer = at, at - 1
    while older < len(members) or newer >= 0:
        if older < len(members):
            yield members[older]
            older += 1
        if newer >= 0:
            yield members[newer]
            newer -= 1
