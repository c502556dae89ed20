"""Table tests of extract_rounds: function words first in a sentence are no names (issue #13).

German writes every word first in a sentence with a capital, so a preposition, conjunction,
adverb or pronoun there has the shape of a name ("Vermutlich", "Zwischen", "Mittels"). The
closed classes are data, whole (`_lexicon.FUNCTION_JOINS`, `_lexicon.FUNCTION_ADVERBS`), not
one word per error; and a phrase opened by a preposition is no subject: the subject of such
a clause follows its verb. Sentences written for these tests (no sentence of an evaluation
part), labelled before the extractor ran on them; a row is a text, the company of its one
round and that round's investors.
"""

from __future__ import annotations

import pytest

from aieco import extract_rounds

ROWS: list[tuple[str, str, tuple[str, ...]]] = [
    ("Vermutlich erhält Lorka 5 Millionen Euro von Tamis.", "Lorka", ("Tamis",)),
    ("Angesichts der Krise sammelt Lorka 5 Millionen Euro ein.", "Lorka", ()),
    ("Zumindest hat Lorka 5 Millionen Euro eingesammelt.", "Lorka", ()),
    ("Leider hat Lorka nur 5 Millionen Euro eingesammelt.", "Lorka", ()),
    ("Zwischen Tamis und Ardent sammelt Lorka 5 Millionen Euro ein.", "Lorka", ()),
    ("Natürlich erhielt Lorka 5 Millionen Euro.", "Lorka", ()),
    ("Hierzu sammelte Lorka 5 Millionen Euro ein.", "Lorka", ()),
    ("Selbstverständlich erhält Lorka 5 Millionen Euro.", "Lorka", ()),
    ("Wahrscheinlich erhält Lorka 5 Millionen Euro.", "Lorka", ()),
    ("Dann erhielt Lorka 5 Millionen Euro.", "Lorka", ()),
    ("Bezüglich der Runde erhält Lorka 5 Millionen Euro.", "Lorka", ()),
    ("Aufgrund der Nachfrage erhält Lorka 5 Millionen Euro.", "Lorka", ()),
    ("Einige Investoren haben 5 Millionen Euro in Lorka gesteckt.", "Lorka", ()),
    # the investor after the verb of a clause that a prepositional phrase opens
    (
        "Das Start-up Lorka erhält 5 Millionen Euro. Innerhalb der Runde investiert Tamis "
        "ebenfalls.",
        "Lorka",
        ("Tamis",),
    ),
    (
        "Das Start-up Lorka erhält 5 Millionen Euro. Mittels einer Wandelanleihe beteiligt "
        "sich Tamis.",
        "Lorka",
        ("Tamis",),
    ),
    (
        "Das Start-up Lorka erhält 5 Millionen Euro. Über eine Tochter beteiligt sich auch Tamis.",
        "Lorka",
        ("Tamis",),
    ),
]


@pytest.mark.parametrize(("text", "company", "investors"), ROWS)
def test_function_words(text: str, company: str, investors: tuple[str, ...]) -> None:
    (found,) = extract_rounds(text)
    assert (found.company, found.investors) == (company, investors)
