"""The records of the AI ecosystem: companies, funding rounds, investors, policies and sources.

Every class is a frozen, slotted attrs class validated at construction: a bad value raises
`ValidationError` naming the field (``Company.country: 'XX' is not ...``),
a value of the wrong type raises TypeError. Collections are tuples, so records are hashable.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from typing import Any

import attrs

from aieco._checks import Checks, check_country, check_id, check_text, fail
from aieco._labels import evaluable_repr
from aieco.dates import PartialDate
from aieco.money import PERCENT, Amount

__all__ = [
    "Citation",
    "Company",
    "CompanyCategory",
    "FundingRound",
    "Investor",
    "InvestorKind",
    "Participation",
    "Policy",
    "PolicyKind",
    "PolicyStatus",
    "RoundType",
    "Source",
]


class RoundType(enum.Enum):
    """The kind of a funding round."""

    __repr__ = evaluable_repr

    PRE_SEED = "pre_seed"
    SEED = "seed"
    SERIES_A = "series_a"
    SERIES_B = "series_b"
    SERIES_C = "series_c"
    SERIES_D = "series_d"
    SERIES_E = "series_e"
    SERIES_F = "series_f"
    SERIES_G = "series_g"
    SERIES_H = "series_h"
    GROWTH = "growth"
    STRATEGIC = "strategic"
    CORPORATE = "corporate"
    SECONDARY = "secondary"
    GRANT = "grant"
    DEBT = "debt"
    UNKNOWN = "unknown"


class InvestorKind(enum.Enum):
    """What kind of money an investor brings."""

    __repr__ = evaluable_repr

    VENTURE_CAPITAL = "venture_capital"
    GROWTH_EQUITY = "growth_equity"
    PRIVATE_EQUITY = "private_equity"
    CORPORATE = "corporate"
    SOVEREIGN = "sovereign"  # sovereign and state-backed funds and companies
    STATE_BANK = "state_bank"
    GOVERNMENT = "government"
    INDIVIDUAL = "individual"
    ASSET_MANAGER = "asset_manager"
    OTHER = "other"


class CompanyCategory(enum.Enum):
    """What a company does in the AI ecosystem."""

    __repr__ = evaluable_repr

    AI_LAB = "ai_lab"  # develops foundation or frontier models
    AI_INFRASTRUCTURE = "ai_infrastructure"  # inference, compute, deployment, evaluation, tools
    AI_APPLICATION = "ai_application"  # products built on models: voice, media, medicine, ...
    ROBOTICS = "robotics"
    CHIPS = "chips"  # designs processors (GPUs, accelerators)
    SEMICONDUCTOR_EQUIPMENT = "semiconductor_equipment"
    CLOUD = "cloud"
    BIG_TECH = "big_tech"
    INTERNET = "internet"  # platforms, search, social media, e-commerce
    TELECOM = "telecom"
    GAMING = "gaming"
    AEROSPACE = "aerospace"
    INVESTMENT = "investment"  # investment firms and holding companies
    CONSUMER = "consumer"
    OTHER = "other"


class PolicyKind(enum.Enum):
    """What kind of public measure a policy is."""

    __repr__ = evaluable_repr

    REGULATION = "regulation"
    FUNDING_PROGRAMME = "funding_programme"
    INVESTMENT_INITIATIVE = "investment_initiative"
    PROPOSAL = "proposal"
    EXPORT_CONTROL = "export_control"
    STRATEGY = "strategy"
    OTHER = "other"


class PolicyStatus(enum.Enum):
    """Where a policy stands."""

    __repr__ = evaluable_repr

    PROPOSED = "proposed"
    ANNOUNCED = "announced"
    ADOPTED = "adopted"
    IN_FORCE = "in_force"
    ONGOING = "ongoing"
    WITHDRAWN = "withdrawn"
    UNKNOWN = "unknown"


# --- shared field helpers -------------------------------------------------------------------


def _tuple(value: Iterable[Any]) -> tuple[Any, ...]:
    """Attrs converter: lists and tuples become tuples; a lone str is refused, not split."""
    if isinstance(value, str | bytes) or not isinstance(value, list | tuple):
        raise TypeError(f"expected a tuple or list, not {type(value).__name__}")
    return tuple(value)


def _check_items(owner: object, field: str, items: tuple[Any, ...], kind: type) -> None:
    for index, item in enumerate(items):
        if not isinstance(item, kind):
            raise TypeError(
                f"{type(owner).__name__}.{field}[{index}] must be a {kind.__name__}, "
                f"not {type(item).__name__}"
            )


def _check_enum(owner: object, field: str, value: object, kind: type[enum.Enum]) -> None:
    if not isinstance(value, kind):
        raise TypeError(
            f"{type(owner).__name__}.{field} must be a {kind.__name__}, not {type(value).__name__}"
        )


def _check_optional(owner: object, field: str, value: object, kind: type) -> None:
    if value is not None and not isinstance(value, kind):
        raise TypeError(
            f"{type(owner).__name__}.{field} must be a {kind.__name__} or None, "
            f"not {type(value).__name__}"
        )


def _check_aliases(owner: Any) -> None:
    _check_items(owner, "aliases", owner.aliases, str)
    for index, alias in enumerate(owner.aliases):
        check_text(owner, f"aliases[{index}]", alias)
    if len(set(owner.aliases)) != len(owner.aliases):
        fail(owner, "aliases", owner.aliases, "must not repeat an alias")


def _check_sources(owner: Any) -> None:
    _check_items(owner, "sources", owner.sources, Citation)


def _check_money_amount(owner: object, field: str, amount: Amount | None) -> None:
    """A money amount: a currency unit and no negative bound."""
    if amount is None:
        return
    _check_optional(owner, field, amount, Amount)
    if amount.currency is None:
        fail(owner, f"{field}.unit", amount.unit, "is not a currency code")
    if amount.low < 0:
        fail(owner, f"{field}.low", amount.low, "must not be negative")


# --- records --------------------------------------------------------------------------------


@attrs.frozen
class Citation:
    """Where a fact comes from: a verbatim ``quote`` from source ``source_id``.

    ``note`` explains anything the quote alone does not: a fact taken from outside the text, or
    where the text is wrong and what the record holds instead.
    """

    source_id: str
    quote: str
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        with Checks() as check:
            check(check_id, self, "source_id", self.source_id)
            check(check_text, self, "quote", self.quote)
            check(check_text, self, "note", self.note, optional=True)


@attrs.frozen
class Source:
    """A text the dataset was read from (only its metadata and quotes are shipped)."""

    id: str
    title: str
    published: PartialDate | None = None
    language: str = "de"
    publisher: str | None = None
    note: str | None = None

    def __attrs_post_init__(self) -> None:
        with Checks() as check:
            check(check_id, self, "id", self.id)
            check(check_text, self, "title", self.title)
            check(_check_optional, self, "published", self.published, PartialDate)
            check(check_text, self, "language", self.language)
            check(check_text, self, "publisher", self.publisher, optional=True)
            check(check_text, self, "note", self.note, optional=True)


@attrs.frozen
class Company:
    """A company of the AI ecosystem."""

    id: str
    name: str
    country: str | None = None
    category: CompanyCategory = CompanyCategory.OTHER
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    founded: int | None = None
    headquarters: str | None = None
    description: str | None = None
    acquired_by: str | None = None
    sources: tuple[Citation, ...] = attrs.field(default=(), converter=_tuple)

    def __attrs_post_init__(self) -> None:
        with Checks() as check:
            check(check_id, self, "id", self.id)
            check(check_text, self, "name", self.name)
            check(check_country, self, "country", self.country)
            check(_check_enum, self, "category", self.category, CompanyCategory)
            _check_aliases(self)
            if self.founded is not None:
                if isinstance(self.founded, bool) or not isinstance(self.founded, int):
                    raise TypeError(
                        f"Company.founded must be an int or None, not {type(self.founded).__name__}"
                    )
                if not 1600 <= self.founded <= 2100:
                    check.fail(
                        self,
                        "founded",
                        self.founded,
                        "is not a plausible founding year (1600-2100)",
                    )
            check(check_text, self, "headquarters", self.headquarters, optional=True)
            check(check_text, self, "description", self.description, optional=True)
            check(check_id, self, "acquired_by", self.acquired_by, optional=True)
            if self.acquired_by == self.id:
                check.fail(self, "acquired_by", self.acquired_by, "must not be the company itself")
            _check_sources(self)


@attrs.frozen
class Participation:
    """An investor's part in a funding round: lead or not, amount and stake where reported."""

    investor_id: str
    lead: bool = False
    amount: Amount | None = None
    stake: Amount | None = None

    def __attrs_post_init__(self) -> None:
        with Checks() as check:
            check(check_id, self, "investor_id", self.investor_id)
            if not isinstance(self.lead, bool):
                raise TypeError(
                    f"Participation.lead must be a bool, not {type(self.lead).__name__}"
                )
            check(_check_money_amount, self, "amount", self.amount)
            if self.stake is not None:
                check(_check_optional, self, "stake", self.stake, Amount)
                if self.stake.unit != PERCENT:
                    check.fail(self, "stake.unit", self.stake.unit, "must be '%' for a stake")
                if self.stake.low < 0:
                    check.fail(self, "stake.low", self.stake.low, "must not be negative")
                if self.stake.high > 100:
                    check.fail(self, "stake.high", self.stake.high, "must not exceed 100 %")


@attrs.frozen
class FundingRound:
    """A financing round of a company, as reported: amounts keep their hedge and currency."""

    id: str
    company_id: str
    round_type: RoundType = RoundType.UNKNOWN
    announced: PartialDate | None = None
    amount: Amount | None = None
    valuation: Amount | None = None
    participants: tuple[Participation, ...] = attrs.field(default=(), converter=_tuple)
    sources: tuple[Citation, ...] = attrs.field(default=(), converter=_tuple)

    def __attrs_post_init__(self) -> None:
        with Checks() as check:
            check(check_id, self, "id", self.id)
            check(check_id, self, "company_id", self.company_id)
            check(_check_enum, self, "round_type", self.round_type, RoundType)
            check(_check_optional, self, "announced", self.announced, PartialDate)
            check(_check_money_amount, self, "amount", self.amount)
            check(_check_money_amount, self, "valuation", self.valuation)
            check(_check_items, self, "participants", self.participants, Participation)
            ids = [p.investor_id for p in self.participants]
            if len(set(ids)) != len(ids):
                check.fail(self, "participants", ids, "must not name an investor twice")
            _check_sources(self)

    @property
    def leads(self) -> tuple[str, ...]:
        """The ids of the investors that led the round."""
        return tuple(p.investor_id for p in self.participants if p.lead)


@attrs.frozen
class Investor:
    """Someone who puts money into rounds; ``company_id`` links to its Company record if any."""

    id: str
    name: str
    kind: InvestorKind = InvestorKind.OTHER
    country: str | None = None
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    company_id: str | None = None
    sources: tuple[Citation, ...] = attrs.field(default=(), converter=_tuple)

    def __attrs_post_init__(self) -> None:
        with Checks() as check:
            check(check_id, self, "id", self.id)
            check(check_text, self, "name", self.name)
            check(_check_enum, self, "kind", self.kind, InvestorKind)
            check(check_country, self, "country", self.country)
            _check_aliases(self)
            check(check_id, self, "company_id", self.company_id, optional=True)
            _check_sources(self)


@attrs.frozen
class Policy:
    """A regulation, programme, initiative, proposal or control discussed in the sources."""

    id: str
    name: str
    jurisdiction: str
    kind: PolicyKind
    status: PolicyStatus = PolicyStatus.UNKNOWN
    aliases: tuple[str, ...] = attrs.field(default=(), converter=_tuple)
    announced: PartialDate | None = None
    budget: Amount | None = None
    description: str | None = None
    sources: tuple[Citation, ...] = attrs.field(default=(), converter=_tuple)

    def __attrs_post_init__(self) -> None:
        with Checks() as check:
            check(check_id, self, "id", self.id)
            check(check_text, self, "name", self.name)
            if self.jurisdiction is None:
                check.fail(
                    self, "jurisdiction", None, "is required: 'EU' or an ISO 3166-1 alpha-2 code"
                )
            check(check_country, self, "jurisdiction", self.jurisdiction, allow_eu=True)
            check(_check_enum, self, "kind", self.kind, PolicyKind)
            check(_check_enum, self, "status", self.status, PolicyStatus)
            _check_aliases(self)
            check(_check_optional, self, "announced", self.announced, PartialDate)
            check(_check_money_amount, self, "budget", self.budget)
            check(check_text, self, "description", self.description, optional=True)
            _check_sources(self)


def _repr_html_(self: object) -> str:
    """A small HTML card for Jupyter: key fields, amounts in German, citations folded."""
    from aieco._html import record_html

    return record_html(self)


# The views live in aieco._html; every record type shows as a card in a notebook.
for _cls in (Citation, Source, Company, Participation, FundingRound, Investor, Policy):
    _cls._repr_html_ = _repr_html_  # type: ignore[union-attr]
