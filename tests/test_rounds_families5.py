"""Table tests of extract_rounds for the failure families of the fifth pass of #13.

Each family was seen in the errors of more than one development part (``dev3``, ``dev4`` and
the new ``dev5``), not in one sentence. Each row is a sentence written for this file (no
sentence of an evaluation part), labelled before the extractor ran on it. A row is a text and
the rounds it reports, each as (company, amount, valuation, round type), in order.
"""

from __future__ import annotations

import pytest

from tests._rounds import Round
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


@pytest.mark.parametrize(("text", "expected"), NOUN_PHRASE + TYPE_ALONE, ids=lambda x: str(x)[:50])
def test_family(text: str, expected: list[Round]) -> None:
    assert _rounds(text) == expected
