"""The seventeen Sustainable Development Goals of the United Nations.

Their official Dutch names (as the UN's regional information centre and the
Belgian and Dutch governments use them) and one line each for the goal's
showcase page. Not part of `cases/_taxonomy.yml`: contributors choose goals,
they do not define them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Goal:
    number: int
    name: str
    description: str

    @property
    def label(self) -> str:
        return f"SDG {self.number}: {self.name}"

    @property
    def slug(self) -> str:
        return str(self.number)


GOALS: tuple[Goal, ...] = (
    Goal(1, "Geen armoede", "Armoede overal en in al haar vormen uitbannen."),
    Goal(2, "Geen honger", "Honger beëindigen, voedselzekerheid en betere voeding bereiken en duurzame landbouw bevorderen."),
    Goal(3, "Goede gezondheid en welzijn", "Een goede gezondheid en welzijn verzekeren voor iedereen, op elke leeftijd."),
    Goal(4, "Kwaliteitsonderwijs", "Inclusief en kwaliteitsvol onderwijs en levenslang leren voor iedereen."),
    Goal(5, "Gendergelijkheid", "Gendergelijkheid bereiken en alle vrouwen en meisjes sterker maken."),
    Goal(6, "Schoon water en sanitair", "Beschikbaarheid en duurzaam beheer van water en sanitair voor iedereen."),
    Goal(7, "Betaalbare en duurzame energie", "Toegang tot betaalbare, betrouwbare, duurzame en moderne energie voor iedereen."),
    Goal(8, "Waardig werk en economische groei", "Duurzame economische groei, volwaardige werkgelegenheid en waardig werk voor iedereen."),
    Goal(9, "Industrie, innovatie en infrastructuur", "Veerkrachtige infrastructuur, duurzame industrie en innovatie."),
    Goal(10, "Ongelijkheid verminderen", "Ongelijkheid verminderen binnen en tussen landen."),
    Goal(11, "Duurzame steden en gemeenschappen", "Steden en woongebieden inclusief, veilig, veerkrachtig en duurzaam maken."),
    Goal(12, "Verantwoorde consumptie en productie", "Duurzame consumptie- en productiepatronen verzekeren."),
    Goal(13, "Klimaatactie", "Dringend actie ondernemen tegen de klimaatverandering en haar gevolgen."),
    Goal(14, "Leven in het water", "Oceanen, zeeën en mariene hulpbronnen beschermen en duurzaam gebruiken."),
    Goal(15, "Leven op het land", "Ecosystemen op het land beschermen en herstellen, bossen duurzaam beheren en het verlies aan biodiversiteit stoppen."),
    Goal(16, "Vrede, justitie en sterke publieke diensten", "Vreedzame en inclusieve samenlevingen, toegang tot justitie en doeltreffende, verantwoordelijke instellingen."),
    Goal(17, "Partnerschap om doelstellingen te bereiken", "Het wereldwijd partnerschap voor duurzame ontwikkeling versterken."),
)
