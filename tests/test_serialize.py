"""The JSON contract: exact round-trips and strict, path-bearing validation."""

from __future__ import annotations

import contextlib
import json
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from aieco import (
    Amount,
    Company,
    FundingRound,
    Money,
    PartialDate,
    Participation,
    Qualifier,
    RoundType,
    ValidationError,
    from_json,
    to_json,
)
from tests.strategies import MODELS

D = Decimal


@pytest.mark.parametrize("cls", list(MODELS), ids=lambda c: c.__name__)
@given(data=st.data())
def test_round_trip_is_exact(cls: type, data: st.DataObject) -> None:
    """from_json(to_json(x)) == x for every model type, Decimal exponents included."""
    value = data.draw(MODELS[cls])
    again = from_json(to_json(value), cls)
    assert value == again
    assert repr(value) == repr(again)


@given(MODELS[FundingRound])
def test_round_trip_with_indent(value: FundingRound) -> None:
    """Indentation changes nothing but whitespace."""
    assert value == from_json(to_json(value, indent=2), FundingRound)


def _round() -> FundingRound:
    return FundingRound(
        "mistral-ai-series-c-2025",
        "mistral-ai",
        RoundType.SERIES_C,
        PartialDate(2025, 9),
        Amount(D("1.3E+9"), unit="EUR"),
        participants=(
            Participation(
                "asml",
                lead=True,
                amount=Amount(D("1.5E+9"), unit="USD", qualifier=Qualifier.MORE_THAN),
                stake=Amount(D(11), unit="%"),
            ),
        ),
    )


def test_json_shape() -> None:
    """Decimals are strings, dates ISO, enums values, points carry no redundant bounds."""
    data = json.loads(to_json(_round()))
    assert "2025-09" == data["announced"]
    assert "series_c" == data["round_type"]
    assert {"value": "1.3E+9", "unit": "EUR", "qualifier": "exact"} == data["amount"]
    assert {"value": "11", "unit": "%", "qualifier": "exact"} == data["participants"][0]["stake"]
    assert {"amount": "1.5", "currency": "USD"} == json.loads(to_json(Money(D("1.5"), "USD")))


def _mutated(change: Any) -> str:
    data = json.loads(to_json(_round()))
    change(data)
    return json.dumps(data)


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (
            lambda d: d["participants"][0]["stake"].update(unit="XYZ"),
            "$.participants[0].stake.unit: 'XYZ' is not a currency code or '%'",
        ),
        (
            lambda d: d["amount"].update(value=1.5),
            "$.amount.value: 1.5 is a number, expected a decimal number as a string",
        ),
        (
            lambda d: d.update(company_id=3),
            "$.company_id: 3 is an integer, expected a string",
        ),
        (
            lambda d: d["participants"][0].update(lead="yes"),
            "$.participants[0].lead: 'yes' is a string, expected a boolean",
        ),
        (lambda d: d.update(extra=1), "$.extra: 'extra' is not a known field"),
        (lambda d: d.pop("id"), "$.id: (missing) is required but missing"),
        (
            lambda d: d.update(announced="2025-13"),
            "$.announced: '2025-13' is not a valid ISO date",
        ),
        (lambda d: d.update(round_type="series_z"), "$.round_type: 'series_z' is not a RoundType"),
        (
            lambda d: d["participants"][0]["stake"].update(value="120"),
            "$.participants[0].stake.high: Decimal('120') must not exceed 100 %",
        ),
        (lambda d: d.update(participants={}), "$.participants: {} is an object, expected an array"),
        (
            lambda d: d["participants"].append(3),
            "$.participants[1]: 3 is an integer, expected an object (Participation)",
        ),
        (lambda d: d["amount"].update(value="NaN"), "$.amount.value: 'NaN' is not a finite"),
        (
            lambda d: d["amount"].update(value="1,5"),
            "$.amount.value: '1,5' is not a finite decimal number",
        ),
    ],
    ids=[
        "unit",
        "float",
        "int-for-str",
        "str-for-bool",
        "extra-key",
        "missing",
        "date",
        "enum",
        "stake",
        "object-for-array",
        "int-for-object",
        "nan",
        "comma",
    ],
)
def test_validation_error_paths(change: Any, expected: str) -> None:
    """Bad JSON names the path, the bad value and what was allowed."""
    with pytest.raises(ValidationError) as info:
        from_json(_mutated(change), FundingRound)
    assert expected in str(info.value)


def test_every_problem_is_reported_at_once() -> None:
    """Several problems come back together, one per line."""

    def change(d: dict[str, Any]) -> None:
        d.update(extra=1, company_id=3)
        d["participants"][0].update(lead="yes")

    with pytest.raises(ValidationError) as info:
        from_json(_mutated(change), FundingRound)
    paths = sorted(p.path for p in info.value.problems)
    assert ["$.company_id", "$.extra", "$.participants[0].lead"] == paths


@pytest.mark.parametrize("text", ["{", "", "[1,", "nul"], ids=["open", "empty", "list", "word"])
def test_invalid_json_is_a_validation_error(text: str) -> None:
    """Malformed JSON is a ValidationError with a line and column, not a JSONDecodeError."""
    with pytest.raises(ValidationError, match=r"\$ \(line 1, column \d+\).*not valid JSON"):
        from_json(text, FundingRound)


@given(st.text(max_size=50) | st.from_regex(r"\{.*\}", fullmatch=True))
def test_from_json_raises_only_validation_error(text: str) -> None:
    """Arbitrary text never escapes as anything but ValidationError."""
    with contextlib.suppress(ValidationError):
        from_json(text, FundingRound)


@pytest.mark.parametrize("cls", list(MODELS), ids=lambda c: c.__name__)
@given(data=st.data())
def test_mutated_json_never_escapes_validation_error(cls: type, data: st.DataObject) -> None:
    """Replacing any one field with a wrong-typed JSON value gives a ValidationError at its path."""
    value = data.draw(MODELS[cls])
    document = json.loads(to_json(value))
    if not isinstance(document, dict) or not document:
        return
    key = data.draw(st.sampled_from(sorted(document)))
    bad = data.draw(st.sampled_from([1.5, [], {}, True, 10**20]))
    document[key] = bad
    text = json.dumps(document)
    try:
        again = from_json(text, cls)
    except ValidationError as error:
        paths = [p.path for p in error.problems]
    else:  # the value was legitimate (an empty array, a boolean): kept as it was, not coerced
        assert bad == json.loads(to_json(again))[key]
        return
    assert any(path.startswith(f"$.{key}") for path in paths), paths


def test_bytes_that_are_not_utf8_are_a_validation_error() -> None:
    """Undecodable bytes are reported as a ValidationError, not a UnicodeDecodeError."""
    with pytest.raises(ValidationError, match=r"\$: b'\\xff' is not UTF-8 text"):
        from_json(b"\xff", FundingRound)


@pytest.mark.parametrize(
    "text",
    ["1_000", " 1", "1 ", "Infinity", "-inf", "NaN", "sNaN", "1,5", "+1", "0x10", "", "1e", "."],
)
def test_decimal_strings_are_strict(text: str) -> None:
    """Only plain decimal strings are Decimals: no underscores, spaces, signs '+' or specials."""
    document = json.dumps({"value": text, "unit": "USD"})
    with pytest.raises(ValidationError, match=r"\$\.value: "):
        from_json(document, Amount)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1500000000", D(1500000000)),
        ("1.5E+9", D("1.5E+9")),
        ("-2.50", D("-2.50")),
        (".5", D("0.5")),
    ],
    ids=["plain", "exponent", "negative", "leading-dot"],
)
def test_decimal_strings_accepted(text: str, expected: Decimal) -> None:
    """What str(Decimal) writes, and plain JSON number forms, are read exactly."""
    assert expected == from_json(json.dumps({"value": text, "unit": "USD"}), Amount).value


def test_duplicate_keys_are_refused() -> None:
    """A key named twice in one object is an error, not 'the last one wins'."""
    with pytest.raises(ValidationError, match="'amount' is a key that appears twice"):
        from_json('{"amount": "1", "currency": "USD", "amount": "2"}', Money)


def test_every_value_problem_of_a_record_is_reported() -> None:
    """Two bad fields of one record are both reported, not just the first."""
    with pytest.raises(ValidationError) as info:
        from_json('{"id": "x", "name": "", "country": "XX"}', Company)
    assert ["$.country", "$.name"] == sorted(p.path for p in info.value.problems)
