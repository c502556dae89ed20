"""Table tests of the investor phrases and verbs of raising, written from German grammar.

The sentences are made up for these tests (invented companies and investors) and cover the
constructions one at a time: who gives the money ("von", "vom", "durch", "mit Unterstützung
von"), who is on board ("Investoren sind", "beteiligt haben sich", "mit dabei", "neu an Bord",
"investiert haben", "stieg ein"), who leads ("angeführt vom VC X", "die Runde führt X an"),
descriptors of two words ("der Business Angel X"), and inflected verbs of raising.
"""

from __future__ import annotations

import pytest

from aieco import extract_rounds

#: (text, company, amount, leads, investors): the text gives exactly that one round.
Row = tuple[str, str, str, tuple[str, ...], tuple[str, ...]]

_RAISE = "Das Start-up Kolibri sammelt 7 Millionen Euro ein. "

INVESTORS: list[Row] = [
    (
        "Das Start-up Kolibri sammelt 7 Millionen Euro von Nordlicht Ventures und Tannhaus ein.",
        "Kolibri",
        "7000000 EUR",
        (),
        ("Nordlicht Ventures", "Tannhaus"),
    ),
    (
        "Das Start-up Kolibri erhält 7 Millionen Euro durch Nordlicht Ventures und Halde Capital.",
        "Kolibri",
        "7000000 EUR",
        (),
        ("Nordlicht Ventures", "Halde Capital"),
    ),
    (
        "Das Start-up Kolibri erhält 7 Millionen Euro vom Business Angel Jonas Kessler.",
        "Kolibri",
        "7000000 EUR",
        (),
        ("Jonas Kessler",),
    ),
    (
        "Das Start-up Kolibri hat mit Unterstützung von Tannhaus und Nordlicht Ventures "
        "7 Millionen Euro eingesammelt.",
        "Kolibri",
        "7000000 EUR",
        (),
        ("Tannhaus", "Nordlicht Ventures"),
    ),
    (
        _RAISE + "Beteiligt haben sich Tannhaus und der Business Angel Jonas Kessler.",
        "Kolibri",
        "7000000 EUR",
        (),
        ("Tannhaus", "Jonas Kessler"),
    ),
    (
        _RAISE + "Mit dabei sind Tannhaus und Nordlicht Ventures.",
        "Kolibri",
        "7000000 EUR",
        (),
        ("Tannhaus", "Nordlicht Ventures"),
    ),
    (
        _RAISE + "Neu an Bord sind Tannhaus und Nordlicht Ventures.",
        "Kolibri",
        "7000000 EUR",
        (),
        ("Tannhaus", "Nordlicht Ventures"),
    ),
    (
        _RAISE + "Investiert haben unter anderem Tannhaus und Nordlicht Ventures.",
        "Kolibri",
        "7000000 EUR",
        (),
        ("Tannhaus", "Nordlicht Ventures"),
    ),
    (
        _RAISE + "Auch Nordlicht Ventures stieg ein.",
        "Kolibri",
        "7000000 EUR",
        (),
        ("Nordlicht Ventures",),
    ),
    (
        _RAISE + "Nordlicht Ventures investierte ebenfalls.",
        "Kolibri",
        "7000000 EUR",
        (),
        ("Nordlicht Ventures",),
    ),
    (
        "Das Start-up Kolibri sammelt 7 Millionen Euro ein, angeführt vom VC Tannhaus.",
        "Kolibri",
        "7000000 EUR",
        ("Tannhaus",),
        ("Tannhaus",),
    ),
    (
        _RAISE + "Die Runde führt Tannhaus an.",
        "Kolibri",
        "7000000 EUR",
        ("Tannhaus",),
        ("Tannhaus",),
    ),
    (
        _RAISE + "Die Runde führt Tannhaus an, neu dabei ist Nordlicht Ventures.",
        "Kolibri",
        "7000000 EUR",
        ("Tannhaus",),
        ("Tannhaus", "Nordlicht Ventures"),
    ),
]

INVESTORS += [
    (
        _RAISE + "Die Finanzierungsrunde wurde vom Berliner VC Tannhaus angeführt.",
        "Kolibri",
        "7000000 EUR",
        ("Tannhaus",),
        ("Tannhaus",),
    ),
    (
        "Kolibri sammelt in einer von Tannhaus angeführten Runde 7 Millionen Euro ein.",
        "Kolibri",
        "7000000 EUR",
        ("Tannhaus",),
        ("Tannhaus",),
    ),
    (
        _RAISE + "Federführend ist Tannhaus.",
        "Kolibri",
        "7000000 EUR",
        ("Tannhaus",),
        ("Tannhaus",),
    ),
    (
        "Tannhaus führt eine 7-Millionen-Euro-Runde bei Kolibri an.",
        "Kolibri",
        "7000000 EUR",
        ("Tannhaus",),
        ("Tannhaus",),
    ),
    (
        _RAISE + "Neben Tannhaus beteiligten sich auch Nordlicht Ventures und Halde Capital.",
        "Kolibri",
        "7000000 EUR",
        (),
        ("Tannhaus", "Nordlicht Ventures", "Halde Capital"),
    ),
    (
        _RAISE + "Angeführt wird die Runde von Tannhaus, außerdem investieren Nordlicht Ventures "
        "und Halde Capital.",
        "Kolibri",
        "7000000 EUR",
        ("Tannhaus",),
        ("Tannhaus", "Nordlicht Ventures", "Halde Capital"),
    ),
    (
        _RAISE + "Hinter der Finanzierung stehen Tannhaus und Nordlicht Ventures.",
        "Kolibri",
        "7000000 EUR",
        (),
        ("Tannhaus", "Nordlicht Ventures"),
    ),
    (
        _RAISE + "Das Geld stammt von Tannhaus und Nordlicht Ventures.",
        "Kolibri",
        "7000000 EUR",
        (),
        ("Tannhaus", "Nordlicht Ventures"),
    ),
    (
        _RAISE + "Die Runde wurde von Tannhaus angeführt, Nordlicht Ventures ist ebenfalls dabei.",
        "Kolibri",
        "7000000 EUR",
        ("Tannhaus",),
        ("Tannhaus", "Nordlicht Ventures"),
    ),
    (
        _RAISE + "Die Investoren: Tannhaus und Nordlicht Ventures.",
        "Kolibri",
        "7000000 EUR",
        (),
        ("Tannhaus", "Nordlicht Ventures"),
    ),
    (
        "Kolibri hat eine Finanzierungsrunde über 7 Millionen Euro abgeschlossen, an der sich "
        "Tannhaus und Nordlicht Ventures beteiligten.",
        "Kolibri",
        "7000000 EUR",
        (),
        ("Tannhaus", "Nordlicht Ventures"),
    ),
    (
        "Tannhaus investiert gemeinsam mit Nordlicht Ventures 7 Millionen Euro in Kolibri.",
        "Kolibri",
        "7000000 EUR",
        (),
        ("Nordlicht Ventures", "Tannhaus"),
    ),
]

RAISE: list[Row] = [
    (
        "Kolibri, ein Start-up aus Köln, hat 7 Millionen Euro eingesammelt.",
        "Kolibri",
        "7000000 EUR",
        (),
        (),
    ),
    (
        "Das Kölner Start-up Kolibri hat 7 Millionen Euro eingeworben.",
        "Kolibri",
        "7000000 EUR",
        (),
        (),
    ),
    (
        "Die Firma Kolibri warb 7 Millionen Euro bei Investoren ein.",
        "Kolibri",
        "7000000 EUR",
        (),
        (),
    ),
    ("Die Firma Kolibri konnte sich 7 Millionen Euro sichern.", "Kolibri", "7000000 EUR", (), ()),
    ("Kolibri erhält eine Geldspritze über 7 Millionen Euro.", "Kolibri", "7000000 EUR", (), ()),
]

NOT_ROUNDS: list[str] = [
    # An adverb "dabei" names no investors, and a list does not run on into the company.
    _RAISE + "Dabei sind dem Team viele Muster aufgefallen.",
]


def _check(row: Row) -> None:
    text, company, amount, leads, investors = row
    (found,) = extract_rounds(text)
    assert found.company == company
    assert str(found.amount) == amount
    assert found.leads == leads
    assert found.investors == investors


@pytest.mark.parametrize("row", INVESTORS, ids=lambda row: row[0][-60:])
def test_investor_phrases(row: Row) -> None:
    _check(row)


@pytest.mark.parametrize("row", RAISE, ids=lambda row: row[0][:50])
def test_inflected_verbs_of_raising(row: Row) -> None:
    _check(row)


@pytest.mark.parametrize("text", NOT_ROUNDS)
def test_no_investors_where_none_are_named(text: str) -> None:
    (found,) = extract_rounds(text)
    assert found.company == "Kolibri"
    assert found.investors == ()


def test_the_company_is_not_its_own_investor() -> None:
    text = _RAISE + "Neu dabei sind Tannhaus und Nordlicht Ventures, teilte Kolibri mit."
    (found,) = extract_rounds(text)
    assert found.investors == ("Tannhaus", "Nordlicht Ventures")
