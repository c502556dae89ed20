"""The table of common shapes: each a compiled regex and a builder of its `Reading` (internal).

* **one end**, "[hedge] [sign] [currency] digits-or-number-word [scale] [currency|%]"
  ("rund 1,5 Mrd. USD", "vier Milliarden Dollar");
* **range** of two digit numbers, "5–50 Mio. €", "20 bis 30 Mrd. $", "zwischen 20 und 30
  Mrd.", "20- oder 30-Milliarden";
* **stellig**, a vague magnitude, "ein zweistelliger Millionenbetrag", "neun- oder
  zehnstellige Beträge";
* **vague** count, "zig oder gar hunderten Milliarden Dollar".

Each shape's regexes (built per locale in `aieco.amounts._fast`) read an expression in one
C-level match: one for a whole text (`parse_amount`) and one at a place in running text
(`extract_amounts`). Its builder then only looks words up and calls the shared rules in
`aieco.amounts._rules` (what digits are worth, scale words, units, "-stellig", hedges).
Whatever a shape is not sure about (unusual spacing, number-word chains, anything glued or
unusual after the match) it hands to the grammar in `aieco.amounts._parse`; tests check
through the public functions that both give the same result.

In running text (`read_at`), a trigger (digits, a symbol, a noun such as "Milliarden")
is read by the shape its neighbourhood fits, once the words before it (`aieco.amounts._tokens`)
are known to start nothing of their own.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable
from decimal import Decimal
from typing import TYPE_CHECKING, Any, NamedTuple

from aieco._limits import MAX_INTEGER_DIGITS, within_limit
from aieco.amounts._lexicon import (
    CODE_SHAPE,
    DASHES,
    DIGITS,
    MINUS_SIGNS,
    Lexicon,
)
from aieco.amounts._reading import Reading, new_reading
from aieco.amounts._rules import (
    cents_may_follow,
    count_word,
    figure_value,
    heads_compound,
    hedge_at,
    is_code,
    is_stellig,
    names_currency,
    number_words,
    numeral_kind,
    plain,
    run_ends,
    scale_power,
    scales_fall,
    space_end,
    stellig_count,
    stellig_noun,
)
from aieco.amounts._tokens import UNSET, Role, Token, is_date, previous, role, spaced, walk
from aieco.money import PERCENT, Amount, Qualifier

if TYPE_CHECKING:
    from aieco.amounts._fast import FastTables

__all__ = [
    "SHAPES",
    "Chain",
    "Shape",
    "Verdict",
    "article_run",
    "fast_amount",
    "read_at",
    "read_digits",
    "read_noun",
]

_LETTERS = re.compile(r"[^\W\d_]+")


def _scale_power(
    lx: Lexicon, text: str, m: re.Match[str], scale: str | None, dot: str | None
) -> int | None:
    """The power of ten of a matched scale word (0 for none), None if it is not one here."""
    if scale is None:
        return 0
    e = m.end("scale")
    return scale_power(lx, scale, dot is not None, text[e : e + 1] if dot is None else "")


def ends_cleanly(
    text: str,
    e: int,
    cur: str | None,
    lx: Lexicon,
    ft: FastTables,
    chained: bool = False,
    scaled: bool = False,
) -> bool:
    """Nothing after ``e`` could extend the expression (else the grammar must decide).

    ``cur`` is the currency the expression ended with, as written (for "Pfund Sterling");
    ``chained``: the expression is a run of number words that `number_words` ends at ``e``,
    and a space and a word that may start a chunk (`_chunk_after`) follow, which therefore
    does not continue it ("zwei Millionen zwei Millionen"); ``scaled``: a scale word stands
    before ``cur``, so no cents follow it (`cents_may_follow`).
    """
    n = len(text)
    if e >= n:
        return True
    c = text[e]
    if c in " -" and e + 1 < n and text[e + 1].isalpha():
        if c == "-" and cur is not None and heads_compound(text, e - len(cur), e):
            return False  # "8 Euro-Münzen" counts coins: the grammar says no sum
        # The common case, a space and a word; or "500-Milliarden-Dollar-Projekt" (where
        # a number word may be a range's second end: "5 €-zehn Mio. €").
        return _inert_word(text, e + 1, cur, lx, ft, chained, None if c == "-" else scaled)
    if c == " " and e + 1 < n and text[e + 1] in DIGITS:
        j = e + 1  # one space before a figure ("5 Mio. € 5 Mio. €"): where `space_end` stops
    else:
        if c != " " and _glued_on(text, e, lx):  # a plain space glues nothing on
            return False
        j = space_end(text, e)
        if j == e or j >= n:
            return True
    c = text[j]
    if c in DASHES or c in MINUS_SIGNS or c in lx.symbol_firsts:
        return False  # a range, a sign, a currency
    if c in DIGITS:
        # Cents after a currency name ("2 Euro 50"), or a code that is the next figure's
        # ("2007 CHF 1.85 Mio."): the grammar decides. After a symbol nothing follows.
        return cur is None or not cur[0].isalpha()
    return not c.isalpha() or _inert_word(text, j, cur, lx, ft, chained, scaled)


def _glued_on(text: str, e: int, lx: Lexicon) -> bool:
    """The character at ``e``, right after an expression, may continue it ("5€", "5–6")."""
    c = text[e]
    if c.isalnum() or c in DASHES or c in "/:_" or c in MINUS_SIGNS or c in lx.symbol_firsts:
        return True
    return c in ".,'’" and e + 1 < len(text) and text[e + 1] in DIGITS


def _inert_word(
    text: str,
    j: int,
    cur: str | None,
    lx: Lexicon,
    ft: FastTables,
    chained: bool = False,
    scaled: bool | None = False,
) -> bool:
    """The word at ``j`` cannot continue the expression the fast match read.

    ``chained``: the word starts a chunk of number words (`_chunk_word`) that does not
    continue the run before it: `number_words` has ended that run. After a currency
    (``cur``) and white space a number word continues an expression only as its cents
    ("zwei Euro fünfzig"), so where none may follow (`cents_may_follow`, with ``scaled``)
    it is inert; ``scaled`` None: a hyphen stands before the word, which may then be a
    range's second end ("5 €-zehn Mio. €").
    """
    w = _LETTERS.match(text, j)
    assert w is not None
    word = w.group()
    if not word.isalpha():  # "[^\W\d_]" also takes "²"; the word ends at the first non-letter
        k = j
        while text[k].isalpha():
            k += 1
        word = text[j:k]
    info = ft.words.get(word)
    if info is None:
        info = _word_info(lx, ft, word)
        ft.words.put(word, info)
    blocks, may_be_symbol, may_be_phrase, low, number, _ = info
    if may_be_symbol and lx.symbol_re.match(text, j):
        return False
    if (
        blocks
        and not chained
        and not (
            number
            and cur is not None
            and scaled is not None
            and not cents_may_follow(cur, cur, scaled)
        )
    ):
        return False
    if may_be_phrase and ft.phrase_re.match(text, j):
        return False
    return cur is None or low not in ft.continuations.get(cur.lower(), ())


def _chunk_word(lx: Lexicon, ft: FastTables, word: str, low: str) -> bool:
    """A word that blocks a fast reading only as the start of a number-word chunk.

    A cardinal or an article that `number_words` reads (nothing else: no code, guard word,
    "-stellig" or other number word such as "zig" or "halbe").
    """
    if is_code(lx, word) or low in ft.guard_words or "stellig" in low:
        return False
    kind = numeral_kind(lx, low)
    return kind == "article" or (kind == "words" and lx.cardinal(low) is not None)


def glued_unreadable(lx: Lexicon, ft: FastTables, text: str, j: int) -> bool:
    """Letters glued to digits at ``j`` that the grammar cannot read ("3D", "5G", "B2B").

    The grammar reads glued letters only as a scale word ("5Mio", "5k"), a thousand of a
    currency ("5TEUR", "5T€"), a currency symbol ("5Fr.") or an ISO code ("5EUR"); after
    anything else a number is not an amount ("3D-Modelle"). Memoised per word.
    """
    w = _LETTERS.match(text, j)
    if w is None:
        return False
    word = w.group()
    found = ft.glued.get(word)
    if found is None:
        low = word.lower()
        found = not (
            word == "T"
            or low in lx.scale_words
            or low + "." in lx.scale_words
            or low in lx.glued_scales
            or low in lx.thousands_of
            or word in ft.symbol_heads
            or is_code(lx, word)
        )
        ft.glued.put(word, found)
    return found


def _word_info(lx: Lexicon, ft: FastTables, word: str) -> tuple[bool, bool, bool, str, bool, bool]:
    """What a word after a figure is, as far as the word alone tells (memoised by the caller).

    (blocks: a code, number word or guard word; may start a currency symbol; may start a
    currency name; lower case; blocks only as a number word; may start a chunk of number
    words, `_chunk_word`). A symbol or name can only match where the word is exactly the
    letters it starts with, so the two regexes run only for such words.
    """
    low = word.lower()
    other = is_code(lx, word) or low in ft.guard_words or "stellig" in low
    number = not other and lx.is_number_word(low)
    return (
        other or number,
        word in ft.symbol_heads,
        ft.phrase_heads.fullmatch(word) is not None,
        low,
        number,
        number and _chunk_word(lx, ft, word, low),
    )


def _info(lx: Lexicon, ft: FastTables, word: str) -> tuple[bool, bool, bool, str, bool, bool]:
    """`_word_info` of ``word``, from the memo of words where it is known."""
    info = ft.words.get(word)
    if info is None:
        info = _word_info(lx, ft, word)
        ft.words.put(word, info)
    return info


def fast_amount(lx: Lexicon, ft: FastTables, text: str) -> Amount | None:
    """The Amount of ``text`` (already stripped) if it has a common shape, else None.

    The shapes: one end ("rund 1,5 Mrd. USD", "vier Milliarden Dollar"), a range of two
    digit numbers ("5–50 Mio. €", "zwischen 20 und 30 Mrd."), a vague magnitude ("ein
    zweistelliger Millionenbetrag") and a run of number words in chunks.
    """
    c = text[:1]
    if c in DIGITS:
        return _digits_first(lx, ft, text, ft.number_at.match(text), _EXACT)
    if c.isalpha() or c in lx.hedge_symbols:
        # "rund 1,5 Mrd. USD", "mehr als 300 Mrd. USD": a hedge, then digits (what the full
        # regex reads with its hedge branch, found here in a fraction of the time).
        found = _hedge_lead(lx, ft, text)
        if found is _BARE:
            # No digit in the text: the range shape, whose regex reads digits, cannot match.
            first = _one_end_first(lx, ft, text)
            if first is _NO_MATCH:
                # Not the one-end shape: a run of number words, or another worded shape.
                run = _run_first(lx, ft, text)
                if run is not None:
                    return _run_whole(lx, ft, text, 0, _EXACT, run)
                whole = _whole_shapes(lx, ft, text, _WORDED_SHAPES[1:])
            elif first is _UNKNOWN:
                whole = _whole_shapes(lx, ft, text, _WORDED_SHAPES)
            else:
                return first  # type: ignore[no-any-return]
        elif found is _WORD_LEAD:
            # "zwischen 20 und 30 Mrd. €": a word before the first digit that the one-end
            # shape cannot read (see `_word_lead`).
            whole = _whole_shapes(lx, ft, text, SHAPES[1:])
        else:
            if found is not None:
                amount = _digits_first(lx, ft, text, found[1], found[0])
                if amount is not None:
                    return amount
            whole = _whole_shapes(lx, ft, text)
        if whole is None and ft.language.number_words:
            whole = _words_whole(lx, ft, text)
        return whole
    return _whole_shapes(lx, ft, text)


def _hedge_lead(lx: Lexicon, ft: FastTables, text: str) -> Any:
    """The hedge that starts ``text`` and ends right before its first digit, or None.

    (its Qualifier, the number read from that digit as ``ft.number_at`` reads it), the
    hedge as `hedge_at` reads it. Memoised per locale by the text up to and including that
    digit ("mehr als 1"): `hedge_at` reads a hedge's words and the character after it, and
    no hedge has a digit (`fast_tables` leaves ``lead`` None otherwise), so the rest of the
    text cannot change what it finds there. The number comes from the same match as the
    characters before it (``ft.lead``), its groups numbered as ``ft.number_at``'s. `_BARE`
    where ``ft.lead`` finds no digit in the text at all; `_WORD_LEAD` where no hedge is
    there and the characters before the digit are one word and a space that the one-end
    shape cannot read (`_word_lead`, memoised with the hedge).
    """
    lead_re = ft.lead
    lead = None if lead_re is None else lead_re.match(text)
    at = -1 if lead is None else lead.start(1)
    if at < 0 and lead is not None:
        return _BARE  # the branch without a digit ("bare") matched: "vier Milliarden Dollar"
    # The memo first: it holds only keys with a space before their digit (put below), so a
    # key found there has one, and the text's first space is the key's.
    key = text[: at + 1]
    found = ft.leads.get(key, _UNKNOWN)
    if found is _UNKNOWN:
        sp = text.find(" ")
        if lead is None or not 0 < sp < at:
            found = _hedge_before_digit(lx, text, sp)  # no space before the digit: not memoised
            return None if found is None else (found[0], ft.number_at.match(text, found[1]))
        found = _hedge_before_digit(lx, key, sp)
        if found is None and at == sp + 1 and _word_lead(lx, key[:sp]):
            found = _WORD_LEAD
        ft.leads.put(key, found)
    if found is None or found is _WORD_LEAD:
        return found
    # The hedge ends at a digit, the text's first (no hedge has one): where the number starts.
    return found[0], lead


#: What `_hedge_lead` says of a text without any digit ("vier Milliarden Dollar").
_BARE: Any = object()
#: What `_hedge_lead` says of a text whose first digit comes after a `_word_lead`.
_WORD_LEAD: Any = object()


def _word_lead(lx: Lexicon, word: str) -> bool:
    """A word before a space and a text's first digit that the one-end shape cannot read.

    The one-end shape reads no digit but its figure's (no hedge has one, nor does a
    currency, scale or percent word: the tail), so with a digit in the text it reads one
    only where its hedge, sign and currency reach that first digit; its number word
    branch reads none. A word of plain letters (ASCII: the regex's case-insensitive hedges
    then match it exactly where its lower case is one) that starts no hedge, is no
    currency symbol and has no code's shape (three capitals) is none of them:
    "zwischen 20 und 30 Mrd. €", "von 5 bis 10 Euro".
    """
    return (
        word.isascii()
        and word.isalpha()
        and word.lower() not in lx.qualifier_starts
        and word not in lx.symbols
        and _THREE_CAPITALS.fullmatch(word) is None
    )


def _hedge_before_digit(lx: Lexicon, text: str, sp: int) -> tuple[Qualifier, int] | None:
    """`_hedge_lead` unmemoised; ``sp`` is where the first space of ``text`` is (or -1)."""
    first = text[:sp].lower() if sp > 0 else ""
    found = hedge_at(lx, text, 0) if first in lx.qualifier_starts or sp < 0 else None
    return found if found is not None and text[found[1] : found[1] + 1] in DIGITS else None


def _run_first(lx: Lexicon, ft: FastTables, text: str) -> re.Match[str] | None:
    """The first chunk of a text without digits that only a run of number words can read.

    A chunk ``ft.word_chunk`` matches at the start ("zwei Millionen"), from a `run_head`
    that `_words_whole` reads as number words (no article), with no unit after it and a
    space. The shapes `_whole_shapes` tries first then give no Amount: the one-end shape's
    regex reads such a chunk as ``word_chunk`` does (`run_head`) and then needs a unit
    (its unit part is the chunk's, which found none) or the end, which the space rules
    out; the "-stellig" shape reads a "-stellig" adjective first or after an article, never
    a number word or a scale word; the vague shape a vague count first. So `_words_whole`
    decides, from the start (a run head starts no hedge), with the match in hand.
    """
    chunk = ft.word_chunk
    sp = text.find(" ")
    if chunk is None or sp <= 0:
        return None
    # The word before the first space, the only one ``chunk`` can match as its number word:
    # told by the memo of run heads, before the regex. A run head is a cardinal or an
    # article (`_chunk_word`): where it is no article, `numeral_kind` reads it as "words".
    nw = text[:sp]
    if nw.lower() in lx.articles or not run_head(lx, ft, nw):
        return None
    rm = chunk.match(text)
    if (
        rm is None
        or rm.end("nw") != sp
        or rm.group("cur", "pct") != (None, None)  # a unit after the scale word
        or text[rm.end() : rm.end() + 1] != " "
    ):
        return None
    return rm


def _words_whole(lx: Lexicon, ft: FastTables, text: str) -> Amount | None:
    """A run of number words in chunks as the whole text: "zwei Millionen dreihunderttausend".

    With a hedge before it, a currency after it ("rund zwei Millionen dreihunderttausend
    Euro"). Read by `number_words`, as the grammar reads it, where the run has two chunks or more
    (one chunk is the one-end shape's) and a currency or percent after a space, or nothing,
    ends the text. None: the grammar decides.
    """
    hedge = hedge_at(lx, text, 0)
    at, qualifier = (0, _EXACT) if hedge is None else (hedge[1], hedge[0])
    first = _LETTERS.match(text, at)
    if first is None or numeral_kind(lx, first.group().lower()) != "words":
        return None
    return _run_whole(lx, ft, text, at, qualifier, None)


def _run_whole(
    lx: Lexicon,
    ft: FastTables,
    text: str,
    at: int,
    qualifier: Qualifier,
    rm: re.Match[str] | None,
) -> Amount | None:
    """`_words_whole` from ``at``, its hedge read; ``rm``: ``ft.word_chunk``'s match there."""
    # Exact in any context: no context switch.
    run = number_words(lx, text, at, ft.word_chunk, rm)
    if run is None or run.chunks < 2:
        return None
    e, unit = run.end, None
    if e < len(text):
        if text[e] != " ":
            return None
        tail = _tail(lx, ft, text[e:])
        if tail is None or tail[1] != 0:
            return None  # a scale word after the run: the grammar says why not
        unit = tail[0]
    value = plain(run.value)
    return Amount(value, unit=unit, qualifier=qualifier) if within_limit(value) else None


def _tail(lx: Lexicon, ft: FastTables, suffix: str) -> tuple[str | None, int, str] | None:
    """What a scale-and-currency tail after a number means: (unit, power of ten, separator).

    The power is 0 for no scale word; the separator is `tail_separator`'s. Memoised per
    locale. `NO_TAIL` where the suffix is no
    such tail at all (``ft.tail_full`` does not match it); None where it is one whose unit or
    scale word the shapes do not read ("5 Bio-Läden"), or where it is longer than
    `_TAIL_LIMIT` (not looked at): the grammar decides.
    """
    tail = ft.tails.get(suffix, _UNKNOWN)
    if tail is _UNKNOWN:
        tail = None
        if len(suffix) <= _TAIL_LIMIT:
            tm = ft.tail_full.fullmatch(suffix)
            found = None if tm is None else tail_unit_power(lx, ft, tm, suffix)
            if tm is None:
                tail = NO_TAIL
            elif found is not None:
                sep = tail_separator(*tm.group("s1", "s2", "scale"))
                tail = (found[0], found[1] or 0, sep)
            ft.tails.put(suffix, tail)
    return tail  # type: ignore[no-any-return]


#: What `_tail` says of a suffix that is no scale-and-currency tail at all (compared by
#: identity; its power, -1, is no scale's).
NO_TAIL: tuple[str | None, int, str] = (None, -1, "")


def tail_separator(s1: str | None, s2: str | None, scale: str | None) -> str:
    """The first character of the white space or hyphen before a tail, "" for none.

    From a tail match's groups: what stands before its scale word (``s1``), or before its
    unit (``s2``) where it has none. The one-end shape reads a number word only with a space
    or hyphen before a scale word (`_number_word_digits`).
    """
    return ((s1 if scale is not None else s2) or "")[:1]


def _digits_first(
    lx: Lexicon, ft: FastTables, text: str, m: re.Match[str] | None, qualifier: Qualifier
) -> Amount | None:
    """Digits and a scale-and-currency tail to the end of ``text`` (or a range).

    The number is read by its own regex, the tail (" Mio. EUR", " Milliarden Dollar") from a
    per-locale memo of tails: what a tail means does not depend on the number before it, and
    a text has few distinct tails. The number regex's first reading is the one the combined
    regex would take, so where the memo knows the tail the result is the same; where it does
    not (an unknown or long tail), the combined regex decides.

    Where the number regex has no other reading (no group separator, fraction or ",–") and
    the memo knows the suffix as no tail at all (`NO_TAIL`), the combined regex cannot match
    either (``ft.lead`` is set only for a locale none of whose hedges has a digit, so no other
    shape reads a text that starts with digits): a range ("5–50 Mio. €") is read by its
    separator and second end right after the number (``ft.range_tail``), as the range regex
    would read it.
    """
    assert m is not None  # ``ft.number_at``'s match of the number, or ``ft.lead``'s
    at = m.start(1)
    e = m.end()
    suffix = text[e:]
    tail = ft.tails.get(suffix, _UNKNOWN)  # the memo first: this is the hottest path
    if tail is _UNKNOWN:
        tail = _tail(lx, ft, suffix)
    # The number's parts from its match without a call per group: where the match ends with
    # its integer part, neither a fraction nor ",–" follows it; where that part is digits
    # alone, no group separator is in it (the number regex reads only ASCII digits).
    int_end = m.end("int")
    whole = text[at:int_end]
    plain_int = whole.isdigit()
    if tail is None or tail is NO_TAIL:
        if tail is NO_TAIL and e == int_end and plain_int and ft.lead:
            return _range_after(lx, ft, text, m) if at == 0 else None
        mm = ft.digits_full.fullmatch(text, at)
        if mm is not None:
            found = _digits_amount(lx, ft, mm, text, qualifier)
            return None if found is None else found.amount()
        # Digits first: the one-end regex would read what digits_full did not.
        return _whole_shapes(lx, ft, text, SHAPES[1:]) if at == 0 else None
    unit, power, _ = tail
    # _digits() inlined: this is parse_amount's hottest path, and a call costs 0.03x of the
    # price-parser budget (benchmarks/bench_amounts.py).
    if not plain_int:
        whole = whole.replace(m.group("g"), "")
    value = figure_value(False, whole, "" if e == int_end else m.group("frac") or "", power)
    if value is None:
        return None
    # The Amount itself, not a Reading first: a whole text's figure is only ever an Amount
    # (and without the hedge when there is none: each keyword costs the call a little).
    if qualifier is _EXACT:
        return Amount(value, unit=unit)
    return Amount(value, unit=unit, qualifier=qualifier)


def _range_after(lx: Lexicon, ft: FastTables, text: str, m: re.Match[str]) -> Amount | None:
    """The range whose first number (``m``, its only reading) starts a whole text, or None.

    The range regex on such a text (no hedge or intro before a digit, its first number read
    atomically as ``m``) matches exactly where ``ft.range_tail`` matches the rest after ``m``;
    no other shape reads a text that starts with a digit.
    """
    r = None if ft.range_tail is None else ft.range_tail.fullmatch(text, m.end())
    if r is None:
        return None
    found = range_bounds(lx, ft, text, text[: m.end()], "", r, None)
    return None if found is None else Amount(None, found[0], found[1], unit=found[2])


_UNKNOWN: Any = object()
#: `_one_end_first`'s word that the one-end regex does not match the text.
_NO_MATCH: Any = object()


#: Tails longer than this are not memoised (a real tail is a scale word and a currency).
_TAIL_LIMIT = 40


#: What `_matched_unit` returns for a unit the fast path must not read.
_REJECT: Any = object()


def _matched_unit(
    lx: Lexicon, ft: FastTables, spaced: str | None, cur: str | None, pct: str | None
) -> Any:
    """The unit after a figure: "%", an ISO code, None for none, or _REJECT.

    ``spaced`` is the white space before the unit: "Prozent" and currency words need it
    ("5Prozent" is not read), symbols and codes written as such do not.
    """
    if pct is not None:
        return PERCENT if spaced or pct == "%" else _REJECT
    if cur is None:
        return None
    unit = ft.exact_units.get(cur)  # a symbol or an ISO code as written
    if unit is not None:
        return unit
    if not spaced or (len(cur) == 3 and cur.isupper()):
        return _REJECT
    return lx.currency_words.get(cur.lower().replace("\u2011", "-"), _REJECT)


def _digits_amount(
    lx: Lexicon, ft: FastTables, m: re.Match[str], text: str, qualifier: Qualifier
) -> Reading | None:
    """The Amount of a match of ``ft.digits_full``: as `full_amount`, for digits first."""
    g, frac, s2, cur, pct, scale, dot = ft.digits_pick(m.groups())
    unit = _matched_unit(lx, ft, s2, cur, pct)
    return _digits_reading(lx, text, m, (g, frac, scale, dot), unit, qualifier, 0, len(text))


def _digits_reading(
    lx: Lexicon,
    text: str,
    m: re.Match[str],
    groups: tuple[str | None, str | None, str | None, str | None],
    unit: Any,
    qualifier: Qualifier,
    start: int,
    end: int,
) -> Reading | None:
    """A point from the digits ``m`` read from its start, times its scale word.

    ``groups``: the match's group separator, fraction, scale word and the scale's dot.
    """
    group, frac, scale, dot = groups
    if unit is _REJECT:
        return None
    power = 0 if scale is None else _scale_power(lx, text, m, scale, dot)
    if power is None:
        return None
    return _figure_reading(text, m, group, frac, power, unit, qualifier, start, end)


def _figure_reading(
    text: str,
    m: re.Match[str],
    group: str | None,
    frac: str | None,
    power: int,
    unit: str | None,
    qualifier: Qualifier,
    start: int,
    end: int,
) -> Reading | None:
    """A point (``start:end``) from the figure ``m`` starts with, times ``10**power``."""
    whole, frac = text[m.start() : m.end("int")], frac or ""  # `_digits`, inlined
    if group is not None:
        whole = whole.replace(group, "")
    value = figure_value(False, whole, frac, power)
    if value is None:
        return None
    return new_reading(Reading, (start, end, value, value, unit, qualifier))


def full_amount(
    lx: Lexicon,
    ft: FastTables,
    m: re.Match[str],
    text: str,
    qualifier: Qualifier | None,
) -> Amount | None:
    """The Amount a match of ``ft.full`` reads, or None: the grammar decides.

    The hedge is read from the match if ``qualifier`` is None.
    """
    s1, s2, cur, pct, scale, dot = ft.tail_pick(m.groups())
    unit = _matched_unit(lx, ft, s2, cur, pct)
    power = 0 if scale is None else _scale_power(lx, text, m, scale, dot)
    if unit is _REJECT or power is None:
        return None
    return _one_end(lx, ft, m, text, (unit, power, tail_separator(s1, s2, scale)), qualifier)


def _one_end_first(lx: Lexicon, ft: FastTables, text: str) -> Any:
    """The one-end shape on a whole text by its head and the memo of tails, as `full_amount`.

    The head regex (``ft.full_head``: hedge, sign, currency, the digits or number word) is
    the full regex without its tail, so where the head's first reading is followed by a tail
    the memo knows (`_tail`), the full regex's ``fullmatch`` takes that same reading: the
    result is `full_amount`'s on it. A head that is only a number word (no hedge, sign,
    currency or "halbe": every such branch failed before it) is the head's only reading, so
    there the memo also tells that the full regex fails (`NO_TAIL`: `_NO_MATCH`, the next
    shape decides) or reads a tail it rejects (None). `_UNKNOWN` where the memo cannot tell:
    the full regex decides.
    """
    h = ft.full_head.match(text)
    if h is None:
        return _UNKNOWN
    e = h.end()
    suffix = text[e:]
    tail = ft.tails.get(suffix, _UNKNOWN)
    if tail is _UNKNOWN:
        if len(suffix) > _TAIL_LIMIT:
            return _UNKNOWN
        tail = _tail(lx, ft, suffix)
    if tail is None or tail is NO_TAIL:
        # Only a number word: it starts the text (a hedge, sign or currency before it would
        # have taken characters) and ends the head (no "halbe" after it).
        if h.start("nw") != 0 or h.end("nw") != e:
            return _UNKNOWN
        return None if tail is None else _NO_MATCH
    return _one_end(lx, ft, h, text, tail, None)


def _one_end(
    lx: Lexicon,
    ft: FastTables,
    m: re.Match[str],
    text: str,
    tail: tuple[str | None, int, str],
    qualifier: Qualifier | None,
) -> Amount | None:
    """The one-end shape's Amount from its head's groups in ``m``.

    ``tail``: the unit and scale power its tail names, and the first character of the white
    space or hyphen before the tail ("" for none). The hedge is read from ``m`` if
    ``qualifier`` is None.
    """
    q, neg, pre, g, frac, nw, num, half = ft.head_pick(m.groups())
    unit, power, sep = tail
    if qualifier is None:
        qualifier = _qualifier(lx, ft, q)
    elif q is not None:
        return None
    if pre is not None:
        unit = ft.exact_units.get(pre) if unit is None else _REJECT
    if qualifier is None or unit is _REJECT or (unit is None and pre is not None):
        return None
    if nw is not None:
        if pre is not None:
            return None
        digits = _number_word_digits(lx, ft, nw, half, (power != 0, sep, unit == PERCENT))
    else:
        digits = _written_digits(text, m, num, g, frac)
    value = None if digits is None else figure_value(neg is not None, *digits, power)
    if value is None:
        return None
    return Amount(value, unit=unit, qualifier=qualifier)


def _written_digits(
    text: str, m: re.Match[str], num: str, group: str | None, frac: str | None
) -> tuple[str, str]:
    """The integer and fraction digits of the one-end shape's written figure."""
    # With a fraction or ",–" (no cents) the integer part is only part of the number.
    if frac is None and num[-1] in DIGITS:
        return _digits(text, m.start("num"), m.end("num"), group), ""
    return _digits(text, m.start("first"), m.end("int"), group), frac or ""


def _number_word_digits(
    lx: Lexicon, ft: FastTables, word: str, half: str | None, tail: tuple[bool, str, bool]
) -> tuple[str, str] | None:
    """The digits of the one-end shape's number word ("vier", "eine halbe"), or None.

    One number word of a language that has them in this shape, then a scale word after a
    space or hyphen, never glued. An article only before a scale word or "Prozent", and
    only after a space ("eine Milliarde", not "eine-Milliarde" or "ein%"); with "halbe"
    after it, that is half of one ("eine halbe Milliarde"). ``tail``: whether a scale word
    follows, the first character of the space or hyphen before the tail ("" for none), and
    whether the unit is a percent.
    """
    scaled, sep, percent = tail
    if not ft.language.number_words or (scaled and not sep):
        return None
    low = word.lower()
    number: Decimal | None
    if low not in lx.articles:
        number = None if half is not None else lx.cardinal(low)
    elif half is not None:
        number = _HALF if half.lower() in lx.half_words else None
    else:
        number = None if not sep or sep == "-" else Decimal(1)
    if number is None or (low in lx.articles and not scaled and not percent):
        return None
    written = str(number)
    if written.isdigit():  # a whole number written positionally: the common case, no format
        return written, ""
    whole, _, frac = format(number, "f").partition(".")
    return whole, frac


def _qualifier(lx: Lexicon, ft: FastTables, q: str | None) -> Qualifier | None:
    """The Qualifier of a matched hedge ("rund", "mehr  als"), EXACT for none, None if unknown."""
    if q is None:
        return _EXACT
    low = q.lower()
    return ft.qualifier_text.get(low) or lx.qualifiers.get(tuple(low.split()))


def _one_end_whole(lx: Lexicon, ft: FastTables, m: re.Match[str], text: str) -> Amount | None:
    return full_amount(lx, ft, m, text, None)


def _range_whole(lx: Lexicon, ft: FastTables, m: re.Match[str], text: str) -> Amount | None:
    qualifier = _qualifier(lx, ft, m.group("q"))
    if qualifier is None:
        return None
    intro = m.group("intro")
    conj = None if intro is None else lx.range_intro.get(intro.lower())
    if intro is not None and conj is None:
        return None  # matched only through re's wider case folding ("zwıschen")
    whole = _digits(text, m.start("first1"), m.end("int1"), m.group("g1"))
    found = range_bounds(lx, ft, text, whole, m.group("frac1") or "", m, conj)
    if found is None:
        return None
    return Amount(None, found[0], found[1], unit=found[2], qualifier=qualifier)


def _stellig_whole(lx: Lexicon, ft: FastTables, m: re.Match[str], text: str) -> Amount | None:
    qualifier = _qualifier(lx, ft, m.group("q"))
    found = None if qualifier is None else stellig_bounds(lx, m)
    if found is None or qualifier is None:
        return None
    return Amount(None, found[0], found[1], unit=found[2], qualifier=qualifier)


def _vague_whole(lx: Lexicon, ft: FastTables, m: re.Match[str], text: str) -> Amount | None:
    qualifier = _qualifier(lx, ft, m.group("q"))
    found = None if qualifier is None else vague_amount(lx, ft, m, text, qualifier, 0)
    return None if found is None else found.amount()


class Shape(NamedTuple):
    """One common shape: its regexes (attributes of `FastTables`) and its builder."""

    name: str
    #: The regex that reads a whole text (``parse_amount``), with an optional hedge.
    whole: str
    #: The regex that reads it at a place in running text (``extract_amounts``); the
    #: hedge before it is found by `_lead`.
    at: str
    #: The Amount of a whole-text match (None: the grammar decides).
    build: Callable[[Lexicon, FastTables, re.Match[str], str], Amount | None]


#: The shapes, in the order a whole text is tried. In running text a digit trigger is read
#: as one end or (with a separator after it) a range; a noun trigger as one end from a
#: number word, "-stellig" or a vague count (`read_at`).
SHAPES = (
    # "rund 1,5 Mrd. USD", "vier Milliarden Dollar", "-2,50 €", "eine halbe Milliarde"
    Shape("one end", "full", "full", _one_end_whole),
    # "5–50 Mio. €", "zwischen 20 und 30 Mrd.", "20- oder 30-Milliarden"
    Shape("range", "range_full", "range_tail", _range_whole),
    # "ein zweistelliger Millionenbetrag", "neun- oder zehnstellige Beträge"
    Shape("stellig", "stellig_full", "stellig_at", _stellig_whole),
    # "zig Milliarden", "zig oder gar hunderten Milliarden Dollar"
    Shape("vague", "vague_full", "vague_at", _vague_whole),
)


#: The shapes that may read a text without digits: all but the range of two digit numbers.
_WORDED_SHAPES = tuple(shape for shape in SHAPES if shape.name != "range")


def _whole_shapes(
    lx: Lexicon, ft: FastTables, text: str, shapes: tuple[Shape, ...] = SHAPES
) -> Amount | None:
    """The Amount of the first shape whose whole-text regex matches ``text``, else None."""
    for shape in shapes:
        if shape is SHAPES[0]:
            first = _one_end_first(lx, ft, text)
            if first is _NO_MATCH:
                continue
            if first is not _UNKNOWN:
                return first  # type: ignore[no-any-return]
        pattern: re.Pattern[str] | None = getattr(ft, shape.whole)
        if pattern is not None:
            m = pattern.fullmatch(text)
            if m is not None:
                found: Amount | None = shape.build(lx, ft, m, text)
                return found
    return None


def tail_unit_power(
    lx: Lexicon, ft: FastTables, m: re.Match[str], text: str
) -> tuple[str | None, int | None] | None:
    """The unit and the scale's power of ten that a match's scale-and-currency tail names.

    (None, None) for an empty tail; None where the grammar must decide (a currency name
    glued to the digits, an unknown word, "Bio-" as in "5 Bio-Läden").
    """
    s2, cur, pct, scale, dot = m.group("s2", "cur", "pct", "scale", "dot")
    unit = _matched_unit(lx, ft, s2, cur, pct)
    if unit is _REJECT:
        return None
    if scale is None:
        return unit, None
    power = _scale_power(lx, text, m, scale, dot)
    return None if power is None else (unit, power)


def range_amount(
    lx: Lexicon,
    ft: FastTables,
    text: str,
    whole1: str,
    frac1: str,
    r: re.Match[str],
    conj: str | None,
    qualifier: Qualifier,
    start: int,
) -> Reading | None:
    """The range's reading from ``start`` to the end of ``r`` (see `range_bounds`)."""
    found = range_bounds(lx, ft, text, whole1, frac1, r, conj)
    if found is None:
        return None
    low, high, unit = found
    return new_reading(Reading, (start, r.end(), low, high, unit, qualifier))


def range_bounds(
    lx: Lexicon,
    ft: FastTables,
    text: str,
    whole1: str,
    frac1: str,
    r: re.Match[str],
    conj: str | None,
) -> tuple[Decimal, Decimal, str | None] | None:
    """A range's bounds and unit: a first number's digits, then a match of separator and end.

    ``conj`` is the conjunction a range intro before the first number asks for ("und" after
    "zwischen"); without an intro the separator is a dash or a range word ("bis", "oder").
    As in the grammar, the second end's scale and currency apply to both ends, and the range
    must rise. None where the grammar must decide (or would refuse).
    """
    w, sw, zu, g, frac2, s2, cur, pct, scale, dot = r.group(*_RANGE_GROUPS)
    if not _separator_ok(lx, w, sw, zu, conj):
        return None
    meaning = tail_meaning(lx, ft, r, text, (s2, cur, pct, scale, dot))
    if meaning is None:
        return None
    unit, power = meaning
    whole2 = _digits(text, r.start("first"), r.end("int"), g)
    frac2 = frac2 or ""
    low = figure_value(False, whole1, frac1, power)
    if low is None:
        return None
    high = figure_value(False, whole2, frac2, power)
    return (low, high, unit) if high is not None and low < high else None


#: The groups of a range match that `range_bounds` reads, in one call.
_RANGE_GROUPS = ("w", "sw", "zu", "g", "frac", "s2", "cur", "pct", "scale", "dot")


def _separator_ok(
    lx: Lexicon, w: str | None, sw: str | None, zu: str | None, conj: str | None
) -> bool:
    """The range's separator is one the grammar reads as such after what came before.

    ``w``, ``sw`` and ``zu`` are the range match's groups: the range word between spaces, the
    word after a suspending dash, "zu" after "bis". ``conj``: the conjunction a range intro
    asks for ("und" after "zwischen"), or None.
    """
    if sw is not None:  # suspended: "20- oder 30-Milliarden", "20- und 30-Milliarden"
        w = sw.lower()
        if conj is not None or w not in lx.range_words:  # "20- und 30-": a list
            return False
    elif w is not None:
        w = w.lower()
        if (w != conj) if conj is not None else (w not in lx.range_words):
            return False
    elif conj is not None:
        return False
    return zu is None or (w == "bis" and zu.lower() == "zu")


def stellig_amount(
    lx: Lexicon, m: re.Match[str], qualifier: Qualifier, start: int
) -> Reading | None:
    """The reading of a vague magnitude from ``start`` to the end of ``m`` (`stellig_bounds`)."""
    found = stellig_bounds(lx, m)
    if found is None:
        return None
    low, high, unit = found
    return new_reading(Reading, (start, m.end(), low, high, unit, qualifier))


def stellig_bounds(lx: Lexicon, m: re.Match[str]) -> tuple[Decimal, Decimal, str | None] | None:
    """A vague magnitude's bounds and unit from a match of ``stellig_at``/``stellig_full``.

    "zweistellige Milliardenbeträge" is 10¹⁰ ≤ x < 10¹¹: [10^(n-1), 10^n) times the noun's
    scale, in the noun's currency if it names one.
    """
    count = stellig_count(lx, m.group("sw"))
    art, w1 = m.group("art", "w1")
    if count is None or (art is not None and (w1 is not None or art.lower() not in lx.articles)):
        return None
    # The lower end's digit count: "neun- oder zehnstellige" runs from nine digits.
    first = count if w1 is None else _suspended_count(lx, w1, m.group("sw1"), count)
    meaning = stellig_noun(lx, m.group("noun"))
    if first is None or meaning is None:
        return None
    power, unit = meaning
    if count + power >= MAX_INTEGER_DIGITS:
        return None  # beyond the model's limit: the grammar refuses it with the message
    return _TENS[first - 1 + power], _TENS[count + power], unit


def _suspended_count(lx: Lexicon, word: str, join: str, most: int) -> int | None:
    """The first digit count of "neun- oder zehnstellige" ("neun": 9), at most ``most``.

    A number word (not an article, not a currency code) before a range word, an alternative
    or "und": the grammar reads it as the first end of a range whose end lends its noun to
    both.
    """
    low, join = word.lower(), join.lower()
    if low in lx.articles or is_code(lx, word):
        return None
    if join not in lx.range_words and join not in lx.alternatives and join not in lx.conjunctions:
        return None
    return count_word(lx, low, most)


def vague_amount(
    lx: Lexicon, ft: FastTables, m: re.Match[str], text: str, qualifier: Qualifier, start: int
) -> Reading | None:
    """A vague count before a scale word from a match of ``vague_at``/``vague_full``.

    "zig Milliarden" is 10¹⁰ ≤ x < 10¹¹; "zig oder gar hunderten Milliarden Dollar" runs from
    the first count's low end to the second's high end, the scale and currency applying to
    both, as the grammar reads them. A count needs a scale word after it.
    """
    v1, sep, even, v2, s1, scale = m.group("v1", "vsep", "even", "v2", "s1", "scale")
    first = lx.vague_counts.get(v1.lower())
    if first is None or scale is None or not s1:
        return None  # a count without a scale word is no amount; never glued to it
    low, high = first
    if v2 is not None:
        second = lx.vague_counts.get(v2.lower())
        sep = sep.lower()
        if second is None or (sep not in lx.range_words and sep not in lx.alternatives):
            return None
        if even is not None and (sep not in lx.alternatives or even.lower() not in lx.vague_words):
            return None
        if second[0] < low:
            return None  # the grammar refuses a range that does not rise
        high = second[1]
    found = tail_unit_power(lx, ft, m, text)
    if found is None:
        return None
    unit, power = found
    if power is None or high + power >= MAX_INTEGER_DIGITS:
        return None  # no scale word; or beyond the model's limit (the grammar says so)
    return Reading(
        start,
        m.end(),
        _TENS[low + power],
        _TENS[high + power],
        unit,
        qualifier,
    )


_HALF = Decimal("0.5")
#: The powers of ten below the model's limit as the vague magnitudes' bounds are written
#: ("10000000", not "1E+7"), made once.
_TENS = tuple(Decimal("1" + "0" * n) for n in range(MAX_INTEGER_DIGITS))


def surface_meaning(
    lx: Lexicon, ft: FastTables, m: re.Match[str], text: str
) -> tuple[Decimal, str | None] | None:
    """The value and unit a digit trigger's match reads, or None: the grammar decides.

    A pure function of the matched surface and the one character after it (the trigger's
    regex looks no further inside the match: a scale word's `_NOT_LETTER`, a group's
    ``(?![0-9])``), so `read_digits` memoises it per locale by that surface ("5 Mio. €" and
    the space after it): a mention seen before costs one lookup.

    What the matched tail means (its unit and the scale's power of ten, by `_matched_unit`
    and `_scale_power`) depends on nothing but the tail's groups and the character after a
    scale word written without a dot ("Bio-"), so it is memoised per locale by them; the
    number is read by `_figure_reading`, as for a whole text.
    """
    g, frac, s2, cur, pct, scale, dot = ft.trigger_pick(m.groups())
    meaning = tail_meaning(lx, ft, m, text, (s2, cur, pct, scale, dot))
    if meaning is None:
        return None
    found = _figure_reading(text, m, g, frac, meaning[1], meaning[0], Qualifier.EXACT, 0, 0)
    return None if found is None else (found.low, found.unit)


def tail_meaning(
    lx: Lexicon,
    ft: FastTables,
    m: re.Match[str],
    text: str,
    groups: tuple[str | None, str | None, str | None, str | None, str | None],
) -> tuple[str | None, int] | None:
    """What a match's scale-and-currency tail means: (unit, power of ten, 0 for none) or None.

    ``groups``: the match's ``s2``, ``cur``, ``pct``, ``scale`` and ``dot``. The meaning (by
    `_matched_unit` and `_scale_power`) depends on nothing but these groups and the character
    after a scale word written without a dot ("Bio-"), so it is memoised per locale by them
    (``ft.mention_units``), for a digit mention's tail and a range's alike. None where the
    grammar must decide.
    """
    s2, cur, pct, scale, dot = groups
    if scale is not None and dot is None:
        e = m.end("scale")
        key: tuple[Any, ...] = (bool(s2), cur, pct, scale, dot, text[e : e + 1])
    else:
        key = (bool(s2), cur, pct, scale, dot)
    meaning = ft.mention_units.get(key, _UNKNOWN)
    if meaning is _UNKNOWN:
        unit = _matched_unit(lx, ft, s2, cur, pct)
        power = 0 if scale is None else _scale_power(lx, text, m, scale, dot)
        meaning = None if unit is _REJECT or power is None else (unit, power)
        ft.mention_units.put(key, meaning)
    return meaning  # type: ignore[no-any-return]


_LETTER_RUN = re.compile(r"[^\W\d_]+")


class Verdict(enum.Enum):
    """What `read_at` says besides a Reading (read) and None (ask the grammar)."""

    #: Nothing starts at this trigger (a date, digits followed by nothing to read).
    SKIP = "skip"
    #: The grammar would find nothing here either: do what follows a fruitless grammar run.
    NOTHING = "nothing"


#: Enum members for the hot paths (`read_digits`, `_fast_plain`, `fast_amount`'s shapes):
#: one looked up on its class costs some 150 ns on Python 3.11 (the enum type's
#: ``__getattr__``), a module constant a tenth of that.
_EXACT, _SKIP, _NOTHING = Qualifier.EXACT, Verdict.SKIP, Verdict.NOTHING


class Chain(NamedTuple):
    """No trigger before ``resume`` can start or join an amount: read on from there.

    A chain of bare figures joined by range separators ("5–5–5–50 Mio. €", "1 bis 2 bis 3"):
    a range has two ends, so of the figures only the last two can belong to an expression
    with a unit (the last one's); everything before is skipped in one step (`chain_end`).
    """

    resume: int


def read_at(
    text: str,
    t: int,
    m: re.Match[str],
    lx: Lexicon,
    ft: FastTables,
    last: int,
    handed: Handed | None = None,
) -> Reading | Verdict | Chain | None:
    """Read the trigger match ``m`` at ``t`` by a shape where the outcome is certain.

    A Reading; a `Verdict`; a `Chain` to skip; or None (ask the grammar). ``last`` is where
    the previous mention ended (nothing before it belongs to this one). A hedged reading
    right before a hyphen ("um die 1-Prozent-Vorgabe") is left to the grammar by the caller
    (`aieco.amounts._extract.scan`), which weighs the hedge. ``handed``: one slot, kept by
    the caller for one text, where a chunk of number words read as the one after a mention
    is handed on to the next trigger (`_run_chunk`).
    """
    c = text[t]
    if c in DIGITS:
        return read_digits(text, t, m, lx, ft, last)
    if c.isalpha() and ft.language.number_words:
        return read_noun(text, t, lx, ft, last, handed)
    # A currency symbol between two others ("€ € €"): no expression holds two symbols
    # side by side, so none starts at or covers the run's symbols before its last.
    run = ft.symbol_run.match(text, t)
    return None if run is None else Chain(run.end())


def read_digits(
    text: str, t: int, m: re.Match[str], lx: Lexicon, ft: FastTables, last: int
) -> Reading | Verdict | Chain | None:
    """`read_at` for a digit trigger (which `extract_amounts.scan` calls directly).

    One end ("rund 1,5 Mrd. USD", "100 Mio. $ oder mehr") or a range. As for `read_at`, a
    hedged reading right before a hyphen ("um die 1-Prozent-Vorgabe") is not final: the
    caller gives it to the grammar, which weighs the hedge.
    """
    if t > 0 and not text[t - 1].isspace():
        glued = _glued_before(text, t, lx, last)
        if glued is not _FREE:
            return glued
    scale, cur, pct, month = m.group(*ft.trigger_tail)  # ``month``: the trigger's ``mb``
    if scale is None and cur is None and pct is None:
        return _fast_plain(text, t, m, lx, ft, last)
    if scale is None and cur is not None:
        # "EUR 5 EUR 5 EUR 5": the grammar reads a code with a figure right after it as
        # that figure's (its `_leads_next_figure`), and figures in a row after a code as a
        # table; so of such a chain only the last code and figure are an amount.
        run = ft.code_chain.match(text, t)
        if run is not None:
            return Chain(run.end())
    if last and t - last < 8 and not text[last:t].strip():
        # Only white space since the last mention ("5 Mio. € 5 Mio. €"): every token
        # before the digits starts before it, so the walk back would stop at once.
        prev: tuple[int, str] | None = UNSET
        chain: list[Token] = []
    else:
        prev = previous(text, t)
        chain = walk(text, t, lx, last, prev)
    if chain:
        if len(chain) == 1 and chain[0].word.lower() not in lx.qualifier_starts:
            start, qualifier, rest = t, _EXACT, chain  # `_lead`'s, without its call
        else:
            lead = _lead(text, chain, t, lx)
            if lead is None:
                return None
            start, qualifier, rest = lead
        if (
            rest
            and not _all_inert(lx, rest)
            and not (start == t and _cardinal_before(lx, ft, text, rest, t, m.end()))
        ):
            return None  # a currency, sign, number word or range the grammar must weigh
    else:
        start, qualifier = t, _EXACT  # nothing before the figure joins it
    e = end = m.end()
    if not ends_cleanly(text, e, cur, lx, ft, False, scale is not None):
        # "100 Millionen Dollar oder mehr": the grammar reads a trailing hedge only when
        # there is none before; nothing after it matters.
        post = _postfix(lx, ft, text, e) if qualifier is _EXACT else None
        if post is None:
            return None
        qualifier, end = post
    if (ft.tail_months or month is not None) and is_date(text, t, lx, prev, ft.tail_months):
        return _SKIP  # (the trigger's ``mb``: a month name may end before the digits)
    # What the match reads, memoised by its surface and the character after it (see
    # `surface_meaning`); looked up here, not in a helper: this runs at every mention.
    key = text[t : e + 1]
    meaning = ft.surfaces.get(key, _UNKNOWN)
    if meaning is _UNKNOWN:
        meaning = surface_meaning(lx, ft, m, text)
        ft.surfaces.put(key, meaning)
    if meaning is None:
        return None
    value, unit = meaning
    return new_reading(Reading, (start, end, value, value, unit, qualifier))


def _cardinal_before(
    lx: Lexicon, ft: FastTables, text: str, chain: list[Token], t: int, e: int
) -> bool:
    """A cardinal right before the digits at ``t`` (only white space between) ends there.

    "5 Millionen Euro zwei 5 Millionen Euro": the grammar reads "zwei" by `number_words`,
    whose groups, decimals ("Komma") and scale words are words, as are the units, range
    words and trailing hedges that may follow a number; a figure is none of them, so what
    it reads from "zwei" ends before the figure, and the digits are read as if the word
    were not there. The chain's other words must be inert (`_all_inert`) as usual.

    Not where a hyphen follows the trigger's match (ending at ``e``): there the grammar
    may read a range whose second end has a hedge ("fünf 12%-knapp unter dreißig"), which
    `ends_cleanly` does not see (docs/performance.md), so it keeps deciding as before.
    """
    s, word, _ = chain[0]
    info = ft.words.get(word)  # `_info`, its memo looked up here
    if info is None:
        info = _info(lx, ft, word)
    # A word that may start a chunk (`_chunk_word`: a cardinal or an article, no code or
    # guard word) and no article ("ein 5": `_inert` already).
    return (
        info[5]
        and info[3] not in lx.articles
        and text[e : e + 1] != "-"
        and spaced(text, s + len(word), t)
        and (len(chain) == 1 or _all_inert(lx, chain[1:]))
    )


def _postfix(lx: Lexicon, ft: FastTables, text: str, e: int) -> tuple[Qualifier, int] | None:
    """A trailing hedge after ``e`` ("oder mehr"): its Qualifier and where it ends, or None."""
    post = ft.postfix_re.match(text, e)
    if post is None:
        return None
    found = lx.postfix.get((post.group("p1").lower(), post.group("p2").lower()))
    return None if found is None else (found, post.end())


#: What `_glued_before` says where the character before the digits leaves them free.
_FREE: Any = object()


def _glued_before(text: str, t: int, lx: Lexicon, last: int) -> Verdict | Any | None:
    """What the character right before digits at ``t`` (not a space) says, or `_FREE`.

    None (the grammar decides) after a decimal mark (".75 €", "1.5" in German), a letter,
    digit or symbol glued to them, a sign or a hyphen not after digits; `Verdict.NOTHING`
    after a word glued to them that starts nothing ("B2B").
    """
    b = text[t - 1]
    if b in ".,":
        return None  # ".75 €", "1.5" in German: the grammar decides
    if b.isalnum() or b == "_" or b in lx.symbol_firsts:
        if b.isalpha() and not any(tok.role is Role.STARTS for tok in walk(text, t, lx, last)):
            # Glued to a word ("B2B"): the grammar starts only at a word before the digits
            # that may start an expression ("CHF1.234"), so without one it finds nothing.
            return Verdict.NOTHING
        return None
    if (b in MINUS_SIGNS or b in DASHES) and not (t > 1 and text[t - 2] in DIGITS):
        return None  # a sign, or a hyphen the grammar must read
    return _FREE


def _fast_plain(
    text: str, t: int, m: re.Match[str], lx: Lexicon, ft: FastTables, last: int
) -> Reading | Verdict | Chain | None:
    """Digits the trigger read without a scale, currency or percent after them."""
    e = m.end()
    n = len(text)
    if ft.range_tail is not None:
        r = ft.range_tail.match(text, e)
        if r is not None:
            if r.end() < n and (text[r.end()] in DASHES or text[r.end()] in " \u00a0"):
                chain = chain_end(text, t, lx, ft, last)
                if chain is not None:
                    return chain
            return _fast_range(text, t, m, r, lx, ft, last)
    if e < n:
        c = text[e]
        if (c.isalpha() and glued_unreadable(lx, ft, text, e)) or (
            c in lx.raw_separators and e + 1 < n and text[e + 1] in DIGITS
        ):
            english = lx.english_decimal if c in lx.raw_separators else None
            if english is not None and english.match(text, t) is not None:
                return None  # "1.5bn€" in German: an English figure the grammar reads
            # The grammar cannot read these digits ("3D-Modelle"; "4.0" in German, where "."
            # groups thousands), so no expression reaching past them can start before them.
            return _NOTHING if _all_inert(lx, walk(text, t, lx, last)) else None
    # The trigger saw something before (maybe a currency) or after the digits.
    if not ends_cleanly(text, e, None, lx, ft):
        return None
    prev = previous(text, t)
    if prev is not None and prev[0] >= last:
        token = prev[1]
        if names_currency(lx, token):
            return None
    return _SKIP


def article_run(text: str, t: int, lx: Lexicon, ft: FastTables) -> Chain | None:
    """Where to read on if the article at ``t`` is in a run of articles ("ein ein ein").

    An article joins only what follows it ("ein bis zwei", "eine halbe Milliarde", "ein
    zweistelliger Betrag"), never another article, so no expression holds two articles side
    by side: an article with articles on both sides starts or joins nothing.
    """
    if ft.article_run is None:
        return None
    run = ft.article_run.match(text, t)
    if run is None:
        return None
    prev = previous(text, t)
    if prev is None or prev[1].lower() not in lx.articles or not spaced(text, t - 1, t):
        return None
    return Chain(run.end())


def chain_end(text: str, t: int, lx: Lexicon, ft: FastTables, last: int) -> Chain | None:
    """Where to read on if a chain of three or more bare figures starts at ``t``, else None.

    "5–5–5–50 Mio. €", "1 bis 2 bis 3 Mio. €": the grammar reads a range of two ends, so an
    expression that covers a figure ends at the figure after it at the latest, and a figure
    followed by a separator and another figure has no unit of its own. No amount starts at
    or joins the figures before the last two, unless something before the first may start
    one ("EUR 5–6–7" is EUR 5–6): the walk back must find no such word, and the first figure
    must stand free (after a space or at the start, not after a sign or a letter). The
    figures have at most three digits, so none starts an ISO date ("2020-01-05").
    """
    if ft.chain is None or (t > 0 and not (text[t - 1].isspace() or text[t - 1] in "([")):
        return None
    c = ft.chain.match(text, t)
    if c is None or any(token.role is Role.STARTS for token in walk(text, t, lx, last)):
        return None
    return Chain(c.end())


def _fast_range(
    text: str,
    t: int,
    m: re.Match[str],
    r: re.Match[str],
    lx: Lexicon,
    ft: FastTables,
    last: int,
) -> Reading | Verdict | None:
    """A range of two digit numbers: "5–50 Millionen Euro", "zwischen 20 und 30 Mrd. €"."""
    intro = _range_intro(text, t, walk(text, t, lx, last), r, lx)
    if intro is None:
        return None
    conj, at, chain = intro
    scale, cur, pct = r.group("scale", "cur", "pct")
    lead = _settled(text, chain, at, lx, ft, r.end(), cur, scaled=scale is not None)
    if lead is None:
        return None
    if conj is None and _alternatives(lx, r):
        # "20 oder 30 Mio. €", "20- oder 30-Milliarden": two figures joined by an
        # alternative are a list (its items are read one by one), never a range.
        return Verdict.NOTHING
    if is_date(text, t, lx) or (scale is None and cur is None and pct is None):
        # A date; or "2020–2022", "12 bis 24 Monaten": whether or not the grammar reads a
        # range here (it must rise), bare numbers are not reported.
        return Verdict.NOTHING
    whole = _digits(text, t, m.end("int"), m.group("g"))
    found = range_amount(lx, ft, text, whole, m.group("frac") or "", r, conj, lead[1], lead[0])
    if found is None:
        return None
    if found.unit is None and scale is None:
        return Verdict.NOTHING  # the currency or percent sign was not one after all
    return found


def _alternatives(lx: Lexicon, r: re.Match[str]) -> bool:
    """The separator of a range match is an alternative ("oder"), not a range word."""
    w, sw, zu = r.group("w", "sw", "zu")
    word = sw if sw is not None else w
    if word is None or zu is not None:
        return False
    low = word.lower()
    return low in lx.alternatives and low not in lx.range_words


def _range_intro(
    text: str, t: int, chain: list[Token], r: re.Match[str], lx: Lexicon
) -> tuple[str | None, int, list[Token]] | None:
    """A range intro before the first number that the separator answers ("zwischen … und").

    (its conjunction, where the range starts, the chain before it); (None, t, chain) if
    there is none; None where the grammar must decide ("zwischen 20- und 30-Milliarden").
    """
    if not chain:
        return None, t, chain
    head = chain[0]
    conj = lx.range_intro.get(head.word.lower())
    sw, w = r.group("sw", "w")
    if sw is not None and conj == sw.lower():
        return None  # the grammar starts at "zwischen"
    if w is not None and conj == w.lower() and spaced(text, head.start + len(head.word), t):
        return conj, head.start, chain[1:]  # the grammar starts at "zwischen"
    return None, t, chain


def _digits(text: str, a: int, b: int, group: str | None) -> str:
    """The digits of ``text[a:b]``, a figure's integer part, without its group separators."""
    whole = text[a:b]
    return whole.replace(group, "") if group is not None else whole


def read_noun(
    text: str,
    t: int,
    lx: Lexicon,
    ft: FastTables,
    last: int,
    handed: Handed | None,
) -> Reading | Verdict | None:
    """`read_at` for a noun trigger (which `extract_amounts.scan` calls directly).

    A noun ("Milliarden", "Euro", "Beträge") after a number word or a "-stellig".
    """
    s, word = _word_around(text, t)
    if is_stellig(word):
        chain = [Token(s, word, Role.STARTS), *walk(text, s, lx, last)]
        return _fast_stellig(text, t, chain, lx, ft)  # "zweistellige" before its noun
    kind: Role | None = lx.kinds.get(word)  # type: ignore[assignment]  # `role`, its memo inline
    if (role(lx, word) if kind is None else kind) is Role.STARTS:
        return None  # the noun itself may start an expression
    if handed is not None:
        ahead = handed[0]
        if ahead is not None and ahead[0].start("scale") == s and ahead[0].start() == last + 1:
            # The chunk the last mention read after itself ("zwei Millionen zwei
            # Millionen", "zwei Millionen Euro zwei Millionen Euro"), right after it: the
            # walk back would give its number word alone (a `run_head`, read as below), and
            # `word_chunk` the same match.
            rm = ahead[0]
            if rm.group("cur") is None and rm.group("pct") is None:
                return _run_chunk(text, rm, [], lx, ft, handed, ahead[1])
            return _unit_chunk(text, rm, [], lx, ft, handed)
    chain = walk(text, s, lx, last)
    for token in chain:  # a loop, not any() over a generator: no call per token
        if token.role is Role.STARTS and (
            token.word.lower() not in lx.qualifier_starts or not _dead_hedge(lx, text, token)
        ):
            break  # (a word that starts no hedge is no dead one: asked without a call)
    else:
        # Nothing before the noun can start an expression reaching it ("ein lächerlich
        # kleiner Betrag": "kleiner" starts only the hedge "kleiner als", not here).
        return Verdict.NOTHING
    if chain[0].role is not Role.STARTS:
        return None
    low0 = chain[0].word.lower()
    if is_stellig(low0):
        return _fast_stellig(text, t, chain, lx, ft)
    if low0 in lx.vague_counts:
        return _fast_vague(text, t, chain, lx, ft)
    return _fast_number_word(text, t, chain, lx, ft, handed)


def _dead_hedge(lx: Lexicon, text: str, token: Token) -> bool:
    """A hedge's first word that starts no hedge here and nothing else ("kleiner Betrag").

    Such a word plays its part (`Role.STARTS`) only as a hedge ("kleiner als"); it is no
    number word, range intro or currency, so where `hedge_at` finds no hedge from it the
    grammar reads nothing from it either.
    """
    word = token.word
    low = word.lower()
    return (
        low in lx.qualifier_starts
        and low not in lx.range_intro
        and not lx.is_number_word(low)
        and not names_currency(lx, word)
        and hedge_at(lx, text, token.start) is None
    )


def _word_around(text: str, t: int) -> tuple[int, str]:
    """The word that the letter at ``t`` belongs to, from its start: (start, word)."""
    s = t
    while s > 0 and text[s - 1].isalpha():
        s -= 1
    w = _LETTER_RUN.match(text, s)
    assert w is not None
    word = w.group()
    if not word.isalpha():  # "[^\W\d_]" also takes "²"; the word ends at the first non-letter
        e = s
        while e < len(text) and text[e].isalpha():
            e += 1
        word = text[s:e]
    return s, word


def _fast_number_word(
    text: str,
    t: int,
    chain: list[Token],
    lx: Lexicon,
    ft: FastTables,
    handed: Handed | None = None,
) -> Reading | None:
    """The one-end shape from a number word: "vier Milliarden", "eine halbe Milliarde".

    Read from the number word (or the article before "halbe"); the grammar's other
    candidates before it must be inert. What the one-end regex's match reads (`full_amount`:
    value and unit, its hedge given) is a pure function of the matched surface and the one
    character after it, as for a digit mention (`surface_meaning`): memoised by them in
    the same memo (these surfaces start with a letter, a digit mention's with a digit).
    """
    s0, low0, after = chain[0].start, chain[0].word.lower(), 1
    if low0 in lx.half_words:  # "eine halbe Milliarde": the grammar reads from the article
        if len(chain) < 2 or chain[1].word.lower() not in lx.articles:
            return None
        s0, after = chain[1].start, 2
    elif not (low0 in lx.articles or lx.cardinal(low0) is not None):
        return None
    if s0 > 0 and text[s0 - 1] in MINUS_SIGNS:
        return None  # a sign, which the walk steps over like a hyphen ("ca.-vier Mio.")
    mm: re.Match[str] | None = None
    if after == 1 and ft.word_chunk is not None:
        rm = ft.word_chunk.match(text, s0)
        if rm is not None and run_head(lx, ft, rm.group("nw")):
            if rm.group("cur") is None and rm.group("pct") is None:
                return _run_chunk(text, rm, chain[1:], lx, ft, handed, _NO_POWER)
            return _unit_chunk(text, rm, chain[1:], lx, ft, handed)
    mm = ft.full.match(text, s0)
    if mm is None or (mm.group("half") is None) != (after == 1) or mm.end() <= t:
        return None
    e = mm.end()
    chained = False
    if (
        after == 1
        and mm.group("scale") is not None
        and mm.group("cur", "pct") == (None, None)
        and _chunk_after(lx, ft, text, e)
    ):
        # "zwei Millionen zwei Millionen": the run of number words ends with this one chunk
        power = _scale_power(lx, text, mm, mm.group("scale"), mm.group("dot"))
        if power is None:
            return None
        chained = run_ends(lx, text, e, power)
    scaled = mm.group("scale") is not None
    lead = _settled(text, chain[after:], s0, lx, ft, e, mm.group("cur"), chained, scaled)
    if lead is None:
        return None
    e = mm.end()
    meaning = ft.surfaces.get(text[s0 : e + 1], _UNKNOWN)
    if meaning is _UNKNOWN:
        meaning = _new_surface(text, mm, lx, ft)
    if meaning is None or (meaning[1] is None and mm.group("scale") is None):
        return None
    value, unit = meaning
    return new_reading(Reading, (lead[0], e, value, value, unit, lead[1]))


def _new_surface(
    text: str, mm: re.Match[str], lx: Lexicon, ft: FastTables
) -> tuple[Decimal, str | None] | None:
    """What a match of ``ft.full`` from a number word reads, remembered by its surface.

    `full_amount`'s value and unit, memoised by the matched surface and the character after
    it in ``ft.surfaces`` (the callers look it up there first). A match of ``ft.word_chunk``
    from a run head stands for ``full``'s from there (`run_head`), which is read here.
    """
    s0, e = mm.start(), mm.end()
    if mm.re is not ft.full:
        mm = ft.full.match(text, s0)  # type: ignore[assignment]
        assert mm is not None  # `full` reads what `word_chunk` read (`run_head`)
        assert mm.end() == e
    found = full_amount(lx, ft, mm, text, Qualifier.EXACT)
    meaning = None if found is None else (found.low, found.unit)
    ft.surfaces.put(text[s0 : e + 1], meaning)
    return meaning


def _unit_chunk(
    text: str,
    rm: re.Match[str],
    rest: list[Token],
    lx: Lexicon,
    ft: FastTables,
    handed: Handed | None,
) -> Reading | None:
    """`_fast_number_word` for a match of ``ft.word_chunk`` with a unit: "zwei Millionen Euro".

    From a run head ``full`` reads the same chunk and unit (`run_head`), in a longer match,
    which runs only for a new surface (`_new_surface`). After a scale word no cents follow
    (`cents_may_follow`: ``scaled``). A chunk that a run head starts right after the reading
    is read ahead for the trigger at its scale word (`_ahead`).
    """
    s0, e = rm.start(), rm.end()
    lead = _settled(text, rest, s0, lx, ft, e, rm.group("cur"), False, True)
    if lead is None:
        return None
    meaning = ft.surfaces.get(text[s0 : e + 1], _UNKNOWN)
    if meaning is _UNKNOWN:
        meaning = _new_surface(text, rm, lx, ft)
    if meaning is None:
        return None
    if handed is not None:
        handed[0] = _ahead(text, e, lx, ft)
    value, unit = meaning
    return new_reading(Reading, (lead[0], e, value, value, unit, lead[1]))


def _ahead(text: str, e: int, lx: Lexicon, ft: FastTables) -> tuple[re.Match[str], Any] | None:
    """The chunk of number words a run head starts one space after ``e``, else None.

    Read ahead (a match of ``ft.word_chunk``, with `_NO_POWER`) for the trigger at its scale
    word (`read_noun`), which would walk back to its number word and match the same.
    """
    if text[e : e + 1] != " ":
        return None
    nxt = ft.word_chunk.match(text, e + 1)  # type: ignore[union-attr]
    if nxt is None:
        return None
    head = ft.run_heads.get(nxt.group("nw"))  # `run_head`, its memo looked up here
    if head is None:
        head = run_head(lx, ft, nxt.group("nw"))
    return (nxt, _NO_POWER) if head else None


def run_head(lx: Lexicon, ft: FastTables, word: str) -> bool:
    """A number word from which ``ft.word_chunk`` reads what ``ft.full`` reads (memoised).

    A word that starts a chunk (`_chunk_word`: a cardinal or an article) and that ``full``
    reads as its number word: no hedge starts with it, no currency symbol or three capitals
    ("ELF Millionen" might be a code) start it, it is no "halbe"; nor does the extractor
    read it by another shape ("-stellig", a vague count). Nor does it start a currency
    symbol or name (`_word_info`), so after a chunk a run head cannot extend it.
    """
    found = ft.run_heads.get(word)
    if found is None:
        low = word.lower()
        found = (
            _chunk_word(lx, ft, word, low)
            and low not in lx.qualifier_starts
            and low not in lx.half_words
            and low not in lx.vague_counts
            and not is_stellig(low)
            and _THREE_CAPITALS.match(word) is None
            and not any(word.startswith(symbol) for symbol in lx.symbols)
            and not any(_word_info(lx, ft, word)[1:3])  # may start no symbol or currency name
        )
        ft.run_heads.put(word, found)
    return found


_THREE_CAPITALS = re.compile(CODE_SHAPE)
#: A chunk of number words read ahead (a match of ``ft.word_chunk``) and the power of ten
#: of its scale word (None: not a scale word there), kept in one slot by the caller.
Handed = list[tuple[re.Match[str], int | None] | None]
#: "The power of ten of the chunk's scale word is not known yet" (`_run_chunk`).
_NO_POWER: Any = object()


def _run_chunk(
    text: str,
    rm: re.Match[str],
    rest: list[Token],
    lx: Lexicon,
    ft: FastTables,
    handed: Handed | None,
    power: int | None,
) -> Reading | None:
    """`_fast_number_word` for a match of ``ft.word_chunk`` ("zwei Millionen", no unit).

    ``ft.full`` from the same number word (a `run_head`) reads the same: its hedge, sign
    and currency branches cannot match there, its optional unit is the match's (here
    none). Whether the run of number words ends here is read from the next chunk where
    it is one ``word_chunk`` reads: the word `number_words` reads there is that number
    word alone (`word_group`; no "Komma" starts a scale word), and its scale word
    (`scale_at`) is the match's; where the scales do not fall, the run ends
    (`scales_fall`), and nothing after this chunk can extend it (`ends_cleanly`: a run
    head is no currency's first word). That match and the power of its scale word are
    handed on (``handed``) to the trigger at its scale word, which reads it as this chunk
    (``power``: its scale word's, where known, else `_NO_POWER`). Elsewhere `_chunk_after`
    and `run_ends` decide; where the run goes on ("zwei Millionen drei"), `_run_words`
    reads it whole.
    """
    s0 = rm.start()
    e = rm.end()
    chained = False
    nxt = ft.word_chunk.match(text, e + 1) if text[e : e + 1] == " " else None  # type: ignore[union-attr]
    if nxt is not None and (
        nxt.group("cur") is not None
        or nxt.group("pct") is not None
        or not run_head(lx, ft, nxt.group("nw"))
    ):
        nxt = None  # not a chunk without a unit from a run head
    after: int | None = None
    if nxt is not None or _chunk_after(lx, ft, text, e):
        if power is _NO_POWER:
            power = _scale_power(lx, text, rm, rm.group("scale"), rm.group("dot"))
        if power is None:
            return None
        if nxt is not None:
            after = _scale_power(lx, text, nxt, nxt.group("scale"), nxt.group("dot"))
            chained = after is not None and not scales_fall(power, after)
        if not chained:
            # Where the run of number words from this chunk's number word ends (`run_ends`,
            # read whole: `number_words` reads this chunk first, as the next one above).
            run = _run_from(text, s0, e, lx, ft)
            if run is None or run[1] < e:
                return None
            if run[1] > e:
                return _run_words(text, s0, run, rest, lx, ft, handed)
            chained = True
    if rest:
        lead = _settled(text, rest, s0, lx, ft, e, None, chained)
        if lead is None:
            return None
        start, qualifier = lead
    elif (chained and nxt is not None) or ends_cleanly(text, e, None, lx, ft, chained):
        start, qualifier = s0, Qualifier.EXACT  # `_settled` with nothing before
    else:
        return None
    meaning = ft.surfaces.get(text[s0 : e + 1], _UNKNOWN)
    if meaning is _UNKNOWN:
        meaning = _new_surface(text, rm, lx, ft)
    if meaning is None:
        return None
    if handed is not None:
        handed[0] = (nxt, after) if chained and nxt is not None else None
    value, unit = meaning
    return new_reading(Reading, (start, e, value, value, unit, qualifier))


def _run_words(
    text: str,
    s0: int,
    run: tuple[Decimal, int, bool | None],
    rest: list[Token],
    lx: Lexicon,
    ft: FastTables,
    handed: Handed | None,
) -> Reading | None:
    """A run of number words from ``s0`` that goes on past its first chunk: ``run``.

    "zwei Millionen drei", "zwei Millionen dreihunderttausend": read by `number_words`, as
    the grammar reads a run (its `words`): ``run`` is `_run_from`'s (its value without an
    exponent, its end, whether `_chunk_after` holds there if known); its last scale word
    makes it reportable. Where
    the words before it settle (`_settled`: a hedge, inert words) and nothing after it can
    extend it (`ends_cleanly`; a space and a word that may start a chunk after it is one
    `number_words` did not take: ``chained``), that is the grammar's reading. A unit after
    the run, or anything else: the grammar decides.
    """
    value, end, chained = run
    if chained is None:
        chained = _chunk_after(lx, ft, text, end)
    if rest:
        lead = _settled(text, rest, s0, lx, ft, end, None, chained)
    else:  # `_settled` with nothing before, without its call (a run handed on, `_ahead`)
        lead = (s0, Qualifier.EXACT) if ends_cleanly(text, end, None, lx, ft, chained) else None
    if lead is None:
        return None
    if handed is not None:
        handed[0] = _ahead(text, end, lx, ft)
    return new_reading(Reading, (lead[0], end, value, value, None, lead[1]))


def _run_from(
    text: str, s0: int, e: int, lx: Lexicon, ft: FastTables
) -> tuple[Decimal, int, bool | None] | None:
    """`number_words` from ``s0``, whose first chunk ends at ``e``: (value, end, chained).

    The value is written without an exponent (`plain`); ``chained`` is True where a space and
    a word that may start a chunk follow the run's end (`_chunk_after`), None where that is
    not known. None where there is no run or its value is beyond the model's limit (the
    grammar says so). Where one space and a word, one
    space and a word that may start a chunk (`_chunk_word`), and one more character follow
    the chunk ("zwei Millionen drei zwei"), `number_words` reads nothing past them: the
    first word is the next group or ends the run; the second, which can only start a chunk,
    is no "Komma", scale word, thousand or subunit of a currency that would extend that
    group (all of them guard words), so the run ends at the first word at the latest, and
    only the character after the second word is looked at (a scale word's dot). There the
    run is a pure function of that window and memoised per locale by it (``ft.runs``);
    elsewhere it is read as it stands.
    """
    window = _TWO_WORDS.match(text, e)
    info = None if window is None else ft.words.get(window.group(2))  # `_info`'s memo
    if window is not None and info is None:
        info = _info(lx, ft, window.group(2))
    read: Any = _UNKNOWN
    if window is None or window.end() >= len(text) or not info[5]:  # type: ignore[index]
        window = None  # no window that holds all `number_words` reads
    else:
        read = ft.runs.get(text[s0 : window.end() + 1], _UNKNOWN)
    if read is _UNKNOWN:
        run = number_words(lx, text, s0)
        if run is None or not within_limit(value := plain(run.value)):
            read = None
        else:
            read = (value, run.end - s0)
        if window is not None:
            ft.runs.put(text[s0 : window.end() + 1], read)
    if read is None:
        return None
    end = s0 + read[1]
    # In the window a space and a word that may start a chunk follow its first word.
    return read[0], end, True if window is not None and end == window.end(1) else None


#: Two words after a chunk of number words, each after one space (`_run_from`).
_TWO_WORDS = re.compile(r" ([^\W\d_]++) ([^\W\d_]++)")


def _chunk_after(lx: Lexicon, ft: FastTables, text: str, e: int) -> bool:
    """A space and a word that may start a chunk of number words (`_chunk_word`) after ``e``."""
    if text[e : e + 1] != " ":
        return False
    w = _LETTERS.match(text, e + 1)
    if w is None:
        return False
    info = ft.words.get(w.group())  # `_info`, its memo looked up here
    return (info if info is not None else _info(lx, ft, w.group()))[5]


def _settled(
    text: str,
    chain: list[Token],
    at: int,
    lx: Lexicon,
    ft: FastTables,
    e: int,
    cur: str | None,
    chained: bool = False,
    scaled: bool = False,
) -> tuple[int, Qualifier] | None:
    """Where a shape read from ``at`` to ``e`` starts, and its hedge, if nothing else can join.

    The hedge right before ``at`` (`_lead`); every other word of the chain inert; nothing
    after ``e`` that could extend the expression (`ends_cleanly`, with ``chained`` and
    ``scaled``). None: the grammar decides.
    """
    if not chain:  # nothing before the shape: no hedge, nothing to weigh (no calls)
        return (
            (at, Qualifier.EXACT) if ends_cleanly(text, e, cur, lx, ft, chained, scaled) else None
        )
    lead = _lead(text, chain, at, lx)
    if lead is None:
        return None
    start, qualifier, rest = lead
    if (rest and not _all_inert(lx, rest)) or not ends_cleanly(
        text, e, cur, lx, ft, chained, scaled
    ):
        return None
    return start, qualifier


def _fast_stellig(
    text: str, t: int, chain: list[Token], lx: Lexicon, ft: FastTables
) -> Reading | None:
    """A vague magnitude: "zweistellige Milliardenbeträge", "ein zweistelliger Millionenbetrag"."""
    if ft.stellig_at is None:
        return None
    s0 = chain[0].start
    f, after, suspended = s0, 1, False
    if len(chain) > 2 and chain[1].role is Role.INSIDE and chain[2].role is Role.STARTS:
        f, after, suspended = chain[2].start, 3, True  # "neun- oder zehnstellige Beträge"
    elif len(chain) > 1:
        s1, token1, _ = chain[1]
        if token1.lower() in lx.articles and spaced(text, s1 + len(token1), s0):
            f, after = s1, 2  # the grammar reads the article with the adjective
    if f > 0 and text[f - 1] in MINUS_SIGNS:
        return None
    sm = ft.stellig_at.match(text, f)
    if (
        sm is None
        or sm.end() <= t
        or (sm.group("w1") is not None) != suspended
        or (sm.group("art") is not None) != (after == 2)
    ):
        return None
    rest = chain[after:]
    if suspended and rest:
        low = rest[0].word.lower()
        if low in lx.range_intro or low in lx.articles:
            # "zwischen eins- und zweistellige": the grammar starts at "zwischen"; "ein neun-
            # und zehnstelliger Betrag": it reads the article with the range.
            return None
        if low in lx.positions:
            # "hohe neun- oder zehnstellige Beträge": a position word reads only a "-stellig"
            # adjective right after it, and here a number word follows: it starts nothing.
            rest = rest[1:]
    lead = _settled(text, rest, f, lx, ft, sm.end(), None)
    return None if lead is None else stellig_amount(lx, sm, lead[1], lead[0])


def _fast_vague(
    text: str, t: int, chain: list[Token], lx: Lexicon, ft: FastTables
) -> Reading | None:
    """A vague count: "zig Milliarden", "zig oder gar hunderten Milliarden Dollar"."""
    if ft.vague_at is None:
        return None
    f, after, sep = chain[0].start, 1, None
    i = 2 if len(chain) > 2 and chain[1].word.lower() in lx.vague_words else 1
    if len(chain) > i + 1:
        word, first = chain[i].word.lower(), chain[i + 1].word.lower()
        if (word in lx.range_words or word in lx.alternatives) and first in lx.vague_counts:
            f, after, sep = chain[i + 1].start, i + 2, word  # the grammar reads from "zig"
    if f > 0 and text[f - 1] in MINUS_SIGNS:
        return None
    vm = ft.vague_at.match(text, f)
    if vm is None or vm.end() <= t or (vm.group("v2") is None) != (sep is None):
        return None
    rest = chain[after:]
    if sep is not None and rest and lx.range_intro.get(rest[0].word.lower()) == sep:
        return None  # "von zig bis hunderten Milliarden": the grammar starts at "von"
    lead = _settled(text, rest, f, lx, ft, vm.end(), vm.group("cur"), scaled=True)
    return None if lead is None else vague_amount(lx, ft, vm, text, lead[1], lead[0])


def _lead(
    text: str, chain: list[Token], at: int, lx: Lexicon
) -> tuple[int, Qualifier, list[Token]] | None:
    """The hedge right before ``at`` in a walked chain: (start, qualifier, the tokens before).

    The longest hedge (`hedge_at`) that starts at one of the chain's tokens and ends exactly
    at ``at``; (at, EXACT, chain) if there is none; None where the grammar must weigh it (a
    hedge that starts with a range word after another word: "eine bis zu 5 €").
    """
    for k in range(min(len(chain), lx.hedge_max_words), 0, -1):
        s, token, _ = chain[k - 1]
        if token.lower() not in lx.qualifier_starts:
            continue  # no hedge starts with this word
        found = hedge_at(lx, text, s)
        if found is not None and found[1] == at:
            if (
                k < len(chain)
                and token.lower() in lx.range_words
                and chain[k].word.lower() not in lx.range_intro
            ):
                return None  # "eine bis zu 5 €": "bis" may join a range; the grammar weighs it
            # "von bis zu 5 €": after a range intro "bis zu" is the hedge
            return s, found[0], chain[k:]
    return at, Qualifier.EXACT, chain


def _all_inert(lx: Lexicon, chain: list[Token]) -> bool:
    """No token in the chain can start an expression of its own (see `_inert`).

    An article right before "bis", "oder" or "und" is not inert: it may be the first end of
    a range ("ein bis zwei Milliarden", "zwischen einer und zwei Prozent").
    """
    for i, (_, token, kind) in enumerate(chain):
        low = token.lower()
        if kind is Role.STARTS and not _inert(lx, low):
            return False
        if (
            i + 1 < len(chain)
            and (low in lx.range_words or low in _AND)
            and chain[i + 1].word.lower() in lx.articles
        ):
            return False
    return True


_AND = frozenset({"und", "and"})


def _inert(lx: Lexicon, low: str) -> bool:
    """A word before a figure that cannot join it: an article, "von", a stray hedge word.

    An article only joins words ("eine halbe Milliarde"), never digits; a range intro needs
    its conjunction after the figure (which ends_cleanly rules out); a hedge word that is
    not followed by the rest of its phrase starts nothing.
    """
    if low in lx.articles or low in lx.range_intro:
        return True
    return low in lx.qualifier_starts and not lx.is_number_word(low)
