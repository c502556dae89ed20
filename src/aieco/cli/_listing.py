"""``aieco rounds``, ``companies``, ``investors``, ``policies``: the listing views (internal).

Each lists a Query: filtered with `Query.where` (an option per criterion, the same names),
in the kind's default order or ``--sort``'s, cut to ``--limit``, and written as a table of the
columns of `aieco._views` (fitted to the terminal), as JSON records or as CSV (the export
columns of `Query.to_arrow`).
"""

from __future__ import annotations

import argparse
import enum
import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, Any

from aieco._views import COLUMNS, Column
from aieco.cli import _cells
from aieco.cli._errors import OptionError
from aieco.cli._layout import plural, table, terminal_width
from aieco.cli._output import csv_text
from aieco.errors import AiecoError, NotFound, ValidationError
from aieco.model import FundingRound
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


def newest_first(rounds: Query[FundingRound]) -> list[FundingRound]:
    """A Query of rounds newest first, undated last, ties by id (Query.newest_first)."""
    return list(rounds.newest_first())


def rounds_table(
    ds: Dataset,
    rounds: Sequence[FundingRound],
    locale: str,
    *,
    company: bool = True,
    width: int | None = None,
) -> list[str]:
    """The rounds as a table of their columns (without the company's when ``company`` is false)."""
    columns = [c for c in COLUMNS["funding_rounds"] if company or c.name != "company"]
    return _table(ds, columns, rounds, locale, width)


def _table(
    ds: Dataset, columns: Sequence[Column], records: Sequence[Any], locale: str, width: int | None
) -> list[str]:
    rows = [[_cells.cell(c.value(record, ds), locale) for c in columns] for record in records]
    return table(
        [c.header for c in columns],
        rows,
        align="".join(c.align for c in columns),
        shrink=[c.shrink for c in columns],
        width=width,
    )


def _sort_key(value: object) -> object:
    """A column value's place in ``--sort``'s order.

    Counts as numbers, enums by label, text without case or accents (as names are looked up).
    """
    if value is None or isinstance(value, int | float):
        return value
    from aieco._fold import fold
    from aieco._labels import enum_label

    return fold(enum_label(value) if isinstance(value, enum.Enum) else str(value))


def _sorted(ds: Dataset, query: Query[Any], kind: str, field: str, reverse: bool) -> Query[Any]:
    """The query in ``--sort``'s order (stable: ties keep the default order)."""
    columns = {c.name: c for c in COLUMNS[kind]}
    column = columns.get(field.strip().lower())
    if column is None:
        from difflib import get_close_matches

        close = get_close_matches(field.strip().lower(), list(columns), n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise OptionError(
            "--sort", f"{field!r} is not a column{hint} (one of: {', '.join(columns)})"
        )
    descending = column.descending != reverse
    if column.sort is not None:
        return query.sort_by(column.sort, descending=descending)
    value = column.value
    return query.sort_by(lambda record: _sort_key(value(record, ds)), descending=descending)


def _listing(
    args: argparse.Namespace,
    ds: Dataset,
    kind: str,
    query: Query[Any],
    total: Callable[[Query[Any]], str | None] | None = None,
) -> Any:
    """The records of ``query`` (in its default order) as the format asks: sorted, limited."""
    ordered = query
    field: str | None = args.sort
    if field is not None:
        ordered = _sorted(ds, query, kind, field, args.reverse)
    elif args.reverse:
        ordered = query[::-1]
    shown = ordered[: args.limit] if args.limit is not None else ordered
    if args.format == "json":
        return _cells.records(shown)
    if args.format == "csv":
        return csv_text(shown)
    names = ds.columns(kind).kind
    if not len(shown):
        return [f"no {names.plural} match"]
    lines = _table(ds, COLUMNS[kind], list(shown), args.locale, terminal_width())
    summary = plural(len(ordered), names.singular, names.plural)
    if len(shown) < len(ordered):
        summary += f" ({len(shown)} shown)"
    together = total(ordered) if total is not None else None
    return [*lines, "", f"{summary}, {together}" if together else summary]


def _total_line(rounds: Query[FundingRound], locale: str) -> str | None:
    """'together about X' in USD, or None when some amount has no rate to convert it."""
    try:
        total: Amount = rounds.total(currency="USD")
    except (AiecoError, ValueError):
        return None
    return f"together {_cells.amount(total, locale)} (in USD at each round's date)"


def _criteria(args: argparse.Namespace, options: dict[str, str]) -> dict[str, Any]:
    """The where() criteria the options give: a list of several values means any of them."""
    criteria = {}
    for criterion, option in options.items():
        value = getattr(args, option.removeprefix("--").replace("-", "_"), None)
        if value is not None:
            criteria[criterion] = list(value) if isinstance(value, tuple) else value
    return criteria


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

    args.min = _amount_argument("--min", args.min, args.locale)
    args.max = _amount_argument("--max", args.max, args.locale)
    criteria = _criteria(args, _ROUND_OPTIONS)
    ds = aieco.load()
    company = _record(ds.company, "--company", args.company)
    investor = _record(ds.investor, "--investor", args.investor)
    criteria.update({"company": company, "investor": investor})
    criteria = {key: value for key, value in criteria.items() if value is not None}
    query = _where(ds.funding_rounds, _ROUND_OPTIONS, criteria)

    def total(ordered: Query[Any]) -> str | None:
        return _total_line(ordered, args.locale)

    return _listing(args, ds, "funding_rounds", query.newest_first(), total)


_COMPANY_OPTIONS = {"country": "--country", "region": "--region", "category": "--category"}
_INVESTOR_OPTIONS = {"country": "--country", "region": "--region", "kind": "--kind"}
_POLICY_OPTIONS = {
    "jurisdiction": "--jurisdiction",
    "region": "--region",
    "kind": "--kind",
    "status": "--status",
    "since": "--since",
    "until": "--until",
}


def _by_name(query: Query[Any]) -> Query[Any]:
    from aieco._fold import fold

    return query.sort_by(lambda record: (fold(record.name), record.id))


def companies(args: argparse.Namespace) -> Any:
    """``aieco companies``: companies by name, with the filters given."""
    import aieco

    ds = aieco.load()
    query = _where(ds.companies, _COMPANY_OPTIONS, _criteria(args, _COMPANY_OPTIONS))
    return _listing(args, ds, "companies", _by_name(query))


def investors(args: argparse.Namespace) -> Any:
    """``aieco investors``: investors by name, with the rounds they took part in and led."""
    import aieco

    ds = aieco.load()
    query = _where(ds.investors, _INVESTOR_OPTIONS, _criteria(args, _INVESTOR_OPTIONS))
    return _listing(args, ds, "investors", _by_name(query))


def policies(args: argparse.Namespace) -> Any:
    """``aieco policies``: policies by jurisdiction and name, with the filters given."""
    import aieco
    from aieco._fold import fold

    ds = aieco.load()
    query = _where(ds.policies, _POLICY_OPTIONS, _criteria(args, _POLICY_OPTIONS))
    ordered = query.sort_by(lambda p: (p.jurisdiction, fold(p.name), p.id))
    return _listing(args, ds, "policies", ordered)
