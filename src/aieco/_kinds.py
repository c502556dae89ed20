"""The five kinds of records, described once: names, lookup fields, dates and amounts (internal).

Every module that needs to know "what is a funding round called, which field is its date, which
its amount, which fields can it be looked up by" asks `KINDS` (or `kind_of`);
nothing keeps a table of its own.
"""

from __future__ import annotations

from typing import Any, Final

import attrs

from aieco.model import Company, FundingRound, Investor, Policy, Source

__all__ = ["KINDS", "Kind", "kind_of"]


@attrs.frozen
class Kind:
    """What the library says about one kind of record."""

    #: The collection's name: the Dataset property, the JSON key and the Parquet table.
    name: str
    cls: type[Any]
    singular: str
    plural: str
    #: The field a reader knows the record by ("name", "title" or "id").
    label_field: str
    #: The text fields the record can be looked up by, in order (the aliases come after them).
    key_fields: tuple[str, ...]
    has_aliases: bool
    #: The (partial) date field, if any.
    date_field: str | None
    #: The Amount fields, the one that total() and the amount criteria use first.
    amount_fields: tuple[str, ...]

    @property
    def amount_field(self) -> str | None:
        """The amount that total(), min_amount and max_amount use (None: the kind has none)."""
        return (
            self.amount_fields[0] if self.amount_fields and self.name != "participations" else None
        )

    def label(self, record: Any) -> str:
        """How a record is named to a reader: its name or title, else its id."""
        value: str = getattr(record, self.label_field)
        return value

    def keys(self, record: Any) -> tuple[str, ...]:
        """The id, name (or title) and aliases a record can be looked up by."""
        found = tuple(getattr(record, field) for field in self.key_fields)
        return (*found, *record.aliases) if self.has_aliases else found

    def key_paths(self, record: Any) -> tuple[str, ...]:
        """The field paths of `keys`, for error messages (``aliases[1]``)."""
        paths = self.key_fields
        if self.has_aliases:
            paths = (*paths, *(f"aliases[{i}]" for i in range(len(record.aliases))))
        return paths


#: The five kinds, in dependency order (a kind refers only to kinds before it, or to itself).
KINDS: Final[dict[str, Kind]] = {
    kind.name: kind
    for kind in (
        Kind(
            "sources", Source, "source", "sources", "title", ("id", "title"), False, "published", ()
        ),
        Kind("companies", Company, "company", "companies", "name", ("id", "name"), True, None, ()),
        Kind(
            "investors", Investor, "investor", "investors", "name", ("id", "name"), True, None, ()
        ),
        Kind(
            "funding_rounds",
            FundingRound,
            "funding round",
            "funding rounds",
            "id",
            ("id",),
            False,
            "announced",
            ("amount", "valuation"),
        ),
        Kind(
            "policies",
            Policy,
            "policy",
            "policies",
            "name",
            ("id", "name"),
            True,
            "announced",
            ("budget",),
        ),
    )
}

_BY_CLASS: Final = {kind.cls: kind for kind in KINDS.values()}


def kind_of(cls: type[Any]) -> Kind | None:
    """The Kind whose records are ``cls`` instances, or None for any other class."""
    return _BY_CLASS.get(cls)


def a(noun: str) -> str:
    """The noun with its indefinite article: 'a company', 'an investor'."""
    return f"{'an' if noun[0].lower() in 'aeiou' else 'a'} {noun}"
