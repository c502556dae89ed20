"""The ``aieco`` command: ask the bundled dataset questions and read amounts from the shell.

::

    aieco [--json] [--locale L] COMMAND ...

    aieco parse TEXT              read one amount ("rund 4 Mrd. USD")
    aieco extract FILE|-          every amount in a text file (or stdin)
    aieco extract PATH... --out F a table of every amount in many files or folders
    aieco rounds [filters]        funding rounds, newest first
    aieco companies [filters]     companies
    aieco investors               investors
    aieco policies                policies
    aieco show NAME               a company, investor or policy with its rounds and citations

Tables are aligned for reading; ``--json`` writes JSON for machines instead: records exactly as
`aieco.to_json` writes them (the JSON contract of `aieco.converter`, so they can be
read back with `aieco.from_json`). ``--locale`` (default ``de_DE``, never taken from the
environment) is the locale amounts are read in (``parse``, ``extract``, ``--min``, ``--max``)
and written in.

Errors are one line on stderr starting with ``aieco: error:``; the exit status is 0 on success,
1 when a name is not found (``show NAME``, ``--company``, ``--investor``), an input cannot be read
or the TEXT of ``parse`` is not an amount, the output cannot be written (or, quietly, its reader
went away), and 2 for a usage error: an unknown command or option,
or a value an option cannot use at all (``--min`` that is not an amount of money, ``--since``
that is not a year, ``--country`` that is not a country code, ...); 130 after Ctrl-C and 70 for
an internal error. There is never a traceback (docs/cli.md has the table). An error about an
option's value starts with the option: ``aieco: error: --min: ...``. `main` returns the
status instead of exiting, so it can be called from Python.
"""

from __future__ import annotations

import argparse
import contextlib
import enum
import io
import json
import os
import re
import sys
import textwrap
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any, NoReturn

import aieco
from aieco import _cli_convert, _cli_extract, _cli_rounds
from aieco._checks import is_country
from aieco._regions import region_countries
from aieco.errors import AiecoError, NotFound, ValidationError
from aieco.model import (
    Citation,
    Company,
    CompanyCategory,
    FundingRound,
    Investor,
    Participation,
    Policy,
    RoundType,
)
from aieco.money import Amount, Money

__all__ = ["DEFAULT_LOCALE", "main"]

DEFAULT_LOCALE = "de_DE"
"""The locale amounts are read and written in unless ``--locale`` says otherwise."""

PROG = "aieco"
MISSING_CELL = "–"  # shown for a value the dataset does not have
RULE = "─"

# Widest a text column may grow before it is cut with "…" (display cells, not characters).
NAME_WIDTH = 24
INVESTORS_WIDTH = 32
TEXT_WIDTH = 40
WRAP_WIDTH = 92
# An error line quotes at most QUOTE_WIDTH characters of an input, shows a word (a file name)
# of at most WORD_WIDTH characters, and is at most LINE_WIDTH long.
QUOTE_WIDTH = 60
WORD_WIDTH = 200
LINE_WIDTH = 600


# --- text layout ----------------------------------------------------------------------------


def _cell_width(char: str) -> int:
    if unicodedata.combining(char) or unicodedata.category(char) in ("Cf", "Mn", "Me"):
        return 0
    return 2 if unicodedata.east_asian_width(char) in ("W", "F") else 1


def display_width(text: str) -> int:
    """The number of terminal cells ``text`` takes (wide CJK characters count twice)."""
    return sum(_cell_width(c) for c in text)


def _fit(text: str, width: int | None) -> str:
    """``text`` cut to ``width`` display cells, ending in "…" when something was cut."""
    text = " ".join(text.split())  # no newlines or tabs inside a cell
    if width is None or display_width(text) <= width:
        return text
    kept, used = [], 0
    for char in text:
        if used + _cell_width(char) > width - 1:
            break
        kept.append(char)
        used += _cell_width(char)
    return "".join(kept).rstrip() + "…"


def _pad(text: str, width: int, align: str) -> str:
    gap = " " * (width - display_width(text))
    return gap + text if align == ">" else text + gap


def table(
    headers: Sequence[str],
    rows: Iterable[Sequence[str]],
    *,
    widths: Sequence[int | None] | None = None,
    align: str | None = None,
) -> list[str]:
    """Rows under a header, each column as wide as its widest cell.

    ``widths`` caps a column (longer cells are cut with "…"), ``align`` gives one character per
    column, ``<`` (left, the default) or ``>`` (right, for amounts and counts).
    """
    limits = list(widths) if widths is not None else [None] * len(headers)
    aligns = align or "<" * len(headers)
    cells = [[_fit(str(c), limits[i]) for i, c in enumerate(row)] for row in rows]
    sizes = [
        max([display_width(h), *(display_width(row[i]) for row in cells)])
        for i, h in enumerate(headers)
    ]

    def line(values: Sequence[str]) -> str:
        return "  ".join(_pad(v, sizes[i], aligns[i]) for i, v in enumerate(values)).rstrip()

    return [line(headers), line([RULE * s for s in sizes]), *(line(row) for row in cells)]


def fields(pairs: Iterable[tuple[str, str | None]], *, width: int = WRAP_WIDTH) -> list[str]:
    """``label  value`` lines with the values aligned and wrapped; None values are left out."""
    shown = [(label, value) for label, value in pairs if value is not None]
    if not shown:
        return []
    size = max(display_width(label) for label, _ in shown)
    lines = []
    for label, value in shown:
        wrapped = textwrap.wrap(" ".join(value.split()), max(20, width - size - 2)) or [""]
        lines.append(f"{_pad(label, size, '<')}  {wrapped[0]}".rstrip())
        lines.extend(" " * (size + 2) + more for more in wrapped[1:])
    return lines


def _plural(count: int, one: str, many: str) -> str:
    return f"{count} {one if count == 1 else many}"


# --- values ---------------------------------------------------------------------------------


def _amount(amount: Amount | None, locale: str) -> str:
    """The amount as format_amount writes it, with plain spaces (easier to grep and copy)."""
    if amount is None:
        return MISSING_CELL
    return _spaces(aieco.format_amount(amount, locale=locale))


def _spaces(text: str) -> str:
    """No-break spaces (babel puts them into amounts) as plain spaces, for the terminal."""
    return text.replace("\xa0", " ").replace("\u202f", " ")


def _decimal(number: Decimal) -> str:
    """A Decimal in plain positional notation ("1500000000", not "1.5E+9")."""
    text = f"{number:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text


def _enum(value: enum.Enum | None) -> str:
    return MISSING_CELL if value is None else str(value.value)


def _round_type(kind: RoundType) -> str:
    """Series G, Seed, Pre-seed, Growth, ... ("–" when unknown)."""
    if kind is RoundType.UNKNOWN:
        return MISSING_CELL
    from aieco._labels import enum_label

    return enum_label(kind)


def _text(value: object) -> str:
    return MISSING_CELL if value is None else str(value)


def _records(items: Iterable[Any]) -> list[Any]:
    """Records as the JSON contract writes them (aieco.converter)."""
    return [aieco.converter.unstructure(item) for item in items]


# --- arguments ------------------------------------------------------------------------------


def _locale(value: str) -> str:
    """Argparse type for --locale: a locale the amounts engine supports (checked by using it)."""
    try:
        aieco.format_money(Money(1, "EUR"), locale=value)
    except (ValueError, LookupError, TypeError) as exc:
        raise argparse.ArgumentTypeError(_one_line(str(exc))) from None
    return value


def _country(value: str) -> str:
    """Argparse type for --country: an ISO 3166-1 alpha-2 code babel knows, in any case."""
    code = value.strip().upper()
    if not is_country(code):
        raise argparse.ArgumentTypeError(
            f"{value!r} is not an ISO 3166-1 alpha-2 country code (e.g. FR, US, KR)"
        )
    return code


def _region(value: str) -> str:
    """Argparse type for --region: "EU", "Europe" or a country code, in any case."""
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


def _choices(kind: type[enum.Enum]) -> list[str]:
    return [str(member.value) for member in kind]


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose error line starts with "aieco: error:" for subcommands too.

    A bad value is reported as ``--option: …`` (argparse says ``argument --option: …``), the
    same form the commands use for values they check themselves.
    """

    def usage_error(self, message: str) -> int:
        """Print the usage and the one error line; return the exit status of a usage error, 2."""
        self.print_usage(sys.stderr)
        message = re.sub(r"^argument ([^\s:]+): ", r"\1: ", message)
        print(f"{PROG}: error: {_one_line(message)}", file=sys.stderr)
        return 2

    def error(self, message: str) -> NoReturn:
        sys.exit(self.usage_error(message))


class _OptionError(Exception):
    """A value given to an option that the command cannot use; the message names the option.

    ``status`` 2 (the default) is a usage error: the value cannot be read or used at all. 1 is a
    value that is well-formed but names nothing (``--company Mistrall``).
    """

    def __init__(self, option: str, message: str, status: int = 2) -> None:
        super().__init__(f"{option}: {message}")
        self.status = status


class _Help(argparse.HelpFormatter):
    """Help at a fixed width (not read from the terminal), with room for the command names."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, max_help_position=28, width=100)
        # argparse sizes the name column before it indents the subcommands, which would
        # wrap "companies" and "investors" onto lines of their own.
        self._action_max_length = 16


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of the ``aieco`` command."""
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

    sub = command("extract", "list every amount in a text, or a table of many files' amounts")
    _cli_extract.add_arguments(sub)  # PATH..., --format, --out, --jobs, ...
    sub.add_argument(
        "--numbers", action="store_true", help="also list bare numbers (years, counts)"
    )

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
    _cli_convert.add_command(command)
    _cli_rounds.add_commands(command)  # rounds-in, merge (#13)
    return parser


# --- commands -------------------------------------------------------------------------------


Output = Any  # the lines of a table, or with --json a JSON-shaped value


def _cmd_parse(args: argparse.Namespace) -> Output:
    text: str = args.text
    amount = aieco.parse_amount(text, locale=args.locale)
    formatted = aieco.format_amount(amount, locale=args.locale)
    if args.json:
        return {
            "text": text,
            "amount": aieco.converter.unstructure(amount),
            "formatted": formatted,
        }
    if amount.value is not None:
        number = ("value", _decimal(amount.value))
    else:
        number = ("range", f"{_decimal(amount.low)} – {_decimal(amount.high)}")
    unit = {None: "none (a bare number)", "%": "% (a percentage)"}.get(amount.unit, amount.unit)
    return fields(
        [
            ("text", _fit(text, WRAP_WIDTH)),
            ("amount", _spaces(formatted)),
            number,
            ("unit", unit),
            ("qualifier", amount.qualifier.value),
        ]
    )


class _Unreadable(Exception):
    """An input the command cannot read (exit status 1); the message names the input."""


def _read_input(name: str) -> str:
    """The text of a file, or of standard input for "-": its bytes decoded strictly as UTF-8.

    Files and standard input take the same path, so the environment (PYTHONIOENCODING, the
    locale) never changes what is read, line ends stay as they are (the offsets ``extract``
    reports are offsets into the text as stored) and bytes that are not UTF-8 are an error.
    """
    if name == "-":
        stream = sys.stdin
        if stream is None:
            raise _Unreadable("standard input: there is none (it is closed)")
        buffer = getattr(stream, "buffer", None)
        if buffer is None:  # a text stream set from Python (io.StringIO): already decoded
            return stream.read()
        data: bytes = buffer.read()
        where = "standard input"
    else:
        with open(name, "rb") as handle:
            data = handle.read()
        where = name
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _Unreadable(f"{where}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def _cmd_extract(args: argparse.Namespace) -> Output:
    if _cli_extract.wants_table(args):
        return _cli_extract.run(args)  # writes the table itself; the exit status
    args.file = args.files[0]
    source = _read_input(args.file)
    mentions = aieco.extract_amounts(source, locale=args.locale, include_numbers=args.numbers)
    if args.json:
        return [
            {
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "amount": aieco.converter.unstructure(m.amount),
            }
            for m in mentions
        ]
    rows = [
        (
            f"{m.start}–{m.end}",
            m.text,
            _amount(m.amount, args.locale),
            m.amount.qualifier.value,
        )
        for m in mentions
    ]
    where = "standard input" if args.file == "-" else args.file
    if not mentions:
        return [f"no amounts in {where}"]
    lines = table(
        ["At", "Text", "Amount", "Qualifier"], rows, widths=[None, TEXT_WIDTH, None, None]
    )
    return [*lines, "", f"{_plural(len(mentions), 'amount', 'amounts')} in {where}"]


def _amount_argument(option: str, text: str | None, locale: str) -> Amount | None:
    """The amount of --min or --max; text that is not an amount is a usage error."""
    if text is None:
        return None
    try:
        amount = aieco.parse_amount(text, locale=locale)
    except aieco.ParseError as exc:
        raise _OptionError(option, str(exc)) from None
    if amount.currency is not None and amount.currency != "EUR":
        from aieco.fx import rate

        try:  # a currency the ECB table does not have can never be compared
            rate(amount.currency, "EUR")
        except aieco.ConversionError as exc:
            raise _OptionError(option, str(exc)) from None
    return amount


def _record(lookup: Callable[[str], Any], option: str, key: str | None) -> Any:
    """The record an option names (--company, --investor); a miss is exit 1, option named."""
    if key is None:
        return None
    try:
        return lookup(key)
    except NotFound as exc:
        raise _OptionError(option, str(exc), status=1) from None


def _where(query: Any, options: dict[str, str], criteria: dict[str, Any]) -> Any:
    """``query.where(**criteria)``; a value where() rejects is a usage error naming the option."""
    try:
        return query.where(**criteria)
    except ValidationError as exc:
        problems = exc.problems or ()
        paths = [p.path for p in problems]
        criterion = next((c for c in options if f"where({c})" in paths), None)
        if criterion is None:
            raise
        problem = problems[paths.index(f"where({criterion})")]
        option = options[criterion]
        expected = re.sub(rf"\b{criterion}\b", option, problem.expected)
        raise _OptionError(option, f"{problem.value!r} {expected}") from None


def _participants(ds: Any, funding_round: FundingRound) -> str:
    """Investor names, leads first and marked with "*"."""
    ordered = sorted(funding_round.participants, key=lambda p: not p.lead)
    names = [ds.investor(p.investor_id).name + ("*" if p.lead else "") for p in ordered]
    return ", ".join(names) if names else MISSING_CELL


def _newest_first(rounds: Any) -> list[FundingRound]:
    """A Query of rounds newest first, undated last, ties by id (Query.newest_first)."""
    return list(rounds.newest_first())


def _rounds_table(
    ds: Any, rounds: Sequence[FundingRound], locale: str, *, company: bool = True
) -> list[str]:
    headers = ["Date", "Company", "Round", "Amount", "Valuation", "Investors (* lead)"]
    widths: list[int | None] = [None, NAME_WIDTH, None, None, None, INVESTORS_WIDTH]
    align = "<<<>><"
    rows = [
        [
            _text(r.announced),
            ds.company(r.company_id).name,
            _round_type(r.round_type),
            _amount(r.amount, locale),
            _amount(r.valuation, locale),
            _participants(ds, r),
        ]
        for r in rounds
    ]
    if not company:
        del headers[1], widths[1]
        align = "<<>><"
        for row in rows:
            del row[1]
    return table(headers, rows, widths=widths, align=align)


def _total_line(rounds: Any, locale: str) -> str | None:
    """'together about X' in USD, or None when some amount has no rate to convert it."""
    try:
        total: Amount = rounds.total(currency="USD")
    except (AiecoError, ValueError):
        return None
    return f"together {_amount(total, locale)} (in USD at each round's date)"


_ROUND_OPTIONS = {
    "min_amount": "--min",
    "max_amount": "--max",
    "country": "--country",
    "region": "--region",
    "since": "--since",
    "until": "--until",
}


def _cmd_rounds(args: argparse.Namespace) -> Output:
    criteria: dict[str, Any] = {
        "min_amount": _amount_argument("--min", args.min, args.locale),
        "max_amount": _amount_argument("--max", args.max, args.locale),
        "country": args.country,
        "region": args.region,
        "since": args.since,
        "until": args.until,
    }
    ds = aieco.load()
    criteria["company"] = _record(ds.company, "--company", args.company)
    criteria["investor"] = _record(ds.investor, "--investor", args.investor)
    criteria = {key: value for key, value in criteria.items() if value is not None}
    query = _where(ds.funding_rounds, _ROUND_OPTIONS, criteria)
    rounds = _newest_first(query)
    if args.json:
        return _records(rounds)
    if not rounds:
        return ["no funding rounds match"]
    lines = _rounds_table(ds, rounds, args.locale)
    footer = _plural(len(rounds), "funding round", "funding rounds")
    total = _total_line(query, args.locale)
    return [*lines, "", f"{footer}, {total}" if total else footer]


def _cmd_companies(args: argparse.Namespace) -> Output:
    ds = aieco.load()
    criteria: dict[str, Any] = {}
    if args.country is not None:
        criteria["country"] = args.country
    if args.category is not None:
        criteria["category"] = CompanyCategory(args.category)
    query = _where(ds.companies, {"country": "--country", "category": "--category"}, criteria)
    companies = sorted(query, key=lambda c: c.name.casefold())
    if args.json:
        return _records(companies)
    if not companies:
        return ["no companies match"]
    rows = [
        (
            c.name,
            _text(c.country),
            _enum(c.category),
            _text(c.founded),
            _text(c.headquarters),
            str(len(ds.rounds_for(c))),
        )
        for c in companies
    ]
    lines = table(
        ["Name", "Country", "Category", "Founded", "Headquarters", "Rounds"],
        rows,
        widths=[NAME_WIDTH, None, None, None, 24, None],
        align="<<<<<>",
    )
    return [*lines, "", _plural(len(companies), "company", "companies")]


def _cmd_investors(args: argparse.Namespace) -> Output:
    ds = aieco.load()
    investors = sorted(ds.investors, key=lambda i: i.name.casefold())
    if args.json:
        return _records(investors)
    rows = []
    for investor in investors:
        rounds = list(ds.investments_by(investor))
        led = sum(
            1 for r in rounds for p in r.participants if p.investor_id == investor.id and p.lead
        )
        rows.append(
            (
                investor.name,
                _enum(investor.kind),
                _text(investor.country),
                str(len(rounds)),
                str(led),
            )
        )
    lines = table(
        ["Name", "Kind", "Country", "Rounds", "Led"],
        rows,
        widths=[NAME_WIDTH, None, None, None, None],
        align="<<<>>",
    )
    return [*lines, "", _plural(len(investors), "investor", "investors")]


def _cmd_policies(args: argparse.Namespace) -> Output:
    ds = aieco.load()
    policies = sorted(ds.policies, key=lambda p: (p.jurisdiction, p.name.casefold()))
    if args.json:
        return _records(policies)
    rows = [
        (
            p.name,
            p.jurisdiction,
            _enum(p.kind),
            _enum(p.status),
            _text(p.announced),
            _amount(p.budget, args.locale),
        )
        for p in policies
    ]
    lines = table(
        ["Name", "Jurisdiction", "Kind", "Status", "Announced", "Budget"],
        rows,
        widths=[36, None, None, None, None, None],
        align="<<<<<>",
    )
    return [*lines, "", _plural(len(policies), "policy", "policies")]


# --- show -----------------------------------------------------------------------------------


def _lookup(ds: Any, name: str) -> Company | Investor | Policy:
    """A company, else an investor, else a policy named ``name``; NotFound lists suggestions."""
    suggestions: list[str] = []
    lookups: tuple[Callable[[str], Any], ...] = (ds.company, ds.investor, ds.policy)
    for lookup in lookups:
        try:
            record: Company | Investor | Policy = lookup(name)
        except NotFound as exc:
            suggestions.extend(s for s in exc.suggestions if s not in suggestions)
        else:
            return record
    raise NotFound(name, "company, investor or policy", suggestions[:3])


def _citations(ds: Any, citations: Sequence[Citation]) -> list[str]:
    """The quotes grouped by source: the source's id, title and date, then each quote."""
    by_source: dict[str, list[Citation]] = {}
    for citation in citations:
        by_source.setdefault(citation.source_id, []).append(citation)
    count = _plural(len(citations), "quote", "quotes")
    lines = [f"Sources ({count} from {_plural(len(by_source), 'article', 'articles')})"]
    if not citations:
        return ["Sources (0)", f"  {MISSING_CELL}"]
    for source_id, quotes in by_source.items():
        source = ds.source(source_id)
        published = f" ({source.published})" if source.published is not None else ""
        lines.append(
            f"  {source.id}  {_fit(source.title, WRAP_WIDTH - len(source.id) - 16)}{published}"
        )
        for citation in quotes:
            lines.extend(
                textwrap.wrap(
                    f"„{' '.join(citation.quote.split())}“",
                    WRAP_WIDTH,
                    initial_indent="    ",
                    subsequent_indent="     ",
                )
            )
            if citation.note:
                lines.extend(
                    textwrap.wrap(
                        "Note: " + " ".join(citation.note.split()),
                        WRAP_WIDTH,
                        initial_indent="      ",
                        subsequent_indent="            ",
                    )
                )
    return lines


def _heading(title: str, subtitle: str) -> list[str]:
    return [f"{title}  ({subtitle})"]


def _as_investor(ds: Any, company: Company) -> list[Investor]:
    """The investor records of a company that also invests (ASML, Nvidia): company_id is its id."""
    return [i for i in ds.investors if i.company_id == company.id]


def _role(participation: Participation) -> str:
    return "lead" if participation.lead else "participant"


def _section(title: str, count: int, lines: list[str]) -> list[str]:
    """A "Title (n)" heading over the lines indented, or over "–" when there are none."""
    return ["", f"{title} ({count})", *("  " + line for line in lines or [MISSING_CELL])]


def _participation_rows(
    ds: Any, rounds: Iterable[FundingRound], locale: str, *, only: frozenset[str] | None = None
) -> list[list[str]]:
    """One row per participation in ``rounds``, leads first (only ``only``'s when given).

    The cells: date, company, round, round amount, investor, role, invested, stake.
    """
    rows = []
    for r in rounds:
        for p in sorted(r.participants, key=lambda p: not p.lead):
            if only is not None and p.investor_id not in only:
                continue
            rows.append(
                [
                    _text(r.announced),
                    ds.company(r.company_id).name,
                    _round_type(r.round_type),
                    _amount(r.amount, locale),
                    ds.investor(p.investor_id).name,
                    _role(p),
                    _amount(p.amount, locale),
                    _amount(p.stake, locale),
                ]
            )
    return rows


def _investors_section(ds: Any, company: Company, locale: str) -> list[str]:
    """Who invested in the company's rounds: one row per investor and round.

    Each with its role and the amount and stake it is reported to have put in.
    """
    count = len(ds.investors_of(company))
    rows = _participation_rows(ds, _newest_first(ds.rounds_for(company)), locale)
    if not rows:
        return _section("Investors", count, [])
    lines = table(
        ["Date", "Round", "Investor", "Role", "Invested", "Stake"],
        [[row[0], row[2], row[4], *row[5:]] for row in rows],
        widths=[None, None, NAME_WIDTH, None, None, None],
        align="<<<<>>",
    )
    return _section("Investors", count, lines)


def _investments(ds: Any, investors: Sequence[Investor]) -> list[FundingRound]:
    """The rounds any of ``investors`` took part in, newest first."""
    ids = sorted(i.id for i in investors)
    return _newest_first(ds.funding_rounds.where(investor=ids)) if ids else []


def _investments_section(ds: Any, investors: Sequence[Investor], locale: str) -> list[str]:
    """The "Investments (n)" section: the rounds the investors took part in, role, amount, stake.

    The investor column is shown only when there are several investors.
    """
    ids = frozenset(i.id for i in investors)
    rounds = _investments(ds, investors)
    rows = _participation_rows(ds, rounds, locale, only=ids)
    headers = ["Date", "Company", "Round", "Amount", "Investor", "Role", "Invested", "Stake"]
    widths: list[int | None] = [None, NAME_WIDTH, None, None, NAME_WIDTH, None, None, None]
    align = "<<<><<>>"
    if len(ids) == 1:
        del headers[4], widths[4]
        align = "<<<><>>"
        for row in rows:
            del row[4]
    lines = table(headers, rows, widths=widths, align=align) if rows else []
    return _section("Investments", len(rounds), lines)


def _co_investors(ds: Any, investors: Sequence[Investor]) -> list[Investor]:
    """Everyone who invested alongside any of ``investors`` (not they themselves), by name."""
    ids = {i.id for i in investors}
    found = {p.id: p for i in investors for p in ds.co_investors(i) if p.id not in ids}
    return sorted(found.values(), key=lambda i: i.name.casefold())


def _unique(citations: Iterable[Citation]) -> list[Citation]:
    """The citations in order, each quote of a source once."""
    seen, kept = set(), []
    for citation in citations:
        key = (citation.source_id, " ".join(citation.quote.split()))
        if key not in seen:
            seen.add(key)
            kept.append(citation)
    return kept


def _show_company(ds: Any, company: Company, locale: str) -> list[str]:
    rounds = list(ds.rounds_for(company))
    as_investor = _as_investor(ds, company)
    acquirer = ds.company(company.acquired_by).name if company.acquired_by else None
    kind = f"company, id {company.id}"
    if as_investor:
        ids = ", ".join(i.id for i in as_investor)
        kind = f"company and investor, id {company.id}"
        if ids != company.id:
            kind = f"company, id {company.id}; investor, id {ids}"
    lines = _heading(company.name, kind)
    lines += [
        "  " + line
        for line in fields(
            [
                ("aliases", ", ".join(company.aliases) or None),
                ("country", company.country),
                ("category", company.category.value),
                ("investor kind", ", ".join(i.kind.value for i in as_investor) or None),
                ("founded", None if company.founded is None else str(company.founded)),
                ("headquarters", company.headquarters),
                ("acquired by", acquirer),
                ("description", company.description),
            ]
        )
    ]
    lines += _rounds_section(ds, rounds, locale, company=False)
    lines += _investors_section(ds, company, locale)
    citations = list(company.sources)
    if as_investor:
        lines += _investments_section(ds, as_investor, locale)
        lines += _names_section("Co-investors", _co_investors(ds, as_investor))
        citations += [c for i in as_investor for c in i.sources]
    return [*lines, "", *_citations(ds, _unique(citations))]


def _rounds_section(
    ds: Any, rounds: list[FundingRound], locale: str, *, company: bool
) -> list[str]:
    """A "Funding rounds (n)" heading with the rounds' table, indented."""
    lines = _rounds_table(ds, rounds, locale, company=company) if rounds else []
    return _section("Funding rounds", len(rounds), lines)


def _names_section(title: str, records: list[Investor]) -> list[str]:
    """A "Title (n)" heading with the records' names wrapped and indented."""
    names = ", ".join(r.name for r in records) or MISSING_CELL
    wrapped = textwrap.wrap(names, WRAP_WIDTH, initial_indent="  ", subsequent_indent="  ")
    return ["", f"{title} ({len(records)})", *wrapped]


def _show_investor(ds: Any, investor: Investor, locale: str) -> list[str]:
    company = ds.company(investor.company_id).name if investor.company_id else None
    lines = _heading(investor.name, f"investor, id {investor.id}")
    lines += [
        "  " + line
        for line in fields(
            [
                ("aliases", ", ".join(investor.aliases) or None),
                ("kind", investor.kind.value),
                ("country", investor.country),
                ("company", company),
            ]
        )
    ]
    lines += _investments_section(ds, [investor], locale)
    lines += _names_section("Co-investors", _co_investors(ds, [investor]))
    return [*lines, "", *_citations(ds, investor.sources)]


def _show_policy(ds: Any, policy: Policy, locale: str) -> list[str]:
    lines = _heading(policy.name, f"policy, id {policy.id}")
    lines += [
        "  " + line
        for line in fields(
            [
                ("aliases", ", ".join(policy.aliases) or None),
                ("jurisdiction", policy.jurisdiction),
                ("kind", policy.kind.value),
                ("status", policy.status.value),
                ("announced", None if policy.announced is None else str(policy.announced)),
                ("budget", None if policy.budget is None else _amount(policy.budget, locale)),
                ("description", policy.description),
            ]
        )
    ]
    return [*lines, "", *_citations(ds, policy.sources)]


def _investor_json(ds: Any, investors: Sequence[Investor]) -> dict[str, Any]:
    """The investor side of a record: the rounds taken part in and the co-investors."""
    return {
        "investments": _records(_investments(ds, investors)),
        "co_investors": _records(_co_investors(ds, investors)),
    }


def _cmd_show(args: argparse.Namespace) -> Output:
    ds = aieco.load()
    record = _lookup(ds, args.name)
    if isinstance(record, Company):
        if args.json:
            as_investor = _as_investor(ds, record)
            return {
                "kind": "company",
                "record": aieco.converter.unstructure(record),
                "funding_rounds": _records(ds.rounds_for(record)),
                "investors": _records(ds.investors_of(record)),
                "as_investor": _records(as_investor),
                **_investor_json(ds, as_investor),
            }
        return _show_company(ds, record, args.locale)
    if isinstance(record, Investor):
        if args.json:
            return {
                "kind": "investor",
                "record": aieco.converter.unstructure(record),
                **_investor_json(ds, [record]),
            }
        return _show_investor(ds, record, args.locale)
    if args.json:
        return {"kind": "policy", "record": aieco.converter.unstructure(record)}
    return _show_policy(ds, record, args.locale)


COMMANDS: dict[str, Callable[[argparse.Namespace], Output]] = {
    "parse": _cmd_parse,
    "extract": _cmd_extract,
    "rounds": _cmd_rounds,
    "companies": _cmd_companies,
    "investors": _cmd_investors,
    "policies": _cmd_policies,
    "show": _cmd_show,
    "convert-data": _cli_convert.convert_data,
    **_cli_rounds.COMMANDS,
}

# --- main -----------------------------------------------------------------------------------


# A quoted input in a message (a Python repr, '…' or "…", or a German quote, „…“), or a word.
_QUOTED_OR_WORD = re.compile(
    r"""(?<!\w)'(?:[^'\\]|\\.)*'(?!\w)|(?<!\w)"(?:[^"\\]|\\.)*"(?!\w)|„[^“]*“|[^\s'"„]+"""
)


def _shorten(message: str) -> str:
    """The message with long quoted inputs and long words cut with "…", at most LINE_WIDTH long.

    A 100 kB argument must not make a 100 kB "one-line" error: a quoted text over QUOTE_WIDTH
    characters or a word (a file name) over WORD_WIDTH keeps its start and its closing quote or
    final punctuation.
    """

    def cut(match: re.Match[str]) -> str:
        text = match.group()
        width = QUOTE_WIDTH if text[0] in "'\"„" else WORD_WIDTH
        if len(text) <= width:
            return text
        end = text[-1] if not text[-1].isalnum() else ""
        return f"{text[: width - 2]}…{end}"

    message = _QUOTED_OR_WORD.sub(cut, message)
    if len(message) > LINE_WIDTH:
        message = message[: LINE_WIDTH - 1] + "…"
    return message


def _one_line(message: str) -> str:
    """The message on one line, its long inputs shortened (see _shorten)."""
    return _shorten("; ".join(part.strip() for part in message.splitlines() if part.strip()))


def _fail(message: str) -> int:
    _say(f"error: {_one_line(message)}")
    return 1


def _quiet_stdout() -> None:
    """After a closed pipe: point stdout at /dev/null so the final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


@contextlib.contextmanager
def _utf8_output() -> Iterator[None]:
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


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``aieco`` command with ``argv`` (default: ``sys.argv[1:]``); return the exit status.

    0 on success, 1 for a name not found, unreadable input or a TEXT of ``parse`` that is not an
    amount, 2 for a usage error (a value an option cannot use included). Errors go to stderr as
    one line starting with ``aieco: error:``. Output is UTF-8 whatever the environment's encoding.
    """
    try:
        with _utf8_output():
            return _run(argv)
    except KeyboardInterrupt:  # Ctrl-C: one line, the shell's status for SIGINT
        _say("interrupted")
        return 130
    except MemoryError:
        return _fail("out of memory (an input too large to read at once?)")
    except Exception as exc:  # a bug in aieco: still one line, never a traceback
        _say(f"internal error (please report it): {type(exc).__name__}: {_one_line(str(exc))}")
        return 70


def _say(message: str) -> None:
    """One line on stderr starting with ``aieco:``; nothing when stderr is closed."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        print(f"{PROG}: {message}", file=sys.stderr, flush=True)


def _run(argv: Sequence[str] | None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # argparse exits: 2 after a usage error, 0 after --help
        return exc.code if isinstance(exc.code, int) else 2

    try:
        output = COMMANDS[args.command](args)
    except _OptionError as exc:
        if exc.status == 2:
            return int(args._parser.usage_error(str(exc)))
        return _fail(str(exc))
    except (NotFound, _Unreadable) as exc:
        return _fail(str(exc))
    except OSError as exc:
        filename = exc.filename if exc.filename is not None else getattr(args, "file", "")
        return _fail(f"{filename}: {exc.strerror or exc}")
    except (AiecoError, ValueError, LookupError) as exc:
        return _fail(str(exc))

    if isinstance(output, int):  # a command that wrote its output itself: its exit status
        return output
    text = json.dumps(output, ensure_ascii=False, indent=2) if args.json else "\n".join(output)
    if sys.stdout is None:  # started with stdout closed: aieco rounds >&-
        return _fail("cannot write the output: standard output is closed")
    try:
        sys.stdout.write(text + "\n")
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_stdout()
        return 1
    except OSError as exc:  # e.g. a full disk
        return _fail(f"cannot write the output: {exc.strerror or exc}")
    return 0
