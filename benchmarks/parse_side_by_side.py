r"""`parse_amount` of two versions and price-parser side by side in one process (by hand).

    uv run python benchmarks/parse_side_by_side.py --base main [--rounds 15]

On a shared machine the ratios of `bench_amounts.py` move by several per cent between runs
a minute apart, as much as one change gains. This script exports the ``--base`` revision's
``src/aieco`` as the package ``aieco_base`` (as `extract_side_by_side.py` does), imports it
next to this checkout's ``aieco`` and times ``parse_amount`` of both and
``price_parser.Price.fromstring`` on the benchmark's 155 expressions (`bench_amounts.corpus`:
all, the 140 built from a figure, the 15 worded ones), in interleaved rounds, each the best
of three runs of five passes on the thread's CPU (`time.thread_time`); it prints the best
round of each and the ratios to price-parser.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import tempfile
import time
import timeit
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_amounts as bench  # noqa: E402
from extract_side_by_side import export  # noqa: E402
from price_parser import Price  # noqa: E402

from aieco import parse_amount  # noqa: E402


def cpu(fn: Callable[[], object], number: int = 5, repeat: int = 3) -> float:
    """The best of ``repeat`` runs of ``number`` calls, on the thread's CPU, per call."""
    return min(timeit.repeat(fn, number=number, repeat=repeat, timer=time.thread_time)) / number


def main() -> None:
    """Print the side-by-side figures."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="main", help="the revision to compare against")
    parser.add_argument("--rounds", type=int, default=15)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        export(args.base, Path(tmp))
        sys.path.insert(0, tmp)
        base_parse = importlib.import_module("aieco_base").parse_amount
        print(f"load average at the start: {os.getloadavg()}")
        parts = bench.corpus_parts()
        sides: dict[str, Callable[[str], object]] = {
            "base": base_parse,
            "this": parse_amount,
            "price-parser": Price.fromstring,
        }
        for name, part in parts.items():
            runs = {side: (lambda p=part, f=fn: [f(e) for e in p]) for side, fn in sides.items()}
            for run in runs.values():
                run()  # warm the memos
            best = dict.fromkeys(runs, float("inf"))
            for _ in range(args.rounds):
                for side, run in runs.items():
                    best[side] = min(best[side], cpu(run))
            each = {side: t / len(part) * 1e6 for side, t in best.items()}
            theirs = best["price-parser"]
            print(
                f"{name:8} ({len(part)}): base {each['base']:5.2f} µs"
                f" ({best['base'] / theirs:.3f}x), this {each['this']:5.2f} µs"
                f" ({best['this'] / theirs:.3f}x), price-parser {each['price-parser']:5.2f} µs;"
                f" this/base {best['this'] / best['base']:.3f}"
            )
        print(f"load average at the end: {os.getloadavg()}")


if __name__ == "__main__":
    main()
