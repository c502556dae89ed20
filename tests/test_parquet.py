"""Parquet: dump and load round-trip, checks at load done on columns, convert-data."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from hypothesis import given
from hypothesis import strategies as st

import aieco
from aieco import Amount, Company, Dataset, FundingRound, Money, ValidationError
from aieco.cli import main
from tests.fixtures.sample import sample


def _write(tmp_path: Path, ds: Dataset | None = None) -> Path:
    return aieco.dump(ds or sample(), tmp_path / "data.parquet")


def _edit(folder: Path, table: str, change: Any) -> None:
    """Rewrite a file; ``kind.column`` rewrites the items of a list column as a table."""
    name, _, column = table.partition(".")
    path = folder / f"{name}.parquet"
    if column:
        change = _on_items(column, change)
    pq.write_table(change(pq.read_table(path)), path)


def _on_items(column: str, change: Any) -> Any:
    """``change`` applied to the table of a list column's items (each row one item)."""

    def changed(table: pa.Table) -> pa.Table:
        lists = table.column(column).combine_chunks()
        items = pa.Table.from_struct_array(lists.flatten())
        items = change(items)
        columns = [c.combine_chunks() for c in items.columns]
        values = pa.StructArray.from_arrays(columns, names=items.column_names)
        nested = pa.ListArray.from_arrays(lists.offsets, values)
        return table.set_column(table.schema.get_field_index(column), column, nested)

    return changed


def _replace(table: pa.Table, column: str, values: list[Any], kind: Any = None) -> pa.Table:
    index = table.schema.get_field_index(column)
    array = pa.array(values, kind or table.schema.field(column).type)
    return table.set_column(index, column, array)


def test_round_trip_keeps_every_record(tmp_path: Path) -> None:
    """dump(format='parquet') then load gives an equal Dataset, and the same JSON back."""
    for ds in (sample(), aieco.load()):
        folder = aieco.dump(ds, tmp_path / "x.parquet")
        assert folder.is_dir()
        assert {p.name for p in folder.iterdir()} == {
            f"{name}.parquet"
            for name in ("sources", "companies", "investors", "funding_rounds", "policies")
        }
        back = aieco.load(folder)
        assert ds == back
        assert [r.id for r in ds.funding_rounds] == [r.id for r in back.funding_rounds]
        aieco.dump(ds, tmp_path / "a.json")
        aieco.dump(back, tmp_path / "b.json")
        assert (tmp_path / "a.json").read_text() == (tmp_path / "b.json").read_text()


def test_queries_on_parquet_data_agree(tmp_path: Path) -> None:
    """The same questions give the same answers on the Parquet-loaded dataset."""
    ds = aieco.load()
    back = aieco.load(aieco.dump(ds, tmp_path / "x.parquet"))
    for build in (
        lambda d: d.funding_rounds.where(min_amount="1 Mrd. USD"),
        lambda d: d.funding_rounds.where(region="Europe", since=2025),
        lambda d: d.rounds_for("Mistral AI"),
        lambda d: d.investments_by("Nvidia"),
        lambda d: d.funding_rounds.sort_by("amount", descending=True),
    ):
        assert [r.id for r in build(ds)] == [r.id for r in build(back)]
    assert ds.funding_rounds.group_by("region", "year").total("USD") == (
        back.funding_rounds.group_by("region", "year").total("USD")
    )
    assert ds.company("mistral") == back.company("mistral")


def test_exact_amounts_survive(tmp_path: Path) -> None:
    """Decimals travel exactly, with cents, ranges and very large values."""
    amounts = [
        Amount(Decimal("1500000000.25"), unit="EUR"),
        Amount.range(Decimal("0.001"), Decimal("12345678901234567890123456789"), "USD"),
        None,
    ]
    ds = Dataset(
        companies=[Company("c", "C", "US")],
        funding_rounds=[FundingRound(f"r{i}", "c", amount=a) for i, a in enumerate(amounts)],
    )
    back = aieco.load(aieco.dump(ds, tmp_path / "x.parquet"))
    assert amounts == [r.amount for r in back.funding_rounds]


@pytest.mark.parametrize(
    ("table", "column", "values", "message"),
    [
        ("companies", "country", ["XX"], "companies.parquet[0].country: 'XX' is not an ISO"),
        ("companies", "id", ["Bad Id"], "companies.parquet[0].id: 'Bad Id'"),
        ("companies", "name", [" Mistral"], "must not start or end with whitespace"),
        ("funding_rounds", "company_id", ["nobody"], "does not name a company"),
        ("funding_rounds", "round_type", ["series_z"], "is not a RoundType"),
        ("funding_rounds", "amount_unit", ["EURO"], "is not a currency code"),
        ("funding_rounds", "id", ["anthropic-f"], "repeats the id of"),
        ("companies", "founded", [1200], "is not a plausible founding year"),
        (
            "funding_rounds.participants",
            "investor_id",
            ["ghost"],
            "funding_rounds.parquet[0].participants[0].investor_id: 'ghost' does not name an inv",
        ),
        (
            "companies.sources",
            "source_id",
            ["s9"],
            "companies.parquet[5].sources[0].source_id: 's9' does not name a source",
        ),
        (
            "funding_rounds.sources",
            "quote",
            [" padded"],
            "funding_rounds.parquet[0].sources[0].quote: ' padded' must not start or end with",
        ),
        (
            "funding_rounds.participants",
            "investor_id",
            ["a16z", "a16z"],
            "funding_rounds.parquet[0].participants[1].investor_id: None names an investor a sec",
        ),
        ("companies", "id", ["mistral-aI"], "companies.parquet[0].id: 'mistral-aI'"),
        ("companies", "id", ["mistral-"], "companies.parquet[0].id: 'mistral-'"),
        ("companies", "name", ["Mistral AI\u200b"], "companies.parquet[0].name"),
        ("companies", "name", ["Mistral AI\u3000"], "companies.parquet[0].name"),
        ("companies", "name", ["", "Aleph"], "companies.parquet[0].name: '' must not be empty"),
        ("companies", "name", ["x", "MISTRAL"], "parquet[0].aliases[0]: 'Mistral' is ambiguous"),
        (
            "companies",
            "name",
            ["Mistral AI", "Mistràl  AI"],
            "parquet[1].name: 'Mistràl  AI' is ambig",
        ),
        ("companies", "aliases", [["M", "M"]], "companies.parquet[0].aliases"),
        (
            "investors",
            "aliases",
            [[], ["asml"]],
            "investors.parquet[1].aliases[0]: 'asml' is ambig",
        ),
    ],
)
def test_problems_are_found_on_columns(
    tmp_path: Path, table: str, column: str, values: list[Any], message: str
) -> None:
    """A bad value in a column is a ValidationError naming the file, row and column."""
    folder = _write(tmp_path)

    def change(t: pa.Table) -> pa.Table:
        current = t.column(column).to_pylist()
        kind = t.schema.field(column).type
        if pa.types.is_dictionary(kind):
            kind = pa.string()
        return _replace(t, column, values + current[len(values) :], kind)

    _edit(folder, table, change)
    with pytest.raises(ValidationError, match=re.escape(message)):
        aieco.load(folder)


def test_negative_amounts_and_date_precision(tmp_path: Path) -> None:
    """Amount and date rules hold on columns too."""
    folder = _write(tmp_path)

    def change(t: pa.Table) -> pa.Table:
        low = t.column("amount_low").to_pylist()
        low[0] = -low[0]
        t = _replace(t, "amount_low", low)
        precision = t.column("announced_precision").cast(pa.string()).to_pylist()
        precision[1] = "year"
        return _replace(t, "announced_precision", precision, pa.string())

    _edit(folder, "funding_rounds", change)
    with pytest.raises(ValidationError) as caught:
        aieco.load(folder)
    text = str(caught.value)
    assert "funding_rounds.parquet[0].amount_low" in text
    assert "must not be negative" in text
    assert "funding_rounds.parquet[1].announced: " in text


def test_unknown_columns_and_ambiguous_names(tmp_path: Path) -> None:
    """An unknown column is refused; two companies with one name are ambiguous."""
    folder = _write(tmp_path)
    _edit(folder, "investors", lambda t: t.append_column("extra", pa.array([1] * t.num_rows)))
    with pytest.raises(ValidationError, match=r"investors.parquet.extra: 'extra' is not a known"):
        aieco.load(folder)
    folder = _write(tmp_path)
    _edit(
        folder,
        "companies",
        lambda t: _replace(t, "name", ["Anthropic", *t.column("name").to_pylist()[1:]]),
    )
    with pytest.raises(ValidationError, match="is ambiguous"):
        aieco.load(folder)


def test_dump_never_overwrites_other_folders(tmp_path: Path) -> None:
    """A folder with other files is not replaced; an aieco Parquet folder is."""
    other = tmp_path / "mine.parquet"
    other.mkdir()
    (other / "notes.txt").write_text("keep me")
    with pytest.raises(FileExistsError):
        aieco.dump(sample(), other)
    assert "keep me" == (other / "notes.txt").read_text()
    folder = _write(tmp_path)
    aieco.dump(aieco.load(), folder)
    assert 18 == len(aieco.load(folder).funding_rounds)


def test_convert_data_command(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The convert-data command converts both ways and checks the input."""
    source = aieco.dump(aieco.load(), tmp_path / "all.json")
    assert 0 == main(["convert-data", str(source), str(tmp_path / "all.parquet")])
    assert "wrote 83 records" in capsys.readouterr().out
    assert 0 == main(["convert-data", str(tmp_path / "all.parquet"), str(tmp_path / "back.json")])
    assert source.read_text() == (tmp_path / "back.json").read_text()
    (tmp_path / "bad.json").write_text('{"companies": [{"id": "x", "name": "X", "country": "XX"}]}')
    assert 1 == main(["convert-data", str(tmp_path / "bad.json"), str(tmp_path / "o.parquet")])
    assert "'XX' is not an ISO" in capsys.readouterr().err
    assert not (tmp_path / "o.parquet").exists()


def test_records_read_from_columns_equal_checked_ones(tmp_path: Path) -> None:
    """Records built from checked columns (without re-running the checks) equal constructed ones."""
    ds = aieco.load()
    back = aieco.load(aieco.dump(ds, tmp_path / "x.parquet"))
    for kind in ("sources", "companies", "investors", "funding_rounds", "policies"):
        for mine, theirs in zip(getattr(ds, kind), getattr(back, kind), strict=True):
            assert mine == theirs
            assert hash(mine) == hash(theirs)
            assert repr(mine) == repr(type(mine)(**attrs.asdict(theirs, recurse=False)))


def test_round_trip_near_the_limit(tmp_path: Path) -> None:
    """50 significant digits need decimal256: the loader keeps it instead of failing on it."""
    near = Decimal("12345678901234567890123456789.12345678901234567891")
    ds = Dataset(
        companies=[Company("c", "C", "DE")],
        funding_rounds=[
            FundingRound("r1", "c", amount=Amount(near, unit="EUR")),
            FundingRound("r2", "c", amount=Amount.range(Decimal("1E-20"), near, "EUR")),
        ],
    )
    back = aieco.load(_write(tmp_path, ds))
    assert list(back.funding_rounds) == list(ds.funding_rounds)
    assert back.funding_rounds.where(min_amount=Money(near, "EUR")).first().id == "r1"


@pytest.mark.parametrize(
    ("table", "column", "values", "kind"),
    [
        ("companies", "name", [123], pa.int64()),
        ("companies", "founded", ["2019"], pa.string()),
        ("companies", "founded", [2019.0], pa.float64()),
        ("funding_rounds", "amount_low", [1.5], pa.float64()),
        ("funding_rounds", "amount_low", ["1.5"], pa.string()),
        ("funding_rounds", "round_type", [3], pa.int8()),
        ("funding_rounds.participants", "lead", [1], pa.int8()),
    ],
)
def test_a_wrong_typed_column_is_a_problem(
    tmp_path: Path, table: str, column: str, values: list[Any], kind: Any
) -> None:
    """No silent cast across type families (an int name is not "123"): the column is named."""
    folder = _write(tmp_path)

    def change(t: pa.Table) -> pa.Table:
        rest = [values[0]] * (t.num_rows - 1)
        return _replace(t, column, values + rest, kind)

    _edit(folder, table, change)
    name, _, items = table.partition(".")
    where = f"{name}.parquet.{items}" if items else f"{table}.parquet"
    with pytest.raises(ValidationError, match=re.escape(f"{where}.{column}: ")) as caught:
        aieco.load(folder)
    assert "has the wrong type" in str(caught.value)


def _with_participant_amounts() -> Dataset:
    """The sample with a participant's amount and stake in its second round."""
    from aieco import Participation

    ds = sample()
    rounds = list(ds.funding_rounds)
    first = next(i for i, r in enumerate(rounds) if len(r.participants) >= 2)
    lead, *rest = rounds[first].participants
    stake = Amount(Decimal("12.5"), unit="%")
    paid = Amount(Decimal("250000000"), unit="EUR", qualifier=aieco.Qualifier.APPROX)
    rounds[first] = attrs.evolve(
        rounds[first],
        participants=(attrs.evolve(lead, amount=paid, stake=stake), *rest),
    )
    assert isinstance(lead, Participation)
    return Dataset(
        sources=ds.sources,
        companies=ds.companies,
        investors=ds.investors,
        funding_rounds=rounds,
        policies=ds.policies,
    )


def test_list_columns_keep_sparse_item_fields(tmp_path: Path) -> None:
    """One participant's amount and stake among nulls travel (the null ones are skipped)."""
    ds = _with_participant_amounts()
    back = aieco.load(_write(tmp_path, ds))
    assert ds == back
    # Written by another tool with other names for the list levels: read the same way.
    folder = _write(tmp_path, ds)
    path = folder / "funding_rounds.parquet"
    pq.write_table(pq.read_table(path), path, use_compliant_nested_type=False)
    assert ds == aieco.load(folder)


def test_a_bad_enum_in_a_list_column_names_its_item(tmp_path: Path) -> None:
    """A participant's bad qualifier: the record's row, the item's place, the value."""
    ds = _with_participant_amounts()
    folder = _write(tmp_path, ds)
    row = next(i for i, r in enumerate(ds.funding_rounds) if r.participants[0].amount)

    def change(items: pa.Table) -> pa.Table:
        values = items.column("amount_qualifier").cast(pa.string()).to_pylist()
        values = ["sort of" if v is not None else None for v in values]
        return _replace(items, "amount_qualifier", values, pa.string())

    _edit(folder, "funding_rounds.participants", change)
    with pytest.raises(ValidationError) as caught:
        aieco.load(folder)
    assert (
        f"funding_rounds.parquet[{row}].participants[0].amount_qualifier: 'sort of' "
        "is not a Qualifier"
    ) in str(caught.value)


def test_duplicate_ids_in_every_kind(tmp_path: Path) -> None:
    """A repeated id is named with the row it repeats, whichever table it is in."""
    for table in ("sources", "investors", "funding_rounds", "policies"):
        folder = _write(tmp_path)

        def change(t: pa.Table) -> pa.Table:
            ids = t.column("id").to_pylist()
            return _replace(t, "id", [ids[0], ids[0], *ids[2:]])

        _edit(folder, table, change)
        with pytest.raises(ValidationError) as caught:
            aieco.load(folder)
        assert f"{table}.parquet[1].id: " in str(caught.value)
        assert f"repeats the id of {table}.parquet[0]" in str(caught.value)


def test_broken_list_columns(tmp_path: Path) -> None:
    """A list column that is not a list of records, or a null item in it, is a problem."""
    folder = _write(tmp_path)
    _edit(
        folder,
        "funding_rounds",
        lambda t: _replace(t, "participants", [["a16z"]] * t.num_rows, pa.list_(pa.string())),
    )
    with pytest.raises(
        ValidationError, match=re.escape("funding_rounds.parquet.participants: 'list<")
    ):
        aieco.load(folder)
    folder = _write(tmp_path)

    def null_item(t: pa.Table) -> pa.Table:
        lists = t.column("sources").combine_chunks()
        values = lists.flatten()
        mask = pa.array([i == 0 for i in range(len(values))])
        items = pa.StructArray.from_arrays(values.flatten(), fields=list(values.type), mask=mask)
        nested = pa.ListArray.from_arrays(lists.offsets, items)
        return t.set_column(t.schema.get_field_index("sources"), "sources", nested)

    _edit(folder, "funding_rounds", null_item)
    with pytest.raises(
        ValidationError, match=r"funding_rounds.parquet\[0\].sources\[0\]: None is not a record"
    ):
        aieco.load(folder)


def test_the_first_layout_is_refused_clearly(tmp_path: Path) -> None:
    """A folder with the separate participations/citations files of the first layout."""
    folder = _write(tmp_path)
    pq.write_table(
        pa.table({"round_id": ["r"], "investor_id": ["a16z"]}), folder / "participations.parquet"
    )
    with pytest.raises(
        ValidationError, match=r"participations\.parquet: .* is not part of aieco's Parquet format"
    ):
        aieco.load(folder)


def _decimal_column(values: list[Any], kind: Any) -> pa.Array:
    return pa.array([None if v is None else Decimal(v) for v in values], kind)


@pytest.mark.parametrize(
    ("column", "value", "kind", "message"),
    [
        (
            "amount_low",
            "1E+30",
            pa.decimal256(40, 0),
            "funding_rounds.parquet[0].amount_low: Decimal('1000000000000000000000000000000')",
        ),
        (
            "amount_high",
            "0.000000000000000000001",
            pa.decimal128(38, 21),
            "funding_rounds.parquet[0].amount_high: Decimal('1E-21')",
        ),
        ("amount_low", "-5", None, "funding_rounds.parquet[0].amount_low: Decimal('-5')"),
        ("amount_low", "1E+20", None, "must not be above high"),
    ],
)
def test_amounts_out_of_range_are_refused(
    tmp_path: Path, column: str, value: str, kind: Any, message: str
) -> None:
    """The model's limit (below 10**30, at most 20 decimals), no negatives, low <= high."""
    folder = _write(tmp_path)

    def change(t: pa.Table) -> pa.Table:
        values = t.column(column).to_pylist()
        values[0] = Decimal(value)
        wanted = kind or pa.decimal128(38, 0)
        t = _replace(t, column, values, wanted)
        if kind is not None:  # the other bound in the same type, so both are readable
            other = "amount_high" if column == "amount_low" else "amount_low"
            t = _replace(t, other, t.column(other).to_pylist(), wanted)
        return t

    _edit(folder, "funding_rounds", change)
    with pytest.raises(ValidationError, match=re.escape(message)):
        aieco.load(folder)


def test_a_stake_over_100_percent_and_a_partial_amount(tmp_path: Path) -> None:
    """A participant's stake above 100 %, a round amount without its unit: both named."""
    folder = _write(tmp_path, _with_participant_amounts())

    def stake(items: pa.Table) -> pa.Table:
        values = [
            None if v is None else Decimal(150) for v in items.column("stake_high").to_pylist()
        ]
        return _replace(items, "stake_high", values)

    _edit(folder, "funding_rounds.participants", stake)

    def unit(t: pa.Table) -> pa.Table:
        units = t.column("amount_unit").cast(pa.string()).to_pylist()
        return _replace(t, "amount_unit", [None, *units[1:]], pa.string())

    _edit(folder, "funding_rounds", unit)
    with pytest.raises(ValidationError) as caught:
        aieco.load(folder)
    text = str(caught.value)
    assert "participants[0].stake_high: Decimal('150.0') must not exceed 100 %" in text
    assert "funding_rounds.parquet[0].amount_low: " in text
    assert "must all be given or all be missing" in text


def test_amounts_are_written_as_int64_decimals_when_they_fit(tmp_path: Path) -> None:
    """Amounts within 18 digits are Parquet INT64 decimals; they load as decimal128(38, s)."""
    ds = Dataset(
        companies=[Company("c", "C", "US")],
        funding_rounds=[
            FundingRound("small", "c", amount=Amount(Decimal("1500000000.25"), unit="EUR")),
            FundingRound("big", "c", amount=Amount(Decimal("12345678901234567890"), unit="EUR")),
        ],
    )
    folder = _write(
        tmp_path, Dataset(companies=ds.companies, funding_rounds=[ds.funding_rounds[0]])
    )
    metadata = pq.ParquetFile(folder / "funding_rounds.parquet").metadata
    physical = {
        metadata.schema.column(i).path: metadata.schema.column(i).physical_type
        for i in range(len(metadata.schema))
    }
    assert physical["amount_low"] == "INT64"
    back = aieco.load(folder)
    table = back.columns("funding_rounds").table
    assert table.schema.field("amount_low").type == pa.decimal128(38, 2)
    assert back.funding_rounds[0].amount == ds.funding_rounds[0].amount
    # Past 18 digits: 16-byte decimals, as before.
    folder = _write(tmp_path, ds)
    metadata = pq.ParquetFile(folder / "funding_rounds.parquet").metadata
    assert metadata.schema.column(5).physical_type == "FIXED_LEN_BYTE_ARRAY"
    assert aieco.load(folder) == ds


def test_narrow_decimals_from_another_tool_are_widened(tmp_path: Path) -> None:
    """decimal(10, 2) stored as INT32/INT64 by another writer reads the same values."""
    folder = _write(tmp_path)
    _edit(
        folder,
        "funding_rounds",
        lambda t: t.set_column(
            t.schema.get_field_index("valuation_low"),
            "valuation_low",
            t.column("valuation_low").cast(pa.decimal128(15, 0)),
        ),
    )
    path = folder / "funding_rounds.parquet"
    table = pq.read_table(path)
    pq.write_table(table, path, store_decimal_as_integer=True)
    assert aieco.load(folder) == sample()


@pytest.mark.parametrize(
    "dates",
    [
        ["2025-03-01", "2025-01-01"],  # a span of days: looked up per day
        ["0001-03-01", "9999-01-01"],  # far apart: computed on the dates themselves
    ],
)
def test_a_date_that_does_not_fit_its_precision(tmp_path: Path, dates: list[str]) -> None:
    """A 'year' date that is not 1 January is refused, whatever the span of the dates."""
    import datetime as dt

    folder = _write(tmp_path)

    def change(t: pa.Table) -> pa.Table:
        days = [dt.date.fromisoformat(d) for d in dates] + t.column("announced").to_pylist()[2:]
        precision = ["year", "year", *t.column("announced_precision").to_pylist()[2:]]
        t = _replace(t, "announced", days, pa.date32())
        return _replace(t, "announced_precision", precision, pa.string())

    _edit(folder, "funding_rounds", change)
    with pytest.raises(ValidationError) as caught:
        aieco.load(folder)
    text = str(caught.value)
    assert (
        f"funding_rounds.parquet[0].announced: datetime.date({dates[0][:4].lstrip('0')}, 3, 1)"
        in text
    )
    assert "does not fit its precision" in text
    assert "funding_rounds.parquet[1]" not in text


def test_problems_of_several_files_come_in_one_order(tmp_path: Path) -> None:
    """The tables are checked on threads; the problems still come in a fixed order."""
    import threading

    folder = _write(tmp_path)
    _edit(folder, "companies", lambda t: _replace(t, "country", ["XX"] * t.num_rows))
    _edit(
        folder,
        "funding_rounds",
        lambda t: _replace(t, "round_type", ["bad"] * t.num_rows, pa.string()),
    )
    _edit(folder, "funding_rounds.sources", lambda t: _replace(t, "quote", [" x"] * t.num_rows))
    before = threading.active_count()
    messages = set()
    for _ in range(5):
        with pytest.raises(ValidationError) as caught:
            aieco.load(folder)
        messages.add(str(caught.value))
    assert len(messages) == 1
    text = messages.pop()
    # Kinds in order; a kind's list columns before its own columns.
    quote = text.index("funding_rounds.parquet[0].sources[0].quote")
    assert text.index("companies.parquet[0].country") < quote
    assert quote < text.index("funding_rounds.parquet[0].round_type")
    assert threading.active_count() == before  # the load's threads are gone


def test_a_file_that_is_not_parquet(tmp_path: Path) -> None:
    """A broken file is named; no thread is left behind."""
    import threading

    folder = _write(tmp_path)
    (folder / "investors.parquet").write_bytes(b"PAR1 not really")
    before = threading.active_count()
    with pytest.raises(ValidationError, match=r"investors\.parquet: .* is not a Parquet file"):
        aieco.load(folder)
    assert threading.active_count() == before


def test_repeated_ids_past_16_bytes_and_at_the_end(tmp_path: Path) -> None:
    """Ids are compared by a hash first: long ids, and the last ids of the column, too."""
    long_id = "a-very-long-funding-round-identifier-" + "x" * 40
    rounds = [FundingRound(f"r{i}", "c") for i in range(20)]
    ds = Dataset(companies=[Company("c", "C", "US")], funding_rounds=rounds)
    for ids, repeated in (
        ([long_id, *(f"r{i}" for i in range(1, 19)), long_id], 19),
        ([f"r{i}" for i in range(19)] + ["r18"], 19),
        (["r0", *(f"{long_id}{i}" for i in range(1, 19)), f"{long_id}3"], 19),
    ):
        folder = _write(tmp_path, ds)
        _edit(folder, "funding_rounds", lambda t, ids=ids: _replace(t, "id", ids))
        with pytest.raises(ValidationError) as caught:
            aieco.load(folder)
        first = ids.index(ids[repeated])
        assert (
            f"funding_rounds.parquet[{repeated}].id: {ids[repeated]!r} repeats the id of "
            f"funding_rounds.parquet[{first}]"
        ) in str(caught.value)


_TEXTS = st.text(alphabet=st.sampled_from("ab-\x00é€𝄞 "), max_size=40)


@given(st.lists(_TEXTS, max_size=30), st.integers(0, 3))
def test_string_hashes_depend_only_on_the_string(values: list[str], cut: int) -> None:
    """Equal strings hash equal, whatever else is in the column, sliced or not.

    Every repeated string is among the positions `_sharing` returns.
    """
    from aieco._parquet import _sharing, _string_hashes

    array = pa.array(values, pa.string())
    sliced = array.slice(min(cut, len(values)))
    for column, texts in ((array, values), (sliced, values[min(cut, len(values)) :])):
        hashes = _string_hashes(column).tolist()
        alone = [int(_string_hashes(pa.array([t], pa.string()))[0]) for t in texts]
        assert hashes == alone
        repeated = {i for i, t in enumerate(texts) if texts.count(t) > 1}
        assert repeated <= set(_sharing(_string_hashes(column)).tolist())
