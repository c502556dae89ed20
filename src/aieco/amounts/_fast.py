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
from typing import Any

from aieco.amounts._lexicon import DASHES, DIGITS, MINUS_SIGNS, SPACE_CHARS, Lexicon, _trie
from aieco.money import PERCENT, Amount, Qualifier

__all__ = ["FastTables", "fast_tables", "make_amount", "number_value"]

_WS = f"[{SPACE_CHARS}]"
_WS_NL = f"[{SPACE_CHARS}\n]"
_NOT_LETTER = r"(?![^\W\d_])"
_LETTERS = re.compile(r"[^\W\d_]+")
#: Memo tables stop growing at this many entries (running text has an open vocabulary).
_MEMO_LIMIT = 100_000
_new = object.__new__
_SLOT_SETTERS: tuple[Any, ...] | None = None


def _slot_setters() -> tuple[Any, ...]:
    """The slot descriptors' setters of Amount's fields (looked up once)."""
    global _SLOT_SETTERS
    slots = vars(Amount)
    _SLOT_SETTERS = tuple(
        slots[name].__set__ for name in ("value", "low", "high", "unit", "qualifier")
    )
    return _SLOT_SETTERS


def make_amount(
    value: Decimal | None, low: Decimal, high: Decimal, unit: str | None, qualifier: Qualifier
) -> Amount:
    """An Amount from values the parser has already checked (skips attrs' validators).

    The parser only calls this with a finite Decimal (or None and ``low < high``), a unit that
    is a known currency code, "%" or None, and a Qualifier; the tests check that the result
    equals the validated constructor's for every shape the parser produces, and that Amount
    still has exactly these five fields.
    """
    setters = _SLOT_SETTERS or _slot_setters()
    amount = _new(Amount)
    setters[0](amount, value)
    setters[1](amount, low)
    setters[2](amount, high)
    setters[3](amount, unit)
    setters[4](amount, qualifier)
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

    __slots__ = (
        "continuations",
        "exact_units",
        "full",
        "guard_words",
        "phrase_heads",
        "phrase_re",
        "qualifier_text",
        "qualifier_words",
        "scale_powers",
        "single_qualifiers",
        "symbol_heads",
        "trigger",
        "words",
    )

    full: re.Pattern[str]
    trigger: re.Pattern[str]
    guard_words: frozenset[str]
    phrase_re: re.Pattern[str]
    continuations: dict[str, frozenset[str]]
    single_qualifiers: dict[str, Qualifier]
    qualifier_text: dict[str, Qualifier]
    exact_units: dict[str, str]
    scale_powers: dict[str, int]
    qualifier_words: dict[tuple[str, str], Qualifier]
    phrase_heads: re.Pattern[str]
    symbol_heads: frozenset[str]
    words: dict[str, tuple[bool, bool, bool, str]]


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
        f"|(?:{_trie(letter_symbols)}|[A-Z]{{3}}|(?i:{_trie(words)})){_NOT_LETTER})"
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
    return _trie(sorted(lx.currency_words)).replace("\\ ", "[ \\u00a0]")


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
    rest = _number_rest(lx)
    tail = _scale_currency(lx)
    qualifiers = sorted((" ".join(k) for k in lx.qualifiers), key=len, reverse=True)
    quals = _trie(qualifiers).replace("\\ ", f"{_WS}+")
    symbols = _trie(s for s in lx.symbols)
    ft.full = re.compile(
        f"(?:(?P<q>(?i:{quals})){_WS}+)?(?P<neg>[{MINUS_SIGNS}])?"
        f"(?:(?P<pre>{symbols}|[A-Z]{{3}})(?P<s0>{_WS}*+))?"
        f"(?:(?P<num>(?P<first>[0-9]){rest})|(?P<nw>[^\\W\\d_]++)){tail}"
    )
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
    guard.update({"t"} if lx.german else set())
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
    if lx.german:
        # Each noun branch starts with the letter after the capital, so that ``re`` rejects
        # it with one comparison (a branch led by a look-behind is entered every time): the
        # text's many other capitalised nouns then cost little. The digits come last.
        ft.trigger = re.compile(
            f"[0-9{first}MBTPEDF](?:"
            "i(?:(?<=Mi)(?:o|a|lli(?:on|ard))|(?<=Bi)(?:o|lli(?:on|ard)))"
            "|r(?:(?<=Mr)d|(?<=Pr)ozent|(?<=Fr)anken)|I(?<=[MB]I)LLI(?:ON|ARD)"
            "|e(?<=Be)tr[aä]g|a(?<=Ta)usend|s(?<=Ts)d|E(?<=TE)UR|€(?<=T€)"
            "|R(?<=PR)OZENT|f(?<=Pf)und|u(?<=Eu)ro(?!p)|U(?<=EU)RO|o(?<=Do)llar|O(?<=DO)LLAR"
            f"|(?<=[{first}])|{digits})"
        )
    else:
        ft.trigger = re.compile(
            f"[0-9{first}a-zA-Z](?:{digits}|(?<=[{first}])"
            f"|(?<![^\\W\\d_].)(?i:(?<=[tmbdepfyrksz])"
            "(?:housand|illion|rillion|ollar|uro|ound|terling|ranc|en|uan|enminbi|upee"
            "|iyal|rona|ronor|rone|loty|uble|ouble|ercent|er cent)))"
        )
    ft.continuations = {k: frozenset(v) for k, v in continuations.items()}
    ft.guard_words = frozenset(guard)
    ft.phrase_re = re.compile(f"(?i:{_phrases(lx)})(?![^\\W\\d_])")
    ft.phrase_heads = re.compile(f"(?i:{_trie(sorted({_head(p) for p in lx.currency_words}))})")
    ft.symbol_heads = frozenset(_head(s) for s in lx.symbols if s[0].isalpha())
    ft.words = {}
    ft.exact_units = dict(lx.symbols)
    ft.exact_units.update((code, code) for code in lx.codes)
    ft.scale_powers = {w: f.adjusted() for w, f in lx.scale_words.items()}
    ft.qualifier_text = {" ".join(k): q for k, q in lx.qualifiers.items()}
    ft.single_qualifiers = {k[0]: q for k, q in lx.qualifiers.items() if len(k) == 1}
    ft.qualifier_words = {(k[0], k[1]): q for k, q in lx.qualifiers.items() if len(k) == 2}
    return ft


def _head(phrase: str) -> str:
    """The letters a currency name or symbol starts with ("us" of "us-dollar", "Fr" of "Fr.")."""
    m = _LETTERS.match(phrase)
    return m.group() if m else ""


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


def ends_cleanly(text: str, m: re.Match[str], lx: Lexicon, ft: FastTables) -> bool:
    """Nothing after the match could extend the expression (else the grammar must decide)."""
    n = len(text)
    e = m.end()
    if e >= n:
        return True
    c = text[e]
    if c == "-" and e + 1 < n and text[e + 1].isalpha():
        return _inert_word(text, e + 1, m, lx, ft)  # "500-Milliarden-Dollar-Projekt"
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
    return _inert_word(text, j, m, lx, ft)


def _inert_word(text: str, j: int, m: re.Match[str], lx: Lexicon, ft: FastTables) -> bool:
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
        if len(ft.words) < _MEMO_LIMIT:
            ft.words[word] = info
    blocks, may_be_symbol, may_be_phrase, low = info
    if may_be_symbol and lx.symbol_re.match(text, j):
        return False
    if blocks or (may_be_phrase and ft.phrase_re.match(text, j)):
        return False
    cur = m.group("cur")
    return cur is None or low not in ft.continuations.get(cur.lower(), ())


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
    """The Amount of ``text`` (already stripped) if it has the common shape, else None."""
    m = ft.full.fullmatch(text)
    if m is None:
        return None
    q, neg, pre, s2, cur, pct, scale, dot, g, frac, nw, num = m.group(*_FULL_GROUPS)
    qualifier = Qualifier.EXACT
    if q is not None:
        found = ft.qualifier_text.get(q.lower()) or lx.qualifiers.get(tuple(q.lower().split()))
        if found is None:
            return None
        qualifier = found
    unit: str | None = None
    if pct is not None:
        if not s2 and pct != "%":
            return None
        unit = PERCENT
    elif cur is not None:
        unit = ft.exact_units.get(cur)  # a symbol or an ISO code as written
        if unit is None:
            if not s2 or (len(cur) == 3 and cur.isupper()):
                return None
            unit = lx.currency_words.get(cur.lower())
            if unit is None:
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
        if not lx.german or pre is not None or (scale is not None and not m.group("s1")):
            return None
        low = nw.lower()
        if low in lx.articles:
            if scale is None and pct is None:
                return None
            number = Decimal(1)
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
    if len(whole) + len(frac) > 100:
        return None
    if scale is not None:
        word = scale.lower()
        if dot is not None:
            word += "."
        elif word == "bio" and text[m.end("scale") : m.end("scale") + 1] == "-":
            return None
        power = ft.scale_powers.get(word)
        if power is None:
            return None
        if len(frac) <= power:
            digits = whole + frac + "0" * (power - len(frac))
        else:
            digits = f"{whole}{frac[:power]}.{frac[power:]}"
    else:
        digits = f"{whole}.{frac}" if frac else whole
    value = Decimal(digits)
    if neg is not None:
        value = -value
    amount = _new(Amount)
    setters = _SLOT_SETTERS or _slot_setters()
    setters[0](amount, value)
    setters[1](amount, value)
    setters[2](amount, value)
    setters[3](amount, unit)
    setters[4](amount, qualifier)
    return amount


_FULL_GROUPS = ("q", "neg", "pre", "s2", "cur", "pct", "scale", "dot", "g", "frac", "nw", "num")
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
    if type(locale) is str:
        _BY_NAME[locale] = pair
    return pair


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
