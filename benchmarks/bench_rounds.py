"""Speed of ``aieco.extract_rounds`` (run by hand; figures go to docs/extraction.md).

    uv run python benchmarks/bench_rounds.py

Goal: at least 1 MB of text per second on one core. Each input is about 1 MB; every pass runs
``extract_rounds`` and, side by side in the same process, ``extract_amounts`` over the same text
(the engine it builds on, which it calls once per text), interleaved, best of several passes.
Times are CPU time of the process (what one core spends), not wall time; the ratio of the two
functions is given too, as a figure that does not depend on the machine.

Inputs: the five source articles repeated (news prose, few rounds); the ``dev`` texts of the
evaluation set repeated (funding news, a round in most paragraphs); a synthetic worst case
where every sentence reports a round with an amount, a lead and investors.
"""

from __future__ import annotations

import json
import os
import platform
import sys
import time
from collections.abc import Callable
from pathlib import Path

from aieco import extract_amounts, extract_rounds

ROOT = Path(__file__).resolve().parents[1]
SOURCES = next(
    (d / "shared" / "sources" for d in ROOT.parents if (d / "shared" / "sources").is_dir()),
    ROOT.parent / "shared" / "sources",
)
DEV = ROOT / "tests" / "data" / "rounds_eval" / "dev.jsonl"
SIZE = 1_000_000
PASSES = 3


def _megabyte(text: str) -> str:
    return (text * (SIZE // len(text.encode("utf-8")) + 1))[:SIZE]


def inputs() -> dict[str, str]:
    found = {}
    if SOURCES.is_dir():
        found["five articles"] = _megabyte(
            "\n\n".join(p.read_text(encoding="utf-8") for p in sorted(SOURCES.glob("0*.txt")))
        )
    if DEV.is_file():
        texts = [json.loads(line)["text"] for line in DEV.read_text(encoding="utf-8").splitlines()]
        found["evaluation dev texts"] = _megabyte("\n\n".join(texts))
    found["a round in every sentence"] = _megabyte(
        "Das Berliner Start-up Parloa hat in einer Series-C-Runde 120 Millionen Dollar "
        "eingesammelt, angeführt von General Catalyst; beteiligt waren auch EQT Ventures und "
        "Newion. "
    )
    return found


def best(function: Callable[[str], object], text: str) -> float:
    """The least CPU time of the process (time.process_time) over PASSES runs.

    CPU time, not wall time: on a shared machine the process waits for a core, and waiting is
    not work done on one core.
    """
    times = []
    for _ in range(PASSES):
        start = time.process_time()
        function(text)
        times.append(time.process_time() - start)
    return min(times)


def main() -> int:
    extract_rounds("Parloa sammelt 1 Mio. Euro ein.")  # load the locale data once
    print(f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores")
    print(f"load average {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else "")
    print(f"{'input (about 1 MB)':<28} {'extract_rounds':>15} {'extract_amounts':>16} {'ratio':>6}")
    ok = True
    for name, text in inputs().items():
        size = len(text.encode("utf-8")) / 1e6
        rounds = best(extract_rounds, text)
        amounts = best(extract_amounts, text)
        ok = ok and size / rounds >= 1
        print(
            f"{name:<28} {size / rounds:>10.2f} MB/s {size / amounts:>11.2f} MB/s "
            f"{amounts / rounds:>6.2f}"
        )
    print("goal (>= 1 MB/s): " + ("met" if ok else "NOT met on this machine now"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
