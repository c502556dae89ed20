r"""`extract_amounts` of two versions side by side in one process (run by hand).

    uv run python benchmarks/extract_side_by_side.py --base main [--rounds 12]
        [--only articles,fresh,adversarial]

On a shared machine the ratios of `bench_amounts.py` move by 10-50 % between runs a minute
apart; two versions timed in one process, in interleaved rounds, see the same load. The
script exports the ``--base`` revision's ``src/aieco`` (``git archive``) to a temporary
directory as the package ``aieco_base`` (its imports renamed), imports it next to this
checkout's ``aieco`` and times, on the thread's CPU (`time.thread_time`):

1. the five source articles against the bare digit scan (best of ``--rounds`` rounds of ten
   passes each, memos warm);
2. fresh text (the articles with new words, `bench_amounts.freshen`): each version reads a
   new batch in every round, lower quartile of 40 batches;
3. dense pieces (`PIECES`: "5 Mio. € ", "zwei Millionen ", "zwei Millionen Euro ", ...)
   × 10,000 characters against 10,000 characters of the articles (best of 5 rounds).
"""

from __future__ import annotations

import argparse
import importlib
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import timeit
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "benchmarks"))

import bench_amounts as bench  # noqa: E402

from aieco import extract_amounts  # noqa: E402

_IMPORTS = re.compile(r"\baieco(?=[.\s])")


def export(rev: str, into: Path) -> None:
    """The revision's ``src/aieco`` as the package ``aieco_base`` under ``into``."""
    archive = subprocess.run(
        ["git", "-C", str(ROOT), "archive", rev, "src/aieco"], check=True, capture_output=True
    ).stdout
    subprocess.run(["tar", "-x", "-C", str(into)], input=archive, check=True)
    (into / "src" / "aieco").rename(into / "aieco_base")
    for path in (into / "aieco_base").rglob("*.py"):
        path.write_text(_IMPORTS.sub("aieco_base", path.read_text(encoding="utf-8")), "utf-8")


_PARTS = frozenset({"articles", "fresh", "adversarial"})


def cpu(fn: Callable[[], object], number: int, repeat: int = 3) -> float:
    """The best per-call CPU time of ``fn`` (thread time)."""
    return min(timeit.repeat(fn, number=number, repeat=repeat, timer=time.thread_time)) / number


def compare(versions: dict[str, Any], rounds: int, only: frozenset[str] = _PARTS) -> None:
    """Print the three comparisons (or those in ``only``) for each version."""
    texts = bench.articles()
    if "articles" in only:
        articles(versions, texts, rounds)
    if "fresh" in only:
        fresh_text(versions, texts)
    if "adversarial" in only:
        adversarial(versions, texts)


def articles(versions: dict[str, Any], texts: list[str], rounds: int) -> None:
    """The five articles against the digit scan, best of ``rounds`` rounds."""
    for f in versions.values():
        for t in texts:
            f(t)
    times: dict[str, list[float]] = {k: [] for k in [*versions, "scan"]}
    for _ in range(rounds):
        for k, f in versions.items():
            times[k].append(cpu(lambda f=f: [f(t) for t in texts], 10))
        times["scan"].append(cpu(lambda: [bench.scan(t) for t in texts], 10))
    scan = min(times["scan"])
    print(f"articles: digit scan {scan * 1e3:.3f} ms")
    for k in versions:
        print(f"  {k:8} {min(times[k]) * 1e3:.3f} ms = {min(times[k]) / scan:.2f}x")


def fresh_text(versions: dict[str, Any], texts: list[str]) -> None:
    """Fresh text against the digit scan, lower quartile of 40 batches."""
    keep = frozenset(
        w for t in texts for m in extract_amounts(t) for w in bench._WORD.findall(m.text)
    )
    keep |= frozenset(w for t in texts for w in bench._WORD.findall(t) if bench._is_vocabulary(w))
    rng = random.Random(8)
    fresh: dict[str, list[float]] = {k: [] for k in [*versions, "scan"]}
    names = list(versions)
    for i in range(40):
        order = names if i % 2 else names[::-1]
        for k in order:  # each version a batch of words new to it, the order alternating
            batch = bench.freshen(texts, keep, rng)
            started = time.thread_time()
            for t in batch:
                versions[k](t)
            fresh[k].append(time.thread_time() - started)
        started = time.thread_time()
        for t in batch:
            bench.scan(t)
        fresh["scan"].append(time.thread_time() - started)

    def quartile(xs: list[float]) -> float:
        return sorted(xs)[len(xs) // 4]

    scan = quartile(fresh["scan"])
    print(f"fresh text (lower quartile of 40 batches): digit scan {scan * 1e3:.3f} ms")
    for k in versions:
        print(f"  {k:8} {quartile(fresh[k]) * 1e3:.3f} ms = {quartile(fresh[k]) / scan:.2f}x")


#: The dense pieces: an amount every 9 to 23 characters, digits or number words, with a
#: number word after a unit ("zwei Millionen Euro zwei ...") or a run of two chunks.
PIECES = (
    "5 Mio. € ",
    "zwei Millionen ",
    "zwei Millionen Euro ",
    "vier Milliarden Dollar ",
    "zwei Millionen drei ",
    "5 Millionen Euro zwei ",
)


def adversarial(versions: dict[str, Any], texts: list[str]) -> None:
    """The dense pieces against the articles' prose, best of 5 rounds."""
    prose = ("\n".join(texts) * 2)[:10_000]
    for piece in PIECES:
        text = (piece * (10_000 // len(piece) + 1))[:10_000]
        print(f"{piece!r} x 10,000 characters / 10,000 of the articles")
        for k, f in versions.items():
            f(text)
            ours = min(cpu(lambda f=f, t=text: f(t), 1) for _ in range(5))
            base = min(cpu(lambda f=f: f(prose), 3) for _ in range(5))
            print(f"  {k:8} {ours * 1e3:.2f} ms / {base * 1e3:.3f} ms = {ours / base:.1f}x")


def main() -> None:
    """Export the base revision, import both versions, print the comparisons."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", default="main", help="the revision to compare with")
    parser.add_argument("--rounds", type=int, default=12)
    parser.add_argument("--only", default=",".join(sorted(_PARTS)), help="parts, comma-separated")
    args = parser.parse_args()
    only = frozenset(args.only.split(","))
    if not only <= _PARTS:
        parser.error(f"--only: unknown part(s) {sorted(only - _PARTS)}")
    with tempfile.TemporaryDirectory() as tmp:
        export(args.base, Path(tmp))
        sys.path.insert(0, tmp)
        base = importlib.import_module("aieco_base").extract_amounts
        print(f"load average at the start: {os.getloadavg()}")
        compare({args.base: base, "this": extract_amounts}, args.rounds, only)
        print(f"load average at the end: {os.getloadavg()}")


if __name__ == "__main__":
    main()
