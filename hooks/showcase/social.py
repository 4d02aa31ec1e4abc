"""What a shared case link shows: Open Graph, a Twitter card and schema.org JSON-LD.

The initiative is described as a schema.org `Project`: an endeavour carried
by an organisation, itself a kind of Organization, so `parentOrganization`
(who carries it), `funder` (partners in the financier role), `foundingDate`,
`areaServed` and `keywords` all apply. A `CreativeWork` would describe our
page's text, not the initiative it is about.
"""

from __future__ import annotations

import json

from . import addresses
from .export import absolute
from .model import Case
from .taxonomy import Vocabulary
from .thumbnails import Picture

LOCALE = "nl_BE"
DEFAULT_IMAGE = addresses.SOCIAL_IMAGE  # 1200 × 630
DEFAULT_IMAGE_SIZE = (1200, 630)
FUNDER_ROLE = "financier"

# Characters that could end a <script> element or its line in older parsers;
# inside JSON strings their \u escapes mean the same text.
_SCRIPT_ESCAPES = (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("\u2028", "\\u2028"), ("\u2029", "\\u2029"))


def script_json(data) -> str:
    """`data` as JSON that is safe to place inside a <script> element as it is."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    for character, escape in _SCRIPT_ESCAPES:  # str.replace: ten times quicker than str.translate here
        if character in text:
            text = text.replace(character, escape)
    return text


def _image(case: Case, picture: Picture | None, base_url: str, site_name: str) -> dict:
    if picture is None:
        width, height = DEFAULT_IMAGE_SIZE
        return {"url": absolute(base_url, DEFAULT_IMAGE), "width": width, "height": height, "alt": site_name}
    return {"url": absolute(base_url, picture.url), "width": picture.width, "height": picture.height, "alt": case.image_alt}


def _place(place) -> dict:
    """A schema.org Place with its coordinates."""
    return {"@type": "Place", "name": place.name,
            "address": {"@type": "PostalAddress", "addressLocality": place.name, "addressRegion": place.province_name,
                        "addressCountry": place.country},
            "geo": {"@type": "GeoCoordinates", "latitude": place.lat, "longitude": place.lon}}


def _organisation(name: str) -> dict:
    return {"@type": "Organization", "name": name}


def json_ld(case: Case, vocabulary: Vocabulary, url: str, image_url: str) -> dict:
    data = {
        "@context": "https://schema.org",
        "@type": "Project",
        "name": case.title,
        "description": case.summary,
        "url": url,
        "mainEntityOfPage": url,
        "image": image_url,
        "areaServed": [_place(place) for place in case.place] or [vocabulary.label("region", slug) for slug in case.region],
        "keywords": [vocabulary.label(facet, slug) for facet in ("innovation_type", "domain") for slug in getattr(case, facet)],
    }
    if case.organisation:
        # A schema.org Project is an Organization; the one that carries it
        # is the organisation it belongs to.
        data["parentOrganization"] = _organisation(case.organisation)
    if case.place:
        data["location"] = [_place(place) for place in case.place]
    if case.target_group:
        data["audience"] = [{"@type": "Audience", "audienceType": vocabulary.label("target_group", slug)} for slug in case.target_group]
    funders = [_organisation(partner.name) for partner in case.partners if partner.role == FUNDER_ROLE]
    if funders:
        data["funder"] = funders
    if case.started:
        data["foundingDate"] = str(case.started)
    if case.website:
        data["sameAs"] = case.website
    return data


def case_social(case: Case, vocabulary: Vocabulary, base_url: str, site_name: str, picture: Picture | None) -> dict:
    """The meta tags (attribute, name, content) and the JSON-LD text for a case page."""
    url = absolute(base_url, addresses.case_url(case.slug))
    image = _image(case, picture, base_url, site_name)
    properties = [
        ("og:type", "article"), ("og:title", case.title), ("og:description", case.summary), ("og:url", url),
        ("og:image", image["url"]), ("og:image:width", str(image["width"])), ("og:image:height", str(image["height"])),
        ("og:image:alt", image["alt"]), ("og:locale", LOCALE), ("og:site_name", site_name),
        ("article:published_time", case.added.isoformat()),
    ]
    names = [
        ("twitter:card", "summary_large_image"), ("twitter:title", case.title), ("twitter:description", case.summary),
        ("twitter:image", image["url"]), ("twitter:image:alt", image["alt"]),
    ]
    return {
        "meta": [{"attribute": "property", "name": n, "content": c} for n, c in properties]
        + [{"attribute": "name", "name": n, "content": c} for n, c in names],
        "json_ld": script_json(json_ld(case, vocabulary, url, image["url"])),
    }
