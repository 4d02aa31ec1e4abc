"""Synthetic but valid cases for the benchmark: realistic lengths, every
vocabulary value used, Dutch-like text with a realistic word distribution
(60,000 word forms, Zipf frequencies, names of organisations and the case's
places). Deterministic for a given seed.

    python benchmarks/generate.py 1000 /tmp/project   # writes /tmp/project/cases/*.md
"""

from __future__ import annotations

import bisect
import datetime
import functools
import json
import random
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "hooks"))

from showcase.places import load as load_places  # noqa: E402
from showcase.taxonomy import load_vocabulary  # noqa: E402

# Real content words of the field; they take ranks among the synthetic words,
# so they are frequent, mid-range or rare like any other word.
WORDS = """
aanpak afval arbeidsmarkt armoede bewoners buurt buurthuis coöperatie coöperaties delen duurzaam
energie energiecoöperatie fiets fietsen gemeente gezinnen groenten inclusie initiatief jongeren
kansen kinderen klimaat kwetsbare leren lokaal maatschappelijk mensen netwerk nieuwe ondernemers
onderwijs opleiding organisatie overheid partners platform project samen samenwerking school
sociale stad steun vrijwilligers werk werkzoekenden wijk woning woningen zorg zonnepanelen
begeleiding bedrijven burgers circulair dienst diensten doelgroep economie financiering gebouw
hergebruik herstel impact innovatie investering kennis landbouw markt mobiliteit natuur ontmoeting
oplossing proces product provincie regio resultaat sector talent toekomst uitdaging verandering
voedsel welzijn winkel zelfstandig biodiversiteit coaching deelauto repaircafé voedselbank
""".split()
# The most frequent Dutch words (function words first, by their rank in
# running text); they open the Zipf ranking.
FUNCTION_WORDS = """
de en van het een in is dat op te die met voor zijn niet aan er om ook als bij of door naar
uit over wordt worden maar nog meer dan kan tot deze dit wat zo hun ze we ons onze hebben heeft
werd kunnen moeten al tussen na zonder onder elke veel andere waar hoe wie zij hij zich wel nu
daar hier geen alle wil heel goed eerste twee drie jaar tijd samen per via sinds binnen tegen
waarbij waardoor omdat zodat terwijl want dus toch steeds vaak enkele mee vanuit rond naast
""".split()
# The header-search figures query these three: a frequent, a mid-range and a
# rare content word, at fixed ranks of the ranking (see `vocabulary`).
QUERY_RANKS = {"energie": 150, "coöperatie": 2_500, "voedselbank": 25_000}
QUERIES = tuple(QUERY_RANKS)
PREFIXES = tuple(word[:5] for word in QUERIES)
VOCABULARY_SIZE = 60_000
ZIPF_S = 1.07
SECTIONS = ("De uitdaging", "De aanpak", "Wat het oplevert")
ONSETS = "b d g k l m n p r s t v w z h j f st sch br kr tr gr bl sl sp pr dr kl zw".split() + ["", ""]
VOWELS = "a e i o u aa ee oo ie oe ei ij ui ou eu".split()
CODAS = ["", "", "", "", "n", "r", "l", "s", "t", "k", "m", "ng", "nd", "rt", "st", "cht"]
SYLLABLES = [onset + vowel + coda for onset in ONSETS for vowel in VOWELS for coda in CODAS]
SUFFIXES = ["", "", "", "", "en", "er", "ing", "heid", "lijk", "ig", "e", "je", "s", "te", "baar", "schap"]
ORGANISATION_KINDS = ("vzw", "cv", "bv", "stichting", "collectief", "netwerk", "buurtvereniging")


def _synthetic_word(rng: random.Random) -> str:
    choice = rng.choice
    return "".join(choice(SYLLABLES) for _ in range(choice((1, 1, 2, 2, 2, 3)))) + choice(SUFFIXES)


class Vocabulary:
    """A Zipf-ranked vocabulary: word of rank r drawn with probability ∝ 1/r^s."""

    def __init__(self, seed: int, size: int = VOCABULARY_SIZE, s: float = ZIPF_S):
        rng = random.Random(f"vocabulary-{seed}")
        real = set(WORDS) | set(FUNCTION_WORDS)
        synthetic, seen = [], set(real)
        while len(synthetic) < size - len(real):
            word = _synthetic_word(rng)
            # No synthetic word may look like a queried word to a prefix search.
            if word not in seen and len(word) > 2 and not word.startswith(PREFIXES):
                seen.add(word)
                synthetic.append(word)
        ranked = list(FUNCTION_WORDS) + synthetic
        # The other real content words at spread ranks between 100 and 20,000.
        others = [word for word in WORDS if word not in QUERY_RANKS and word not in FUNCTION_WORDS]
        rng.shuffle(others)
        placed = {rank: word for word, rank in QUERY_RANKS.items()}
        for i, word in enumerate(others):
            rank = int(100 * 200 ** (i / len(others)))
            while rank in placed:
                rank += 1
            placed[rank] = word
        for rank in sorted(placed):
            ranked.insert(rank - 1, placed[rank])
        self.words = ranked[:size]
        assert all(self.words[rank - 1] == word for word, rank in QUERY_RANKS.items())
        cumulative, total = [], 0.0
        for rank in range(1, len(self.words) + 1):
            total += 1 / rank ** s
            cumulative.append(total)
        self.cumulative = cumulative
        self.total = total
        self.content_start = cumulative[len(FUNCTION_WORDS) - 1]  # draw past the function words

    def draw(self, rng: random.Random, count: int, content: bool = False) -> list[str]:
        low = self.content_start if content else 0.0
        span = self.total - low
        words, cumulative, last = self.words, self.cumulative, len(self.words) - 1
        return [words[min(bisect.bisect_left(cumulative, low + rng.random() * span), last)] for _ in range(count)]


@functools.lru_cache(maxsize=4)
def vocabulary_for(seed: int) -> Vocabulary:
    return Vocabulary(seed)


class Writer:
    """Dutch-like text for one generation run: Zipf-distributed words, names
    of organisations, and the case's own places in its sentences."""

    def __init__(self, rng: random.Random, seed: int):
        self.rng = rng
        self.words = vocabulary_for(seed)
        self.places: list[str] = []

    def name(self) -> str:
        """A proper name: one or two capitalised content words."""
        return " ".join(word.capitalize() for word in self.words.draw(self.rng, self.rng.randint(1, 2), content=True))

    def organisation(self) -> str:
        kind = self.rng.choice(ORGANISATION_KINDS)
        name = self.name()
        if self.places and self.rng.random() < 0.4:
            name += " " + self.rng.choice(self.places)
        return f"{name} {kind}" if kind in ("vzw", "cv", "bv") else f"{kind.capitalize()} {name}"

    def sentence(self, low: int = 6, high: int = 16, content: bool = False) -> str:
        rng = self.rng
        words = self.words.draw(rng, rng.randint(low, high), content)
        if not content and rng.random() < 0.25:  # a name or a place in about a quarter of the sentences
            where = rng.randrange(1, len(words) + 1)
            words[where:where] = ["in", rng.choice(self.places)] if self.places and rng.random() < 0.6 else ["met", self.organisation()]
        return words[0][:1].upper() + words[0][1:] + " " + " ".join(words[1:]) + "."

    def text(self, low: int, high: int, content: bool = False) -> str:
        """Sentences until the text is between `low` and `high` characters."""
        text = self.sentence(content=content)
        while len(text) < low:
            text += " " + self.sentence(content=content)
        return text[:high].rsplit(" ", 1)[0].rstrip(".") + "."


def spread(rng: random.Random, values: list[str], index: int, low: int, high: int) -> list[str]:
    """`low` to `high` distinct values, cycling so that every value is used."""
    chosen = [values[index % len(values)]]
    while len(chosen) < rng.randint(low, high):
        value = rng.choice(values)
        if value not in chosen:
            chosen.append(value)
    return chosen


def places_for(rng: random.Random) -> list:
    """One to three places, the larger ones far more often (as real cases are
    spread: many in the cities, a long tail of villages). Each is written
    (`qualified()`) so that it names exactly one place of the gazetteer."""
    places = _places_by_population()
    chosen = {min(int(rng.paretovariate(0.7)) - 1, len(places) - 1) for _ in range(rng.randint(1, 3))}
    return [places[i] for i in sorted(chosen)]


_PLACES: list = []


def _places_by_population() -> list:
    """The gazetteer's places that their qualified name finds, largest first."""
    if not _PLACES:
        gazetteer = load_places()
        named = [place for place in gazetteer.places if gazetteer.find(place.qualified()).place is place]
        _PLACES.extend(sorted(named, key=lambda place: (-place.population, place.slug)))
    return _PLACES


def case(rng: random.Random, index: int, vocabulary, writer: Writer) -> tuple[str, str]:
    regions = vocabulary.slugs("region")
    where = {"region": spread(rng, regions, index, 1, 2)} if index % 5 == 0 else {"place": places_for(rng)}
    # The text names the case's places (or regions), as real stories do.
    writer.places = [vocabulary.label("region", slug) for slug in where["region"]] if "region" in where else [place.name for place in where["place"]]
    if "place" in where:
        where["place"] = [place.qualified() for place in where["place"]]
    front = {
        "title": f"{writer.text(15, 70, content=True).rstrip('.')} {index}",
        "summary": writer.text(80, 250),
        "innovation_type": spread(rng, vocabulary.slugs("innovation_type"), index, 1, 3),
        "domain": spread(rng, vocabulary.slugs("domain"), index, 1, 3),
        **where,
        "target_group": spread(rng, vocabulary.slugs("target_group"), index, 1, 3),
        "sdg": sorted({rng.randint(1, 17) for _ in range(rng.randint(1, 3))}),
        "actors": spread(rng, vocabulary.slugs("actor"), index, 1, 3),
        "organisation": writer.organisation(),
        "partners": [{"name": writer.organisation(), "role": rng.choice(vocabulary.slugs("partner_role"))} for _ in range(rng.randint(0, 3))],
        "started": rng.randint(1990, 2026),
        "stage": rng.choice(vocabulary.slugs("stage")),
        "sources": [{"title": writer.text(20, 80, content=True), "url": f"https://example.org/bron/{index}", "date": f"{rng.randint(2015, 2026)}-{rng.randint(1, 12):02d}"}],
        "featured": index % 97 == 0,
        "added": (datetime.date(2019, 1, 1) + datetime.timedelta(days=rng.randint(0, 2500))).isoformat(),
    }
    front["checked"] = front["added"]
    if not front["partners"]:
        del front["partners"]
    body = "\n\n".join(f"## {heading}\n\n" + "\n\n".join(writer.text(250, 700) for _ in range(rng.randint(1, 2))) for heading in SECTIONS)
    # JSON values are valid YAML, and json.dumps is far quicker than PyYAML's emitter.
    meta = "\n".join(f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in front.items())
    return f"case-{index:05d}", "---\n" + meta + "\n---\n\n" + body + "\n"


def generate(count: int, cases_dir: Path, seed: int = 2026) -> None:
    rng = random.Random(seed)
    writer = Writer(rng, seed)
    vocabulary = load_vocabulary(REPO / "cases" / "_taxonomy.yml")
    cases_dir.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        slug, text = case(rng, index, vocabulary, writer)
        (cases_dir / f"{slug}.md").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    generate(int(sys.argv[1]), Path(sys.argv[2]) / "cases")
