"""Error text of the ``aieco`` command: one line on stderr, never a traceback (internal).

The exceptions commands raise for a bad option value or an unreadable input, and the helpers
that turn any message into one short line starting with ``aieco:``.
"""

from __future__ import annotations

import contextlib
import re
import sys

__all__ = [
    "PROG",
    "OptionError",
    "Unreadable",
    "fail",
    "not_text",
    "one_line",
    "say",
    "shorten",
]

PROG = "aieco"

# An error line quotes at most QUOTE_WIDTH characters of an input, shows a word (a file name)
# of at most WORD_WIDTH characters, and is at most LINE_WIDTH long.
QUOTE_WIDTH = 60
WORD_WIDTH = 200
LINE_WIDTH = 600


class OptionError(Exception):
    """A value given to an option that the command cannot use; the message names the option.

    ``status`` 2 (the default) is a usage error: the value cannot be read or used at all. 1 is a
    value that is well-formed but names nothing (``--company Mistrall``).
    """

    def __init__(self, option: str, message: str, status: int = 2) -> None:
        super().__init__(f"{option}: {message}")
        self.status = status


class Unreadable(Exception):
    """An input the command cannot read (exit status 1); the message names the input."""


def not_text(where: str, encoding: str, exc: UnicodeDecodeError, offset: int = 0) -> str:
    """The error line of undecodable input: the input, the encoding, the byte offset.

    ``offset`` is the number of bytes read before the chunk that failed to decode.
    """
    name = "UTF-8" if encoding == "utf-8" else encoding
    return f"{where}: not {name} text ({exc.reason} at byte {offset + exc.start})"


# A quoted input in a message (a Python repr, '…' or "…", or a German quote, „…“), or a word.
_QUOTED_OR_WORD = re.compile(
    r"""(?<!\w)'(?:[^'\\]|\\.)*'(?!\w)|(?<!\w)"(?:[^"\\]|\\.)*"(?!\w)|„[^“]*“|[^\s'"„]+"""
)


def shorten(message: str) -> str:
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


def one_line(message: str) -> str:
    """The message on one line, its long inputs shortened (see `shorten`)."""
    return shorten("; ".join(part.strip() for part in message.splitlines() if part.strip()))


def say(message: str) -> None:
    """One line on stderr starting with ``aieco:``; nothing when stderr is closed."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        print(f"{PROG}: {message}", file=sys.stderr, flush=True)


def fail(message: str) -> int:
    """Say ``error: message`` on one line; return the exit status of a failure, 1."""
    say(f"error: {one_line(message)}")
    return 1
