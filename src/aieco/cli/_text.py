"""``aieco parse TEXT`` and ``aieco extract FILE|-``: the amounts of one text (internal)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from aieco.cli import _cells
from aieco.cli._errors import Unreadable
from aieco.cli._layout import TEXT_WIDTH, WRAP_WIDTH, fields, fit, plural, table

__all__ = ["extract", "parse", "read_input"]


def parse(args: argparse.Namespace) -> Any:
    """``aieco parse TEXT``: the amount, its value or range, unit and qualifier."""
    from aieco.amounts import format_amount, parse_amount
    from aieco.serialize import converter

    text: str = args.text
    amount = parse_amount(text, locale=args.locale)
    formatted = format_amount(amount, locale=args.locale)
    if args.json:
        return {"text": text, "amount": converter.unstructure(amount), "formatted": formatted}
    if amount.value is not None:
        number = ("value", _cells.decimal(amount.value))
    else:
        number = ("range", f"{_cells.decimal(amount.low)} – {_cells.decimal(amount.high)}")
    unit = {None: "none (a bare number)", "%": "% (a percentage)"}.get(amount.unit, amount.unit)
    return fields(
        [
            ("text", fit(text, WRAP_WIDTH)),
            ("amount", _cells.spaces(formatted)),
            number,
            ("unit", unit),
            ("qualifier", amount.qualifier.value),
        ]
    )


def read_input(name: str) -> str:
    """The text of a file, or of standard input for "-": its bytes decoded strictly as UTF-8.

    Files and standard input take the same path, so the environment (PYTHONIOENCODING, the
    locale) never changes what is read, line ends stay as they are (the offsets ``extract``
    reports are offsets into the text as stored) and bytes that are not UTF-8 are an error.
    """
    if name == "-":
        stream = sys.stdin
        if stream is None:
            raise Unreadable("standard input: there is none (it is closed)")
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
        raise Unreadable(f"{where}: not UTF-8 text ({exc.reason} at byte {exc.start})") from None


def extract(args: argparse.Namespace) -> Any:
    """``aieco extract``: one text's mentions, or (many files, --format, --out) a table."""
    from aieco.cli import _corpus

    if _corpus.wants_table(args):
        return _corpus.run(args)  # writes the table itself; the exit status
    from aieco.amounts import extract_amounts
    from aieco.serialize import converter

    args.file = args.files[0]
    source = read_input(args.file)
    mentions = extract_amounts(source, locale=args.locale, include_numbers=args.numbers)
    if args.json:
        return [
            {
                "start": m.start,
                "end": m.end,
                "text": m.text,
                "amount": converter.unstructure(m.amount),
            }
            for m in mentions
        ]
    rows = [
        (
            f"{m.start}–{m.end}",
            m.text,
            _cells.amount(m.amount, args.locale),
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
    return [*lines, "", f"{plural(len(mentions), 'amount', 'amounts')} in {where}"]
