"""Benchmark: a million funding rounds from Parquet, side by side with polars and duckdb.

Run by hand (never in the test suite):

    uv run python benchmarks/bench_columnar.py [--rounds 1000000]

Generates ``--rounds`` rounds with rounds/5 companies and rounds/50 investors (three
participants and one citation per round, seven currencies, dates at year, month and day
precision: the distribution of ``bench_dataset.py``), writes them with ``aieco.dump(...,
format="parquet")``, then times, best of 3 and side by side in one process:

* loading: ``aieco.load(folder)`` against ``polars.read_parquet`` of the same seven files;
* the three queries of issue #11 against the same questions written directly in polars and in
  duckdb (amounts converted with a rate table per currency and day, the country by a join);
* ``to_pandas()`` of every round, the lookups ``ds.company(name)`` and ``ds.rounds_for(id)``;
* memory: the resident size a fresh process gains by loading, aieco against polars.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pyarrow as pa

import aieco
from aieco import Dataset

CURRENCIES = ["USD", "EUR", "GBP", "CHF", "CNY", "KRW", "JPY"]
COUNTRIES = ["US", "FR", "DE", "GB", "CH", "CN", "KR", "NL", "SE", "CA", "IL", "JP"]
QUALIFIERS = ["exact", "exact", "exact", "approx", "at_least", "more_than", "nearly"]
ROUND_TYPES = ["seed", "series_a", "series_b", "series_c", "growth", "unknown"]
TABLES = ("sources", "companies", "investors", "funding_rounds", "participations", "citations")


def _dictionary(values: list[str], codes: np.ndarray) -> pa.Array:
    return pa.DictionaryArray.from_arrays(pa.array(codes, pa.int8()), pa.array(values))


def generate(rounds: int, folder: Path, seed: int = 42) -> Path:
    """Write a generated dataset as aieco's Parquet folder (through Dataset and dump)."""
    rng = np.random.default_rng(seed)
    n_companies, n_investors = max(1, rounds // 5), max(1, rounds // 50)
    companies = pa.table(
        {
            "id": pa.array([f"company-{i}" for i in range(n_companies)]),
            "name": pa.array([f"Company {i}" for i in range(n_companies)]),
            "country": pa.array(np.array(COUNTRIES)[rng.integers(0, 12, n_companies)]),
            "category": _dictionary(["ai_lab"], np.zeros(n_companies, np.int8)),
            "aliases": pa.array([[f"C{i}"] for i in range(n_companies)], pa.list_(pa.string())),
            "founded": pa.array(rng.integers(1990, 2026, n_companies), pa.int16()),
        }
    )
    investors = pa.table(
        {
            "id": pa.array([f"investor-{i}" for i in range(n_investors)]),
            "name": pa.array([f"Investor {i}" for i in range(n_investors)]),
            "kind": _dictionary(["venture_capital"], np.zeros(n_investors, np.int8)),
            "country": pa.array(np.array(COUNTRIES)[rng.integers(0, 12, n_investors)]),
        }
    )
    years = rng.integers(2015, 2026, rounds)
    months = rng.integers(1, 13, rounds)
    precision = rng.integers(0, 3, rounds)
    month = np.where(precision == 0, 1, months)
    day = np.where(precision == 2, 15, 1)
    dates = (
        (years - 1970).astype("datetime64[Y]").astype("datetime64[M]")
        + (month - 1).astype("timedelta64[M]")
    ).astype("datetime64[D]") + (day - 1).astype("timedelta64[D]")
    values = rng.integers(1, 5001, rounds).astype(np.int64) * 1_000_000
    amount = pa.array(values).cast(pa.decimal128(38, 0))
    round_ids = pa.array([f"round-{i}" for i in range(rounds)])
    funding_rounds = pa.table(
        {
            "id": round_ids,
            "company_id": pa.array(
                [f"company-{i}" for i in rng.integers(0, n_companies, rounds).tolist()]
            ),
            "round_type": _dictionary(ROUND_TYPES, rng.integers(0, 6, rounds)),
            "announced": pa.array(dates, pa.date32()),
            "announced_precision": _dictionary(["year", "month", "day"], precision),
            "amount_low": amount,
            "amount_high": amount,
            "amount_unit": _dictionary(CURRENCIES, rng.integers(0, 7, rounds)),
            "amount_qualifier": pa.array(
                np.array(QUALIFIERS)[rng.integers(0, 7, rounds)]
            ).dictionary_encode(),
        }
    )
    chosen = np.stack(
        [rng.choice(n_investors, size=3, replace=False) for _ in range(min(rounds, 1))]
    )
    # Three distinct investors per round: i, i+1, i+2 after a random start (fast, no repeats).
    start = rng.integers(0, n_investors, rounds)
    investor_index = (start[:, None] + np.arange(3)[None, :]) % n_investors
    del chosen
    participations = pa.table(
        {
            "round_id": pa.array(np.repeat(np.arange(rounds), 3)).cast(pa.string()),
            "investor_id": pa.array([f"investor-{i}" for i in investor_index.ravel().tolist()]),
            "lead": pa.array(np.tile([True, False, False], rounds)),
        }
    )
    participations = participations.set_column(
        0, "round_id", round_ids.take(pa.array(np.repeat(np.arange(rounds), 3)))
    )
    citations = pa.table(
        {
            "kind": _dictionary(["funding_rounds", "companies"], np.zeros(rounds, np.int8)),
            "id": round_ids,
            "source_id": pa.array(["bench"] * rounds),
            "quote": pa.array(["generated"] * rounds),
        }
    )
    sources = pa.table({"id": ["bench"], "title": ["Generated benchmark data"]})
    raw = folder / "raw.parquet"
    raw.mkdir()
    import pyarrow.parquet as pq

    for name, table in zip(
        TABLES,
        (sources, companies, investors, funding_rounds, participations, citations),
        strict=True,
    ):
        pq.write_table(table, raw / f"{name}.parquet")
    # Through aieco once: checked, then written in aieco's own layout.
    target = folder / "bench.parquet"
    aieco.dump(aieco.load(raw), target)
    return target


def best_of(repeat: int, action: Callable[[], object]) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def per_call(calls: int, action: Callable[[int], object]) -> float:
    batches = []
    for _ in range(5):
        start = time.perf_counter()
        for i in range(calls):
            action(i)
        batches.append((time.perf_counter() - start) / calls)
    return statistics.median(batches)


RSS_PROBE = r"""
import sys, json
def rss():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * 4096
import pyarrow, polars, numpy, aieco, aieco.dataset, aieco.query, aieco._parquet
before = rss()
if sys.argv[1] == "aieco":
    held = aieco.load(sys.argv[2])
    held.company("company 1"); len(held.funding_rounds.where(min_amount="1 Mrd. USD"))
else:
    import pathlib
    held = [polars.read_parquet(p) for p in sorted(pathlib.Path(sys.argv[2]).glob("*.parquet"))]
print(json.dumps(rss() - before))
"""


def rss_gain(kind: str, folder: Path) -> int:
    out = subprocess.run(
        [sys.executable, "-c", RSS_PROBE, kind, str(folder)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return int(json.loads(out))


def rates(ds: Dataset) -> pa.Table:
    """The USD rate of each (currency, date, precision) the rounds have, by aieco.fx.rate."""
    from aieco.fx import rate

    table = ds.columns("funding_rounds").table
    keys = (
        pa.table(
            {
                "amount_unit": table.column("amount_unit").cast(pa.string()),
                "announced": table.column("announced"),
                "announced_precision": table.column("announced_precision").cast(pa.string()),
            }
        )
        .group_by(["amount_unit", "announced", "announced_precision"])
        .aggregate([])
    )
    factors = []
    for unit, day, precision in zip(*(keys.column(i).to_pylist() for i in range(3)), strict=True):
        parts = {"year": (day.year,), "month": (day.year, day.month)}
        when = aieco.PartialDate(*parts.get(precision, (day.year, day.month, day.day)))
        factors.append(float(rate(unit, "USD", on=when).value))
    return keys.append_column("usd_rate", pa.array(factors, pa.float64()))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=1_000_000)
    args = parser.parse_args()
    import duckdb
    import polars as pl

    with tempfile.TemporaryDirectory() as tmp:
        start = time.perf_counter()
        folder = generate(args.rounds, Path(tmp))
        generated = time.perf_counter() - start
        files = sorted(folder.glob("*.parquet"))
        size = sum(f.stat().st_size for f in files)

        load = best_of(3, lambda: aieco.load(folder))
        polars_read = best_of(3, lambda: [pl.read_parquet(f) for f in files])
        ds = aieco.load(folder)
        memory_aieco = rss_gain("aieco", folder)
        memory_polars = rss_gain("polars", folder)

        frames = {f.stem: pl.read_parquet(f) for f in files}
        rate_table = pl.from_arrow(rates(ds))
        rounds_pl = frames["funding_rounds"].with_columns(
            pl.col("amount_unit").cast(pl.String),
            pl.col("announced_precision").cast(pl.String),
        )
        companies_pl = frames["companies"]
        con = duckdb.connect()
        con.register("rounds", rounds_pl.to_arrow())
        con.register("companies", companies_pl.to_arrow())
        con.register("rates", rate_table.to_arrow())

        def polars_min() -> object:
            return (
                rounds_pl.join(
                    rate_table, on=["amount_unit", "announced", "announced_precision"], how="left"
                )
                .filter(pl.col("amount_low").cast(pl.Float64) * pl.col("usd_rate") >= 1e9)
                .height
            )

        def polars_country() -> object:
            return (
                rounds_pl.join(
                    companies_pl.select("id", "country"), left_on="company_id", right_on="id"
                )
                .filter((pl.col("country") == "US") & (pl.col("announced").dt.year() == 2025))
                .height
            )

        def polars_group() -> object:
            return (
                rounds_pl.join(
                    rate_table, on=["amount_unit", "announced", "announced_precision"], how="left"
                )
                .join(companies_pl.select("id", "country"), left_on="company_id", right_on="id")
                .group_by("country")
                .agg((pl.col("amount_low").cast(pl.Float64) * pl.col("usd_rate")).sum())
            )

        duck_min = (
            "select count(*) from rounds join rates using (amount_unit, announced, "
            "announced_precision) where amount_low * usd_rate >= 1e9"
        )
        duck_country = (
            "select count(*) from rounds r join companies c on r.company_id = c.id "
            "where c.country = 'US' and year(r.announced) = 2025"
        )
        duck_group = (
            "select c.country, sum(r.amount_low * usd_rate) from rounds r join rates using "
            "(amount_unit, announced, announced_precision) join companies c on "
            "r.company_id = c.id group by c.country"
        )

        rounds = ds.funding_rounds
        start = time.perf_counter()
        first_min = len(rounds.where(min_amount="1 Mrd. USD"))
        cold_min = time.perf_counter() - start
        start = time.perf_counter()
        rounds.group_by("country").total("USD")
        cold_group = time.perf_counter() - start
        queries = [
            (
                "where(min_amount='1 Mrd. USD')",
                lambda: len(rounds.where(min_amount="1 Mrd. USD")),
                polars_min,
                lambda: con.execute(duck_min).fetchall(),
            ),
            (
                "where(country='US', year=2025)",
                lambda: len(rounds.where(country="US", year=2025)),
                polars_country,
                lambda: con.execute(duck_country).fetchall(),
            ),
            (
                "group_by('country').total('USD')",
                lambda: rounds.group_by("country").total("USD"),
                polars_group,
                lambda: con.execute(duck_group).fetchall(),
            ),
        ]
        results = [
            (name, best_of(5, mine), best_of(5, pol), best_of(5, duck))
            for name, mine, pol, duck in queries
        ]
        to_pandas = best_of(3, rounds.to_pandas)
        polars_to_pandas = best_of(3, rounds_pl.to_pandas)
        ds.company("company 1")
        ds.rounds_for("company-1")
        n_companies = len(ds.companies)
        lookup = per_call(2000, lambda i: ds.company(f"Company {(i * 7919) % n_companies}"))
        rounds_for = per_call(2000, lambda i: ds.rounds_for(f"company-{(i * 7919) % n_companies}"))

    small = aieco.load()
    bundled = best_of(5, lambda: aieco.dataset._load_bundled())
    del small

    load_avg = os.getloadavg()
    print(
        f"Python {sys.version.split()[0]} on {platform.machine()} ({platform.system()}), "
        f"{os.cpu_count()} cores, load average {load_avg[0]:.1f}"
    )
    print(f"pyarrow {pa.__version__}, polars {pl.__version__}, duckdb {duckdb.__version__}")
    print(
        f"{args.rounds:,} rounds, {len(ds):,} records, {size / 1e6:.0f} MB of Parquet "
        f"(generated and written in {generated:.1f} s)"
    )
    print(
        f"load:                 aieco {load:.2f} s   polars.read_parquet {polars_read:.2f} s   "
        f"ratio {load / polars_read:.2f} (goal <= 1 s and <= 3x)"
    )
    print(
        f"memory (RSS gained):  aieco {memory_aieco / 1e6:.0f} MB   polars "
        f"{memory_polars / 1e6:.0f} MB   ratio {memory_aieco / memory_polars:.2f} (goal <= 2x)"
    )
    print(
        f"first where(min_amount) (USD column built): {cold_min * 1e3:.0f} ms, "
        f"{first_min:,} rounds; first group_by total: {cold_group * 1e3:.0f} ms"
    )
    for name, mine, pol, duck in results:
        print(
            f"{name:34} aieco {mine * 1e3:6.1f} ms   polars {pol * 1e3:6.1f} ms   duckdb "
            f"{duck * 1e3:6.1f} ms   ratio to the faster {mine / min(pol, duck):.2f} "
            "(goal <= 50 ms, <= 2x)"
        )
    print(
        f"to_pandas():          aieco {to_pandas:.2f} s   polars .to_pandas() "
        f"{polars_to_pandas:.2f} s (goal <= 1 s)"
    )
    print(
        f"ds.company(name):     {lookup * 1e6:.1f} µs   ds.rounds_for(id): "
        f"{rounds_for * 1e6:.1f} µs (goal <= 5 µs)"
    )
    print(f"bundled dataset load (uncached): {bundled * 1e3:.1f} ms")


if __name__ == "__main__":
    main()
