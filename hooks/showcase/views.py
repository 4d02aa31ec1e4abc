"""Finished data for templates: labels, counts and URLs, no look-ups left.

Templates receive plain dictionaries built here; they never consult the
vocabulary themselves. A card is the same everywhere a case is listed.
"""

from __future__ import annotations

import datetime

from . import addresses
from .catalogue import CASE_FIELDS, Catalogue, values_of
from .fields import FACETS
from .model import Case
from .reuse import make_now
from .thumbnails import THUMBNAIL_SIZE, Picture

FACET_NAMES = {facet.name: (facet.singular, facet.plural) for facet in FACETS} | {"partner_role": ("Partnerrol", "Partnerrollen")}

# Where a contributor writes each facet's values in a case's front matter.
CASE_KEYS = {facet.name: facet.key for facet in FACETS} | {"partner_role": "partners → role"}

# Facets shown as labelled links on a case page, in this order.
CASE_PAGE_FACETS = ("innovation_type", "domain", "target_group", "sdg", "region", "place")
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december")


def dutch_date(day: datetime.date) -> str:
    """1 december 2026."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def source_date_text(value: str | None) -> str | None:
    """'2023' stays, '2023-06' becomes 'juni 2023', a full date '12 juni 2023'."""
    if not value:
        return None
    parts = [int(part) for part in value.split("-")]
    if len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return f"{MONTHS[parts[1] - 1]} {parts[0]}"
    return dutch_date(datetime.date(*parts))


# The facets a card shows as chips, each with its chip's kind (a CSS modifier),
# in order; the catalogue's script draws its cards from this too.
CARD_CHIPS = (("innovation_type", "type"), ("domain", "domain"), ("region", "region"), ("sdg", "goal"))


def short_label(facet: str, slug: str) -> str | None:
    """A chip's text where it is not the label: a goal shows as "SDG 7"."""
    return f"SDG {slug}" if facet == "sdg" else None


class Views:
    def __init__(self, catalogue: Catalogue, pictures: dict[str, Picture] | None = None, today: datetime.date | None = None,
                 derive=make_now):
        """`derive(kind, case, make)`: a preview server's memo of values made
        from one case alone (`reuse.CaseCache.derive`); by default, `make()`."""
        self.catalogue = catalogue
        self.pictures = pictures or {}
        self.vocabulary = catalogue.vocabulary
        self.today = today or datetime.date.today()
        self._cards: dict[str, dict] = {}
        self._summaries: dict[str, list[dict]] = {}
        self._derive = derive

    # --- building blocks ---------------------------------------------------

    def term_link(self, facet: str, slug: str) -> dict:
        term = self.vocabulary.term(facet, slug)
        link = {"slug": slug, "label": term.label}
        if facet in addresses.SHOWCASE_FOLDERS:
            link["url"] = addresses.term_url(facet, slug)
        if facet == "sdg":
            link["short"] = short_label(facet, slug)
        return link

    def card(self, case: Case) -> dict:
        """What every list shows of a case; built once per case and reused."""
        if case.slug not in self._cards:
            self._cards[case.slug] = self._derive("card", case, lambda: self._card(case))
        return self._cards[case.slug]

    def _card(self, case: Case) -> dict:
        return {
            "slug": case.slug,
            "url": addresses.case_url(case.slug),
            "title": case.title,
            "summary": case.summary,
            "organisation": case.organisation,
            "added": case.added.isoformat(),
            "stage": self.term_link("stage", case.stage),
            "types": [self.term_link("innovation_type", s) for s in case.innovation_type],
            "domains": [self.term_link("domain", s) for s in case.domain],
            "regions": [self.term_link("region", s) for s in case.region],
            "places": [self.term_link("place", place.slug) for place in case.place],
            "goals": [self.term_link("sdg", str(n)) for n in case.sdg],
            "image": self._image(case),
        }

    def _image(self, case: Case) -> dict | None:
        if not case.image:
            return None
        image = {"url": addresses.image_url(case.image), "alt": case.image_alt}
        picture = self.pictures.get(case.image)
        if picture is not None:
            width, height = THUMBNAIL_SIZE
            image.update(width=picture.width, height=picture.height,
                         thumbnail={"url": picture.thumbnail_url, "width": width, "height": height})
        return image

    def facet_summary(self, facet: str) -> list[dict]:
        """Every value of a facet with its label, link and case count; made
        once per facet (every catalogue page shows them all)."""
        if facet not in self._summaries:
            self._summaries[facet] = [
                {**self.term_link(facet, term.slug), "description": term.description, "count": self.catalogue.count(facet, term.slug),
                 "depth": self.vocabulary.depth(term.slug) if facet == "region" else 0}
                for term in self.vocabulary.terms(facet)
            ]
        return self._summaries[facet]

    # --- pages -------------------------------------------------------------

    def case_page_parts(self, case: Case, related: tuple[Case, ...] | None = None) -> tuple[dict, dict]:
        """The case's own facts (made once per case object under a preview
        server), and what depends on the day and the other cases: its
        freshness and its related cases (`related`, when already looked up)."""
        facts = self._derive("case page", case, lambda: self._case_facts(case))
        related = self.catalogue.related(case) if related is None else related
        return facts, {"freshness": self.freshness(case), "related": [self.card(other) for other in related]}

    def _case_facts(self, case: Case) -> dict:
        return {
            "kind": "case",
            "card": self.card(case),
            "facets": [
                {"key": facet, "name": FACET_NAMES[facet][0] if len(values_of(case, facet)) == 1 else FACET_NAMES[facet][1],
                 "terms": [self.term_link(facet, slug) for slug in values_of(case, facet)]}
                for facet in CASE_PAGE_FACETS if values_of(case, facet)
            ],
            "actors": [self.term_link("actor", slug) for slug in case.actors],
            "organisation": case.organisation,
            "partners": [{"name": p.name, "role": self.vocabulary.label("partner_role", p.role)} for p in case.partners],
            "started": case.started,
            "stage": self.term_link("stage", case.stage),
            "website": case.website,
            "image": self._image(case),
            "sources": [{"title": s.title, "url": s.url, "date": s.date, "date_text": source_date_text(s.date)} for s in case.sources],
            "catalogue_url": addresses.CATALOGUE,
        }

    def freshness(self, case: Case) -> dict:
        """When the facts were checked, and whether that is more than two years ago."""
        checked = case.checked_on
        return {"date": checked.isoformat(), "text": dutch_date(checked),
                "stale": case.is_stale(self.today)}

    def term_page(self, facet: str, slug: str, cases: list[Case], pager: dict) -> dict:
        term = self.vocabulary.term(facet, slug)
        if facet == "region":
            parents = [self.term_link("region", p) for p in reversed(self.vocabulary.ancestors(slug))]
        elif facet == "place":
            province = term.parent
            parents = [self.term_link("region", p) for p in [*reversed(self.vocabulary.ancestors(province)), province]]
        else:
            parents = []
        return {
            "kind": "term",
            "facet": FACET_NAMES[facet][0],
            "facet_plural": FACET_NAMES[facet][1],
            "index_url": addresses.facet_index_url(facet),
            "label": term.label,
            "description": term.description,
            "count": self.catalogue.count(facet, slug),
            "cards": [self.card(case) for case in cases],
            "parents": parents,
            "children": self.children(facet, slug),
            "filter_url": addresses.catalogue_filter_url(facet, slug),
            "pager": pager,
        }

    def children(self, facet: str, slug: str) -> list[dict]:
        """Below a region: its regions, and for a province the places with cases."""
        if facet != "region":
            return []
        term = self.vocabulary.term(facet, slug)
        children = [{**self.term_link(facet, c), "count": self.catalogue.count(facet, c)} for c in term.children]
        places = [p for p in self.vocabulary.terms("place") if p.parent == slug]
        return children + [{**self.term_link("place", p.slug), "count": self.catalogue.count("place", p.slug)} for p in places]

    def facet_index(self, facet: str) -> dict:
        return {"kind": "facet", "facet": FACET_NAMES[facet][1], "terms": self.facet_summary(facet)}

    def catalogue_page(self, cases: list[Case], pager: dict) -> dict:
        return {
            "kind": "catalogue",
            "count": len(self.catalogue.cases),
            "cards": [self.card(case) for case in cases],
            "facets": [
                {"key": addresses.QUERY_PARAMETERS[facet], "name": FACET_NAMES[facet][0], "terms": self.facet_summary(facet)}
                for facet in CASE_FIELDS
            ],
            "pager": pager,
            "index_url": addresses.CATALOGUE_INDEX,
            "text_url": addresses.CATALOGUE_TEXT,
            "browse": self.browse(),
            "search_parameter": addresses.SEARCH_PARAMETER,
            "search_url": addresses.SEARCH_PAGE,
            "sort_parameter": addresses.SORT_PARAMETER,
            "sorts": [{"value": value, "label": label} for value, (_on, label) in addresses.SORTS.items()],
            "json_url": addresses.JSON_EXPORT,
            "feed_url": addresses.FEED,
        }

    def browse(self) -> list[dict]:
        """The index page of each facet with a showcase page per value."""
        return [{"name": FACET_NAMES[f][1], "url": addresses.facet_index_url(f)} for f in addresses.SHOWCASE_FOLDERS]

    def search_page(self) -> dict:
        return {"kind": "search", "catalogue_url": addresses.CATALOGUE, "browse": self.browse()}

    def home(self) -> dict:
        featured = self.catalogue.featured()[:6]
        # The six newest cases besides the featured ones lie within the first
        # len(featured) + 6: no need to look further at any scale.
        newest = [case for case in self.catalogue.cases[: len(featured) + 6] if case not in featured][:6]
        return {
            "kind": "home",
            "count": len(self.catalogue.cases),
            "featured": [self.card(case) for case in featured],
            "newest": [self.card(case) for case in newest],
            "types": self.facet_summary("innovation_type"),
            "domains": self.facet_summary("domain"),
            "catalogue_url": addresses.CATALOGUE,
        }

    def glossary(self) -> dict:
        return {
            "kind": "glossary",
            "places_url": addresses.facet_index_url("place"),
            "facets": [
                {"key": CASE_KEYS[facet], "name": FACET_NAMES[facet][1],
                 "terms": [{"slug": t.slug, "label": t.label, "description": t.description,
                            "depth": self.vocabulary.depth(t.slug) if facet == "region" else 0}
                           for t in self.vocabulary.terms(facet)]}
                for facet in self.vocabulary.facets if facet != "place"
            ],
        }
