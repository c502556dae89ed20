"""Shared by the table tests of extract_rounds: a round as (company, amount, valuation, type)."""

from __future__ import annotations

from aieco import extract_rounds

Round = tuple[str, str | None, str | None, str]


def rounds_in(text: str) -> list[Round]:
    """The rounds ``extract_rounds`` reports in ``text``, as (company, amount, valuation, type)."""
    return [
        (
            r.company,
            str(r.amount) if r.amount else None,
            str(r.valuation) if r.valuation else None,
            r.round_type.value,
        )
        for r in extract_rounds(text)
    ]


def investors_of(text: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The leads and investors of the one round ``extract_rounds`` reports in ``text``."""
    (found,) = extract_rounds(text)
    return found.leads, found.investors
