"""The command line never shows a traceback: closed stdout, Ctrl-C, memory, pipes, bugs (#9)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from aieco import cli
from aieco.cli import _listing, _text

AIECO = [sys.executable, "-m", "aieco"]


def test_closed_stdout_is_one_line_and_status_1() -> None:
    """Standard output closed before the command starts (aieco rounds >&-)."""
    result = (
        subprocess.run(
            [*AIECO, "rounds"],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            check=False,
            preexec_fn=lambda: os.close(1),
        )
        if os.name == "posix"
        else None
    )
    if result is None:
        pytest.skip("closing a child's stdout is POSIX")
    assert result.returncode == 1
    assert result.stderr.decode().splitlines() == [
        "aieco: error: cannot write the output: standard output is closed"
    ]


READY = (
    "import sys, aieco.cli\n"
    "print('ready', file=sys.stderr, flush=True)\n"
    "sys.exit(aieco.cli.main(['extract', '-']))\n"
)


def _wait_until_blocked(pid: int) -> None:
    """Wait until the process is blocked reading its stdin pipe, as Linux's /proc tells.

    Sleeping is not enough: the command imports its view modules after it starts, and an
    import may sleep too (a thread pool starting). ``wchan`` names the kernel function it waits
    in (``pipe_read``); where /proc hides it ("0"), the process state "S" has to do.
    """
    stat, wchan = Path(f"/proc/{pid}/stat"), Path(f"/proc/{pid}/wchan")
    for _ in range(6000):
        sleeping = stat.read_text().rpartition(")")[2].split()[0] == "S"
        where = wchan.read_text() if wchan.exists() else "0"
        if sleeping and ("pipe_read" in where or where == "0"):
            return
        time.sleep(0.01)
    raise AssertionError("the command never waited for its input")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="SIGINT timing needs /proc")
def test_ctrl_c_is_one_line_and_status_130() -> None:
    """Ctrl-C while the command waits for its input: one line, status 130."""
    with subprocess.Popen(
        [sys.executable, "-c", READY],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    ) as proc:
        assert proc.stderr is not None
        assert proc.stderr.readline() == b"ready\n"  # started: the command is running
        _wait_until_blocked(proc.pid)  # ... and waits for its input inside main()
        proc.send_signal(signal.SIGINT)
        _, err = proc.communicate(timeout=120)
    assert (proc.returncode, err.decode().splitlines()) == (130, ["aieco: interrupted"])


def test_memory_error_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def huge(*args: object) -> Iterator[tuple[int, str]]:
        raise MemoryError
        yield 0, ""  # a generator, as paragraphs() is

    monkeypatch.setattr(_text, "paragraphs", huge)
    assert cli.main(["extract", "-"]) == 1
    assert capsys.readouterr().err.splitlines() == [
        "aieco: error: out of memory (an input too large to read at once?)"
    ]


def test_a_bug_is_one_line_and_status_70(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def broken(args: object) -> list[str]:
        raise ZeroDivisionError("division by zero")

    monkeypatch.setattr(_listing, "rounds", broken)
    assert cli.main(["rounds"]) == 70
    assert capsys.readouterr().err.splitlines() == [
        "aieco: internal error (please report it): ZeroDivisionError: division by zero"
    ]


def test_ctrl_c_in_process(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(args: object) -> list[str]:
        raise KeyboardInterrupt

    monkeypatch.setattr(_listing, "rounds", interrupted)
    assert cli.main(["rounds"]) == 130
    assert capsys.readouterr().err == "aieco: interrupted\n"


@pytest.mark.skipif(os.name != "posix", reason="a shell pipeline")
def test_the_documented_status_of_rounds_piped_to_head() -> None:
    """docs/cli.md: `aieco rounds | head -1` exits 0 (the output fits in the pipe)."""
    command = f"{sys.executable} -m aieco rounds | head -1 >/dev/null; echo ${{PIPESTATUS[0]}}"
    result = subprocess.run(["bash", "-c", command], capture_output=True, text=True, check=True)
    assert (result.stdout.strip(), result.stderr) == ("0", "")


@pytest.mark.skipif(os.name != "posix", reason="a pipe whose reader is gone")
def test_a_reader_gone_before_the_output_is_status_1_and_quiet() -> None:
    """docs/cli.md: a broken pipe is status 1, with nothing on stderr."""
    read, write = os.pipe()
    os.close(read)  # the reader is gone before anything is written
    try:
        result = subprocess.run(
            [*AIECO, "rounds"], stdout=write, stderr=subprocess.PIPE, check=False
        )
    finally:
        os.close(write)
    assert (result.returncode, result.stderr) == (1, b"")


STARTUP_PROBE = """
import json, sys
from aieco.cli import main
status = main(sys.argv[1:])
print(json.dumps(sorted(sys.modules)), file=sys.stderr)
"""

#: Modules `aieco --version` and `aieco --help` must not import: each command's views, the
#: amounts engine, the dataset, Arrow and numpy, the round extractor.
HEAVY = (
    "aieco.amounts",
    "aieco.batch",
    "aieco.dataset",
    "aieco.query",
    "aieco.rounds",
    "aieco.cli._listing",
    "aieco.cli._show",
    "aieco.cli._text",
    "aieco.cli._corpus",
    "aieco.cli._rounds_in",
    "babel.numbers",
    "numpy",
    "pyarrow",
)


@pytest.mark.parametrize("argv", [["--version"], ["--help"], ["rounds", "--help"]])
def test_start_up_imports_only_the_parser(argv: list[str]) -> None:
    """`aieco --version` and the help build the parser only: no view, no engine, no Arrow."""
    result = subprocess.run(
        [sys.executable, "-c", STARTUP_PROBE, *argv], capture_output=True, text=True, check=True
    )
    modules = json.loads(result.stderr.splitlines()[-1])
    assert [] == [m for m in modules if m.startswith(HEAVY)]
    assert "aieco.cli._args" in modules  # the probe did build the parser
