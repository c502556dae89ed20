"""Text layout of the ``aieco`` command: aligned tables and label/value fields (internal).

Widths are display cells, not characters: a wide CJK character takes two cells, a combining
mark none, so columns line up in a terminal whatever the names are written in.
"""

from __future__ import annotations

import shutil
import textwrap
import unicodedata
from collections.abc import Iterable, Sequence

__all__ = [
    "MISSING_CELL",
    "display_width",
    "fields",
    "fit",
    "pad",
    "plural",
    "section",
    "table",
    "terminal_width",
]

MISSING_CELL = "–"  # shown for a value the dataset does not have
RULE = "─"

#: Text (fields, quotes) is wrapped at the terminal's width, or at this when there is none.
WRAP_WIDTH = 92
#: The narrowest a shrinkable column is cut to when the terminal is narrow.
MIN_CELL = 10


def _cell_width(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Cf", "Mn", "Me"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def display_width(text: str) -> int:
    """The number of terminal cells ``text`` takes (wide CJK characters count twice)."""
    return sum(_cell_width(c) for c in text)


def fit(text: str, width: int | None) -> str:
    """``text`` cut to ``width`` display cells, ending in "…" when something was cut."""
    text = " ".join(text.split())  # no newlines or tabs inside a cell
    if width is None or display_width(text) <= width:
        return text
    kept, used = [], 0
    for char in text:
        if used + _cell_width(char) > width - 1:
            break
        kept.append(char)
        used += _cell_width(char)
    return "".join(kept).rstrip() + "…"


def pad(text: str, width: int, align: str) -> str:
    gap = " " * (width - display_width(text))
    return gap + text if align == ">" else text + gap


def terminal_width() -> int | None:
    """The width tables fit: ``COLUMNS`` when set, else the terminal's; None when there is none.

    Output to a pipe or a file (no terminal, no ``COLUMNS``) is never cut, so ``grep`` sees
    whole names.
    """
    columns = shutil.get_terminal_size(fallback=(0, 0)).columns
    return columns if columns > 0 else None


def _shrunk(sizes: list[int], floors: list[int], shrink: Sequence[bool], width: int) -> list[int]:
    """Column sizes within ``width`` (two spaces between columns), cutting the widest first.

    Only ``shrink`` columns are cut, none below its floor; wider than ``width`` if it must be.
    """
    sizes = list(sizes)
    excess = sum(sizes) + 2 * (len(sizes) - 1) - width
    while excess > 0:
        candidates = [i for i, s in enumerate(sizes) if shrink[i] and s > floors[i]]
        if not candidates:
            break
        widest = max(candidates, key=lambda i: sizes[i])
        others = [sizes[i] for i in candidates if i != widest]
        step = min(excess, sizes[widest] - max([floors[widest], *others]) or 1)
        sizes[widest] -= step
        excess -= step
    return sizes


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    widths: Sequence[int | None] | None = None,
    align: str | None = None,
    shrink: Sequence[bool] | None = None,
    width: int | None = None,
) -> list[str]:
    """Rows under a header, each column as wide as its widest cell.

    ``widths`` caps a column (longer cells are cut with "…"), ``align`` gives one character per
    column, ``<`` (left, the default) or ``>`` (right, for amounts and counts). With ``width``
    (see `terminal_width`) the columns ``shrink`` marks are cut, widest first, until a line
    fits, but never below their header or `MIN_CELL` cells.
    """
    limits = list(widths) if widths is not None else [None] * len(headers)
    aligns = align or "<" * len(headers)
    cells = [[fit(str(c), limits[i]) for i, c in enumerate(row)] for row in rows]
    sizes = [
        max([display_width(h), *(display_width(row[i]) for row in cells)])
        for i, h in enumerate(headers)
    ]
    if width is not None and shrink is not None:
        floors = [max(display_width(h), MIN_CELL) for h in headers]
        fitted = _shrunk(sizes, floors, shrink, width)
        if fitted != sizes:
            sizes = fitted
            cells = [[fit(c, sizes[i]) for i, c in enumerate(row)] for row in cells]

    def line(values: Sequence[str]) -> str:
        return "  ".join(pad(v, sizes[i], aligns[i]) for i, v in enumerate(values)).rstrip()

    return [line(headers), line([RULE * s for s in sizes]), *(line(row) for row in cells)]


def fields(pairs: Iterable[tuple[str, str | None]], *, width: int = WRAP_WIDTH) -> list[str]:
    """``label  value`` lines with the values aligned and wrapped; None values are left out."""
    shown = [(label, value) for label, value in pairs if value is not None]
    if not shown:
        return []
    size = max(display_width(label) for label, _ in shown)
    lines = []
    for label, value in shown:
        wrapped = textwrap.wrap(" ".join(value.split()), max(20, width - size - 2)) or [""]
        lines.append(f"{pad(label, size, '<')}  {wrapped[0]}".rstrip())
        lines.extend(" " * (size + 2) + more for more in wrapped[1:])
    return lines


def plural(count: int, one: str, many: str) -> str:
    """``"1 round"``, ``"3 rounds"``."""
    return f"{count} {one if count == 1 else many}"


def section(title: str, count: int, lines: list[str]) -> list[str]:
    """A "Title (n)" heading over the lines indented, or over "–" when there are none."""
    return ["", f"{title} ({count})", *("  " + line for line in lines or [MISSING_CELL])]
