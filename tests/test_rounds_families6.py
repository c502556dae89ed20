"""Table tests of extract_rounds for the failure families of the sixth pass of #13.

Each family was seen in the errors of more than one development part (``dev3`` .. ``dev5`` and
the new ``dev6``), not in one sentence. Each row is a sentence written for this file (no
sentence of an evaluation part), labelled before the extractor ran on it. A row is a text and
the rounds it reports, each as (company, amount, valuation, round type), in order.
"""

from __future__ import annotations

import pytest

from aieco.rounds import _lexicon as lx

#: "steigen ... ein" is one rule (lx.STEIGT_EIN) read by the cue filter, the investor's verb and
#: the investors named before it: the three agree on every row (True: an investor comes in).
STEIGEN_EIN: list[tuple[str, bool]] = [
    ("metro und avaloq steigen in diesem zuge neu bei dem fintech ein.", True),
    ("atlas ventures stieg 2019 bei lorka ein.", True),
    ("atlas steigt mit 2 millionen euro bei der firma ein, die roboter baut.", True),
    ("die gründer stiegen ebenfalls ein und halten nun 40 prozent.", True),
    ("der umsatz stieg um 20 prozent.", False),
    ("die preise steigen in diesem jahr um ein fünftel.", False),
    ("die zahl der runden steigt auf ein rekordhoch von 90.", False),
]


@pytest.mark.parametrize(("sentence", "invests"), STEIGEN_EIN, ids=lambda x: str(x)[:40])
def test_steigen_ein_is_one_rule(sentence: str, invests: bool) -> None:
    found = [
        lx.CUE.search(sentence) is not None,
        lx.INVEST_VERB.search(sentence) is not None,
        lx.INVESTORS_AFTER.search(sentence) is not None,
    ]
    assert found == [invests] * 3
