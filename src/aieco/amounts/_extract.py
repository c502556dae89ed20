"""Finding every amount in running text: `extract_amounts` and `Mention`.

A fast regex finds the places where an amount may be (digits, currency and percent signs, the
capitalised nouns "Millionen", "Milliarden", "Euro", "Dollar", "Prozent", ...). From each such
trigger the extractor walks back over at most a few words that may belong to the expression
("rund", "mehr als", "zwischen", "vier", "zweistellige"). Where the expression has a shape a
fast path reads (see `._fast`) and every word before it is one that cannot start an
expression of its own, the fast path builds the Mention; otherwise the grammar runs from the
earliest of those words that yields an expression covering the trigger. A hypothesis test
checks that both ways give the same mentions.
"""

from __future__ import annotations

import heapq
import operator
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import attrs

from aieco._checks import fail
from aieco.amounts._fast import (
    FastTables,
    ends_cleanly,
    fast_mention_amount,
    fast_tables,
    full_amount,
    glued_unreadable,
    range_amount,
    stellig_amount,
    vague_amount,
)
from aieco.amounts._language import language_of
from aieco.amounts._lexicon import (
    DASHES,
    DIGITS,
    MINUS_SIGNS,
    SPACE_CHARS,
    STELLIG_ENDINGS,
    Lexicon,
    lexicon,
)
from aieco.amounts._locale import resolve_locale
from aieco.amounts._memo import remember
from aieco.amounts._parse import Parsed, Parser, _plain, _shift
from aieco.amounts._reading import Reading, point
from aieco.amounts._rules import continues_figure, date_at, figure_ok, hedge_at
from aieco.money import Amount, Qualifier, in_exact_context

__all__ = ["Mention", "extract_amounts", "scan"]

_BACK_LIMIT = 6
_ORDINAL_DATE = re.compile(r"[0-9]{1,2}(?:\.|st|nd|rd|th)?[ \u00a0]?([^\W\d_]+)")
_DIGITS = re.compile("[0-9]+")
_RAW = re.compile("[0-9][0-9.,'’]*")
_LETTER_RUN = re.compile(r"[^\W\d_]+")
#: "Not given" for the optional previous-token arguments (compared by identity).
_UNSET: tuple[int, str] = (-1, "")
#: Where a URL or percent-encoding may be ("%28", "://"): no figure is read in that word.
_URLISH = re.compile(r"://|www\.|%[0-9A-Fa-f]{2}")
_NON_SPACE = re.compile(r"\S*")
#: How far back _previous looks for the space before a word in one C-level search.
_WORD_WINDOW = 40


@attrs.frozen
class Mention:
    """One amount found in a text.

    ``text == source[start:end]`` always; the span covers the hedge, the number, the scale
    word and the currency ("rund vier Milliarden US-Dollar"), and in a compound only the amount
    ("500-Milliarden-Dollar" in "500-Milliarden-Dollar-Projekt").
    """

    start: int
    end: int
    text: str
    amount: Amount

    def __attrs_post_init__(self) -> None:
        if not (isinstance(self.start, int) and isinstance(self.end, int)):
            raise TypeError("Mention.start and Mention.end must be ints")
        if not 0 <= self.start <= self.end or self.end - self.start != len(self.text):
            fail(
                self, "end", self.end, f"must be start + len(text) ({self.start}+{len(self.text)})"
            )
        if not isinstance(self.amount, Amount):
            raise TypeError(f"Mention.amount must be an Amount, not {type(self.amount).__name__}")


@in_exact_context
def extract_amounts(
    text: str, *, locale: Any = "de_DE", include_numbers: bool = False
) -> list[Mention]:
    """Every amount in running text, in order of appearance.

    By default only amounts with a currency, a percent, a scale word or a vague magnitude are
    reported; bare numbers (years, counts) only with ``include_numbers=True``. Dates and times
    are never amounts. The function never raises for a ``str``: what cannot be read exactly
    (such as "1.5 Mrd." in German, where "." only groups thousands) is left out, not guessed.

    Args:
        text: Running text.
        locale: A ``babel.Locale`` or a name: de_DE, de_AT, de_CH, en_US or en_GB.
        include_numbers: Also report bare numbers ("2021", "17", "zwei").

    Raises:
        UnsupportedLocale: ``locale`` is not supported (a ValueError).
        TypeError: ``text`` is not a ``str``.

    Examples:
        >>> text = "Luma wird mit rund vier Milliarden US-Dollar bewertet."
        >>> [m.text for m in extract_amounts(text)]
        ['rund vier Milliarden US-Dollar']
    """
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    return [
        Mention(r.start, r.end, text[r.start : r.end], r.amount())
        for r in scan(text, locale, include_numbers)
    ]


def scan(text: str, locale: Any, include_numbers: bool) -> list[Reading]:
    """What `extract_amounts` reports, as readings, in order."""
    lx = lexicon(resolve_locale(locale))
    parser = Parser(text, lx, strict=False)
    ft = fast_tables(lx)
    matches = _triggers(text, lx, ft, include_numbers)
    out: list[Reading] = []
    last = 0
    n = len(text)
    odd = _odd_words(text)
    tried: dict[int, Parsed | None] = {}  # the grammar's reading from each start, once
    for m in matches:
        t = m.start()
        if t < last:
            continue
        while odd and odd[-1][1] <= t:
            odd.pop()
        if odd and odd[-1][0] <= t:
            last = odd[-1][1]  # a URL or percent-encoding: no figure inside
            continue
        digit = text[t] in DIGITS
        if digit:
            if continues_figure(lx, text, t):
                continue  # the rest of a figure that could not be read ("1.5" in German)
            d = date_at(text, t, ratios=True)
            if d is not None and not _price_after_currency(d, text, t, lx):
                last = d.end()  # a date, time or ratio: nothing starts inside it
                continue
        found: Parsed | None = None
        fast = None if include_numbers else _fast(text, t, m, lx, ft, last)
        if fast is _SKIP:
            continue
        if isinstance(fast, Reading):
            _add(out, fast, text, lx, parser)
            last = fast.end
            continue
        if fast is None:
            if not digit and text[t].isalpha() and not _may_start(text, t, lx, last):
                continue
            found = _find(parser, lx, t, last, include_numbers, tried)
        if found is not None:
            _add(out, Reading.of(found.start, found.end, found.amount), text, lx, parser)
            last = found.end
        elif digit:
            raw = _RAW.match(text, t)
            assert raw is not None
            if raw.end() < n and text[raw.end() - 1] in lx.raw_separators:
                last = max(last, raw.end())
    return out


def _triggers(
    text: str, lx: Lexicon, ft: FastTables, include_numbers: bool
) -> Iterator[re.Match[str]]:
    """The places where an amount may be, in order.

    The trigger's matches, and the rarer words' ("zweistellige", "20 Cent") where the text
    has them.
    """
    if include_numbers:
        return lx.trigger_all.finditer(text)
    rare = [m for word, pattern in ft.rare_words if word in text for m in pattern.finditer(text)]
    if not rare:
        return ft.trigger.finditer(text)
    rare.sort(key=_START)
    return heapq.merge(ft.trigger.finditer(text), rare, key=_START)


_START = operator.methodcaller("start")


def _add(out: list[Reading], mention: Reading, text: str, lx: Lexicon, parser: Parser) -> None:
    """Append a mention, or the items of a list it ends.

    The last item of a list ("20, 30 oder 50 Mio. Euro") lends its scale and currency to the
    bare figures before it, each reported on its own.
    """
    s = mention.start
    if s >= 3 and text[s - 1] == " " and text[s - 2] in ",dr" and text[s] in DIGITS:
        items = _list(text, mention, lx, parser)
        if items is not None:
            while out and out[-1].start >= items[0].start:
                if (out[-1].start, out[-1].end) not in {(m.start, m.end) for m in items}:
                    break  # an expression inside the list: leave it as it is
                out.pop()
            else:
                out.extend(items)
                return
            out.extend(items[-1:])
            return
    out.append(mention)


_CONJ = re.compile(r"[ \u00a0]+(?:oder|und|or|and)[ \u00a0]+")
_CONJ_BEFORE = re.compile(f"(?<=[0-9])[{DASHES}]?[ \u00a0]+(?:oder|und|or|and)[ \u00a0]+$")


def _list(text: str, mention: Reading, lx: Lexicon, parser: Parser) -> list[Reading] | None:
    """The mentions of a list whose last item is ``mention``, or None if it is not one.

    The items are bare figures joined by ", " (and "oder"/"und" before the last), rising, the
    last with a scale or currency and no hedge: "20, 30 oder 50 Mio. Euro" is 20, 30 and 50
    million euros. ``mention`` may be the range "30 oder 50 Mio. Euro" the grammar read.
    """
    if mention.qualifier is not Qualifier.EXACT:
        return None
    spans = _figures_before(text, mention.start, lx)
    first = lx.number.match(text, mention.start)
    if first is None:
        return None
    conj = _CONJ.match(text, first.end())
    before = None if spans else _CONJ_BEFORE.search(text, max(0, mention.start - 8), mention.start)
    if before is not None:  # "2,5, 3,5 und 4,5 Mrd. Dollar": the item before the last
        e = before.start() + (text[before.start()] in DASHES)  # "20- oder 30-Milliarden"
        b = _figure_start(text, _figure_end(text, e), lx)
        if b is None:
            return None
        spans = [*_figures_before(text, b, lx), (b, e)]
        last_start = mention.start
    elif not spans:
        return None
    elif conj is not None:
        spans.append((mention.start, first.end()))
        last_start = conj.end()
    elif not mention.is_point:
        return None  # "20, 30–50 Mio. €": a range as an item
    else:
        last_start = mention.start
    last = parser.expr(last_start)
    fig = lx.number.match(text, last_start)
    if last is None or last.end != mention.end or last.amount.value is None or fig is None:
        return None
    values = [_figure_value(lx.number.fullmatch(text, a, _figure_end(text, b))) for a, b in spans]
    values.append(_figure_value(fig))
    if any(v is None for v in values) or values[-1] == 0:
        return None
    figures = [v for v in values if v is not None]
    lead = len(figures) - 1  # the items rise: "2020, 30 oder 50 Mio. Euro" is 30 and 50
    while lead > 0 and figures[lead - 1] < figures[lead]:
        lead -= 1
    if lead == len(figures) - 1:
        return None
    spans, figures = spans[lead:], figures[lead:]
    power = last.amount.value.adjusted() - figures[-1].adjusted()
    unit = last.amount.unit
    out = [
        point(a, b, _plain(_shift(v, power)), unit, Qualifier.EXACT)
        for (a, b), v in zip(spans, figures, strict=False)
    ]
    out.append(Reading.of(last.start, last.end, last.amount))
    return out


def _figures_before(text: str, s: int, lx: Lexicon) -> list[tuple[int, int]]:
    """The bare figures before ``s``, each followed by ", " ("20, 30, ", "1-, 2-, "), in order.

    A suspension hyphen after a figure ("1-, 2- und 5-Cent-Münzen") is part of its item.
    """
    spans: list[tuple[int, int]] = []
    k = s
    while k >= 3 and text[k - 2 : k] == ", " and text[_figure_end(text, k - 2) - 1] in DIGITS:
        b = _figure_start(text, _figure_end(text, k - 2), lx)
        if b is None:
            break
        spans.append((b, k - 2))
        k = b
    spans.reverse()
    return spans


def _figure_end(text: str, e: int) -> int:
    """Where the figure of a list item that ends at ``e`` ends: before a suspension hyphen."""
    return e - 1 if e > 1 and text[e - 1] in DASHES and text[e - 2] in DIGITS else e


def _figure_start(text: str, e: int, lx: Lexicon) -> int | None:
    """Where the bare figure that ends at ``e`` starts (after a space), or None."""
    b = e
    while b > 0 and (text[b - 1] in DIGITS or text[b - 1] in lx.raw_separators):
        b -= 1
    if b == e or lx.number.fullmatch(text, b, e) is None or (b > 0 and not text[b - 1].isspace()):
        return None
    return b


def _figure_value(m: re.Match[str] | None) -> Decimal | None:
    """The value of a match of the locale's number regex (None for a refused figure)."""
    if m is None:
        return None
    whole = m.group("int")
    if m.group("g") is not None:
        whole = whole.replace(m.group("g"), "")
    frac = m.group("frac") or ""
    if not figure_ok(whole, frac):
        return None
    return Decimal(f"{whole}.{frac}" if frac else whole)


def _odd_words(text: str) -> list[tuple[int, int]]:
    """The words that hold a URL or percent-encoding, as (start, end), last first."""
    hits = [i for needle in ("://", "www.", "%") for i in _occurrences(text, needle)]
    spans: list[tuple[int, int]] = []
    for h in sorted(hits):
        m = _URLISH.match(text, h)
        if m is None or (spans and h < spans[-1][1]):
            continue
        s = h
        while s > 0 and not text[s - 1].isspace():
            s -= 1
        e = _NON_SPACE.match(text, m.end())
        assert e is not None
        spans.append((s, e.end()))
    spans.reverse()
    return spans


def _price_after_currency(d: re.Match[str], text: str, t: int, lx: Lexicon) -> bool:
    """A day-month "date" right after a currency is a price ("CHF 12.10.")."""
    return d.group("dmy") is not None and _after_currency(text, t, lx)


def _occurrences(text: str, needle: str) -> list[int]:
    """Where ``needle`` occurs in ``text`` (found by C-level searches)."""
    out = []
    i = text.find(needle)
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


def _after_currency(text: str, t: int, lx: Lexicon) -> bool:
    """A currency symbol or code right before the digits at ``t`` ("CHF 12.10.": no date)."""
    prev = _previous(text, t)
    if prev is None:
        return False
    token = prev[1]
    return token in lx.symbols or (len(token) == 3 and token.isupper() and token in lx.codes)


#: _fast's answers besides a Mention and None: nothing starts at this trigger; or the grammar
#: would find nothing here either (the caller then does what it does after the grammar).
_SKIP = object()
_NOTHING = object()


def _may_start(text: str, t: int, lx: Lexicon, last: int) -> bool:
    """Whether a noun trigger ("Milliarden") can be part of an expression at all."""
    s = t
    while s > 0 and text[s - 1].isalpha():
        s -= 1
    e = t
    while e < len(text) and text[e].isalpha():
        e += 1
    if _kind(lx, text[s:e]) == 2:
        return True
    prev = _previous(text, s)
    return prev is not None and prev[0] >= last and _kind(lx, prev[1]) != 0


def _fast(
    text: str, t: int, m: re.Match[str], lx: Lexicon, ft: FastTables, last: int
) -> Reading | object | None:
    """Read a trigger without the grammar where the outcome is certain.

    Returns a Reading; _SKIP (nothing starts here); _NOTHING (the grammar would find nothing
    here either); or None (ask the grammar). A hypothesis test checks that extract_amounts
    gives the same mentions with this function and without it.
    """
    c = text[t]
    if c in DIGITS:
        if t > 0 and text[t - 1] in ".,":
            return None  # ".75 €", "1.5" in German: the grammar decides
        found = _fast_digits(text, t, m, lx, ft, last)
    elif c.isalpha() and ft.language.number_words:
        found = _fast_noun(text, t, lx, ft, last)
    else:
        return None
    if (
        isinstance(found, Reading)
        and found.qualifier is not Qualifier.EXACT
        and text[found.end : found.end + 1] == "-"
    ):
        return None  # "um die 1-Prozent-Vorgabe": the grammar weighs the hedge
    return found


def _fast_digits(
    text: str, t: int, m: re.Match[str], lx: Lexicon, ft: FastTables, last: int
) -> Reading | object | None:
    """A digit trigger: one end ("rund 1,5 Mrd. USD", "100 Mio. $ oder mehr") or a range."""
    if t > 0:
        b = text[t - 1]
        if b.isalnum() or b == "_" or b in lx.symbol_firsts:
            return None
        if (b in MINUS_SIGNS or b in DASHES) and not (t > 1 and text[t - 2] in DIGITS):
            return None  # a sign, or a hyphen the grammar must read
    scale, cur, pct = m.group("scale", "cur", "pct")
    if scale is None and cur is None and pct is None:
        return _fast_plain(text, t, m, lx, ft, last)
    prev = _previous(text, t)
    lead = _lead(text, _walk(text, t, lx, last, prev), t, lx)
    if lead is None:
        return None
    start, qualifier, rest = lead
    if rest and not _all_inert(lx, rest):
        return None  # a currency, sign, number word or range the grammar must weigh
    e = m.end()
    if not ends_cleanly(text, e, cur, lx, ft):
        # "100 Millionen Dollar oder mehr": the grammar reads a trailing hedge only when
        # there is none before; nothing after it matters.
        post = ft.postfix_re.match(text, e) if qualifier is Qualifier.EXACT else None
        if post is None:
            return None
        found = lx.postfix.get((post.group("p1").lower(), post.group("p2").lower()))
        if found is None:
            return None
        qualifier, e = found, post.end()
    if _is_date(text, t, lx, prev, ft.tail_months):
        return _SKIP
    return fast_mention_amount(lx, ft, m, text, qualifier, start, e)


def _fast_plain(
    text: str, t: int, m: re.Match[str], lx: Lexicon, ft: FastTables, last: int
) -> Reading | object | None:
    """Digits the trigger read without a scale, currency or percent after them."""
    e = m.end()
    n = len(text)
    if ft.range_tail is not None:
        r = ft.range_tail.match(text, e)
        if r is not None:
            return _fast_range(text, t, m, r, lx, ft, last)
    if e < n:
        c = text[e]
        if (c.isalpha() and glued_unreadable(lx, ft, text, e)) or (
            c in lx.raw_separators and e + 1 < n and text[e + 1] in DIGITS
        ):
            # The grammar cannot read these digits ("3D-Modelle"; "4.0" in German, where "."
            # groups thousands), so no expression reaching past them can start before them.
            return _NOTHING if _all_inert(lx, _walk(text, t, lx, last)) else None
    # The trigger saw something before (maybe a currency) or after the digits.
    if not ends_cleanly(text, e, None, lx, ft):
        return None
    prev = _previous(text, t)
    if prev is not None and prev[0] >= last:
        token = prev[1]
        if token in lx.symbols or (len(token) == 3 and token.isupper() and token in lx.codes):
            return None
    return _SKIP


def _fast_range(
    text: str,
    t: int,
    m: re.Match[str],
    r: re.Match[str],
    lx: Lexicon,
    ft: FastTables,
    last: int,
) -> Reading | object | None:
    """A range of two digit numbers: "5–50 Millionen Euro", "zwischen 20 und 30 Mrd. €"."""
    chain = _walk(text, t, lx, last)
    conj: str | None = None
    at = t
    w = r.group("w")
    sw = r.group("sw")
    if chain and sw is not None and lx.range_intro.get(chain[0][1].lower()) == sw.lower():
        return None  # "zwischen 20- und 30-Milliarden": the grammar starts at "zwischen"
    if chain and w is not None:
        s0, token0, _ = chain[0]
        intro_conj = lx.range_intro.get(token0.lower())
        if intro_conj == w.lower() and _spaced(text, s0 + len(token0), t):
            conj, at, chain = intro_conj, s0, chain[1:]  # the grammar starts at "zwischen"
    lead = _lead(text, chain, at, lx)
    if lead is None:
        return None
    start, qualifier, rest = lead
    if rest and not _all_inert(lx, rest):
        return None
    e = r.end()
    scale, cur, pct = r.group("scale", "cur", "pct")
    if not ends_cleanly(text, e, cur, lx, ft):
        return None
    if _is_date(text, t, lx):
        return _NOTHING
    if scale is None and cur is None and pct is None:
        # "2020–2022", "12 bis 24 Monaten": whether or not the grammar reads a range here
        # (it must rise), bare numbers are not reported.
        return _NOTHING
    whole = text[t : m.end("int")]
    g = m.group("g")
    if g is not None:
        whole = whole.replace(g, "")
    found = range_amount(lx, ft, text, whole, m.group("frac") or "", r, conj, qualifier, start)
    if found is None:
        return None
    if found.unit is None and scale is None:
        return _NOTHING  # the currency or percent sign was not one after all
    return found


def _fast_noun(text: str, t: int, lx: Lexicon, ft: FastTables, last: int) -> object | None:
    """A noun trigger ("Milliarden", "Euro", "Beträge") after a number word or a "-stellig"."""
    s = t
    while s > 0 and text[s - 1].isalpha():
        s -= 1
    w = _LETTER_RUN.match(text, s)
    assert w is not None
    word = w.group()
    if not word.isalpha():
        e = s
        while e < len(text) and text[e].isalpha():
            e += 1
        word = text[s:e]
    if low_word_is_stellig(word):
        chain = [(s, word, 2), *_walk(text, s, lx, last)]
        return _fast_stellig(text, t, chain, lx, ft)  # "zweistellige" before its noun
    if _kind(lx, word) == 2:
        return None  # the noun itself may start an expression
    chain = _walk(text, s, lx, last)
    if not any(kind == 2 for _, _, kind in chain):
        return _NOTHING  # nothing before the noun can start an expression reaching it
    s0, token0, kind0 = chain[0]
    if kind0 != 2:
        return None
    low0 = token0.lower()
    if low0.endswith(STELLIG_ENDINGS):
        return _fast_stellig(text, t, chain, lx, ft)
    if low0 in lx.vague_counts:
        return _fast_vague(text, t, chain, lx, ft)
    after = 1
    if low0 in lx.half_words:  # "eine halbe Milliarde": the grammar reads from the article
        if len(chain) < 2 or chain[1][1].lower() not in lx.articles:
            return None
        s0, after = chain[1][0], 2
    elif not (low0 in lx.articles or lx.cardinal(low0) is not None):
        return None
    if s0 > 0 and text[s0 - 1] in MINUS_SIGNS:
        return None  # a sign, which the walk steps over like a hyphen ("ca.-vier Mio.")
    # "vier Milliarden", "Drei-Milliarden-Euro", "eine Milliarde": the one-regex reading
    # from the number word (the grammar's other candidates before it must be inert).
    mm = ft.full.match(text, s0)
    if mm is None or mm.end() <= t or (mm.group("half") is None) != (after == 1):
        return None
    lead = _lead(text, chain[after:], s0, lx)
    if lead is None:
        return None
    start, qualifier, rest = lead
    if not _all_inert(lx, rest):
        return None
    e = mm.end()
    if not ends_cleanly(text, e, mm.group("cur"), lx, ft):
        return None
    found = full_amount(lx, ft, mm, text, qualifier, start)
    if found is None or (found.unit is None and mm.group("scale") is None):
        return None
    return found


def low_word_is_stellig(word: str) -> bool:
    """A "-stellig" adjective ("zweistellige")."""
    return word.lower().endswith(STELLIG_ENDINGS)


def _fast_stellig(
    text: str, t: int, chain: list[tuple[int, str, int]], lx: Lexicon, ft: FastTables
) -> Reading | None:
    """A vague magnitude: "zweistellige Milliardenbeträge", "ein zweistelliger Millionenbetrag"."""
    if ft.stellig_at is None:
        return None
    s0 = chain[0][0]
    f, after, suspended = s0, 1, False
    if len(chain) > 2 and chain[1][2] == 1 and chain[2][2] == 2:
        f, after, suspended = chain[2][0], 3, True  # "neun- oder zehnstellige Beträge"
    elif len(chain) > 1:
        s1, token1, _ = chain[1]
        if token1.lower() in lx.articles and _spaced(text, s1 + len(token1), s0):
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
    if suspended and len(chain) > after and chain[after][1].lower() in lx.range_intro:
        return None  # "zwischen eins- und zweistellige": the grammar starts at "zwischen"
    lead = _lead(text, chain[after:], f, lx)
    if lead is None:
        return None
    start, qualifier, rest = lead
    if not _all_inert(lx, rest):
        return None
    e = sm.end()
    if not ends_cleanly(text, e, None, lx, ft):
        return None
    return stellig_amount(lx, sm, qualifier, start)


def _fast_vague(
    text: str, t: int, chain: list[tuple[int, str, int]], lx: Lexicon, ft: FastTables
) -> Reading | None:
    """A vague count: "zig Milliarden", "zig oder gar hunderten Milliarden Dollar"."""
    if ft.vague_at is None:
        return None
    f, after, sep = chain[0][0], 1, None
    i = 2 if len(chain) > 2 and chain[1][1].lower() in lx.vague_words else 1
    if len(chain) > i + 1:
        word, first = chain[i][1].lower(), chain[i + 1][1].lower()
        if word in lx.range_words and first in lx.vague_counts:
            f, after, sep = chain[i + 1][0], i + 2, word  # the grammar reads from "zig"
    if f > 0 and text[f - 1] in MINUS_SIGNS:
        return None
    vm = ft.vague_at.match(text, f)
    if vm is None or vm.end() <= t or (vm.group("v2") is None) != (sep is None):
        return None
    rest = chain[after:]
    if sep is not None and rest and lx.range_intro.get(rest[0][1].lower()) == sep:
        return None  # "von zig bis hunderten Milliarden": the grammar starts at "von"
    lead = _lead(text, rest, f, lx)
    if lead is None:
        return None
    start, qualifier, rest = lead
    if not _all_inert(lx, rest):
        return None
    e = vm.end()
    if not ends_cleanly(text, e, vm.group("cur"), lx, ft):
        return None
    return vague_amount(lx, ft, vm, text, qualifier, start)


def _lead(
    text: str, chain: list[tuple[int, str, int]], at: int, lx: Lexicon
) -> tuple[int, Qualifier, list[tuple[int, str, int]]] | None:
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
                and chain[k][1].lower() not in lx.range_intro
            ):
                return None  # "eine bis zu 5 €": "bis" may join a range; the grammar weighs it
            # "von bis zu 5 €": after a range intro "bis zu" is the hedge
            return s, found[0], chain[k:]
    return at, Qualifier.EXACT, chain


def _all_inert(lx: Lexicon, chain: list[tuple[int, str, int]]) -> bool:
    """No token in the chain can start an expression of its own (see `_inert`).

    An article right before "bis", "oder" or "und" is not inert: it may be the first end of
    a range ("ein bis zwei Milliarden", "zwischen einer und zwei Prozent").
    """
    for i, (_, token, kind) in enumerate(chain):
        low = token.lower()
        if kind == 2 and not _inert(lx, low):
            return False
        if (
            i + 1 < len(chain)
            and (low in lx.range_words or low in _AND)
            and chain[i + 1][1].lower() in lx.articles
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


def _walk(
    text: str, k: int, lx: Lexicon, last: int, prev: tuple[int, str] | None = _UNSET
) -> list[tuple[int, str, int]]:
    """The tokens before ``k`` that may belong to an expression, nearest first.

    ``prev`` is ``_previous(text, k)`` if the caller has it already.
    """
    chain: list[tuple[int, str, int]] = []
    token = _previous(text, k) if prev is _UNSET else prev
    while len(chain) < _BACK_LIMIT:
        if token is None:
            break
        start, word = token
        if start < last:
            break
        kind = _kind(lx, word)
        if kind == 0:
            break
        chain.append((start, word, kind))
        token = _previous(text, start)
    return chain


def _spaced(text: str, a: int, b: int) -> bool:
    """Only whitespace (at least one character) between ``a`` and ``b``."""
    return a < b and not text[a:b].strip()


def _find(
    parser: Parser,
    lx: Lexicon,
    t: int,
    last: int,
    include_numbers: bool,
    tried: dict[int, Parsed | None],
) -> Parsed | None:
    """The expression that covers the trigger at ``t`` (and starts at or after ``last``).

    ``tried`` holds what the grammar read from each start already tried in this text: what
    it reads from a start does not depend on the trigger, and the walk back offers the same
    start to every trigger after it ("ein ein ein ...", "5–5–5–..."), so each start is read
    once and the work stays proportional to the text.
    """
    text = parser.text
    c = text[t]
    if c in DIGITS:
        if t > 0 and (text[t - 1].isalnum() or text[t - 1] == "_"):
            start = t  # glued to a word: "B2B", "CHF1.234K" (the word may be a currency)
            own = False
        else:
            start = t
            own = True
        if _is_date(text, t, lx):
            return None
    elif c.isalpha():
        start = t
        while start > 0 and text[start - 1].isalpha():
            start -= 1
        own = True
    else:
        start = t
        while start > 0 and text[start - 1].isalpha():
            start -= 1  # "US$", "CA$"
        own = True
    if c in DIGITS and t > 0 and text[t - 1] in ".," and (t < 2 or not text[t - 2].isalnum()):
        start, own = t - 1, True  # ".75 €": a fraction without its zero, or nothing
    candidates = [start] if own else []
    k = start
    if (
        c in DIGITS
        and t > 0
        and text[t - 1] in MINUS_SIGNS
        and (t < 2 or not text[t - 2].isalnum())
    ):
        candidates.append(t - 1)
        k = t - 1
    candidates.extend(s for s, _, kind in _walk(text, k, lx, last) if kind == 2)
    for s in sorted(candidates):
        if s < last:
            continue
        if s in tried:
            r = tried[s]
        else:
            try:
                r = parser.expr(s)
            except (ArithmeticError, ValueError):
                r = None
            tried[s] = r
        if r is None or r.end <= t:
            continue
        if include_numbers or r.reportable:
            return r
    return None


def _kind(lx: Lexicon, token: str) -> int:
    """0: not part of an expression; 1: may sit inside one; 2: may start one (memoised)."""
    kind = lx.kinds.get(token)
    if kind is None:
        kind = _kind_of(lx, token)
        remember(lx.kinds, token, kind)
    return kind


def _kind_of(lx: Lexicon, token: str) -> int:
    low = token.lower()
    if low in lx.qualifier_starts or low in lx.range_intro or low == "minus":
        return 2
    if token in lx.symbols or (len(token) == 3 and token.isupper() and token in lx.codes):
        return 2
    if lx.is_number_word(low) or (language_of(lx.name).stellig and low.endswith(STELLIG_ENDINGS)):
        return 2
    if low in lx.back_words:
        return 1
    return 0


def _previous(text: str, k: int) -> tuple[int, str] | None:
    """The token before position ``k``: a word (with an abbreviation's dot) or a symbol."""
    if k > 1 and text[k - 1] == " ":
        # The common case, one space after a plain word ("rund", "ca."), found in C.
        lo = k - _WORD_WINDOW
        j = text.rfind(" ", lo if lo > 0 else 0, k - 1)
        if j >= 0 or lo <= 0:
            word = text[j + 1 : k - 1]
            if word.isalpha() or (len(word) > 1 and word[-1] == "." and word[:-1].isalpha()):
                return j + 1, word
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
    e = j
    if j > 0 and text[j - 1] == ".":
        j -= 1
    s = j
    while s > 0 and text[s - 1].isalpha():
        s -= 1
    if s == j:
        while s > 0 and not text[s - 1].isalnum() and not text[s - 1].isspace():
            if text[s - 1] in "-.,;:!?()[]{}\"'„“”«»‚‘’":
                break
            s -= 1
        while s > 0 and text[s - 1].isalpha():
            s -= 1
        if s == j:
            return None
    return s, text[s:e]


def _is_date(
    text: str, t: int, lx: Lexicon, prev: tuple[int, str] | None = _UNSET, after: bool = True
) -> bool:
    """A day or year next to a month name: "17. Februar", "Februar 2026", "17 February".

    ``prev`` is ``_previous(text, t)`` if the caller has it already; ``after=False`` skips
    the month after the number (the caller knows a scale or currency word comes next).
    """
    if after:
        m = _ORDINAL_DATE.match(text, t)
        if m is not None and m.group(1).lower().rstrip(".") in lx.months:
            return True
    if t < 2 or not (text[t - 1].isspace() and (text[t - 2].isalpha() or text[t - 2] == ".")):
        return False  # a month name ends right before, after a space
    if prev is _UNSET:
        prev = _previous(text, t)
    if prev is None or prev[1].lower().rstrip(".") not in lx.months:
        return False
    d = _DIGITS.match(text, t)
    assert d is not None
    width = len(d.group())
    return width == 4 or (width <= 2 and language_of(lx.name).day_after_month)
