"""Rules that the grammar, the fast shapes and the extractor share (internal).

Each rule here is written once and called from every reader:

* `hedge_at` — which hedge ("rund", "nicht mehr als", "~") starts at a position;
* `date_at` — whether digits at a position are a date, time or ratio, not an amount;
* `figure_ok` — whether the digits of a figure may be read (no leading zeros, the limit);
* `continues_figure` — whether digits at a position are only the rest of a figure that
  starts earlier ("432" in "98 765 432", "5" in "1٫5"), so that no amount may start there;
* `figure_fits` and `figure_value` — whether digits times a scale are within the model's
  limit, and their exact value;
* `stellig_count` and `stellig_noun` — what a "-stellig" adjective and the noun after it
  say ("zweistellige Millionenbeträge": two digits, millions);
* `is_code` and `names_currency` — the ISO-code test ("USD" as written, not "usd" or "Usd")
  and whether a token names a currency by itself (a symbol or a code);
* `heads_compound` — whether a currency name heads a compound ("8 Euro-Münzen" counts
  coins, it is no sum).
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from aieco._limits import MAX_FRACTION_DIGITS, MAX_INTEGER_DIGITS
from aieco.amounts._lexicon import (
    DIGITS,
    NAME_HYPHENS,
    SPACE_CHARS,
    STELLIG_ENDINGS,
    VAGUE_SCALE_POWERS,
)
from aieco.money import PERCENT

if TYPE_CHECKING:
    from aieco.amounts._lexicon import Lexicon
    from aieco.money import Qualifier

__all__ = [
    "MAX_DIGITS",
    "continues_figure",
    "count_word",
    "date_at",
    "figure_fits",
    "figure_ok",
    "figure_value",
    "heads_compound",
    "hedge_at",
    "is_code",
    "is_stellig",
    "names_currency",
    "scale_power",
    "stellig_count",
    "stellig_noun",
]

#: A figure with more digits than this is refused (a clear error, not a slow Decimal).
MAX_DIGITS = 100

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


def figure_ok(whole: str, frac: str) -> bool:
    """Whether a figure's integer and fraction digits (groups removed) may be read.

    No leading zero before another digit ("000", "0815"), at most MAX_DIGITS digits.
    """
    return (len(whole) < 2 or whole[0] != "0") and len(whole) + len(frac) <= MAX_DIGITS


def figure_fits(whole: str, frac: str, power: int) -> bool:
    """Whether ``whole.frac × 10**power`` is a figure the engine reads.

    `figure_ok`, and within the model's limit (`aieco._limits`), told from the digit
    counts alone.
    """
    return (
        figure_ok(whole, frac)
        and len(whole) + power <= MAX_INTEGER_DIGITS
        and len(frac) - power <= MAX_FRACTION_DIGITS
    )


def figure_value(negative: bool, whole: str, frac: str, power: int) -> Decimal:
    """``±whole.frac × 10**power`` exactly, written out without an exponent.

    The caller has checked the digits with `figure_fits`.
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


def continues_figure(lx: Lexicon, text: str, t: int) -> bool:
    """Digits at ``t`` are only the rest of a figure that starts before them.

    True after a digit and a separator that joins digits ("1٫5", "10^9999", "1.5" in German),
    after any other kind of digit ("١5"), after a digit and a no-break, thin or zero-width
    space, and after a digit and a plain space (or a run of spaces: "94  200") where either
    side could be a group of a grouped figure (a block of exactly three digits after it, or
    one to three digits before it): "432" in "98 765 432", "567" in "1234 567", "34" in "12
    34". Such a figure is read whole from its start or not at all; "45" in "im Jahr 2019 45
    Mio. Euro" is a figure of its own.
    """
    return _continues(lx, text, t, 3)


def _continues(lx: Lexicon, text: str, t: int, depth: int) -> bool:
    """`continues_figure`, looking back over at most ``depth`` runs before."""
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
    return depth == 0 or _continues(lx, text, k + 1, depth - 1)


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
    """How many digits a "-stellig" adjective names ("zweistellige": 2), else None."""
    low = word.lower()
    ending = next((e for e in STELLIG_ENDINGS if low.endswith(e)), None)
    return None if ending is None else count_word(lx, low[: -len(ending)], STELLIG_MAX)


def stellig_noun(lx: Lexicon, noun: str) -> tuple[int, str | None] | None:
    """What the noun after a "-stellig" adjective says: (the power of its scale, its unit).

    "Millionenbetrag" (6, None), "Euro-Summe" (0, "EUR"), "Prozentbereich" (0, "%"); any
    other noun counts the figure itself ("ein sechsstelliges Investment": 0, None). None for
    no noun (a lower-case word) or two units.
    """
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
