"""Exact money and reported quantities: :class:`Money`, :class:`Amount`, :class:`Qualifier`."""

from __future__ import annotations

import enum
from decimal import Decimal
from typing import Any

import attrs

from aieco._checks import check_decimal, fail, is_currency, to_decimal
from aieco.errors import MISSING, CurrencyMismatch

__all__ = ["Amount", "Money", "Qualifier"]

PERCENT = "%"


@attrs.frozen(order=False)
class Money:
    """An exact sum in one currency.

    ``amount`` is a :class:`~decimal.Decimal` (an ``int`` is taken exactly; a ``float`` is a
    TypeError), ``currency`` an ISO 4217 code that babel knows.

    >>> Money(Decimal("1500000000"), "USD") + Money(Decimal("500000000"), "USD")
    Money(amount=Decimal('2000000000'), currency='USD')
    """

    amount: Decimal = attrs.field(converter=to_decimal)
    currency: str = attrs.field()

    @amount.validator
    def _check_amount(self, _: Any, value: object) -> None:
        check_decimal(self, "amount", value)

    @currency.validator
    def _check_currency(self, _: Any, value: object) -> None:
        if not isinstance(value, str):
            raise TypeError(f"Money.currency must be a str, not {type(value).__name__}")
        if not is_currency(value):
            fail(self, "currency", value, "is not an ISO 4217 currency code")

    def _same(self, other: Money, op: str) -> None:
        if self.currency != other.currency:
            raise CurrencyMismatch(
                f"cannot {op} {self.currency} and {other.currency}; "
                "convert one side first with aieco.convert()"
            )

    def __add__(self, other: object) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        self._same(other, "add")
        return Money(self.amount + other.amount, self.currency)

    def __sub__(self, other: object) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        self._same(other, "subtract")
        return Money(self.amount - other.amount, self.currency)

    def __mul__(self, factor: object) -> Money:
        if isinstance(factor, bool) or not isinstance(factor, int | Decimal):
            return NotImplemented
        return Money(self.amount * factor, self.currency)

    __rmul__ = __mul__

    def __neg__(self) -> Money:
        return Money(-self.amount, self.currency)

    def __abs__(self) -> Money:
        return Money(abs(self.amount), self.currency)

    def __lt__(self, other: object) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        self._same(other, "compare")
        return self.amount < other.amount

    def __le__(self, other: object) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        self._same(other, "compare")
        return self.amount <= other.amount

    def __gt__(self, other: object) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        self._same(other, "compare")
        return self.amount > other.amount

    def __ge__(self, other: object) -> bool:
        if not isinstance(other, Money):
            return NotImplemented
        self._same(other, "compare")
        return self.amount >= other.amount

    def __str__(self) -> str:
        return f"{self.amount:f} {self.currency}"


class Qualifier(enum.Enum):
    """How a text hedges a figure ("rund", "fast", "mehr als", ...)."""

    EXACT = "exact"
    APPROX = "approx"  # rund, etwa, ca., ungefähr
    NEARLY = "nearly"  # fast, knapp, beinahe, nahezu: just under
    MORE_THAN = "more_than"  # mehr als, über
    AT_LEAST = "at_least"  # mindestens, wenigstens
    LESS_THAN = "less_than"  # weniger als, unter
    AT_MOST = "at_most"  # höchstens, maximal, bis zu


_QUALIFIER_WORDS = {
    Qualifier.EXACT: "",
    Qualifier.APPROX: "about ",
    Qualifier.NEARLY: "nearly ",
    Qualifier.MORE_THAN: "more than ",
    Qualifier.AT_LEAST: "at least ",
    Qualifier.LESS_THAN: "less than ",
    Qualifier.AT_MOST: "at most ",
}


def _check_unit(owner: object, value: object) -> None:
    if value is None or value == PERCENT:
        return
    if not isinstance(value, str):
        raise TypeError(f"Amount.unit must be a str or None, not {type(value).__name__}")
    if not is_currency(value):
        fail(owner, "unit", value, "is not a currency code or '%'")


@attrs.frozen(order=False)
class Amount:
    """A quantity as a text reports it, hedges and ranges included.

    * A **point** ("rund 4 Mrd. USD") has ``value`` and ``low == high == value``; pass only
      ``value`` and the bounds are filled in.
    * A **range** ("5–50 Mio. Euro") or **vague magnitude** ("ein zweistelliger Millionenbetrag",
      10⁷ ≤ x < 10⁸) has ``value = None`` and ``low < high``.

    ``unit`` is an ISO 4217 code, ``"%"`` for a percentage, or ``None`` for a bare number.
    ``qualifier`` keeps the hedge ("rund" → APPROX, "mindestens" → AT_LEAST).
    """

    value: Decimal | None = attrs.field(default=None, converter=to_decimal)
    low: Decimal = attrs.field(default=None, converter=to_decimal)
    high: Decimal = attrs.field(default=None, converter=to_decimal)
    unit: str | None = attrs.field(default=None, kw_only=True)
    qualifier: Qualifier = attrs.field(default=Qualifier.EXACT, kw_only=True)

    def __attrs_post_init__(self) -> None:
        if self.value is None:
            for name in ("low", "high"):
                if getattr(self, name) is None:
                    fail(self, name, MISSING, "is required for a range (value is None)")
        check_decimal(self, "value", self.value, optional=True)
        check_decimal(self, "low", self.low, optional=self.value is not None)
        check_decimal(self, "high", self.high, optional=self.value is not None)
        _check_unit(self, self.unit)
        if not isinstance(self.qualifier, Qualifier):
            raise TypeError(
                f"Amount.qualifier must be a Qualifier, not {type(self.qualifier).__name__}"
            )
        if self.value is not None:
            for name in ("low", "high"):
                bound = getattr(self, name)
                if bound is None:
                    object.__setattr__(self, name, self.value)
                elif bound != self.value:
                    fail(self, name, bound, f"must equal value {self.value} for a point amount")
        elif not self.low < self.high:
            fail(self, "low", self.low, f"must be below high ({self.high}) for a range")

    @classmethod
    def range(
        cls,
        low: Decimal | int,
        high: Decimal | int,
        unit: str | None = None,
        qualifier: Qualifier = Qualifier.EXACT,
    ) -> Amount:
        """A range from ``low`` to ``high`` (``value`` is None)."""
        return cls(None, low, high, unit=unit, qualifier=qualifier)

    @classmethod
    def of(cls, money: Money, qualifier: Qualifier = Qualifier.EXACT) -> Amount:
        """The point amount of ``money``, optionally hedged."""
        return cls(money.amount, unit=money.currency, qualifier=qualifier)

    @property
    def is_range(self) -> bool:
        """True for a range or vague magnitude, False for a point."""
        return self.value is None

    @property
    def currency(self) -> str | None:
        """The unit when it is a currency code, else None."""
        return None if self.unit in (None, PERCENT) else self.unit

    @property
    def money(self) -> Money | None:
        """A :class:`Money` for a point amount with a currency, else None (qualifier dropped)."""
        if self.value is None or self.currency is None:
            return None
        return Money(self.value, self.currency)

    def __str__(self) -> str:
        number = f"{self.value:f}" if self.value is not None else f"{self.low:f}–{self.high:f}"
        if self.unit is not None:
            number += f" {self.unit}"
        return _QUALIFIER_WORDS[self.qualifier] + number
