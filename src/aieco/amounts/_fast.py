"""The fast paths: common shapes read by one regex each, checked against the grammar.

* one end, "[hedge] [sign] [currency] digits-or-number-word [scale] [currency|%]";
* a range of two digit numbers, "5–50 Mio. €", "20 bis 30 Mrd. $", "zwischen 20 und 30 Mrd.",
  "20- oder 30-Milliarden";
* a vague magnitude, "ein zweistelliger Millionenbetrag", "neun- oder zehnstellige Beträge",
  "zig oder gar hunderten Milliarden Dollar".

A compiled regex reads such an expression in a single C-level match; Python then only looks
words up and builds the value from the matched digit strings. What a scale-and-currency tail
(" Mio. EUR") means, and what a word next to a figure is, is memoised per locale (bounded):
it depends on nothing else, and texts have few distinct tails. Whatever the fast paths are
not sure about (unusual spacing, number-word chains, anything glued or unusual after the
match) they hand to the grammar in `aieco.amounts._parse`, so both give the same
result; hypothesis tests check that they agree.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from operator import itemgetter
from typing import Any

from aieco._limits import MAX_FRACTION_DIGITS, MAX_INTEGER_DIGITS
from aieco.amounts._language import Language, language_of
from aieco.amounts._lexicon import (
    DASHES,
    DIGITS,
    MINUS_SIGNS,
    NAME_HYPHENS,
    SPACE_CHARS,
    STELLIG_ENDINGS,
    Lexicon,
    _trie,
)
from aieco.amounts._memo import Memo, remember
from aieco.amounts._reading import Reading, point
from aieco.amounts._rules import figure_ok, hedge_at, scale_power, stellig_noun
from aieco.money import PERCENT, Amount, Qualifier

__all__ = ["FastTables", "fast_amount", "fast_tables", "number_value", "tables_for"]

_WS = f"[{SPACE_CHARS}]"
_WS_NL = f"[{SPACE_CHARS}\n]"
_NOT_LETTER = r"(?![^\W\d_])"
_LETTERS = re.compile(r"[^\W\d_]+")


def number_value(negative: bool, whole: str, frac: str, power: int) -> Decimal:
    """``±whole.frac × 10**power`` written out without an exponent, as the grammar does.

    The caller has checked the digits with `fits`.
    """
    if power:
        if len(frac) <= power:
            text = whole + frac + "0" * (power - len(frac))
        else:
            text = f"{whole}{frac[:power]}.{frac[power:]}"
    else:
        text = f"{whole}.{frac}" if frac else whole
    value = Decimal(text)
    return value.copy_negate() if negative else value  # exact, unlike unary -


def fits(whole: str, frac: str, power: int) -> bool:
    """Whether ``whole.frac × 10**power`` is a figure the engine reads.

    `figure_ok`, and within the model's limit (aieco._limits), told from the digit
    counts alone.
    """
    return (
        figure_ok(whole, frac)
        and len(whole) + power <= MAX_INTEGER_DIGITS
        and len(frac) - power <= MAX_FRACTION_DIGITS
    )


def _figure(written: str, group: str | None, frac: str | None) -> tuple[str, str] | None:
    """The integer and fraction digits of a written figure, group separators removed.

    None where `figure_ok` says no (the grammar refuses those with a message).
    """
    whole = written.replace(group, "") if group is not None else written
    frac = frac or ""
    return (whole, frac) if figure_ok(whole, frac) else None


def _scale_power(
    lx: Lexicon, text: str, m: re.Match[str], scale: str | None, dot: str | None
) -> int | None:
    """The power of ten of a matched scale word (0 for none), None if it is not one here."""
    if scale is None:
        return 0
    e = m.end("scale")
    return scale_power(lx, scale, dot is not None, text[e : e + 1] if dot is None else "")


class FastTables:
    """The compiled fast-path regexes of one locale."""

    __slots__ = (
        "continuations",
        "digits_full",
        "digits_pick",
        "exact_units",
        "full",
        "full_pick",
        "glued",
        "guard_words",
        "language",
        "mention_units",
        "number_at",
        "number_pick",
        "pair_firsts",
        "phrase_heads",
        "phrase_re",
        "postfix_re",
        "qualifier_text",
        "qualifier_words",
        "range_full",
        "range_tail",
        "rare_words",
        "single_qualifiers",
        "stellig_at",
        "stellig_full",
        "symbol_heads",
        "tail_full",
        "tail_months",
        "tails",
        "trigger",
        "trigger_pick",
        "vague_at",
        "vague_full",
        "words",
    )

    language: Language
    full: re.Pattern[str]
    full_pick: Callable[[tuple[Any, ...]], tuple[Any, ...]]
    digits_full: re.Pattern[str]
    digits_pick: Callable[[tuple[Any, ...]], tuple[Any, ...]]
    number_at: re.Pattern[str]
    number_pick: Callable[[tuple[Any, ...]], tuple[Any, ...]]
    tail_full: re.Pattern[str]
    tails: Memo[str, tuple[str | None, int] | None]
    trigger_pick: Callable[[tuple[Any, ...]], tuple[Any, ...]]
    mention_units: Memo[tuple[str | None, ...], Any]
    #: Whether a scale, currency or percent word starts like a month name ("Mai").
    tail_months: bool
    trigger: re.Pattern[str]
    #: Rarer trigger words ("stellig", "Cent") and their literal regexes.
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
    range_full: re.Pattern[str] | None
    stellig_at: re.Pattern[str] | None
    stellig_full: re.Pattern[str] | None
    vague_at: re.Pattern[str] | None
    vague_full: re.Pattern[str] | None
    postfix_re: re.Pattern[str]
    words: Memo[str, tuple[bool, bool, bool, str]]
    glued: Memo[str, bool]


def _number_rest(lx: Lexicon) -> str:
    """The locale's number regex without its first digit (which the caller has consumed)."""
    pattern = lx.number.pattern
    head = "(?P<int>[0-9]{1,3}(?P<g>"
    assert pattern.startswith(head)
    pattern = "(?P<int>[0-9]{0,2}(?P<g>" + pattern[len(head) :]
    return pattern.replace("|[0-9]++)", "|[0-9]*+)", 1)


def _scale_currency(lx: Lexicon) -> str:
    scales = sorted({w.rstrip(".") for w in lx.scale_words if len(w.rstrip(".")) > 1})
    symbols = [s for s in lx.symbols if not s[0].isalpha()]
    letter_symbols = [s for s in lx.symbols if s[0].isalpha()]
    words = [w for w in lx.currency_words if " " not in w]
    percents = [w for w in lx.percent_words if " " not in w]
    return (
        f"(?:(?P<s1>{_WS}*+|-(?=[^\\W\\d_]))(?P<scale>(?i:{_trie(scales)})){_NOT_LETTER}(?P<dot>\\.)?)?"
        f"(?:(?P<s2>{_WS}*+|-(?=[^\\W\\d_]))(?:(?P<cur>{_trie(symbols)}"
        f"|(?:{_trie(letter_symbols)}|[A-Z]{{3}}|(?i:{_hyphens(_trie(words))})){_NOT_LETTER})"
        f"|(?P<pct>%|(?i:{_trie(percents)}){_NOT_LETTER})))?"
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
        f"|(?:{_trie(sorted(forms))})(?![^\\W\\d_])|[A-Z]{{3}}(?![^\\W\\d_])|{lettered}))"
    )


@cache
def fast_tables(lx: Lexicon) -> FastTables:
    """Build (once per locale) the fast-path regexes."""
    ft = FastTables()
    ft.language = language = language_of(lx.name)
    rest = _number_rest(lx)
    tail = _scale_currency(lx)
    qualifiers = sorted((" ".join(k) for k in lx.qualifiers), key=len, reverse=True)
    quals = _trie(qualifiers).replace("\\ ", f"{_WS}+")
    symbols = _trie(s for s in lx.symbols)
    ft.full = re.compile(
        f"(?:(?P<q>(?i:{quals})){_WS}+)?(?P<neg>[{MINUS_SIGNS}])?"
        f"(?:(?P<pre>{symbols}|[A-Z]{{3}})(?P<s0>{_WS}*+))?"
        f"(?:(?P<num>(?P<first>[0-9]){rest})|(?P<nw>[^\\W\\d_]++)"
        f"(?:{_WS}++(?P<half>(?i:{_trie(sorted(lx.half_words))})){_NOT_LETTER})?){tail}"
    )
    # A text that starts with a digit has no hedge, sign, currency or number word in front:
    # this leaner regex reads it in two thirds of the time.
    ft.digits_full = re.compile(f"(?P<first>[0-9]){rest}{tail}")
    ft.number_at = re.compile(f"(?P<first>[0-9]){rest}")
    ft.number_pick = _picker(ft.number_at, ("g", "frac"))
    ft.tail_full = re.compile(tail)
    ft.tails = Memo()
    ft.full_pick = _picker(ft.full, _FULL_GROUPS)
    ft.digits_pick = _picker(ft.digits_full, _DIGITS_GROUPS)
    guard: set[str] = set()
    continuations: dict[str, set[str]] = {}
    for phrase in lx.currency_words:
        words = re.split(r"[ -]", phrase)
        for i in range(1, len(words)):
            for sep in " -":
                head = sep.join(words[:i])
                if head in lx.currency_words:
                    continuations.setdefault(head, set()).add(words[i])  # "Pfund Sterling"
    for table in (lx.scale_words, lx.percent_words, lx.range_intro):
        guard.update(w.split()[0].rstrip(".") for w in table)
    guard.update(lx.range_words)
    guard.update(lx.thousands_of)
    guard.update(lx.subunit_scales)
    guard.update(lx.glued_scales)
    guard.update(language.guard_words)
    guard.update(k[0] for k in lx.postfix)
    guard.update({"und", "and", "of", "uhr", "am", "pm", "h", "stellig", "stellige"})
    symbol_chars = sorted({s[0] for s in lx.symbols if not s[0].isalnum()} | {"%"})
    first = re.escape("".join(symbol_chars))
    cont = _cont(lx, guard)
    # Only at the start of a digit run (else a long run is re-read from every digit), and
    # atomic: once the number is read, the engine must not try a shorter reading of it.
    digits = (
        f"(?<=[0-9])(?<![0-9][0-9]){_code_flag()}(?>{rest}{tail})"
        f"(?(scale)|(?(cur)|(?(pct)|(?(code)|{cont}))))"
    )
    ft.trigger = re.compile(_trigger(language, first, digits))
    ft.rare_words = tuple((w, re.compile(w)) for w in language.rare_words)
    ft.trigger_pick = _picker(ft.trigger, _DIGITS_GROUPS)
    ft.mention_units = Memo()
    tail_words = [*lx.scale_words, *lx.symbols, *lx.codes, *lx.currency_words, *lx.percent_words]
    ft.tail_months = any(_head(w).lower() in lx.months for w in tail_words)
    ft.continuations = {k: frozenset(v) for k, v in continuations.items()}
    ft.guard_words = frozenset(guard)
    ft.phrase_re = re.compile(f"(?i:{_phrases(lx)})(?![^\\W\\d_])")
    ft.phrase_heads = re.compile(f"(?i:{_trie(sorted({_head(p) for p in lx.currency_words}))})")
    ft.symbol_heads = frozenset(_head(s) for s in lx.symbols if s[0].isalpha())
    ft.words = Memo()
    ft.glued = Memo()
    ft.exact_units = dict(lx.symbols)
    ft.exact_units.update((code, code) for code in lx.codes)
    ft.qualifier_text = {" ".join(k): q for k, q in lx.qualifiers.items()}
    ft.single_qualifiers = {k[0]: q for k, q in lx.qualifiers.items() if len(k) == 1}
    ft.qualifier_words = {(k[0], k[1]): q for k, q in lx.qualifiers.items() if len(k) == 2}
    ft.pair_firsts = frozenset(k[0] for k in ft.qualifier_words)
    _range_tables(lx, ft, rest, tail, quals)
    _stellig_tables(lx, ft, quals)
    _vague_tables(lx, ft, tail, quals)
    p1 = _trie(sorted({k[0] for k in lx.postfix}))
    p2 = _trie(sorted({k[1] for k in lx.postfix}))
    ft.postfix_re = re.compile(f"{_WS}++(?P<p1>(?i:{p1})){_WS}++(?P<p2>(?i:{p2})){_NOT_LETTER}")
    return ft


def _trigger(language: Language, first: str, digits: str) -> str:
    """The trigger: digits, a symbol, or a noun or word end from the language's table.

    The digits branch comes last for nouns (capital letters reject most words at once) and
    first for word ends.
    """
    if language.noun_branches is not None:
        return (
            f"[0-9{first}{language.noun_firsts}]"
            f"(?:{language.noun_branches}|(?<=[{first}])|{digits})"
        )
    branches = [digits, f"(?<=[{first}])"]
    if language.word_ends is not None:
        branches.append(
            f"(?<![^\\W\\d_].)(?i:(?<=[{language.word_end_firsts}])(?:{language.word_ends}))"
        )
    letters = "a-zA-Z" if language.word_ends is not None else ""
    return f"[0-9{first}{letters}](?:{'|'.join(branches)})"


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
    seps = sorted(set(lx.range_words) | set(lx.range_intro.values()))
    names = [*lx.currency_words, *lx.scale_words, *lx.percent_words, *lx.thousands_of]
    if any(n.split()[0] in seps or re.split(r"[ -]", n)[0] in seps for n in names) or any(
        c in lx.symbol_starts for c in DASHES + "0123456789"
    ):
        ft.range_tail = ft.range_full = None
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
    ft.range_tail = re.compile(sep + second)
    ft.range_full = re.compile(
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
    joins = _trie(sorted(set(lx.range_words) | {"und"}))
    body = (
        f"(?:(?P<art>(?i:{_trie(sorted(lx.articles))})){_WS}++)?"
        f"(?:(?P<w1>[^\\W\\d_]++)[{DASHES}]{_WS}++(?P<sw1>(?i:{joins})){_WS}++)?"
        f"(?P<sw>[^\\W\\d_]++){_WS}++(?P<noun>[^\\W\\d_]++(?:-[^\\W\\d_]++)*+)"
    )
    ft.stellig_at = re.compile(body)
    ft.stellig_full = re.compile(f"(?:(?P<q>(?i:{quals})){_WS}+)?{body}")


def _vague_tables(lx: Lexicon, ft: FastTables, tail: str, quals: str) -> None:
    """Regexes for "zig Milliarden", "zig oder gar hunderten Milliarden Dollar" (German only).

    A vague count, optionally "oder"/"bis" (and "gar"/"sogar"/"auch" after "oder") and a
    second one, then the scale and currency tail.
    """
    if not ft.language.vague_counts:
        ft.vague_at = ft.vague_full = None
        return
    counts = _trie(sorted(lx.vague_counts))
    body = (
        f"(?P<v1>(?i:{counts})){_NOT_LETTER}(?:{_WS}++(?P<vsep>(?i:{_trie(sorted(lx.range_words))}))"
        f"{_WS}++(?:(?P<even>(?i:{_trie(sorted(lx.vague_words))})){_WS}++)?"
        f"(?P<v2>(?i:{counts})){_NOT_LETTER})?{tail}"
    )
    ft.vague_at = re.compile(body)
    ft.vague_full = re.compile(f"(?:(?P<q>(?i:{quals})){_WS}+)?{body}")


def _head(phrase: str) -> str:
    """The letters a currency name or symbol starts with ("us" of "us-dollar", "Fr" of "Fr.")."""
    m = _LETTERS.match(phrase)
    return m.group() if m else ""


def ends_cleanly(text: str, e: int, cur: str | None, lx: Lexicon, ft: FastTables) -> bool:
    """Nothing after ``e`` could extend the expression (else the grammar must decide).

    ``cur`` is the currency the expression ended with, as written (for "Pfund Sterling").
    """
    n = len(text)
    if e >= n:
        return True
    c = text[e]
    if c == " " and e + 1 < n and text[e + 1].isalpha():
        return _inert_word(text, e + 1, cur, lx, ft)  # the common case: a space, a word
    if c == "-" and e + 1 < n and text[e + 1].isalpha():
        if cur is not None and cur[0].isalpha():
            return False  # "8 Euro-Münzen" counts coins: the grammar decides
        return _inert_word(text, e + 1, cur, lx, ft)  # "500-Milliarden-Dollar-Projekt"
    if c.isalnum() or c in DASHES or c in "/:_" or c in MINUS_SIGNS or c in lx.symbol_firsts:
        return False
    if c in ".,'’" and e + 1 < n and text[e + 1] in DIGITS:
        return False
    j = e
    while j < n and text[j] in SPACE_CHARS:
        j += 1
    if j + 1 < n and text[j] == "\r" and text[j + 1] == "\n":
        j += 1
    if j < n and text[j] == "\n":
        j += 1
        while j < n and text[j] in SPACE_CHARS:
            j += 1
    if j == e or j >= n:
        return True
    c = text[j]
    if c in DASHES or c in MINUS_SIGNS or c in lx.symbol_firsts:
        return False  # a range, a sign, a currency
    if c in DIGITS:
        # Cents after a currency name ("2 Euro 50"), or a code that is the next figure's
        # ("2007 CHF 1.85 Mio."): the grammar decides. After a symbol nothing follows.
        return cur is None or not cur[0].isalpha()
    if not c.isalpha():
        return True
    return _inert_word(text, j, cur, lx, ft)


def _inert_word(text: str, j: int, cur: str | None, lx: Lexicon, ft: FastTables) -> bool:
    """The word at ``j`` cannot continue the expression the fast match read."""
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
        remember(ft.words, word, info)
    blocks, may_be_symbol, may_be_phrase, low = info
    if may_be_symbol and lx.symbol_re.match(text, j):
        return False
    if blocks or (may_be_phrase and ft.phrase_re.match(text, j)):
        return False
    return cur is None or low not in ft.continuations.get(cur.lower(), ())


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
            or (len(word) == 3 and word.isupper() and word in lx.codes)
        )
        remember(ft.glued, word, found)
    return found


def _word_info(lx: Lexicon, ft: FastTables, word: str) -> tuple[bool, bool, bool, str]:
    """What a word after a figure is, as far as the word alone tells (memoised by the caller).

    (blocks: a code, number word or guard word; may start a currency symbol; may start a
    currency name; lower case). A symbol or name can only match where the word is exactly the
    letters it starts with, so the two regexes run only for such words.
    """
    low = word.lower()
    blocks = (
        (len(word) == 3 and word.isupper() and word in lx.codes)
        or low in ft.guard_words
        or lx.is_number_word(low)
        or "stellig" in low
    )
    return blocks, word in ft.symbol_heads, ft.phrase_heads.fullmatch(word) is not None, low


def fast_amount(lx: Lexicon, ft: FastTables, text: str) -> Amount | None:
    """The Amount of ``text`` (already stripped) if it has a common shape, else None.

    The shapes: one end ("rund 1,5 Mrd. USD", "vier Milliarden Dollar"), a range of two
    digit numbers ("5–50 Mio. €", "zwischen 20 und 30 Mrd.") and a vague magnitude ("ein
    zweistelliger Millionenbetrag").
    """
    reading = fast_reading(lx, ft, text)
    return None if reading is None else reading.amount()


def fast_reading(lx: Lexicon, ft: FastTables, text: str) -> Reading | None:
    """`fast_amount`'s reading (spanning the whole text), or None."""
    c = text[:1]
    if c in DIGITS:
        return _digits_first(lx, ft, text, 0, Qualifier.EXACT)
    if c.isalpha() or c in lx.hedge_symbols:
        # "rund 1,5 Mrd. USD", "mehr als 300 Mrd. USD": a hedge, then digits (what the full
        # regex reads with its hedge branch, found here in a third of the time).
        sp = text.find(" ")
        first = text[:sp].lower() if sp > 0 else ""
        found = hedge_at(lx, text, 0) if first in lx.qualifier_starts or sp < 0 else None
        if found is not None and text[found[1] : found[1] + 1] in DIGITS:
            amount = _digits_first(lx, ft, text, found[1], found[0])
            if amount is not None:
                return amount
    m = ft.full.fullmatch(text)
    if m is None:
        return _fast_other(lx, ft, text)
    return full_amount(lx, ft, m, text, None)


def _digits_first(
    lx: Lexicon, ft: FastTables, text: str, at: int, qualifier: Qualifier
) -> Reading | None:
    """Digits at ``at`` and a scale-and-currency tail to the end of ``text`` (or a range).

    The number is read by its own regex, the tail (" Mio. EUR", " Milliarden Dollar") from a
    per-locale memo of tails: what a tail means does not depend on the number before it, and
    a text has few distinct tails. The number regex's first reading is the one the combined
    regex would take, so where the memo knows the tail the result is the same; where it does
    not (an unknown or long tail), the combined regex decides.
    """
    m = ft.number_at.match(text, at)
    assert m is not None
    e = m.end()
    suffix = text[e:]
    tail = ft.tails.get(suffix, _UNKNOWN)
    if tail is _UNKNOWN:
        tail = None
        if len(suffix) <= _TAIL_LIMIT:
            tm = ft.tail_full.fullmatch(suffix)
            found = None if tm is None else tail_unit_power(lx, ft, tm, suffix)
            if found is not None:
                tail = (found[0], found[1] or 0)
            remember(ft.tails, suffix, tail)
    if tail is None:
        mm = ft.digits_full.fullmatch(text, at)
        if mm is not None:
            return _digits_amount(lx, ft, mm, text, qualifier)
        return _fast_other(lx, ft, text) if at == 0 else None
    unit, power = tail
    g, frac = ft.number_pick(m.groups())
    # _figure() inlined: this is parse_amount's hottest path, and the call costs 0.03x of the
    # price-parser budget (benchmarks/bench_amounts.py).
    whole = text[at : m.end("int")]
    if g is not None:
        whole = whole.replace(g, "")
    frac = frac or ""
    if not fits(whole, frac, power):
        return None
    value = number_value(False, whole, frac, power)
    return point(0, len(text), value, unit, qualifier)


_UNKNOWN: Any = object()
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
    if unit is _REJECT:
        return None
    figure = _figure(text[m.start() : m.end("int")], g, frac)
    if figure is None:
        return None
    whole, frac = figure
    power = _scale_power(lx, text, m, scale, dot)
    if power is None:
        return None
    if not fits(whole, frac, power):
        return None
    value = number_value(False, whole, frac, power)
    return point(0, len(text), value, unit, qualifier)


def _picker(
    pattern: re.Pattern[str], names: tuple[str, ...]
) -> Callable[[tuple[Any, ...]], tuple[Any, ...]]:
    """Pick the named groups out of ``match.groups()`` (faster than ``match.group(*names)``)."""
    return itemgetter(*(pattern.groupindex[name] - 1 for name in names))


def full_amount(
    lx: Lexicon,
    ft: FastTables,
    m: re.Match[str],
    text: str,
    qualifier: Qualifier | None,
    start: int = 0,
) -> Reading | None:
    """The reading of a match of ``ft.full`` (from ``start``), or None: the grammar decides.

    The hedge is read from the match if ``qualifier`` is None.
    """
    q, neg, pre, s2, cur, pct, scale, dot, g, frac, nw, num, half = ft.full_pick(m.groups())
    if qualifier is None:
        qualifier = Qualifier.EXACT
        if q is not None:
            found = ft.qualifier_text.get(q.lower()) or lx.qualifiers.get(tuple(q.lower().split()))
            if found is None:
                return None
            qualifier = found
    elif q is not None:
        return None
    unit = _matched_unit(lx, ft, s2, cur, pct)
    if unit is _REJECT:
        return None
    if pre is not None:
        if unit is not None:
            return None
        unit = ft.exact_units.get(pre)
        if unit is None:
            return None
    if nw is not None:
        # One German number word ("vier", "eineinhalb"; an article only before a scale
        # word or "Prozent"), then a scale word after a space or hyphen, never glued.
        if not ft.language.number_words or pre is not None:
            return None
        if scale is not None and not m.group("s1"):
            return None
        low = nw.lower()
        if low in lx.articles:
            # The grammar reads an article only before a scale word or "Prozent", and
            # only after a space: "eine Milliarde", not "eine-Milliarde" or "ein%"; with
            # "halbe" after it, that is half of one ("eine halbe Milliarde").
            if half is not None:
                if half.lower() not in lx.half_words:
                    return None
                number = _HALF
            else:
                after = m.group("s1") if scale is not None else s2
                if not after or after[0] == "-":
                    return None
                number = Decimal(1)
            if scale is None and pct is None:
                return None
        elif half is not None:
            return None
        else:
            found_number = lx.cardinal(low)
            if found_number is None:
                return None
            number = found_number
        whole, _, frac = format(number, "f").partition(".")
    else:
        # With a fraction or ",–" (no cents) the integer part is only part of the number.
        if frac is None and num[-1] in DIGITS:
            whole, frac = num, ""
        else:
            whole, frac = text[m.start("first") : m.end("int")], frac or ""
        if g is not None:
            whole = whole.replace(g, "")
    if not figure_ok(whole, frac):
        return None
    power = _scale_power(lx, text, m, scale, dot)
    if power is None:
        return None
    if not fits(whole, frac, power):
        return None
    value = number_value(False, whole, frac, power)
    if neg is not None:
        value = value.copy_negate()  # exact, unlike unary -
    return point(start, m.end(), value, unit, qualifier)


def _qualifier(lx: Lexicon, ft: FastTables, q: str | None) -> Qualifier | None:
    """The Qualifier of a matched hedge ("rund", "mehr  als"), EXACT for none, None if unknown."""
    if q is None:
        return Qualifier.EXACT
    low = q.lower()
    return ft.qualifier_text.get(low) or lx.qualifiers.get(tuple(low.split()))


def _fast_other(lx: Lexicon, ft: FastTables, text: str) -> Reading | None:
    """A whole text that is a range of two digit numbers or a vague magnitude, else None."""
    if ft.range_full is not None:
        m = ft.range_full.fullmatch(text)
        if m is not None:
            qualifier = _qualifier(lx, ft, m.group("q"))
            if qualifier is None:
                return None
            intro = m.group("intro")
            conj = None if intro is None else lx.range_intro.get(intro.lower())
            if intro is not None and conj is None:
                return None  # matched only through re's wider case folding ("zwıschen")
            whole = text[m.start("first1") : m.end("int1")]
            g = m.group("g1")
            if g is not None:
                whole = whole.replace(g, "")
            return range_amount(lx, ft, text, whole, m.group("frac1") or "", m, conj, qualifier, 0)
    if ft.stellig_full is not None:
        m = ft.stellig_full.fullmatch(text)
        if m is not None:
            qualifier = _qualifier(lx, ft, m.group("q"))
            return None if qualifier is None else stellig_amount(lx, m, qualifier, 0)
    if ft.vague_full is not None:
        m = ft.vague_full.fullmatch(text)
        if m is not None:
            qualifier = _qualifier(lx, ft, m.group("q"))
            return None if qualifier is None else vague_amount(lx, ft, m, text, qualifier, 0)
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
    """The range from ``start``: a first number's digits, then a match of separator and end.

    ``conj`` is the conjunction a range intro before the first number asks for ("und" after
    "zwischen"); without an intro the separator is a dash or a range word ("bis", "oder").
    As in the grammar, the second end's scale and currency apply to both ends, and the range
    must rise. None where the grammar must decide (or would refuse).
    """
    w, sw, zu = r.group("w", "sw", "zu")
    if sw is not None:  # suspended: "20- oder 30-Milliarden", "20- und 30-Milliarden"
        w = sw.lower()
        if conj is not None or w not in lx.range_words:  # "20- und 30-": a list
            return None
    elif w is not None:
        w = w.lower()
        if (w != conj) if conj is not None else (w not in lx.range_words):
            return None
    elif conj is not None:
        return None
    if zu is not None and (w != "bis" or zu.lower() != "zu"):
        return None
    whole2 = text[r.start("first") : r.end("int")]
    g = r.group("g")
    if g is not None:
        whole2 = whole2.replace(g, "")
    frac2 = r.group("frac") or ""
    if not (figure_ok(whole1, frac1) and figure_ok(whole2, frac2)):
        return None
    found = tail_unit_power(lx, ft, r, text)
    if found is None:
        return None
    unit, power = found
    if not (fits(whole1, frac1, power or 0) and fits(whole2, frac2, power or 0)):
        return None
    low = number_value(False, whole1, frac1, power or 0)
    high = number_value(False, whole2, frac2, power or 0)
    if not low < high:
        return None
    return Reading(start, r.end(), low, high, unit, qualifier)


def stellig_amount(
    lx: Lexicon, m: re.Match[str], qualifier: Qualifier, start: int
) -> Reading | None:
    """A vague magnitude from a match of ``stellig_at``/``stellig_full``, read as the grammar does.

    "zweistellige Milliardenbeträge" is 10¹⁰ ≤ x < 10¹¹: [10^(n-1), 10^n) times the noun's
    scale, in the noun's currency if it names one.
    """
    w = m.group("sw").lower()
    ending = next((e for e in STELLIG_ENDINGS if w.endswith(e)), None)
    if ending is None or len(w) == len(ending):
        return None
    value = lx.cardinal(w[: -len(ending)])
    if value is None or value != value.to_integral_value() or not 1 <= value <= 30:
        return None
    count = int(value)
    first = count  # the lower end's digit count; "neun- oder zehnstellige": 9
    art = m.group("art")
    if art is not None and art.lower() not in lx.articles:
        return None
    w1 = m.group("w1")
    if w1 is not None:
        # The grammar reads "neun" as a number (an article there fails), then "- oder" as a
        # suspended range whose end "zehnstellige" lends its noun to both.
        low1 = w1.lower()
        join = m.group("sw1").lower()
        if art is not None or low1 in lx.articles:
            return None
        if join not in lx.range_words and join != "und":
            return None
        if len(w1) == 3 and w1.isupper() and w1 in lx.codes:
            return None
        value1 = lx.cardinal(low1)
        if value1 is None or value1 != value1.to_integral_value() or not 1 <= value1 <= count:
            return None
        first = int(value1)
    meaning = stellig_noun(lx, m.group("noun"))
    if meaning is None:
        return None
    power, unit = meaning
    if count + power >= MAX_INTEGER_DIGITS:
        return None  # beyond the model's limit: the grammar refuses it with the message
    low = Decimal("1" + "0" * (first - 1 + power))
    return Reading(start, m.end(), low, Decimal("1" + "0" * (count + power)), unit, qualifier)


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
        if second is None or sep not in lx.range_words:
            return None
        if even is not None and (sep != "oder" or even.lower() not in lx.vague_words):
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
        Decimal("1" + "0" * (low + power)),
        Decimal("1" + "0" * (high + power)),
        unit,
        qualifier,
    )


_HALF = Decimal("0.5")
_FULL_GROUPS: tuple[str, ...] = ("q", "neg", "pre", "s2", "cur", "pct", "scale", "dot", "g")
_FULL_GROUPS += ("frac", "nw", "num", "half")
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


def fast_mention_amount(
    lx: Lexicon,
    ft: FastTables,
    m: re.Match[str],
    text: str,
    qualifier: Qualifier,
    start: int,
    end: int,
) -> Reading | None:
    """The reading (``start:end``) of a trigger match in running text (digits first), or None.

    The unit and scale are memoised per locale by the matched tail's groups (what they
    mean depends on nothing else), so only the number is read each time.
    """
    g, frac, s2, cur, pct, scale, dot = ft.trigger_pick(m.groups())
    key = (s2, cur, pct)
    unit = ft.mention_units.get(key, _UNKNOWN)
    if unit is _UNKNOWN:
        unit = _matched_unit(lx, ft, s2, cur, pct)
        if s2 is None or len(s2) < 8:
            ft.mention_units.put(key, unit)
    if unit is _REJECT:
        return None
    power = _scale_power(lx, text, m, scale, dot)
    if power is None:
        return None
    figure = _figure(text[m.start() : m.end("int")], g, frac)
    if figure is None:
        return None
    whole, frac = figure
    if not fits(whole, frac, power):
        return None
    value = number_value(False, whole, frac, power)
    return point(start, end, value, unit, qualifier)
