"""Exact arithmetic whatever the decimal context, and the model's one limit on numbers (#9)."""

from __future__ import annotations

import decimal
import json
from decimal import Decimal as D
from fractions import Fraction

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import aieco
from aieco import (
    Amount,
    Company,
    CurrencyMismatch,
    Dataset,
    FundingRound,
    Money,
    ParseError,
    Qualifier,
    ValidationError,
    from_json,
    parse_amount,
)
from aieco._limits import MAX_FRACTION_DIGITS, MAX_INTEGER_DIGITS, limit_problem
from aieco.money import combine_qualifiers, exact_sum, sum_amounts
from aieco.serialize import structure
from tests.strategies import contexts


@st.composite
def limited(
    draw: st.DrawFn, *, nonnegative: bool = False, integer_digits: int = MAX_INTEGER_DIGITS
) -> D:
    """Any Decimal within the model's limit: up to 50 significant digits, any exponent form."""
    digits = draw(st.integers(min_value=1, max_value=integer_digits + MAX_FRACTION_DIGITS))
    coefficient = draw(st.integers(min_value=0, max_value=10**digits - 1))
    exponent = draw(st.integers(min_value=-MAX_FRACTION_DIGITS, max_value=integer_digits - digits))
    sign = 0 if nonnegative else draw(st.integers(0, 1))
    value = D((sign, tuple(int(c) for c in str(coefficient)), exponent))
    assert limit_problem(value) is None
    return value


def exact(value: D) -> Fraction:
    return Fraction(value)


# -- exact arithmetic ----------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(a=limited(integer_digits=29), b=limited(integer_digits=29), context=contexts())
def test_money_arithmetic_is_exact_in_any_context(a: D, b: D, context: decimal.Context) -> None:
    x, y = Money(a, "EUR"), Money(b, "EUR")
    factor = D("-3.0")
    with decimal.localcontext(context):
        results = [
            (x + y).amount,
            (x - y).amount,
            (x * factor).amount,
            (factor * x).amount,
            (-x).amount,
            abs(x).amount,
            sum([x, y]).amount,
            exact_sum([a, b, 1]),
        ]
    wanted = [
        exact(a) + exact(b),
        exact(a) - exact(b),
        exact(a) * exact(factor),
        exact(a) * exact(factor),
        -exact(a),
        abs(exact(a)),
        exact(a) + exact(b),
        exact(a) + exact(b) + 1,
    ]
    assert [exact(r) for r in results] == wanted


@settings(max_examples=100, deadline=None)
@given(parts=st.lists(limited(nonnegative=True, integer_digits=29), max_size=8), context=contexts())
def test_sum_amounts_is_exact_in_any_context(parts: list[D], context: decimal.Context) -> None:
    amounts = [Amount(p, unit="EUR") for p in parts]
    with decimal.localcontext(context):
        total = sum_amounts(amounts, "EUR")
        built_in = sum(amounts, 0)
    assert exact(total.low) == sum((exact(p) for p in parts), Fraction(0))
    assert total.qualifier is Qualifier.EXACT
    assert built_in == total or (not parts and built_in == 0)


def test_the_issue_examples_are_exact() -> None:
    big = Money(D("12345678901234567890123456789"), "EUR")
    assert (big + Money(D(2), "EUR")).amount == D("12345678901234567890123456791")
    forty = D("1234567890123456789012345678.901234567890")
    assert str(-Money(forty, "EUR")) == "-1234567890123456789012345678.901234567890 EUR"
    with decimal.localcontext(prec=5):
        assert exact_sum([D(123456), D(1)]) == D(123457)


def test_query_total_is_exact_under_a_narrow_context() -> None:
    ds = Dataset(
        companies=[Company("a", "A")],
        funding_rounds=[
            FundingRound("r1", "a", amount=Amount(D(123456), unit="USD")),
            FundingRound("r2", "a", amount=Amount(D(1), unit="USD")),
        ],
    )
    with decimal.localcontext(prec=5):
        total = ds.funding_rounds.total("USD")
        groups = ds.funding_rounds.group_by("company").total("USD")
    assert total == Amount(D(123457), unit="USD")
    assert list(groups.values()) == [total]


def test_sum_of_money_starts_at_zero() -> None:
    monies = [Money(D("1.5"), "EUR"), Money(D("2.25"), "EUR")]
    assert sum(monies) == Money(D("3.75"), "EUR")
    with pytest.raises(TypeError):
        sum(monies, 1)  # only 0 is the neutral start
    with pytest.raises(CurrencyMismatch):
        sum([Money(D(1), "EUR"), Money(D(1), "USD")])


def test_a_product_keeps_within_the_limit_when_it_can() -> None:
    tiny = Money(D("0." + "0" * 19 + "2"), "EUR")
    assert (tiny * D("0.5")).amount == D("0." + "0" * 19 + "1")  # trailing zero dropped
    with pytest.raises(ValidationError, match="too many digits after the decimal point"):
        tiny * D("0.25")


def test_a_product_beyond_the_limit_is_a_validation_error() -> None:
    with pytest.raises(ValidationError, match=r"Money\.amount: .* is too large"):
        Money(D("1E+29"), "EUR") * 100
    with pytest.raises(ValidationError, match="not finite"):
        Money(D(1), "EUR") * D("NaN")


# -- format ---------------------------------------------------------------------------------------


def test_format_money_with_a_decimal_spec() -> None:
    m = Money(D("1234.565"), "EUR")
    assert format(m, ".2f") == "1234.56 EUR"  # half-even
    assert f"{m:,.1f}" == "1,234.6 EUR"
    assert f"{m}" == str(m) == "1234.565 EUR"
    with decimal.localcontext(rounding=decimal.ROUND_UP):
        assert format(m, ".2f") == "1234.56 EUR"  # the caller's rounding does not leak in
    with pytest.raises(ValueError, match="is not a decimal format spec"):
        format(m, "Q")
    with pytest.raises(ValueError, match="'n' depends on the process locale"):
        format(m, "n")


def test_format_amount() -> None:
    hedged = Amount(D("4E+9"), unit="USD", qualifier=Qualifier.APPROX)
    assert f"{hedged:,.0f}" == "about 4,000,000,000 USD"
    assert f"{Amount.range(1, 2, '%'):.1f}" == "1.0–2.0 %"


# -- Amount addition and comparison ---------------------------------------------------------------


def test_amount_addition_keeps_hedges_and_ranges() -> None:
    about_four = Amount(D(4), unit="USD", qualifier=Qualifier.APPROX)
    assert about_four + Amount(D(1), unit="USD") == Amount(
        D(5), unit="USD", qualifier=Qualifier.APPROX
    )
    more = Amount(D(5), unit="USD", qualifier=Qualifier.MORE_THAN)
    assert more + Amount(D(3), unit="USD") == Amount(D(8), unit="USD", qualifier=Qualifier.AT_LEAST)
    assert Amount(D(1), unit="USD") + Amount.range(1, 2, "USD") == Amount.range(2, 3, "USD")
    assert Amount(D(1), unit="USD") + Money(D(2), "USD") == Amount(D(3), unit="USD")
    assert Money(D(2), "USD") + Amount(D(1), unit="USD") == Amount(D(3), unit="USD")
    assert sum([Amount(D(1), unit="%"), Amount(D(2), unit="%")]) == Amount(D(3), unit="%")
    with pytest.raises(CurrencyMismatch):
        Amount(D(1), unit="USD") + Amount(D(1), unit="EUR")
    with pytest.raises(CurrencyMismatch):
        Amount(D(1), unit="USD") + Amount(D(1))


def test_what_a_hedge_does_to_a_sum() -> None:
    q = Qualifier
    assert combine_qualifiers([]) is q.EXACT
    assert combine_qualifiers([q.EXACT, q.NEARLY]) is q.NEARLY
    assert combine_qualifiers([q.EXACT, q.APPROX, q.NEARLY]) is q.APPROX
    assert combine_qualifiers([q.EXACT, q.MORE_THAN]) is q.AT_LEAST
    assert combine_qualifiers([q.APPROX, q.AT_MOST]) is q.AT_MOST
    assert combine_qualifiers([q.AT_LEAST, q.AT_MOST]) is q.APPROX
    assert sum_amounts([None], "USD") == Amount(D(0), unit="USD", qualifier=q.AT_LEAST)


def test_amount_comparisons_only_where_certain() -> None:
    one, two = Amount(D(1), unit="USD"), Amount(D("2.0"), unit="USD")
    assert [one < two, one <= two, two > one, two >= one, two < one] == [True] * 4 + [False]
    assert sorted([two, one]) == [one, two]
    with pytest.raises(TypeError, match="only exact points are ordered"):
        one < Amount(D(2), unit="USD", qualifier=Qualifier.APPROX)  # noqa: B015
    with pytest.raises(TypeError, match="only exact points are ordered"):
        Amount.range(1, 2, "USD") < two  # noqa: B015
    with pytest.raises(CurrencyMismatch):
        one < Amount(D(2), unit="EUR")  # noqa: B015
    with pytest.raises(TypeError):
        one < 2  # noqa: B015


# -- the limit on every number ---------------------------------------------------------------------

OUT_OF_LIMIT = ["1e999999999", "1E-999999999", "1" + "0" * 30, "1E+30", "0.1" + "0" * 20, "0E+40"]


@pytest.mark.parametrize("text", OUT_OF_LIMIT)
def test_constructors_refuse_numbers_beyond_the_limit(text: str) -> None:
    with pytest.raises(ValidationError, match=r"Money\.amount: .*the limit is"):
        Money(D(text), "EUR")
    with pytest.raises(ValidationError, match=r"Amount\.high: .*the limit is"):
        Amount.range(-1, D(text), "EUR")


@pytest.mark.parametrize("text", [*OUT_OF_LIMIT, "Infinity", "NaN"])
def test_json_refuses_numbers_beyond_the_limit_with_their_path(text: str) -> None:
    document = json.dumps({"id": "r", "company_id": "a", "amount": {"value": text, "unit": "EUR"}})
    with pytest.raises(ValidationError) as caught:
        from_json(document, FundingRound)
    assert [p.path for p in caught.value.problems] == ["$.amount.value"]


@st.composite
def out_of_limit_strings(draw: st.DrawFn) -> str:
    """Decimal strings whose value breaks the limit: too large or too many fraction digits."""
    digits = draw(st.from_regex(r"[1-9][0-9]{0,60}", fullmatch=True))
    if draw(st.booleans()):
        exponent = draw(st.integers(MAX_INTEGER_DIGITS + 1 - len(digits), 10**12))
    else:
        exponent = draw(st.integers(-(10**12), -MAX_FRACTION_DIGITS - 1))
    sign = draw(st.sampled_from(["", "-"]))
    return f"{sign}{digits}E{exponent:+d}"


@settings(max_examples=200, deadline=None)
@given(value=out_of_limit_strings(), field=st.sampled_from(["amount", "valuation"]))
def test_generated_json_with_out_of_range_values_is_a_validation_error(
    value: str, field: str
) -> None:
    document = {"id": "r", "company_id": "a", field: {"value": value, "unit": "EUR"}}
    with pytest.raises(ValidationError) as caught:
        from_json(json.dumps(document), FundingRound)
    assert [p.path for p in caught.value.problems] == [f"$.{field}.value"]
    assert len(str(caught.value)) < 400


@settings(max_examples=200, deadline=None)
@given(value=limited())
def test_every_number_within_the_limit_round_trips(value: D) -> None:
    amount = Amount(value, unit="EUR")
    assert structure(aieco.converter.unstructure(amount), Amount) == amount
    assert len(format(value, "f")) <= 60


@pytest.mark.parametrize("digits", ["١٥٠٠", "１５００", "1٥00", "۱۵۰۰"])
def test_json_refuses_other_scripts_digits(digits: str) -> None:
    with pytest.raises(ValidationError, match="is not a finite decimal number"):
        structure({"value": digits, "unit": "EUR"}, Amount)


@pytest.mark.parametrize("date", ["٢٠٢٥", "２０２５-09", "2025-٠٩"])
def test_dates_refuse_other_scripts_digits(date: str) -> None:
    with pytest.raises(ValidationError, match="is not a valid ISO date"):
        structure({"id": "r", "company_id": "a", "announced": date}, FundingRound)


def test_the_parser_shares_the_limit() -> None:
    with pytest.raises(ParseError, match="too large: the limit is") as caught:
        parse_amount("rund 1.000.000.000.000.000 Billiarden €")
    assert caught.value.position == 5
    assert parse_amount("100.000.000.000.000 Billiarden €").value == D(10**29)
