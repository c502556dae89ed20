"""Table tests of extract_rounds for the failure families of the eighth pass of #13.

Each family was seen in the errors of the new ``dev8`` (labelled and committed before the
extractor ran on it) and is a structural assumption of the rules, not a phrase of one text:
how an investor's descriptor, a capitalised adjective or a source phrase shape a name, where
the subject stands after a fronted phrase, which figure is a share of a round, and which words
describe companies without naming one. Each row is a sentence written for this file (no
sentence of an evaluation part), labelled before the extractor ran on it. A row is a text and
the rounds it reports, each as (company, amount, valuation, round type), or a text and the
leads and investors of its one round.
"""

from __future__ import annotations

import pytest

from tests._rounds import Round, investors_of
from tests._rounds import rounds_in as _rounds

#: An investor's role before its name ("der Altgesellschafter X", "der Aktionär Y",
#: "die Anteilseignerin Z") is a descriptor, as "der Investor X" is: `_lexicon.DESCRIPTORS`.
INVESTOR_ROLES: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
    (
        "Das Start-up Lorka hat 4 Millionen Euro erhalten. Zudem investierten der "
        "Altgesellschafter Brisk Ventures und die Business Angels Anna Roth und Ben Ito.",
        (),
        ("Brisk Ventures", "Anna Roth", "Ben Ito"),
    ),
    (
        "Das Start-up Lorka hat 4 Millionen Euro erhalten. Beteiligt sind der Aktionär Kelvo "
        "Capital und der Gesellschafter Tamis Holding.",
        (),
        ("Kelvo Capital", "Tamis Holding"),
    ),
]

#: A source phrase inside a list of investors ("beteiligen sich den Angaben zufolge auch X") is
#: no name, as "X zufolge" after a company is not: `_lexicon.SOURCE_AFTER`.
SOURCE_IN_LIST: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
    (
        "Lorka hat eine Finanzierungsrunde über 9 Millionen Euro abgeschlossen. Daran beteiligen "
        "sich dem Bericht zufolge auch die Kelvo Capital und die Tamis Holding.",
        (),
        ("Kelvo Capital", "Tamis Holding"),
    ),
]

#: An adjective written with a capital inside a sentence belongs to a name ("die Europäische
#: Investitionsbank", "die Norddeutsche Landesbank"); it is no generic noun before one, as
#: "Der Robo-Advisor" is: `_NAME_ADJECTIVE`.
NAME_ADJECTIVES: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
    (
        "Das Berliner Start-up Lorka erhält 12 Millionen Euro von der Europäischen "
        "Investitionsbank.",
        (),
        ("Europäischen Investitionsbank",),
    ),
    (
        "Lorka sammelt 3 Millionen Euro ein. Beteiligt ist auch die Norddeutsche Landesbank.",
        (),
        ("Norddeutsche Landesbank",),
    ),
    # a generic noun before a name is still cut off
    (
        "Lorka sammelt 3 Millionen Euro ein. Beteiligt ist auch der Vermögensverwalter Kelvo.",
        (),
        ("Kelvo",),
    ),
]

#: A plural noun before "wie" gives examples, the names follow ("Neben Geldgebern wie dem X und
#: Y beteiligt sich auch Z"): `_open_phrase`.
EXAMPLES_WITH_WIE: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
    (
        "Lorka hat 2 Millionen Euro eingesammelt. Neben bekannten Förderinstitutionen wie "
        "Kelvo und Tamis Capital beteiligt sich auch der Konzern Ardent.",
        (),
        ("Kelvo", "Tamis Capital", "Ardent"),
    ),
]

FAMILIES: list[tuple[str, list[Round]]] = [
    # A name of a company's people with "von" ("die Enzymspezialisten von X" as "die
    # Spezialisten der X"), and a name ending in a word of the trade that ends company names
    # ("Biotech", "Pharma", "Therapeutics"): `_lexicon.NAME_SUFFIXES`.
    (
        "Nun haben die Softwareentwickler von Kelvin Biotech eine Seedfinanzierung über 3 "
        "Millionen Euro abgeschlossen.",
        [("Kelvin Biotech", "3000000 EUR", None, "seed")],
    ),
    (
        "Tamis Pharma hat 8 Millionen Euro eingesammelt.",
        [("Tamis Pharma", "8000000 EUR", None, "unknown")],
    ),
    # not a common noun of what they make after "von"
    (
        "Die Hersteller von Solardächern erhielten 2 Millionen Euro.",
        [],
    ),
    # The subject after the verb, past the adverbs between ("erhält nun auch X"), not a name
    # in a phrase fronted before the verb: `_skip_adverbs`.
    (
        "Nach der großen Runde von Kelvo Robotics erhält nun auch Tamis 12 Millionen Euro.",
        [("Tamis", "12000000 EUR", None, "unknown")],
    ),
    (
        "Im Sommer sammelte jetzt Ardent 5 Millionen Franken ein.",
        [("Ardent", "5000000 CHF", None, "unknown")],
    ),
    # A figure followed by "der Finanzierung"/"der Runde" is a share of the round, not the
    # round: `_lexicon.PART_OF_ROUND`.
    (
        "Der Investor Kelvo Capital investiert 6 Millionen Euro in das Start-up Tamis. Zwei "
        "Millionen der Finanzierung stammen vom Konzern Ardent.",
        [("Tamis", "6000000 EUR", None, "unknown")],
    ),
    (
        "Tamis sammelt 10 Millionen Euro ein. Vier Millionen der Runde kommen von Ardent.",
        [("Tamis", "10000000 EUR", None, "unknown")],
    ),
    # Adjectives and places before a descriptor name no company ("Innovative Wiener
    # Jungunternehmen", "Große Technologieunternehmen"): `_no_name`.
    (
        "Junge Münchner Softwareunternehmen sammeln jährlich 400 Millionen Euro ein.",
        [],
    ),
    (
        "Innovative Grazer Start-ups erhielten 2023 zusammen 90 Millionen Euro.",
        [],
    ),
    # a name before the descriptor stays a name
    (
        "Kelvo Robotics erhielt 9 Millionen Euro.",
        [("Kelvo Robotics", "9000000 EUR", None, "unknown")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), FAMILIES, ids=lambda x: str(x)[:50])
def test_family(text: str, expected: list[Round]) -> None:
    assert _rounds(text) == expected


@pytest.mark.parametrize(
    ("text", "leads", "investors"),
    INVESTOR_ROLES + SOURCE_IN_LIST + NAME_ADJECTIVES + EXAMPLES_WITH_WIE,
    ids=lambda x: str(x)[:50],
)
def test_investor_lists(text: str, leads: tuple[str, ...], investors: tuple[str, ...]) -> None:
    assert investors_of(text) == (leads, investors)


#: Money that is no round, by the shape of its sentence (dev8's market totals and sources):
#: a figure over a counted number of rounds is a total ("mit 173 Millionen Euro an Investments
#: in 71 Finanzierungsrunden", also before the figure: "In 42 Finanzierungsrunden flossen ...";
#: `_lexicon.TOTAL_AFTER`, `TOTAL_BEFORE`); the firm after "Laut einer Auswertung der
#: Analysefirma X" is the source (`_lexicon.SOURCE_DESCRIPTOR`); a money noun ("an
#: Landesmitteln", "Fördergeldern") is no company (`_lexicon.COMMON_NOUN_END`).
NOT_ROUNDS: list[tuple[str, list[Round]]] = [
    (
        "Bayerns Gründerszene ist mit 500 Millionen Euro an Investments in 90 "
        "Finanzierungsrunden im Jahr 2022 im Aufschwung.",
        [],
    ),
    (
        "In 42 publizierten Finanzierungsrunden flossen 2024 rund 400 Millionen Franken in "
        "Spin-offs der Hochschule.",
        [],
    ),
    (
        "Laut einer Auswertung der Analysefirma Kelvo Data haben Geldgeber 2 Milliarden Euro in "
        "deutsche Start-ups gesteckt.",
        [],
    ),
    (
        "Zum Vergleich: In einen älteren Fonds steckte die Regierung vier Millionen Euro an "
        "Landesmitteln.",
        [],
    ),
    # a round's own "Finanzierungsrunde über 8 Millionen" and "in der zweiten Runde" stay
    (
        "Kelvo hat eine Finanzierungsrunde über 8 Millionen Franken abgeschlossen.",
        [("Kelvo", "8000000 CHF", None, "unknown")],
    ),
    (
        "Das Start-up Lorka erhält 5 Millionen Euro in der zweiten Finanzierungsrunde.",
        [("Lorka", "5000000 EUR", None, "unknown")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), NOT_ROUNDS, ids=lambda x: str(x)[:50])
def test_not_rounds(text: str, expected: list[Round]) -> None:
    assert _rounds(text) == expected


#: A descriptor right before a name marks it, whatever its ending: "der Lebensmittellieferant
#: Rohlik" (dev5) is a name although "-ik" ends common nouns ("Robotik"); a descriptor further
#: back, across the verb ("Start-ups sichern sich Spitzensummen"), marks nothing: `_name_shaped`.
MARKED_NAMES: list[tuple[str, list[Round]]] = [
    (
        "Der tschechische Online-Händler Kolik hat sich bei Investoren 40 Millionen Euro besorgt.",
        [("Kolik", "40000000 EUR", None, "unknown")],
    ),
    (
        "Das Start-up Vendung sammelt 3 Millionen Franken ein.",
        [("Vendung", "3000000 CHF", None, "unknown")],
    ),
    (
        "Mehrere Start-ups sichern sich Spitzensummen von 30 Millionen Euro.",
        [],
    ),
    # an indefinite descriptor names no one: "ein Start-up Insolvenz anmelden"
    (
        "Mit Kelvo musste ein Start-up Insolvenz anmelden, das zuvor 400.000 Euro eingesammelt "
        "hatte.",
        [],
    ),
    (
        "Der Staat investiert 50 Millionen Euro in Bildung.",
        [],
    ),
]


@pytest.mark.parametrize(("text", "expected"), MARKED_NAMES, ids=lambda x: str(x)[:50])
def test_marked_names(text: str, expected: list[Round]) -> None:
    assert _rounds(text) == expected


#: A small number after a name word is part of the name ("die Firma Neuron 23", dev4), not a
#: year or a figure: `_name_end`.
NUMBERED_NAMES: list[tuple[str, list[Round]]] = [
    (
        "Mit Partnern gründete der Konzern die Firma Kelvo 7 in Boston - die Finanzierung "
        "schlossen sie mit 20 Millionen Euro ab.",
        [("Kelvo 7", "20000000 EUR", None, "unknown")],
    ),
    (
        "Das Start-up Kelvo sammelte 2021 4 Millionen Euro ein.",
        [("Kelvo", "4000000 EUR", None, "unknown")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), NUMBERED_NAMES, ids=lambda x: str(x)[:50])
def test_numbered_names(text: str, expected: list[Round]) -> None:
    assert _rounds(text) == expected
