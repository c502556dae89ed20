"""Table tests of extract_rounds: who gives, read from the clause's structure (issue #13).

The subject of a verb of giving puts money into the round named before, whether it stands
before the finite verb ("Die Investoren A und B ziehen bei der Runde mit") or after it in an
inverted clause ("Außerdem stellten A und B frisches Kapital zur Verfügung"); so does the
agent of a passive verb of financing ("Finanziert wird die Runde von A"). One rule per shape
of the clause, for every verb of the family (`_lexicon.CONTRIBUTE_VERB`,
`_lexicon.INVESTORS_AGENT`), only in a clause about money or a round (`_lexicon.CONTRIBUTED`).
Sentences written for these tests (no sentence of an evaluation part), labelled before the
extractor ran on them.
"""

from __future__ import annotations

import pytest

from tests._rounds import investors_of

ROUND = "Das Start-up Lorka erhält 5 Millionen Euro. "

#: (the clause after the round, the investors of Lorka's round).
GIVERS: list[tuple[str, tuple[str, ...]]] = [
    # separable verbs, the subject first
    (
        "Der dänische Konzern Tamis und Ardent Partners ziehen bei der Runde mit.",
        ("Tamis", "Ardent Partners"),
    ),
    (
        "Die Bestandsinvestoren Tamis und Ardent legen nach, das Kapital fließt in Asien.",
        ("Tamis", "Ardent"),
    ),
    ("Die Beteiligungsgesellschaft Tamis stellte frisches Kapital zur Verfügung.", ("Tamis",)),
    ("Der Konzern Ardent steuerte frisches Kapital bei.", ("Ardent",)),
    ("Der Fonds Tamis Capital finanziert die Runde mit.", ("Tamis Capital",)),
    # the same verbs in an inverted clause: the subject follows the verb
    (
        "Außerdem stellten der dänische Konzern Tamis und Ardent Partners frisches Kapital zur "
        "Verfügung.",
        ("Tamis", "Ardent Partners"),
    ),
    (
        "Bei der Runde ziehen die Beteiligungsgesellschaft Tamis und Ardent mit.",
        ("Tamis", "Ardent"),
    ),
    ("Zur Runde steuerte der Konzern Tamis frisches Geld bei.", ("Tamis",)),
    ("Zur Finanzierung schossen auch Tamis und Ardent frisches Geld zu.", ("Tamis", "Ardent")),
    ("Bei der Finanzierung gingen die Altinvestoren Tamis und Ardent mit.", ("Tamis", "Ardent")),
    # "geben" with the money next to it
    ("Auch die Sparkasse Tamis gibt Kapital.", ("Tamis",)),
    ("Kapital gaben außerdem Tamis und Ardent.", ("Tamis", "Ardent")),
    # the agent of a passive verb of financing
    ("Finanziert wird die Runde vom Konzern Tamis.", ("Tamis",)),
    ("Mitfinanziert wurde die Runde von Tamis und Ardent Partners.", ("Tamis", "Ardent Partners")),
    (
        "Die Runde wurde von der Beteiligungsgesellschaft Tamis und Ardent finanziert.",
        ("Tamis", "Ardent"),
    ),
    ("Die Kapitalerhöhung wurde vollständig von Tamis gezeichnet.", ("Tamis",)),
    # no money and no round in the clause: the verb gives nothing
    ("Die Konkurrenz Tamis zieht mit.", ()),
    ("Das Projekt wird von der Stadt Köln finanziert.", ()),
    ("Der Verband Tamis stellt Räume zur Verfügung.", ()),
    # "gab ... bekannt" gives nothing: no money follows the verb
    ("Der Konzern Tamis gab am Montag die Zahlen bekannt.", ()),
]


@pytest.mark.parametrize(("clause", "investors"), GIVERS)
def test_givers(clause: str, investors: tuple[str, ...]) -> None:
    assert investors_of(ROUND + clause) == ((), investors)


def test_verbs_of_giving_make_no_round_of_their_subject() -> None:
    # The giver is never the raising company, and a participle first in a sentence is no name.
    for clause, _ in GIVERS:
        companies = [r[0] for r in _companies(ROUND + clause)]
        assert companies == ["Lorka"], clause


def _companies(text: str) -> list[tuple[str]]:
    from aieco import extract_rounds

    return [(r.company,) for r in extract_rounds(text)]
