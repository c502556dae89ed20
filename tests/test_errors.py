"""The error hierarchy: built-in bases, attributes, messages and pickling."""

from __future__ import annotations

import pickle

import aieco
from aieco import AiecoError, NotFound, ParseError, Problem, ValidationError


def test_hierarchy() -> None:
    """Each error is an AiecoError and the fitting built-in."""
    assert issubclass(ParseError, AiecoError)
    assert issubclass(ParseError, ValueError)
    assert issubclass(ValidationError, AiecoError)
    assert issubclass(ValidationError, ValueError)
    assert issubclass(NotFound, AiecoError)
    assert issubclass(NotFound, LookupError)


def test_parse_error_attributes_and_message() -> None:
    """ParseError carries text, position, expected and suggestions, and says them."""
    error = ParseError(
        "'.' groups thousands in de_DE",
        text="1.5 Mrd.",
        position=1,
        expected="three digits after '.'",
        suggestions=("1,5 Mrd.",),
    )
    assert ("1.5 Mrd.", 1, ("1,5 Mrd.",)) == (error.text, error.position, error.suggestions)
    assert "at position 1 in '1.5 Mrd.'" in str(error)
    assert "did you mean '1,5 Mrd.'?" in str(error)
    clone = pickle.loads(pickle.dumps(error))
    assert (str(error), clone.position, clone.suggestions) == (
        str(clone),
        error.position,
        error.suggestions,
    )


def test_not_found_suggests_and_pickles() -> None:
    """NotFound names the key and the closest matches."""
    error = NotFound("Mistal", "company", ["Mistral AI"])
    assert "no company matches 'Mistal'. Did you mean 'Mistral AI'?" == str(error)
    clone = pickle.loads(pickle.dumps(error))
    assert (clone.key, clone.kind, clone.suggestions) == ("Mistal", "company", ("Mistral AI",))


def test_validation_error_lists_problems() -> None:
    """A ValidationError prints one problem per line."""
    error = ValidationError([Problem("$.a", 1, "is bad"), Problem("$.b", "x", "is worse")])
    assert "$.a: 1 is bad\n$.b: 'x' is worse" == str(error)


def test_public_all_is_sorted_and_complete() -> None:
    """__all__ is sorted and every name in it exists."""
    assert sorted(aieco.__all__) == aieco.__all__
    for name in aieco.__all__:
        assert hasattr(aieco, name), name


def test_parse_error_message_stays_short_for_huge_input() -> None:
    """A 100 kB input makes a message of a few hundred characters; .message keeps it whole."""
    bad = "1." * 50_000
    error = ParseError(f"cannot read {bad!r}", text=bad, position=0)
    assert len(str(error)) < 400
    assert error.message == f"cannot read {bad!r}"
    assert str(error).endswith("...1.1.1.1.1.1.1.1.1.1.'")
