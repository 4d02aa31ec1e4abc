"""The site's public addresses (shared/CASE-FORMAT.md), in one place.

Paths are relative to the site root and end in `/` for pages, so templates can
pass them through MkDocs' `url` filter and the site can live in a subfolder.
"""

from __future__ import annotations

from urllib.parse import urljoin

from .fields import FACETS

CATALOGUE = "praktijkvoorbeelden/"
CATALOGUE_SOURCE = "praktijkvoorbeelden/index.md"
JSON_EXPORT = "praktijkvoorbeelden.json"
CATALOGUE_INDEX = "praktijkvoorbeelden/catalogus.json"  # the catalogue script's data
CATALOGUE_TEXT = "praktijkvoorbeelden/catalogus-tekst.json"  # summaries and search text
FEED = "feed.xml"
GLOSSARY = "woordenlijst/"
SEARCH_PAGE = "zoeken/"  # the site search's full results; `q` holds the words
SEARCH_SOURCE = "zoeken.md"
SEARCH_BUNDLE = "pagefind/"  # Pagefind's index and scripts
CSV_EXPORT = "praktijkvoorbeelden.csv"
DCAT = "dcat.ttl"  # the DCAT-AP description of the data set, for open-data portals
OVERVIEW = "overzicht/"
ABOUT = "over/"  # a hand-written page (content/over.md): who runs the site, how to reach them
SOCIAL_IMAGE = "assets/images/social.png"  # from overrides/: what a shared page without an image shows
PAGE_FOLDER = "pagina"  # a listing's further pages: praktijkvoorbeelden/pagina/2/
THUMBNAIL_FOLDER = "images/klein"  # below the case images: the cards' thumbnails
OVERVIEW_SOURCE = "overzicht.md"
GLOSSARY_SOURCE = "woordenlijst.md"
HOME = ""

# Facets with a showcase page per value, and the folder of those pages
# (declared with the schema, in fields.py).
SHOWCASE_FOLDERS = {facet.name: facet.folder for facet in FACETS if facet.folder}

# The catalogue's query-string parameter for each facet it filters on.
QUERY_PARAMETERS = {facet.name: facet.parameter for facet in FACETS}
SEARCH_PARAMETER = "q"
SORT_PARAMETER = "sorteer"
# The catalogue's orders by their `sorteer` value: what each sorts on and its
# label. The first is the default, the order the data lists the cases in; an
# address leaves it out.
SORTS = {"nieuw": ("added", "Nieuwste eerst"), "az": ("title", "Alfabetisch (A–Z)")}


def case_url(slug: str) -> str:
    return f"{CATALOGUE}{slug}/"


def case_source(slug: str) -> str:
    """The generated Markdown file that MkDocs turns into the case's page."""
    return f"{CATALOGUE}{slug}.md"


def term_url(facet: str, slug: str) -> str:
    return f"{SHOWCASE_FOLDERS[facet]}/{slug}/"


def term_source(facet: str, slug: str) -> str:
    return f"{SHOWCASE_FOLDERS[facet]}/{slug}.md"


def facet_index_url(facet: str) -> str:
    return f"{SHOWCASE_FOLDERS[facet]}/"


def facet_index_source(facet: str) -> str:
    return f"{SHOWCASE_FOLDERS[facet]}/index.md"


def catalogue_filter_url(facet: str, slug: str) -> str:
    """The catalogue with one value already chosen: `praktijkvoorbeelden/?domein=energie`."""
    return f"{CATALOGUE}?{QUERY_PARAMETERS[facet]}={slug}"


def listing_page_url(url: str, number: int) -> str:
    """Page `number` (from 2) of the listing at `url`: `regio/vlaanderen/pagina/2/`."""
    return f"{url}{PAGE_FOLDER}/{number}/"


def image_url(image: str) -> str:
    """`images/x.jpg` (relative to cases/) as published."""
    return f"{CATALOGUE}{image}"


def thumbnail_url(name: str) -> str:
    """A thumbnail's file name as published: praktijkvoorbeelden/images/klein/x-<hash>.webp."""
    return image_url(f"{THUMBNAIL_FOLDER}/{name}")


def edit_url(repo_url: str, edit_uri: str, path: str) -> str:
    """The repository's edit page for `path` (relative to the project root).

    `edit_uri` points at the docs folder (content/), so the file is reached
    one folder up: edit/main/content/ + ../cases/x.md = edit/main/cases/x.md.
    """
    return urljoin(urljoin(repo_url.rstrip("/") + "/", edit_uri), "../" + path)
