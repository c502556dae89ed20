"""Charts with matplotlib: `Query.plot` and `Groups.plot` (extra ``aieco[plot]``; internal).

The values come from the exports, one definition of the columns (`aieco._export`): the
exact ``<field>_<cur>_low``/``_high`` bounds in one currency at the rate rule of `aieco.fx`
and the ``<field>_qualifier`` label; nothing is converted here. A bar or point is drawn at the
**low bound**, what the text certainly reports, and every hedge shows (`HEDGES`, one table):

* a **range** ("750–800 Mrd. €") gets an error bar from its low to its high bound;
* a **lower bound** ("mindestens", "mehr als") is an open bar (no fill) or an open marker, with
  a ``^`` at its top: the true value is that or more;
* an **upper bound** ("höchstens", "bis zu", "weniger als") is an open bar with a dashed edge
  or an open marker, with a ``v``;
* an **approximate** value ("rund", "fast") is a hatched, lighter bar or a lighter marker;
* a date known only to the month or year is drawn across that month or year.

Each bar and point is labelled with the amount as a reader of ``locale`` writes it
(`aieco.format_amount`: "mindestens 51,2 Mrd. $"), so the legend is never the only place a
hedge is said, and the legend explains the styles that occur.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Literal

import attrs

from aieco._labels import enum_label
from aieco.money import DIRECTION_DOWN, DIRECTION_UP, Amount, Qualifier, sum_amounts

if TYPE_CHECKING:
    from matplotlib.axes import Axes

    from aieco.query import Groups, Query

__all__ = ["HEDGES", "KINDS", "Hedge", "hedge_of", "plot_groups", "plot_query", "readable"]

#: The pictures `Query.plot` draws.
KINDS = ("largest", "timeline", "totals")

_QUALIFIER_OF_LABEL = {enum_label(q): q for q in Qualifier}


@attrs.frozen
class Hedge:
    """How one kind of hedge is drawn: fill, hatch, edge and the marker at a bar's top."""

    name: str
    #: The legend's text.
    label: str
    #: Alpha of the face colour (0: an open bar or marker).
    fill: float
    hatch: str | None
    linestyle: Literal["solid", "dashed"]
    #: The marker at the top of a bar (the value goes on above or below it), or None.
    marker: str | None


#: The one table of hedge styles; `hedge_of` picks the row of a qualifier.
HEDGES = {
    "exact": Hedge("exact", "exact", 1.0, None, "solid", None),
    "approx": Hedge("approx", 'approximate ("rund", "fast")', 0.45, "//", "solid", None),
    "lower": Hedge("lower", 'lower bound ("mindestens", "mehr als")', 0.0, None, "solid", "^"),
    "upper": Hedge("upper", 'upper bound ("höchstens", "bis zu")', 0.0, None, "dashed", "v"),
}
#: The legend's text for an error bar.
RANGE_LABEL = 'range ("von … bis")'
#: The legend's text for a date known only to the month or year.
PERIOD_LABEL = "date known to the month or year"


def hedge_of(qualifier: Qualifier) -> Hedge:
    """The style of an amount with ``qualifier``."""
    if qualifier in DIRECTION_UP:
        return HEDGES["lower"]
    if qualifier in DIRECTION_DOWN:
        return HEDGES["upper"]
    if qualifier is Qualifier.EXACT:
        return HEDGES["exact"]
    return HEDGES["approx"]


def _pyplot(what: str) -> Any:
    """``matplotlib.pyplot``, or an ImportError that names the extra."""
    try:
        import matplotlib.pyplot
    except ImportError:
        raise ImportError(
            f"{what} needs matplotlib; install the extra: pip install 'aieco[plot]'"
        ) from None
    return matplotlib.pyplot


def _axes(what: str, ax: Axes | None, size: tuple[float, float]) -> Axes:
    pyplot = _pyplot(what)
    if ax is not None:
        return ax
    _, axes = pyplot.subplots(figsize=size, layout="constrained")
    created: Axes = axes
    return created


@attrs.frozen
class _Value:
    """One amount to draw: its exact `Amount` (in the plot's currency) and float bounds."""

    amount: Amount

    @property
    def low(self) -> float:
        return float(self.amount.low)

    @property
    def high(self) -> float:
        return float(self.amount.high)

    @property
    def hedge(self) -> Hedge:
        return hedge_of(self.amount.qualifier)


def _amount(low: Decimal | None, high: Decimal | None, qualifier: str | None, unit: str) -> Any:
    """The Amount of one export row's normalised columns (None where there is none)."""
    if low is None or high is None or qualifier is None:
        return None
    found = _QUALIFIER_OF_LABEL[qualifier]
    if low == high:
        return Amount(low, unit=unit, qualifier=found)
    return Amount.range(low, high, unit, found)


#: Significant digits of a label: "rund 3,25 Mrd. $", not "3,24714140625 Mrd. $".
LABEL_DIGITS = 3


def readable(amount: Amount) -> Amount:
    """``amount`` with `LABEL_DIGITS` significant digits, and still true.

    A bound that says "at least" is rounded down and one that says "at most" up, so
    "mindestens 100,4 Mio." becomes "mindestens 100 Mio." and never a larger floor; any other
    amount is rounded half-even and marked approximate ("rund") when rounding changed it. The
    unchanged amount comes back as it is.
    """
    from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_EVEN

    largest = max(amount.low.copy_abs(), amount.high.copy_abs())  # no context: exact
    if not largest:
        return amount
    quantum = Decimal((0, (1,), largest.adjusted() - LABEL_DIGITS + 1))
    if amount.qualifier in DIRECTION_UP:
        modes = (ROUND_FLOOR, ROUND_FLOOR)
    elif amount.qualifier in DIRECTION_DOWN:
        modes = (ROUND_CEILING, ROUND_CEILING)
    else:
        modes = (ROUND_HALF_EVEN, ROUND_HALF_EVEN)
    low = _quantized(amount.low, quantum, modes[0])
    high = _quantized(amount.high, quantum, modes[1])
    if (low, high) == (amount.low, amount.high):
        return amount
    qualifier = amount.qualifier
    if qualifier not in DIRECTION_UP | DIRECTION_DOWN:
        qualifier = Qualifier.APPROX
    if low == high:
        return Amount(low, unit=amount.unit, qualifier=qualifier)
    return Amount.range(low, high, amount.unit, qualifier)


def _quantized(value: Decimal, quantum: Decimal, rounding: str) -> Decimal:
    from decimal import Context

    exact = Context(prec=100)
    if value == value.quantize(quantum, rounding=rounding, context=exact):
        return value  # keep the written form (no trailing zeros added)
    return value.quantize(quantum, rounding=rounding, context=exact).normalize(exact)


def _text(amount: Amount, locale: str) -> str:
    """A bar's label: the amount as a reader of ``locale`` writes it, `readable`."""
    from aieco.amounts import format_amount

    if amount.high == 0 and amount.qualifier in DIRECTION_UP:
        return "amount not reported"
    return format_amount(readable(amount), locale=locale)


def _currency_axis(ax: Axes, axis: str, currency: str, locale: str, top: float) -> None:
    """Plain tick numbers on ``axis`` and its unit as the label ("Mrd. $, at each date's rate").

    The scale word and the currency's symbol are the locale's (CLDR through `format_money`).
    """
    import re

    from babel.numbers import format_decimal
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    from aieco.amounts import format_money
    from aieco.amounts._locale import resolve_locale
    from aieco.money import Money

    name = resolve_locale(locale)
    exponent = next((e for e in (12, 9, 6) if top >= 10**e), 0)
    # 10**exponent built from its digits: arithmetic would round in the caller's context.
    unit = format_money(Money(Decimal((0, (1,), exponent)), currency), locale=name, compact=True)
    unit = re.sub(r"\s+", " ", re.sub(r"[0-9][0-9.,\s\u00a0\u202f]*", "", unit, count=1)).strip()

    def tick(value: float, _: int) -> str:
        text: str = format_decimal(Decimal(f"{value / 10**exponent:.12g}"), locale=name)
        return text

    target = ax.yaxis if axis == "y" else ax.xaxis
    target.set_major_locator(MaxNLocator(nbins=6, steps=[1, 2, 2.5, 5, 10]))
    target.set_major_formatter(FuncFormatter(tick))
    target.set_label_text(f"{unit} ({currency} at the rate of each record's date)")


def _hedge_legend(
    ax: Axes,
    hedges: set[str],
    ranged: bool,
    periods: bool,
    extra: Sequence[Any],
    markers: bool = False,
) -> None:
    """A legend, beside the axes, of the series in ``extra`` and of each hedge style drawn."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles: list[Any] = list(extra)
    labels = [handle.get_label() for handle in handles]
    for name, hedge in HEDGES.items():
        if name not in hedges:
            continue
        patch = Patch(
            facecolor=(0.5, 0.5, 0.5, hedge.fill),
            edgecolor="0.3",
            hatch=hedge.hatch,
            linestyle=hedge.linestyle,
        )
        if markers:
            face = (0.5, 0.5, 0.5, hedge.fill) if hedge.fill else "white"
            handles.append(
                Line2D(
                    [],
                    [],
                    marker=hedge.marker or "o",
                    markersize=8,
                    markeredgecolor="0.3",
                    markerfacecolor=face,
                    linestyle="none",
                )
            )
        elif hedge.marker is None:
            handles.append(patch)
        else:
            marker = Line2D([], [], color="0.3", marker=hedge.marker, linestyle="none")
            handles.append((patch, marker))
        labels.append(hedge.label)
    if ranged:
        handles.append(Line2D([], [], color="0.2", marker="_", markersize=12))
        labels.append(RANGE_LABEL)
    if periods:
        handles.append(Line2D([], [], color="0.5", linewidth=3, alpha=0.5))
        labels.append(PERIOD_LABEL)
    if handles:
        ax.legend(handles, labels, fontsize="small", loc="upper left", bbox_to_anchor=(1.01, 1.0))


def _bar(
    ax: Axes,
    position: float,
    value: _Value,
    bottom: float,
    color: Any,
    horizontal: bool,
    width: float = 0.8,
) -> Any:
    """One bar at the low bound, drawn in its hedge's style; returns the bar patch."""
    from matplotlib.colors import to_rgba

    hedge = value.hedge
    face = to_rgba(color, hedge.fill)
    style = {
        "color": face,
        "edgecolor": color,
        "hatch": hedge.hatch,
        "linestyle": hedge.linestyle,
        "linewidth": 1.5,
        "label": f"_{hedge.name}",
    }
    if horizontal:
        bars = ax.barh(position, value.low, height=width, left=bottom, **style)
    else:
        bars = ax.bar(position, value.low, width=width, bottom=bottom, **style)
    patch = bars.patches[0]
    patch.set_gid(hedge.name)
    return patch


def _bound_marker(
    ax: Axes, position: float, top: float, hedge: Hedge, color: Any, horizontal: bool
) -> None:
    """The ``^``/``v`` at a bound's end (``>``/``<`` on horizontal bars)."""
    if hedge.marker is None:
        return
    marker = hedge.marker if not horizontal else {"^": ">", "v": "<"}[hedge.marker]
    x, y = (top, position) if horizontal else (position, top)
    ax.plot(
        [x],
        [y],
        marker=marker,
        color=color,
        markersize=8,
        linestyle="none",
        gid=f"{hedge.name}-marker",
    )


def _range_bar(ax: Axes, position: Any, low: float, high: float, horizontal: bool) -> None:
    """An error bar from ``low`` to ``high``."""
    if high <= low:
        return
    style: dict[str, Any] = {"fmt": "none", "ecolor": "0.2", "capsize": 4, "gid": "range"}
    if horizontal:
        ax.errorbar([low], [position], xerr=[[0.0], [high - low]], **style)
    else:
        ax.errorbar([position], [low], yerr=[[0.0], [high - low]], **style)


# --- Groups.plot: totals per group, stacked by the first key ----------------------------------


def _key_text(key: Any, name: str) -> str:
    import enum

    from aieco.dates import PartialDate

    if key is None:
        return "undated" if name == "year" else "unknown"
    if isinstance(key, enum.Enum):
        return enum_label(key)
    if isinstance(key, PartialDate):
        return key.isoformat()
    return str(key)


def plot_groups(
    groups: Groups[Any],
    *,
    currency: str = "USD",
    locale: str = "de_DE",
    ax: Axes | None = None,
    title: str | None = None,
) -> Axes:
    """Each group's total as a bar; two keys: stacked, a bar per second key, a colour per first."""
    from aieco._export import currency_suffix
    from aieco.query import _group_order

    what = "Groups.plot()"
    names = groups._names
    if len(names) > 2:
        raise TypeError(
            f"{what} draws groups of one or two keys, not {len(names)} ({', '.join(names)})"
        )
    code = currency_suffix(currency)
    assert code is not None
    table = groups.to_arrow(currency=code)
    suffix = f"total_{code.lower()}"
    if f"{suffix}_low" not in table.column_names:
        raise TypeError(f"{what} draws totals of funding rounds or policy budgets")
    lows = table.column(f"{suffix}_low").to_pylist()
    highs = table.column(f"{suffix}_high").to_pylist()
    qualifiers = table.column(f"{suffix}_qualifier").to_pylist()
    keys = list(groups)
    amounts = [_amount(lo, hi, q, code) for lo, hi, q in zip(lows, highs, qualifiers, strict=True)]
    if len(names) == 2:
        stacks = sorted(dict.fromkeys(k[0] for k in keys), key=_group_order)
        bars = sorted(dict.fromkeys(k[1] for k in keys), key=_group_order)
        cells = {(k[0], k[1]): a for k, a in zip(keys, amounts, strict=True)}
    else:
        stacks = [None]
        bars = keys
        cells = {(None, k): a for k, a in zip(keys, amounts, strict=True)}
    axes = _axes(what, ax, (max(7.0, 1.1 * len(bars) + 5.5), 4.5))
    from matplotlib.patches import Patch

    colors = [f"C{i % 10}" for i in range(len(stacks))]
    hedges: set[str] = set()
    ranged = False
    tops = 0.0
    for position, bar in enumerate(bars):
        bottom = 0.0
        parts: list[Amount] = []
        for stack, color in zip(stacks, colors, strict=True):
            amount = cells.get((stack, bar))
            if amount is None:
                continue
            value = _Value(amount)
            _bar(axes, position, value, bottom, color, horizontal=False)
            hedges.add(value.hedge.name)
            bottom += value.low
            _bound_marker(axes, position, bottom, value.hedge, color, horizontal=False)
            parts.append(amount)
        total = sum_amounts(parts, code)
        tops = max(tops, float(total.high))
        if total.high > total.low:
            ranged = True
            _range_bar(axes, position, float(total.low), float(total.high), horizontal=False)
        axes.annotate(
            _text(total, locale),
            (position, float(total.high)),
            xytext=(0, 10),
            textcoords="offset points",
            ha="center",
            fontsize="small",
        )
    axes.set_xticks(range(len(bars)), [_key_text(b, names[-1]) for b in bars])
    axes.set_xlabel(names[-1])
    _currency_axis(axes, "y", code, locale, tops)
    axes.margins(y=0.15)
    series = (
        []
        if stacks == [None]
        else [
            Patch(color=c, label=_key_text(s, names[0]))
            for s, c in zip(stacks, colors, strict=True)
        ]
    )
    _hedge_legend(axes, hedges, ranged, False, series)
    axes.set_title(title if title is not None else f"Total by {' and '.join(names)}")
    return axes


# --- Query.plot -------------------------------------------------------------------------------


def plot_query(
    query: Query[Any],
    kind: str,
    *,
    field: str | None,
    by: Sequence[str] | None,
    n: int,
    currency: str,
    locale: str,
    ax: Axes | None,
    title: str | None,
) -> Axes:
    """`Query.plot`: one of `KINDS`."""
    from aieco._export import currency_suffix

    what = f"Query.plot({kind!r})"
    if kind not in KINDS:
        raise ValueError(f"Query.plot() draws {', '.join(map(repr, KINDS))}, not {kind!r}")
    if kind == "totals":
        keys = tuple(by) if by is not None else ("region", "year")
        return plot_groups(
            query.group_by(*keys), currency=currency, locale=locale, ax=ax, title=title
        )
    if by is not None:
        raise TypeError(f"{what}: by= is for 'totals'")
    store = query._columns_store(what)
    amount_fields = store.kind.amount_fields
    if not amount_fields:
        raise TypeError(f"{what}: {store.kind.plural} have no amounts to draw")
    field = amount_fields[0] if field is None else field
    if field not in amount_fields:
        raise ValueError(f"{what}: field must be one of {', '.join(amount_fields)}, not {field!r}")
    code = currency_suffix(currency)
    assert code is not None
    _pyplot(what)
    if kind == "largest":
        return _largest(query, field, code, n, locale, ax, title)
    return _timeline(query, field, code, locale, ax, title)


def _rows(query: Query[Any], field: str, code: str, extra: Sequence[str]) -> list[dict[str, Any]]:
    """The export's rows with an amount in ``field``: the extra columns and ``"amount"``."""
    suffix = f"{field}_{code.lower()}"
    columns = [*extra, f"{suffix}_low", f"{suffix}_high", f"{field}_qualifier"]
    table = query.to_arrow(columns, currency=code)
    rows = []
    for row in table.to_pylist():
        amount = _amount(
            row[f"{suffix}_low"], row[f"{suffix}_high"], row[f"{field}_qualifier"], code
        )
        if amount is not None:
            rows.append({**{c: row[c] for c in extra}, "amount": amount})
    return rows


def _label_columns(query: Query[Any]) -> list[str]:
    kind = query._columns_store("plot").kind
    if kind.name == "funding_rounds":
        return ["company", "round_type", "announced", "announced_precision"]
    return [kind.label_field, "announced", "announced_precision"]


def _name(row: dict[str, Any]) -> str:
    name: object = row.get("company") or row.get("name") or row.get("title") or row.get("id")
    return str(name)


def _when(row: dict[str, Any]) -> str:
    day = row.get("announced")
    if day is None:
        return "undated"
    precision = row.get("announced_precision")
    if precision == "year":
        return f"{day.year}"
    if precision == "month":
        return f"{day.year}-{day.month:02d}"
    text: str = day.isoformat()
    return text


def _largest(
    query: Query[Any],
    field: str,
    code: str,
    n: int,
    locale: str,
    ax: Axes | None,
    title: str | None,
) -> Axes:
    """The ``n`` largest by low bound (then high), largest at the top, as horizontal bars."""
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ValueError(f"Query.plot('largest'): n must be a positive int, not {n!r}")
    rows = _rows(query, field, code, _label_columns(query))
    rows.sort(key=lambda r: (r["amount"].low, r["amount"].high), reverse=True)
    rows = rows[:n]
    axes = _axes("Query.plot('largest')", ax, (11.0, 1.4 + 0.45 * max(len(rows), 1)))
    hedges: set[str] = set()
    ranged = False
    labels = []
    for position, row in enumerate(rows):
        value = _Value(row["amount"])
        _bar(axes, position, value, 0.0, "C0", horizontal=True, width=0.7)
        _bound_marker(axes, position, value.low, value.hedge, "C0", horizontal=True)
        hedges.add(value.hedge.name)
        if value.high > value.low:
            ranged = True
            _range_bar(axes, position, value.low, value.high, horizontal=True)
        axes.annotate(
            _text(value.amount, locale),
            (value.high, position),
            xytext=(8, 0),
            textcoords="offset points",
            va="center",
            fontsize="small",
        )
        kind = row.get("round_type")
        labels.append(
            f"{_name(row)}, {kind} ({_when(row)})"
            if kind and kind != "Unknown"
            else f"{_name(row)} ({_when(row)})"
        )
    axes.set_yticks(range(len(rows)), labels)
    axes.invert_yaxis()
    _currency_axis(axes, "x", code, locale, max((r["amount"].high for r in rows), default=0))
    axes.margins(x=0.4)
    _hedge_legend(axes, hedges, ranged, False, [])
    plural = query._columns_store("plot").kind.plural
    axes.set_title(title if title is not None else f"The largest {plural} by {field}")
    return axes


def _period(day: dt.date, precision: str | None) -> tuple[dt.date, dt.date]:
    """The first and last day a date of ``precision`` stands for."""
    if precision == "year":
        return day, dt.date(day.year, 12, 31)
    if precision == "month":
        following = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
        return day, following - dt.timedelta(days=1)
    return day, day


def _timeline(
    query: Query[Any], field: str, code: str, locale: str, ax: Axes | None, title: str | None
) -> Axes:
    """Each dated amount at its date, one series per company (or record); undated ones left out."""
    import importlib

    from matplotlib.lines import Line2D

    dates: Any = importlib.import_module("matplotlib.dates")  # untyped

    rows = [
        r for r in _rows(query, field, code, _label_columns(query)) if r["announced"] is not None
    ]
    axes: Any = _axes("Query.plot('timeline')", ax, (10.0, 4.5))  # datetimes as x (typed: floats)
    series: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        series.setdefault(_name(row), []).append(row)
    hedges: set[str] = set()
    ranged = periods = False
    handles = []
    for index, (name, members) in enumerate(series.items()):
        color = f"C{index % 10}"
        members.sort(key=lambda r: r["announced"])
        centres = []
        for row in members:
            value = _Value(row["amount"])
            first, last = _period(row["announced"], row["announced_precision"])
            start = dt.datetime.combine(first, dt.time())
            end = dt.datetime.combine(last, dt.time()) + dt.timedelta(days=1)
            centre = start + (end - start) / 2
            centres.append((centre, value.low))
            hedge = value.hedge
            hedges.add(hedge.name)
            if end - start > dt.timedelta(days=1):
                periods = True
                axes.plot(
                    [start, end],
                    [value.low, value.low],
                    color=color,
                    linewidth=3,
                    alpha=0.35,
                    gid="period",
                )
            if value.high > value.low:
                ranged = True
                _range_bar(axes, centre, value.low, value.high, horizontal=False)
            marker = hedge.marker or "o"
            axes.plot(
                [centre],
                [value.low],
                marker=marker,
                markersize=9,
                linestyle="none",
                markeredgecolor=color,
                markerfacecolor=_face(color, hedge),
                gid=hedge.name,
            )
            axes.annotate(
                _text(value.amount, locale),
                (centre, value.high),
                xytext=(6, 6),
                textcoords="offset points",
                fontsize="small",
            )
        if len(centres) > 1:
            axes.plot(
                *zip(*centres, strict=True), color=color, linestyle=":", linewidth=1, alpha=0.6
            )
        handles.append(Line2D([], [], color=color, marker="o", linestyle="none", label=name))
    locator = dates.AutoDateLocator()
    axes.xaxis.set_major_locator(locator)
    axes.xaxis.set_major_formatter(dates.ConciseDateFormatter(locator))
    _currency_axis(axes, "y", code, locale, max((r["amount"].high for r in rows), default=0))
    axes.set_ylim(0, 1.2 * float(max((r["amount"].high for r in rows), default=1)))
    axes.margins(x=0.1)
    _hedge_legend(axes, hedges, ranged, periods, handles if len(handles) > 1 else [], True)
    named = f"{next(iter(series))}: " if len(series) == 1 else ""
    axes.set_title(title if title is not None else f"{named}{field} over time")
    drawn: Axes = axes
    return drawn


def _face(color: str, hedge: Hedge) -> Any:
    from matplotlib.colors import to_rgba

    return to_rgba(color, hedge.fill) if hedge.fill else "white"
