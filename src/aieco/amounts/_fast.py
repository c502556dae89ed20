"""The fast path for the commonest shape, "[hedge] [sign] [currency] digits [scale] [currency|%]".

One compiled regex reads such an expression in a single C-level match; Python then only looks
words up and builds the value from the matched digit strings. Whatever the fast path is not
sure about (hyphen compounds, ranges, number words, multi-word currencies, anything glued or
unusual after the match) it hands to the grammar in :mod:`aieco.amounts._parse`, so both paths
give the same result; a hypothesis test checks that they agree.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import cache

from aieco.amounts._lexicon import DASHES, DIGITS, MINUS_SIGNS, SPACE_CHARS, Lexicon, _trie
from aieco.money import PERCENT, Amount, Qualifier

__all__ = ["FastTables", "fast_tables", "make_amount", "number_value"]

_WS = f"[{SPACE_CHARS}]"
_WS_NL = f"[{SPACE_CHARS}\n]"
_NOT_LETTER = r"(?![^\W\d_])"
_new = object.__new__
_set = object.__setattr__


def make_amount(
    value: Decimal | None, low: Decimal, high: Decimal, unit: str | None, qualifier: Qualifier
) -> Amount:
    """An Amount from values the parser has already checked (skips attrs' validators).

    The parser only calls this with a finite Decimal (or None and ``low < high``), a unit that
    is a known currency code, "%" or None, and a Qualifier; the tests check that the result
    equals the validated constructor's for every shape the parser produces.
    """
    amount = _new(Amount)
    _set(amount, "value", value)
    _set(amount, "low", low)
    _set(amount, "high", high)
    _set(amount, "unit", unit)
    _set(amount, "qualifier", qualifier)
    return amount


def number_value(negative: bool, whole: str, frac: str, power: int) -> Decimal:
    """``±whole.frac × 10**power`` written out without an exponent, as the grammar does."""
    if power:
        if len(frac) <= power:
            text = whole + frac + "0" * (power - len(frac))
        else:
            text = f"{whole}{frac[:power]}.{frac[power:]}"
    else:
        text = f"{whole}.{frac}" if frac else whole
    value = Decimal(text)
    return -value if negative else value


class FastTables:
    """The compiled fast-path regexes of one locale."""

    __slots__ = ("full", "guard_words", "qualifier_words", "single_qualifiers", "trigger")

    full: re.Pattern[str]
    trigger: re.Pattern[str]
    guard_words: frozenset[str]
    single_qualifiers: dict[str, Qualifier]
    qualifier_words: dict[tuple[str, str], Qualifier]


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
    words = [w for w in lx.currency_words if " " not in w and "-" not in w]
    percents = [w for w in lx.percent_words if " " not in w]
    return (
        f"(?:(?P<s1>{_WS}*+)(?P<scale>(?i:{_trie(scales)})){_NOT_LETTER}(?P<dot>\\.)?)?"
        f"(?:(?P<s2>{_WS}*+)(?:(?P<cur>{_trie(symbols)}"
        f"|(?:{_trie(letter_symbols)}|[A-Z]{{3}}|(?i:{_trie(words)})){_NOT_LETTER})"
        f"|(?P<pct>%|(?i:{_trie(percents)}){_NOT_LETTER})))?"
    )


@cache
def fast_tables(lx: Lexicon) -> FastTables:
    """Build (once per locale) the fast-path regexes."""
    ft = FastTables()
    rest = _number_rest(lx)
    tail = _scale_currency(lx)
    qualifiers = sorted((" ".join(k) for k in lx.qualifiers), key=len, reverse=True)
    quals = "|".join(re.escape(q).replace("\\ ", f"{_WS}+") for q in qualifiers)
    symbols = _trie(s for s in lx.symbols)
    ft.full = re.compile(
        f"(?:(?P<q>(?i:{quals})){_WS}+)?(?P<neg>[{MINUS_SIGNS}])?"
        f"(?:(?P<pre>{symbols}|[A-Z]{{3}})(?P<s0>{_WS}*+))?(?P<first>[0-9]){rest}{tail}"
    )
    symbol_chars = sorted({s[0] for s in lx.symbols if not s[0].isalnum()} | {"%"})
    first = re.escape("".join(symbol_chars))
    if lx.german:
        ft.trigger = re.compile(
            f"[0-9{first}MBTPEDF](?:(?<=[0-9]){rest}{tail}|(?<=[{first}])"
            "|(?<=M)(?:io|rd|ia|illi(?:on|ard)|ILLI(?:ON|ARD))"
            "|(?<=B)(?:io|illi(?:on|ard)|ILLI(?:ON|ARD)|etr[aä]g)"
            "|(?<=T)(?:ausend|sd|EUR|€)|(?<=P)(?:rozent|ROZENT|fund)"
            "|(?<=E)(?:uro(?!p)|URO)|(?<=D)(?:ollar|OLLAR)|(?<=F)ranken)"
        )
    else:
        ft.trigger = re.compile(
            f"[0-9{first}a-zA-Z](?:(?<=[0-9]){rest}{tail}|(?<=[{first}])"
            f"|(?<![^\\W\\d_].)(?i:(?<=[tmbdepfyrksz])"
            "(?:housand|illion|rillion|ollar|uro|ound|terling|ranc|en|uan|enminbi|upee"
            "|iyal|rona|ronor|rone|loty|uble|ouble|ercent|er cent)))"
        )
    guard: set[str] = set()
    for phrase in lx.currency_words:
        guard.update(re.split(r"[ -]", phrase))
    for table in (lx.scale_words, lx.percent_words, lx.range_intro):
        guard.update(w.split()[0].rstrip(".") for w in table)
    guard.update(lx.range_words)
    guard.update(lx.thousands_of)
    guard.update(re.match(r"[^\W\d_]*", s).group().lower() for s in lx.symbols)  # type: ignore[union-attr]
    guard.update({"t"} if lx.german else set())
    guard.update(k[0] for k in lx.postfix)
    guard.update({"und", "and", "of", "uhr", "am", "pm", "h", "stellig", "stellige"})
    ft.guard_words = frozenset(guard)
    ft.single_qualifiers = {k[0]: q for k, q in lx.qualifiers.items() if len(k) == 1}
    ft.qualifier_words = {(k[0], k[1]): q for k, q in lx.qualifiers.items() if len(k) == 2}
    return ft


def unit_of(lx: Lexicon, m: re.Match[str]) -> tuple[str | None, bool] | None:
    """The unit the fast match names, and whether it is trustworthy (None: ask the grammar)."""
    if m.group("pct") is not None:
        if m.group("s2") == "" and m.group("pct") != "%":
            return None
        return PERCENT, True
    cur = m.group("cur")
    if cur is None:
        return None, True
    if len(cur) == 3 and cur.isupper() and cur.isalpha() and cur not in lx.symbols:
        return (cur, True) if cur in lx.codes else None
    code = lx.symbols.get(cur)
    if code is not None:
        return code, True
    if m.group("s2") == "":
        return None
    code = lx.currency_words.get(cur.lower())
    return None if code is None else (code, True)


def ends_cleanly(text: str, e: int, lx: Lexicon, guard: frozenset[str]) -> bool:
    """Nothing after ``e`` could extend the expression (else the grammar must decide)."""
    n = len(text)
    if e >= n:
        return True
    c = text[e]
    if c.isalnum() or c in DASHES or c in "/:_" or c in MINUS_SIGNS or c in lx.symbol_firsts:
        return False
    if c in ".,'’" and e + 1 < n and text[e + 1] in DIGITS:
        return False
    j = e
    while j < n and text[j] in SPACE_CHARS:
        j += 1
    if j < n and text[j] == "\n":
        j += 1
        while j < n and text[j] in SPACE_CHARS:
            j += 1
    if j == e or j >= n:
        return True
    c = text[j]
    if c in DASHES or c in MINUS_SIGNS or c in lx.symbol_firsts:
        return False
    if not c.isalpha():
        return True
    k = j
    while k < n and text[k].isalpha():
        k += 1
    word = text[j:k]
    if len(word) == 3 and word.isupper() and word in lx.codes:
        return False
    return word.lower() not in guard


def fast_amount(lx: Lexicon, ft: FastTables, text: str, start: int, stop: int) -> Amount | None:
    """The Amount of ``text[start:stop]`` if it has the common shape, else None."""
    m = ft.full.fullmatch(text, start, stop)
    if m is None:
        return None
    qualifier = Qualifier.EXACT
    q = m.group("q")
    if q is not None:
        found = lx.qualifiers.get(tuple(q.lower().split()))
        if found is None:
            return None
        qualifier = found
    unit_ok = unit_of(lx, m)
    if unit_ok is None:
        return None
    unit = unit_ok[0]
    pre = m.group("pre")
    if pre is not None:
        if unit is not None:
            return None
        unit = lx.symbols.get(pre)
        if unit is None:
            if not (pre.isupper() and pre.isalpha() and pre in lx.codes):
                return None
            unit = pre
    return _build(lx, m, text, m.start("first"), m.group("neg") is not None, unit, qualifier)


def _build(
    lx: Lexicon,
    m: re.Match[str],
    text: str,
    first: int,
    negative: bool,
    unit: str | None,
    qualifier: Qualifier,
) -> Amount | None:
    whole = text[first : m.end("int")]
    g = m.group("g")
    if g is not None:
        whole = whole.replace(g, "")
    frac = m.group("frac") or ""
    if len(whole) + len(frac) > 100:
        return None
    power = 0
    scale = m.group("scale")
    if scale is not None:
        word = scale.lower()
        if m.group("dot") is not None:
            word += "."
        elif word == "bio" and text[m.end("scale") : m.end("scale") + 1] == "-":
            return None  # "5 Bio-Läden"
        factor = lx.scale_words.get(word)
        if factor is None:
            return None
        power = factor.adjusted()
    value = number_value(negative, whole, frac, power)
    return make_amount(value, value, value, unit, qualifier)


def fast_mention_amount(
    lx: Lexicon, m: re.Match[str], text: str, qualifier: Qualifier
) -> Amount | None:
    """The Amount of a trigger match in running text (digits first), or None."""
    unit_ok = unit_of(lx, m)
    if unit_ok is None:
        return None
    return _build(lx, m, text, m.start(), False, unit_ok[0], qualifier)
