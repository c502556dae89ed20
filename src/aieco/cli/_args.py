"""The arguments of the ``aieco`` command: its parser and the types of option values (internal).

Only the parser is built at start-up (``aieco --version``, ``aieco --help``); the modules that
run a command are imported when it runs.
"""

from __future__ import annotations

import argparse
import enum
import re
import sys
from collections.abc import Callable
from typing import NoReturn

from aieco.cli._errors import PROG, one_line
from aieco.model import CompanyCategory

__all__ = ["DEFAULT_LOCALE", "build_parser"]

DEFAULT_LOCALE = "de_DE"
"""The locale amounts are read and written in unless ``--locale`` says otherwise."""

#: The formats of ``aieco extract``'s table of many files.
TABLE_FORMATS = ("parquet", "csv", "jsonl")


# --- types of option values -----------------------------------------------------------------


def _locale(value: str) -> str:
    """Argparse type for --locale: a locale the amounts engine supports (checked by using it)."""
    from aieco.amounts import format_money
    from aieco.money import Money

    try:
        format_money(Money(1, "EUR"), locale=value)
    except (ValueError, LookupError, TypeError) as exc:
        raise argparse.ArgumentTypeError(one_line(str(exc))) from None
    return value


def _country(value: str) -> str:
    """Argparse type for --country: an ISO 3166-1 alpha-2 code babel knows, in any case."""
    from aieco._checks import is_country

    code = value.strip().upper()
    if not is_country(code):
        raise argparse.ArgumentTypeError(
            f"{value!r} is not an ISO 3166-1 alpha-2 country code (e.g. FR, US, KR)"
        )
    return code


def _region(value: str) -> str:
    """Argparse type for --region: "EU", "Europe" or a country code, in any case."""
    from aieco._regions import region_countries
    from aieco.errors import ValidationError

    text = value.strip()
    try:
        name, _ = region_countries(text.upper() if len(text) == 2 else text, "--region")
    except ValidationError as exc:
        expected = exc.problems[0].expected if exc.problems else str(exc)
        raise argparse.ArgumentTypeError(f"{value!r} {expected}") from None
    return name


def _year(value: str) -> int:
    """Argparse type for --since and --until: a year from 0001 to 9999."""
    text = value.strip()
    if not (len(text) == 4 and text.isascii() and text.isdigit() and text != "0000"):
        raise argparse.ArgumentTypeError(f"{value!r} is not a four-digit year (e.g. 2025)")
    return int(text)


def _positive(value: str) -> int:
    """Argparse type for --jobs and --max-chars: a whole number, at least 1."""
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1, not {number}")
    return number


def _choices(kind: type[enum.Enum]) -> list[str]:
    return [str(member.value) for member in kind]


# --- the parser -----------------------------------------------------------------------------


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose error line starts with "aieco: error:" for subcommands too.

    A bad value is reported as ``--option: …`` (argparse says ``argument --option: …``), the
    same form the commands use for values they check themselves.
    """

    def usage_error(self, message: str) -> int:
        """Print the usage and the one error line; return the exit status of a usage error, 2."""
        self.print_usage(sys.stderr)
        message = re.sub(r"^argument ([^\s:]+): ", r"\1: ", message)
        print(f"{PROG}: error: {one_line(message)}", file=sys.stderr)
        return 2

    def error(self, message: str) -> NoReturn:
        sys.exit(self.usage_error(message))


class _Help(argparse.HelpFormatter):
    """Help at a fixed width (not read from the terminal), with room for the command names."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=28, width=100)
        # argparse sizes the name column before it indents the subcommands, which would
        # wrap "companies" and "investors" onto lines of their own.
        self._action_max_length = 16


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``aieco`` command."""
    import aieco

    # --json and --locale are accepted before and after the command name. The copies on the
    # subcommands default to SUPPRESS, so they never overwrite a value given before the command.
    common = _Parser(add_help=False)
    common.add_argument(
        "--json",
        action="store_true",
        default=argparse.SUPPRESS,
        help="write JSON instead of a table",
    )
    common.add_argument(
        "--locale",
        type=_locale,
        default=argparse.SUPPRESS,
        metavar="L",
        help=f"locale to read and write amounts in (default {DEFAULT_LOCALE})",
    )

    parser = _Parser(
        prog=PROG,
        formatter_class=_Help,
        description="Ask aieco's dataset of the AI ecosystem questions; read German amounts.",
        epilog="Run 'aieco COMMAND --help' for a command's options.",
    )
    parser.add_argument("--json", action="store_true", help="write JSON instead of a table")
    parser.add_argument(
        "--locale",
        type=_locale,
        default=DEFAULT_LOCALE,
        metavar="L",
        help=f"locale to read and write amounts in (default {DEFAULT_LOCALE})",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {aieco.__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    def command(name: str, summary: str) -> argparse.ArgumentParser:
        sub: argparse.ArgumentParser = commands.add_parser(
            name, parents=[common], help=summary, description=summary, formatter_class=_Help
        )
        sub.set_defaults(_parser=sub)  # for the usage line of errors found after parsing
        return sub

    sub = command("parse", "read one amount, e.g. 'rund 4 Mrd. USD'")
    sub.add_argument("text", metavar="TEXT", help="the amount (put '--' before a text like '-5€')")

    _extract(command("extract", "list every amount in a text, or a table of many files' amounts"))

    sub = command("rounds", "list funding rounds, newest first")
    sub.add_argument("--min", metavar="AMOUNT", help="at least this much, e.g. '1 Mrd. USD'")
    sub.add_argument("--max", metavar="AMOUNT", help="at most this much, e.g. '500 Mio. EUR'")
    sub.add_argument("--company", metavar="X", help="of this company (name, alias or id)")
    sub.add_argument("--country", metavar="CC", type=_country, help="company country, e.g. FR")
    sub.add_argument(
        "--region", metavar="R", type=_region, help="company region, e.g. EU, Europe, US, CN"
    )
    sub.add_argument("--since", metavar="YEAR", type=_year, help="announced in or after YEAR")
    sub.add_argument("--until", metavar="YEAR", type=_year, help="announced in or before YEAR")
    sub.add_argument("--investor", metavar="X", help="with this investor taking part")

    sub = command("companies", "list companies")
    sub.add_argument("--country", metavar="CC", type=_country, help="e.g. US, FR, KR")
    sub.add_argument(
        "--category",
        metavar="C",
        choices=_choices(CompanyCategory),
        help="one of: " + ", ".join(_choices(CompanyCategory)),
    )

    command("investors", "list investors")
    command("policies", "list policies: regulations, programmes, initiatives, controls")

    sub = command("show", "show a company, investor or policy with its rounds and citations")
    sub.add_argument("name", metavar="NAME", help="a name, alias or id, e.g. Mistral")

    sub = command("convert-data", "convert a dataset between JSON and Parquet (checked on the way)")
    sub.add_argument("source", metavar="IN", help="a dataset JSON file or Parquet folder")
    sub.add_argument("target", metavar="OUT", help="where to write (OUT.parquet: Parquet)")
    sub.add_argument(
        "--to",
        choices=("json", "parquet"),
        default=None,
        help="the format to write (default: Parquet when OUT ends in .parquet, else JSON)",
    )

    _rounds_in(command)
    return parser


def _extract(sub: argparse.ArgumentParser) -> None:
    """The options of ``aieco extract``: one text, or a table of many files' mentions."""
    sub.add_argument(
        "files",
        nargs="+",
        metavar="PATH",
        help="UTF-8 text files or folders (read recursively), or - for standard input",
    )
    sub.add_argument(
        "--numbers", action="store_true", help="also list bare numbers (years, counts)"
    )
    sub.add_argument(
        "--format",
        choices=TABLE_FORMATS,
        help="write one table of every mention (default: from --out's suffix, else jsonl)",
    )
    sub.add_argument("--out", metavar="FILE", help="write the table here (default: stdout)")
    sub.add_argument(
        "--jobs",
        type=_positive,
        default=None,
        metavar="N",
        help="worker processes (default: all cores)",
    )
    sub.add_argument(
        "--glob",
        default="*.txt",
        metavar="PATTERN",
        help="files to read inside a folder (default: *.txt)",
    )
    sub.add_argument(
        "--max-chars",
        type=_positive,
        default=None,
        metavar="N",
        help="skip longer texts, as error rows (default: aieco.batch.MAX_CHARS, a million)",
    )
    sub.add_argument(
        "--progress",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="show a progress bar on stderr (default: when stderr is a terminal)",
    )


def _rounds_in(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    """The options of ``rounds-in`` and ``merge`` (#13)."""
    sub = command("rounds-in", "list the funding rounds an article reports; write a draft dataset")
    sub.add_argument("file", metavar="FILE", help="a UTF-8 text file, or - for standard input")
    sub.add_argument("--out", metavar="DRAFT", help="write the draft dataset (JSON) to DRAFT")
    sub.add_argument(
        "--known",
        metavar="BASE",
        help="a dataset file (or 'bundled') to link names to and check for conflicts",
    )
    sub.add_argument("--source-id", metavar="ID", help="the draft's source id (default: FILE)")
    sub.add_argument("--title", metavar="T", help="the source's title (default: the first line)")

    sub = command("merge", "show what a draft adds to a dataset; --out writes the merged dataset")
    sub.add_argument("base", metavar="BASE", help="a dataset file, or 'bundled'")
    sub.add_argument("draft", metavar="DRAFT", help="a dataset file, e.g. from rounds-in --out")
    sub.add_argument("--out", metavar="FILE", help="write the merged dataset (JSON) to FILE")
