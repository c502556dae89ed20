"""Table tests of extract_rounds for defects the seventh session's review found.

Each row is a sentence written for this file (no sentence of an evaluation part), labelled
before the fix ran on it: a text and the rounds it reports, each as (company, amount,
valuation, round type), in order; or a text and the leads and investors of its round.
"""

from __future__ import annotations

import pytest

from tests._rounds import Round, investors_of
from tests._rounds import rounds_in as _rounds

#: A comparison with an earlier round ("Wie schon in der Seed-Runde zuvor ...",
#: `_lexicon.LIKE_BEFORE`) is no earlier round, and the type of the round it compares with is
#: not this round's: the clause reported "Seed" as the type of the 20-million round.
COMPARISONS: list[tuple[str, list[Round]]] = [
    (
        "Lorka hat 20 Millionen Euro eingesammelt. Wie schon in der Seed-Runde zuvor beteiligte "
        "sich Atlas.",
        [("Lorka", "20000000 EUR", None, "unknown")],
    ),
    (
        "Lorka hat in einer Series-A-Runde 20 Millionen Euro eingesammelt. Wie bereits bei der "
        "Seed-Finanzierung damals ist Atlas dabei.",
        [("Lorka", "20000000 EUR", None, "series_a")],
    ),
    # an earlier round outside the comparison is still one
    (
        "Lorka hat 20 Millionen Euro eingesammelt. Wie schon zuvor ist Atlas dabei. Zuvor hatte "
        "Lorka in einer Seed-Runde 2 Millionen Euro erhalten.",
        [("Lorka", "20000000 EUR", None, "unknown"), ("Lorka", "2000000 EUR", None, "seed")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), COMPARISONS, ids=lambda x: str(x)[:50])
def test_comparison_with_an_earlier_round(text: str, expected: list[Round]) -> None:
    assert _rounds(text) == expected


#: A fund named as an investor ("der Fonds HV Capital") is no clause about a fund itself
#: (`_lexicon.FUND_TOPIC`, which dropped every investor of such a clause); "Gemanagt wird der
#: Fonds von ..." still is one.
NAMED_FUNDS: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
    (
        "Lorka hat 10 Millionen Euro eingesammelt. Mit dabei sind der Fonds Atlas Capital und "
        "Borea.",
        (),
        ("Atlas Capital", "Borea"),
    ),
    (
        "Lorka hat 10 Millionen Euro eingesammelt. Beteiligt ist auch der Fonds Atlas.",
        (),
        ("Atlas",),
    ),
    (
        "Lorka erhält 5 Millionen Euro. Gemanagt wird der neue Fonds von den Investoren Atlas "
        "und Borea.",
        (),
        (),
    ),
]


@pytest.mark.parametrize(("text", "leads", "investors"), NAMED_FUNDS, ids=lambda x: str(x)[:50])
def test_named_fund_is_an_investor(
    text: str, leads: tuple[str, ...], investors: tuple[str, ...]
) -> None:
    assert investors_of(text) == (leads, investors)


#: A name after a verb of naming ("heißt", `_lexicon.NAMING_VERBS`) is what a later "die Firma"
#: means only where the verb's subject is a company: a founder's or a product's name made a
#: company of a person or a product.
NAMING: list[tuple[str, list[Round]]] = [
    (
        "Der Gründer heißt Anton Berg. Die Firma hat 5 Millionen Euro erhalten.",
        [],
    ),
    (
        "Das Produkt heißt Zeta. Die Firma hat 5 Millionen Euro erhalten.",
        [],
    ),
    (
        "Das Start-up heißt Lorka. Die Firma hat 5 Millionen Euro erhalten.",
        [("Lorka", "5000000 EUR", None, "unknown")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), NAMING, ids=lambda x: str(x)[:50])
def test_named_by_a_verb_of_naming(text: str, expected: list[Round]) -> None:
    assert _rounds(text) == expected


#: A lead named up to twelve words before "angeführt" (`_lexicon.LEAD_AROUND`, eight words
#: before this session) is read from the last "von" before it: from an earlier "von" the
#: twelve words reached over other names, which became leads, or over the company itself,
#: which then lost its round.
LEADS_FROM_THE_LAST_VON: list[tuple[str, list[Round], tuple[str, ...]]] = [
    (
        "Lorka erhält 15 Millionen Euro. Die Runde mit Geld von Borea, Cirrus und Dorado aus "
        "Berlin wurde von Atlas angeführt.",
        [("Lorka", "15000000 EUR", None, "unknown")],
        ("Atlas",),
    ),
    (
        "Die Finanzierungsrunde von Lorka mit 15 Millionen Euro wird von Atlas Ventures aus "
        "München angeführt.",
        [("Lorka", "15000000 EUR", None, "unknown")],
        ("Atlas Ventures",),
    ),
    (
        "Lorka hat 7 Millionen Franken erhalten. Die Runde wurde vom internationalen "
        "Risikokapitalgeber Atlas mit Standorten in Zug und München angeführt.",
        [("Lorka", "7000000 CHF", None, "unknown")],
        ("Atlas",),
    ),
]


@pytest.mark.parametrize(
    ("text", "expected", "leads"), LEADS_FROM_THE_LAST_VON, ids=lambda x: str(x)[:50]
)
def test_leads_from_the_last_von(text: str, expected: list[Round], leads: tuple[str, ...]) -> None:
    assert _rounds(text) == expected
    assert investors_of(text)[0] == leads
