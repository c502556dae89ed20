"""The compiled regexes of the shapes, built once per locale: `FastTables` (internal).

The shapes themselves (one end, range, "-stellig", vague count) and their builders are in
`aieco.amounts._shapes`; this module builds, from a locale's lexicon and its `Language`
table, each shape's whole-text regex and the regex it is read with in running text, the
trigger that finds where an amount may be, and the per-locale memos (bounded) of what a
scale-and-currency tail (" Mio. EUR") and a word next to a figure mean. `fast_amount`
reads a whole text by the shapes; `tables_for` finds a locale's tables.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from operator import itemgetter
from typing import Any

from aieco.amounts._language import Language, language_of
from aieco.amounts._lexicon import (
    CODE_SHAPE,
    DASHES,
    MINUS_SIGNS,
    NAME_HYPHENS,
    SPACE_CHARS,
    Lexicon,
    _trie,
)
from aieco.amounts._memo import Memo
from aieco.amounts._rules import DATE_OR_RATIO_SHAPE, GROUP_READERS, word_group
from aieco.amounts._shapes import fast_amount
from aieco.money import Amount, Qualifier

__all__ = ["FastTables", "fast_amount", "fast_tables", "tables_for"]

_WS = f"[{SPACE_CHARS}]"
_WS_NL = f"[{SPACE_CHARS}\n]"
_NOT_LETTER = r"(?![^\W\d_])"
_LETTERS = re.compile(r"[^\W\d_]+")


class FastTables:
    """The compiled fast-path regexes of one locale."""

    __slots__ = (
        "amounts",
        "article_run",
        "chain",
        "code_chain",
        "continuations",
        "digits_full",
        "digits_pick",
        "exact_units",
        "full",
        "full_head",
        "glued",
        "guard_words",
        "head_pick",
        "language",
        "lead",
        "leads",
        "mention_units",
        "number_at",
        "pair_firsts",
        "phrase_heads",
        "phrase_re",
        "postfix_re",
        "qualifier_text",
        "qualifier_words",
        "range_full",
        "range_tail",
        "rare_words",
        "run_heads",
        "runs",
        "single_qualifiers",
        "stellig_at",
        "stellig_full",
        "surfaces",
        "symbol_heads",
        "symbol_run",
        "tail_full",
        "tail_months",
        "tail_pick",
        "tails",
        "trigger",
        "trigger_before",
        "trigger_date",
        "trigger_pick",
        "trigger_tail",
        "vague_at",
        "vague_full",
        "word_chunk",
        "words",
    )

    language: Language
    #: The one-end shape's regex for a whole text, and its part before the tail.
    full: re.Pattern[str]
    full_head: re.Pattern[str]
    #: The head's groups, of a match of either; the tail's groups of a match of ``full``.
    head_pick: Callable[[tuple[Any, ...]], tuple[Any, ...]]
    tail_pick: Callable[[tuple[Any, ...]], tuple[Any, ...]]
    digits_full: re.Pattern[str]
    digits_pick: Callable[[tuple[Any, ...]], tuple[Any, ...]]
    number_at: re.Pattern[str]
    tail_full: re.Pattern[str]
    tails: Memo[str, tuple[str | None, int, str] | None]
    #: The characters before a whole text's first digit (at most 40) and the number there,
    #: or (its group ``bare``) a whole text without digits; None if a hedge of the locale has
    #: a digit. And what hedge those characters are, by them and the digit
    #: (`aieco.amounts._shapes._hedge_lead`).
    lead: re.Pattern[str] | None
    leads: Memo[str, tuple[Qualifier, int] | None]
    trigger_pick: Callable[[tuple[Any, ...]], tuple[Any, ...]]
    #: The numbers of the trigger's groups ``scale``, ``cur``, ``pct`` and ``mb`` (one
    #: ``match.group`` call by number is cheaper than by name:
    #: `aieco.amounts._shapes.read_digits`).
    trigger_tail: tuple[int, int, int, int]
    #: The number of the trigger's group ``dt``: None where no date, time or ratio starts at
    #: a digit trigger (then `aieco.amounts._rules.date_at` is None there, not asked).
    trigger_date: int
    #: The numbers of the trigger's groups ``cf`` and ``mb`` (`_before_digits`): None where
    #: the digits cannot continue a figure before them, or follow a month name; then
    #: `aieco.amounts._rules.continues_figure`, or `aieco.amounts._tokens.is_date`'s test
    #: of the word before, is not asked.
    trigger_before: tuple[int, int]
    #: What a trigger's tail means, (unit, power of ten) or None, by its groups.
    mention_units: Memo[tuple[Any, ...], tuple[str | None, int] | None]
    #: What a digit trigger's match, or the one-end regex's match from a number word, reads:
    #: (value, unit) or None, by its surface and the character after it
    #: (`aieco.amounts._shapes.surface_meaning`, `_fast_number_word`).
    surfaces: Memo[str, tuple[Decimal, str | None] | None]
    #: The `Amount` of a reading, by the identity of its bounds (the surface memo's Decimals),
    #: its unit and the identity of its hedge, with the bounds it holds:
    #: (low, high, Amount) (`aieco.amounts._extract.extract_amounts`).
    amounts: Memo[tuple[int, int, str | None, int], tuple[Decimal, Decimal, Amount]]
    #: Whether a scale, currency or percent word starts like a month name ("Mai").
    tail_months: bool
    trigger: re.Pattern[str]
    #: Rarer trigger words found by a literal search of their own ("stellig", inside words;
    #: the capitalised ones, "Cent", are branches of ``trigger``) and their regexes.
    rare_words: tuple[tuple[str, re.Pattern[str]], ...]
    guard_words: frozenset[str]
    phrase_re: re.Pattern[str]
    continuations: dict[str, frozenset[str]]
    single_qualifiers: dict[str, Qualifier]
    qualifier_text: dict[str, Qualifier]
    exact_units: dict[str, str]
    qualifier_words: dict[tuple[str, str], Qualifier]
    pair_firsts: frozenset[str]
    phrase_heads: re.Pattern[str]
    symbol_heads: frozenset[str]
    range_tail: re.Pattern[str] | None
    #: A chain of bare figures joined by range separators ("5–5–5", "1 bis 2 bis 3"), up to
    #: the start of its last but one figure (`aieco.amounts._shapes.chain_end`).
    chain: re.Pattern[str] | None
    range_full: re.Pattern[str] | None
    stellig_at: re.Pattern[str] | None
    stellig_full: re.Pattern[str] | None
    vague_at: re.Pattern[str] | None
    vague_full: re.Pattern[str] | None
    postfix_re: re.Pattern[str]
    #: Articles each followed by another ("ein ein ein"), up to the last one.
    article_run: re.Pattern[str] | None
    #: Figures between currency codes ("EUR 5 EUR 5 EUR 5"), up to the last figure.
    code_chain: re.Pattern[str]
    #: A run of one-character currency symbols between symbols ("€ € € €"), up to its last.
    symbol_run: re.Pattern[str]
    words: Memo[str, tuple[bool, bool, bool, str, bool, bool]]
    glued: Memo[str, bool]
    #: A chunk of a run of number words in running text, "zwei Millionen": a number word,
    #: one space and a scale word, read as ``full`` reads it, with the unit after it if
    #: there is one (``full``'s unit part: groups ``s2``, ``cur``, ``pct``); None where a
    #: language's number-word groups are not one word (`aieco.amounts._shapes._run_chunk`).
    #: The words it may start with, by word (`aieco.amounts._shapes.run_head`).
    word_chunk: re.Pattern[str] | None
    run_heads: Memo[str, bool]
    #: A run of number words that goes on past its first chunk, read by `number_words`
    #: where it is a pure function of a short window (`aieco.amounts._shapes._run_from`):
    #: (its value, its end after the window's start) or None, by that window.
    runs: Memo[str, tuple[Decimal, int] | None]


def _number_rest(lx: Lexicon) -> str:
    """The locale's number regex without its first digit (which the caller has consumed)."""
    pattern = lx.number.pattern
    head = "(?P<int>[0-9]{1,3}(?P<g>"
    assert pattern.startswith(head)
    pattern = "(?P<int>[0-9]{0,2}(?P<g>" + pattern[len(head) :]
    return pattern.replace("|[0-9]++)", "|[0-9]*+)", 1)


def _scale_currency(lx: Lexicon) -> str:
    """The tail after a number: an optional scale word, then an optional currency or percent."""
    return f"(?:(?P<s1>{_WS}*+|-(?=[^\\W\\d_])){_scale_word(lx)})?{_unit_after(lx)}?"


def _scale_word(lx: Lexicon) -> str:
    """A scale word ("Mio.", "Milliarden") as the tail reads it: groups ``scale`` and ``dot``."""
    scales = sorted({w.rstrip(".") for w in lx.scale_words if len(w.rstrip(".")) > 1})
    return f"(?P<scale>(?i:{_trie(scales)})){_NOT_LETTER}(?P<dot>\\.)?"


def _unit_after(lx: Lexicon, names: bool = True) -> str:
    """The tail's currency or percent after the number or scale word, with what precedes it.

    With ``names``, as groups ``s2``, ``cur`` and ``pct``; without, the same pattern with no
    group names (for a look-ahead in a regex that has those names already).
    """
    symbols = [s for s in lx.symbols if not s[0].isalpha()]
    letter_symbols = [s for s in lx.symbols if s[0].isalpha()]
    words = [w for w in lx.currency_words if " " not in w]
    percents = [w for w in lx.percent_words if " " not in w]
    s2, cur, pct = ("?P<s2>", "?P<cur>", "?P<pct>") if names else ("?:", "?:", "?:")
    return (
        f"(?:({s2}{_WS}*+|-(?=[^\\W\\d_]))(?:({cur}{_trie(symbols)}"
        f"|(?:{_trie(letter_symbols)}|{CODE_SHAPE}|(?i:{_hyphens(_trie(words))})){_NOT_LETTER})"
        f"|({pct}%|(?i:{_trie(percents)}){_NOT_LETTER})))"
    )


def _code_flag() -> str:
    """An empty group that matches when a code or lettered symbol may precede the digits.

    It sits right after the first digit, so the look-behinds have a fixed width; it is
    liberal ("USD 5", "Fr. 5", "RMB 5", but also "KI 17"): the caller looks closer.
    """
    before = "[A-ZÄÖÜ.ł]"
    return f"(?P<code>(?<={before}[0-9])|(?<={before}[ \\u00a0\\u202f][0-9]))?"


def _phrases(lx: Lexicon) -> str:
    """Every currency name as a regex (a space may also be a no-break space)."""
    return _hyphens(_trie(sorted(lx.currency_words)).replace("\\ ", "[ \\u00a0]"))


def _hyphens(pattern: str) -> str:
    """A trie's hyphens also match the other hyphens of a name ("US‑Dollar", U+2011)."""
    return pattern.replace("\\-", f"[{re.escape(NAME_HYPHENS)}]")


def _cont(lx: Lexicon, guard: set[str]) -> str:
    """After a bare number: anything the grammar might read on with (liberal on purpose).

    Words are matched case-sensitively in their lower, Capitalised and UPPER forms (a
    case-insensitive alternation is several times slower in ``re``); the first word of every
    currency name stands for the name.
    """
    dash = re.escape(DASHES + MINUS_SIGNS)
    firsts = re.escape("".join(sorted(lx.symbol_firsts)))
    lettered = _trie(s for s in lx.symbols if s[0].isalpha())
    words = set(guard) | {re.split(r"[ -]", phrase)[0] for phrase in lx.currency_words}
    forms = {f for w in words for f in (w, w[:1].upper() + w[1:], w.upper())}
    return (
        f"(?=[^\\W\\d_]|[{dash}{firsts}]|[.,'’:/][0-9]"
        f"|[ \\t\\u00a0\\u202f\\u2009\\u2007\\n]++(?:[{dash}{firsts}]"
        f"|(?:{_trie(sorted(forms))})(?![^\\W\\d_])|{CODE_SHAPE}(?![^\\W\\d_])|{lettered}))"
    )


def _compile(pattern: str) -> re.Pattern[str]:
    """``re.compile`` of ``pattern`` with each greedy optional group written as a branch.

    ``(X)?`` and ``(?:(X)|)`` match the same strings with the same groups (try ``X``, then
    nothing; backtracking alike), but ``re`` runs an optional group through its general
    repeat machinery and a branch far more cheaply: the trigger regex reads "5 Mio. €" in
    two thirds of the time. See `_branched`.
    """
    return re.compile(_branched(pattern))


def _branched(pattern: str) -> str:
    """``pattern`` with every greedy ``(...)?`` written ``(?:(...)|)``.

    Not a lazy ``??`` or possessive ``?+``, nor a look-around or conditional with a ``?``.

    Examples:
        >>> _branched(r"(?P<a>x)?(?:y[?)]z)?+(?=w)?(b)??")
        '(?:(?P<a>x)|)(?:y[?)]z)?+(?=w)?(b)??'
    """
    opens: list[int] = []
    wrap: list[tuple[int, int]] = []  # (where a group opens, where its "?" is)
    i, n = 0, len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":  # a class: skip to its end ("[]...]" and "[^]...]" hold a "]")
            i += 2 if pattern.startswith("[^", i) else 1
            i += pattern[i] == "]"
            while pattern[i] != "]":
                i += 2 if pattern[i] == "\\" else 1
        elif c == "(":
            opens.append(i)
        elif c == ")":
            start = opens.pop()
            quantified = pattern[i + 1 : i + 2] == "?" and pattern[i + 2 : i + 3] not in ("?", "+")
            kind = pattern[start + 1 : start + 3]
            named = pattern.startswith("(?P<", start)
            if quantified and (named or kind not in ("?=", "?!", "?<", "?(")):
                wrap.append((start, i + 1))
        i += 1
    out = list(pattern)
    for start, mark in wrap:
        out[start] = "(?:" + out[start]
        out[mark] = "|)"
    return "".join(out)


@cache
def fast_tables(lx: Lexicon) -> FastTables:
    """Build (once per locale) the fast-path regexes."""
    ft = FastTables()
    ft.language = language_of(lx.name)
    rest = _number_rest(lx)
    tail = _scale_currency(lx)
    qualifiers = sorted((" ".join(k) for k in lx.qualifiers), key=len, reverse=True)
    quals = _trie(qualifiers).replace("\\ ", f"{_WS}+")
    _one_end_tables(lx, ft, rest, tail, quals)
    _trigger_tables(lx, ft, rest, tail)
    _word_tables(lx, ft)
    _range_tables(lx, ft, rest, tail, quals)
    _stellig_tables(lx, ft, quals)
    _vague_tables(lx, ft, tail, quals)
    _chunk_tables(lx, ft)
    return ft


def _chunk_tables(lx: Lexicon, ft: FastTables) -> None:
    """The regex of a chunk of number words in running text ("zwei Millionen ")."""
    ft.run_heads = Memo()
    ft.runs = Memo()
    scales = {w.rstrip(".") for w in lx.scale_words}
    if (
        not ft.language.number_words
        or GROUP_READERS[lx.language] is not word_group  # a group of several words
        or scales & lx.half_words  # ``full`` would read "halbe" after the number word
        or any(w.startswith(lx.decimal_word) for w in scales)  # "drei Komma fünf"
    ):
        ft.word_chunk = None
        return
    # Atomic: once read, no shorter reading is tried (as ``full``'s first reading, which
    # then tries its optional unit, read here as ``full`` reads it: groups ``s2``, ``cur``
    # and ``pct``, all None for a chunk without a unit).
    ft.word_chunk = _compile(f"(?>(?P<nw>[^\\W\\d_]++) {_scale_word(lx)}){_unit_after(lx)}?")


def _one_end_tables(lx: Lexicon, ft: FastTables, rest: str, tail: str, quals: str) -> None:
    """Regexes for one end: a whole text, digits first, a number, a scale-and-currency tail."""
    symbols = _trie(s for s in lx.symbols)
    head = (
        f"(?:(?P<q>(?i:{quals})){_WS}+)?(?P<neg>[{MINUS_SIGNS}])?"
        f"(?:(?P<pre>{symbols}|{CODE_SHAPE})(?P<s0>{_WS}*+))?"
        f"(?:(?P<num>(?P<first>[0-9]){rest})|(?P<nw>[^\\W\\d_]++)"
        f"(?:{_WS}++(?P<half>(?i:{_trie(sorted(lx.half_words))})){_NOT_LETTER})?)"
    )
    ft.full = _compile(head + tail)
    # The same without the tail: a whole text's tail is then looked up in the memo of tails
    # (`aieco.amounts._shapes._one_end_first`). Its groups are numbered as the full regex's.
    ft.full_head = _compile(head)
    # A text that starts with a digit has no hedge, sign, currency or number word in front:
    # this leaner regex reads it in two thirds of the time.
    ft.digits_full = _compile(f"(?P<first>[0-9]){rest}{tail}")
    ft.number_at = _compile(f"(?P<first>[0-9]){rest}")
    ft.tail_full = _compile(tail)
    ft.tails = Memo()
    digit_in_hedge = any(ch.isdigit() for phrase in lx.hedge_phrases for ch in phrase)
    # The characters before the first digit and the number from there, its groups numbered
    # as ``number_at``'s; or (a match of ``bare``) a whole text without digits.
    ft.lead = (
        None
        if digit_in_hedge
        else _compile(f"[^0-9]{{1,40}}+(?P<first>[0-9]){rest}|(?P<bare>[^0-9]*+)\\Z")
    )
    ft.leads = Memo()
    ft.head_pick = _picker(ft.full_head, _HEAD_GROUPS)
    ft.tail_pick = _picker(ft.full, _TAIL_GROUPS)
    ft.digits_pick = _picker(ft.digits_full, _DIGITS_GROUPS)
    p1 = _trie(sorted({k[0] for k in lx.postfix}))
    p2 = _trie(sorted({k[1] for k in lx.postfix}))
    ft.postfix_re = _compile(f"{_WS}++(?P<p1>(?i:{p1})){_WS}++(?P<p2>(?i:{p2})){_NOT_LETTER}")


def _trigger_tables(lx: Lexicon, ft: FastTables, rest: str, tail: str) -> None:
    """The trigger that finds where an amount may be in running text, and its rarer words."""
    ft.guard_words = _guard_words(lx, ft.language)
    symbol_chars = sorted({s[0] for s in lx.symbols if not s[0].isalnum()} | {"%"})
    first = re.escape("".join(symbol_chars))
    cont = _cont(lx, set(ft.guard_words))
    # Only at the start of a digit run (else a long run is re-read from every digit), and
    # atomic: once the number is read, the engine must not try a shorter reading of it.
    # Group ``dt`` (empty) where a date, time or ratio may start at the first digit: a
    # look-ahead from there, inside a look-behind over that digit (`date_at` decides); ``cf``
    # and ``mb`` likewise (`_before_digits`). Atomic: nothing after them reads these groups,
    # so where the rest fails, trying it again without them would fail alike (twice the
    # work at every figure that starts nothing, a year or a count).
    digits = (
        f"(?<=[0-9])(?<![0-9][0-9])(?>(?P<dt>(?<=(?={DATE_OR_RATIO_SHAPE})[0-9]))?"
        f"{_before_digits(lx)}){_code_flag()}(?>{rest}{tail})"
        f"(?(scale)|(?(cur)|(?(pct)|(?(code)|{cont}))))"
    )
    ft.trigger = _compile(_trigger(ft.language, first, digits))
    # After a symbol and a space, symbols each followed by spaces and another symbol: the
    # match ends where the run's last symbol starts (see `aieco.amounts._shapes.read_at`).
    single = re.escape("".join(sorted(s for s in lx.symbols if len(s) == 1 and not s.isalnum())))
    # After a figure and a code, figures each followed by a code and another figure: the
    # match ends where the last figure starts (see `aieco.amounts._shapes.read_digits`).
    codes = _trie(sorted(lx.codes))
    space = "[ \\u00a0]"
    ft.code_chain = _compile(
        f"(?<=[0-9]{space}(?:{codes}){space})(?:[0-9]+{space}+(?:{codes}){space}+)+(?=[0-9])"
    )
    articles = _trie(sorted(lx.articles))
    ft.article_run = (
        _compile(f"(?:(?i:{articles}){space}+)+(?=(?i:{articles}){_NOT_LETTER})")
        if lx.articles
        else None
    )
    ft.symbol_run = _compile(f"(?<=[{single}][ \\u00a0])(?:[{single}][ \\u00a0]+)+(?=[{single}])")
    folded = _trigger_nouns(ft.language)
    ft.rare_words = tuple(
        (w, re.compile(re.escape(w))) for w in ft.language.rare_words if w not in folded
    )
    ft.trigger_pick = _picker(ft.trigger, _DIGITS_GROUPS)
    index = ft.trigger.groupindex
    ft.trigger_tail = (index["scale"], index["cur"], index["pct"], index["mb"])
    ft.trigger_date = index["dt"]
    ft.trigger_before = (index["cf"], index["mb"])
    ft.mention_units = Memo()
    ft.surfaces = Memo()
    ft.amounts = Memo()
    tail_words = [*lx.scale_words, *lx.symbols, *lx.codes, *lx.currency_words, *lx.percent_words]
    ft.tail_months = any(_head(w).lower() in lx.months for w in tail_words)


def _before_digits(lx: Lexicon) -> str:
    r"""The trigger's groups ``cf`` and ``mb``, read from the characters before its first digit.

    Each is empty where a rule about those characters may hold, and None where it cannot:
    ``cf`` where the digits may continue a figure (`aieco.amounts._rules.continues_figure`:
    after a plain space only where a digit or another space stands before it), ``mb`` where a
    month name may end right before them, after one space (`aieco.amounts._tokens.is_date`:
    a letter or a dot, then a space). Both are supersets of the rules' tests, never the rules
    themselves: `_NEVER_DIGITS` holds no character ``str.isdigit`` accepts, ``\w`` every one
    ``str.isalpha`` does, ``\s`` every one ``str.isspace`` does. The rules are asked only
    where their group is set; one look-behind each, run once a digit has matched.
    """
    if " " not in lx.group_spaces:
        return "(?P<cf>)(?P<mb>(?<=[\\w.]\\s[0-9]))?"  # no plain-space groups: always ask
    signs = "".join(c for c in _NEVER_DIGITS if c not in lx.group_spaces)
    never = f"A-Za-z\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u00ff{re.escape(signs)}"
    return f"(?P<cf>(?<![{never}] [0-9]))?(?P<mb>(?<=[\\w.]\\s[0-9]))?"


#: Characters that are never a digit (``str.isdigit``): "_", ASCII punctuation and common
#: signs, and (in `_before_digits`) the Latin letters. After one of them that is no group
#: space and a plain space, digits start a figure of their own ("rund 2", "5 Mio. € 5").
_NEVER_DIGITS = "".join(sorted(set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~€£¥¢§°…–—„“”‚‘’«»")))


#: Words after a bare figure that the grammar may read on with, in a text of either language
#: ("5 und 6", "12 Uhr", "9 am", "zwei- bis dreistellig").
_ALWAYS_GUARDED = frozenset({"und", "and", "of", "uhr", "am", "pm", "h", "stellig", "stellige"})


def _guard_words(lx: Lexicon, language: Language) -> frozenset[str]:
    """Words after a figure that a fast shape leaves to the grammar (scale, range, ... words)."""
    guard: set[str] = set()
    for table in (lx.scale_words, lx.percent_words, lx.range_intro):
        guard.update(w.split()[0].rstrip(".") for w in table)
    guard.update(lx.range_words)
    guard.update(lx.thousands_of)
    guard.update(lx.subunit_scales)
    guard.update(lx.glued_scales)
    guard.update(language.guard_words)
    guard.update(k[0] for k in lx.postfix)
    return frozenset(guard | _ALWAYS_GUARDED)


def _word_tables(lx: Lexicon, ft: FastTables) -> None:
    """What the words after a figure are: currency names, symbols, hedges (and memos)."""
    continuations: dict[str, set[str]] = {}
    for phrase in lx.currency_words:
        words = re.split(r"[ -]", phrase)
        for i in range(1, len(words)):
            for sep in " -":
                head = sep.join(words[:i])
                if head in lx.currency_words:
                    continuations.setdefault(head, set()).add(words[i])  # "Pfund Sterling"
    ft.continuations = {k: frozenset(v) for k, v in continuations.items()}
    ft.phrase_re = _compile(f"(?i:{_phrases(lx)})(?![^\\W\\d_])")
    ft.phrase_heads = _compile(f"(?i:{_trie(sorted({_head(p) for p in lx.currency_words}))})")
    ft.symbol_heads = frozenset(_head(s) for s in lx.symbols if s[0].isalpha())
    ft.words = Memo()
    ft.glued = Memo()
    ft.exact_units = dict(lx.symbols)
    ft.exact_units.update((code, code) for code in lx.codes)
    ft.qualifier_text = {" ".join(k): q for k, q in lx.qualifiers.items()}
    ft.single_qualifiers = {k[0]: q for k, q in lx.qualifiers.items() if len(k) == 1}
    ft.qualifier_words = {(k[0], k[1]): q for k, q in lx.qualifiers.items() if len(k) == 2}
    ft.pair_firsts = frozenset(k[0] for k in ft.qualifier_words)


def _trigger(language: Language, first: str, digits: str) -> str:
    """The trigger: digits, a symbol, or a noun or word end from the language's table.

    The digits branch comes first: the branches start with different characters (a digit,
    a symbol, a letter), so their order changes no match, and ``re`` leaves the digits
    branch at a letter by one look-behind, while it would try each noun branch's letter at
    every figure ("5 Mio. € ": 650 instructions a figure).
    """
    if language.noun_branches is not None:
        nouns = _trigger_nouns(language)
        firsts = "".join(sorted(set(language.noun_firsts) | {w[0] for w in nouns}))
        nouns_re = "|".join([language.noun_branches, *map(_noun_branch, nouns)])
        return f"[0-9{first}{re.escape(firsts)}](?:{digits}|{nouns_re}|(?<=[{first}]))"
    branches = [digits, f"(?<=[{first}])"]
    if language.word_ends is not None:
        branches.append(
            f"(?<![^\\W\\d_].)(?i:(?<=[{language.word_end_firsts}])(?:{language.word_ends}))"
        )
    letters = "a-zA-Z" if language.word_ends is not None else ""
    return f"[0-9{first}{letters}](?:{'|'.join(branches)})"


def _trigger_nouns(language: Language) -> tuple[str, ...]:
    """The language's rarer trigger words that are capitalised nouns ("Cent", "Rappen").

    They become branches of the trigger regex (`_noun_branch`), which tests the capital
    with the nouns' other first letters in one character class; the others ("stellig",
    inside words) are found by a literal search of their own (`rare_words`).
    """
    if language.noun_branches is None:
        return ()
    return tuple(w for w in language.rare_words if len(w) > 1 and w[0].isupper())


def _noun_branch(noun: str) -> str:
    """A noun's trigger branch, led by its second letter as the other noun branches are.

    "Cent" gives ``e(?<=Ce)nt``: ``re`` rejects it with one comparison at every other
    capital the trigger's first character class lets in.
    """
    return f"{re.escape(noun[1])}(?<={re.escape(noun[:2])}){re.escape(noun[2:])}"


def _range_tables(lx: Lexicon, ft: FastTables, rest: str, tail: str, quals: str) -> None:
    """Regexes for "5–50 Mio. €", "20 bis 30 Milliarden Dollar", "zwischen 20 und 30 Mrd.".

    ``range_tail`` reads, right after the first number, the separator and the second end
    (whose scale and currency apply to both); ``range_full`` a whole such expression with an
    optional hedge and "zwischen"/"von". The separators are the grammar's, narrowed: spaces
    only (no line break), "bis zu" only with spaces around "zu", no "oder gar". A dash right
    after the first number and then a word is the suspended "20- oder 30-Milliarden", where
    "und" may join too but no intro applies. The regexes are left out (None) if
    the locale's words could make the grammar read the first number on (a range word that is
    also a currency, scale or percent word; a symbol starting with a dash or digit).
    """
    # The alternatives ("oder") too: the shape then knows that two figures joined by one
    # are a list, not a range, without asking the grammar.
    seps = sorted(set(lx.range_words) | set(lx.range_intro.values()) | set(lx.alternatives))
    names = [*lx.currency_words, *lx.scale_words, *lx.percent_words, *lx.thousands_of]
    if any(n.split()[0] in seps or re.split(r"[ -]", n)[0] in seps for n in names) or any(
        c in lx.symbol_starts for c in DASHES + "0123456789"
    ):
        ft.range_tail = ft.range_full = ft.chain = None
        return
    words = _trie(seps)
    sep = (  # "5–50", "5 – 50", "20 bis (zu) 30", "20- oder 30-Milliarden" (sw: suspended)
        f"(?:[{DASHES}](?:{_WS}++(?P<sw>(?i:{words})){_WS}++|{_WS}*+)"
        f"|{_WS}++(?:[{DASHES}]{_WS}++|(?P<w>(?i:{words})){_WS}++))"
        f"(?:(?P<zu>(?i:zu)){_WS}++)?"
    )
    second = f"(?P<first>[0-9])(?>{rest}{tail})"
    first = rest  # the first number's groups get a "1": int1, g1, frac1, dash1
    for name in ("int", "g", "frac", "dash"):
        first = first.replace(f"(?P<{name}>", f"(?P<{name}1>")
        first = first.replace(f"(?P={name})", f"(?P={name}1)")
    ft.range_tail = _compile(sep + second)
    # Figures of at most three digits (no ISO date, no grouped figure) joined by a dash
    # (spaced or not) or a range word between single spaces; greedy, so the match ends where
    # the last but one figure starts.
    space = "[ \\u00a0]"
    to = _trie(sorted(lx.range_words))
    link = f"(?:{space}?[{DASHES}]{space}?|{space}(?:{to}){space})"
    ft.chain = _compile(f"(?:[0-9]{{1,3}}{link})+(?=[0-9]{{1,3}}{link}[0-9])")
    ft.range_full = _compile(
        f"(?:(?P<q>(?i:{quals})){_WS}+)?(?:(?P<intro>(?i:{_trie(sorted(lx.range_intro))})){_WS}++)?"
        f"(?P<first1>[0-9])(?>{first}){sep}{second}"
    )


def _stellig_tables(lx: Lexicon, ft: FastTables, quals: str) -> None:
    """Regexes for "ein zweistelliger Millionenbetrag", "neun- oder zehnstellige Beträge".

    Shaped like the grammar's reading (an article or a suspended first number word, the
    "-stellig" adjective, a noun after spaces); the words are checked in Python as the
    grammar checks them. German only.
    """
    if not ft.language.stellig or lx.vague_noun is None:
        ft.stellig_at = ft.stellig_full = None
        return
    # What joins a suspended first end to the second, as in the grammar: "bis", "oder", "und".
    joins = _trie(sorted(lx.range_words | lx.alternatives | lx.conjunctions))
    body = (
        f"(?:(?P<art>(?i:{_trie(sorted(lx.articles))})){_WS}++)?"
        f"(?:(?P<w1>[^\\W\\d_]++)[{DASHES}]{_WS}++(?P<sw1>(?i:{joins})){_WS}++)?"
        f"(?P<sw>[^\\W\\d_]++){_WS}++(?P<noun>[^\\W\\d_]++(?:-[^\\W\\d_]++)*+)"
    )
    ft.stellig_at = _compile(body)
    ft.stellig_full = _compile(f"(?:(?P<q>(?i:{quals})){_WS}+)?{body}")


def _vague_tables(lx: Lexicon, ft: FastTables, tail: str, quals: str) -> None:
    """Regexes for "zig Milliarden", "zig oder gar hunderten Milliarden Dollar" (German only).

    A vague count, optionally a range word or an alternative ("bis", "oder"; "gar", "sogar",
    "auch" after an alternative) and a second one, then the scale and currency tail.
    """
    if not ft.language.vague_counts:
        ft.vague_at = ft.vague_full = None
        return
    counts = _trie(sorted(lx.vague_counts))
    joins = sorted(lx.range_words | lx.alternatives)  # what joins two ends, as in the grammar
    body = (
        f"(?P<v1>(?i:{counts})){_NOT_LETTER}(?:{_WS}++(?P<vsep>(?i:{_trie(joins)}))"
        f"{_WS}++(?:(?P<even>(?i:{_trie(sorted(lx.vague_words))})){_WS}++)?"
        f"(?P<v2>(?i:{counts})){_NOT_LETTER})?{tail}"
    )
    ft.vague_at = _compile(body)
    ft.vague_full = _compile(f"(?:(?P<q>(?i:{quals})){_WS}+)?{body}")


def _head(phrase: str) -> str:
    """The letters a currency name or symbol starts with ("us" of "us-dollar", "Fr" of "Fr.")."""
    m = _LETTERS.match(phrase)
    return m.group() if m else ""


def _picker(
    pattern: re.Pattern[str], names: tuple[str, ...]
) -> Callable[[tuple[Any, ...]], tuple[Any, ...]]:
    """Pick the named groups out of ``match.groups()`` (faster than ``match.group(*names)``)."""
    return itemgetter(*(pattern.groupindex[name] - 1 for name in names))


_HEAD_GROUPS = ("q", "neg", "pre", "g", "frac", "nw", "num", "half")
_TAIL_GROUPS = ("s1", "s2", "cur", "pct", "scale", "dot")
_DIGITS_GROUPS = ("g", "frac", "s2", "cur", "pct", "scale", "dot")
_BY_NAME: dict[str, tuple[Lexicon, FastTables]] = {}


def tables_for(locale: Any) -> tuple[Lexicon, FastTables]:
    """The lexicon and fast tables of a locale (a str or babel.Locale), remembered by name."""
    if type(locale) is str:
        hit = _BY_NAME.get(locale)
        if hit is not None:
            return hit
    from aieco.amounts._lexicon import lexicon
    from aieco.amounts._locale import resolve_locale

    lx = lexicon(resolve_locale(locale))
    pair = (lx, fast_tables(lx))
    if type(locale) is str and len(_BY_NAME) < 64 and len(locale) < 32:
        _BY_NAME[locale] = pair  # bounded: callers may spell a locale many ways
    return pair
