"""``aieco show NAME``: a company, investor or policy with its relations and citations (internal).

The relations come from the `aieco.Dataset` (``rounds_for``, ``investors_of``,
``investments_by``, ``as_investor``, ``co_investors``), newest first where they are rounds.
"""

from __future__ import annotations

import argparse
import textwrap
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, Any

from aieco.cli import _cells
from aieco.cli._layout import (
    MISSING_CELL,
    WRAP_WIDTH,
    fields,
    fit,
    plural,
    section,
    table,
    terminal_width,
)
from aieco.cli._listing import newest_first, rounds_table
from aieco.errors import NotFound
from aieco.model import Citation, Company, FundingRound, Investor, Participation, Policy

if TYPE_CHECKING:
    from aieco.dataset import Dataset

__all__ = ["show"]


def _lookup(ds: Dataset, name: str) -> Company | Investor | Policy:
    """A company, else an investor, else a policy named ``name``; NotFound lists suggestions."""
    suggestions: list[str] = []
    lookups: tuple[Callable[[str], Any], ...] = (ds.company, ds.investor, ds.policy)
    for lookup in lookups:
        try:
            record: Company | Investor | Policy = lookup(name)
        except NotFound as exc:
            suggestions.extend(s for s in exc.suggestions if s not in suggestions)
        else:
            return record
    raise NotFound(name, "company, investor or policy", suggestions[:3])


def _citations(ds: Dataset, citations: Sequence[Citation]) -> list[str]:
    """The quotes grouped by source: the source's id, title and date, then each quote."""
    by_source: dict[str, list[Citation]] = {}
    for citation in citations:
        by_source.setdefault(citation.source_id, []).append(citation)
    wrap = _wrap_width()
    count = plural(len(citations), "quote", "quotes")
    lines = [f"Sources ({count} from {plural(len(by_source), 'article', 'articles')})"]
    if not citations:
        return ["Sources (0)", f"  {MISSING_CELL}"]
    for source_id, quotes in by_source.items():
        source = ds.source(source_id)
        published = f" ({source.published})" if source.published is not None else ""
        title = fit(source.title, wrap - len(source.id) - 4 - len(published))
        lines.append(f"  {source.id}  {title}{published}")
        for citation in quotes:
            lines.extend(
                textwrap.wrap(
                    f"„{' '.join(citation.quote.split())}“",
                    wrap,
                    initial_indent="    ",
                    subsequent_indent="     ",
                )
            )
            if citation.note:
                lines.extend(
                    textwrap.wrap(
                        "Note: " + " ".join(citation.note.split()),
                        wrap,
                        initial_indent="      ",
                        subsequent_indent="            ",
                    )
                )
    return lines


def _inner_width() -> int | None:
    """The width of a table indented under a section heading (two cells less)."""
    width = terminal_width()
    return None if width is None else width - 2


def _wrap_width() -> int:
    """Where fields and quotes wrap: the terminal's width, else `WRAP_WIDTH`."""
    return terminal_width() or WRAP_WIDTH


def _heading(title: str, subtitle: str) -> list[str]:
    return [f"{title}  ({subtitle})"]


def _role(participation: Participation) -> str:
    return "lead" if participation.lead else "participant"


def _participation_rows(
    ds: Dataset,
    rounds: Iterable[FundingRound],
    locale: str,
    *,
    only: frozenset[str] | None = None,
) -> list[list[str]]:
    """One row per participation in ``rounds``, leads first (only ``only``'s when given).

    The cells: date, company, round, round amount, investor, role, invested, stake.
    """
    rows = []
    for r in rounds:
        for p in sorted(r.participants, key=lambda p: not p.lead):
            if only is not None and p.investor_id not in only:
                continue
            rows.append(
                [
                    _cells.text(r.announced),
                    ds.company_of(r).name,
                    _cells.label(r.round_type),
                    _cells.amount(r.amount, locale),
                    ds.investor(p.investor_id).name,
                    _role(p),
                    _cells.amount(p.amount, locale),
                    _cells.amount(p.stake, locale),
                ]
            )
    return rows


def _investors_section(ds: Dataset, company: Company, locale: str) -> list[str]:
    """Who invested in the company's rounds: one row per investor and round.

    Each with its role and the amount and stake it is reported to have put in.
    """
    count = len(ds.investors_of(company))
    rows = _participation_rows(ds, ds.rounds_for(company), locale)
    if not rows:
        return section("Investors", count, [])
    lines = table(
        ["Date", "Round", "Investor", "Role", "Invested", "Stake"],
        [[row[0], row[2], row[4], *row[5:]] for row in rows],
        align="<<<<>>",
        shrink=[False, False, True, False, False, False],
        width=_inner_width(),
    )
    return section("Investors", count, lines)


def _investments(ds: Dataset, investors: Sequence[Investor]) -> list[FundingRound]:
    """The rounds any of ``investors`` took part in, newest first."""
    if len(investors) == 1:
        return list(ds.investments_by(investors[0]))
    ids = sorted(i.id for i in investors)
    return newest_first(ds.funding_rounds.where(investor=ids)) if ids else []


def _investments_section(ds: Dataset, investors: Sequence[Investor], locale: str) -> list[str]:
    """The "Investments (n)" section: the rounds the investors took part in, role, amount, stake.

    The investor column is shown only when there are several investors.
    """
    ids = frozenset(i.id for i in investors)
    rounds = _investments(ds, investors)
    rows = _participation_rows(ds, rounds, locale, only=ids)
    headers = ["Date", "Company", "Round", "Amount", "Investor", "Role", "Invested", "Stake"]
    shrink = [False, True, False, False, True, False, False, False]
    align = "<<<><<>>"
    if len(ids) == 1:
        del headers[4], shrink[4]
        align = "<<<><>>"
        for row in rows:
            del row[4]
    lines = table(headers, rows, align=align, shrink=shrink, width=_inner_width()) if rows else []
    return section("Investments", len(rounds), lines)


def _co_investors(ds: Dataset, investors: Sequence[Investor]) -> list[Investor]:
    """Everyone who invested alongside any of ``investors`` (not they themselves), by name."""
    ids = {i.id for i in investors}
    found = {p.id: p for i in investors for p in ds.co_investors(i) if p.id not in ids}
    return sorted(found.values(), key=lambda i: i.name.casefold())


def _unique(citations: Iterable[Citation]) -> list[Citation]:
    """The citations in order, each quote of a source once."""
    seen, kept = set(), []
    for citation in citations:
        key = (citation.source_id, " ".join(citation.quote.split()))
        if key not in seen:
            seen.add(key)
            kept.append(citation)
    return kept


def _names_section(title: str, records: list[Investor]) -> list[str]:
    """A "Title (n)" heading with the records' names wrapped and indented."""
    names = ", ".join(r.name for r in records) or MISSING_CELL
    wrapped = textwrap.wrap(names, _wrap_width(), initial_indent="  ", subsequent_indent="  ")
    return ["", f"{title} ({len(records)})", *wrapped]


def _show_company(ds: Dataset, company: Company, locale: str) -> list[str]:
    rounds = list(ds.rounds_for(company))
    as_investor = list(ds.as_investor(company))
    acquirer = ds.company(company.acquired_by).name if company.acquired_by else None
    kind = f"company, id {company.id}"
    if as_investor:
        ids = ", ".join(i.id for i in as_investor)
        kind = f"company and investor, id {company.id}"
        if ids != company.id:
            kind = f"company, id {company.id}; investor, id {ids}"
    lines = _heading(company.name, kind)
    lines += [
        "  " + line
        for line in fields(
            width=_wrap_width() - 2,
            pairs=[
                ("aliases", ", ".join(company.aliases) or None),
                ("country", company.country),
                ("category", _cells.label(company.category)),
                ("investor kind", ", ".join(_cells.label(i.kind) for i in as_investor) or None),
                ("founded", None if company.founded is None else str(company.founded)),
                ("headquarters", company.headquarters),
                ("acquired by", acquirer),
                ("description", company.description),
            ],
        )
    ]
    width = _inner_width()
    table_lines = rounds_table(ds, rounds, locale, company=False, width=width) if rounds else []
    lines += section("Funding rounds", len(rounds), table_lines)
    lines += _investors_section(ds, company, locale)
    citations = list(company.sources)
    if as_investor:
        lines += _investments_section(ds, as_investor, locale)
        lines += _names_section("Co-investors", _co_investors(ds, as_investor))
        citations += [c for i in as_investor for c in i.sources]
    return [*lines, "", *_citations(ds, _unique(citations))]


def _show_investor(ds: Dataset, investor: Investor, locale: str) -> list[str]:
    company = ds.company(investor.company_id).name if investor.company_id else None
    lines = _heading(investor.name, f"investor, id {investor.id}")
    lines += [
        "  " + line
        for line in fields(
            width=_wrap_width() - 2,
            pairs=[
                ("aliases", ", ".join(investor.aliases) or None),
                ("kind", _cells.label(investor.kind)),
                ("country", investor.country),
                ("company", company),
            ],
        )
    ]
    lines += _investments_section(ds, [investor], locale)
    lines += _names_section("Co-investors", _co_investors(ds, [investor]))
    return [*lines, "", *_citations(ds, investor.sources)]


def _show_policy(ds: Dataset, policy: Policy, locale: str) -> list[str]:
    lines = _heading(policy.name, f"policy, id {policy.id}")
    lines += [
        "  " + line
        for line in fields(
            width=_wrap_width() - 2,
            pairs=[
                ("aliases", ", ".join(policy.aliases) or None),
                ("jurisdiction", policy.jurisdiction),
                ("kind", _cells.label(policy.kind)),
                ("status", _cells.label(policy.status)),
                ("announced", None if policy.announced is None else str(policy.announced)),
                ("budget", None if policy.budget is None else _cells.amount(policy.budget, locale)),
                ("description", policy.description),
            ],
        )
    ]
    return [*lines, "", *_citations(ds, policy.sources)]


def _investor_json(ds: Dataset, investors: Sequence[Investor]) -> dict[str, Any]:
    """The investor side of a record: the rounds taken part in and the co-investors."""
    return {
        "investments": _cells.records(_investments(ds, investors)),
        "co_investors": _cells.records(_co_investors(ds, investors)),
    }


def show(args: argparse.Namespace) -> Any:
    """``aieco show NAME``: the record found by name, alias or id, with its relations."""
    import aieco
    from aieco.serialize import converter

    ds = aieco.load()
    record = _lookup(ds, args.name)
    if isinstance(record, Company):
        if args.json:
            as_investor = list(ds.as_investor(record))
            return {
                "kind": "company",
                "record": converter.unstructure(record),
                "funding_rounds": _cells.records(ds.rounds_for(record)),
                "investors": _cells.records(ds.investors_of(record)),
                "as_investor": _cells.records(as_investor),
                **_investor_json(ds, as_investor),
            }
        return _show_company(ds, record, args.locale)
    if isinstance(record, Investor):
        if args.json:
            return {
                "kind": "investor",
                "record": converter.unstructure(record),
                **_investor_json(ds, [record]),
            }
        return _show_investor(ds, record, args.locale)
    if args.json:
        return {"kind": "policy", "record": converter.unstructure(record)}
    return _show_policy(ds, record, args.locale)
