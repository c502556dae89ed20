"""The model: construction checks, Money arithmetic, Amount shapes and PartialDate."""

from __future__ import annotations

import pickle
from decimal import Decimal

import attrs
import pytest

from aieco import (
    AiecoError,
    Amount,
    Citation,
    Company,
    CurrencyMismatch,
    FundingRound,
    Investor,
    Money,
    PartialDate,
    Participation,
    Policy,
    PolicyKind,
    Precision,
    Qualifier,
    Source,
    ValidationError,
)

D = Decimal


def test_money_is_exact_and_adds_within_a_currency() -> None:
    """Money adds, subtracts and scales exactly within one currency."""
    a = Money(D("0.1"), "EUR")
    b = Money(D("0.2"), "EUR")
    assert Money(D("0.3"), "EUR") == a + b
    assert Money(D("-0.1"), "EUR") == a - b
    assert Money(D("0.3"), "EUR") == a * 3 == 3 * a
    assert Money(D("0.15"), "EUR") == a * D("1.5")
    assert Money(D("-0.1"), "EUR") == -a


def test_money_takes_int_exactly() -> None:
    """An int amount becomes the equal Decimal."""
    assert D(5) == Money(5, "USD").amount


@pytest.mark.parametrize("amount", [1.5, True, "1.5"], ids=["float", "bool", "str"])
def test_money_refuses_inexact_or_textual_amounts(amount: object) -> None:
    """A float, bool or str amount is a TypeError, never a silent conversion."""
    with pytest.raises(TypeError):
        Money(amount, "USD")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    "currency", ["XYZ", "usd", "Euro", ""], ids=["unknown", "lower", "word", "empty"]
)
def test_money_refuses_unknown_currency(currency: str) -> None:
    """A currency that is not an ISO 4217 code babel knows is a ValidationError naming it."""
    with pytest.raises(ValidationError, match=r"Money\.currency"):
        Money(D(1), currency)


def test_money_refuses_nan() -> None:
    """A non-finite amount is rejected."""
    with pytest.raises(ValidationError, match="finite"):
        Money(D("NaN"), "USD")


def test_money_mixing_currencies_raises() -> None:
    """Adding or comparing EUR and USD raises CurrencyMismatch, a ValueError."""
    eur, usd = Money(D(1), "EUR"), Money(D(1), "USD")
    with pytest.raises(CurrencyMismatch, match="convert"):
        eur + usd
    with pytest.raises(ValueError, match="compare"):
        _ = eur < usd
    assert eur != usd


def test_money_compares_within_a_currency() -> None:
    """Comparison within a currency orders by amount."""
    assert Money(D(1), "EUR") < Money(D(2), "EUR") <= Money(D("2.00"), "EUR")
    assert Money(D(3), "EUR") > Money(D(2), "EUR") >= Money(D(2), "EUR")
    assert Money(D("2.00"), "EUR") == Money(D(2), "EUR")


def test_money_is_frozen() -> None:
    """Records cannot be changed after construction."""
    m = Money(D(1), "EUR")
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        m.amount = D(2)  # type: ignore[misc]


def test_amount_point_fills_bounds() -> None:
    """A point amount has low == high == value."""
    a = Amount(D("4E+9"), unit="USD", qualifier=Qualifier.APPROX)
    assert (D("4E+9"), D("4E+9")) == (a.low, a.high)
    assert not a.is_range
    assert "USD" == a.currency
    assert Money(D("4E+9"), "USD") == a.money
    assert "about 4000000000 USD" == str(a)


def test_amount_range_has_no_value() -> None:
    """A range has value None, low < high, and no single Money."""
    a = Amount.range(5_000_000, 50_000_000, "EUR")
    assert a.value is None
    assert a.is_range
    assert a.money is None
    assert "5000000–50000000 EUR" == str(a)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"value": None, "low": D(5), "high": D(1)}, "low"),
        ({"value": None, "low": D(5), "high": D(5)}, "low"),
        ({"value": D(5), "low": D(4)}, "low"),
        ({"value": D(5), "unit": "XYZ"}, "unit"),
        ({"value": None}, "low"),
    ],
    ids=["low-above-high", "empty-range", "point-bound", "unit", "nothing"],
)
def test_amount_rejects_inconsistent_shapes(kwargs: dict[str, object], field: str) -> None:
    """Inconsistent bounds or units are ValidationErrors naming the field."""
    with pytest.raises(ValidationError, match=rf"Amount\.{field}"):
        Amount(**kwargs)  # type: ignore[arg-type]


def test_amount_percent_and_bare_number() -> None:
    """'%' and None are units; neither is a currency."""
    assert Amount(D(11), unit="%").currency is None
    assert "11 %" == str(Amount(D(11), unit="%"))
    assert Amount(D(3)).money is None


@pytest.mark.parametrize(
    ("iso", "expected", "precision"),
    [
        ("2025", PartialDate(2025), Precision.YEAR),
        ("2025-09", PartialDate(2025, 9), Precision.MONTH),
        ("2025-09-09", PartialDate(2025, 9, 9), Precision.DAY),
    ],
    ids=["year", "month", "day"],
)
def test_partial_date_iso_both_ways(iso: str, expected: PartialDate, precision: Precision) -> None:
    """ISO strings read and write at the known precision."""
    assert expected == PartialDate.fromisoformat(iso)
    assert iso == str(expected)
    assert precision == expected.precision


@pytest.mark.parametrize(
    "text", ["2025-9", "25", "2025-13", "2025-02-30", "2025-09-09T10:00", " 2025"]
)
def test_partial_date_rejects_bad_iso(text: str) -> None:
    """Malformed or impossible dates are ValidationErrors."""
    with pytest.raises(ValidationError):
        PartialDate.fromisoformat(text)


def test_partial_date_order_and_span() -> None:
    """A year sorts before its months and days; first and last day give the span."""
    assert PartialDate(2025) < PartialDate(2025, 1) < PartialDate(2025, 1, 1) < PartialDate(2026)
    assert "2024-02-29" == PartialDate(2024, 2).last_day.isoformat()
    assert "2025-01-01" == PartialDate(2025).first_day.isoformat()
    with pytest.raises(ValidationError, match="needs a month"):
        PartialDate(2025, None, 3)


def test_company_validates_fields() -> None:
    """Unknown countries, empty names and repeated aliases are rejected with the field named."""
    with pytest.raises(ValidationError, match=r"Company\.country: 'XX'"):
        Company("x", "X", country="XX")
    with pytest.raises(ValidationError, match=r"Company\.name"):
        Company("x", " ")
    with pytest.raises(ValidationError, match=r"Company\.aliases"):
        Company("x", "X", aliases=("A", "A"))
    with pytest.raises(ValidationError, match=r"Company\.id"):
        Company("Mistral AI", "Mistral AI")
    with pytest.raises(ValidationError, match=r"Company\.country: 'EU'"):
        Company("x", "X", country="EU")


def test_company_refuses_lone_string_for_a_tuple() -> None:
    """A str where a tuple belongs is a TypeError, not a tuple of characters."""
    with pytest.raises(TypeError, match="tuple or list"):
        Company("x", "X", aliases="Mistral")  # type: ignore[arg-type]


def test_company_converts_list_to_tuple() -> None:
    """Lists become tuples, so records stay hashable."""
    company = Company("x", "X", aliases=["Y"])  # type: ignore[arg-type]
    assert ("Y",) == company.aliases
    assert hash(company) == hash(Company("x", "X", aliases=("Y",)))


def test_participation_stake_rules() -> None:
    """A stake is a percentage between 0 and 100."""
    assert Participation("asml", stake=Amount(D(11), unit="%")).stake is not None
    with pytest.raises(ValidationError, match=r"Participation\.stake\.high"):
        Participation("asml", stake=Amount(D(120), unit="%"))
    with pytest.raises(ValidationError, match=r"Participation\.stake\.unit"):
        Participation("asml", stake=Amount(D(11), unit="EUR"))


def test_funding_round_rejects_negative_or_unitless_amounts() -> None:
    """A round amount needs a currency and no negative bound."""
    with pytest.raises(ValidationError, match=r"FundingRound\.amount\.low"):
        FundingRound("r", "c", amount=Amount(D(-1), unit="USD"))
    with pytest.raises(ValidationError, match=r"FundingRound\.amount\.unit"):
        FundingRound("r", "c", amount=Amount(D(1), unit="%"))
    with pytest.raises(ValidationError, match=r"FundingRound\.participants"):
        FundingRound("r", "c", participants=(Participation("a"), Participation("a")))


def test_funding_round_leads() -> None:
    """Leads lists the leading investors' ids."""
    r = FundingRound("r", "c", participants=(Participation("a", lead=True), Participation("b")))
    assert ("a",) == r.leads


def test_policy_jurisdiction_allows_eu() -> None:
    """A policy's jurisdiction is 'EU' or a country code."""
    assert "EU" == Policy("ai-act", "AI Act", "EU", PolicyKind.REGULATION).jurisdiction
    with pytest.raises(ValidationError, match=r"Policy\.jurisdiction"):
        Policy("p", "P", "Europe", PolicyKind.REGULATION)


def test_other_records_construct() -> None:
    """Investor, Source and Citation construct and validate ids."""
    assert "bpifrance" == Investor("bpifrance", "Bpifrance", country="FR").id
    assert "de" == Source("000", "Titel").language
    with pytest.raises(ValidationError, match=r"Citation\.quote"):
        Citation("000", "")


@pytest.mark.parametrize(
    "error",
    [
        ValidationError("plain"),
        CurrencyMismatch("x"),
    ],
    ids=["validation", "mismatch"],
)
def test_errors_are_aieco_errors_and_pickle(error: AiecoError) -> None:
    """Errors are AiecoErrors and ValueErrors, and survive pickling."""
    assert isinstance(error, AiecoError)
    assert isinstance(error, ValueError)
    clone = pickle.loads(pickle.dumps(error))
    assert (type(error), str(error)) == (type(clone), str(clone))


def test_validation_error_from_construction_pickles_with_problems() -> None:
    """A ValidationError keeps its problems through pickle."""
    with pytest.raises(ValidationError) as info:
        Company("x", "X", country="XX")
    clone = pickle.loads(pickle.dumps(info.value))
    assert info.value.problems == clone.problems
