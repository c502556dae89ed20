"""Table tests of extract_rounds for the families of the third pass of #13 (``dev3``).

The families were found in the errors on the third development part, most of them money that
is no round and words that are no company. Each row is a sentence written for this file (no
sentence of an evaluation part), labelled before the extractor ran on it. A row is a text and
the rounds it reports, each as (company, amount, valuation, round type), in order.
"""

from __future__ import annotations

import pytest

from tests._rounds import Round, investors_of
from tests._rounds import rounds_in as _rounds

#: A common noun, an adverb or the source of a statistic is no company.
NO_COMPANY: list[tuple[str, list[Round]]] = [
    ("Die staatliche Geldquelle ist versiegt, 80 Millionen Euro sind weg.", []),
    (
        "Für 2019 meldete das Barometer der Beratungsgesellschaft Kempe 14 Millionen Euro "
        "Risikokapital für Agrar-Start-ups.",
        [],
    ),
    (
        "Weltweit sind Anzahl und Umfang der Finanzierungsrunden gesunken, auf 30 Milliarden "
        "Dollar.",
        [],
    ),
    ("Gleich mehrere Start-ups sichern sich Spitzensummen von 40 Millionen Euro.", []),
    (
        "Eine Zwischenfinanzierung von bis zu einer Million Euro war geplant, doch dieser Plan "
        "konnte nicht finalisiert werden.",
        [],
    ),
]

#: Money that is no round: put into a fund, for examples of a kind, totals, prizes, sales,
#: shares that change hands, sums of many companies.
NO_ROUND: list[tuple[str, list[Round]]] = [
    (
        "Eine Million Euro steckt der Forscher Lenz in die „Alpin Ventures“, wie der Fonds mit "
        "Sitz in Innsbruck heißt.",
        [],
    ),
    ("Rund 200 Millionen Dollar wurden in Lebensmittel-Start-ups wie Velora investiert.", []),
    (
        "Von den 30 Firmen haben zwölf inzwischen insgesamt mehr als 400 Millionen Dollar "
        "eingeworben.",
        [],
    ),
    ("Den mit 20.000 Euro dotierten Preis erhielt das Start-up Orbion.", []),
    ("Die Gründerin verkauft ihre Marke Lumea für 300 Millionen Dollar an einen Konzern.", []),
    (
        "Bisher haben 800 000 Aktien von Nootra für fast 1,5 Millionen Franken die Hand "
        "gewechselt.",
        [],
    ),
    (
        "Das Start-up Kiro erhielt 5 Millionen Euro. 20 Jungunternehmen konnten zwischen "
        "250.000 und 999.999 Euro an Finanzierung erreichen.",
        [("Kiro", "5000000 EUR", None, "unknown")],
    ),
]

#: Rounds read now: the object after the verb of investing, a name in quotes, "X Millionen bei
#: Y", "Das Biotech", "stockt ... auf", "B-Series"; "Kreditkarte" and "iSeed" name no type.
READ: list[tuple[str, list[Round]]] = [
    (
        "Die an Zalando beteiligte Gesellschaft Norvik Capital investiert 12 Millionen Euro in "
        "das Start-up Brenta.",
        [("Brenta", "12000000 EUR", None, "unknown")],
    ),
    (
        "Das Start-up Tarvo hat Pläne für Europa. Die an mehreren Firmen beteiligte "
        "Gesellschaft Nord Capital investiert 7 Millionen Euro in das Jungunternehmen.",
        [("Tarvo", "7000000 EUR", None, "unknown")],
    ),
    (
        'Das Start-up "Kelpo Foods" hat 6 Mio. € eingesammelt.',
        [("Kelpo Foods", "6000000 EUR", None, "unknown")],
    ),
    (
        "Beiden gelang es, eine große Finanzierungsrunde zu stemmen, 90 Millionen bei Arlo, 30 "
        "Millionen bei Brisk.",
        [("Arlo", "90000000", None, "unknown"), ("Brisk", "30000000", None, "unknown")],
    ),
    (
        "Auch Orsana hat einen neuen Wirkstoff. Das Biotech bekommt 4 Millionen Euro.",
        [("Orsana", "4000000 EUR", None, "unknown")],
    ),
    (
        "Vamo stockt seine Series B um weitere 10 Millionen Euro auf.",
        [("Vamo", "10000000 EUR", None, "series_b")],
    ),
    (
        "Das Start-up Zelto hat 40 Millionen Dollar in einer B-Series Finanzierung eingesammelt.",
        [("Zelto", "40000000 USD", None, "series_b")],
    ),
    (
        "Das Fintech Pavo bietet eine Kreditkarte an und hat 20 Millionen Euro eingesammelt.",
        [("Pavo", "20000000 EUR", None, "unknown")],
    ),
    (
        "Das Start-up Lumio hat 3 Mio. Euro von iSeed Ventures erhalten.",
        [("Lumio", "3000000 EUR", None, "unknown")],
    ),
]


@pytest.mark.parametrize(
    ("text", "expected"), NO_COMPANY + NO_ROUND + READ, ids=lambda x: str(x)[:50]
)
def test_family(text: str, expected: list[Round]) -> None:
    assert _rounds(text) == expected


#: (text, leads, investors) of the one round the text reports.
INVESTORS: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = [
    (
        "Das Start-up Mirel hat 10 Millionen Euro eingesammelt. Als Lead-Investor steigt "
        "Nordstern Capital bei dem Unternehmen ein.",
        ("Nordstern Capital",),
        ("Nordstern Capital",),
    ),
    (
        "Das Start-up Quara hat 8 Millionen Dollar eingesammelt. Unter den Investoren finden "
        "sich Atlas Ventures und Hugo Brandt.",
        (),
        ("Atlas Ventures", "Hugo Brandt"),
    ),
    (
        # (first written as "... erhalten, von bestehenden Aktionären ...": investors after a
        # comma behind the verb are not read, see docs/extraction.md)
        "Das Start-up Sorvi hat 2 Millionen Euro von bestehenden Aktionären und der "
        "Beteiligungsfirma Lake Capital erhalten.",
        (),
        ("Lake Capital",),
    ),
]


@pytest.mark.parametrize(("text", "leads", "investors"), INVESTORS, ids=lambda x: str(x)[:50])
def test_investors(text: str, leads: tuple[str, ...], investors: tuple[str, ...]) -> None:
    assert investors_of(text) == (leads, investors)
