r"""`parse_amount`'s instructions per expression, counted by callgrind (by hand).

    uv run python benchmarks/parse_instructions.py [--src DIR] [--part all|figures|worded]
    uv run python benchmarks/parse_instructions.py --text "zwei Millionen dreihunderttausend Euro"

On the shared 2-core machine the thread time of one and the same pass swings by up to 40 %;
an instruction count does not move with the load. This runs ``valgrind --tool=callgrind`` on a
child that warms the engine on the benchmark's expressions (`bench_amounts.corpus`: all, the
140 built from a figure, the 15 worded ones) or on ``--text``, switches the instrumentation
on (``callgrind_control -i on``) and counts only what runs inside the timed loop (the loop
is an ``itertools.starmap`` whose C function is callgrind's ``--toggle-collect``), so the
interpreter's start and the imports are not counted (and the objects they made are frozen out of
the garbage collector's generations first). ``--src`` names another checkout's
``src`` (``git archive REV src | tar -x -C /tmp/base``) to compare with. About 10 s per run.
"""

from __future__ import annotations

import argparse
import collections
import itertools
import sys
from pathlib import Path

import _callgrind

ROOT = Path(__file__).resolve().parents[1]
#: Expressions parsed in the counted loop (whole passes over the texts): a few thousand
#: instructions are counted once per loop whatever runs in it, so it is long.
_CALLS = 3000


def _child(part: str, texts: list[str]) -> None:
    """Warm the engine, switch callgrind's instrumentation on, run the counted loop."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import bench_amounts as bench

    from aieco import parse_amount

    if not texts:
        texts = bench.corpus_parts()[part]
    for _ in range(2):
        for text in texts:
            parse_amount(text)
    _callgrind.start_counting()
    args = [(text,) for text in texts] * _passes(len(texts))
    collections.deque(itertools.starmap(parse_amount, args), 0)


def _passes(count: int) -> int:
    return max(1, _CALLS // count)


def main() -> None:
    """Print the instructions per expression."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--src", default=str(ROOT / "src"), help="the aieco package's src dir")
    parser.add_argument("--part", default="all", choices=["all", "figures", "worded"])
    parser.add_argument("--text", action="append", default=[], help="count these instead")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.part, args.text)
        return
    child_args = ["--part", args.part, *(f"--text={text}" for text in args.text)]
    total = _callgrind.count(__file__, child_args, args.src)
    count = len(args.text) if args.text else {"all": 155, "figures": 140, "worded": 15}[args.part]
    each = total / _passes(count) / count
    print(f"{args.src} {args.part if not args.text else args.text}: {each:,.0f} instructions each")


if __name__ == "__main__":
    main()
