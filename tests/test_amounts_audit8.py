"""Table tests for what the review of the eighth session found in the amounts engine.

Each row was written for this file and labelled by hand: a figure is read whole or not at
all (#8 §2). "zwei ein halb Millionen Euro" is "zweieinhalb" (2.5) written apart at two
places; the readers take "ein halb" for 0.5, so the reading from "ein" was 500,000 EUR
(`_rules.part_of_figure` now also joins a reading's first two words, or the two after it,
where they are one number word). A number word with a soft hyphen or a zero-width character
in it ("drei\u00adhundert", HTML's ``&shy;``) is one word on the page, and each half alone
is another number: "drei\u00adhundert Euro" was read "hundert Euro" = 100 EUR. A half in
words apart from its figure: "half a million dollars" was read "a million dollars" = 1,000,000
USD, "two and a half million dollars" and "zwei und eine halbe Million Euro" as one half
million (`_rules.part_of_figure` asks `_half_apart`).
"""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from aieco import extract_amounts
from aieco.money import Amount

E = "EUR"

#: (text, mentions without bare numbers, mentions with them), each mention (text, Amount).
APART: list[tuple[str, list[tuple[str, Amount]], list[tuple[str, Amount]]]] = [
    # "zwei ein halb" is 2.5 written apart twice: no part of it ("ein halb" = 0.5, "zwei" = 2)
    ("Es sind zwei ein halb Millionen Euro.", [], []),
    ("Sie zahlte drei ein halb Milliarden Dollar.", [], []),
    ("Zwei ein halb Euro kostet es.", [], []),
    ("Es sind zwei ein halb.", [], []),
    ("Es sind zwei\u00a0ein halb Millionen Euro.", [], []),
    # "vier hundert ein tausend" is 401,000 ("hunderteintausend"), not "ein tausend" = 1000
    ("Es kostet vier hundert ein tausend Franken.", [], []),
    # "ein halb" alone, or after a comma, is one half
    (
        "Es sind ein halb Millionen Euro.",
        [("ein halb Millionen Euro", Amount(D(500000), unit=E))],
        [("ein halb Millionen Euro", Amount(D(500000), unit=E))],
    ),
    (
        "Es sind zwei, ein halb Millionen Euro.",
        [("ein halb Millionen Euro", Amount(D(500000), unit=E))],
        [("zwei", Amount(D(2))), ("ein halb Millionen Euro", Amount(D(500000), unit=E))],
    ),
    # "ein halbes Jahr" is no number word joined
    (
        "Es sind zwei ein halbes Jahr und 5 Millionen Euro.",
        [("5 Millionen Euro", Amount(D(5000000), unit=E))],
        [("zwei", Amount(D(2))), ("5 Millionen Euro", Amount(D(5000000), unit=E))],
    ),
]


#: Invisible characters inside a number word: the word is whole on the page.
INVISIBLE: list[tuple[str, list[tuple[str, Amount]], list[tuple[str, Amount]]]] = [
    ("Es kostet drei\u00adhundert Euro.", [], []),
    ("Es kostet dreihundert\u00adtausend Euro.", [], []),
    ("Es kostet zwei\u00adhundert\u00adtausend Euro.", [], []),
    ("Es kostet drei\u200bhundert Euro.", [], []),
    ("Es kostet drei\u2060hundert Euro.", [], []),
    ("Sie zahlte zwei Millionen drei\u00adhundert Euro.", [], []),
    # a soft hyphen elsewhere changes nothing
    (
        "Die Finanzierungs\u00adrunde bringt drei\u00a0Millionen Euro.",
        [("drei\u00a0Millionen Euro", Amount(D(3000000), unit=E))],
        [("drei\u00a0Millionen Euro", Amount(D(3000000), unit=E))],
    ),
    (
        "Es sind ein\u00adhundert Euro.",
        [("hundert Euro", Amount(D(100), unit=E))],
        [("hundert Euro", Amount(D(100), unit=E))],
    ),
]


@pytest.mark.parametrize(
    ("text", "plain", "numbers"), APART + INVISIBLE, ids=[a[0] for a in APART + INVISIBLE]
)
def test_read_whole_or_not_at_all(
    text: str, plain: list[tuple[str, Amount]], numbers: list[tuple[str, Amount]]
) -> None:
    assert [(m.text, m.amount) for m in extract_amounts(text)] == plain
    assert [(m.text, m.amount) for m in extract_amounts(text, include_numbers=True)] == numbers


#: (locale, text, mentions without bare numbers, mentions with them).
HALVES: list[tuple[str, str, list[tuple[str, Amount]], list[tuple[str, Amount]]]] = [
    ("en_US", "They raised half a million dollars.", [], []),
    ("en_US", "She paid two and a half million dollars.", [], []),
    ("en_US", "She paid 2 and a half million dollars.", [], []),
    ("en_GB", "They raised one and a half million pounds.", [], []),
    ("en_US", "They raised three and a half billion dollars.", [], []),
    ("de_DE", "Sie zahlten zwei und eine halbe Million Euro.", [], []),
    ("de_DE", "Sie zahlten zwei und ein halb Millionen Euro.", [], []),
    ("de_DE", "Sie zahlten 2 und eine halbe Million Euro.", [], []),
    # a half on its own, and a conjunction after money, are read as before
    (
        "en_US",
        "They raised a half million dollars.",
        [("a half million dollars", Amount(D(500000), unit="USD"))],
        [("a half million dollars", Amount(D(500000), unit="USD"))],
    ),
    (
        "de_DE",
        "Sie zahlten eine halbe Million Euro.",
        [("eine halbe Million Euro", Amount(D(500000), unit=E))],
        [("eine halbe Million Euro", Amount(D(500000), unit=E))],
    ),
    (
        "de_DE",
        "Es kostet 5 Euro und eine halbe Stunde Arbeit.",
        [("5 Euro", Amount(D(5), unit=E))],
        [("5 Euro", Amount(D(5), unit=E))],
    ),
    (
        "de_DE",
        "Der Umsatz stieg 2023 und eine halbe Million Euro floss in die Forschung.",
        [("eine halbe Million Euro", Amount(D(500000), unit=E))],
        [("2023", Amount(D(2023))), ("eine halbe Million Euro", Amount(D(500000), unit=E))],
    ),
    (
        "de_DE",
        "Sie zahlten zwei Äpfel und eine halbe Million Euro.",
        [("eine halbe Million Euro", Amount(D(500000), unit=E))],
        [("zwei", Amount(D(2))), ("eine halbe Million Euro", Amount(D(500000), unit=E))],
    ),
]


@pytest.mark.parametrize(("locale", "text", "plain", "numbers"), HALVES, ids=[h[1] for h in HALVES])
def test_a_half_apart_from_its_figure(
    locale: str, text: str, plain: list[tuple[str, Amount]], numbers: list[tuple[str, Amount]]
) -> None:
    assert [(m.text, m.amount) for m in extract_amounts(text, locale=locale)] == plain
    found = extract_amounts(text, locale=locale, include_numbers=True)
    assert [(m.text, m.amount) for m in found] == numbers
