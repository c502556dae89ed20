"""``aieco parse TEXT`` and ``aieco extract FILE|-``: the amounts of one text (internal)."""

from __future__ import annotations

import argparse
import codecs
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any, BinaryIO

from aieco.cli import _cells
from aieco.cli._errors import Unreadable, not_text
from aieco.cli._layout import (
    MIN_CELL,
    RULE,
    WRAP_WIDTH,
    display_width,
    fields,
    fit,
    pad,
    plural,
    terminal_width,
)
from aieco.cli._output import quiet_stdout
from aieco.cli._progress import PROGRESS_BYTES, Progress

if TYPE_CHECKING:
    from aieco.amounts import Mention

#: The fixed widths of a streamed table's first columns (a longer cell pushes the row on); the
#: last column, the text as found, takes the rest of the terminal's width.
AT_WIDTH = 13
AMOUNT_WIDTH = 22
QUALIFIER_WIDTH = 9

__all__ = ["extract", "paragraphs", "parse", "read_input"]


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
            ("qualifier", _cells.label(amount.qualifier)),
        ]
    )


def read_input(name: str, encoding: str = "utf-8") -> str:
    """The text of a file, or of standard input for "-", decoded strictly (default UTF-8).

    Files and standard input take the same path, so the environment (PYTHONIOENCODING, the
    locale) never changes what is read, line ends stay as they are (the offsets ``extract``
    reports are offsets into the text as stored) and bytes that are not in the encoding are an
    error naming the input and the byte.
    """
    return "".join(text for _, text in paragraphs(name, encoding))


def _binary_input(name: str) -> tuple[BinaryIO | None, str]:
    """The byte stream to read and its name for messages.

    ``None`` as the stream: standard input set from Python as text (io.StringIO).
    """
    if name != "-":
        return open(name, "rb"), name  # closed by paragraphs()
    stream = sys.stdin
    if stream is None:
        raise Unreadable("standard input: there is none (it is closed)")
    return getattr(stream, "buffer", None), "standard input"


def paragraphs(
    name: str, encoding: str = "utf-8", progress: Progress | None = None
) -> Iterator[tuple[int, str]]:
    """The text of a file or of stdin ("-") as it arrives, one paragraph at a time.

    Yields ``(offset, text)``: the paragraph's offset in characters from the start, and its
    text up to and including the blank line(s) that end it, line ends as stored. Reading is by
    line, so a pipe's first paragraph is yielded before the writer has finished. Bytes that are
    not ``encoding`` raise `Unreadable` naming the input and the byte offset.
    """
    handle, where = _binary_input(name)
    if handle is None:  # text set from Python: already decoded
        yield 0, sys.stdin.read()
        return
    decoder = codecs.getincrementaldecoder(encoding)(errors="strict")
    offset = read = 0
    lines: list[str] = []
    try:
        while True:
            line = handle.readline()
            pending = len(getattr(decoder, "buffer", b""))  # bytes held from the line before
            try:
                text = decoder.decode(line, final=not line)
            except UnicodeDecodeError as exc:
                raise Unreadable(not_text(where, encoding, exc, read - pending)) from None
            read += len(line)
            if progress is not None:
                progress.advance(0, len(line))
            if text:
                lines.append(text)
            blank = not text.strip()
            if lines and (not line or (blank and not "".join(lines).isspace())):
                paragraph = "".join(lines)
                yield offset, paragraph
                offset += len(paragraph)
                lines = []
            if not line:
                return
    finally:
        if name != "-":
            handle.close()


def extract(args: argparse.Namespace) -> Any:
    """``aieco extract``: one text's mentions, or (many files, --format, --out) a table.

    One text's table is written as its paragraphs are read, so a pipe shows the first amounts
    while the writer is still writing; ``--json`` writes the whole array at the end.
    """
    from aieco.cli import _corpus

    if _corpus.wants_table(args):
        return _corpus.run(args)  # writes the table itself; the exit status
    from aieco.amounts import extract_amounts
    from aieco.serialize import converter

    name = args.file = args.files[0]
    where = "standard input" if name == "-" else name
    progress = _progress(args, name)
    found = (
        (offset, mention)
        for offset, text in paragraphs(name, args.encoding, progress)
        for mention in extract_amounts(text, locale=args.locale, include_numbers=args.numbers)
    )
    if args.json:
        try:
            return [
                {
                    "start": offset + m.start,
                    "end": offset + m.end,
                    "text": m.text,
                    "amount": converter.unstructure(m.amount),
                }
                for offset, m in found
            ]
        finally:
            if progress is not None:
                progress.done()
    return _stream(found, where, args.locale, progress)


def _progress(args: argparse.Namespace, name: str) -> Progress | None:
    """The bar of a large input: on request, or by default when stderr is a terminal."""
    if args.progress is False:
        return None
    size = _size(name)
    if size is None:
        return None
    if args.progress is None and not (size >= PROGRESS_BYTES and sys.stderr.isatty()):
        return None
    return Progress(size, True)


def _size(name: str) -> int | None:
    """The size of a file, or of standard input when it is a regular file (``- < big.txt``)."""
    if name != "-":
        return os.stat(name).st_size
    try:
        status = os.fstat(sys.stdin.fileno())
    except (OSError, ValueError, AttributeError):  # closed, or a stream set from Python
        return None
    return status.st_size if stat.S_ISREG(status.st_mode) else None


def _stream(
    found: Iterable[tuple[int, Mention]], where: str, locale: str, progress: Progress | None
) -> int:
    """Write each mention's row as soon as it is found; the footer at the end; the status."""
    width = terminal_width()
    sizes = [AT_WIDTH, AMOUNT_WIDTH, QUALIFIER_WIDTH, 0]
    text_width = None if width is None else max(MIN_CELL, width - sum(sizes) - 2 * 3)
    align = "<><<"
    count = 0
    try:
        for offset, mention in found:
            row = [
                f"{offset + mention.start}–{offset + mention.end}",
                _cells.amount(mention.amount, locale),
                _cells.label(mention.amount.qualifier),
                fit(mention.text, text_width),
            ]
            lines = [row]
            if not count:
                headers = ["At", "Amount", "Qualifier", "Text"]
                rule = [RULE * (s or display_width(h)) for s, h in zip(sizes, headers, strict=True)]
                lines = [headers, rule, row]
            count += 1
            if progress is not None:
                progress.done()
            sys.stdout.write("".join(_line(cells, sizes, align) + "\n" for cells in lines))
            sys.stdout.flush()
        if progress is not None:
            progress.done()
        footer = f"{plural(count, 'amount', 'amounts')} in {where}"
        sys.stdout.write(f"\n{footer}\n" if count else f"no amounts in {where}\n")
        sys.stdout.flush()
    except BrokenPipeError:  # aieco extract big.txt | head
        quiet_stdout()
        return 1
    finally:
        if progress is not None:
            progress.done()
    return 0


def _line(cells: list[str], sizes: list[int], align: str) -> str:
    """One row of a streamed table: each cell padded to its column's fixed size."""
    return "  ".join(pad(c, sizes[i], align[i]) for i, c in enumerate(cells)).rstrip()
