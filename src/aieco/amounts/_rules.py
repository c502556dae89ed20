"""Rules that the grammar, the fast shapes and the extractor share (internal).

Each rule here is written once and called from every reader:

* `hedge_at` — which hedge ("rund", "nicht mehr als", "~") starts at a position;
* `date_at` — whether digits at a position are a date, time or ratio, not an amount;
* `continues_figure` — whether digits at a position are only the rest of a figure that
  starts earlier ("432" in "98 765 432", "5" in "1٫5"), so that no amount may start there;
* `figure_value` — whether the digits of a figure, times a scale, are read (no leading
  zeros, the digit limit, the model's limit) and their exact value;
* `stellig_count` and `stellig_noun` — what a "-stellig" adjective and the noun after it
  say ("zweistellige Millionenbeträge": two digits, millions);
* `is_code` and `names_currency` — the ISO-code test ("USD" as written, not "usd" or "Usd")
  and whether a token names a currency by itself (a symbol or a code);
* `heads_compound` — whether a currency name heads a compound ("8 Euro-Münzen" counts
  coins, it is no sum);
* `cents_may_follow` — whether cents may follow a sum's unit ("zwei Euro fünfzig"; never
  after a scale word or a sign);
* `space_end`, `next_part` and `scale_at` — where the next part of an expression starts
  (after white space with at most one line break, a hyphen, or glued) and the scale word
  there ("Mio.", "Milliarden", "bn", "TEUR");
* `numeral_kind`, `number_words` and `decimal_words` — which table a number word is read
  by, and a run of number words chunked by decreasing scale ("zwei Millionen
  dreihunderttausend", "drei Komma fünf Milliarden", "three hundred and fifty million"),
  read once for the grammar and the shapes; a language's groups of number words are read
  by its reader in `GROUP_READERS` (a German compound is one word, an English group
  several);
* `joined_apart` and `part_of_figure` — whether two number words written apart are one
  number ("zwei hundert", "drei viertel"), and whether a reading starts or ends inside such
  a figure or one cut by an invisible character (the extractor reads no part of it);
  `count_before` — whether a number word right before an amount makes it ambiguous ("zwei
  drei Millionen Euro": two to three million, or two at three million).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable
from decimal import (
    Clamped,
    Context,
    Decimal,
    Inexact,
    InvalidOperation,
    Overflow,
    Rounded,
    Underflow,
)
from typing import TYPE_CHECKING, Any, Final, NamedTuple

from aieco._limits import MAX_FRACTION_DIGITS, MAX_INTEGER_DIGITS
from aieco.amounts._lexicon import (
    DIGITS,
    EN_TEENS,
    EN_TENS,
    EN_UNITS,
    FRACTION_SLASHES,
    INVISIBLE_JOINERS,
    NAME_HYPHENS,
    SPACE_CHARS,
    STELLIG_ENDINGS,
    VAGUE_SCALE_POWERS,
    VULGAR_FRACTIONS,
)
from aieco.amounts._memo import Memo
from aieco.money import PERCENT

if TYPE_CHECKING:
    from aieco.amounts._lexicon import Lexicon
    from aieco.amounts._reading import Reading
    from aieco.money import Qualifier

__all__ = [
    "GROUP_READERS",
    "MAX_DIGITS",
    "Words",
    "apart_ends",
    "apart_keys",
    "apart_possible",
    "continues_figure",
    "count_before",
    "count_word",
    "date_at",
    "decimal_words",
    "figure_value",
    "heads_compound",
    "hedge_at",
    "is_code",
    "is_stellig",
    "joined_apart",
    "names_currency",
    "next_part",
    "number_alone",
    "number_words",
    "numeral_kind",
    "part_of_figure",
    "plain",
    "run_ends",
    "scale_at",
    "scale_power",
    "scales_fall",
    "shift",
    "space_end",
    "stellig_count",
    "stellig_noun",
]

#: A figure with more digits than this is refused (a clear error, not a slow Decimal).
MAX_DIGITS = 100
assert MAX_INTEGER_DIGITS + MAX_FRACTION_DIGITS <= MAX_DIGITS  # `figure_value` counts on it

_HEDGE_WORD = re.compile(f"([^\\W\\d_]++)(\\.?)([{SPACE_CHARS}]*+(?:\r?\n[{SPACE_CHARS}]*+)?)")
_SPACES = re.compile(f"[{SPACE_CHARS}]*+")
_SPACE_OR_END = frozenset(SPACE_CHARS + "\r\n") | {""}


def hedge_at(lx: Lexicon, text: str, i: int) -> tuple[Qualifier, int] | None:
    """The longest hedge starting at ``i`` and where the figure after it starts, or None.

    A hedge is a symbol ("~", "≈", glued or spaced) or one to three words from the
    locale's table ("rund", "mehr als", "nicht mehr als"); a word needs white space after it
    unless it ends with an abbreviation's dot ("ca.5").
    """
    q = lx.hedge_symbols.get(text[i : i + 1])
    if q is not None:
        if i > 0 and not (text[i - 1].isspace() or text[i - 1] in "(["):
            return None  # "<b>5": markup, not a hedge
        m = _SPACES.match(text, i + 1)
        assert m is not None
        return q, m.end()
    quick = _spaced_hedge(lx, text, i)
    if quick is not _SLOW:
        return quick  # type: ignore[no-any-return]
    best: tuple[Qualifier, int] | None = None
    key: tuple[str, ...] = ()
    j = i
    for _ in range(lx.hedge_max_words):
        m = _HEDGE_WORD.match(text, j)
        if m is None:
            break
        w = m.group(1).lower()
        if m.group(2):  # a dot: part of an abbreviation ("ca.", "rd.") or a sentence end
            q = lx.qualifiers.get((*key, w + "."))
            if q is not None:
                best = (q, m.end())
            break
        key = (*key, w)
        if not m.group(3):
            break
        q = lx.qualifiers.get(key)
        if q is not None and not (
            len(key) == 1 and w in lx.not_after_noun and _after_noun(lx, text, i)
        ):
            best = (q, m.end())
        if key not in lx.hedge_prefixes:
            break
        j = m.end()
    return best


_DATE = (
    r"(?P<dmy>(?P<day>[0-9]{1,2})\.(?P<dm>[0-9]{1,2})\.(?:[0-9]{4}|[0-9]{2})?(?![0-9]))"
    r"|(?P<iso>[0-9]{4}-(?P<month>[0-9]{1,2})(?:-[0-9]{1,2})?(?![0-9.,]))"
    r"|(?P<us>[0-9]{1,2}/[0-9]{1,2}/(?:[0-9]{4}|[0-9]{2})(?![0-9]))"
)
_SLOW: Any = object()


def _spaced_hedge(lx: Lexicon, text: str, i: int) -> Any:
    """`hedge_at` for words each followed by one plain space ("mehr als 5").

    Found with C-level searches, phrase by phrase ("mehr", "mehr als"); _SLOW where the
    general loop must look (other white space, a glued dot).
    """
    best: tuple[Qualifier, int] | None = None
    first = ""
    end = i
    for _ in range(lx.hedge_max_words):
        sp = text.find(" ", end, end + 24)
        if sp <= end:
            break
        phrase = text[i:sp].lower()
        if not first:
            first = phrase
        q = lx.hedge_phrases.get(phrase)
        if q is not None:
            best = (q, sp + 1)
        if phrase not in lx.hedge_phrase_prefixes:
            break
        end = sp + 1
    if best is not None and text[best[1] : best[1] + 1] not in _SPACE_OR_END:
        if best[1] == i + len(first) + 1 and first in lx.not_after_noun:
            return None if _after_noun(lx, text, i) else best
        return best
    if best is None and first and first.isalpha() and first not in lx.qualifier_starts:
        return None
    return _SLOW


DATE = re.compile(_DATE)
_RATIO = re.compile("[0-9]+(?:[:/][0-9]+)+")
#: A date, or a time or ratio ("12:30", "3/4"), in one match.
_DATE_OR_RATIO = re.compile(f"{_DATE}|(?P<ratio>[0-9]+(?:[:/][0-9]+)+)")
#: The same without group names, for a look-ahead inside another regex: where it does not
#: match, ``date_at(text, i, ratios=True)`` is None (the extractor's trigger asks it so).
DATE_OR_RATIO_SHAPE = re.sub(r"\(\?P<\w+>", "(?:", _DATE_OR_RATIO.pattern)


def date_at(text: str, i: int, *, ratios: bool = False) -> re.Match[str] | None:
    """A date at ``i`` ("12.06.1994", "17.3.", "2026-02-17"), else None.

    With ``ratios`` also a time or ratio ("12:30", "3/4").

    "7.40." (a price before a full stop) is no date: the day must be 1–31, the month 1–12.
    """
    d = (_DATE_OR_RATIO if ratios else DATE).match(text, i)
    if d is None:
        return None
    if d.group("dmy") is not None:
        ok = 1 <= int(d.group("day")) <= 31 and 1 <= int(d.group("dm")) <= 12
    elif d.group("iso") is not None:
        ok = 1 <= int(d.group("month")) <= 12
    else:
        return d
    if ok:
        return d
    return _RATIO.match(text, i) if ratios else None


#: ``_ZEROS[n]`` is ``"0" * n`` made once: a figure within the limit has at most
#: MAX_INTEGER_DIGITS digits before the point (`figure_value`'s hottest step).
_ZEROS: Final = tuple("0" * n for n in range(MAX_INTEGER_DIGITS + 1))


def figure_value(negative: bool, whole: str, frac: str, power: int | None) -> Decimal | None:
    """``±whole.frac × 10**power`` exactly, written out without an exponent; None if unread.

    ``whole`` and ``frac`` are a figure's integer and fraction digits, groups removed. A
    figure is not read (None) with a leading zero before another digit ("000", "0815"), or
    with more than MAX_DIGITS digits; with a ``power`` (0 or a scale word's) also where the
    value is beyond the model's limit (`aieco._limits`), told from the digit counts alone.
    ``power`` None: the figure alone, at power 0, only the first two tests (the grammar
    reports the limit itself). The one rule of what a figure's digits are worth and whether
    they are read, for every reader: one call on the shapes' hottest path.

    Examples:
        >>> figure_value(False, "1", "5", 6), figure_value(True, "12", "", 0)
        (Decimal('1500000'), Decimal('-12'))
        >>> figure_value(False, "0815", "", 0) is None, figure_value(False, "1", "", 30) is None
        (True, True)
    """
    n_whole = len(whole)
    if n_whole > 1 and whole[0] == "0":
        return None
    n_frac = len(frac)
    if power:
        # Within the limit a figure has at most MAX_INTEGER_DIGITS + MAX_FRACTION_DIGITS
        # digits whatever the power: fewer than MAX_DIGITS, which needs no test of its own.
        if n_whole + power > MAX_INTEGER_DIGITS or n_frac - power > MAX_FRACTION_DIGITS:
            return None
        short = power - n_frac  # the zeros after the fraction's digits, at most the limit's
        if short >= 0:
            text = whole + frac + _ZEROS[short]
        else:
            text = f"{whole}{frac[:power]}.{frac[power:]}"
    else:
        if power is None:
            if n_whole + n_frac > MAX_DIGITS:
                return None
        elif n_whole > MAX_INTEGER_DIGITS or n_frac > MAX_FRACTION_DIGITS:
            return None
        text = f"{whole}.{frac}" if frac else whole
    value = Decimal(text)
    return value.copy_negate() if negative else value  # exact, unlike unary -


def is_code(lx: Lexicon, word: str) -> bool:
    """An ISO 4217 code the locale reads, written as one: three capitals ("USD", not "Usd")."""
    return len(word) == 3 and word.isupper() and word in lx.codes


def names_currency(lx: Lexicon, token: str) -> bool:
    """A token that names a currency by itself: a symbol ("$", "Fr.") or an ISO code."""
    return token in lx.symbols or is_code(lx, token)


_BEFORE_NAME = frozenset(SPACE_CHARS + "\r\n")
_NAME_HYPHENS = frozenset(NAME_HYPHENS)


def heads_compound(text: str, start: int, end: int) -> bool:
    """The currency name at ``start:end``, after a space, heads a compound: "8 Euro-Münzen".

    The figure before it counts the compound's things (eight euro coins), it is no sum;
    glued to the figure ("5-Euro-Schein") or written as a sign ("200 €-Scheine") it is the
    value.
    """
    return (
        end + 1 < len(text)
        and text[end] in _NAME_HYPHENS
        and text[end + 1].isalpha()
        and text[start].isalpha()
        and start > 0
        and text[start - 1] in _BEFORE_NAME
    )


def cents_may_follow(unit: str | None, written: str, scaled: bool) -> bool:
    """Whether cents may follow a sum's ``unit``: "zwei Euro fünfzig", "13 Euro und 45 Cent".

    ``written`` is the unit as written after the figure (its first character suffices),
    ``scaled`` whether a scale word stands before it. Cents follow only a currency written
    with a letter ("Euro", "CHF"; after a sign "5 € 50" is no price), never a percent or a
    scale word ("zwei Millionen Euro zwei Millionen Euro" is two amounts). The grammar reads
    cents only where this holds; the extractor's shapes leave a number word after a unit to
    the grammar only where it holds.

    Examples:
        >>> cents_may_follow("EUR", "Euro", False), cents_may_follow("EUR", "€", False)
        (True, False)
        >>> cents_may_follow("EUR", "Euro", True), cents_may_follow("%", "Prozent", False)
        (False, False)
    """
    return unit is not None and unit != PERCENT and not scaled and written[:1].isalpha()


def continues_figure(lx: Lexicon, text: str, t: int, depth: int = 3) -> bool:
    """Digits at ``t`` are only the rest of a figure that starts before them.

    True after a digit and a separator that joins digits ("1٫5", "10^9999", "1.5" in German),
    after any other kind of digit ("١5"), after a digit and a no-break, thin or zero-width
    space, and after a digit and a plain space (or a run of spaces: "94  200") where either
    side could be a group of a grouped figure (a block of exactly three digits after it, or
    one to three digits before it): "432" in "98 765 432", "567" in "1234 567", "34" in "12
    34". Such a figure is read whole from its start or not at all; "45" in "im Jahr 2019 45
    Mio. Euro" is a figure of its own. ``depth``: how many runs before it looks back over at
    most (one function, not a wrapper and a helper: the extractor asks at every figure).
    """
    if t == 0:
        return False
    b = text[t - 1]
    if b.isdigit():
        return True
    if b in lx.joiners:
        return t >= 2 and text[t - 2].isdigit()
    if b not in lx.group_spaces:
        return False
    s = t - 1  # the start of the run of spaces ("94  200": two, or mixed ones)
    while s > 0 and text[s - 1] in lx.group_spaces:
        s -= 1
    if s == 0 or not text[s - 1].isdigit():
        return False
    if b != " " and s == t - 1:
        return True  # one no-break, thin or zero-width space
    k = s - 1  # is the digit run before the spaces one to three digits long?
    while k >= 0 and text[k] in DIGITS:
        k -= 1
    if s - 1 - k <= 3 and (k < 0 or not text[k].isdigit()):
        return True
    # A longer run is a figure of its own ("2019 45"), unless it continues one itself.
    return depth == 0 or continues_figure(lx, text, k + 1, depth - 1)


#: The most digits a "-stellig" adjective may name ("dreißigstellig").
STELLIG_MAX = 30


def count_word(lx: Lexicon, word: str, most: int) -> int | None:
    """The whole number from 1 to ``most`` that a lower-case number word names, else None."""
    value = lx.cardinal(word) if word else None
    if value is None or value != value.to_integral_value() or not 1 <= value <= most:
        return None
    return int(value)


def is_stellig(word: str) -> bool:
    """A "-stellig" adjective ("zweistellige", "9-stelligen"), whatever its digit count."""
    return word.lower().endswith(STELLIG_ENDINGS)


def stellig_count(lx: Lexicon, word: str) -> int | None:
    """How many digits a "-stellig" adjective names ("zweistellige": 2), else None.

    Memoised per locale by the word (``lx.stellig_counts``, bounded in bytes).
    """
    found = lx.stellig_counts.get(word, _NOT_SEEN)
    if found is _NOT_SEEN:
        found = _stellig_count(lx, word)
        lx.stellig_counts.put(word, found)
    return found  # type: ignore[no-any-return]


#: What a memo lookup gives for a key it has not seen (None is a value the memos keep).
_NOT_SEEN: Any = object()


def _stellig_count(lx: Lexicon, word: str) -> int | None:
    """`stellig_count`, unmemoised."""
    # The word ends with one of STELLIG_ENDINGS exactly when what follows its last "stellig"
    # is one of their inflections: one C-level search instead of a test per ending.
    head, stem, inflection = word.lower().rpartition(_STELLIG)
    if not stem or inflection not in _STELLIG_INFLECTIONS:
        return None
    return count_word(lx, head, STELLIG_MAX)


_STELLIG = "stellig"
assert all(e.startswith(_STELLIG) for e in STELLIG_ENDINGS)
_STELLIG_INFLECTIONS = frozenset(e[len(_STELLIG) :] for e in STELLIG_ENDINGS)


def stellig_noun(lx: Lexicon, noun: str) -> tuple[int, str | None] | None:
    """What the noun after a "-stellig" adjective says: (the power of its scale, its unit).

    "Millionenbetrag" (6, None), "Euro-Summe" (0, "EUR"), "Prozentbereich" (0, "%"); any
    other noun counts the figure itself ("ein sechsstelliges Investment": 0, None). None for
    no noun (a lower-case word) or two units. Memoised per locale by the noun as written
    (``lx.stellig_nouns``, bounded in bytes).
    """
    found = lx.stellig_nouns.get(noun, _NOT_SEEN)
    if found is _NOT_SEEN:
        found = _stellig_noun(lx, noun)
        lx.stellig_nouns.put(noun, found)
    return found  # type: ignore[no-any-return]


def _stellig_noun(lx: Lexicon, noun: str) -> tuple[int, str | None] | None:
    """`stellig_noun`, unmemoised."""
    if lx.vague_noun is None:
        return None
    parts = lx.vague_noun.fullmatch(noun.lower())
    if parts is None or (parts.group("rest") is not None and not noun[:1].isupper()):
        return None
    scale = parts.group("scale")
    power = 0
    unit: str | None = None
    if scale == "prozent":
        unit = PERCENT
    elif scale:
        power = VAGUE_SCALE_POWERS[scale]
    cur = parts.group("cur1") or parts.group("cur2")
    if cur:
        if unit is not None:
            return None
        unit = lx.currency_words[cur]
    return power, unit


def scale_power(lx: Lexicon, word: str, dotted: bool, after: str) -> int | None:
    """The power of ten a scale word names ("Mio." 6, "Milliarden" 9, "bn" 9), or None.

    ``dotted``: the word is written with a dot after it ("Mio."), ``after`` is the character
    after the word (and its dot). "Bio" without a dot before a hyphen is not a scale word
    ("5 Bio-Läden"); an English-looking word in German text ("billion" in lower case, where
    German "Billion" is 10¹²) is not read at all.
    """
    if word in lx.foreign_scales:
        return None
    low = word.lower()
    if dotted:
        low += "."
    elif after == "-" and low == "bio":
        return None
    return lx.scale_powers.get(low)


def _after_noun(lx: Lexicon, text: str, i: int) -> bool:
    """A noun of the locale's ``of_nouns`` and white space right before ``i``.

    "Finanzierung über": the hedge word is a preposition ("of") there.
    """
    j = i
    while j > 0 and text[j - 1] in SPACE_CHARS:
        j -= 1
    if j == i or j == 0 or not text[j - 1].isalpha():
        return False
    k = j
    while k > 0 and text[k - 1].isalpha():
        k -= 1
    return text[k].isupper() and text[k:j].lower().endswith(lx.of_nouns)


# -- parts, scale words and number words ------------------------------------------------------

_SPACE_START = frozenset(SPACE_CHARS + "\r\n")
_SP = re.compile(f"[{SPACE_CHARS}]*+(?:\r?\n[{SPACE_CHARS}]*+)?")
_WORD = re.compile(r"[^\W\d_]++")


def space_end(text: str, i: int) -> int:
    """The position after the white space at ``i`` (never more than one line break)."""
    c = text[i : i + 1]
    if c == " " and text[i + 1 : i + 2] not in _SPACE_START:
        return i + 1  # the common case, one plain space (or at the end): told without a regex
    if not c or c not in _SPACE_START:
        return i
    m = _SP.match(text, i)
    assert m is not None
    return m.end()


def next_part(text: str, i: int) -> tuple[int, str]:
    """Where the next part of an expression starts, and how: "space", "hyphen", "glued", "end".

    After white space, after a hyphen before a letter ("Drei-Milliarden"), or glued.
    """
    if i >= len(text):
        return i, "end"
    c = text[i]
    if c in _SPACE_START:
        j = space_end(text, i)
        return (j, "space") if j > i else (i, "end")
    if c == "-" and i + 1 < len(text) and text[i + 1].isalpha():
        return i + 1, "hyphen"
    return i, "glued"


def scale_at(lx: Lexicon, text: str, i: int, *, glued: bool) -> tuple[int, int, str | None] | None:
    """A scale after a number at ``i``: (power of ten, end, the currency it implies or None).

    A scale word ("Mio.", "Milliarden"; see `scale_power`), a letter ("5bn", and "400 k" where
    the locale spaces them), a thousand of a currency ("20 T€", "5 TEUR") or a subunit ("20
    Cent" = 0.20 EUR, never glued). Glued to the number only where ``glued``. An English
    "billion" in German text is none (the grammar says why).
    """
    j, kind = next_part(text, i)
    if kind == "end" or (kind == "glued" and not glued):
        return None
    n = len(text)
    if lx.thousands_of and text[j : j + 1] == "T":
        sign = text[j + 1 : j + 2]
        if sign in ("€", "$") and (j + 2 >= n or not text[j + 2].isalnum()):
            return 3, j + 2, lx.thousands_of["t" + sign]  # "20 T€"
    m = _WORD.match(text, j)
    if m is None:
        return None
    written = m.group()
    e = m.end()
    if e < n and text[e] == ".":
        power = scale_power(lx, written, True, "")
        if power is not None:
            return power, e + 1, None
    power = scale_power(lx, written, False, text[e : e + 1])
    if power is not None:
        return power, e, None
    if written in lx.foreign_scales:
        return None
    w = written.lower()
    if kind == "glued" or (lx.spaced_letters and kind == "space"):  # "$5bn"; "400 k €"
        value = lx.glued_scales.get(w)
        if value is not None:
            return value.adjusted(), e, None
    code = lx.thousands_of.get(w)
    if code is not None:
        return 3, e, code
    sub = lx.subunit_scales.get(w)
    if sub is not None and kind != "glued":
        return sub[1], e, sub[0]  # "20 Cent" = 0.20 EUR, "5-Rappen-Stück" = 0.05 CHF
    return None


#: Where `shift` computes: wide enough for every figure the engine reads (at most MAX_DIGITS
#: digits, exponents far beyond the model's limit), and any rounding raises.
_SHIFT = Context(
    prec=10 * MAX_DIGITS,
    Emax=10**6,
    Emin=-(10**6),
    traps=[Clamped, Inexact, InvalidOperation, Overflow, Rounded, Underflow],
)


#: ``a + b`` exactly, whatever the caller's context (any rounding raises): what
#: `number_words` sums its chunks with, so that it reads the same in any context.
_add = _SHIFT.add


def shift(value: Decimal, power: int) -> Decimal:
    """``value × 10**power`` exactly, whatever the caller's context ("2" → "2E+6").

    The same digits with the exponent moved; a result that would round raises.
    """
    return value.scaleb(power, _SHIFT) if power else value


def plain(value: Decimal) -> Decimal:
    """The same number written without an exponent ("1.5E+9" → "1500000000")."""
    return Decimal(format(value, "f"))


def numeral_kind(lx: Lexicon, w: str) -> str:
    """Which table reads the numeral that starts with the lower-case word ``w``.

    In this order: "stellig" ("zweistellige"), "vague_lead" ("mehrere"), "count" ("zig"),
    "article", "few" ("paar"), "position" ("mittleren"), "half" ("halbe"), "many", "few_times"
    (after a "many" word); else "words", number words chunked by `number_words`. The
    tables' words and kinds are the lexicon's ``numeral_kinds``.
    """
    if w.endswith(lx.stellig_endings):
        return "stellig"
    return lx.numeral_kinds.get(w, "words")


def decimal_words(lx: Lexicon, text: str, value: Decimal, k: int) -> tuple[Decimal, int]:
    """Digits spelled out after a whole number word that ends at ``k``: "drei Komma fünf".

    (the value, where it ends); ``value`` and ``k`` unchanged where no such digits follow.
    """
    j = space_end(text, k)
    word = lx.decimal_word
    if j == k or text[j : j + len(word)].lower() != word:
        return value, k  # the common case, told without a regex
    m = _WORD.match(text, j)
    if m is None or m.group().lower() != word:
        return value, k
    if value != value.to_integral_value():
        return value, k
    digits = ""
    pos = m.end()
    while len(digits) < MAX_DIGITS:
        j = space_end(text, pos)
        m2 = _WORD.match(text, j)
        if m2 is None or j == pos:
            break
        d = lx.cardinal(m2.group().lower())
        if d is None or d != d.to_integral_value() or m2.group().lower() in lx.articles:
            break
        if d > 9:
            if digits:
                break
            digits = str(int(d))
            pos = m2.end()
            break
        digits += str(int(d))
        pos = m2.end()
    if not digits:
        return value, k
    return Decimal(f"{int(value)}.{digits}"), pos


class Words(NamedTuple):
    """A run of number words as `number_words` read it."""

    #: The number (summed exactly, whatever the caller's context).
    value: Decimal
    #: Where the run ends.
    end: int
    #: The power of ten of its last scale word, None for none.
    power: int | None
    #: The value of a single whole number word without a scale ("zwölf"), else None.
    word_int: int | None
    #: How many chunks (a number word with its scale word, or a last one without) it has.
    chunks: int


def number_words(
    lx: Lexicon,
    text: str,
    i: int,
    chunk: re.Pattern[str] | None = None,
    first: re.Match[str] | None = None,
) -> Words | None:
    """Number words at ``i``, chunked by decreasing scale; None if none is there.

    Each chunk is a group of number words below a million (or an article for one; digits
    spelled out after "Komma"/"point") and a scale word with a smaller power than the chunk
    before: "zwei Millionen dreihunderttausend", "eine Milliarde zwei Millionen", "three
    hundred and fifty million". A last chunk without a scale word is a whole number below
    the scale before it ("zwei Millionen eintausendeinhundert"); an article never ends a
    run. At most eight chunks. What a group is depends on the language (`GROUP_READERS`: a
    German compound is one word, an English group several); the chunking is this one rule.

    ``chunk``: the locale's regex of one chunk in running text (the extractor's
    ``word_chunk``: a number word, one space and a scale word, and the unit after it if
    there is one), where the caller has it; a chunk it matches is read from the match's
    number word and scale word (`_group_scale`), the same reading in one regex call.
    ``first``: its match at ``i``, where the caller has made it already.

    Examples:
        >>> from aieco.amounts._lexicon import lexicon
        >>> number_words(lexicon("de_DE"), "zwei Millionen dreihunderttausend Euro", 0)
        Words(value=Decimal('2300000'), end=33, power=6, word_int=None, chunks=2)
    """
    return _chunks(lx, text, i, Decimal(0), None, -1, 0, chunk, first)


_ONE = Decimal(1)

#: A group of number words at a position: (its value, where it ends, whether it is an article
#: standing for one), or None where no number word is there.
GroupReader = Callable[["Lexicon", str, int], "tuple[Decimal, int, bool] | None"]


def word_group(lx: Lexicon, text: str, i: int) -> tuple[Decimal, int, bool] | None:
    """One number word as a group: a German compound ("dreihunderttausend") or an article."""
    m = _WORD.match(text, i)
    if m is None:
        return None
    w = m.group().lower()
    if w in lx.articles:
        return _ONE, m.end(), True
    value = lx.cardinal(w)
    return None if value is None else (value, m.end(), False)


def spaced_group(lx: Lexicon, text: str, i: int) -> tuple[Decimal, int, bool] | None:
    """English number words below a thousand: "three hundred and fifty", "twenty-one", "a"."""
    m = _WORD.match(text, i)
    if m is None:
        return None
    w = m.group().lower()
    k = m.end()
    if w in EN_TEENS:
        return Decimal(EN_TEENS[w]), k, False
    if w in EN_TENS:
        below = _en_below_100(text, m)
        assert below is not None
        return Decimal(below[0]), below[1], False
    if w == "hundred":
        value = 100
    elif w in EN_UNITS or w in lx.articles:
        value = EN_UNITS.get(w, 1)
        j = space_end(text, k)
        m2 = _WORD.match(text, j)
        if w == "zero" or m2 is None or j == k or m2.group().lower() != "hundred":
            return Decimal(value), k, w in lx.articles
        value *= 100
        k = m2.end()
    else:
        return None
    j = space_end(text, k)
    m3 = _WORD.match(text, j)
    if m3 is not None and j > k and m3.group().lower() in lx.chunk_joiners:
        j = space_end(text, m3.end())
        m3 = _WORD.match(text, j) if j > m3.end() else None
    if m3 is not None and j > k:
        rest = _en_below_100(text, m3)
        if rest is not None:
            return Decimal(value + rest[0]), rest[1], False
    return Decimal(value), k, False


def _en_below_100(text: str, m: re.Match[str]) -> tuple[int, int] | None:
    """An English number below a hundred in one or two words ("twenty-one"), and its end."""
    w = m.group().lower()
    k = m.end()
    if w in EN_TEENS:
        return EN_TEENS[w], k
    if w in EN_UNITS:
        return EN_UNITS[w], k
    if w in EN_TENS:
        if k + 1 < len(text) and text[k] in " -":
            m2 = _WORD.match(text, k + 1)
            if m2 is not None and m2.group().lower() in EN_UNITS:
                unit = EN_UNITS[m2.group().lower()]
                if unit:
                    return EN_TENS[w] + unit, m2.end()
        return EN_TENS[w], k
    return None


#: How each language groups its number words (the lexicon's ``language``).
GROUP_READERS: dict[str, GroupReader] = {"de": word_group, "en": spaced_group}


def joined_apart(lx: Lexicon, first: str, second: str) -> bool:
    """Two number words, written apart, that are one number: "zwei hundert", "elf hundert".

    Written together they are a number word of the locale ("zweihundert") that is not the
    second one alone ("ein hundert" is one hundred either way). A reading that starts at the
    second one, or ends with the first, reads part of a figure: "zwei hundert Euro" is not
    100 EUR (`part_of_figure`).

    Examples:
        >>> from aieco.amounts._lexicon import lexicon
        >>> de = lexicon("de_DE")
        >>> joined_apart(de, "zwei", "hundert"), joined_apart(de, "Neunzehn", "Hundert")
        (True, True)
        >>> joined_apart(de, "ein", "hundert"), joined_apart(de, "drei", "zwanzig")
        (False, False)
    """
    return _joined(lx.cardinal, first.lower(), second.lower())


def _joined(cardinal: Callable[[str], Decimal | None], first: str, second: str) -> bool:
    """`joined_apart` of two lower-case words, given the locale's ``cardinal``."""
    whole = cardinal(first + second)
    return whole is not None and whole != cardinal(second)


def apart_ends(
    cardinal: Callable[[str], Decimal | None], words: Iterable[str]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Where two words may be `joined_apart`: (heads, tails), for `part_of_figure`'s gate.

    Derived from a language's number ``words`` (lower case) and ``cardinal``: a pair of
    them that `_joined` holds for ("drei"+"hundert", "hundert"+"drei"), a word of them cut
    in two whose second part is one of them ("drei"+"zehn", "sech"+"zehn", "zwo"+"elf"),
    and three of them ("zwei"+"ein"+"halb": "zwei einhalb"; "drei"+"und"+"zwanzig":
    "dreiund zwanzig", "drei undzwanzig"). Each such pair (the end of the first half, the
    start of the second) is covered by a tail or a head, the one that covers most pairs
    first, a head unless a tail covers more than twice as many ("hundert" and "tausend" as
    tails: any number word may follow them; "zehn", not "drei", for "drei"+"zehn": runs of
    number words often end with "drei", and the gate is asked at every reading). Where the
    first half ends with no tail and the second starts with no head, the two are no
    number written apart that these words make up; a second half that is none of them nor
    starts with one ("zw ei", "drei viertel": "Viertel" is no number word) is not looked at.

    Each language's table (`_lexicon.Words`) holds the result, derived here (a test checks
    that they agree).

    Examples:
        >>> from aieco.amounts._lexicon import GERMAN_WORDS as de
        >>> heads, tails = apart_ends(de.cardinal, [*de.number_words, *de.half_words])
        >>> heads
        ('ein', 'elf', 'halb', 'hundert', 'tausend', 'und', 'zehn', 'zig')
        >>> tails
        ('hundert', 'tausend', 'und')
    """
    vocab = sorted(set(words))
    numbers = [w for w in vocab if cardinal(w) is not None]
    links = [w for w in vocab if cardinal(w) is None]
    pairs: set[tuple[str, str]] = set()
    for a in vocab:
        for b in vocab:
            if _joined(cardinal, a, b):
                pairs.add((a, b))
        for i in range(1, len(a)):
            head, rest = a[:i], a[i:]
            if rest in vocab and _joined(cardinal, head, rest):
                pairs.add((head, rest))
    # Three words: a number word before two that are one ("zwei"+"ein"+"halb"), or two
    # around a word that links them ("drei"+"und"+"zwanzig").
    twos = {(a, b) for a, b in pairs if a in vocab and b in vocab}
    twos.update((link, b) for link in links for b in numbers)
    for m, b in sorted(twos):
        for a in numbers:
            if cardinal(a + m + b) is not None:
                if _joined(cardinal, a, m + b):
                    pairs.add((a, m))
                if _joined(cardinal, a + m, b):
                    pairs.add((m, b))
    heads: set[str] = set()
    tails: set[str] = set()
    while pairs:
        by_tail: dict[str, int] = {}
        by_head: dict[str, int] = {}
        for a, b in pairs:
            by_tail[a] = by_tail.get(a, 0) + 1
            by_head[b] = by_head.get(b, 0) + 1
        tail = max(sorted(by_tail), key=by_tail.__getitem__)
        head = max(sorted(by_head), key=by_head.__getitem__)
        if by_tail[tail] > 2 * by_head[head]:
            tails.add(tail)
            pairs = {p for p in pairs if p[0] != tail}
        else:
            heads.add(head)
            pairs = {p for p in pairs if p[1] != head}
    return tuple(sorted(heads)), tuple(sorted(tails))


def apart_keys(
    words: Iterable[str], heads: tuple[str, ...], tails: tuple[str, ...]
) -> frozenset[str]:
    """`part_of_figure`'s gate: the last two letters before the space and the two after.

    From `apart_ends`' ``heads`` and ``tails`` and the number ``words`` they came from: a
    first half that ends with a tail, before a second half that starts with one of the
    words or a head; or a first half that ends with one of the words or a part of one
    (any two letters of them), before a second half that starts with a head. No other
    pair is `joined_apart` (`apart_ends`): "ro"+"un" ("Euro und") is no key.

    Examples:
        >>> sorted(apart_keys(["drei", "hundert"], ("hundert",), ()))
        ['dehu', 'drhu', 'eihu', 'erhu', 'huhu', 'ndhu', 'rehu', 'rthu', 'unhu']
    """
    vocab = set(words)
    ends = {w[i : i + 2] for w in vocab for i in range(len(w) - 1)}
    starts = {w[:2] for w in (*vocab, *heads)}
    return frozenset(
        {end + head[:2] for end in ends for head in heads}
        | {tail[-2:] + start for tail in tails for start in starts}
    )


def part_of_figure(lx: Lexicon, text: str, start: int, end: int, after: int = -2) -> bool:
    """A reading from ``start`` to ``end`` is part of a figure whose words stand apart.

    Its first word and the word before it, or its last word and the word after it (only
    white space between), are `joined_apart`: "hundert Euro" in "zwei hundert Euro", "zwei
    Millionen drei" in "zwei Millionen drei hundert Euro". Not where the first of the two
    is a scale word: after "zwei Millionen drei Tausend" a number word starts a new number
    (`number_words`' chunks), whatever "tausendzwei" would be. Asked of every reading the
    extractor accepts; where it holds, nothing is read from the figure (a figure whole or
    not at all). ``after``: where the reading accepted before it ends; one white space
    character after that, the word before this reading was asked already (as the word
    after that one).

    Only a pair whose second half starts with one of ``lx.apart_heads`` or whose first ends
    with one of ``lx.apart_tails`` (`apart_ends`) is asked further: at every reading, the
    gate looks up the last two letters of the first and the first two of the second in
    ``lx.apart_keys`` ("ei"+"hu" of "drei hundert"; one set look-up); `scan` asks at all
    only in a text that holds a head or a tail, a fraction's noun or an invisible character
    (`apart_possible`). Before any rule, two regexes built from the same words tell in C
    whether one of them may hold (`_apart_gates`); at most readings none may.

    Two more cases are asked first (a few character tests where neither holds): the
    reading ends with a number before a fraction's noun, written apart ("drei"
    of "drei viertel Millionen", "two" of "two thirds"; ``lx.fraction_nouns``), or starts
    with an article after one ("einer Million Euro" of "drei Viertel einer Million Euro",
    "a million dollars" of "a quarter of a million dollars"); or an invisible character
    (`_lexicon.INVISIBLE_JOINERS`, a soft hyphen) joins its figure to digits or a separator
    on the page ("250" and ",50 Euro" of "250", a soft hyphen and ",50 Euro", which shows
    "250,50 Euro"; `_cut_by_invisible`).

    Examples:
        >>> from aieco.amounts._lexicon import lexicon
        >>> de = lexicon("de_DE")
        >>> text = "zwei Millionen drei hundert Euro"
        >>> part_of_figure(de, text, 0, 19), part_of_figure(de, text, 20, 32)
        (True, True)
        >>> part_of_figure(de, "zwei Millionen Euro", 0, 19)
        False
        >>> part_of_figure(de, "drei viertel Millionen", 0, 4)
        True
    """
    at_end, at_start = _apart_gates(lx)
    if at_end.match(text, end) is None and at_start.match(text, start) is None:
        return False  # the common case, told in C (`_apart_gates`)
    return _apart_rules(lx, text, start, end, after)


def _apart_rules(lx: Lexicon, text: str, start: int, end: int, after: int) -> bool:
    """`part_of_figure`'s rules, asked where its gates (`_apart_gates`) let them."""
    if _cut_by_invisible(lx, text, start, end) or _fraction_apart(lx, text, start, end):
        return True
    if _half_apart(lx, text, start, end) or _number_beside(lx, text, start, end):
        return True
    keys = lx.apart_keys  # the gate: the two letters on each side of one space
    if (
        text[end - 1].isalpha()
        and ((c := text[end : end + 1]).isspace() or c in _INVISIBLE)
        and (
            (text[end - 2 : end] + text[end + 1 : end + 3]).lower() in keys
            or (c := text[end + 1 : end + 2]).isspace()
            or c in _INVISIBLE
        )
        and _apart_after(lx, text, start, end)
    ):
        return True
    return (
        start != after + 1
        and start > 1
        and text[start].isalpha()
        and ((c := text[start - 1]).isspace() or c in _INVISIBLE)
        and (
            (text[start - 3 : start - 1] + text[start : start + 2]).lower() in keys
            or (c := text[start - 2]).isspace()
            or c in _INVISIBLE
        )
        and _apart_before(lx, text, start, end)
    )


def _class(chars: Iterable[str]) -> str:
    """A regex character class of ``chars`` (each escaped)."""
    return "[" + "".join(re.escape(c) for c in sorted(set(chars))) + "]"


def _either(words: Iterable[str]) -> str:
    """A case-blind alternation of ``words``, longest first."""
    return "(?i:" + "|".join(sorted(map(re.escape, set(words)), key=len, reverse=True)) + ")"


def _key_branches(keys: Iterable[str], gap: str) -> str:
    """``lx.apart_keys`` as regex branches at the first letter after a gap.

    Each branch matches a key's last two letters and looks back over them and the gap at
    its first two: the pair of letters around one gap character is a key (none where
    there are no keys).
    """
    lefts: dict[str, set[str]] = {}
    for key in keys:
        lefts.setdefault(key[2:], set()).add(key[:2])
    if not lefts:
        return "(?!)"  # no keys: nothing matches
    branches = "|".join(
        f"{_either([right])}(?<={_either(firsts)}{gap}{_either([right])})"
        for right, firsts in sorted(lefts.items())
    )
    # First one test of the two letters after the gap (most letters start no key's half).
    guard = f"(?i:{_class(r[0] for r in lefts)}{_class(r[1] for r in lefts)})"
    return f"(?={guard})(?:{branches})"


@functools.cache
def _apart_gates(lx: Lexicon) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """`part_of_figure`'s first tests as two regexes, built from the lexicon's words.

    The first is matched at the reading's end, the second at its start; where neither
    matches, none of the rules can hold. Each branch is what one rule needs first (as a
    superset): `_cut_by_invisible`'s digit and joiner; `_fraction_apart`'s gap and the
    first letters of a fraction's noun (``lx.fraction_starts``), or an article after a
    gap; `_half_apart`'s conjunction and half (its own pattern), or an article or a half
    after a gap; `_number_beside`'s digit or vulgar fraction after one space or hyphen, or
    a decimal word (``lx.decimal_marks``) after or before one space; the letters around
    one gap that are a key of ``lx.apart_keys``, or two gap characters. So a reading is
    decided by two regex matches in C where nothing beside it may join it, as at most of
    them; a hypothesis test checks that no rule holds where neither gate matches.
    """
    inv = _class(_INVISIBLE)[1:-1]
    gap = f"[\\s{inv}]"
    joiners = _class((*_INVISIBLE, *lx.joiners))
    vulgar = _class(_VULGAR)[1:-1]
    marks = _either(lx.decimal_marks)
    marks_before = "|".join(f"(?<={_either([w])} )" for w in lx.decimal_marks)
    keys = _key_branches(lx.apart_keys, gap)
    hyphens = "".join(map(re.escape, sorted(_NAME_HYPHENS)))
    at_end = (
        f"(?<=[0-9]){joiners}"  # _cut_by_invisible
        "|(?<=[^\\W_])(?:"
        f" (?:[0-9{vulgar}]|{marks})|[{vulgar}]|-[0-9{vulgar}]|(?! )\\s"  # _number_beside
        f"|[\\s{inv}{hyphens}](?:{gap}|{_either(lx.fraction_starts)})"  # _fraction_apart
        f"|{_half_patterns(lx)[1].pattern}"  # _half_apart
        f"|(?<=[^\\W\\d_]){gap}(?:{gap}|{keys})"  # the keys after it
        ")"
    )
    at_start = (
        f"(?<={joiners})[0-9{_class(lx.joiners)[1:-1]}]"  # _cut_by_invisible
        f"|(?<={gap})(?:(?:{marks_before}|(?<=[{inv}]|[^\\S ]))[^\\W_]"  # _number_beside
        f"|{_either((*lx.articles, *lx.half_words))}"  # _fraction_apart, _half_apart
        f"|(?<={gap}{gap})[^\\W\\d_]|{keys})"  # the keys before it
    )
    return re.compile(at_end), re.compile(at_start)


def _cut_by_invisible(lx: Lexicon, text: str, start: int, end: int) -> bool:
    """An invisible character joins the reading's figure to digits or a separator.

    On the page the character does not show: "250", a soft hyphen and ",50 Euro" read
    "250,50 Euro", of which "250" or ",50 Euro" is a part. The reading ends with a digit
    before a run of separators (``lx.joiners``) and invisible characters that holds one, or
    it starts with a digit or a separator after such a run after a digit. Where grouping
    is valid ("250", a soft hyphen, "000 Euro": `_lexicon._SPACE_GROUPS`), the reading
    holds the character.
    """
    c = text[end : end + 1]
    if c and (c in _INVISIBLE or c in lx.joiners) and text[end - 1] in DIGITS:
        k = end
        while k < len(text) and (text[k] in _INVISIBLE or text[k] in lx.joiners):
            if text[k] in _INVISIBLE:
                return True
            k += 1
    c = text[start - 1] if start else ""
    if (
        (c in _INVISIBLE or c in lx.joiners)
        and c
        and (text[start] in DIGITS or text[start] in lx.joiners)
    ):
        k, seen = start, False
        while k > 0 and (text[k - 1] in _INVISIBLE or text[k - 1] in lx.joiners):
            seen = seen or text[k - 1] in _INVISIBLE
            k -= 1
        return seen and k > 0 and text[k - 1] in DIGITS
    return False


def _fraction_apart(lx: Lexicon, text: str, start: int, end: int) -> bool:
    """The reading is the numerator or the whole of a fraction written apart.

    "drei viertel Millionen Euro" is ¾ million, "zwei Drittel" ⅔: "drei" and "zwei" are
    numerators, no numbers of their own; "drei Viertel einer Million Euro" and "a quarter
    of a million dollars" are no million (``lx.fraction_nouns``, ``lx.count_of``;
    "dreiviertel" written together is a number word the readers read). A half word after a
    number is `_half_apart`'s: "12 half-day sessions" is read. A hyphen joins the two as
    white space does ("two-thirds of a million dollars", "die Zwei-Drittel-Mehrheit").
    """
    c = text[end : end + 1]
    if text[end - 1].isalnum() and (_gap(c) or c in _NAME_HYPHENS):
        nxt = text[end + 1 : end + 5].lower()
        if nxt in lx.fraction_starts or _gap(nxt[:1]):
            j = end + 1  # after the hyphen
            if c not in _NAME_HYPHENS:
                j = _SPACE_RUN.match(text, end).end()  # type: ignore[union-attr]
            noun = _WORD.match(text, j)
            low = "" if noun is None else noun.group().lower()
            if low in lx.fraction_nouns and low not in lx.half_words:
                a = end
                while a > start and text[a - 1].isalnum():
                    a -= 1
                if _is_number(lx, text[a:end]):
                    return True
    if start < 2 or text[start] not in lx.article_firsts or not _gap(text[start - 1]):
        return False
    first = _WORD.match(text, start, end)
    if first is None or first.group().lower() not in lx.articles:
        return False
    a, b = _before(text, start, str.isalpha)
    word = text[a:b].lower()
    if word == lx.count_of:
        a, b = _before(text, a, str.isalpha)
        word = text[a:b].lower()
    return word in lx.fraction_nouns


def _number_beside(lx: Lexicon, text: str, start: int, end: int) -> bool:
    """The reading's number and a number beside it are one figure: a fraction or decimals.

    "5 1/2 Millionen Euro", "5 ½ Millionen Euro" and "5-1/2" are five and a half, "2 Komma
    5 Millionen Euro" two and a half million: never "5" or "zwei" = 2 of "zwei 1/2 Millionen"
    with bare numbers, "5 Millionen Euro" or "fünf Millionen Euro" of "2 Komma fünf
    Millionen Euro". The reading ends with a number (digits, at most three, or a number
    word) before a fraction (a vulgar fraction, `_lexicon.VULGAR_FRACTIONS`, glued or after
    one space or hyphen; a fraction below one in digits after one, `_proper_fraction`), or
    before the locale's decimal word and a number; or it starts with a number after that
    word after a number.
    (Digits right after a digit and a slash are `continues_figure`'s: "2" of "1/2".)
    """
    c = text[end : end + 1]
    if c == " ":  # the common case: a letter after one space, no decimal word's first
        n = text[end + 1 : end + 2].lower()
        beside = n in DIGITS or n in _VULGAR or n in lx.decimal_firsts
    else:
        beside = c in _ONE_GAP or c in _VULGAR or c.isspace()
    if beside and text[end - 1].isalnum() and _number_ends(lx, text, start, end):
        j = end + (c in _ONE_GAP)
        if text[j : j + 1] in _VULGAR or _proper_fraction(text, j):
            return True
        if _decimal_word_at(lx, text, end, forward=True):
            return True
    if start < 2 or (text[start - 1] == " " and text[start - 2].lower() not in lx.decimal_lasts):
        return False  # the common case: no decimal word ends before the one space before it
    if not _gap(text[start - 1]) or not text[start].isalnum():
        return False
    return _decimal_word_at(lx, text, start, False)  # a decimal word before it?


def _number_ends(lx: Lexicon, text: str, start: int, end: int) -> bool:
    """The reading from ``start`` ends at ``end`` with a number (`_is_number`)."""
    a = end
    while a > start and text[a - 1].isalnum():
        a -= 1
    return _is_number(lx, text[a:end])


def _proper_fraction(text: str, j: int) -> bool:
    """A fraction below one at ``j``, in digits of at most three each: "1/2", "15/16".

    Not "24/7" nor "2022/23": no part of a number before them.
    """
    k = j
    while text[k : k + 1] in DIGITS:
        k += 1
    if not (0 < k - j <= 3 and text[k : k + 1] in _SLASHES):
        return False
    e = k + 1
    while text[e : e + 1] in DIGITS:
        e += 1
    return 0 < e - k - 1 <= 3 and int(text[j:k]) < int(text[k + 1 : e])


#: One character between a number and a fraction after it: "5 1/2", "5-1/2", "5 ½".
_ONE_GAP: Final = frozenset(" \u00a0\u202f-")
_SLASHES: Final = frozenset(FRACTION_SLASHES)
_VULGAR: Final = frozenset(VULGAR_FRACTIONS)


def _decimal_word_at(lx: Lexicon, text: str, i: int, forward: bool) -> bool:
    """A decimal word next to ``i``, a number beyond it.

    "Komma", "point", "Punkt" (``lx.decimal_marks``). Across white space; the number is
    digits or a number word. ``forward``: the word after ``i``, else the word before it.
    """
    if forward:
        j = space_end(text, i)
        m = _WORD.match(text, j)
        if j == i or m is None or m.group().lower() not in lx.decimal_marks:
            return False
        k = space_end(text, m.end())
        if k == m.end():
            return False
        m = _WORD.match(text, k)
        if text[k : k + 1] in DIGITS:
            return True
        return m is not None and lx.cardinal(m.group().lower()) is not None
    a, b = _before(text, i, str.isalpha)
    if b == i or text[a:b].lower() not in lx.decimal_marks:
        return False
    c, d = _before(text, a, str.isalnum)
    return d < a and c < d and _is_number(lx, text[c:d])


def count_before(
    lx: Lexicon, text: str, start: int, end: int, before: Reading | None = None
) -> int:
    """Where a number word starts that makes the reading from ``start`` to ``end`` unsure.

    "zwei drei Millionen Euro" is said for two to three million ("zwei, drei Millionen
    Euro", read as that range), and "zwei vier Millionen Euro teure Villen" for two villas
    at four million each: a number word right before an amount whose figure starts with
    a number word too and goes on with a scale word or a unit (white space only between;
    no article on either side: "ein drei Millionen Euro schweres Paket", "drei ein Tausend
    Euro") is a count or the first end of a range. Before digits it is a count ("zwei 5
    Mio. €"): a range of figures is written with a dash ("2–3 Mio. €"), a range said as two
    neighbours in words. Where one of ``lx.counting_adjectives`` follows the amount
    ("teure"), the word is a count and the amount is read, unless the two are neighbours
    ("zwei drei", `_neighbours`: a range said in words); otherwise nothing is (-1 where
    the reading is sure). Nor where the word ends a larger number read before it
    (``before``, the reading reported before this one; not a number word alone,
    `number_alone`): "zwei Euro fünfzig zwei Euro fünfzig", "zwei Millionen drei zwei
    Millionen drei".

    Examples:
        >>> from aieco.amounts._lexicon import lexicon
        >>> de = lexicon("de_DE")
        >>> count_before(de, "zwei drei Millionen Euro", 5, 24)
        0
        >>> count_before(de, "zwei vier Millionen Euro teure Villen", 5, 24)
        -1
        >>> count_before(de, "zwei drei Millionen Euro teure Villen", 5, 24)
        0
        >>> count_before(de, "für drei Millionen Euro", 4, 23)
        -1
    """
    b = start - 1  # where the word before ends (white space between; `_gap`, inline)
    while b > 0 and ((c := text[b]).isspace() or c in _INVISIBLE):
        b -= 1
    if b == start - 1 or b < 2 or text[b - 2 : b + 1].lower() not in lx.count_ends:
        return -1  # the common case: no number word ends there
    b += 1
    if before is not None and before.start < b <= before.end and not number_alone(lx, text, before):
        return -1  # it ends a larger number ("zwei Euro fünfzig")
    a = b
    while a > 0 and b - a < 40 and text[a - 1].isalpha():
        a -= 1
    word = text[a:b].lower()
    if (a and text[a - 1].isalnum()) or word in lx.articles or lx.cardinal(word) is None:
        return -1
    first = _WORD.match(text, start, end)
    if first is None or first.end() == end:
        return -1  # no number word, or no scale word or unit after it
    low = first.group().lower()
    if low in lx.articles or (low not in lx.half_words and lx.cardinal(low) is None):
        return -1
    j = end
    while j < len(text) and _gap(text[j]):
        j += 1
    after = _WORD.match(text, j) if j > end else None
    if (
        after is not None
        and after.group().lower() in lx.counting_adjectives
        and not _neighbours(lx.cardinal(word), lx.cardinal(low))
    ):
        return -1
    return a


def _neighbours(first: Decimal | None, second: Decimal | None) -> bool:
    """``second`` is the number counted next after ``first``: how a range is said in words.

    "zwei drei", "fünf zehn", "zwanzig dreißig" ("zwei, drei Millionen Euro" is two to three
    million): the next number, or the next five or ten after a multiple of five or ten. Such
    a pair before an amount stays unsure even with an adjective that counts ("zwei drei
    Millionen Euro teure Villen": two villas at three million, or villas at two to three
    million; `count_before`).

    Examples:
        >>> _neighbours(Decimal(2), Decimal(3)), _neighbours(Decimal(20), Decimal(30))
        (True, True)
        >>> _neighbours(Decimal(3), Decimal(20)), _neighbours(Decimal(4), Decimal(2))
        (False, False)
    """
    if first is None or second is None:
        return False
    step = second - first
    return step == 1 or (step in (5, 10) and first % step == 0)


def number_alone(lx: Lexicon, text: str, r: Reading) -> bool:
    """``r`` reads a number word alone, perhaps hedged ("zwei", "rund zwei"; no unit).

    Examples:
        >>> from decimal import Decimal
        >>> from aieco.amounts._lexicon import lexicon
        >>> from aieco.amounts._reading import point
        >>> de = lexicon("de_DE")
        >>> text = "rund zwei oder zwei Millionen drei"
        >>> two = point(0, 9, Decimal(2), None, None)
        >>> more = point(15, 34, Decimal(2000003), None, None)
        >>> number_alone(de, text, two), number_alone(de, text, more)
        (True, False)
    """
    if r.unit is not None or r.low != r.high:
        return False
    # Memoised by the reading's surface: `count_before` asks it of the reading before each
    # one that a number word ends ("zwei Millionen drei zwei Millionen drei ..."), and what it
    # says depends only on that surface and the value (equal values, equal answers).
    key = (lx.language, text[r.start : r.end])
    known = _ALONE.get(key)
    if known is not None and known[0] == r.low:
        return known[1]
    a = r.end
    while a > r.start and text[a - 1].isalpha():
        a -= 1
    alone = a < r.end and lx.cardinal(text[a : r.end].lower()) == r.low
    _ALONE.put(key, (r.low, alone))
    return alone


#: `number_alone`'s answers by the language and surface of a reading, with its value.
_ALONE: Memo[tuple[str, str], tuple[Decimal, bool]] = Memo()


def _half_apart(lx: Lexicon, text: str, start: int, end: int) -> bool:
    """A reading is part of a figure with a half in words apart from it.

    "half a million dollars" is no "a million dollars"; "two and a half million dollars",
    "zwei und eine halbe Million Euro" are neither "a half million dollars" nor "two" (the
    readers read none of them whole). The reading starts with an article (``lx.articles``)
    after a word for a half (``lx.half_words``); or it starts with a half, perhaps after an
    article, after a conjunction (``lx.conjunctions``) after a number; or it ends with a
    number before a conjunction and such a half. White space or `_INVISIBLE` between.

    Examples:
        >>> from aieco.amounts._lexicon import lexicon
        >>> en = lexicon("en_US")
        >>> text = "two and a half million dollars"
        >>> _half_apart(en, text, 0, 3), _half_apart(en, text, 8, 30)
        (True, True)
        >>> _half_apart(en, "half a million", 5, 14), _half_apart(en, "a million", 0, 9)
        (True, False)
    """
    head, after, firsts, _, _ = _half_patterns(lx)
    if text[start] in firsts and head.match(text, start, end):
        low = _WORD.match(text, start, end).group().lower()  # type: ignore[union-attr]
        a, b = _before(text, start, str.isalpha)
        word = text[a:b].lower()
        if low in lx.articles and word in lx.half_words:
            return True  # "half a million"
        if word in lx.conjunctions and _a_half(lx, text, start, end):
            p, q = _before(text, a, str.isalnum)
            return _is_number(lx, text[p:q])  # "two and a half million"
    c = text[end + 1 : end + 2]
    if not (text[end - 1].isalnum() and (c in firsts or _gap(c))) or not after.match(text, end):
        return False
    last = end
    while last > start and text[last - 1].isalnum():
        last -= 1
    return _is_number(lx, text[last:end])  # "two" and a half million


@functools.cache
def _half_patterns(
    lx: Lexicon,
) -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str], frozenset[str], frozenset[str]]:
    """`_half_apart`'s quick tests, per locale (from its lexicon's words).

    A reading's first word is an article or a half; after a reading, a conjunction and a
    half ("and a half", "und eine halbe"); the first letters of those words, in either
    case, asked before the patterns; and ``lx.apart_words`` with their first letters (for
    `_apart_from`).
    """
    gap = "[\\s" + "".join(sorted(_INVISIBLE)) + "]+"
    articles = "|".join(sorted(map(re.escape, lx.articles), key=len, reverse=True))
    halves = "|".join(sorted(map(re.escape, lx.half_words), key=len, reverse=True))
    joints = "|".join(sorted(map(re.escape, lx.conjunctions), key=len, reverse=True))
    end = "(?![^\\W\\d_])"
    head = re.compile(f"(?i:{articles}|{halves}){end}")
    after = re.compile(f"{gap}(?i:{joints}){gap}(?:(?i:{articles}){gap})?(?i:{halves}){end}")
    words = lx.articles | lx.half_words | lx.conjunctions
    firsts = frozenset(c for w in words for c in (w[0].lower(), w[0].upper()))
    joins = frozenset(lx.apart_words)
    return head, after, firsts, joins, frozenset(w[0] for w in joins)


def _before(text: str, i: int, kind: Callable[[str], bool]) -> tuple[int, int]:
    """The span of the word before ``i``; empty where there is none.

    White space or `_INVISIBLE` between; at most 40 characters of ``kind``.
    """
    b = i
    while b > 0 and _gap(text[b - 1]):
        b -= 1
    if b == i:
        return i, i
    a = b
    while a > 0 and b - a < 40 and kind(text[a - 1]):
        a -= 1
    return a, b


def _a_half(lx: Lexicon, text: str, i: int, limit: int) -> bool:
    """Whether a half starts at ``i``, perhaps after an article ("a half", "eine halbe")."""
    word = _WORD.match(text, i, limit)
    if word is None:
        return False
    low = word.group().lower()
    if low in lx.half_words:
        return True
    if low not in lx.articles:
        return False
    gap = _SPACE_RUN.match(text, word.end(), limit)
    half = None if gap is None else _WORD.match(text, gap.end(), limit)
    return half is not None and half.group().lower() in lx.half_words


def _is_number(lx: Lexicon, word: str) -> bool:
    """A small figure ("2"; not a year, "2023 und eine halbe Million") or a number word."""
    if word.isdigit():
        return len(word) <= 3
    return word.isalpha() and lx.cardinal(word.lower()) is not None


def apart_possible(lx: Lexicon, text: str) -> bool:
    """Whether `part_of_figure` may hold for a reading in ``text`` at all.

    Not where ``text`` holds none of ``lx.apart_heads`` and ``lx.apart_tails``, the half
    words, the nouns of a fraction and the decimal word (each as written in lower case,
    capitalised or in capitals), no invisible character, no fraction slash and no vulgar
    fraction (``lx.apart_gate``): a few C-level searches of the text, made once, where the
    test at each reading costs a call ("zwei Millionen zwei Millionen ..." has a reading
    every 15 characters).

    Examples:
        >>> from aieco.amounts._lexicon import lexicon
        >>> de = lexicon("de_DE")
        >>> apart_possible(de, "zwei Millionen drei"), apart_possible(de, "drei hundert")
        (False, True)
    """
    return any(word in text for word in lx.apart_gate)


#: `_lexicon.INVISIBLE_JOINERS` (`part_of_figure`): "drei\u00adhundert" is "dreihundert" on
#: the page, and each half alone is another number.
_INVISIBLE: Final = frozenset(INVISIBLE_JOINERS)
#: White space or such characters between two words (`part_of_figure`).
_SPACE_RUN = re.compile("[\\s" + "".join(sorted(_INVISIBLE)) + "]+")


def _gap(c: str) -> bool:
    """Whether ``c`` (one character or none) is white space or `_INVISIBLE`."""
    return c.isspace() or c in _INVISIBLE


def _apart_after(lx: Lexicon, text: str, start: int, end: int) -> bool:
    """The reading's last word (it ends at ``end``) and the word after it are apart."""
    if not (_gap(text[end : end + 1]) and text[end - 1].isalpha()):
        return False
    j = _SPACE_RUN.match(text, end).end()  # type: ignore[union-attr]
    second = _WORD.match(text, j)
    a = end - 1
    while a > start and text[a - 1].isalpha():
        a -= 1
    return second is not None and _apart_from(lx, text, text[a:end], second, len(text))


def _apart_before(lx: Lexicon, text: str, start: int, end: int) -> bool:
    """The word before the reading and its first word (at ``start``) are apart."""
    if not _gap(text[start - 1]):
        return False
    b = start - 1  # where the word before it ends
    while b > 0 and _gap(text[b - 1]):
        b -= 1
    a = b
    while a > 0 and text[a - 1].isalpha():
        a -= 1
    second = _WORD.match(text, start, end)
    return a < b and second is not None and _apart_from(lx, text, text[a:b], second, end)


def _apart_from(lx: Lexicon, text: str, first: str, second: re.Match[str], limit: int) -> bool:
    """`_apart` of ``first`` and the word ``second``, or of ``first`` and two words joined.

    The two: ``second`` and the word after it (white space between, before ``limit``), one
    of the words that may join apart (``lx.apart_words``: a half, "hundert", "tausend"),
    where together they are one number word: "zwei ein halb Millionen" is "zweieinhalb"
    written apart twice, and the readers take "ein halb" for 0.5 ("einhalb"); "vier hundert
    ein tausend Franken" is 401,000, not "ein tausend Franken".
    """
    if _apart(lx, first, second.group()):
        return True
    e = second.end()
    c = text[e + 1 : e + 2]
    _, _, _, joins, join_firsts = _half_patterns(lx)
    if not (_gap(text[e : e + 1]) and (c in join_firsts or _gap(c))):
        return False  # no such word after it: the common case, told by two characters
    gap = _SPACE_RUN.match(text, e, limit)
    third = None if gap is None else _WORD.match(text, gap.end(), limit)
    if third is None or third.group() not in joins:
        return False
    joined = second.group() + third.group()
    return lx.cardinal(joined.lower()) is not None and _apart(lx, first, joined)


def _apart(lx: Lexicon, first: str, second: str) -> bool:
    """Two words around white space are `joined_apart`, the first no scale word.

    Their letters next to the space must be a key of the gate (``lx.apart_keys``), else
    they are not.
    """
    low1 = first.lower()
    low2 = second.lower()
    return (
        low1[-2:] + low2[:2] in lx.apart_keys
        and scale_power(lx, first, False, " ") is None
        and _joined(lx.cardinal, low1, low2)
    )


def run_ends(lx: Lexicon, text: str, end: int, power: int) -> bool:
    """Whether a run of number words ends at ``end``, where its first chunk ends.

    The chunk is a number word and a scale word of ``power`` ("zwei Millionen"): the run
    goes on only with a chunk `number_words` would read after it ("zwei Millionen
    dreihunderttausend"), not with another one of the same scale ("zwei Millionen zwei
    Millionen").
    """
    nxt = space_end(text, end)
    if nxt == end:
        return True
    found = _chunks(lx, text, nxt, Decimal(0), power, end, 1)
    return found is None or found.end == end


def scales_fall(last_power: int | None, power: int) -> bool:
    """A chunk whose scale word has ``power`` may follow one of ``last_power`` in a run.

    The scales of a run of number words fall ("eine Milliarde zwei Millionen"); a chunk of
    the same or a larger scale starts a new number ("zwei Millionen zwei Millionen").
    """
    return last_power is None or power < last_power


def _chunks(
    lx: Lexicon,
    text: str,
    pos: int,
    total: Decimal,
    last_power: int | None,
    end: int,
    chunks: int,
    chunk: re.Pattern[str] | None = None,
    first: re.Match[str] | None = None,
) -> Words | None:
    """`number_words` from ``pos``, after ``chunks`` chunks that came to ``total``."""
    word_int: int | None = None
    group = GROUP_READERS[lx.language]
    while chunks < 8:
        found = _group_scale(lx, text, pos, group, chunk, first)
        first = None
        if found is None:
            break
        value, k, is_article, sc = found
        if sc is not None and sc[2] is None:
            power, k2, _ = sc
            if not scales_fall(last_power, power):
                break
            total = _add(total, shift(value, power))
            last_power = power
            end = k2
            chunks += 1
            nxt = _next_chunk(lx, text, k2)
            if nxt == k2:
                break
            pos = nxt
            continue
        if is_article or (
            chunks
            and not (
                last_power is not None
                and value < shift(_ONE, last_power)
                and value == value.to_integral_value()
            )
        ):
            break  # "zwei Millionen eintausendeinhundert": one number below the scale
        total = _add(total, value)
        end = k
        chunks += 1
        if chunks == 1 and value == value.to_integral_value():
            word_int = int(value)
        break
    if chunks == 0:
        return None
    word_int = word_int if last_power is None else None
    return _new_words(Words, (total, end, last_power, word_int, chunks))


def _group_scale(
    lx: Lexicon,
    text: str,
    pos: int,
    group: GroupReader,
    chunk: re.Pattern[str] | None,
    rm: re.Match[str] | None,
) -> tuple[Decimal, int, bool, tuple[int, int, str | None] | None] | None:
    """A group of number words at ``pos`` and the scale after it, as `_chunks` reads them.

    (the group's value, where it ends, whether it is an article standing for one, and
    `scale_at`'s reading after it); None where no group is there. Read by ``group`` (digits
    spelled out after it by `decimal_words`), or from a match of ``chunk`` at ``pos``
    (``rm``, else matched here): its number word is the word `word_group` reads (the same
    letters; ``chunk`` is only built for a language whose groups are one word, and only
    where no scale word starts with the decimal word, so `decimal_words` reads nothing
    there), and its scale word, one plain space after it, is the word `scale_at` reads, of
    the power `scale_power` gives it. Where that power is None ("Millionen." at a sentence
    end, which `scale_at` also tries without the dot), the group is read as without it.
    """
    if rm is None and chunk is not None:
        rm = chunk.match(text, pos)
    if rm is not None:
        nw, scale, dot = rm.group("nw", "scale", "dot")
        e = rm.end("scale")  # a unit the match may read after it is not the chunk's
        after = "" if dot is not None else text[e : e + 1]
        power = scale_power(lx, scale, dot is not None, after)
        if power is not None:
            low = nw.lower()
            sc = (power, e + 1 if dot is not None else e, None)
            if low in lx.articles:
                return _ONE, rm.end("nw"), True, sc
            value = lx.cardinal(low)
            return None if value is None else (value, rm.end("nw"), False, sc)
    found = group(lx, text, pos)
    if found is None:
        return None
    value, k, is_article = found
    if not is_article:
        value, k = decimal_words(lx, text, value, k)
    return value, k, is_article, scale_at(lx, text, k, glued=False)


#: `Words(...)` without the Python-level ``__new__`` a NamedTuple class defines (one C call).
_new_words = tuple.__new__


def _next_chunk(lx: Lexicon, text: str, k: int) -> int:
    """Where the chunk after a scale word ending at ``k`` starts, ``k`` where none may.

    After white space and a word that joins the groups of one number ("one million and
    five"), where the language has such words.
    """
    nxt = space_end(text, k)
    if nxt == k or not lx.chunk_joiners:
        return nxt
    m = _WORD.match(text, nxt)
    if m is not None and m.group().lower() in lx.chunk_joiners:
        return space_end(text, m.end())
    return nxt
