"""format_money and format_amount: through babel, exact, and readable back."""

from __future__ import annotations

from decimal import Decimal

import pytest
from babel.numbers import get_group_symbol, list_currencies
from hypothesis import given, settings
from hypothesis import strategies as st

from aieco import Amount, Money, Qualifier, format_amount, format_money, parse_amount

Q = Qualifier
D = Decimal
NB = "\u00a0"
#: de_CH's group separator: "’" up to CLDR 47 (babel 2.18), "'" from CLDR 48 (babel 2.19).
CH = get_group_symbol("de_CH")
#: The same CLDR release moved de_CH's compact currency before the figure and made en_GB's
#: "M" an "m" (babel < 2.18 has no get_cldr_version, so the separator tells the release).
NEW_CLDR = CH == "'"

MONEY_EXAMPLES = [
    (Money(D("1.5e9"), "USD"), "de_DE", True, f"1,5{NB}Mrd.{NB}$"),
    (Money(D("1.5e9"), "USD"), "de_DE", False, f"1.500.000.000,00{NB}$"),
    (Money(D("1234567.891"), "EUR"), "de_DE", True, f"1,234567891{NB}Mio.{NB}€"),
    (Money(D("2.5e6"), "EUR"), "de_AT", True, f"2,5{NB}Mio.{NB}€"),
    (Money(D("-1234567.5"), "USD"), "de_CH", False, f"$-1{CH}234{CH}567.50"),
    (Money(D("1.5e9"), "CHF"), "de_CH", False, f"CHF{NB}1{CH}500{CH}000{CH}000.00"),
    (
        Money(D("1.5e9"), "CHF"),
        "de_CH",
        True,
        f"CHF{NB}1.5{NB}Mrd." if NEW_CLDR else f"1.5{NB}Mrd.{NB}CHF",
    ),
    (Money(D("1.5e9"), "USD"), "en_US", True, "$1.5B"),
    (Money(D("1234.5"), "USD"), "en_US", False, "$1,234.50"),
    (Money(D("5e6"), "GBP"), "en_GB", True, "£5m" if NEW_CLDR else "£5M"),
]


@pytest.mark.parametrize(
    ("money", "locale", "compact", "expected"),
    MONEY_EXAMPLES,
    ids=[f"{m[1]}-{m[2]}-{m[0]}" for m in MONEY_EXAMPLES],
)
def test_format_money(money: Money, locale: str, compact: bool, expected: str) -> None:
    """format_money writes babel's format, with every digit kept (1.5e9 is never '2 Mrd.')."""
    assert expected == format_money(money, locale=locale, compact=compact)


CODES = sorted(list_currencies())
amounts = st.builds(
    lambda digits, places, negative: D(-digits if negative else digits).scaleb(-places),
    st.integers(min_value=0, max_value=10**22),
    st.integers(min_value=0, max_value=8),
    st.booleans(),
)
money = st.builds(Money, amounts, st.sampled_from(CODES))


@settings(max_examples=400, deadline=None)
@given(
    money=money,
    locale=st.sampled_from(["de_DE", "de_AT", "de_CH", "en_US", "en_GB"]),
    compact=st.booleans(),
)
def test_format_money_round_trip(money: Money, locale: str, compact: bool) -> None:
    """parse_amount(format_money(m, locale=L, compact=c), locale=L).money == m."""
    text = format_money(money, locale=locale, compact=compact)
    assert money == parse_amount(text, locale=locale).money


def test_every_currency_reads_back() -> None:
    """Each ISO code babel knows survives the trip in every supported locale."""
    failures = [
        (code, locale, compact)
        for code in CODES
        for locale in ["de_DE", "de_AT", "de_CH", "en_US", "en_GB"]
        for compact in (False, True)
        if parse_amount(
            format_money(Money(D("1234567.5"), code), locale=locale, compact=compact),
            locale=locale,
        ).money
        != Money(D("1234567.5"), code)
    ]
    assert [] == failures


AMOUNT_EXAMPLES = [
    (Amount(D("4e9"), unit="USD", qualifier=Q.APPROX), "de_DE", f"rund 4{NB}Mrd.{NB}$"),
    (Amount.range(D("5e6"), D("5e7"), "EUR"), "de_DE", f"5–50{NB}Mio.{NB}€"),
    (Amount(D("1e8"), unit="USD", qualifier=Q.AT_LEAST), "de_DE", f"mindestens 100{NB}Mio.{NB}$"),
    (Amount(D("11"), unit="%"), "de_DE", f"11{NB}%"),
    (Amount(D("12345678"), unit="%"), "de_CH", f"12{CH}345{CH}678%"),
    (Amount.range(D(0), D("1e9")), "de_CH", f"0–1{CH}000{CH}000{CH}000"),
    (Amount.range(D("1e7"), D("1e8")), "de_DE", f"10–100{NB}Mio."),
    (Amount(D("500000"), unit="EUR"), "de_DE", f"500.000{NB}€"),
    (Amount(D("2.50"), unit="EUR"), "de_DE", f"2,50{NB}€"),
    (Amount(D("1.4e10"), unit="USD", qualifier=Q.NEARLY), "de_DE", f"fast 14{NB}Mrd.{NB}$"),
    (
        Amount.range(D("2e8"), D("1e9"), "EUR"),
        "de_DE",
        f"200{NB}Mio.{NB}€ bis 1{NB}Mrd.{NB}€",
    ),
    (Amount(D("4e9"), unit="USD", qualifier=Q.APPROX), "en_US", "about $4B"),
    (Amount(D("3e11"), unit="USD", qualifier=Q.MORE_THAN), "en_US", "more than $300B"),
]


@pytest.mark.parametrize(
    ("amount", "locale", "expected"), AMOUNT_EXAMPLES, ids=[a[2] for a in AMOUNT_EXAMPLES]
)
def test_format_amount(amount: Amount, locale: str, expected: str) -> None:
    """format_amount writes the hedge, a compact figure or range, and the unit."""
    assert expected == format_amount(amount, locale=locale)


units = st.sampled_from([None, "%", "EUR", "USD", "CHF", "GBP", "JPY", "SEK"])
qualifiers = st.sampled_from(list(Qualifier))


@st.composite
def any_amount(draw: st.DrawFn) -> Amount:
    unit, qualifier = draw(units), draw(qualifiers)
    if draw(st.booleans()):
        return Amount(draw(amounts), unit=unit, qualifier=qualifier)
    low, high = sorted([draw(amounts), draw(amounts)])
    if low == high:
        high = low + 1
    return Amount.range(low, high, unit, qualifier)


@settings(max_examples=400, deadline=None)
@given(amount=any_amount(), locale=st.sampled_from(["de_DE", "de_AT", "de_CH", "en_US"]))
def test_format_amount_round_trip(amount: Amount, locale: str) -> None:
    """What format_amount writes reads back as the same Amount."""
    assert amount == parse_amount(format_amount(amount, locale=locale), locale=locale)


@pytest.mark.parametrize("bad", [None, 5, D("5")], ids=["None", "int", "Decimal"])
def test_format_money_needs_money(bad: object) -> None:
    """format_money refuses anything but a Money."""
    with pytest.raises(TypeError):
        format_money(bad)  # type: ignore[arg-type]


def test_format_amount_needs_amount() -> None:
    """format_amount refuses anything but an Amount."""
    with pytest.raises(TypeError):
        format_amount(Money(D(5), "EUR"))  # type: ignore[arg-type]
