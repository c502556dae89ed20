"""Reading one amount expression: the grammar, and parse_amount / parse_money / parse_number.

The grammar is a small recursive-descent parser over the raw string. Every step is an
anchored match of a simple regex (no nested quantifiers) or a dictionary look-up, and every loop
is bounded by the input it consumes, so the time grows linearly with the text.

::

    expression := [qualifier] body [postfix]          "rund …", "… oder mehr"
    body       := intro end conj end                   "zwischen 20 und 30 Mrd."
                | end [range-sep end]                  "5–50 Mio. €", "20 bis 30 Mrd. $"
    end        := [sign] [currency] [sign] numeral [scale] [currency | percent]
    numeral    := digits | number words | article [half] | vague count | "-stellig" noun
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any, NamedTuple

from aieco._limits import limit_problem
from aieco.amounts._fast import _BY_NAME as _TABLES_BY_NAME
from aieco.amounts._fast import fast_amount, tables_for
from aieco.amounts._lexicon import (
    DASHES,
    DIGITS,
    MINUS_SIGNS,
    NAME_HYPHENS,
    SPACE_CHARS,
    Lexicon,
    lexicon,
)
from aieco.amounts._locale import resolve_locale
from aieco.amounts._rules import (
    MAX_DIGITS,
    cents_may_follow,
    continues_figure,
    date_at,
    figure_value,
    heads_compound,
    hedge_at,
    next_part,
    number_words,
    numeral_kind,
    plain,
    scale_at,
    scale_power,
    shift,
    space_end,
    stellig_noun,
)
from aieco.errors import ParseError
from aieco.money import PERCENT, Amount, Money, Qualifier, in_exact_context

__all__ = ["Parsed", "Parser", "parse_amount", "parse_money", "parse_number"]

_SPACE_START = frozenset(SPACE_CHARS + "\r\n")
_WORD = re.compile(r"[^\W\d_]++")
_NOUN = re.compile(r"[^\W\d_]++(?:-[^\W\d_]++)*+")
_HALF = Decimal("0.5")
_shift = shift  # the rules, under the names the extractor imports
_plain = plain
_FRACTION = re.compile("[0-9]++")
_Q = Qualifier
#: Enum members for the parser's paths: one looked up on its class costs some 150 ns on
#: Python 3.11 (the enum type's ``__getattr__``), a module constant a tenth of that.
_EXACT, _APPROX = Qualifier.EXACT, Qualifier.APPROX
#: A range with a hedge at each end: (first, second) → the range's qualifier. A lower bound
#: then an upper bound only restate what a range says ("mindestens 2.000 bis höchstens 8.000
#: Euro" is 2000–8000 EUR); rough ends make a rough range; other pairs are refused.
_RANGE_HEDGES = {
    **{
        (low, high): _Q.EXACT
        for low in (_Q.EXACT, _Q.AT_LEAST, _Q.MORE_THAN)
        for high in (_Q.AT_MOST, _Q.LESS_THAN)
    },
    (_Q.EXACT, _Q.APPROX): _Q.APPROX,
    (_Q.APPROX, _Q.APPROX): _Q.APPROX,
    (_Q.NEARLY, _Q.NEARLY): _Q.NEARLY,
}
_GROUPED_DOT = re.compile(r"\.[0-9]{3}$")
#: How a joiner inside a currency name is written in the lexicon ("US‑Dollar" with U+2011).
_JOIN = {"\u00a0": " ", **dict.fromkeys(NAME_HYPHENS, "-")}
#: Cents after a sum written as digits: exactly two ("13 Euro 45", never "EUR 1000 9").
_CENTS = re.compile("[0-9]{2}(?![0-9.,'’])")
_HYPHENS = frozenset(NAME_HYPHENS)


class _Num:
    """A numeral: a point (lo == hi) or a vague interval, before scale and currency."""

    __slots__ = ("end", "hi", "kind", "lo", "power", "unit", "unit_pos", "word_int")

    def __init__(self, lo: Decimal, hi: Decimal, end: int, kind: str) -> None:
        self.lo = lo
        self.hi = hi
        self.end = end
        self.kind = kind  # digits | words | article | count | stellig
        self.power: int | None = None  # the scale applied (stellig: the noun's scale)
        self.unit: str | None = None
        self.unit_pos = -1
        self.word_int: int | None = None


class _End:
    """One end of a range, or a whole single amount."""

    __slots__ = (
        "bare_article",
        "end",
        "hi",
        "letter_at",
        "lo",
        "needs_scale",
        "negative",
        "point",
        "power",
        "prefix",
        "stellig",
        "unit",
        "unit_after",
        "unit_pos",
        "vague",
        "word_int",
    )

    def __init__(self) -> None:
        self.lo = Decimal(0)
        self.hi = Decimal(0)
        self.end = 0
        self.point = True
        self.power: int | None = None
        self.unit: str | None = None
        self.unit_pos = -1
        self.vague = False
        self.needs_scale = False
        #: Where a scale letter without a currency ends ("165k"): the expression it is part
        #: of needs one ("165k-170k €"), else it may be metres ("5m"). -1 for none.
        self.letter_at = -1
        #: "ein"/"eine" without a scale word: only the first end of a range ("ein bis zwei
        #: Milliarden", "zwischen einer und zwei Prozent") whose second end has one.
        self.bare_article = False
        self.stellig: int | None = None
        self.word_int: int | None = None
        self.negative = False
        #: The currency is written before the figure ("€ 5"), or the unit after it ("5 €").
        self.prefix = False
        self.unit_after = False


class _Body(NamedTuple):
    """What an expression's body reads: a point or a range, before the hedges around it."""

    low: Decimal
    high: Decimal
    point: bool
    unit: str | None
    reportable: bool
    end: int
    unit_pos: int
    range_pos: int


class Parsed:
    """One expression read at a position, with what the callers need to judge it."""

    __slots__ = ("amount", "end", "qualifier_pos", "range_pos", "reportable", "start", "unit_pos")

    def __init__(
        self,
        amount: Amount,
        start: int,
        end: int,
        *,
        reportable: bool,
        unit_pos: int,
        qualifier_pos: int,
        range_pos: int,
    ) -> None:
        self.amount = amount
        self.start = start
        self.end = end
        self.reportable = reportable
        self.unit_pos = unit_pos
        self.qualifier_pos = qualifier_pos
        self.range_pos = range_pos


class Parser:
    """Reads expressions in one text; remembers the farthest failure for error messages."""

    __slots__ = (
        "end_hedge",
        "fail_expected",
        "fail_message",
        "fail_pos",
        "fail_rank",
        "fail_suggestions",
        "lx",
        "n",
        "start_hedge",
        "stellig_range",
        "strict",
        "text",
        "words_at",
    )

    def __init__(self, text: str, lx: Lexicon, *, strict: bool) -> None:
        self.text = text
        self.lx = lx
        self.n = len(text)
        self.strict = strict
        self.stellig_range = False  # the last range combined was one of digit counts
        #: The hedge before a range's second end ("bis höchstens 8.000"), if any.
        self.end_hedge: Qualifier | None = None
        self.start_hedge = _EXACT
        self.fail_pos = -1
        self.fail_rank = 0
        self.fail_message = "not an amount"
        self.fail_expected: str | None = None
        self.fail_suggestions: tuple[str, ...] = ()
        self.words_at: dict[int, re.Match[str] | None] = {}

    # -- bookkeeping -----------------------------------------------------------------------

    def fail(
        self,
        pos: int,
        message: str,
        expected: str | None = None,
        suggestions: tuple[str, ...] = (),
        rank: int = 0,
    ) -> None:
        """Record a failure; the farthest one (then the highest ranked) is reported."""
        if not self.strict:
            return
        if pos > self.fail_pos or (pos == self.fail_pos and rank > self.fail_rank):
            self.fail_pos = pos
            self.fail_rank = rank
            self.fail_message = message
            self.fail_expected = expected
            self.fail_suggestions = suggestions

    def ws(self, i: int) -> int:
        """The position after the whitespace at ``i`` (never more than one line break)."""
        return space_end(self.text, i)

    def word(self, i: int) -> re.Match[str] | None:
        """The run of letters at ``i`` (remembered: the grammar asks for it repeatedly)."""
        cache = self.words_at
        if i in cache:
            return cache[i]
        m = cache[i] = _WORD.match(self.text, i)
        return m

    def part(self, i: int) -> tuple[int, str]:
        """Where the next part of an expression starts: glued, after a space or a hyphen."""
        return next_part(self.text, i)

    # -- expression ------------------------------------------------------------------------

    def expr(self, i: int) -> Parsed | None:
        """An expression starting exactly at ``i``."""
        qualifier = _EXACT
        qualifier_pos = -1
        q = self.qualifier(i)
        body_start = i
        if q is not None:
            qualifier, body_start = q
            qualifier_pos = i
        self.start_hedge, self.end_hedge = qualifier, None
        body = self.body(body_start)
        if body is None:
            return None
        lo, hi, point, unit, reportable, end, unit_pos, range_pos = body
        if self.end_hedge is not None:
            qualifier = _RANGE_HEDGES[qualifier, self.end_hedge]
        if q is not None and self._article_of_compound(i, body_start, end):
            return None
        problem = limit_problem(lo) or limit_problem(hi)
        if problem is not None:  # the model's one limit on numbers (aieco._limits)
            self.fail(body_start, f"a number that {problem}", rank=3)
            return None
        post = self.postfix(end)
        if post is not None:
            if qualifier is not _EXACT and qualifier is not _APPROX:
                m = self.word(self.ws(end))
                assert m is not None
                self.fail(self.ws(m.end()), "two hedges for one amount", rank=2)
                return None
            # "rund 5 Mio. € oder mehr": an open end with a rough start is still open.
            qualifier, end = post
            qualifier_pos = end
        if point:
            value = _plain(lo)
            amount = Amount(value, unit=unit, qualifier=qualifier)
        else:
            amount = Amount(None, _plain(lo), _plain(hi), unit=unit, qualifier=qualifier)
        return Parsed(
            amount,
            i,
            end,
            reportable=reportable or unit is not None,
            unit_pos=unit_pos,
            qualifier_pos=qualifier_pos,
            range_pos=range_pos,
        )

    def _article_of_compound(self, i: int, body_start: int, end: int) -> bool:
        """Whether a hedge ending in an article stands before a compound noun.

        In "um die 1-Prozent-Vorgabe" "die" belongs to "Vorgabe": "um die" is no hedge there.
        """
        text = self.text
        if not (end + 1 < self.n and text[end] == "-" and text[end + 1].isalpha()):
            return False
        words = text[i:body_start].split()
        return bool(words) and words[-1].lower() in self.lx.determiners

    def qualifier(self, i: int) -> tuple[Qualifier, int] | None:
        """A hedge at ``i`` ("rund", "mehr als", "ca.", "~"), and where the figure starts."""
        return hedge_at(self.lx, self.text, i)

    def postfix(self, i: int) -> tuple[Qualifier, int] | None:
        """A trailing hedge: "oder mehr", "or more"."""
        j = self.ws(i)
        m = self.word(j)
        if m is None or j == i:
            return None
        k = self.ws(m.end())
        m2 = self.word(k)
        if m2 is None or k == m.end():
            return None
        q = self.lx.postfix.get((m.group().lower(), m2.group().lower()))
        return None if q is None else (q, m2.end())

    # -- body: one end or a range ----------------------------------------------------------

    def body(self, i: int) -> _Body | None:
        """(low, high, is_point, unit, reportable, end, unit_pos, range_pos) at ``i``."""
        lx = self.lx
        m = self.word(i)
        if m is not None:
            w = m.group().lower()
            conj = lx.range_intro.get(w)
            if conj is not None:
                return self.intro_range(i, m.end(), conj)
            if w in lx.articles and lx.stellig_endings:
                ranged = self.article_range(m.end())
                if ranged is not None:
                    return ranged
        e1 = self.end(i)
        if e1 is None:
            return None
        ranged = self.range_after(e1)
        if ranged is not None:
            return ranged
        if e1.needs_scale:
            self.fail(e1.end, "a vague count needs a scale word", "'Millionen' or 'Milliarden'")
            return None
        if not self._letters_ok(e1):
            return None
        if e1.bare_article:
            self._fail_article(e1.end)
            return None
        reportable = e1.vague or e1.power is not None
        return _Body(e1.lo, e1.hi, e1.point, e1.unit, reportable, e1.end, e1.unit_pos, -1)

    def _letters_ok(self, e: _End, unit: str | None = None) -> bool:
        """A scale letter ("5m", "165k") only in an expression with a currency (``unit``)."""
        if e.letter_at < 0 or e.unit is not None or unit is not None:
            return True
        self.fail(e.letter_at, "a scale letter needs a currency here ('5m' may be metres)", rank=1)
        return False

    def article_range(self, after: int) -> _Body | None:
        """The range after "ein" in "ein zwei- bis dreistelliger Millionenbetrag"."""
        j = self.ws(after)
        m = self.word(j)
        if j == after or m is None or self.lx.cardinal(m.group().lower()) is None:
            return None
        e1 = self.end(j)
        if e1 is None or e1.word_int is None:
            return None
        self.stellig_range = False
        ranged = self.range_after(e1)
        return ranged if ranged is not None and self.stellig_range else None

    def intro_range(self, i: int, after: int, conj: str) -> _Body | None:
        """Read "zwischen X und Y", "von X bis Y", "between X and Y", "from X to Y"."""
        j = self.ws(after)
        if j == after:
            return None
        e1 = self.end(j)
        if e1 is None:
            return None
        k0 = e1.end
        if k0 + 1 < self.n and self.text[k0] in DASHES and self.text[k0 + 1] in _SPACE_START:
            k0 += 1  # suspended: "zwischen 20- und 30-Milliarden"
        k = self.ws(k0)
        m = self.word(k)
        if m is None or m.group().lower() != conj or k == k0:
            self.fail(k, "a range needs its second end", repr(conj))
            return None
        k2 = self.ws(m.end())
        m2 = self.word(k2)
        if conj == "bis" and m2 is not None and m2.group().lower() == "zu":
            k2 = self.ws(m2.end())
        return self._second_end(e1, k2, i)

    def _second_end(self, e1: _End, start2: int, pos: int, *, listed: bool = False) -> _Body | None:
        """The second end of a range at ``start2``, joined to the first.

        It may have its own hedge ("bis höchstens 8.000") if the pair makes one range.
        ``listed``: the ends are alternatives ("oder", "- und"), a range only if both are
        vague magnitudes; two figures are a list ("20 oder 30 Pfennig"), never one amount.
        """
        hedge = hedge_at(self.lx, self.text, start2)
        if hedge is not None:
            if (self.start_hedge, hedge[0]) not in _RANGE_HEDGES:
                return None  # "knapp 5 Mio. € bis höchstens 8 Mio. €": two amounts
            start2 = hedge[1]
        e2 = self.end(start2)
        if e2 is None:
            return None
        if listed and not (e1.vague and e2.vague) and not e2.stellig:
            self.fail(pos, "alternatives are a list of amounts, not a range", rank=2)
            return None
        ranged = self.combine(e1, e2, pos)
        if ranged is not None and hedge is not None:
            self.end_hedge = hedge[0]
        return ranged

    def range_after(self, e1: _End) -> _Body | None:
        """A range continuing after its first end: "5–50", "20 bis 30", "20- oder 30-"."""
        lx = self.lx
        found = self._range_sep(e1.end)
        if found is None:
            return None
        sep, sep_end = found
        start2 = self.ws(sep_end)
        if sep != "-" and start2 == sep_end:
            return None
        m = self.word(start2)
        if m is not None:
            w = m.group().lower()
            if (sep == "bis" and w == "zu") or (sep in lx.alternatives and w in lx.vague_words):
                start2 = self.ws(m.end())
        listed = sep != "-" and sep not in lx.range_words
        return self._second_end(e1, start2, e1.end, listed=listed)

    def _range_sep(self, j: int) -> tuple[str, int] | None:
        """The separator after a first end at ``j`` and where it ends: a dash or a word.

        "5–50", "5 – 50", "20 bis 30", "20 oder 30", "20- oder 30-" (suspended).
        """
        text, n = self.text, self.n
        if j < n and text[j] in DASHES:
            k = self.ws(j + 1)
            m = self.word(k)
            if k > j + 1 and m is not None and self._joins(m.group().lower(), suspended=True):
                return m.group().lower(), m.end()
            return "-", j + 1
        k = self.ws(j)
        if k < n and text[k] in DASHES and k > j:
            if k + 1 < n and text[k + 1] not in SPACE_CHARS:
                return None  # "5 -3" is not a range
            return "-", k + 1
        m = self.word(k)
        if m is None or k == j or not self._joins(m.group().lower(), suspended=False):
            return None
        return m.group().lower(), m.end()

    def _joins(self, word: str, *, suspended: bool) -> bool:
        """Whether ``word`` joins two ends: "bis", "oder", and after a dash also "und"."""
        lx = self.lx
        return (
            word in lx.range_words
            or word in lx.alternatives
            or (suspended and word in lx.conjunctions)
        )

    def combine(self, e1: _End, e2: _End, pos: int) -> _Body | None:
        """Join two ends into a range: the scale and currency of one end apply to the other."""
        if not self._ends_joinable(e1, e2):
            return None
        first = self._first_bounds(e1, e2, pos)
        if first is None:
            return None
        lo1, power = first
        if e1.unit is not None and e2.unit is not None and e1.unit != e2.unit:
            self.fail(pos, f"a range cannot run from {e1.unit} to {e2.unit}", rank=2)
            return None
        unit = e1.unit if e1.unit is not None else e2.unit
        if not (self._letters_ok(e1, unit) and self._letters_ok(e2, unit)):
            return None
        unit_pos = e1.unit_pos if e1.unit is not None else e2.unit_pos
        lo, hi = lo1, e2.hi
        if not (lo < hi and lo1 <= e2.lo):
            self.fail(
                pos,
                f"a range must rise, but {_plain(lo):f} is not below {_plain(hi):f}",
                rank=2,
            )
            return None
        reportable = e1.vague or e2.vague or power is not None or e2.power is not None
        return _Body(lo, hi, False, unit, reportable, e2.end, unit_pos, pos)

    def _ends_joinable(self, e1: _End, e2: _End) -> bool:
        """A bare article only as a first end before a scale or unit; counts need a scale."""
        if e2.bare_article:
            self._fail_article(e2.end)
            return False
        if e1.bare_article and (e2.vague or (e2.power is None and e2.unit is None)):
            self._fail_article(e1.end)
            return False
        if e1.needs_scale and e2.power is None and e2.stellig is None:
            self.fail(e2.end, "a vague count needs a scale word", "'Millionen' or 'Milliarden'")
            return False
        return not e2.needs_scale

    def _first_bounds(self, e1: _End, e2: _End, pos: int) -> tuple[Decimal, int | None] | None:
        """The first end's low bound and scale once the second end's scale is shared.

        "neun- oder zehnstellige Beträge": the first end is a digit count too, never the
        number nine; "20 bis 30 Mio. €": the scale is both ends'; "100.000 Euro und 5
        Millionen Euro": an end with its own unit after it is complete.
        """
        if e2.stellig is not None and e1.stellig is None:
            if e1.word_int is None or e1.unit is not None or e1.vague:
                self.fail(pos, "a '-stellig' range needs a digit count at both ends", rank=2)
                return None
            p = e2.power or 0
            self.stellig_range = True
            return _shift(Decimal(1), e1.word_int - 1 + p), p
        if e1.power is None and e2.power is not None and e1.stellig is None and not e1.unit_after:
            return _shift(e1.lo, e2.power), e2.power
        return e1.lo, e1.power

    # -- one end ---------------------------------------------------------------------------

    def end(self, i: int) -> _End | None:
        """[sign] [currency] [sign] numeral [scale] [currency | percent] at ``i``.

        Read in steps, each on the end read so far (``e.end`` is where the next starts): the
        figure with what stands before it, the scale word, the unit after it, the cents.
        """
        e = _End()
        num = self._lead(e, i)
        if num is None:
            return None
        e.lo, e.hi, e.point = num.lo, num.hi, num.lo == num.hi and num.kind != "count"
        e.word_int = num.word_int
        e.end = num.end
        if num.kind == "stellig":
            return self._stellig_end(e, num)
        if num.kind == "count":
            e.vague = True
            e.point = False
        letter = self._scale_after(e, num)
        if letter is None or not self._unit_after(e, num):
            return None
        if letter and e.unit is None:
            e.letter_at = e.end  # the range it ends may have one ("165k-170k €")
        if (
            num.kind in ("digits", "words")
            and e.point
            and not e.prefix
            and cents_may_follow(
                e.unit, self.text[e.unit_pos : e.unit_pos + 1], e.power is not None
            )
        ):
            assert e.unit is not None  # `cents_may_follow` holds only for a unit
            cents = self.cents(e.end, e.unit)
            if cents is not None:
                e.lo = e.hi = e.lo + cents[0]
                e.end = cents[1]
        if not self._counted(e, num) or not self._figure_end_ok(e, num):
            return None
        return self._sign(e, e.negative)

    def _lead(self, e: _End, i: int) -> _Num | None:
        """The sign, a currency before the figure ("€ 5", "CHF -5") and the numeral."""
        text, n = self.text, self.n
        if i < n and text[i] in MINUS_SIGNS and i + 1 < n and not text[i + 1].isspace():
            e.negative = True
            i += 1
        elif i < n and text[i] == "+" and i + 1 < n and text[i + 1] in DIGITS:
            i += 1
        else:
            m = self.word(i)
            if m is not None and m.group().lower() == "minus":
                j = self.ws(m.end())
                if j > m.end():
                    e.negative = True
                    i = j
        cur = self.currency_at(i)
        if cur is None:
            return self.numeral(i)
        e.unit, e.unit_pos, e.prefix = cur[0], i, True
        j = self.ws(cur[1])
        if not e.negative and j < n and text[j] in MINUS_SIGNS:
            e.negative = True
            j += 1
        num = self.numeral(j, after_currency=True)
        if num is None:
            self.fail(j, "a currency must be followed by a number", "a number")
            return None
        if num.kind != "digits" and num.kind != "words":
            return None
        return num

    def _stellig_end(self, e: _End, num: _Num) -> _End | None:
        """A "-stellig" magnitude as an end: vague, complete with its noun's scale and unit."""
        e.stellig = num.word_int
        e.vague = True
        e.point = False
        e.power = num.power
        if num.unit is not None:
            if e.unit is not None and e.unit != num.unit:
                return None
            e.unit, e.unit_pos = num.unit, num.unit_pos
        e.word_int = None
        return self._sign(e, e.negative)

    def _scale_after(self, e: _End, num: _Num) -> bool | None:
        """The scale word after the figure ("Mio.", "Milliarden", "bn", "TEUR"), applied.

        True if it is an English letter that needs a currency ("1,2 m"); None where the end
        cannot be read: two currencies, an ambiguous figure ("1.500bn"), two scale words in a
        row ("eine Million Millionen").
        """
        letter = False
        power = num.power
        if power is None:
            sc = self.scale(e.end, glued=num.kind == "digits")
            if sc is not None:
                letter_ = self._letter_scale(e.end, sc[1])
                if letter_ is None:
                    return None
                letter = letter_
                power, e.end, implied = sc
                if implied is not None:
                    if e.unit is not None and e.unit != implied:
                        self.fail(e.end, f"two currencies, {e.unit} and {implied}", rank=1)
                        return None
                    e.unit, e.unit_pos = implied, e.end
                e.lo, e.hi = _shift(e.lo, power), _shift(e.hi, power)
        if power is not None:
            e.word_int = None
            if self._scale_word_at(e.end):
                self.fail(self.ws(e.end), "two scale words in a row", "one scale word", rank=2)
                return None
        e.power = power
        return letter

    def _scale_word_at(self, i: int) -> bool:
        """Whether a scale word ("Millionen", "Mrd.") follows after white space at ``i``."""
        j = self.ws(i)
        m = self.word(j) if j > i else None
        if m is None:
            return False
        e = m.end()
        dotted = e < self.n and self.text[e] == "."
        if dotted and scale_power(self.lx, m.group(), True, "") is not None:
            return True
        return scale_power(self.lx, m.group(), False, self.text[e : e + 1]) is not None

    def _unit_after(self, e: _End, num: _Num) -> bool:
        """The currency or percent after the figure and its scale; False where it clashes."""
        glued = num.kind == "digits"
        if e.unit is None:
            cur = self.currency_after(e.end, glued=glued)
            if cur is not None and e.power is None and self._leads_next_figure(cur[1], cur[2]):
                cur = None  # "im Jahr 2007 CHF 1.85 Mio.": the code is the next figure's
            if cur is not None:
                if cur[2] < self.n and self.text[cur[2]] in _HYPHENS and self._heads_compound(*cur):
                    return False
                e.unit, e.unit_pos, e.end = cur
                e.unit_after = True
            else:
                pct = self.percent(e.end)
                if pct is not None:
                    e.unit, e.unit_pos, e.end = PERCENT, self.part(e.end)[0], pct
                    e.unit_after = True
        elif e.prefix:
            cur = self.currency_after(e.end, glued=glued)
            if cur is not None and cur[0] != e.unit:
                self.fail(cur[1], f"two currencies, {e.unit} and {cur[0]}", rank=1)
                return False
            if cur is not None:
                e.end = cur[2]
        return True

    def _heads_compound(self, unit: str, start: int, end: int) -> bool:
        """A currency name after a space that heads a compound: "8 Euro-Münzen".

        The rule is `heads_compound` (the extractor's shapes ask it too); this records why.
        """
        if not heads_compound(self.text, start, end):
            return False
        self.fail(start, "a figure before a compound noun counts things, it is no sum", rank=2)
        return True

    def _counted(self, e: _End, num: _Num) -> bool:
        """An article or vague count without a scale word: what it may still be."""
        if num.kind not in ("article", "count") or e.power is not None:
            return True
        if num.kind == "article" and e.unit is None and not e.negative:
            e.bare_article = True  # the first end of a range, or nothing
        elif num.kind == "article" and not self._counts_one(e.unit, e.unit_pos):
            self._fail_article(num.end)
            return False
        e.needs_scale = num.kind == "count" and e.unit is None
        return True

    def _figure_end_ok(self, e: _End, num: _Num) -> bool:
        """What may follow a figure in digits: no letters, no time; no table around it.

        After a currency written before it, another figure ("EUR 1000 9") makes it a table's
        row, and a power of ten after "in" ("in EUR 1000") a column's unit: no amount.
        """
        if num.kind != "digits":
            return True
        bare = e.unit is None and e.power is None
        if not self._digits_end_ok(e.end, bare, ratio=e.end == num.end):
            return False
        if not e.prefix or e.power is not None:
            return True
        j = self.ws(e.end)
        if j > e.end and j < self.n and self.text[j] in DIGITS:
            self.fail(j, "figures in a row after a currency: a table, not an amount", rank=2)
            return False
        if self._unit_head(e):
            self.fail(e.unit_pos, "a currency and a power of ten after 'in' name a unit", rank=2)
            return False
        return True

    def _unit_head(self, e: _End) -> bool:
        """Whether "in EUR 1000", "in CHF 1'000" (thousands of a currency) heads a column."""
        if e.lo != e.hi or e.lo < 1000 or e.lo.normalize().as_tuple().digits != (1,):
            return False
        return self._word_before(e.unit_pos) in self.lx.unit_heads

    def _word_before(self, i: int) -> str:
        """The word (lower case) that ends in white space right before ``i``, or ""."""
        text = self.text
        j = i
        while j > 0 and text[j - 1] in SPACE_CHARS:
            j -= 1
        k = j
        while k > 0 and text[k - 1].isalpha():
            k -= 1
        if j == i or k == j or (k > 0 and text[k - 1].isalnum()):
            return ""
        return text[k:j].lower()

    def _leads_next_figure(self, start: int, end: int) -> bool:
        """A currency code or lettered symbol at ``start:end`` with a figure right after it.

        "CHF", "USD", "Fr." stand before their figure; a currency name ("Euro") never does,
        and a sign ("5 € 2025") is read as the unit of the figure before it.
        """
        written = self.text[start:end]
        if not written[0].isalpha() or (
            written not in self.lx.codes and written not in self.lx.symbols
        ):
            return False
        j = self.ws(end)
        return j > end and j < self.n and self.text[j] in DIGITS

    def _letter_scale(self, figure_end: int, end: int) -> bool | None:
        """Whether the scale that ends at ``end`` is an English letter ("1bn", "1,2 m").

        Such a letter is read in German only with a currency ("1,2 m" may be metres); None:
        the figure before it is ambiguous ("1.500bn").
        """
        lx, text = self.lx, self.text
        if not lx.letters_need_unit:
            return False
        at = end  # the letters are one or two ("m", "bn"); a longer word is a scale word
        while at > figure_end and at > end - 3 and text[at - 1].isalpha():
            at -= 1
        if at == end or (at > figure_end and text[at - 1].isalpha()):
            return False
        word = text[at:end].lower()
        if not (lx.letters_need_unit and word in lx.glued_scales and word not in lx.scale_words):
            return False
        if _GROUPED_DOT.search(self.text, max(0, figure_end - 4), figure_end):
            self.fail(at, "'1.500bn' may be 1.5 or 1500 billion", "'1,5 Mrd.' or '1.500 Mrd.'")
            return None
        return True

    def cents(self, i: int, unit: str) -> tuple[Decimal, int] | None:
        """Cents after a sum in words: "zwei Euro fünfzig", "13 Euro und 45 Cent".

        Asked only where they may follow (`cents_may_follow`: a currency written with a
        letter, no scale word).
        """
        lx = self.lx
        j = self.ws(i)
        if j == i:
            return None
        m = self.word(j)
        joined = m is not None and m.group().lower() in lx.conjunctions
        if m is not None and joined:
            j = self.ws(m.end())
            if j == m.end():
                return None
        read = self._cent_figure(j)
        if read is None:
            return None
        end = self._cents_end(read[1], unit, joined=joined)
        return None if end is None else (read[0], end)

    def _cents_end(self, k: int, unit: str, *, joined: bool) -> int | None:
        """Where cents that end at ``k`` end with their word ("45 Cent"), or None.

        Without "Cent" the figure must end cleanly: "13 Euro und 45" is no price, nor "5 Euro
        20 Mitarbeiter" or "5 Euro 20 bis 30".
        """
        text, lx = self.text, self.lx
        j2 = self.ws(k)
        m2 = self.word(j2)
        if m2 is not None and j2 > k and m2.group().lower() in lx.subunits:
            codes = lx.subunits[m2.group().lower()]
            return None if codes is not None and unit not in codes else m2.end()
        if joined or (k < self.n and (text[k].isalnum() or text[k] in lx.symbol_firsts)):
            return None
        if m2 is not None and j2 > k and (m2.group()[0].isupper() or m2.group() in lx.back_words):
            return None
        return k

    def _cent_figure(self, j: int) -> tuple[Decimal, int] | None:
        """1–99 cents at ``j``: two digits or a number word."""
        text = self.text
        m = _CENTS.match(text, j)
        if m is not None:
            return Decimal(m.group()).scaleb(-2), m.end()
        w = self.word(j)
        if w is None or w.group().lower() in self.lx.articles:
            return None
        value = self.lx.cardinal(w.group().lower())
        if value is None or value != value.to_integral_value() or not 1 <= value <= 99:
            return None
        return value.scaleb(-2), w.end()

    def _counts_one(self, unit: str | None, unit_pos: int) -> bool:
        """Whether an article counts one of this unit: "ein Prozent", "einen Euro".

        A currency noun from the lexicon's short list, after a space, not a compound's head.
        """
        if unit == PERCENT:
            return True
        if unit is None or unit_pos < 0:
            return False
        m = _NOUN.match(self.text, unit_pos)
        return m is not None and m.group().lower() in self.lx.article_units

    def _fail_article(self, pos: int) -> None:
        self.fail(
            pos,
            "'ein'/'a' is a number only before a scale word or as the first end of a range",
            "a scale word",
            rank=1,
        )

    @staticmethod
    def _sign(e: _End, negative: bool) -> _End:
        if negative:
            e.lo, e.hi = e.hi.copy_negate(), e.lo.copy_negate()  # exact, unlike unary -
            e.word_int = None
        return e

    def _digits_end_ok(self, pos: int, bare: bool, *, ratio: bool) -> bool:
        """Digits must not run on into letters ("3D") or a time ("9 Uhr", "12:30").

        ``ratio``: ``pos`` is right after the digits, where ":" or "/" and a digit make a
        time, ratio or date ("12:30", "3/4"); after a scale or currency ("1,3 Mrd. €/1,5 Mrd.
        $") the slash only separates two amounts.
        """
        text, n = self.text, self.n
        if pos >= n:
            return True
        c = text[pos]
        if c.isalpha() or c == "_":
            self.fail(pos, f"unexpected {self._shown(pos)} after the number", self._after_number())
            return False
        if ratio and c in ":/" and pos + 1 < n and text[pos + 1] in DIGITS:
            self.fail(pos, "a time, ratio or date is not an amount", rank=1)
            return False
        if bare:
            m = self.word(self.ws(pos))
            if m is not None and m.group().lower() in self.lx.time_words:
                self.fail(pos, "a time is not an amount", rank=1)
                return False
        return True

    def _after_number(self) -> str:
        return "a scale word, a currency, '%' or the end"

    def fail_after(self, j: int) -> None:
        """Say why the text goes on at ``j`` after a whole expression.

        "4,07 bzw. 4,06 Franken" gives two amounts side by side, one for each of two things:
        no one `Amount` holds them (neither a range nor a point), so the error names the
        joiner; anything else is unexpected there.
        """
        m = self.word(j)
        if m is not None:
            word, e = m.group(), m.end()
            if self.text[e : e + 1] == "." and f"{word.lower()}." in self.lx.respectively:
                word += "."
            if word.lower() in self.lx.respectively:
                self.fail(
                    j,
                    f"{word!r} joins alternative amounts (one for each of two things), "
                    "which are not one amount",
                    "one amount (extract_amounts finds each of the alternatives)",
                    rank=2,
                )
                return
        self.fail(j, f"unexpected {self._shown(j)} after the amount", "the end of the text")

    def _shown(self, pos: int) -> str:
        m = _NOUN.match(self.text, pos)
        return repr(m.group() if m else self.text[pos : pos + 1])

    # -- numerals --------------------------------------------------------------------------

    def numeral(self, i: int, *, after_currency: bool = False) -> _Num | None:
        """Digits, number words, an article before a scale, a vague count or "-stellig"."""
        text, n, lx = self.text, self.n, self.lx
        if i >= n:
            self.fail(i, "the text ends where a number should be", "a number")
            return None
        if text[i] in ".," and i + 1 < n and text[i + 1] in DIGITS:
            return self.leading_decimal(i)
        if text[i] in DIGITS:
            num = self.digits(i, after_currency=after_currency)
            if num is not None and lx.stellig_endings and num.end < n and text[num.end] == "-":
                st = self.stellig(num.end + 1, digits=num)
                if st is not None:
                    return st
            return num
        m = self.word(i)
        if m is None:
            self.fail(i, f"unexpected {self._shown(i)}", "a number")
            return None
        return self._word_numeral(m)

    def _word_numeral(self, m: re.Match[str]) -> _Num | None:
        """A numeral that starts with the word ``m``: by the table the word is in."""
        lx = self.lx
        i = m.start()
        w = m.group().lower()
        if self.text.startswith(", ", m.end()):
            pair = self.rough_pair(m, w)
            if pair is not None:
                return pair
        kind = numeral_kind(lx, w)
        if kind == "stellig":
            return self.stellig(i)
        if kind == "vague_lead":
            return self.vague_lead(m)
        if kind == "count":
            return self.vague_count(m, w)
        if kind == "article":
            return self.article(m, w)
        if kind == "few":
            return self.few(m, w)
        if kind == "position":
            return self.position(m, w)
        if kind == "half":  # "halbe Milliarde Euro": half of one, before a scale word
            return _Num(_HALF, _HALF, m.end(), "article")
        if kind == "many":
            self.fail(i, f"{m.group()!r} names no figure (it has no bound)", "a number", rank=2)
            return None
        if kind == "few_times" and self._word_before(i) in lx.many:
            self.fail(i, f"{self._word_before(i)!r} {w!r} has no bound", "a figure", rank=2)
            return None
        return self.words(i)

    def rough_pair(self, m: re.Match[str], w: str) -> _Num | None:
        """A number word, a comma and the next number: "ein, zwei Millionen", "zwei, drei".

        "One or two million": a vague count from the first to the second, which like "ein
        paar" (2 to 10) is a range and needs a scale word or a currency after it.
        """
        m2 = self.word(m.end() + 2)
        if m2 is None:
            return None
        first = self.lx.cardinal(w)
        second = self.lx.cardinal(m2.group().lower())
        if first is None or second is None or first < 1 or first != first.to_integral_value():
            return None
        if second != first + 1:
            return None
        return _Num(first, second, m2.end(), "count")

    def vague_lead(self, m: re.Match[str]) -> _Num | None:
        """A "-stellig" magnitude after "in"/"im": "in sechsstelliger Höhe", read with it."""
        j = self.ws(m.end())
        w = self.word(j)
        if j == m.end() or w is None:
            return None
        low = w.group().lower()
        if low.endswith(self.lx.stellig_endings):
            return self.stellig(j)
        if low in self.lx.positions:
            return self.position(w, low)
        self.fail(m.start(), f"unexpected {self._shown(m.start())}", "a number")
        return None

    def few(self, m: re.Match[str], w: str) -> _Num | None:
        """A few: "mehrere hundert", "einige", "ein paar" (2 ≤ x < 10, times "hundert")."""
        lo, hi = self.lx.few[w]
        end = m.end()
        j = self.ws(end)
        m2 = self.word(j)
        if m2 is not None and j > end:
            power = self.lx.few_times.get(m2.group().lower())
            if power is not None:
                lo, hi, end = _shift(lo, power), _shift(hi, power), m2.end()
        return _Num(lo, hi, end, "count")

    def position(self, m: re.Match[str], w: str) -> _Num | None:
        """A part of a "-stellig" magnitude: "mittleren zweistelligen Millionenbereich"."""
        j = self.ws(m.end())
        if j == m.end():
            return None
        st = self.stellig(j)
        if st is None:
            return None
        first, last = self.lx.positions[w]
        unit_power = st.lo.adjusted()  # st.lo is 10^(n-1+power)
        st.lo = _shift(Decimal(first), unit_power)
        st.hi = _shift(Decimal(last), unit_power)
        st.word_int = None  # not the end of a "-stellig" range
        return st

    def digits(self, i: int, *, after_currency: bool = False) -> _Num | None:
        """A number written with digits in the locale's convention."""
        text, n, lx = self.text, self.n, self.lx
        d = None if after_currency else date_at(text, i)
        if d is not None:
            self.fail(i, f"{d.group()!r} looks like a date, not an amount", rank=3)
            return None
        m = lx.number.match(text, i)
        assert m is not None
        e = m.end()
        if e + 1 < n and text[e] in lx.raw_separators and text[e + 1] in DIGITS:
            english = lx.english_decimal.match(text, i) if lx.english_decimal else None
            if english is not None:  # "USD 1.5bn": an English figure with its English scale
                value = Decimal(english.group())
                return _Num(value, value, english.end(), "digits")
            self._bad_separator(i, e)
            return None
        j = e
        while j < n and text[j] in lx.group_spaces:
            j += 1
        if j > e and j < n and text[j] in DIGITS and continues_figure(lx, text, j):
            self.fail(j, "digits run on after a space", "one figure grouped in threes", rank=3)
            return None
        return self._figure(m)

    def _figure(self, m: re.Match[str]) -> _Num | None:
        """The number a match of the locale's number regex is worth, or a failure."""
        whole = m.group("int")
        if m.group("g") is not None:
            whole = whole.replace(m.group("g"), "")
        frac = m.group("frac") or ""
        value = figure_value(False, whole, frac, None)
        if value is None:
            if len(whole) + len(frac) > MAX_DIGITS:
                self.fail(m.start(), f"a number with more than {MAX_DIGITS} digits", rank=3)
            else:
                expected = "a figure without leading zeros"
                self.fail(m.start(), f"{whole!r} has a leading zero", expected, rank=3)
            return None
        num = _Num(value, value, m.end(), "digits")
        if not frac and m.group("g") is None and len(whole) <= 2:
            num.word_int = int(whole)
        return num

    def leading_decimal(self, i: int) -> _Num | None:
        """A fraction without its zero: ".75 €", ",5 %".

        A separator with no digits before it groups nothing, so it is the decimal one.
        """
        if i > 0 and (self.text[i - 1].isalnum() or self.text[i - 1] in self.lx.joiners):
            return None
        m = _FRACTION.match(self.text, i + 1)
        assert m is not None
        frac = m.group()
        if m.end() < self.n and self.text[m.end()] in self.lx.joiners:
            return None  # ".5.3", ",5,3"
        value = figure_value(False, "0", frac, None)
        if value is None:
            self.fail(i, f"a number with more than {MAX_DIGITS} digits", rank=3)
            return None
        return _Num(value, value, m.end(), "digits")

    def _bad_separator(self, start: int, at: int) -> None:
        """Explain a separator the locale does not allow there, with the likely reading."""
        text, lx = self.text, self.lx
        raw_end = at
        while raw_end < self.n and (text[raw_end] in DIGITS or text[raw_end] in lx.raw_separators):
            raw_end += 1
        raw = text[start:raw_end].rstrip(lx.raw_separators)
        sep = text[at]
        suggestions: tuple[str, ...] = ()
        swapped = raw.translate({ord("."): ",", ord(","): "."})
        if swapped != raw and lx.number.fullmatch(swapped) and lx.name != "de_CH":
            suggestions = (text[:start] + swapped + text[start + len(raw) :],)
        if sep == "." and "." not in lx.decimal_chars:
            message = f"in German '.' groups digits in threes only, so {raw!r} is not a number"
            expected = "a decimal comma or a group of exactly three digits after '.'"
        elif sep == ",":
            message = f"',' groups digits in threes here, so {raw!r} is not a number"
            expected = "a decimal point or a group of exactly three digits after ','"
        else:
            message = f"{raw!r} is not a number in {lx.name}"
            expected = "digits grouped in threes with one decimal separator"
        self.fail(at, message, expected, suggestions, rank=3)

    def words(self, i: int) -> _Num | None:
        """Number words, chunked by decreasing scale (the rule: `number_words`).

        "zwei Millionen dreihunderttausend", "three hundred and fifty million".
        """
        found = number_words(self.lx, self.text, i)
        if found is None:
            return self._words_read(i, 0, Decimal(0), -1, None, None)
        value, end, power, word_int, chunks = found
        return self._words_read(i, chunks, value, end, power, word_int)

    def _words_read(
        self,
        i: int,
        chunks: int,
        total: Decimal,
        end: int,
        last_power: int | None,
        word_int: int | None,
    ) -> _Num | None:
        """The number read by a number-word loop, or a failure at ``i`` if it read nothing."""
        if chunks == 0:
            self.fail(i, f"unexpected {self._shown(i)}", "a number")
            return None
        num = _Num(total, total, end, "words")
        num.power = last_power
        num.word_int = word_int if last_power is None else None
        return num

    def article(self, m: re.Match[str], w: str) -> _Num | None:
        """Read "eine Milliarde", "eine halbe Milliarde", "ein zweistelliger …", "a billion"."""
        lx = self.lx
        j = self.ws(m.end())
        if j == m.end():
            return None
        m2 = self.word(j)
        if m2 is not None:
            w2 = m2.group().lower()
            if w2 in lx.half_words:
                return _Num(_HALF, _HALF, m2.end(), "article")
            if w2 in lx.few and w2 not in lx.articles:  # "ein paar Millionen", "a few"
                return self.few(m2, w2)
            if w2 in lx.positions:  # "ein hoher einstelliger Milliardenbetrag"
                return self.position(m2, w2)
            if lx.stellig_endings and w2.endswith(lx.stellig_endings):
                return self.stellig(j)
        words = self.words(m.start())
        if words is not None:
            return words
        return _Num(Decimal(1), Decimal(1), m.end(), "article")

    def vague_count(self, m: re.Match[str], w: str) -> _Num | None:
        """Read "zig", "Hunderte", "tens of": an interval [10^a, 10^b) before a scale word."""
        lx = self.lx
        a, b = lx.vague_counts[w]
        end = m.end()
        of = lx.count_of
        if of is not None:  # "tens of billions (of dollars)": complete, nothing may follow
            j = self.ws(end)
            m2 = self.word(j)
            if m2 is None or j == end or m2.group().lower() != of:
                return None
            end = m2.end()
        num = _Num(_shift(Decimal(1), a), _shift(Decimal(1), b), end, "count")
        if of is not None:
            sc = self.scale(end, glued=False)
            if sc is None or sc[2] is not None:
                return None
            power, end2, _ = sc
            num.lo, num.hi = _shift(num.lo, power), _shift(num.hi, power)
            num.power = power
            num.end = end2
            j = self.ws(end2)
            m3 = self.word(j)
            if m3 is not None and j > end2 and m3.group().lower() == of:
                cur = self.currency_word(self.ws(m3.end()))
                if cur is not None:
                    num.unit, num.unit_pos = cur[0], self.ws(m3.end())
                    num.end = cur[1]
            num.kind = "stellig"  # complete: nothing may follow
            num.word_int = None
        return num

    def stellig(self, i: int, digits: _Num | None = None) -> _Num | None:
        """Read "zweistellige Milliardenbeträge", "9-stellige Summen": [10^(n-1), 10^n) × scale."""
        lx = self.lx
        m = self.word(i)
        if m is None:
            return None
        w = m.group().lower()
        ending = next((s for s in lx.stellig_endings if w.endswith(s)), None)
        if ending is None:
            return None
        head = w[: -len(ending)]
        if digits is not None:
            if head or digits.word_int is None:
                return None
            count = digits.word_int
        else:
            value = lx.cardinal(head) if head else None
            if value is None or value != value.to_integral_value():
                return None
            count = int(value)
        if not 1 <= count <= 30:
            return None
        j = self.ws(m.end())
        noun = _NOUN.match(self.text, j)
        meaning = None if noun is None or j == m.end() else stellig_noun(lx, noun.group())
        if noun is None or meaning is None:
            self.fail(j, "a '-stellig' figure needs a noun", "'Betrag', 'Summe' or 'Bereich'")
            return None
        power, unit = meaning
        num = _Num(_shift(Decimal(1), count - 1 + power), _shift(Decimal(1), count + power), 0, "")
        num.kind = "stellig"
        num.end = noun.end()
        num.power = power
        num.word_int = count
        num.unit = unit
        num.unit_pos = j
        return num

    # -- scale, currency, percent ----------------------------------------------------------

    def scale(self, i: int, *, glued: bool) -> tuple[int, int, str | None] | None:
        """A scale after a number: (power of ten, end, implied currency or None).

        The rule is `scale_at`; where it finds none, an English "billion" in German text
        is reported with the reason.
        """
        found = scale_at(self.lx, self.text, i, glued=glued)
        if found is None and self.strict:
            j, kind = self.part(i)
            m = self.word(j) if kind != "end" and (glued or kind != "glued") else None
            if m is not None and m.group() in self.lx.foreign_scales:
                self.fail(
                    j,
                    f"{m.group()!r} looks English (10⁹), but German 'Billion' is 10¹²",
                    "'Mrd.' or 'Milliarden' for 10⁹, 'Billion' for 10¹²",
                    rank=2,
                )
        return found

    def currency_at(self, i: int) -> tuple[str, int] | None:
        """A currency written before the number: "€", "US$", "USD", "Fr.", "CHF"."""
        sym = self.symbol(i)
        if sym is not None:
            return sym
        m = self.word(i)
        if m is None:
            return None
        w = m.group()
        if len(w) == 3 and w.isupper() and w in self.lx.codes:
            return w, m.end()
        return None

    def currency_after(self, i: int, *, glued: bool) -> tuple[str, int, int] | None:
        """A currency after the number: (code, start, end)."""
        j, kind = self.part(i)
        if kind == "end":
            return None
        sym = self.symbol(j)
        if sym is not None:
            return sym[0], j, sym[1]
        m = self.word(j)
        if m is None:
            return None
        w = m.group()
        if len(w) == 3 and w.isupper() and w in self.lx.codes:
            return w, j, m.end()
        if kind == "glued":
            return None
        cur = self.currency_word(j)
        if cur is None:
            amb = self.lx.ambiguous.get(w.lower())
            if amb is not None:
                self.fail(j, f"{w!r} names more than one currency", "a currency", amb, rank=2)
            return None
        return cur[0], j, cur[1]

    def symbol(self, i: int) -> tuple[str, int] | None:
        """The longest currency symbol at ``i``."""
        text, lx = self.text, self.lx
        if i >= self.n or text[i] not in lx.symbol_starts:
            return None
        m = lx.symbol_re.match(text, i)
        if m is None:
            return None
        return lx.symbols[m.group()], m.end()

    def currency_word(self, i: int) -> tuple[str, int] | None:
        """The longest currency name at ``i``: "Euro", "US-Dollar", "schwedische Kronen"."""
        text, n, lx = self.text, self.n, self.lx
        m = self.word(i)
        if m is None:
            return None
        words = lx.currency_words
        key = m.group().lower()
        k = m.end()
        best: tuple[str, int] | None = None
        code = words.get(key)
        if code is not None:
            best = (code, k)
        for _ in range(lx.currency_max_words - 1):
            if k + 1 >= n or (text[k] != " " and text[k] != "-" and text[k] not in _JOIN):
                break
            m2 = self.word(k + 1)
            if m2 is None:
                break
            key = key + _JOIN.get(text[k], text[k]) + m2.group().lower()
            k = m2.end()
            code = words.get(key)
            if code is not None:
                best = (code, k)
        return best

    def percent(self, i: int) -> int | None:
        """Read "%", "Prozent", "percent", "per cent" after the number: the end position."""
        text, n, lx = self.text, self.n, self.lx
        j, kind = self.part(i)
        if kind == "end":
            return None
        if j < n and text[j] == "%":
            return j + 1
        if kind == "glued":
            return None
        m = self.word(j)
        if m is None:
            return None
        w = m.group().lower()
        if lx.percent_words.get(w) == 1:
            e = m.end()
            if e < n and text[e] == "." and w + "." in lx.percent_words:
                return e + 1
            return e
        k = self.ws(m.end())
        m2 = self.word(k)
        if m2 is not None and lx.percent_words.get(f"{w} {m2.group().lower()}") == 2:
            return m2.end()
        return None


# -- public API ------------------------------------------------------------------------------


def _check_text(text: Any) -> str:
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    return text


def _read(text: str, locale: Any) -> tuple[Parsed, Parser]:
    """Parse the whole of ``text`` as one expression (surrounding whitespace allowed)."""
    _check_text(text)
    lx = lexicon(resolve_locale(locale))
    start = len(text) - len(text.lstrip())
    stop = len(text.rstrip())
    if start >= stop:
        raise ParseError(
            "empty text",
            text=text,
            position=len(text),
            expected=f"an amount such as {lx.example!r}",
        )
    p = Parser(text, lx, strict=True)
    r = p.expr(start)
    if r is not None and r.end == stop:
        return r, p
    if r is not None:
        after = p.ws(r.end)
        if after >= p.fail_pos and p.fail_rank < 2:
            p.fail_after(after)
    if p.fail_pos < 0:
        p.fail(start, "not an amount", "a number")
    raise ParseError(
        p.fail_message,
        text=text,
        position=p.fail_pos,
        expected=p.fail_expected,
        suggestions=p.fail_suggestions,
    )


def _quick(text: Any, locale: Any) -> Amount | None:
    """The fast path's reading of the whole text, or None (then the grammar decides)."""
    if type(text) is not str:
        _check_text(text)
    lx, ft = tables_for(locale)
    return fast_amount(lx, ft, text.strip())


def parse_amount(text: str, *, locale: Any = "de_DE") -> Amount:
    """Read ``text`` as one amount expression: a point, a range or a vague magnitude.

    The whole text must be one expression (surrounding whitespace is allowed); anything else
    raises `ParseError` with the position and what was expected there.

    Args:
        text: The expression, e.g. ``"1,5 Mrd. €"``, ``"5–50 Millionen Euro"``, ``"11 %"``.
        locale: A ``babel.Locale`` or a name: de_DE, de_AT, de_CH, en_US or en_GB.

    Raises:
        ParseError: ``text`` is not exactly one amount.
        UnsupportedLocale: ``locale`` is not supported (a ValueError).
        TypeError: ``text`` is not a ``str``.

    Examples:
        >>> print(parse_amount("rund 4 Mrd. US-Dollar"))
        about 4000000000 USD
        >>> print(parse_amount("5–50 Millionen Euro"))
        5000000–50000000 EUR
    """
    # The shapes read a whole text without arithmetic (digits become a Decimal from a string,
    # comparisons are exact) or in an exact context of their own (a run of number words is
    # summed by the exact context's `add`), so they run in the caller's context; the
    # grammar computes, and runs in the exact context (test_amounts_context.py checks both).
    if type(text) is str:
        # `tables_for`'s memo of locale names read here (a call less per expression).
        tables = _TABLES_BY_NAME.get(locale) if type(locale) is str else None
        lx, ft = tables_for(locale) if tables is None else tables
        amount = fast_amount(lx, ft, text.strip())
        if amount is not None:
            return amount
    return _read_exact(text, locale)[0].amount


_read_exact = in_exact_context(_read)


@in_exact_context
def parse_money(text: str, *, locale: Any = "de_DE") -> Money:
    """Read ``text`` as one sum of money: a point amount with a currency.

    A hedge ("rund", "mehr als") is dropped; a range, a vague magnitude, a percentage or a
    figure without a currency raise `ParseError`.

    Raises:
        ParseError: ``text`` is not exactly one sum of money.
        UnsupportedLocale: ``locale`` is not supported (a ValueError).
        TypeError: ``text`` is not a ``str``.
    """
    quick = _quick(text, locale)
    if quick is not None and quick.value is not None and quick.currency is not None:
        return Money(quick.value, quick.currency)
    parsed, _ = _read(text, locale)
    amount = parsed.amount
    if amount.value is None:
        raise ParseError(
            "a range is not one sum of money",
            text=text,
            position=max(parsed.range_pos, parsed.start),
            expected="a single amount (use parse_amount for ranges)",
        )
    if amount.unit == PERCENT:
        raise ParseError(
            "a percentage is not a sum of money",
            text=text,
            position=parsed.unit_pos,
            expected="a currency",
        )
    if amount.unit is None:
        raise ParseError(
            "no currency",
            text=text,
            position=parsed.end,
            expected="a currency such as '€', 'EUR', 'Euro', '$' or 'USD'",
        )
    return Money(amount.value, amount.unit)


@in_exact_context
def parse_number(text: str, *, locale: Any = "de_DE") -> Decimal:
    """Read ``text`` as one number: digits, number words, scale words and a sign.

    A currency, a percent sign, a hedge or a range raise `ParseError`.

    Raises:
        ParseError: ``text`` is not exactly one number.
        UnsupportedLocale: ``locale`` is not supported (a ValueError).
        TypeError: ``text`` is not a ``str``.

    Examples:
        >>> parse_number("zwei Millionen dreihunderttausend")
        Decimal('2300000')
    """
    quick = _quick(text, locale)
    if (
        quick is not None
        and quick.value is not None
        and quick.unit is None
        and quick.qualifier is _EXACT
    ):
        return quick.value
    parsed, _ = _read(text, locale)
    amount = parsed.amount
    if amount.qualifier is not _EXACT:
        raise ParseError(
            "a hedged figure is not a number",
            text=text,
            position=parsed.qualifier_pos,
            expected="a number without 'rund', 'mehr als', …",
        )
    if amount.value is None:
        raise ParseError(
            "a range is not a number",
            text=text,
            position=max(parsed.range_pos, parsed.start),
            expected="a single number",
        )
    if amount.unit is not None:
        raise ParseError(
            f"{'a percentage' if amount.unit == PERCENT else 'a sum of money'} is not a number",
            text=text,
            position=parsed.unit_pos,
            expected="a number without currency or percent sign",
        )
    return amount.value
