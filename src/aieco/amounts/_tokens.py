"""The words before a figure, as the extractor and the mention shapes walk them (internal).

From a trigger ("4" in "rund vier Milliarden", "Milliarden" itself) the extractor looks back
over at most a few words that may belong to the expression. `previous` finds the token
before a position, `walk` the chain of such tokens with the `Role` each may play, and
`is_date` tells a day or year next to a month name ("17. Februar", "Februar 2026").
"""

from __future__ import annotations

import enum
import functools
import re
from typing import NamedTuple

from aieco.amounts._language import language_of
from aieco.amounts._lexicon import SPACE_CHARS, Lexicon
from aieco.amounts._rules import is_stellig, names_currency

__all__ = ["UNSET", "Role", "Token", "after_currency", "is_date", "previous", "spaced", "walk"]


class Role(enum.IntEnum):
    """What a word before a figure may be to an expression (memoised per locale)."""

    #: Not part of an expression: the walk back stops here.
    OUTSIDE = 0
    #: May sit inside one ("Dollar" of "US-Dollar", "oder" of "20 oder 30").
    INSIDE = 1
    #: May start one: a hedge, a range intro, a number word, a currency, "zweistellige".
    STARTS = 2


class Token(NamedTuple):
    """A word (or symbol) before a figure: where it starts, as written, and its role."""

    start: int
    word: str
    role: Role


#: How many tokens the walk looks back at most.
_BACK_LIMIT = 6
_ORDINAL_DATE = re.compile(r"[0-9]{1,2}(?:\.|st|nd|rd|th)?[ \u00a0]?([^\W\d_]+)")
_DIGITS = re.compile("[0-9]+")
#: "Not given" for the optional previous-token arguments (compared by identity).
UNSET: tuple[int, str] = (-1, "")
#: How far back `previous` looks for the space before a word in one C-level search.
_WORD_WINDOW = 40
#: Punctuation that ends a symbol token (looking back).
_STOPS = "-.,;:!?()[]{}\"'„“”«»‚‘’"


def role(lx: Lexicon, word: str) -> Role:
    """The `Role` a word may play before a figure (memoised per locale)."""
    found: Role | None = lx.kinds.get(word)  # type: ignore[assignment]  # it holds Roles
    if found is None:
        found = _role_of(lx, word)
        lx.kinds.put(word, found)
    return found


def _role_of(lx: Lexicon, word: str) -> Role:
    low = word.lower()
    if low in lx.qualifier_starts or low in lx.range_intro or low == "minus":
        return Role.STARTS
    if names_currency(lx, word) or lx.is_number_word(low):
        return Role.STARTS
    if _stellig_language(lx.name) and is_stellig(low):
        return Role.STARTS
    if low in lx.back_words:
        return Role.INSIDE
    return Role.OUTSIDE


@functools.cache
def _stellig_language(name: str) -> bool:
    """Whether the locale's language has "-stellig" magnitudes (looked up once per name)."""
    return language_of(name).stellig


def walk(
    text: str, k: int, lx: Lexicon, last: int, prev: tuple[int, str] | None = UNSET
) -> list[Token]:
    """The tokens before ``k`` that may belong to an expression, nearest first.

    ``prev`` is ``previous(text, k)`` if the caller has it already.
    """
    chain: list[Token] = []
    token = previous(text, k) if prev is UNSET else prev
    kinds = lx.kinds
    while token is not None and len(chain) < _BACK_LIMIT:
        start, word = token
        if start < last:
            break
        # `role`, with its memo looked up here (the common case); the memo holds Roles.
        kind: Role | None = kinds.get(word)  # type: ignore[assignment]
        if kind is None:  # a new word (fresh text: most of them)
            kind = _role_of(lx, word)
            kinds.put(word, kind)
        if kind is _OUTSIDE:
            break
        chain.append(_new_token(Token, (start, word, kind)))
        if start - last < 8 and not text[last:start].strip():
            break  # only white space back to ``last``: the token before starts before it
        token = previous(text, start)
    return chain


#: ``Role.OUTSIDE`` for the walk's loop (an enum member looked up on its class is slow).
_OUTSIDE = Role.OUTSIDE
#: `Token(start, word, role)` without the Python-level ``__new__`` a NamedTuple class
#: defines (a tuple of the same class and fields; the walk builds one per word it keeps).
_new_token = tuple.__new__


def spaced(text: str, a: int, b: int) -> bool:
    """Only whitespace (at least one character) between ``a`` and ``b``."""
    return a < b and not text[a:b].strip()


def after_currency(text: str, t: int, lx: Lexicon) -> bool:
    """A currency symbol or code right before the digits at ``t`` ("CHF 12.10.": no date)."""
    prev = previous(text, t)
    return prev is not None and names_currency(lx, prev[1])


def previous(text: str, k: int) -> tuple[int, str] | None:
    """The token before position ``k``: a word (with an abbreviation's dot) or a symbol."""
    if k > 1 and text[k - 1] == " ":
        # The common case: one space after a plain word ("rund", "ca."), found in C.
        lo = k - _WORD_WINDOW
        j = text.rfind(" ", lo if lo > 0 else 0, k - 1)
        if j >= 0 or lo <= 0:
            word = text[j + 1 : k - 1]
            if word.isalpha() or (len(word) > 1 and word[-1] == "." and word[:-1].isalpha()):
                return j + 1, word
    e = _token_end(text, k)
    j = e - 1 if e > 0 and text[e - 1] == "." else e
    s = j
    while s > 0 and text[s - 1].isalpha():
        s -= 1
    if s == j:
        while s > 0 and not text[s - 1].isalnum() and not text[s - 1].isspace():
            if text[s - 1] in _STOPS:
                break
            s -= 1
        while s > 0 and text[s - 1].isalpha():
            s -= 1
        if s == j:
            return None
    return s, text[s:e]


def _token_end(text: str, k: int) -> int:
    """Where the token before ``k`` ends: back over spaces, one line break and a hyphen."""
    j = k
    while j > 0 and text[j - 1] in SPACE_CHARS:
        j -= 1
    if j > 0 and text[j - 1] == "\n":
        j -= 1
        if j > 0 and text[j - 1] == "\r":
            j -= 1
        while j > 0 and text[j - 1] in SPACE_CHARS:
            j -= 1
    if j > 0 and text[j - 1] == "-":
        j -= 1  # "Drei-Milliarden", "neun- oder zehnstellige"
    return j


def is_date(
    text: str, t: int, lx: Lexicon, prev: tuple[int, str] | None = UNSET, after: bool = True
) -> bool:
    """A day or year next to a month name: "17. Februar", "Februar 2026", "17 February".

    ``prev`` is ``previous(text, t)`` if the caller has it already; ``after=False`` skips
    the month after the number (the caller knows a scale or currency word comes next).
    """
    if after:
        m = _ORDINAL_DATE.match(text, t)
        if m is not None and m.group(1).lower().rstrip(".") in lx.months:
            return True
    if t < 2 or not (text[t - 1].isspace() and (text[t - 2].isalpha() or text[t - 2] == ".")):
        return False  # a month name ends right before, after a space
    if prev is UNSET:
        prev = previous(text, t)
    if prev is None or prev[1].lower().rstrip(".") not in lx.months:
        return False
    d = _DIGITS.match(text, t)
    assert d is not None
    width = len(d.group())
    return width == 4 or (width <= 2 and language_of(lx.name).day_after_month)
