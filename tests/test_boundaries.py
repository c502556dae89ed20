"""Hostile documents: deep nesting, huge integers, a million bad items, all problems at once."""

from __future__ import annotations

import json
import pickle
import tempfile
from decimal import Decimal, localcontext
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import aieco
from aieco import Company, FundingRound, ValidationError, from_json
from aieco._limits import MAX_FRACTION_DIGITS, MAX_INTEGER_DIGITS, limit_problem
from aieco.errors import KEPT_PROBLEMS, SHOWN_PROBLEMS, Problem, ProblemList
from aieco.serialize import decode_json


def write(tmp_path: Path, document: object, text: str | None = None) -> Path:
    path = tmp_path / "data.json"
    path.write_text(text if text is not None else json.dumps(document), encoding="utf-8")
    return path


@pytest.mark.parametrize("depth", [1_000, 100_000])
def test_deep_nesting_is_a_validation_error(tmp_path: Path, depth: int) -> None:
    text = "[" * depth + "]" * depth
    with pytest.raises(ValidationError, match=r"nested too deeply|is an array, expected"):
        decode_json(text) if depth > 10_000 else from_json(text, FundingRound)
    nested = '{"companies": [{"id": "a", "name": "A", "aliases": ' + text + "}]}"
    with pytest.raises(ValidationError) as caught:
        aieco.load(write(tmp_path, None, nested))
    assert len(str(caught.value)) < 500


def test_a_5000_digit_integer_is_a_validation_error_with_its_path() -> None:
    digits = "7" * 5000
    with pytest.raises(ValidationError) as caught:
        from_json(f'{{"id": "a", "name": "A", "founded": {digits}}}', Company)
    assert [p.path for p in caught.value.problems] == ["$.founded"]
    assert "an integer with 5000 digits" in str(caught.value)
    with pytest.raises(ValidationError) as caught:
        from_json(
            f'{{"id": "r", "company_id": "a", "amount": {{"value": -{digits}, "unit": "EUR"}}}}',
            FundingRound,
        )
    assert [p.path for p in caught.value.problems] == ["$.amount.value"]


def test_a_million_bad_items_are_capped_in_time_and_size(tmp_path: Path) -> None:
    # 200,000 here to keep the suite quick; a million behave the same (3 s, measured by hand).
    document = {"companies": [{"id": "X", "name": ""}] * 200_000}
    with pytest.raises(ValidationError) as caught:
        aieco.load(write(tmp_path, document))
    error = caught.value
    assert len(error.problems) == 2 * SHOWN_PROBLEMS + 1  # bad id and name of the first 100
    unchecked = error.problems[-1]
    assert unchecked.path == f"$.companies[{SHOWN_PROBLEMS}:]"
    assert "199900 more items" in str(unchecked)
    assert len(str(error)) < 20_000
    assert pickle.loads(pickle.dumps(error)).problems == error.problems
    # No cattrs exception in the context chain: they would not unpickle where tblib runs (Dask).
    chain = [error.__context__, getattr(error.__context__, "__context__", None)]
    assert all(link is None or isinstance(link, ValidationError) for link in chain)


def test_problem_lists_keep_the_first_and_count_the_rest() -> None:
    problems = ProblemList(Problem(f"$[{i}]", i, "is bad") for i in range(KEPT_PROBLEMS + 5))
    assert (len(problems), problems.more) == (KEPT_PROBLEMS, 5)
    error = ValidationError(problems)
    assert error.more == 5
    lines = str(error).splitlines()
    assert len(lines) == SHOWN_PROBLEMS + 1
    assert lines[-1] == f"... and {KEPT_PROBLEMS + 5 - SHOWN_PROBLEMS} more problems " + (
        f"({SHOWN_PROBLEMS} of {KEPT_PROBLEMS + 5} shown)"
    )
    copy = pickle.loads(pickle.dumps(error))
    assert (str(copy), copy.more) == (str(error), 5)


def test_a_problem_quotes_a_huge_value_shortened() -> None:
    with pytest.raises(ValidationError) as caught:
        from_json(json.dumps({"id": "a", "name": 7, "headquarters": ["x" * 10**6] * 9}), Company)
    assert len(str(caught.value)) < 500


def test_load_reports_structural_and_referential_problems_at_once(tmp_path: Path) -> None:
    document = {
        "companies": [
            {"id": "a", "name": "A", "founded": "1999"},  # structural
            {"id": "b", "name": "B", "acquired_by": "nobody"},  # unknown id
            {"id": "b", "name": "B2"},  # duplicate id
        ],
        "funding_rounds": [
            {"id": "r1", "company_id": "a", "participants": [{"investor_id": "ghost"}]},
            {"id": "r2", "company_id": "zzz", "amount": {"value": "1", "unit": "EURO"}},
        ],
    }
    with pytest.raises(ValidationError) as caught:
        aieco.load(write(tmp_path, document))
    found = {(p.path, str(p.value)) for p in caught.value.problems}
    assert found == {
        ("$.companies[0].founded", "1999"),
        ("$.companies[1].acquired_by", "nobody"),
        ("$.companies[2].id", "b"),
        ("$.funding_rounds[0].participants[0].investor_id", "ghost"),
        ("$.funding_rounds[1].company_id", "zzz"),
        ("$.funding_rounds[1].amount.unit", "EURO"),
    }


def test_a_bad_record_still_counts_as_named(tmp_path: Path) -> None:
    """A company with a bad field is still the company a round names: no false 'unknown id'."""
    document = {
        "companies": [{"id": "a", "name": "A", "country": "XX"}],
        "funding_rounds": [{"id": "r", "company_id": "a"}],
    }
    with pytest.raises(ValidationError) as caught:
        aieco.load(write(tmp_path, document))
    assert [p.path for p in caught.value.problems] == ["$.companies[0].country"]


@settings(max_examples=50, deadline=None)
@given(
    bad=st.lists(st.integers(min_value=0, max_value=9), min_size=1, max_size=10, unique=True),
    dangling=st.booleans(),
)
def test_every_bad_record_and_every_dangling_reference_is_reported(
    bad: list[int], dangling: bool
) -> None:
    companies = [
        {"id": f"c{i}", "name": f"C{i}", **({"founded": 1} if i in bad else {})} for i in range(10)
    ]
    rounds = [{"id": "r", "company_id": "nobody" if dangling else "c0"}]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "data.json"
        path.write_text(json.dumps({"companies": companies, "funding_rounds": rounds}), "utf-8")
        with pytest.raises(ValidationError) as caught:
            aieco.load(path)
    paths = {p.path for p in caught.value.problems}
    expected = {f"$.companies[{i}].founded" for i in bad}
    if dangling:
        expected.add("$.funding_rounds[0].company_id")
    assert paths == expected


def test_errors_pickle_where_tblib_pickles_exception_chains(tmp_path: Path) -> None:
    # dask's distributed installs tblib's pickling support process-wide, which pickles an
    # exception's __context__ too; cattrs' own exceptions cannot be unpickled that way, so an
    # error that kept one as its context could not travel back from a worker.
    pickling_support = pytest.importorskip("tblib.pickling_support")
    pickling_support.install()
    bad = write(tmp_path, {"companies": [{"id": "X", "name": ""}]})
    with pytest.raises(ValidationError) as caught:
        aieco.load(bad)
    assert caught.value.__context__ is None
    assert pickle.loads(pickle.dumps(caught.value)).problems == caught.value.problems
    with pytest.raises(ValidationError) as caught:
        from_json('{"id": "X", "name": ""}', Company)
    assert caught.value.__context__ is None
    assert pickle.loads(pickle.dumps(caught.value)).problems == caught.value.problems


@settings(max_examples=500, deadline=None)
@given(value=st.decimals(allow_nan=False, allow_infinity=False))
def test_limit_reads_the_exponent_as_written(value: Decimal) -> None:
    """The limit's fraction test (read from ``str``, for speed) is the documented rule."""
    exponent = value.as_tuple().exponent
    assert isinstance(exponent, int)
    within = value.adjusted() < MAX_INTEGER_DIGITS and exponent >= -MAX_FRACTION_DIGITS
    assert (limit_problem(value) is None) == within
    with localcontext(capitals=0):  # str() then writes "1e+18"
        assert (limit_problem(value) is None) == within
