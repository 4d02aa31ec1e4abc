"""Indexes over all valid cases: per vocabulary value, counts and related cases."""

from __future__ import annotations

from collections import defaultdict

from .model import Case
from .taxonomy import Vocabulary

# The case attribute that holds each facet's values.
CASE_FIELDS = {
    "innovation_type": "innovation_type",
    "domain": "domain",
    "region": "region",
    "actor": "actors",
    "stage": "stage",
}


def newest_first(cases: list[Case]) -> list[Case]:
    return sorted(cases, key=lambda case: (-case.added.toordinal(), case.title.casefold(), case.slug))


def values_of(case: Case, facet: str) -> tuple[str, ...]:
    """A case's slugs for `facet`, as written (stage is a single value)."""
    value = getattr(case, CASE_FIELDS[facet])
    return (value,) if isinstance(value, str) else value


class Catalogue:
    """All valid cases, newest first, with the indexes the pages need.

    Everything is computed once in linear time, so 10,000 cases cost ten
    times 1,000: no stage compares every case with every other.
    """

    def __init__(self, cases: list[Case], vocabulary: Vocabulary):
        self.vocabulary = vocabulary
        self.cases = newest_first(cases)
        self.by_slug = {case.slug: case for case in self.cases}
        self._members: dict[tuple[str, str], list[Case]] = defaultdict(list)
        for case in self.cases:
            for facet in CASE_FIELDS:
                for slug in self.expanded(case, facet):
                    self._members[(facet, slug)].append(case)
        self._combinations = self._index_combinations()

    def expanded(self, case: Case, facet: str) -> list[str]:
        """The case's values, regions widened to the regions above them."""
        values = values_of(case, facet)
        return self.vocabulary.with_ancestors(values) if facet == "region" else list(values)

    def cases_for(self, facet: str, slug: str) -> list[Case]:
        """The cases under a value, newest first; a region includes those below it."""
        return self._members.get((facet, slug), [])

    def count(self, facet: str, slug: str) -> int:
        return len(self.cases_for(facet, slug))

    def featured(self) -> list[Case]:
        return [case for case in self.cases if case.featured]

    # --- related cases -----------------------------------------------------
    # Tiers, best first: same domain, type and region; same domain and type;
    # same domain and region; same domain; same type. Within a tier, newest
    # first. Each tier is a dictionary look-up, so this stays linear.

    _TIERS = (("domain", "innovation_type", "region"), ("domain", "innovation_type"), ("domain", "region"), ("domain",), ("innovation_type",))

    def _index_combinations(self) -> dict[tuple, list[Case]]:
        index: dict[tuple, list[Case]] = defaultdict(list)
        for case in self.cases:
            for key in self._keys(case):
                index[key].append(case)
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
        for key in self._keys(case):
            for other in self._combinations[key]:
                if other.slug not in seen:
                    chosen.append(other)
                    seen.add(other.slug)
                    if len(chosen) == limit:
                        return chosen
        return chosen
