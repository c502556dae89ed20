"""Charts (`Query.plot`, `Groups.plot`): each rendered to PNG with Agg, its bars and hedges checked.

The heights come from the exports' exact USD columns; a hedge must be visible in the drawing
(an open bar for "mindestens", a dashed one for "weniger als", hatching for "rund", an error
bar for a range), and the labels say the amount as a German reader writes it.
"""

from __future__ import annotations

import datetime as dt
import sys
from decimal import Decimal
from pathlib import Path
from typing import Any

import matplotlib
import pytest

matplotlib.use("Agg")

import matplotlib.pyplot as plt
from hypothesis import given
from hypothesis import strategies as st
from matplotlib.patches import Rectangle

import aieco
from aieco import Amount, Qualifier
from aieco._plot import HEDGES, hedge_of, readable
from tests.fixtures.sample import sample

HEDGED = {hedge.name for hedge in HEDGES.values()}


@pytest.fixture(autouse=True)
def _close_figures() -> Any:
    yield
    plt.close("all")


def bars(ax: Any) -> list[Rectangle]:
    """The amount bars (each carries its hedge's name as gid), in drawing order."""
    return [p for p in ax.patches if isinstance(p, Rectangle) and p.get_gid() in HEDGED]


def texts(ax: Any) -> list[str]:
    """The annotations, with no-break spaces as plain ones."""
    return [t.get_text().replace("\xa0", " ") for t in ax.texts]


def ticks(labels: Any) -> list[str]:
    return [label.get_text() for label in labels]


def rendered(ax: Any, tmp_path: Path, name: str) -> Path:
    """Draw the figure to a PNG file and check that it is one."""
    path = tmp_path / f"{name}.png"
    ax.figure.savefig(path)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert path.stat().st_size > 5_000
    return path


def lines(ax: Any, gid: str) -> list[Any]:
    return [line for line in ax.lines if line.get_gid() == gid]


def range_segments(ax: Any) -> list[list[tuple[float, float]]]:
    """The error bars' segments, each as [(x, y), (x, y)]."""
    return [
        [tuple(point) for point in segment]
        for collection in ax.collections
        if collection.get_gid() == "range"
        for segment in collection.get_segments()
    ]


# --- money raised per region and year: stacked bars --------------------------------------------


def test_region_year_stacks_match_the_totals(tmp_path: Path) -> None:
    rounds = aieco.load().funding_rounds
    groups = rounds.group_by("region", "year")
    ax = groups.plot()
    rendered(ax, tmp_path, "region-year")
    totals = groups.total("USD")
    drawn = bars(ax)
    assert len(drawn) == len(totals)
    # Drawing order: the bars (years) in order, within each the stacks (regions) in key order.
    order = sorted(totals, key=lambda k: ((k[1] is None, k[1] or 0), k[0]))
    table = groups.to_arrow().to_pylist()
    exported = {(row["region"], row["year"]): row["total_usd_low"] for row in table}
    for key, patch in zip(order, drawn, strict=True):
        assert patch.get_height() == pytest.approx(float(totals[key].low))
        assert patch.get_height() == pytest.approx(float(exported[key]))
        assert patch.get_gid() == hedge_of(totals[key].qualifier).name
    years = ticks(ax.get_xticklabels())
    assert years == ["2025", "2026", "undated"]
    # US 2025 sits on Europe 2025 in the same bar.
    europe, us = drawn[0], drawn[1]
    assert us.get_x() == europe.get_x()
    assert us.get_y() == pytest.approx(europe.get_height())
    assert "Europe" in ticks(ax.get_legend().get_texts())
    assert ax.get_xlabel() == "year"
    assert ax.get_ylabel().startswith("Mrd. $")


def test_mindestens_is_an_open_bar_with_a_marker_and_a_legend_entry(tmp_path: Path) -> None:
    ax = aieco.load().funding_rounds.plot("totals")
    rendered(ax, tmp_path, "totals")
    us_2026 = next(p for p in bars(ax) if p.get_height() == pytest.approx(51.2e9))
    assert us_2026.get_gid() == "lower"
    assert us_2026.get_facecolor()[3] == 0  # open: no fill
    assert us_2026.get_edgecolor()[3] == 1  # drawn by its edge
    (marker, *_) = lines(ax, "lower-marker")
    assert marker.get_marker() == "^"
    assert marker.get_ydata()[0] == pytest.approx(us_2026.get_y() + us_2026.get_height())
    legend = ticks(ax.get_legend().get_texts())
    assert 'lower bound ("mindestens", "mehr als")' in legend
    assert "mindestens 51,2 Mrd. $" in texts(ax)
    # An exact bar is filled; "rund" is hatched and lighter.
    approx = next(p for p in bars(ax) if p.get_gid() == "approx")
    assert approx.get_hatch() == "//"
    assert 0 < approx.get_facecolor()[3] < 1
    assert all(p.get_facecolor()[3] == 1 for p in bars(ax) if p.get_gid() == "exact")


def test_one_key_and_the_legend_only_names_what_is_drawn(tmp_path: Path) -> None:
    ds = sample()
    groups = ds.funding_rounds.group_by("country")
    ax = groups.plot()
    rendered(ax, tmp_path, "country")
    totals = groups.total("USD")
    keyed = list(totals)
    assert ticks(ax.get_xticklabels()) == [str(k) for k in keyed]
    heights = [p.get_height() for p in bars(ax)]
    assert heights == pytest.approx([float(totals[k].low) for k in keyed])
    legend = ticks(ax.get_legend().get_texts())
    # No colour legend for one key; KR's "weniger als" plus an unknown amount totals "rund".
    assert legend[0] == "exact"
    assert {p.get_gid() for p in bars(ax)} == {"exact", "approx", "lower"}
    assert not any(text.startswith("upper bound") for text in legend)


def test_stacks_of_any_key_kind_in_the_groups_order(tmp_path: Path) -> None:
    """Enums as keys (round types) are ordered as group_by orders them, labelled readably."""
    rounds = sample().funding_rounds
    groups = rounds.group_by("region", "round_type")
    ax = groups.plot()
    rendered(ax, tmp_path, "round-types")
    labels = ticks(ax.get_xticklabels())
    assert labels[:3] == ["Grant", "Series A", "Series B"]
    assert labels[-1] == "Unknown"  # RoundType.UNKNOWN, a readable label
    assert len(bars(ax)) == len(groups)
    assert ax.get_xlabel() == "round_type"


def test_a_range_total_has_an_error_bar_to_its_high_bound(tmp_path: Path) -> None:
    ds = sample()
    groups = ds.funding_rounds.group_by("country")
    ax = groups.plot()
    rendered(ax, tmp_path, "ranges")
    de = groups.total("USD")["DE"]
    assert de.low < de.high
    segments = range_segments(ax)
    assert [(float(de.low), float(de.high))] == [
        (a[1], b[1]) for a, b in segments if a[0] == ticks(ax.get_xticklabels()).index("DE")
    ]
    assert 'range ("von … bis")' in ticks(ax.get_legend().get_texts())


def test_weniger_als_is_dashed_with_a_downward_marker(tmp_path: Path) -> None:
    ax = sample().funding_rounds.where(country="KR").plot("largest")
    rendered(ax, tmp_path, "upper")
    (patch,) = bars(ax)
    assert patch.get_gid() == "upper"
    assert patch.get_facecolor()[3] == 0
    assert patch.get_linestyle() in ("--", "dashed")
    assert [line.get_marker() for line in lines(ax, "upper-marker")] == ["<"]
    assert texts(ax) == ["weniger als 50 Mio. $"]


# --- the largest rounds ------------------------------------------------------------------------


def test_largest_rounds_are_the_exports_low_bounds_largest_first(tmp_path: Path) -> None:
    rounds = aieco.load().funding_rounds
    ax = rounds.plot("largest", n=6)
    rendered(ax, tmp_path, "largest")
    table = rounds.to_arrow().to_pylist()
    lows = sorted(
        ((row["amount_usd_low"], row["amount_usd_high"]) for row in table if row["amount_low"]),
        reverse=True,
    )[:6]
    drawn = bars(ax)
    assert [p.get_width() for p in drawn] == pytest.approx([float(low) for low, _ in lows])
    labels = ticks(ax.get_yticklabels())
    assert labels[:3] == [
        "Anthropic, Series G (2026)",
        "xAI, Series E (2026)",
        "Anthropic, Series F (2025-09-02)",
    ]
    assert texts(ax)[:3] == ["rund 30 Mrd. $", "rund 20 Mrd. $", "13 Mrd. $"]
    # Largest at the top.
    assert drawn[0].get_y() < drawn[1].get_y()
    assert ax.yaxis_inverted()
    lower = [p for p in drawn if p.get_gid() == "lower"]
    assert lower
    assert all(p.get_facecolor()[3] == 0 for p in lower)
    assert len(lines(ax, "lower-marker")) == len(lower)
    assert ax.get_xlabel() == "Mrd. $ (USD at the rate of each record's date)"
    ax.figure.canvas.draw()
    shown = [(t.get_position()[0], t.get_text()) for t in ax.get_xticklabels() if t.get_text()]
    assert len(shown) >= 3
    for position, text in shown:  # plain German numbers, in Mrd.
        assert float(text.replace(".", "").replace(",", ".")) == pytest.approx(position / 1e9)


def test_largest_in_euro_and_the_labels_rounded_honestly(tmp_path: Path) -> None:
    ds = aieco.load()
    ax = ds.policies.plot("largest", currency="EUR")
    rendered(ax, tmp_path, "policies")
    table = ds.policies.to_arrow(currency="EUR").to_pylist()
    budgets = sorted((r["budget_eur_low"] for r in table if r["budget_low"]), reverse=True)
    assert [p.get_width() for p in bars(ax)] == pytest.approx([float(b) for b in budgets])
    labels = texts(ax)
    assert labels[0] == "750–800 Mrd. €"  # Draghi's range, in its own currency exact
    assert all("€" in label for label in labels)
    (segment,) = range_segments(ax)
    assert (segment[0][0], segment[1][0]) == (750e9, 800e9)
    # Stargate's 500 Mrd. $ in euro at its date: rounded to three digits and marked "rund".
    stargate = ds.policy("Stargate Project")
    assert stargate.budget is not None
    exact = aieco.convert(stargate.budget, "EUR", on=stargate.announced)
    assert exact.value != exact.value.quantize(Decimal("1E+9"))
    assert f"rund {aieco.format_amount(readable(exact))[5:]}".replace("\xa0", " ") in labels


def test_largest_draws_on_a_given_axes_in_english(tmp_path: Path) -> None:
    figure, given_ax = plt.subplots()
    ax = aieco.load().funding_rounds.plot("largest", n=2, ax=given_ax, locale="en_US", title="Top")
    assert ax is given_ax
    assert ax.get_title() == "Top"
    assert texts(ax) == ["about $30B", "about $20B"]
    assert ax.get_xlabel().startswith("$B (USD")
    figure.savefig(tmp_path / "en.png")


# --- one company's valuations over time --------------------------------------------------------


def test_valuations_over_time_with_the_dates_precision(tmp_path: Path) -> None:
    ds = aieco.load()
    anthropic = ds.rounds_for("Anthropic")
    ax = anthropic.plot("timeline", field="valuation")
    rendered(ax, tmp_path, "valuations")
    assert ax.get_title() == "Anthropic: valuation over time"
    table = anthropic.to_arrow(["announced", "valuation_usd_low"]).to_pylist()
    points = {row["announced"]: float(row["valuation_usd_low"]) for row in table}
    exact, approx = lines(ax, "exact"), lines(ax, "approx")
    assert len(exact) == len(approx) == 1
    day = dt.date(2025, 9, 2)
    assert exact[0].get_xdata()[0] == dt.datetime(2025, 9, 2, 12)  # the middle of the day
    assert exact[0].get_ydata()[0] == points[day]
    # Series G: "2026" only, so drawn across the year, its point in the middle.
    (period,) = lines(ax, "period")
    assert list(period.get_xdata()) == [dt.datetime(2026, 1, 1), dt.datetime(2027, 1, 1)]
    assert approx[0].get_xdata()[0] == dt.datetime(2026, 7, 2, 12)
    assert approx[0].get_ydata()[0] == points[dt.date(2026, 1, 1)]
    assert approx[0].get_markerfacecolor()[3] < 1
    assert texts(ax) == ["183 Mrd. $", "rund 380 Mrd. $"]
    assert "date known to the month or year" in ticks(ax.get_legend().get_texts())


def test_timeline_marks_bounds_with_open_markers(tmp_path: Path) -> None:
    ax = sample().funding_rounds.plot("timeline")
    rendered(ax, tmp_path, "timeline")
    (lower,) = lines(ax, "lower")
    assert lower.get_marker() == "^"
    assert lower.get_markerfacecolor() == "white"
    (upper,) = lines(ax, "upper")
    assert upper.get_marker() == "v"
    assert len(range_segments(ax)) == 1  # Aleph Alpha's 400–500 Mio. $
    names = ticks(ax.get_legend().get_texts())
    assert {"Anthropic", "Aleph Alpha", "Naver Cloud"} <= set(names)


# --- errors ------------------------------------------------------------------------------------


def test_missing_matplotlib_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib.pyplot", None)
    rounds = sample().funding_rounds
    with pytest.raises(ImportError, match=r"needs matplotlib; .*pip install 'aieco\[plot\]'"):
        rounds.plot()
    with pytest.raises(ImportError, match=r"Groups.plot\(\) needs matplotlib"):
        rounds.group_by("year").plot()


def test_bad_arguments_are_clear_errors() -> None:
    ds = sample()
    with pytest.raises(ValueError, match="draws 'largest', 'timeline', 'totals', not 'pie'"):
        ds.funding_rounds.plot("pie")
    with pytest.raises(ValueError, match="field must be one of amount, valuation, not 'budget'"):
        ds.funding_rounds.plot(field="budget")
    with pytest.raises(ValueError, match="n must be a positive int, not 0"):
        ds.funding_rounds.plot(n=0)
    with pytest.raises(TypeError, match="companies have no amounts to draw"):
        ds.companies.plot()
    with pytest.raises(TypeError, match="groups of one or two keys, not 3"):
        ds.funding_rounds.group_by("region", "year", "round_type").plot()
    with pytest.raises(aieco.ValidationError, match="currency"):
        ds.funding_rounds.plot(currency="dollars")


# --- the labels' rounding is honest ------------------------------------------------------------


def test_readable_keeps_what_a_bound_says() -> None:
    def usd(text: str, qualifier: Qualifier = Qualifier.EXACT) -> Amount:
        return Amount(Decimal(text), unit="USD", qualifier=qualifier)

    assert readable(usd("3247141406.25")) == usd("3250000000", Qualifier.APPROX)
    assert readable(usd("100400000", Qualifier.AT_LEAST)) == usd("100000000", Qualifier.AT_LEAST)
    assert readable(usd("100600000", Qualifier.AT_LEAST)) == usd("100000000", Qualifier.AT_LEAST)
    assert readable(usd("100400000", Qualifier.AT_MOST)) == usd("101000000", Qualifier.AT_MOST)
    assert readable(usd("13000000000")) == usd("13000000000")
    assert readable(usd("0")) == usd("0")


@given(
    st.decimals(min_value=1, max_value=Decimal("1E+15"), places=2, allow_nan=False),
    st.sampled_from(list(Qualifier)),
)
def test_readable_is_never_a_stronger_claim(value: Decimal, qualifier: Qualifier) -> None:
    amount = Amount(value, unit="EUR", qualifier=qualifier)
    shown = readable(amount)
    if shown == amount:
        return
    assert len(shown.low.normalize().as_tuple().digits) <= 3
    if qualifier in (Qualifier.AT_LEAST, Qualifier.MORE_THAN):
        assert shown.low <= value
        assert shown.qualifier is qualifier
    elif qualifier in (Qualifier.AT_MOST, Qualifier.LESS_THAN):
        assert shown.low >= value
        assert shown.qualifier is qualifier
    else:
        assert shown.qualifier is Qualifier.APPROX
        assert abs(shown.low - value) <= Decimal("0.005") * value


# --- the docs' pictures ------------------------------------------------------------------------


def test_the_docs_charts_are_drawn_by_the_hook(tmp_path: Path) -> None:
    """docs/hooks/charts.py draws every picture the docs show (the example's among them)."""
    import importlib.util

    root = Path(__file__).resolve().parent.parent
    spec = importlib.util.spec_from_file_location("charts_hook", root / "docs/hooks/charts.py")
    assert spec is not None
    assert spec.loader is not None
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    paths = hook.draw(tmp_path)
    assert [p.relative_to(tmp_path).as_posix() for p in paths] == list(hook.CHARTS)
    for path in paths:
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    shown = "".join(page.read_text(encoding="utf-8") for page in (root / "docs").glob("*.md"))
    for name in hook.CHARTS:
        assert f"]({name})" in shown  # each one is on a page


def test_labels_are_the_same_inside_a_callers_narrow_trapping_context(tmp_path: Path) -> None:
    # `abs()`, `**` and `scaleb` on a Decimal round in the caller's context: with prec=3 and
    # Rounded trapped, the labels of a range and of a rounded total raised decimal.Rounded.
    import decimal

    ds = aieco.load()
    expected = texts(ds.policies.plot("largest", currency="EUR"))
    with decimal.localcontext() as context:
        context.prec = 3
        for signal in (decimal.Rounded, decimal.Inexact, decimal.Clamped):
            context.traps[signal] = True
        ax = ds.policies.plot("largest", currency="EUR")
        text = aieco.format_amount(Amount.range(Decimal("1234567"), Decimal("2345678"), "EUR"))
    rendered(ax, tmp_path, "narrow")
    assert texts(ax) == expected
    assert "750–800 Mrd. €" in expected
    assert text == aieco.format_amount(Amount.range(Decimal("1234567"), Decimal("2345678"), "EUR"))
