"""Writing amounts back as text, through babel: format_money and format_amount."""

from __future__ import annotations

import decimal
import re
from decimal import Decimal
from functools import cache
from typing import Any

from aieco.amounts._language import language_of, numbers_of
from aieco.amounts._lexicon import lexicon
from aieco.amounts._locale import resolve_locale
from aieco.money import PERCENT, Amount, Money, Qualifier

__all__ = ["format_amount", "format_money"]

#: Enough precision for babel's arithmetic on any amount the parser produces (≤ 100 digits).
_PREC = 250
_NUMBER = re.compile(r"[-\u2212]?[0-9](?:[0-9.,'’\u00a0\u202f]*[0-9])?")
_COMPACT_FROM = Decimal(1_000_000)  # no arithmetic at import: the caller's context may trap


def _fraction_digits(value: Decimal) -> int:
    """Fraction digits that keep ``value`` exact after the largest compact division (10¹²)."""
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    return max(0, -exponent) + 12


@cache
def _code_instead_of_symbol(name: str) -> frozenset[str]:
    """Currencies whose symbol in this locale would not read back as the same currency."""
    from babel import Locale

    from aieco._checks import currency_codes

    lx = lexicon(name)
    loc = Locale.parse(name)
    unsafe = set()
    for code in currency_codes():
        symbol = loc.currency_symbols.get(code, code)
        if symbol == code:
            if not (len(code) == 3 and code.isupper() and code.isalpha()):
                unsafe.add(code)
            elif lx.symbols.get(code, code) != code:
                unsafe.add(code)  # a code that is also another currency's symbol
        elif lx.symbols.get(symbol) != code:
            unsafe.add(code)
    return frozenset(unsafe)


@cache
def _quote_group(name: str) -> tuple[str, tuple[int, int], re.Pattern[str]] | None:
    """How to put back the group separators babel drops in this locale; None if it drops none.

    From CLDR 48 (babel 2.19) de_CH groups digits with an ASCII apostrophe, which babel's
    number patterns then take for quoting and remove in pairs: "1'234'567" came out as
    "1234567" and "1'000'000'000" as "1000000'000", which is not a number. The symbol and the
    grouping sizes come from the locale's CLDR data.
    """
    numbers = numbers_of(name)
    symbol = numbers.group
    if "'" not in symbol:
        return None
    grouping = numbers.grouping
    digits = re.escape(symbol) + re.escape(numbers.decimal)
    run = re.compile(rf"(?<![0-9{digits}])[0-9]+(?:{re.escape(symbol)}[0-9]+)*")
    return symbol, grouping, run


def _regrouped(text: str, name: str) -> str:
    """A grouped (not compact) babel output with every group separator where CLDR puts it."""
    found = _quote_group(name)
    if found is None:
        return text
    symbol, (first, rest), run = found

    def group(match: re.Match[str]) -> str:
        head, tail, size = match.group().replace(symbol, ""), "", first
        while len(head) > size:
            head, tail, size = head[:-size], symbol + head[-size:] + tail, rest
        return head + tail

    return run.sub(group, text)


def _check_money(money: object) -> Money:
    if not isinstance(money, Money):
        raise TypeError(f"expected a Money, not {type(money).__name__}")
    return money


def _currency(value: Decimal, code: str, name: str, *, compact: bool) -> str:
    from babel import Locale
    from babel.numbers import format_compact_currency, format_currency

    with decimal.localcontext() as ctx:
        ctx.prec = _PREC
        if compact:
            text = format_compact_currency(
                value, code, locale=name, fraction_digits=_fraction_digits(value)
            )
        else:
            text = format_currency(value, code, locale=name, decimal_quantization=False)
            text = _regrouped(text, name)
    if code in _code_instead_of_symbol(name):
        symbol = Locale.parse(name).currency_symbols.get(code, code)
        text = text.replace(symbol, code, 1)
    return text


def format_money(money: Money, *, locale: Any = "de_DE", compact: bool = False) -> str:
    r"""Write ``money`` in the locale's format, through babel, without losing a digit.

    ``compact=True`` uses the locale's own abbreviations (CLDR: "Mio.", "Mrd.", "Bio." in
    German; "K", "M", "B", "T" in English) with as many fraction digits as the value needs.
    A currency whose symbol would read back as another currency is written as its ISO code.
    ``parse_amount(format_money(m, locale=L, compact=c), locale=L).money == m`` always holds.

    Raises:
        UnsupportedLocale: ``locale`` is not supported (a ValueError).
        TypeError: ``money`` is not a `Money`.

    Examples:
        >>> from decimal import Decimal
        >>> format_money(Money(Decimal("1.5e9"), "USD"), compact=True)
        '1,5\xa0Mrd.\xa0$'
    """
    money = _check_money(money)
    name = resolve_locale(locale)
    return _currency(money.amount, money.currency, name, compact=compact)


def _one(value: Decimal, unit: str | None, name: str, big: bool | None = None) -> str:
    """One figure: compact from a million up (or as ``big`` says), plain digits below."""
    from babel.numbers import format_compact_decimal, format_decimal, format_percent

    with decimal.localcontext() as ctx:
        ctx.prec = _PREC
        if unit == PERCENT:
            text = format_percent(value.scaleb(-2), locale=name, decimal_quantization=False)
            return _regrouped(text, name)
        if big is None:
            big = value.copy_abs() >= _COMPACT_FROM
        if unit is None:
            if big:
                return format_compact_decimal(
                    value, locale=name, fraction_digits=_fraction_digits(value)
                )
            return _regrouped(format_decimal(value, locale=name, decimal_quantization=False), name)
        if big:
            return _currency(value, unit, name, compact=True)
        return _plain_currency(value, unit, name)


def _plain_currency(value: Decimal, code: str, name: str) -> str:
    from babel import Locale
    from babel.numbers import parse_pattern

    loc = Locale.parse(name)
    pattern = parse_pattern(loc.currency_formats["standard"].pattern)
    digits = max(0, -int(value.as_tuple().exponent))
    pattern.frac_prec = (digits, digits)
    text = _regrouped(pattern.apply(value, loc, currency=code, currency_digits=False), name)
    if code in _code_instead_of_symbol(name):
        symbol = loc.currency_symbols.get(code, code)
        text = text.replace(symbol, code, 1)
    return text


def format_amount(amount: Amount, *, locale: Any = "de_DE") -> str:
    """Write an Amount for people: hedge, compact figure or range, unit.

    German: ``"rund 4 Mrd. $"``, ``"5–50 Mio. €"``, ``"mindestens 100 Mio. $"``, ``"11 %"``;
    English: ``"about $4B"``. Figures from a million up use the locale's compact form with
    every digit kept; smaller ones are written in full. A vague magnitude is written as its
    range. The text reads back with `parse_amount` as the same Amount.

    Raises:
        UnsupportedLocale: ``locale`` is not supported (a ValueError).
        TypeError: ``amount`` is not an `Amount`.
    """
    if not isinstance(amount, Amount):
        raise TypeError(f"expected an Amount, not {type(amount).__name__}")
    name = resolve_locale(locale)
    language = language_of(name)
    hedge = language.hedge_words[amount.qualifier]
    if amount.value is not None:
        body = _one(amount.value, amount.unit, name)
    else:
        body = _range(amount.low, amount.high, amount.unit, name, language.range_word)
    return f"{hedge} {body}" if amount.qualifier is not Qualifier.EXACT else body


def _range(low: Decimal, high: Decimal, unit: str | None, name: str, word: str) -> str:
    # A scale word at the end applies to both ends when read back ("1 bis 2 Mio."), so the
    # ends are either both compact or both written in full.
    big = low.copy_abs() >= _COMPACT_FROM and high.copy_abs() >= _COMPACT_FROM
    first, second = _one(low, unit, name, big), _one(high, unit, name, big)
    a, b = _NUMBER.search(first), _NUMBER.search(second)
    if (
        a is not None
        and b is not None
        and low >= 0
        and first[: a.start()] == second[: b.start()]
        and first[a.end() :] == second[b.end() :]
    ):
        return f"{first[: a.end()]}–{b.group()}{second[b.end() :]}"
    return f"{first} {word} {second}"
