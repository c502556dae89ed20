"""Import time of aieco against its own dependencies (goal: at most 1.2 times).

Run: uv run python benchmarks/bench_import.py [--runs N]

Each measurement is a fresh interpreter; the script reports the median of N runs of
`import aieco` and of `import attrs, cattrs, babel.numbers` (what aieco cannot avoid), in
alternating order so that disk caches favour neither side.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time

BASELINE = "import attrs, cattrs, babel.numbers"
AIECO = "import aieco"


def once(statement: str) -> float:
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", statement], check=True)
    return time.perf_counter() - start


def bare() -> float:
    return once("pass")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    once(AIECO)  # warm the caches and the .pyc files
    times: dict[str, list[float]] = {"python": [], BASELINE: [], AIECO: []}
    for _ in range(args.runs):
        times["python"].append(bare())
        times[BASELINE].append(once(BASELINE))
        times[AIECO].append(once(AIECO))
    interpreter = statistics.median(times["python"])
    base = statistics.median(times[BASELINE]) - interpreter
    ours = statistics.median(times[AIECO]) - interpreter
    print(f"interpreter start-up (subtracted): {interpreter * 1000:.1f} ms")
    print(f"{BASELINE!r}: {base * 1000:.1f} ms")
    print(f"{AIECO!r}: {ours * 1000:.1f} ms")
    print(f"ratio: {ours / base:.2f} (goal: at most 1.20)")


if __name__ == "__main__":
    main()
