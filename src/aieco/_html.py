"""HTML views for Jupyter: every ``_repr_html_`` of aieco is rendered here (internal).

Amounts are written as a German reader writes them (`aieco.format_amount`, "rund
30 Mrd. $"), with the exact value in the element's ``title``; enums by their readable label
(`aieco._labels.enum_label`); citations folded in ``<details>``. Every text that comes
from data is HTML-escaped here, so a name such as ``<script>`` shows as text.
"""

from __future__ import annotations

import enum
import html
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any

import attrs

from aieco._labels import enum_label
from aieco._views import COLUMNS
from aieco.dates import PartialDate
from aieco.money import Amount, Money

if TYPE_CHECKING:
    from aieco.dataset import Dataset
    from aieco.query import Groups, Query

__all__ = [
    "amount_html",
    "dataset_html",
    "groups_html",
    "money_html",
    "query_html",
    "record_html",
]

#: Rows a Query view shows before "… more".
QUERY_ROWS = 50
#: Newest rounds a Dataset view shows.
DATASET_ROUNDS = 5
_STYLE = "border-collapse:collapse"


def _e(value: object) -> str:
    return html.escape(str(value), quote=True)


def _amount_text(amount: Amount) -> str:
    from aieco.amounts import format_amount

    return format_amount(amount, locale="de_DE")


def amount_html(amount: Amount | None) -> str:
    """An amount as German text, its exact value in the tooltip ("" for None)."""
    if amount is None:
        return ""
    return f'<span title="{_e(str(amount))}">{_e(_amount_text(amount))}</span>'


def money_html(money: Money) -> str:
    """A Money as German text, its exact value in the tooltip."""
    return amount_html(Amount.of(money))


def _value_html(value: object) -> str:
    """One field value as escaped HTML."""
    if value is None:
        return ""
    if isinstance(value, Amount):
        return amount_html(value)
    if isinstance(value, Money):
        return money_html(value)
    if isinstance(value, enum.Enum):
        return _e(enum_label(value))
    if isinstance(value, PartialDate):
        return _e(value.isoformat())
    if isinstance(value, tuple):
        return _e(", ".join(str(v) for v in value))
    return _e(value)


def _table(headers: Sequence[str], rows: Iterable[Sequence[str]], caption: str = "") -> str:
    """A table of already escaped cells."""
    head = "".join(f"<th>{_e(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    cap = f"<caption>{_e(caption)}</caption>" if caption else ""
    return (
        f'<table class="aieco" style="{_STYLE}">{cap}<thead><tr>{head}</tr></thead>'
        f"<tbody>{body}</tbody></table>"
    )


def _citations(citations: Sequence[Any]) -> str:
    if not citations:
        return ""
    items = "".join(
        f"<li><q>{_e(c.quote)}</q> — {_e(c.source_id)}"
        + (f" <small>({_e(c.note)})</small>" if c.note else "")
        + "</li>"
        for c in citations
    )
    count = len(citations)
    return (
        f"<details><summary>{count} citation{'s' if count != 1 else ''}</summary>"
        f"<ul>{items}</ul></details>"
    )


def _participant(p: Any) -> str:
    parts = [_e(p.investor_id) + (" (lead)" if p.lead else "")]
    if p.amount is not None:
        parts.append(amount_html(p.amount))
    if p.stake is not None:
        parts.append(amount_html(p.stake))
    return ", ".join(parts)


def record_html(record: Any) -> str:
    """A small card: the record's label and kind, its fields, its citations folded."""
    from aieco._kinds import kind_of

    kind = kind_of(type(record))
    title = kind.label(record) if kind is not None else type(record).__name__
    what = kind.singular if kind is not None else type(record).__name__
    rows = []
    for field in attrs.fields(type(record)):
        value = getattr(record, field.name)
        if field.name == "sources" or value is None or value == ():
            continue
        if field.name == "participants":
            shown = "<br>".join(_participant(p) for p in value)
        else:
            shown = _value_html(value)
        rows.append(f"<tr><th>{_e(field.name)}</th><td>{shown}</td></tr>")
    sources = getattr(record, "sources", ())
    return (
        f'<div class="aieco-card"><strong>{_e(title)}</strong> <small>{_e(what)}</small>'
        f'<table style="{_STYLE}">{"".join(rows)}</table>{_citations(sources)}</div>'
    )


# --- queries ------------------------------------------------------------------------------------


def query_html(query: Query[Any]) -> str:
    """A Query as a table: the CLI's columns, formatted amounts; rounds newest first.

    Rounds are shown newest first unless the query was sorted with ``sort_by`` (then in
    its order); the caption says which.
    """
    from aieco.query import _plural

    kind = query._kind
    count = len(query)
    caption = _plural(kind, query.item_type, count)
    shown: Any = query
    if kind is not None and kind.name == "funding_rounds" and ".sort_by(" not in query._description:
        shown = query.newest_first()
        caption += ", newest first"
    if count > QUERY_ROWS:
        caption += f" (first {QUERY_ROWS} shown)"
    records = list(shown[:QUERY_ROWS])
    if kind is None:
        return _table(["value"], [[_e(repr(r))] for r in records], caption)
    ds = query._dataset
    columns = COLUMNS[kind.name]
    rows = [[_value_html(column.value(record, ds)) for column in columns] for record in records]
    return _table([column.header for column in columns], rows, caption)


def groups_html(groups: Groups[Any]) -> str:
    """Groups as a table: the keys, the count and, for amounts, the total in USD."""
    counts = groups.count()
    names = list(groups._names)
    parent = groups._parent
    kind = parent._kind if parent is not None else None
    totals: dict[Any, Amount] | None = None
    if kind is not None and kind.amount_field is not None:
        try:
            totals = groups.total("USD")
        except (ValueError, LookupError):  # an amount without a rate: show the counts only
            totals = None
    headers = [*names, "count"] + (["total (USD)"] if totals is not None else [])
    rows = []
    for key, count in counts.items():
        parts = key if len(names) > 1 else (key,)
        row = [_value_html(part) for part in parts] + [str(count)]
        if totals is not None:
            row.append(amount_html(totals[key]))
        rows.append(row)
    return _table(headers, rows, f"{len(counts)} groups by {', '.join(names)}")


def _source(source: Any) -> str:
    details = [d for d in (source.publisher, source.published) if d is not None]
    shown = ", ".join(_value_html(d) for d in details)
    return _e(source.title) + (f" <small>({shown})</small>" if shown else "")


def dataset_html(ds: Dataset) -> str:
    """A Dataset: its counts, its sources and its newest rounds."""
    from aieco._kinds import KINDS

    counts = _table(
        ["records", "count"],
        [[_e(kind.plural), str(ds.columns(name).size)] for name, kind in KINDS.items()],
    )
    sources = "".join(f"<li>{_source(s)}</li>" for s in ds.sources)
    rounds = ds.funding_rounds
    newest = query_html(rounds.newest_first()[:DATASET_ROUNDS]) if len(rounds) else ""
    return (
        f'<div class="aieco-dataset"><strong>aieco Dataset</strong>{counts}'
        f"<details><summary>{len(ds.sources)} sources</summary><ul>{sources}</ul></details>"
        f"<p>Newest funding rounds:</p>{newest}</div>"
    )
