"""The landscape map: provinces of Belgium and the Netherlands, a pin per place.

Outlines come from `data/provinces.json` (made by scripts/make_gazetteer.py;
sources in data/SOURCES.md). Python projects every coordinate and sizes every
pin; `overrides/partials/geo-map.html` only writes the SVG. Each province
links to its region page and each pin to its place page, so the map works
without JavaScript; the table beside it says the same in words.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from pathlib import Path

from . import addresses
from .catalogue import Catalogue

OUTLINES = Path(__file__).with_name("data") / "provinces.json"
WIDTH = 560  # SVG units; the map scales to its container
WEST, EAST, SOUTH, NORTH = 2.45, 7.30, 49.45, 53.60
MID_LATITUDE = 51.5
PIN_MIN, PIN_MAX = 3.0, 14.0
SHADES = 3


def _scale() -> float:
    return WIDTH / ((EAST - WEST) * math.cos(math.radians(MID_LATITUDE)))


HEIGHT = round((NORTH - SOUTH) * _scale())


def project(lon: float, lat: float) -> tuple[float, float]:
    """Longitude and latitude to SVG x and y: an equirectangular projection
    around 51.5° N, good enough for two small countries."""
    scale = _scale()
    return (round((lon - WEST) * math.cos(math.radians(MID_LATITUDE)) * scale, 1),
            round((NORTH - lat) * scale, 1))


def _ring(ring: list) -> str:
    points = [project(lon, lat) for lon, lat in ring]
    kept = [points[0]] + [p for previous, p in zip(points, points[1:]) if p != previous]
    return "M" + "L".join(f"{x:g} {y:g}" for x, y in kept) + "Z"


def path_data(geometry: dict) -> str:
    polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return "".join(_ring(ring) for polygon in polygons for ring in polygon)


@lru_cache(maxsize=1)
def outlines() -> dict[str, str]:
    """SVG path data per region slug; read once per process."""
    data = json.loads(OUTLINES.read_text(encoding="utf-8"))
    return {slug: path_data(geometry) for slug, geometry in data.items()}


def pin_radius(count: int, highest: int) -> float:
    """Area grows with the number of cases: the radius with its square root."""
    if highest <= 1:
        return PIN_MIN + 1
    return round(PIN_MIN + (PIN_MAX - PIN_MIN) * math.sqrt((count - 1) / (highest - 1)), 1)


def shade(count: int, highest: int) -> int:
    if count == 0:
        return 0
    return -(-count * SHADES // highest)


def cases_text(count: int) -> str:
    return "1 praktijkvoorbeeld" if count == 1 else f"{count} praktijkvoorbeelden"


def geo_map(catalogue: Catalogue) -> dict:
    vocabulary = catalogue.vocabulary
    shapes = outlines()
    counts = {slug: catalogue.count("region", slug) for slug in shapes if slug in vocabulary.facets["region"]}
    highest_region = max(counts.values(), default=0)
    regions = [{"slug": slug, "label": vocabulary.label("region", slug), "count": count, "cases": cases_text(count),
                "url": addresses.term_url("region", slug), "d": shapes[slug], "shade": shade(count, highest_region)}
               for slug, count in counts.items()]
    places = catalogue.places()
    place_counts = {place.slug: catalogue.count("place", place.slug) for place in places}
    highest = max(place_counts.values(), default=0)
    pins = []
    for place in sorted(places, key=lambda p: -place_counts[p.slug]):  # small pins drawn last, on top
        x, y = project(place.lon, place.lat)
        count = place_counts[place.slug]
        pins.append({"slug": place.slug, "label": place.name, "province": place.province_name, "count": count,
                     "cases": cases_text(count), "url": addresses.term_url("place", place.slug),
                     "x": x, "y": y, "r": pin_radius(count, highest)})
    return {
        "width": WIDTH, "height": HEIGHT, "regions": regions, "pins": pins,
        "legend": [{"count": c, "r": pin_radius(c, highest)} for c in sorted({1, max(1, highest // 2), highest}) if c <= max(highest, 1)],
        "table": sorted(({"label": pin["label"], "province": pin["province"], "count": pin["count"], "url": pin["url"]} for pin in pins),
                        key=lambda row: (-row["count"], row["label"].casefold())),
    }
