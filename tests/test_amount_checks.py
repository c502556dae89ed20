"""Amount's and Money's one-test fast path accepts exactly what the full checks accept.

`Amount.__init__` first tries one test for the shapes the parser builds (a point whose
bounds are the value object or missing, a range of two Decimals, a unit already seen valid)
and otherwise converts ints and runs every check. These tests build amounts from every kind
of field, first with units never seen before (the full checks) and then again (the fast
test), and compare both with the documented rules written out independently here.
"""

from __future__ import annotations

import decimal
from decimal import Decimal as D
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aieco import Amount, Money, Qualifier, ValidationError
from aieco._checks import is_currency
from aieco._limits import MAX_FRACTION_DIGITS, MAX_INTEGER_DIGITS, limit_problem, within_limit

SAME: Any = object()  # "the value object itself" as a bound

_numbers = st.one_of(
    st.decimals(allow_nan=True, allow_infinity=True),
    st.decimals(allow_nan=False, allow_infinity=False, places=25),
    st.sampled_from(
        [D("1E+29"), D("9.99E+29"), D("1E+30"), D("1E-20"), D("1E-21"), D("0E-21"), D("1.5E-7")]
    ),
    st.integers(min_value=-(10**31), max_value=10**31),
)
_fields = st.one_of(_numbers, st.none(), st.floats(allow_nan=False), st.booleans(), st.text())
_units = st.sampled_from([None, "%", "EUR", "USD", "CHF", "XTS", "usd", "EURO", "ZZZ", "", 5])
_qualifiers = st.one_of(st.sampled_from(Qualifier), st.just("approx"))


def _finite(x: object) -> bool:
    return isinstance(x, D) and x.is_finite()


def _within(x: object) -> bool:
    if not _finite(x):
        return False
    assert isinstance(x, D)
    exponent = x.as_tuple().exponent
    assert isinstance(exponent, int)
    return x.adjusted() < MAX_INTEGER_DIGITS and exponent >= -MAX_FRACTION_DIGITS


def _as_field(x: object) -> object:
    """What the converter makes of a field: ints exactly, everything else as given."""
    return D(x) if isinstance(x, int) and not isinstance(x, bool) else x


def _valid(value: object, low: object, high: object, unit: object, qualifier: object) -> bool:
    """The documented rules, written out without the model's code."""
    if any(isinstance(x, float | bool) for x in (value, low, high)):
        return False
    value, low, high = _as_field(value), _as_field(low), _as_field(high)
    if unit is not None and unit != "%" and not (isinstance(unit, str) and is_currency(unit)):
        return False
    if not isinstance(qualifier, Qualifier):
        return False
    if value is None:
        return _within(low) and _within(high) and low < high  # type: ignore[operator]
    if not _within(value):
        return False
    return all(b is None or (_within(b) and b == value) for b in (low, high))


def _build(value: object, low: object, high: object, unit: object, qualifier: object) -> Any:
    try:
        return Amount(value, low, high, unit=unit, qualifier=qualifier)  # type: ignore[arg-type]
    except (ValidationError, TypeError) as exc:
        return (type(exc), str(exc))


@settings(max_examples=600, deadline=None)
@given(
    value=_fields,
    low=st.one_of(st.just(SAME), _fields),
    high=st.one_of(st.just(SAME), _fields),
    unit=_units,
    qualifier=_qualifiers,
)
def test_amount_accepts_exactly_the_documented_fields(
    value: object, low: object, high: object, unit: object, qualifier: object
) -> None:
    low = value if low is SAME else low
    high = value if high is SAME else high
    first = _build(value, low, high, unit, qualifier)
    again = _build(value, low, high, unit, qualifier)  # the unit is known now: the fast test
    assert first == again
    assert isinstance(first, Amount) == _valid(value, low, high, unit, qualifier)
    if isinstance(first, Amount) and first.value is not None:
        assert first.low == first.high == first.value


@settings(max_examples=300, deadline=None)
@given(amount=_fields, currency=_units)
def test_money_accepts_exactly_the_documented_fields(amount: object, currency: object) -> None:
    def build() -> Any:
        try:
            return Money(amount, currency)  # type: ignore[arg-type]
        except (ValidationError, TypeError) as exc:
            return (type(exc), str(exc))

    first, again = build(), build()
    assert first == again
    ok = (
        not isinstance(amount, float | bool)
        and _within(_as_field(amount))
        and isinstance(currency, str)
        and is_currency(currency)
    )
    assert isinstance(first, Money) == ok


@settings(max_examples=500, deadline=None)
@given(value=_numbers.filter(lambda x: isinstance(x, D)))
def test_within_limit_is_the_rule_in_any_context(value: D) -> None:
    assert within_limit(value) == _within(value) == (limit_problem(value) is None)
    with decimal.localcontext(capitals=0, prec=1):  # str() writes "1e+18"
        assert within_limit(value) == _within(value)


#: Values at the edges of the limit (below 10**30, at most 20 digits after the point, the
#: exponent deciding: a trailing zero counts), with what the rule says of each.
_EDGES = [
    ("9" * 30, True),
    ("1" + "0" * 30, False),
    ("-" + "9" * 30 + "." + "9" * 20, True),
    ("9" * 30 + "." + "9" * 21, False),
    ("1E+29", True),
    ("9.99E+29", True),
    ("1E+30", False),
    ("-1E+30", False),
    ("0E+29", True),
    ("0E+30", False),
    ("1.2345678901234567890123E+25", True),  # str() writes an exponent; 22 digits after "."
    ("1.2345678901234567890123E+29", True),
    ("1.2345678901234567890123E+30", False),
    ("1E-20", True),
    ("1E-21", False),
    ("0E-20", True),
    ("0E-21", False),
    ("0." + "0" * 19 + "1", True),
    ("0." + "0" * 19 + "10", False),  # the same number, but its exponent is -21
    ("-0." + "0" * 19 + "1", True),
    ("0.000001", True),  # the smallest adjusted exponent str() writes positionally
    ("0.0000001", True),  # written "1E-7"
    ("1.5E-7", True),
    ("1.2345678901234567890E-1", True),
    ("1.23456789012345678901E-1", False),
    ("1.5E-21", False),
    ("12.5", True),
    ("1234000000", True),
    # At the length up to which a value written without an exponent is within the limit
    # from its length alone (22 characters), and one past it.
    ("9" * 22, True),
    ("9" * 23, True),
    ("-" + "9" * 21, True),
    ("0." + "9" * 20, True),
    ("-0." + "9" * 20, True),
    ("0." + "9" * 21, False),
    ("1.5E+5", True),  # short, but written with an exponent
    ("1E+1", True),
    ("0", True),
    ("-0", True),
    ("NaN", False),
    ("sNaN", False),
    ("Infinity", False),
    ("-Infinity", False),
]


@pytest.mark.parametrize(("text", "within"), _EDGES)
def test_within_limit_at_the_edges(text: str, within: bool) -> None:
    value = D(text)
    assert within_limit(value) is within
    assert _within(value) is within  # the rule written out agrees with the table
    for context in (decimal.Context(capitals=0), decimal.Context(prec=1)):
        with decimal.localcontext(context):
            assert within_limit(value) is within
    assert (limit_problem(value) is None) is within


@pytest.mark.parametrize(
    ("kwargs", "path"),
    [
        ({"value": D("1E-21"), "unit": "EUR"}, "Amount.value"),
        ({"value": None, "low": D(2), "high": D(1), "unit": "EUR"}, "Amount.low"),
        ({"value": D(1), "low": D(1), "high": D(2), "unit": "EUR"}, "Amount.high"),
        ({"value": D(1), "unit": "usd"}, "Amount.unit"),
    ],
)
def test_a_known_unit_still_gets_every_check(kwargs: dict[str, Any], path: str) -> None:
    Amount(D(1), unit="EUR")  # EUR is known: the fast test runs first
    Amount(D(1), unit="USD")
    with pytest.raises(ValidationError, match=path):
        Amount(**kwargs)


#: Every kind of field the constructors refuse, with the error type and message they give
#: (pinned: a faster constructor must refuse exactly this, in the same words).
_FLOAT = "is a float; amounts are exact: pass a Decimal (Decimal('1.5')) or an int"
_BOOL = "is a bool; amounts are exact: pass a Decimal (Decimal('1.5')) or an int"
_LIMIT = (
    "the limit is a finite number below 10^30 in magnitude "
    "with at most 20 digits after the decimal point"
)
_REFUSED: list[tuple[str, dict[str, Any], type[Exception], str]] = [
    ("Amount", {"value": 1.5}, TypeError, f"1.5 {_FLOAT}"),
    ("Amount", {"value": True, "unit": "EUR"}, TypeError, f"True {_BOOL}"),
    ("Amount", {"value": "1", "unit": "EUR"}, TypeError, "Amount.value must be a Decimal, not str"),
    (
        "Amount",
        {"value": D("NaN"), "unit": "EUR"},
        ValidationError,
        f"Amount.value: Decimal('NaN') is not a finite number: {_LIMIT}",
    ),
    (
        "Amount",
        {"value": D("1E+30"), "unit": "EUR"},
        ValidationError,
        f"Amount.value: Decimal('1E+30') is too large: {_LIMIT}",
    ),
    (
        "Amount",
        {"value": D("1E-21"), "unit": "%"},
        ValidationError,
        f"Amount.value: Decimal('1E-21') has too many digits after the decimal point: {_LIMIT}",
    ),
    (
        "Amount",
        {"value": None},
        ValidationError,
        "Amount.low: (missing) is required for a range (value is None)",
    ),
    (
        "Amount",
        {"value": None, "low": D(1), "unit": "EUR"},
        ValidationError,
        "Amount.high: (missing) is required for a range (value is None)",
    ),
    (
        "Amount",
        {"value": None, "low": D(2), "high": D(1), "unit": "EUR"},
        ValidationError,
        "Amount.low: Decimal('2') must be below high (1) for a range",
    ),
    (
        "Amount",
        {"value": None, "low": D(1), "high": D(1), "unit": "EUR"},
        ValidationError,
        "Amount.low: Decimal('1') must be below high (1) for a range",
    ),
    (
        "Amount",
        {"value": None, "low": D("Infinity"), "high": D(1), "unit": "EUR"},
        ValidationError,
        f"Amount.low: Decimal('Infinity') is not a finite number: {_LIMIT}",
    ),
    (
        "Amount",
        {"value": None, "low": D(1), "high": "x", "unit": "EUR"},
        TypeError,
        "Amount.high must be a Decimal, not str",
    ),
    (
        "Amount",
        {"value": D(1), "low": D(2), "unit": "EUR"},
        ValidationError,
        "Amount.low: Decimal('2') must equal value 1 for a point amount",
    ),
    (
        "Amount",
        {"value": D(1), "high": D(0), "unit": "EUR"},
        ValidationError,
        "Amount.high: Decimal('0') must equal value 1 for a point amount",
    ),
    (
        "Amount",
        {"value": D(1), "low": 1, "high": 2, "unit": "EUR"},
        ValidationError,
        "Amount.high: Decimal('2') must equal value 1 for a point amount",
    ),
    ("Amount", {"value": D(1), "low": D("1.0"), "high": 1.0}, TypeError, f"1.0 {_FLOAT}"),
    (
        "Amount",
        {"value": D(1), "unit": "usd"},
        ValidationError,
        "Amount.unit: 'usd' is not a currency code or '%' (codes are upper case: 'USD')",
    ),
    (
        "Amount",
        {"value": D(1), "unit": "EURO"},
        ValidationError,
        "Amount.unit: 'EURO' is not a currency code or '%'",
    ),
    ("Amount", {"value": D(1), "unit": 5}, TypeError, "Amount.unit must be a str or None, not int"),
    (
        "Amount",
        {"value": D(1), "unit": []},
        TypeError,
        "Amount.unit must be a str or None, not list",
    ),
    (
        "Amount",
        {"value": D(1), "unit": "EUR", "qualifier": "approx"},
        TypeError,
        "Amount.qualifier must be a Qualifier, not str",
    ),
    (
        "Amount",
        {"value": D(1), "unit": "EUR", "qualifier": None},
        TypeError,
        "Amount.qualifier must be a Qualifier, not NoneType",
    ),
    ("Money", {"amount": 1.5, "currency": "EUR"}, TypeError, f"1.5 {_FLOAT}"),
    ("Money", {"amount": True, "currency": "EUR"}, TypeError, f"True {_BOOL}"),
    (
        "Money",
        {"amount": "1", "currency": "EUR"},
        TypeError,
        "Money.amount must be a Decimal, not str",
    ),
    (
        "Money",
        {"amount": D("1E+30"), "currency": "EUR"},
        ValidationError,
        f"Money.amount: Decimal('1E+30') is too large: {_LIMIT}",
    ),
    (
        "Money",
        {"amount": D("sNaN"), "currency": "EUR"},
        ValidationError,
        f"Money.amount: Decimal('sNaN') is not a finite number: {_LIMIT}",
    ),
    (
        "Money",
        {"amount": D(1), "currency": "usd"},
        ValidationError,
        "Money.currency: 'usd' is not an ISO 4217 currency code (codes are upper case: 'USD')",
    ),
    (
        "Money",
        {"amount": D(1), "currency": "%"},
        ValidationError,
        "Money.currency: '%' is not an ISO 4217 currency code",
    ),
    ("Money", {"amount": D(1), "currency": 5}, TypeError, "Money.currency must be a str, not int"),
    (
        "Money",
        {"amount": D(1), "currency": None},
        TypeError,
        "Money.currency must be a str, not NoneType",
    ),
    (
        "Money",
        {"amount": D(1), "currency": []},
        TypeError,
        "Money.currency must be a str, not list",
    ),
]


@pytest.mark.parametrize(("cls", "kwargs", "error", "message"), _REFUSED)
def test_the_constructors_refuse_with_these_words(
    cls: str, kwargs: dict[str, Any], error: type[Exception], message: str
) -> None:
    build = {"Amount": Amount, "Money": Money}[cls]
    Amount(D(1), unit="EUR")  # EUR and "%" known: the one test runs first
    Amount(D(1), unit="%")
    for context in (decimal.Context(), decimal.Context(prec=1, capitals=0)):
        with decimal.localcontext(context), pytest.raises(error) as caught:
            build(**kwargs)
        assert str(caught.value) == message
        assert type(caught.value) is error
