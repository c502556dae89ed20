"""The listing options (#10): --format, --limit, --sort, filters, widths, labels, suggestions."""

from __future__ import annotations

import csv
import io
import json
import re
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

import aieco
from aieco._fold import fold
from aieco._labels import enum_label
from aieco._views import COLUMNS
from aieco.cli._layout import MIN_CELL, display_width, table
from tests.test_cli import fails, ok, rows_of, run

LISTINGS = ["rounds", "companies", "investors", "policies"]
KINDS = {
    "rounds": "funding_rounds",
    "companies": "companies",
    "investors": "investors",
    "policies": "policies",
}


@pytest.fixture(scope="module")
def ds() -> aieco.Dataset:
    """The bundled dataset."""
    return aieco.load()


@pytest.fixture(autouse=True)
def no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """No COLUMNS unless a test sets it: tables are as wide as their cells."""
    monkeypatch.delenv("COLUMNS", raising=False)


def ids_json(*argv: str) -> list[str]:
    """The ids of the records a listing writes with --format json, in order."""
    return [record["id"] for record in json.loads(ok(*argv, "--format", "json"))]


def csv_rows(*argv: str) -> list[dict[str, str]]:
    """The rows of a listing's --format csv, parsed."""
    return list(csv.DictReader(io.StringIO(ok(*argv, "--format", "csv"))))


def cells(line: str) -> list[str]:
    """A table line split into its cells (columns are two or more spaces apart)."""
    return re.split(r"\s{2,}", line.strip())


# --- --format --------------------------------------------------------------------------------


@pytest.mark.parametrize("command", LISTINGS)
def test_format_json_is_json(command: str) -> None:
    """--format json writes exactly what --json writes, before or after the command."""
    by_format = ok(command, "--format", "json")
    assert by_format == ok(command, "--json") == ok("--json", command)
    assert isinstance(json.loads(by_format), list)


@pytest.mark.parametrize("command", LISTINGS)
def test_format_csv_has_the_same_records_in_the_same_order(command: str) -> None:
    """CSV rows are the records of the JSON, in the listing's order, with the export columns."""
    rows = csv_rows(command)
    assert [row["id"] for row in rows] == ids_json(command)
    assert rows, command
    assert "name" in rows[0] or "company" in rows[0]


def test_format_csv_amounts_are_exact(ds: aieco.Dataset) -> None:
    """The CSV of rounds has each amount's exact bounds and unit, as Decimal text."""
    for row in csv_rows("rounds", "--min", "1 Mrd. USD"):
        record = ds.funding_round(row["id"])
        assert record.amount is not None
        assert Decimal(row["amount_low"]) == record.amount.low
        assert Decimal(row["amount_high"]) == record.amount.high
        assert row["amount_unit"] == record.amount.unit


def test_format_csv_labels_and_lists(ds: aieco.Dataset) -> None:
    """CSV cells use the export's labels ("AI lab") and join lists with "; "."""
    (mistral,) = [r for r in csv_rows("companies", "--country", "FR") if r["id"] == "mistral-ai"]
    assert mistral["category"] == "AI lab"
    assert mistral["aliases"] == "; ".join(ds.company("mistral-ai").aliases)


def test_json_and_another_format_is_a_usage_error() -> None:
    err = fails("rounds", "--json", "--format", "csv", expected_status=2)
    assert "--format: csv and --json ask for two formats" in err


def test_empty_csv_has_its_header() -> None:
    """No match: the CSV is the header alone (a spreadsheet still gets the columns)."""
    lines = ok("rounds", "--since", "2099", "--format", "csv").splitlines()
    assert 1 == len(lines)
    assert lines[0].startswith('"id"')


# --- --limit ---------------------------------------------------------------------------------


@pytest.mark.parametrize("command", LISTINGS)
def test_limit_keeps_the_first_records(command: str) -> None:
    """--limit N: the first N of the same order, in every format."""
    everything = ids_json(command)
    assert len(everything) > 2
    assert everything[:2] == ids_json(command, "--limit", "2")
    assert everything[:2] == [r["id"] for r in csv_rows(command, "--limit", "2")]
    assert 2 == len(rows_of(ok(command, "--limit", "2")))
    assert everything == ids_json(command, "--limit", str(len(everything) + 5))


def test_limit_footer_counts_all_matches(ds: aieco.Dataset) -> None:
    """The summary counts (and totals) every match and says how many are shown."""
    out = ok("rounds", "--limit", "3")
    assert out.splitlines()[-1].startswith(f"{len(ds.funding_rounds)} funding rounds (3 shown), ")
    assert ok("rounds").splitlines()[-1].split(", ", 1)[1] == out.splitlines()[-1].split(", ", 1)[1]


@pytest.mark.parametrize("value", ["0", "-1", "two", "1.5"])
def test_limit_must_be_a_positive_whole_number(value: str) -> None:
    err = fails("companies", "--limit", value, expected_status=2)
    assert "--limit: " in err.splitlines()[-1]


# --- --sort and --reverse --------------------------------------------------------------------


def test_sort_amount_is_largest_first_in_usd() -> None:
    """--sort amount: USD values never grow down the list; rounds without an amount last."""
    rows = csv_rows("rounds", "--sort", "amount")
    values = [Decimal(r["amount_usd_low"]) if r["amount_usd_low"] else None for r in rows]
    present = [v for v in values if v is not None]
    assert present == sorted(present, reverse=True)
    assert values == present + [None] * (len(values) - len(present))


def test_sort_reverse_is_smallest_first() -> None:
    rows = csv_rows("rounds", "--sort", "amount", "--reverse")
    present = [Decimal(r["amount_usd_low"]) for r in rows if r["amount_usd_low"]]
    assert present == sorted(present)


def test_sort_date_is_the_newest_first_order(ds: aieco.Dataset) -> None:
    """--sort date gives the library's newest-first order; --reverse the oldest first."""
    newest = [r.id for r in ds.funding_rounds.newest_first()]
    assert newest == ids_json("rounds", "--sort", "date") == ids_json("rounds")
    oldest = ids_json("rounds", "--sort", "date", "--reverse")
    dated = [r for r in oldest if ds.funding_round(r).announced is not None]
    days = [ds.funding_round(r).announced.first_day for r in dated]  # type: ignore[union-attr]
    assert days == sorted(days)


def test_sort_name_is_alphabetical_without_case(ds: aieco.Dataset) -> None:
    names = [ds.company(i).name for i in ids_json("companies", "--sort", "name", "--reverse")]
    assert [fold(n) for n in names] == sorted((fold(n) for n in names), reverse=True)


def test_sort_by_a_count_column() -> None:
    """Investors by the rounds they took part in, busiest first (a column only the table has)."""
    out = ok("investors", "--sort", "rounds")
    counts = [int(cells(line)[-2]) for line in rows_of(out)]
    assert counts == sorted(counts, reverse=True)
    assert counts[0] > counts[-1]


def test_reverse_alone_reverses_the_default_order() -> None:
    assert ids_json("policies")[::-1] == ids_json("policies", "--reverse")


@pytest.mark.parametrize(
    ("command", "typo", "meant"),
    [("rounds", "amout", "amount"), ("companies", "nmae", "name"), ("investors", "Led ", "led")],
)
def test_sort_typo_suggests_the_column(command: str, typo: str, meant: str) -> None:
    if typo.strip().lower() == meant:  # case and spaces are forgiven
        assert ok(command, "--sort", typo)
        return
    err = fails(command, "--sort", typo, expected_status=2)
    assert f"--sort: {typo!r} is not a column; did you mean {meant!r}?" in err


def test_sort_columns_are_the_table_columns() -> None:
    """--sort takes the names of the table's columns; the help lists them."""
    for command, kind in KINDS.items():
        _, out, _ = run(command, "--help")
        assert ", ".join(c.name for c in COLUMNS[kind]) in " ".join(out.split())


# --- filters ---------------------------------------------------------------------------------


FILTERS = [
    (["companies", "--country", "FR,DE"], "companies", {"country": ["FR", "DE"]}),
    (["companies", "--country", "us"], "companies", {"country": "US"}),
    (["companies", "--region", "Europe"], "companies", {"region": "Europe"}),
    (["companies", "--category", "ai_lab"], "companies", {"category": "ai_lab"}),
    (["companies", "--category", "AI lab,chips"], "companies", {"category": ["ai_lab", "chips"]}),
    (["investors", "--kind", "corporate"], "investors", {"kind": "corporate"}),
    (["investors", "--country", "US"], "investors", {"country": "US"}),
    (["investors", "--region", "EU"], "investors", {"region": "EU"}),
    (["policies", "--jurisdiction", "EU"], "policies", {"jurisdiction": "EU"}),
    (["policies", "--region", "Europe"], "policies", {"region": "Europe"}),
    (["policies", "--kind", "regulation"], "policies", {"kind": "regulation"}),
    (["policies", "--status", "In force"], "policies", {"status": "in_force"}),
    (["policies", "--since", "2025"], "policies", {"since": 2025}),
    (["rounds", "--country", "FR,DE"], "funding_rounds", {"country": ["FR", "DE"]}),
]


@pytest.mark.parametrize(
    ("argv", "kind", "criteria"), FILTERS, ids=[" ".join(f[0]) for f in FILTERS]
)
def test_filters_are_where(
    ds: aieco.Dataset, argv: list[str], kind: str, criteria: dict[str, Any]
) -> None:
    """Each filter keeps exactly the records Query.where keeps with the same criterion."""
    expected = {record.id for record in getattr(ds, kind).where(**criteria)}
    found = ids_json(*argv)
    assert expected == set(found)
    assert 0 < len(found) < len(getattr(ds, kind))


@pytest.mark.parametrize(
    ("argv", "option"),
    [
        (["companies", "--category", "bakery"], "--category"),
        (["investors", "--kind", "angel"], "--kind"),
        (["policies", "--status", "dead"], "--status"),
        (["investors", "--country", "XX"], "--country"),
        (["policies", "--region", "Atlantis"], "--region"),
        (["companies", "--country", ","], "--country"),
    ],
)
def test_bad_filter_values_name_the_option(argv: list[str], option: str) -> None:
    err = fails(*argv, expected_status=2)
    assert err.splitlines()[-1].startswith(f"aieco: error: {option}: ")


# --- mistyped commands -----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typo", "meant"),
    [("round", "rounds"), ("compnies", "companies"), ("investor", "investors"), ("shwo", "show")],
)
def test_mistyped_command_suggests_one_line(typo: str, meant: str) -> None:
    status, out, err = run(typo)
    assert (2, "") == (status, out)
    assert [
        f"aieco: error: unknown command {typo!r}; did you mean {meant!r}? "
        "(aieco --help lists the commands)"
    ] == err.splitlines()


def test_unknown_command_without_a_close_one() -> None:
    status, _, err = run("--json", "xyzzy")
    assert 2 == status
    assert ["aieco: error: unknown command 'xyzzy' (aieco --help lists the commands)"] == (
        err.splitlines()
    )


# --- widths ----------------------------------------------------------------------------------


def test_wide_terminal_cuts_nothing(ds: aieco.Dataset, monkeypatch: pytest.MonkeyPatch) -> None:
    """COLUMNS=200: Mistral's six investors in full, no "…" anywhere (no fixed 32-cell cut)."""
    monkeypatch.setenv("COLUMNS", "200")
    out = ok("rounds", "--company", "mistral")
    mistral = ds.funding_rounds.where(company="mistral").first()
    names = ", ".join(
        ds.investor(p.investor_id).name + ("*" if p.lead else "")
        for p in sorted(mistral.participants, key=lambda p: not p.lead)
    )
    assert len(names) > 32
    assert names in out
    assert "…" not in out


def test_narrow_terminal_fits_the_table(monkeypatch: pytest.MonkeyPatch) -> None:
    """COLUMNS=100: every line fits; the names and investors are cut with "…", amounts never."""
    monkeypatch.setenv("COLUMNS", "100")
    out = ok("rounds")
    lines = out.splitlines()
    assert max(display_width(line) for line in lines) <= 100
    assert "…" in out
    monkeypatch.setenv("COLUMNS", "300")
    wide = ok("rounds")
    for narrow_row, wide_row in zip(rows_of(out), rows_of(wide), strict=True):
        narrow_cells, wide_cells = cells(narrow_row), cells(wide_row)
        assert narrow_cells[0] == wide_cells[0]  # the date
        assert narrow_cells[2:5] == wide_cells[2:5]  # round, amount, valuation: never cut


def test_too_narrow_terminal_cuts_to_the_floor(monkeypatch: pytest.MonkeyPatch) -> None:
    """COLUMNS=60 cannot hold the amounts: the cut columns stop at their header or MIN_CELL."""
    monkeypatch.setenv("COLUMNS", "60")
    lines = ok("rounds").splitlines()
    rule = lines[1].split("  ")
    headers = [c.header for c in COLUMNS["funding_rounds"]]
    for size, column, header in zip(rule, COLUMNS["funding_rounds"], headers, strict=True):
        if column.shrink:
            assert len(size) == max(display_width(header), MIN_CELL)
    assert display_width(lines[0]) > 60


def test_show_fits_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """`show` cuts its tables to the terminal and wraps its quotes there too."""
    monkeypatch.setenv("COLUMNS", "100")
    narrow = ok("show", "Mistral")
    assert max(display_width(line) for line in narrow.splitlines()) <= 100
    monkeypatch.setenv("COLUMNS", "200")
    wide = ok("show", "Mistral")
    assert "General Catalyst, Nvidia" in wide
    assert max(display_width(line) for line in wide.splitlines()) > 100


def test_invalid_columns_is_no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """COLUMNS that is not a number is ignored (no terminal here: nothing is cut)."""
    monkeypatch.setenv("COLUMNS", "wide")
    assert "…" not in ok("rounds")


texts = st.text(alphabet=st.characters(codec="utf-8", categories=("L", "N")), max_size=30)


@given(
    rows=st.lists(st.tuples(texts, texts, texts), min_size=1, max_size=5),
    width=st.integers(min_value=1, max_value=120),
)
def test_table_fits_any_width_it_can(rows: list[tuple[str, str, str]], width: int) -> None:
    """Shrinking columns fit the width when their floors allow; others are never cut."""
    lines = table(["A", "Name", "C"], rows, shrink=[False, True, False], width=width)
    fixed = [max([1, *(display_width(r[i]) for r in rows)]) for i in (0, 2)]
    floor = min(MIN_CELL, max([4, *(display_width(r[1]) for r in rows)]))
    if sum(fixed) + floor + 4 <= width:
        assert max(display_width(line) for line in lines) <= width
    for line, row in zip(lines[2:], rows, strict=True):
        assert line.startswith(row[0])  # the unshrinkable first column in full


# --- labels ----------------------------------------------------------------------------------


def test_tables_use_the_exports_labels(ds: aieco.Dataset) -> None:
    """Categories, kinds, statuses, round types and qualifiers by enum_label, never by value."""
    companies = ok("companies", "--category", "ai_lab")
    assert "AI lab" in companies
    assert "ai_lab" not in companies
    investors = ok("investors")
    assert "Venture capital" in investors
    assert "venture_capital" not in investors
    policies = ok("policies")
    assert "In force" in policies
    assert "in_force" not in policies
    assert "Series G" in ok("rounds")
    assert "About" in ok("extract", "-", stdin="rund 4 Mrd. USD\n")
    assert "qualifier  About" in ok("parse", "rund 4 Mrd. USD")
    show = ok("show", "ASML")
    assert enum_label(ds.company("asml").category) in show
    assert "semiconductor_equipment" not in show


def test_json_keeps_enum_values() -> None:
    """JSON is the contract: enum values, not labels."""
    records = json.loads(ok("companies", "--category", "ai_lab", "--json"))
    assert {"ai_lab"} == {r["category"] for r in records}


def test_cli_and_notebook_show_the_same_columns(ds: aieco.Dataset) -> None:
    """One definition: the table's headers are the HTML view's, in the same order."""
    for command, kind in KINDS.items():
        header = ok(command).splitlines()[0]
        headers = [c.header for c in COLUMNS[kind]]
        assert headers == cells(header)
        page = getattr(ds, kind)._repr_html_()
        assert "".join(f"<th>{h}</th>" for h in headers) in page
