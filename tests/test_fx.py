"""Currency conversion with the ECB reference rates: days, periods, hedges and refusals."""

from __future__ import annotations

import datetime
import decimal
import threading
from decimal import Decimal
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

import aieco.fx
from aieco import Amount, ConversionError, Money, PartialDate, Qualifier, convert
from aieco.fx import rate

D = Decimal
DAY = datetime.date
# The ECB's euro reference rate for the US dollar on Tuesday 9 September 2025 (published
# by the ECB that day: 1 EUR = 1.1744 USD), the day ASML announced its Mistral AI investment.
USD_PER_EUR_2025_09_09 = D("1.1744")


def _latest() -> datetime.date:
    return rate("EUR", "USD").last_day


def _pair(base: str, quote: str, on: object) -> tuple[Decimal, datetime.date]:
    found = rate(base, quote, on=on)
    return found.value, found.last_day


def test_rate_on_a_known_day_is_the_ecb_rate() -> None:
    """EUR→USD on 2025-09-09 is the ECB's published 1.1744, as a Decimal."""
    assert (USD_PER_EUR_2025_09_09, DAY(2025, 9, 9)) == _pair("EUR", "USD", DAY(2025, 9, 9))


def test_convert_at_a_known_day() -> None:
    """1.3 bn EUR on 2025-09-09 is 1.3e9 × 1.1744 USD, exactly."""
    money = Money(D("1300000000"), "EUR")
    expected = Money(D("1300000000") * USD_PER_EUR_2025_09_09, "USD")
    assert expected == convert(money, "USD", on=DAY(2025, 9, 9))
    assert expected == convert(money, "USD", on=PartialDate(2025, 9, 9))


def test_convert_to_euro_divides() -> None:
    """USD→EUR divides by the ECB rate and rounds to cents."""
    result = convert(Money(D("1174.40"), "USD"), "EUR", on=DAY(2025, 9, 9))
    assert Money(D("1000.00"), "EUR") == result


def test_cross_rate_goes_through_the_euro() -> None:
    """USD→JPY is (JPY per EUR) / (USD per EUR) of the same business day."""
    jpy, jpy_day = _pair("EUR", "JPY", DAY(2025, 9, 9))
    usd, usd_day = _pair("EUR", "USD", DAY(2025, 9, 9))
    cross = rate("USD", "JPY", on=DAY(2025, 9, 9))
    assert jpy_day == usd_day == cross.first_day == cross.last_day
    assert decimal.Context(prec=34).divide(jpy, usd) == cross.value
    assert Fraction(jpy) / Fraction(usd) == cross.ratio


@pytest.mark.parametrize(
    ("on", "used"),
    [
        (DAY(2025, 9, 6), DAY(2025, 9, 5)),  # Saturday → Friday
        (DAY(2025, 9, 7), DAY(2025, 9, 5)),  # Sunday → Friday
        (DAY(2025, 4, 21), DAY(2025, 4, 17)),  # Easter Monday → Thursday before Good Friday
        (DAY(2025, 9, 8), DAY(2025, 9, 8)),  # a Monday with a rate
        (datetime.datetime(2025, 9, 9, 23, 59), DAY(2025, 9, 9)),  # a datetime: its date
    ],
    ids=["saturday", "sunday", "easter-monday", "business-day", "datetime"],
)
def test_nearest_earlier_business_day(on: datetime.date, used: datetime.date) -> None:
    """A day without a rate uses the nearest earlier business day's rate."""
    assert used == rate("EUR", "USD", on=on).last_day
    assert rate("EUR", "USD", on=used).value == rate("EUR", "USD", on=on).value


@pytest.mark.parametrize(
    ("period", "first", "last"),
    [
        (PartialDate(2025, 9), DAY(2025, 9, 1), DAY(2025, 9, 30)),
        (PartialDate(2025, 5), DAY(2025, 5, 2), DAY(2025, 5, 30)),  # 1 May: TARGET holiday
        (PartialDate(2024), DAY(2024, 1, 2), DAY(2024, 12, 31)),
        ("2024-02", DAY(2024, 2, 1), DAY(2024, 2, 29)),
    ],
    ids=["month", "may", "year", "iso-string"],
)
def test_a_period_uses_the_mean_of_its_daily_rates(
    period: PartialDate | str, first: datetime.date, last: datetime.date
) -> None:
    """A month or a year is the arithmetic mean of the ECB's daily rates of its business days."""
    found = rate("EUR", "USD", on=period)
    days = [
        d
        for d in (first + datetime.timedelta(n) for n in range((last - first).days + 1))
        if rate("EUR", "USD", on=d).last_day == d
    ]
    daily = [Fraction(rate("EUR", "USD", on=d).value) for d in days]
    assert found.ratio == sum(daily) / len(daily)
    assert (found.first_day, found.last_day, found.days) == (first, last, len(days))
    assert found.complete
    assert f"the mean of {len(days)} daily ECB rates of {period}" in found.basis


def test_a_period_rate_does_not_depend_on_later_rates() -> None:
    """Once a period is over, rates published after it do not move its rate (nor a total)."""
    full = aieco.fx.rates_in_use()
    cut = aieco.fx.RateTable(
        {
            code: {d: str(v) for d, v in full._values[code].items() if d <= DAY(2025, 1, 10)}
            for code in ("USD", "JPY")
        },
        name="cut after 2025-01-10",
    )
    assert rate("USD", "JPY", on="2024", rates=cut).ratio == rate("USD", "JPY", on="2024").ratio
    provisional = rate("EUR", "USD", on="2025", rates=cut)
    assert not provisional.complete
    assert "provisional: the table ends on 2025-01-10" in provisional.basis


def test_a_period_running_past_the_table_is_provisional() -> None:
    """A year the table ends inside uses the days published so far, marked provisional."""
    latest = _latest()
    found = rate("EUR", "USD", on=PartialDate(latest.year))
    assert (found.last_day, found.complete) == (latest, False)


def test_none_is_the_latest_rate() -> None:
    """on=None uses the table's last day, and so does its explicit date."""
    latest = _latest()
    assert rate("EUR", "USD").value == rate("EUR", "USD", on=latest).value
    assert "latest" in rate("EUR", "USD").basis
    assert latest > DAY(2025, 9, 9)


def test_amount_keeps_qualifier_and_bounds() -> None:
    """A hedged point stays hedged; a range stays a range with both ends converted."""
    on = DAY(2025, 9, 9)
    point = convert(Amount(D("100"), unit="EUR", qualifier=Qualifier.AT_LEAST), "USD", on=on)
    assert Amount(D("117.44"), unit="USD", qualifier=Qualifier.AT_LEAST) == point
    ranged = convert(Amount.range(5, 50, "EUR", Qualifier.APPROX), "USD", on=on)
    assert Amount.range(D("5.87"), D("58.72"), "USD", Qualifier.APPROX) == ranged


def test_results_are_decimal_rounded_to_the_minor_unit() -> None:
    """Results are Decimals at the target currency's minor unit: cents, whole yen."""
    on = DAY(2025, 9, 9)
    usd = convert(Money(D("1"), "EUR"), "USD", on=on).amount
    jpy = convert(Money(D("1"), "EUR"), "JPY", on=on).amount
    assert (Decimal, -2) == (type(usd), usd.as_tuple().exponent)
    assert (Decimal, 0) == (type(jpy), jpy.as_tuple().exponent)


def test_result_does_not_depend_on_the_decimal_context() -> None:
    """A caller's low-precision decimal context does not change the result."""
    money = Money(D("123456789.01"), "USD")
    expected = convert(money, "EUR", on=DAY(2025, 9, 9))
    with decimal.localcontext(decimal.Context(prec=4)):
        assert expected == convert(money, "EUR", on=DAY(2025, 9, 9))


@pytest.mark.parametrize(
    "value",
    [
        Money(D("5"), "EUR"),
        Amount(D("5"), unit="SAR"),
        Amount.range(1, 2, "KRW", Qualifier.NEARLY),
    ],
    ids=["money", "currency-without-rates", "range"],
)
def test_same_currency_is_unchanged(value: Money | Amount) -> None:
    """Converting to its own currency returns the value itself, even without ECB rates."""
    target = value.currency if isinstance(value, Money) else value.unit
    assert target is not None
    assert value is convert(value, target)


@pytest.mark.parametrize(
    ("value", "to", "on", "message"),
    [
        (Money(D("5"), "SAR"), "USD", None, "has rates only for"),
        (Money(D("5"), "USD"), "SAR", None, "has rates only for"),
        (Money(D("5"), "USD"), "XYZ", None, "not an ISO 4217 currency code"),
        (Money(D("5"), "USD"), "EUR", DAY(1998, 12, 31), "from 1999-01-04"),
        (Money(D("5"), "USD"), "EUR", DAY(2999, 1, 1), "no USD rate for 2999-01-01"),
        (Money(D("5"), "RUB"), "EUR", None, "RUB rates from 2005-04-01 to 2022-03-01"),
        (Money(D("5"), "ISK"), "EUR", DAY(2012, 6, 1), "or the 7 days before it"),
        (Amount(D("11"), unit="%"), "USD", None, "a percentage has no currency"),
        (Amount(D("11")), "USD", None, "a bare number has no currency"),
    ],
    ids=[
        "unknown-source",
        "unknown-target",
        "not-a-currency",
        "before-the-table",
        "after-the-table",
        "discontinued",
        "gap-in-the-table",
        "percent",
        "bare-number",
    ],
)
def test_no_rate_is_an_error_never_one_to_one(
    value: Money | Amount, to: str, on: datetime.date | None, message: str
) -> None:
    """Without a reference rate, convert raises ConversionError (a ValueError) saying why."""
    with pytest.raises(ConversionError, match=message) as caught:
        convert(value, to, on=on)
    assert isinstance(caught.value, ValueError)


def test_convert_rejects_other_types() -> None:
    """A float or a Decimal is not money: TypeError."""
    with pytest.raises(TypeError, match="takes a Money or an Amount"):
        convert(D("5"), "USD")  # type: ignore[call-overload]
    with pytest.raises(TypeError, match=r"convert\(on=...\) takes an int year"):
        convert(Money(D("5"), "EUR"), "USD", on=2025.0)


def test_table_is_loaded_once_across_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    """Threads converting at once share one rate table and get the same result."""
    monkeypatch.setattr(aieco.fx, "_bundled", None)
    barrier = threading.Barrier(8)
    tables: list[object] = []
    results: list[Money] = []

    def worker() -> None:
        barrier.wait()
        results.append(convert(Money(D("1000"), "EUR"), "USD", on=DAY(2025, 9, 9)))
        tables.append(aieco.fx.rates_in_use())

    threads = [threading.Thread(target=worker) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert 1 == len({id(table) for table in tables})
    assert [Money(D("1174.40"), "USD")] * 8 == results


@given(
    cents=st.integers(min_value=0, max_value=10**14),
    day=st.dates(min_value=DAY(2000, 1, 1), max_value=DAY(2025, 12, 31)),
)
def test_round_trip_stays_within_rounding(cents: int, day: datetime.date) -> None:
    """EUR→USD→EUR returns the amount up to the rounding of the two steps."""
    money = Money(D(cents).scaleb(-2), "EUR")
    there = convert(money, "USD", on=day)
    back = convert(there, "EUR", on=day)
    factor = rate("USD", "EUR", on=day).value
    assert abs(back.amount - money.amount) <= D("0.005") + D("0.005") * factor + D("0.01")


@given(
    st.lists(
        st.one_of(
            st.decimals(min_value=Decimal("0.0001"), max_value=Decimal("99999"), places=4),
            st.decimals(min_value=Decimal("0.01"), max_value=Decimal("9999"), places=2),
            st.integers(1, 10**6).map(lambda n: Decimal(n).scaleb(3)),  # "1E+3" forms
        ),
        min_size=1,
        max_size=40,
    ),
    st.sampled_from(["2025", "2025-01", "2025-02"]),
)
def test_period_means_are_the_exact_mean_of_the_days(rates: list[Decimal], period: str) -> None:
    """A month's or year's rate is the exact mean of its days' rates, however written.

    The table keeps running sums; this compares with Fractions added one by one.
    """
    start = datetime.date(2025, 1, 1)
    days = [start + datetime.timedelta(days=3 * i) for i in range(len(rates))]
    # Every other rate as text; a Decimal with an exponent ("1E+3") only as a Decimal.
    given_rates = {
        day.isoformat(): value if i % 2 or "E" in str(value) else str(value)
        for i, (day, value) in enumerate(zip(days, rates, strict=True))
    }
    table = aieco.fx.RateTable({"USD": given_rates}, name="generated")
    when = PartialDate.fromisoformat(period)
    inside = [r for d, r in zip(days, rates, strict=True) if when.first_day <= d <= when.last_day]
    if not inside:
        return
    expected = sum((Fraction(r) for r in inside), Fraction(0)) / len(inside)
    with decimal.localcontext(decimal.Context(prec=3)):
        assert rate("USD", "EUR", on=when, rates=table).ratio == 1 / expected
