"""Table tests of extract_rounds: where a list of investors goes on (issue #13).

The items of a list are noun phrases joined by commas, "und" and "sowie"; what stands between
them and is no item must not end the list: a place of several words ("aus den Vereinigten
Arabischen Emiraten"), and the word that opens the members of a group after a comma
("alle bisherigen Investoren, einschließlich der X", "allen voran", "insbesondere":
`_lexicon.LIST_OPENERS`), also at the end of a clause of investors ("Mehrere Geldgeber
beteiligen sich, darunter A und B": `_lexicon.INVESTORS_MEMBERS`). And a descriptor that
ends a compound ("die KI-Schmiede X", `_lexicon.COMPOUND_TAILS`) marks the name after it as
one. Sentences written for these tests
(no sentence of an evaluation part), labelled before the extractor ran on them.
"""

from __future__ import annotations

import pytest

from aieco import extract_rounds
from tests._rounds import investors_of

ROUND = "Das Start-up Lorka erhält 5 Millionen Euro. "

#: (the clause after the round, the investors of Lorka's round).
LISTS: list[tuple[str, tuple[str, ...]]] = [
    # a place of several words between two items
    (
        "Auch der Staatsfonds Kelvo aus den Vereinigten Arabischen Emiraten sowie die Berliner "
        "Wagniskapitalfirmen Tamis und Ardent beteiligen sich.",
        ("Kelvo", "Tamis", "Ardent"),
    ),
    ("Beteiligt sind Kelvo aus New York und Tamis aus Baden-Württemberg.", ("Kelvo", "Tamis")),
    ("Beteiligt sind Kelvo aus den Vereinigten Staaten und Tamis.", ("Kelvo", "Tamis")),
    # a one-word place, as before
    ("Beteiligt sind Kelvo aus Norwegen und Tamis.", ("Kelvo", "Tamis")),
    # the members of a group after a comma
    (
        "Beteiligt waren auch alle bisherigen Investoren, einschließlich der Kölner Sparkasse.",
        ("Kölner Sparkasse",),
    ),
    (
        "Beteiligt waren auch die bestehenden Investoren, einschliesslich Kelvo und Tamis.",
        ("Kelvo", "Tamis"),
    ),
    ("Mehrere Investoren, allen voran Kelvo Capital, beteiligen sich.", ("Kelvo Capital",)),
    ("Die Investoren, insbesondere Kelvo und Tamis, beteiligen sich.", ("Kelvo", "Tamis")),
    ("Die Investoren, darunter Kelvo und Tamis, beteiligen sich.", ("Kelvo", "Tamis")),
    # the members after a comma at the end of a clause of investors
    ("Mehrere Geldgeber beteiligen sich, darunter Tamis und Ardent.", ("Tamis", "Ardent")),
    ("Bestehende Investoren zogen mit, insbesondere Tamis.", ("Tamis",)),
    ("Einige Investoren beteiligen sich, darunter Tamis.", ("Tamis",)),
    # not in a clause of no investors
    ("Lorka hat Kunden in vielen Ländern, darunter Deutschland.", ()),
]


@pytest.mark.parametrize(("clause", "investors"), LISTS)
def test_lists(clause: str, investors: tuple[str, ...]) -> None:
    assert investors_of(ROUND + clause) == ((), investors)


#: (text, the company of its one round).
COMPOUND_DESCRIPTORS: list[tuple[str, str]] = [
    ("Die Berliner KI-Schmiede Lorka sammelt 5 Millionen Euro ein.", "Lorka"),
    ("Die Münchner Software-Schmiede Lorka erhält 5 Millionen Euro.", "Lorka"),
    ("Der Modeversender Lorka erhält 5 Millionen Euro.", "Lorka"),
    # alone the word is a surname, part of the name
    ("Das Start-up Macher Labs erhält 5 Millionen Euro.", "Macher Labs"),
]


@pytest.mark.parametrize(("text", "company"), COMPOUND_DESCRIPTORS)
def test_compound_descriptors(text: str, company: str) -> None:
    (found,) = extract_rounds(text)
    assert found.company == company


#: Function words the closed classes now hold whole, each first in its sentence.
FUNCTION_WORDS: list[tuple[str, tuple[str, ...]]] = [
    ("Ungeachtet der Krise beteiligt sich Kelvo.", ("Kelvo",)),
    ("Wieviel Kelvo investiert, ist offen, beteiligt ist Kelvo aber.", ("Kelvo",)),
]


@pytest.mark.parametrize(("clause", "investors"), FUNCTION_WORDS)
def test_function_words_in_lists(clause: str, investors: tuple[str, ...]) -> None:
    assert investors_of(ROUND + clause) == ((), investors)
