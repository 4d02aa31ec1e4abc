"""The overview page: counts over all cases, as a map (geomap.py) and bar charts.

Python computes every number and coordinate here; `overrides/overview.html`
and its partials only write them out as SVG and tables.
"""

from __future__ import annotations

from collections import Counter

from . import addresses, geomap
from .catalogue import Catalogue
from .model import Case

CHART_WIDTH = 360
BAR_ROW = 34  # a label line, its bar below it, and some air
BAR_HEIGHT = 12
COUNT_ROOM = 36  # kept free right of the longest bar for its count
UNKNOWN = "onbekend"


def region_table(catalogue: Catalogue) -> list[dict]:
    """Every region with its count, in the taxonomy's tree order."""
    vocabulary = catalogue.vocabulary
    return [{"label": vocabulary.label("region", slug), "count": catalogue.count("region", slug), "url": addresses.term_url("region", slug),
             "depth": vocabulary.depth(slug)} for slug in vocabulary.slugs("region")]


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
        "map": geomap.geo_map(catalogue),
        "regions": region_table(catalogue),
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
