"""Well-formedness of the round-extraction evaluation set in tests/data/rounds_eval/.

These tests check the labels only (structure, values, that every labelled name occurs in its
text, that the dev/test split is by source group); they never run the extractor. The format is
described in tests/data/rounds_eval/README.md.
"""

from __future__ import annotations

import json
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from aieco import Amount, PartialDate, Qualifier, RoundType

DATA = Path(__file__).parent / "data" / "rounds_eval"
PARTS = ("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "test")
ITEM_KEYS = {"id", "group", "source", "text", "negative", "rounds", "registers", "notes"}
ROUND_KEYS = {
    "company",
    "company_aliases",
    "amount",
    "valuation",
    "round_type",
    "leads",
    "investors",
    "investors_optional",
    "announced",
    "optional",
    "alt",
    "notes",
}
AMOUNT_KEYS = {"low", "high", "unit", "qualifier"}
ALT_KEYS = {"amount", "valuation", "round_type", "announced", "investors"}
DECIMAL = re.compile(r"\d+(\.\d+)?")


def _load(part: str) -> list[dict[str, Any]]:
    with (DATA / f"{part}.jsonl").open(encoding="utf-8") as file:
        return [json.loads(line) for line in file]


ITEMS = {part: _load(part) for part in PARTS}
DEV_PARTS = tuple(part for part in PARTS if part != "test")
ALL = [item for part in PARTS for item in ITEMS[part]]


def _spellings(entry: str | list[str]) -> list[str]:
    return [entry] if isinstance(entry, str) else entry


def _check_amount(value: dict[str, Any] | None, *, valuation: bool) -> None:
    if value is None:
        return
    assert set(value) == AMOUNT_KEYS | ({"basis"} if valuation else set())
    assert DECIMAL.fullmatch(value["low"])
    assert DECIMAL.fullmatch(value["high"])
    low, high = Decimal(value["low"]), Decimal(value["high"])
    qualifier = Qualifier(value["qualifier"])
    unit = value["unit"]
    # Amount validates the unit (ISO 4217 or None) and low < high for ranges.
    if low == high:
        Amount(low, unit=unit, qualifier=qualifier)
    else:
        Amount.range(low, high, unit, qualifier)
    if valuation:
        assert value["basis"] in (None, "pre", "post")


def test_parts_exist_and_split_is_about_forty_sixty() -> None:
    dev, test = len(ITEMS["dev"]), len(ITEMS["test"])
    assert dev > 0
    assert test > 0
    assert 0.3 <= dev / (dev + test) <= 0.5


def test_ids_are_unique() -> None:
    ids = [item["id"] for item in ALL]
    assert len(ids) == len(set(ids))


def _dev_ids_sharing(key: Any) -> list[str]:
    """The ids of dev items whose `key(item)` a held-out item shares (never held-out content)."""
    held_out = {key(item) for item in ITEMS["test"]}
    return [item["id"] for part in DEV_PARTS for item in ITEMS[part] if key(item) in held_out]


def test_no_source_group_is_in_both_parts() -> None:
    assert not _dev_ids_sharing(lambda item: item["group"])


def test_no_page_is_in_two_parts() -> None:
    """A page (its URL) is never in a dev part and the held-out part.

    The newest part has only new pages (checked by URL since dev7; dev5 repeats one page of an
    earlier part).
    """
    assert not _dev_ids_sharing(lambda item: item["source"]["url"])
    earlier = {i["source"]["url"] for part in DEV_PARTS[:-1] for i in ITEMS[part]}
    assert not earlier & {i["source"]["url"] for i in ITEMS[DEV_PARTS[-1]]}


def test_no_text_is_in_both_parts() -> None:
    assert not _dev_ids_sharing(lambda item: item["text"])
    for index, part in enumerate(DEV_PARTS[1:], start=1):
        earlier = {i["text"] for older in DEV_PARTS[:index] for i in ITEMS[older]}
        assert not earlier & {i["text"] for i in ITEMS[part]}, part


@pytest.mark.parametrize("item", ALL, ids=lambda item: item["id"])
def test_item_is_well_formed(item: dict[str, Any]) -> None:
    assert set(item) == ITEM_KEYS
    assert re.fullmatch(r"[a-z0-9][a-z0-9-]*", item["id"])
    assert set(item["source"]) == {"url", "publisher", "published", "country"}
    assert item["source"]["country"] in ("DE", "AT", "CH")
    assert item["source"]["url"].startswith(("http://", "https://"))
    assert item["source"]["publisher"]
    if item["source"]["published"] is not None:
        PartialDate.fromisoformat(item["source"]["published"])
    assert item["text"].strip() == item["text"]
    assert item["text"]
    assert item["registers"]
    assert all(isinstance(r, str) and r for r in item["registers"])
    required = [r for r in item["rounds"] if not r["optional"]]
    assert item["negative"] is (not required)


@pytest.mark.parametrize("item", ALL, ids=lambda item: item["id"])
def test_rounds_are_well_formed_and_names_occur_in_the_text(item: dict[str, Any]) -> None:
    text = item["text"]
    for r in item["rounds"]:
        assert set(r) == ROUND_KEYS
        assert any(name in text for name in [r["company"], *r["company_aliases"]]), r["company"]
        _check_amount(r["amount"], valuation=False)
        _check_amount(r["valuation"], valuation=True)
        RoundType(r["round_type"])
        if r["announced"] is not None:
            PartialDate.fromisoformat(r["announced"])
        assert isinstance(r["optional"], bool)
        for entry in [*r["investors"], *r["investors_optional"]]:
            assert any(s in text for s in _spellings(entry)), entry
        investors = [tuple(_spellings(e)) for e in r["investors"]]
        for lead in r["leads"]:
            assert tuple(_spellings(lead)) in investors, f"lead {lead} is not among the investors"
        assert set(r["alt"]) <= ALT_KEYS
        for value in r["alt"].get("amount", []):
            _check_amount(value, valuation=False)
        for value in r["alt"].get("valuation", []):
            _check_amount(value, valuation=True)
        for value in r["alt"].get("round_type", []):
            RoundType(value)
        for value in r["alt"].get("announced", []):
            if value is not None:
                PartialDate.fromisoformat(value)


def test_the_set_is_big_enough_and_has_negatives() -> None:
    required = [r for item in ALL for r in item["rounds"] if not r["optional"]]
    negatives = [item for item in ALL if item["negative"]]
    assert len(ALL) >= 60
    assert len(required) >= 60
    assert 0.2 <= len(negatives) / len(ALL) <= 0.45


def test_every_register_tag_is_documented_in_the_readme() -> None:
    readme = (DATA / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Registers (tags)") : readme.index("## Sources")]
    documented = set(re.findall(r"`([a-z_]+)`", section))
    used = {tag for item in ALL for tag in item["registers"]}
    assert used <= documented, sorted(used - documented)
