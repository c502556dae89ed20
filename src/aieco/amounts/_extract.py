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

import bisect
import functools
import itertools
import operator
import re
from collections.abc import Iterator
from decimal import Decimal
from typing import Any, NamedTuple

import attrs

from aieco._checks import fail
from aieco.amounts._fast import FastTables, tables_for
from aieco.amounts._lexicon import DASHES, DIGITS, INVISIBLE_JOINERS, MINUS_SIGNS, Lexicon
from aieco.amounts._memo import Memo
from aieco.amounts._parse import Parsed, Parser, _plain, _shift
from aieco.amounts._reading import Reading, point
from aieco.amounts._rules import (
    apart_possible,
    continues_figure,
    count_before,
    date_at,
    figure_value,
    hedge_at,
    number_alone,
    part_of_figure,
)
from aieco.amounts._shapes import (
    Chain,
    Handed,
    Verdict,
    article_run,
    read_at,
    read_digits,
    read_noun,
)
from aieco.amounts._tokens import Role, after_currency, is_date, previous, role, walk
from aieco.money import Amount, Qualifier, in_exact_context

__all__ = ["Mention", "extract_amounts", "scan"]

_RAW = re.compile("[0-9][0-9.,'’]*")
#: Where a URL or percent-encoding may be ("%28", "://"): no figure is read in that word.
_URLISH = re.compile(r"://|www\.|%[0-9A-Fa-f]{2}")
_NON_SPACE = re.compile(r"\S*")
#: Enum members for the hot loop: ``Qualifier.EXACT`` looked up on its class costs some
#: 150 ns on Python 3.11 (the enum type's ``__getattr__`` keeps it off the fast path), a
#: module constant a tenth of that.
_EXACT, _NOTHING = Qualifier.EXACT, Verdict.NOTHING


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
        start, end = self.start, self.end
        if (
            type(start) is int
            and type(end) is int
            and type(self.amount) is Amount
            and 0 <= start <= end
            and end - start == len(self.text)
        ):
            return  # the common case, as `extract_amounts` builds it: every check below holds
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
    readings = scan(text, locale, include_numbers)
    # Readings of one surface share their Decimals (`surface_meaning`'s memo), and so may
    # their Amounts (immutable): one Amount per low bound *object* (the list keeps the
    # bounds alive, so no id is reused), with the same high bound object, unit and hedge;
    # never for merely equal bounds ("5E+6" and "5000000" are equal, not the same figure).
    # A new one is looked up in the memo of the texts before (`_amount_of`).
    made: dict[int, Amount] = {}
    amounts = tables_for(locale)[1].amounts
    out = []
    for r in readings:
        start, end, low, high, unit, qualifier = r
        amount = made.get(id(low))
        if amount is None or not (
            amount.low is low
            and amount.high is high
            and amount.unit == unit
            and amount.qualifier is qualifier
        ):
            amount = made[id(low)] = _amount_of(r, amounts)
        out.append(Mention(start, end, text[start:end], amount))
    return out


#: `_amount_of`'s key: the ids of a reading's bounds, its unit, the id of its hedge.
_AmountKey = tuple[int, int, str | None, int]


def _amount_of(r: Reading, amounts: Memo[_AmountKey, tuple[Decimal, Decimal, Amount]]) -> Amount:
    """The `Amount` of ``r``, from the memo of the texts read before where it is there.

    Keyed by the identity of its bounds (the surface memo's Decimals: "5 Mio. €" in the
    next text gives the same objects), its unit and the identity of its hedge; an entry
    holds its bounds, so their ids are not reused while it lives.
    """
    _, _, low, high, unit, qualifier = r
    key = (id(low), id(high), unit, id(qualifier))
    known = amounts.get(key)
    if known is not None and known[0] is low and known[1] is high:
        return known[2]
    amount = r.amount()
    amounts.put(key, (low, high, amount))
    return amount


def scan(text: str, locale: Any, include_numbers: bool) -> list[Reading]:
    """What `extract_amounts` reports, as readings, in order.

    In a text that holds an invisible character, only what the text as shown reads the
    same (`_as_shown`).
    """
    if any(c in text for c in INVISIBLE_JOINERS):  # six substring searches: a regex is slower
        return _as_shown(text, locale, include_numbers)
    return _scan(text, locale, include_numbers)


def _scan(text: str, locale: Any, include_numbers: bool) -> list[Reading]:
    """The readings of ``text`` as it is, in order (each trigger asked inline; `scan`)."""
    lx, ft = tables_for(locale)
    parser = Parser(text, lx, strict=False)
    out: list[Reading] = []
    last = 0
    apart = 0  # where the last part of a figure (`Apart`) ends: no list item before it
    odd = _odd_words(text)
    # Whether a reading may be part of a figure written apart (`part_of_figure`): not in a
    # text that holds no word part that may join two number words ("hundert", "zehn"), no
    # fraction's noun and no invisible character. Else only a reading that starts with a
    # word is asked (`_whole`: a number word before it may make it unsure, `count_before`).
    apart_words = apart_possible(lx, text)
    tried: dict[int, Parsed | None] = {}  # the grammar's reading from each start, once
    handed: Handed = [None]  # a chunk of number words read ahead (`read_at`)
    number_words = ft.language.number_words
    resume: int | None = 0
    while resume is not None:
        triggers, resume = _triggers(text, lx, ft, include_numbers, resume), None
        for m in triggers:
            t = m.start()
            if t < last:
                continue
            digits = text[t] in DIGITS
            # Blocked: in a URL, the rest of a figure ("5" of "1.5" in German), a date or time
            # (only digits, or a trigger where the text has a URL: `_blocked` is not asked at
            # the other triggers, such as the nouns of "zwei Millionen zwei Millionen ...").
            blocked = (
                _blocked(text, t, m, lx, ft, include_numbers, odd, digits)
                if odd or digits
                else None
            )
            if blocked is not None:
                last = max(last, blocked)
                resume = _past_joined(text, t, lx) if blocked == 0 else None
                if resume is not None:
                    break
                continue
            # The shapes (`read_at`), else the grammar (also for a hedged reading before "-").
            if include_numbers:
                fast: _Outcome = article_run(text, t, lx, ft) if text[t].isalpha() else None
            elif digits:
                fast = read_digits(text, t, m, lx, ft, last)  # `read_at`'s, without its call
            elif number_words and text[t].isalpha():
                fast = read_noun(text, t, lx, ft, last, handed)  # `read_at`'s, likewise
            else:
                fast = read_at(text, t, m, lx, ft, last, handed)
            if fast is None or (
                type(fast) is Reading
                and fast.qualifier is not _EXACT
                and text[fast.end : fast.end + 1] == "-"
            ):
                found: _Outcome = _ask_grammar(text, t, lx, parser, last, include_numbers, tried)
            else:
                found = None if fast is _NOTHING else fast
            if apart_words or (type(found) is Reading and text[found.start].isalpha()):
                found = _whole(found, text, lx, out, apart_words)  # or part of a figure
            if type(found) is Reading:
                s = found.start
                if (
                    s >= 3
                    and text[s - 1] == " "
                    and text[s - 2] in lx.list_joiner_ends
                    and (
                        text[s - 2] == ","
                        or lx.list_joiner_before.search(text, max(0, s - 24), s) is not None
                    )
                ):
                    # It may end a list ("20, 30 oder 50 Mio."): after ", " or a joiner (a
                    # word such as "Dollar" before it ends like "oder", but is none).
                    _add(out, found, text, lx, parser, apart)
                else:
                    out.append(found)
                last = found.end
            elif isinstance(found, Chain):
                resume = found.resume  # no trigger before it can start or join an amount
                break
            elif isinstance(found, Apart):
                last = apart = max(last, found.end)  # part of a figure: nothing in it is read
            elif found is None and digits:
                last = max(last, _unread_figure_end(text, t, lx))
    return out


#: A run of invisible characters (`_lexicon.INVISIBLE_JOINERS`: a soft hyphen, zero-width
#: characters, a word joiner, a byte-order mark).
_INVISIBLE_RUN = re.compile(f"[{INVISIBLE_JOINERS}]+")


def _as_shown(text: str, locale: Any, include_numbers: bool) -> list[Reading]:
    """The readings of ``text`` that the text as shown reads the same, where it reads them.

    The text as shown is ``text`` without its invisible characters (a soft hyphen, as
    hyphenation writes it, zero-width characters, a word joiner, a byte-order mark). On the
    page "eineinhalb Tausend zwanzig Prozent" with a zero-width non-joiner inside "Tausend"
    is 1,520 %, of which "zwanzig Prozent" is a part, and "2,5 Milliarden Euro" with soft
    hyphens inside "Milliarden" is 2.5 billion euros, not "2,5": a reading of the text as it
    is stands only where the text as shown gives a reading of the same amount over its place
    (a figure whole or not at all; "hundert Euro" of "ein\u00adhundert Euro" is the 100 EUR
    of "einhundert Euro"). Nothing is read that the text as it is does not read.
    """
    cuts = [m.span() for m in _INVISIBLE_RUN.finditer(text)]
    ends = [b for _, b in cuts]
    hidden = list(itertools.accumulate(b - a for a, b in cuts))

    def shown_at(i: int) -> int:  # where position i of ``text`` is in the text as shown
        k = bisect.bisect_right(ends, i)  # the runs that end at or before i
        inside = i - cuts[k][0] if k < len(cuts) and cuts[k][0] < i else 0
        return i - (hidden[k - 1] if k else 0) - inside

    # The readings as shown, by amount: their starts and ends, in order (they do not overlap).
    shown: dict[tuple[Any, ...], tuple[list[int], list[int]]] = {}
    for v in _scan(_INVISIBLE_RUN.sub("", text), locale, include_numbers):
        starts, ends_ = shown.setdefault(v[2:], ([], []))
        starts.append(v.start)
        ends_.append(v.end)
    out = []
    for r in _scan(text, locale, include_numbers):
        s, e = shown_at(r.start), shown_at(r.end)
        same = shown.get(r[2:])
        if same is not None:
            k = bisect.bisect_right(same[0], s) - 1  # the last one that starts at s or before
            if k >= 0 and e <= same[1][k]:
                out.append(r)
    return out


class Apart(NamedTuple):
    """The expression read at a trigger is part of a figure: nothing is read.

    "zwei hundert Euro": from "hundert" the grammar reads "hundert Euro", but "zwei hundert"
    is one number written apart; "zwei Millionen drei hundert Euro": the shapes read "zwei
    Millionen drei", which "hundert" continues (`part_of_figure`, asked of every reading
    `scan` accepts, the shapes' and the grammar's). No trigger before ``end`` (where that
    expression ends) reads anything, as if the expression had been read (a figure whole
    or not at all): never "zwei Millionen" alone. ``start``: where that expression starts.
    """

    end: int
    start: int


def _whole(found: _Outcome, text: str, lx: Lexicon, out: list[Reading], apart: bool) -> _Outcome:
    """``found``, or `Apart` where it is a reading of part of a figure (`part_of_figure`).

    "zwei Millionen drei hundert Euro": the shapes read "zwei Millionen drei", which
    "hundert" continues; the grammar reads "hundert Euro" after "drei". Asked of what
    either reader found, after the reading reported before it (``out``); ``apart``: whether
    the text may hold number words written apart (`apart_possible`). Also `Apart` where a
    number word before the reading makes it unsure ("zwei drei Millionen Euro":
    `count_before`), unless that word ends the reading before it ("zwei Euro fünfzig zwei
    Euro fünfzig"). A bare number word reported right before such a figure (with bare
    numbers: "zwei" of "zwei drei viertel Millionen") is part of it, and taken back.
    """
    if type(found) is Reading:
        start = found.start
        prev = out[-1] if out else None
        if not (apart and part_of_figure(lx, text, start, found.end, prev.end if prev else -2)):
            if not text[start].isalpha():
                return found  # no number word starts it: no count before it (`count_before`)
            if count_before(lx, text, start, found.end, prev) < 0:
                return found
    elif type(found) is Apart:
        start = found.start  # the grammar's reading, part of a figure (`_find`)
    else:
        return found
    while out and _bare_word_before(lx, text, out[-1], start):
        start = out.pop().start
    return Apart(found.end, start)


def _bare_word_before(lx: Lexicon, text: str, r: Reading, start: int) -> bool:
    """``r`` is a number word (`number_alone`), only white space between it and ``start``."""
    return r.end < start and not text[r.end : start].strip() and number_alone(lx, text, r)


#: What a trigger gives: a reading, a verdict, a chain to skip, part of a figure, or None
#: (nothing read).
_Outcome = Reading | Verdict | Chain | Apart | None


@functools.cache
def _joined(joiners: str) -> re.Pattern[str]:
    """Runs of digits each followed by a joiner ("1.1.1."), up to the last run of digits."""
    return re.compile(f"(?:[0-9]+[{re.escape(joiners)}])+(?=[0-9])")


def _in_odd_word(t: int, odd: list[tuple[int, int]]) -> int | None:
    """The end of the URL or percent-encoding ``t`` is in (no figure inside), else None.

    ``odd`` holds those words, last first (`_odd_words`), and is consumed as the scan moves on.
    """
    while odd and odd[-1][1] <= t:
        odd.pop()
    if odd and odd[-1][0] <= t:
        return odd[-1][1]
    return None


def _blocked(
    text: str,
    t: int,
    m: re.Match[str],
    lx: Lexicon,
    ft: FastTables,
    include_numbers: bool,
    odd: list[tuple[int, int]],
    digits: bool,
) -> int | None:
    """What blocks reading at the trigger ``t`` (its match ``m``), else None.

    In a URL or percent-encoding (``odd``, `_odd_words`): where that word ends. For digits
    (``digits``): 0 where they only continue a figure that starts before them
    (`continues_figure`); the end of a date, time or ratio there (`date_at`; not a day and
    month right after a currency, "CHF 12.10."). The trigger's group ``dt`` is None where
    `date_at`'s regex does not match at ``t``: then no date is there, and `date_at` is not
    asked; likewise `continues_figure` where its group ``cf`` is None (with
    ``include_numbers`` the trigger is the lexicon's, which has no such groups).
    """
    if odd:
        end = _in_odd_word(t, odd)
        if end is not None:
            return end
    if not digits:
        return None
    if include_numbers:
        may_date = may_continue = ""
    else:
        may_date, may_continue = m.group(ft.trigger_date, ft.trigger_before[0])
    if may_continue is not None and continues_figure(lx, text, t):
        return 0
    if may_date is not None:
        d = date_at(text, t, ratios=True)
        if d is not None and not _price_after_currency(d, text, t, lx):
            return d.end()
    return None


def _past_joined(text: str, t: int, lx: Lexicon) -> int | None:
    """Where to read on after digits at ``t`` that continue a figure joined by separators.

    "1.1.1.1…": every later run of digits in this joined figure only continues it too;
    read on from its last run in one step. None where ``t`` is not after a joiner.
    """
    if text[t - 1] not in lx.joiners:
        return None
    run = _joined(lx.joiners).match(text, t)
    return None if run is None else run.end()


def _ask_grammar(
    text: str,
    t: int,
    lx: Lexicon,
    parser: Parser,
    last: int,
    include_numbers: bool,
    tried: dict[int, Parsed | None],
) -> Reading | Verdict | Apart | None:
    """The grammar's expression at the trigger ``t``, where no shape was certain.

    None where it finds none; `Verdict.SKIP` where a noun trigger can start nothing; `Apart`
    where the trigger is in part of a figure (`_find`).
    """
    if text[t].isalpha() and not _may_start(text, t, lx, last):
        return Verdict.SKIP
    found = _find(parser, lx, t, last, include_numbers, tried)
    if found is None or isinstance(found, Apart):
        return found
    return Reading.of(found.start, found.end, found.amount)


def _unread_figure_end(text: str, t: int, lx: Lexicon) -> int:
    """After digits nothing read: the end of the raw figure if a separator ends it ("1.5.")."""
    raw = _RAW.match(text, t)
    assert raw is not None
    if raw.end() < len(text) and text[raw.end() - 1] in lx.raw_separators:
        return raw.end()
    return 0


def _triggers(
    text: str, lx: Lexicon, ft: FastTables, include_numbers: bool, pos: int
) -> Iterator[re.Match[str]]:
    """The places where an amount may be, in order, from ``pos`` on.

    The trigger's matches, and the rarer words' ("zweistellige", "20 Cent") where the text
    has them.
    """
    if include_numbers:
        return lx.trigger_all.finditer(text, pos)
    rare = [m for word, pattern in ft.rare_words for m in _literal(text, word, pattern, pos)]
    if not rare:
        return ft.trigger.finditer(text, pos)
    rare.sort(key=_START)
    return _merged(ft.trigger.finditer(text, pos), rare)


_START = operator.methodcaller("start")


def _literal(text: str, word: str, pattern: re.Pattern[str], pos: int) -> list[re.Match[str]]:
    """The matches of ``pattern``, the literal ``word``, from ``pos`` on (as its finditer).

    Found by `str.find` (several times faster than ``re``'s search for a literal), each
    then matched where it is.
    """
    out: list[re.Match[str]] = []
    i = text.find(word, pos)
    while i >= 0:
        m = pattern.match(text, i)
        assert m is not None
        out.append(m)
        i = text.find(word, m.end())
    return out


def _merged(matches: Iterator[re.Match[str]], rare: list[re.Match[str]]) -> Iterator[re.Match[str]]:
    """The trigger's ``matches`` and the sorted ``rare`` ones, in order of their starts.

    As `heapq.merge` would give them (a trigger's match first where both start at one
    place), at a fraction of its cost per match.
    """
    pending: re.Match[str] | None = None  # a trigger match after the rare one at hand
    for r in rare:
        s = r.start()
        if pending is not None:
            if pending.start() > s:
                yield r
                continue
            yield pending
            pending = None
        for m in matches:
            if m.start() > s:
                pending = m
                break
            yield m
        yield r
    if pending is not None:
        yield pending
    yield from matches  # past the last rare word: the trigger's matches as they come


def _add(
    out: list[Reading], mention: Reading, text: str, lx: Lexicon, parser: Parser, apart: int = 0
) -> None:
    """Append a mention, or the items of a list it ends.

    The last item of a list ("20, 30 oder 50 Mio. Euro", "zwei oder drei Millionen Euro")
    lends its scale and currency to the bare figures or number words before it, each reported
    on its own. Asked only for a mention after a space and the last character of a list's
    joiner (``lx.list_joiner_ends``, with ","), at position 3 or later, and, unless that is
    ",", after a joiner (``lx.list_joiner_before`` in the 24 characters before it, which
    both `_word_items` and `_list_spans` need there): `scan` appends any other at once
    (asked elsewhere, this function reads only what ``text`` has before it). Nothing before
    ``apart`` is read into it: that is part of a figure (`Apart`), as if it had been read.
    """
    s = mention.start
    if s >= 2 and text[s - 2] == "," and text[s].isalpha():
        rough = _rough_pair(text, mention, lx, parser)
        if rough is not _NOT_ROUGH:
            if (
                rough is not None
                and rough.start >= apart
                and not part_of_figure(lx, text, rough.start, rough.end)
            ):
                out.append(rough)
            return
    items = _list(text, mention, lx, parser)
    if items is not None:
        if items[0].start < apart or part_of_figure(lx, text, items[0].start, items[0].end):
            # an item in part of a figure: as after a reading there
            out.extend(items[-1:])
            return
        while out and out[-1].end > items[0].start:
            if not any(m.start <= out[-1].start and out[-1].end <= m.end for m in items):
                # An expression inside the list, or one that ends in its first item
                # ("€ 0, 1 Mio."): leave it as it is and report only the last item.
                break
            out.pop()
        else:
            out.extend(items)
            return
        out.extend(items[-1:])
        return
    out.append(mention)


_NOT_ROUGH: Any = object()
_TOKEN_BEFORE = re.compile(r"\S+\s+$")


def _rough_pair(text: str, mention: Reading, lx: Lexicon, parser: Parser) -> Reading | Any | None:
    """The grammar's reading of "ein, zwei Millionen Euro" when ``mention`` is its end.

    The number word before ", " and the mention make a rough pair (1 to 2 million) where the
    grammar reads one from that word to the mention's end; then the reading from there, or
    from a hedge just before it ("rund ein, zwei Millionen"), or None where the grammar
    cannot read it with that hedge (never "zwei Millionen" alone). `_NOT_ROUGH` where it is
    no such pair.
    """
    w = _LETTERS_BEFORE.search(text, max(0, mention.start - 42), mention.start - 2)
    if w is None or (w.start() > 0 and not text[w.start() - 1].isspace()):
        return _NOT_ROUGH
    b = w.start()
    found = parser.expr(b)
    if found is None or found.end != mention.end or found.amount.value is not None:
        return _NOT_ROUGH
    k = b
    for _ in range(lx.hedge_max_words):
        token = _TOKEN_BEFORE.search(text, max(0, k - 40), k)
        if token is None:
            break
        k = token.start()
        hedge = hedge_at(lx, text, k)
        if hedge is not None and hedge[1] == b:
            found = parser.expr(k)
            if found is None or found.end != mention.end:
                return None
            break
    return Reading.of(found.start, found.end, found.amount)


#: A list's items before its last: their spans and values, where the last item starts, and
#: whether they are parallel figures ("bzw."), which need not rise.
_Items = tuple[list[tuple[int, int]], list[Decimal | None], int, bool]


def _list(text: str, mention: Reading, lx: Lexicon, parser: Parser) -> list[Reading] | None:
    """The mentions of a list whose last item is ``mention``, or None if it is not one.

    The items are bare figures, or number words, joined by ", " (and a joiner such as
    "oder", "und", "bzw." before the last), rising unless joined by "bzw.", the last with a
    scale or currency and no hedge: "20, 30 oder 50 Mio. Euro" is 20, 30 and 50 million
    euros. ``mention`` may be the range "30 oder 50 Mio. Euro" the grammar read.
    """
    if mention.qualifier is not Qualifier.EXACT:
        return None
    c = text[mention.start]
    found = _digit_items(text, mention, lx) if c in DIGITS else _word_items(text, mention, lx)
    if found is None:
        return None
    spans, values, last_start, parallel = found
    last = _last_item(mention, last_start, parser)
    if last is None or not last.is_point:
        return None
    if any(v is None for v in values) or values[-1] == 0:
        return None
    figures = [v for v in values if v is not None]
    lead = len(figures) - 1  # the items rise: "2020, 30 oder 50 Mio. Euro" is 30 and 50
    # "bzw." joins parallel figures in either order, within a factor of ten ("4,07 bzw. 4,06
    # Franken"; never "2020 bzw. 50 Mio. Euro").
    parallel = parallel and len(figures) == 2 and figures[0] < figures[1] * 10
    while lead > 0 and (figures[lead - 1] < figures[lead] or parallel):
        lead -= 1
    if lead == len(figures) - 1:
        return None
    power = last.low.adjusted() - figures[-1].adjusted()
    if _shift(figures[-1], power) != last.low:
        return None  # the last item is more than its first figure times a scale
    unit = last.unit
    out = [
        point(a, b, _plain(_shift(v, power)), unit, Qualifier.EXACT)
        for (a, b), v in zip(spans[lead:], figures[lead:], strict=False)
    ]
    out.append(last)
    return out


def _last_item(mention: Reading, start: int, parser: Parser) -> Reading | None:
    """The reading of a list's last item, which starts at ``start`` and ends with ``mention``.

    The mention itself where it starts there (what the grammar reads from a start does not
    depend on the caller, and a shape reads what the grammar does); else the grammar's reading
    from ``start`` ("50 Mio. Euro" in the range "30 oder 50 Mio. Euro"), if it ends there too.
    """
    if start == mention.start:
        return mention
    last = parser.expr(start)
    if last is None or last.end != mention.end:
        return None
    return Reading.of(last.start, last.end, last.amount)


def _digit_items(text: str, mention: Reading, lx: Lexicon) -> _Items | None:
    """A list's bare figures before its last item ``mention``, which starts with digits."""
    found = _list_spans(text, mention, lx)
    fig = lx.number.match(text, found[1]) if found is not None else None
    if found is None or fig is None:
        return None
    spans, last_start = found
    values = [_figure_value(lx.number.fullmatch(text, a, _figure_end(text, b))) for a, b in spans]
    values.append(_figure_value(fig))
    joiner = lx.list_joiner.match(text, spans[-1][1]) if spans else None
    parallel = len(spans) == 1 and joiner is not None and _joins_parallel(lx, joiner.group())
    return spans, values, last_start, parallel


def _joins_parallel(lx: Lexicon, joiner: str) -> bool:
    """The joiner (with its spaces) is a "respectively" ("bzw."): its items need not rise."""
    return joiner.strip(" \u00a0") in lx.respectively


_LETTERS_BEFORE = re.compile(r"[^\W\d_]+$")


def _word_items(text: str, mention: Reading, lx: Lexicon) -> _Items | None:
    """A list's number words before its last item ``mention``, which starts with one.

    "zwei oder drei Millionen Euro", "zwei, drei oder vier Millionen Euro", "ein oder zwei
    Milliarden": one word per item (a number word, or an article for one), a joiner before
    the last.
    """
    s = mention.start
    head = _WORD_AT.match(text, s)
    if head is None:
        return None
    joiner = lx.list_joiner_before.search(text, max(0, s - 24), s)
    if joiner is None or text[joiner.start()] in DASHES:
        return None
    spans: list[tuple[int, int]] = []
    e = joiner.start()
    while True:
        w = _LETTERS_BEFORE.search(text, max(0, e - 40), e)
        if w is None or (w.start() > 0 and not text[w.start() - 1].isspace()):
            return None
        spans.append((w.start(), e))
        if text[max(0, w.start() - 2) : w.start()] != ", ":
            break
        e = w.start() - 2
    spans.reverse()
    values = [_word_value(lx, text[a:b]) for a, b in spans]
    values.append(_word_value(lx, head.group()))
    parallel = len(spans) == 1 and _joins_parallel(lx, joiner.group())
    return spans, values, s, parallel


_WORD_AT = re.compile(r"[^\W\d_]+")


def _word_value(lx: Lexicon, word: str) -> Decimal | None:
    """The value of one number word as a list item ("zwei"; an article is one)."""
    low = word.lower()
    return Decimal(1) if low in lx.articles else lx.cardinal(low)


def _list_spans(
    text: str, mention: Reading, lx: Lexicon
) -> tuple[list[tuple[int, int]], int] | None:
    """The spans of a list's bare figures before its last item, and where that item starts."""
    spans = _figures_before(text, mention.start, lx)
    first = lx.number.match(text, mention.start)
    if first is None:
        return None
    conj = lx.list_joiner.match(text, first.end())
    before = (
        None
        if spans
        else lx.list_joiner_before.search(text, max(0, mention.start - 24), mention.start)
    )
    if before is not None and before.start() > 0 and text[before.start() - 1] in DIGITS:
        # "2,5, 3,5 und 4,5 Mrd. Dollar": the item before the last
        e = before.start() + (text[before.start()] in DASHES)  # "20- oder 30-Milliarden"
        b = _figure_start(text, _figure_end(text, e), lx)
        if b is None:
            return None
        return [*_figures_before(text, b, lx), (b, e)], mention.start
    if not spans:
        return None
    if conj is not None:
        return [*spans, (mention.start, first.end())], conj.end()
    if not mention.is_point:
        return None  # "20, 30–50 Mio. €": a range as an item
    return spans, mention.start


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
    return figure_value(False, whole, frac, None)


def _odd_words(text: str) -> list[tuple[int, int]]:
    """The words that hold a URL or percent-encoding, as (start, end), last first."""
    # Found by C-level searches: "%" and "/" (for "://") as single characters, which a
    # search finds several times faster than a string of two or more characters in text
    # with characters beyond Latin-1 ("€", "–"); each "/" is then looked at where it is.
    hits = _occurrences(text, "%") if "%" in text else []
    if "/" in text:
        hits += [i - 1 for i in _occurrences(text, "/") if i > 0 and text[i - 1 : i + 2] == "://"]
    if "www." in text:
        hits += _occurrences(text, "www.")
    if not hits:
        return []  # the common case
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
    return d.group("dmy") is not None and after_currency(text, t, lx)


def _occurrences(text: str, needle: str) -> list[int]:
    """Where ``needle`` occurs in ``text`` (found by C-level searches)."""
    out = []
    i = text.find(needle)
    while i >= 0:
        out.append(i)
        i = text.find(needle, i + 1)
    return out


def _may_start(text: str, t: int, lx: Lexicon, last: int) -> bool:
    """Whether a noun trigger ("Milliarden") can be part of an expression at all."""
    s = t
    while s > 0 and text[s - 1].isalpha():
        s -= 1
    e = t
    while e < len(text) and text[e].isalpha():
        e += 1
    if role(lx, text[s:e]) is Role.STARTS:
        return True
    prev = previous(text, s)
    return prev is not None and prev[0] >= last and role(lx, prev[1]) is not Role.OUTSIDE


def _find(
    parser: Parser,
    lx: Lexicon,
    t: int,
    last: int,
    include_numbers: bool,
    tried: dict[int, Parsed | None],
) -> Parsed | Apart | None:
    """The expression that covers the trigger at ``t`` (and starts at or after ``last``).

    ``tried`` holds what the grammar read from each start already tried in this text: what
    it reads from a start does not depend on the trigger, and the walk back offers the same
    start to every trigger after it ("ein ein ein ...", "5–5–5–..."), so each start is read
    once and the work stays proportional to the text. Where the expression from a start
    that covers the trigger starts or ends inside a number written apart ("zwei hundert
    Euro": `part_of_figure`), it is part of a figure: `Apart`.
    """
    text = parser.text
    for s in sorted(_candidates(text, t, lx, last)):
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
        if part_of_figure(lx, text, s, r.end):
            return Apart(r.end, s)  # the trigger is in part of a figure ("zwei hundert Euro")
        if include_numbers or r.reportable:
            return r
    return None


def _candidates(text: str, t: int, lx: Lexicon, last: int) -> list[int]:
    """Where the grammar may start an expression that covers the trigger at ``t``."""
    if text[t] not in DIGITS:
        start = t
        while start > 0 and text[start - 1].isalpha():
            start -= 1  # the noun's start; the letters of "US$", "CA$"
        return [start, *_starts_before(text, start, lx, last)]
    if is_date(text, t, lx):
        return []
    before = text[t - 1] if t > 0 else " "
    loose = t < 2 or not text[t - 2].isalnum()
    if before in ".," and loose:
        start, found = t - 1, [t - 1]  # ".75 €": a fraction without its zero, or nothing
    elif before.isalnum() or before == "_":
        start, found = t, []  # glued to a word: "B2B", "CHF1.234K" (the word may be a currency)
    else:
        start, found = t, [t]
    if before in MINUS_SIGNS and loose:
        found.append(t - 1)  # a sign
        start = t - 1
    return found + _starts_before(text, start, lx, last)


def _starts_before(text: str, k: int, lx: Lexicon, last: int) -> list[int]:
    """Where the words before ``k`` that may start an expression start."""
    return [token.start for token in walk(text, k, lx, last) if token.role is Role.STARTS]
