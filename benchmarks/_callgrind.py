"""Instruction counts with callgrind, for `parse_instructions.py` and `rounds_instructions.py`.

The measuring script runs itself again as a child under ``valgrind --tool=callgrind`` with the
instrumentation off at the start (`count`); the child warms what it measures, calls
`start_counting` and runs the counted work inside an ``itertools.starmap`` (whose C function is
callgrind's ``--toggle-collect``), so the interpreter's start and the imports are not counted.
"""

from __future__ import annotations

import gc
import os
import re
import subprocess
import sys
import time


def start_counting() -> None:
    """In the child: switch callgrind's instrumentation on and put what exists out of gc's way.

    The objects made so far (the imports, babel's data) are frozen out of the collector's
    generations: a full collection inside the counted loop would count them, once or not at
    all, whatever the code does.
    """
    subprocess.run(["callgrind_control", "-i", "on", str(os.getpid())], capture_output=True)
    time.sleep(0.2)
    gc.collect()
    gc.freeze()


def count(script: str, child_args: list[str], src: str) -> int:
    """The instructions callgrind counts in ``script --child *child_args`` with ``src`` first."""
    cmd = [
        "valgrind",
        "--tool=callgrind",
        "--instr-atstart=no",
        "--toggle-collect=starmap_next",
        "--callgrind-out-file=/dev/null",
        sys.executable,
        script,
        "--child",
        *child_args,
    ]
    env = {**os.environ, "PYTHONPATH": src}
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
    refs = re.search(r"refs:\s*([\d,]+)", done.stderr)
    if refs is None:
        sys.exit(f"no instruction count in valgrind's output:\n{done.stderr}")
    return int(refs.group(1).replace(",", ""))
