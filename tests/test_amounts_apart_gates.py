"""`part_of_figure`'s gates: where neither of its two regexes matches, no rule of it holds.

The gates (`_rules._apart_gates`) are built from the lexicon's words and decide most
readings in C; they are a speed change, so they must say "maybe" wherever a rule of
`part_of_figure` holds. Checked on random texts of the pieces those rules look at (number
words written apart, fractions, halves, decimal words, invisible characters, joiners,
white space of every kind, letters whose lower case is another's), at every span a reading
may have.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aieco.amounts._lexicon import lexicon
from aieco.amounts._rules import _apart_gates, _apart_rules, part_of_figure

_LOCALES = ["de_DE", "de_CH", "en_US"]

_PIECES = [
    *" \u00a0\u202f\t\n-–‐/⁄.,'’^·٫",
    *"\u00ad\u200b\u200c\u200d\u2060\ufeff",
    *"0123456789½¾²",
    *"aeEtTkKpPhHzZuU\u212a\u1e9eİß",
    "zwei",
    "drei",
    "vier",
    "zehn",
    "zig",
    "hundert",
    "Hundert",
    "tausend",
    "ein",
    "eine",
    "einer",
    "Ein",
    "und",
    "halb",
    "halbe",
    "Viertel",
    "drittel",
    "Hälfte",
    "Komma",
    "PUNKT",
    "Millionen",
    "Euro",
    "Mio.",
    "bei",
    "two",
    "thirds",
    "a",
    "an",
    "and",
    "half",
    "quarter",
    "of",
    "point",
    "hundred",
    "million",
    "dollars",
]
_TEXTS = st.lists(st.sampled_from(_PIECES), min_size=1, max_size=9).map("".join)
# Words a rule joins, each followed by a gap: more often next to each other than above.
_WORDS = {
    "de_DE": [
        "zwei",
        "drei",
        "hundert",
        "Tausend",
        "ein",
        "eine",
        "und",
        "halbe",
        "Viertel",
        "Komma",
        "Punkt",
        "fünf",
        "5",
        "1/2",
        "½",
        "Millionen",
        "Euro",
        "bei",
        "zehn",
    ],
    "en_US": [
        "two",
        "three",
        "a",
        "an",
        "and",
        "half",
        "quarter",
        "thirds",
        "of",
        "point",
        "5",
        "1/2",
        "½",
        "million",
        "dollars",
        "for",
    ],
}
_GAPS = st.sampled_from([" ", " ", " ", "  ", "\u00a0", "\n", "-", "\u00ad", ""])
_CASE = st.sampled_from([str, str.upper, str.capitalize])


@st.composite
def _phrases(draw: st.DrawFn, locale: str) -> str:
    words = draw(st.lists(st.sampled_from(_WORDS[locale]), min_size=1, max_size=6))
    return "".join(draw(_CASE)(w) + draw(_GAPS) for w in words)


def _check(locale: str, text: str) -> None:
    lx = lexicon(locale)
    at_end, at_start = _apart_gates(lx)
    for start in range(len(text)):
        if text[start].isspace():
            continue
        for end in range(start + 1, len(text) + 1):
            if text[end - 1].isspace():
                continue
            if at_end.match(text, end) is None and at_start.match(text, start) is None:
                assert not _apart_rules(lx, text, start, end, -2), (text, start, end)


@pytest.mark.parametrize("locale", _LOCALES)
@settings(max_examples=300, deadline=None)
@given(text=_TEXTS)
def test_no_rule_holds_where_no_gate_matches(locale: str, text: str) -> None:
    _check(locale, text)


@pytest.mark.parametrize("locale", ["de_DE", "en_US"])
@settings(max_examples=600, deadline=None)
@given(data=st.data())
def test_no_rule_holds_where_no_gate_matches_in_phrases(locale: str, data: st.DataObject) -> None:
    _check(locale, data.draw(_phrases(locale)))


@pytest.mark.parametrize(
    ("text", "span", "apart"),
    [
        ("zwei hundert Euro", (5, 17), True),  # the key "ei"+"hu" before it
        ("zwei Millionen drei hundert Euro", (0, 19), True),  # after it
        ("drei viertel Millionen", (0, 4), True),  # a fraction's noun after it
        ("drei Viertel einer Million Euro", (13, 31), True),  # an article after one
        ("2 Komma 5 Millionen Euro", (8, 24), True),  # a decimal word before it
        ("5 ½ Millionen Euro", (0, 1), True),  # a vulgar fraction after one space
        ("250\u00ad,50 Euro", (0, 3), True),  # an invisible character and a joiner
        ("zwei und eine halbe Million Euro", (0, 4), True),  # a half after "und"
        ("two and a half million dollars", (0, 3), True),  # "and a half" after it
        ("half a million dollars", (5, 22), True),  # an article after a half
        ("für 5 Millionen Euro bewertet", (4, 20), False),  # neither gate matches
        ("mit rund 5 Millionen Euro", (4, 25), False),  # "mit" is no decimal word
        ("ein 500-Milliarden-Dollar-Projekt", (4, 25), False),  # a hyphen, no fraction
    ],
)
def test_gates_and_rules(text: str, span: tuple[int, int], apart: bool) -> None:
    lx = lexicon("en_US" if text.endswith("dollars") else "de_DE")
    start, end = span
    assert part_of_figure(lx, text, start, end) is apart
    at_end, at_start = _apart_gates(lx)
    gated = at_end.match(text, end) is not None or at_start.match(text, start) is not None
    assert gated or not apart
    if text.startswith(("für", "mit", "ein 500")):
        assert not gated  # decided in C


def test_number_alone_memo_keeps_the_value_apart() -> None:
    """`number_alone` is memoised by surface; a reading of another value is asked anew."""
    from decimal import Decimal

    from aieco.amounts._reading import point
    from aieco.amounts._rules import number_alone

    de = lexicon("de_DE")
    text = "zwei Millionen drei zwei"
    more = point(0, 19, Decimal(2000003), None, None)
    assert number_alone(de, text, more) is False
    assert number_alone(de, text, more) is False  # from the memo
    # The same surface with the value of its last word alone (as a reading never has it,
    # but the memo must not answer for another value).
    assert number_alone(de, text, point(0, 19, Decimal(3), None, None)) is True
    assert number_alone(de, text, point(20, 24, Decimal(2), None, None)) is True
    assert number_alone(de, text, point(20, 24, Decimal(2), "EUR", None)) is False
