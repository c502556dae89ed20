"""From an article to cited records: `read_article`, `Draft`, `Conflict`."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

import attrs

from aieco._fold import fold
from aieco.dataset import Dataset
from aieco.model import (
    Citation,
    Company,
    FundingRound,
    Investor,
    Participation,
    RoundType,
    Source,
)
from aieco.money import Amount, in_exact_context
from aieco.rounds._extract import extract_rounds
from aieco.rounds._types import RoundMention, Span

if TYPE_CHECKING:
    from aieco.rounds._types import NameFinder

__all__ = ["Conflict", "Draft", "read_article"]

_NOT_ID = re.compile(r"[^a-z0-9]+")


@attrs.frozen
class Conflict:
    """A fact of the article that differs from a record of the known dataset.

    The draft keeps the known record as it is; the conflict says what the text says instead,
    with the words it says it in (``evidence``), for a reviewer to decide.
    """

    record_id: str
    field: str
    known: str
    found: str
    evidence: Span | None

    def __str__(self) -> str:
        where = f" ({self.evidence.text!r})" if self.evidence is not None else ""
        return (
            f"{self.record_id}.{self.field}: known {self.known}, the text says {self.found}{where}"
        )


class Draft(Dataset):
    """The records one article reports, each fact cited: a `Dataset` to review.

    Besides the records it holds ``rounds`` (the `RoundMention` objects it was built
    from) and ``conflicts`` (facts that differ from the known dataset, which the draft does
    not overwrite). ``known.merge(draft)`` adds the new records.
    """

    __slots__ = ("conflicts", "rounds")
    conflicts: tuple[Conflict, ...]
    rounds: tuple[RoundMention, ...]

    def __repr__(self) -> str:
        return f"<Draft: {super().__repr__()[1:-1]}; {len(self.conflicts)} conflicts>"


@in_exact_context
def read_article(
    text: str,
    *,
    source: Source,
    known: Dataset | None = None,
    locale: Any = "de_DE",
    names: NameFinder | None = None,
) -> Draft:
    """The companies, investors, funding rounds and participations ``text`` reports, as records.

    Every record cites ``source`` with the sentence it was read from (a verbatim quote).
    Names found in ``known`` (by name or alias) reuse its records unchanged; other names become
    new records with ids made from their names. A round that ``known`` already holds (same
    company and the same round type or amount) is kept as it is there: where the text
    differs, a `Conflict` says so instead of overwriting it.

    Raises:
        TypeError: ``text`` is not a str, ``source`` not a Source, ``known`` not a Dataset.
        UnsupportedLocale: an unknown ``locale``.

    Examples:
        >>> from aieco import Source
        >>> draft = read_article(
        ...     "Das Wiener Start-up Xaver sammelt 4 Mio. Euro ein. Angeführt wird die Runde "
        ...     "von Speedinvest.",
        ...     source=Source("xaver-news", "Xaver sammelt 4 Mio. Euro ein"),
        ... )
        >>> [r.id for r in draft.funding_rounds]
        ['xaver-unknown-undated']
        >>> draft.funding_rounds[0].sources[0].quote
        'Das Wiener Start-up Xaver sammelt 4 Mio. Euro ein.'
    """
    if not isinstance(source, Source):
        raise TypeError(f"source must be a Source, not {type(source).__name__}")
    mentions = extract_rounds(text, locale=locale, known=known, names=names)
    return _Builder(source, known).build(mentions)


class _Builder:
    def __init__(self, source: Source, known: Dataset | None) -> None:
        self.source = source
        self.known = known
        self.companies: dict[str, Company] = {}
        self.investors: dict[str, Investor] = {}
        self.rounds: dict[str, FundingRound] = {}
        self.sources: dict[str, Source] = {source.id: source}
        self.conflicts: list[Conflict] = []
        self.taken: dict[str, set[str]] = {"companies": set(), "investors": set()}
        if known is not None:
            self.taken["companies"] = {c.id for c in known.companies}
            self.taken["investors"] = {i.id for i in known.investors}

    def build(self, mentions: list[RoundMention]) -> Draft:
        for mention in mentions:
            self._round(mention)
        draft = Draft.__new__(Draft)
        Dataset.__init__(
            draft,
            sources=self.sources.values(),
            companies=self.companies.values(),
            investors=self.investors.values(),
            funding_rounds=self.rounds.values(),
        )
        object.__setattr__(draft, "conflicts", tuple(self.conflicts))
        object.__setattr__(draft, "rounds", tuple(mentions))
        return draft

    def _cite(self, span: Span, note: str | None = None) -> Citation:
        return Citation(self.source.id, span.text.strip(), note)

    def _sentence(self, mention: RoundMention, span: Span | None) -> Span:
        """The sentence of the mention that holds ``span`` (the first one if None)."""
        if span is not None:
            for sentence in mention.sentences:
                if sentence.start <= span.start and span.end <= sentence.end:
                    return sentence
        return mention.sentences[0]

    def _company(self, mention: RoundMention) -> str:
        if mention.company_id is not None and self.known is not None:
            record = self.known.company(mention.company_id)
            self._include(record)
            return record.id
        key = fold(mention.company)
        for record in self.companies.values():
            if fold(record.name) == key:
                return record.id
        new_id = self._new_id("companies", mention.company)
        self.companies[new_id] = Company(
            new_id,
            mention.company,
            sources=(self._cite(self._sentence(mention, mention.company_span)),),
        )
        return new_id

    def _investor(self, mention: RoundMention, name: str, span: Span, known_id: str | None) -> str:
        if known_id is not None and self.known is not None:
            record = self.known.investor(known_id)
            self._include(record)
            return record.id
        key = fold(name)
        for investor in self.investors.values():
            if fold(investor.name) == key:
                return investor.id
        new_id = self._new_id("investors", name)
        self.investors[new_id] = Investor(
            new_id, name, sources=(self._cite(self._sentence(mention, span)),)
        )
        return new_id

    def _include(self, record: Company | Investor | FundingRound | Source) -> None:
        """Put a known record into the draft unchanged, with every record it refers to."""
        assert self.known is not None
        known = self.known
        if isinstance(record, Source):
            self.sources.setdefault(record.id, record)
            return
        tables: dict[type, dict[str, Any]] = {
            Company: self.companies,
            Investor: self.investors,
            FundingRound: self.rounds,
        }
        table = tables[type(record)]
        if table.get(record.id) == record:
            return
        table[record.id] = record
        for citation in record.sources:
            self._include(known.source(citation.source_id))
        if isinstance(record, Company) and record.acquired_by is not None:
            self._include(known.company(record.acquired_by))
        elif isinstance(record, Investor) and record.company_id is not None:
            self._include(known.company(record.company_id))
        elif isinstance(record, FundingRound):
            self._include(known.company(record.company_id))
            for participation in record.participants:
                self._include(known.investor(participation.investor_id))

    def _new_id(self, kind: str, name: str) -> str:
        base = _NOT_ID.sub("-", fold(name)).strip("-") or "unnamed"
        candidate = base
        number = 2
        while candidate in self.taken[kind]:
            candidate = f"{base}-{number}"
            number += 1
        self.taken[kind].add(candidate)
        return candidate

    def _round(self, mention: RoundMention) -> None:
        company_id = self._company(mention)
        participants: list[Participation] = []
        for part in mention.participations:
            investor_id = self._investor(mention, part.name, part.span, part.investor_id)
            if any(p.investor_id == investor_id for p in participants):
                continue
            participants.append(
                Participation(
                    investor_id,
                    lead=part.lead,
                    amount=_money(part.amount),
                    stake=part.stake,
                )
            )
        match = self._known_round(mention, company_id)
        if match is not None:
            self._compare(match, mention, participants)
            self._include(match)
            return
        notes: dict[int, list[str]] = {}
        if mention.amount is not None and _money(mention.amount) is None:
            sentence = self._sentence(mention, mention.amount_span)
            notes.setdefault(sentence.start, []).append(
                f"The amount {mention.amount} has no currency in the text; not recorded."
            )
        sources = tuple(
            self._cite(s, " ".join(notes[s.start]) if s.start in notes else None)
            for s in mention.sentences
        )
        round_id = self._round_id(company_id, mention)
        self.rounds[round_id] = FundingRound(
            round_id,
            company_id,
            round_type=mention.round_type,
            announced=mention.announced,
            amount=_money(mention.amount),
            valuation=_money(mention.valuation),
            participants=participants,
            sources=sources,
        )

    def _round_id(self, company_id: str, mention: RoundMention) -> str:
        when = str(mention.announced.year) if mention.announced is not None else "undated"
        base = f"{company_id}-{mention.round_type.value.replace('_', '-')}-{when}"
        taken = set(self.rounds)
        if self.known is not None:
            taken |= {r.id for r in self.known.funding_rounds}
        candidate = base
        number = 2
        while candidate in taken:
            candidate = f"{base}-{number}"
            number += 1
        return candidate

    def _known_round(self, mention: RoundMention, company_id: str) -> FundingRound | None:
        """The round of ``known`` this mention reports, if any.

        Same company, and the same type, amount or valuation (or, with none of them given,
        the same investors).
        """
        if self.known is None or mention.company_id is None:
            return None
        for candidate in self.known.rounds_for(company_id):
            if (
                mention.round_type is not RoundType.UNKNOWN
                and candidate.round_type is mention.round_type
            ):
                return candidate
            if mention.amount is not None and candidate.amount == mention.amount:
                return candidate
            if mention.valuation is not None and candidate.valuation == mention.valuation:
                return candidate
        for candidate in self.known.rounds_for(company_id):
            ids = {i for i in mention.investor_ids if i is not None}
            if (
                mention.amount is None
                and mention.round_type is RoundType.UNKNOWN
                and ids
                and ids <= {p.investor_id for p in candidate.participants}
            ):
                return candidate
        return None

    def _compare(
        self, known: FundingRound, mention: RoundMention, participants: Iterable[Participation]
    ) -> None:
        def report(field: str, old: object, new: object, span: Span | None) -> None:
            self.conflicts.append(Conflict(known.id, field, _show(old), _show(new), span))

        amount = _money(mention.amount)
        if amount is not None and known.amount is not None and amount != known.amount:
            report("amount", known.amount, amount, mention.amount_span)
        valuation = _money(mention.valuation)
        if valuation is not None and known.valuation is not None and valuation != known.valuation:
            report("valuation", known.valuation, valuation, mention.valuation_span)
        if (
            mention.round_type is not RoundType.UNKNOWN
            and known.round_type is not RoundType.UNKNOWN
            and mention.round_type is not known.round_type
        ):
            report("round_type", known.round_type.value, mention.round_type.value, None)
        found = list(participants)
        leads = {p.investor_id for p in found if p.lead}
        if leads and leads != set(known.leads):
            report("leads", sorted(known.leads), sorted(leads), None)
        new = sorted({p.investor_id for p in found} - {p.investor_id for p in known.participants})
        if new:
            report("participants", sorted(p.investor_id for p in known.participants), new, None)


def _money(amount: Amount | None) -> Amount | None:
    """The amount if a round record can hold it (a currency, not negative), else None."""
    if amount is None or amount.currency is None or amount.low < 0:
        return None
    return amount


def _show(value: object) -> str:
    return str(value)
