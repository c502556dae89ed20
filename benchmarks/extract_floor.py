r"""What a pass over the five articles costs at the least, step by step (run by hand).

    uv run python benchmarks/extract_floor.py [--rounds 7]

`extract_amounts` is held to 2.5x the bare digit scan (``re.finditer(r"\d[\d.,]*")``) on
the five source articles. This script measures, in one process and interleaved rounds on
the thread's CPU time (`time.thread_time`), how much of that budget the parts every design
needs take before any rule runs:

1. the trigger regex alone (`_triggers`: every place an amount may be);
2. the same, and a `Mention` built per trigger (the result objects; the articles have 61
   triggers and 29 mentions, so this overstates them);
3. the same, and the token before each trigger (`previous`, what any reading of a hedge or
   an inert word before a figure starts from);
4. the same, and one match of the one-end regex's head (`full_head`) from that token;
5. the same with the whole one-end regex (`full`) instead;
6. `extract_amounts` itself.

Each is printed as a ratio to the digit scan (best of ``--rounds``).
"""

from __future__ import annotations

import argparse
import re
import sys
import time
import timeit
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_amounts as bench

from aieco import Amount, Mention, extract_amounts
from aieco.amounts._extract import _triggers
from aieco.amounts._fast import tables_for
from aieco.amounts._tokens import previous

_RAW = re.compile(r"\d[\d.,]*")


def passes(texts: list[str]) -> dict[str, Callable[[], None]]:
    """The passes to time, by name, in order."""
    lx, ft = tables_for("de_DE")
    amount = Amount(Decimal(5))

    def digit_scan() -> None:
        for text in texts:
            for _ in _RAW.finditer(text):
                pass

    def triggers() -> None:
        for text in texts:
            for _ in _triggers(text, lx, ft, False, 0):
                pass

    def with_mentions() -> None:
        for text in texts:
            for m in _triggers(text, lx, ft, False, 0):
                s = m.start()
                Mention(s, s, "", amount)

    def with_token_before() -> None:
        for text in texts:
            for m in _triggers(text, lx, ft, False, 0):
                s = m.start()
                previous(text, s)
                Mention(s, s, "", amount)

    def with_regex(pattern: re.Pattern[str]) -> Callable[[], None]:
        def run() -> None:
            for text in texts:
                for m in _triggers(text, lx, ft, False, 0):
                    s = m.start()
                    before = previous(text, s)
                    pattern.match(text, s if before is None else before[0])
                    Mention(s, s, "", amount)

        return run

    def extract() -> None:
        for text in texts:
            extract_amounts(text)

    return {
        "digit scan": digit_scan,
        "trigger regex": triggers,
        "+ a Mention per trigger": with_mentions,
        "+ the token before": with_token_before,
        "+ the one-end head regex": with_regex(ft.full_head),
        "+ the whole one-end regex instead": with_regex(ft.full),
        "extract_amounts": extract,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    runs = passes(bench.articles())
    for run in runs.values():
        run()  # tables built, memos warm
    best = dict.fromkeys(runs, float("inf"))
    for _ in range(args.rounds):
        for name, run in runs.items():
            spent = min(timeit.repeat(run, number=10, repeat=1, timer=time.thread_time)) / 10
            best[name] = min(best[name], spent)
    scan = best["digit scan"]
    for name, spent in best.items():
        print(f"{name:36s} {spent * 1e3:7.3f} ms  {spent / scan:5.2f}x")


if __name__ == "__main__":
    main()
