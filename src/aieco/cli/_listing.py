"""``aieco rounds``, ``companies``, ``investors``, ``policies``: the listing views (internal)."""

from __future__ import annotations

import argparse
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from aieco.cli import _cells
from aieco.cli._errors import OptionError
from aieco.cli._layout import INVESTORS_WIDTH, MISSING_CELL, NAME_WIDTH, plural, table
from aieco.errors import AiecoError, NotFound, ValidationError
from aieco.model import CompanyCategory, FundingRound
from aieco.money import Amount

if TYPE_CHECKING:
    from aieco.dataset import Dataset
    from aieco.query import Query

__all__ = ["companies", "investors", "newest_first", "policies", "rounds", "rounds_table"]


def _amount_argument(option: str, text: str | None, locale: str) -> Amount | None:
    """The amount of --min or --max; text that is not an amount is a usage error."""
    if text is None:
        return None
    import aieco

    try:
        amount = aieco.parse_amount(text, locale=locale)
    except aieco.ParseError as exc:
        raise OptionError(option, str(exc)) from None
    if amount.currency is not None and amount.currency != "EUR":
        from aieco.fx import rate

        try:  # a currency the ECB table does not have can never be compared
            rate(amount.currency, "EUR")
        except aieco.ConversionError as exc:
            raise OptionError(option, str(exc)) from None
    return amount


def _record(lookup: Callable[[str], Any], option: str, key: str | None) -> Any:
    """The record an option names (--company, --investor); a miss is exit 1, option named."""
    if key is None:
        return None
    try:
        return lookup(key)
    except NotFound as exc:
        raise OptionError(option, str(exc), status=1) from None


def _where(query: Query[Any], options: dict[str, str], criteria: dict[str, Any]) -> Query[Any]:
    """``query.where(**criteria)``; a value where() rejects is a usage error naming the option."""
    try:
        return query.where(**criteria)
    except ValidationError as exc:
        problems = exc.problems or ()
        paths = [p.path for p in problems]
        criterion = next((c for c in options if f"where({c})" in paths), None)
        if criterion is None:
            raise
        problem = problems[paths.index(f"where({criterion})")]
        option = options[criterion]
        expected = re.sub(rf"\b{criterion}\b", option, problem.expected)
        raise OptionError(option, f"{problem.value!r} {expected}") from None


def participants(ds: Dataset, funding_round: FundingRound) -> str:
    """Investor names, leads first and marked with "*"."""
    ordered = sorted(funding_round.participants, key=lambda p: not p.lead)
    names = [ds.investor(p.investor_id).name + ("*" if p.lead else "") for p in ordered]
    return ", ".join(names) if names else MISSING_CELL


def newest_first(rounds: Query[FundingRound]) -> list[FundingRound]:
    """A Query of rounds newest first, undated last, ties by id (Query.newest_first)."""
    return list(rounds.newest_first())


def rounds_table(
    ds: Dataset, rounds: Sequence[FundingRound], locale: str, *, company: bool = True
) -> list[str]:
    """The rounds: date, company (unless ``company`` is false), type, amounts, investors."""
    headers = ["Date", "Company", "Round", "Amount", "Valuation", "Investors (* lead)"]
    widths: list[int | None] = [None, NAME_WIDTH, None, None, None, INVESTORS_WIDTH]
    align = "<<<>><"
    rows = [
        [
            _cells.text(r.announced),
            ds.company_of(r).name,
            _cells.round_type(r.round_type),
            _cells.amount(r.amount, locale),
            _cells.amount(r.valuation, locale),
            participants(ds, r),
        ]
        for r in rounds
    ]
    if not company:
        del headers[1], widths[1]
        align = "<<>><"
        for row in rows:
            del row[1]
    return table(headers, rows, widths=widths, align=align)


def _total_line(rounds: Query[FundingRound], locale: str) -> str | None:
    """'together about X' in USD, or None when some amount has no rate to convert it."""
    try:
        total: Amount = rounds.total(currency="USD")
    except (AiecoError, ValueError):
        return None
    return f"together {_cells.amount(total, locale)} (in USD at each round's date)"


_ROUND_OPTIONS = {
    "min_amount": "--min",
    "max_amount": "--max",
    "country": "--country",
    "region": "--region",
    "since": "--since",
    "until": "--until",
}


def rounds(args: argparse.Namespace) -> Any:
    """``aieco rounds``: funding rounds, newest first, with the filters given."""
    import aieco

    criteria: dict[str, Any] = {
        "min_amount": _amount_argument("--min", args.min, args.locale),
        "max_amount": _amount_argument("--max", args.max, args.locale),
        "country": args.country,
        "region": args.region,
        "since": args.since,
        "until": args.until,
    }
    ds = aieco.load()
    criteria["company"] = _record(ds.company, "--company", args.company)
    criteria["investor"] = _record(ds.investor, "--investor", args.investor)
    criteria = {key: value for key, value in criteria.items() if value is not None}
    query = _where(ds.funding_rounds, _ROUND_OPTIONS, criteria)
    found = newest_first(query)
    if args.json:
        return _cells.records(found)
    if not found:
        return ["no funding rounds match"]
    lines = rounds_table(ds, found, args.locale)
    footer = plural(len(found), "funding round", "funding rounds")
    total = _total_line(query, args.locale)
    return [*lines, "", f"{footer}, {total}" if total else footer]


def companies(args: argparse.Namespace) -> Any:
    """``aieco companies``: companies by name, with the filters given."""
    import aieco

    ds = aieco.load()
    criteria: dict[str, Any] = {}
    if args.country is not None:
        criteria["country"] = args.country
    if args.category is not None:
        criteria["category"] = CompanyCategory(args.category)
    query = _where(ds.companies, {"country": "--country", "category": "--category"}, criteria)
    found = sorted(query, key=lambda c: c.name.casefold())
    if args.json:
        return _cells.records(found)
    if not found:
        return ["no companies match"]
    rows = [
        (
            c.name,
            _cells.text(c.country),
            _cells.enum_text(c.category),
            _cells.text(c.founded),
            _cells.text(c.headquarters),
            str(len(ds.rounds_for(c))),
        )
        for c in found
    ]
    lines = table(
        ["Name", "Country", "Category", "Founded", "Headquarters", "Rounds"],
        rows,
        widths=[NAME_WIDTH, None, None, None, 24, None],
        align="<<<<<>",
    )
    return [*lines, "", plural(len(found), "company", "companies")]


def investors(args: argparse.Namespace) -> Any:
    """``aieco investors``: investors by name, with the rounds they took part in and led."""
    import aieco

    ds = aieco.load()
    found = sorted(ds.investors, key=lambda i: i.name.casefold())
    if args.json:
        return _cells.records(found)
    rows = []
    for investor in found:
        taken = ds.investments_by(investor)
        led = sum(investor.id in r.leads for r in taken)
        rows.append(
            (
                investor.name,
                _cells.enum_text(investor.kind),
                _cells.text(investor.country),
                str(len(taken)),
                str(led),
            )
        )
    lines = table(
        ["Name", "Kind", "Country", "Rounds", "Led"],
        rows,
        widths=[NAME_WIDTH, None, None, None, None],
        align="<<<>>",
    )
    return [*lines, "", plural(len(found), "investor", "investors")]


def policies(args: argparse.Namespace) -> Any:
    """``aieco policies``: policies by jurisdiction and name."""
    import aieco

    ds = aieco.load()
    found = sorted(ds.policies, key=lambda p: (p.jurisdiction, p.name.casefold()))
    if args.json:
        return _cells.records(found)
    rows = [
        (
            p.name,
            p.jurisdiction,
            _cells.enum_text(p.kind),
            _cells.enum_text(p.status),
            _cells.text(p.announced),
            _cells.amount(p.budget, args.locale),
        )
        for p in found
    ]
    lines = table(
        ["Name", "Jurisdiction", "Kind", "Status", "Announced", "Budget"],
        rows,
        widths=[36, None, None, None, None, None],
        align="<<<<<>",
    )
    return [*lines, "", plural(len(found), "policy", "policies")]
