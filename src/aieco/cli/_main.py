"""``main``: parse the arguments, run the command, turn every failure into one line (internal)."""

from __future__ import annotations

import argparse
import importlib
from collections.abc import Sequence
from typing import Any

from aieco.cli._errors import OptionError, Unreadable, fail, one_line, say
from aieco.cli._output import utf8_output, write

__all__ = ["main"]

#: Each command's function as "module:function" in aieco.cli, imported when the command runs.
COMMANDS = {
    "parse": "_text:parse",
    "extract": "_text:extract",
    "rounds": "_listing:rounds",
    "companies": "_listing:companies",
    "investors": "_listing:investors",
    "policies": "_listing:policies",
    "show": "_show:show",
    "convert-data": "_convert:convert_data",
    "rounds-in": "_rounds_in:rounds_in",
    "merge": "_rounds_in:merge",
}


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``aieco`` command with ``argv`` (default: ``sys.argv[1:]``); return the exit status.

    0 on success, 1 for a name not found, unreadable input or a TEXT of ``parse`` that is not an
    amount, 2 for a usage error (a value an option cannot use included). Errors go to stderr as
    one line starting with ``aieco: error:``. Output is UTF-8 whatever the environment's encoding.
    """
    try:
        with utf8_output():
            return _run(argv)
    except KeyboardInterrupt:  # Ctrl-C: one line, the shell's status for SIGINT
        say("interrupted")
        return 130
    except MemoryError:
        return fail("out of memory (an input too large to read at once?)")
    except Exception as exc:  # a bug in aieco: still one line, never a traceback
        say(f"internal error (please report it): {type(exc).__name__}: {one_line(str(exc))}")
        return 70


def _command(name: str) -> Any:
    module, _, function = COMMANDS[name].partition(":")
    return getattr(importlib.import_module(f"aieco.cli.{module}"), function)


def _run(argv: Sequence[str] | None) -> int:
    from aieco.cli._args import build_parser, settle

    parser = build_parser()
    try:
        args: argparse.Namespace = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits: 2 after a usage error, 0 after --help
        return exc.code if isinstance(exc.code, int) else 2

    from aieco.errors import AiecoError, NotFound

    try:
        settle(args)
        output = _command(args.command)(args)
    except OptionError as exc:
        if exc.status == 2:
            return int(args._parser.usage_error(str(exc)))
        return fail(str(exc))
    except (NotFound, Unreadable) as exc:
        return fail(str(exc))
    except OSError as exc:
        filename = exc.filename if exc.filename is not None else getattr(args, "file", "")
        return fail(f"{filename}: {exc.strerror or exc}")
    except (AiecoError, ValueError, LookupError) as exc:
        return fail(str(exc))

    if isinstance(output, int):  # a command that wrote its output itself: its exit status
        return output
    return write(output, args.json)
