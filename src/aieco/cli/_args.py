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
from typing import Any, NoReturn

from aieco._views import COLUMNS
from aieco.cli._errors import PROG, OptionError, one_line
from aieco.model import CompanyCategory, InvestorKind, PolicyKind, PolicyStatus

__all__ = ["DEFAULT_LOCALE", "build_parser", "settle"]

DEFAULT_LOCALE = "de_DE"
"""The locale amounts are read and written in unless ``--locale`` says otherwise."""

#: The formats of a listing (rounds, companies, investors, policies).
FORMATS = ("table", "json", "csv")
#: The formats of ``aieco extract``: one text's table or JSON, or a table of many files' mentions.
EXTRACT_FORMATS = ("table", "json", "csv", "jsonl", "parquet")
#: The commands whose output is a listing.
LISTINGS = {
    "rounds": "funding_rounds",
    "companies": "companies",
    "investors": "investors",
    "policies": "policies",
}


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


def _value(value: str) -> str:
    """An enum value as where() takes it; a label ("AI lab", "Pre-seed") works too."""
    return "_".join(value.strip().lower().replace("-", " ").split())


def _many(kind: Callable[[str], Any]) -> Callable[[str], Any]:
    """Argparse type for a filter: one value, or several separated by commas (any of them)."""

    def parse(value: str) -> Any:
        parts = [kind(part) for part in value.split(",") if part.strip()]
        if not parts:
            raise argparse.ArgumentTypeError(f"{value!r} names nothing")
        return parts[0] if len(parts) == 1 else tuple(parts)

    return parse


def _encoding(value: str) -> str:
    """Argparse type for --encoding: a text encoding Python knows (latin-1, cp1252, utf-8)."""
    import codecs

    try:
        info = codecs.lookup(value.strip())
    except LookupError:
        raise argparse.ArgumentTypeError(
            f"{value!r} is not a text encoding (e.g. utf-8, latin-1, cp1252)"
        ) from None
    if not getattr(info, "_is_text_encoding", True):
        raise argparse.ArgumentTypeError(f"{value!r} is not a text encoding")
    return info.name


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
        unknown = getattr(self, "_unknown_command", None)
        if unknown is not None:  # one line, no usage: the suggestion says it all
            print(f"{PROG}: error: {one_line(unknown)}", file=sys.stderr)
            sys.exit(2)
        sys.exit(self.usage_error(message))

    def _check_value(self, action: argparse.Action, value: Any) -> None:
        """An unknown command is named with the closest command ("round": "rounds")."""
        choices = action.choices
        subparsers = isinstance(action, argparse._SubParsersAction)
        if subparsers and choices is not None and value not in choices:
            from difflib import get_close_matches

            close = get_close_matches(str(value), list(choices), n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            self._unknown_command = (
                f"unknown command {value!r}{hint} (aieco --help lists the commands)"
            )
        super()._check_value(action, value)


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

    sub = _listing(command("rounds", "list funding rounds, newest first"), "rounds")
    sub.add_argument("--min", metavar="AMOUNT", help="at least this much, e.g. '1 Mrd. USD'")
    sub.add_argument("--max", metavar="AMOUNT", help="at most this much, e.g. '500 Mio. EUR'")
    sub.add_argument("--company", metavar="X", help="of this company (name, alias or id)")
    _country_region(sub, "company ")
    sub.add_argument("--since", metavar="YEAR", type=_year, help="announced in or after YEAR")
    sub.add_argument("--until", metavar="YEAR", type=_year, help="announced in or before YEAR")
    sub.add_argument("--investor", metavar="X", help="with this investor taking part")

    sub = _listing(command("companies", "list companies by name"), "companies")
    _country_region(sub, "")
    _enum_filter(sub, "--category", CompanyCategory)

    sub = _listing(command("investors", "list investors by name"), "investors")
    _country_region(sub, "")
    _enum_filter(sub, "--kind", InvestorKind)

    summary = "list policies: regulations, programmes, initiatives, controls"
    sub = _listing(command("policies", summary), "policies")
    sub.add_argument(
        "--jurisdiction", metavar="J", type=_many(str.strip), help="e.g. EU, US, DE (or EU,US)"
    )
    sub.add_argument(
        "--region", metavar="R", type=_many(_region), help="jurisdiction region, e.g. Europe"
    )
    _enum_filter(sub, "--kind", PolicyKind)
    _enum_filter(sub, "--status", PolicyStatus)
    sub.add_argument("--since", metavar="YEAR", type=_year, help="announced in or after YEAR")
    sub.add_argument("--until", metavar="YEAR", type=_year, help="announced in or before YEAR")

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


def _listing(sub: argparse.ArgumentParser, command: str) -> argparse.ArgumentParser:
    """The options every listing has: --format, --limit, --sort, --reverse."""
    columns = ", ".join(c.name for c in COLUMNS[LISTINGS[command]])
    sub.add_argument(
        "--format",
        choices=FORMATS,
        default=None,
        help="a table (default), json (the records, as --json) or csv (the export columns)",
    )
    sub.add_argument("--limit", type=_positive, metavar="N", help="only the first N")
    sub.add_argument("--sort", metavar="FIELD", help=f"order by a column: {columns}")
    sub.add_argument(
        "--reverse", action="store_true", help="the opposite order (of --sort, or the default)"
    )
    return sub


def _country_region(sub: argparse.ArgumentParser, whose: str) -> None:
    sub.add_argument(
        "--country", metavar="CC", type=_many(_country), help=f"{whose}country, e.g. FR or FR,DE"
    )
    sub.add_argument(
        "--region", metavar="R", type=_many(_region), help=f"{whose}region, e.g. EU, Europe, US"
    )


def _enum_filter(sub: argparse.ArgumentParser, option: str, kind: type[enum.Enum]) -> None:
    sub.add_argument(
        option, metavar="K", type=_many(_value), help="one of: " + ", ".join(_choices(kind))
    )


def settle(args: argparse.Namespace) -> None:
    """Make ``--json`` and ``--format`` one choice (two different formats: a usage error).

    ``args.format`` of a listing is its format; ``args.json`` is true for JSON.
    """
    fmt = getattr(args, "format", None)
    if args.json and fmt not in (None, "json"):
        raise OptionError("--format", f"{fmt} and --json ask for two formats; give one")
    if fmt == "json":
        args.json = True
    if args.command in LISTINGS:
        args.format = "json" if args.json else fmt or "table"


def _extract(sub: argparse.ArgumentParser) -> None:
    """The options of ``aieco extract``: one text, or a table of many files' mentions."""
    sub.add_argument(
        "files",
        nargs="+",
        metavar="PATH",
        help="text files (UTF-8, or --encoding) or folders (read recursively), or - for stdin",
    )
    sub.add_argument(
        "--numbers", action="store_true", help="also list bare numbers (years, counts)"
    )
    sub.add_argument(
        "--format",
        choices=EXTRACT_FORMATS,
        help="table or json: one text's amounts (default); csv, jsonl or parquet: one table "
        "of every mention in many files (the default for many files: from --out's suffix, "
        "else jsonl)",
    )
    sub.add_argument(
        "--encoding",
        type=_encoding,
        default="utf-8",
        metavar="E",
        help="the inputs' text encoding (default utf-8), e.g. latin-1 or cp1252",
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
