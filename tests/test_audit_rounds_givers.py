"""Table tests of extract_rounds: what a verb of giving does not give (issue #13, audit).

The session's rule for who gives (`_lexicon.CONTRIBUTE_VERB`, `_lexicon.INVESTORS_AGENT`)
read investors where the text names none: "geben" with a particle that makes it another
verb ("gab ... zurück", "gab ... weiter", "gab ... bekannt"), a round that is no funding
round ("Tarifrunde", "Verhandlungsrunde", "Bieterrunde"), the participle "Getragen"
first in a sentence read as a company; and the members of a group after a comma
(`_lexicon.INVESTORS_MEMBERS`) where the group is what the money goes into. Sentences
written for these tests, each after a round of its own ("Lorka"), labelled before the
extractor ran on them.
"""

from __future__ import annotations

import pytest

from aieco import extract_rounds

ROUND = "Das Start-up Lorka erhält 5 Millionen Euro. "

#: (the clause after the round, the investors of Lorka's round).
NOT_GIVING: list[tuple[str, tuple[str, ...]]] = [
    # "geben" with a particle last in the clause is another verb: give back, pass on, announce
    ("Der Investor Ardent gab den Aktionären Kapital zurück.", ()),
    ("Die Bank Tamis gab das Kapital an die Anleger weiter.", ()),
    ("Der Vorstand Tamis gab die Runde bekannt, das Geld fließt in Asien.", ()),
    ("Der Konzern Tamis gibt das Geld für Werbung aus.", ()),
    # a round that is no funding round
    ("Bei der nächsten Tarifrunde zieht die Gewerkschaft Verdi mit.", ()),
    ("In der Verhandlungsrunde mit den Gewerkschaften zieht Tamis mit.", ()),
    ("In der Bieterrunde zog Tamis mit.", ()),
    ("Bei der Bieterrunde für den Konkurrenten zog Tamis mit.", ()),
    # still read: "geben" with the money, and a round of its own or compound
    ("Auch die Sparkasse Tamis gibt Kapital dazu.", ("Tamis",)),
    ("Bei der Finanzierungsrunde zieht Tamis mit.", ("Tamis",)),
    ("Bei der Seed-Runde zieht Tamis mit.", ("Tamis",)),
    ("Getragen wird die Runde von Tamis und Ardent.", ("Tamis", "Ardent")),
    ("Mitgetragen wird die Finanzierung von Tamis.", ("Tamis",)),
]


#: (the clause after the round, the investors of Lorka's round): members listed after a comma
#: are investors only in a clause about investors (`_lexicon.INVESTOR_CLAUSE`), not where the
#: money goes ("investiert in neue Märkte, darunter ...").
MEMBERS: list[tuple[str, tuple[str, ...]]] = [
    ("Das Kapital wird in neue Märkte investiert, darunter Frankreich und Italien.", ()),
    ("Das Geld wird in Kliniken investiert, insbesondere die Charité.", ()),
    ("Das Start-up ist an mehreren Firmen beteiligt, darunter Tamis und Ardent.", ()),
    ("Mehrere Geldgeber beteiligen sich, darunter Tamis und Ardent.", ("Tamis", "Ardent")),
    ("Bestehende Investoren zogen mit, insbesondere Tamis.", ("Tamis",)),
]


@pytest.mark.parametrize(("clause", "investors"), NOT_GIVING + MEMBERS)
def test_what_giving_gives(clause: str, investors: tuple[str, ...]) -> None:
    found = extract_rounds(ROUND + clause)
    assert [(r.company, r.investors) for r in found] == [("Lorka", investors)]
