"""What every page tells search engines about itself, as schema.org JSON-LD.

Every page carries the `WebSite` (with its search action, the results page
`zoeken/?q=`) and a `BreadcrumbList` from the home page to itself. A listing
(the catalogue, a showcase page, a place page) is also a `CollectionPage`
whose `ItemList` names the cases it shows. A case page adds its `Project`
(social.py) beside these.
"""

from __future__ import annotations

from . import addresses
from .export import absolute
from .social import script_json

HOME = "Home"


def website(site_name: str, base_url: str) -> dict:
    return {
        "@type": "WebSite",
        "@id": absolute(base_url, "") + "#website",
        "name": site_name,
        "url": absolute(base_url, ""),
        "inLanguage": "nl",
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": absolute(base_url, addresses.SEARCH_PAGE) + f"?{addresses.SEARCH_PARAMETER}={{search_term_string}}"},
            "query-input": "required name=search_term_string",
        },
    }


def breadcrumbs(crumbs: list[tuple[str, str]], base_url: str) -> dict:
    """`crumbs`: (name, site path) from the home page to the page itself."""
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [{"@type": "ListItem", "position": index, "name": name, "item": absolute(base_url, path)}
                            for index, (name, path) in enumerate(crumbs, start=1)],
    }


def collection(title: str, path: str, cards: list[dict], base_url: str) -> dict:
    return {
        "@type": "CollectionPage",
        "name": title,
        "url": absolute(base_url, path),
        "isPartOf": {"@id": absolute(base_url, "") + "#website"},
        "mainEntity": {
            "@type": "ItemList",
            "numberOfItems": len(cards),
            "itemListElement": [{"@type": "ListItem", "position": index, "url": absolute(base_url, card["url"]), "name": card["title"]}
                                for index, card in enumerate(cards, start=1)],
        },
    }


def page_data(site_name: str, base_url: str, crumbs: list[tuple[str, str]], listing: dict | None = None) -> str:
    """The page's JSON-LD, escaped to sit inside a <script> element."""
    graph = [website(site_name, base_url), breadcrumbs([(HOME, ""), *crumbs], base_url)]
    if listing is not None:
        graph.append(listing)
    return script_json({"@context": "https://schema.org", "@graph": graph})
