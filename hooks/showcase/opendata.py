"""Open data for portals and spreadsheets: the CSV export and the DCAT-AP description.

The CSV has one row per case and a header row. Fields are separated by `;`
and the file starts with a UTF-8 byte-order mark: a spreadsheet in a Dutch
(or Belgian) locale uses `;` as its list separator and reads the BOM as
UTF-8, so accents survive a double click; Python reads it with
`csv.reader(open(path, encoding="utf-8-sig"), delimiter=";")`. A list
(domains, places, sources) is joined with ` | ` inside its field.

The DCAT-AP description (`dcat.ttl`, Turtle) names the data set, its licence
and publisher, and its three distributions (JSON, CSV, Atom feed): what the
Flemish and Dutch open-data portals harvest.
"""

from __future__ import annotations

import csv
import datetime
import io

from . import addresses
from .catalogue import Catalogue
from .export import LICENCE, absolute
from .reuse import make_now

SEPARATOR = ";"
LIST_JOIN = " | "
COLUMNS = (
    "slug", "title", "summary", "url", "organisation", "innovation_type", "domain", "region", "place", "province",
    "target_group", "sdg", "actors", "partners", "started", "stage", "website", "added", "checked", "sources",
)


def _join(values) -> str:
    return LIST_JOIN.join(str(value) for value in values)


def row(case, base_url: str) -> dict[str, str]:
    return {
        "slug": case.slug, "title": case.title, "summary": case.summary,
        "url": absolute(base_url, addresses.case_url(case.slug)), "organisation": case.organisation or "",
        "innovation_type": _join(case.innovation_type), "domain": _join(case.domain), "region": _join(case.region),
        "place": _join(place.name for place in case.place),
        "province": _join(dict.fromkeys(place.province for place in case.place)),
        "target_group": _join(case.target_group), "sdg": _join(case.sdg), "actors": _join(case.actors),
        "partners": _join(f"{partner.name} ({partner.role})" for partner in case.partners),
        "started": str(case.started or ""), "stage": case.stage, "website": case.website or "",
        "added": case.added.isoformat(), "checked": case.checked_on.isoformat(),
        "sources": _join(source.url or source.title for source in case.sources),
    }


def to_csv(catalogue: Catalogue, base_url: str, derive=make_now) -> str:
    """One line per case under a header; `derive` (a preview server's
    `reuse.CaseCache.derive`) may keep a line for a case that has not changed."""
    lines = [_line(dict(zip(COLUMNS, COLUMNS)))]
    for case in catalogue.cases:
        lines.append(derive(f"csv {base_url}", case, lambda case=case: _line(row(case, base_url))))
    return "\ufeff" + "".join(lines)


def _line(fields: dict[str, str]) -> str:
    # Every field quoted: a spreadsheet's import dialog may also split at
    # commas (LibreOffice ticks ',' ';' and tab at first use), never inside quotes.
    out = io.StringIO()
    csv.DictWriter(out, fieldnames=COLUMNS, delimiter=SEPARATOR, lineterminator="\r\n", quoting=csv.QUOTE_ALL).writerow(fields)
    return out.getvalue()


def _literal(text: str) -> str:
    """A Turtle string literal: quotes, backslashes and line breaks escaped."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    return f'"{escaped}"'


def to_dcat(catalogue: Catalogue, base_url: str, site_name: str, description: str, generated: datetime.datetime) -> str:
    """The data set and its distributions as DCAT-AP 2, in Turtle."""
    dataset = absolute(base_url, addresses.DCAT) + "#dataset"
    catalog = absolute(base_url, addresses.DCAT) + "#catalog"
    publisher = absolute(base_url, addresses.DCAT) + "#publisher"
    issued = min((case.added for case in catalogue.cases), default=generated.date()).isoformat()
    modified = max((case.checked_on for case in catalogue.cases), default=generated.date()).isoformat()
    distributions = [
        ("json", addresses.JSON_EXPORT, "application/json", "JSON", "Alle praktijkvoorbeelden als JSON"),
        ("csv", addresses.CSV_EXPORT, "text/csv", "CSV", "Alle praktijkvoorbeelden als CSV (puntkomma als scheidingsteken, UTF-8)"),
        ("feed", addresses.FEED, "application/atom+xml", "ATOM", "Nieuwe praktijkvoorbeelden als Atom-feed"),
    ]
    lines = [
        "@prefix dcat: <http://www.w3.org/ns/dcat#> .",
        "@prefix dct: <http://purl.org/dc/terms/> .",
        "@prefix foaf: <http://xmlns.com/foaf/0.1/> .",
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .",
        "@prefix vcard: <http://www.w3.org/2006/vcard/ns#> .",
        "",
        f"<{catalog}> a dcat:Catalog ;",
        f"    dct:title {_literal(site_name)}@nl ;",
        f"    dct:description {_literal(description)}@nl ;",
        f"    dct:publisher <{publisher}> ;",
        f"    foaf:homepage <{absolute(base_url, '')}> ;",
        f"    dct:language <http://publications.europa.eu/resource/authority/language/NLD> ;",
        f"    dcat:dataset <{dataset}> .",
        "",
        f"<{publisher}> a foaf:Agent ;",
        f"    foaf:name {_literal(site_name)}@nl .",
        "",
        f"<{dataset}> a dcat:Dataset ;",
        f"    dct:title {_literal('Praktijkvoorbeelden van sociale innovatie')}@nl ;",
        f"    dct:description {_literal(f'{len(catalogue.cases)} praktijkvoorbeelden van sociale innovatie uit Vlaanderen, Brussel en Nederland, met hun domein, type innovatie, plaats, doelgroep, duurzame-ontwikkelingsdoelen en bronnen.')}@nl ;",
        f"    dct:publisher <{publisher}> ;",
        f"    dct:license <{LICENCE['url']}> ;",
        f"    dct:issued {_literal(issued)}^^xsd:date ;",
        f"    dct:modified {_literal(modified)}^^xsd:date ;",
        "    dct:language <http://publications.europa.eu/resource/authority/language/NLD> ;",
        "    dct:spatial <http://publications.europa.eu/resource/authority/country/BEL>, <http://publications.europa.eu/resource/authority/country/NLD> ;",
        "    dcat:keyword \"sociale innovatie\"@nl, \"maatschappelijk verantwoord ondernemen\"@nl, \"sociale economie\"@nl ;",
        f"    dcat:landingPage <{absolute(base_url, addresses.CATALOGUE)}> ;",
        "    dcat:contactPoint [ a vcard:Organization ;",
        f"        vcard:fn {_literal(site_name)} ;",
        f"        vcard:hasURL <{absolute(base_url, addresses.ABOUT)}> ] ;",
        "    dcat:distribution " + ", ".join(f"<{dataset}-{key}>" for key, *_ in distributions) + " .",
    ]
    for key, path, media_type, file_type, title in distributions:
        lines += [
            "",
            f"<{dataset}-{key}> a dcat:Distribution ;",
            f"    dct:title {_literal(title)}@nl ;",
            f"    dcat:accessURL <{absolute(base_url, path)}> ;",
            f"    dcat:downloadURL <{absolute(base_url, path)}> ;",
            f"    dcat:mediaType <https://www.iana.org/assignments/media-types/{media_type}> ;",
            f"    dct:format <http://publications.europa.eu/resource/authority/file-type/{file_type}> ;",
            f"    dct:license <{LICENCE['url']}> .",
        ]
    return "\n".join(lines) + "\n"
