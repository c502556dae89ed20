r"""`extract_rounds`' instructions on 100 kB of each `bench_rounds.py` input (callgrind, by hand).

    uv run python benchmarks/rounds_instructions.py [--src DIR] [--input articles|news|dense]

On the shared 2-core machine one pass's thread time swings by up to 40 %, more than a step of
round-extraction tuning gains; an instruction count does not move with the load. This runs
``valgrind --tool=callgrind`` on a child that reads the input once (the locale's data, the
compiled patterns and the memos of words warm, as in the benchmark's later passes), switches
the instrumentation on (``callgrind_control -i on``) and counts one more `extract_rounds` over
the same 100 kB, inside an ``itertools.starmap`` whose C function is callgrind's
``--toggle-collect`` (the interpreter's start and the imports are not counted). ``--src``
names another checkout's ``src`` (``git archive REV src | tar -x -C /tmp/base``) to compare
with. About 15-25 s per input.
"""

from __future__ import annotations

import argparse
import collections
import itertools
import sys
from pathlib import Path

import _callgrind

ROOT = Path(__file__).resolve().parents[1]
#: How much of each input of bench_rounds.py is read in the counted call.
SIZE = 100_000
#: The inputs of bench_rounds.py by a short name, in its order.
INPUTS = {"articles": 0, "news": 1, "dense": 2}


def _child(name: str) -> None:
    """Read the input once, switch callgrind's instrumentation on, read it again."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import bench_rounds

    from aieco import extract_rounds

    text = list(bench_rounds.inputs().values())[INPUTS[name]][:SIZE]
    extract_rounds(text)
    _callgrind.start_counting()
    collections.deque(itertools.starmap(extract_rounds, [(text,)]), 0)


def main() -> None:
    """Print the instructions of one `extract_rounds` over 100 kB of each input."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--src", default=str(ROOT / "src"), help="the aieco package's src dir")
    parser.add_argument("--input", choices=list(INPUTS), action="append", help="default: all")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        _child(args.child)
        return
    for name in args.input or list(INPUTS):
        count = _callgrind.count(__file__, [name], args.src)
        print(f"{args.src} {name}: {count / 1e6:,.1f} M instructions per {SIZE // 1000} kB")


if __name__ == "__main__":
    main()
