"""The gazetteer: every place a case may name, and how a written name finds it.

The data (`data/places.tsv`) is made by `scripts/make_gazetteer.py` from
GeoNames and Statbel/NGI open data; `data/SOURCES.md` names the sources and
licences. Names match without regard to case, accents or punctuation, and
through the variants GeoNames knows (`Den Bosch`, `Ghent`). A name that fits
places in several provinces is ambiguous; the contributor then adds the
province or municipality in brackets: `Hasselt (Limburg)`.

A place's province is a region slug of the taxonomy; its name is the
taxonomy's too (`Vocabulary.gazetteer` passes them in), so this module keeps
no list of province names of its own.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from slugify import slugify

DATA = Path(__file__).with_name("data") / "places.tsv"
# A place this small yields to a namesake at least MINOR_FACTOR times larger:
# "Ledeberg" is Gent's, not the hamlet in Liedekerke, and "Mechelen" the city,
# not the village in Dutch Limburg. Hasselt in Overijssel (7,000) is no hamlet,
# so "Hasselt" stays ambiguous.
MINOR_POPULATION = 5000
MINOR_FACTOR = 5
QUALIFIED = re.compile(r"^(?P<name>.*?)\s*\((?P<qualifier>[^()]+)\)\s*$")

COUNTRY_NAMES = {"BE": ("belgie", "belgium", "be"), "NL": ("nederland", "netherlands", "nl")}


@lru_cache(maxsize=65536)  # every place name is folded while the gazetteer loads, and again per case
def fold(text: str) -> str:
    """The matching key of a name: no case, accents or punctuation."""
    text = unicodedata.normalize("NFKD", text.casefold().replace("’", "'"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


@dataclass(frozen=True)
class Place:
    slug: str
    name: str
    municipality: str
    province: str  # a region slug of the taxonomy: oost-vlaanderen, brussel, utrecht
    country: str  # BE or NL
    lat: float
    lon: float
    population: int
    province_name: str  # as the taxonomy names the province: Oost-Vlaanderen, Limburg

    def describe(self) -> str:
        """'Gent (Oost-Vlaanderen)', as messages name a place."""
        return f"{self.name} ({self.province_name})"

    def qualified(self) -> str:
        """What a case writes to mean exactly this place among its namesakes."""
        return f"{self.name} ({self.province_name})"


@dataclass(frozen=True)
class Match:
    """What a written name found: one place, or why not."""

    place: Place | None = None
    candidates: tuple[Place, ...] = ()  # the namesakes when ambiguous
    suggestions: tuple[Place, ...] = ()  # the closest places when unknown


class Gazetteer:
    def __init__(self, places: list[Place], variants: dict[str, list[Place]]):
        self.places = places
        self.by_slug = {place.slug: place for place in places}
        self._names: dict[str, list[Place]] = {}
        for place in places:
            self._names.setdefault(fold(place.name), []).append(place)
        self._variants = variants
        self._keys = sorted(set(self._names) | set(variants))

    def find(self, written: str) -> Match:
        qualified = QUALIFIED.match(written)
        name, qualifier = (qualified["name"], qualified["qualifier"]) if qualified else (written, None)
        found = self._names.get(fold(name)) or self._variants.get(fold(name)) or []
        if qualifier is not None:  # a qualifier may also choose a hamlet over its larger namesake
            candidates = _without_minor([place for place in found if _fits(place, fold(qualifier))])
        else:
            candidates = _without_minor(found)
        if len(candidates) == 1:
            return Match(place=candidates[0])
        if candidates:
            return Match(candidates=tuple(candidates))
        return Match(suggestions=tuple(self.closest(name)))

    def closest(self, written: str, count: int = 3) -> list[Place]:
        keys = difflib.get_close_matches(fold(written), self._keys, n=count, cutoff=0.75)
        found: list[Place] = []
        for key in keys:
            for place in _without_minor(self._names.get(key) or self._variants.get(key) or []):
                if place not in found:
                    found.append(place)
        return found[:count]


def _without_minor(places: list[Place]) -> list[Place]:
    if len(places) < 2:
        return list(places)
    kept = []
    for place in places:
        larger = any(other.population >= MINOR_FACTOR * place.population for other in places if other is not place)
        if not (place.population < MINOR_POPULATION and larger):
            kept.append(place)
    return sorted(kept, key=lambda place: -place.population)


def _fits(place: Place, qualifier: str) -> bool:
    names = {fold(place.province_name), fold(place.province), fold(place.municipality), *COUNTRY_NAMES[place.country]}
    return qualifier in names


@lru_cache(maxsize=4)
def load(path: Path = DATA, province_names: tuple[tuple[str, str], ...] = ()) -> Gazetteer:
    """The gazetteer, read once per process (it does not change during a build).

    `province_names` pairs each province slug with its name (from the
    taxonomy: `Vocabulary.gazetteer`); a province without one is named by its
    slug, enough for a script that only matches names.
    """
    named = dict(province_names)
    rows = path.read_text(encoding="utf-8").splitlines()[1:]
    parsed = [row.split("\t") for row in rows if row]
    # Namesakes get distinct slugs: the most populous keeps the plain one.
    parsed.sort(key=lambda r: (fold(r[0]), -int(r[6]), r[7]))
    places, variants, used = [], {}, set()
    for name, municipality, province, country, lat, lon, population, _id, names in parsed:
        slug = slugify(name)
        if slug in used:
            slug = f"{slug}-{province}"
        if slug in used:
            slug = f"{slug}-{_id}"
        used.add(slug)
        place = Place(slug, name, municipality, province, country, float(lat), float(lon), int(population), named.get(province, province))
        places.append(place)
        for key in filter(None, names.split("|")):
            variants.setdefault(key, []).append(place)
    return Gazetteer(places, variants)
