"""Exact money and reported quantities: `Money`, `Amount`, `Qualifier`.

Arithmetic is exact whatever the caller's `decimal` context: every sum, difference,
product, negation and absolute value is computed in a context of this module wide enough for
the operands (a context that would have to round raises instead), and every value is within
the model's limit (`aieco._limits`). `exact_sum` and `sum_amounts` are the
sums the queries use.
"""

from __future__ import annotations

import contextlib
import enum
import functools
import re
from collections.abc import Callable, Iterable
from decimal import (
    ROUND_HALF_EVEN,
    Context,
    Decimal,
    Inexact,
    InvalidOperation,
    Overflow,
    getcontext,
    localcontext,
    setcontext,
)
from typing import ParamSpec, TypeVar

import attrs

from aieco._checks import check_decimal, fail, is_currency, to_decimal
from aieco._labels import evaluable_repr
from aieco._limits import MAX_FRACTION_DIGITS, MAX_SIGNIFICANT_DIGITS, within_limit
from aieco.errors import MISSING, CurrencyMismatch, Problem, ValidationError

__all__ = [
    "Amount",
    "Money",
    "Qualifier",
    "combine_qualifiers",
    "exact_sum",
    "sum_amounts",
]

PERCENT = "%"

_BIG_EXPONENT = 999_999_999_999_999_999


def _context(digits: int) -> Context:
    """A context that holds ``digits`` significant digits and traps any rounding."""
    return Context(
        prec=max(digits, 1),
        Emax=_BIG_EXPONENT,
        Emin=-_BIG_EXPONENT,
        traps=[Inexact, InvalidOperation, Overflow],
    )


#: Wide enough for sums of up to 10**400 values within the limit: nothing is ever rounded.
_SUM = _context(10 * MAX_SIGNIFICANT_DIGITS)


_P = ParamSpec("_P")
_R = TypeVar("_R")


def in_exact_context(function: Callable[_P, _R]) -> Callable[_P, _R]:
    """``function`` run in the exact context of the sums here, whatever the caller's context.

    For the public entry points that compute with Decimals (the amounts engine, round
    extraction): a caller's ``localcontext(prec=3)``, rounding mode or traps never reach them,
    and a step that would have to round raises instead of giving a wrong value.
    """

    @functools.wraps(function)
    def exact(*args: _P.args, **kwargs: _P.kwargs) -> _R:
        caller = getcontext()
        if caller is _SUM:  # a call from inside another entry point
            return function(*args, **kwargs)
        setcontext(_SUM)  # cheaper than localcontext(), which copies the context on every call
        try:
            return function(*args, **kwargs)
        finally:
            setcontext(caller)

    return exact


def _digits(value: Decimal) -> int:
    return len(value.as_tuple().digits)


def exact_sum(values: Iterable[Decimal | int]) -> Decimal:
    """The exact sum of ``values`` (Decimals or ints), whatever ``decimal.getcontext()`` says.

    Under ``localcontext(prec=5)`` the built-in ``sum`` turns 123456 + 1 into 123460; this
    does not. An empty iterable sums to ``Decimal(0)``.

    ```pycon
    >>> from decimal import localcontext
    >>> with localcontext(prec=5):
    ...     exact_sum([Decimal(123456), Decimal(1)])
    Decimal('123457')

    ```
    """
    total = Decimal(0)
    add = _SUM.add
    try:
        for value in values:
            if isinstance(value, bool | float) or not isinstance(value, Decimal | int):
                raise TypeError(f"exact_sum() adds Decimals and ints, not {type(value).__name__}")
            total = add(total, value)
    except (Inexact, InvalidOperation, Overflow):
        raise ValidationError(
            [Problem("exact_sum()", None, "has a value that is not a finite, limited number")]
        ) from None
    return total


_FORMAT = Context(prec=10 * MAX_SIGNIFICANT_DIGITS, rounding=ROUND_HALF_EVEN)


def _format_number(value: Decimal, spec: str, owner: str) -> str:
    """``format(value, spec)`` rounding half-even whatever the caller's context."""
    if "n" in spec[-1:]:
        raise ValueError(
            f"{owner} format spec {spec!r}: 'n' depends on the process locale; use ',' or '_' "
            "for grouping, or aieco.format_money() for a German or English locale"
        )
    try:
        with localcontext(_FORMAT):
            return format(value, spec)
    except ValueError:
        raise ValueError(
            f"{owner} format spec {spec!r} is not a decimal format spec "
            "(expected e.g. '.2f', ',.2f' or '_.0f')"
        ) from None


#: A format spec that names a locale ("de_DE", "de_CH", "en_US") rather than a number format;
#: no Decimal format spec has this shape.
_LOCALE_SPEC = re.compile(r"[a-z]{2,3}_[A-Z]{2}").fullmatch


def _for_readers(amount: Amount, locale: str) -> str:
    """``amount`` as a reader of ``locale`` writes it (the amounts engine, imported lazily)."""
    from aieco.amounts import format_amount

    return format_amount(amount, locale=locale)


def _exact_add(a: Decimal, b: Decimal) -> Decimal:
    return _SUM.add(a, b)


_SMALLEST = Decimal(1).scaleb(-MAX_FRACTION_DIGITS)


def _exact_multiply(a: Decimal, b: Decimal) -> Decimal:
    """``a × b`` exactly; trailing zeros past the limit's last digit are dropped (exactly)."""
    product = _context(_digits(a) + _digits(b)).multiply(a, b)
    exponent = product.as_tuple().exponent
    if isinstance(exponent, int) and exponent < -MAX_FRACTION_DIGITS:
        with contextlib.suppress(Inexact):  # if digits would be lost, the limit refuses it
            product = product.quantize(_SMALLEST, context=_SUM)
    return product


#: Units a Money or Amount has been built with: None, "%" and every currency code that passed
#: the full check (at most the few hundred ISO codes babel knows), so that the next Amount in
#: the same unit is checked with one set lookup.
_VALID_UNITS: set[str | None] = {None, PERCENT}

#: ``_set_field(obj)(name, value)`` sets a field of a frozen instance, as attrs' generated
#: ``__init__`` does (the class's ``__setattr__`` refuses every change after it).
_set_field = object.__setattr__.__get__


@attrs.frozen(order=False, init=False)
class Money:
    """An exact sum in one currency.

    ``amount`` is a `Decimal` (an ``int`` is taken exactly; a ``float`` is a
    TypeError), ``currency`` an ISO 4217 code that babel knows.

    ```pycon
    >>> Money(Decimal("1500000000"), "USD") + Money(Decimal("500000000"), "USD")
    Money(amount=Decimal('2000000000'), currency='USD')

    ```
    """

    amount: Decimal
    currency: str

    def __init__(self, amount: Decimal | int, currency: str) -> None:
        # The constructor checks the fields, then sets them as attrs' __init__ of a frozen
        # class does. One test for the common case (a Decimal within the limit, a code already
        # seen to be valid); anything else takes the checks that say what is wrong.
        fast = (
            type(amount) is Decimal
            and type(currency) is str
            and currency in _VALID_UNITS
            and currency != PERCENT
            and within_limit(amount)
        )
        set_field = _set_field(self)
        set_field("amount", amount if fast else to_decimal(amount))
        set_field("currency", currency)
        if not fast:
            self._check()

    def _check(self) -> None:
        """Every check of both fields, each failure with its path, value and expectation."""
        amount, currency = self.amount, self.currency
        check_decimal(self, "amount", amount)
        if not isinstance(currency, str):
            raise TypeError(f"Money.currency must be a str, not {type(currency).__name__}")
        if not is_currency(currency):
            fail(
                self,
                "currency",
                currency,
                "is not an ISO 4217 currency code" + _upper_hint(currency),
            )
        if type(currency) is str:
            _VALID_UNITS.add(currency)

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
        return Money(_exact_add(self.amount, other.amount), self.currency)

    def __radd__(self, other: object) -> Money:
        """``0 + money`` is ``money``, so that ``sum(monies)`` works."""
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        return NotImplemented

    def __sub__(self, other: object) -> Money:
        if not isinstance(other, Money):
            return NotImplemented
        self._same(other, "subtract")
        return Money(_exact_add(self.amount, other.amount.copy_negate()), self.currency)

    def __mul__(self, factor: object) -> Money:
        if isinstance(factor, bool) or not isinstance(factor, int | Decimal):
            return NotImplemented
        if isinstance(factor, int):
            factor = Decimal(factor)
        if not factor.is_finite():
            fail(self, "amount", factor, "cannot be multiplied by a number that is not finite")
        return Money(_exact_multiply(self.amount, factor), self.currency)

    __rmul__ = __mul__

    def __neg__(self) -> Money:
        return Money(_SUM.minus(self.amount), self.currency)

    def __pos__(self) -> Money:
        return self

    def __abs__(self) -> Money:
        return Money(_SUM.abs(self.amount), self.currency)

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

    def _repr_html_(self) -> str:
        """As a German reader writes it, for Jupyter (see `aieco._html`)."""
        from aieco._html import money_html

        return money_html(self)

    def __str__(self) -> str:
        """The plain, exact form for logs, errors and JSON: ``"1500000 EUR"``.

        For a reader, give a locale: ``f"{money:de_DE}"`` is ``"1,5 Mio. €"`` (docs/model.md,
        "Writing an amount").
        """
        return f"{self.amount:f} {self.currency}"

    def __format__(self, spec: str) -> str:
        r"""``format(money, ".2f")``: the amount formatted with ``spec``, then the currency.

        An empty spec is ``str(money)``. The spec is a `Decimal` format spec
        (``",.2f"``, ``"_.0f"``, ``"e"``); rounding is half-even. For German output use
        `aieco.format_money`.

        ```pycon
        >>> f"{Money(Decimal('1234.565'), 'EUR'):,.2f}"
        '1,234.56 EUR'

        ```

        A locale as the spec (``"de_DE"``, ``"de_CH"``, ``"en_US"``) writes the money as a reader
        of that locale does, through `aieco.format_amount`:

        ```pycon
        >>> f"{Money(Decimal('1500000'), 'EUR'):de_DE}"
        '1,5\xa0Mio.\xa0€'

        ```
        """
        if not spec:
            return str(self)
        if _LOCALE_SPEC(spec):
            return _for_readers(Amount.of(self), spec)
        return f"{_format_number(self.amount, spec, 'Money')} {self.currency}"


class Qualifier(enum.Enum):
    """How a text hedges a figure ("rund", "fast", "mehr als", ...)."""

    __repr__ = evaluable_repr

    EXACT = "exact"
    APPROX = "approx"  # rund, etwa, ca., ungefähr
    NEARLY = "nearly"  # fast, knapp, beinahe, nahezu: just under
    MORE_THAN = "more_than"  # mehr als, über
    AT_LEAST = "at_least"  # mindestens, wenigstens
    LESS_THAN = "less_than"  # weniger als, unter
    AT_MOST = "at_most"  # höchstens, maximal, bis zu


#: The default hedge, which the constructor's one test asks for first (by identity).
_EXACT = Qualifier.EXACT
#: Amount's fields in their order.
_FIELDS = ("value", "low", "high", "unit", "qualifier")

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
        fail(owner, "unit", value, "is not a currency code or '%'" + _upper_hint(value))


def _upper_hint(code: str) -> str:
    """For "usd": a hint that stored codes are upper case; arguments are folded, values not."""
    return f" (codes are upper case: {code.upper()!r})" if is_currency(code.upper()) else ""


@attrs.frozen(order=False, init=False)
class Amount:
    """A quantity as a text reports it, hedges and ranges included.

    * A **point** ("rund 4 Mrd. USD") has ``value`` and ``low == high == value``; pass only
      ``value`` and the bounds are filled in.
    * A **range** ("5–50 Mio. Euro") or **vague magnitude** ("ein zweistelliger Millionenbetrag",
      10⁷ ≤ x < 10⁸) has ``value = None`` and ``low < high``.

    ``unit`` is an ISO 4217 code, ``"%"`` for a percentage, or ``None`` for a bare number.
    ``qualifier`` keeps the hedge ("rund" → APPROX, "mindestens" → AT_LEAST).
    """

    value: Decimal | None = attrs.field(default=None)
    low: Decimal = attrs.field(default=None)  # a point's are filled in from value
    high: Decimal = attrs.field(default=None)
    unit: str | None = attrs.field(default=None, kw_only=True)
    qualifier: Qualifier = attrs.field(default=Qualifier.EXACT, kw_only=True)

    def __init__(
        self,
        value: Decimal | int | None = None,
        low: Decimal | int | None = None,
        high: Decimal | int | None = None,
        *,
        unit: str | None = None,
        qualifier: Qualifier = Qualifier.EXACT,
    ) -> None:
        # The constructor checks the fields, then sets them as attrs' __init__ of a frozen
        # class does. One test for the common shapes, as the parser builds them, cheapest
        # question first: the hedge (EXACT, the default, by identity), a unit already seen
        # to be valid, then a point whose bounds are the value itself (the same object) or
        # missing, or a range of two Decimals. Anything else (ints converted, a bound given
        # as another object, a bad field) takes the full checks in `_check`, which say what
        # is wrong; the one test accepts nothing `_check` would refuse.
        if (qualifier is _EXACT or type(qualifier) is Qualifier) and (
            unit is None or (type(unit) is str and unit in _VALID_UNITS)
        ):
            if value is not None:
                if (
                    type(value) is Decimal
                    and (low is None or low is value)
                    and (high is None or high is value)
                    and within_limit(value)
                ):
                    set_field = _set_field(self)
                    set_field("value", value)
                    set_field("low", value)
                    set_field("high", value)
                    set_field("unit", unit)
                    set_field("qualifier", qualifier)
                    return
            elif (
                type(low) is Decimal
                and type(high) is Decimal
                and within_limit(low)
                and within_limit(high)
                and low < high
            ):
                set_field = _set_field(self)
                set_field("value", None)
                set_field("low", low)
                set_field("high", high)
                set_field("unit", unit)
                set_field("qualifier", qualifier)
                return
        # As attrs' converters would: ints exactly, a float or bool refused, in field order;
        # then the fields set as above, and every check.
        fields = (to_decimal(value), to_decimal(low), to_decimal(high), unit, qualifier)
        set_field = _set_field(self)
        for name, field in zip(_FIELDS, fields, strict=True):
            set_field(name, field)
        self._check()

    def _check(self) -> None:
        """Every check of every field, each failure with its path, value and expectation."""
        value, low, high = self.value, self.low, self.high
        if value is None:
            if low is None:
                fail(self, "low", MISSING, "is required for a range (value is None)")
            if high is None:
                fail(self, "high", MISSING, "is required for a range (value is None)")
            check_decimal(self, "low", low)
            check_decimal(self, "high", high)
        else:
            check_decimal(self, "value", value)
            if low is not value:
                self._point_bound("low", low, value)
            if high is not value:
                self._point_bound("high", high, value)
        unit = self.unit
        if unit is not None and unit != PERCENT:
            _check_unit(self, unit)
            if type(unit) is str:
                _VALID_UNITS.add(unit)
        if type(self.qualifier) is not Qualifier:
            raise TypeError(
                f"Amount.qualifier must be a Qualifier, not {type(self.qualifier).__name__}"
            )
        if value is None and not low < high:
            fail(self, "low", low, f"must be below high ({high}) for a range")

    def _point_bound(self, name: str, bound: Decimal | None, value: Decimal) -> None:
        """Fill in a point's missing bound, or check a given one: a valid Decimal, = value."""
        if bound is None:
            object.__setattr__(self, name, value)
            return
        check_decimal(self, name, bound)
        if bound != value:
            fail(self, name, bound, f"must equal value {value} for a point amount")

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
        """A `Money` for a point amount with a currency, else None (qualifier dropped)."""
        if self.value is None or self.currency is None:
            return None
        return Money(self.value, self.currency)

    def _repr_html_(self) -> str:
        """As a German reader writes it, for Jupyter (see `aieco._html`)."""
        from aieco._html import amount_html

        return amount_html(self)

    def __str__(self) -> str:
        """The plain, exact form for logs, errors and JSON: ``"about 30000000000 USD"``.

        One reading in every country (no group separators, a decimal point, the ISO code, an
        English hedge word); it reads back with ``parse_amount(text, locale="en_US")``. For a
        reader, give a locale: ``f"{amount:de_DE}"`` is ``"rund 30 Mrd. $"`` (docs/model.md,
        "Writing an amount").
        """
        number = f"{self.value:f}" if self.value is not None else f"{self.low:f}–{self.high:f}"
        if self.unit is not None:
            number += f" {self.unit}"
        return _QUALIFIER_WORDS[self.qualifier] + number

    def __format__(self, spec: str) -> str:
        r"""``format(amount, ".2f")``: `__str__` with each number formatted by ``spec``.

        ```pycon
        >>> f"{Amount.range(5_000_000, 50_000_000, 'EUR'):,.0f}"
        '5,000,000–50,000,000 EUR'

        ```

        A locale as the spec writes it for people (`aieco.format_amount`):

        ```pycon
        >>> f"{Amount(Decimal('3e10'), unit='USD', qualifier=Qualifier.APPROX):de_DE}"
        'rund 30\xa0Mrd.\xa0$'

        ```
        """
        if not spec:
            return str(self)
        if _LOCALE_SPEC(spec):
            return _for_readers(self, spec)
        if self.value is not None:
            number = _format_number(self.value, spec, "Amount")
        else:
            low = _format_number(self.low, spec, "Amount")
            number = f"{low}–{_format_number(self.high, spec, 'Amount')}"
        if self.unit is not None:
            number += f" {self.unit}"
        return _QUALIFIER_WORDS[self.qualifier] + number

    # --- addition: see sum_amounts for what a hedge does to a sum --------------------------

    def __add__(self, other: object) -> Amount:
        """The sum of two amounts in the same unit (see `sum_amounts`).

        ```pycon
        >>> print(Amount(Decimal(4), unit="USD", qualifier=Qualifier.APPROX)
        ...       + Amount.range(1, 2, "USD"))
        about 5–6 USD

        ```
        """
        if isinstance(other, Money):
            other = Amount.of(other)
        if not isinstance(other, Amount):
            return NotImplemented
        return sum_amounts((self, other), self.unit)

    def __radd__(self, other: object) -> Amount:
        """``0 + amount`` is ``amount``, so that ``sum(amounts)`` works; Money + Amount too."""
        if isinstance(other, int) and not isinstance(other, bool) and other == 0:
            return self
        if isinstance(other, Money):
            return sum_amounts((Amount.of(other), self), self.unit)
        return NotImplemented

    # --- comparisons: only where the answer is certain -------------------------------------

    def _point(self, other: object, op: str) -> tuple[Decimal, Decimal] | None:
        if not isinstance(other, Amount):
            return None
        for side in (self, other):
            if side.value is None or side.qualifier is not Qualifier.EXACT:
                raise TypeError(
                    f"cannot compare ({op}) {self} with {other}: only exact points are "
                    "ordered; compare .low or .high (or use where(min_amount=...)) for "
                    "ranges and hedged amounts"
                )
        if self.unit != other.unit:
            raise CurrencyMismatch(
                f"cannot compare {self.unit} and {other.unit}; "
                "convert one side first with aieco.convert()"
            )
        assert self.value is not None
        assert other.value is not None
        return self.value, other.value

    def __lt__(self, other: object) -> bool:
        pair = self._point(other, "<")
        return NotImplemented if pair is None else pair[0] < pair[1]

    def __le__(self, other: object) -> bool:
        pair = self._point(other, "<=")
        return NotImplemented if pair is None else pair[0] <= pair[1]

    def __gt__(self, other: object) -> bool:
        pair = self._point(other, ">")
        return NotImplemented if pair is None else pair[0] > pair[1]

    def __ge__(self, other: object) -> bool:
        pair = self._point(other, ">=")
        return NotImplemented if pair is None else pair[0] >= pair[1]


#: Hedges that put the true value above the figure, and those that put it below.
DIRECTION_UP = frozenset({Qualifier.MORE_THAN, Qualifier.AT_LEAST})
DIRECTION_DOWN = frozenset({Qualifier.LESS_THAN, Qualifier.AT_MOST})


def combine_qualifiers(qualifiers: Iterable[Qualifier]) -> Qualifier:
    """The qualifier of a sum: the common one of the parts, else the weakest honest one.

    Only EXACT, APPROX and NEARLY → APPROX (EXACT and NEARLY alone → NEARLY); with MORE_THAN
    or AT_LEAST → AT_LEAST; with LESS_THAN or AT_MOST → AT_MOST; both directions → APPROX.
    None at all (an empty sum) → EXACT.

    ```pycon
    >>> combine_qualifiers([Qualifier.EXACT, Qualifier.MORE_THAN])
    Qualifier.AT_LEAST

    ```
    """
    found = set(qualifiers)
    if not found:
        return Qualifier.EXACT
    if len(found) == 1:
        return next(iter(found))
    up = bool(found & DIRECTION_UP)
    down = bool(found & DIRECTION_DOWN)
    if up and down:
        return Qualifier.APPROX
    if up:
        return Qualifier.AT_LEAST
    if down:
        return Qualifier.AT_MOST
    if found <= {Qualifier.EXACT, Qualifier.NEARLY}:
        return Qualifier.NEARLY
    return Qualifier.APPROX


def sum_amounts(amounts: Iterable[Amount | None], unit: str | None) -> Amount:
    """The exact sum of ``amounts``, all in ``unit``, whatever the decimal context.

    Lows and highs are summed separately, so the sum is a range as soon as one part is. What a
    hedge does to a sum: the qualifier is `combine_qualifiers` of the parts' (about 4 +
    exactly 1 = about 5; more than 5 + 3 = at least 8). A ``None`` part is an amount that is
    unknown but not negative: it makes the sum AT_LEAST. No parts sum to exactly 0.

    Raises:
        CurrencyMismatch: a part in another unit (convert it first with aieco.convert()).
        ValidationError: a sum beyond the model's limit (10^30).

    ```pycon
    >>> print(sum_amounts([Amount(Decimal("123456"), unit="EUR"), None], "EUR"))
    at least 123456 EUR

    ```
    """
    lows: list[Decimal] = []
    highs: list[Decimal] = []
    qualifiers: set[Qualifier] = set()
    is_range = False
    for amount in amounts:
        if amount is None:
            qualifiers.add(Qualifier.AT_LEAST)
            continue
        if not isinstance(amount, Amount):
            raise TypeError(f"sum_amounts() adds Amounts, not {type(amount).__name__}")
        if amount.unit != unit:
            raise CurrencyMismatch(
                f"cannot add {amount.unit or 'a bare number'} to {unit or 'a bare number'}; "
                "convert first with aieco.convert()"
            )
        lows.append(amount.low)
        highs.append(amount.high)
        is_range = is_range or amount.value is None
        qualifiers.add(amount.qualifier)
    low, high = exact_sum(lows), exact_sum(highs)
    qualifier = combine_qualifiers(qualifiers)
    if is_range:
        return Amount(None, low, high, unit=unit, qualifier=qualifier)
    return Amount(low, unit=unit, qualifier=qualifier)
