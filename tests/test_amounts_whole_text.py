"""parse_amount's ways through a whole text: runs of number words and a word before a figure.

A run of number words ("zwei Millionen dreihunderttausend Euro") is read chunk by chunk, a
chunk of a number word and a scale word by the regex the extractor uses for it; a text whose
first digit comes after one plain word ("zwischen 20 und 30 Mrd. €") skips the one-end shape,
which cannot read it. Each must read what the grammar reads: the tables below, and the
agreement of a whole text with the same text found in running text (the extractor's way).
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aieco import ParseError, extract_amounts, parse_amount, parse_number
from aieco.money import Amount, Qualifier

RUNS = [
    ("zwei Millionen dreihunderttausend Euro", Decimal("2300000"), "EUR"),
    ("zwei Mio. dreihunderttausend Euro", Decimal("2300000"), "EUR"),  # a dotted scale word
    ("Zwei Millionen Dreihunderttausend Euro", Decimal("2300000"), "EUR"),
    ("ZWEI MILLIONEN DREIHUNDERTTAUSEND EURO", Decimal("2300000"), "EUR"),
    ("zwei Millionen dreihunderttausend US-Dollar", Decimal("2300000"), "USD"),
    ("zwei Millionen drei Prozent", Decimal("2000003"), "%"),
    ("zwei Milliarden drei Millionen vier", Decimal("2003000004"), None),
    ("zwölf Milliarden elf Millionen zehntausend", Decimal("12011010000"), None),
    ("eine Milliarde zwei Millionen", Decimal("1002000000"), None),  # an article first
    ("drei Komma fünf Milliarden zwei Millionen", Decimal("3502000000"), None),
    ("zwei Tsd. drei", Decimal("2003"), None),
    ("zwei Bio drei", Decimal("2000000000003"), None),
]


@pytest.mark.parametrize(("text", "value", "unit"), RUNS, ids=[r[0] for r in RUNS])
def test_a_run_of_number_words_is_read_whole(text: str, value: Decimal, unit: str | None) -> None:
    amount = parse_amount(text)
    assert amount == Amount(value, unit=unit)
    assert str(amount.value) == str(value)  # written out, no exponent
    assert parse_amount(f"rund {text}") == Amount(value, unit=unit, qualifier=Qualifier.APPROX)


@pytest.mark.parametrize(
    ("text", "position"),
    [
        ("zwei Millionen zwei Millionen", 15),  # the scales do not fall: two numbers
        ("zwei Millionen. dreihunderttausend", 14),  # a sentence end after the scale word
        ("zwei Millionen dreihunderttausend Mio.", 15),  # a scale word after the last chunk
        ("zwei Millionen halbe", 15),
        ("zwei Millionen zweistellige", 15),
    ],
)
def test_a_run_that_is_no_number_is_refused_where_it_stops(text: str, position: int) -> None:
    with pytest.raises(ParseError) as info:
        parse_amount(text)
    assert info.value.position == position


def test_parse_number_reads_a_run_of_chunks() -> None:
    assert parse_number("zwei Milliarden drei Millionen vier") == Decimal("2003000004")
    assert parse_number("zwei Mio. dreihunderttausend") == Decimal("2300000")


WORD_LEADS = [
    ("zwischen 20 und 30 Mrd. €", Amount(None, Decimal("2E10"), Decimal("3E10"), unit="EUR")),
    ("Zwischen 20 und 30 Mrd. €", Amount(None, Decimal("2E10"), Decimal("3E10"), unit="EUR")),
    ("ZWISCHEN 20 UND 30 MRD. €", Amount(None, Decimal("2E10"), Decimal("3E10"), unit="EUR")),
    ("von 5 bis 10 Euro", Amount(None, Decimal(5), Decimal(10), unit="EUR")),
    ("zwischen 2,5 und 3 Mrd. €", Amount(None, Decimal("2.5E9"), Decimal("3E9"), unit="EUR")),
    ("EUR 5", Amount(Decimal(5), unit="EUR")),  # a code before the figure: the one-end shape
    ("CHF 5", Amount(Decimal(5), unit="CHF")),
    ("Fr. 5", Amount(Decimal(5), unit="CHF")),
    ("rund 5 Mio. Euro", Amount(Decimal(5000000), unit="EUR", qualifier=Qualifier.APPROX)),
]


@pytest.mark.parametrize(("text", "expected"), WORD_LEADS, ids=[w[0] for w in WORD_LEADS])
def test_a_word_before_the_first_figure(text: str, expected: Amount) -> None:
    assert parse_amount(text) == expected


@pytest.mark.parametrize(
    ("text", "position"),
    [("zwischen 20 Euro", 16), ("von 5 Mio. Euro", 15), ("ABC 5", 0), ("hallo 5", 0)],
)
def test_a_word_before_the_first_figure_that_reads_nothing(text: str, position: int) -> None:
    with pytest.raises(ParseError) as info:
        parse_amount(text)
    assert info.value.position == position


WORDS = ["zwei", "drei", "Drei", "eine", "ein", "elf", "ELF", "zwölf", "hundert", "zig", "rund"]
WORDS += ["halbe", "zweistellige", "dreihunderttausend", "Komma", "X", "mehr als"]
SCALES = ["Millionen", "Milliarden", "Million", "Mio.", "Mrd.", "Tausend", "Tsd.", "Bio"]
SCALES += ["Bio.", "Mio", "Millionenbetrag", "Euro", "Prozent", "Millionen."]
ENDS = ["", " Euro", " €", " %", " Prozent", " Dollar", " Mio.", " drei", " halbe", "-Projekt"]

runs = st.tuples(
    st.lists(st.tuples(st.sampled_from(WORDS), st.sampled_from(SCALES)), min_size=1, max_size=4),
    st.sampled_from(ENDS),
).map(lambda parts: " ".join(f"{w} {s}" for w, s in parts[0]) + parts[1])


@settings(max_examples=500, deadline=None)
@given(text=runs)
def test_a_run_reads_whole_as_in_running_text(text: str) -> None:
    """parse_amount (the chunk regex) and extract_amounts (the grammar or its run shape) agree.

    Where the text read whole is an amount and the extractor finds it whole in a sentence,
    both give the same Amount, digit for digit.
    """
    try:
        whole = parse_amount(text)
    except ParseError:
        return
    found = [m for m in extract_amounts(f"Es sind {text} .") if m.text == text]
    if found:
        amount = found[0].amount
        assert amount == whole
        assert [str(amount.value), str(amount.low), str(amount.high)] == [
            str(whole.value),
            str(whole.low),
            str(whole.high),
        ]
