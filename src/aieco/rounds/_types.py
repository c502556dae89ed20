"""What the round extractor returns: `RoundMention`, `InvestorMention`, ..."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Protocol, runtime_checkable

import attrs

from aieco.dates import PartialDate
from aieco.model import RoundType
from aieco.money import Amount

__all__ = ["InvestorMention", "NameFinder", "RoundMention", "Span", "ValuationBasis"]


@attrs.frozen
class Span:
    """A stretch of the text: ``text == source[start:end]``."""

    start: int
    end: int
    text: str


class ValuationBasis(enum.Enum):
    """Whether a reported valuation is before or after the money came in (None: not said)."""

    PRE_MONEY = "pre"
    POST_MONEY = "post"


@attrs.frozen
class InvestorMention:
    """An investor in a round, as written, with what the text says about its part.

    ``amount`` is the investor's own contribution when the text gives it; a contribution given
    in two currencies keeps the original in ``amount`` and the other in ``other_amounts``
    (a hedged figure next to an exact one, or a figure in brackets, is taken as the
    conversion). ``stake`` is a percentage ("für einen Anteil von 11 %").
    ``investor_id`` links the name to a record of ``known``; None proposes a new record.
    """

    name: str
    span: Span
    lead: bool = False
    amount: Amount | None = None
    amount_span: Span | None = None
    other_amounts: tuple[Amount, ...] = ()
    stake: Amount | None = None
    stake_span: Span | None = None
    investor_id: str | None = None


@attrs.frozen
class RoundMention:
    """One funding round a text reports, every fact with the words it was read from.

    ``company``, ``leads`` and ``investors`` are names as written ("Mistral AI", "DST Global");
    ``investors`` lists every named investor, leads included, in order of appearance.
    ``start``/``end``/``text`` cover every sentence the round was read from (``sentences``);
    each field has its own span (``amount_span``, ``valuation_span``, ...) inside it, and each
    investor one in ``participations``. ``company_span`` is where the company is named: inside
    too, or before it when the round's sentences refer back to it ("das Start-up").
    With ``known``, ``company_id`` and the investors' ``investor_id`` link to its records;
    None marks a name to propose as a new record.
    """

    company: str
    company_span: Span
    start: int
    end: int
    text: str
    amount: Amount | None = None
    amount_span: Span | None = None
    other_amounts: tuple[Amount, ...] = ()
    valuation: Amount | None = None
    valuation_span: Span | None = None
    valuation_basis: ValuationBasis | None = None
    round_type: RoundType = RoundType.UNKNOWN
    round_type_span: Span | None = None
    leads: tuple[str, ...] = ()
    investors: tuple[str, ...] = ()
    participations: tuple[InvestorMention, ...] = ()
    announced: PartialDate | None = None
    announced_span: Span | None = None
    sentences: tuple[Span, ...] = ()
    company_id: str | None = None

    @property
    def investor_ids(self) -> tuple[str | None, ...]:
        """The ``investor_id`` of each of `investors` (None for a name not in ``known``)."""
        return tuple(p.investor_id for p in self.participations)


@runtime_checkable
class NameFinder(Protocol):
    """Your own named-entity recogniser, plugged into `aieco.extract_rounds`.

    Called once with the whole text; returns the ``(start, end)`` spans of organisation and
    person names. Where the rules look for a name, a span that starts there is taken whole
    (so "Black Forest Labs" or "Yuri Milner" come out as your recogniser sees them), and a
    name your recogniser knows is never cut at a word the rules would stop at.
    """

    def __call__(self, text: str) -> Iterable[tuple[int, int]]: ...
