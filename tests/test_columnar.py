"""The columnar engine against a reference of the record-by-record semantics, on generated data.

The reference below is the old engine's rules written plainly over records (kept here, in the
tests, never in src): a round matches ``min_amount`` when its amount converted with
``aieco.convert`` meets the hedge rule, a total sums ``convert`` results, and so on. Hypothesis
generates datasets and criteria; both must give the same rows, in the same order, and equal
totals.
"""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from aieco import (
    Amount,
    Company,
    CompanyCategory,
    Dataset,
    FundingRound,
    Investor,
    InvestorKind,
    Money,
    PartialDate,
    Participation,
    Qualifier,
    RoundType,
    convert,
)
from aieco._regions import region_of
from aieco.money import exact_sum

D = Decimal
COUNTRIES = ["US", "FR", "DE", "GB", "CH", "CN", None]
CURRENCIES = ["USD", "EUR", "GBP", "JPY", "CHF"]
UP = {Qualifier.MORE_THAN, Qualifier.AT_LEAST}
DOWN = {Qualifier.LESS_THAN, Qualifier.AT_MOST}


# --- the reference: today's semantics over records ----------------------------------------------


def ref_in(amount: Amount, currency: str, date: PartialDate | None) -> Amount:
    return amount if amount.unit == currency else convert(amount, currency, on=date)


def ref_meets_min(amount: Amount, threshold: Decimal) -> bool:
    if amount.qualifier in DOWN:
        return threshold <= 0
    if amount.qualifier is Qualifier.NEARLY:
        return amount.low > threshold
    return amount.low >= threshold


def ref_meets_max(amount: Amount, threshold: Decimal) -> bool:
    if amount.qualifier in UP:
        return False
    return amount.high <= threshold


def ref_where(ds: Dataset, rounds: list[FundingRound], **criteria: Any) -> list[FundingRound]:
    def country(r: FundingRound) -> str | None:
        return ds.company(r.company_id).country

    def ok(r: FundingRound) -> bool:
        for name, value in criteria.items():
            date = r.announced
            if name == "country" and country(r) not in value:
                return False
            if name == "year" and (date is None or date.year not in value):
                return False
            if name == "since" and (date is None or date.last_day < value.first_day):
                return False
            if name == "until" and (date is None or date.first_day > value.last_day):
                return False
            if name == "round_type" and r.round_type not in value:
                return False
            if name == "investor" and not any(p.investor_id in value for p in r.participants):
                return False
            if name == "lead_investor" and not any(
                p.lead and p.investor_id in value for p in r.participants
            ):
                return False
            if name in ("min_amount", "max_amount"):
                if r.amount is None:
                    return False
                converted = ref_in(r.amount, value.currency, r.announced)
                test = ref_meets_min if name == "min_amount" else ref_meets_max
                if not test(converted, value.amount):
                    return False
        return True

    return [r for r in rounds if ok(r)]


def ref_combine(qualifiers: set[Qualifier]) -> Qualifier:
    if not qualifiers:
        return Qualifier.EXACT
    if len(qualifiers) == 1:
        return next(iter(qualifiers))
    up, down = bool(qualifiers & UP), bool(qualifiers & DOWN)
    if up and down:
        return Qualifier.APPROX
    if up:
        return Qualifier.AT_LEAST
    if down:
        return Qualifier.AT_MOST
    if qualifiers <= {Qualifier.EXACT, Qualifier.NEARLY}:
        return Qualifier.NEARLY
    return Qualifier.APPROX


def ref_total(
    rounds: list[FundingRound], currency: str
) -> tuple[Decimal, Decimal, Qualifier, bool]:
    low = high = D(0)
    qualifiers: set[Qualifier] = set()
    is_range = False
    for r in rounds:
        if r.amount is None:
            qualifiers.add(Qualifier.AT_LEAST)
            continue
        converted = ref_in(r.amount, currency, r.announced)
        low, high = exact_sum([low, converted.low]), exact_sum([high, converted.high])
        is_range = is_range or converted.is_range
        qualifiers.add(converted.qualifier)
    return low, high, ref_combine(qualifiers), is_range


def ref_sort_by_amount(rounds: list[FundingRound], descending: bool) -> list[FundingRound]:
    keyed = []
    for r in rounds:
        if r.amount is None:
            keyed.append((None, r))
        else:
            usd = ref_in(r.amount, "USD", r.announced)
            keyed.append(((usd.low, usd.high), r))
    present = [pair for pair in keyed if pair[0] is not None]
    present.sort(key=lambda pair: pair[0], reverse=descending)
    return [r for _, r in present] + [r for key, r in keyed if key is None]


# --- generated datasets -------------------------------------------------------------------------


@st.composite
def amounts(draw: st.DrawFn) -> Amount | None:
    if draw(st.integers(0, 6)) == 0:
        return None
    unit = draw(st.sampled_from(CURRENCIES))
    qualifier = draw(st.sampled_from(list(Qualifier)))
    cents = draw(st.sampled_from([0, 0, 2, 3, 20]))
    # Up to 10**26: still within the model's limit (10**30) after conversion to JPY and a sum
    # of 25 rounds; int64 holds only up to about 9.2 * 10**18 units.
    digits = draw(st.sampled_from([12, 12, 12, 17, 19, 26]))
    low = D(draw(st.integers(0, 10**digits))).scaleb(-cents)
    if draw(st.booleans()):
        return Amount(low, unit=unit, qualifier=qualifier)
    high = low + D(draw(st.integers(10**6, 10**11)))
    return Amount.range(low, high, unit, qualifier)


@st.composite
def dates(draw: st.DrawFn) -> PartialDate | None:
    if draw(st.integers(0, 8)) == 0:
        return None
    year = draw(st.integers(2015, 2025))
    precision = draw(st.integers(0, 2))
    if precision == 0:
        return PartialDate(year)
    month = draw(st.integers(1, 12))
    if precision == 1:
        return PartialDate(year, month)
    return PartialDate(year, month, draw(st.integers(1, 28)))


@st.composite
def datasets(draw: st.DrawFn) -> Dataset:
    n_companies = draw(st.integers(1, 6))
    n_investors = draw(st.integers(1, 5))
    companies = [
        Company(f"c{i}", f"Company {i}", draw(st.sampled_from(COUNTRIES)), CompanyCategory.AI_LAB)
        for i in range(n_companies)
    ]
    investors = [
        Investor(f"i{i}", f"Investor {i}", InvestorKind.OTHER, "US") for i in range(n_investors)
    ]
    rounds = []
    for index in range(draw(st.integers(0, 25))):
        chosen = draw(st.lists(st.integers(0, n_investors - 1), unique=True, max_size=3))
        rounds.append(
            FundingRound(
                f"r{index:02d}",
                f"c{draw(st.integers(0, n_companies - 1))}",
                draw(st.sampled_from([RoundType.SEED, RoundType.SERIES_A, RoundType.GROWTH])),
                draw(dates()),
                draw(amounts()),
                participants=tuple(
                    Participation(f"i{j}", lead=draw(st.booleans())) for j in chosen
                ),
            )
        )
    draw(st.randoms()).shuffle(rounds)
    return Dataset(companies=companies, investors=investors, funding_rounds=rounds)


@st.composite
def criteria(draw: st.DrawFn) -> dict[str, Any]:
    chosen: dict[str, Any] = {}
    if draw(st.booleans()):
        chosen["country"] = draw(st.lists(st.sampled_from(COUNTRIES[:-1]), min_size=1))
    if draw(st.booleans()):
        chosen["year"] = draw(st.lists(st.integers(2015, 2025), min_size=1, max_size=3))
    if draw(st.booleans()):
        chosen["since"] = draw(dates().filter(lambda d: d is not None))
    if draw(st.booleans()):
        chosen["until"] = draw(dates().filter(lambda d: d is not None))
    if draw(st.booleans()):
        chosen["round_type"] = [draw(st.sampled_from([RoundType.SEED, RoundType.GROWTH]))]
    if draw(st.booleans()):
        chosen["investor"] = [f"i{draw(st.integers(0, 4))}"]
    if draw(st.booleans()):
        chosen["lead_investor"] = [f"i{draw(st.integers(0, 4))}"]
    for name in ("min_amount", "max_amount"):
        if draw(st.booleans()):
            value = D(draw(st.integers(0, 10**12))).scaleb(-draw(st.sampled_from([0, 2, 3])))
            chosen[name] = Money(value, draw(st.sampled_from(["USD", "EUR", "JPY"])))
    return chosen


def _ids(records: Any) -> list[str]:
    return [r.id for r in records]


PROPERTY = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(datasets(), criteria())
def test_where_matches_the_record_semantics(ds: Dataset, chosen: dict[str, Any]) -> None:
    """Every criterion, hedges and currencies included, selects what the reference selects."""
    rounds = list(ds.funding_rounds)
    known = {i.id for i in ds.investors}
    for name in ("investor", "lead_investor"):
        if name in chosen:
            chosen[name] = [i for i in chosen[name] if i in known] or [next(iter(known))]
    ref_criteria = {
        name: (set(value) if isinstance(value, list) else value) for name, value in chosen.items()
    }
    expected = _ids(ref_where(ds, rounds, **ref_criteria))
    assert expected == _ids(ds.funding_rounds.where(**chosen))


@PROPERTY
@given(datasets(), st.sampled_from(["USD", "EUR", "JPY"]))
def test_totals_match_the_record_semantics(ds: Dataset, currency: str) -> None:
    """total() and group_by().total() equal the sums of convert() per record, exactly."""
    rounds = list(ds.funding_rounds)
    low, high, qualifier, is_range = ref_total(rounds, currency)
    total = ds.funding_rounds.total(currency)
    assert (low, high, qualifier, is_range) == (
        total.low,
        total.high,
        total.qualifier,
        total.is_range,
    )
    groups = ds.funding_rounds.group_by("region", "year")
    for (region, year), amount in groups.total(currency).items():
        members = [
            r
            for r in rounds
            if region_of(ds.company(r.company_id).country) == region
            and (r.announced.year if r.announced else None) == year
        ]
        assert _ids(members) == _ids(groups[(region, year)])
        ref = ref_total(members, currency)
        assert ref == (amount.low, amount.high, amount.qualifier, amount.is_range)


@PROPERTY
@given(datasets(), st.booleans())
def test_sort_by_amount_matches_the_record_semantics(ds: Dataset, descending: bool) -> None:
    """Sorting by amount orders by the USD bounds at each round's date, None last, stable."""
    expected = ref_sort_by_amount(list(ds.funding_rounds), descending)
    assert _ids(expected) == _ids(ds.funding_rounds.sort_by("amount", descending=descending))


@PROPERTY
@given(datasets(), st.sampled_from(["announced", "id", "round_type", "country", "year"]))
def test_sort_and_group_by_fields_match(ds: Dataset, key: str) -> None:
    """Sorting and grouping by a field or derived key agree with sorting the records."""

    def get(r: FundingRound) -> Any:
        if key == "country":
            return ds.company(r.company_id).country
        if key == "year":
            return r.announced.year if r.announced else None
        value = getattr(r, key)
        return value.value if isinstance(value, RoundType) else value

    rounds = list(ds.funding_rounds)
    present = sorted((r for r in rounds if get(r) is not None), key=get)
    expected = present + [r for r in rounds if get(r) is None]
    assert _ids(expected) == _ids(ds.funding_rounds.sort_by(key))
    counts: dict[Any, int] = {}
    for r in rounds:
        group = getattr(r, key) if key in ("announced", "round_type") else get(r)
        counts[group] = counts.get(group, 0) + 1
    assert counts == ds.funding_rounds.group_by(key).count()


def test_records_are_built_only_when_touched() -> None:
    """A query over columns builds no record until one is read."""
    ds = Dataset(
        companies=[Company("c", "C", "US")],
        funding_rounds=[
            FundingRound(f"r{i}", "c", amount=Amount(D(i), unit="USD")) for i in range(10)
        ],
    )
    from aieco._columns import Store

    store = ds.columns("funding_rounds")
    copy = Store(store.kind, tables=store.tables())
    query = type(ds.funding_rounds)._of(copy, None, ds).where(min_amount="5 USD")
    assert 5 == len(query)
    assert 0 == sum(r is not None for r in (copy._records or []))
    assert "r5" == query.first().id
    assert 1 == sum(r is not None for r in (copy._records or []))


def test_a_conversion_error_only_for_rounds_still_in_question() -> None:
    """A currency without rates fails a query only when such a round is compared."""
    ds = Dataset(
        companies=[Company("c", "C", "US"), Company("d", "D", "FR")],
        funding_rounds=[
            FundingRound("r1", "c", announced=PartialDate(2025), amount=Amount(D(5), unit="SAR")),
            FundingRound("r2", "d", announced=PartialDate(2025), amount=Amount(D(5), unit="EUR")),
        ],
    )
    assert ["r2"] == _ids(ds.funding_rounds.where(country="FR", min_amount="1 USD"))
    with pytest.raises(Exception, match="SAR"):
        ds.funding_rounds.where(min_amount="1 USD")
    assert datetime.date(2025, 12, 31) == PartialDate(2025).last_day


def _rounds(*values: int | str) -> Any:
    return Dataset(
        companies=[Company("c", "C", "DE")],
        funding_rounds=[
            FundingRound(f"r{i}", "c", amount=Amount(D(v), unit="EUR"))
            for i, v in enumerate(values)
        ],
    ).funding_rounds


@pytest.mark.parametrize(
    "values",
    [(10**17,), (10**17, 4 * 10**18), (2 * 10**18, 3 * 10**18, 4 * 10**18), ("9" * 29, 11)],
)
def test_amounts_beyond_int64_are_exact(values: tuple[int | str, ...]) -> None:
    """10**17 EUR in cents is beyond int64: totals and thresholds stay exact (no wrap-around)."""
    rounds = _rounds(*values)
    wanted = sum(int(v) for v in values)
    assert rounds.total("EUR").value == wanted
    assert rounds.group_by("company_id").total("EUR")["c"].value == wanted
    assert len(rounds.where(min_amount="1 EUR")) == len(values)
    assert len(rounds.where(max_amount="10 EUR")) == 0
    largest = max(int(v) for v in values)
    assert len(rounds.where(max_amount=Money(D(largest), "EUR"))) == len(values)
    assert len(rounds.where(max_amount=Money(D(largest - 1), "EUR"))) == len(values) - 1
    assert len(rounds.where(min_amount=Money(D(largest), "EUR"))) == 1


@settings(max_examples=50, deadline=None)
@given(
    st.lists(st.tuples(st.integers(0, 4), st.integers(0, 2**62)), max_size=300),
    st.sampled_from([0, 2**20, 2**40, 2**62]),
)
def test_exact_sums_per_group_are_exact(pairs: list[tuple[int, int]], cap: int) -> None:
    """Group sums of int64 amounts (limbs added as floats) equal Python's integer sums."""
    import numpy as np

    from aieco.query import _exact_sums, float_limbs

    pairs = [(group, value % (cap + 1)) for group, value in pairs]
    groups = np.array([g for g, _ in pairs], dtype=np.int64)
    values = np.array([v for _, v in pairs], dtype=np.int64)
    expected = [sum(v for g, v in pairs if g == group) for group in range(5)]
    limbs = float_limbs(values)
    assert limbs is not None
    assert _exact_sums(values, limbs, slice(None), groups, 5) == expected
    # A subset of the rows, by the limbs made for all of them.
    chosen = np.arange(0, len(values), 2)
    expected = [sum(v for g, v in pairs[::2] if g == group) for group in range(5)]
    assert _exact_sums(values, limbs, chosen, groups[chosen], 5) == expected
    # Negative values have no limbs: added as Python ints.
    assert float_limbs(-values - 1) is None or not len(values)
    assert _exact_sums(-values, None, slice(None), groups, 5) == [
        -sum(v for g, v in pairs if g == group) for group in range(5)
    ]


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 4), st.integers(0, 80), st.integers(1, 2**40), st.integers(0, 2**32))
def test_lexsort_is_numpys(count: int, rows: int, span: int, seed: int) -> None:
    """The packed sort of the columns gives numpy.lexsort's order: ties, booleans, wide keys."""
    import numpy as np

    from aieco._columns import lexsort

    rng = np.random.default_rng(seed)
    keys = tuple(
        rng.integers(-span, span, rows) if i % 2 else rng.integers(0, 3, rows).astype(bool)
        for i in range(count)
    )
    assert lexsort(keys).tolist() == np.lexsort(keys).tolist()
