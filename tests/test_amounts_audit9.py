"""Table tests for what the review of the ninth session's amounts rules found.

Each row is a text written for this file with what a reader takes from it, and each gave a
wrong value before its fix (rows marked "kept" guard what must still be read):

* an invisible character (a soft hyphen as hyphenation writes it, a zero-width space,
  non-joiner or joiner, a word joiner, a byte-order mark) inside a word of an expression cut
  the expression there, and a part of it was read: "eineinhalb Tausend zwanzig Prozent"
  with one inside "Tausend" gave "zwanzig Prozent" = 20 %, "zweieinhalb Milliarden
  US-Dollar" with a soft hyphen after the "M" gave "zweieinhalb M" = 2,500,000. A reading
  now stands only where the text as shown (without those characters) reads the same there
  (`_extract._as_shown`); nothing is read that was not read before.
* a fraction whose parts a hyphen joins ("two-thirds", "die Zwei-Drittel-Mehrheit") gave
  its numerator as a bare number (`_rules._fraction_apart`);
* a number with a fraction or decimals beside it gave a part of the figure: "5 1/2
  Millionen Euro" gave 2,000,000 EUR, "2 Komma 5 Millionen Euro" 5,000,000 EUR.
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aieco import extract_amounts
from aieco.amounts import extract_amounts_many
from aieco.amounts._lexicon import INVISIBLE_JOINERS
from aieco.money import Amount

E = "EUR"
_Row = tuple[str, str, list[tuple[str, Amount]], list[tuple[str, Amount]]]

#: (text, locale, mentions, mentions with bare numbers).
INVISIBLE_IN_WORDS: list[_Row] = [
    # inside a scale word, with words of the figure after it: 20 % before
    ("Es kostet eineinhalb Tau\u200csend zwanzig Prozent.", "de_DE", [], []),
    # inside the scale word after the figure: "2,5" and "zweieinhalb M" (2,500,000) before
    ("Sie zahlte 2,5 Mil\u00adliar\u00adden Euro.", "de_DE", [], []),
    ("Sie zahlte zweieinhalb M\u00adilliarden US-Dollar.", "de_DE", [], []),
    ("Sie zahlte EUR 244 Mi\u00ado. dafür.", "de_DE", [], []),  # "EUR 244" = 244 EUR
    # after white space, before the scale word: "Tausend Prozent" = 1,000 %, "fünfzig Mrd."
    ("Es sind rund 1\u00a0058\u00a0839\u200c\u00a0537,98 \ufeffTausend Prozent.", "de_DE", [], []),
    ("Die Runde bringt fünfzig Mrd. dreiviertel \u200bTausend Euro.", "de_DE", [], []),
    # between a count and an amount in words: "zwei" with bare numbers
    ("Es sind zwei\u200b drei Millionen Euro.", "de_DE", [], []),
    ("Sie zahlte zwei Millionen\u00ad drei\u00adhundert Euro.", "de_DE", [], []),
    # English: "five percent" = 5 %, "two" = 2, "fifty" = 50
    ("She paid t\u2060wenty-five percent.", "en_US", [], []),
    ("She paid two\u00adhundred dollars.", "en_US", [], []),
    ("She paid fifty m\u2060illion USD for it.", "en_US", [], []),
    # kept: a figure grouped by one, and an amount next to a hyphenated word
    (
        "Sie zahlte 250\u00ad000 Euro.",
        "de_DE",
        [("250\u00ad000 Euro", Amount(D(250000), unit=E))],
        [("250\u00ad000 Euro", Amount(D(250000), unit=E))],
    ),
    (
        "Das Unter\u00adnehmen erhält 5 Mio. Euro.",
        "de_DE",
        [("5 Mio. Euro", Amount(D(5000000), unit=E))],
        [("5 Mio. Euro", Amount(D(5000000), unit=E))],
    ),
    (
        "\ufeffDas Unternehmen erhält 5 Mio. Euro und 3 Mio. Dollar.",
        "de_DE",
        [
            ("5 Mio. Euro", Amount(D(5000000), unit=E)),
            ("3 Mio. Dollar", Amount(D(3000000), unit="USD")),
        ],
        [
            ("5 Mio. Euro", Amount(D(5000000), unit=E)),
            ("3 Mio. Dollar", Amount(D(3000000), unit="USD")),
        ],
    ),
]

#: A fraction joined by a hyphen: the numerator alone with bare numbers before.
HYPHENATED_FRACTIONS: list[_Row] = [
    ("Die Zwei-Drittel-Mehrheit steht.", "de_DE", [], []),
    ("Er zahlte drei-viertel Millionen Euro.", "de_DE", [], []),
    ("She paid two-thirds of a million dollars.", "en_US", [], []),
    ("A two-thirds majority.", "en_US", [], []),
    # kept: a fraction written as one word, and a half word after a number
    ("Eine Dreiviertel-Mehrheit steht.", "de_DE", [], [("Dreiviertel", Amount(D("0.75")))]),
    ("It has 12 half-day sessions.", "en_US", [], [("12", Amount(D(12)))]),
]


#: A number and a fraction or decimals beside it: "5 1/2 Millionen Euro" gave "2 Millionen
#: Euro" = 2,000,000 EUR, "7 3/4 percent" 4 %, "2 Komma 5 Millionen Euro" 5,000,000 EUR, "5 ½
#: Millionen Euro" "5" with bare numbers (`_rules.continues_figure`: a slash joins two digit
#: runs, `_lexicon.FRACTION_SLASHES`; `_rules._number_beside`).
NUMBER_BESIDE: list[_Row] = [
    ("Es sind 5 1/2 Millionen Euro.", "de_DE", [], []),
    ("Es sind 7 3/4 Millionen Euro.", "de_DE", [], []),
    ("Es sind 5 1\u20442 Millionen Euro.", "de_DE", [], []),
    ("Es kostet 5 10/20 Euro.", "de_DE", [], []),
    ("Es sind 5 ½ Millionen Euro.", "de_DE", [], []),
    ("Es sind 5½ Millionen Euro.", "de_DE", [], []),
    ("Es sind 5-1/2 Millionen Euro.", "de_DE", [], []),
    ("Es sind fünf ½ Millionen Euro.", "de_DE", [], []),
    ("Es sind drei 1/2 Millionen Euro.", "de_DE", [], []),
    ("Es sind 2 Komma 5 Millionen Euro.", "de_DE", [], []),
    ("Es sind 2 Komma fünf Millionen Euro.", "de_DE", [], []),
    ("Es sind zwei Komma 5 Millionen Euro.", "de_DE", [], []),
    # "Punkt" said for the point ("zwei Punkt fünf"), never read as one: gave 5,000,000 EUR
    ("Es sind 2 Punkt 5 Millionen Euro.", "de_DE", [], []),
    ("Es sind zwei Punkt fünf Millionen Euro.", "de_DE", [], []),
    ("Es sind 2 PUNKT 5 Millionen Euro.", "de_DE", [], []),
    ("She paid 5 1/2 million dollars.", "en_US", [], []),
    ("She paid 1 1/2 percent.", "en_US", [], []),
    ("She paid $5 1/2 million.", "en_US", [], []),
    ("She paid 2 point 5 million dollars.", "en_US", [], []),
    # kept: decimals in words, a fraction away from the figure, a date, a season
    (
        "Es sind zwei Komma fünf Millionen Euro.",
        "de_DE",
        [("zwei Komma fünf Millionen Euro", Amount(D(2500000), unit=E))],
        [("zwei Komma fünf Millionen Euro", Amount(D(2500000), unit=E))],
    ),
    (
        "Um Punkt 5 Uhr kamen 3 Millionen Euro.",
        "de_DE",
        [("3 Millionen Euro", Amount(D(3000000), unit=E))],
        [("3 Millionen Euro", Amount(D(3000000), unit=E))],
    ),
    (
        "Es sind 2/3 der 6 Millionen Euro.",
        "de_DE",
        [("6 Millionen Euro", Amount(D(6000000), unit=E))],
        [("6 Millionen Euro", Amount(D(6000000), unit=E))],
    ),
    (
        "Am 3/4 zahlte sie 5 Mio. Euro.",
        "de_DE",
        [("5 Mio. Euro", Amount(D(5000000), unit=E))],
        [("5 Mio. Euro", Amount(D(5000000), unit=E))],
    ),
    (
        "Im Jahr 2022/23 waren es 5 Mio. Euro.",
        "de_DE",
        [("5 Mio. Euro", Amount(D(5000000), unit=E))],
        [("5 Mio. Euro", Amount(D(5000000), unit=E))],
    ),
]


def _found(text: str, locale: str, numbers: bool) -> list[tuple[str, Amount]]:
    return [
        (m.text, m.amount) for m in extract_amounts(text, locale=locale, include_numbers=numbers)
    ]


@pytest.mark.parametrize(
    ("text", "locale", "plain", "numbers"),
    INVISIBLE_IN_WORDS + HYPHENATED_FRACTIONS + NUMBER_BESIDE,
    ids=lambda x: repr(x)[:40],
)
def test_read_whole_or_not_at_all(
    text: str, locale: str, plain: list[tuple[str, Amount]], numbers: list[tuple[str, Amount]]
) -> None:
    assert _found(text, locale, False) == plain
    assert _found(text, locale, True) == numbers


@pytest.mark.parametrize(("text", "locale", "plain", "numbers"), INVISIBLE_IN_WORDS)
def test_the_batch_form_reads_the_same(
    text: str, locale: str, plain: list[tuple[str, Amount]], numbers: list[tuple[str, Amount]]
) -> None:
    for flag, expected in ((False, plain), (True, numbers)):
        cols = extract_amounts_many(["x", text], locale=locale, include_numbers=flag)
        assert [(t, i) for i, t in zip(cols.index, cols.text, strict=True)] == [
            (t, 1) for t, _ in expected
        ]


_SENTENCES = [
    ("Sie zahlte eineinhalb Tausend zwanzig Prozent dafür.", "de_DE"),
    ("Die Runde bringt 2,5 Milliarden Euro und 250 000 Franken.", "de_DE"),
    ("Es sind rund zwei Millionen dreihunderttausend Euro, nicht 12,5 Mio. €.", "de_DE"),
    ("Umsatz: 98 765 432 Euro; Kosten: zwei, drei Millionen Euro.", "de_AT"),
    ("She paid twenty-five thousand dollars and $1.5bn more.", "en_US"),
]


@settings(max_examples=300, deadline=None)
@given(
    st.sampled_from(_SENTENCES),
    st.lists(
        st.tuples(st.integers(0, 80), st.sampled_from(INVISIBLE_JOINERS)), min_size=1, max_size=3
    ),
    st.booleans(),
)
def test_an_invisible_character_never_gives_a_part_of_what_the_page_shows(
    sentence: tuple[str, str], inserts: list[tuple[int, str]], numbers: bool
) -> None:
    """Property: each mention is read the same, over its place, in the text as shown."""
    shown, locale = sentence
    text = shown
    for at, c in inserts:
        at = min(at, len(text))
        text = text[:at] + c + text[at:]
    place = [sum(1 for c in text[:i] if c not in INVISIBLE_JOINERS) for i in range(len(text) + 1)]
    on_page = extract_amounts(shown, locale=locale, include_numbers=numbers)
    for m in extract_amounts(text, locale=locale, include_numbers=numbers):
        s, e = place[m.start], place[m.end]
        assert any(v.start <= s and e <= v.end and v.amount == m.amount for v in on_page), (
            text,
            m,
        )
