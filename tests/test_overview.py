"""The overview page: region tile map and bar charts, computed from the catalogue."""

from __future__ import annotations

import datetime
import html
import re
from collections import Counter

from showcase import overview
from showcase.catalogue import Catalogue
from showcase.model import Case


def make(slug, region=("utrecht",), types=("dienst",), domain=("energie",), added=(2026, 11, 1), started=None):
    return Case(slug=slug, path=f"cases/{slug}.md", title=slug.title(), summary="Een samenvatting van twintig tekens.",
                innovation_type=types, domain=domain, region=region, added=datetime.date(*added), body="Tekst.", started=started)


def by_slug(places: list[dict]) -> dict[str, dict]:
    return {place["slug"]: place for place in places}


# --- the tile map ----------------------------------------------------------

def test_shade_is_zero_without_cases_and_darkest_for_the_highest_count():
    assert [overview.shade(count, 6) for count in (0, 1, 2, 3, 4, 5, 6)] == [0, 1, 1, 2, 2, 3, 3]


def test_legend_names_the_counts_behind_each_shade_in_use():
    assert overview.legend(6) == [{"shade": 0, "text": "0"}, {"shade": 1, "text": "1–2"}, {"shade": 2, "text": "3–4"}, {"shade": 3, "text": "5–6"}]
    assert overview.legend(1) == [{"shade": 0, "text": "0"}, {"shade": 3, "text": "1"}]


def test_tile_labels_break_after_a_hyphen_and_before_a_bracket():
    assert overview.label_lines("Noord-Brabant") == ["Noord-", "Brabant"]
    assert overview.label_lines("Limburg (BE)") == ["Limburg", "(BE)"]
    assert overview.label_lines("Utrecht") == ["Utrecht"]


def test_every_region_of_the_vocabulary_is_a_tile_or_a_group_label(vocabulary):
    assert set(overview.TILES) | set(overview.GROUPS) == set(vocabulary.slugs("region"))
    assert set(overview.GROUPS) == {t.slug for t in vocabulary.terms("region") if t.children}


def test_no_two_places_on_the_map_share_a_cell():
    cells = [(column + step, row) for column, row, wide in [*overview.TILES.values(), *overview.GROUPS.values()] for step in range(wide)]
    assert len(cells) == len(set(cells))


def test_province_tile_counts_its_cases_and_its_group_counts_everything_below(vocabulary):
    catalogue = Catalogue([make("a", region=("antwerpen",)), make("b", region=("antwerpen", "limburg-be")), make("c", region=("vlaanderen",))], vocabulary)
    result = overview.tile_map(catalogue)
    tiles, groups = by_slug(result["tiles"]), by_slug(result["groups"])
    assert tiles["antwerpen"]["count"] == 2 and tiles["limburg-be"]["count"] == 1
    assert groups["vlaanderen"]["count"] == 3 and groups["belgie"]["count"] == 3 and groups["nederland"]["count"] == 0


def test_case_tagged_only_with_a_higher_region_is_in_no_tile(vocabulary):
    result = overview.tile_map(Catalogue([make("land", region=("nederland",))], vocabulary))
    assert all(tile["count"] == 0 for tile in result["tiles"])
    assert by_slug(result["groups"])["nederland"]["count"] == 1


def test_tiles_are_shaded_relative_to_the_busiest_tile(vocabulary):
    cases = [make(f"u{n}", region=("utrecht",)) for n in range(3)] + [make("z", region=("zeeland",))]
    tiles = by_slug(overview.tile_map(Catalogue(cases, vocabulary))["tiles"])
    assert (tiles["utrecht"]["shade"], tiles["zeeland"]["shade"], tiles["drenthe"]["shade"]) == (3, 1, 0)


def test_tiles_link_to_their_region_showcase_pages(vocabulary):
    tiles = by_slug(overview.tile_map(Catalogue([], vocabulary))["tiles"])
    assert tiles["west-vlaanderen"]["url"] == "regio/west-vlaanderen/"


def test_tile_names_its_count_in_words(vocabulary):
    tiles = by_slug(overview.tile_map(Catalogue([make("a", region=("zeeland",))], vocabulary))["tiles"])
    assert (tiles["zeeland"]["cases"], tiles["utrecht"]["cases"]) == ("1 praktijkvoorbeeld", "0 praktijkvoorbeelden")


def test_region_table_lists_every_region_in_tree_order_with_its_depth(vocabulary):
    table = overview.tile_map(Catalogue([make("a", region=("antwerpen",))], vocabulary))["table"]
    assert [row["label"] for row in table][:3] == ["België", "Vlaanderen", "Antwerpen"]
    assert [row["depth"] for row in table][:3] == [0, 1, 2]
    assert len(table) == len(vocabulary.slugs("region"))


# --- bar charts ------------------------------------------------------------

def test_facet_counts_list_every_value_most_cases_first(vocabulary):
    catalogue = Catalogue([make("a", types=("product", "dienst")), make("b", types=("dienst",))], vocabulary)
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
    """The count drawn on each region's tile or group label."""
    found = re.findall(r'data-region="([^"]+)">.*?class="si-(?:tile|group)__count"[^>]*>(\d+)', page, re.S)
    return {slug: int(count) for slug, count in found}


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
    assert nonzero(map_counts(page)) == dict(expected)
    assert nonzero(chart_table(page, "per-regio")) == {vocabulary.label("region", slug): count for slug, count in expected.items()}


def test_overview_tiles_link_to_region_pages(built):
    page = built.html("overzicht")
    assert '<a class="si-tile si-shade-3" xlink:href="../regio/oost-vlaanderen/"' in page
    assert 'xlink:href="../regio/nederland/"' in page


def test_overview_charts_are_named_images_with_a_table_alternative(built):
    page = built.html("overzicht")
    assert page.count('role="img"') == 4 == page.count("<summary>Als tabel</summary>") - 1
    assert '<title id="per-domein-titel">' in page


def test_overview_is_in_the_navigation_under_ontdekken(built):
    assert 'href="../overzicht/"' in built.html("domein")


def test_clicking_a_map_tile_opens_its_region_page(page, served):
    page.goto(served + "overzicht/")
    page.click('[data-region="oost-vlaanderen"]')
    page.wait_for_url("**/regio/oost-vlaanderen/")
    assert page.inner_text("h1") == "Oost-Vlaanderen"


def accessible_links(page) -> set[str]:
    """Link names as Chromium exposes them to assistive technology."""
    nodes = page.context.new_cdp_session(page).send("Accessibility.getFullAXTree")["nodes"]
    return {node.get("name", {}).get("value") for node in nodes if node["role"]["value"] == "link"}


def test_map_tiles_are_named_links_reachable_by_keyboard(page, served):
    page.goto(served + "overzicht/")
    assert {"Utrecht, 1 praktijkvoorbeeld", "Nederland, 2 praktijkvoorbeelden in totaal", "Zeeland, 0 praktijkvoorbeelden"} <= accessible_links(page)
    page.focus('[data-region="utrecht"]')
    assert page.evaluate("document.activeElement.dataset.region") == "utrecht"
