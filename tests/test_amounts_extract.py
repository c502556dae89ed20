"""extract_amounts: every amount in running text, with exact spans."""

from __future__ import annotations

import itertools
import pickle
from decimal import Decimal
from pathlib import Path

import pytest

from aieco import Amount, Mention, Qualifier, ValidationError, extract_amounts, parse_amount

Q = Qualifier
D = Decimal
SOURCES = Path(__file__).resolve().parents[1].parent / "shared" / "sources"


def point(value: str, unit: str | None = None, qualifier: Qualifier = Q.EXACT) -> Amount:
    return Amount(D(value), unit=unit, qualifier=qualifier)


def span(low: str, high: str, unit: str | None = None, qualifier: Qualifier = Q.EXACT) -> Amount:
    return Amount.range(D(low), D(high), unit, qualifier)


# Hand-checked against the articles: every money expression, in order of appearance.
# Not mentions by design: "Multimilliardär", "Milliardeninvestitionen", "Milliardenbudgets" and a
# bare "Milliarden" (no number); years, counts and "Ray 3" (bare numbers); "17. Februar 2026"
# and "date 2025-01" (dates); "hundertprozentiger" (an adjective). In "bei einer Bewertung um
# 380 Milliarden Dollar" the preposition "um" is not read as a hedge (it also means "by").
EXPECTED: dict[str, list[tuple[str, Amount]]] = {
    "000_76980fcd8d93e445.txt": [
        ("rund vier Milliarden US-Dollar", point("4000000000", "USD", Q.APPROX)),
        ("900 Millionen Dollar", point("900000000", "USD")),
    ],
    "001_ef3c1178bf048dc4.txt": [
        ("500-Milliarden-Dollar", point("500000000000", "USD")),
        ("Drei-Milliarden-Euro", point("3000000000", "EUR")),
        ("800 Milliarden Dollar", point("800000000000", "USD")),
        ("100 Milliarden Dollar", point("100000000000", "USD")),
        ("zehn Milliarden", point("10000000000")),
    ],
    "002_b704ae214b97fad1.txt": [],
    "003_f933f5c1a75dfc8d.txt": [
        ("mindestens 100 Millionen Dollar", point("100000000", "USD", Q.AT_LEAST)),
        ("zweistellige Milliardenbeträge", span("10000000000", "100000000000")),
        ("100 Millionen Dollar oder mehr", point("100000000", "USD", Q.AT_LEAST)),
        ("etwa 30 Milliarden Dollar", point("30000000000", "USD", Q.APPROX)),
        ("380 Milliarden Dollar", point("380000000000", "USD")),
        ("rund 20 Milliarden Dollar", point("20000000000", "USD", Q.APPROX)),
        ("über 76 Milliarden Dollar", point("76000000000", "USD", Q.MORE_THAN)),
        ("20 bis 30 Milliarden Dollar", span("20000000000", "30000000000", "USD")),
        ("neun- oder zehnstellige Beträge", span("100000000", "10000000000")),
        (
            "zig oder gar hunderten Milliarden Dollar",
            span("10000000000", "1000000000000", "USD"),
        ),
        ("dreistelligen Milliardenbereich", span("100000000000", "1000000000000")),
        # alternatives, each its own amount (#8): "20- oder 30-Milliarden-Runden"
        ("20-", point("20000000000")),
        ("30-Milliarden", point("30000000000")),
        ("5–50 Millionen Euro", span("5000000", "50000000", "EUR")),
    ],
    "004_c9c2689ae2915dc5.txt": [
        ("mehr als 1,5 Mrd. USD", point("1500000000", "USD", Q.MORE_THAN)),
        ("11 %", point("11", "%")),
        ("fast 14 Mrd. USD", point("14000000000", "USD", Q.NEARLY)),
        ("rund 2 Mrd. USD", point("2000000000", "USD", Q.APPROX)),
        ("13 Mrd. USD", point("13000000000", "USD")),
        ("183 Mrd. USD", point("183000000000", "USD")),
        ("mehr als 300 Mrd. USD", point("300000000000", "USD", Q.MORE_THAN)),
        ("1,3 Mrd. Euro", point("1300000000", "EUR")),
    ],
}

needs_sources = pytest.mark.skipif(
    not SOURCES.is_dir(), reason=f"the source articles are not at {SOURCES}"
)


@needs_sources
@pytest.mark.parametrize("name", sorted(EXPECTED), ids=sorted(EXPECTED))
def test_source_articles(name: str) -> None:
    """Every money expression in the five source articles comes out as hand-checked."""
    source = (SOURCES / name).read_text(encoding="utf-8")
    mentions = extract_amounts(source)
    assert EXPECTED[name] == [(m.text, m.amount) for m in mentions]


@needs_sources
@pytest.mark.parametrize("name", sorted(EXPECTED), ids=sorted(EXPECTED))
def test_source_spans(name: str) -> None:
    """Each mention's text is the source slice at its offsets, in increasing order."""
    source = (SOURCES / name).read_text(encoding="utf-8")
    mentions = extract_amounts(source, include_numbers=True)
    assert [source[m.start : m.end] for m in mentions] == [m.text for m in mentions]
    assert sorted(m.start for m in mentions) == [m.start for m in mentions]
    assert all(a.end <= b.start for a, b in itertools.pairwise(mentions))


RUNNING = [
    (
        "Luma wird mit rund vier Milliarden US-Dollar bewertet.",
        [("rund vier Milliarden US-Dollar", point("4000000000", "USD", Q.APPROX))],
    ),
    (
        "Trump kündigte ein 500-Milliarden-Dollar-Projekt an.",
        [("500-Milliarden-Dollar", point("500000000000", "USD"))],
    ),
    (
        "eine 1,5-Milliarden-Euro-Investition und eine 900-Millionen-Dollar-Runde",
        [
            ("1,5-Milliarden-Euro", point("1500000000", "EUR")),
            ("900-Millionen-Dollar", point("900000000", "USD")),
        ],
    ),
    (
        "Der Umsatz stieg um 11 Prozent auf 2,3 Mrd. €.",
        [("11 Prozent", point("11", "%")), ("2,3 Mrd. €", point("2300000000", "EUR"))],
    ),
    (
        "Es geht um zwischen 20 und 30 Mrd. Euro.",
        [("zwischen 20 und 30 Mrd. Euro", span("20000000000", "30000000000", "EUR"))],
    ),
    (
        "Runden von 1 bis 2 Mrd. € sind selten.",
        [("von 1 bis 2 Mrd. €", span("1000000000", "2000000000", "EUR"))],
    ),
    (
        "Preis: € 1.500,– statt -2,50 € Rabatt.",
        [("€ 1.500,–", point("1500", "EUR")), ("-2,50 €", point("-2.50", "EUR"))],
    ),
    (
        "Er sammelte einen zweistelligen Millionenbetrag ein.",
        [("einen zweistelligen Millionenbetrag", span("10000000", "100000000"))],
    ),
    (
        "Die EU plant eine halbe Milliarde Euro.",
        [("eine halbe Milliarde Euro", point("500000000", "EUR"))],
    ),
    (
        "Im Jahr 2021 arbeiteten 300 Menschen dort; am 12.06.1994 um 12:30 Uhr.",
        [],
    ),
    ("Der 17. Februar 2026 war ein Dienstag.", []),
    (
        "Sie sammelten ein bis zwei Milliarden Euro ein.",
        [("ein bis zwei Milliarden Euro", span("1000000000", "2000000000", "EUR"))],
    ),
    (
        "Es waren eine bis zwei Milliarden Euro.",
        [("eine bis zwei Milliarden Euro", span("1000000000", "2000000000", "EUR"))],
    ),
    (
        "Es geht um zwischen einer und zwei Milliarden Euro.",
        [("zwischen einer und zwei Milliarden Euro", span("1000000000", "2000000000", "EUR"))],
    ),
    ("Das sind ein bis zwei Prozent.", [("ein bis zwei Prozent", span("1", "2", "%"))]),
    ("Das sind ein bis 2 Mrd. €.", [("ein bis 2 Mrd. €", span("1e9", "2e9", "EUR"))]),
    ("Es dauert eine bis zwei Stunden.", []),
    (
        "Umsatz: 1,3 Mrd. €/1,5 Mrd. $",
        [("1,3 Mrd. €", point("1300000000", "EUR")), ("1,5 Mrd. $", point("1500000000", "USD"))],
    ),
    (
        "Umsatz: 1,3 Mrd. € / 1,5 Mrd. $",
        [("1,3 Mrd. €", point("1300000000", "EUR")), ("1,5 Mrd. $", point("1500000000", "USD"))],
    ),
    ("Kurs 3 €/4 $", [("3 €", point("3", "EUR")), ("4 $", point("4", "USD"))]),
    ("Anteil 5%/6%", [("5%", point("5", "%")), ("6%", point("6", "%"))]),
    (
        "Es geht um neun oder zehnstellige Beträge.",
        [("neun oder zehnstellige Beträge", span("100000000", "10000000000"))],
    ),
    (
        "Es geht um zwischen 20- und 30-Milliarden Euro.",
        [("zwischen 20- und 30-Milliarden Euro", span("20000000000", "30000000000", "EUR"))],
    ),
    (
        "Er sammelte einen zwei- bis dreistelligen Millionenbetrag ein.",
        [("einen zwei- bis dreistelligen Millionenbetrag", span("10000000", "1000000000"))],
    ),
    (
        "Gesucht werden rund 5 bis 50 Mio. € oder mehr.",
        [("rund 5 bis 50 Mio. € oder mehr", span("5e6", "5e7", "EUR", Q.AT_LEAST))],
    ),
    ("1.5 Mrd. USD ist in Deutschland keine Zahl.", []),
    ("Das B2B-Geschäft mit 3D-Druck und GPT-4o.", []),
    (
        "Geschätzt: knapp 5 Mio. € bis höchstens 8 Mio. €.",
        [
            ("knapp 5 Mio. €", point("5000000", "EUR", Q.NEARLY)),
            ("höchstens 8 Mio. €", point("8000000", "EUR", Q.AT_MOST)),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), RUNNING, ids=[r[0][:40] for r in RUNNING])
def test_running_text(text: str, expected: list[tuple[str, Amount]]) -> None:
    """Mentions cover hedge, number, scale and currency; dates and bare numbers are left out."""
    assert expected == [(m.text, m.amount) for m in extract_amounts(text)]


INCLUDE_NUMBERS = [
    ("Im Jahr 2021 arbeiteten 300 Menschen dort.", ["2021", "300"]),
    ("Zwei Teams, zehn Jahre, 18.000 Chips.", ["Zwei", "zehn", "18.000"]),
    ("Am 12.06.1994 um 12:30 Uhr, seit 17. Februar 2026.", []),
    ("Phase eins (2020–2022) und 12 bis 24 Monate.", ["eins", "2020–2022", "12 bis 24"]),
    ("date 2025-01 und Industrie 4.0", []),
]


@pytest.mark.parametrize(
    ("text", "expected"), INCLUDE_NUMBERS, ids=[r[0][:40] for r in INCLUDE_NUMBERS]
)
def test_include_numbers(text: str, expected: list[str]) -> None:
    """With include_numbers=True bare numbers come too; dates and times still never do."""
    assert expected == [m.text for m in extract_amounts(text, include_numbers=True)]


LIST_EDGES = [
    # A list whose first item is the end of an amount before it: the amount stays whole,
    # the list is no list, and no two mentions overlap (hypothesis found "€ 0, 1").
    ("€ 0, 1", ["€ 0"], ["€ 0", "1"]),
    ("€ 0, 1 Mio.", ["€ 0", "1 Mio."], ["€ 0", "1 Mio."]),
    ("EUR 5, 6 und 7 Mio. Euro", ["EUR 5", "7 Mio. Euro"], ["EUR 5", "7 Mio. Euro"]),
    # Bare numbers read first give way to the list's items that hold them.
    ("1-, 2- und 5-Cent-Münzen", ["1-", "2-", "5-Cent"], ["1-", "2-", "5-Cent"]),
]


@pytest.mark.parametrize(("text", "off", "on"), LIST_EDGES, ids=[r[0] for r in LIST_EDGES])
def test_list_edges(text: str, off: list[str], on: list[str]) -> None:
    """A list never overlaps the amount before it; bare numbers never hide a list's items."""
    assert off == [m.text for m in extract_amounts(text)]
    mentions = extract_amounts(text, include_numbers=True)
    assert on == [m.text for m in mentions]
    assert all(a.end <= b.start for a, b in itertools.pairwise(mentions))
    amounts = {(m.start, m.amount) for m in extract_amounts(text)}
    assert amounts <= {(m.start, m.amount) for m in mentions}


EN_RUNNING = [
    (
        "Anthropic raised $13bn at a $183bn valuation, about $4 billion more than planned.",
        [
            ("$13bn", point("13000000000", "USD")),
            ("$183bn", point("183000000000", "USD")),
            ("about $4 billion", point("4000000000", "USD", Q.APPROX)),
        ],
    ),
    (
        "Rounds of between $5m and $50m, or $20-30 billion for the biggest.",
        [
            ("between $5m and $50m", span("5000000", "50000000", "USD")),
            ("$20-30 billion", span("20000000000", "30000000000", "USD")),
        ],
    ),
    (
        "A billion dollars here, hundreds of millions of euros there, 11 percent up.",
        [
            ("A billion dollars", point("1000000000", "USD")),
            ("hundreds of millions of euros", span("100000000", "1000000000", "EUR")),
            ("11 percent", point("11", "%")),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), EN_RUNNING, ids=[r[0][:40] for r in EN_RUNNING])
def test_english_running_text(text: str, expected: list[tuple[str, Amount]]) -> None:
    """English text in en_US."""
    assert expected == [(m.text, m.amount) for m in extract_amounts(text, locale="en_US")]


def test_swiss_text() -> None:
    """de_CH reads apostrophe groups, a decimal point and "Fr." / "Mia."."""
    text = "Kosten: Fr. 120'000.– und 2,5 Mia. Franken, also 1’250’000.50 CHF."
    assert [
        ("Fr. 120'000.–", point("120000", "CHF")),
        ("2,5 Mia. Franken", point("2500000000", "CHF")),
        ("1’250’000.50 CHF", point("1250000.50", "CHF")),
    ] == [(m.text, m.amount) for m in extract_amounts(text, locale="de_CH")]


def test_mention_is_picklable() -> None:
    """A Mention survives pickling (multiprocessing, Dask, Spark)."""
    mention = extract_amounts("rund 2 Mrd. USD")[0]
    assert mention == pickle.loads(pickle.dumps(mention))


def test_mention_checks_its_span() -> None:
    """A Mention whose text does not fit its offsets is rejected."""
    with pytest.raises(ValidationError):
        Mention(0, 3, "ab", point("1"))


@pytest.mark.parametrize("bad", [None, 5, b"5 Mio."], ids=["None", "int", "bytes"])
def test_extract_non_str_is_type_error(bad: object) -> None:
    """A non-str text is a TypeError."""
    with pytest.raises(TypeError):
        extract_amounts(bad)  # type: ignore[arg-type]


# Read by a shape since the extractor's speed work (#8 §3) where the grammar read them before;
# the mentions are the grammar's (checked against the grammar-only reading of each).
SHAPED = [
    (
        "Trump kündigte ein 500-Milliarden-Dollar-Projekt an.",
        [("500-Milliarden-Dollar", point("500000000000", "USD"))],
    ),
    (
        "Es gibt ein Drei-Milliarden-Euro-Innovationspaket.",
        [("Drei-Milliarden-Euro", point("3000000000", "EUR"))],
    ),
    ("Er sammelte 8 Euro-Münzen.", []),  # a name after a space heads a compound: coins
    ("5 Mio. Euro-Scheine", []),
    ("Er fand einen 5-Euro-Schein.", [("5-Euro", point("5", "EUR"))]),
    (
        "Das kostet zig oder gar hunderten Milliarden Dollar.",
        [("zig oder gar hunderten Milliarden Dollar", span("10000000000", "1000000000000", "USD"))],
    ),
    (
        "von zig oder hunderten Milliarden",
        [("zig oder hunderten Milliarden", span("10000000000", "1000000000000"))],
    ),
    (
        "Runden von 20 oder 30 Mio. Euro sind selten.",
        [("20", point("20000000", "EUR")), ("30 Mio. Euro", point("30000000", "EUR"))],
    ),
    (
        "rund 20 oder 30 Mio. €",
        [("20", point("20000000", "EUR")), ("30 Mio. €", point("30000000", "EUR"))],
    ),
    (
        "zwischen 20 oder 30 Mio. €",
        [("20", point("20000000", "EUR")), ("30 Mio. €", point("30000000", "EUR"))],
    ),
    (
        "im Vergleich zu 20- oder 30-Milliarden-Runden in den USA",
        [("20-", point("20000000000")), ("30-Milliarden", point("30000000000"))],
    ),
    (
        "Modelle hohe neun- oder zehnstellige Beträge.",
        [("neun- oder zehnstellige Beträge", span("100000000", "10000000000"))],
    ),
    # The article is read with a suspended range of digit counts, whatever joins the ends.
    (
        "Es ist ein neun- und zehnstelliger Betrag.",
        [("ein neun- und zehnstelliger Betrag", span("100000000", "10000000000"))],
    ),
    (
        "Es ist ein neun- oder zehnstelliger Betrag.",
        [("ein neun- oder zehnstelliger Betrag", span("100000000", "10000000000"))],
    ),
    ("Ein lächerlich kleiner Betrag.", []),  # "kleiner" starts only "kleiner als"
    ("Es flossen über Milliarden Dollar.", []),
    ("Das sind mehr Milliarden als erwartet.", []),
]


@pytest.mark.parametrize(("text", "expected"), SHAPED, ids=[r[0][:40] for r in SHAPED])
def test_shaped_where_the_grammar_read(text: str, expected: list[tuple[str, Amount]]) -> None:
    found = extract_amounts(text)
    assert [(m.text, m.amount) for m in found] == expected
    for m in found:
        assert text[m.start : m.end] == m.text


# The rarer trigger words: the capitalised ones ("Cent", "Rappen", "Pfennig") are branches of
# the trigger regex, "stellig" (inside words) is found by a search of its own; in each text
# below only that word leads to the amount, and the amounts come in order of appearance.
RARE_TRIGGERS = [
    ("fünfzig Cent", "de_DE", [("fünfzig Cent", point("0.50", "EUR"))]),
    ("achtzig Rappen", "de_CH", [("achtzig Rappen", point("0.80", "CHF"))]),
    ("zehn Pfennig", "de_DE", [("zehn Pfennig", point("0.10", "DEM"))]),
    ("zehn Groschen", "de_AT", [("zehn Groschen", point("0.10", "ATS"))]),
    ("eine achtstellige Summe", "de_DE", [("eine achtstellige Summe", span("1E7", "1E8"))]),
    (
        "Erst 5 Mio. €, dann fünfzig Cent, dann zehn Pfennig und 3 Mio. $, dann eine"
        " achtstellige Summe und achtzig Rappen.",
        "de_DE",
        [
            ("5 Mio. €", point("5000000", "EUR")),
            ("fünfzig Cent", point("0.50", "EUR")),
            ("zehn Pfennig", point("0.10", "DEM")),
            ("3 Mio. $", point("3000000", "USD")),
            ("eine achtstellige Summe", span("1E7", "1E8")),
            ("achtzig Rappen", point("0.80", "CHF")),
        ],
    ),
]


@pytest.mark.parametrize(
    ("text", "locale", "expected"), RARE_TRIGGERS, ids=[r[0][:40] for r in RARE_TRIGGERS]
)
def test_rare_trigger_words(text: str, locale: str, expected: list[tuple[str, Amount]]) -> None:
    found = extract_amounts(text, locale=locale)
    assert [(m.text, m.amount) for m in found] == expected
    # Repeated, each copy gives the same mentions (the searches go on from where they stopped).
    twice = f"{text} {text}"
    expected_texts = [t for t, _ in expected] * 2
    assert [m.text for m in extract_amounts(twice, locale=locale)] == expected_texts


def test_every_german_subunit_is_found_after_number_words() -> None:
    """Each subunit the grammar reads ("zehn Groschen" = 0.10 ATS) is also a trigger word.

    So running text finds what `parse_amount` reads; a subunit missing from the trigger words
    was found only after digits.
    """
    from aieco.amounts._lexicon import _DE_SUBUNIT_SCALES

    for word, (currency, power) in _DE_SUBUNIT_SCALES.items():
        expected = Amount(Decimal(10).scaleb(power), unit=currency)
        # Capitalised and in capitals ("ZEHN RAPPEN"), as other units are found.
        for phrase in (f"zehn {word.capitalize()}", f"ZEHN {word.upper()}"):
            assert parse_amount(phrase, locale="de_DE") == expected
            found = extract_amounts(f"Es kostete {phrase} mehr.", locale="de_DE")
            assert [(m.text, m.amount) for m in found] == [(phrase, expected)]


def test_trigger_regex_has_the_capitalised_rare_words() -> None:
    """Built from the language data: no separate search for "Cent", "Rappen", "Pfennig"."""
    from aieco.amounts._fast import tables_for
    from aieco.amounts._language import GERMAN

    _, ft = tables_for("de_DE")
    searched = [word for word, _ in ft.rare_words]
    for word in GERMAN.rare_words:
        assert (word in searched) != (word[0].isupper())
        if word[0].isupper():
            assert [m.start() for m in ft.trigger.finditer(f"5 {word}")][-1] == 2


#: One digit surface in neighbourhoods that read it differently: the memo of surfaces
#: (`surface_meaning`) must give each what the grammar gives it, whatever came first.
SURFACE_CONTEXTS = [
    "rund 5 Mio. € und 5 Mio. €, dann mehr als 5 Mio. €.",
    "5 Bio. Euro, 5 Bio-Läden, 5 Bio Euro und 5 Bio.",
    "Um 5 Mio. €-Scheine geht es nicht; 5 Mio. € schon, 5 Mio. €5 nicht.",
    "17. März 2026: 17 Mio. USD, am 17. 3 Mio. USD, 1.000 USD und 1.000 USD.",
    "10 % mehr, 10 %-Anteil, 10 %, 10 %.",
]


@pytest.mark.parametrize("text", SURFACE_CONTEXTS, ids=[t[:30] for t in SURFACE_CONTEXTS])
def test_surface_memo_reads_each_context_on_its_own(text: str) -> None:
    """A surface remembered from other neighbourhoods gives what a first reading gives."""
    from aieco.amounts._fast import tables_for

    _, ft = tables_for("de_DE")
    ft.surfaces.clear()
    cold = [(m.start, m.text, m.amount) for m in extract_amounts(text)]
    assert cold  # every text has digit mentions the memo remembers
    assert len(ft.surfaces) > 0
    ft.surfaces.clear()
    for other in SURFACE_CONTEXTS:
        if other != text:
            extract_amounts(other)  # the shared surfaces, remembered from elsewhere
    assert [(m.start, m.text, m.amount) for m in extract_amounts(text)] == cold
    assert [(m.start, m.text, m.amount) for m in extract_amounts(text)] == cold


def test_mentions_of_one_surface_share_an_amount_only_with_one_hedge() -> None:
    """Equal mentions may share one (immutable) Amount; another hedge is another Amount."""
    found = extract_amounts("rund 5 Mio. € hier, 5 Mio. € dort, 5 Mio. € hier, 5.000.000 € da")
    assert [m.amount.qualifier for m in found] == [Qualifier.APPROX] + [Qualifier.EXACT] * 3
    assert found[1].amount is found[2].amount
    assert found[0].amount is not found[1].amount
    assert [str(m.amount.value) for m in found] == ["5000000"] * 4


#: URLs found by their "://" (looked up at each "/"), "www." or percent-encoding, at the
#: start of a text or after other slashes; and slashes that are no URL ("24/7", "a/ ").
URL_TEXTS = [
    ("Die Seite https://x.de/5-Mio-Euro nennt 5 Mio. Euro.", ["5 Mio. Euro"]),
    ("Rund um die Uhr (24/7) flossen 5 Mio. Euro.", ["5 Mio. Euro"]),
    ("https://x.de/5%20Mio 7 Mio. €", ["7 Mio. €"]),
    ("://5 Mio. Euro", []),
    ("a/ 5 Mio. €", ["5 Mio. €"]),
    ("Link: ftp://x/3 Mrd. Euro, 4 Mrd. Euro", ["4 Mrd. Euro"]),
    ("Quelle: www.x.de/3 und 2 Mio. €", ["2 Mio. €"]),
    ("a//5 Mio. € und a:/5 Mio. €", ["5 Mio. €", "5 Mio. €"]),
]


@pytest.mark.parametrize(("text", "found"), URL_TEXTS, ids=[t for t, _ in URL_TEXTS])
def test_no_figure_is_read_inside_a_url(text: str, found: list[str]) -> None:
    """Digits inside a URL or percent-encoding start nothing; other slashes block nothing."""
    assert [m.text for m in extract_amounts(text)] == found


# Runs of number-word chunks: each chunk of the same or a larger scale than the one before
# starts a new amount; a falling scale continues the number. The chunk read after a mention
# is handed on to the next trigger (`_run_chunk`), which must read what a first reading does.
RUNS = [
    ("zwei Millionen zwei Millionen", [("zwei Millionen", point("2000000"))] * 2),
    (
        "zwei Millionen drei Milliarden",
        [("zwei Millionen", point("2000000")), ("drei Milliarden", point("3000000000"))],
    ),
    (
        "zwei Milliarden drei Millionen Euro",
        [("zwei Milliarden drei Millionen Euro", point("2003000000", "EUR"))],
    ),
    (
        "zwei Milliarden drei Millionen",
        [("zwei Milliarden drei Millionen", point("2003000000"))],
    ),
    (
        "zwei Millionen zwei Millionen Euro",
        [("zwei Millionen", point("2000000")), ("zwei Millionen Euro", point("2000000", "EUR"))],
    ),
    (
        "rund zwei Millionen zwei Millionen",
        [
            ("rund zwei Millionen", point("2000000", None, Q.APPROX)),
            ("zwei Millionen", point("2000000")),
        ],
    ),
    (
        "zwei Millionen. Drei Millionen",
        [("zwei Millionen", point("2000000")), ("Drei Millionen", point("3000000"))],
    ),
    ("eine Million eine Million", [("eine Million", point("1000000"))] * 2),
    (
        "zwei Millionen zwei Millionen dreihunderttausend",
        [
            ("zwei Millionen", point("2000000")),
            ("zwei Millionen dreihunderttausend", point("2300000")),
        ],
    ),
    (
        "zwei Mio. drei Mio. vier Mio.",
        [
            ("zwei Mio.", point("2000000")),
            ("drei Mio.", point("3000000")),
            ("vier Mio.", point("4000000")),
        ],
    ),
    ("zwei Millionen zwei Tausend", [("zwei Millionen zwei Tausend", point("2002000"))]),
    (
        "zwei Millionen zwei Millionen und drei Millionen",
        [("zwei Millionen", point("2000000"))] * 2 + [("drei Millionen", point("3000000"))],
    ),
]


@pytest.mark.parametrize(("text", "expected"), RUNS, ids=[r[0] for r in RUNS])
def test_runs_of_number_word_chunks(text: str, expected: list[tuple[str, Amount]]) -> None:
    assert [(m.text, m.amount) for m in extract_amounts(text)] == expected
    # In a sentence, and the run twice over (the second run's chunks read after the first's).
    assert [(m.text, m.amount) for m in extract_amounts(f"Es sind {text}.")] == expected
    twice = [(m.text, m.amount) for m in extract_amounts(f"Es sind {text}. Es sind {text}.")]
    assert twice == expected * 2


# A number word after an amount: after a currency written with a letter and no scale word it
# may be the amount's cents ("zwei Euro fünfzig"); after a scale word or a sign it starts the
# next amount ("zwei Millionen Euro zwei Millionen Euro"), and so does a number word right
# before a figure ("zwei 5 Mio. €"). A run of number words goes on past its first chunk
# ("zwei Millionen drei"). The shapes read these without the grammar where it cannot differ
# (`cents_may_follow`; tests/test_amounts_bounds.py counts the work); the readings are the
# grammar's.
NEXT_TO_NUMBER_WORDS = [
    (
        "zwei Millionen Euro zwei Millionen Euro",
        [("zwei Millionen Euro", point("2000000", "EUR"))] * 2,
    ),
    (
        "vier Milliarden Dollar vier Milliarden Dollar",
        [("vier Milliarden Dollar", point("4000000000", "USD"))] * 2,
    ),
    (
        "5 Millionen Euro zwei 5 Millionen Euro zwei",
        [("5 Millionen Euro", point("5000000", "EUR"))] * 2,
    ),
    (
        "zwei Millionen Euro zwei Euro fünfzig",
        [
            ("zwei Millionen Euro", point("2000000", "EUR")),
            ("zwei Euro fünfzig", point("2.50", "EUR")),
        ],
    ),
    ("zwei Euro fünfzig zwei Euro fünfzig", [("zwei Euro fünfzig", point("2.50", "EUR"))] * 2),
    ("5 Euro zwei", [("5 Euro zwei", point("5.02", "EUR"))]),
    ("5 € zwei Mio. €", [("5 €", point("5", "EUR")), ("zwei Mio. €", point("2000000", "EUR"))]),
    (
        "zwei Millionen Franken zwanzig Rappen",
        [
            ("zwei Millionen Franken", point("2000000", "CHF")),
            ("zwanzig Rappen", point("0.20", "CHF")),
        ],
    ),
    ("zwei Franken zwanzig Rappen", [("zwei Franken zwanzig Rappen", point("2.20", "CHF"))]),
    (
        "2026 €-zweihundertsechsundfünfzig Mill. EUR",
        [
            (
                "2026 €-zweihundertsechsundfünfzig Mill. EUR",
                Amount(None, D("2026"), D("256000000"), unit="EUR"),
            )
        ],
    ),
    ("zwei 5 Mio. €", [("5 Mio. €", point("5000000", "EUR"))]),
    (
        "zwei bis 5 Mio. €",
        [("zwei bis 5 Mio. €", Amount(None, D("2000000"), D("5000000"), unit="EUR"))],
    ),
    ("zwei Millionen drei zwei Millionen drei", [("zwei Millionen drei", point("2000003"))] * 2),
    (
        "rund zwei Millionen drei Tausend zwei Millionen",
        [
            ("rund zwei Millionen drei Tausend", point("2003000", None, Q.APPROX)),
            ("zwei Millionen", point("2000000")),
        ],
    ),
    ("zwei Millionen drei Euro", [("zwei Millionen drei Euro", point("2000003", "EUR"))]),
    (
        "eine Milliarde zwei Millionen drei vier",
        [("eine Milliarde zwei Millionen drei", point("1002000003"))],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), NEXT_TO_NUMBER_WORDS, ids=[r[0] for r in NEXT_TO_NUMBER_WORDS]
)
def test_number_words_next_to_amounts(text: str, expected: list[tuple[str, Amount]]) -> None:
    assert [(m.text, m.amount) for m in extract_amounts(text)] == expected
    assert [(m.text, m.amount) for m in extract_amounts(f"Es sind {text}.")] == expected
