"""Benchmark: a million funding rounds from Parquet, side by side with polars and duckdb.

Run by hand (never in the test suite):

    uv run python benchmarks/bench_columnar.py [--rounds 1000000]

Generates ``--rounds`` rounds with rounds/5 companies and rounds/50 investors (three
participants and one citation per round, seven currencies, dates at year, month and day
precision: the distribution of ``bench_dataset.py``), writes them with ``aieco.dump(...,
format="parquet")``, then times, best of 3 and side by side in one process:

* loading: ``aieco.load(folder)`` against ``polars.read_parquet`` of the same five files
  (and, for reference, ``pyarrow.parquet.read_table``: the plain read, without checks, and
  aieco's load on one thread), interleaved, wall clock and CPU time;
* the first lookups of a freshly loaded dataset, which build its indexes (by name, by id,
  each company's and investor's rounds) on first use;
* the three queries of issue #11 against the same questions written directly in polars and in
  duckdb (amounts converted with a rate table per currency and day, the country by a join);
* ``to_pandas()`` of every round, the lookups ``ds.company(name)`` and ``ds.rounds_for(id)``;
* memory: the resident size a fresh process gains by loading, aieco against polars.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa

import aieco
from aieco import Dataset

CURRENCIES = ["USD", "EUR", "GBP", "CHF", "CNY", "KRW", "JPY"]
COUNTRIES = ["US", "FR", "DE", "GB", "CH", "CN", "KR", "NL", "SE", "CA", "IL", "JP"]
QUALIFIERS = ["exact", "exact", "exact", "approx", "at_least", "more_than", "nearly"]
ROUND_TYPES = ["seed", "series_a", "series_b", "series_c", "growth", "unknown"]
TABLES = ("sources", "companies", "investors", "funding_rounds")


def _dictionary(values: list[str], codes: np.ndarray) -> pa.Array:
    return pa.DictionaryArray.from_arrays(pa.array(codes, pa.int8()), pa.array(values))


def _rounds(rng: Any, rounds: int, n_companies: int) -> tuple[pa.Array, pa.Table]:
    """The rounds' ids and table: dates at year, month and day precision, seven currencies."""
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
    return round_ids, funding_rounds


def _children(rng: Any, rounds: int, n_investors: int) -> tuple[pa.Array, pa.Array]:
    """Each round's participants (three distinct investors, i, i+1, i+2 after a random start,
    the first the lead) and its one citation, as the list columns of the rounds' table."""
    start = rng.integers(0, n_investors, rounds)
    investor_index = (start[:, None] + np.arange(3)[None, :]) % n_investors
    participants = pa.StructArray.from_arrays(
        [
            pa.array([f"investor-{i}" for i in investor_index.ravel().tolist()]),
            pa.array(np.tile([True, False, False], rounds)),
        ],
        names=["investor_id", "lead"],
    )
    sources = pa.StructArray.from_arrays(
        [pa.array(["bench"] * rounds), pa.array(["generated"] * rounds)],
        names=["source_id", "quote"],
    )
    return (
        pa.ListArray.from_arrays(pa.array(np.arange(0, 3 * rounds + 1, 3, np.int32)), participants),
        pa.ListArray.from_arrays(pa.array(np.arange(rounds + 1, dtype=np.int32)), sources),
    )


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
    _, funding_rounds = _rounds(rng, rounds, n_companies)
    participants, citations = _children(rng, rounds, n_investors)
    funding_rounds = funding_rounds.append_column("participants", participants)
    funding_rounds = funding_rounds.append_column("sources", citations)
    sources = pa.table({"id": ["bench"], "title": ["Generated benchmark data"]})
    raw = folder / "raw.parquet"
    raw.mkdir()
    import pyarrow.parquet as pq

    for name, table in zip(
        TABLES,
        (sources, companies, investors, funding_rounds),
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


def interleaved(
    repeat: int, sides: dict[str, Callable[[], object]]
) -> dict[str, tuple[float, float]]:
    """Best wall-clock and best CPU time of each side, the sides run in turn ``repeat`` times.

    The result of each call is dropped after the clock stops (freeing it is not timed).
    """
    walls: dict[str, list[float]] = {name: [] for name in sides}
    cpus: dict[str, list[float]] = {name: [] for name in sides}
    for _ in range(repeat):
        for name, action in sides.items():
            cpu, start = time.process_time(), time.perf_counter()
            result = action()
            walls[name].append(time.perf_counter() - start)
            cpus[name].append(time.process_time() - cpu)
            del result
    return {name: (min(walls[name]), min(cpus[name])) for name in sides}


def one_thread(action: Callable[[], object]) -> object:
    """``action()`` with aieco's Parquet load on one thread (for reference: what threads give)."""
    import aieco._parquet as parquet

    workers = parquet._workers
    parquet._workers = lambda: 1
    try:
        return action()
    finally:
        parquet._workers = workers


def first_lookups(ds: Dataset) -> dict[str, float]:
    """What the first lookups of a freshly loaded dataset cost: the indexes built lazily."""
    found = {}
    for name, action in (
        ("company(name)", lambda: ds.company("Company 1")),
        ("funding_round(id)", lambda: ds.funding_round("round-1")),
        ("rounds_for(id)", lambda: ds.rounds_for("company-1")),
        ("investments_by(id)", lambda: ds.investments_by("investor-1")),
    ):
        start = time.perf_counter()
        action()
        found[name] = time.perf_counter() - start
    return found


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


def peer_queries(frames: dict[str, object], rate_table: object) -> dict[str, tuple[Any, Any]]:
    """The three questions of the issue written directly in polars and in duckdb."""
    import duckdb
    import polars as pl

    rounds = frames["funding_rounds"].with_columns(  # type: ignore[attr-defined]
        pl.col("amount_unit").cast(pl.String),
        pl.col("announced_precision").cast(pl.String),
    )
    companies = frames["companies"].select("id", "country")  # type: ignore[attr-defined]
    keys = ["amount_unit", "announced", "announced_precision"]
    con = duckdb.connect()
    con.register("rounds", rounds.to_arrow())
    con.register("companies", companies.to_arrow())
    con.register("rates", rate_table.to_arrow())  # type: ignore[attr-defined]
    usd = pl.col("amount_low").cast(pl.Float64) * pl.col("usd_rate")
    return {
        "min": (
            lambda: rounds.join(rate_table, on=keys, how="left").filter(usd >= 1e9).height,
            lambda: con.execute(
                "select count(*) from rounds join rates using (amount_unit, announced, "
                "announced_precision) where amount_low * usd_rate >= 1e9"
            ).fetchall(),
        ),
        "country": (
            lambda: (
                rounds.join(companies, left_on="company_id", right_on="id")
                .filter((pl.col("country") == "US") & (pl.col("announced").dt.year() == 2025))
                .height
            ),
            lambda: con.execute(
                "select count(*) from rounds r join companies c on r.company_id = c.id "
                "where c.country = 'US' and year(r.announced) = 2025"
            ).fetchall(),
        ),
        "group": (
            lambda: (
                rounds.join(rate_table, on=keys, how="left")
                .join(companies, left_on="company_id", right_on="id")
                .group_by("country")
                .agg(usd.sum())
            ),
            lambda: con.execute(
                "select c.country, sum(r.amount_low * usd_rate) from rounds r join rates using "
                "(amount_unit, announced, announced_precision) join companies c on "
                "r.company_id = c.id group by c.country"
            ).fetchall(),
        ),
    }


def measure(rounds: int, repeat: int, data: Path | None = None) -> dict[str, Any]:
    """Generate, write, load and query ``rounds`` rounds; every figure, in seconds or bytes.

    With ``data``, the files are generated once into ``data/rounds-N/`` and reused by the
    next run (delete the folder when done: 1M rounds take about 60 MB).
    """
    import polars as pl
    import pyarrow.parquet as pq

    found: dict[str, Any] = {"generated": None}
    with contextlib.ExitStack() as stack:
        if data is None:
            base = Path(stack.enter_context(tempfile.TemporaryDirectory()))
        else:
            base = data / f"rounds-{rounds}"
        folder = base / "bench.parquet"
        if not folder.is_dir():
            shutil.rmtree(base, ignore_errors=True)
            base.mkdir(parents=True)
            start = time.perf_counter()
            folder = generate(rounds, base)
            found["generated"] = time.perf_counter() - start
        files = sorted(folder.glob("*.parquet"))
        found["size"] = sum(f.stat().st_size for f in files)
        # Interleaved, so that a change in the machine's load hits every side alike; wall
        # clock and CPU time (all threads of the process) of each, best of ``repeat``.
        sides = {
            "load": lambda: aieco.load(folder),
            "polars_read": lambda: [pl.read_parquet(f) for f in files],
            "pyarrow_read": lambda: [pq.read_table(f) for f in files],
            "load_one_thread": lambda: one_thread(lambda: aieco.load(folder)),
        }
        for name, (wall, cpu) in interleaved(repeat, sides).items():
            found[name], found[f"{name}_cpu"] = wall, cpu
        ds = aieco.load(folder)
        found["first_lookups"] = first_lookups(ds)
        found["records"] = len(ds)
        found["memory"] = (rss_gain("aieco", folder), rss_gain("polars", folder))
        # The peers query the rounds' own columns (the list columns of participants and
        # citations would only slow them down; aieco's queries do not touch them either).
        frames = {f.stem: pl.read_parquet(f) for f in files}
        frames["funding_rounds"] = frames["funding_rounds"].drop("participants", "sources")
        peers = peer_queries(frames, pl.from_arrow(rates(ds)))
        query = ds.funding_rounds
        start = time.perf_counter()
        found["first_min_rows"] = len(query.where(min_amount="1 Mrd. USD"))
        found["cold_min"] = time.perf_counter() - start
        start = time.perf_counter()
        query.group_by("country").total("USD")
        found["cold_group"] = time.perf_counter() - start
        mine = {
            "min": lambda: len(query.where(min_amount="1 Mrd. USD")),
            "country": lambda: len(query.where(country="US", year=2025)),
            "group": lambda: query.group_by("country").total("USD"),
        }
        found["queries"] = {
            name: (best_of(5, mine[name]), best_of(5, pol), best_of(5, duck))
            for name, (pol, duck) in peers.items()
        }
        found["to_pandas"] = best_of(3, query.to_pandas)
        found["polars_to_pandas"] = best_of(3, frames["funding_rounds"].to_pandas)
        n = len(ds.companies)
        ds.company("company 1")
        ds.rounds_for("company-1")
        found["lookup"] = per_call(2000, lambda i: ds.company(f"Company {(i * 7919) % n}"))
        found["rounds_for"] = per_call(2000, lambda i: ds.rounds_for(f"company-{(i * 7919) % n}"))
    aieco.load()
    found["bundled"] = best_of(5, lambda: aieco.dataset._load_bundled())
    return found


QUERY_NAMES = {
    "min": "where(min_amount='1 Mrd. USD')",
    "country": "where(country='US', year=2025)",
    "group": "group_by('country').total('USD')",
}


def report(found: dict[str, Any], rounds: int, load_at_start: tuple[float, ...]) -> None:
    """Print every figure and its ratio to the peer."""
    import duckdb
    import polars as pl

    print(
        f"Python {sys.version.split()[0]} on {platform.machine()} ({platform.system()}), "
        f"{os.cpu_count()} cores, load average {load_at_start[0]:.1f} at the start, "
        f"{os.getloadavg()[0]:.1f} at the end (1-minute, from os.getloadavg)"
    )
    print(f"pyarrow {pa.__version__}, polars {pl.__version__}, duckdb {duckdb.__version__}")
    made = found["generated"]
    print(
        f"{rounds:,} rounds, {found['records']:,} records, {found['size'] / 1e6:.0f} MB of "
        "Parquet "
        + (f"(generated and written in {made:.1f} s)" if made is not None else "(reused)")
    )
    load, polars_read = found["load"], found["polars_read"]
    print(
        f"load:                 aieco {load:.2f} s   polars.read_parquet {polars_read:.2f} s   "
        f"ratio {load / polars_read:.2f} (goal <= 1 s and <= 3x)"
    )
    cpu, polars_cpu = found["load_cpu"], found["polars_read_cpu"]
    print(
        f"  CPU time (all threads): aieco {cpu:.2f} s   polars {polars_cpu:.2f} s   "
        f"ratio {cpu / polars_cpu:.2f}"
    )
    plain = found["pyarrow_read"]
    print(
        f"  (for reference: pyarrow.parquet.read_table of the same files, no checks, "
        f"{plain:.2f} s, CPU {found['pyarrow_read_cpu']:.2f} s; aieco / that {load / plain:.2f})"
    )
    single = found["load_one_thread"]
    print(
        f"  (aieco's load on one thread: {single:.2f} s, CPU {found['load_one_thread_cpu']:.2f} s;"
        f" threads / one thread {load / single:.2f})"
    )
    firsts = "   ".join(f"{k} {v * 1e3:.0f} ms" for k, v in found["first_lookups"].items())
    print(f"first lookups after a load (indexes built lazily): {firsts}")
    mine, theirs = found["memory"]
    print(
        f"memory (RSS gained):  aieco {mine / 1e6:.0f} MB   polars {theirs / 1e6:.0f} MB   "
        f"ratio {mine / theirs:.2f} (goal <= 2x)"
    )
    print(
        f"first where(min_amount) (USD column built): {found['cold_min'] * 1e3:.0f} ms, "
        f"{found['first_min_rows']:,} rounds; first group_by total: "
        f"{found['cold_group'] * 1e3:.0f} ms"
    )
    for key, (mine_t, pol, duck) in found["queries"].items():
        print(
            f"{QUERY_NAMES[key]:34} aieco {mine_t * 1e3:6.1f} ms   polars {pol * 1e3:6.1f} ms   "
            f"duckdb {duck * 1e3:6.1f} ms   ratio to the faster {mine_t / min(pol, duck):.2f} "
            "(goal <= 50 ms, <= 2x)"
        )
    ours, polars_pd = found["to_pandas"], found["polars_to_pandas"]
    print(
        f"to_pandas():          aieco {ours:.2f} s   polars .to_pandas() {polars_pd:.2f} s   "
        f"ratio {ours / polars_pd:.2f} (goal <= 1 s)"
    )
    print(
        f"ds.company(name):     {found['lookup'] * 1e6:.1f} µs   ds.rounds_for(id): "
        f"{found['rounds_for'] * 1e6:.1f} µs (goal <= 5 µs)"
    )
    print(f"bundled dataset load (uncached): {found['bundled'] * 1e3:.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3, help="best of N for the load")
    parser.add_argument(
        "--data",
        type=Path,
        help="generate the files once into DATA/rounds-N/ and reuse them (default: a "
        "temporary folder, deleted at the end)",
    )
    args = parser.parse_args()
    load_at_start = os.getloadavg()
    found = measure(args.rounds, args.repeat, args.data)
    report(found, args.rounds, load_at_start)


if __name__ == "__main__":
    main()
