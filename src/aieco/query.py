"""Queries: `Query`, an immutable, chainable selection of records, and `Groups`.

A Query is what a `Dataset` hands out (``ds.funding_rounds``, ``ds.rounds_for(c)``)
and what every method returns, so questions read as one line::

    ds.funding_rounds.where(region="Europe", since=2025, min_amount="100 Mio. EUR")
    ds.funding_rounds.group_by("region", "year").total("USD")

A Query is a selection of rows of its kind's columns (see `aieco._columns`): ``where``,
``sort_by``, ``group_by``, ``total`` and the exports run vectorised over the columns, and
records are built only for the rows a caller touches (iterating, indexing, ``first``). Criteria
are checked and parsed once per `Query.where` call. The amount criteria respect hedges;
see `Query.where` and docs/queries.md for the exact rule.
"""

from __future__ import annotations

import datetime as _dt
import enum
import os
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from collections.abc import Set as AbstractSet
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, Generic, NamedTuple, TypeVar, overload

from aieco._checks import currency_argument
from aieco._columns import (
    Store,
    date_of_key,
    days,
    distinct,
    from_units,
    lexsort,
    plain_decimal,
    to_units,
)
from aieco._fold import fold
from aieco._kinds import Kind, kind_of
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
from aieco.money import DIRECTION_UP, Amount, Money, Qualifier, combine_qualifiers

if TYPE_CHECKING:
    import pandas
    import polars
    import pyarrow
    from matplotlib.axes import Axes

    from aieco.dataset import Dataset
    from aieco.fx import ConvertedColumns

__all__ = ["Groups", "Participations", "Query"]

T = TypeVar("T")
Mask = Callable[[Any], Any]
Key = Callable[[Any], Any]
#: A numpy array (numpy is imported on first use).
Array = Any


def _np() -> Any:
    import numpy

    return numpy


def _plural(kind: Kind | None, cls: type, count: int) -> str:
    if kind is None:
        one, many = f"{cls.__name__} record", f"{cls.__name__} records"
    else:
        one, many = kind.singular, kind.plural
    return f"{count} {one if count == 1 else many}"


class _Items:
    """The items of a Query of objects that are not records of a kind (``Query([1, 2, 3])``)."""

    __slots__ = ("items", "size")

    def __init__(self, items: Sequence[Any]) -> None:
        self.items = list(items)
        self.size = len(self.items)

    def record(self, row: int) -> Any:
        return self.items[row]


class _Exports:
    """``to_pandas``, ``to_polars`` and ``to_csv`` of a class's ``to_arrow`` (one definition)."""

    __slots__ = ()

    def to_arrow(
        self, columns: Sequence[str] | None = None, *, currency: str | None = "USD"
    ) -> pyarrow.Table:
        raise NotImplementedError  # pragma: no cover - every exporter defines it

    def to_pandas(
        self, columns: Sequence[str] | None = None, *, currency: str | None = "USD"
    ) -> pandas.DataFrame:
        """A pandas DataFrame of `to_arrow`'s columns (needs the extra ``aieco[pandas]``).

        Exact bounds stay exact (pandas' Arrow decimal dtype, summable), the normalised
        ``amount_usd`` is float64 (plots and numpy work on it), enums and units are
        categoricals of readable labels, dates ``datetime64`` with their ``_precision``
        column beside them, ``founded`` a nullable ``Int16``.

        ```pycon
        >>> frame = aieco.load().funding_rounds.to_pandas()  # doctest: +SKIP
        >>> frame.groupby("country")["amount_usd"].sum().plot.bar()  # doctest: +SKIP

        ```
        """
        from aieco._export import to_pandas

        frame: pandas.DataFrame = to_pandas(
            self.to_arrow(columns, currency=currency), f"{type(self).__name__}.to_pandas()"
        )
        return frame

    def to_polars(
        self, columns: Sequence[str] | None = None, *, currency: str | None = "USD"
    ) -> polars.DataFrame:
        """A polars DataFrame of `to_arrow`'s columns (needs the extra ``aieco[polars]``)."""
        from aieco._export import to_polars

        frame: polars.DataFrame = to_polars(
            self.to_arrow(columns, currency=currency), f"{type(self).__name__}.to_polars()"
        )
        return frame

    def to_csv(
        self,
        path: str | os.PathLike[str],
        columns: Sequence[str] | None = None,
        *,
        currency: str | None = "USD",
    ) -> Path:
        """Write `to_arrow`'s columns to a CSV file and return its path (no pandas needed).

        UTF-8 with a header row; decimals written exactly, labels as text, dates as ISO
        dates, lists (aliases) joined by ``"; "``, a missing value as an empty cell.
        """
        from aieco._export import to_csv

        written: Path = to_csv(self.to_arrow(columns, currency=currency), path)
        return written


class Query(_Exports, Generic[T]):
    """An immutable, chainable selection of records of one type.

    Every method returns a new Query (or a value); the records themselves are frozen. Iterate,
    index (``q[0]``, ``q[:3]``), take ``len(q)``, or ask for `first` or `one`.

    A Query that came from a `Dataset` knows it, so criteria that follow a
    reference (the ``country`` of a round's company, an ``investor`` by name) work; a Query
    built from bare records (``Query(records)``) supports the criteria on the records' own
    fields only.
    """

    __slots__ = ("_dataset", "_description", "_rows", "_store", "_type")

    def __init__(
        self,
        items: Iterable[T],
        item_type: type[T] | None = None,
        *,
        dataset: Dataset | None = None,
        description: str = "",
    ) -> None:
        records = tuple(items)
        if item_type is None:
            if not records:
                raise TypeError("an empty Query needs its item_type: Query([], Company)")
            item_type = type(records[0])
        for index, item in enumerate(records):
            if not isinstance(item, item_type):
                raise TypeError(
                    f"Query item {index} is a {type(item).__name__}, not a {item_type.__name__}"
                )
        kind = kind_of(item_type)
        self._store: Store | _Items = (
            _Items(records) if kind is None else Store(kind, records=records)
        )
        self._rows: Any = None
        self._type: type[T] = item_type
        self._dataset = dataset
        self._description = description

    @classmethod
    def _of(
        cls,
        store: Store,
        rows: Any,
        dataset: Dataset | None,
        description: str = "",
    ) -> Query[Any]:
        """A Query of ``rows`` (None: every row, in order) of a store (no copying)."""
        query: Query[Any] = cls.__new__(cls)
        query._store = store
        query._rows = rows
        query._type = store.kind.cls
        query._dataset = dataset
        query._description = description
        return query

    def _derive(self, rows: Any, step: str) -> Query[T]:
        query: Query[T] = Query.__new__(Query)
        query._store = self._store
        query._rows = rows
        query._type = self._type
        query._dataset = self._dataset
        query._description = self._description + step
        return query

    @property
    def _kind(self) -> Kind | None:
        store = self._store
        return store.kind if isinstance(store, Store) else None

    def _row_array(self) -> Array:
        """The selected rows as an int64 array."""
        np = _np()
        if self._rows is None:
            return np.arange(self._store.size, dtype=np.int64)
        return np.asarray(self._rows, dtype=np.int64)

    def _columns_store(self, what: str) -> Store:
        store = self._store
        if not isinstance(store, Store):
            raise TypeError(
                f"a Query of {self._type.__name__} has no columns for {what}; use filter()"
            )
        return store

    # --- the collection ---------------------------------------------------------------------

    @property
    def item_type(self) -> type[T]:
        """The class of the records (Company, FundingRound, ...)."""
        return self._type

    def __len__(self) -> int:
        return self._store.size if self._rows is None else len(self._rows)

    def __iter__(self) -> Iterator[T]:
        record = self._store.record
        if self._rows is None:
            return (record(row) for row in range(self._store.size))
        return (record(int(row)) for row in self._rows)

    @overload
    def __getitem__(self, index: int) -> T: ...
    @overload
    def __getitem__(self, index: slice) -> Query[T]: ...
    def __getitem__(self, index: int | slice) -> T | Query[T]:
        rows = self._rows if self._rows is not None else range(self._store.size)
        if isinstance(index, slice):
            return self._derive(rows[index], f"[{_slice_text(index)}]")
        record: T = self._store.record(int(rows[index]))
        return record

    def first(self) -> T:
        """The first record; NotFound when the query is empty."""
        if not len(self):
            raise NotFound(self._description or "(any)", self._singular())
        return self[0]

    def one(self) -> T:
        """The only record: NotFound when there is none, ValidationError when there are more."""
        count = len(self)
        if count == 1:
            return self[0]
        if not count:
            raise NotFound(self._description or "(any)", self._singular())
        shown = ", ".join(self._label(item) for item in self[:5])
        more = ", …" if count > 5 else ""
        raise ValidationError(
            f"expected exactly one {self._singular()}, found {count}: {shown}{more}"
        )

    def _singular(self) -> str:
        kind = self._kind
        return kind.singular if kind is not None else f"{self._type.__name__} record"

    def _label(self, item: Any) -> str:
        kind = self._kind
        return kind.label(item) if kind is not None else repr(item)

    def __repr__(self) -> str:
        shown = ", ".join(self._label(item) for item in self[:5])
        rest = len(self) - 5
        if rest > 0:
            shown += f", … ({rest} more)"
        counted = _plural(self._kind, self._type, len(self))
        return f"<Query of {counted}{': ' if shown else ''}{shown}>"

    # --- narrowing and ordering -------------------------------------------------------------

    def filter(self, predicate: Callable[[T], bool]) -> Query[T]:
        """The records for which ``predicate(record)`` is true (builds every record it tests)."""
        if not callable(predicate):
            raise TypeError(f"filter() takes a function, not {type(predicate).__name__}")
        name = getattr(predicate, "__name__", "function")
        rows = self._rows if self._rows is not None else range(self._store.size)
        record = self._store.record
        kept = [int(row) for row in rows if predicate(record(int(row)))]
        return self._derive(kept, f".filter({name})")

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

        Criteria are applied in the order given, each to the rows the ones before it kept (so
        a currency without rates only matters for rounds that are still in question). An
        unknown criterion is a TypeError naming the allowed ones; a bad value a
        ValidationError or NotFound.
        """
        if not criteria:
            return self
        kind = self._kind
        table = _CRITERIA.get(kind.name) if kind is not None else None
        if kind is None or table is None:
            raise TypeError(
                f"a Query of {self._type.__name__} takes no where() criteria; use filter()"
            )
        unknown = sorted(set(criteria) - set(table))
        if unknown:
            raise TypeError(
                f"where() got unknown criteria {', '.join(map(repr, unknown))} for "
                f"{kind.plural}; allowed: {', '.join(sorted(table))}"
            )
        masks = [table[name](self, name, value) for name, value in criteria.items()]
        step = ", ".join(f"{name}={_show(value)}" for name, value in criteria.items())
        rows = self._row_array()
        for mask in masks:
            if not len(rows):
                break
            rows = rows[mask(rows)]
        return self._derive(rows, f".where({step})")

    def sort_by(self, key: str | Callable[[T], Any], *, descending: bool = False) -> Query[T]:
        """The records ordered by ``key``: a field name or a function of the record.

        Records whose key is None come last in both directions; ties keep their order.
        Names are those of `group_by`; an Amount field (``"amount"``, ``"valuation"``,
        ``"budget"``) sorts by its bounds in USD at the record's date. A function is called
        with each record (so every record is built).
        """
        name = key if isinstance(key, str) else getattr(key, "__name__", "function")
        suffix = ", descending=True" if descending else ""
        step = f".sort_by({name!r}{suffix})"
        if callable(key):
            items = list(self)
            keyed = [(key(item), position) for position, item in enumerate(items)]
            present = [pair for pair in keyed if pair[0] is not None]
            present.sort(key=lambda pair: pair[0], reverse=descending)
            missing = [position for value, position in keyed if value is None]
            rows = self._row_array()
            order = [position for _, position in present] + missing
            return self._derive(rows[order] if order else rows[:0], step)
        if not isinstance(key, str):
            raise TypeError(f"a key is a field name or a function, not {type(key).__name__}")
        store = self._columns_store(f"sort_by({key!r})")
        rows = self._row_array()
        columns = _sort_columns(self, store, key, rows)
        import pyarrow as pa
        import pyarrow.compute as pc

        names = [f"k{i}" for i in range(len(columns))]
        order_name = "descending" if descending else "ascending"
        # Arrow sorts stably, and puts nulls (no key) last in either direction.
        order = pc.sort_indices(
            pa.table(dict(zip(names, columns, strict=True))),
            sort_keys=[(n, order_name, "at_end") for n in names],
        ).to_numpy()
        return self._derive(rows[order], step)

    def newest_first(self) -> Query[T]:
        """The records newest first: by date, latest first; undated last; ties by id.

        The one order in which the library and the command line list rounds
        (``Dataset.rounds_for``, ``investments_by``, ``aieco rounds``, the notebook views). A
        date known only to the month or year comes after the days within it ("2025-09" after
        "2025-09-09"): it is the earliest it may be. Works for every kind with a date (rounds,
        policies, sources).
        """
        store = self._columns_store("newest_first()")
        if store.kind.date_field is None:
            raise TypeError(f"{store.kind.plural} have no date to order by")
        rows = self._row_array()
        keys = store.newest_first_keys()
        order = lexsort(tuple(key[rows] for key in keys))
        return self._derive(rows[order], ".newest_first()")

    # --- aggregates -------------------------------------------------------------------------

    def group_by(self, *keys: str | Callable[[T], Any]) -> Groups[T]:
        """The records grouped by one or more keys, as a mapping of key → Query.

        A key is a field name, one of the derived names (``"country"`` and ``"region"`` of a
        round's company, ``"year"`` of a round's or policy's date, ``"company"`` — the name of
        a round's company) or a function. One key gives plain group keys, several give tuples:
        ``group_by("region", "year")`` has keys like ``("Europe", 2025)``. ``region`` is
        ``"Europe"`` for a European country (the EU as a jurisdiction included), else the ISO
        code. Groups are ordered by key, None last. Fields holding several values
        (``aliases``, ``participants``, ``sources``) and amounts are not keys.
        """
        if not keys:
            raise TypeError("group_by() needs at least one key")
        # Every row in order: the columns are indexed by a slice (views, no gathering).
        rows = slice(None) if self._rows is None else self._row_array()
        codes_list: list[Array] = []
        values_list: list[list[Any]] = []
        for key in keys:
            codes, values = _group_codes(self, key, rows)
            codes_list.append(codes)
            values_list.append(values)
        combined, span = codes_list[0] + 1, len(values_list[0]) + 1
        for codes, values in zip(codes_list[1:], values_list[1:], strict=True):
            combined = combined * (len(values) + 1) + (codes + 1)
            span *= len(values) + 1
        present, inverse = distinct(combined, span)
        group_keys: list[Any] = []
        for code in present.tolist():
            parts = []
            for values in reversed(values_list):
                code, part = divmod(code, len(values) + 1)
                parts.append(None if part == 0 else values[part - 1])
            parts.reverse()
            group_keys.append(parts[0] if len(keys) == 1 else tuple(parts))
        names = [k if isinstance(k, str) else getattr(k, "__name__", "function") for k in keys]
        ordering = sorted(range(len(group_keys)), key=lambda i: _group_order(group_keys[i]))
        selected = None if isinstance(rows, slice) else rows
        return Groups._of(self, selected, inverse, group_keys, ordering, tuple(names))

    def total(
        self,
        currency: str = "USD",
        *,
        on: _dt.date | PartialDate | str | None = None,
        rates: Any = None,
    ) -> Amount:
        """The sum of the amounts (funding rounds) or budgets (policies) in ``currency``.

        Each amount is converted at its record's date by the rate rule of `aieco.fx` (a
        day's rate, or the mean of a month's or year's daily rates; ``on`` overrides the date
        for all; an undated record uses the latest rate) with the rate table in use or the one
        ``rates=`` names (see `aieco.fx.rate_table`); ``currency`` is a code in any case.
        The rate is looked up once per currency and date, and each amount multiplied exactly.
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
        np = _np()
        zeros = np.zeros(len(self), dtype=np.int64)
        rows = None if self._rows is None else self._row_array()
        return _group_totals(self, rows, zeros, 1, currency, on, rates)[0]

    # --- export -----------------------------------------------------------------------------

    def to_records(self) -> list[dict[str, Any]]:
        """The records as flat dicts, ready for JSON.

        Enums by value, dates as ISO strings, amounts as strings (``"about 30000000000 USD"``)
        with their bounds, currency and qualifier in extra columns (``amount_low``, ...),
        citations as the list of their source ids, participants as the lists ``investors``
        and ``lead_investors``; a funding round also gets its company's ``company`` name and
        ``country``. For full records use `aieco.to_json`.
        """
        return [self._flatten(item) for item in self]

    def to_arrow(
        self, columns: Sequence[str] | None = None, *, currency: str | None = "USD"
    ) -> pyarrow.Table:
        """The selected rows as an Arrow table of typed columns.

        One definition of the columns serves every export (see docs/queries.md, "Export"):
        the kind's own fields (enums as dictionaries of readable labels such as ``Series F``,
        dates as ``date32`` with a ``<field>_precision`` column, ``founded`` as ``int16``),
        amounts as exact ``decimal128`` bounds with unit and qualifier, each amount also
        normalised to ``currency`` (``amount_usd_low``/``amount_usd_high`` exact,
        ``amount_usd`` float64 = the low bound; ``currency=None`` leaves them out) at the
        rate rule of `aieco.fx`, and for funding rounds the company's ``company`` name,
        ``country`` and ``region``. ``columns`` picks and orders columns by name.

        Raises:
            ValidationError: a name in ``columns`` that is not a column, or a ``currency``
                that is not a currency code.
            ConversionError: an amount with no rate to ``currency`` at its date.
        """
        from aieco._export import export_table

        return export_table(self, columns, currency)

    def plot(
        self,
        kind: str = "largest",
        *,
        field: str | None = None,
        by: Sequence[str] | None = None,
        n: int = 10,
        currency: str = "USD",
        locale: str = "de_DE",
        ax: Axes | None = None,
        title: str | None = None,
    ) -> Axes:
        """A chart of the records with matplotlib; returns the Axes (extra ``aieco[plot]``).

        ``kind`` is ``"largest"`` (the ``n`` largest amounts as horizontal bars, largest at the
        top), ``"timeline"`` (each amount at its date, one series per company: e.g. a
        company's valuations with ``field="valuation"``) or ``"totals"`` (``group_by(*by)``
        drawn by `Groups.plot`, by default ``by=("region", "year")``: stacked bars).
        ``field`` is the amount to draw (default: the kind's first, ``amount`` or
        ``budget``), normalised to ``currency`` by the exports' rate rule. A value is drawn at
        its low bound and its hedge shows: a range as an error bar, "mindestens" as an open bar
        or marker with ``^``, "höchstens" dashed with ``v``, "rund" hatched and lighter; each
        bar is labelled as a reader of ``locale`` writes the amount. Draws on ``ax`` if given.
        See docs/queries.md, "Charts".
        """
        from aieco._plot import plot_query

        return plot_query(
            self,
            kind,
            field=field,
            by=by,
            n=n,
            currency=currency,
            locale=locale,
            ax=ax,
            title=title,
        )

    def participations(self) -> Participations:
        """The participations of these funding rounds as a long table (one row per investor).

        ```pycon
        >>> aieco.load().participations.to_pandas()  # doctest: +SKIP

        ```
        """
        store = self._columns_store("participations()")
        if store.kind.name != "funding_rounds":
            raise TypeError(
                f"participations() are those of funding rounds, not {store.kind.plural}"
            )
        return Participations(self)

    def _repr_html_(self) -> str:
        """An HTML table for Jupyter (see `aieco._html`)."""
        from aieco._html import query_html

        return query_html(self)

    def _flatten(self, item: Any) -> dict[str, Any]:
        fields = getattr(self._type, "__attrs_attrs__", None)
        if fields is None:
            return {"value": item}
        record: dict[str, Any] = {}
        for field in fields:
            value = getattr(item, field.name)
            if field.name == "company_id" and isinstance(item, FundingRound):
                record["company_id"] = value
                company = self._dataset.company_of(item) if self._dataset is not None else None
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

    def _need_dataset(self, what: str) -> Dataset:
        if self._dataset is None:
            raise TypeError(
                f"{what} follows references between records and needs a Query from a Dataset "
                "(ds.funding_rounds, not Query(records))"
            )
        return self._dataset


class Groups(Mapping[Any, Query[T]]):
    """Records grouped by key (from `Query.group_by`): a mapping of key → Query.

    The groups' queries are built on first access; `total` and `count` work on
    the columns of all groups at once.

    ```pycon
    >>> rounds.group_by("region", "year").total("USD")  # doctest: +SKIP
    {('Europe', 2025): Amount(...), ('US', 2025): Amount(...), ...}

    ```
    """

    __slots__ = ("_codes", "_keys", "_names", "_order", "_parent", "_queries", "_rows")

    def __init__(self, groups: Mapping[Any, Query[T]], keys: tuple[str, ...]) -> None:
        self._queries: dict[Any, Query[T]] | None = dict(groups)
        self._keys: list[Any] = list(self._queries)
        self._names = keys
        self._parent: Query[T] | None = None
        self._rows: Any = None
        self._codes: Any = None
        self._order: list[int] = list(range(len(self._keys)))

    @classmethod
    def _of(
        cls,
        parent: Query[T],
        rows: Array | None,
        codes: Array,
        keys: list[Any],
        order: list[int],
        names: tuple[str, ...],
    ) -> Groups[T]:
        """Groups of ``rows`` of ``parent`` (None: all of its rows, in order) by ``codes``."""
        groups: Groups[T] = cls.__new__(cls)
        groups._parent = parent
        groups._rows = rows
        groups._codes = codes
        groups._keys = keys
        groups._order = order
        groups._names = names
        groups._queries = None
        return groups

    def _all(self) -> dict[Any, Query[T]]:
        queries = self._queries
        if queries is None:
            np = _np()
            parent = self._parent
            assert parent is not None
            by_group = np.argsort(self._codes, kind="stable")
            bounds = np.searchsorted(self._codes[by_group], np.arange(len(self._keys) + 1))
            queries = {}
            for index in self._order:
                key = self._keys[index]
                members = by_group[bounds[index] : bounds[index + 1]]
                if self._rows is not None:
                    members = self._rows[members]
                queries[key] = parent._derive(members, f".group_by({list(self._names)})[{key!r}]")
            self._queries = queries
        return queries

    def __getitem__(self, key: Any) -> Query[T]:
        return self._all()[key]

    def __iter__(self) -> Iterator[Any]:
        return (self._keys[index] for index in self._order)

    def __len__(self) -> int:
        return len(self._keys)

    def total(
        self,
        currency: str = "USD",
        *,
        on: _dt.date | PartialDate | str | None = None,
        rates: Any = None,
    ) -> dict[Any, Amount]:
        """Each group's `Query.total` in ``currency``, by group key."""
        parent = self._parent
        if parent is None:
            return {
                key: query.total(currency, on=on, rates=rates) for key, query in self._all().items()
            }
        totals = _group_totals(
            parent, self._rows, self._codes, len(self._keys), currency, on, rates
        )
        return {self._keys[index]: totals[index] for index in self._order}

    def count(self) -> dict[Any, int]:
        """The number of records in each group, by group key."""
        if self._parent is None:
            return {key: len(query) for key, query in self._all().items()}
        counts = _np().bincount(self._codes, minlength=len(self._keys)).tolist()
        return {self._keys[index]: counts[index] for index in self._order}

    def to_arrow(self, *, currency: str | None = "USD") -> pyarrow.Table:
        """The groups as an Arrow table: one column per key, ``count`` and the totals.

        For rounds and policies, the total in ``currency`` (``total_usd_low`` and
        ``total_usd_high`` exact, as `total` gives them; ``total_usd`` float64, the low
        end; ``total_usd_qualifier``).
        """
        from aieco._export import groups_table

        return groups_table(self, currency)

    def to_pandas(self, *, currency: str | None = "USD") -> pandas.DataFrame:
        """`to_arrow` as a pandas DataFrame indexed by the group keys (``aieco[pandas]``)."""
        from aieco._export import to_pandas

        frame: pandas.DataFrame = to_pandas(self.to_arrow(currency=currency), "Groups.to_pandas()")
        return frame.set_index(list(self._names))

    def plot(
        self,
        *,
        currency: str = "USD",
        locale: str = "de_DE",
        ax: Axes | None = None,
        title: str | None = None,
    ) -> Axes:
        """Each group's `total` as a bar with matplotlib; returns the Axes (``aieco[plot]``).

        With two keys the bars are stacked: one bar per value of the second key, one colour
        per value of the first (``group_by("region", "year").plot()``: a bar per year, stacked
        by region). Hedges show as in `Query.plot`; each bar is labelled with its total.
        """
        from aieco._plot import plot_groups

        return plot_groups(self, currency=currency, locale=locale, ax=ax, title=title)

    def _repr_html_(self) -> str:
        """An HTML table for Jupyter: keys, counts and totals (see `aieco._html`)."""
        from aieco._html import groups_html

        return groups_html(self)

    def __repr__(self) -> str:
        counts = self.count()
        shown = ", ".join(f"{key!r}: {count}" for key, count in counts.items())
        return f"<Groups by {', '.join(self._names)}: {{{shown}}}>"


class Participations(_Exports):
    """The participations of some funding rounds as a long table.

    One row per investor and round: round, investor, lead, amount, stake (from
    `Query.participations` or ``Dataset.participations``).

    Exports like a Query (``to_arrow``, ``to_pandas``, ``to_polars``, ``to_csv``, each with
    ``columns=`` and ``currency=``); ``len()`` is the number of participations.
    """

    __slots__ = ("_rounds",)

    def __init__(self, rounds: Query[Any]) -> None:
        self._rounds = rounds

    def __len__(self) -> int:
        return sum(len(r.participants) for r in self._rounds)

    def __repr__(self) -> str:
        return f"<Participations: {len(self)} in {len(self._rounds)} funding rounds>"

    def to_arrow(
        self, columns: Sequence[str] | None = None, *, currency: str | None = "USD"
    ) -> pyarrow.Table:
        """The long table as Arrow.

        Columns: ``round_id``, ``company``, ``announced`` (with its precision),
        ``investor_id``, ``investor``, ``lead``, the columns of ``amount`` (normalised to
        ``currency`` at the round's date) and of ``stake``.
        """
        from aieco._export import participations_table

        return participations_table(self._rounds, columns, currency)


# --- helpers ------------------------------------------------------------------------------------

_AMOUNT_FIELDS = frozenset({"amount", "valuation", "budget"})


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


def _group_order(key: Any) -> Any:
    if isinstance(key, tuple):
        return tuple(_group_order(part) for part in key)
    if key is None:
        return (1, "")
    if isinstance(key, enum.Enum):
        return (0, key.value)
    return (0, key)


def _take_values(values: list[Any], codes: Array) -> list[Any]:
    """``values[code]`` for each code, None for -1."""
    np = _np()
    table = np.array([*values, None], dtype=object)
    result: list[Any] = table[codes].tolist()
    return result


# --- the hedge rule -----------------------------------------------------------------------------

#: How each qualifier meets ``min_amount``: by its low bound (">=", or ">" when the text says
#: "just below"), or — with no lower bound — only when the threshold is at most 0 (None).
_MIN_RULE: dict[Qualifier, str | None] = {
    Qualifier.EXACT: ">=",
    Qualifier.APPROX: ">=",
    Qualifier.NEARLY: ">",
    Qualifier.MORE_THAN: ">=",
    Qualifier.AT_LEAST: ">=",
    Qualifier.LESS_THAN: None,
    Qualifier.AT_MOST: None,
}
#: How each qualifier meets ``max_amount``: by its high bound ("<="), or never (None: no upper
#: bound).
_MAX_RULE: dict[Qualifier, str | None] = {
    q: (None if q in DIRECTION_UP else "<=") for q in Qualifier
}


def meets_min(amount: Amount, threshold: Decimal) -> bool:
    """Whether a reported amount is certainly at least ``threshold`` (same currency)."""
    rule = _MIN_RULE[amount.qualifier]
    if rule is None:
        return threshold <= 0
    return amount.low > threshold if rule == ">" else amount.low >= threshold


def meets_max(amount: Amount, threshold: Decimal) -> bool:
    """Whether a reported amount is certainly at most ``threshold`` (same currency)."""
    rule = _MAX_RULE[amount.qualifier]
    return rule is not None and amount.high <= threshold


# --- derived columns ----------------------------------------------------------------------------


def _company_rows(query: Query[Any]) -> Array:
    """Each round's company as a row of the dataset's companies."""
    rows: Array = query._need_dataset("the company of a round").company_rows()
    return rows


def _region_values(store: Store) -> list[str | None]:
    """The region of each value of a store's country column (see `region_of`)."""
    return [region_of(country) for country in store.values("country")]


def _country_codes(query: Query[Any], rows: Array) -> tuple[Array, list[Any]]:
    """The country codes (and their values) of the selected rows, the company's for rounds."""
    store = query._columns_store("country")
    kind = store.kind.name
    if kind == "funding_rounds":
        dataset = query._need_dataset("where(country=...) on funding rounds")
        companies = dataset.columns("companies")
        codes = store.cached(
            "company_country", lambda: companies.codes("country")[_company_rows(query)]
        )
        return codes[rows], companies.values("country")
    column = "jurisdiction" if kind == "policies" else "country"
    return store.codes(column)[rows], store.values(column)


# --- currency conversion on columns -------------------------------------------------------------


def _converted(
    query: Query[Any], field: str, currency: str, on: PartialDate | None, rates: Any = None
) -> ConvertedColumns:
    """The ``field`` amounts of the query's kind in ``currency`` (`Store.converted`).

    ``rates`` is the table (or what `aieco.fx.rate_table` takes) to use, else the one in
    use now; a different table is a different cache entry.
    """
    from aieco.fx import rate_table, rates_in_use

    table = rates_in_use() if rates is None else rate_table(rates)
    store = query._columns_store(f"converting {field}")
    return store.converted(field, currency, on, table)


class _Summable(NamedTuple):
    """Converted amounts ready to be totalled per group, computed once per conversion.

    ``flags`` is each row's qualifier position times two plus whether it was converted;
    ``low``/``high`` are the bounds as `float_limbs`, which `numpy.bincount` adds exactly
    (``high`` only when some amount is a range).
    """

    flags: Array
    low: list[tuple[int, Array]] | None
    high: list[tuple[int, Array]] | None
    #: Whether any amount is a range (only then are the highs summed).
    ranged: bool


def _summable(
    query: Query[Any], field: str, currency: str, on: PartialDate | None, rates: Any = None
) -> _Summable:
    """`_Summable` of the converted ``field`` amounts (cached beside the conversion)."""
    from aieco.fx import rate_table, rates_in_use

    table = rates_in_use() if rates is None else rate_table(rates)
    store = query._columns_store(f"converting {field}")

    def build() -> _Summable:
        converted = store.converted(field, currency, on, table)
        ranged = bool((converted.low != converted.high).any())
        return _Summable(
            converted.qualifiers * 2 + converted.converted,
            float_limbs(converted.low),
            float_limbs(converted.high) if ranged else None,
            ranged,
        )

    result: _Summable = store.cached(("summable", field, currency, on, table), build)
    return result


def _threshold_units(threshold: Decimal, scale: int, strict: bool) -> int:
    """The smallest integer V (at ``scale``) with V/10**scale ≥ threshold (> when strict)."""
    places = max(scale, -int(plain_decimal(threshold).as_tuple().exponent))
    exact = to_units(threshold, places)  # threshold × 10**places, an int
    unit = int(10 ** (places - scale))
    whole: int = exact // unit  # floor
    if strict or whole * unit != exact:
        return whole + 1
    return whole


def _amount_criterion(direction: str) -> Callable[[Query[Any], str, Any], Mask]:
    def build(query: Query[Any], name: str, value: Any) -> Mask:
        threshold = _threshold(value, name)
        kind = query._kind
        assert kind is not None
        assert kind.amount_field is not None
        field = kind.amount_field
        rule = _MIN_RULE if direction == "min" else _MAX_RULE
        members = list(Qualifier)

        # Each qualifier's test as a code: 0 no bound (never met, or met by every amount
        # when a minimum is at most 0), 1 ">=" / "<=", 2 ">" (NEARLY: just below its value).
        tests = [{None: 0, ">=": 1, "<=": 1, ">": 2}[rule[q]] for q in members]
        unbounded = direction == "min" and threshold.amount <= 0

        def mask(rows: Array) -> Array:
            np = _np()
            converted = _converted(query, field, threshold.currency, None)
            present = converted.present[rows]
            converted.check(rows[present])
            test = np.array([*tests, 0], dtype=np.int8)[converted.qualifiers[rows]]
            scale = converted.scale
            if direction == "min":
                bound = converted.low[rows]
                at_least = _compare(bound, _threshold_units(threshold.amount, scale, False), ">=")
                above = _compare(bound, _threshold_units(threshold.amount, scale, True), ">=")
                met = np.where(test == 1, at_least, np.where(test == 2, above, unbounded))
            else:
                bound = converted.high[rows]
                below = _compare(bound, _threshold_units(threshold.amount, scale, True), "<")
                met = (test == 1) & below
            result: Array = present & met
            return result

        return mask

    return build


def _compare(values: Array, limit: int, op: str) -> Array:
    np = _np()
    if values.dtype != object:
        bound = np.iinfo(np.int64)
        if limit > bound.max:
            return np.full(len(values), op == "<")
        if limit < bound.min:
            return np.full(len(values), op == ">=")
    result: Array = (values >= limit) if op == ">=" else (values < limit)
    return result.astype(bool)


def _group_totals(
    query: Query[Any],
    rows: Array | None,
    codes: Array,
    count: int,
    currency: str,
    on: Any,
    rates: Any = None,
) -> list[Amount]:
    """The total of each group of ``rows`` (None: every row; ``codes`` gives each row's group)."""
    np = _np()
    kind = query._kind
    field = kind.amount_field if kind is not None else None
    if field is None:
        raise TypeError(
            f"total() sums funding round amounts or policy budgets, "
            f"not {kind.plural if kind is not None else query.item_type.__name__}"
        )
    currency = currency_argument(currency, "total(currency)")
    when = None if on is None else as_partial_date(on, "total", "on")
    if not len(codes):
        return [Amount(Decimal(0), unit=currency)] * count
    converted = _converted(query, field, currency, when, rates)
    present = converted.present if rows is None else converted.present[rows]
    everywhere = bool(present.all())
    chosen: Array
    if everywhere:
        chosen = slice(None) if rows is None else rows  # every row of the store: views
        group = codes
    else:
        chosen = np.flatnonzero(present) if rows is None else rows[present]
        group = codes[present]
    converted.check(chosen)
    summable = _summable(query, field, currency, when, rates)
    sums_low = _exact_sums(converted.low, summable.low, chosen, group, count)
    ranges = np.zeros(count, dtype=bool)
    sums_high = sums_low
    if summable.ranged:
        differs = converted.low[chosen] != converted.high[chosen]
        if differs.any():
            sums_high = _exact_sums(converted.high, summable.high, chosen, group, count)
            ranges[group[differs]] = True
    missing = np.zeros(count, dtype=bool)
    if not everywhere:
        missing[codes[~present]] = True
    # Which qualifiers each group has, and whether any of its amounts was converted: one count.
    members = list(Qualifier)
    pairs = np.bincount(group * (2 * len(members)) + summable.flags[chosen], minlength=1)
    seen: list[set[Qualifier]] = [set() for _ in range(count)]
    converted_any = [False] * count
    for pair in np.flatnonzero(pairs).tolist():
        g, flag = divmod(pair, 2 * len(members))
        seen[g].add(members[flag // 2])
        converted_any[g] = converted_any[g] or bool(flag % 2)
    totals = []
    scale = converted.scale
    for g in range(count):
        qualifiers = seen[g]
        if missing[g]:
            qualifiers = {*qualifiers, Qualifier.AT_LEAST}
        qualifier = combine_qualifiers(qualifiers)
        # As Decimal addition writes it: cents once a converted amount is in the sum.
        places = converted.digits if converted_any[g] else 0
        total_low = _written(int(sums_low[g]), scale, places)
        total_high = _written(int(sums_high[g]), scale, places)
        if ranges[g]:
            totals.append(Amount.range(total_low, total_high, currency, qualifier))
        else:
            totals.append(Amount(total_low, unit=currency, qualifier=qualifier))
    return totals


def float_limbs(values: Array) -> list[tuple[int, Array]] | None:
    """Integers as float64 limbs whose sums over any subset of the rows are exact.

    ``(shift, limbs)`` pairs with ``values == sum(limbs << shift)``; each limb is below
    ``2**(53 - bits of len(values))``, so a sum of at most ``len(values)`` of them stays
    below 2**53. None for values that are negative or beyond int64 (Python ints).
    """
    np = _np()
    if values.dtype == object or (len(values) and values.min() < 0):
        return None
    width = 53 - max(len(values), 1).bit_length()
    top = int(values.max()).bit_length() if len(values) else 0
    if top <= width:
        return [(0, values.astype(np.float64))]
    mask = (1 << width) - 1
    return [
        (shift, ((values >> shift) & mask).astype(np.float64)) for shift in range(0, top, width)
    ]


def _exact_sums(
    values: Array,
    limbs: list[tuple[int, Array]] | None,
    chosen: Array,
    groups: Array,
    count: int,
) -> list[int]:
    """The exact sum of ``values[chosen]`` (integers) per group, as Python ints.

    By the float64 ``limbs`` of `_Summable` (each limb's sums are exact), or, where there
    are none, as Python ints.
    """
    np = _np()
    sums = [0] * count
    if limbs is None:
        for group, value in zip(groups.tolist(), values[chosen].tolist(), strict=True):
            sums[group] += int(value)
        return sums
    for shift, part in limbs:
        totals = np.bincount(groups, weights=part[chosen], minlength=count)
        for group, total in enumerate(totals.tolist()):
            sums[group] += int(total) << shift
    return sums


def _written(units: int, scale: int, places: int) -> Decimal:
    """``units × 10**-scale`` with at least ``places`` decimals, no trailing zeros beyond."""
    exponent = min(-places, int(plain_decimal(from_units(units, scale)).as_tuple().exponent))
    return from_units(to_units(from_units(units, scale), -exponent), -exponent)


# --- sort and group keys ------------------------------------------------------------------------


def _key_shape(query: Query[Any], store: Store, key: str) -> str:
    """What a key names: a derived key, or the shape of the field; TypeError when unknown."""
    from aieco._columns import fields_of

    kind = store.kind
    derived = _DERIVED.get(kind.name, ())
    if key in derived:
        return "derived"
    fields = {f.name: f for f in fields_of(kind.cls)}
    if key not in fields:
        allowed = sorted({*fields, *derived})
        raise TypeError(
            f"unknown key {key!r} for {kind.plural}; allowed: {', '.join(allowed)} or a function"
        )
    return fields[key].shape


def _sort_columns(query: Query[Any], store: Store, key: str, rows: Array) -> list[Any]:
    """Arrow columns whose lexicographic order is the key's order (null: no key)."""
    import pyarrow as pa

    np = _np()
    shape = _key_shape(query, store, key)
    if shape == "derived":
        codes, values = _derived_codes(query, store, key, rows)
        return [pa.array(_take_values(values, codes))]
    if shape == "amount":
        converted = _converted(query, key, "USD", None)
        present = converted.present[rows]
        converted.check(rows[present])
        columns = []
        for bound in (converted.low[rows], converted.high[rows]):
            if bound.dtype == object:
                values = [int(v) if p else None for v, p in zip(bound, present, strict=True)]
                columns.append(pa.array([None if v is None else Decimal(v) for v in values]))
            else:
                columns.append(pa.array(bound, mask=~present))
        return columns
    if shape == "date":
        dates = store.dates()
        return [pa.array(dates.key[rows], mask=~dates.known[rows])]
    if shape in ("aliases", "citations", "participations"):
        raise TypeError(f"cannot sort by {key!r}: it holds several values; use a function")
    column = store.table.column(key).take(pa.array(rows, pa.int64()))
    if pa.types.is_dictionary(column.type):
        column = column.cast(pa.string())
    del np
    return [column]


def _group_codes(query: Query[Any], key: Any, rows: Array) -> tuple[Array, list[Any]]:
    """Each row's group as a code into a list of key values (-1: None)."""
    np = _np()
    if callable(key):
        found = [key(item) for item in query]
        distinct: dict[Any, int] = {}
        codes = np.array(
            [-1 if v is None else distinct.setdefault(v, len(distinct)) for v in found],
            dtype=np.int64,
        )
        return codes, list(distinct)
    if not isinstance(key, str):
        raise TypeError(f"a key is a field name or a function, not {type(key).__name__}")
    store = query._columns_store(f"group_by({key!r})")
    shape = _key_shape(query, store, key)
    if shape == "derived":
        return _derived_codes(query, store, key, rows)
    if shape in ("aliases", "citations", "participations", "amount"):
        raise TypeError(f"cannot group by {key!r}: use a function of the record")
    if shape == "date":
        dates = store.dates()
        keys = np.where(dates.known, dates.key, -1)[rows]
        present, inverse = np.unique(keys, return_inverse=True)
        codes = inverse.astype(np.int64)
        if len(present) and present[0] == -1:
            codes, present = codes - 1, present[1:]
        return codes, [date_of_key(key) for key in present.tolist()]
    codes = store.codes(key)[rows].astype(np.int64)
    values = store.values(key)
    if shape == "enum":
        from aieco._columns import fields_of

        enum_cls = next(f.enum_cls for f in fields_of(store.kind.cls) if f.name == key)
        assert enum_cls is not None
        return codes, [enum_cls(v) for v in values]
    return codes, values


def _derived_codes(
    query: Query[Any], store: Store, key: str, rows: Array
) -> tuple[Array, list[Any]]:
    np = _np()
    if key == "country":
        codes, values = _country_codes(query, rows)
        return codes.astype(np.int64), values
    if key == "region":
        codes, values = _country_codes(query, rows)
        regions = [region_of(v) for v in values]
        distinct = sorted({r for r in regions if r is not None})
        position = {r: i for i, r in enumerate(distinct)}
        table = np.array([position[r] if r is not None else -1 for r in regions] + [-1])
        return table[codes].astype(np.int64), list(distinct)
    if key == "year":
        dates = store.dates()
        known = dates.known
        years = np.where(known, dates.year, 0)[rows]
        present = np.unique(years[known[rows]])
        codes = np.searchsorted(present, years)
        codes[~known[rows]] = -1
        return codes.astype(np.int64), [int(y) for y in present.tolist()]
    assert key == "company"
    dataset = query._need_dataset("the key 'company'")
    companies = dataset.columns("companies")
    names = companies.table.column("name").to_pylist()
    return _company_rows(query)[rows].astype(np.int64), names


_DERIVED: dict[str, tuple[str, ...]] = {
    "funding_rounds": ("company", "country", "region", "year"),
    "companies": ("region",),
    "investors": ("region",),
    "policies": ("region", "year"),
    "sources": ("year",),
}


# --- criteria -----------------------------------------------------------------------------------

Criterion = Callable[[Query[Any], str, Any], Mask]


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


def _codes_in(codes: Array, values: list[Any], allowed: Iterable[Any]) -> Array:
    """Whether each code points at one of the ``allowed`` values (-1: none, never)."""
    np = _np()
    wanted = set(allowed)
    table = np.array([value in wanted for value in values] + [False], dtype=bool)
    result: Array = table[codes]
    return result


def _enum_criterion(field: str, cls: type[enum.Enum]) -> Criterion:
    def build(query: Query[Any], name: str, value: Any) -> Mask:
        allowed = {member.value for member in _enum_values(value, name, cls)}
        store = query._columns_store(name)
        return lambda rows: _codes_in(store.codes(field)[rows], store.values(field), allowed)

    return build


def _date_criterion(kind: str) -> Criterion:
    def build(query: Query[Any], name: str, value: Any) -> Mask:
        np = _np()
        store = query._columns_store(name)
        if kind == "year":
            years = sorted(_years(value, name))

            def in_year(rows: Array) -> Array:
                dates = store.dates()
                year = dates.year[rows]
                hit = np.zeros(len(rows), dtype=bool)
                for wanted in years:
                    hit |= year == wanted
                result: Array = dates.known[rows] & hit
                return result

            return in_year
        bound = _date_bound(value, name)
        if kind == "since":
            start = days(bound.first_day)

            def since(rows: Array) -> Array:
                dates = store.dates()
                return dates.known[rows] & (dates.last[rows] >= start)

            return since
        end = days(bound.last_day)

        def until(rows: Array) -> Array:
            dates = store.dates()
            return dates.known[rows] & (dates.first[rows] <= end)

        return until

    return build


def _country_criterion(query: Query[Any], name: str, value: Any) -> Mask:
    allowed = countries(_many(value), f"where({name})")
    if query._kind is not None and query._kind.name == "funding_rounds":
        query._need_dataset("where(country=...) on funding rounds")
    return _country_mask(query, allowed)


def _region_criterion(query: Query[Any], name: str, value: Any) -> Mask:
    allowed: set[str] = set()
    eu_jurisdiction = query._kind is not None and query._kind.name == "policies"
    for item in _many(value):
        region, members = region_countries(item, f"where({name})")
        allowed |= members
        if eu_jurisdiction and region in ("EU", "Europe"):
            allowed.add("EU")
    if query._kind is not None and query._kind.name == "funding_rounds":
        query._need_dataset("where(region=...) on funding rounds")
    return _country_mask(query, allowed)


def _country_mask(query: Query[Any], allowed: AbstractSet[str]) -> Mask:
    """The rows whose country (a round's: its company's) is one of ``allowed``."""

    def mask(rows: Array) -> Array:
        codes, values = _country_codes(query, rows)
        return _codes_in(codes, values, allowed)

    return mask


def _jurisdiction_criterion(query: Query[Any], name: str, value: Any) -> Mask:
    allowed = countries(_many(value), f"where({name})", allow_eu=True)
    store = query._columns_store(name)
    return lambda rows: _codes_in(
        store.codes("jurisdiction")[rows], store.values("jurisdiction"), allowed
    )


def _name_criterion(query: Query[Any], name: str, value: Any) -> Mask:
    np = _np()
    keys = set()
    for item in _many(value):
        if not isinstance(item, str):
            raise TypeError(f"where({name}=...) takes a str, not {type(item).__name__}")
        keys.add(fold(item))
    store = query._columns_store(name)
    kind = store.kind
    if query._dataset is not None:
        # The dataset's name index answers at once: no folding per record.
        found = (query._dataset.row_of(kind.name, key) for key in keys)
        wanted = sorted({row for row in found if row is not None})
    else:
        wanted = sorted(
            row
            for row in range(store.size)
            if any(fold(n) in keys for n in kind.keys(store.record(row)))
        )
    return lambda rows: np.isin(rows, wanted)


def _record_rows(query: Query[Any], name: str, value: Any, kind: str) -> list[int]:
    dataset = query._need_dataset(f"where({name}=...)")
    rows = []
    for item in _many(value):
        found = dataset.resolve(kind, item)
        row = dataset.row_of(kind, found.id)
        assert row is not None
        rows.append(row)
    return sorted(set(rows))


def _company_criterion(query: Query[Any], name: str, value: Any) -> Mask:
    wanted = _record_rows(query, name, value, "companies")
    return lambda rows: _np().isin(_company_rows(query)[rows], wanted)


def _participation_criterion(lead: bool) -> Criterion:
    def build(query: Query[Any], name: str, value: Any) -> Mask:
        wanted = _record_rows(query, name, value, "investors")
        dataset = query._need_dataset(f"where({name}=...)")
        store = query._columns_store(name)

        def mask(rows: Array) -> Array:
            np = _np()
            chosen = np.isin(dataset.investor_rows(), wanted)
            if lead:
                leads, _ = store.numbers("lead", "participations")
                chosen &= leads.astype(bool)
            rounds, _ = store.numbers("row", "participations")
            hit = np.zeros(store.size, dtype=bool)
            hit[rounds[chosen]] = True
            return hit[rows]

        return mask

    return build


def _language_criterion(query: Query[Any], name: str, value: Any) -> Mask:
    languages = set()
    for item in _many(value):
        if not isinstance(item, str):
            raise TypeError(f"where({name}=...) takes a str, not {type(item).__name__}")
        languages.add(item)
    store = query._columns_store(name)
    return lambda rows: _codes_in(
        store.codes("language")[rows], store.values("language"), languages
    )


_CRITERIA: dict[str, dict[str, Criterion]] = {
    "funding_rounds": {
        "company": _company_criterion,
        "country": _country_criterion,
        "region": _region_criterion,
        "year": _date_criterion("year"),
        "since": _date_criterion("since"),
        "until": _date_criterion("until"),
        "round_type": _enum_criterion("round_type", RoundType),
        "investor": _participation_criterion(lead=False),
        "lead_investor": _participation_criterion(lead=True),
        "min_amount": _amount_criterion("min"),
        "max_amount": _amount_criterion("max"),
    },
    "companies": {
        "name": _name_criterion,
        "country": _country_criterion,
        "region": _region_criterion,
        "category": _enum_criterion("category", CompanyCategory),
    },
    "investors": {
        "name": _name_criterion,
        "kind": _enum_criterion("kind", InvestorKind),
        "country": _country_criterion,
        "region": _region_criterion,
    },
    "policies": {
        "name": _name_criterion,
        "jurisdiction": _jurisdiction_criterion,
        "region": _region_criterion,
        "kind": _enum_criterion("kind", PolicyKind),
        "status": _enum_criterion("status", PolicyStatus),
        "year": _date_criterion("year"),
        "since": _date_criterion("since"),
        "until": _date_criterion("until"),
        "min_amount": _amount_criterion("min"),
        "max_amount": _amount_criterion("max"),
    },
    "sources": {
        "language": _language_criterion,
        "year": _date_criterion("year"),
        "since": _date_criterion("since"),
        "until": _date_criterion("until"),
    },
}
