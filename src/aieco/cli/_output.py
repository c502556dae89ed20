"""Output of the ``aieco`` command: UTF-8 whatever the environment; a closed pipe, quietly."""

from __future__ import annotations

import contextlib
import io
import json
import os
import sys
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from aieco.cli._errors import fail

if TYPE_CHECKING:
    from aieco.query import Query

__all__ = ["csv_text", "quiet_stdout", "utf8_output", "write"]


def quiet_stdout() -> None:
    """After a closed pipe: point stdout at /dev/null so the final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


@contextlib.contextmanager
def utf8_output() -> Iterator[None]:
    """While the command runs, sys.stdout and sys.stderr write UTF-8, whatever the environment.

    PYTHONIOENCODING or a C locale would otherwise pick ASCII or Latin-1, and "€" or "─" would
    end in a UnicodeEncodeError. Text streams over a byte buffer (the real ones, pytest's) are
    reconfigured and put back afterwards, so calling `main` from Python leaves them as they
    were; other streams (io.StringIO, a notebook's) take text and are left alone. Characters
    UTF-8 cannot encode (lone surrogates from undecodable command-line bytes) are written as
    backslash escapes, visibly, instead of failing.
    """
    saved = []
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            before = (stream, stream.encoding, stream.errors)
            try:
                stream.reconfigure(encoding="utf-8", errors="backslashreplace")
            except (OSError, ValueError):  # a closed stream, or a pipe already gone
                continue
            saved.append(before)
    try:
        yield
    finally:
        for stream, encoding, errors in saved:
            with contextlib.suppress(OSError, ValueError):
                stream.reconfigure(encoding=encoding, errors=errors)


def csv_text(query: Query[Any]) -> str:
    """The query's records as CSV, as `Query.to_csv` writes them.

    The export columns of `Query.to_arrow`: amounts exact, also normalised to USD.
    """
    import pyarrow.csv

    from aieco._export import csv_table

    buffer = io.BytesIO()
    pyarrow.csv.write_csv(csv_table(query.to_arrow(currency="USD")), buffer)
    return buffer.getvalue().decode("utf-8")


def write(output: Any, as_json: bool) -> int:
    """Write a command's output (lines, CSV text, or a JSON-shaped value); the exit status."""
    if isinstance(output, str):
        text = output.removesuffix("\n")
    elif as_json:
        text = json.dumps(output, ensure_ascii=False, indent=2)
    else:
        text = "\n".join(output)
    if sys.stdout is None:  # started with stdout closed: aieco rounds >&-
        return fail("cannot write the output: standard output is closed")
    try:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
    except BrokenPipeError:
        quiet_stdout()
        return 1
    except OSError as exc:  # e.g. a full disk
        return fail(f"cannot write the output: {exc.strerror or exc}")
    return 0
