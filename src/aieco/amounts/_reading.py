"""What a shape or the grammar read: `Reading`, the engine's small result type (internal).

The fast shapes and the extractor pass readings around; an `Amount` (and a `Mention`) is
made from one only where a caller asks for it, so that the batch form
(`extract_amounts_many`) builds its rows straight from readings.
"""

from __future__ import annotations

from decimal import Decimal
from typing import NamedTuple

from aieco.money import Amount, Qualifier

__all__ = ["Reading", "point"]


class Reading(NamedTuple):
    """One expression as read: its span in the text, its bounds, unit and hedge.

    A point ("rund 4 Mrd. USD") has ``low == high`` (the parser passes the same Decimal
    object twice); a range or vague magnitude has ``low < high``. ``unit`` is an ISO 4217
    code, ``"%"`` or None; ``text[start:end]`` is the expression.
    """

    start: int
    end: int
    low: Decimal
    high: Decimal
    unit: str | None
    qualifier: Qualifier

    @property
    def is_point(self) -> bool:
        """A single figure, not a range or vague magnitude."""
        return self.low is self.high or self.low == self.high

    def amount(self) -> Amount:
        """The validated `Amount` of this reading."""
        _, _, low, high, unit, qualifier = self  # one unpacking, not four field lookups
        if low is high or low == high:
            return Amount(low, unit=unit, qualifier=qualifier)  # the bounds are filled in
        return Amount(None, low, high, unit=unit, qualifier=qualifier)

    @classmethod
    def of(cls, start: int, end: int, amount: Amount) -> Reading:
        """The reading of an `Amount` found at ``start:end`` (what the grammar returns)."""
        return cls(start, end, amount.low, amount.high, amount.unit, amount.qualifier)


def point(start: int, end: int, value: Decimal, unit: str | None, qualifier: Qualifier) -> Reading:
    """The reading of a single figure."""
    return new_reading(Reading, (start, end, value, value, unit, qualifier))


#: ``Reading(...)`` without the Python-level ``__new__`` a NamedTuple class defines: a tuple
#: of the same class and fields, made in one C call (`point` and the shapes' builders make
#: one for every figure, range and "-stellig" reading).
new_reading = tuple.__new__
