"""Table tests of extract_rounds per pattern family, on sentences written for these tests.

Each row: (text, company, amount, valuation, round type, leads, investors); the text must give
exactly that one round. NOT_ROUNDS are texts with money that is no round. Then the contracts:
any text is valid input (hypothesis), bad arguments raise, known= links names, a NameFinder
plugs in, several rounds and "das Start-up" resolve within a text.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import aieco
from aieco import (
    Amount,
    Company,
    Dataset,
    FundingRound,
    Investor,
    Participation,
    Qualifier,
    RoundType,
    Source,
    UnsupportedLocale,
    ValuationBasis,
    extract_rounds,
    read_article,
)

Row = tuple[str, str, str | None, str | None, str, tuple[str, ...], tuple[str, ...]]

RAISE: list[Row] = [
    (
        "Das Berliner Start-up Parloa sammelt 120 Millionen US-Dollar ein.",
        "Parloa",
        "120000000 USD",
        None,
        "unknown",
        (),
        (),
    ),
    (
        "Parloa hat in einer Series-C-Runde 120 Millionen Dollar eingesammelt.",
        "Parloa",
        "120000000 USD",
        None,
        "series_c",
        (),
        (),
    ),
    (
        "Das Münchner KI-Start-up Tacto erhält 50 Millionen Euro.",
        "Tacto",
        "50000000 EUR",
        None,
        "unknown",
        (),
        (),
    ),
    (
        "Die Wiener Firma Prewave holt sich 63 Millionen Euro.",
        "Prewave",
        "63000000 EUR",
        None,
        "unknown",
        (),
        (),
    ),
    (
        "Black Forest Labs schließt eine Finanzierungsrunde über 300 Millionen Dollar ab.",
        "Black Forest Labs",
        "300000000 USD",
        None,
        "unknown",
        (),
        (),
    ),
    (
        "Das Zürcher Start-up Nothing schliesst eine Serie-A-Finanzierung über 12 "
        "Millionen Franken ab.",
        "Nothing",
        "12000000 CHF",
        None,
        "series_a",
        (),
        (),
    ),
    (
        "In einer Seed-Runde sammelte Langdock 3 Millionen Euro ein.",
        "Langdock",
        "3000000 EUR",
        None,
        "seed",
        (),
        (),
    ),
    (
        "Die Kapitalerhöhung über 25 Mio. CHF bringt dem Zuger Unternehmen Sygnum "
        "frisches Kapital.",
        "Sygnum",
        "25000000 CHF",
        None,
        "unknown",
        (),
        (),
    ),
    (
        "Frisches Kapital für Neura Robotics: Das Start-up erhält 120 Millionen Euro.",
        "Neura Robotics",
        "120000000 EUR",
        None,
        "unknown",
        (),
        (),
    ),
    (
        "Der Wagniskapitalgeber Earlybird investiert 10 Millionen Euro in das Kölner "
        "Start-up Kinetic.",
        "Kinetic",
        "10000000 EUR",
        None,
        "unknown",
        (),
        ("Earlybird",),
    ),
    (
        "Speedinvest beteiligt sich mit 5 Millionen Euro an dem Grazer Start-up Byrd.",
        "Byrd",
        "5000000 EUR",
        None,
        "unknown",
        (),
        ("Speedinvest",),
    ),
    (
        "Helsing hat eine Series-D-Finanzierungsrunde in Höhe von 600 Millionen Euro "
        "abgeschlossen.",
        "Helsing",
        "600000000 EUR",
        None,
        "series_d",
        (),
        (),
    ),
    (
        "Das Grazer Start-up Bitpanda hat eine Pre-Seed-Runde über 2 Mio. Euro abgeschlossen.",
        "Bitpanda",
        "2000000 EUR",
        None,
        "pre_seed",
        (),
        (),
    ),
]
INVESTORS: list[Row] = [
    (
        "Parloa sammelt 66 Millionen Dollar ein. Angeführt wurde die Runde von "
        "Altimeter, beteiligt waren auch EQT Ventures und Newion.",
        "Parloa",
        "66000000 USD",
        None,
        "unknown",
        ("Altimeter",),
        ("Altimeter", "EQT Ventures", "Newion"),
    ),
    (
        "Tacto erhält 50 Millionen Euro unter der Führung von Sequoia Capital.",
        "Tacto",
        "50000000 EUR",
        None,
        "unknown",
        ("Sequoia Capital",),
        ("Sequoia Capital",),
    ),
    (
        "Celonis sammelt 1 Milliarde Dollar ein. Lead-Investor ist Qatar Investment Authority.",
        "Celonis",
        "1000000000 USD",
        None,
        "unknown",
        ("Qatar Investment Authority",),
        ("Qatar Investment Authority",),
    ),
    (
        "Kinexon holt sich 130 Millionen Dollar mit Beteiligung von Bayern Kapital und Lakestar.",
        "Kinexon",
        "130000000 USD",
        None,
        "unknown",
        (),
        ("Bayern Kapital", "Lakestar"),
    ),
    (
        "Das Start-up Enpal sammelt 100 Millionen Euro ein. Zu den Investoren gehören "
        "Softbank, HV Capital sowie Princeville.",
        "Enpal",
        "100000000 EUR",
        None,
        "unknown",
        (),
        ("Softbank", "HV Capital", "Princeville"),
    ),
    (
        "An der Runde für Ecoplanet über 8 Millionen Euro beteiligten sich unter anderem "
        "Cherry Ventures und La Famiglia.",
        "Ecoplanet",
        "8000000 EUR",
        None,
        "unknown",
        (),
        ("Cherry Ventures", "La Famiglia"),
    ),
    (
        "Das Start-up Vara erhält 12 Millionen Euro. Bestehende Investoren (Cherry "
        "Ventures und Lakestar) beteiligten sich ebenfalls.",
        "Vara",
        "12000000 EUR",
        None,
        "unknown",
        (),
        ("Cherry Ventures", "Lakestar"),
    ),
    (
        "Hive sammelt 10 Millionen Euro ein. Ebenfalls beteiligt sind Business Angels "
        "wie Max Tayenthal und Christian Reber.",
        "Hive",
        "10000000 EUR",
        None,
        "unknown",
        (),
        ("Max Tayenthal", "Christian Reber"),
    ),
    (
        "Die Runde über 20 Millionen Euro für Sunfire wurde von Lightrock angeführt.",
        "Sunfire",
        "20000000 EUR",
        None,
        "unknown",
        ("Lightrock",),
        ("Lightrock",),
    ),
    (
        "Lakestar führt die Finanzierungsrunde von 30 Millionen Euro bei dem Berliner "
        "Start-up Moss an.",
        "Moss",
        "30000000 EUR",
        None,
        "unknown",
        ("Lakestar",),
        ("Lakestar",),
    ),
]
VALUATION: list[Row] = [
    (
        "Aleph Alpha sammelt 500 Millionen Dollar ein, bei einer Bewertung von 2 "
        "Milliarden Dollar.",
        "Aleph Alpha",
        "500000000 USD",
        "2000000000 USD",
        "unknown",
        (),
        (),
    ),
    (
        "DeepL erhält 300 Millionen Dollar und wird nun mit 2 Milliarden Dollar bewertet.",
        "DeepL",
        "300000000 USD",
        "2000000000 USD",
        "unknown",
        (),
        (),
    ),
    (
        "N26 holt sich 900 Millionen Dollar; die Post-Money-Bewertung liegt bei 9 "
        "Milliarden Dollar.",
        "N26",
        "900000000 USD",
        "9000000000 USD",
        "unknown",
        (),
        (),
    ),
    (
        "Trade Republic sammelt 250 Millionen Euro bei einer Pre-Money-Bewertung von 5 "
        "Milliarden Euro ein.",
        "Trade Republic",
        "250000000 EUR",
        "5000000000 EUR",
        "unknown",
        (),
        (),
    ),
]
STAKES: list[Row] = [
    (
        "Der Konzern Siemens investiert 20 Millionen Euro in das Start-up Arculus und "
        "erhält dafür einen Anteil von 15 Prozent.",
        "Arculus",
        "20000000 EUR",
        None,
        "unknown",
        (),
        ("Siemens",),
    ),
]
#: Texts that name several companies, each with its own figure: (text, [(company, amount)]).
LISTS: list[tuple[str, list[tuple[str, str]]]] = [
    (
        "Die zweithöchste Finanzierung erhielt das Kärntner Start-up Bitmovin (25 Mio. Euro), "
        "gefolgt vom Hersteller USound (17 Mio. Euro).",
        [("Bitmovin", "25000000 EUR"), ("USound", "17000000 EUR")],
    ),
    (
        "Investoren steckten 6,5 Mio. Euro in das Wiener Start-up Zizoo und jeweils 5 Mio. "
        "Euro in das Start-up Storebox und das Start-up Nuki.",
        [("Zizoo", "6500000 EUR"), ("Storebox", "5000000 EUR"), ("Nuki", "5000000 EUR")],
    ),
    (
        "Gar 82 Millionen gab es für das Software-Start-up Camunda, wie Gründerszene "
        "berichtet; das Start-up sammelt damit frisches Kapital ein.",
        [("Camunda", "82000000")],
    ),
]


@pytest.mark.parametrize(("text", "expected"), LISTS, ids=lambda x: str(x)[:40])
def test_several_companies_with_their_own_figures(
    text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(r.company, str(r.amount)) for r in extract_rounds(text)] == expected


def test_investors_named_before_their_verb() -> None:
    text = (
        "Das Start-up Aleph Alpha sammelt 500 Millionen Dollar ein. Mit Bosch, SAP, der "
        "Schwarz-Gruppe und Burda gehören vor allem deutsche Firmen zu den Investoren. "
        "Neu beteiligt sind jetzt die Investmentfirma Semapa und der US-Fonds Practical Venture "
        "Capital."
    )
    (r,) = extract_rounds(text)
    assert r.investors == (
        "Bosch",
        "SAP",
        "Schwarz-Gruppe",
        "Burda",
        "Semapa",
        "Practical Venture Capital",
    )


def test_a_second_round_of_the_company_named_before() -> None:
    text = (
        "Das Start-up Gropyus sammelt 100 Millionen Euro ein. "
        "Zusätzlich gibt es einen Kredit in Höhe von 40 Mio. Euro."
    )
    rounds = extract_rounds(text)
    assert [(r.company, str(r.amount), r.round_type) for r in rounds] == [
        ("Gropyus", "100000000 EUR", RoundType.UNKNOWN),
        ("Gropyus", "40000000 EUR", RoundType.DEBT),
    ]


def test_the_owner_is_no_company_and_a_fund_is_no_round() -> None:
    (r,) = extract_rounds(
        "Elon Musk hat mit seinem KI-Unternehmen xAI 10 Milliarden US-Dollar eingesammelt."
    )
    assert r.company == "xAI"
    text = "Der Risikokapitalgeber Speedinvest hat 500 Millionen Euro eingesammelt."
    assert extract_rounds(text) == []


NOT_ROUNDS: list[str] = [
    "Das Start-up Parloa erzielte im vergangenen Jahr einen Umsatz von 50 Millionen Euro.",
    "Der Verlust von Celonis stieg auf 120 Millionen Dollar.",
    "Die Bundesregierung stellt ein Budget von 5 Milliarden Euro für KI bereit.",
    "SAP übernimmt das Start-up LeanIX für rund 1,2 Milliarden Euro.",
    "Der Investor Earlybird hat einen neuen Fonds über 500 Millionen Euro aufgelegt.",
    "Der Markt für KI-Software soll bis 2030 ein Volumen von 100 Milliarden Euro erreichen.",
    "Der Börsenwert von Nvidia liegt bei mehr als 3 Billionen Dollar.",
    "Ein einzelnes Unternehmen, das 20 Milliarden Dollar in einer Runde einsammelt, ist selten.",
    "Insgesamt flossen 2024 rund 7 Milliarden Euro in deutsche Start-ups.",
    "",
    "The quick brown fox raised no money.",
]


def _row(text: str) -> tuple[object, ...]:
    (r,) = extract_rounds(text)
    return (
        r.company,
        str(r.amount) if r.amount else None,
        str(r.valuation) if r.valuation else None,
        r.round_type.value,
        r.leads,
        r.investors,
    )


@pytest.mark.parametrize("row", RAISE, ids=lambda row: row[0][:50])
def test_verbs_and_nouns_of_raising(row: Row) -> None:
    assert _row(row[0]) == row[1:]


@pytest.mark.parametrize("row", INVESTORS, ids=lambda row: row[0][:50])
def test_investor_phrases(row: Row) -> None:
    assert _row(row[0]) == row[1:]


@pytest.mark.parametrize("row", VALUATION, ids=lambda row: row[0][:50])
def test_valuations(row: Row) -> None:
    assert _row(row[0]) == row[1:]


@pytest.mark.parametrize("row", STAKES, ids=lambda row: row[0][:50])
def test_stakes(row: Row) -> None:
    assert _row(row[0]) == row[1:]


def test_stake_and_participation_amount() -> None:
    (r,) = extract_rounds(STAKES[0][0])
    (siemens,) = r.participations
    assert siemens.stake == Amount(Decimal(15), unit="%")
    assert siemens.amount == Amount(Decimal(20_000_000), unit="EUR")


@pytest.mark.parametrize(
    ("text", "basis"),
    [
        (VALUATION[2][0], ValuationBasis.POST_MONEY),
        (VALUATION[3][0], ValuationBasis.PRE_MONEY),
        (VALUATION[0][0], None),
    ],
)
def test_pre_and_post_money(text: str, basis: ValuationBasis | None) -> None:
    (r,) = extract_rounds(text)
    assert r.valuation_basis is basis


@pytest.mark.parametrize("text", NOT_ROUNDS)
def test_money_that_is_no_round(text: str) -> None:
    assert extract_rounds(text) == []


def test_several_rounds_and_the_start_up() -> None:
    text = (
        "Das Berliner Start-up Parloa sammelt 120 Millionen Dollar ein. Angeführt wird die "
        "Runde von General Catalyst. Das Start-up wird nun mit einer Milliarde Dollar bewertet. "
        "Zuvor hatte Parloa in einer Series-B-Runde 66 Millionen Dollar erhalten. "
        "Auch das Münchner Unternehmen Tacto holt sich 50 Millionen Euro."
    )
    rounds = extract_rounds(text)
    assert [(r.company, str(r.amount), r.round_type) for r in rounds] == [
        ("Parloa", "120000000 USD", RoundType.UNKNOWN),
        ("Parloa", "66000000 USD", RoundType.SERIES_B),
        ("Tacto", "50000000 EUR", RoundType.UNKNOWN),
    ]
    assert rounds[0].leads == ("General Catalyst",)
    assert str(rounds[0].valuation) == "1000000000 USD"
    assert rounds[0].valuation_span is not None
    assert rounds[0].valuation_span.text == "einer Milliarde Dollar"


def test_two_currencies_for_one_round() -> None:
    (r,) = extract_rounds(
        "Das Zürcher Start-up Nothing sammelt 50 Mio. Franken (rund 52 Mio. Euro) ein."
    )
    assert str(r.amount) == "50000000 CHF"
    assert [str(a) for a in r.other_amounts] == ["about 52000000 EUR"]


def test_the_date_when_the_text_gives_it() -> None:
    (r,) = extract_rounds("Am 5. März 2025 sammelte das Start-up Langdock 3 Millionen Euro ein.")
    assert str(r.announced) == "2025-03-05"
    assert r.announced_span is not None
    assert r.announced_span.text == "5. März 2025"


# --- any text is valid input ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\n\n\n",
        "Revenue of $5m. The startup raised $10m led by Sequoia.",
        "| Firma | Betrag |\n|---|---|\n| Parloa | 120 Mio. $ |\n| Tacto | 50 Mio. € |",
        "<p>Das <b>Start-up</b> <a href='x'>Parloa</a> sammelt 1 Mio. Euro ein.</p>",
        "sammelt " * 500,
        "Runde angeführt von von von und und , , ,",
        "(((((((((((( Series A",
        "\x00\ufeff\u200b Kapital",
        # long runs of white space after the words of "where the money comes from" (from
        # HTML or tables): read in one way only, not split in every way (quadratic)
        ("Das Geld" + " " * 1_500 + "x. Das Kapital kommt" + "\t" * 1_500 + "dabei x. ") * 1_000,
    ],
)
def test_odd_texts(text: str) -> None:
    for r in extract_rounds(text):
        assert text[r.start : r.end] == r.text


def test_a_megabyte() -> None:
    prose = "Der Markt wächst, die Kosten lagen bei 5 Mio. Euro. " * 20
    text = (prose + "Das Start-up Parloa sammelt 120 Millionen Dollar ein. ") * 1000
    assert len(text) > 1_000_000
    rounds = extract_rounds(text)
    assert rounds
    assert all(r.company == "Parloa" for r in rounds)


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Das",
                "Start-up",
                "Parloa",
                "sammelt",
                "120",
                "Millionen",
                "Euro",
                "ein",
                ".",
                "angeführt",
                "von",
                "Earlybird",
                "und",
                "Lakestar",
                ",",
                "bei",
                "einer",
                "Bewertung",
                "Series-B-Runde",
                "jeweils",
                "(",
                ")",
                ":",
                "investiert",
                "in",
                "zuvor",
                "Umsatz",
                "\n",
                "für",
                "einen",
                "Anteil",
                "%",
                "die",
                "Runde",
            ]
        ),
        max_size=60,
    ).map(" ".join)
)
def test_never_raises_on_text(text: str) -> None:
    for r in extract_rounds(text):
        assert text[r.start : r.end] == r.text


@given(st.text(max_size=300))
def test_never_raises_on_any_text(text: str) -> None:
    extract_rounds(text)


# --- arguments ---------------------------------------------------------------------------------


def test_bad_arguments() -> None:
    with pytest.raises(TypeError, match="text must be a str"):
        extract_rounds(b"Parloa")  # type: ignore[arg-type]
    with pytest.raises(UnsupportedLocale):
        extract_rounds("", locale="xx_XX")
    with pytest.raises(TypeError, match="known must be a Dataset"):
        extract_rounds("", known={})  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="names must be callable"):
        extract_rounds("", names=3)  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="source must be a Source"):
        read_article("", source="x")  # type: ignore[arg-type]


def test_a_name_finder_plugs_in() -> None:
    text = "Das Start-up Quantum Systems sammelt 160 Millionen Euro ein, angeführt von Balderton."
    plain = extract_rounds(text)
    assert plain[0].company == "Quantum Systems"

    def finder(source: str) -> list[tuple[int, int]]:
        start = source.index("Quantum")
        return [(start, start + len("Quantum"))]  # a recogniser that sees only "Quantum"

    assert extract_rounds(text, names=finder)[0].company == "Quantum"
    assert isinstance(finder, aieco.NameFinder)
    with pytest.raises(TypeError, match="NameFinder must return"):
        extract_rounds(text, names=lambda s: [(0, "x")])  # type: ignore[list-item]


def _known() -> Dataset:
    return Dataset(
        sources=[Source("old", "Old news")],
        companies=[Company("parloa", "Parloa AI", aliases=("Parloa",))],
        investors=[Investor("eqt-ventures", "EQT Ventures", aliases=("EQT",))],
        funding_rounds=[
            FundingRound(
                "parloa-series-b",
                "parloa",
                round_type=RoundType.SERIES_B,
                amount=Amount(Decimal(66_000_000), unit="USD"),
                participants=[Participation("eqt-ventures", lead=True)],
            )
        ],
    )


def test_known_links_names_and_aliases() -> None:
    (r,) = extract_rounds(INVESTORS[0][0], known=_known())
    assert r.company_id == "parloa"
    assert r.investor_ids == (None, "eqt-ventures", None)


def test_read_article_reports_conflicts_and_keeps_the_known_round() -> None:
    known = _known()
    text = (
        "Parloa hat in einer Series-B-Runde 70 Millionen Dollar eingesammelt. "
        "Angeführt wurde die Runde von Altimeter, beteiligt waren auch EQT Ventures und Newion."
    )
    draft = read_article(text, source=Source("new", "New news"), known=known)
    assert draft.funding_round("parloa-series-b") == known.funding_round("parloa-series-b")
    assert sorted(c.field for c in draft.conflicts) == ["amount", "leads", "participants"]
    amount = next(c for c in draft.conflicts if c.field == "amount")
    assert (amount.known, amount.found) == ("66000000 USD", "70000000 USD")
    assert amount.evidence is not None
    assert amount.evidence.text == "70 Millionen Dollar"
    merged = known.merge(draft)
    assert merged.investor("Altimeter").sources[0].source_id == "new"
    assert len(merged.funding_rounds) == 1


def test_read_article_new_round_is_cited() -> None:
    text = (
        "Das Wiener Start-up Xaver sammelt rund 4 Mio. Euro ein. "
        "Angeführt wird die Runde von Speedinvest."
    )
    draft = read_article(text, source=Source("xaver", "Xaver"))
    (r,) = draft.funding_rounds
    assert r.amount == Amount(Decimal(4_000_000), unit="EUR", qualifier=Qualifier.APPROX)
    assert draft.investor("Speedinvest").id in r.leads
    assert [c.quote for c in r.sources] == [
        "Das Wiener Start-up Xaver sammelt rund 4 Mio. Euro ein.",
        "Angeführt wird die Runde von Speedinvest.",
    ]
    assert aieco.from_json(aieco.to_json(r), FundingRound) == r


# --- families read from German grammar rather than from the evaluation texts -------------------

#: Sentence structure: a relative clause inside the main clause, a second main clause after a
#: comma, "wie X mitteilte" naming the company, the lead taken over ("übernimmt die Führung").
STRUCTURE: list[Row] = [
    (
        "Quorix, das 2021 in Leipzig gegründet wurde, erhält 9 Millionen Euro, unter anderem "
        "von Cherry Ventures und Atlantic Labs.",
        "Quorix",
        "9000000 EUR",
        None,
        "unknown",
        (),
        ("Cherry Ventures", "Atlantic Labs"),
    ),
    (
        "Die Finanzierungsrunde über 14 Millionen Franken wurde von Redalpine angeführt, wie "
        "Mediqo am Dienstag mitteilte.",
        "Mediqo",
        "14000000 CHF",
        None,
        "unknown",
        ("Redalpine",),
        ("Redalpine",),
    ),
    (
        "Wie das Grazer Start-up Tessla am Montag bekanntgab, hat das Unternehmen 6 Millionen "
        "Euro erhalten.",
        "Tessla",
        "6000000 EUR",
        None,
        "unknown",
        (),
        (),
    ),
    (
        "Borealo gab am Dienstag den Abschluss einer Series-A-Runde über 11 Millionen Euro "
        "bekannt.",
        "Borealo",
        "11000000 EUR",
        None,
        "series_a",
        (),
        (),
    ),
    (
        "Kelvo sammelt 18 Millionen Euro ein. Lakestar übernimmt die Führung der Runde, "
        "HV Capital ist ebenfalls beteiligt.",
        "Kelvo",
        "18000000 EUR",
        None,
        "unknown",
        ("Lakestar",),
        ("Lakestar", "HV Capital"),
    ),
    (
        "Kelvo sammelt 18 Millionen Euro ein. Die Führung der Runde übernimmt Lakestar, "
        "HV Capital und Speedinvest sind ebenfalls dabei.",
        "Kelvo",
        "18000000 EUR",
        None,
        "unknown",
        ("Lakestar",),
        ("Lakestar", "HV Capital", "Speedinvest"),
    ),
    (
        "Kelvo sammelt 18 Millionen Euro ein. Lakestar hat die Führung der Runde übernommen.",
        "Kelvo",
        "18000000 EUR",
        None,
        "unknown",
        ("Lakestar",),
        ("Lakestar",),
    ),
    (
        "Vanta Bio erhält 25 Millionen Dollar. Die Runde führt Accel an, Index Ventures und "
        "der Business Angel Max Muster beteiligen sich ebenfalls.",
        "Vanta Bio",
        "25000000 USD",
        None,
        "unknown",
        ("Accel",),
        ("Accel", "Index Ventures", "Max Muster"),
    ),
    (
        "Investoren stecken 15 Millionen Franken in die Basler Firma Cellavi.",
        "Cellavi",
        "15000000 CHF",
        None,
        "unknown",
        (),
        (),
    ),
    (
        "Florin erhält 12 Millionen Euro. Die Geldgeber bewerten das Start-up mit 60 Millionen "
        "Euro.",
        "Florin",
        "12000000 EUR",
        "60000000 EUR",
        "unknown",
        (),
        (),
    ),
]

#: Two companies in one sentence, each with its own main clause and figure.
TWO_MAIN_CLAUSES = (
    "Vireo sammelt 12 Millionen Euro ein, Lumio erhält 8 Millionen Euro von Accel.",
    [("Vireo", "12000000 EUR", ()), ("Lumio", "8000000 EUR", ("Accel",))],
)

#: Money invested in things, not companies; a lead taken over is no takeover.
NOT_COMPANIES: list[str] = [
    "Das Land investiert 50 Millionen Euro in Bildung.",
    "Der Autobauer investiert 2 Milliarden Euro in ein neues Werk in Ungarn.",
    "Intel investiert 30 Milliarden Euro in eine Chipfabrik in Magdeburg.",
    "Der Fonds investiert 200 Millionen Euro in Robotik und Biotechnologie.",
    "Zusätzlich gibt es Fördergelder für die Forschung.",
]


@pytest.mark.parametrize("row", STRUCTURE, ids=lambda row: row[0][:50])
def test_sentence_structure(row: Row) -> None:
    assert _row(row[0]) == row[1:]


def test_a_second_main_clause_is_a_second_round() -> None:
    text, expected = TWO_MAIN_CLAUSES
    found = [(r.company, str(r.amount), r.investors) for r in extract_rounds(text)]
    assert found == expected


def test_a_relative_clause_reports_an_earlier_round_of_its_company() -> None:
    text = (
        "Vireo sammelt 12 Millionen Euro ein. Lumio, das zuvor 3 Millionen Euro von Accel "
        "erhalten hatte, bekommt nun 8 Millionen Euro."
    )
    found = [(r.company, str(r.amount), r.investors) for r in extract_rounds(text)]
    assert found == [
        ("Vireo", "12000000 EUR", ()),
        ("Lumio", "8000000 EUR", ()),
        ("Lumio", "3000000 EUR", ("Accel",)),
    ]


@pytest.mark.parametrize("text", NOT_COMPANIES)
def test_things_invested_in_are_no_companies(text: str) -> None:
    assert extract_rounds(text) == []


#: Verbs, investor phrases and amounts of the news register, one family per row.
REGISTER: list[Row] = [
    (
        "Novalyx hat 25 Millionen Franken aufgenommen. Angeführt wurde die Runde vom "
        "bestehenden Investor Swisscom Ventures.",
        "Novalyx",
        "25000000 CHF",
        None,
        "unknown",
        ("Swisscom Ventures",),
        ("Swisscom Ventures",),
    ),
    (
        "Die größte Finanzierung des Quartals sicherte sich Flinko mit 82 Millionen Euro.",
        "Flinko",
        "82000000 EUR",
        None,
        "unknown",
        (),
        (),
    ),
    (
        "Gar 82 Millionen Euro gab es für das Berliner Start-up Flinko.",
        "Flinko",
        "82000000 EUR",
        None,
        "unknown",
        (),
        (),
    ),
    (
        "Die Wiener Kiwi GmbH hat ein Investment in Höhe von 5 Millionen Euro erhalten. "
        "Lead-Investor ist Speedinvest, außerdem beteiligen sich Calm/Storm und der Business "
        "Angel Hansi Hansmann.",
        "Kiwi GmbH",
        "5000000 EUR",
        None,
        "unknown",
        ("Speedinvest",),
        ("Speedinvest", "Calm/Storm", "Hansi Hansmann"),
    ),
    (
        "Kiwi erhält einen sechsstelligen Betrag vom Business Angel Hansi Hansmann.",
        "Kiwi",
        "100000–1000000",
        None,
        "unknown",
        (),
        ("Hansi Hansmann",),
    ),
    (
        "Das Start-up Kiwi hat in einer Seed-Runde 1,5 Millionen Euro eingesammelt. Bei den "
        "Investoren handelt es sich um Speedinvest und Calm/Storm.",
        "Kiwi",
        "1500000 EUR",
        None,
        "seed",
        (),
        ("Speedinvest", "Calm/Storm"),
    ),
]

#: Funds raised by fund managers, listings: no rounds.
NOT_ROUNDS_EITHER: list[str] = [
    "Speedinvest hat 500 Millionen Euro an neuen Geldern eingesammelt.",
    "Atlas Ventures sammelt 300 Millionen Dollar für seinen vierten Fonds ein.",
    "Beim Börsengang nahm Vireo 500 Millionen Euro ein.",
    "Der Schweizer Wagniskapitalgeber Redalpine hat einen neuen Fonds mit 230 Millionen "
    "Franken geschlossen.",
]


@pytest.mark.parametrize("row", REGISTER, ids=lambda row: row[0][:50])
def test_news_register(row: Row) -> None:
    assert _row(row[0]) == row[1:]


@pytest.mark.parametrize("text", NOT_ROUNDS_EITHER)
def test_funds_and_listings_are_no_rounds(text: str) -> None:
    assert extract_rounds(text) == []
