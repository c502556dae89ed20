"""Amounts in many texts at once, as columns: `extract_amounts_many`.

The result holds plain lists of ints and strings (one entry per mention), so it pickles in a
fraction of the time a list of `Mention` objects takes: what a Spark or
Dask worker sends back, and what `aieco.extract_amounts_table` turns into an Arrow table.
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import attrs

from aieco.amounts._extract import scan
from aieco.amounts._locale import resolve_locale
from aieco.money import in_exact_context

__all__ = ["MentionColumns", "decimal_text", "extract_amounts_many"]


def decimal_text(value: Decimal) -> str:
    """The exact text of a Decimal in positional notation, as the columns hold it.

    Never an exponent ("1500000000", not "1.5E+9"), so that every CSV reader, Spark's
    ``cast("decimal(38,0)")`` and ``Decimal()`` read it back exactly.

    ```pycon
    >>> decimal_text(Decimal("1.5E+9"))
    '1500000000'

    ```
    """
    text = str(value)  # positional for the engine's values, and twice as fast as format()
    return text if "E" not in text else format(value, "f")


@attrs.define(eq=True)
class MentionColumns:
    """The mentions of many texts as parallel lists, one entry per mention.

    Mentions are in order of text, then of appearance. For mention ``i``:
    ``texts[index[i]][start[i]:end[i]] == text[i]``; ``low[i]`` and ``high[i]`` are the exact
    bounds as text (`decimal_text`; ``low == high`` for a point amount, ``low < high``
    for a range or vague magnitude); ``unit[i]`` is an ISO 4217 code, ``"%"`` or ``None``;
    ``qualifier[i]`` is a `Qualifier` value ("exact", "approx", ...).
    """

    index: list[int] = attrs.field(factory=list)
    start: list[int] = attrs.field(factory=list)
    end: list[int] = attrs.field(factory=list)
    text: list[str] = attrs.field(factory=list)
    low: list[str] = attrs.field(factory=list)
    high: list[str] = attrs.field(factory=list)
    unit: list[str | None] = attrs.field(factory=list)
    qualifier: list[str] = attrs.field(factory=list)

    def __len__(self) -> int:
        return len(self.index)

    def is_point(self, i: int) -> bool:
        """Whether mention ``i`` is a point amount (``low == high``), not a range."""
        return self.low[i] == self.high[i]

    def rows(self) -> Iterable[tuple[Any, ...]]:
        """The mentions as tuples (index, start, end, text, low, high, unit, qualifier)."""
        return zip(
            self.index,
            self.start,
            self.end,
            self.text,
            self.low,
            self.high,
            self.unit,
            self.qualifier,
            strict=True,
        )


@in_exact_context
def extract_amounts_many(
    texts: Iterable[str], *, locale: Any = "de_DE", include_numbers: bool = False
) -> MentionColumns:
    """The amounts in every text of ``texts``, as one `MentionColumns`.

    The same mentions as `extract_amounts` on each text, in the same order;
    ``index`` says which text (its position in ``texts``) each mention comes from.

    Args:
        texts: The texts (any iterable of ``str``; it is read once).
        locale: A ``babel.Locale`` or a name: de_DE, de_AT, de_CH, en_US or en_GB.
        include_numbers: Also report bare numbers ("2021", "17", "zwei").

    Raises:
        UnsupportedLocale: ``locale`` is not supported (a ValueError).
        TypeError: an item of ``texts`` is not a ``str`` (the message gives its position).

    Examples:
        >>> cols = extract_amounts_many(["Umsatz: 1,5 Mrd. €", "nichts", "rund 5–50 Mio. USD"])
        >>> list(cols.rows())  # doctest: +NORMALIZE_WHITESPACE
        [(0, 8, 18, '1,5 Mrd. €', '1500000000', '1500000000', 'EUR', 'exact'),
         (2, 0, 18, 'rund 5–50 Mio. USD', '5000000', '50000000', 'USD', 'approx')]
    """
    name = resolve_locale(locale)  # an unsupported locale fails before the first text
    cols = MentionColumns()
    index, start, end, text = cols.index, cols.start, cols.end, cols.text
    low, high, unit, qualifier = cols.low, cols.high, cols.unit, cols.qualifier
    for i, source in enumerate(texts):
        if not isinstance(source, str):
            raise TypeError(f"texts[{i}] must be a str, not {type(source).__name__}")
        # Straight from the engine's readings: no Amount or Mention objects in between.
        readings = scan(source, name, include_numbers)
        if not readings:
            continue
        # Each text's readings become primitives at once (a text's fields by zip, in C):
        # the columns hold only ints and strings, which the garbage collector never
        # visits, where a corpus' worth of Reading tuples would be traversed by every
        # full collection (6% of the time on 2 MB of dense text, measured with gc.callbacks).
        starts, ends, lows, highs, units, hedges = zip(*readings, strict=True)
        index += [i] * len(readings)
        start += starts
        end += ends
        text += [source[s:e] for s, e in zip(starts, ends, strict=True)]
        lo = [str(x) for x in lows]  # positional for the engine's values (see decimal_text)
        low += lo
        high += [s if h is d else str(h) for s, d, h in zip(lo, lows, highs, strict=True)]
        unit += units
        qualifier += [q._value_ for q in hedges]  # Enum.value is a slow property
    if "E" in "".join(low) or "E" in "".join(high):  # never so far: then write them out
        cols.low[:] = map(_positional, low)
        cols.high[:] = map(_positional, high)
    return cols


def _positional(text: str) -> str:
    return text if "E" not in text else decimal_text(Decimal(text))
