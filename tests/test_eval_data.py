"""The amounts evaluation set is well-formed (tests/data/amounts_eval; not the engine's score)."""

from __future__ import annotations

import hashlib
import itertools
import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from aieco import Amount, Qualifier

DATA = Path(__file__).parent / "data" / "amounts_eval"
PARTS = ("dev", "test")
LOCALES = {"de_DE", "de_AT", "de_CH", "en_US", "en_GB"}
FAMILIES = {
    "digits", "grouping", "sentence_end", "hedge", "vague", "number_words", "range", "list",
    "english", "cents", "um", "percent", "compound", "negative",
}  # fmt: skip
DECIMAL = re.compile(r"-?\d+(?:\.\d+)?")
READING_KEYS = {"low", "high", "unit", "qualifier"}


def _rows(part: str, kind: str) -> list[dict[str, Any]]:
    with open(DATA / part / f"{kind}.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh]


EXTRACT = {part: _rows(part, "extract") for part in PARTS}
PARSE = {part: _rows(part, "parse") for part in PARTS}


def _check_reading(reading: dict[str, Any], where: str) -> None:
    """A reading is exact decimal strings, a known qualifier and a unit the model accepts."""
    assert set(reading) >= READING_KEYS, where
    for key in ("low", "high"):
        assert isinstance(reading[key], str), where
        assert DECIMAL.fullmatch(reading[key]), f"{where}: {key}={reading[key]!r}"
    low, high = Decimal(reading["low"]), Decimal(reading["high"])
    assert low <= high, where
    qualifier = Qualifier(reading["qualifier"])
    # The model's own validation: the unit is an ISO 4217 code babel knows, "%" or None.
    if low == high:
        Amount(low, unit=reading["unit"], qualifier=qualifier)
    else:
        Amount.range(low, high, unit=reading["unit"], qualifier=qualifier)


def _check_span(span: dict[str, Any], sentence: str, where: str) -> None:
    assert 0 <= span["start"] < span["end"] <= len(sentence), where
    assert sentence[span["start"] : span["end"]] == span["text"], where
    assert span["families"], where
    assert set(span["families"]) <= FAMILIES, where
    for alt in span["alternatives"]:
        _check_reading(alt, f"{where} (alternative)")


def test_the_set_is_large_and_both_parts_are_used() -> None:
    items = sum(len(EXTRACT[p]) for p in PARTS)
    mentions = sum(len(i["mentions"]) for p in PARTS for i in EXTRACT[p])
    assert items >= 300
    assert mentions >= 300
    share = len(EXTRACT["dev"]) / items
    assert 0.3 <= share <= 0.5


@pytest.mark.parametrize("part", PARTS)
def test_extract_items_are_well_formed(part: str) -> None:
    for item in EXTRACT[part]:
        where = f"{part}/extract.jsonl {item.get('id')}"
        assert set(item) == {
            "id", "source", "locale", "sentence", "families", "mentions", "refuse", "note",
        }, where  # fmt: skip
        assert item["source"].startswith(("http://", "https://")), where
        assert item["locale"] in LOCALES, where
        assert item["sentence"].strip(), where
        assert set(item["families"]) <= FAMILIES, where
        spans = sorted(item["mentions"] + item["refuse"], key=lambda s: s["start"])
        for a, b in itertools.pairwise(spans):
            assert a["end"] <= b["start"], f"{where}: labelled spans overlap"
        for mention in item["mentions"]:
            _check_span(mention, item["sentence"], where)
            _check_reading(mention, f"{where} {mention['text']!r}")
            assert isinstance(mention["optional"], bool), where
        for span in item["refuse"]:
            _check_span(span, item["sentence"], where)
        if not spans:
            assert "negative" in item["families"], where


@pytest.mark.parametrize("part", PARTS)
def test_parse_items_are_well_formed_and_come_from_their_sentence(part: str) -> None:
    sentences = {item["id"]: item for item in EXTRACT[part]}
    for item in PARSE[part]:
        where = f"{part}/parse.jsonl {item.get('id')}"
        context = sentences[item["context"]]
        assert item["text"] in context["sentence"], where
        assert item["source"] == context["source"], where
        assert item["locale"] == context["locale"], where
        assert set(item["families"]) <= FAMILIES, where
        if item["expect"] != "refuse":
            _check_reading(item["expect"], where)
        for alt in item["alternatives"]:
            _check_reading(alt, f"{where} (alternative)")


def test_ids_are_unique() -> None:
    ids = [i["id"] for p in PARTS for kind in (EXTRACT, PARSE) for i in kind[p]]
    assert len(ids) == len(set(ids))


def test_parts_are_split_by_source_page() -> None:
    """A page's sentences are all in one part, and the part follows from the URL alone."""
    for part in PARTS:
        for item in EXTRACT[part]:
            bucket = int(hashlib.sha1(item["source"].encode()).hexdigest()[:8], 16) % 100
            assert ("dev" if bucket < 40 else "test") == part, item["id"]
    assert not {i["source"] for i in EXTRACT["dev"]} & {i["source"] for i in EXTRACT["test"]}
