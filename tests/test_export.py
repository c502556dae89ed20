"""Exports with real types: one definition of the columns for Arrow, pandas, polars and CSV."""

from __future__ import annotations

import csv
import importlib.util
from decimal import Decimal
from pathlib import Path

import pytest

import aieco
from aieco import Company, Dataset, ValidationError
from aieco._labels import enum_label
from aieco.model import RoundType
from tests.fixtures.sample import sample

pandas = pytest.importorskip("pandas")


def _exact_sum(column: object) -> Decimal:
    values = [Decimal(v) for v in pandas.Series(column).dropna()]
    return sum(values, Decimal(0))


@pytest.mark.parametrize("dataset", [sample, aieco.load], ids=["sample", "bundled"])
@pytest.mark.parametrize("currency", ["USD", "EUR"])
def test_normalised_sums_match_total(dataset: object, currency: str) -> None:
    """The exact normalised bounds sum to Query.total's bounds; the float column to its low."""
    rounds = dataset().funding_rounds  # type: ignore[operator]
    frame = rounds.to_pandas(currency=currency)
    total = rounds.total(currency)
    code = currency.lower()
    assert total.low == _exact_sum(frame[f"amount_{code}_low"])
    assert total.high == _exact_sum(frame[f"amount_{code}_high"])
    assert float(total.low) == pytest.approx(frame[f"amount_{code}"].sum(), rel=1e-12)


def test_round_dtypes() -> None:
    """Numbers are numbers, dates dates, enums categoricals of readable labels."""
    frame = aieco.load().funding_rounds.to_pandas()
    types = pandas.api.types
    assert frame["amount_usd"].dtype == "float64"
    assert isinstance(frame["amount_low"].dtype, pandas.ArrowDtype)
    assert frame["amount_usd_low"].dtype.pyarrow_dtype.scale == 2
    assert types.is_datetime64_any_dtype(frame["announced"])
    assert isinstance(frame["round_type"].dtype, pandas.CategoricalDtype)
    assert list(frame["round_type"].cat.categories) == [enum_label(m) for m in RoundType]
    assert "Series F" in set(frame["round_type"])
    assert {"Exact", "At least"} <= set(frame["amount_qualifier"].dropna())
    assert {"day", "month", "year"} >= set(frame["announced_precision"].dropna())
    # an amount given in euros keeps its own bounds and gets the converted ones beside them
    frame = sample().funding_rounds.to_pandas()
    euros = frame[frame["amount_unit"] == "EUR"]
    assert len(euros)
    for own, converted in zip(euros["amount_low"], euros["amount_usd_low"], strict=True):
        assert own != converted


def test_founded_is_an_integer() -> None:
    """The founding year is a nullable integer, not float."""
    frame = aieco.load().companies.to_pandas()
    assert str(frame["founded"].dtype) == "Int16"
    assert isinstance(frame["category"].dtype, pandas.CategoricalDtype)
    assert "AI lab" in set(frame["category"])


def test_group_sum_plots() -> None:
    """The notebook one-liner: a sum per country is numeric and plots (Agg) when matplotlib is."""
    frame = aieco.load().funding_rounds.to_pandas()
    sums = frame.groupby("country")["amount_usd"].sum()
    assert pandas.api.types.is_numeric_dtype(sums)
    assert sums["US"] > sums["FR"] > 0
    if importlib.util.find_spec("matplotlib") is not None:
        import matplotlib

        matplotlib.use("Agg")
        axes = sums.plot.bar()
        assert len(axes.patches) == len(sums)


def test_same_columns_everywhere(tmp_path: Path) -> None:
    """Arrow, pandas, polars and CSV have the same columns in the same order."""
    query = sample().funding_rounds
    names = query.to_arrow().column_names
    assert names == list(query.to_pandas().columns)
    with open(query.to_csv(tmp_path / "r.csv"), encoding="utf-8") as stream:
        assert names == next(csv.reader(stream))
    polars = pytest.importorskip("polars")
    frame = query.to_polars()
    assert names == frame.columns
    assert frame["amount_usd"].dtype == polars.Float64
    assert isinstance(frame["amount_low"].dtype, polars.Decimal)


def test_column_selection() -> None:
    """columns= picks and orders columns; an unknown name is an error listing the columns."""
    query = sample().funding_rounds
    frame = query.to_pandas(columns=["company", "amount_usd"])
    assert ["company", "amount_usd"] == list(frame.columns)
    with pytest.raises(ValidationError, match="'amount_eur' is not a column; expected one of id"):
        query.to_pandas(columns=["amount_eur"])
    with pytest.raises(TypeError, match="list of column names"):
        query.to_arrow(columns="company")  # type: ignore[arg-type]
    assert "amount_usd" not in query.to_arrow(currency=None).column_names
    assert "amount_eur" in query.to_arrow(currency="eur").column_names


def test_csv_is_exact(tmp_path: Path) -> None:
    """CSV holds decimals exactly, labels as text, lists joined, missing values empty."""
    query = sample().funding_rounds
    path = query.to_csv(tmp_path / "rounds.csv")
    with open(path, encoding="utf-8") as stream:
        rows = list(csv.DictReader(stream))
    assert [r.id for r in query] == [row["id"] for row in rows]
    first = query.first()
    assert first.amount is not None
    assert first.amount.low == Decimal(rows[0]["amount_low"])
    assert enum_label(first.round_type) == rows[0]["round_type"]
    companies = Dataset(companies=[Company("a", "A", aliases=("x", "y"))]).companies
    with open(companies.to_csv(tmp_path / "c.csv"), encoding="utf-8") as stream:
        [row] = list(csv.DictReader(stream))
    assert ("x; y", "") == (row["aliases"], row["founded"])


def test_groups_to_pandas() -> None:
    """Groups export their keys, counts and exact totals, equal to Groups.total."""
    groups = aieco.load().funding_rounds.group_by("region", "year")
    frame = groups.to_pandas()
    assert ["region", "year"] == list(frame.index.names)
    totals = groups.total("USD")
    for key, amount in totals.items():
        row = frame.loc[key]
        assert amount.low == row["total_usd_low"]
        assert amount.high == row["total_usd_high"]
        assert enum_label(amount.qualifier) == row["total_usd_qualifier"]
    assert list(frame["count"]) == list(groups.count().values())
    companies = aieco.load().companies.group_by("category").to_pandas()
    assert ["count"] == list(companies.columns)
    assert "AI lab" in companies.index


def test_participations_long_table() -> None:
    """One row per investor and round: round, investor, lead, amount and stake."""
    ds = aieco.load()
    frame = ds.participations.to_pandas()
    expected = [(r.id, p.investor_id, p.lead) for r in ds.funding_rounds for p in r.participants]
    assert expected == list(
        zip(frame["round_id"], frame["investor_id"], frame["lead"], strict=True)
    )
    assert len(ds.participations) == len(frame)
    names = {i.id: i.name for i in ds.investors}
    assert [names[i] for i in frame["investor_id"]] == list(frame["investor"])
    staked = [p.stake.low for r in ds.funding_rounds for p in r.participants if p.stake is not None]
    assert staked == list(frame["stake_low"].dropna())
    one = ds.funding_rounds.where(company="Mistral AI").participations().to_pandas()
    assert set(one["company"]) == {"Mistral AI"}
    with pytest.raises(TypeError, match="funding rounds"):
        ds.companies.participations()


def test_participation_amounts_are_normalised() -> None:
    """A participation's own amount is converted at its round's date, like convert()."""
    ds = sample()
    frame = ds.participations.to_pandas(currency="EUR")
    expected = [
        aieco.convert(p.amount, "EUR", on=r.announced).low if p.amount is not None else None
        for r in ds.funding_rounds
        for p in r.participants
    ]
    found = [None if pandas.isna(v) else v for v in frame["amount_eur_low"]]
    assert expected == found
