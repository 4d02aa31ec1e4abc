"""The whole showcase: load everything once, then hand out pages and files."""

from __future__ import annotations

import datetime
import html
import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Callable

from . import addresses, opendata, overview, reuse, social, structured, thumbnails
from .casefiles import CASES_DIR, load_cases
from .catalogue import CASE_FIELDS, Catalogue
from .export import catalogue_index, catalogue_text, to_atom, to_json
from .i18n import _
from .model import Case, Problem
from .taxonomy import Vocabulary, VocabularyError, load_vocabulary
from .views import FACET_NAMES, Views

TAXONOMY = "cases/_taxonomy.yml"
DATASET_DESCRIPTION = "Praktijkvoorbeelden van sociale innovatie uit Vlaanderen, Brussel en Nederland, als open data."
PAGE_SIZE = 48  # cards per listing page; keeps every page small at any scale


def pager_window(number: int, total: int, around: int = 2) -> list[int | None]:
    """The page numbers a pager shows: first, last, and `around` either side of
    the current one; None where numbers are left out. A listing of 200 pages
    thus links 7 or so, not 200 on each of its pages."""
    shown = sorted({1, total, *range(max(1, number - around), min(total, number + around) + 1)})
    window: list[int | None] = []
    for page in shown:
        if window and page - window[-1] > 1:
            window.append(None)
        window.append(page)
    return window


def pager(urls: list[str], number: int) -> dict:
    """The pager of page `number` of a listing whose pages are at `urls`."""
    return {
        "number": number,
        "total": len(urls),
        "previous": urls[number - 2] if number > 1 else None,
        "next": urls[number] if number < len(urls) else None,
        "pages": [{"number": n, "url": urls[n - 1]} if n else {"gap": True} for n in pager_window(number, len(urls))],
    }


def build_time() -> datetime.datetime:
    """Now, or `SOURCE_DATE_EPOCH` when set, so a rebuild of one commit gives the same bytes."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc)
    return datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0)


@dataclass
class GeneratedPage:
    """A page that exists only in the build: its Markdown source and its view.

    The view is made when it is first read, from what `make` returns: the
    parts it is merged from. A one-off build that renders its pages in two
    processes so makes each page's view in the process that renders it, and
    lets go of it once the page is written (`forget_view`)."""

    src: str
    title: str
    template: str
    make: Callable[[], tuple[dict, ...]] | None = field(repr=False, compare=False)
    body: str = ""
    case: Case | None = None
    hide: tuple[str, ...] = ("navigation", "toc")  # the theme's sidebars
    description: str = ""  # the page's <meta name="description">; the site's when empty
    crumbs: tuple[tuple[str, str], ...] = ()  # (name, address) from below the home page to this page
    listing: bool = False  # a list of cases: a schema.org CollectionPage
    _print: str | None = field(default=None, init=False, repr=False, compare=False)

    @cached_property
    def parts(self) -> tuple[dict, ...]:
        """What the view is merged from: a page's fingerprint reads these (a
        case's facts, kept per case, then print once), not the merge."""
        if self.make is None:
            raise RuntimeError(f"{self.src}: its view was let go of once the page was written")
        # `make` holds the whole build's views: a page a preview server keeps
        # for later builds must not keep those alive.
        parts, self.make = tuple(self.make()), None
        return parts

    @cached_property
    def view(self) -> dict:
        if len(self.parts) == 1:
            return self.parts[0]
        return {key: value for part in self.parts for key, value in part.items()}

    def forget_view(self) -> None:
        """Let go of the view for good: the page is written and nothing reads it again."""
        self.__dict__.pop("parts", None)
        self.__dict__.pop("view", None)

    def fingerprint(self, value_print) -> str:
        """A print of what the page is made of: its metadata and Markdown,
        its view's parts, its breadcrumbs and kind. Made once per page
        object: a preview server hands the same object to the next build
        while its inputs are the same."""
        if self._print is None:
            self._print = value_print(self.meta, self.body, self.parts, self.crumbs, self.listing)
        return self._print

    @cached_property
    def meta(self) -> dict:
        """What front matter would give the engine: the adapter sets it on
        the page (`on_page_markdown`), which spares MkDocs a YAML parse per
        page. The title is HTML-escaped because the theme prints page titles
        without escaping (in the header, the nav and the search index)."""
        meta = {"title": html.escape(self.title), "template": self.template, "hide": list(self.hide)}
        if self.description:
            meta["description"] = html.escape(self.description)
        return meta

    @property
    def source(self) -> str:
        """The Markdown the engine reads: the body after an empty line, which
        tells MkDocs the page has no metadata of its own (a story starting
        with "Doel: ..." would otherwise be read as a key and a value)."""
        return "\n" + self.body


@dataclass
class GeneratedFile:
    """A non-page output: the JSON export, the feed, a case image."""

    dest: str
    content: str | bytes | None = None
    source: Path | None = None


@dataclass
class Showcase:
    root: Path
    vocabulary: Vocabulary | None
    cases: list[Case]
    problems: list[Problem]
    base_url: str = ""
    site_name: str = ""
    page_size: int = PAGE_SIZE
    catalogue: Catalogue | None = field(default=None, repr=False)
    cache: object = field(default=None, repr=False)  # a preview server's reuse.CaseCache
    now: datetime.datetime = field(default_factory=lambda: build_time())

    @property
    def today(self) -> datetime.date:
        return self.now.date()

    @classmethod
    def load(cls, root: Path, base_url: str = "", site_name: str = "", today: datetime.date | None = None, page_size: int = PAGE_SIZE,
             parallel: bool = False, markdown: tuple[list, dict] | None = None, cache=None) -> "Showcase":
        """Read the vocabulary and every case; keep all problems for one report.

        `parallel`: the caller is a one-off build in a single thread (not a
        server), so the cases may be read by two processes. `cache`: a
        preview server's `reuse.CaseCache`, so unchanged files are not read again."""
        now = build_time() if today is None else datetime.datetime.combine(today, datetime.time(), datetime.timezone.utc)
        try:
            vocabulary = load_vocabulary(root / TAXONOMY, TAXONOMY)
        except VocabularyError as error:
            return cls(root, None, [], error.problems, base_url, site_name, page_size, now=now)
        loaded = load_cases(root, vocabulary, now.date(), parallel=parallel, markdown=markdown, cache=cache)
        site = cls(root, vocabulary, loaded.cases, loaded.problems, base_url, site_name, page_size, now=now)
        site.cache = cache
        site.catalogue = Catalogue(loaded.cases, vocabulary, site.derive)
        site.vocabulary = site.catalogue.vocabulary  # with the places and goals
        return site

    def report(self) -> str:
        files = len({problem.path for problem in self.problems})
        head = _("{problems} problem(s) in {files} file(s) under {folder}/; nothing was published:").format(problems=len(self.problems), files=files, folder=CASES_DIR)
        return "\n".join([head, *map(str, self.problems)])

    # --- pages -------------------------------------------------------------

    @cached_property
    def views(self) -> Views:
        """One set of views per build, so each case's card is made once."""
        return Views(self.catalogue, self.pictures, self.today, derive=self.derive)

    def pages(self) -> list[GeneratedPage]:
        views = self.views
        pages = [self._case_page(views, case) for case in self.catalogue.cases]
        summaries = reuse.value_print([views.facet_summary(facet) for facet in CASE_FIELDS])  # every catalogue page lists them
        pages += self._paged(addresses.CATALOGUE_SOURCE, addresses.CATALOGUE, "Praktijkvoorbeelden", "catalogue.html", self.catalogue.cases,
                             views.catalogue_page, (), (len(self.catalogue.cases), summaries))
        for facet in addresses.SHOWCASE_FOLDERS:
            index = (FACET_NAMES[facet][1], addresses.facet_index_url(facet))
            pages.append(GeneratedPage(addresses.facet_index_source(facet), FACET_NAMES[facet][1], "facet.html",
                                       lambda facet=facet: (views.facet_index(facet),), crumbs=(index,)))
            for term in self.catalogue.vocabulary.terms(facet):
                make = lambda cases, pager, facet=facet, slug=term.slug: views.term_page(facet, slug, cases, pager)
                above = (index, *self._regions_above(facet, term))
                cases = self.catalogue.cases_for(facet, term.slug)
                pages += self._paged(addresses.term_source(facet, term.slug), addresses.term_url(facet, term.slug), term.label, "term.html",
                                     cases, make, above, (len(cases), views.children(facet, term.slug)))
        pages.append(GeneratedPage(addresses.GLOSSARY_SOURCE, "Woordenlijst", "glossary.html", lambda: (views.glossary(),), crumbs=(("Woordenlijst", addresses.GLOSSARY),)))
        pages.append(GeneratedPage(addresses.OVERVIEW_SOURCE, "Overzicht", "overview.html", lambda: (overview.view(self.catalogue),), crumbs=(("Overzicht", addresses.OVERVIEW),)))
        pages.append(GeneratedPage(addresses.SEARCH_SOURCE, "Zoeken", "search-results.html", lambda: (views.search_page(),), crumbs=(("Zoeken", addresses.SEARCH_PAGE),)))
        return pages

    def _regions_above(self, facet: str, term) -> list[tuple[str, str]]:
        """The regions above a region (or a place's province), as breadcrumbs."""
        vocabulary = self.catalogue.vocabulary
        start = term.parent if facet in ("region", "place") else None
        chain = [start, *vocabulary.ancestors(start)] if start else []
        return [(vocabulary.label("region", slug), addresses.term_url("region", slug)) for slug in reversed(chain)]

    def structured_data(self, page: GeneratedPage) -> str:
        """The page's schema.org JSON-LD: the site, its breadcrumbs and, for a listing, its cases."""
        listing = None
        if page.listing:
            listing = structured.collection(page.title, page.crumbs[-1][1], page.view.get("cards", []), self.base_url)
        return structured.page_data(self.site_name, self.base_url, list(page.crumbs), listing)

    def page_structured_data(self, url: str, title: str) -> str:
        """The same for a hand-written page at `url` (the home page: '')."""
        return structured.page_data(self.site_name, self.base_url, [(title, url)] if url else [])

    def home_view(self) -> dict:
        return self.views.home()

    @cached_property
    def pictures(self) -> dict[str, thumbnails.Picture]:
        """Every case image with its size and thumbnail, made once per build."""
        images = sorted({case.image for case in self.catalogue.cases if case.image})
        return {image: thumbnails.picture(self.root, CASES_DIR, image) for image in images}

    @property
    def recall(self):
        """`recall(src, inputs, make)`: under a preview server, the last
        build's page where its inputs are the same; else `make()`."""
        return self.cache.recall if self.cache else reuse.recall_now

    def _case_page(self, views: Views, case: Case) -> GeneratedPage:
        related = tuple(self.catalogue.related(case))
        inputs = ("case", case, related, self.today, self.base_url, self.site_name)
        return self.recall(addresses.case_source(case.slug), inputs, lambda: self._make_case_page(views, case, related))

    def _make_case_page(self, views: Views, case: Case, related: tuple[Case, ...]) -> GeneratedPage:
        return GeneratedPage(addresses.case_source(case.slug), case.title, "case.html", lambda: self._case_view(views, case, related),
                             case.body, case, hide=("navigation",), description=case.summary,
                             crumbs=(("Praktijkvoorbeelden", addresses.CATALOGUE), (case.title, addresses.case_url(case.slug))))

    def _case_view(self, views: Views, case: Case, related: tuple[Case, ...]) -> tuple[dict, ...]:
        """A case page's view, in parts: its facts, what depends on the day
        and the other cases, and its sharing tags."""
        make_social = lambda: social.case_social(case, self.vocabulary, self.base_url, self.site_name, self.pictures.get(case.image))
        facts, today = views.case_page_parts(case, related)
        return facts, today, {"social": self.derive(f"social {self.base_url} {self.site_name}", case, make_social)}

    def _paged(self, first_src: str, url: str, title: str, template: str, cases: list[Case], make, above: tuple,
               reads: tuple) -> list[GeneratedPage]:
        """A listing split into pages of `page_size`: url, url/pagina/2/, ...
        `reads`: what `make` reads besides its cases and pager (counts)."""
        chunks = [cases[i : i + self.page_size] for i in range(0, len(cases), self.page_size)] or [[]]
        urls = [url] + [addresses.listing_page_url(url, n) for n in range(2, len(chunks) + 1)]
        pages = []
        for number, chunk in enumerate(chunks, start=1):
            src = first_src if number == 1 else urls[number - 1].rstrip("/") + ".md"
            page_title = title if number == 1 else f"{title} (pagina {number})"
            crumbs = (*above, (title, url)) + (((page_title, urls[number - 1]),) if number > 1 else ())
            inputs = (template, page_title, crumbs, tuple(chunk), number, len(chunks), reads)
            made = lambda chunk=chunk, number=number, src=src, page_title=page_title, crumbs=crumbs: GeneratedPage(
                src, page_title, template, lambda: (make(chunk, pager(urls, number)),), crumbs=crumbs, listing=True)
            pages.append(self.recall(src, inputs, made))
        return pages

    # --- other files -------------------------------------------------------

    @property
    def derive(self):
        """`derive(kind, case, make)` for what is made from one case alone:
        kept per case object by a preview server's cache, else made now."""
        return self.cache.derive if self.cache else reuse.make_now

    def files(self) -> list[GeneratedFile]:
        files = [
            GeneratedFile(addresses.JSON_EXPORT, to_json(self.catalogue, self.base_url, self.now, self.derive)),
            GeneratedFile(addresses.FEED, to_atom(self.catalogue, self.site_name, self.base_url)),
            GeneratedFile(addresses.CSV_EXPORT, opendata.to_csv(self.catalogue, self.base_url, self.derive)),
            GeneratedFile(addresses.DCAT, opendata.to_dcat(self.catalogue, self.base_url, self.site_name, DATASET_DESCRIPTION, self.now)),
            GeneratedFile(addresses.CATALOGUE_INDEX, catalogue_index(self.catalogue, self.page_size, {image: p.thumbnail_url for image, p in self.pictures.items()}, self.derive)),
            GeneratedFile(addresses.CATALOGUE_TEXT, catalogue_text(self.catalogue)),
        ]
        for image, picture in self.pictures.items():
            files.append(GeneratedFile(addresses.image_url(image), source=self.root / CASES_DIR / image))
            files.append(GeneratedFile(picture.thumbnail_url, picture.thumbnail))
        return files

