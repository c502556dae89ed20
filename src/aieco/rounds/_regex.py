r"""Patterns that `re` searches faster, with the same matches (internal).

`re` skips ahead in a search only when a pattern starts with a fixed character, a character
class, or alternatives that each start with a fixed character. A pattern that starts with
anything else (a group of alternatives, ``\b``, a look-behind) is tried at every position of
the text, each of its alternatives in turn. `leading_class` puts a look-ahead for the
characters any match can start with in front of such a pattern: at a position where no match
can start, one test of a character then replaces a try of every alternative. A pattern of
many alternatives also gets a look-ahead for the first three characters (see `_BEGINNINGS_FROM`).
"""

from __future__ import annotations

import functools
import importlib
import re
from collections.abc import Iterable, Iterator
from typing import Any

try:  # the parser behind `re` (a private module); without it, patterns stay as they are
    _sre: Any = importlib.import_module("re._constants")
    _sre_parser: Any = importlib.import_module("re._parser")
except ImportError:  # pragma: no cover - other Pythons
    _sre = _sre_parser = None
#: A run that gives nothing back (``\s++``) and an atomic group (``(?>...)``), new in Python 3.11.
_POSSESSIVE_REPEAT: Any = getattr(_sre, "POSSESSIVE_REPEAT", None)
_ATOMIC_GROUP: Any = getattr(_sre, "ATOMIC_GROUP", None)

#: Ranges of characters up to this size are listed one by one in the look-ahead.
_MAX_RANGE = 256
#: The most beginnings of a piece of a pattern that are listed; beyond, they are not known.
_MAX_PREFIXES = 4000
#: A pattern of several alternatives whose matches start with at least this many different
#: characters also gets a look-ahead for its first three characters (two where a match may be
#: shorter), written as a tree ("a(?:b[cd]|ef)"). Measured on the clauses of funding news
#: (#13): 1.3-2.4x faster searches for the lexicon's largest patterns (INVESTORS_BEFORE,
#: ROUND_TYPE, LEAD_BEFORE, LEAD_AFTER, NOT_A_ROUND), but up to 1.8x slower ones for small
#: patterns, where the branches cost more than the one class test they save, and 1.3x slower
#: ones for RAISE_VERB (one group of words, each of which `re` already tests by its first
#: letter).
_BEGINNINGS_FROM = 9

#: The beginnings of the matches of a piece of a pattern, each cut to a given length: a
#: shorter one is a whole match (the piece can end there; "" when it can match nothing).
#: None where they are not known (a category such as ``\w``, any character, a back-reference).
_Prefixes = frozenset[str] | None


def leading_class(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` with a look-ahead for the characters every match starts with.

    The same matches at the same places (also with ``pos``/``endpos``, `re.Pattern.match`
    and `re.Pattern.sub`): the look-ahead only tests the characters the pattern would read
    first anyway. Unchanged where `re` already skips ahead by itself, where those characters
    are not known, where a match can be empty, or with ``re.IGNORECASE`` where a match can start
    with a letter (which others it stands for is `re`'s business). Where matches start
    with many different characters in a pattern of several alternatives (see `_BEGINNINGS_FROM`),
    a second look-ahead tests the first three.
    """
    parsed = _first_characters(pattern)
    if parsed is None:
        return pattern
    items, first = parsed
    folded = pattern.flags & re.IGNORECASE
    if folded and any(c.lower() != c or c.upper() != c for c in first):
        return pattern  # a letter: which others it stands for is re's business
    ahead = "(?=[" + _listed(first) + "])"
    if len(first) >= _BEGINNINGS_FROM and not folded and _alternatives(items):
        ahead += _beginnings(items, len(first))
    try:
        return re.compile(f"{ahead}(?:{pattern.pattern})", pattern.flags)
    except re.error:  # pragma: no cover - e.g. global flags at the start of the source
        return pattern


def _first_characters(pattern: re.Pattern[str]) -> tuple[Any, frozenset[str]] | None:
    """``pattern`` parsed, and the characters every match of it starts with.

    None where `re` skips ahead by itself (see `_skips_ahead`), where the pattern is anchored
    at the start, where those characters are not known or a match can be empty: there no
    look-ahead (`leading_class`) or finder (`starts`) helps.
    """
    if _sre_parser is None:
        return None
    try:
        items = _sre_parser.parse(pattern.pattern, pattern.flags).data
    except re.error:  # pragma: no cover - the pattern compiled once already
        return None
    if not items or _skips_ahead(items[0]) or _anchored(items[0]):
        return None
    first = _sequence(items, 1)
    if first is None or "" in first:
        return None
    return items, first


def _beginnings(items: Any, firsts: int) -> str:
    """A look-ahead for the first three (else two) characters of all matches; "" if none helps."""
    for size in (3, 2):
        found = _sequence(items, size)
        if found is not None and all(len(p) == size for p in found) and len(found) > firsts:
            return "(?=" + _tree_of(found) + ")"
    return ""


def _tree_of(words: Iterable[str]) -> str:
    """The words as a tree of their beginnings: ``a(?:b[cd]|ef)`` for "abc", "abd", "aef".

    Where one word is the beginning of another, the shorter one matches (``ab`` for "ab",
    "abc"): the tree tells where a word begins, not which one.
    """
    tree: dict[str, Any] = {}
    for word in words:
        if not word:
            raise ValueError("an empty word occurs everywhere")
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _tree(tree) if tree else "(?!)"


def _tree(node: dict[str, Any]) -> str:
    if "" in node:
        return ""  # a word ends here: the shorter match suffices
    if len(node) > 1 and all("" in rest for rest in node.values()):
        return "[" + _listed(frozenset(node)) + "]"
    branches = [re.escape(char) + _tree(rest) for char, rest in sorted(node.items())]
    return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"


def _listed(chars: frozenset[str]) -> str:
    r"""The characters as the inside of a class, the spaces as ``\s``."""
    spaces = _spaces()
    if spaces <= chars:
        return r"\s" + "".join(re.escape(c) for c in sorted(chars - spaces))
    return "".join(re.escape(c) for c in sorted(chars))


def _alternatives(items: Any) -> bool:
    """Whether a pattern is alternatives at its top (after assertions they share)."""
    rest = [item for item in items if item[0] not in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT)]
    return len(rest) == 1 and rest[0][0] is _sre.BRANCH and items[-1] is rest[0]


def _anchored(item: tuple[Any, Any]) -> bool:
    """Whether a pattern that starts with ``item`` can only match at the start of the text.

    `re` tries such a pattern at the first place only; a look-ahead in front would hide the
    anchor and make it try every place.
    """
    op, av = item
    return op is _sre.AT and av in (_sre.AT_BEGINNING, _sre.AT_BEGINNING_STRING)


def _skips_ahead(item: tuple[Any, Any]) -> bool:
    """Whether `re` finds where a pattern that starts with ``item`` may match by itself."""
    op, av = item
    if op in (_sre.LITERAL, _sre.IN):
        return True
    return op is _sre.BRANCH and all(alt and alt[0][0] is _sre.LITERAL for alt in av[1])


def _then(before: frozenset[str], after: frozenset[str], size: int) -> _Prefixes:
    """The beginnings of ``before`` followed by ``after``, cut to ``size``."""
    out = {b if len(b) >= size else (b + a)[:size] for b in before for a in after}
    return frozenset(out) if len(out) <= _MAX_PREFIXES else None


def _sequence(items: Any, size: int) -> _Prefixes:
    found: frozenset[str] = frozenset([""])
    for item in items:
        shortest = min(map(len, found))
        if shortest >= size:
            break
        beginnings = _item(item, size - shortest)  # no more characters are needed from it
        if beginnings is None:
            return None
        then = _then(found, beginnings, size)
        if then is None:
            return None
        found = then
    return found


def _item(item: tuple[Any, Any], size: int) -> _Prefixes:
    op, av = item
    if op is _sre.LITERAL:
        return frozenset(chr(av))
    if op is _sre.IN:
        return _class(av)
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
        return frozenset([""])  # reads no character
    if op is _sre.SUBPATTERN:
        _, add_flags, del_flags, inner = av
        return None if add_flags or del_flags else _sequence(inner, size)
    if op is _sre.BRANCH:
        found: set[str] = set()
        for alternative in av[1]:
            beginnings = _sequence(alternative, size)
            if beginnings is None:
                return None
            found |= beginnings
        return frozenset(found)
    if op is _POSSESSIVE_REPEAT or op is _ATOMIC_GROUP:
        # Read as their backtracking forms: these match no string those could not, so the
        # beginnings found are all a match can have (perhaps some more, which only let
        # through a place the pattern then rejects itself).
        if op is _ATOMIC_GROUP:
            return _sequence(av, size)
        op = _sre.MAX_REPEAT
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT):
        low, high, inner = av
        once = _sequence(inner, size)
        if once is None:
            return None
        repeated: set[str] = set()
        times: _Prefixes = frozenset([""])
        for count in range(min(high, low + size) + 1):  # more repeats begin the same way
            if times is None:
                return None
            if count >= low:
                repeated |= times
            times = _then(times, once, size)
        return frozenset(repeated)
    return None


def _class(members: Any) -> _Prefixes:
    chars: set[str] = set()
    for op, av in members:
        if op is _sre.LITERAL:
            chars.add(chr(av))
        elif op is _sre.RANGE and av[1] - av[0] < _MAX_RANGE:
            chars.update(map(chr, range(av[0], av[1] + 1)))
        elif op is _sre.CATEGORY and av is _sre.CATEGORY_SPACE:
            chars |= _spaces()
        else:  # a negated class, another category, a wide range
            return None
    return frozenset(chars)


@functools.cache
def _spaces() -> frozenset[str]:
    r"""The characters ``\s`` matches in a pattern of ``str`` (all of them are below U+3001)."""
    return frozenset(re.findall(r"\s", "".join(map(chr, range(0x3001)))))


#: The longest beginnings a finder (see `starts`) is built from, and the most it may list.
_FINDER_SIZE = 4
_MAX_FINDER = _MAX_PREFIXES


def starts(pattern: re.Pattern[str]) -> re.Pattern[str] | None:
    """A pattern that finds where a match of ``pattern`` may start, or None where none helps.

    `re` tries a pattern that starts with a look-ahead (see `leading_class`) at every place
    of the text, and each try costs about three times a class test; a pattern that starts
    with alternatives that each start with a fixed character, it skips through with one class
    test per character. The finder is the tree (`_tree_of`) of the first four (else three,
    two) characters of every match, written as such alternatives; `search_at` asks
    ``pattern`` itself (`re.Pattern.match`) only where the finder finds one. Measured in
    instructions on the clauses of the dense benchmark input (#13): LEAD_BEFORE and LEAD_AFTER
    14-17 % fewer, `extract_rounds` as a whole 2 %.

    None where `re` skips ahead by itself (see `_skips_ahead`), where the pattern is anchored
    at the start, where every match starts with one character, where the beginnings are not
    known or a match may be empty, and with ``re.IGNORECASE``.
    """
    if pattern.flags & re.IGNORECASE:
        return None
    parsed = _first_characters(pattern)
    if parsed is None or len(parsed[1]) == 1:
        return None
    items = parsed[0]
    for size in range(_FINDER_SIZE, 1, -1):
        found = _sequence(items, size)
        if found is not None and "" not in found and len(found) <= _MAX_FINDER:
            return re.compile(_tree_of(found))
    return None


def search_at(
    pattern: re.Pattern[str], finder: re.Pattern[str], text: str, at: int = 0
) -> re.Match[str] | None:
    """``pattern.search(text, at)``, tried only where ``finder`` (see `starts`) finds a beginning.

    The same match: every match starts where the finder finds a beginning, the places are
    tried from the left, and `re.Pattern.match` at a place (its look-behinds see the text
    before it, as in a search) answers as `re.Pattern.search` would there.
    """
    while (place := finder.search(text, at)) is not None:
        at = place.start()
        found = pattern.match(text, at)
        if found is not None:
            return found
        at += 1
    return None


def finditer_at(
    pattern: re.Pattern[str], finder: re.Pattern[str], text: str
) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, each match found by `search_at` from the end of the last.

    The same matches: no match is empty (see `starts`), and after a match that ends at ``e``,
    `re.Pattern.finditer` finds the leftmost match that starts at ``e`` or later.
    """
    found = search_at(pattern, finder, text)
    while found is not None:
        yield found
        found = search_at(pattern, finder, text, found.end())


def any_word(words: Iterable[str]) -> re.Pattern[str]:
    """A pattern that finds where any of ``words`` occurs in a text, as a substring.

    The words are written as a tree of their common beginnings ("sammel|sammlu" is
    ``samm(?:el|lu)``), so that `re` tests each character of the text against the first
    letters once, instead of searching the text once per word. At each place the shortest
    word found there matches: the pattern tells whether and where the words occur, not which.
    """
    return re.compile(_tree_of(words))
