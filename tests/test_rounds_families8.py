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
