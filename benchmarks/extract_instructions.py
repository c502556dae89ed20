r"""`extract_amounts`' instructions, counted by callgrind, as ratios (run by hand).

    uv run python benchmarks/extract_instructions.py [--src DIR] [--part articles,dense]
    uv run python benchmarks/extract_instructions.py --piece "5 Mio. € "

On the shared 2-core machine the thread time of one and the same pass swings by up to 40 %;
an instruction count does not move with the load. Each measure runs a child under
``valgrind --tool=callgrind`` (`_callgrind.count`) that warms what it measures and counts
only the loop:

* ``articles``: one pass of `extract_amounts` over the five articles, and one pass of the
  bare digit scan ``re.finditer(r"\d[\d.,]*")`` over them (the goal is 2.5x the scan's time;
  the instruction ratio is a guide, not the goal: C regex work and Python calls cost
  different times per instruction);
* ``dense``: each of `extract_side_by_side.PIECES` (or ``--piece``) x 10,000 characters, and
  10,000 characters of the articles (the goal is 20x the prose's time).

``--src`` names another checkout's ``src`` (``git archive REV src | tar -x -C /tmp/base``)
to compare with. About 5 s per count.
"""

from __future__ import annotations

import argparse
import collections
import itertools
import re
import sys
from pathlib import Path

import _callgrind

ROOT = Path(__file__).resolve().parents[1]
_RAW = re.compile(r"\d[\d.,]*")
#: Passes in the counted loop: a few thousand instructions are counted once per loop.
_PASSES = 20


def _texts(what: str) -> list[str]:
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import bench_amounts as bench

    texts = bench.articles()
    if what in ("articles", "scan"):
        return texts
    if what == "prose":
        return [("\n".join(texts) * 2)[:10_000]]
    piece = what.removeprefix("piece=")
    return [(piece * (10_000 // len(piece) + 1))[:10_000]]


def _scan(text: str) -> None:
    for _ in _RAW.finditer(text):
        pass


def _child(what: str) -> None:
    """Warm the engine, switch callgrind's instrumentation on, run the counted loop."""
    from aieco import extract_amounts

    texts = _texts(what)
    run = _scan if what == "scan" else extract_amounts
    for _ in range(2):
        for text in texts:
            run(text)
    _callgrind.start_counting()
    collections.deque(itertools.starmap(run, [(text,) for text in texts] * _PASSES), 0)


def _count(what: str, src: str) -> float:
    return _callgrind.count(__file__, ["--what", what], src) / _PASSES


def main() -> None:
    """Print the counts and ratios."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    from extract_side_by_side import PIECES

    parser = argparse.ArgumentParser()
    parser.add_argument("--src", default=str(ROOT / "src"), help="the aieco package's src dir")
    parser.add_argument("--part", default="articles,dense")
    parser.add_argument("--piece", action="append", default=[], help="dense pieces to count")
    parser.add_argument("--what", help=argparse.SUPPRESS)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.what)
        return
    parts = args.part.split(",")
    if "articles" in parts:
        scan, ours = _count("scan", args.src), _count("articles", args.src)
        print(f"articles: {ours:,.0f} instructions a pass, digit scan {scan:,.0f}", end="")
        print(f": {ours / scan:.2f}x")
    if "dense" in parts:
        prose = _count("prose", args.src)
        print(f"10,000 characters of the articles: {prose:,.0f} instructions")
        for piece in args.piece or PIECES:
            ours = _count(f"piece={piece}", args.src)
            print(f"  {piece!r} x 10,000 characters: {ours:,.0f} = {ours / prose:.1f}x")


if __name__ == "__main__":
    main()
