"""Table tests for what the review of the ninth session's round rules found.

Each row is a sentence written for this file, with what a reader takes from it; the rows of
a family failed after that session's new rule and pass with its fix. A verb after a fronted
phrase of time makes its subject the round's company only where the verb says the subject
owns the round ("Am Montag meldete X eine Seed-Runde"), not where it speaks of someone's
round ("Am Montag kommentierte Bundesminister Y die Finanzierungsrunde",
`_lexicon.ROUND_OWNER_VERBS`).
"""

from __future__ import annotations

import pytest

from tests._rounds import Round
from tests._rounds import rounds_in as _rounds

#: The subject of a verb that comments on, judges or reports a round is no company.
SPOKEN_OF: list[tuple[str, list[Round]]] = [
    ("Am Montag kommentierte Bundesminister Habeck die Finanzierungsrunde über 50 Mio. Euro.", []),
    ("Im Interview lobte Anna Schmidt die Serie-A-Runde über 10 Millionen Euro.", []),
    ("Am Dienstag kritisierte die Bafin die Finanzierungsrunde über 20 Mio. Euro.", []),
    # a verb of owning the round keeps its subject (the rule's own rows)
    (
        "Vor wenigen Tagen startete Kelvo Bio mit einer Serie-A-Finanzierung über 20 Millionen "
        "Euro.",
        [("Kelvo Bio", "20000000 EUR", None, "series_a")],
    ),
    (
        "Am Montag meldete Kelvo eine Seed-Runde über 2 Millionen Euro.",
        [("Kelvo", "2000000 EUR", None, "seed")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), SPOKEN_OF, ids=lambda x: str(x)[:50])
def test_rounds(text: str, expected: list[Round]) -> None:
    assert _rounds(text) == expected
