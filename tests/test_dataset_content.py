"""The content of the bundled dataset: quotes, a hand-checked fact table, round-trips, integrity.

The records are read straight from the JSON files in ``aieco/data`` with the converter, so these
tests check the data, not the loader; one test checks that :func:`aieco.load` agrees.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Iterator
from decimal import Decimal
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any

import pytest

import aieco
from aieco import (
    Amount,
    Citation,
    Company,
    CompanyCategory,
    FundingRound,
    Investor,
    InvestorKind,
    PartialDate,
    Policy,
    PolicyKind,
    PolicyStatus,
    Precision,
    Qualifier,
    RoundType,
    Source,
    from_json,
    to_json,
)
from aieco.serialize import structure

D = Decimal
Q = Qualifier
KINDS: dict[str, type[Any]] = {
    "sources": Source,
    "companies": Company,
    "investors": Investor,
    "funding_rounds": FundingRound,
    "policies": Policy,
}
SOURCES_DIR = Path(__file__).resolve().parents[1].parent / "shared" / "sources"

S0 = "000_76980fcd8d93e445"
S1 = "001_ef3c1178bf048dc4"
S2 = "002_b704ae214b97fad1"
S3 = "003_f933f5c1a75dfc8d"
S4 = "004_c9c2689ae2915dc5"


# --- reading the data (independent of aieco.load) ------------------------------------------


def _file_text(kind: str) -> str:
    return resources.files("aieco").joinpath("data", f"{kind}.json").read_text(encoding="utf-8")


@cache
def records(kind: str) -> tuple[Any, ...]:
    """The bundled records of one kind, read through the converter."""
    result: tuple[Any, ...] = structure(
        json.loads(_file_text(kind)), tuple[KINDS[kind], ...], root=f"{kind}.json"
    )
    return result


def by_id(kind: str) -> dict[str, Any]:
    """The bundled records of one kind by id."""
    return {record.id: record for record in records(kind)}


def all_records() -> Iterator[Any]:
    """Every bundled record except the sources."""
    for kind in ("companies", "investors", "funding_rounds", "policies"):
        yield from records(kind)


def citations() -> list[tuple[str, Citation]]:
    """Every citation in the dataset, with an id naming its record and position."""
    return [
        (f"{record.id}#{number}", citation)
        for record in all_records()
        for number, citation in enumerate(record.sources)
    ]


def normalise(text: str) -> str:
    """Whitespace collapsed to single spaces (no-break spaces included), ends stripped."""
    return re.sub(r"\s+", " ", text).strip()


def fold(text: str) -> str:
    """Case- and accent-insensitive form of a name."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())


@cache
def source_text(source_id: str) -> str:
    """The whitespace-normalised text of a source article."""
    return normalise((SOURCES_DIR / f"{source_id}.txt").read_text(encoding="utf-8"))


def usd(value: str, qualifier: Qualifier = Q.EXACT) -> Amount:
    """A USD point amount."""
    return Amount(D(value), unit="USD", qualifier=qualifier)


def eur(value: str, qualifier: Qualifier = Q.EXACT) -> Amount:
    """A EUR point amount."""
    return Amount(D(value), unit="EUR", qualifier=qualifier)


def day(text: str) -> PartialDate:
    """A PartialDate from its ISO form."""
    return PartialDate.fromisoformat(text)


# --- quotes ---------------------------------------------------------------------------------

CITATIONS = citations()


@pytest.mark.parametrize(("cid", "citation"), CITATIONS, ids=[c for c, _ in CITATIONS])
def test_quote_is_in_its_source(cid: str, citation: Citation) -> None:
    """Every quote is a verbatim substring of its article (whitespace-normalised)."""
    if not SOURCES_DIR.is_dir():
        pytest.skip(f"the source articles are not here ({SOURCES_DIR}); CI has them")
    assert normalise(citation.quote) in source_text(citation.source_id), cid


def test_normalise_collapses_whitespace_but_keeps_words() -> None:
    """The quote check ignores line breaks and no-break spaces, nothing else."""
    expected = "a b c"
    assert expected == normalise(" a\n  b\u00a0c ")
    assert normalise("Mrd.USD") != normalise("Mrd. USD")


@pytest.mark.parametrize(("cid", "citation"), CITATIONS, ids=[c for c, _ in CITATIONS])
def test_quote_is_short(cid: str, citation: Citation) -> None:
    """Quotes are a sentence or a clause, never a passage (the package ships no texts)."""
    assert len(citation.quote) <= 250, cid


def test_quotes_cover_only_a_small_part_of_each_source() -> None:
    """The distinct quotes of one source add up to well under half of the article."""
    if not SOURCES_DIR.is_dir():
        pytest.skip(f"the source articles are not here ({SOURCES_DIR}); CI has them")
    for source in records("sources"):
        quotes = {normalise(c.quote) for _, c in CITATIONS if c.source_id == source.id}
        share = sum(map(len, quotes)) / len(source_text(source.id))
        assert share < 0.5, (source.id, round(share, 2))


# --- sources --------------------------------------------------------------------------------

SOURCE_FACTS = [
    (S0, "Weshalb Europa im KI-Wettlauf den Anschluss verliert", "2025"),
    (
        S1,
        "Haben die Vereinigten Staaten einen Wettlauf um künstliche Intelligenz eröffnet",
        "2025-01",
    ),
    (S2, "Warum die größten KI-Giganten Deutschlands den staatlichen KI-Titel ablehnen", "2026"),
    (
        S3,
        "US-Kapitalflut in KI: Wie 17 Mega-Runden Europas Spielraum schrumpfen lassen",
        "2026-02-17",
    ),
    (S4, "Europas prominentester Entwickler für KI nutzt die Finanzierung", "2025-09"),
]


@pytest.mark.parametrize(
    ("sid", "title", "published"), SOURCE_FACTS, ids=[s[0] for s in SOURCE_FACTS]
)
def test_source_facts(sid: str, title: str, published: str) -> None:
    """Each article's title, date (at the precision the evidence supports) and language."""
    source = by_id("sources")[sid]
    assert (True, day(published), "de") == (
        source.title.startswith(title),
        source.published,
        source.language,
    )
    assert source.note is not None


def test_sources_are_exactly_the_five_articles() -> None:
    """The dataset lists the five articles, no more."""
    assert {s[0] for s in SOURCE_FACTS} == set(by_id("sources"))


def test_source_titles_are_first_lines() -> None:
    """A title is the article's headline (its first line), or for 001 its first sentence."""
    if not SOURCES_DIR.is_dir():
        pytest.skip(f"the source articles are not here ({SOURCES_DIR}); CI has them")
    for source in records("sources"):
        first_line = (SOURCES_DIR / f"{source.id}.txt").read_text(encoding="utf-8").split("\n")[0]
        assert source.title in first_line, source.id


# --- companies ------------------------------------------------------------------------------

COMPANY_FACTS = [
    # id, country, category, founded, headquarters
    ("aleph-alpha", "DE", CompanyCategory.AI_LAB, 2019, "Heidelberg"),
    ("alibaba", "CN", CompanyCategory.INTERNET, 1999, "Hangzhou"),
    ("alphabet", "US", CompanyCategory.BIG_TECH, 2015, "Mountain View"),
    ("amazon", "US", CompanyCategory.BIG_TECH, 1994, "Seattle"),
    ("anthropic", "US", CompanyCategory.AI_LAB, 2021, "San Francisco"),
    ("apple", "US", CompanyCategory.BIG_TECH, 1976, "Cupertino"),
    ("arena", "US", CompanyCategory.AI_INFRASTRUCTURE, None, None),
    ("asml", "NL", CompanyCategory.SEMICONDUCTOR_EQUIPMENT, 1984, "Veldhoven"),
    ("baidu", "CN", CompanyCategory.INTERNET, 2000, "Beijing"),
    ("baseten", "US", CompanyCategory.AI_INFRASTRUCTURE, 2019, "San Francisco"),
    ("bytedance", "CN", CompanyCategory.INTERNET, 2012, "Beijing"),
    ("deepgram", "US", CompanyCategory.AI_APPLICATION, 2015, "San Francisco"),
    ("deepseek", "CN", CompanyCategory.AI_LAB, 2023, "Hangzhou"),
    ("elevenlabs", "US", CompanyCategory.AI_APPLICATION, 2022, None),
    ("fundamental", "US", CompanyCategory.AI_LAB, None, None),
    ("goodfire", "US", CompanyCategory.AI_LAB, 2024, "San Francisco"),
    ("google", "US", CompanyCategory.BIG_TECH, 1998, "Mountain View"),
    ("humain", "SA", CompanyCategory.AI_INFRASTRUCTURE, 2025, "Riyadh"),
    ("humans-and", "US", CompanyCategory.AI_LAB, None, None),
    ("inferact", "US", CompanyCategory.AI_INFRASTRUCTURE, None, None),
    ("kakao", "KR", CompanyCategory.INTERNET, None, None),
    ("kt", "KR", CompanyCategory.TELECOM, 1981, None),
    ("kuaishou", "CN", CompanyCategory.INTERNET, 2011, "Beijing"),
    ("lg-ai-research", "KR", CompanyCategory.AI_LAB, 2020, "Seoul"),
    ("luma", "US", CompanyCategory.AI_LAB, 2021, None),
    ("meta", "US", CompanyCategory.BIG_TECH, 2004, "Menlo Park"),
    ("microsoft", "US", CompanyCategory.BIG_TECH, 1975, "Redmond"),
    ("minimax", "CN", CompanyCategory.AI_LAB, 2021, "Shanghai"),
    ("mistral-ai", "FR", CompanyCategory.AI_LAB, 2023, "Paris"),
    ("naver-cloud", "KR", CompanyCategory.CLOUD, None, None),
    ("nc", "KR", CompanyCategory.GAMING, 1997, "Seongnam"),
    ("nvidia", "US", CompanyCategory.CHIPS, 1993, "Santa Clara"),
    ("openai", "US", CompanyCategory.AI_LAB, 2015, "San Francisco"),
    ("openevidence", "US", CompanyCategory.AI_APPLICATION, None, None),
    ("palebluedot-ai", "US", CompanyCategory.AI_INFRASTRUCTURE, None, None),
    ("runway", "US", CompanyCategory.AI_APPLICATION, 2018, "New York"),
    ("sk-telecom", "KR", CompanyCategory.TELECOM, 1984, "Seoul"),
    ("skildai", "US", CompanyCategory.ROBOTICS, 2023, "Pittsburgh"),
    ("softbank", "JP", CompanyCategory.INVESTMENT, 1981, "Tokyo"),
    ("spacex", "US", CompanyCategory.AEROSPACE, 2002, None),
    ("upstage", "KR", CompanyCategory.AI_LAB, 2020, None),
    ("x", "US", CompanyCategory.INTERNET, None, None),
    ("xai", "US", CompanyCategory.AI_LAB, 2023, None),
]


@pytest.mark.parametrize(
    ("cid", "country", "category", "founded", "headquarters"),
    COMPANY_FACTS,
    ids=[c[0] for c in COMPANY_FACTS],
)
def test_company_facts(
    cid: str,
    country: str,
    category: CompanyCategory,
    founded: int | None,
    headquarters: str | None,
) -> None:
    """Country, category, founding year and headquarters of every company, checked by hand."""
    company = by_id("companies")[cid]
    assert (country, category, founded, headquarters) == (
        company.country,
        company.category,
        company.founded,
        company.headquarters,
    )


def test_companies_are_exactly_the_fact_table() -> None:
    """Every company the articles name is in the data (40+), and nothing else."""
    assert {c[0] for c in COMPANY_FACTS} == set(by_id("companies"))
    assert len(COMPANY_FACTS) >= 40


@pytest.mark.parametrize(
    ("key", "cid"),
    [
        ("Mistral", "mistral-ai"),
        ("Luma AI", "luma"),
        ("Meta Platforms", "meta"),
        ("NCSoft", "nc"),
        ("SKT", "sk-telecom"),
        ("Skild AI", "skildai"),
        ("SoftBank Group", "softbank"),
        ("humans&", "humans-and"),
    ],
    ids=lambda v: str(v),
)
def test_company_aliases(key: str, cid: str) -> None:
    """The names the texts (or common usage) give a company find it."""
    matches = [c.id for c in records("companies") if fold(key) in map(fold, (c.name, *c.aliases))]
    assert [cid] == matches


def test_google_is_not_an_alias_of_alphabet() -> None:
    """Google and Alphabet are separate records, so neither carries the other's name."""
    alphabet, google = by_id("companies")["alphabet"], by_id("companies")["google"]
    expected = ("Alphabet", "Google", ())
    assert expected == (alphabet.name, google.name, alphabet.aliases)


def test_only_reported_takeover_is_xai_by_spacex() -> None:
    """acquired_by is set where a text reports a takeover: 003 on xAI and SpaceX."""
    taken = {c.id: c.acquired_by for c in records("companies") if c.acquired_by is not None}
    expected = {"xai": "spacex"}
    assert expected == taken


def test_korean_companies_record_the_real_country_with_a_note() -> None:
    """Article 002 calls Korean firms German: the data says KR and explains why in a note."""
    cited_by_002 = [c for c in records("companies") if any(s.source_id == S2 for s in c.sources)]
    korean = ["kakao", "kt", "lg-ai-research", "naver-cloud", "nc", "sk-telecom", "upstage"]
    foreign = ["anthropic", "deepseek", "google", "microsoft"]  # named as foreign partners/models
    assert (korean, foreign) == (
        [c.id for c in cited_by_002 if c.country == "KR"],
        [c.id for c in cited_by_002 if c.country != "KR"],
    )
    for company in cited_by_002:
        if company.country == "KR":
            notes = " ".join(s.note or "" for s in company.sources if s.source_id == S2)
            assert "South Korean" in notes, company.id


# --- investors ------------------------------------------------------------------------------

INVESTOR_FACTS = [
    # id, kind, country, company_id, aliases
    ("andreessen-horowitz", InvestorKind.VENTURE_CAPITAL, "US", None, ("a16z",)),
    ("asml", InvestorKind.CORPORATE, "NL", "asml", ()),
    ("bpifrance", InvestorKind.STATE_BANK, "FR", None, ()),
    ("dst-global", InvestorKind.GROWTH_EQUITY, None, None, ()),
    ("general-catalyst", InvestorKind.VENTURE_CAPITAL, "US", None, ()),
    ("humain", InvestorKind.SOVEREIGN, "SA", "humain", ()),
    ("nvidia", InvestorKind.CORPORATE, "US", "nvidia", ()),
]


@pytest.mark.parametrize(
    ("iid", "kind", "country", "company_id", "aliases"),
    INVESTOR_FACTS,
    ids=[i[0] for i in INVESTOR_FACTS],
)
def test_investor_facts(
    iid: str,
    kind: InvestorKind,
    country: str | None,
    company_id: str | None,
    aliases: tuple[str, ...],
) -> None:
    """Kind, country, company link and aliases of every investor, checked by hand."""
    investor = by_id("investors")[iid]
    assert (kind, country, company_id, aliases) == (
        investor.kind,
        investor.country,
        investor.company_id,
        investor.aliases,
    )


def test_investors_are_exactly_those_named_in_rounds() -> None:
    """Every investor named in a round has a record, and every record takes part in a round."""
    named = {p.investor_id for r in records("funding_rounds") for p in r.participants}
    assert {i[0] for i in INVESTOR_FACTS} == set(by_id("investors")) == named


def test_investor_that_is_a_company_shares_its_id() -> None:
    """An investor linked to a Company record uses the company's id."""
    linked = [(i.id, i.company_id) for i in records("investors") if i.company_id is not None]
    assert [(a, a) for a, _ in linked] == linked


# --- funding rounds -------------------------------------------------------------------------

AT_LEAST_100M = usd("100000000", Q.AT_LEAST)
ROUND_FACTS = [
    # id, company, type, announced, amount, valuation
    (
        "anthropic-series-f-2025",
        "anthropic",
        RoundType.SERIES_F,
        "2025-09-02",
        usd("13000000000"),
        usd("183000000000"),
    ),
    (
        "anthropic-series-g-2026",
        "anthropic",
        RoundType.SERIES_G,
        "2026",
        usd("30000000000", Q.APPROX),
        usd("380000000000", Q.APPROX),
    ),
    ("arena-unknown-2026", "arena", RoundType.UNKNOWN, "2026", AT_LEAST_100M, None),
    ("baseten-unknown-2026", "baseten", RoundType.UNKNOWN, "2026", AT_LEAST_100M, None),
    ("deepgram-unknown-2026", "deepgram", RoundType.UNKNOWN, "2026", AT_LEAST_100M, None),
    ("elevenlabs-unknown-2026", "elevenlabs", RoundType.UNKNOWN, "2026", AT_LEAST_100M, None),
    ("fundamental-unknown-2026", "fundamental", RoundType.UNKNOWN, "2026", AT_LEAST_100M, None),
    ("goodfire-unknown-2026", "goodfire", RoundType.UNKNOWN, "2026", AT_LEAST_100M, None),
    ("humans-and-unknown-2026", "humans-and", RoundType.UNKNOWN, "2026", AT_LEAST_100M, None),
    ("inferact-unknown-2026", "inferact", RoundType.UNKNOWN, "2026", AT_LEAST_100M, None),
    (
        "luma-series-c-2025",
        "luma",
        RoundType.SERIES_C,
        "2025-11-19",
        usd("900000000"),
        usd("4000000000", Q.APPROX),
    ),
    ("luma-unknown-earlier", "luma", RoundType.UNKNOWN, None, None, None),
    (
        "mistral-ai-series-c-2025",
        "mistral-ai",
        RoundType.SERIES_C,
        "2025-09-09",
        usd("2000000000", Q.APPROX),
        usd("14000000000", Q.NEARLY),
    ),
    ("openevidence-unknown-2026", "openevidence", RoundType.UNKNOWN, "2026", AT_LEAST_100M, None),
    (
        "palebluedot-ai-unknown-2026",
        "palebluedot-ai",
        RoundType.UNKNOWN,
        "2026",
        AT_LEAST_100M,
        None,
    ),
    ("runway-unknown-2026", "runway", RoundType.UNKNOWN, "2026", AT_LEAST_100M, None),
    ("skildai-unknown-2026", "skildai", RoundType.UNKNOWN, "2026", AT_LEAST_100M, None),
    (
        "xai-series-e-2026",
        "xai",
        RoundType.SERIES_E,
        "2026",
        usd("20000000000", Q.APPROX),
        None,
    ),
]


@pytest.mark.parametrize(
    ("rid", "company_id", "round_type", "announced", "amount", "valuation"),
    ROUND_FACTS,
    ids=[r[0] for r in ROUND_FACTS],
)
def test_round_facts(
    rid: str,
    company_id: str,
    round_type: RoundType,
    announced: str | None,
    amount: Amount | None,
    valuation: Amount | None,
) -> None:
    """Company, type, date, amount and valuation (hedge and currency included) of every round."""
    funding_round = by_id("funding_rounds")[rid]
    assert (
        company_id,
        round_type,
        None if announced is None else day(announced),
        amount,
        valuation,
    ) == (
        funding_round.company_id,
        funding_round.round_type,
        funding_round.announced,
        funding_round.amount,
        funding_round.valuation,
    )


def test_round_ids_follow_the_documented_rule() -> None:
    """A round id is company-type-year; an undated round has a word in place of the year."""
    expected = {"luma-unknown-earlier": "luma-unknown-earlier"}
    actual = {}
    for funding_round in records("funding_rounds"):
        stem = f"{funding_round.company_id}-{funding_round.round_type.value.replace('_', '-')}"
        year = "earlier" if funding_round.announced is None else funding_round.announced.year
        built = f"{stem}-{year}"
        if built != funding_round.id or funding_round.announced is None:
            actual[funding_round.id] = built
    assert expected == actual


def test_rounds_are_exactly_the_fact_table() -> None:
    """Every reported round is in the data, and nothing else."""
    assert {r[0] for r in ROUND_FACTS} == set(by_id("funding_rounds"))


def test_the_17_us_rounds_are_not_double_counted() -> None:
    """003's 17 rounds: Anthropic and xAI once each (with their own figures), 14 named in all."""
    from_003 = [r for r in records("funding_rounds") if r.announced == day("2026")]
    per_company = [r.company_id for r in from_003]
    assert len(per_company) == len(set(per_company))
    named, without_own_figure = 14, 12
    assert named == len(from_003)
    assert without_own_figure == sum(r.amount == AT_LEAST_100M for r in from_003)
    assert all(any(s.source_id == S3 for s in r.sources) for r in from_003)


NEW_LABS = ["fundamental", "goodfire", "humans-and"]


@pytest.mark.parametrize("cid", NEW_LABS)
def test_new_labs_of_003_cite_the_floor_and_their_naming(cid: str) -> None:
    """Goodfire, Fundamental and humans& have a floor round citing both quotes, with the reading."""
    funding_round = by_id("funding_rounds")[f"{cid}-unknown-2026"]
    quotes = " ".join(s.quote for s in funding_round.sources)
    notes = _notes(funding_round)
    expected = (True, True, True, True, False)
    assert expected == (
        "jeweils mindestens 100 Millionen Dollar" in quotes,
        "Goodfire, Fundamental oder humans&" in quotes,
        "17" in notes and "floor" in notes,
        "does not spell out" in notes,
        "records none" in _notes(by_id("companies")[cid]),
    )


PARTICIPANT_FACTS = [
    # round, investor, lead, amount, stake
    ("luma-series-c-2025", "humain", True, None, None),
    ("luma-unknown-earlier", "nvidia", False, None, None),
    (
        "mistral-ai-series-c-2025",
        "asml",
        True,
        eur("1300000000"),
        Amount(D("11"), unit="%"),
    ),
    ("mistral-ai-series-c-2025", "andreessen-horowitz", False, None, None),
    ("mistral-ai-series-c-2025", "bpifrance", False, None, None),
    ("mistral-ai-series-c-2025", "dst-global", False, None, None),
    ("mistral-ai-series-c-2025", "general-catalyst", False, None, None),
    ("mistral-ai-series-c-2025", "nvidia", False, None, None),
]


@pytest.mark.parametrize(
    ("rid", "iid", "lead", "amount", "stake"),
    PARTICIPANT_FACTS,
    ids=[f"{p[0]}-{p[1]}" for p in PARTICIPANT_FACTS],
)
def test_participant_facts(
    rid: str, iid: str, lead: bool, amount: Amount | None, stake: Amount | None
) -> None:
    """Lead flag, amount (original currency) and stake of every participation."""
    participants = {p.investor_id: p for p in by_id("funding_rounds")[rid].participants}
    found = participants[iid]
    assert (lead, amount, stake) == (found.lead, found.amount, found.stake)


def test_participants_are_exactly_the_fact_table() -> None:
    """No round has a participant the fact table does not list."""
    found = {(r.id, p.investor_id) for r in records("funding_rounds") for p in r.participants}
    assert {(p[0], p[1]) for p in PARTICIPANT_FACTS} == found


def test_two_currency_deal_cites_both_figures() -> None:
    """ASML's share keeps the euro figure and cites both the euro and the dollar figure."""
    mistral = by_id("funding_rounds")["mistral-ai-series-c-2025"]
    quotes = " ".join(s.quote for s in mistral.sources)
    assert ("1,3 Mrd. Euro" in quotes, "1,5 Mrd. USD" in quotes) == (True, True)
    assert any("euro figure" in (s.note or "") for s in mistral.sources)


HEDGE_WORDS = {
    Q.APPROX: ("rund", "etwa", "um "),
    Q.NEARLY: ("fast",),
    Q.MORE_THAN: ("mehr als",),
    Q.AT_LEAST: ("mindestens",),
}
HEDGED = [
    (f"{r.id}.{field}", r, getattr(r, field))
    for r in records("funding_rounds")
    for field in ("amount", "valuation")
    if getattr(r, field) is not None and getattr(r, field).qualifier in HEDGE_WORDS
]


@pytest.mark.parametrize(("where", "record", "amount"), HEDGED, ids=[h[0] for h in HEDGED])
def test_hedged_amount_quotes_its_hedge(where: str, record: FundingRound, amount: Amount) -> None:
    """A hedged figure cites a quote with the hedge word ("rund", "fast", "mindestens", ...)."""
    words = HEDGE_WORDS[amount.qualifier]
    assert any(word in s.quote for s in record.sources for word in words), where


# --- policies -------------------------------------------------------------------------------

POLICY_FACTS = [
    # id, jurisdiction, kind, status, announced, budget
    ("digital-markets-act", "EU", PolicyKind.REGULATION, PolicyStatus.IN_FORCE, None, None),
    ("digital-services-act", "EU", PolicyKind.REGULATION, PolicyStatus.IN_FORCE, None, None),
    (
        "draghi-investment-proposal",
        "EU",
        PolicyKind.PROPOSAL,
        PolicyStatus.PROPOSED,
        "2024-09-09",
        Amount.range(D("750000000000"), D("800000000000"), "EUR"),
    ),
    ("eu-ai-act", "EU", PolicyKind.REGULATION, PolicyStatus.IN_FORCE, None, None),
    (
        "eu-ai-innovation-package",
        "EU",
        PolicyKind.FUNDING_PROGRAMME,
        PolicyStatus.ADOPTED,
        "2024",
        eur("3000000000"),
    ),
    ("gdpr", "EU", PolicyKind.REGULATION, PolicyStatus.IN_FORCE, None, None),
    (
        "korea-foundation-model-project",
        "KR",
        PolicyKind.FUNDING_PROGRAMME,
        PolicyStatus.ONGOING,
        "2025",
        None,
    ),
    (
        "stargate",
        "US",
        PolicyKind.INVESTMENT_INITIATIVE,
        PolicyStatus.ANNOUNCED,
        "2025-01-21",
        usd("500000000000"),
    ),
    (
        "us-ai-chip-export-controls",
        "US",
        PolicyKind.EXPORT_CONTROL,
        PolicyStatus.ONGOING,
        None,
        None,
    ),
    (
        "us-ai-diffusion-rule",
        "US",
        PolicyKind.EXPORT_CONTROL,
        PolicyStatus.WITHDRAWN,
        "2025-01-13",
        None,
    ),
]


@pytest.mark.parametrize(
    ("pid", "jurisdiction", "kind", "status", "announced", "budget"),
    POLICY_FACTS,
    ids=[p[0] for p in POLICY_FACTS],
)
def test_policy_facts(
    pid: str,
    jurisdiction: str,
    kind: PolicyKind,
    status: PolicyStatus,
    announced: str | None,
    budget: Amount | None,
) -> None:
    """Jurisdiction, kind, status, date and budget of every policy, checked by hand."""
    policy = by_id("policies")[pid]
    assert (
        jurisdiction,
        kind,
        status,
        None if announced is None else day(announced),
        budget,
    ) == (policy.jurisdiction, policy.kind, policy.status, policy.announced, policy.budget)


def test_policies_are_exactly_the_fact_table() -> None:
    """Every policy the articles discuss is in the data, and nothing else."""
    assert {p[0] for p in POLICY_FACTS} == set(by_id("policies"))


@pytest.mark.parametrize(
    ("pid", "words"),
    [
        ("draghi-investment-proposal", ("800 Milliarden Dollar", "EURO")),
        ("korea-foundation-model-project", ("Deutschlands", "KR")),
        ("stargate", ("rein private", "SoftBank")),
        ("eu-ai-innovation-package", ("letztes Jahr", "2024")),
    ],
    ids=lambda v: v if isinstance(v, str) else "-",
)
def test_policy_traps_are_explained(pid: str, words: tuple[str, ...]) -> None:
    """Where a text is wrong or vague, the citations say what the record holds and why."""
    text = " ".join(f"{s.quote} {s.note or ''}" for s in by_id("policies")[pid].sources)
    missing: list[str] = []
    assert missing == [word for word in words if word not in text]


# --- facts from outside the texts are noted -------------------------------------------------

OUTSIDE_MARKERS = ("not in the text", "outside the text", "The text gives the founding year")


def _notes(record: Any) -> str:
    return " ".join(s.note or "" for s in record.sources)


def _quotes(record: Any) -> str:
    return " ".join(s.quote for s in record.sources)


@pytest.mark.parametrize("company", records("companies"), ids=lambda c: c.id)
def test_company_fact_from_outside_the_text_is_noted(company: Company) -> None:
    """A founding year or headquarters that no quote gives carries a note saying so."""
    quotes = _quotes(company)
    from_outside = [
        value
        for value in (company.founded, company.headquarters)
        if value is not None and str(value) not in quotes
    ]
    if from_outside:
        assert any(marker in _notes(company) for marker in OUTSIDE_MARKERS), from_outside


DAY_DATED = [
    (r.id, r)
    for kind in ("funding_rounds", "policies")
    for r in records(kind)
    if r.announced is not None and r.announced.precision is Precision.DAY
]


@pytest.mark.parametrize(("rid", "record"), DAY_DATED, ids=[d[0] for d in DAY_DATED])
def test_day_from_outside_the_text_is_noted(rid: str, record: Any) -> None:
    """No article dates an announcement to the day, so every day-precise date has a note."""
    assert "outside the text" in _notes(record), rid


# --- round-trip and integrity ---------------------------------------------------------------

EVERY_RECORD = [(f"{kind}:{r.id}", r) for kind in KINDS for r in records(kind)]


@pytest.mark.parametrize(("rid", "record"), EVERY_RECORD, ids=[e[0] for e in EVERY_RECORD])
def test_record_round_trips(rid: str, record: Any) -> None:
    """from_json(to_json(record)) == record for every bundled record."""
    assert record == from_json(to_json(record), type(record))


@pytest.mark.parametrize("kind", list(KINDS))
def test_file_is_in_canonical_form(kind: str) -> None:
    """Each file is exactly to_json(records sorted by id, indent=2): reviewable diffs."""
    ordered = sorted(records(kind), key=lambda r: r.id)
    assert to_json(ordered, indent=2) + "\n" == _file_text(kind)


@pytest.mark.parametrize("kind", list(KINDS))
def test_ids_are_unique(kind: str) -> None:
    """No id appears twice within a kind."""
    ids = [r.id for r in records(kind)]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("kind", ["companies", "investors", "policies"])
def test_names_and_aliases_are_unambiguous(kind: str) -> None:
    """Ids, names and aliases name one record each, ignoring case and accents."""
    owners: dict[str, set[str]] = {}
    for record in records(kind):
        for name in {record.id, record.name, *record.aliases}:
            owners.setdefault(fold(name), set()).add(record.id)
    ambiguous: dict[str, set[str]] = {}
    assert ambiguous == {name: ids for name, ids in owners.items() if len(ids) > 1}


def test_references_resolve() -> None:
    """Rounds, participants, investors, acquisitions and citations name existing records."""
    companies, investors, sources = by_id("companies"), by_id("investors"), by_id("sources")
    dangling = [
        *(r.id for r in records("funding_rounds") if r.company_id not in companies),
        *(
            f"{r.id}:{p.investor_id}"
            for r in records("funding_rounds")
            for p in r.participants
            if p.investor_id not in investors
        ),
        *(i.id for i in records("investors") if i.company_id not in (None, *companies)),
        *(c.id for c in records("companies") if c.acquired_by not in (None, *companies)),
        *(cid for cid, c in CITATIONS if c.source_id not in sources),
    ]
    expected: list[str] = []
    assert expected == dangling


def test_every_record_is_cited() -> None:
    """Every company, investor, round and policy has at least one citation."""
    uncited: list[str] = []
    assert uncited == [r.id for r in all_records() if not r.sources]


def test_every_source_is_cited() -> None:
    """Each of the five articles contributes at least one quote."""
    assert set(by_id("sources")) == {c.source_id for _, c in CITATIONS}


def test_load_returns_the_bundled_records() -> None:
    """aieco.load() accepts the bundled files and holds exactly their records."""
    dataset = aieco.load()
    loaded = {
        "sources": dataset.sources,
        "companies": dataset.companies,
        "investors": dataset.investors,
        "funding_rounds": dataset.funding_rounds,
        "policies": dataset.policies,
    }
    assert {k: records(k) for k in KINDS} == {k: tuple(v) for k, v in loaded.items()}
