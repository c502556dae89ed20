"""Real-text families for the amounts engine (issue #8 §2).

Each family is a table of our own examples, read whole and right by parse_amount and
extract_amounts, or refused / not reported.

Never a wrong value: where a family's member cannot be read exactly, the tables say "nothing".
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aieco import Amount, ParseError, Qualifier, extract_amounts, parse_amount

Q = Qualifier
D = Decimal


def point(value: str, unit: str | None = None, q: Qualifier = Q.EXACT) -> Amount:
    return Amount(D(value), unit=unit, qualifier=q)


def span(low: str, high: str, unit: str | None = None, q: Qualifier = Q.EXACT) -> Amount:
    return Amount.range(D(low), D(high), unit, q)


def found(text: str, locale: str = "de_DE") -> list[tuple[str, Amount]]:
    return [(m.text, m.amount) for m in extract_amounts(text, locale=locale)]


# -- digit grouping: read whole, or not at all ---------------------------------------------

GROUPED = [
    ("250 000 Euro", "de_DE", point("250000", "EUR")),
    ("98 765 432 Euro", "de_DE", point("98765432", "EUR")),
    ("250\u00a0000 Euro", "de_DE", point("250000", "EUR")),
    ("250\u202f000 Euro", "de_AT", point("250000", "EUR")),
    ("250\u2009000 Euro", "de_DE", point("250000", "EUR")),
    ("250\u200b000 Euro", "de_DE", point("250000", "EUR")),
    ("CHF 640 000.00", "de_CH", point("640000.00", "CHF")),
    ("300‘000 Franken", "de_CH", point("300000", "CHF")),
    ("300'000 Franken", "de_CH", point("300000", "CHF")),
    ("300’000 Franken", "de_CH", point("300000", "CHF")),
    ("300'000 Franken", "de_DE", point("300000", "CHF")),
    ("1 234 Mio. Euro", "de_DE", point("1234000000", "EUR")),
    ("$1 250 000", "en_US", point("1250000", "USD")),
]


@pytest.mark.parametrize(("text", "locale", "expected"), GROUPED)
def test_grouped_figures_read_whole(text: str, locale: str, expected: Amount) -> None:
    """Spaces, no-break and thin spaces, apostrophes and zero-width spaces group digits."""
    assert parse_amount(text, locale=locale) == expected
    assert found(f"Es waren {text} im Jahr.", locale) == [(text, expected)]


NOT_A_FIGURE = [
    ("000 Euro", "de_DE"),
    ("1٫5 Mio.", "de_DE"),
    ("10^9999 €", "de_DE"),
    ("12 34 Euro", "de_DE"),
    ("1 2345 Euro", "de_DE"),
    ("1'250’000 Franken", "de_CH"),
    ("0815 Euro", "de_DE"),
]


@pytest.mark.parametrize(("text", "locale"), NOT_A_FIGURE)
def test_bad_groupings_are_refused(text: str, locale: str) -> None:
    """A figure that cannot be read whole is a ParseError, and no part of it is reported."""
    with pytest.raises(ParseError):
        parse_amount(text, locale=locale)
    assert found(f"Es kostet {text} oder so.", locale) == []


PARTS = [
    "Die Firma erhielt 250 000 Euro.",
    "Es waren 98 765 432 Euro.",
    "Er zahlte 300‘000 Franken.",
    "Es kostet 1٫5 Mio. Euro",
    "Es kostet 10^9999 € oder so",
    "Am 3. 000 Euro",
]


@pytest.mark.parametrize("text", PARTS)
@pytest.mark.parametrize("locale", ["de_DE", "de_CH"])
def test_no_part_of_a_figure_is_reported(text: str, locale: str) -> None:
    """Never "000 Euro" = 0 EUR, "432 Euro" from "98 765 432 Euro", "5 Mio." from "1٫5 Mio."."""
    for m in extract_amounts(text, locale=locale):
        assert not text[m.start - 1 : m.start].isdigit()
        assert m.start < 2 or not (text[m.start - 2].isdigit() and text[m.start - 1] in " ٫^")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Im Jahr 2019 45 Mio. Euro", ("45 Mio. Euro", point("45000000", "EUR"))),
        ("wurden 2008 174 Milliarden Euro gezahlt", ("174 Milliarden Euro", point("174e9", "EUR"))),
        ("Es waren 1234 567 Euro.", ("567 Euro", point("567", "EUR"))),
    ],
)
def test_a_four_digit_run_then_a_figure_stays_two(text: str, expected: tuple[str, Amount]) -> None:
    """A run of four or more digits is no group head: the figure after it is its own."""
    assert found(text) == [expected]
    with pytest.raises(ParseError):
        parse_amount(text.split(" ", 2)[2] if text.startswith("Im") else "2019 45 Mio. Euro")


_SEPARATORS = {
    "de": [" ", "\u00a0", "\u202f", "\u2009", "'", "’", "‘", "\u200b", "."],
    "de_CH": [" ", "\u00a0", "\u202f", "'", "’", "‘", "\u200b"],
    "en": [" ", "\u00a0", "\u202f", "'", "’", "\u200b", ","],
}
_TAILS = [
    (" Euro", 0, "EUR"),
    (" Mio. Euro", 6, "EUR"),
    (" Prozent", 0, "%"),
    (" US-Dollar", 0, "USD"),
]
_EN_TAILS = [(" euros", 0, "EUR"), (" million dollars", 6, "USD"), (" percent", 0, "%")]


@st.composite
def grouped_sentences(draw: st.DrawFn) -> tuple[str, str, int, int, Decimal | None]:
    """A sentence with a figure grouped in any way: (text, locale, start, end, value if valid)."""
    locale = draw(st.sampled_from(["de_DE", "de_AT", "de_CH", "en_US", "en_GB"]))
    seps = _SEPARATORS["de_CH" if locale == "de_CH" else locale[:2]]
    sep = draw(st.sampled_from(seps))
    head_max = 3 if sep == " " else 4  # "2019 45 Mio.": a year is not the head of a figure
    head = draw(st.integers(1, head_max))
    groups = draw(st.lists(st.integers(1, 4), min_size=1, max_size=4))
    digits = draw(st.text("0123456789", min_size=head + sum(groups), max_size=head + sum(groups)))
    digits = str(draw(st.integers(1, 9))) + digits[1:]
    chunks, at = [digits[:head]], head
    for size in groups:
        chunks.append(digits[at : at + size])
        at += size
    written = sep.join(chunks)
    tail, power, _ = draw(st.sampled_from(_EN_TAILS if locale.startswith("en") else _TAILS))
    prefix = draw(st.sampled_from(["", "Es waren ", "Umsatz: ", "(", "It was "]))
    suffix = draw(st.sampled_from(["", ".", " im Jahr.", ", sagte er.", ")"]))
    valid = head <= 3 and all(size == 3 for size in groups)
    value = D(digits).scaleb(power) if valid else None
    return prefix + written + tail + suffix, locale, len(prefix), len(prefix + written), value


@settings(max_examples=400, deadline=None)
@given(case=grouped_sentences())
def test_a_grouped_figure_is_read_whole_or_not_reported(
    case: tuple[str, str, int, int, Decimal | None],
) -> None:
    """Property: a number with any grouping in a sentence is read whole or not reported.

    Read whole: the mention covers the whole figure and has its exact value; no mention
    starts inside it.
    """
    text, locale, start, end, value = case
    for m in extract_amounts(text, locale=locale):
        if m.end <= start or m.start >= end:
            continue
        assert m.start <= start, (m, text)
        assert m.end >= end, (m, text)
        assert value is not None, (m, text)
        assert m.amount.value == value, (m, text)


# -- sentence ends and line ends -------------------------------------------------------------

SENTENCE_ENDS = [
    ("Das kostet Fr. 7.40.", "de_CH", "Fr. 7.40", point("7.40", "CHF")),
    ("Das kostet CHF 18.20.", "de_CH", "CHF 18.20", point("18.20", "CHF")),
    ("Das kostet CHF 12.10.", "de_CH", "CHF 12.10", point("12.10", "CHF")),
    ("It costs $49.95.", "en_US", "$49.95", point("49.95", "USD")),
    ("It costs £30–45.50.", "en_GB", "£30–45.50", span("30", "45.50", "GBP")),
    ("Der Preis: 5,90 €.", "de_AT", "5,90 €", point("5.90", "EUR")),
    ("Zeile 1\r\n5 Mio. Euro\r\n", "de_DE", "5 Mio. Euro", point("5000000", "EUR")),
]


@pytest.mark.parametrize(("text", "locale", "span_text", "expected"), SENTENCE_ENDS)
def test_amount_before_a_full_stop(
    text: str, locale: str, span_text: str, expected: Amount
) -> None:
    """The date guard does not eat "7.40." or "18.20."; CRLF behaves like LF."""
    assert found(text, locale) == [(span_text, expected)]


def test_crlf_like_lf() -> None:
    for text in ["rund 5 Mio.\nEuro und 3 %", "zwischen 5 und\n7 Mrd. €"]:
        assert found(text.replace("\n", "\r\n")) == [
            (t.replace("\n", "\r\n"), a) for t, a in found(text)
        ]


def test_real_dates_stay_dates() -> None:
    assert found("Am 12.10. kamen 5 Mio. Euro.") == [("5 Mio. Euro", point("5000000", "EUR"))]


# -- hedges ----------------------------------------------------------------------------------

HEDGES = [
    ("nicht mehr als 5 Mio. Euro", Q.AT_MOST),
    ("nicht über 5 Mio. Euro", Q.AT_MOST),
    ("höchstens 5 Mio. Euro", Q.AT_MOST),
    ("maximal 5 Mio. Euro", Q.AT_MOST),
    ("max. 5 Mio. Euro", Q.AT_MOST),
    ("bis zu 5 Mio. Euro", Q.AT_MOST),
    ("ab 5 Mio. Euro", Q.AT_LEAST),
    ("ab rund 5 Mio. Euro", Q.AT_LEAST),
    ("mindestens 5 Mio. Euro", Q.AT_LEAST),
    ("nicht weniger als 5 Mio. Euro", Q.AT_LEAST),
    ("größer als 5 Mio. Euro", Q.MORE_THAN),
    ("mehr als 5 Mio. Euro", Q.MORE_THAN),
    ("über 5 Mio. Euro", Q.MORE_THAN),
    ("gut 5 Mio. Euro", Q.MORE_THAN),
    ("knapp über 5 Mio. Euro", Q.MORE_THAN),
    ("weniger als 5 Mio. Euro", Q.LESS_THAN),
    ("unter 5 Mio. Euro", Q.LESS_THAN),
    ("kleiner als 5 Mio. Euro", Q.LESS_THAN),
    ("knapp unter 5 Mio. Euro", Q.LESS_THAN),
    ("rd. 5 Mio. Euro", Q.APPROX),
    ("ca. 5 Mio. Euro", Q.APPROX),
    ("circa 5 Mio. Euro", Q.APPROX),
    ("~5 Mio. Euro", Q.APPROX),
    ("~ 5 Mio. Euro", Q.APPROX),
    ("annähernd 5 Mio. Euro", Q.APPROX),
    ("um die 5 Mio. Euro", Q.APPROX),
    ("knapp 5 Mio. Euro", Q.NEARLY),
    ("nicht ganz 5 Mio. Euro", Q.NEARLY),
]


@pytest.mark.parametrize(("text", "qualifier"), HEDGES)
def test_hedges(text: str, qualifier: Qualifier) -> None:
    """Each hedge with the meaning a reader takes from it, whole in the span."""
    expected = point("5000000", "EUR", qualifier)
    assert parse_amount(text) == expected
    assert found(f"Die Firma will {text} einsammeln.") == [(text, expected)]


ENGLISH_HEDGES = [
    ("no more than $5m", Q.AT_MOST),
    ("not more than $5m", Q.AT_MOST),
    ("no less than $5m", Q.AT_LEAST),
    ("just over $5m", Q.MORE_THAN),
    ("just under $5m", Q.LESS_THAN),
    ("close to $5m", Q.NEARLY),
]


@pytest.mark.parametrize(("text", "qualifier"), ENGLISH_HEDGES)
def test_english_hedges(text: str, qualifier: Qualifier) -> None:
    expected = point("5000000", "USD", qualifier)
    assert parse_amount(text, locale="en_US") == expected
    assert found(f"It raised {text} today.", "en_US") == [(text, expected)]


def test_unknown_hedge_is_left_out_never_turned_into_another() -> None:
    """The preposition "um" also means "by" ("stieg um 5 %"): no hedge, left out of the span."""
    assert found("mit einer Bewertung um 380 Milliarden Dollar") == [
        ("380 Milliarden Dollar", point("380000000000", "USD"))
    ]
    assert found("Der Umsatz stieg um 5 %.") == [("5 %", point("5", "%"))]
    assert found("Er bot sage und schreibe 5 Mio. Euro.") == [
        ("5 Mio. Euro", point("5000000", "EUR"))
    ]


def test_markup_is_no_hedge() -> None:
    assert found("<b>5 Mio. Euro</b>") == [("5 Mio. Euro", point("5000000", "EUR"))]


# -- vague amounts ---------------------------------------------------------------------------

VAGUE = [
    ("mehrere hundert Millionen Euro", span("200000000", "1000000000", "EUR")),
    ("einige hundert Millionen", span("200000000", "1000000000")),
    ("ein paar Millionen", span("2000000", "10000000")),
    ("mehrere Millionen Dollar", span("2000000", "10000000", "USD")),
    ("etliche tausend Euro", span("2000", "10000", "EUR")),
    ("ein sechsstelliges Investment", span("100000", "1000000")),
    ("eine achtstellige Series-A", span("10000000", "100000000")),
    ("sechsstelliger Höhe", span("100000", "1000000")),
    ("dreistelliger Millionenhöhe", span("100000000", "1000000000")),
    ("eine zweistellige Millioneninvestition", span("10000000", "100000000")),
    ("mittleren zweistelligen Millionenbereich", span("40000000", "70000000")),
    ("niedrigen dreistelligen Millionenbetrag", span("100000000", "400000000")),
    ("ein hoher einstelliger Milliardenbetrag", span("7000000000", "10000000000")),
]


@pytest.mark.parametrize(("text", "expected"), VAGUE)
def test_vague_amounts(text: str, expected: Amount) -> None:
    """Vague magnitudes are ranges with a documented reading, never "100 Millionen"."""
    assert parse_amount(text) == expected
    assert found(f"Sie erhielt im Jahr {text} von Investoren.") == [(text, expected)]


def test_vague_forms_in_running_text() -> None:
    assert found("Das Start-up sammelte in sechsstelliger Höhe ein.") == [
        ("sechsstelliger Höhe", span("100000", "1000000"))
    ]
    assert found("Umsatz im mittleren zweistelligen Millionenbereich") == [
        ("mittleren zweistelligen Millionenbereich", span("40000000", "70000000"))
    ]
    assert found("Das Unternehmen erhielt mehrere hundert Millionen Euro.") == [
        ("mehrere hundert Millionen Euro", span("200000000", "1000000000", "EUR"))
    ]
    assert found("Es kamen mehrere tausend Besucher.") == []
    assert found("Die Zahl ist dreistellig.") == []


# -- number words ----------------------------------------------------------------------------

WORDS = [
    ("halbe Milliarde Euro", point("500000000", "EUR")),
    ("eine halbe Milliarde Euro", point("500000000", "EUR")),
    ("Dreiviertel Million", point("750000")),
    ("anderthalb Milliarden", point("1500000000")),
    ("eineinhalb Millionen Euro", point("1500000", "EUR")),
    ("zweieinhalb Millionen", point("2500000")),
    (
        "einunddreißig Millionen zweihundertsechsundfünfzigtausendsiebenhunderteinundzwanzig",
        point("31256721"),
    ),
    ("achtzehnhundertzweiundfünfzig", point("1852")),
    ("zwei Millionen eintausendeinhundert", point("2001100")),
    ("zwei Millionen fünfzehn Euro", point("2000015", "EUR")),
    ("zwei Millionen dreihunderttausend Euro", point("2300000", "EUR")),
    ("eine Milliarde zwei Millionen", point("1002000000")),
    ("drei Milliarden vierhundert Millionen fünfzigtausend", point("3400050000")),
    ("zwei Millionen drei Komma fünf Tausend Prozent", point("2003500", "%")),
    ("fuenf Euro", point("5", "EUR")),
    ("zwoelf Millionen", point("12000000")),
    ("dreissig Prozent", point("30", "%")),
    ("fuenfzig Milliarden", point("50000000000")),
    ("einen Euro", point("1", "EUR")),
    ("ein Dollar", point("1", "USD")),
    ("ein halbes Prozent", point("0.5", "%")),
    ("zwei Euro fünfzig", point("2.50", "EUR")),
    ("13 Euro und 45 Cent", point("13.45", "EUR")),
    ("2 Euro 50", point("2.50", "EUR")),
    ("zwei Franken und zwanzig Rappen", point("2.20", "CHF")),
    (".75 €", point("0.75", "EUR")),
    (",5 %", point("0.5", "%")),
]


@pytest.mark.parametrize(("text", "expected"), WORDS)
def test_number_words_and_odd_spellings(text: str, expected: Amount) -> None:
    assert parse_amount(text) == expected
    sentence = f"Er sagte, es seien {text} gewesen."
    bare = expected.unit is None and text.isalpha()  # a bare number: only on request
    mentions = extract_amounts(sentence, include_numbers=bare)
    assert [(m.text, m.amount) for m in mentions] == [(text, expected)]


#: Runs of number words next to each other: one number where the second run goes on with a
#: smaller chunk, two where it starts again at the same scale or a larger one.
WORD_RUNS = [
    ("zwei Millionen zwei Millionen Euro", ["zwei Millionen", "zwei Millionen Euro"]),
    ("zwei Millionen eine Milliarde", ["zwei Millionen", "eine Milliarde"]),
    ("zwei Millionen drei Millionen zwei", ["zwei Millionen", "drei Millionen zwei"]),
    ("fünf Milliarden eine Million Euro", ["fünf Milliarden eine Million Euro"]),
    ("zwei Millionen zwei", ["zwei Millionen zwei"]),
]


@pytest.mark.parametrize(("text", "spans"), WORD_RUNS)
def test_runs_of_number_words_next_to_each_other(text: str, spans: list[str]) -> None:
    """Where one run of number words ends and the next starts, in running text and alone."""
    sentence = f"Es waren {text} am Ende."
    assert [m.text for m in extract_amounts(sentence)] == spans
    for span in spans:
        assert parse_amount(span) == next(
            m.amount for m in extract_amounts(sentence) if m.text == span
        )


NOT_MONEY = [
    "Frau Tausend kam zu spät.",
    "Herr Million lachte.",
    "Siehe https://example.com/a%28b%29c%20d Euro",
    "https://example.com/q?x=%2C5%20Mio",
    "www.example.com/5-Mio-Euro",
    "Er kaufte ein Pfund Mehl.",
    "Ein Euro-Rettungsschirm kam.",
    "Er lief 100m in 10 Sekunden.",
    "Ein 4K-Fernseher.",
]


@pytest.mark.parametrize("text", NOT_MONEY)
def test_no_figure_from_names_urls_or_other_units(text: str) -> None:
    """A surname, a URL's percent-encoding, a weight or a length is no amount of money."""
    assert found(text) == []


def test_cents_need_a_clear_end() -> None:
    """In "5 Euro 20 Mitarbeiter" the 20 are no cents."""
    assert found("Das kostet 5 Euro 20 Mitarbeiter sind da") == [("5 Euro", point("5", "EUR"))]
    assert found("Es gab 5 Euro und 20 Mitarbeiter.") == [("5 Euro", point("5", "EUR"))]


# -- ranges and lists ------------------------------------------------------------------------

RANGES = [
    ("mindestens 2.000 bis höchstens 8.000 Euro", span("2000", "8000", "EUR")),
    ("2.000 bis höchstens 8.000 Euro", span("2000", "8000", "EUR")),
    ("mehr als 2 bis weniger als 3 Mio. Euro", span("2000000", "3000000", "EUR")),
    ("rund 2 bis rund 3 Mrd. Euro", span("2000000000", "3000000000", "EUR", Q.APPROX)),
    ("2 bis rund 3 Mrd. Euro", span("2000000000", "3000000000", "EUR", Q.APPROX)),
]


@pytest.mark.parametrize(("text", "expected"), RANGES)
def test_ranges_with_a_hedge_at_each_end(text: str, expected: Amount) -> None:
    assert parse_amount(text) == expected
    assert found(f"Gesucht werden {text} pro Jahr.") == [(text, expected)]


def test_clashing_hedges_are_two_amounts() -> None:
    text = "knapp 5 Mio. € bis höchstens 8 Mio. €"
    with pytest.raises(ParseError):
        parse_amount(text)
    assert found(text) == [
        ("knapp 5 Mio. €", point("5000000", "EUR", Q.NEARLY)),
        ("höchstens 8 Mio. €", point("8000000", "EUR", Q.AT_MOST)),
    ]


LISTS = [
    (
        "20, 30 oder 50 Mio. Euro",
        [("20", "20000000"), ("30", "30000000"), ("50 Mio. Euro", "50000000")],
        "EUR",
    ),
    (
        "2,5, 3,5 und 4,5 Mrd. Dollar",
        [("2,5", "2500000000"), ("3,5", "3500000000"), ("4,5 Mrd. Dollar", "4500000000")],
        "USD",
    ),
    ("10, 20, 30 %", [("10", "10"), ("20", "20"), ("30 %", "30")], "%"),
]


@pytest.mark.parametrize(("text", "items", "unit"), LISTS)
def test_lists_with_the_unit_at_the_end(text: str, items: list[tuple[str, str]], unit: str) -> None:
    """Each item of a list gets the scale and currency written only after the last."""
    expected = [(t, point(v, unit)) for t, v in items]
    assert found(f"Geplant sind {text} je Runde.") == expected
    assert [(m.text, m.amount) for m in extract_amounts(text, include_numbers=True)] == expected


def test_a_year_before_a_list_is_no_item() -> None:
    """The items of a list rise; a figure before them that does not is no item."""
    assert found("Im Jahr 2020, 30 oder 50 Mio. Euro") == [
        ("30", point("30000000", "EUR")),
        ("50 Mio. Euro", point("50000000", "EUR")),
    ]


# -- English inside German, and en_* ---------------------------------------------------------

ENGLISH = [
    ("$1bn", "de_DE", point("1000000000", "USD")),
    ("1B USD", "de_DE", point("1000000000", "USD")),
    ("USD 1.5bn", "de_DE", point("1500000000", "USD")),
    ("€2,5bn", "de_AT", point("2500000000", "EUR")),
    ("$1bn", "en_US", point("1000000000", "USD")),
    ("1B USD", "en_US", point("1000000000", "USD")),
    ("USD 1.5bn", "en_GB", point("1500000000", "USD")),
    ("1.5 billion dollars", "en_US", point("1500000000", "USD")),
    ("a few million dollars", "en_US", span("2000000", "10000000", "USD")),
    # An English decimal point before an English scale, in German text: found as parsed.
    ("1.5bn€", "de_DE", point("1500000000", "EUR")),
    ("1.5bn €", "de_DE", point("1500000000", "EUR")),
    ("1.5bn USD", "de_DE", point("1500000000", "USD")),
    ("2.25m €", "de_DE", point("2250000", "EUR")),
    ("0.5bn Dollar", "de_DE", point("500000000", "USD")),
]


@pytest.mark.parametrize(
    "text",
    [
        "Die Version 1.5b wurde veröffentlicht.",
        "Die Datei hat 1.5m Zeilen.",
        "Es kostet 1.5 Mio. Euro.",
        "Die Tabelle 1.5k ist leer.",
    ],
)
def test_english_decimals_without_money_are_not_found(text: str) -> None:
    """An English decimal in German is read only before an English scale and with money."""
    assert found(text) == []


@pytest.mark.parametrize(("text", "locale", "expected"), ENGLISH)
def test_english_forms(text: str, locale: str, expected: Amount) -> None:
    assert parse_amount(text, locale=locale) == expected
    assert found(f"OpenAI holt {text} ein.", locale) == [(text, expected)]


@pytest.mark.parametrize("text", ["1,5 billion Dollar", "USD 1.500bn", "5m", "1.5bn"])
def test_english_looking_german_is_refused(text: str) -> None:
    """English-looking figures in German text that cannot be read exactly are refused.

    German "Billion" is 10¹²: a lower-case "billion" is refused with the reason; a scale
    letter needs a currency ("5m" may be metres); "1.500bn" may be 1.5 or 1500 billion.
    """
    with pytest.raises(ParseError) as info:
        parse_amount(text)
    if "billion" in text:
        assert "10¹²" in str(info.value)
    assert found(f"Es sind {text} gewesen.") == []


def test_german_billion_stays_long_scale() -> None:
    assert parse_amount("1 Billion Euro") == point("1000000000000", "EUR")


# -- found on real text: codes before the next figure, subunits, prepositions ---------------

REAL = [
    (
        "Die Vergütung betrug im Jahr 2007 CHF 1.85 Mio. und im Jahr 2008 CHF 2.05 Mio.",
        "de_CH",
        [("CHF 1.85 Mio.", point("1850000", "CHF")), ("CHF 2.05 Mio.", point("2050000", "CHF"))],
    ),
    (
        "in den Jahren 2010 CHF 117‘107, 2011 CHF 241‘068",
        "de_CH",
        [("CHF 117‘107", point("117107", "CHF")), ("CHF 241‘068", point("241068", "CHF"))],
    ),
    (
        "Eine Finanzierung über 500 Mio. Dollar ist so nie geflossen.",
        "de_DE",
        [("500 Mio. Dollar", point("500000000", "USD"))],
    ),
    (
        "Der Umsatz lag bei über 500 Mio. Dollar. Über 5 % mehr.",
        "de_DE",
        [
            ("über 500 Mio. Dollar", point("500000000", "USD", Q.MORE_THAN)),
            ("Über 5 %", point("5", "%", Q.MORE_THAN)),
        ],
    ),
    (
        "Um die 1-Prozent-Vorgabe zu erfüllen, braucht es um die 7 Mrd. Euro.",
        "de_DE",
        [("1-Prozent", point("1", "%")), ("um die 7 Mrd. Euro", point("7e9", "EUR", Q.APPROX))],
    ),
    (
        "Der Fahrschein wird um 20 Cent teurer, bis zu vier Cent je Liter.",
        "de_AT",
        [("20 Cent", point("0.20", "EUR")), ("bis zu vier Cent", point("0.04", "EUR", Q.AT_MOST))],
    ),
    (
        "Eine Kugel Eis kostet zwischen 50 und 80 Cent, 0,08 Cent mehr.",
        "de_DE",
        [
            ("zwischen 50 und 80 Cent", span("0.50", "0.80", "EUR")),
            ("0,08 Cent", point("0.0008", "EUR")),
        ],
    ),
    ("Ein Brötchen kostete 30 Pfennig.", "de_DE", [("30 Pfennig", point("0.30", "DEM"))]),
    ("Es kostet 5 Rappen mehr.", "de_CH", [("5 Rappen", point("0.05", "CHF"))]),
    (
        "gegen 70 Prozent der Mitarbeiter",
        "de_CH",
        [("gegen 70 Prozent", point("70", "%", Q.APPROX))],
    ),
    (
        "Anlagen im Wert von ungefähr fünf Milliarden US\u2011Dollar.",
        "de_DE",
        [("ungefähr fünf Milliarden US\u2011Dollar", point("5e9", "USD", Q.APPROX))],
    ),
    (
        "Die Förderung beträgt zwischen 100 und 400 k € oder 50 bis 200 k€.",
        "de_DE",
        [
            ("zwischen 100 und 400 k €", span("100000", "400000", "EUR")),
            ("50 bis 200 k€", span("50000", "200000", "EUR")),
        ],
    ),
    (
        "Shipping costs range from CHF 6.- to max. CHF 35.-.",
        "en_GB",
        [("from CHF 6.- to max. CHF 35.-", span("6", "35", "CHF"))],
    ),
]


@pytest.mark.parametrize(("text", "locale", "expected"), REAL)
def test_forms_found_on_real_text(
    text: str, locale: str, expected: list[tuple[str, Amount]]
) -> None:
    """Shapes from real pages.

    A currency code before the next figure is that figure's; "über" after a noun means "of";
    "um die" before a compound is no hedge; Cent, Rappen and Pfennig are hundredths; "gegen"
    is a rough figure; a no-break hyphen joins "US‑Dollar".
    """
    assert found(text, locale) == expected


# -- alternatives are lists, not ranges ------------------------------------------------------

ALTERNATIVES = [
    (
        "Eine Kugel Eis kostete 20 oder 30 Pfennig.",
        "de_DE",
        [("20", point("0.20", "DEM")), ("30 Pfennig", point("0.30", "DEM"))],
    ),
    (
        "Geplant sind 5 oder 10 Mio. Dollar.",
        "de_DE",
        [("5", point("5000000", "USD")), ("10 Mio. Dollar", point("10000000", "USD"))],
    ),
    (
        "Die 100- und 200 €-Scheine sind kleiner.",
        "de_DE",
        [("100-", point("100", "EUR")), ("200 €", point("200", "EUR"))],
    ),
    (
        "Bei den 1-, 2– und 5-Cent-Münzen ist es ein Eichenzweig.",
        "de_DE",
        [
            ("1-", point("0.01", "EUR")),
            ("2–", point("0.02", "EUR")),
            ("5-Cent", point("0.05", "EUR")),
        ],
    ),
    (
        "Im Vergleich zu 20- oder 30-Milliarden-Runden in den USA.",
        "de_DE",
        [("20-", point("20000000000")), ("30-Milliarden", point("30000000000"))],
    ),
    (
        "Die Steuer stieg um 4,7 Prozent oder rund 6 Milliarden.",
        "de_DE",
        [("4,7 Prozent", point("4.7", "%")), ("rund 6 Milliarden", point("6e9", None, Q.APPROX))],
    ),
    (
        "It raised 5 or 10 million dollars.",
        "en_US",
        [("5", point("5000000", "USD")), ("10 million dollars", point("10000000", "USD"))],
    ),
]


@pytest.mark.parametrize(("text", "locale", "expected"), ALTERNATIVES)
def test_alternatives_are_a_list_of_amounts(
    text: str, locale: str, expected: list[tuple[str, Amount]]
) -> None:
    """Alternatives name two amounts: each item gets the scale and unit after the last."""
    assert found(text, locale) == expected


@pytest.mark.parametrize(
    ("text", "locale"),
    [
        ("20 oder 30 Pfennig", "de_DE"),
        ("zwei oder drei Millionen Euro", "de_DE"),
        ("ein oder zwei Millionen", "de_DE"),
        ("20- oder 30-Milliarden", "de_DE"),
        ("20- und 30-Milliarden", "de_DE"),
        ("100- und 200 €", "de_DE"),
        ("$5m or $10m", "en_US"),
    ],
)
def test_alternatives_are_not_one_amount(text: str, locale: str) -> None:
    with pytest.raises(ParseError, match="list"):
        parse_amount(text, locale=locale)


def test_alternatives_never_read_as_a_range() -> None:
    """A list's last item is read on its own, never as a range from the first."""
    for m in extract_amounts("Es waren zwei oder drei Millionen Euro."):
        assert m.amount.value is not None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("neun- oder zehnstellige Beträge", span("100000000", "10000000000")),
        ("zig oder gar hunderten Milliarden Dollar", span("1e10", "1e12", "USD")),
        ("20- bis 30-Milliarden", span("20000000000", "30000000000")),
    ],
)
def test_alternative_magnitudes_make_a_range(text: str, expected: Amount) -> None:
    """Between two vague magnitudes "oder" spans both; "bis" always makes a range."""
    assert parse_amount(text) == expected
    assert found(f"Es geht um {text} hier.") == [(text, expected)]


# -- runs of spaces between digits: read whole or not at all ---------------------------------

SPACE_RUNS = [
    "94  200 Euro",
    "94 \u00a0200 Euro",
    "1 234  567 Euro",
    "EUR 94  200",
    "98\u00a0\u00a0765 Euro",
]


@pytest.mark.parametrize("text", SPACE_RUNS)
def test_runs_of_spaces_between_digits_are_refused(text: str) -> None:
    """Two spaces, or mixed ones, between digit groups group nothing: never "200 Euro"."""
    with pytest.raises(ParseError):
        parse_amount(text)
    assert found(f"Das wären genau {text} für Notlagen.") == []


def test_a_year_and_spaces_before_a_figure() -> None:
    """A run of four digits heads no group: the figure after the spaces is its own."""
    assert found("Im Jahr 2019  45 Mio. Euro.") == [("45 Mio. Euro", point("45000000", "EUR"))]


# -- a few hundred: a vague magnitude, never 100 ---------------------------------------------

FEW = [
    ("wenige hundert Euro", span("200", "1000", "EUR")),
    ("wenigen tausend Euro", span("2000", "10000", "EUR")),
    ("einige hundert Millionen Euro", span("200000000", "1000000000", "EUR")),
    ("ein paar hundert Euro", span("200", "1000", "EUR")),
    ("mehrere tausend Franken", span("2000", "10000", "CHF")),
]


@pytest.mark.parametrize(("text", "expected"), FEW)
def test_a_few_hundred_is_a_vague_magnitude(text: str, expected: Amount) -> None:
    """A few hundred is 2–10 hundreds (documented), never "hundert" = 100."""
    assert parse_amount(text) == expected
    assert found(f"Es kostet {text} im Monat.") == [(text, expected)]


@pytest.mark.parametrize(
    "text", ["viele hundert Euro", "viele tausend Euro", "zahlreiche Millionen Euro"]
)
def test_many_hundred_has_no_reading(text: str) -> None:
    """A quantifier without an upper bound is refused, never "hundert Euro" = 100 EUR."""
    with pytest.raises(ParseError, match="no bound"):
        parse_amount(text)
    assert found(f"Es kostet {text} im Monat.") == []


# -- "m" is a million only with money ---------------------------------------------------------


@pytest.mark.parametrize(
    "text", ["Er sprang 1,2 m hoch.", "Eine Mauer von 2,5 m Länge.", "Die Halle ist 40 m breit."]
)
def test_metres_are_no_millions(text: str) -> None:
    assert found(text) == []


@pytest.mark.parametrize("text", ["1,2 m", "2,5 m", "40 m", "5m", "400 k"])
def test_a_scale_letter_alone_is_refused(text: str) -> None:
    with pytest.raises(ParseError, match="currency"):
        parse_amount(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1,2 m Euro", point("1200000", "EUR")),
        ("€1,2 m", point("1200000", "EUR")),
        ("$5m", point("5000000", "USD")),
        ("400 k €", point("400000", "EUR")),
    ],
)
def test_a_scale_letter_with_money(text: str, expected: Amount) -> None:
    """In German an English scale letter is read only with a currency (a money context)."""
    assert parse_amount(text) == expected


# -- two scale words, compound nouns, table figures: no amount ------------------------------

NO_AMOUNT = [
    ("Das sind eine Million Millionen Euro.", "de_DE"),
    ("Es sind 5 Mio. Mrd. Euro.", "de_DE"),
    ("Es gibt 8 Euro-Münzen.", "de_DE"),
    ("Es gibt acht Euro-Münzen.", "de_DE"),
    ("Er hatte 3 Dollar-Noten.", "de_DE"),
    ("Umsatzziele in EUR 1000 9 10 12", "de_DE"),
    ("Kosten in CHF 1'000", "de_CH"),
    ("Angaben in EUR 1.000", "de_DE"),
    ("Figures in USD 1,000", "en_US"),
]


@pytest.mark.parametrize(("text", "locale"), NO_AMOUNT)
def test_shapes_that_are_no_amount(text: str, locale: str) -> None:
    """Two scale words in a row, a figure that counts things, a table's row or column unit.

    "8 Euro-Münzen" are eight coins; "EUR 1000 9" is a table's row after a currency and "in
    EUR 1000" (thousands of euros) a column's unit.
    """
    assert found(text, locale) == []


@pytest.mark.parametrize(
    "text", ["eine Million Millionen", "8 Euro-Münzen", "EUR 1000 9", "zwei Millionen Millionen"]
)
def test_shapes_that_are_no_amount_are_refused(text: str) -> None:
    with pytest.raises(ParseError):
        parse_amount(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ein 5-Euro-Schein", [("5-Euro", point("5", "EUR"))]),
        ("mit 200 €-Scheinen", [("200 €", point("200", "EUR"))]),
        ("Er zahlte EUR 1000.", [("EUR 1000", point("1000", "EUR"))]),
        ("umgerechnet in EUR 5000", [("EUR 5000", point("5000", "EUR"))]),
    ],
)
def test_values_of_compounds_and_plain_prefix_codes(
    text: str, expected: list[tuple[str, Amount]]
) -> None:
    """A figure glued to its currency names the thing's value.

    A code before a figure alone, or before one that is no power of ten, is an amount.
    """
    assert found(text) == expected


# -- hyphens inside a currency name -----------------------------------------------------------


@pytest.mark.parametrize("hyphen", ["-", "\u2010", "\u2011", "\u2012", "\u2013"])
def test_hyphen_variants_in_a_currency_name(hyphen: str) -> None:
    text = f"5 US{hyphen}Dollar"
    assert parse_amount(text) == point("5", "USD")
    assert found(f"Es kostet {text} im Monat.") == [(text, point("5", "USD"))]


# -- "über": more than, except after a deal or document noun ("of") ---------------------------

UEBER = [
    ("Eine Finanzierung über 500 Mio. Dollar.", "500 Mio. Dollar", Q.EXACT),
    ("Eine Kapitalspritze über 500 Mio. Dollar.", "500 Mio. Dollar", Q.EXACT),
    ("Ein Kredit über 2 Mio. Euro.", "2 Mio. Euro", Q.EXACT),
    ("Eine Rechnung über 300 Euro.", "300 Euro", Q.EXACT),
    ("Verhandlungen über 5 Mrd. Euro.", "5 Mrd. Euro", Q.EXACT),
    (
        "Er zahlt dieses Jahr über elf Milliarden US-Dollar.",
        "über elf Milliarden US-Dollar",
        Q.MORE_THAN,
    ),
    ("Ab einem Warenwert über 100 Euro.", "über 100 Euro", Q.MORE_THAN),
    ("Der Umsatz lag über 5 Mio. Euro.", "über 5 Mio. Euro", Q.MORE_THAN),
    ("Ein Umsatz über 5 Mio. Euro.", "über 5 Mio. Euro", Q.MORE_THAN),
]


@pytest.mark.parametrize(("text", "span_text", "qualifier"), UEBER)
def test_ueber_after_a_noun(text: str, span_text: str, qualifier: Qualifier) -> None:
    """After a deal, document or talk noun "über" means "of"; otherwise "more than"."""
    [(got, amount)] = found(text)
    assert (got, amount.qualifier) == (span_text, qualifier)


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [("below CHF 20.-", Q.LESS_THAN), ("just below $5m", Q.LESS_THAN), ("above $5m", Q.MORE_THAN)],
)
def test_english_below_and_above(text: str, qualifier: Qualifier) -> None:
    assert parse_amount(text, locale="en_GB").qualifier is qualifier


# -- cents only after a currency written after the sum ----------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("13 Euro 45", point("13.45", "EUR")),
        ("zwei Euro fünfzig", point("2.50", "EUR")),
        ("13 Euro und 45 Cent", point("13.45", "EUR")),
    ],
)
def test_cents_after_the_currency(text: str, expected: Amount) -> None:
    assert parse_amount(text) == expected


@pytest.mark.parametrize("text", ["5 Euro 9", "EUR 1000 9", "EUR 13 45"])
def test_no_cents_from_one_digit_or_after_a_code(text: str) -> None:
    """Digit cents are exactly two digits after a currency written after the sum."""
    with pytest.raises(ParseError):
        parse_amount(text)


# -- ranges whose first end is complete; a hedge after a range intro --------------------------

COMPLETE_ENDS = [
    ("zwischen 100.000 Euro und 5 Millionen Euro", span("100000", "5000000", "EUR")),
    ("von 500 Euro bis 2 Mio. Euro", span("500", "2000000", "EUR")),
    ("500 Euro bis 2 Mio. Euro", span("500", "2000000", "EUR")),
    ("20 bis 30 Mio. Euro", span("20000000", "30000000", "EUR")),
]


@pytest.mark.parametrize(("text", "expected"), COMPLETE_ENDS)
def test_a_first_end_with_its_own_unit_keeps_its_value(text: str, expected: Amount) -> None:
    """The second end's scale applies to a bare first end only, never to "100.000 Euro"."""
    assert parse_amount(text) == expected
    assert found(f"Es geht um {text} im Jahr.") == [(text, expected)]


@pytest.mark.parametrize(
    ("text", "span_text", "expected"),
    [
        (
            "Eine Finanzierung von bis zu einer Million Euro.",
            "bis zu einer Million Euro",
            point("1000000", "EUR", Q.AT_MOST),
        ),
        (
            "Eine Finanzierung von bis zu 1 Milliarde Dollar.",
            "bis zu 1 Milliarde Dollar",
            point("1000000000", "USD", Q.AT_MOST),
        ),
    ],
)
def test_a_hedge_after_von(text: str, span_text: str, expected: Amount) -> None:
    assert found(text) == [(span_text, expected)]


# -- "-stellig" after "in"/"im"; lower-case codes ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("in sechsstelliger Höhe", span("100000", "1000000")),
        ("im sechsstelligen Bereich", span("100000", "1000000")),
        ("in dreistelliger Milliardenhöhe", span("1e11", "1e12")),
        ("im mittleren zweistelligen Millionenbereich", span("40000000", "70000000")),
        ("20-30 eur", span("20", "30", "EUR")),
        ("5 chf", point("5", "CHF")),
    ],
)
def test_leads_and_lower_case_codes(text: str, expected: Amount) -> None:
    assert parse_amount(text) == expected


# -- leftovers from real text (#8 §2): lists, "bzw.", rough pairs, "k" ranges ----------------

#: A list whose scale and currency stand only after the last item: every item gets them,
#: whether the items are figures or number words, joined by "oder", "und" or "bzw.".
LISTS_ON_REAL_TEXT = [
    (
        "zwei oder drei Millionen Euro",
        "de_DE",
        [("zwei", point("2000000", "EUR")), ("drei Millionen Euro", point("3000000", "EUR"))],
    ),
    (
        "zwei, drei oder vier Millionen Euro",
        "de_DE",
        [
            ("zwei", point("2000000", "EUR")),
            ("drei", point("3000000", "EUR")),
            ("vier Millionen Euro", point("4000000", "EUR")),
        ],
    ),
    (
        "ein oder zwei Milliarden Dollar",
        "de_DE",
        [("ein", point("1e9", "USD")), ("zwei Milliarden Dollar", point("2e9", "USD"))],
    ),
    (
        "fünf oder sechs Prozent",
        "de_DE",
        [("fünf", point("5", "%")), ("sechs Prozent", point("6", "%"))],
    ),
    (
        "two or three million dollars",
        "en_US",
        [("two", point("2000000", "USD")), ("three million dollars", point("3000000", "USD"))],
    ),
    # "bzw." ("respectively") joins parallel figures, in either order.
    (
        "4,07 bzw. 4,06 Franken",
        "de_CH",
        [("4,07", point("4.07", "CHF")), ("4,06 Franken", point("4.06", "CHF"))],
    ),
    (
        "20 bzw. 15 Prozent",
        "de_DE",
        [("20", point("20", "%")), ("15 Prozent", point("15", "%"))],
    ),
    (
        "1,2 bzw. 1,5 Mrd. Euro",
        "de_DE",
        [("1,2", point("1.2e9", "EUR")), ("1,5 Mrd. Euro", point("1.5e9", "EUR"))],
    ),
    (
        "3 beziehungsweise 5 Mio. Euro",
        "de_DE",
        [("3", point("3000000", "EUR")), ("5 Mio. Euro", point("5000000", "EUR"))],
    ),
]


@pytest.mark.parametrize(("text", "locale", "expected"), LISTS_ON_REAL_TEXT)
def test_every_item_of_a_list_gets_its_scale_and_currency(
    text: str, locale: str, expected: list[tuple[str, Amount]]
) -> None:
    assert found(f"Gezahlt wurden {text} im Jahr.", locale) == expected
    with pytest.raises(ParseError):
        parse_amount(text, locale=locale)  # a list is not one amount


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Falling items joined by "oder" are no list: only the last is sure.
        ("4,07 oder 4,06 Franken", [("4,06 Franken", point("4.06", "CHF"))]),
        # "bzw." between figures far apart (a year?): only the last.
        ("2020 bzw. 50 Mio. Euro", [("50 Mio. Euro", point("50000000", "EUR"))]),
        # The last item is more than a number word times a scale: only the last.
        (
            "zwei oder drei Millionen fünfhunderttausend Euro",
            [("drei Millionen fünfhunderttausend Euro", point("3500000", "EUR"))],
        ),
    ],
)
def test_unsure_lists_report_only_their_last_item(
    text: str, expected: list[tuple[str, Amount]]
) -> None:
    assert found(f"Es waren {text} im Jahr.", "de_CH") == expected


#: "ein, zwei Millionen": one or two million, a rough pair of consecutive number words. Read
#: as the range between them, like "ein paar Millionen" (never "zwei Millionen" alone); a
#: hedge before it hedges the range.
ROUGH_PAIRS = [
    ("ein, zwei Millionen Euro", "de_DE", span("1000000", "2000000", "EUR")),
    ("zwei, drei Milliarden Dollar", "de_DE", span("2e9", "3e9", "USD")),
    ("ein, zwei Millionen", "de_DE", span("1000000", "2000000")),
    ("rund ein, zwei Millionen Euro", "de_DE", span("1000000", "2000000", "EUR", Q.APPROX)),
    ("mehr als zwei, drei Millionen Euro", "de_DE", span("2e6", "3e6", "EUR", Q.MORE_THAN)),
    ("zwei, drei Euro", "de_DE", span("2", "3", "EUR")),
    ("one, two million dollars", "en_US", span("1000000", "2000000", "USD")),
]


@pytest.mark.parametrize(("text", "locale", "expected"), ROUGH_PAIRS)
def test_a_rough_pair_is_a_range(text: str, locale: str, expected: Amount) -> None:
    assert parse_amount(text, locale=locale) == expected
    assert found(f"Sie brauchten {text} dafür.", locale) == [(text, expected)]


@pytest.mark.parametrize("text", ["zwei, drei", "ein, zwei Leute"])
def test_a_rough_pair_without_a_scale_is_no_amount(text: str) -> None:
    with pytest.raises(ParseError):
        parse_amount(text)
    assert found(f"Sie brauchten {text} dafür.") == []


def test_words_that_do_not_follow_each_other_are_no_pair() -> None:
    assert found("Sie brauchten zwei, vier Millionen Euro.") == [
        ("vier Millionen Euro", point("4000000", "EUR"))
    ]


#: A range with a scale letter ("k") is money only with a currency, written before or after,
#: at either end; without one it may be anything ("165-170k" Kilometer, Follower, ...).
K_RANGES = [
    ("165-170k €", "de_DE", span("165000", "170000", "EUR")),
    ("€165-170k", "de_DE", span("165000", "170000", "EUR")),
    ("165k-170k €", "de_DE", span("165000", "170000", "EUR")),
    ("165–170k CHF", "de_CH", span("165000", "170000", "CHF")),
    ("165-170k Euro", "de_DE", span("165000", "170000", "EUR")),
]


@pytest.mark.parametrize(("text", "locale", "expected"), K_RANGES)
def test_a_range_with_k_and_a_currency(text: str, locale: str, expected: Amount) -> None:
    assert parse_amount(text, locale=locale) == expected
    assert found(f"Das Gehalt liegt bei {text} im Jahr.", locale) == [(text, expected)]


@pytest.mark.parametrize("text", ["165-170k", "165k-170k", "5m-6m"])
def test_a_range_with_k_and_no_currency_is_refused(text: str) -> None:
    with pytest.raises(ParseError, match="currency"):
        parse_amount(text)
    assert found(f"Das Gehalt liegt bei {text} im Jahr.") == []
