"""Values as the ``aieco`` command writes them in a table cell or a field (internal)."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from decimal import Decimal
from typing import Any

from aieco.cli._layout import MISSING_CELL
from aieco.dates import PartialDate
from aieco.money import Amount

__all__ = ["amount", "cell", "decimal", "label", "records", "spaces", "text"]


def amount(value: Amount | None, locale: str) -> str:
    """The amount as format_amount writes it, with plain spaces (easier to grep and copy)."""
    if value is None:
        return MISSING_CELL
    from aieco.amounts import format_amount

    return spaces(format_amount(value, locale=locale))


def spaces(text: str) -> str:
    """No-break spaces (babel puts them into amounts) as plain spaces, for the terminal."""
    return text.replace("\xa0", " ").replace("\u202f", " ")


def decimal(number: Decimal) -> str:
    """A Decimal in plain positional notation ("1500000000", not "1.5E+9")."""
    shown = f"{number:f}"
    if "." in shown:
        shown = shown.rstrip("0").rstrip(".")
    return shown


def label(value: enum.Enum | None) -> str:
    """An enum member by its readable label, as the exports write it ("Series G", "AI lab")."""
    from aieco._labels import enum_label

    return MISSING_CELL if value is None else enum_label(value)


def cell(value: object, locale: str) -> str:
    """A raw column value (see `aieco._views`) as the text of a table cell."""
    if value is None:
        return MISSING_CELL
    if isinstance(value, Amount):
        return amount(value, locale)
    if isinstance(value, enum.Enum):
        return label(value)
    if isinstance(value, PartialDate):
        return value.isoformat()
    if isinstance(value, tuple):
        return ", ".join(map(str, value)) or MISSING_CELL
    return str(value)


def text(value: object) -> str:
    return MISSING_CELL if value is None else str(value)


def records(items: Iterable[Any]) -> list[Any]:
    """Records as the JSON contract writes them (aieco.converter)."""
    from aieco.serialize import converter

    return [converter.unstructure(item) for item in items]
