"""Table tests of extract_rounds: appositions, money from a programme, nouns of a trade.

Four structures (issue #13), each with sentences written for these tests (no sentence of an
evaluation part), labelled before the extractor ran on them:

- an apposition between the company and its verb may leave the article out, opening with a
  descriptor (", Betreiber der Flixbusse,", ", Hersteller von Batterien,"): it is skipped
  like ", ein Start-up aus Köln,", and the name before it is the subject;
- a second main clause after a comma may open with its figure ("X erhielt 500 Mio., 428 Mio.
  Euro flossen an Y": two rounds, not Y's round of 500 Mio.);
- money whose source is a public programme ("aus der Bundesförderung", "aus einem
  Förderprogramm", "durch die Innovationsförderung") is a grant: no round, whoever gets it;
- a noun of the company's trade after a definite article, with no name after it ("Der
  deutsche Wasserstoffproduzent hat ... bekommen", "Die KI-Schmiede erhält ...") means the
  company named last, as "das Start-up" does (`_lexicon.TRADE_NOUNS`, one table for every
  such noun); a noun that as often means an investor ("der Konzern") does not.
"""

from __future__ import annotations

import pytest

from tests._rounds import Round
from tests._rounds import rounds_in as _rounds

ROWS: list[tuple[str, list[Round]]] = [
    (
        "Lorka, Betreiber einer Plattform für Reisen, erhielt 5 Millionen Euro.",
        [("Lorka", "5000000 EUR", None, "unknown")],
    ),
    (
        "Lorka, Hersteller von Batterien, sammelt 5 Millionen Euro ein.",
        [("Lorka", "5000000 EUR", None, "unknown")],
    ),
    (
        "Lorka, Spezialist für Batterien aus Köln, hat 5 Millionen Euro eingesammelt.",
        [("Lorka", "5000000 EUR", None, "unknown")],
    ),
    (
        "Lorka, ein Hersteller von Batterien, sammelt 5 Millionen Euro ein.",
        [("Lorka", "5000000 EUR", None, "unknown")],
    ),
    # a second main clause after a comma that opens with its figure
    (
        "Lorka erhielt 5 Millionen Euro, 4 Millionen Euro flossen an Tamis.",
        [("Lorka", "5000000 EUR", None, "unknown"), ("Tamis", "4000000 EUR", None, "unknown")],
    ),
    (
        "Das Start-up Lorka, Betreiber der Lorka-Busse, erhielt 500 Millionen Euro, 428 "
        "Millionen Euro flossen an das Start-up Tamis in Berlin.",
        [
            ("Lorka", "500000000 EUR", None, "unknown"),
            ("Tamis", "428000000 EUR", None, "unknown"),
        ],
    ),
    (
        "Das Start-up Lorka erhielt 5 Millionen Euro, von denen 3 Millionen in die Forschung "
        "flossen.",
        [("Lorka", "5000000 EUR", None, "unknown")],
    ),
    # money from a programme is no round
    (
        "Das Start-up Lorka erhält 1 Million Euro aus der Bundesförderung für ein Spiel.",
        [],
    ),
    ("Das Start-up Lorka erhält 2 Millionen Euro aus einem Förderprogramm des Landes.", []),
    (
        "Lorka erhält 3 Millionen Euro durch die Innovationsförderung des Freistaats.",
        [],
    ),
    # a noun of the trade for the company named before
    (
        "Das Start-up Lorka baut Elektrolyseure. Der deutsche Wasserstoffproduzent hat 5 "
        "Millionen Euro bekommen.",
        [("Lorka", "5000000 EUR", None, "unknown")],
    ),
    (
        "Das Start-up Lorka baut Elektrolyseure. Der Wasserstoff-Pionier erhält 5 Millionen Euro.",
        [("Lorka", "5000000 EUR", None, "unknown")],
    ),
    (
        "Das Start-up Lorka baut Elektrolyseure. Die KI-Schmiede erhält 5 Millionen Euro.",
        [("Lorka", "5000000 EUR", None, "unknown")],
    ),
    (
        "Das Start-up Lorka baut Elektrolyseure. Der Entwickler erhält 5 Millionen Euro.",
        [("Lorka", "5000000 EUR", None, "unknown")],
    ),
    (
        "Das Start-up Lorka baut Elektrolyseure. Der Konzern erhält 5 Millionen Euro.",
        [],
    ),
    # a bank of a programme that invests is an investor, its money a round
    (
        "Die Förderbank Kelvo investiert 3 Millionen Euro in Lorka.",
        [("Lorka", "3000000 EUR", None, "unknown")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), ROWS)
def test_rounds(text: str, expected: list[Round]) -> None:
    assert _rounds(text) == expected
