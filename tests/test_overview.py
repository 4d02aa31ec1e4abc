"""The overview page: the map of places and provinces and the bar charts, computed from the catalogue."""

from __future__ import annotations

import html
import re
from collections import Counter

from helpers import make_case as make
from showcase import geomap, overview
from showcase.places import load as gazetteer
from showcase.catalogue import Catalogue


def by_slug(places: list[dict]) -> dict[str, dict]:
    return {place["slug"]: place for place in places}


# --- the map ----------------------------------------------------------------

GENT = gazetteer().find("Gent").place
LEDEBERG = gazetteer().find("Ledeberg").place
UTRECHT = gazetteer().find("Utrecht").place


def test_projection_puts_the_north_up_and_the_west_left():
    gent_x, gent_y = geomap.project(GENT.lon, GENT.lat)
    utrecht_x, utrecht_y = geomap.project(UTRECHT.lon, UTRECHT.lat)
    assert gent_x < utrecht_x and gent_y > utrecht_y
    assert 0 <= gent_x <= geomap.WIDTH and 0 <= utrecht_y <= geomap.HEIGHT


def test_every_province_and_brussels_has_an_outline(vocabulary):
    provinces = {slug for slug in vocabulary.slugs("region") if vocabulary.depth(slug) == 2} | {"brussel", "wallonie"}
    assert provinces <= set(geomap.outlines())


def test_outlines_are_closed_svg_paths():
    assert all(re.fullmatch(r"(M[-\d. L]+Z)+", d.replace("L", " L ")) or d.startswith("M") and d.endswith("Z") for d in geomap.outlines().values())


def test_a_pin_per_place_counts_its_cases(vocabulary):
    cases = [make("a", region=("oost-vlaanderen",), place=(GENT,)), make("b", region=("oost-vlaanderen",), place=(GENT, LEDEBERG))]
    pins = by_slug(geomap.geo_map(Catalogue(cases, vocabulary))["pins"])
    assert {slug: pin["count"] for slug, pin in pins.items()} == {"gent": 2, "ledeberg": 1}
    assert pins["gent"]["url"] == "plaats/gent/"


def test_pin_area_grows_with_its_number_of_cases():
    assert geomap.pin_radius(1, 9) == geomap.PIN_MIN
    assert geomap.pin_radius(9, 9) == geomap.PIN_MAX
    assert geomap.pin_radius(2, 9) < geomap.pin_radius(5, 9) < geomap.pin_radius(9, 9)


def test_provinces_link_to_their_region_pages_with_counts(vocabulary):
    regions = by_slug(geomap.geo_map(Catalogue([make("a", region=("utrecht",))], vocabulary))["regions"])
    assert regions["utrecht"]["url"] == "regio/utrecht/" and regions["utrecht"]["count"] == 1 and regions["utrecht"]["shade"] == 3
    assert regions["zeeland"]["shade"] == 0


def test_place_table_lists_places_most_cases_first(vocabulary):
    cases = [make("a", place=(UTRECHT,)), make("b", region=("oost-vlaanderen",), place=(GENT,)), make("c", region=("oost-vlaanderen",), place=(GENT,))]
    table = geomap.geo_map(Catalogue(cases, vocabulary))["table"]
    assert [(row["label"], row["count"]) for row in table] == [("Gent", 2), ("Utrecht", 1)]


def test_region_table_lists_every_region_in_tree_order_with_its_depth(vocabulary):
    table = overview.region_table(Catalogue([make("a", region=("antwerpen",))], vocabulary))
    assert [row["label"] for row in table][:3] == ["België", "Vlaanderen", "Antwerpen"]
    assert [row["depth"] for row in table][:3] == [0, 1, 2]
    assert table[2]["count"] == 1


def test_facet_counts_list_every_value_most_cases_first(vocabulary):
    catalogue = Catalogue([make("a", innovation_type=("product", "dienst")), make("b", innovation_type=("dienst",))], vocabulary)
    rows = overview.facet_counts(catalogue, "innovation_type")
    assert [(row["label"], row["count"]) for row in rows[:2]] == [("Dienst", 2), ("Product", 1)]
    assert len(rows) == len(vocabulary.slugs("innovation_type")) and rows[-1]["count"] == 0


def test_years_without_added_cases_still_get_a_bar():
    rows = overview.per_year_added([make("a", added=(2024, 1, 1)), make("b", added=(2026, 5, 1))])
    assert [(row["label"], row["count"]) for row in rows] == [("2024", 1), ("2025", 0), ("2026", 1)]


def test_cases_without_a_start_year_are_counted_as_unknown_after_the_decades():
    rows = overview.per_decade_started([make("a", started=1995), make("b", started=2016), make("c"), make("d")])
    assert [(row["label"], row["count"]) for row in rows] == [("1990–1999", 1), ("2000–2009", 0), ("2010–2019", 1), ("onbekend", 2)]


def test_no_unknown_bar_when_every_case_has_a_start_year():
    assert [row["label"] for row in overview.per_decade_started([make("a", started=2001)])] == ["2000–2009"]


def test_longest_bar_fills_the_room_left_for_its_count_and_others_are_proportional():
    chart = overview.bar_chart("k", "Titel", "Kolom", [{"label": "a", "count": 4}, {"label": "b", "count": 1}, {"label": "c", "count": 0}])
    widths = [bar["width"] for bar in chart["bars"]]
    assert widths == [overview.CHART_WIDTH - overview.COUNT_ROOM, (overview.CHART_WIDTH - overview.COUNT_ROOM) / 4, 0]
    assert chart["height"] == 3 * overview.BAR_ROW
    assert [bar["bar_y"] for bar in chart["bars"]] == sorted({bar["bar_y"] for bar in chart["bars"]})


def test_overview_of_an_empty_catalogue_has_empty_charts(vocabulary):
    view = overview.view(Catalogue([], vocabulary))
    assert view["count"] == 0
    assert [chart["bars"] for chart in view["charts"]][2:] == [[], []]


# --- the built page --------------------------------------------------------

def chart_table(page: str, key: str) -> dict[str, int]:
    """The label → count rows of one chart's table alternative."""
    table = page.split(f'data-si-chart="{key}"', 1)[1].split("</details>", 1)[0]
    rows = re.findall(r"<tr><th scope=\"row\"[^>]*>(?:<a [^>]*>)?([^<]+)(?:</a>)?</th><td>(\d+)</td></tr>", table)
    return {html.unescape(label): int(count) for label, count in rows}


def chart_bars(page: str, key: str) -> dict[str, int]:
    """The label → count pairs drawn in one chart's SVG."""
    svg = page.split(f'aria-labelledby="{key}-titel"', 1)[1].split("</svg>", 1)[0]
    pairs = re.findall(r'class="si-bar__label"[^>]*>([^<]+)</text>.*?class="si-bar__count"[^>]*>(\d+)</text>', svg, re.S)
    return {html.unescape(label): int(count) for label, count in pairs}


def map_counts(page: str) -> dict[str, int]:
    """The count each province of the map names."""
    found = re.findall(r'aria-label="[^"]*, (\d+) praktijkvoorbeeld(?:en)?" data-region="([^"]+)"', page)
    return {slug: int(count) for count, slug in found}


def pin_counts(page: str) -> dict[str, int]:
    found = re.findall(r'aria-label="[^"]*, (\d+) praktijkvoorbeeld(?:en)?" data-place="([^"]+)"', page)
    return {slug: int(count) for count, slug in found}


def export_counts(built, vocabulary) -> dict[str, Counter]:
    records = built.export()["cases"]
    regions = Counter(r for record in records for r in vocabulary.with_ancestors(tuple(record["region"])))
    return {
        "per-type": Counter(vocabulary.label("innovation_type", s) for record in records for s in record["innovation_type"]),
        "per-domein": Counter(vocabulary.label("domain", s) for record in records for s in record["domain"]),
        "per-jaar": Counter(record["added"][:4] for record in records),
        "per-decennium": Counter(f"{record['started'] // 10 * 10}–{record['started'] // 10 * 10 + 9}" if "started" in record else "onbekend"
                                 for record in records),
        "per-regio": regions,
    }


def nonzero(counts: dict[str, int]) -> dict[str, int]:
    return {key: count for key, count in counts.items() if count}


def test_overview_charts_draw_and_tabulate_the_json_exports_counts(built, vocabulary):
    page, expected = built.html("overzicht"), export_counts(built, vocabulary)
    for key in ("per-type", "per-domein", "per-jaar", "per-decennium"):
        assert nonzero(chart_table(page, key)) == dict(expected[key]), key
        assert chart_bars(page, key) == chart_table(page, key), key


def test_overview_map_and_its_table_show_the_json_exports_region_counts(built, vocabulary):
    page, expected = built.html("overzicht"), export_counts(built, vocabulary)["per-regio"]
    drawn = set(geomap.outlines())
    assert nonzero(map_counts(page)) == {slug: count for slug, count in expected.items() if slug in drawn}
    assert nonzero(chart_table(page, "per-regio")) == {vocabulary.label("region", slug): count for slug, count in expected.items()}


def test_overview_pins_show_the_json_exports_place_counts(built):
    expected = Counter(place["slug"] for record in built.export()["cases"] for place in record.get("place", []))
    assert pin_counts(built.html("overzicht")) == dict(expected)


def test_overview_pins_link_to_place_pages_and_provinces_to_region_pages(built):
    page = built.html("overzicht")
    assert 'xlink:href="../plaats/ledeberg/"' in page
    assert '<a class="si-region si-shade-3" role="link" xlink:href="../regio/oost-vlaanderen/"' in page


def test_overview_map_stays_small(built):
    svg = built.html("overzicht").split('<svg class="si-map__svg"', 1)[1].split("</svg>", 1)[0]
    assert len(svg.encode()) < 150_000


def test_overview_charts_are_named_images_with_a_table_alternative(built):
    page = built.html("overzicht")
    assert page.count('role="img"') == 4 == page.count("<summary>Als tabel</summary>")
    assert '<title id="per-domein-titel">' in page


def test_overview_is_in_the_navigation_under_ontdekken(built):
    assert 'href="../overzicht/"' in built.html("domein")


def test_clicking_a_pin_opens_its_place_page(page, served):
    page.goto(served + "overzicht/")
    page.click('[data-place="utrecht"]')
    page.wait_for_url("**/plaats/utrecht/")
    assert page.inner_text("h1") == "Utrecht"


def test_clicking_a_province_opens_its_region_page(page, served):
    page.goto(served + "overzicht/")
    page.click('[data-region="west-vlaanderen"]')
    page.wait_for_url("**/regio/west-vlaanderen/")
    assert page.inner_text("h1") == "West-Vlaanderen"


def accessible_links(page) -> set[str]:
    """Link names as Chromium exposes them to assistive technology."""
    nodes = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
    return {node.get("name", {}).get("value") for node in nodes if node["role"]["value"] == "link"}


def test_map_pins_and_provinces_are_named_links_reachable_by_keyboard(page, served):
    page.goto(served + "overzicht/")
    assert {"Utrecht, 1 praktijkvoorbeeld", "Ledeberg, 1 praktijkvoorbeeld", "Zeeland, 0 praktijkvoorbeelden"} <= accessible_links(page)
    page.focus('[data-region="utrecht"]')
    assert page.evaluate("document.activeElement.dataset.region") == "utrecht"
