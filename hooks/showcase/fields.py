"""The case schema, declared once: every front-matter key, its form and limits.

The validator (`validate.py`), the JSON Schema for editors (`schema.py`), the
issue form and its parser (`issueform.py`), the catalogue's facets and URL
parameters (`catalogue.py`, `addresses.py`, `export.py`), the glossary and the
table of limits in CONTRIBUTING all read this module; none of them states a
limit or a key of its own. `shared/CASE-FORMAT.md` is the contract it follows.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

# Forms a key can take; each has one checking function in validate.py.
TEXT, TERMS, PLACES, GOALS, ITEMS, URL, YEAR, DATE, STAGE, FLAG, IMAGE = (
    "text", "terms", "places", "goals", "items", "url", "year", "date", "stage", "flag", "image",
)

MAX_URL = 2000
MAX_SLUG = 80
MAX_IMAGE_KB = 1024
IMAGE_SUFFIXES = (".jpg", ".jpeg", ".png", ".webp", ".gif", ".avif")
FIRST_YEAR = 1800
SDG_COUNT = 17
THEME_KEYS = ("tags", "status", "template", "hide")


@dataclass(frozen=True)
class Key:
    """One front-matter key of a case."""

    name: str
    form: str
    required: bool = False
    low: int | None = None  # text: characters; lists: values
    high: int | None = None
    facet: str | None = None  # the taxonomy facet its values come from
    description: str = ""  # Dutch, for editors, the form and CONTRIBUTING
    required_unless: str | None = None  # required, unless this other key is given

    def limit_text(self) -> str:
        if self.low is None and self.high is None:
            return ""
        unit = "tekens" if self.form == TEXT else "waarden"
        if self.high is None:
            return f"minstens {self.low} {'waarde' if self.low == 1 and self.form != TEXT else unit}"
        return f"{self.low} tot {self.high} {unit}"


@dataclass(frozen=True)
class ItemKey:
    """A key inside each item of a list key (`partners`, `sources`)."""

    name: str
    form: str
    required: bool = False
    low: int | None = None
    high: int | None = None
    facet: str | None = None
    description: str = ""


KEYS: tuple[Key, ...] = (
    Key("title", TEXT, True, 3, 120, description="De naam van het initiatief."),
    Key("summary", TEXT, True, 20, 300, description="Eén of twee zinnen: wat het initiatief doet, voor wie en waarom het vernieuwend is; gewone tekst zonder opmaak."),
    Key("innovation_type", TERMS, True, 1, 3, facet="innovation_type", description="De types innovatie uit de woordenlijst; één waarde of een lijst."),
    Key("domain", TERMS, True, 1, 4, facet="domain", description="De maatschappelijke domeinen uit de woordenlijst; één waarde of een lijst."),
    Key("region", TERMS, False, 1, None, facet="region", required_unless="place",
        description="Waar het initiatief loopt: provincie, gewest, land of europa; wordt afgeleid uit place als je het weglaat."),
    Key("place", PLACES, False, 1, 10, description="De gemeenten, steden of dorpen waar het initiatief loopt, met hun Nederlandse naam (Gent, Ledeberg, 's-Hertogenbosch); bij een naam die meermaals voorkomt de provincie tussen haakjes: Hasselt (Limburg)."),
    Key("target_group", TERMS, False, 1, 4, facet="target_group", description="Voor wie het initiatief is, uit de woordenlijst; één waarde of een lijst."),
    Key("sdg", GOALS, False, 1, 3, description="De duurzame-ontwikkelingsdoelen van de VN (1 tot 17) waaraan het initiatief bijdraagt; één nummer of een lijst."),
    Key("actors", TERMS, False, 1, None, facet="actor", description="Wie er een rol in speelt; één waarde of een lijst."),
    Key("organisation", TEXT, False, 2, 200, description="De organisatie die het initiatief draagt."),
    Key("partners", ITEMS, False, 1, None, description="Partners met hun naam en hun rol."),
    Key("started", YEAR, False, description="Het jaar waarin het initiatief startte, bijvoorbeeld 2016; niet later dan volgend jaar."),
    Key("stage", STAGE, False, facet="stage", description="De fase van het initiatief: pilot, actief (standaard) of afgerond."),
    Key("website", URL, False, description="De website van het initiatief, volledig met http:// of https://."),
    Key("image", IMAGE, False, description="Een afbeelding in cases/images/, zoals images/naam.jpg (hoogstens 1 MB); vraagt image_alt."),
    Key("image_alt", TEXT, False, 3, 300, description="Wat er op de afbeelding staat, voor wie ze niet ziet."),
    Key("sources", ITEMS, True, 1, None, description="Waar de feiten vandaan komen: titel, webadres en publicatiedatum; minstens één bron met een webadres."),
    Key("featured", FLAG, False, description="true om het voorbeeld op de startpagina uit te lichten; dat beslist de redactie."),
    Key("added", DATE, True, description="De datum waarop het voorbeeld is toegevoegd, als JJJJ-MM-DD; niet in de toekomst."),
    Key("checked", DATE, False, description="Wanneer de feiten het laatst zijn nagekeken tegen de bronnen, als JJJJ-MM-DD; niet in de toekomst. Zonder: de datum van added."),
)

ITEMS_OF: dict[str, tuple[ItemKey, ...]] = {
    "partners": (
        ItemKey("name", TEXT, True, 2, 200, description="De naam van de partner."),
        ItemKey("role", TERMS, True, facet="partner_role", description="De rol van de partner."),
    ),
    "sources": (
        ItemKey("title", TEXT, True, 3, 300, description="De titel van het artikel, het rapport of de website."),
        ItemKey("url", URL, False, description="Het webadres van de bron."),
        ItemKey("date", "source-date", False, description="Wanneer de bron verscheen: JJJJ, JJJJ-MM of JJJJ-MM-DD."),
    ),
}

BY_NAME = {key.name: key for key in KEYS}
NAMES = tuple(key.name for key in KEYS)
REQUIRED = tuple(key.name for key in KEYS if key.required)
OPTIONAL = tuple(key.name for key in KEYS if not key.required)


@dataclass(frozen=True)
class Facet:
    """A vocabulary facet readers filter on: which key holds it, its URL parameter
    in the catalogue and, if it has showcase pages, their folder."""

    name: str  # the taxonomy facet (or `place`, `sdg`)
    key: str  # the case key (and Case attribute) that holds its values
    parameter: str  # the catalogue's query-string parameter
    folder: str | None  # showcase pages /<folder>/<slug>/, if any
    singular: str
    plural: str


FACETS: tuple[Facet, ...] = (
    Facet("innovation_type", "innovation_type", "type", "innovatietype", "Innovatietype", "Innovatietypes"),
    Facet("domain", "domain", "domein", "domein", "Domein", "Domeinen"),
    Facet("region", "region", "regio", "regio", "Regio", "Regio's"),
    Facet("place", "place", "plaats", "plaats", "Plaats", "Plaatsen"),
    Facet("target_group", "target_group", "doelgroep", "doelgroep", "Doelgroep", "Doelgroepen"),
    Facet("sdg", "sdg", "sdg", "sdg", "Duurzame-ontwikkelingsdoel", "Duurzame-ontwikkelingsdoelen"),
    Facet("actor", "actors", "actor", None, "Actor", "Actoren"),
    Facet("stage", "stage", "fase", None, "Fase", "Fases"),
)
FACET = {facet.name: facet for facet in FACETS}


def latest_start_year(today: datetime.date) -> int:
    return today.year + 1


def limits_table() -> list[tuple[str, str, str]]:
    """(key, required, limit) per key, as CONTRIBUTING's table shows them."""
    rows = []
    for key in KEYS:
        required = "ja" if key.required else (f"ja, tenzij {key.required_unless} is ingevuld" if key.required_unless else "nee")
        rows.append((key.name, required, _limit(key)))
        for item in ITEMS_OF.get(key.name, ()):
            rows.append((f"{key.name} → {item.name}", "ja" if item.required else "nee", _item_limit(item)))
    return rows


def _limit(key: Key) -> str:
    special = {
        PLACES: f"{key.low} tot {key.high} plaatsen uit de plaatsnamenlijst",
        GOALS: f"{key.low} tot {key.high} nummers van 1 tot {SDG_COUNT}",
        YEAR: f"een jaar van {FIRST_YEAR} tot volgend jaar",
        DATE: "JJJJ-MM-DD, niet in de toekomst",
        URL: f"http:// of https://, hoogstens {MAX_URL} tekens",
        IMAGE: f"{', '.join(IMAGE_SUFFIXES)}, hoogstens {MAX_IMAGE_KB} kB",
        FLAG: "true of false",
        STAGE: "één waarde uit de woordenlijst",
        ITEMS: f"minstens {key.low} item(s)" + ("; minstens één met een url" if key.name == "sources" else ""),
    }
    if key.form in special:
        return special[key.form]
    return key.limit_text() + (" uit de woordenlijst" if key.form == TERMS else "")


def _item_limit(item: ItemKey) -> str:
    if item.form == TEXT:
        return f"{item.low} tot {item.high} tekens"
    if item.form == URL:
        return f"http:// of https://, hoogstens {MAX_URL} tekens"
    if item.form == TERMS:
        return "een waarde uit de woordenlijst"
    return "JJJJ, JJJJ-MM of JJJJ-MM-DD"
