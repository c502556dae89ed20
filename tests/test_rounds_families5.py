"""Table tests of extract_rounds for the failure families of the fifth pass of #13.

Each family was seen in the errors of more than one development part (``dev3``, ``dev4`` and
the new ``dev5``), not in one sentence. Each row is a sentence written for this file (no
sentence of an evaluation part), labelled before the extractor ran on it. A row is a text and
the rounds it reports, each as (company, amount, valuation, round type), in order.
"""

from __future__ import annotations

import pytest

from tests._rounds import Round, investors_of
from tests._rounds import rounds_in as _rounds

#: A one-word noun in a noun phrase (after an article, a possessive or a preposition with
#: adjectives between, also behind an opening quote) is a common noun, no company.
NOUN_PHRASE: list[tuple[str, list[Round]]] = [
    ("Die meisten Business Angels investieren in ihrer Laufbahn rund 200.000 Euro.", []),
    (
        "„Die breite Masse hat Mühe, Wachstumskapital von zwei Millionen Euro einzuwerben“, "
        "sagt ein Verbandschef.",
        [],
    ),
    ("Neben Investments in frühen Phasen flossen 40 Millionen Euro in Software.", []),
    # still names: after "unter anderem", after a preposition alone, after a city adjective
    (
        "Im Mai sammelte unter anderem Velora 12 Millionen Euro ein.",
        [("Velora", "12000000 EUR", None, "unknown")],
    ),
    (
        "Atlas Ventures hat 3 Millionen Euro in Lorka investiert.",
        [("Lorka", "3000000 EUR", None, "unknown")],
    ),
    (
        "Die Münchner Helvara hat 8 Millionen Euro eingesammelt.",
        [("Helvara", "8000000 EUR", None, "unknown")],
    ),
]

#: An adjective or participle said of something, first in a sentence, is no company a later
#: figure may be about ("Bemerkenswert ist ...", "Gespannt haben ...").
PREDICATIVE: list[tuple[str, list[Round]]] = [
    (
        "Bemerkenswert ist vor allem der Anstieg seit 2012: Damals führten 20 "
        "Finanzierungsrunden zu einem Volumen von 30 Millionen Franken.",
        [],
    ),
    (
        "Gespannt haben Investoren und Publikum auf den Auftritt gewartet. Stolze 3 Millionen "
        "Euro hat die Gründerin bereits investiert.",
        [],
    ),
    (
        "Denkbar wäre ein Börsengang. Das Start-up Lorka hat 6 Millionen Euro eingesammelt.",
        [("Lorka", "6000000 EUR", None, "unknown")],
    ),
]

#: A round type whose word is also a common noun ("Darlehen", "Fördergelder",
#: "Wachstumsfinanzierung"), alone, with no money and no investor, is no round; a stage alone
#: ("Seed-Runde für ...") still is one.
TYPE_ALONE: list[tuple[str, list[Round]]] = [
    ("Mithilfe des Darlehens sollen neue Geräte erforscht werden.", []),
    ("Die Fördergelder stammen aus dem Europäischen Fonds für strategische Investitionen.", []),
    (
        "Als Gründe nannte Unora einen schwierigen Markt und ein angespanntes Umfeld für "
        "Wachstumsfinanzierungen.",
        [],
    ),
    (
        "Seed-Runde für das Kölner Start-up Lorka: Wie viel Geld es gab, verrät die Firma nicht.",
        [("Lorka", None, None, "seed")],
    ),
    (
        "Das Start-up Brixa erhält ein Darlehen über 2 Millionen Euro.",
        [("Brixa", "2000000 EUR", None, "debt")],
    ),
]

#: Who gives money raises none: the subject of a verb of giving ("gewährt", "vergibt",
#: "unterstützt"), a public or development bank by its name, also by the
#: abbreviation the text gives for it in brackets.
GIVER: list[tuple[str, list[Round]]] = [
    (
        "Das Programm Nordhilfe gewährt Start-ups eine Kofinanzierung von bis zu 500.000 Euro.",
        [],
    ),
    (
        "Seit 2019 hat Basekamp 30 Biotechfirmen mit Startkapital unterstützt und bis zur "
        "Serie-A-Finanzierung begleitet.",
        [],
    ),
    (
        "Die Sächsische Landesbank will jährlich 10 Millionen Euro in junge Firmen investieren.",
        [],
    ),
    (
        "Die Nordische Investitionsbank (NIB) hat mit dem Start-up Lorka eine Beteiligung von "
        "20 Millionen Euro vereinbart. Die Finanzierung der NIB fließt in die Forschung.",
        [("Lorka", "20000000 EUR", None, "unknown")],
    ),
]

#: Two sentences whose space the page lost ("eingehen.Heißt") are no name; "crate.io" is one.
GLUED: list[tuple[str, list[Round]]] = [
    (
        "Der Fonds will gezielter auf Start-ups eingehen.Heißt: Er kann bis zu eine Million "
        "Euro investieren.",
        [],
    ),
    (
        "Das Datenbank-Start-up crate.io hat 8 Millionen Euro eingesammelt.",
        [("crate.io", "8000000 EUR", None, "unknown")],
    ),
]

#: The same round given rounded (in a headline or a lead) and exactly: one round, the exact
#: figure. Figures further apart than rounding stay two rounds.
ROUNDED: list[tuple[str, list[Round]]] = [
    (
        "+++ Fintech Norvi erhält vier Millionen Euro +++ Das Berliner Start-up Norvi hat eine "
        "Finanzierungsrunde über 4,2 Millionen Euro abgeschlossen.",
        [("Norvi", "4200000 EUR", None, "unknown")],
    ),
    (
        "Nun investiert der Milliardär Li Kern 15 Millionen Dollar in Quenta. Das Berliner "
        "Start-up Quenta erhält von ihm 15,3 Millionen Dollar.",
        [("Quenta", "15300000 USD", None, "unknown")],
    ),
    (
        "Das Start-up Lorka hat 10 Millionen Euro eingesammelt. Ein Jahr später erhielt Lorka "
        "12 Millionen Euro.",
        [("Lorka", "10000000 EUR", None, "unknown"), ("Lorka", "12000000 EUR", None, "unknown")],
    ),
]

#: The name at the end of a source after "laut" is no actor, also when it has several words.
SOURCE: list[tuple[str, list[Round]]] = [
    (
        "Die Start-ups der Region konnten laut den Tirol Startup Insights insgesamt 90 "
        "Millionen Euro einsammeln.",
        [],
    ),
    (
        "Das Start-up Lorka hat laut dem Handelsblatt 5 Millionen Euro eingesammelt.",
        [("Lorka", "5000000 EUR", None, "unknown")],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    NOUN_PHRASE + PREDICATIVE + TYPE_ALONE + GIVER + GLUED + ROUNDED + SOURCE,
    ids=lambda x: str(x)[:50],
)
def test_family(text: str, expected: list[Round]) -> None:
    assert _rounds(text) == expected


#: (text, leads, investors) of the one round the text reports: several investors that "steigen
#: ... ein" (the particle at the clause's end, not the article "um ein Drittel"); a place before
#: a descriptor inside a list of investors ("das Schweizer Softwareunternehmen X").
INVESTORS: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
    (
        "Das Start-up Lorka hat 5 Millionen Euro eingesammelt. Die Gründer Anna Berg und Tim "
        "Roth steigen mit ihrem privaten Geld bei dem Start-up ein.",
        (),
        ("Anna Berg", "Tim Roth"),
    ),
    (
        "Die Preise steigen in diesem Jahr um ein Fünftel, das Start-up Lorka erhielt 3 "
        "Millionen Euro.",
        (),
        (),
    ),
    (
        "Der Handelskonzern Noma und das Schweizer Softwareunternehmen Kelvo beteiligen sich "
        "an Lorka.",
        (),
        ("Noma", "Kelvo"),
    ),
    (
        "Die Genfer Kantonalbank und Atlas Ventures beteiligen sich an Lorka.",
        (),
        ("Genfer Kantonalbank", "Atlas Ventures"),
    ),
]


@pytest.mark.parametrize(("text", "leads", "investors"), INVESTORS, ids=lambda x: str(x)[:50])
def test_investors(text: str, leads: tuple[str, ...], investors: tuple[str, ...]) -> None:
    assert investors_of(text) == (leads, investors)
