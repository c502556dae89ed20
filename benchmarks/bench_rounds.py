"""Speed of ``aieco.extract_rounds`` (run by hand; figures go to docs/performance.md).

    uv run python benchmarks/bench_rounds.py

Goal: at least 1 MB of text per second on one core. Each input is about 1 MB; every pass runs
``extract_rounds`` and, side by side in the same process, ``extract_amounts`` over the same text
(the engine it builds on, which it calls once per text), interleaved, best of several passes.
Times are CPU time of the thread (what one core spends), not wall time; the ratio of the two
functions is given too, as a figure that does not depend on the machine.

With ``--against REV`` (a git revision, e.g. ``main``), the round extractor of that revision runs
side by side in the same process too (its ``aieco/rounds`` modules are loaded from git under
another package name, on today's amounts engine), so that a change is measured as a ratio on the
same loaded machine. Its "speed-up" is the ratio of the two least times; "median" is the median
over the passes of the ratio within each pass, steadier where the machine's speed swings between
passes (``--passes N`` for more of them).

Inputs: the five source articles repeated (news prose, few rounds); the ``dev`` texts of the
evaluation set repeated (funding news, a round in most paragraphs); a synthetic worst case
where every sentence reports a round with an amount, a lead and investors.
"""

from __future__ import annotations

import argparse
import importlib
import json
import os
import platform
import subprocess
import sys
import tempfile
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


def timed(
    functions: list[Callable[[str], object]], text: str, passes: int = PASSES
) -> list[list[float]]:
    """The CPU time of the thread (time.thread_time) of each function in each of ``passes``.

    The functions run in turn in every pass (interleaved), so a change of the machine's load
    hits all of them alike. CPU time, not wall time: on a shared machine the process waits for
    a core, and waiting is not work done on one core.
    """
    times: list[list[float]] = [[] for _ in functions]
    for _ in range(passes):
        for function, spent in zip(functions, times, strict=True):
            start = time.thread_time()
            function(text)
            spent.append(time.thread_time() - start)
    return times


def best(functions: list[Callable[[str], object]], text: str, passes: int = PASSES) -> list[float]:
    """The least CPU time of each function over ``passes`` interleaved runs (see `timed`)."""
    return [min(spent) for spent in timed(functions, text, passes)]


def median_ratio(then: list[float], now: list[float]) -> float:
    """The median over the passes of then/now, each pass's two runs taken together.

    On a machine whose speed swings between passes (this VM's host moves one core's speed by
    up to 40 %), the ratio within a pass is steadier than the ratio of two minimums that may
    come from different passes.
    """
    ratios = sorted(b / a for a, b in zip(now, then, strict=True))
    middle = len(ratios) // 2
    return ratios[middle] if len(ratios) % 2 else (ratios[middle - 1] + ratios[middle]) / 2


def at_revision(revision: str, into: Path) -> Callable[[str], object]:
    """``extract_rounds`` as it was at a git revision (loaded as package ``rounds_then``)."""
    package = into / "rounds_then"
    package.mkdir()
    (package / "__init__.py").write_text("", encoding="utf-8")
    for module in ("_extract", "_lexicon", "_types", "_regex"):
        shown = subprocess.run(
            ["git", "show", f"{revision}:src/aieco/rounds/{module}.py"],
            cwd=ROOT,
            capture_output=True,
            text=True,
        )
        if shown.returncode != 0 and module == "_regex":
            continue  # a revision from before rounds/_regex.py
        shown.check_returncode()
        source = shown.stdout.replace(
            "from aieco.rounds import _lexicon", "from rounds_then import _lexicon"
        )
        for other in ("_types", "_regex"):
            source = source.replace(f"from aieco.rounds.{other}", f"from rounds_then.{other}")
        (package / f"{module}.py").write_text(source, encoding="utf-8")
    sys.path.insert(0, str(into))
    function: Callable[[str], object] = importlib.import_module(
        "rounds_then._extract"
    ).extract_rounds
    return function


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument(
        "--against", metavar="REV", help="also time extract_rounds of this revision"
    )
    parser.add_argument(
        "--passes", type=int, default=PASSES, help=f"interleaved passes (default {PASSES})"
    )
    args = parser.parse_args()
    if args.passes < 1:
        parser.error(f"--passes must be at least 1, not {args.passes}")
    with tempfile.TemporaryDirectory() as scratch:
        then = at_revision(args.against, Path(scratch)) if args.against else None
        return run(then, args.against, args.passes)


def run(then: Callable[[str], object] | None, revision: str | None, passes: int = PASSES) -> int:
    extract_rounds("Parloa sammelt 1 Mio. Euro ein.")  # load the locale data once
    if then is not None:
        then("Parloa sammelt 1 Mio. Euro ein.")
    print(f"Python {platform.python_version()}, {platform.machine()}, {os.cpu_count()} cores")
    print(f"load average {os.getloadavg()[0]:.1f}" if hasattr(os, "getloadavg") else "")
    head = f"{'input (about 1 MB)':<28} {'extract_rounds':>15} {'extract_amounts':>16} {'ratio':>6}"
    if then is not None:
        head += f" {'at ' + str(revision):>15} {'speed-up':>8} {'median':>6}"
    print(head)
    ok = True
    for name, text in inputs().items():
        size = len(text.encode("utf-8")) / 1e6
        functions: list[Callable[[str], object]] = [extract_rounds, extract_amounts]
        if then is not None:
            functions.append(then)
        times = timed(functions, text, passes)
        rounds, amounts, *before = (min(spent) for spent in times)
        ok = ok and size / rounds >= 1
        line = (
            f"{name:<28} {size / rounds:>10.2f} MB/s {size / amounts:>11.2f} MB/s "
            f"{amounts / rounds:>6.2f}"
        )
        if before:
            line += f" {size / before[0]:>10.2f} MB/s {before[0] / rounds:>8.2f}"
            line += f" {median_ratio(times[2], times[0]):>6.2f}"
        print(line)
    print("goal (>= 1 MB/s): " + ("met" if ok else "NOT met on this machine now"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
