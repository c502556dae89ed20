"""Queries: :class:`Query`, an immutable, chainable collection of records, and :class:`Groups`.

A Query is what a :class:`~aieco.Dataset` hands out (``ds.funding_rounds``, ``ds.rounds_for(c)``)
and what every method returns, so questions read as one line::

    ds.funding_rounds.where(region="Europe", since=2025, min_amount="100 Mio. EUR")
    ds.funding_rounds.group_by("region", "year").total("USD")

Criteria are checked and parsed once per :meth:`Query.where` call, never per record. The amount
criteria respect hedges; see :meth:`Query.where` and docs/queries.md for the exact rule.
"""

from __future__ import annotations

import datetime as _dt
import enum
import html
from collections.abc import Callable, Iterable, Iterator, Mapping
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Generic, TypeVar, overload

from aieco._checks import currency_argument
from aieco._fold import fold
from aieco._regions import countries, region_countries, region_of
from aieco.dates import PartialDate, as_partial_date
from aieco.errors import NotFound, Problem, ValidationError
from aieco.model import (
    Company,
    CompanyCategory,
    FundingRound,
    Investor,
    InvestorKind,
    Policy,
    PolicyKind,
    PolicyStatus,
    RoundType,
    Source,
)
from aieco.money import DIRECTION_DOWN, DIRECTION_UP, Amount, Money, Qualifier, sum_amounts

if TYPE_CHECKING:
    import pandas

    from aieco.dataset import Dataset

__all__ = ["Groups", "Query"]

T = TypeVar("T")
Predicate = Callable[[Any], bool]
Key = Callable[[Any], Any]

_PLURAL = {
    Source: ("source", "sources"),
    Company: ("company", "companies"),
    Investor: ("investor", "investors"),
    FundingRound: ("funding round", "funding rounds"),
    Policy: ("policy", "policies"),
}


def _plural(cls: type, count: int) -> str:
    one, many = _PLURAL.get(cls, (f"{cls.__name__} record", f"{cls.__name__} records"))
    return f"{count} {one if count == 1 else many}"


def _singular(cls: type) -> str:
    return _PLURAL.get(cls, (f"{cls.__name__} record", ""))[0]


class Query(Generic[T]):
    """An immutable, chainable collection of records of one type.

    Every method returns a new Query (or a value); the records themselves are frozen. Iterate,
    index (``q[0]``, ``q[:3]``), take ``len(q)``, or ask for :meth:`first` or :meth:`one`.

    A Query that came from a :class:`~aieco.Dataset` knows it, so criteria that follow a
    reference (the ``country`` of a round's company, an ``investor`` by name) work; a Query
    built from bare records (``Query(records)``) supports the criteria on the records' own
    fields only.
    """

    __slots__ = ("_dataset", "_description", "_items", "_type")

    def __init__(
        self,
        items: Iterable[T],
        item_type: type[T] | None = None,
        *,
        dataset: Dataset | None = None,
        description: str = "",
    ) -> None:
        self._items: tuple[T, ...] = tuple(items)
        if item_type is None:
            if not self._items:
                raise TypeError("an empty Query needs its item_type: Query([], Company)")
            item_type = type(self._items[0])
        for index, item in enumerate(self._items):
            if not isinstance(item, item_type):
                raise TypeError(
                    f"Query item {index} is a {type(item).__name__}, not a {item_type.__name__}"
                )
        self._type: type[T] = item_type
        self._dataset = dataset
        self._description = description

    def _derive(self, items: Iterable[T], step: str) -> Query[T]:
        query: Query[T] = Query.__new__(Query)
        query._items = tuple(items)
        query._type = self._type
        query._dataset = self._dataset
        query._description = self._description + step
        return query

    # --- the collection ---------------------------------------------------------------------

    @property
    def item_type(self) -> type[T]:
        """The class of the records (Company, FundingRound, ...)."""
        return self._type

    def __len__(self) -> int:
        return len(self._items)

    def __iter__(self) -> Iterator[T]:
        return iter(self._items)

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> Query[T]: ...
    def __getitem__(self, index: int | slice) -> T | Query[T]:
        if isinstance(index, slice):
            return self._derive(self._items[index], f"[{_slice_text(index)}]")
        return self._items[index]

    def first(self) -> T:
        """The first record; NotFound when the query is empty."""
        if not self._items:
            raise NotFound(self._description or "(any)", _singular(self._type))
        return self._items[0]

    def one(self) -> T:
        """The only record: NotFound when there is none, ValidationError when there are more."""
        if len(self._items) == 1:
            return self._items[0]
        if not self._items:
            raise NotFound(self._description or "(any)", _singular(self._type))
        shown = ", ".join(_label(item) for item in self._items[:5])
        more = ", …" if len(self._items) > 5 else ""
        raise ValidationError(
            f"expected exactly one {_singular(self._type)}, found {len(self._items)}: {shown}{more}"
        )

    def __repr__(self) -> str:
        shown = ", ".join(_label(item) for item in self._items[:5])
        rest = len(self._items) - 5
        if rest > 0:
            shown += f", … ({rest} more)"
        return f"<Query of {_plural(self._type, len(self._items))}{': ' if shown else ''}{shown}>"

    # --- narrowing and ordering -------------------------------------------------------------

    def filter(self, predicate: Callable[[T], bool]) -> Query[T]:
        """The records for which ``predicate(record)`` is true."""
        if not callable(predicate):
            raise TypeError(f"filter() takes a function, not {type(predicate).__name__}")
        name = getattr(predicate, "__name__", "function")
        return self._derive((r for r in self._items if predicate(r)), f".filter({name})")

    def where(self, **criteria: Any) -> Query[T]:
        """The records that meet every criterion.

        Funding rounds: ``company``, ``investor``, ``lead_investor`` (a record, or its id,
        name or alias), ``country`` and ``region`` (of the round's company), ``year``,
        ``since``, ``until``, ``round_type``, ``min_amount``, ``max_amount``. Companies:
        ``name``, ``country``, ``region``, ``category``. Investors: ``name``, ``kind``,
        ``country``, ``region``. Policies: ``name``, ``jurisdiction``, ``region``, ``kind``,
        ``status``, ``year``, ``since``, ``until``. Sources: ``language``, ``year``, ``since``,
        ``until``. A list, tuple or set instead of a single value means any of them.

        * ``region``: ``"EU"`` (the 27 member states), ``"Europe"`` (the EU, the UK, EFTA and
          the rest of geographic Europe except Russia and Turkey) or an ISO code.
        * ``year``/``since``/``until``: an int year, an ISO string ("2025-09"), a PartialDate
          or a date; a record matches when its (partial) date can fall in the span: a round
          dated "2025" is within ``since="2025-09"``. ``year`` is always a whole calendar
          year, the year of the value given (``year="2025-09"`` means 2025; for a month use
          ``since`` and ``until``). Undated records never match.
        * ``min_amount``/``max_amount``: an Amount, a Money or a text for ``parse_amount``
          ("1 Mrd. USD"), compared in its currency after converting each round at its date.
          Hedges count as stated: EXACT and APPROX by their value, NEARLY as just below it,
          MORE_THAN and AT_LEAST give only a lower bound (so "mindestens 100 Mio. USD" never
          meets ``min_amount="1 Mrd. USD"``, and never meets a ``max_amount``), LESS_THAN and
          AT_MOST only an upper bound; a range meets ``min_amount`` by its low end and
          ``max_amount`` by its high end. Rounds without an amount never match.

        An unknown criterion is a TypeError naming the allowed ones; a bad value a
        ValidationError or NotFound.
        """
        if not criteria:
            return self
        table = _CRITERIA.get(self._type)
        if table is None:
            raise TypeError(
                f"a Query of {self._type.__name__} takes no where() criteria; use filter()"
            )
        unknown = sorted(set(criteria) - set(table))
        if unknown:
            raise TypeError(
                f"where() got unknown criteria {', '.join(map(repr, unknown))} for "
                f"{_PLURAL[self._type][1]}; allowed: {', '.join(sorted(table))}"
            )
        predicates = [table[name](self, name, value) for name, value in criteria.items()]
        step = ", ".join(f"{name}={_show(value)}" for name, value in criteria.items())
        items = (r for r in self._items if all(p(r) for p in predicates))
        return self._derive(items, f".where({step})")

    def sort_by(self, key: str | Callable[[T], Any], *, descending: bool = False) -> Query[T]:
        """The records ordered by ``key``: a field name or a function of the record.

        Records whose key is None come last in both directions; ties keep their order.
        Names are those of :meth:`group_by`; an Amount field (``"amount"``, ``"valuation"``,
        ``"budget"``) sorts by its bounds in USD at the record's date.
        """
        get = self._key(key, for_sort=True)
        keyed = [(get(item), item) for item in self._items]
        present = [pair for pair in keyed if pair[0] is not None]
        present.sort(key=lambda pair: pair[0], reverse=descending)
        missing = [item for value, item in keyed if value is None]
        name = key if isinstance(key, str) else getattr(key, "__name__", "function")
        suffix = ", descending=True" if descending else ""
        return self._derive([item for _, item in present] + missing, f".sort_by({name!r}{suffix})")

    # --- aggregates -------------------------------------------------------------------------

    def group_by(self, *keys: str | Callable[[T], Any]) -> Groups[T]:
        """The records grouped by one or more keys, as a mapping of key → Query.

        A key is a field name, one of the derived names (``"country"`` and ``"region"`` of a
        round's company, ``"year"`` of a round's or policy's date, ``"company"`` — the name of
        a round's company) or a function. One key gives plain group keys, several give tuples:
        ``group_by("region", "year")`` has keys like ``("Europe", 2025)``. ``region`` is
        ``"Europe"`` for a European country (the EU as a jurisdiction included), else the ISO
        code. Groups are ordered by key, None last.
        """
        if not keys:
            raise TypeError("group_by() needs at least one key")
        getters = [self._key(key, for_sort=False) for key in keys]
        groups: dict[Any, list[T]] = {}
        for item in self._items:
            group = getters[0](item) if len(getters) == 1 else tuple(g(item) for g in getters)
            groups.setdefault(group, []).append(item)
        names = [k if isinstance(k, str) else getattr(k, "__name__", "function") for k in keys]
        ordered = sorted(groups, key=_group_order)
        return Groups(
            {
                group: self._derive(groups[group], f".group_by({names})[{group!r}]")
                for group in ordered
            },
            tuple(names),
        )

    def total(
        self,
        currency: str = "USD",
        *,
        on: _dt.date | PartialDate | str | None = None,
        rates: Any = None,
    ) -> Amount:
        """The sum of the amounts (funding rounds) or budgets (policies) in ``currency``.

        Each amount is converted at its record's date by the rate rule of :mod:`aieco.fx` (a
        day's rate, or the mean of a month's or year's daily rates; ``on`` overrides the date
        for all; an undated record uses the latest rate) with the rate table in use or the one
        ``rates=`` names (see :func:`aieco.fx.rate_table`); ``currency`` is a code in any case.
        Lows and highs are summed, so the total is a range as
        soon as one amount is. The qualifier is the common one when all agree; otherwise the
        weakest honest one: only EXACT, APPROX and NEARLY → APPROX (EXACT and NEARLY alone →
        NEARLY); with MORE_THAN or AT_LEAST → AT_LEAST; with LESS_THAN or AT_MOST → AT_MOST;
        both directions → APPROX. A record without an amount makes the total AT_LEAST (its
        share is unknown but not negative). An empty query totals 0, exactly.

        Policy budgets are added as recorded: nothing in the model says whether a budget is a
        one-off sum or a yearly one (Draghi's proposal in the bundled data is per year, as its
        description says), so total only budgets that are comparable.
        """
        from aieco.fx import convert, rate_table

        field = _AMOUNT_FIELD.get(self._type)
        if field is None:
            raise TypeError(
                f"total() sums funding round amounts or policy budgets, "
                f"not {_PLURAL.get(self._type, ('', self._type.__name__))[1]}"
            )
        currency = currency_argument(currency, "total(currency)")
        if rates is not None:
            rates = rate_table(rates)  # read once, not once per record
        converted: list[Amount | None] = []
        for item in self._items:
            amount: Amount | None = getattr(item, field)
            when = on if on is not None else _date_of(item)
            converted.append(
                None if amount is None else convert(amount, currency, on=when, rates=rates)
            )
        return sum_amounts(converted, currency)

    # --- export -----------------------------------------------------------------------------

    def to_records(self) -> list[dict[str, Any]]:
        """The records as flat dicts, ready for JSON or a DataFrame.

        Enums by value, dates as ISO strings, amounts as strings (``"about 30000000000 USD"``)
        with their bounds, currency and qualifier in extra columns (``amount_low``, ...),
        citations as the list of their source ids, participants as the lists ``investors``
        and ``lead_investors``; a funding round also gets its company's ``company`` name and
        ``country``. For full records use :func:`aieco.to_json`.
        """
        return [self._flatten(item) for item in self._items]

    def to_pandas(self) -> pandas.DataFrame:
        """A pandas DataFrame of :meth:`to_records` (needs the extra ``aieco[pandas]``)."""
        try:
            import pandas
        except ImportError:
            raise ImportError(
                "Query.to_pandas() needs pandas; install the extra: pip install 'aieco[pandas]'"
            ) from None
        return pandas.DataFrame(self.to_records(), columns=self._columns())

    def _repr_html_(self) -> str:
        """An HTML table for Jupyter (the first 50 records)."""
        columns = self._columns()
        limit = 50
        head = "".join(f"<th>{html.escape(c)}</th>" for c in columns)
        rows = []
        for item in self._items[:limit]:
            record = self._flatten(item)
            cells = "".join(f"<td>{html.escape(_cell(record.get(c)))}</td>" for c in columns)
            rows.append(f"<tr>{cells}</tr>")
        caption = _plural(self._type, len(self._items))
        if len(self._items) > limit:
            caption += f" (first {limit} shown)"
        return (
            f"<table><caption>{html.escape(caption)}</caption>"
            f"<thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        )

    def _columns(self) -> list[str]:
        columns: list[str] = []
        fields = getattr(self._type, "__attrs_attrs__", None)
        if fields is None:
            return ["value"]
        for field in fields:
            columns.extend(_field_columns(self._type, field.name))
        return columns

    def _flatten(self, item: Any) -> dict[str, Any]:
        fields = getattr(self._type, "__attrs_attrs__", None)
        if fields is None:
            return {"value": item}
        record: dict[str, Any] = {}
        for field in fields:
            value = getattr(item, field.name)
            if field.name == "company_id" and isinstance(item, FundingRound):
                record["company_id"] = value
                company = self._company(item)
                record["company"] = company.name if company else None
                record["country"] = company.country if company else None
            elif field.name == "participants":
                record["investors"] = [p.investor_id for p in value]
                record["lead_investors"] = [p.investor_id for p in value if p.lead]
            elif field.name == "sources":
                record["sources"] = list(dict.fromkeys(c.source_id for c in value))
            elif field.name in _AMOUNT_FIELDS:
                record.update(_amount_columns(field.name, value))
            else:
                record[field.name] = _plain(value)
        return record

    # --- keys and criteria helpers ----------------------------------------------------------

    def _company(self, funding_round: FundingRound) -> Company | None:
        if self._dataset is None:
            return None
        company: Company | None = self._dataset._by_id["companies"].get(funding_round.company_id)
        return company

    def _need_dataset(self, what: str) -> Dataset:
        if self._dataset is None:
            raise TypeError(
                f"{what} follows references between records and needs a Query from a Dataset "
                "(ds.funding_rounds, not Query(records))"
            )
        return self._dataset

    def _key(self, key: str | Callable[[T], Any], *, for_sort: bool) -> Key:
        if callable(key):
            return key
        if not isinstance(key, str):
            raise TypeError(f"a key is a field name or a function, not {type(key).__name__}")
        derived = _DERIVED.get(self._type, {})
        if key in derived:
            return derived[key](self)
        fields = getattr(self._type, "__attrs_attrs__", None)
        names = [f.name for f in fields] if fields is not None else []
        if key not in names:
            allowed = sorted({*names, *derived})
            raise TypeError(
                f"unknown key {key!r} for {_PLURAL.get(self._type, ('', 'records'))[1]}; "
                f"allowed: {', '.join(allowed)} or a function"
            )
        if key in _AMOUNT_FIELDS and for_sort:
            return _amount_sort_key(key)

        def get(item: Any) -> Any:
            value = getattr(item, key)
            if for_sort and isinstance(value, enum.Enum):
                return value.value
            return value

        return get


class Groups(Mapping[Any, Query[T]]):
    """Records grouped by key (from :meth:`Query.group_by`): a mapping of key → Query.

    >>> rounds.group_by("region", "year").total("USD")  # doctest: +SKIP
    {('Europe', 2025): Amount(...), ('US', 2025): Amount(...), ...}
    """

    __slots__ = ("_groups", "_keys")

    def __init__(self, groups: Mapping[Any, Query[T]], keys: tuple[str, ...]) -> None:
        self._groups: dict[Any, Query[T]] = dict(groups)
        self._keys = keys

    def __getitem__(self, key: Any) -> Query[T]:
        return self._groups[key]

    def __iter__(self) -> Iterator[Any]:
        return iter(self._groups)

    def __len__(self) -> int:
        return len(self._groups)

    def total(
        self,
        currency: str = "USD",
        *,
        on: _dt.date | PartialDate | str | None = None,
        rates: Any = None,
    ) -> dict[Any, Amount]:
        """Each group's :meth:`Query.total` in ``currency``, by group key."""
        if rates is not None:
            from aieco.fx import rate_table

            rates = rate_table(rates)
        return {
            key: query.total(currency, on=on, rates=rates) for key, query in self._groups.items()
        }

    def count(self) -> dict[Any, int]:
        """The number of records in each group, by group key."""
        return {key: len(query) for key, query in self._groups.items()}

    def __repr__(self) -> str:
        shown = ", ".join(f"{key!r}: {len(query)}" for key, query in self._groups.items())
        return f"<Groups by {', '.join(self._keys)}: {{{shown}}}>"


# --- helpers ------------------------------------------------------------------------------------

_AMOUNT_FIELD = {FundingRound: "amount", Policy: "budget"}
_AMOUNT_FIELDS = frozenset({"amount", "valuation", "budget"})


def _label(item: Any) -> str:
    if isinstance(item, Company | Investor | Policy):
        return item.name
    if isinstance(item, FundingRound | Source):
        return item.id
    return repr(item)


def _slice_text(index: slice) -> str:
    parts = ["" if p is None else str(p) for p in (index.start, index.stop, index.step)]
    return ":".join(parts[:2] if index.step is None else parts)


def _show(value: Any) -> str:
    if isinstance(value, Company | Investor | Policy | Source | FundingRound):
        return repr(value.id)
    if isinstance(value, enum.Enum):
        return repr(value.value)
    if isinstance(value, Amount | Money | PartialDate):
        return repr(str(value))
    return repr(value)


def _plain(value: Any) -> Any:
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, PartialDate):
        return value.isoformat()
    if isinstance(value, tuple):
        return [_plain(v) for v in value]
    return value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        return ", ".join(str(v) for v in value)
    return str(value)


def _field_columns(cls: type, name: str) -> list[str]:
    if name == "company_id" and cls is FundingRound:
        return ["company_id", "company", "country"]
    if name == "participants":
        return ["investors", "lead_investors"]
    if name in _AMOUNT_FIELDS:
        return [name, *(f"{name}_{part}" for part in ("low", "high", "currency", "qualifier"))]
    return [name]


def _amount_columns(name: str, amount: Amount | None) -> dict[str, Any]:
    if amount is None:
        return dict.fromkeys(_field_columns(FundingRound, name))
    return {
        name: str(amount),
        f"{name}_low": f"{amount.low:f}",
        f"{name}_high": f"{amount.high:f}",
        f"{name}_currency": amount.unit,
        f"{name}_qualifier": amount.qualifier.value,
    }


def _date_of(item: Any) -> PartialDate | None:
    if isinstance(item, Source):
        return item.published
    date: PartialDate | None = getattr(item, "announced", None)
    return date


def _group_order(key: Any) -> Any:
    if isinstance(key, tuple):
        return tuple(_group_order(part) for part in key)
    if key is None:
        return (1, "")
    if isinstance(key, enum.Enum):
        return (0, key.value)
    return (0, key)


def _amount_sort_key(field: str) -> Key:
    from aieco.fx import convert

    def get(item: Any) -> Any:
        amount: Amount | None = getattr(item, field)
        if amount is None:
            return None
        converted = convert(amount, "USD", on=_date_of(item))
        return (converted.low, converted.high)

    return get


_DIRECTION_UP = DIRECTION_UP
_DIRECTION_DOWN = DIRECTION_DOWN


# --- criteria -----------------------------------------------------------------------------------

Criterion = Callable[[Query[Any], str, Any], Predicate]


def _many(value: Any) -> tuple[Any, ...]:
    """A criterion value as a tuple: a list, tuple, set or frozenset means any of them."""
    if isinstance(value, list | tuple | set | frozenset):
        if not value:
            raise ValidationError([Problem("where()", value, "is empty: give at least one value")])
        return tuple(value)
    return (value,)


def _enum_values(value: Any, name: str, cls: type[enum.Enum]) -> frozenset[Any]:
    members = set()
    for item in _many(value):
        if isinstance(item, cls):
            members.add(item)
            continue
        try:
            members.add(cls(item))
        except ValueError:
            allowed = ", ".join(repr(m.value) for m in cls)
            raise ValidationError(
                [
                    Problem(
                        f"where({name})",
                        item,
                        f"is not a {cls.__name__}; expected one of {allowed}",
                    )
                ]
            ) from None
    return frozenset(members)


def _enum_criterion(field: str, cls: type[enum.Enum]) -> Criterion:
    def build(query: Query[Any], name: str, value: Any) -> Predicate:
        allowed = _enum_values(value, name, cls)
        return lambda r: getattr(r, field) in allowed

    return build


def _years(value: Any, name: str) -> frozenset[int]:
    """The calendar years a ``year`` criterion names: an int, or the year of a date in any form.

    ``"2025-09"``, ``PartialDate(2025, 9)`` and ``date(2025, 9, 9)`` all mean 2025: ``year``
    is a whole calendar year; a month or a day is what ``since``/``until`` are for.
    """
    years = set()
    for item in _many(value):
        if isinstance(item, int) and not isinstance(item, bool):
            years.add(item)
        else:
            years.add(_date_bound(item, name).year)
    return frozenset(years)


def _date_bound(value: Any, name: str) -> PartialDate:
    return as_partial_date(value, "where", name)


def _date_criterion(get: Callable[[Any], PartialDate | None], kind: str) -> Criterion:
    def build(query: Query[Any], name: str, value: Any) -> Predicate:
        if kind == "year":
            years = _years(value, name)

            def in_year(r: Any) -> bool:
                date = get(r)
                return date is not None and date.year in years

            return in_year
        bound = _date_bound(value, name)
        if kind == "since":
            start = bound.first_day

            def since(r: Any) -> bool:
                date = get(r)
                return date is not None and date.last_day >= start

            return since
        end = bound.last_day

        def until(r: Any) -> bool:
            date = get(r)
            return date is not None and date.first_day <= end

        return until

    return build


def _country_criterion(
    get_country: Callable[[Query[Any]], Callable[[Any], str | None]],
) -> Criterion:
    def build(query: Query[Any], name: str, value: Any) -> Predicate:
        allowed = countries(_many(value), f"where({name})")
        country_of = get_country(query)
        return lambda r: country_of(r) in allowed

    return build


def _region_criterion(
    get_country: Callable[[Query[Any]], Callable[[Any], str | None]],
    *,
    eu_jurisdiction: bool = False,
) -> Criterion:
    def build(query: Query[Any], name: str, value: Any) -> Predicate:
        allowed: set[str] = set()
        for item in _many(value):
            region, members = region_countries(item, f"where({name})")
            allowed |= members
            if eu_jurisdiction and region in ("EU", "Europe"):
                allowed.add("EU")
        country_of = get_country(query)
        return lambda r: country_of(r) in allowed

    return build


def _own_country(query: Query[Any]) -> Callable[[Any], str | None]:
    return lambda r: r.country


def _jurisdiction(query: Query[Any]) -> Callable[[Any], str | None]:
    return lambda r: r.jurisdiction


def _company_country(query: Query[Any]) -> Callable[[Any], str | None]:
    dataset = query._need_dataset("where(country=...) on funding rounds")
    companies = dataset._by_id["companies"]
    return lambda r: companies[r.company_id].country


def _name_criterion(query: Query[Any], name: str, value: Any) -> Predicate:
    keys = set()
    for item in _many(value):
        if not isinstance(item, str):
            raise TypeError(f"where({name}=...) takes a str, not {type(item).__name__}")
        keys.add(fold(item))
    if query._dataset is not None:
        # The dataset's name index answers at once: no folding per record.
        index = query._dataset._by_key[_KIND[query.item_type]]
        ids = frozenset(index[key].id for key in keys if key in index)
        return lambda r: r.id in ids

    def matches(r: Any) -> bool:
        names = (r.id, r.name, *r.aliases)
        return any(fold(n) in keys for n in names)

    return matches


_KIND = {Company: "companies", Investor: "investors", Policy: "policies"}


def _record_ids(query: Query[Any], name: str, value: Any, kind: str) -> frozenset[str]:
    dataset = query._need_dataset(f"where({name}=...)")
    return frozenset(dataset._resolve(kind, item).id for item in _many(value))


def _company_criterion(query: Query[Any], name: str, value: Any) -> Predicate:
    ids = _record_ids(query, name, value, "companies")
    return lambda r: r.company_id in ids


def _investor_criterion(query: Query[Any], name: str, value: Any) -> Predicate:
    ids = _record_ids(query, name, value, "investors")
    return lambda r: any(p.investor_id in ids for p in r.participants)


def _lead_criterion(query: Query[Any], name: str, value: Any) -> Predicate:
    ids = _record_ids(query, name, value, "investors")
    return lambda r: any(p.lead and p.investor_id in ids for p in r.participants)


def _language_criterion(query: Query[Any], name: str, value: Any) -> Predicate:
    languages = set()
    for item in _many(value):
        if not isinstance(item, str):
            raise TypeError(f"where({name}=...) takes a str, not {type(item).__name__}")
        languages.add(item)
    return lambda r: r.language in languages


def _threshold(value: Any, name: str) -> Money:
    """The money an amount criterion compares with, read once."""
    if isinstance(value, str):
        from aieco.amounts import parse_amount

        amount = parse_amount(value)
    elif isinstance(value, Money):
        amount = Amount.of(value)
    elif isinstance(value, Amount):
        amount = value
    else:
        raise TypeError(
            f"where({name}=...) takes an Amount, a Money or a text such as '1 Mrd. USD', "
            f"not {type(value).__name__}"
        )
    problem = None
    if amount.currency is None:
        problem = "has no currency (expected an amount of money such as '1 Mrd. USD')"
    elif amount.is_range:
        problem = "is a range; expected a single amount of money"
    else:
        same = Qualifier.AT_LEAST if name == "min_amount" else Qualifier.AT_MOST
        if amount.qualifier not in (Qualifier.EXACT, Qualifier.APPROX, same):
            problem = f"is hedged ({amount.qualifier.value}); {name} takes a plain amount" + (
                " or an 'at least' one" if name == "min_amount" else " or an 'at most' one"
            )
    if problem is not None:
        raise ValidationError([Problem(f"where({name})", str(amount), problem)])
    assert amount.value is not None
    assert amount.currency is not None
    return Money(amount.value, amount.currency)


def _in_currency(amount: Amount, currency: str, date: PartialDate | None) -> Amount:
    if amount.unit == currency:
        return amount
    from aieco.fx import convert

    return convert(amount, currency, on=date)


def meets_min(amount: Amount, threshold: Decimal) -> bool:
    """Whether a reported amount is certainly at least ``threshold`` (same currency)."""
    qualifier = amount.qualifier
    if qualifier in _DIRECTION_DOWN:
        return threshold <= 0
    if qualifier is Qualifier.NEARLY:
        return amount.low > threshold
    return amount.low >= threshold


def meets_max(amount: Amount, threshold: Decimal) -> bool:
    """Whether a reported amount is certainly at most ``threshold`` (same currency)."""
    if amount.qualifier in _DIRECTION_UP:
        return False
    return amount.high <= threshold


def _amount_criterion(test: Callable[[Amount, Decimal], bool]) -> Criterion:
    def build(query: Query[Any], name: str, value: Any) -> Predicate:
        threshold = _threshold(value, name)
        field = _AMOUNT_FIELD[query.item_type]

        def matches(r: Any) -> bool:
            amount: Amount | None = getattr(r, field)
            if amount is None:
                return False
            return test(_in_currency(amount, threshold.currency, _date_of(r)), threshold.amount)

        return matches

    return build


_CRITERIA: dict[type, dict[str, Criterion]] = {
    FundingRound: {
        "company": _company_criterion,
        "country": _country_criterion(_company_country),
        "region": _region_criterion(_company_country),
        "year": _date_criterion(lambda r: r.announced, "year"),
        "since": _date_criterion(lambda r: r.announced, "since"),
        "until": _date_criterion(lambda r: r.announced, "until"),
        "round_type": _enum_criterion("round_type", RoundType),
        "investor": _investor_criterion,
        "lead_investor": _lead_criterion,
        "min_amount": _amount_criterion(meets_min),
        "max_amount": _amount_criterion(meets_max),
    },
    Company: {
        "name": _name_criterion,
        "country": _country_criterion(_own_country),
        "region": _region_criterion(_own_country),
        "category": _enum_criterion("category", CompanyCategory),
    },
    Investor: {
        "name": _name_criterion,
        "kind": _enum_criterion("kind", InvestorKind),
        "country": _country_criterion(_own_country),
        "region": _region_criterion(_own_country),
    },
    Policy: {
        "name": _name_criterion,
        "jurisdiction": lambda query, name, value: _jurisdictions(name, value),
        "region": _region_criterion(_jurisdiction, eu_jurisdiction=True),
        "kind": _enum_criterion("kind", PolicyKind),
        "status": _enum_criterion("status", PolicyStatus),
        "year": _date_criterion(lambda r: r.announced, "year"),
        "since": _date_criterion(lambda r: r.announced, "since"),
        "until": _date_criterion(lambda r: r.announced, "until"),
        "min_amount": _amount_criterion(meets_min),
        "max_amount": _amount_criterion(meets_max),
    },
    Source: {
        "language": _language_criterion,
        "year": _date_criterion(lambda r: r.published, "year"),
        "since": _date_criterion(lambda r: r.published, "since"),
        "until": _date_criterion(lambda r: r.published, "until"),
    },
}


def _jurisdictions(name: str, value: Any) -> Predicate:
    allowed = countries(_many(value), f"where({name})", allow_eu=True)
    return lambda r: r.jurisdiction in allowed


def _derived_company(query: Query[Any]) -> Key:
    dataset = query._need_dataset("the key 'company'")
    companies = dataset._by_id["companies"]
    return lambda r: companies[r.company_id].name


def _derived_round_region(query: Query[Any]) -> Key:
    country_of = _company_country(query)
    return lambda r: region_of(country_of(r))


def _year_of(query: Query[Any]) -> Key:
    def get(r: Any) -> int | None:
        date = _date_of(r)
        return None if date is None else date.year

    return get


_DERIVED: dict[type, dict[str, Callable[[Query[Any]], Key]]] = {
    FundingRound: {
        "company": _derived_company,
        "country": _company_country,
        "region": _derived_round_region,
        "year": _year_of,
    },
    Company: {"region": lambda query: lambda r: region_of(r.country)},
    Investor: {"region": lambda query: lambda r: region_of(r.country)},
    Policy: {"region": lambda query: lambda r: region_of(r.jurisdiction), "year": _year_of},
    Source: {"year": _year_of},
}
