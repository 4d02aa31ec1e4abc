"""Open data: the JSON export and the Atom feed, newest `added` first."""

from __future__ import annotations

import datetime
import json
from xml.etree import ElementTree as ET

from . import addresses
from .catalogue import CASE_FIELDS, Catalogue, values_of
from .model import Case
from .reuse import make_now, value_print
from .views import CARD_CHIPS, short_label

ATOM = "http://www.w3.org/2005/Atom"
# The facets whose labels the catalogue's text search reads, beside titles,
# organisations, partners and summaries.
SEARCHED_FACETS = ("innovation_type", "domain", "region", "place", "target_group")
# The data's licence, as the JSON export, the feed and the CSV name it.
LICENCE = {"id": "CC-BY-4.0", "name": "Creative Commons Naamsvermelding 4.0 Internationaal",
           "url": "https://creativecommons.org/licenses/by/4.0/deed.nl"}
RIGHTS = "Teksten en open data vrij te hergebruiken onder CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/deed.nl), met vermelding van de bron."


def absolute(base_url: str, path: str) -> str:
    """A site path as a full URL when the site's address is known, else root-relative.

    `path` comes from `addresses` (relative, no `..`), so joining is appending;
    urljoin's general parsing cost 2 s per 10,000 cases for the same result.
    """
    if base_url:
        return (base_url if base_url.endswith("/") else base_url + "/") + path
    return "/" + path


def case_record(case: Case, base_url: str) -> dict:
    """One case as open data: required fields always, optional ones when present."""
    record = {
        "slug": case.slug,
        "title": case.title,
        "summary": case.summary,
        "url": absolute(base_url, addresses.case_url(case.slug)),
        "innovation_type": list(case.innovation_type),
        "domain": list(case.domain),
        "region": list(case.region),
        "added": case.added.isoformat(),
        "checked": case.checked_on.isoformat(),
        "stage": case.stage,
        "featured": case.featured,
    }
    if case.place:
        record["place"] = [place_record(place) for place in case.place]
    if case.target_group:
        record["target_group"] = list(case.target_group)
    if case.sdg:
        record["sdg"] = list(case.sdg)
    if case.actors:
        record["actors"] = list(case.actors)
    for key in ("organisation", "started", "website", "image_alt"):
        value = getattr(case, key)
        if value is not None:
            record[key] = value
    if case.image:
        record["image"] = absolute(base_url, addresses.image_url(case.image))
    if case.partners:
        record["partners"] = [{"name": p.name, "role": p.role} for p in case.partners]
    if case.sources:
        record["sources"] = [{"title": s.title, **({"url": s.url} if s.url else {}), **({"date": s.date} if s.date else {})} for s in case.sources]
    return record


def place_record(place) -> dict:
    return {"slug": place.slug, "name": place.name, "province": place.province, "lat": place.lat, "lon": place.lon}


def to_json(catalogue: Catalogue, base_url: str, generated: datetime.datetime, derive=make_now) -> str:
    """The export: the licence, when it was made, and every case.

    Each case's JSON is made on its own and joined, the very text one
    `json.dumps` of the whole would give; `derive` (a preview server's
    `reuse.CaseCache.derive`) may keep it for a case that has not changed."""
    records = [derive(f"json {base_url}", case, lambda case=case: _compact(case_record(case, base_url))) for case in catalogue.cases]
    head = _compact({"licence": LICENCE, "generated": generated.isoformat(timespec="seconds").replace("+00:00", "Z")})
    return head[:-1] + ',"cases":[' + ",".join(records) + "]}"


def catalogue_index(catalogue: Catalogue, page_size: int, thumbnails: dict[str, str] | None = None, derive=make_now) -> str:
    """What the catalogue's script needs to filter, count and draw cards.

    One short record per case, newest first: slug, title, each facet's
    values as positions in the facet's list (as written; the script widens
    regions through `parent`) and, for a case with an image, its thumbnail's
    address (`thumbnails` maps a case's image to it). Summaries,
    organisations and partners are in `catalogue_text`, fetched after the
    first results: this file is all the filters wait for.

    Beside them, what the script would otherwise repeat: the URL parameters
    of the search words and the order, the orders (`sorteer` value and what
    it sorts on, the default first), how many cards it shows at a time (as
    many as a listing page holds without it), and the addresses of case
    pages and of the site search. `derive` may keep a case's record while
    the case is unchanged (as in `to_json`).
    """
    thumbnails = thumbnails or {}
    vocabulary = catalogue.vocabulary
    positions = {facet: {slug: index for index, slug in enumerate(vocabulary.slugs(facet))} for facet in CASE_FIELDS}
    facets = {
        # Only regions widen to a parent: a place's `parent` (its province)
        # is another facet's value, and may share its slug (Utrecht).
        addresses.QUERY_PARAMETERS[facet]: [{"slug": t.slug, "label": t.label, "parent": t.parent if facet == "region" else None,
                                             **({"short": short_label(facet, t.slug)} if short_label(facet, t.slug) else {})}
                                            for t in vocabulary.terms(facet)]
        for facet in CASE_FIELDS
    }
    def record(case: Case) -> str:
        fields = [case.slug, case.title, [[positions[facet][slug] for slug in values_of(case, facet)] for facet in CASE_FIELDS]]
        if case.image in thumbnails:
            fields.append(thumbnails[case.image])
        return _compact(fields)

    # A kept record holds only while the positions hold: the places listed change with the cases.
    kind = "catalogue index " + value_print(positions, thumbnails)
    records = [derive(kind, case, lambda case=case: record(case)) for case in catalogue.cases]
    head = _compact({
        "fields": [addresses.QUERY_PARAMETERS[f] for f in CASE_FIELDS], "facets": facets,
        "parameters": {"search": addresses.SEARCH_PARAMETER, "sort": addresses.SORT_PARAMETER},
        "sorts": [[value, on] for value, (on, _label) in addresses.SORTS.items()], "page_size": page_size,
        "card": {"chips": [[addresses.QUERY_PARAMETERS[facet], kind] for facet, kind in CARD_CHIPS],
                 "places": addresses.QUERY_PARAMETERS["place"]},
        "searched": [addresses.QUERY_PARAMETERS[facet] for facet in SEARCHED_FACETS],
        "case_folder": addresses.CATALOGUE, "search_url": addresses.SEARCH_PAGE,
    })
    return head[:-1] + ',"cases":[' + ",".join(records) + "]}"


def _compact(value) -> str:
    # Compact: with `indent`, json falls back from its C encoder to Python (3 s at 10,000 cases).
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def catalogue_text(catalogue: Catalogue) -> str:
    """Per case, in the same order: summary, organisation and partners.

    The catalogue's search reads these with the title and the case's labels.
    The stories are searched by the site search (`search.py`): at 10,000
    cases they would make this file 3.4 MB gzip instead of a few hundred kB.
    """
    records = [[case.summary, case.organisation or "", " ".join(p.name for p in case.partners)] for case in catalogue.cases]
    return json.dumps({"cases": records}, ensure_ascii=False, separators=(",", ":"))


FEED_ENTRIES = 50  # the newest cases; a reader polls the feed, the JSON export has them all


def to_atom(catalogue: Catalogue, site_name: str, base_url: str) -> str:
    """A valid Atom 1.0 feed of the newest cases; ElementTree escapes every value for XML."""
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "nl"})
    _text(feed, "title", site_name)
    _text(feed, "subtitle", "Nieuwe praktijkvoorbeelden van sociale innovatie")
    _text(feed, "id", absolute(base_url, addresses.FEED))
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="self", href=absolute(base_url, addresses.FEED))
    ET.SubElement(feed, f"{{{ATOM}}}link", rel="alternate", href=absolute(base_url, addresses.CATALOGUE))
    newest = catalogue.cases[0].added if catalogue.cases else datetime.date(2000, 1, 1)
    _text(feed, "updated", _timestamp(newest))
    author = ET.SubElement(feed, f"{{{ATOM}}}author")
    _text(author, "name", site_name)
    _text(feed, "rights", RIGHTS)
    for case in catalogue.cases[:FEED_ENTRIES]:
        entry = ET.SubElement(feed, f"{{{ATOM}}}entry")
        url = absolute(base_url, addresses.case_url(case.slug))
        _text(entry, "title", case.title)
        _text(entry, "id", url)
        ET.SubElement(entry, f"{{{ATOM}}}link", rel="alternate", type="text/html", href=url)
        _text(entry, "updated", _timestamp(case.added))
        _text(entry, "published", _timestamp(case.added))
        _text(entry, "summary", case.summary)
        for facet in ("innovation_type", "domain", "region", "place", "target_group", "sdg"):
            for slug in values_of(case, facet):
                ET.SubElement(entry, f"{{{ATOM}}}category", term=slug, label=catalogue.vocabulary.label(facet, slug), scheme=absolute(base_url, addresses.facet_index_url(facet)))
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(feed, encoding="unicode")


def _text(parent: ET.Element, name: str, value: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{name}")
    element.text = value
    return element


def _timestamp(day: datetime.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"
