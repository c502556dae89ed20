"""Table tests of extract_rounds for the failure families of the seventh pass of #13.

Each family was seen in the errors of the new ``dev7`` (labelled before the extractor ran on
it) and of at least one earlier development part, or is named in docs/extraction.md's "What it
does not handle". Each row is a sentence written for this file (no sentence of an evaluation
part), labelled before the extractor ran on it. A row is a text and the rounds it reports, each
as (company, amount, valuation, round type), in order.
"""

from __future__ import annotations

import pytest

from tests._rounds import Round
from tests._rounds import rounds_in as _rounds

#: An adverb or adjective that opens a sentence is capitalised there, but no name (dev7's
#: "Längst haben Investoren ...", "Ähnlich wie bei einer Dialyse ... pumpt"; dev5's
#: "Bemerkenswert ist"): `_lexicon.NOT_NAMES`.
SENTENCE_ADVERBS: list[tuple[str, list[Round]]] = [
    (
        "Längst haben Geldgeber das Feld entdeckt. Diese haben im letzten Jahr die Summe von "
        "2 Milliarden Franken eingesammelt.",
        [],
    ),
    (
        "Das Start-up Lorka hat 3 Millionen Euro erhalten. Ähnlich wie eine Herzpumpe pumpt das "
        "Gerät Blut in den Körper.",
        [("Lorka", "3000000 EUR", None, "unknown")],
    ),
    (
        "Das Start-up Lorka hat 3 Millionen Euro erhalten. Oft investiert das Team in neue Geräte.",
        [("Lorka", "3000000 EUR", None, "unknown")],
    ),
]

#: A tranche of a stage ("Serie-B1-Finanzierung", "Series A2") is that stage (dev7; dev3's
#: "zweites Closing" of a Series C): `_lexicon.ROUND_TYPE`.
TRANCHES: list[tuple[str, list[Round]]] = [
    (
        "Das Medtech-Unternehmen Lorka hat eine Serie-B1-Finanzierung über 7 Millionen Franken "
        "abgeschlossen.",
        [("Lorka", "7000000 CHF", None, "series_b")],
    ),
    (
        "Lorka sammelt in einer Series A2 weitere 4 Millionen Euro ein.",
        [("Lorka", "4000000 EUR", None, "series_a")],
    ),
    # a year after a stage is no tranche
    (
        "Lorka sammelte in der Series A 2021 4 Millionen Euro ein.",
        [("Lorka", "4000000 EUR", None, "series_a")],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), SENTENCE_ADVERBS + TRANCHES, ids=lambda x: str(x)[:50]
)
def test_family(text: str, expected: list[Round]) -> None:
    assert _rounds(text) == expected
