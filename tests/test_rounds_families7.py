"""Table tests of extract_rounds for the failure families of the seventh pass of #13.

Each family was seen in the errors of the new ``dev7`` (labelled before the extractor ran on
it) and of at least one earlier development part, or is named in docs/extraction.md's "What it
does not handle". Each row is a sentence written for this file (no sentence of an evaluation
part), labelled before the extractor ran on it. A row is a text and the rounds it reports, each
as (company, amount, valuation, round type), in order.
"""

from __future__ import annotations

import pytest

from tests._rounds import Round, investors_of
from tests._rounds import rounds_in as _rounds

#: An adverb or adjective that opens a sentence is capitalised there, but no name (dev7's
#: "Längst haben Investoren ...", "Ähnlich wie bei einer Dialyse ... pumpt"; dev5's
#: "Bemerkenswert ist"): `_lexicon.NOT_NAMES`.
SENTENCE_ADVERBS: list[tuple[str, list[Round]]] = [
    (
        "Längst haben Geldgeber das Feld entdeckt. Diese haben im letzten Jahr die Summe von "
        "2 Milliarden Franken eingesammelt.",
        [],
    ),
    (
        "Das Start-up Lorka hat 3 Millionen Euro erhalten. Ähnlich wie eine Herzpumpe pumpt das "
        "Gerät Blut in den Körper.",
        [("Lorka", "3000000 EUR", None, "unknown")],
    ),
    (
        "Das Start-up Lorka hat 3 Millionen Euro erhalten. Oft investiert das Team in neue Geräte.",
        [("Lorka", "3000000 EUR", None, "unknown")],
    ),
]

#: A tranche of a stage ("Serie-B1-Finanzierung", "Series A2") is that stage (dev7; dev3's
#: "zweites Closing" of a Series C): `_lexicon.ROUND_TYPE`.
TRANCHES: list[tuple[str, list[Round]]] = [
    (
        "Das Medtech-Unternehmen Lorka hat eine Serie-B1-Finanzierung über 7 Millionen Franken "
        "abgeschlossen.",
        [("Lorka", "7000000 CHF", None, "series_b")],
    ),
    (
        "Lorka sammelt in einer Series A2 weitere 4 Millionen Euro ein.",
        [("Lorka", "4000000 EUR", None, "series_a")],
    ),
    # a year after a stage is no tranche
    (
        "Lorka sammelte in der Series A 2021 4 Millionen Euro ein.",
        [("Lorka", "4000000 EUR", None, "series_a")],
    ),
]


#: A second main clause with its own subject after a comma, also with "konnte sich" (dev7's
#: newsletter teaser "X will ... zurückkaufen, Y konnte sich 50 Mio. sichern"; dev2's "Vireo
#: sammelt 12 Mio. ein, Lumio erhält 8 Mio."): `_lexicon.CLAUSE_OPENERS`.
MAIN_CLAUSES: list[tuple[str, list[Round]]] = [
    (
        "Die Gründerin will ihre alte Firma zurückkaufen, Lorka konnte sich 20 Millionen Euro "
        "sichern.",
        [("Lorka", "20000000 EUR", None, "unknown")],
    ),
    (
        "Der Gründer will expandieren, das Start-up Lorka kann sich 3 Millionen Euro sichern.",
        [("Lorka", "3000000 EUR", None, "unknown")],
    ),
]

#: A clause about a fund itself: its money and its backers are the fund's, not a round of the
#: company named before (dev7's "Gemanagt wird der Fonds von A und B, die ... beisteuern";
#: dev3, dev5 and dev6 funds; "investors of a fund read as investors of a company" in
#: docs/extraction.md): `_lexicon.FUND_TOPIC`.
FUND_TOPIC: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
    (
        "Lorka erhält 5 Millionen Euro. Gemanagt wird der neue Fonds von den Investoren Atlas "
        "und Borea, die ebenfalls eine einstellige Millionensumme beisteuern.",
        (),
        (),
    ),
    (
        "Lorka erhält 5 Millionen Euro. Das Geld für den neuen Topf kommt von Atlas und Borea.",
        (),
        (),
    ),
    # the anaphor keeps it the company's round: the fund invests in it
    (
        "Lorka erhält 5 Millionen Euro. Der Fonds Atlas Ventures investiert 2 Millionen Euro "
        "in das Start-up.",
        (),
        ("Atlas Ventures",),
    ),
]

#: An attributive phrase between an article and its noun: the name follows it ("Die von ihm
#: 2012 gegründete X holte sich ..."), a name inside it is no company ("der in Köln ansässige
#: Hersteller Y" in a list of a fund's backers) (dev7; dev4 and dev6 profiles).
ATTRIBUTES: list[tuple[str, list[Round]]] = [
    (
        "Die von ihr 2019 gegründete Lorka holte sich 23 Millionen Euro.",
        [("Lorka", "23000000 EUR", None, "unknown")],
    ),
    (
        "Der in Graz ansässige Hersteller Lorka sammelt 5 Millionen Euro ein.",
        [("Lorka", "5000000 EUR", None, "unknown")],
    ),
    (
        "Beteiligt sind die Konzerne Atlas und Borea sowie der in Köln ansässige Maschinenbauer "
        "Vireo.",
        [],
    ),
]


#: The company a relative clause is about is the name before a place of origin ("dem
#: Anbieter X aus Bannwil, das ... abschliessen konnte"; dev7; dev4's "Bluecode aus Wien"),
#: also a name after a descriptor whose ending is a common noun's ("Carvolution").
RELATIVE_ANTECEDENT: list[tuple[str, list[Round]]] = [
    (
        "Zum Beispiel dem Software-Anbieter Lorka aus Thun, das zuletzt eine Finanzierungsrunde "
        "über 20 Millionen Franken abschliessen konnte.",
        [("Lorka", "20000000 CHF", None, "unknown")],
    ),
    (
        "Etwa dem Anbieter Solution aus Thun, das zuletzt 3 Millionen Franken einsammeln konnte.",
        [("Solution", "3000000 CHF", None, "unknown")],
    ),
]


#: Where the company is named in a way no rule read (docs/extraction.md, "Names without a place
#: in a sentence"): after "heißt" in a sentence with no word of the trade, for a later "die
#: Firma" (dev7's "Seine Firma heißt Figo"; dev5's "das Unternehmen" after a name in prose);
#: in a genitive after a descriptor of its people ("die Blockchain-Spezialisten der Dfinity
#: Foundation"; dev6's "Das Team von X"), not after a noun of owned companies ("die Start-ups
#: der ETH Lausanne", dev6) nor a person's role ("Chef der Kette X", dev4).
NAMED_FURTHER: list[tuple[str, list[Round]]] = [
    (
        "Anna Berg ist 30 Jahre alt. Ihre Firma heißt Lorka, wie ein Stern. Kurz vor dem "
        "Jahreswechsel haben Investoren sieben Millionen Euro in die Firma gesteckt.",
        [("Lorka", "7000000 EUR", None, "unknown")],
    ),
    (
        "Im August sicherten sich die Robotik-Spezialisten der Lorka AG 12 Millionen Franken.",
        [("Lorka AG", "12000000 CHF", None, "unknown")],
    ),
    (
        "Die Start-ups der Hochschule Lorka erhielten 2023 insgesamt 220 Millionen Franken.",
        [],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"),
    SENTENCE_ADVERBS + TRANCHES + MAIN_CLAUSES + ATTRIBUTES + RELATIVE_ANTECEDENT + NAMED_FURTHER,
    ids=lambda x: str(x)[:50],
)
def test_family(text: str, expected: list[Round]) -> None:
    assert _rounds(text) == expected


#: Investor lists in free prose (dev7; dev3, dev5, dev6 lists; "investors in free prose" in
#: docs/extraction.md): a lead named further from "angeführt" ("vom Geldgeber X mit Standorten
#: in Zug und München angeführt"), a seat after a listed name ("A mit Sitz in Liestal, B"),
#: adverbs before the list ("auch dieses Mal", "Erneut"), "einschliesslich", a comparison
#: with earlier rounds that is no earlier round ("Wie schon in den Runden zuvor, ...") and
#: private persons, who are no name.
INVESTOR_LISTS: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
    (
        "Lorka hat 7 Millionen Franken erhalten. Die Runde wurde vom internationalen "
        "Risikokapitalgeber Atlas mit Standorten in Zug und München angeführt.",
        ("Atlas",),
        ("Atlas",),
    ),
    (
        "Lorka hat 7 Millionen Franken erhalten. Neu dabei sind Atlas mit Sitz in Liestal, "
        "Borea aus Basel sowie weitere Firmen und Privatpersonen.",
        (),
        ("Atlas", "Borea"),
    ),
    (
        "Lorka hat 7 Millionen Euro eingesammelt. Beteiligt haben sich auch dieses Mal Atlas "
        "und Borea.",
        (),
        ("Atlas", "Borea"),
    ),
    (
        "Lorka hat 7 Millionen Euro eingesammelt. Erneut beteiligten sich Atlas und Borea.",
        (),
        ("Atlas", "Borea"),
    ),
    # a list between dashes splits no clause (dev7; dev3's "Investoren – u.a. X –")
    (
        "Kurz vor Weihnachten haben Investoren – darunter die Atlas Bank – 7 Millionen Euro in "
        "das Start-up Lorka gesteckt.",
        (),
        ("Atlas Bank",),
    ),
    (
        "Lorka hat 7 Millionen Euro eingesammelt. Wie schon in den Runden zuvor, beteiligten "
        "sich auch dieses Mal Atlas und Borea; als neuer Investor ist Cirrus dabei.",
        (),
        ("Atlas", "Borea", "Cirrus"),
    ),
]


@pytest.mark.parametrize(("text", "leads", "investors"), INVESTOR_LISTS, ids=lambda x: str(x)[:50])
def test_investor_lists(text: str, leads: tuple[str, ...], investors: tuple[str, ...]) -> None:
    assert investors_of(text) == (leads, investors)


@pytest.mark.parametrize(("text", "leads", "investors"), FUND_TOPIC, ids=lambda x: str(x)[:50])
def test_fund_backers_are_no_investors(
    text: str, leads: tuple[str, ...], investors: tuple[str, ...]
) -> None:
    assert investors_of(text) == (leads, investors)
