"""parse_amount, parse_money and parse_number: what they read, and how they refuse."""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

import pytest
from babel import Locale

from aieco import (
    Amount,
    Money,
    ParseError,
    Qualifier,
    UnsupportedLocale,
    extract_amounts,
    parse_amount,
    parse_money,
    parse_number,
)

Q = Qualifier
D = Decimal


def point(value: str, unit: str | None = None, qualifier: Qualifier = Q.EXACT) -> Amount:
    return Amount(D(value), unit=unit, qualifier=qualifier)


def span(low: str, high: str, unit: str | None = None, qualifier: Qualifier = Q.EXACT) -> Amount:
    return Amount.range(D(low), D(high), unit, qualifier)


# (text, locale, expected)
DIGITS = [
    ("1.234.567,89", "de_DE", point("1234567.89")),
    ("0,75", "de_DE", point("0.75")),
    ("-2,50 €", "de_DE", point("-2.50", "EUR")),
    ("−2,50 €", "de_DE", point("-2.50", "EUR")),
    ("1234", "de_DE", point("1234")),
    ("18.000", "de_DE", point("18000")),
    ("1,500", "de_DE", point("1.5")),
    ("€ 1.500,–", "de_DE", point("1500", "EUR")),
    ("1.500,- EUR", "de_DE", point("1500", "EUR")),
    ("1\u00a0500\u00a0000 €", "de_AT", point("1500000", "EUR")),
    ("€ 1.234.567,50", "de_AT", point("1234567.50", "EUR")),
    ("1'250'000", "de_CH", point("1250000")),
    ("1’250’000.50", "de_CH", point("1250000.50")),
    ("1’250’000,50", "de_CH", point("1250000.50")),
    ("Fr. 120'000.–", "de_CH", point("120000", "CHF")),
    ("CHF 1’234.50", "de_CH", point("1234.50", "CHF")),
    ("$-1’234’567.50", "de_CH", point("-1234567.50", "USD")),
    ("1,234,567.89", "en_US", point("1234567.89")),
    ("-$1,234.50", "en_US", point("-1234.50", "USD")),
    ("2,000", "en_GB", point("2000")),
    ("  42  ", "de_DE", point("42")),
]

SCALES = [
    ("1,5 Mrd. USD", "de_DE", point("1500000000", "USD")),
    ("1,5 Mrd USD", "de_DE", point("1500000000", "USD")),
    ("2 Tsd. €", "de_DE", point("2000", "EUR")),
    ("3 Tausend Euro", "de_DE", point("3000", "EUR")),
    ("500 TEUR", "de_DE", point("500000", "EUR")),
    ("20 T€", "de_DE", point("20000", "EUR")),
    ("4 Mio.", "de_DE", point("4000000")),
    ("4 Millionen", "de_DE", point("4000000")),
    ("1 Million", "de_DE", point("1000000")),
    ("7 Milliarden", "de_DE", point("7000000000")),
    ("1 Milliarde", "de_DE", point("1000000000")),
    ("2,5 Mia. Fr.", "de_CH", point("2500000000", "CHF")),
    ("1 Billion Euro", "de_DE", point("1000000000000", "EUR")),
    ("3 Bio. €", "de_DE", point("3000000000000", "EUR")),
    ("2 Billionen", "de_AT", point("2000000000000")),
    ("2 Billiarden", "de_DE", point("2000000000000000")),
    ("5Mio.", "de_DE", point("5000000")),
    ("$5k", "en_US", point("5000", "USD")),
    ("$5m", "en_US", point("5000000", "USD")),
    ("$1.5bn", "en_US", point("1500000000", "USD")),
    ("$1.5B", "en_US", point("1500000000", "USD")),
    ("£20 mn", "en_GB", point("20000000", "GBP")),
    ("5 billion", "en_US", point("5000000000")),
    ("2 trillion dollars", "en_US", point("2000000000000", "USD")),
    ("3 tn", "en_GB", point("3000000000000")),
    ("CHF1.234K", "en_US", point("1234", "CHF")),
]

WORDS = [
    ("dreihundertfünfzig", "de_DE", point("350")),
    ("einundzwanzig", "de_DE", point("21")),
    ("vier Milliarden", "de_DE", point("4000000000")),
    ("zwei Millionen dreihunderttausend", "de_DE", point("2300000")),
    ("eine Milliarde zweihundert Millionen Euro", "de_DE", point("1200000000", "EUR")),
    ("eine Milliarde", "de_DE", point("1000000000")),
    ("einer Million", "de_DE", point("1000000")),
    ("eine halbe Milliarde", "de_DE", point("500000000")),
    ("anderthalb Millionen Euro", "de_DE", point("1500000", "EUR")),
    ("eineinhalb Milliarden", "de_DE", point("1500000000")),
    ("zweieinhalb Millionen", "de_DE", point("2500000")),
    ("drei Komma fünf Milliarden", "de_DE", point("3500000000")),
    ("Drei-Milliarden-Euro", "de_DE", point("3000000000", "EUR")),
    ("minus fünf Prozent", "de_DE", point("-5", "%")),
    ("zehn Milliarden", "de_DE", point("10000000000")),
    ("zwölftausend", "de_DE", point("12000")),
    ("a billion dollars", "en_US", point("1000000000", "USD")),
    ("twenty-one million euros", "en_US", point("21000000", "EUR")),
    ("three hundred and fifty thousand dollars", "en_US", point("350000", "USD")),
    ("a hundred", "en_GB", point("100")),
    ("two point five billion", "en_US", point("2500000000")),
    ("ninety-nine", "en_US", point("99")),
    # English groups are chunked by the same rule as German compounds (`number_words`).
    ("one million two hundred thousand", "en_US", point("1200000")),
    ("two million and five", "en_US", point("2000005")),
    ("a hundred and fifty million dollars", "en_GB", point("150000000", "USD")),
    ("one billion one million", "en_US", point("1001000000")),
    ("nine hundred ninety-nine thousand nine hundred ninety-nine", "en_US", point("999999")),
]

CURRENCIES = [
    ("5 €", "EUR"),
    ("5 EUR", "EUR"),
    ("5 Euro", "EUR"),
    ("EUR 5", "EUR"),
    ("$5", "USD"),
    ("5 $", "USD"),
    ("US$ 5", "USD"),
    ("5 USD", "USD"),
    ("5 Dollar", "USD"),
    ("5 US-Dollar", "USD"),
    ("£5", "GBP"),
    ("5 GBP", "GBP"),
    ("5 Pfund", "GBP"),
    ("5 Pfund Sterling", "GBP"),
    ("5 CHF", "CHF"),
    ("Fr. 5", "CHF"),
    ("SFr. 5", "CHF"),
    ("5 Franken", "CHF"),
    ("5 Schweizer Franken", "CHF"),
    ("¥5", "JPY"),
    ("5 Yen", "JPY"),
    ("5 Yuan", "CNY"),
    ("5 Renminbi", "CNY"),
    ("5 RMB", "CNY"),
    ("5 Won", "KRW"),
    ("5 Rupien", "INR"),
    ("5 saudische Riyal", "SAR"),
    ("5 saudischen Riyal", "SAR"),
    ("5 schwedische Kronen", "SEK"),
    ("5 norwegischen Kronen", "NOK"),
    ("5 dänische Kronen", "DKK"),
    ("5 Złoty", "PLN"),
    ("5 kanadische Dollar", "CAD"),
    ("5 BRL", "BRL"),
    ("5 Mio. Dollar", "USD"),
]

EN_CURRENCIES = [
    ("5 dollars", "USD"),
    ("5 US dollars", "USD"),
    ("5 euros", "EUR"),
    ("5 pounds", "GBP"),
    ("5 pounds sterling", "GBP"),
    ("5 Swiss francs", "CHF"),
    ("5 yen", "JPY"),
    ("5 Swedish kronor", "SEK"),
    ("€5", "EUR"),
]

QUALIFIERS = [
    ("rund 5 Mio. €", Q.APPROX),
    ("Rund 5 Mio. €", Q.APPROX),
    ("etwa 5 Mio. €", Q.APPROX),
    ("ca. 5 Mio. €", Q.APPROX),
    ("circa 5 Mio. €", Q.APPROX),
    ("ungefähr 5 Mio. €", Q.APPROX),
    ("fast 5 Mio. €", Q.NEARLY),
    ("knapp 5 Mio. €", Q.NEARLY),
    ("beinahe 5 Mio. €", Q.NEARLY),
    ("nahezu 5 Mio. €", Q.NEARLY),
    ("mehr als 5 Mio. €", Q.MORE_THAN),
    ("über 5 Mio. €", Q.MORE_THAN),
    ("mindestens 5 Mio. €", Q.AT_LEAST),
    ("wenigstens 5 Mio. €", Q.AT_LEAST),
    ("weniger als 5 Mio. €", Q.LESS_THAN),
    ("unter 5 Mio. €", Q.LESS_THAN),
    ("höchstens 5 Mio. €", Q.AT_MOST),
    ("maximal 5 Mio. €", Q.AT_MOST),
    ("bis zu 5 Mio. €", Q.AT_MOST),
    ("5 Mio. € oder mehr", Q.AT_LEAST),
    ("5 Mio. € oder weniger", Q.AT_MOST),
]

EN_QUALIFIERS = [
    ("about $5m", Q.APPROX),
    ("around $5m", Q.APPROX),
    ("approximately $5m", Q.APPROX),
    ("roughly $5m", Q.APPROX),
    ("nearly $5m", Q.NEARLY),
    ("almost $5m", Q.NEARLY),
    ("more than $5m", Q.MORE_THAN),
    ("over $5m", Q.MORE_THAN),
    ("at least $5m", Q.AT_LEAST),
    ("less than $5m", Q.LESS_THAN),
    ("under $5m", Q.LESS_THAN),
    ("up to $5m", Q.AT_MOST),
    ("at most $5m", Q.AT_MOST),
    ("$5m or more", Q.AT_LEAST),
]

RANGES = [
    ("5–50 Millionen Euro", "de_DE", span("5000000", "50000000", "EUR")),
    ("5-50 Mio. €", "de_DE", span("5000000", "50000000", "EUR")),
    ("5 – 50 Mio. €", "de_DE", span("5000000", "50000000", "EUR")),
    ("20 bis 30 Milliarden Dollar", "de_DE", span("20000000000", "30000000000", "USD")),
    ("zwischen 20 und 30 Mrd.", "de_DE", span("20000000000", "30000000000")),
    ("von 1 bis 2 Mrd. €", "de_DE", span("1000000000", "2000000000", "EUR")),
    ("von 1 bis zu 2 Mrd. €", "de_DE", span("1000000000", "2000000000", "EUR")),
    ("200 Mio. bis 1 Mrd.", "de_DE", span("200000000", "1000000000")),
    ("200 Mio. € bis 1 Mrd. €", "de_DE", span("200000000", "1000000000", "EUR")),
    ("rund 20 bis 30 Mrd. $", "de_DE", span("20000000000", "30000000000", "USD", Q.APPROX)),
    ("zwei bis drei Millionen", "de_DE", span("2000000", "3000000")),
    ("ein bis zwei Milliarden Euro", "de_DE", span("1000000000", "2000000000", "EUR")),
    ("eine bis zwei Milliarden Euro", "de_DE", span("1000000000", "2000000000", "EUR")),
    ("zwischen einer und zwei Milliarden Euro", "de_DE", span("1e9", "2e9", "EUR")),
    ("ein bis 2 Mrd. €", "de_DE", span("1000000000", "2000000000", "EUR")),
    ("ein bis zwei Prozent", "de_DE", span("1", "2", "%")),
    ("rund ein bis zwei Prozent", "de_DE", span("1", "2", "%", Q.APPROX)),
    ("rund 5 bis 50 Mio. € oder mehr", "de_DE", span("5e6", "5e7", "EUR", Q.AT_LEAST)),
    ("etwa 5 Mio. € oder weniger", "de_DE", point("5000000", "EUR", Q.AT_MOST)),
    ("about $5m or more", "en_US", point("5000000", "USD", Q.AT_LEAST)),
    ("zwischen 20- und 30-Milliarden", "de_DE", span("20000000000", "30000000000")),
    ("von 20- bis 30-Milliarden Euro", "de_DE", span("20000000000", "30000000000", "EUR")),
    ("5 bis 10 %", "de_DE", span("5", "10", "%")),
    ("-5 bis -2 %", "de_DE", span("-5", "-2", "%")),
    ("$20-30 billion", "en_US", span("20000000000", "30000000000", "USD")),
    ("between $5m and $50m", "en_US", span("5000000", "50000000", "USD")),
    ("from 1 to 2 billion euros", "en_GB", span("1000000000", "2000000000", "EUR")),
]

VAGUE = [
    ("ein zweistelliger Millionenbetrag", span("10000000", "100000000")),
    ("einen zweistelligen Millionenbetrag", span("10000000", "100000000")),
    ("eines zweistelligen Millionenbetrags", span("10000000", "100000000")),
    ("dreistelliger Milliardenbetrag", span("100000000000", "1000000000000")),
    ("zweistellige Milliardenbeträge", span("10000000000", "100000000000")),
    ("im dreistelligen Milliardenbereich".removeprefix("im "), span("1e11", "1e12")),
    ("neun- oder zehnstellige Beträge", span("100000000", "10000000000")),
    ("neun oder zehnstellige Beträge", span("100000000", "10000000000")),
    ("neun bis zehnstellige Beträge", span("100000000", "10000000000")),
    ("9 oder 10-stellige Beträge", span("100000000", "10000000000")),
    ("zwei bis dreistellige Millionenbeträge", span("10000000", "1000000000")),
    ("ein zwei- bis dreistelliger Millionenbetrag", span("10000000", "1000000000")),
    ("einen zwei bis dreistelligen Millionenbetrag", span("10000000", "1000000000")),
    ("9-stellige Summen", span("100000000", "1000000000")),
    ("einstelliger Prozentbereich", span("1", "10", "%")),
    ("ein zweistelliger Millionen-Euro-Betrag", span("10000000", "100000000", "EUR")),
    ("zig Milliarden", span("10000000000", "100000000000")),
    ("Hunderte Millionen Euro", span("100000000", "1000000000", "EUR")),
    (
        "zig oder gar hunderten Milliarden Dollar",
        span("10000000000", "1000000000000", "USD"),
    ),
]

COMPOUNDS = [
    ("500-Milliarden-Dollar", point("500000000000", "USD")),
    ("1,5-Milliarden-Euro", point("1500000000", "EUR")),
    ("900-Millionen-Dollar", point("900000000", "USD")),
    ("3-Prozent", point("3", "%")),
    ("Drei-Milliarden-US-Dollar", point("3000000000", "USD")),
]

PERCENT = [
    ("11 %", "de_DE", point("11", "%")),
    ("11%", "de_DE", point("11", "%")),
    ("11 Prozent", "de_DE", point("11", "%")),
    ("elf Prozent", "de_DE", point("11", "%")),
    ("12,5 %", "de_DE", point("12.5", "%")),
    ("ein halbes Prozent", "de_DE", point("0.5", "%")),
    ("ein Prozent", "de_DE", point("1", "%")),
    ("11 percent", "en_US", point("11", "%")),
    ("11 per cent", "en_GB", point("11", "%")),
    ("eleven percent", "en_US", point("11", "%")),
    ("12.5%", "en_US", point("12.5", "%")),
]


def _ids(rows: Sequence[tuple[object, ...]]) -> list[str]:
    return [f"{row[1]}:{row[0]}" if len(row) == 3 else str(row[0]) for row in rows]


@pytest.mark.parametrize(("text", "locale", "expected"), DIGITS, ids=_ids(DIGITS))
def test_digits(text: str, locale: str, expected: Amount) -> None:
    """Digits follow the locale's separators; the sign is kept; ",–" means no cents."""
    assert expected == parse_amount(text, locale=locale)


@pytest.mark.parametrize(("text", "locale", "expected"), SCALES, ids=_ids(SCALES))
def test_scale_words(text: str, locale: str, expected: Amount) -> None:
    """Scale words and abbreviations multiply exactly; German Billion is 10**12."""
    assert expected == parse_amount(text, locale=locale)


@pytest.mark.parametrize(("text", "locale", "expected"), WORDS, ids=_ids(WORDS))
def test_number_words(text: str, locale: str, expected: Amount) -> None:
    """German and English number words, halves, "Komma"/"point" and "minus"."""
    assert expected == parse_amount(text, locale=locale)


@pytest.mark.parametrize(("text", "code"), CURRENCIES, ids=[c[0] for c in CURRENCIES])
def test_currencies_de(text: str, code: str) -> None:
    """German currency symbols, codes and names map to ISO 4217."""
    assert code == parse_amount(text).unit


@pytest.mark.parametrize(("text", "code"), EN_CURRENCIES, ids=[c[0] for c in EN_CURRENCIES])
def test_currencies_en(text: str, code: str) -> None:
    """English currency names map to ISO 4217."""
    assert code == parse_amount(text, locale="en_US").unit


@pytest.mark.parametrize(("text", "qualifier"), QUALIFIERS, ids=[q[0] for q in QUALIFIERS])
def test_qualifiers_de(text: str, qualifier: Qualifier) -> None:
    """German hedges become qualifiers; the figure stays exact."""
    assert point("5000000", "EUR", qualifier) == parse_amount(text)


@pytest.mark.parametrize(("text", "qualifier"), EN_QUALIFIERS, ids=[q[0] for q in EN_QUALIFIERS])
def test_qualifiers_en(text: str, qualifier: Qualifier) -> None:
    """English hedges become qualifiers."""
    assert point("5000000", "USD", qualifier) == parse_amount(text, locale="en_US")


@pytest.mark.parametrize(("text", "locale", "expected"), RANGES, ids=_ids(RANGES))
def test_ranges(text: str, locale: str, expected: Amount) -> None:
    """A trailing scale word and currency apply to both ends; each end may carry its own."""
    assert expected == parse_amount(text, locale=locale)


@pytest.mark.parametrize(("text", "expected"), VAGUE, ids=[v[0] for v in VAGUE])
def test_vague_magnitudes(text: str, expected: Amount) -> None:
    """Vague magnitudes ("-stellig", "zig", "Hunderte") are ranges without a value."""
    assert expected == parse_amount(text)


@pytest.mark.parametrize(("text", "expected"), COMPOUNDS, ids=[c[0] for c in COMPOUNDS])
def test_compounds(text: str, expected: Amount) -> None:
    """Hyphen compounds read like the spaced form."""
    assert expected == parse_amount(text)


@pytest.mark.parametrize(("text", "locale", "expected"), PERCENT, ids=_ids(PERCENT))
def test_percentages(text: str, locale: str, expected: Amount) -> None:
    """Percent signs and words give the unit "%"."""
    assert expected == parse_amount(text, locale=locale)


def test_german_billion_is_long_scale() -> None:
    """German "Billion" is 10**12, English "billion" 10**9."""
    assert (D(10) ** 12, D(10) ** 9) == (
        parse_number("1 Billion"),
        parse_number("1 billion", locale="en_US"),
    )


def test_exact_beyond_default_decimal_precision() -> None:
    """29 significant digits times a scale word stay exact (no 28-digit context rounding)."""
    assert D("12345678901234567890123456789") == parse_number("12345678901234567890123456,789 Tsd.")


NEGATIVE_LONG = [
    "-123456789012345678901234,5678901234",
    "-123456789012345678901234,5678901234 €",
    "-123456789012345678901234,5678901234 Tsd. €",
    "minus 123456789012345678901234,5678901234 Euro",
]


@pytest.mark.parametrize("text", NEGATIVE_LONG, ids=NEGATIVE_LONG)
def test_negative_beyond_default_decimal_precision(text: str) -> None:
    """A sign keeps all 34 digits (unary minus would round to 28 digits)."""
    expected = D("-123456789012345678901234.5678901234")
    if "Tsd." in text:
        expected = D("-123456789012345678901234567.8901234")
    amount = parse_amount(text)
    found = extract_amounts(text, include_numbers=True)
    assert [expected, expected] == [amount.value, found[0].amount.value]


def test_numbers_beyond_the_model_limit_are_refused_with_the_limit() -> None:
    """The parser shares the model's one limit (aieco._limits): 10^30, 20 fraction digits."""
    for text in ("1" + "0" * 30, "1" + "0" * 28 + " Mrd. €", "0," + "0" * 20 + "1 €"):
        with pytest.raises(ParseError, match="the limit is a finite number below 10"):
            parse_amount(text)
        assert extract_amounts(f"Es waren {text} gestern.", include_numbers=True) == []
    assert parse_amount("9" * 30 + " €").value == D("9" * 30)


# -- errors ---------------------------------------------------------------------------------

# (text, locale, position, suggestions)
ERRORS = [
    ("1.5 Mrd.", "de_DE", 1, ("1,5 Mrd.",)),
    ("1.50 €", "de_DE", 1, ("1,50 €",)),
    ("1,5 Mrd.", "en_US", 1, ("1.5 Mrd.",)),
    ("12.06.1994", "de_DE", 0, ()),
    ("2025-01", "de_DE", 0, ()),
    ("5 Mio. Kronen", "de_DE", 7, ("schwedische Kronen", "norwegische Kronen", "dänische Kronen")),
    ("3D", "de_DE", 1, ()),
    ("12:30", "de_DE", 2, ()),
    ("9 Uhr", "de_DE", 1, ()),
    ("5 Mio. € und", "de_DE", 9, ()),
    ("", "de_DE", 0, ()),
    ("   ", "de_DE", 3, ()),
    ("Euro", "de_DE", 0, ()),
    ("rund", "de_DE", 0, ()),
    ("30 bis 20 Mrd.", "de_DE", 2, ()),
    ("5 € bis 6 $", "de_DE", 3, ()),
    ("ein Pfund", "de_DE", 3, ()),
    ("ein bis zwei", "de_DE", 3, ()),
    ("eine bis zwei Stunden", "de_DE", 4, ()),
    ("5 Mio. bis zweistellige Millionenbeträge", "de_DE", 6, ()),
    ("mehr als 5 Mio. € oder mehr", "de_DE", 23, ()),
    ("zig", "de_DE", 3, ()),
]


@pytest.mark.parametrize(
    ("text", "locale", "position", "suggestions"), ERRORS, ids=[e[0] or "empty" for e in ERRORS]
)
def test_parse_errors(text: str, locale: str, position: int, suggestions: tuple[str, ...]) -> None:
    """Bad input is a ParseError with the position and, where obvious, what was meant."""
    with pytest.raises(ParseError) as info:
        parse_amount(text, locale=locale)
    assert (position, suggestions) == (info.value.position, info.value.suggestions)


def test_parse_error_names_what_was_expected() -> None:
    """The German decimal point error says what a '.' may do."""
    with pytest.raises(ParseError) as info:
        parse_amount("1.5 Mrd.")
    assert "a decimal comma or a group of exactly three digits after '.'" == info.value.expected


#: Number-word runs each language refuses by the one chunking rule: a scale no smaller than
#: the one before, or a fraction after a scale word (where the run ends, what is left over).
UNCHUNKED = [
    ("zwei Millionen drei Komma fünf", "de_DE", 15),
    ("one million two point five", "en_US", 12),
    ("zwei Millionen zwei Millionen", "de_DE", 15),
    ("two million two million", "en_US", 12),
    ("one million one billion", "en_US", 12),
]


@pytest.mark.parametrize(("text", "locale", "position"), UNCHUNKED, ids=_ids(UNCHUNKED))
def test_number_word_chunks_refused_alike(text: str, locale: str, position: int) -> None:
    """German and English runs of number words end where the same rule ends them."""
    with pytest.raises(ParseError) as info:
        parse_amount(text, locale=locale)
    assert position == info.value.position
    assert info.value.message.startswith("unexpected ")


#: Alternatives joined by "bzw." ("respectively"): two amounts, one for each of two things.
RESPECTIVELY = [
    ("4,07 bzw. 4,06 Franken", "de_CH", 5, "'bzw.'"),
    ("4,07 Franken bzw. 4,06 Franken", "de_CH", 13, "'bzw.'"),
    ("20 Bzw. 15 Prozent", "de_DE", 3, "'Bzw.'"),
    ("3 beziehungsweise 5 Mio. Euro", "de_AT", 2, "'beziehungsweise'"),
]


@pytest.mark.parametrize(
    ("text", "locale", "position", "joiner"), RESPECTIVELY, ids=[r[0] for r in RESPECTIVELY]
)
def test_respectively_is_refused_naming_the_alternatives(
    text: str, locale: str, position: int, joiner: str
) -> None:
    """No one Amount holds "4,07 bzw. 4,06 Franken": the error names the joiner and says why.

    Neither a range (the figures need not rise, and each belongs to its own thing) nor a
    point; `extract_amounts` reports each alternative (test_amounts_families.py).
    """
    with pytest.raises(ParseError) as info:
        parse_amount(text, locale=locale)
    error = info.value
    assert position == error.position
    assert error.message.startswith(f"{joiner} joins alternative amounts")
    assert "one amount (extract_amounts finds each of the alternatives)" == error.expected
    with pytest.raises(ParseError):
        parse_money(text, locale=locale)


def test_long_input_fails_fast_with_parse_error() -> None:
    """A 100 kB string is refused with a ParseError, not a hang or a deep traceback."""
    text = "1 " * 50_000
    with pytest.raises(ParseError) as info:
        parse_amount(text)
    assert 2 == info.value.position


@pytest.mark.parametrize("bad", [None, 5, b"5 Mio.", 1.5], ids=["None", "int", "bytes", "float"])
def test_non_str_is_type_error(bad: object) -> None:
    """A non-str text is a TypeError, not a ParseError."""
    with pytest.raises(TypeError):
        parse_amount(bad)  # type: ignore[arg-type]


# -- parse_money / parse_number -------------------------------------------------------------


MONEY = [
    ("1,5 Mrd. USD", Money(D("1500000000"), "USD")),
    ("rund vier Milliarden US-Dollar", Money(D("4000000000"), "USD")),
    ("mehr als 1,5 Mrd. USD", Money(D("1500000000"), "USD")),
    ("-2,50 €", Money(D("-2.50"), "EUR")),
    ("Drei-Milliarden-Euro", Money(D("3000000000"), "EUR")),
]


@pytest.mark.parametrize(("text", "expected"), MONEY, ids=[m[0] for m in MONEY])
def test_parse_money(text: str, expected: Money) -> None:
    """parse_money reads a point with a currency and drops the hedge."""
    assert expected == parse_money(text)


MONEY_ERRORS = [
    ("5–50 Mio. €", 1, "a range is not one sum of money"),
    ("ein zweistelliger Millionenbetrag", 0, "a range is not one sum of money"),
    ("5 Mio.", 6, "no currency"),
    ("11 %", 3, "a percentage is not a sum of money"),
]


@pytest.mark.parametrize(
    ("text", "position", "message"), MONEY_ERRORS, ids=[m[0] for m in MONEY_ERRORS]
)
def test_parse_money_errors(text: str, position: int, message: str) -> None:
    """Ranges, vague magnitudes, percentages and missing currencies are not Money."""
    with pytest.raises(ParseError) as info:
        parse_money(text)
    assert (position, message) == (info.value.position, info.value.message)


NUMBERS = [
    ("1.234.567,89", "de_DE", D("1234567.89")),
    ("zwei Millionen dreihunderttausend", "de_DE", D("2300000")),
    ("-3 Mio.", "de_DE", D("-3000000")),
    ("minus drei", "de_DE", D("-3")),
    ("1'250'000", "de_CH", D("1250000")),
    ("two billion", "en_US", D("2000000000")),
]


@pytest.mark.parametrize(("text", "locale", "expected"), NUMBERS, ids=_ids(NUMBERS))
def test_parse_number(text: str, locale: str, expected: Decimal) -> None:
    """parse_number reads digits, number words, scale words and a sign."""
    assert expected == parse_number(text, locale=locale)


NUMBER_ERRORS = [
    ("5 €", 2, "a sum of money is not a number"),
    ("5 %", 2, "a percentage is not a number"),
    ("rund 5", 0, "a hedged figure is not a number"),
    ("5-6", 1, "a range is not a number"),
]


@pytest.mark.parametrize(
    ("text", "position", "message"), NUMBER_ERRORS, ids=[n[0] for n in NUMBER_ERRORS]
)
def test_parse_number_errors(text: str, position: int, message: str) -> None:
    """A currency, a percent sign, a hedge or a range is not a plain number."""
    with pytest.raises(ParseError) as info:
        parse_number(text)
    assert (position, message) == (info.value.position, info.value.message)


# -- locales --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "locale",
    ["de_DE", "de-DE", "de_de", Locale("de", "DE"), Locale.parse("de_DE")],
    ids=["underscore", "hyphen", "lower", "Locale", "Locale.parse"],
)
def test_locale_forms(locale: object) -> None:
    """A locale may be a babel.Locale or a string in either spelling."""
    assert point("1500000000", "USD") == parse_amount("1,5 Mrd. USD", locale=locale)


@pytest.mark.parametrize(
    ("locale", "suggestions"),
    [("fr_FR", ()), ("de", ("de_DE", "de_AT", "de_CH")), (Locale("en", "AU"), ("en_US", "en_GB"))],
    ids=["fr_FR", "de", "en_AU"],
)
def test_unsupported_locale(locale: object, suggestions: tuple[str, ...]) -> None:
    """Another locale is an UnsupportedLocale (a ValueError) naming the supported ones."""
    with pytest.raises(UnsupportedLocale) as info:
        parse_amount("5", locale=locale)
    assert (suggestions, ("de_DE", "de_AT", "de_CH", "en_US", "en_GB")) == (
        info.value.suggestions,
        info.value.supported,
    )
    assert isinstance(info.value, ValueError)
    assert "de_DE, de_AT, de_CH, en_US, en_GB" in str(info.value)


def test_locale_of_wrong_type() -> None:
    """A locale that is neither str nor babel.Locale is a TypeError."""
    with pytest.raises(TypeError):
        parse_amount("5", locale=5)


#: Hedges before digits in many spellings, and what each one is (None: not an amount).
#: `parse_amount` remembers a hedge by the characters up to the first digit, so each text is
#: read twice, and again with another number and tail after the same characters.
_HEDGES_BEFORE_DIGITS = [
    ("rund ", Qualifier.APPROX),
    ("Rund ", Qualifier.APPROX),
    ("RUND ", Qualifier.APPROX),
    ("rund\u00a0", Qualifier.APPROX),
    ("rund" + " " * 45, Qualifier.APPROX),  # more white space than the memo's key holds
    ("~", Qualifier.APPROX),
    ("~ ", Qualifier.APPROX),
    ("ca.", Qualifier.APPROX),
    ("ca. ", Qualifier.APPROX),
    ("mehr als ", Qualifier.MORE_THAN),
    ("mehr  als ", Qualifier.MORE_THAN),
    ("mehr als\t", Qualifier.MORE_THAN),
    ("nicht mehr als ", Qualifier.AT_MOST),
    ("bis zu ", Qualifier.AT_MOST),
    ("ab rund ", Qualifier.AT_LEAST),
    ("mehr ", None),
    ("Finanzierung über ", None),
]


@pytest.mark.parametrize(("hedge", "qualifier"), _HEDGES_BEFORE_DIGITS)
def test_a_hedge_before_digits_reads_the_same_every_time(
    hedge: str, qualifier: Qualifier | None
) -> None:
    for number, tail, value in (("5", " Mio. €", "5000000"), ("7", ",5 Mio. €", "7500000")):
        for _ in range(2):
            if qualifier is None:
                with pytest.raises(ParseError):
                    parse_amount(f"{hedge}{number}{tail}")
                continue
            amount = parse_amount(f"{hedge}{number}{tail}")
            assert amount == Amount(Decimal(value), unit="EUR", qualifier=qualifier)
