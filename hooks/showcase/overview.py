"""The overview page: counts over all cases, as a region tile map and bar charts.

Python computes every number and coordinate here; `overrides/overview.html`
and its partials only write them out as SVG and tables.
"""

from __future__ import annotations

import re
from collections import Counter

from . import addresses
from .catalogue import Catalogue
from .model import Case

SOURCE = "overzicht.md"

# The tile map: (column, row, columns wide) per region, north up, west left.
# Roughly where each lies, not geography: Nederland above, België below,
# Europa apart in the corner.
TILES = {
    "europa": (0, 0, 1),
    "friesland": (3, 0, 1), "groningen": (4, 0, 1),
    "noord-holland": (2, 1, 1), "flevoland": (3, 1, 1), "drenthe": (4, 1, 1),
    "zuid-holland": (1, 2, 1), "utrecht": (2, 2, 1), "gelderland": (3, 2, 1), "overijssel": (4, 2, 1),
    "zeeland": (1, 3, 1), "noord-brabant": (2, 3, 1), "limburg-nl": (3, 3, 1),
    "west-vlaanderen": (0, 4, 1), "oost-vlaanderen": (1, 4, 1), "antwerpen": (2, 4, 1), "limburg-be": (3, 4, 1),
    "brussel": (1, 5, 1), "vlaams-brabant": (2, 5, 1),
    "wallonie": (0, 6, 4),
}
# Regions with regions below them get a label in an empty cell near their
# tiles instead of a tile: their count includes everything below them.
GROUPS = {"nederland": (0, 1, 2), "vlaanderen": (4, 4, 1), "belgie": (3, 5, 2)}

TILE = 76  # side of a tile, in SVG units
GAP = 4
SHADES = 3  # shades for tiles with cases; shade 0 is a tile without any

CHART_WIDTH = 360
BAR_ROW = 34  # a label line, its bar below it, and some air
BAR_HEIGHT = 12
COUNT_ROOM = 36  # kept free right of the longest bar for its count
UNKNOWN = "onbekend"


# --- the tile map ----------------------------------------------------------

def shade(count: int, highest: int) -> int:
    """0 for no cases, else 1..SHADES in equal steps up to the highest count."""
    if count == 0:
        return 0
    return -(-count * SHADES // highest)


def legend(highest: int) -> list[dict]:
    """The count range behind each shade in use: `0`, `1`, `2–3`, ..."""
    ranges: dict[int, list[int]] = {0: [0]}
    for count in range(1, highest + 1):
        ranges.setdefault(shade(count, highest), []).append(count)
    return [{"shade": level, "text": _range_text(counts[0], counts[-1])} for level, counts in sorted(ranges.items())]


def _range_text(low: int, high: int) -> str:
    return str(low) if low == high else f"{low}–{high}"


def label_lines(label: str) -> list[str]:
    """A label broken to fit a tile: after a hyphen, before a bracket."""
    return [part for part in re.split(r"(?<=-)|\s+", label) if part]


def cases_text(count: int) -> str:
    return "1 praktijkvoorbeeld" if count == 1 else f"{count} praktijkvoorbeelden"


def _cell(column: int, row: int, wide: int) -> dict:
    return {"x": column * (TILE + GAP), "y": row * (TILE + GAP), "width": wide * TILE + (wide - 1) * GAP, "height": TILE}


def _text_positions(cell: tuple[int, int, int], lines: list[str], top: int, bottom: int) -> dict:
    """Centred name lines from `top` below the cell's top, the count `bottom` above its bottom."""
    box = _cell(*cell)
    return {"text_x": box["x"] + box["width"] / 2,
            "lines": [{"text": line, "y": box["y"] + top + 13 * index} for index, line in enumerate(lines)],
            "count_y": box["y"] + TILE - bottom}


def tile_map(catalogue: Catalogue) -> dict:
    """Every region on its tile or group label, counted as on its showcase page."""
    vocabulary = catalogue.vocabulary
    counts = {slug: catalogue.count("region", slug) for slug in vocabulary.slugs("region")}
    highest = max((counts[slug] for slug in TILES if slug in counts), default=0)

    def place(slug: str, cell: tuple[int, int, int], top: int, bottom: int) -> dict:
        label = vocabulary.label("region", slug)
        return {"slug": slug, "label": label, "count": counts[slug], "cases": cases_text(counts[slug]), "url": addresses.term_url("region", slug),
                **_cell(*cell), **_text_positions(cell, label_lines(label), top, bottom)}

    columns = max(c + w for c, _, w in [*TILES.values(), *GROUPS.values()])
    rows = max(r for _, r, _ in [*TILES.values(), *GROUPS.values()]) + 1
    return {
        "width": columns * (TILE + GAP) - GAP,
        "height": rows * (TILE + GAP) - GAP,
        "tiles": [{**place(slug, cell, 18, 12), "shade": shade(counts[slug], highest)} for slug, cell in TILES.items() if slug in counts],
        "groups": [place(slug, cell, 32, 24) for slug, cell in GROUPS.items() if slug in counts],
        "legend": legend(highest),
        "table": [{"label": vocabulary.label("region", slug), "count": counts[slug], "url": addresses.term_url("region", slug),
                   "depth": vocabulary.depth(slug)} for slug in vocabulary.slugs("region")],
    }


# --- bar charts ------------------------------------------------------------

def facet_counts(catalogue: Catalogue, facet: str) -> list[dict]:
    """Every value of a facet with its count, most cases first."""
    rows = [{"label": term.label, "count": catalogue.count(facet, term.slug), "url": addresses.term_url(facet, term.slug)}
            for term in catalogue.vocabulary.terms(facet)]
    return sorted(rows, key=lambda row: -row["count"])


def per_year_added(cases: list[Case]) -> list[dict]:
    """Cases per year of `added`, every year from the first to the last."""
    counts = Counter(case.added.year for case in cases)
    years = range(min(counts), max(counts) + 1) if counts else []
    return [{"label": str(year), "count": counts[year]} for year in years]


def per_decade_started(cases: list[Case]) -> list[dict]:
    """Cases per decade of `started`, every decade in between; the rest as `onbekend`."""
    counts = Counter(case.started // 10 * 10 for case in cases if case.started is not None)
    decades = range(min(counts), max(counts) + 1, 10) if counts else []
    rows = [{"label": f"{decade}–{decade + 9}", "count": counts[decade]} for decade in decades]
    unknown = sum(1 for case in cases if case.started is None)
    if unknown:
        rows.append({"label": UNKNOWN, "count": unknown, "unknown": True})
    return rows


def bar_chart(key: str, title: str, column: str, rows: list[dict], note: str = "") -> dict:
    """Horizontal bars, one row each: its label above, its count after the bar."""
    longest = max((row["count"] for row in rows), default=0) or 1
    room = CHART_WIDTH - COUNT_ROOM
    bars = []
    for index, row in enumerate(rows):
        top = index * BAR_ROW
        width = round(row["count"] * room / longest, 1)
        bars.append({**row, "label_y": top + 12, "bar_y": top + 17, "width": width,
                     "count_x": width + 6, "count_y": top + 17 + BAR_HEIGHT - 1})
    return {"key": key, "title": title, "column": column, "note": note, "width": CHART_WIDTH, "height": max(len(rows) * BAR_ROW, BAR_ROW),
            "bar_height": BAR_HEIGHT, "bars": bars}


def view(catalogue: Catalogue) -> dict:
    cases = catalogue.cases
    return {
        "kind": "overview",
        "count": len(cases),
        "map": tile_map(catalogue),
        "charts": [
            bar_chart("per-type", "Per innovatietype", "Innovatietype", facet_counts(catalogue, "innovation_type"),
                      "Een voorbeeld met meer dan één type telt bij elk van zijn types."),
            bar_chart("per-domein", "Per domein", "Domein", facet_counts(catalogue, "domain"),
                      "Een voorbeeld met meer dan één domein telt bij elk van zijn domeinen."),
            bar_chart("per-jaar", "Toegevoegd per jaar", "Jaar", per_year_added(cases),
                      "Het jaar waarin het voorbeeld aan deze site werd toegevoegd."),
            bar_chart("per-decennium", "Gestart per decennium", "Decennium", per_decade_started(cases),
                      f"Het jaar waarin het initiatief begon; voorbeelden zonder startjaar staan onder ‘{UNKNOWN}’."),
        ],
    }
