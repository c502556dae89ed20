"""Table tests of extract_rounds for the misreadings left after the eighth pass of #13.

Each family is a structural assumption of the rules that failed on a development part (dev8)
or in the table tests of the last pass, written here as sentences of its own (no sentence of
an evaluation part), labelled before the extractor ran on them: a city word that is part of
a name, a capitalised word ending in "-er" after a descriptor, a name ending in "Invest"
read as the verb "invest", a name ending in a singular "Partner", investors after "darunter"
behind shareholders, investors after a comma behind a verb of raising, the subject after a
verb of no raising behind a fronted phrase, a common adjective before a noun of the trade,
verbs of investing in the plural. A row is a text and the leads and investors of its one
round, or a text and the rounds it reports, each as (company, amount, valuation, round type).
"""

from __future__ import annotations

import pytest

from aieco import extract_rounds
from tests._rounds import Round, investors_of
from tests._rounds import rounds_in as _rounds

#: A noun that makes a name with the city word before it ("die Hannover Rück", "die Münchener
#: Rück", "die Stuttgarter Börse", "die Frankfurter Allgemeine"), as "die Genfer Kantonalbank"
#: does: the city word is part of the name, not a place before it (`_lexicon.CITY_NAMED`).
CITY_NAMES: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
    (
        "Lorka sammelt 8 Millionen Euro ein. Beteiligt ist auch die Hannover Rück.",
        (),
        ("Hannover Rück",),
    ),
    (
        "Lorka sammelt 8 Millionen Euro ein. Beteiligt sind die Münchener Rück und Kelvo Capital.",
        (),
        ("Münchener Rück", "Kelvo Capital"),
    ),
    (
        "Das Start-up Lorka erhält 5 Millionen Euro von der Stuttgarter Börse.",
        (),
        ("Stuttgarter Börse",),
    ),
    (
        "Das Start-up Lorka erhält 5 Millionen Euro. Beteiligt ist auch die Frankfurter "
        "Allgemeine.",
        (),
        ("Frankfurter Allgemeine",),
    ),
]

#: A capitalised word ending in "-er" right after a descriptor is the first word of the name
#: ("die US-Fonds Frazier Life Sciences", "vom Investor Walter Capital"): a place adjective
#: stands before the descriptor ("das Berliner Start-up X"), not after it (`_name_start`).
AFTER_DESCRIPTOR: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
    (
        "Lorka erhält 20 Millionen Euro. Außerdem beteiligten sich die US-Fonds Fenner Life "
        "Sciences und Kelvo Capital.",
        (),
        ("Fenner Life Sciences", "Kelvo Capital"),
    ),
    (
        "Das Start-up Lorka erhält 3 Millionen Euro vom Investor Walter Capital.",
        (),
        ("Walter Capital",),
    ),
    # a place adjective before the descriptor is still no part of the name
    (
        "Das Start-up Lorka erhält 3 Millionen Euro vom Berliner Investor Kelvo.",
        (),
        ("Kelvo",),
    ),
]

#: A name ending in "Invest" ("Kelvo Invest", "Nextech Invest") is no verb of investing: the
#: verb of the clause is the one after it ("beteiligt sich"), and the list of investors goes on
#: past it (`_invest_verb`).
INVEST_NAMES: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
    (
        "Lorka hat 2 Millionen Euro eingesammelt. Neben Förderinstitutionen wie Kelvo Invest "
        "und Tamis Capital beteiligt sich auch der Konzern Ardent.",
        (),
        ("Kelvo Invest", "Tamis Capital", "Ardent"),
    ),
    (
        "Lorka hat 2 Millionen Euro eingesammelt. Neben Kelvo Invest und Tamis beteiligt sich "
        "auch Noma.",
        (),
        ("Kelvo Invest", "Tamis", "Noma"),
    ),
    (
        "Lorka sammelt 6 Millionen Euro ein. Die Runde wurde von Nextech Invest angeführt, "
        "beteiligt sind auch Kelvo und Tamis.",
        ("Nextech Invest",),
        ("Nextech Invest", "Kelvo", "Tamis"),
    ),
]


#: A name may end in a singular "Partner" ("Bessemer Venture Partner"), as in "Partners": a
#: word of `_lexicon.NAME_TAILS` after a name's word; alone it is no name.
PARTNER_NAMES: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
    (
        "Zwölf Millionen US-Dollar sammelte Lorka nun in einer Finanzierungsrunde ein, die von "
        "dem US-VC Kelvo Venture Partner angeführt wurde.",
        ("Kelvo Venture Partner",),
        ("Kelvo Venture Partner",),
    ),
    (
        "Lorka sammelt 3 Millionen Euro ein. Beteiligt ist auch Tamis Partner.",
        (),
        ("Tamis Partner",),
    ),
    (
        "Lorka sammelt 3 Millionen Euro ein. Beteiligt sind Kelvo und ein Partner aus Zürich.",
        (),
        ("Kelvo",),
    ),
]


#: Investors listed after "darunter" behind a noun of shareholders inside the subject ("Neue und
#: alte Gesellschafter, darunter die Hannover Rück, investieren ..."), also where a colon does
#: not open a clause of its own (`_lexicon.INVESTORS_BEFORE`).
SHAREHOLDERS_AMONG: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
    (
        "Neue und alte Gesellschafter, darunter die Hannover Rück, investieren 21 Millionen "
        "Euro in das Fintech Lorka.",
        (),
        ("Hannover Rück",),
    ),
    (
        "Es gab wieder große Runden: Neue und alte Gesellschafter, darunter Kelvo Capital, "
        "investieren 21 Millionen Euro in das Fintech Lorka.",
        (),
        ("Kelvo Capital",),
    ),
    (
        "Lorka hat 6 Millionen Euro eingesammelt. Auch die Gesellschafter, darunter die "
        "Münchener Rück, beteiligen sich.",
        (),
        ("Münchener Rück",),
    ),
]

#: A verb of raising, then the investors after a comma ("Lorka erhält 5 Mio. Euro, beteiligt ist
#: auch Kelvo"): the names before the verb of raising are its subject, not the investor's (the
#: round was lost: its company was taken for an investor; `_Reader._investing`).
RAISED_THEN_INVESTORS: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
    (
        "Das Start-up Lorka erhält 5 Millionen Euro, beteiligt ist auch Kelvo.",
        (),
        ("Kelvo",),
    ),
    (
        "Lorka hat 5 Millionen Euro eingesammelt, beteiligt sind Kelvo und Tamis.",
        (),
        ("Kelvo", "Tamis"),
    ),
    (
        "Lorka sammelt 5 Millionen Euro ein, angeführt von Kelvo, beteiligt sind auch Tamis und "
        "Noma.",
        ("Kelvo",),
        ("Kelvo", "Tamis", "Noma"),
    ),
    # the investor before its own verb, as before
    (
        "Kelvo hat 5 Millionen Euro in das Start-up Lorka investiert.",
        (),
        ("Kelvo",),
    ),
]


#: Verbs of investing in the plural ("Kelvo und Tamis stecken 5 Mio. in Lorka") make a sentence
#: worth reading (`_lexicon.CUE_WORDS` had only "steckt", "pumpt"), and open a main clause
#: after a colon as the singular does ("Neu: Kelvo und Tamis investieren ...";
#: `_lexicon.CLAUSE_OPENERS`).
PLURAL_INVESTING: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
    (
        "Kelvo und Tamis stecken 5 Millionen Euro in das Start-up Lorka.",
        (),
        ("Kelvo", "Tamis"),
    ),
    (
        "Die Fonds Kelvo und Tamis pumpen 3 Millionen Euro in Lorka.",
        (),
        ("Kelvo", "Tamis"),
    ),
    (
        "Neu in dieser Woche: Kelvo und Tamis investieren 21 Millionen Euro in das Fintech Lorka.",
        (),
        ("Kelvo", "Tamis"),
    ),
    (
        "Neu: Kelvo und Tamis stecken 5 Millionen Euro in Lorka.",
        (),
        ("Kelvo", "Tamis"),
    ),
]


@pytest.mark.parametrize(
    ("text", "leads", "investors"),
    PLURAL_INVESTING
    + CITY_NAMES
    + AFTER_DESCRIPTOR
    + INVEST_NAMES
    + PARTNER_NAMES
    + SHAREHOLDERS_AMONG
    + RAISED_THEN_INVESTORS,
    ids=lambda x: str(x)[:50],
)
def test_investor_lists(text: str, leads: tuple[str, ...], investors: tuple[str, ...]) -> None:
    assert investors_of(text) == (leads, investors)


#: The same names as raising companies and as the one who invests.
ROUNDS: list[tuple[str, list[Round]]] = [
    (
        "Die Beteiligungsgesellschaft Kelvo Invest beteiligt sich mit 2 Millionen Euro an Lorka.",
        [("Lorka", "2000000 EUR", None, "unknown")],
    ),
    (
        "Der Versicherer Hannover Rück investiert 10 Millionen Euro in das Start-up Lorka.",
        [("Lorka", "10000000 EUR", None, "unknown")],
    ),
    # a city adjective before a descriptor, then the name: the company, as before
    (
        "Das Münchner Start-up Lorka sammelt 4 Millionen Euro ein.",
        [("Lorka", "4000000 EUR", None, "unknown")],
    ),
    (
        "Die Münchner Lorka sammelt 4 Millionen Euro ein.",
        [("Lorka", "4000000 EUR", None, "unknown")],
    ),
]

#: A verb of no raising with its subject after it, behind a fronted phrase of time ("Vor wenigen
#: Tagen startete X mit ... einer 200 Mio. Serie-A-Finanzierung"), where the clause names the
#: round: the subject is the company (its figure went to the company named before; German puts
#: the finite verb second, `_fronted_verb`).
FRONTED: list[tuple[str, list[Round]]] = [
    (
        "Lorka erhält 5 Millionen Euro. Vor wenigen Tagen startete Kelvo Bio mit einer "
        "Serie-A-Finanzierung über 20 Millionen Euro.",
        [
            ("Lorka", "5000000 EUR", None, "unknown"),
            ("Kelvo Bio", "20000000 EUR", None, "series_a"),
        ],
    ),
    (
        "Lorka erhält 5 Millionen Euro. Am Montag meldete Kelvo eine Seed-Runde über 2 Millionen "
        "Euro.",
        [("Lorka", "5000000 EUR", None, "unknown"), ("Kelvo", "2000000 EUR", None, "seed")],
    ),
    # no name after the verb: nothing new
    (
        "Lorka hat 5 Millionen Euro eingesammelt. In Deutschland gab es 2023 rund 500 "
        "Finanzierungsrunden.",
        [("Lorka", "5000000 EUR", None, "unknown")],
    ),
]

#: A common adjective before a noun of the trade that may end a name ("Junge Biotech sammelt
#: ...") describes a company, it names none; a word of the same shape that is no adjective
#: names one ("Twogee Biotech"), and so do nationality adjectives ("Deutsche Bank"):
#: `_lexicon.COMMON_ADJECTIVES`.
DESCRIBED: list[tuple[str, list[Round]]] = [
    ("Junge Biotech sammelt 5 Millionen Euro ein.", []),
    ("Innovative Medtech sammelt 5 Millionen Euro ein.", []),
    ("Aufstrebende Biotech erhält 2 Millionen Euro.", []),
    # money put into a field, not a company: no round, as before
    ("Die Konzerne können Milliarden in KI stecken.", []),
    (
        "Twogee Biotech sammelt 5 Millionen Euro ein.",
        [("Twogee Biotech", "5000000 EUR", None, "unknown")],
    ),
    (
        "Deutsche Bank investiert 5 Millionen Euro in Lorka.",
        [("Lorka", "5000000 EUR", None, "unknown")],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), ROUNDS + FRONTED + DESCRIBED, ids=lambda x: str(x)[:50]
)
def test_rounds(text: str, expected: list[Round]) -> None:
    assert _rounds(text) == expected


def test_investor_named_invest() -> None:
    """Who invests is the name ending in "Invest", read whole."""
    (found,) = extract_rounds(
        "Die Beteiligungsgesellschaft Kelvo Invest beteiligt sich mit 2 Millionen Euro an Lorka."
    )
    assert found.investors == ("Kelvo Invest",)
