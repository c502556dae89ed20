"""The fast tables' regexes as compiled are the ones written: same matches, same groups.

`aieco.amounts._fast` compiles every shape regex with each greedy optional group written as
a branch (`_branched`: ``re`` runs a branch far more cheaply than an optional group), and
the trigger asks `date_at` only where its group ``dt`` says a date may start, and
`continues_figure` and `is_date`'s month test only where ``cf`` and ``mb`` say they may
hold. All are speed changes: nothing may read differently.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aieco.amounts import _fast
from aieco.amounts._fast import _branched, _compile, tables_for
from aieco.amounts._lexicon import DIGITS
from aieco.amounts._rules import continues_figure, date_at
from aieco.amounts._tokens import is_date

_LOCALES = ["de_DE", "de_CH", "en_US"]

# Pieces of amounts and of what a trigger must tell apart from them, joined at random.
_PIECES = [
    *"0123456789 .,'’:/-–€$%\u00a0\u202f",
    "Mio.",
    "Mio",
    "Mrd.",
    "Millionen",
    "Milliarden",
    "Bio-",
    "billion",
    "Tsd.",
    "Euro",
    "US-Dollar",
    "Dollar",
    "CHF",
    "USD",
    "Fr.",
    "Prozent",
    "percent",
    "Mai",
    "März",
    "und",
    "bis",
    "x",
    "B",
]
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=14).map("".join)


def _patterns(locale: str) -> list[str]:
    """Patterns the tables build, as written (before `_compile` rewrites them)."""
    lx, _ = tables_for(locale)
    rest = _fast._number_rest(lx)
    tail = _fast._scale_currency(lx)
    return [f"[0-9]{rest}{tail}", tail, _fast._unit_after(lx), _fast._code_flag() + "[0-9]"]


def test_branched_rewrites_only_greedy_optional_groups() -> None:
    assert _branched("(a)?b?(?:c)??(?>d)?+(?=e)?(?P<f>g|h)?") == (
        "(?:(a)|)b?(?:c)??(?>d)?+(?=e)?(?:(?P<f>g|h)|)"
    )
    assert _branched(r"[(]?\(x\)?[^)]?([)])?") == r"[(]?\(x\)?[^)]?(?:([)])|)"
    assert _branched("(?(a)b|c)?") == "(?(a)b|c)?"


@pytest.mark.parametrize("locale", _LOCALES)
@settings(max_examples=150, deadline=None)
@given(text=_TEXTS)
def test_rewritten_patterns_match_alike(locale: str, text: str) -> None:
    for pattern in _patterns(locale):
        written, compiled = re.compile(pattern), _compile(pattern)
        assert compiled.pattern != pattern  # it has optional groups to rewrite
        for i in range(len(text) + 1):
            a, b = written.match(text, i), compiled.match(text, i)
            assert (a is None) == (b is None), (pattern, text, i)
            if a is not None and b is not None:
                assert (a.span(), a.groupdict()) == (b.span(), b.groupdict()), (text, i)


@pytest.mark.parametrize("locale", _LOCALES)
@settings(max_examples=200, deadline=None)
@given(text=_TEXTS)
def test_trigger_flags_every_date(locale: str, text: str) -> None:
    """Where the trigger's ``dt`` is None at digits, `date_at` finds nothing there."""
    _, ft = tables_for(locale)
    for m in ft.trigger.finditer(text):
        t = m.start()
        if text[t] in DIGITS and m.group(ft.trigger_date) is None:
            assert date_at(text, t, ratios=True) is None, (text, t)


@pytest.mark.parametrize(
    "text", ["am 12.06.1994 um", "bis 17.3. fertig", "2026-02-17", "um 12:30 Uhr", "3/4", "7.40."]
)
def test_trigger_flags_dates(text: str) -> None:
    _, ft = tables_for("de_DE")
    digit = next(i for i, c in enumerate(text) if c in DIGITS)
    m = ft.trigger.search(text)
    assert m is not None
    assert m.start() == digit
    assert m.group(ft.trigger_date) is not None


# What may stand before a figure: digits of other scripts, joiners, group spaces, letters of
# Latin and other scripts, month names, currency signs.
_BEFORE = [
    *"0123456789 .,'’‘٫٬^·-–€$%()\u00a0\u202f\u2009\u200b\u2060\u2007\t\n",
    *"\u00ad\u200c\u200d\ufeff",  # invisible joiners that group digits
    *"²³١٥߁①",  # digits `str.isdigit` takes that `[0-9]` does not
    *"aZéÿßµªשж_",
    "Mai",
    "März",
    "Jan.",
    "Mio. €",
    "Mrd.",
    "Euro",
]
_BEFORE_TEXTS = st.lists(st.sampled_from(_BEFORE), max_size=12).map("".join)


@pytest.mark.parametrize("locale", _LOCALES)
@settings(max_examples=300, deadline=None)
@given(text=_BEFORE_TEXTS)
def test_trigger_flags_every_continued_figure_and_month(locale: str, text: str) -> None:
    """Where ``cf`` (``mb``) is None at digits, `continues_figure` (a month before) is False."""
    lx, ft = tables_for(locale)
    may_continue, may_follow_month = ft.trigger_before
    for m in ft.trigger.finditer(text):
        t = m.start()
        if text[t] not in DIGITS:
            continue
        if m.group(may_continue) is None:
            assert not continues_figure(lx, text, t), (text, t)
        if m.group(may_follow_month) is None:
            assert not is_date(text, t, lx, after=False), (text, t)


@pytest.mark.parametrize(
    ("text", "continues", "month"),
    [
        ("5 Mio. € 5 Mio. €", False, False),
        ("rund 5 Mio. €", False, True),
        ("1.5 Mio. €", True, False),
        ("98 765 432 Euro", True, False),  # the trigger reads the grouped figure whole
        ("2019  45 Mio. Euro", True, False),
        ("² 5 Mio. €", True, True),
        ("im Mai 5 Mio. €", False, True),
        ("(5 Mio. €)", True, False),  # (a superset: asked, and it says no)
        ("1,5, 5 Mio. €", False, False),
    ],
)
def test_trigger_flags_before_digits(text: str, continues: bool, month: bool) -> None:
    _, ft = tables_for("de_DE")
    m = [m for m in ft.trigger.finditer(text) if text[m.start()] in DIGITS][-1]
    cf, mb = m.group(*ft.trigger_before)
    assert (cf is not None, mb is not None) == (continues, month), m.start()
