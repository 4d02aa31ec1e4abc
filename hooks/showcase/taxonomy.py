"""The vocabulary (`cases/_taxonomy.yml`) and its region tree."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from . import places
from .frontmatter import parse_yaml, read_text
from .i18n import _
from .model import Problem, Term

FACETS = ("innovation_type", "domain", "region", "target_group", "actor", "partner_role", "stage")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


class VocabularyError(Exception):
    """The taxonomy file itself is broken; nothing can be validated against it."""

    def __init__(self, problems: list[Problem]):
        super().__init__("\n".join(map(str, problems)))
        self.problems = problems


@dataclass(frozen=True)
class Vocabulary:
    """Every allowed value per facet, in the order the taxonomy lists them."""

    facets: dict[str, dict[str, Term]]

    def terms(self, facet: str) -> list[Term]:
        return list(self.facets[facet].values())

    def slugs(self, facet: str) -> list[str]:
        return list(self.facets[facet])

    def term(self, facet: str, slug: str) -> Term:
        return self.facets[facet][slug]

    def label(self, facet: str, slug: str) -> str:
        return self.facets[facet][slug].label

    def ancestors(self, region: str) -> list[str]:
        """The regions above `region`, nearest first: utrecht -> [nederland]."""
        chain = []
        parent = self.facets["region"][region].parent
        while parent:
            chain.append(parent)
            parent = self.facets["region"][parent].parent
        return chain

    def with_ancestors(self, regions: tuple[str, ...]) -> list[str]:
        """The regions and all regions above them, each once, in tree order."""
        wanted = set(regions)
        for region in regions:
            wanted.update(self.ancestors(region))
        return [slug for slug in self.facets["region"] if slug in wanted]

    def with_facet(self, facet: str, terms: list[Term]) -> "Vocabulary":
        """This vocabulary plus a facet made at build time (places, goals)."""
        return Vocabulary({**self.facets, facet: {term.slug: term for term in terms}})

    def depth(self, region: str) -> int:
        return len(self.ancestors(region))

    def region_name(self, region: str) -> str:
        """A region's own name: its label without the bracketed country that
        tells namesakes apart in a list ('Limburg (BE)' -> 'Limburg'), as a
        place is qualified with it: 'Hasselt (Limburg)'."""
        return re.sub(r"\s*\([^()]*\)$", "", self.label("region", region))

    @cached_property
    def _region_names(self) -> tuple[tuple[str, str], ...]:
        return tuple((slug, self.region_name(slug)) for slug in self.facets["region"])

    def gazetteer(self) -> places.Gazetteer:
        """The gazetteer, with its provinces named as this vocabulary names them."""
        return places.load(province_names=self._region_names)


def load_vocabulary(path: Path, rel: str = "cases/_taxonomy.yml") -> Vocabulary:
    """Read and check the taxonomy file; raise VocabularyError if it is broken."""
    text, problems = read_text(path, rel)
    document = None
    if text is not None:
        document, problems = parse_yaml(text, rel)
    if problems or document is None:
        raise VocabularyError(problems)
    data = document.data if isinstance(document.data, dict) else {}
    facets: dict[str, dict[str, Term]] = {}
    for facet in FACETS:
        entries = data.get(facet)
        if not isinstance(entries, list) or not entries:
            problems.append(Problem(rel, document.line(facet), facet, _("must be a list of values with slug, label and description")))
            continue
        facets[facet] = {}
        _read_terms(facet, entries, None, (facet,), document, rel, facets[facet], problems)
    for extra in sorted(set(data) - set(FACETS)):
        problems.append(Problem(rel, document.line(extra), extra, _("is not a facet; the facets are {facets}").format(facets=", ".join(FACETS))))
    if problems:
        raise VocabularyError(problems)
    return Vocabulary(facets)


def _read_terms(facet, entries, parent, path, document, rel, into, problems) -> list[str]:
    slugs = []
    for index, entry in enumerate(entries):
        where = path + (index,)
        line = document.line(*where)
        if not isinstance(entry, dict):
            problems.append(Problem(rel, line, facet, _("each value needs slug, label and description")))
            continue
        slug, label, description = (entry.get(k) for k in ("slug", "label", "description"))
        if not isinstance(slug, str) or not SLUG.match(slug):
            problems.append(Problem(rel, line, facet, _("slug {slug} must be lower-case a-z, 0-9 and single hyphens").format(slug=repr(slug))))
            continue
        if slug in into:
            problems.append(Problem(rel, line, facet, _("slug {slug} appears twice").format(slug=repr(slug))))
            continue
        if not isinstance(label, str) or not label.strip() or not isinstance(description, str) or not description.strip():
            problems.append(Problem(rel, line, facet, _("{slug} needs a label and a one-line description").format(slug=repr(slug))))
            continue
        into[slug] = Term(facet, slug, label.strip(), description.strip(), parent)
        children = entry.get("children") or []
        if children and facet != "region":
            problems.append(Problem(rel, line, facet, _("only region values can have children")))
            continue
        child_slugs = _read_terms(facet, children, slug, where + ("children",), document, rel, into, problems)
        into[slug] = Term(facet, slug, label.strip(), description.strip(), parent, tuple(child_slugs))
        slugs.append(slug)
    return slugs
