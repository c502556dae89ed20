"""What a listing of each kind shows: one definition of the columns (internal).

The command line's tables (``aieco rounds``, ``companies``, ``investors``, ``policies``) and
the notebook views (`aieco._html`) show these columns in this order. A column gives a record's
raw value (an `Amount`, an enum member, a `PartialDate`, a name, a count or None); each
view writes it its own way (plain text with a German amount, or escaped HTML). Columns that
follow a reference (a round's company, an investor's rounds) need the `Dataset`; without one
they show the id, or nothing for a count.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import attrs

if TYPE_CHECKING:
    from aieco.dataset import Dataset

__all__ = ["COLUMNS", "Column"]

Value = Callable[[Any, "Dataset | None"], object]


@attrs.frozen
class Column:
    """One column of a listing.

    ``name`` is what ``aieco … --sort`` takes; ``value(record, dataset)`` the raw value;
    ``align`` ``"<"`` or ``">"`` (amounts and counts); ``shrink`` whether the column may be cut
    to fit a narrow terminal (names, lists). ``sort`` names the `Query.sort_by` field whose
    order is the column's (amounts in USD at each record's date, partial dates), else the
    values' own order is used; ``descending`` is the order ``--sort`` gives (largest and
    newest first for amounts, dates and counts, A to Z for text).
    """

    name: str
    header: str
    value: Value
    align: str = "<"
    shrink: bool = False
    sort: str | None = None
    descending: bool = False


def _field(name: str) -> Value:
    return lambda record, ds: getattr(record, name)


def _company(record: Any, ds: Dataset | None) -> object:
    return ds.company_of(record).name if ds is not None else record.company_id


def _investors(record: Any, ds: Dataset | None) -> object:
    """The investors' names, leads first and marked with "*" (None when there are none)."""
    ordered = sorted(record.participants, key=lambda p: not p.lead)
    names = [
        (ds.investor(p.investor_id).name if ds is not None else p.investor_id)
        + ("*" if p.lead else "")
        for p in ordered
    ]
    return ", ".join(names) or None


def _rounds_of(record: Any, ds: Dataset | None) -> object:
    return None if ds is None else len(ds.rounds_for(record))


def _investments(record: Any, ds: Dataset | None) -> object:
    return None if ds is None else len(ds.investments_by(record))


def _led(record: Any, ds: Dataset | None) -> object:
    if ds is None:
        return None
    return sum(record.id in r.leads for r in ds.investments_by(record))


#: The columns of each kind's listing, in the order the command line and the notebook show them.
COLUMNS: dict[str, tuple[Column, ...]] = {
    "funding_rounds": (
        Column("date", "Date", _field("announced"), sort="announced", descending=True),
        Column("company", "Company", _company, shrink=True),
        Column("round", "Round", _field("round_type")),
        Column("amount", "Amount", _field("amount"), ">", sort="amount", descending=True),
        Column(
            "valuation", "Valuation", _field("valuation"), ">", sort="valuation", descending=True
        ),
        Column("investors", "Investors (* lead)", _investors, shrink=True),
    ),
    "companies": (
        Column("name", "Name", _field("name"), shrink=True),
        Column("country", "Country", _field("country")),
        Column("category", "Category", _field("category")),
        Column("founded", "Founded", _field("founded")),
        Column("headquarters", "Headquarters", _field("headquarters"), shrink=True),
        Column("rounds", "Rounds", _rounds_of, ">", descending=True),
    ),
    "investors": (
        Column("name", "Name", _field("name"), shrink=True),
        Column("kind", "Kind", _field("kind")),
        Column("country", "Country", _field("country")),
        Column("rounds", "Rounds", _investments, ">", descending=True),
        Column("led", "Led", _led, ">", descending=True),
    ),
    "policies": (
        Column("name", "Name", _field("name"), shrink=True),
        Column("jurisdiction", "Jurisdiction", _field("jurisdiction")),
        Column("kind", "Kind", _field("kind")),
        Column("status", "Status", _field("status")),
        Column("announced", "Announced", _field("announced"), sort="announced", descending=True),
        Column("budget", "Budget", _field("budget"), ">", sort="budget", descending=True),
    ),
    "sources": (
        Column("title", "Title", _field("title"), shrink=True),
        Column("published", "Published", _field("published"), sort="published", descending=True),
        Column("publisher", "Publisher", _field("publisher")),
        Column("language", "Language", _field("language")),
    ),
}
