"""Synthetic but valid cases for the benchmark: realistic lengths, every
vocabulary value used, Dutch-like text. Deterministic for a given seed.

    python benchmarks/generate.py 1000 /tmp/project   # writes /tmp/project/cases/*.md
"""

from __future__ import annotations

import datetime
import random
import sys
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "hooks"))

from showcase.places import load as load_places  # noqa: E402
from showcase.taxonomy import load_vocabulary  # noqa: E402

WORDS = """
aanpak afval arbeidsmarkt armoede bewoners buurt buurthuis coöperatie coöperaties delen duurzaam
energie energiecoöperatie fiets fietsen gemeente gezinnen groenten inclusie initiatief jongeren
kansen kinderen klimaat kwetsbare leren lokaal maatschappelijk mensen netwerk nieuwe ondernemers
onderwijs opleiding organisatie overheid partners platform project samen samenwerking school
sociale stad steun vrijwilligers werk werkzoekenden wijk woning woningen zorg zonnepanelen
begeleiding bedrijven burgers circulair dienst diensten doelgroep economie financiering gebouw
hergebruik herstel impact innovatie investering kennis landbouw markt mobiliteit natuur ontmoeting
oplossing proces product provincie regio resultaat sector talent toekomst uitdaging verandering
voedsel welzijn winkel zelfstandig biodiversiteit coaching deelauto repair café voedselbank
""".split()
SECTIONS = ("De uitdaging", "De aanpak", "Wat het oplevert")


def sentence(rng: random.Random, low: int = 6, high: int = 16) -> str:
    words = [rng.choice(WORDS) for _ in range(rng.randint(low, high))]
    return words[0].capitalize() + " " + " ".join(words[1:]) + "."


def text_of(rng: random.Random, low: int, high: int) -> str:
    """Sentences until the text is between `low` and `high` characters."""
    text = sentence(rng)
    while len(text) < low:
        text += " " + sentence(rng)
    return text[:high].rsplit(" ", 1)[0].rstrip(".") + "."


def spread(rng: random.Random, values: list[str], index: int, low: int, high: int) -> list[str]:
    """`low` to `high` distinct values, cycling so that every value is used."""
    chosen = [values[index % len(values)]]
    while len(chosen) < rng.randint(low, high):
        value = rng.choice(values)
        if value not in chosen:
            chosen.append(value)
    return chosen


def places_for(rng: random.Random) -> list[str]:
    """One to three places, the larger ones far more often (as real cases are
    spread: many in the cities, a long tail of villages). Each is written
    so that it names exactly one place of the gazetteer."""
    places = _places_by_population()
    chosen = {min(int(rng.paretovariate(0.7)) - 1, len(places) - 1) for _ in range(rng.randint(1, 3))}
    return [places[i].qualified() for i in sorted(chosen)]


_PLACES: list = []


def _places_by_population() -> list:
    """The gazetteer's places that their qualified name finds, largest first."""
    if not _PLACES:
        gazetteer = load_places()
        named = [place for place in gazetteer.places if gazetteer.find(place.qualified()).place is place]
        _PLACES.extend(sorted(named, key=lambda place: (-place.population, place.slug)))
    return _PLACES


def case(rng: random.Random, index: int, vocabulary) -> tuple[str, str]:
    title = f"{text_of(rng, 15, 70).rstrip('.')} {index}"
    regions = vocabulary.slugs("region")
    leaves = [slug for slug in regions if not vocabulary.term("region", slug).children]
    front = {
        "title": title,
        "summary": text_of(rng, 80, 250),
        "innovation_type": spread(rng, vocabulary.slugs("innovation_type"), index, 1, 3),
        "domain": spread(rng, vocabulary.slugs("domain"), index, 1, 3),
        **({"region": spread(rng, regions, index, 1, 2)} if index % 5 == 0 else {"place": places_for(rng)}),
        "target_group": spread(rng, vocabulary.slugs("target_group"), index, 1, 3),
        "sdg": sorted({rng.randint(1, 17) for _ in range(rng.randint(1, 3))}),
        "actors": spread(rng, vocabulary.slugs("actor"), index, 1, 3),
        "organisation": text_of(rng, 10, 40).rstrip(".") + " vzw",
        "partners": [{"name": text_of(rng, 8, 30).rstrip("."), "role": rng.choice(vocabulary.slugs("partner_role"))} for _ in range(rng.randint(0, 3))],
        "started": rng.randint(1990, 2026),
        "stage": rng.choice(vocabulary.slugs("stage")),
        "sources": [{"title": text_of(rng, 20, 80), "url": f"https://example.org/bron/{index}", "date": f"{rng.randint(2015, 2026)}-{rng.randint(1, 12):02d}"}],
        "featured": index % 97 == 0,
        "added": (datetime.date(2019, 1, 1) + datetime.timedelta(days=rng.randint(0, 2500))).isoformat(),
    }
    front["checked"] = front["added"]
    if not front["partners"]:
        del front["partners"]
    body = "\n\n".join(f"## {heading}\n\n" + "\n\n".join(text_of(rng, 250, 700) for _ in range(rng.randint(1, 2))) for heading in SECTIONS)
    return f"case-{index:05d}", "---\n" + yaml.safe_dump(front, allow_unicode=True, sort_keys=False) + "---\n\n" + body + "\n"


def generate(count: int, cases_dir: Path, seed: int = 2026) -> None:
    rng = random.Random(seed)
    vocabulary = load_vocabulary(REPO / "cases" / "_taxonomy.yml")
    cases_dir.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        slug, text = case(rng, index, vocabulary)
        (cases_dir / f"{slug}.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    generate(int(sys.argv[1]), Path(sys.argv[2]) / "cases")
