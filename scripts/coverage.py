"""Print the showcase's coverage: what a reader can browse, per facet.

    .venv/bin/python scripts/coverage.py

Counts come from the same loader the build uses, so they are the site's own
figures: cases, sources, start years, and the cases per domain, innovation
type, province and target group.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from showcase.site import Showcase  # noqa: E402


def table(title: str, rows: list[tuple[str, int]]) -> str:
    lines = [f"\n{title}", "| waarde | voorbeelden |", "|---|---|"]
    lines += [f"| {label} | {count} |" for label, count in rows]
    return "\n".join(lines)


def main() -> None:
    site = Showcase.load(ROOT)
    if site.problems:
        sys.exit(site.report())
    catalogue, vocabulary = site.catalogue, site.vocabulary
    cases = catalogue.cases
    urls = [source.url for case in cases for source in case.sources if source.url]
    started = [case.started for case in cases if case.started]
    dutch = [case for case in cases if any(place.country == "NL" for place in case.place)]
    dutch_provinces = Counter(province for case in dutch for province in {p.province for p in case.place if p.country == "NL"})
    print(f"praktijkvoorbeelden: {len(cases)}")
    print(f"bronnen met url: {len(urls)} (verschillende: {len(set(urls))}); elk voorbeeld heeft er minstens één: {all(any(s.url for s in c.sources) for c in cases)}")
    print(f"met organisatie: {sum(1 for c in cases if c.organisation)}; met plaats: {sum(1 for c in cases if c.place)}")
    print(f"startjaar bekend: {len(started)}; vóór 2000: {sum(1 for y in started if y < 2000)}; na 2020: {sum(1 for y in started if y > 2020)}")
    print(f"Nederlandse voorbeelden: {len(dutch)} in {len(dutch_provinces)} provincies")
    print(table("Per domein", [(t.label, catalogue.count("domain", t.slug)) for t in vocabulary.terms("domain")]))
    print(table("Per innovatietype", [(t.label, catalogue.count("innovation_type", t.slug)) for t in vocabulary.terms("innovation_type")]))
    print(table("Per regio", [(("  " * vocabulary.depth(t.slug)) + t.label, catalogue.count("region", t.slug)) for t in vocabulary.terms("region")]))
    print(table("Per doelgroep", [(t.label, catalogue.count("target_group", t.slug)) for t in vocabulary.terms("target_group")]))
    print(table("Per fase", [(t.label, catalogue.count("stage", t.slug)) for t in vocabulary.terms("stage")]))


if __name__ == "__main__":
    main()
