"""Every round of the bundled dataset is read back out of the five articles it was written from.

The bundled dataset was written by hand from the five articles in /work/shared/sources. Reading
the articles with :func:`aieco.extract_rounds` (without the dataset) must give exactly its
rounds: the same company, amount, valuation, round type and investors (names compared through
the dataset's names and aliases), the same participations (amount in the original currency,
stake), and no other round. Facts the dataset took from outside the text (its citation notes
say so) are listed in OUTSIDE with the words of the note; the test checks that the note
really says it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import aieco
from aieco import FundingRound, RoundMention, RoundType

SOURCES = next(
    (
        d / "shared" / "sources"
        for d in Path(__file__).resolve().parents
        if (d / "shared" / "sources").is_dir()
    ),
    Path("shared/sources"),
)
needs_sources = pytest.mark.skipif(not SOURCES.is_dir(), reason="the five articles are not there")

#: (round id, field) -> (what the text alone gives, words of the citation note that say so).
OUTSIDE: dict[tuple[str, str], tuple[object, str]] = {
    ("anthropic-series-f-2025", "round_type"): (
        RoundType.UNKNOWN,
        "the round type (Series F) are from Anthropic's announcement, outside the text",
    ),
    ("mistral-ai-series-c-2025", "round_type"): (
        RoundType.UNKNOWN,
        "Mistral announced the round as a Series C",
    ),
    ("luma-series-c-2025", "leads"): (
        frozenset(),
        "that Humain led the round is from public reporting of the announcement, outside the text",
    ),
}


def _articles() -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in sorted(SOURCES.glob("0*.txt"))}


def _company_id(name: str) -> str:
    return aieco.load().company(name).id


def _investor_id(name: str) -> str:
    return aieco.load().investor(name).id


def _source_of(funding_round: FundingRound) -> str:
    return funding_round.sources[0].source_id


def _expected(funding_round: FundingRound, field: str, value: object) -> object:
    override = OUTSIDE.get((funding_round.id, field))
    return value if override is None else override[0]


def _find(found: list[RoundMention], funding_round: FundingRound) -> RoundMention:
    """The mention of this round: same company, and the same amount when it has several."""
    same = [m for m in found if _company_id(m.company) == funding_round.company_id]
    if len(same) > 1:
        same = [m for m in same if m.amount == funding_round.amount]
    assert len(same) == 1, (funding_round.id, [(m.company, str(m.amount)) for m in same])
    return same[0]


@pytest.fixture(scope="module")
def found() -> dict[str, list[RoundMention]]:
    return {name: aieco.extract_rounds(text) for name, text in _articles().items()}


def _rounds() -> list[FundingRound]:
    return list(aieco.load().funding_rounds)


def test_outside_facts_are_noted_as_such() -> None:
    """Each exception in OUTSIDE is a fact whose citation note says it is from outside."""
    for (round_id, _field), (_, words) in OUTSIDE.items():
        notes = " ".join(c.note or "" for c in aieco.load().funding_round(round_id).sources)
        assert words in notes


@needs_sources
@pytest.mark.parametrize("funding_round", _rounds(), ids=lambda r: r.id)
def test_every_bundled_round_is_read_from_its_article(
    found: dict[str, list[RoundMention]], funding_round: FundingRound
) -> None:
    mention = _find(found[_source_of(funding_round)], funding_round)
    assert mention.amount == funding_round.amount
    assert mention.valuation == funding_round.valuation
    assert mention.round_type is _expected(funding_round, "round_type", funding_round.round_type)
    investors = {_investor_id(name) for name in mention.investors}
    assert investors == {p.investor_id for p in funding_round.participants}
    leads = frozenset(_investor_id(name) for name in mention.leads)
    assert leads == _expected(funding_round, "leads", frozenset(funding_round.leads))
    by_id = {_investor_id(p.name): p for p in mention.participations}
    for participation in funding_round.participants:
        part = by_id[participation.investor_id]
        assert part.amount == participation.amount
        assert part.stake == participation.stake


@needs_sources
def test_no_other_round_is_read(found: dict[str, list[RoundMention]]) -> None:
    """The articles report exactly the bundled rounds: nothing more (revenue, budgets, ...)."""
    expected = sorted((_source_of(r), r.company_id) for r in _rounds())
    got = sorted((name, _company_id(m.company)) for name, ms in found.items() for m in ms)
    assert got == expected


@needs_sources
def test_two_currencies_keep_the_original(found: dict[str, list[RoundMention]]) -> None:
    """ASML's part: 1,3 Mrd. Euro is the original, 'mehr als 1,5 Mrd. USD' its conversion."""
    (mistral,) = [m for m in found["004_c9c2689ae2915dc5"] if m.company == "Mistral AI"]
    (asml,) = [p for p in mistral.participations if p.name == "ASML"]
    assert str(asml.amount) == "1300000000 EUR"
    assert [str(a) for a in asml.other_amounts] == ["more than 1500000000 USD"]
    assert asml.amount_span is not None
    assert asml.amount_span.text == "1,3 Mrd. Euro"
    assert asml.stake_span is not None
    assert asml.stake_span.text == "11 %"


@needs_sources
def test_every_span_is_the_text_it_claims(found: dict[str, list[RoundMention]]) -> None:
    """Each evidence span is a slice of the article inside the round's span.

    The company's may come before it, where the round's sentences refer back to it.
    """
    texts = _articles()
    for name, mentions in found.items():
        text = texts[name]
        for m in mentions:
            assert text[m.start : m.end] == m.text
            assert text[m.company_span.start : m.company_span.end] == m.company
            assert m.company_span.start <= m.end
            spans = [m.amount_span, m.valuation_span, m.round_type_span]
            spans += [m.announced_span, *m.sentences]
            for p in m.participations:
                spans += [p.span, p.amount_span, p.stake_span]
            for span in spans:
                if span is not None:
                    assert text[span.start : span.end] == span.text
                    assert m.start <= span.start <= span.end <= m.end


@needs_sources
def test_known_links_every_name(found: dict[str, list[RoundMention]]) -> None:
    """With known=, companies and investors come with the ids of the bundled records."""
    known = aieco.load()
    for name, text in _articles().items():
        linked = aieco.extract_rounds(text, known=known)
        assert [m.company for m in linked] == [m.company for m in found[name]]
        for m in linked:
            assert m.company_id == _company_id(m.company)
            assert m.investor_ids == tuple(_investor_id(n) for n in m.investors)


@needs_sources
def test_read_article_with_known_adds_nothing_and_conflicts_with_nothing() -> None:
    """The bundled records already hold what the articles say.

    Merging the drafts changes nothing, and no draft reports a conflict.
    """
    known = aieco.load()
    for name, text in _articles().items():
        draft = aieco.read_article(text, source=known.source(name), known=known)
        assert draft.conflicts == ()
        assert known.merge(draft) == known
        assert {r.id for r in draft.funding_rounds} == {
            r.id for r in known.funding_rounds if _source_of(r) == name
        }


@needs_sources
def test_read_article_cites_each_fact_verbatim() -> None:
    """Without known, every record of a draft cites its article with a verbatim quote."""
    known = aieco.load()
    for name, text in _articles().items():
        draft = aieco.read_article(text, source=known.source(name))
        records = [*draft.companies, *draft.investors, *draft.funding_rounds]
        assert len(draft.funding_rounds) == len(
            [r for r in known.funding_rounds if _source_of(r) == name]
        )
        for record in records:
            assert record.sources
            for citation in record.sources:
                assert citation.source_id == name
                assert citation.quote in text
