r"""Patterns that `re` searches faster, with the same matches (internal).

`re` skips ahead in a search only when a pattern starts with a fixed character, a character
class, or alternatives that each start with a fixed character. A pattern that starts with
anything else (a group of alternatives, ``\b``, a look-behind) is tried at every position of
the text, each of its alternatives in turn. `leading_class` puts a look-ahead for the
characters any match can start with in front of such a pattern: at a position where no match
can start, one test of a character then replaces a try of every alternative.
"""

from __future__ import annotations

import importlib
import re
from typing import Any

try:  # the parser behind `re` (a private module); without it, patterns stay as they are
    _sre: Any = importlib.import_module("re._constants")
    _sre_parser: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - other Pythons
    _sre = _sre_parser = None

#: Ranges of characters up to this size are listed one by one in the look-ahead.
_MAX_RANGE = 256

#: The characters a piece of a pattern can start with, and whether it can match nothing;
#: None where that is not known (a category such as ``\w``, any character, a back-reference).
_First = tuple[frozenset[str], bool] | None


def leading_class(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` with a look-ahead for the characters every match starts with.

    The same matches at the same places (also with ``pos``/``endpos``, `re.Pattern.match`
    and `re.Pattern.sub`): the look-ahead only tests the character the pattern would read
    first anyway. Unchanged where `re` already skips ahead by itself, where those characters
    are not known, where a match can be empty, or with ``re.IGNORECASE``.
    """
    if _sre_parser is None or pattern.flags & re.IGNORECASE:
        return pattern
    try:
        items = _sre_parser.parse(pattern.pattern, pattern.flags).data
    except re.error:  # pragma: no cover - the pattern compiled once already
        return pattern
    if not items or _skips_ahead(items[0]):
        return pattern
    first = _sequence(items)
    if first is None or first[1] or not first[0]:
        return pattern
    chars = "".join(re.escape(c) for c in sorted(first[0]))
    try:
        return re.compile(f"(?=[{chars}])(?:{pattern.pattern})", pattern.flags)
    except re.error:  # pragma: no cover - e.g. global flags at the start of the source
        return pattern


def _skips_ahead(item: tuple[Any, Any]) -> bool:
    """Whether `re` finds where a pattern that starts with ``item`` may match by itself."""
    op, av = item
    if op in (_sre.LITERAL, _sre.IN):
        return True
    return op is _sre.BRANCH and all(alt and alt[0][0] is _sre.LITERAL for alt in av[1])


def _sequence(items: Any) -> _First:
    chars: set[str] = set()
    for item in items:
        found = _item(item)
        if found is None:
            return None
        chars |= found[0]
        if not found[1]:
            return frozenset(chars), False
    return frozenset(chars), True


def _item(item: tuple[Any, Any]) -> _First:
    op, av = item
    if op is _sre.LITERAL:
        return frozenset(chr(av)), False
    if op is _sre.IN:
        return _class(av)
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
        return frozenset(), True  # reads no character
    if op is _sre.SUBPATTERN:
        _, add_flags, del_flags, inner = av
        return None if add_flags or del_flags else _sequence(inner)
    if op is _sre.BRANCH:
        chars: set[str] = set()
        empty = False
        for alternative in av[1]:
            found = _sequence(alternative)
            if found is None:
                return None
            chars |= found[0]
            empty = empty or found[1]
        return frozenset(chars), empty
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
        low, _, inner = av
        repeated = _sequence(inner)
        return None if repeated is None else (repeated[0], repeated[1] or low == 0)
    return None


def _class(members: Any) -> _First:
    chars: set[str] = set()
    for op, av in members:
        if op is _sre.LITERAL:
            chars.add(chr(av))
        elif op is _sre.RANGE and av[1] - av[0] < _MAX_RANGE:
            chars.update(map(chr, range(av[0], av[1] + 1)))
        else:  # a negated class, a category, a wide range
            return None
    return frozenset(chars), False
