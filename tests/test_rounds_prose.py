"""Table tests of extract_rounds for the families of the fourth pass of #13 (``dev4``).

The families were found in the errors on the fourth development part, which is mostly
positives: investors named in free prose (reported speech, "erhielt von X", "unter den
Geldgebern befindet sich X"), descriptors before an investor's name, money that flows into
start-ups in general, and words that are no company. Each row is a sentence written for this
file (no sentence of an evaluation part), labelled before the extractor ran on it. A round is
(company, amount, valuation, round type).
"""

from __future__ import annotations

import pytest

from tests._rounds import Round, investors_of
from tests._rounds import rounds_in as _rounds

#: Prepositions, adverbs and common nouns at the start of a phrase are no names.
NO_NAME: list[tuple[str, list[Round]]] = [
    (
        "Die breite Masse hat Schwierigkeiten, Wachstumskapital von zwei Millionen Euro "
        "einzuwerben.",
        [],
    ),
    (
        "Vielleicht waren sie froh, dass jemand investieren wollte. Er gab ihnen 40.000 Euro.",
        [],
    ),
    (
        "Die Leukocare AG sammelte 15 Millionen Euro ein.",
        [("Leukocare AG", "15000000 EUR", None, "unknown")],
    ),
    # a name ending in a word of the trade after an adjective-shaped word
    (
        "Das Startup Zapper Labs hat eine Finanzierungsrunde über 15 Millionen Dollar "
        "abgeschlossen.",
        [("Zapper Labs", "15000000 USD", None, "unknown")],
    ),
    ("Große Technologieunternehmen haben 5 Mio. Euro erhalten.", []),
]

#: Money that flows into start-ups in general is a statistic, no round.
NO_ROUND: list[tuple[str, list[Round]]] = [
    ("Über zwei Milliarden Franken flossen 2020 in Schweizer Start-ups.", []),
    (
        "Während in den USA voriges Jahr 148 Milliarden Dollar an Risikokapital in Gründungen "
        "flossen, waren es in Deutschland nur acht Milliarden Dollar.",
        [],
    ),
    (
        "Die Bank will jährlich rund zehn Millionen Franken in innovative Jungunternehmen "
        "investieren.",
        [],
    ),
]


#: After a round, a statistic about start-ups in general is no more of it ("die Start-ups" are
#: many, not the one named before).
AFTER_A_ROUND: list[tuple[str, list[Round]]] = [
    (
        "Das Start-up Kova hat 5 Mio. Euro erhalten. Im Jahr 2020 kamen die Start-ups bei "
        "Finanzierungsrunden auf 115 Millionen Euro.",
        [("Kova", "5000000 EUR", None, "unknown")],
    ),
    (
        "Das Start-up Kova hat 5 Mio. Euro erhalten. Über zwei Milliarden Franken flossen 2020 "
        "in Schweizer Start-ups.",
        [("Kova", "5000000 EUR", None, "unknown")],
    ),
    (
        "Das Start-up Kova hat 5 Mio. Euro erhalten. Die Bank will jährlich zehn Millionen "
        "Franken in innovative Jungunternehmen investieren.",
        [("Kova", "5000000 EUR", None, "unknown")],
    ),
    # "jene von X" names the company of the round; a news portal is no company
    (
        "Die grösste Finanzierungsrunde der Region war jene von Amicus aus Baar. Das "
        "Investmentunternehmen Hadron hat 21,3 Millionen Franken in die Firma investiert.",
        [("Amicus", "21300000 CHF", None, "unknown")],
    ),
    (
        "Das zeigt der Report, der vom Newsportal Tickerwelt.ch veröffentlicht wird. Die grösste "
        "Runde war jene von Amicus. Das Investmentunternehmen Hadron hat 21,3 Millionen Franken "
        "in die Firma investiert.",
        [("Amicus", "21300000 CHF", None, "unknown")],
    ),
    # "allein" before the subject
    (
        "Im Sommer hatte allein Ant Financial 4,5 Milliarden Dollar eingesammelt.",
        [("Ant Financial", "4500000000 USD", None, "unknown")],
    ),
    (
        "Das Start-up Kova hat 5 Mio. Euro erhalten. Damals waren den aufstrebenden Finanzfirmen "
        "14,5 Milliarden Dollar zugeflossen.",
        [("Kova", "5000000 EUR", None, "unknown")],
    ),
    # "beim" before the company invested in
    (
        "Beim Weltraum-Startup Morva ist der Investmentarm Kite des Konzerns mit 3 Mio. Euro "
        "eingestiegen.",
        [("Morva", "3000000 EUR", None, "unknown")],
    ),
    # "verzeichnete eine Finanzierung" reports a round
    (
        "Die Firma Ardo verzeichnete eine Finanzierung über 29 Millionen Euro.",
        [("Ardo", "29000000 EUR", None, "unknown")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), NO_NAME + NO_ROUND + AFTER_A_ROUND)
def test_family(text: str, expected: list[Round]) -> None:
    assert _rounds(text) == expected


#: (text, leads, investors) of the one round the text reports.
INVESTORS: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
    # reported speech: "hätten sich beteiligt", "seien beteiligt"
    (
        "Das Start-up Vireo hat 10 Mio. Euro eingesammelt. An der Runde beteiligt hätten sich "
        "Aqua Capital und Nordwind.",
        (),
        ("Aqua Capital", "Nordwind"),
    ),
    # the source of the money after the verb: "erhielt von X", "hat von X ... bekommen"
    (
        "Das Start-up Arvo erhielt von der Investmentgesellschaft Northgate 20 Millionen Franken.",
        (),
        ("Northgate",),
    ),
    (
        "Das Start-up Kelda hat von dem US-Fonds Ridgeline eine Finanzierung von 15 Millionen "
        "Dollar bekommen.",
        (),
        ("Ridgeline",),
    ),
    # one investor among the backers: "befindet sich"
    (
        "Das Start-up Tiva hat 8 Mio. Euro erhalten, unter den Geldgebern befindet sich auch "
        "der Business Angel Jan Moll.",
        (),
        ("Jan Moll",),
    ),
    # leads named before "federführend"
    (
        "Das Start-up Umbra hat 4 Mio. Euro gesichert. Die Altinvestoren Lakeside Ventures und "
        "Piton sind wieder federführend dabei.",
        ("Lakeside Ventures", "Piton"),
        ("Lakeside Ventures", "Piton"),
    ),
    # a place after a listed name does not end the list
    (
        "Das Start-up Kova hat 5 Mio. Euro erhalten. An der Runde beteiligten sich Nordwind aus "
        "Wien und Bergland aus Graz.",
        (),
        ("Nordwind", "Bergland"),
    ),
    # a relative clause describes the company; the names in it are no companies
    (
        "Das Startup Tarn Labs, das hinter der App Pixelwelt steht, hat 15 Millionen Dollar "
        "eingesammelt. Leadinvestor ist der Wagniskapitalgeber Venrock.",
        ("Venrock",),
        ("Venrock",),
    ),
    # the leads after the verb, before "federführend"; "Investments" ends a name
    (
        "Das Start-up Umbra hat 4 Mio. Euro gesichert. Laut Handelsregister sind die "
        "Altinvestoren um Lakeside Ventures und Piton Capital Investments wieder federführend "
        "dabei.",
        ("Lakeside Ventures", "Piton Capital Investments"),
        ("Lakeside Ventures", "Piton Capital Investments"),
    ),
    # a descriptor of investors before the name
    (
        "Das Start-up Dapra hat 15 Millionen Dollar eingesammelt. Leadinvestor ist der "
        "US-amerikanische Wagniskapitalgeber Venrock.",
        ("Venrock",),
        ("Venrock",),
    ),
    (
        "Gemäss dem Bericht erhielt das Start-up Lumin 62 Millionen Franken, unter den "
        "Geldgebern ist auch die Genfer Kantonalbank.",
        (),
        ("Genfer Kantonalbank",),
    ),
]


@pytest.mark.parametrize(("text", "leads", "investors"), INVESTORS)
def test_investors(text: str, leads: tuple[str, ...], investors: tuple[str, ...]) -> None:
    assert investors_of(text) == (leads, investors)
