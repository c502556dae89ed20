"""Benchmark: load a generated dataset of 100,000 funding rounds, then look things up.

Run by hand (never in the test suite):

    uv run python benchmarks/bench_dataset.py [--rounds 100000]

Reports load time and records per second, peak memory during load (tracemalloc), and the time of
lookups, ``rounds_for`` and ``where`` against a linear scan over the same records.
"""

from __future__ import annotations

import argparse
import gc
import json
import platform
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path
from typing import Any

import aieco

CURRENCIES = ["USD", "EUR", "GBP", "CHF", "CNY", "KRW", "JPY"]
COUNTRIES = ["US", "FR", "DE", "GB", "CH", "CN", "KR", "NL", "SE", "CA", "IL", "JP"]
QUALIFIERS = ["exact", "exact", "exact", "approx", "at_least", "more_than", "nearly"]
ROUND_TYPES = ["seed", "series_a", "series_b", "series_c", "growth", "unknown"]


def generate(rounds: int, seed: int = 42) -> dict[str, list[dict[str, Any]]]:
    """A dataset document with ``rounds`` rounds, rounds/5 companies and rounds/50 investors."""
    rng = random.Random(seed)
    n_companies = max(1, rounds // 5)
    n_investors = max(1, rounds // 50)
    sources = [{"id": "bench", "title": "Generated benchmark data"}]
    cite = [{"source_id": "bench", "quote": "generated"}]
    companies = [
        {
            "id": f"company-{i}",
            "name": f"Company {i}",
            "country": rng.choice(COUNTRIES),
            "category": "ai_lab",
            "aliases": [f"C{i}"],
            "founded": rng.randint(1990, 2025),
            "sources": cite,
        }
        for i in range(n_companies)
    ]
    investors = [
        {
            "id": f"investor-{i}",
            "name": f"Investor {i}",
            "kind": "venture_capital",
            "country": rng.choice(COUNTRIES),
        }
        for i in range(n_investors)
    ]
    funding_rounds = []
    for i in range(rounds):
        year = rng.randint(2015, 2025)
        month = rng.randint(1, 12)
        date = rng.choice([f"{year}", f"{year}-{month:02d}", f"{year}-{month:02d}-15"])
        amount = {
            "value": str(rng.randint(1, 5000) * 1_000_000),
            "unit": rng.choice(CURRENCIES),
            "qualifier": rng.choice(QUALIFIERS),
        }
        participants = [
            {"investor_id": f"investor-{j}", "lead": k == 0}
            for k, j in enumerate(rng.sample(range(n_investors), min(3, n_investors)))
        ]
        funding_rounds.append(
            {
                "id": f"round-{i}",
                "company_id": f"company-{rng.randrange(n_companies)}",
                "round_type": rng.choice(ROUND_TYPES),
                "announced": date,
                "amount": amount,
                "participants": participants,
                "sources": cite,
            }
        )
    return {
        "sources": sources,
        "companies": companies,
        "investors": investors,
        "funding_rounds": funding_rounds,
    }


def best_of(repeat: int, action: Callable[[], object]) -> float:
    """The fastest of ``repeat`` runs, in seconds."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return min(times)


def per_call(calls: int, action: Callable[[int], object]) -> float:
    """Median seconds per call of ``action(i)`` over ``calls`` calls (in 5 batches)."""
    batches = []
    for _ in range(5):
        start = time.perf_counter()
        for i in range(calls):
            action(i)
        batches.append((time.perf_counter() - start) / calls)
    return statistics.median(batches)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=100_000)
    args = parser.parse_args()

    document = generate(args.rounds)
    records = sum(len(v) for v in document.values())
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "bench.json"
        path.write_text(json.dumps(document), encoding="utf-8")
        size = path.stat().st_size
        del document
        gc.collect()

        aieco.load(path)  # warm up: cattrs generates its structuring functions once
        seconds = best_of(3, lambda: aieco.load(path))
        gc.collect()
        tracemalloc.start()
        ds = aieco.load(path)
        gc.collect()
        retained, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()

    rounds = list(ds.funding_rounds)
    companies = list(ds.companies)
    n_companies = len(companies)
    rng = random.Random(1)
    names = [f"company {rng.randrange(n_companies)}" for _ in range(1000)]

    lookup = per_call(1000, lambda i: ds.company(names[i]))
    lookup_scan = per_call(
        20, lambda i: next(c for c in companies if c.name.casefold() == names[i])
    )
    rounds_for = per_call(1000, lambda i: ds.rounds_for(f"company-{i}"))
    rounds_scan = per_call(20, lambda i: [r for r in rounds if r.company_id == f"company-{i}"])
    where = best_of(3, lambda: ds.funding_rounds.where(country="FR", since=2024))
    where_amount = best_of(3, lambda: ds.funding_rounds.where(min_amount="1 Mrd. USD"))

    print(f"Python {sys.version.split()[0]} on {platform.machine()} ({platform.system()})")
    print(f"{args.rounds:,} rounds, {records:,} records, {size / 1e6:.1f} MB of JSON")
    print(f"load(path):          {seconds:.2f} s, {records / seconds:,.0f} records/s")
    print(f"memory (tracemalloc): peak {peak / 1e6:.0f} MB in load, {retained / 1e6:.0f} MB kept")
    print(f"ds.company(name):    {lookup * 1e6:.1f} µs   linear scan: {lookup_scan * 1e3:.2f} ms")
    print(
        f"ds.rounds_for(id):   {rounds_for * 1e6:.1f} µs   linear scan: {rounds_scan * 1e3:.2f} ms"
    )
    print(f"where(country, since) over all rounds:   {where * 1e3:.0f} ms")
    print(f"where(min_amount='1 Mrd. USD') (6 of 7 currencies converted): {where_amount:.2f} s")


if __name__ == "__main__":
    main()
