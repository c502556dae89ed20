"""Hypothesis strategies for every aieco model type."""

from __future__ import annotations

import decimal
from decimal import Decimal

from hypothesis import strategies as st

from aieco import (
    Amount,
    Citation,
    Company,
    CompanyCategory,
    FundingRound,
    Investor,
    InvestorKind,
    Money,
    PartialDate,
    Participation,
    Policy,
    PolicyKind,
    PolicyStatus,
    Qualifier,
    RoundType,
    Source,
)
from aieco._fold import INVISIBLE

CURRENCIES = ["EUR", "USD", "CHF", "GBP", "JPY", "CNY", "KRW", "SAR", "SEK"]
COUNTRIES = ["DE", "FR", "US", "CN", "KR", "NL", "GB", "CH", "SA", "AT"]

ids = st.from_regex(r"[a-z0-9]([a-z0-9-]{0,14}[a-z0-9])?", fullmatch=True)
texts = st.text(
    alphabet=st.characters(codec="utf-8", exclude_categories=("Cs", "Cc", "Zs", "Zl", "Zp")),
    min_size=1,
    max_size=20,
).filter(  # a text may not be blank or start or end with an invisible character (#9)
    lambda t: not INVISIBLE.match(t) and not INVISIBLE.match(t[-1])
)
optional_texts = st.none() | texts
countries = st.none() | st.sampled_from(COUNTRIES)


def decimals(min_value: int = -(10**15), max_value: int = 10**15) -> st.SearchStrategy[Decimal]:
    """Finite decimals with up to four fraction digits, exponent forms included."""
    return st.decimals(
        min_value=min_value, max_value=max_value, places=4, allow_nan=False, allow_infinity=False
    ) | st.builds(
        lambda m, e: Decimal(m).scaleb(e),
        st.integers(min_value=0, max_value=999),
        st.integers(min_value=0, max_value=12),
    ).filter(lambda d: min_value <= d <= max_value)


ANY_UNIT: st.SearchStrategy[str | None] = st.none() | st.just("%") | st.sampled_from(CURRENCIES)
money = st.builds(Money, decimals(), st.sampled_from(CURRENCIES))


@st.composite
def amounts(
    draw: st.DrawFn,
    units: st.SearchStrategy[str | None] = ANY_UNIT,
    min_value: int = -(10**15),
    max_value: int = 10**15,
) -> Amount:
    """Points and ranges with any qualifier."""
    unit = draw(units)
    qualifier = draw(st.sampled_from(Qualifier))
    a = draw(decimals(min_value, max_value))
    if draw(st.booleans()):
        return Amount(a, unit=unit, qualifier=qualifier)
    b = draw(decimals(min_value, max_value).filter(lambda b: b != a))
    return Amount.range(min(a, b), max(a, b), unit, qualifier)


money_amounts = amounts(units=st.sampled_from(CURRENCIES), min_value=0)
stakes = amounts(units=st.just("%"), min_value=0, max_value=100)


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    """Dates at year, month or day precision."""
    day = draw(st.dates())
    precision = draw(st.integers(0, 2))
    if precision == 0:
        return PartialDate(day.year)
    if precision == 1:
        return PartialDate(day.year, day.month)
    return PartialDate.from_date(day)


citations = st.builds(Citation, ids, texts, optional_texts)
citation_tuples = st.lists(citations, max_size=3).map(tuple)
aliases = st.lists(texts, max_size=3, unique=True).map(tuple)

sources = st.builds(
    Source,
    id=ids,
    title=texts,
    published=st.none() | partial_dates(),
    language=st.sampled_from(["de", "en"]),
    publisher=optional_texts,
    note=optional_texts,
)

companies = st.builds(
    Company,
    id=ids,
    name=texts,
    country=countries,
    category=st.sampled_from(CompanyCategory),
    aliases=aliases,
    founded=st.none() | st.integers(1800, 2030),
    headquarters=optional_texts,
    description=optional_texts,
    acquired_by=st.none() | ids.map(lambda i: i + "-parent"),
    sources=citation_tuples,
)

participations = st.builds(
    Participation,
    investor_id=ids,
    lead=st.booleans(),
    amount=st.none() | money_amounts,
    stake=st.none() | stakes,
)

funding_rounds = st.builds(
    FundingRound,
    id=ids,
    company_id=ids,
    round_type=st.sampled_from(RoundType),
    announced=st.none() | partial_dates(),
    amount=st.none() | money_amounts,
    valuation=st.none() | money_amounts,
    participants=st.lists(participations, max_size=4, unique_by=lambda p: p.investor_id).map(tuple),
    sources=citation_tuples,
)

investors = st.builds(
    Investor,
    id=ids,
    name=texts,
    kind=st.sampled_from(InvestorKind),
    country=countries,
    aliases=aliases,
    company_id=st.none() | ids,
    sources=citation_tuples,
)

policies = st.builds(
    Policy,
    id=ids,
    name=texts,
    jurisdiction=st.sampled_from([*COUNTRIES, "EU"]),
    kind=st.sampled_from(PolicyKind),
    status=st.sampled_from(PolicyStatus),
    aliases=aliases,
    announced=st.none() | partial_dates(),
    budget=st.none() | money_amounts,
    description=optional_texts,
    sources=citation_tuples,
)

#: Every model type with its strategy.
MODELS: dict[type, st.SearchStrategy[object]] = {
    Money: money,
    Amount: amounts(),
    PartialDate: partial_dates(),
    Citation: citations,
    Source: sources,
    Company: companies,
    Participation: participations,
    FundingRound: funding_rounds,
    Investor: investors,
    Policy: policies,
}


@st.composite
def contexts(draw: st.DrawFn) -> decimal.Context:
    """Whatever a caller may have set: tiny precision and exponents, any rounding, any traps."""
    return decimal.Context(
        prec=draw(st.integers(min_value=1, max_value=40)),
        rounding=draw(
            st.sampled_from(
                [
                    decimal.ROUND_HALF_EVEN,
                    decimal.ROUND_HALF_UP,
                    decimal.ROUND_HALF_DOWN,
                    decimal.ROUND_UP,
                    decimal.ROUND_DOWN,
                    decimal.ROUND_CEILING,
                    decimal.ROUND_FLOOR,
                    decimal.ROUND_05UP,
                ]
            )
        ),
        Emax=draw(st.sampled_from([decimal.MAX_EMAX, 999_999, 40, 12, 5])),
        Emin=draw(st.sampled_from([decimal.MIN_EMIN, -999_999, -40, -5])),
        capitals=draw(st.integers(0, 1)),
        traps=draw(
            st.sampled_from(
                [
                    [],
                    [decimal.Inexact],
                    [decimal.Rounded],
                    [decimal.Overflow, decimal.Underflow, decimal.Clamped],
                    [decimal.FloatOperation, decimal.InvalidOperation],
                ]
            )
        ),
    )
