"""Funding rounds read out of German (and Austrian and Swiss) news text.

* `extract_rounds` finds every round a text reports as `RoundMention` objects,
  each fact with the span of text it was read from;
* `read_article` turns an article into a draft `Dataset` of cited records,
  ready for review and `merge`, with the conflicts against a known dataset.

Rule-based on `aieco.extract_amounts`; plug in your own named-entity recogniser through
`NameFinder`.
"""

from aieco.rounds._draft import Conflict, Draft, read_article
from aieco.rounds._extract import extract_rounds
from aieco.rounds._types import InvestorMention, NameFinder, RoundMention, Span, ValuationBasis

__all__ = [
    "Conflict",
    "Draft",
    "InvestorMention",
    "NameFinder",
    "RoundMention",
    "Span",
    "ValuationBasis",
    "extract_rounds",
    "read_article",
]
