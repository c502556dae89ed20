"""Query: criteria, hedge-aware amount filters, ordering, aggregates and export."""

from __future__ import annotations

import datetime
import json
import sys
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import aieco
import aieco.amounts
from aieco import (
    Amount,
    Company,
    CompanyCategory,
    Dataset,
    FundingRound,
    Money,
    NotFound,
    PartialDate,
    Policy,
    PolicyKind,
    Qualifier,
    Query,
    RoundType,
    ValidationError,
    convert,
)
from aieco.query import Groups, meets_max, meets_min
from tests.fixtures.sample import COMPANIES, ROUNDS, sample, usd

D = Decimal
Q = Qualifier


def ids(query: Query[Any]) -> list[str]:
    """The ids of a query's records, in order."""
    return [record.id for record in query]


# --- where: funding rounds ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("criteria", "expected"),
    [
        ({"company": "Anthropic"}, ["anthropic-f", "anthropic-g"]),
        ({"company": ["mistral", "xai"]}, ["mistral-c", "xai-e"]),
        ({"country": "US"}, ["anthropic-f", "anthropic-g", "xai-e"]),
        ({"country": ("FR", "DE")}, ["mistral-c", "aleph-b"]),
        ({"region": "EU"}, ["mistral-c", "aleph-b"]),
        ({"region": "eu"}, ["mistral-c", "aleph-b"]),
        ({"region": "Europe"}, ["mistral-c", "aleph-b", "zurich-a"]),
        ({"region": "KR"}, ["naver-early", "naver-grant"]),
        ({"region": ["US", "CH"]}, ["anthropic-f", "anthropic-g", "xai-e", "zurich-a"]),
        ({"year": 2025}, ["mistral-c", "anthropic-f", "naver-grant"]),
        ({"year": [2023, 2024]}, ["aleph-b", "zurich-a"]),
        ({"since": 2026}, ["anthropic-g", "xai-e"]),
        ({"since": "2025-09"}, ["mistral-c", "anthropic-f", "anthropic-g", "xai-e", "naver-grant"]),
        ({"since": "2025-09-05"}, ["mistral-c", "anthropic-g", "xai-e", "naver-grant"]),
        ({"until": 2023}, ["aleph-b"]),
        ({"until": "2025-03"}, ["aleph-b", "zurich-a", "naver-grant"]),
        ({"until": PartialDate(2023, 10)}, []),
        ({"since": datetime.date(2024, 1, 1), "until": 2024}, ["zurich-a"]),
        ({"round_type": RoundType.SERIES_C}, ["mistral-c"]),
        ({"round_type": ["series_f", "grant"]}, ["anthropic-f", "naver-grant"]),
        ({"investor": "Nvidia"}, ["mistral-c", "anthropic-f", "xai-e"]),
        ({"investor": "a16z", "country": "US"}, ["anthropic-f"]),
        ({"lead_investor": "a16z"}, ["anthropic-f"]),
        ({"lead_investor": ["asml", "humain"]}, ["mistral-c", "xai-e"]),
    ],
    ids=lambda v: json.dumps(v, default=str) if isinstance(v, dict) else None,
)
def test_round_criteria(criteria: dict[str, Any], expected: list[str]) -> None:
    """Each funding-round criterion selects the expected rounds, in their original order."""
    assert expected == ids(sample().funding_rounds.where(**criteria))


YEAR_2025 = [
    2025,
    "2025",
    "2025-09",
    "2025-09-09",
    PartialDate(2025),
    PartialDate(2025, 9),
    PartialDate(2025, 9, 9),
    datetime.date(2025, 1, 1),
    datetime.datetime(2025, 12, 31, 23, 59),
    [PartialDate(2025), "2025-01"],
]


@pytest.mark.parametrize("year", YEAR_2025, ids=repr)
@pytest.mark.parametrize(
    ("collection", "expected"),
    [
        ("funding_rounds", ["mistral-c", "anthropic-f", "naver-grant"]),
        ("policies", ["stargate"]),
    ],
    ids=["rounds", "policies"],
)
def test_year_takes_the_calendar_year_of_any_date_form(
    year: Any, collection: str, expected: list[str]
) -> None:
    """year= is the calendar year of an int, ISO string, PartialDate or date, at any precision."""
    assert expected == ids(getattr(sample(), collection).where(year=year))


def test_criteria_accept_records() -> None:
    """Company and investor criteria take records as well as keys."""
    ds = sample()
    assert ["mistral-c"] == ids(ds.funding_rounds.where(company=ds.company("mistral")))
    assert ["xai-e"] == ids(ds.funding_rounds.where(lead_investor=ds.investor("humain")))


# --- where: the other kinds ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("collection", "criteria", "expected"),
    [
        ("companies", {"country": "US"}, ["anthropic", "spacex", "xai"]),
        ("companies", {"region": "EU", "category": "ai_lab"}, ["mistral-ai", "aleph-alpha"]),
        ("companies", {"category": CompanyCategory.ROBOTICS}, ["zurich-robotics"]),
        ("companies", {"name": "mistral"}, ["mistral-ai"]),
        ("companies", {"name": ["zurich robotics", "XAI"]}, ["xai", "zurich-robotics"]),
        ("investors", {"kind": "corporate"}, ["asml", "nvidia"]),
        ("investors", {"region": "Europe"}, ["asml", "bpifrance"]),
        ("investors", {"country": "SA"}, ["humain"]),
        ("policies", {"jurisdiction": "EU"}, ["eu-ai-act"]),
        ("policies", {"jurisdiction": ["US", "KR"]}, ["stargate", "kr-foundation-model"]),
        ("policies", {"region": "EU"}, ["eu-ai-act", "de-ki-strategie"]),
        ("policies", {"region": "DE"}, ["de-ki-strategie"]),
        ("policies", {"kind": PolicyKind.REGULATION}, ["eu-ai-act"]),
        ("policies", {"status": "ongoing"}, ["de-ki-strategie", "kr-foundation-model"]),
        ("policies", {"since": 2024}, ["eu-ai-act", "stargate"]),
        ("policies", {"year": 2018}, ["de-ki-strategie"]),
        ("policies", {"name": "ai act"}, ["eu-ai-act"]),
        ("policies", {"min_amount": "100 Mrd. USD"}, ["stargate"]),
        ("sources", {"year": 2026}, ["s2"]),
        ("sources", {"language": "de", "until": "2025"}, ["s1"]),
    ],
    ids=lambda v: json.dumps(v, default=str) if isinstance(v, dict) else v,
)
def test_criteria_of_other_kinds(
    collection: str, criteria: dict[str, Any], expected: list[str]
) -> None:
    """Companies, investors, policies and sources have criteria of their own."""
    assert expected == ids(getattr(sample(), collection).where(**criteria))


# --- bad criteria -------------------------------------------------------------------------------


def test_unknown_criterion_names_the_allowed_ones() -> None:
    """A misspelt criterion is a TypeError listing the criteria of that kind."""
    with pytest.raises(TypeError) as caught:
        sample().funding_rounds.where(contry="FR")
    assert (
        "where() got unknown criteria 'contry' for funding rounds; allowed: company, country, "
        "investor, lead_investor, max_amount, min_amount, region, round_type, since, until, year"
    ) == str(caught.value)


@pytest.mark.parametrize(
    ("criteria", "error", "message"),
    [
        ({"country": "XX"}, ValidationError, "'XX' is not an ISO 3166-1 alpha-2 country code"),
        ({"country": "fr"}, ValidationError, "'fr' is not an ISO 3166-1"),
        ({"region": "Mars"}, ValidationError, "'Mars' is not a region: expected 'EU', 'Europe'"),
        ({"round_type": "series_z"}, ValidationError, "'series_z' is not a RoundType"),
        ({"year": "twenty25"}, ValidationError, "'twenty25' is not a year or an ISO date"),
        ({"year": True}, TypeError, "takes a year, an ISO date or a date, not a bool"),
        ({"year": 2025.0}, TypeError, "takes an int year, .* not float"),
        ({"year": [2025, None]}, TypeError, "not NoneType"),
        ({"since": "Sept. 2025"}, ValidationError, "is not a year or an ISO date"),
        ({"since": 2025.5}, TypeError, "not float"),
        ({"company": "Mistrl"}, NotFound, "Did you mean 'Mistral AI'"),
        ({"investor": "Nvidai"}, NotFound, "Did you mean 'Nvidia'"),
        ({"country": []}, ValidationError, "is empty"),
        ({"min_amount": 5}, TypeError, "takes an Amount, a Money or a text"),
        ({"min_amount": Amount(D(5))}, ValidationError, "has no currency"),
        ({"min_amount": Amount(D(5), unit="%")}, ValidationError, "has no currency"),
        ({"min_amount": Amount.range(1, 2, "USD")}, ValidationError, "is a range"),
        (
            {"min_amount": Amount(D(5), unit="USD", qualifier=Q.MORE_THAN)},
            ValidationError,
            "is hedged",
        ),
        (
            {"max_amount": Amount(D(5), unit="USD", qualifier=Q.AT_LEAST)},
            ValidationError,
            "is hedged",
        ),
    ],
    ids=lambda v: json.dumps(v, default=str) if isinstance(v, dict) else None,
)
def test_bad_criterion_values(criteria: dict[str, Any], error: type, message: str) -> None:
    """A bad value is refused when where() is called, with a message saying what was expected."""
    with pytest.raises(error, match=message):
        sample().funding_rounds.where(**criteria)


def test_name_criterion_with_and_without_a_dataset() -> None:
    """where(name=...) matches names and aliases alike from a Dataset and from bare records."""
    keys = ["MISTRAL", "zurich robotics", "nobody"]
    expected = ["mistral-ai", "zurich-robotics"]
    assert expected == ids(sample().companies.where(name=keys))
    assert expected == ids(Query(COMPANIES).where(name=keys))


def test_relational_criteria_need_a_dataset() -> None:
    """A Query of bare records cannot follow references; it says so."""
    with pytest.raises(TypeError, match="needs a Query from a Dataset"):
        Query(ROUNDS).where(country="US")


def test_records_without_criteria_table() -> None:
    """A Query of other objects has no where() criteria but filters with functions."""
    numbers = Query([1, 2, 3])
    with pytest.raises(TypeError, match="use filter"):
        numbers.where(value=1)
    assert [2] == list(numbers.filter(lambda n: n % 2 == 0))


# --- amounts: hedges and currencies -------------------------------------------------------------

BILLION = D(1_000_000_000)


@pytest.mark.parametrize(
    ("amount", "threshold", "at_least", "at_most"),
    [
        (usd(1_000_000_000), BILLION, True, True),
        (usd(999_999_999), BILLION, False, True),
        (usd(1_000_000_000, Q.APPROX), BILLION, True, True),
        (usd(1_000_000_000, Q.NEARLY), BILLION, False, True),
        (usd(1_100_000_000, Q.NEARLY), BILLION, True, False),
        (usd(1_000_000_000, Q.MORE_THAN), BILLION, True, False),
        (usd(100_000_000, Q.AT_LEAST), BILLION, False, False),
        (usd(2_000_000_000, Q.AT_LEAST), BILLION, True, False),
        (usd(1_000_000_000, Q.LESS_THAN), BILLION, False, True),
        (usd(2_000_000_000, Q.AT_MOST), BILLION, False, False),
        (usd(2_000_000_000, Q.AT_MOST), D(0), True, False),
        (Amount.range(900_000_000, 1_100_000_000, "USD"), BILLION, False, False),
        (Amount.range(1_000_000_000, 1_100_000_000, "USD"), BILLION, True, False),
        (Amount.range(900_000_000, 1_000_000_000, "USD"), BILLION, False, True),
    ],
    ids=[
        "exact-equal",
        "exact-below",
        "approx-by-value",
        "nearly-is-just-below",
        "nearly-above",
        "more-than",
        "at-least-lower",
        "at-least-higher",
        "less-than",
        "at-most-unknown-low",
        "at-most-zero",
        "range-straddles",
        "range-low-end",
        "range-high-end",
    ],
)
def test_hedge_rule(amount: Amount, threshold: Decimal, at_least: bool, at_most: bool) -> None:
    """An amount meets a bound only when what the text says guarantees it."""
    assert (at_least, at_most) == (meets_min(amount, threshold), meets_max(amount, threshold))


def test_at_least_round_does_not_meet_a_higher_minimum() -> None:
    """'mindestens 100 Mio. USD' is not a round of 1 bn USD or more."""
    rounds = sample().funding_rounds
    assert "xai-e" not in ids(rounds.where(min_amount=Money(BILLION, "USD")))
    assert "xai-e" in ids(rounds.where(min_amount=Money(D(100_000_000), "USD")))


def test_min_amount_text_is_parsed_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """A text criterion goes through aieco.parse_amount once per where(), not per round."""
    calls: list[str] = []
    real = aieco.amounts.parse_amount

    def parse(text: str) -> Amount:
        calls.append(text)
        return real(text)

    monkeypatch.setattr(aieco.amounts, "parse_amount", parse)
    rounds = sample().funding_rounds.where(min_amount="1 Mrd. USD")
    assert ["mistral-c", "anthropic-f", "anthropic-g"] == ids(rounds)
    assert ["1 Mrd. USD"] == calls


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1 Mrd. USD", ["mistral-c", "anthropic-f", "anthropic-g"]),
        ("mindestens 1 Mrd. USD", ["mistral-c", "anthropic-f", "anthropic-g"]),
        (
            "100 Millionen Dollar",
            ["mistral-c", "anthropic-f", "anthropic-g", "xai-e", "aleph-b", "zurich-a"],
        ),
        ("1,3 Mrd. Euro", ["mistral-c", "anthropic-f", "anthropic-g"]),
        ("1,4 Mrd. €", ["anthropic-f", "anthropic-g"]),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_min_amount_reads_german_text(text: str, expected: list[str]) -> None:
    """where(min_amount=...) reads German amounts; 1.3 bn EUR is not 1.4 bn EUR."""
    assert expected == ids(sample().funding_rounds.where(min_amount=text))


def test_unreadable_amount_text_is_a_parse_error() -> None:
    """Text that is no amount raises the amounts engine's ParseError."""
    with pytest.raises(aieco.ParseError):
        sample().funding_rounds.where(min_amount="eine Menge Geld")


def test_amounts_compare_across_currencies_at_the_round_date() -> None:
    """1.3 bn EUR on 2025-09-09 is 1,526.72 m USD: above 1.5 bn USD, below 1.6 bn USD."""
    rounds = sample().funding_rounds.where(company="mistral")
    assert ["mistral-c"] == ids(rounds.where(min_amount=Money(D("1526720000"), "USD")))
    assert [] == ids(rounds.where(min_amount=Money(D("1526720000.01"), "USD")))
    assert ["mistral-c"] == ids(rounds.where(max_amount=Amount(D("1.6e9"), unit="USD")))
    assert ["mistral-c"] == ids(rounds.where(min_amount=Money(D("1.3e9"), "EUR")))


def test_rounds_without_amount_never_match_amount_criteria() -> None:
    """An undisclosed amount meets neither a minimum nor a maximum."""
    rounds = sample().funding_rounds
    assert "naver-early" not in ids(rounds.where(min_amount=Money(D(0), "USD")))
    assert "naver-early" not in ids(rounds.where(max_amount=Money(D("1e15"), "USD")))


@given(
    st.lists(st.integers(min_value=0, max_value=10**12), min_size=1, max_size=20),
    st.integers(min_value=0, max_value=10**12),
)
def test_exact_amounts_filter_like_a_comparison(values: list[int], threshold: int) -> None:
    """For exact amounts in one currency, min/max_amount are plain >= and <=."""
    rounds = [FundingRound(f"r{i}", "c", amount=usd(v)) for i, v in enumerate(values)]
    query = Query(rounds)
    money = Money(D(threshold), "USD")
    assert [r.id for r in rounds if r.amount and r.amount.value >= threshold] == ids(
        query.where(min_amount=money)
    )
    assert [r.id for r in rounds if r.amount and r.amount.value <= threshold] == ids(
        query.where(max_amount=money)
    )


# --- the collection -----------------------------------------------------------------------------


def test_where_returns_a_new_query() -> None:
    """Queries are immutable: narrowing one leaves the original as it was."""
    rounds = sample().funding_rounds
    us = rounds.where(country="US")
    assert (8, 3) == (len(rounds), len(us))
    assert rounds is rounds.where()


def test_len_iteration_and_indexing() -> None:
    """A Query has a length, iterates, indexes by int and slices into a Query."""
    rounds = sample().funding_rounds
    assert "mistral-c" == rounds[0].id
    assert "naver-grant" == rounds[-1].id
    assert isinstance(rounds[1:3], Query)
    assert ["anthropic-f", "anthropic-g"] == ids(rounds[1:3])
    assert ["mistral-c", "anthropic-g"] == ids(rounds[:4:2])
    with pytest.raises(IndexError):
        rounds[99]


def test_first_and_one() -> None:
    """first() takes the first record; one() insists on exactly one."""
    rounds = sample().funding_rounds
    assert "anthropic-f" == rounds.where(company="anthropic").first().id
    assert "xai-e" == rounds.where(company="xai").one().id


def test_first_of_nothing_is_not_found() -> None:
    """first() and one() on an empty query raise NotFound naming the criteria."""
    empty = sample().funding_rounds.where(country="DE", year=2030)
    with pytest.raises(NotFound) as caught:
        empty.first()
    assert "no funding round matches \".where(country='DE', year=2030)\"" == str(caught.value)
    with pytest.raises(NotFound):
        empty.one()


def test_one_of_many_says_how_many() -> None:
    """one() with several records says how many there are."""
    with pytest.raises(ValidationError, match="expected exactly one funding round, found 3"):
        sample().funding_rounds.where(country="US").one()


def test_filter() -> None:
    """The records the function accepts are kept by filter()."""
    rounds = sample().funding_rounds.filter(lambda r: len(r.participants) >= 2)
    assert ["mistral-c", "anthropic-f", "xai-e"] == ids(rounds)
    with pytest.raises(TypeError, match="takes a function"):
        rounds.filter("participants")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("key", "descending", "expected"),
    [
        ("id", False, ["aleph-b", "anthropic-f", "anthropic-g", "mistral-c"]),
        ("announced", False, ["aleph-b", "zurich-a", "naver-grant", "anthropic-f"]),
        ("announced", True, ["xai-e", "anthropic-g", "mistral-c", "anthropic-f"]),
        ("year", True, ["anthropic-g", "xai-e", "mistral-c", "anthropic-f"]),
        ("round_type", False, ["naver-grant", "zurich-a", "aleph-b", "mistral-c"]),
        ("amount", True, ["anthropic-g", "anthropic-f", "mistral-c", "zurich-a"]),
        ("country", False, ["zurich-a", "aleph-b", "mistral-c", "naver-early"]),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_sort_by(key: str, descending: bool, expected: list[str]) -> None:
    """sort_by orders by a field or derived key; ties keep their order."""
    rounds = sample().funding_rounds.sort_by(key, descending=descending)
    assert expected == ids(rounds)[:4]
    assert 8 == len(rounds)


@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
def test_sort_by_puts_none_last(descending: bool) -> None:
    """Records without the key come last in both directions."""
    rounds = sample().funding_rounds.sort_by("announced", descending=descending)
    assert "naver-early" == rounds[-1].id
    by_amount = sample().funding_rounds.sort_by("amount", descending=descending)
    assert "naver-early" == by_amount[-1].id


def test_sort_by_function() -> None:
    """A function is a key too."""
    rounds = sample().funding_rounds.sort_by(lambda r: len(r.participants), descending=True)
    assert ["mistral-c", "anthropic-f", "xai-e", "aleph-b"] == ids(rounds)[:4]


def test_unknown_key_names_the_allowed_ones() -> None:
    """An unknown key is a TypeError listing fields and derived keys."""
    with pytest.raises(
        TypeError, match=r"unknown key 'size' for funding rounds; allowed: .*region"
    ):
        sample().funding_rounds.sort_by("size")


# --- aggregates ---------------------------------------------------------------------------------


def test_total_of_one_currency() -> None:
    """The total of exact USD amounts is their exact sum."""
    rounds = Query([FundingRound("a", "c", amount=usd(2)), FundingRound("b", "c", amount=usd(3))])
    assert Amount(D(5), unit="USD") == rounds.total()


def test_total_converts_at_each_round_date() -> None:
    """Each amount is converted at its own date, or all at ``on``."""
    rounds = sample().funding_rounds.where(company=["mistral", "anthropic"], year=2025)
    mistral = convert(Amount(D("1300000000"), unit="EUR"), "USD", on=PartialDate(2025, 9, 9))
    expected = Amount(D("13000000000") + mistral.low, unit="USD")
    assert expected == rounds.total("USD")
    on = datetime.date(2025, 1, 2)
    at_new_year = convert(Amount(D("1300000000"), unit="EUR"), "USD", on=on)
    assert D("13000000000") + at_new_year.low == rounds.total("USD", on=on).value


@pytest.mark.parametrize(
    ("qualifiers", "expected"),
    [
        ([], Q.EXACT),
        ([Q.EXACT, Q.EXACT], Q.EXACT),
        ([Q.APPROX, Q.APPROX], Q.APPROX),
        ([Q.AT_LEAST, Q.AT_LEAST], Q.AT_LEAST),
        ([Q.MORE_THAN], Q.MORE_THAN),
        ([Q.EXACT, Q.APPROX], Q.APPROX),
        ([Q.EXACT, Q.NEARLY], Q.NEARLY),
        ([Q.APPROX, Q.NEARLY], Q.APPROX),
        ([Q.EXACT, Q.MORE_THAN], Q.AT_LEAST),
        ([Q.APPROX, Q.AT_LEAST, Q.MORE_THAN], Q.AT_LEAST),
        ([Q.EXACT, Q.AT_MOST, Q.LESS_THAN], Q.AT_MOST),
        ([Q.AT_LEAST, Q.AT_MOST], Q.APPROX),
        ([Q.EXACT, None], Q.AT_LEAST),
        ([Q.LESS_THAN, None], Q.APPROX),
    ],
    ids=lambda v: "+".join(q.value if q else "none" for q in v) if isinstance(v, list) else None,
)
def test_total_qualifier(qualifiers: list[Qualifier | None], expected: Qualifier) -> None:
    """The total keeps a common qualifier, else the weakest honest one (None: no amount)."""
    rounds = [
        FundingRound(f"r{i}", "c", amount=None if q is None else usd(10, q))
        for i, q in enumerate(qualifiers)
    ]
    total = Query(rounds, FundingRound).total()
    assert expected == total.qualifier
    assert D(10 * sum(q is not None for q in qualifiers)) == total.value


def test_total_with_a_range_is_a_range() -> None:
    """Lows and highs are summed: one range makes the total a range."""
    rounds = sample().funding_rounds.where(company=["aleph-alpha", "zurich-robotics"])
    total = rounds.total()
    assert (D(1_400_000_000), D(1_500_000_000), Q.NEARLY) == (
        total.low,
        total.high,
        total.qualifier,
    )
    assert total.is_range


def test_total_of_policy_budgets() -> None:
    """Policies total their budgets; unknown budgets make the total a lower bound."""
    total = sample().policies.total()
    assert Amount(D(500_000_000_000), unit="USD", qualifier=Q.AT_LEAST) == total


def test_total_of_companies_is_a_type_error() -> None:
    """Companies have no amount to total."""
    with pytest.raises(TypeError, match="not companies"):
        sample().companies.total()


def test_total_without_a_rate_raises() -> None:
    """An amount in a currency without ECB rates is a ConversionError, not a silent skip."""
    rounds = Query([FundingRound("r", "c", amount=Amount(D(5), unit="SAR"))])
    with pytest.raises(aieco.ConversionError, match="SAR"):
        rounds.total("USD")
    assert Amount(D(5), unit="SAR") == rounds.total("SAR")


def test_group_by_region_and_year_totals() -> None:
    """Money raised per region and year, in USD, is one line."""
    totals = sample().funding_rounds.group_by("region", "year").total("USD")
    assert [
        ("Europe", 2023),
        ("Europe", 2024),
        ("Europe", 2025),
        ("KR", 2025),
        ("KR", None),
        ("US", 2025),
        ("US", 2026),
    ] == list(totals)
    assert Amount(D(13_000_000_000), unit="USD") == totals[("US", 2025)]
    assert Amount(D(30_100_000_000), unit="USD", qualifier=Q.AT_LEAST) == totals[("US", 2026)]
    assert Amount(D(0), unit="USD", qualifier=Q.AT_LEAST) == totals[("KR", None)]


def test_group_totals_add_up_to_the_total() -> None:
    """The group totals of exact same-currency amounts sum to the query's total."""
    rounds = sample().funding_rounds.where(country="US")
    totals = rounds.group_by("year").total()
    assert rounds.total().low == sum(t.low for t in totals.values())


def test_group_by_one_key() -> None:
    """One key gives plain keys, ordered, None last; each group is a Query."""
    groups = sample().funding_rounds.group_by("country")
    assert isinstance(groups, Groups)
    assert ["CH", "DE", "FR", "KR", "US"] == list(groups)
    assert {"CH": 1, "DE": 1, "FR": 1, "KR": 2, "US": 3} == groups.count()
    assert ["naver-early", "naver-grant"] == ids(groups["KR"])
    assert "<Groups by country: {'CH': 1, 'DE': 1, 'FR': 1, 'KR': 2, 'US': 3}>" == repr(groups)


def test_group_by_enum_field_and_function() -> None:
    """Field values (enums included) and functions are keys."""
    ds = sample()
    by_category = ds.companies.group_by("category")
    assert CompanyCategory.AEROSPACE == next(iter(by_category))
    by_leads = ds.funding_rounds.group_by(lambda r: len(r.leads))
    assert [0, 1] == list(by_leads)
    by_year = ds.policies.group_by("year")
    assert [2018, 2024, 2025, None] == list(by_year)
    assert ["Europe", "KR", "US"] == list(ds.policies.group_by("region"))


def test_group_by_needs_a_key() -> None:
    """group_by() without a key is a TypeError."""
    with pytest.raises(TypeError, match="at least one key"):
        sample().funding_rounds.group_by()


# --- export -------------------------------------------------------------------------------------


def test_to_records_is_flat_and_json_ready() -> None:
    """Records become flat dicts: enum values, ISO dates, amounts as strings, nested ids."""
    record = sample().funding_rounds.where(company="xai").one()
    [flat] = sample().funding_rounds.where(company="xai").to_records()
    assert {
        "id": "xai-e",
        "company_id": "xai",
        "company": "xAI",
        "country": "US",
        "round_type": "series_e",
        "announced": "2026-01",
        "amount": "at least 100000000 USD",
        "amount_low": "100000000",
        "amount_high": "100000000",
        "amount_currency": "USD",
        "amount_qualifier": "at_least",
        "valuation": None,
        "valuation_low": None,
        "valuation_high": None,
        "valuation_currency": None,
        "valuation_qualifier": None,
        "investors": ["nvidia", "humain"],
        "lead_investors": ["humain"],
        "sources": [],
    } == flat
    assert record.id == json.loads(json.dumps(flat))["id"]


def test_to_records_of_companies_and_policies() -> None:
    """Other kinds flatten the same way: tuples become lists, citations their source ids."""
    [asml] = sample().companies.where(name="ASML").to_records()
    assert ("semiconductor_equipment", [], ["s1"]) == (
        asml["category"],
        asml["aliases"],
        asml["sources"],
    )
    [stargate] = sample().policies.where(name="Stargate").to_records()
    assert ("500000000000 USD", "2025-01") == (stargate["budget"], stargate["announced"])


def test_to_pandas() -> None:
    """to_pandas gives typed columns (exact decimals, dates, categoricals), even when empty."""
    pandas = pytest.importorskip("pandas")
    frame = sample().funding_rounds.to_pandas()
    assert isinstance(frame, pandas.DataFrame)
    assert 8 == len(frame)
    assert isinstance(frame["round_type"].dtype, pandas.CategoricalDtype)
    assert "datetime64" in str(frame["announced"].dtype)
    usd_rows = frame[frame["amount_unit"] == "USD"]
    expected = sum(
        r.amount.low
        for r in sample().funding_rounds
        if r.amount is not None and r.amount.unit == "USD"
    )
    assert expected == usd_rows["amount_low"].sum()
    assert ["FR", "US"] == list(frame["country"][:2])
    empty = sample().funding_rounds.where(year=1990).to_pandas()
    assert list(frame.columns) == list(empty.columns)


def test_to_arrow_and_polars_have_the_same_columns() -> None:
    """to_arrow and to_polars are the same typed table as to_pandas."""
    polars = pytest.importorskip("polars")
    query = sample().funding_rounds.where(country="US")
    table = query.to_arrow()
    assert [r.id for r in query] == table.column("id").to_pylist()
    assert table.column_names == query.to_polars().columns
    assert isinstance(query.to_polars(), polars.DataFrame)


def test_to_pandas_without_pandas_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without pandas, to_pandas raises an ImportError naming aieco[pandas]."""
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(ImportError, match=r"aieco\[pandas\]"):
        sample().funding_rounds.to_pandas()


def test_repr_html_is_an_escaped_table() -> None:
    """_repr_html_ renders a table and escapes the content."""
    ds = Dataset(companies=[Company("evil", "<script>alert(1)</script>", "FR")])
    page = ds.companies._repr_html_()
    assert page.startswith('<table class="aieco"')
    assert "<caption>1 company</caption>" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "<script>" not in page


def test_repr_is_readable() -> None:
    """The repr counts the records and names the first few."""
    ds = sample()
    assert "<Query of 1 company: Mistral AI>" == repr(ds.companies.where(name="mistral"))
    assert (
        "<Query of 8 funding rounds: mistral-c, anthropic-f, anthropic-g, xai-e, aleph-b, "
        "… (3 more)>"
    ) == repr(ds.funding_rounds)
    assert "<Query of 0 policies>" == repr(ds.policies.where(year=1990))


def test_query_checks_its_items() -> None:
    """A Query holds records of one type; an empty one needs the type named."""
    with pytest.raises(TypeError, match="item 1 is a Company"):
        Query([ROUNDS[0], Company("c", "C")])
    with pytest.raises(TypeError, match="needs its item_type"):
        Query([])
    assert Policy is Query([], Policy).item_type


def _eur_rounds() -> Dataset:
    """Two rounds of 1 EUR and 10 EUR on a day the test tables have a rate for."""
    day = PartialDate(2025, 9, 5)
    return Dataset(
        companies=[Company("c", "C", "DE", CompanyCategory.AI_LAB)],
        funding_rounds=[
            FundingRound("r1", "c", announced=day, amount=Amount(D(1), unit="EUR")),
            FundingRound("r2", "c", announced=day, amount=Amount(D(10), unit="EUR")),
        ],
    )


def test_totals_use_the_table_asked_for_even_when_an_old_table_is_freed() -> None:
    """A freed table's id() is reused by the next one: the conversions must not be mixed up."""
    from aieco.fx import RateTable

    ds = _eur_rounds()
    for k in range(2, 40):
        table = RateTable({"USD": {"2025-09-05": str(k)}}, name=f"rate {k}")
        assert ds.funding_rounds.total("USD", rates=table).value == 11 * k
        groups = ds.funding_rounds.group_by("company_id").total("USD", rates=table)
        assert [total.value for total in groups.values()] == [11 * k]
        del table


def test_filters_after_use_rates_use_the_table_in_use() -> None:
    from aieco.fx import use_rates

    ds = _eur_rounds()
    try:
        for k in range(2, 40):
            use_rates({"USD": {"2025-09-05": str(k)}})
            at_least = ds.funding_rounds.where(min_amount=f"{5 * k} USD")
            assert [r.id for r in at_least] == ["r2"]
            totals = ds.funding_rounds.group_by("company_id").total("USD")
            assert [total.value for total in totals.values()] == [11 * k]
    finally:
        use_rates(None)
