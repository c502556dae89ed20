"""The columnar form of a kind of records: Arrow tables, typed columns, records built lazily.

A `Store` holds the records of one kind (sources, companies, ...) either as records (a
Dataset built in Python or read from JSON), as Arrow tables (read from Parquet), or both; each
side is built from the other on first use. Queries run on the columns; records are built only
for the rows a user touches.

The tables of one kind (pyarrow, imported on first use):

* the kind's own table: one row per record, one column per scalar field. Text as ``string``;
  enums as ``dictionary<int8, string>`` whose dictionary is every value of the enum in
  declaration order (so a code is the member's position); ``founded`` as ``int16``; ``lead``
  as ``bool``; aliases as ``list<string>``; a date as ``<field>`` (``date32``, the first day
  it may stand for) plus ``<field>_precision`` (``"year"``, ``"month"`` or ``"day"``); an
  amount as ``<field>_low``, ``<field>_high`` (``decimal128(38, s)``, or ``decimal256(76, s)``
  past 38 digits; a point has ``low == high``, a range ``low < high``), ``<field>_unit`` and
  ``<field>_qualifier``.
* ``citations``: ``row`` (the record's row), ``source_id``, ``quote``, ``note``, in order.
* for funding rounds, ``participations``: ``row`` (the round's row), ``investor_id``,
  ``lead``, the amount columns of ``amount`` and ``stake``, in order.
"""

from __future__ import annotations

import datetime as _dt
import enum
import types
import typing
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Final, NamedTuple

import attrs

from aieco._kinds import Kind
from aieco.dates import PartialDate, Precision
from aieco.model import Citation, Participation
from aieco.money import Amount, Qualifier

if TYPE_CHECKING:
    from aieco.fx import ConvertedColumns

__all__ = ["DECIMAL_DIGITS", "Store", "decimal_scale"]

#: A numpy array (numpy is imported on first use).
Array = Any

#: Digits of an Arrow decimal128.
DECIMAL_DIGITS: Final = 38
_EPOCH: Final = _dt.date(1970, 1, 1)
_PRECISIONS: Final = [p.value for p in Precision]
_PRECISION_OF: Final = {p: i for i, p in enumerate(Precision)}


def _pa() -> Any:
    try:
        import pyarrow
        import pyarrow.compute
    except ImportError:  # pragma: no cover - pyarrow is a core dependency
        raise ImportError(
            "aieco's columnar engine needs pyarrow: pip install 'pyarrow>=17'"
        ) from None
    return pyarrow


def whole(column: Any) -> Any:
    """A column as one Arrow array: its only chunk as it is (no copy), else the chunks joined."""
    pa = _pa()
    if isinstance(column, pa.ChunkedArray):
        return column.chunk(0) if column.num_chunks == 1 else column.combine_chunks()
    return column


# --- fields and their columns -------------------------------------------------------------------


@attrs.frozen
class _Field:
    """How one attrs field of a record class maps to columns."""

    name: str
    #: text, int, bool, enum, date, amount, aliases, citations, participations
    shape: str
    enum_cls: type[enum.Enum] | None = None
    #: Whether the field may be None (its columns may then be null).
    optional: bool = False
    #: The field's default when it has one other than None (``()`` for aliases).
    default: Any = None

    def columns(self) -> tuple[str, ...]:
        if self.shape == "date":
            return (self.name, f"{self.name}_precision")
        if self.shape == "amount":
            return tuple(f"{self.name}_{part}" for part in ("low", "high", "unit", "qualifier"))
        if self.shape in ("citations", "participations"):
            return ()
        return (self.name,)

    def column_types(self) -> tuple[Any, ...]:
        """The Arrow type of each of `columns`, for writing and for reading back.

        Two are families: ``"decimal"`` (decimal128(38, s), or decimal256(76, s) for what 38
        digits cannot hold: `decimal_type`) and ``"dictionary"`` (dictionary-encoded
        text).
        """
        pa = _pa()
        return {
            "text": (pa.string(),),
            "reference": ("dictionary",),
            "int": (pa.int16(),),
            "bool": (pa.bool_(),),
            "enum": ("dictionary",),
            "date": (pa.date32(), "dictionary"),
            "amount": ("decimal", "decimal", "dictionary", "dictionary"),
            "aliases": (pa.list_(pa.string()),),
        }.get(self.shape, ())


def _shape(annotation: Any) -> tuple[str, type[enum.Enum] | None]:
    """The column shape of a resolved field type (``str | None`` → text, ...)."""
    args = [a for a in typing.get_args(annotation) if a is not type(None)]
    if typing.get_origin(annotation) in (types.UnionType, typing.Union):
        (annotation,) = args
        args = list(typing.get_args(annotation))
    if typing.get_origin(annotation) is tuple:
        item = args[0]
        return {str: "aliases", Citation: "citations", Participation: "participations"}[item], None
    simple = {str: "text", int: "int", bool: "bool", PartialDate: "date", Amount: "amount"}
    if annotation in simple:
        return simple[annotation], None
    if isinstance(annotation, type) and issubclass(annotation, enum.Enum):
        return "enum", annotation
    raise TypeError(f"no column shape for {annotation!r}")  # pragma: no cover - model changed


_FIELDS: dict[type, tuple[_Field, ...]] = {}


def _references() -> set[tuple[type, str]]:
    """(class, field) of every field that holds the id of another record (`REFERENCES`)."""
    from aieco._integrity import REFERENCES
    from aieco._kinds import KINDS

    items = {"participants": Participation, "sources": Citation}
    found = set()
    for kind, references in REFERENCES.items():
        for path, _ in references:
            outer, _, inner = path.partition("[].")
            found.add((items[outer], inner) if inner else (KINDS[kind].cls, path))
    return found


def fields_of(cls: type) -> tuple[_Field, ...]:
    """The columns of a record class, derived once from its attrs fields."""
    found = _FIELDS.get(cls)
    if found is None:
        attrs.resolve_types(cls)
        found = tuple(
            _Field(
                f.name,
                "reference" if (cls, f.name) in _references() else _shape(f.type)[0],
                _shape(f.type)[1],
                optional=type(None) in typing.get_args(f.type),
                default=None if f.default is attrs.NOTHING else f.default,
            )
            for f in attrs.fields(cls)
        )
        _FIELDS[cls] = found
    return found


def decimal_scale(values: Sequence[Decimal | None]) -> int:
    """The fewest decimal places that hold every value exactly (at least 0)."""
    scale = 0
    for value in values:
        if value is not None:
            exponent = int(plain_decimal(value).as_tuple().exponent)
            scale = max(scale, -exponent)
    return scale


def to_units(value: Decimal, scale: int) -> int:
    """``value × 10**scale`` as an int, exactly (``scale`` holds every decimal of value)."""
    sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    number = int("".join(map(str, digits)) or "0")
    shift = exponent + scale
    number = number * int(10**shift) if shift >= 0 else number // int(10 ** (-shift))
    return -number if sign else number


def from_units(units: int, scale: int) -> Decimal:
    """``units × 10**-scale`` as a Decimal, exactly, whatever the decimal context."""
    digits = tuple(int(d) for d in str(abs(units)))
    return Decimal((1 if units < 0 else 0, digits, -scale))


def decimal_type(scale: int, integer_digits: int) -> Any:
    """``decimal128(38, scale)``, or ``decimal256(76, scale)`` for what 38 digits cannot hold.

    The model's limit (`aieco._limits`: below 10^30, at most 20 decimals) allows 50
    digits; amounts of real data fit 38.
    """
    pa = _pa()
    if max(integer_digits, 1) + scale <= DECIMAL_DIGITS:
        return pa.decimal128(DECIMAL_DIGITS, scale)
    return pa.decimal256(2 * DECIMAL_DIGITS, scale)


def plain_decimal(value: Decimal) -> Decimal:
    """``value`` without trailing zeros after the point (``1500000000.00`` → ``1500000000``).

    Exact whatever the decimal context (no rounding to its precision).
    """
    sign, digits, exponent = value.as_tuple()
    assert isinstance(exponent, int)
    if not any(digits):
        return Decimal(0)
    if exponent >= 0:
        return Decimal((sign, (*digits, *(0,) * exponent), 0))
    trailing = 0
    while trailing < -exponent and trailing < len(digits) - 1 and digits[-1 - trailing] == 0:
        trailing += 1
    return Decimal((sign, digits[: len(digits) - trailing] or (0,), exponent + trailing))


def _enum_type(cls: type[enum.Enum]) -> Any:
    pa = _pa()
    return pa.dictionary(pa.int8(), pa.string())


def _enum_array(cls: type[enum.Enum], members: Sequence[enum.Enum | None]) -> Any:
    pa = _pa()
    position = {member: index for index, member in enumerate(cls)}
    codes = pa.array([None if m is None else position[m] for m in members], pa.int8())
    return pa.DictionaryArray.from_arrays(codes, pa.array([m.value for m in cls], pa.string()))


def _date_arrays(dates: Sequence[PartialDate | None]) -> tuple[Any, Any]:
    pa = _pa()
    first = pa.array([None if d is None else d.first_day for d in dates], pa.date32())
    codes = pa.array([None if d is None else _PRECISION_OF[d.precision] for d in dates], pa.int8())
    precision = pa.DictionaryArray.from_arrays(codes, pa.array(_PRECISIONS, pa.string()))
    return first, precision


def amount_arrays(amounts: Sequence[Amount | None]) -> tuple[Any, Any, Any, Any]:
    """The four columns of a list of amounts (None for a missing amount)."""
    pa = _pa()
    lows = [None if a is None else a.low for a in amounts]
    highs = [None if a is None else a.high for a in amounts]
    scale = max(decimal_scale(lows), decimal_scale(highs))
    kind = decimal_type(scale, max((v.adjusted() + 1 for v in highs if v), default=1))
    low = pa.array(
        [None if v is None else from_units(to_units(v, scale), scale) for v in lows], kind
    )
    high = pa.array(
        [None if v is None else from_units(to_units(v, scale), scale) for v in highs], kind
    )
    unit = pa.array([None if a is None else a.unit for a in amounts], pa.string())
    qualifier = _enum_array(Qualifier, [None if a is None else a.qualifier for a in amounts])
    return low, high, unit.dictionary_encode(), qualifier


def _arrays(field: _Field, values: list[Any]) -> list[Any]:
    pa = _pa()
    shape = field.shape
    if shape in ("text", "int", "bool"):
        return [pa.array(values, field.column_types()[0])]
    if shape == "reference":
        return [pa.array(values, pa.string()).dictionary_encode()]
    if shape == "enum":
        assert field.enum_cls is not None
        return [_enum_array(field.enum_cls, values)]
    if shape == "date":
        return list(_date_arrays(values))
    if shape == "amount":
        return list(amount_arrays(values))
    if shape == "aliases":
        return [pa.array([list(v) for v in values], field.column_types()[0])]
    raise AssertionError(shape)  # pragma: no cover


def table_of(cls: type, records: Sequence[Any]) -> Any:
    """The Arrow table of ``records`` (scalar fields only)."""
    pa = _pa()
    columns: dict[str, Any] = {}
    for field in fields_of(cls):
        if not field.columns():
            continue
        values = [getattr(record, field.name) for record in records]
        columns.update(zip(field.columns(), _arrays(field, values), strict=True))
    return pa.table(columns)


def _child_table(records: Sequence[Any], attribute: str, cls: type) -> Any:
    """One row per item of each record's ``attribute`` (of type ``cls``), with its record's row."""
    pa = _pa()
    rows, children = [], []
    for row, record in enumerate(records):
        for child in getattr(record, attribute):
            rows.append(row)
            children.append(child)
    table = table_of(cls, children)
    return table.add_column(0, "row", pa.array(rows, pa.int32()))


# --- reading records back from columns ----------------------------------------------------------


#: Rows of a column converted to Python values at a time (`_Reader`).
_BLOCK_BITS: Final = 12


class _Reader:
    """Python values of a table's columns, converted a block of rows at a time on first use.

    Touching one record of a million converts the 4,096 rows around it, not whole columns
    (a million Decimals); iterating every record converts each block once.
    """

    __slots__ = ("_blocks", "_table")

    def __init__(self, table: Any) -> None:
        self._table = table
        self._blocks: dict[tuple[str, int], list[Any]] = {}

    def cell(self, name: str, row: int) -> Any:
        """The Python value of column ``name`` at ``row``."""
        block = row >> _BLOCK_BITS
        values = self._blocks.get((name, block))
        if values is None:
            size = 1 << _BLOCK_BITS
            column = self._table.column(name).slice(block * size, size)
            if name.endswith(("_low", "_high")):
                values = [None if v is None else plain_decimal(v) for v in column.to_pylist()]
            else:
                values = column.to_pylist()
            self._blocks[(name, block)] = values
        return values[row & ((1 << _BLOCK_BITS) - 1)]

    def value(self, field: _Field, row: int) -> Any:
        shape, cell = field.shape, self.cell
        if shape == "enum":
            assert field.enum_cls is not None
            code = cell(field.name, row)
            return None if code is None else field.enum_cls(code)
        if shape == "date":
            first = cell(field.name, row)
            if first is None:
                return None
            return partial_date(first, PRECISION_RANK[cell(f"{field.name}_precision", row)])
        if shape == "amount":
            low = cell(f"{field.name}_low", row)
            if low is None:
                return None
            high = cell(f"{field.name}_high", row)
            unit = cell(f"{field.name}_unit", row)
            qualifier = Qualifier(cell(f"{field.name}_qualifier", row))
            value = low if low == high else None
            return built(
                Amount,
                {"value": value, "low": low, "high": high, "unit": unit, "qualifier": qualifier},
            )
        if shape == "aliases":
            return tuple(cell(field.name, row))
        return cell(field.name, row)


#: A precision's rank in the columns' date keys: the order of `Precision` (year, month, day).
PRECISION_RANK: Final = {p.value: i for i, p in enumerate(Precision)}


def partial_date(first: _dt.date, rank: int) -> PartialDate:
    """The PartialDate whose first day is ``first`` at precision rank ``rank`` (checked columns).

    The one place a date column's (first day, precision) pair becomes a PartialDate.
    """
    month = None if rank == 0 else first.month
    day = first.day if rank == 2 else None
    result: PartialDate = built(PartialDate, {"year": first.year, "month": month, "day": day})
    return result


class DateColumns(NamedTuple):
    """A date field as arrays, one entry per row (0 / -1 where the date is missing)."""

    #: First and last day each date may stand for, as days since 1970-01-01.
    first: Array
    last: Array
    year: Array
    #: 0 year, 1 month, 2 day; -1: no date.
    rank: Array
    known: Array
    #: ``first * 4 + rank``: ordered as PartialDate orders (a missing part first).
    key: Array


def date_of_key(key: int) -> PartialDate:
    """The PartialDate of a `DateColumns.key` value."""
    return partial_date(_EPOCH + _dt.timedelta(days=key // 4), key % 4)


def built(cls: type, values: dict[str, Any]) -> Any:
    """A record of ``cls`` with ``values``, without running its checks again.

    Only for values read from columns that were checked as a whole (a Parquet load, or
    columns made from records): the result equals ``cls(**values)``, which the tests check.
    """
    record: Any = object.__new__(cls)
    for name, value in values.items():
        object.__setattr__(record, name, value)
    return record


class _Children:
    """The rows of a child table (citations, participations) by their parent's row."""

    __slots__ = ("_cls", "_reader", "_spans")

    def __init__(self, table: Any, cls: type, parents: int) -> None:
        import numpy as np

        self._cls = cls
        self._reader = _Reader(table)
        rows = table.column("row").to_numpy()
        self._spans = np.searchsorted(rows, np.arange(parents + 1))

    def of(self, row: int) -> tuple[Any, ...]:
        start, stop = int(self._spans[row]), int(self._spans[row + 1])
        if start == stop:
            return ()
        fields = fields_of(self._cls)
        return tuple(
            built(self._cls, {f.name: self._reader.value(f, i) for f in fields})
            for i in range(start, stop)
        )


class Store:
    """The records of one kind, as records and/or as columns (each built on demand)."""

    __slots__ = (
        "_cache",
        "_children",
        "_reader",
        "_records",
        "_tables",
        "kind",
        "size",
    )

    def __init__(
        self,
        kind: Kind,
        *,
        records: Sequence[Any] | None = None,
        tables: dict[str, Any] | None = None,
    ) -> None:
        self.kind = kind
        self._records: list[Any] | None = list(records) if records is not None else None
        self._tables: dict[str, Any] | None = tables
        self._cache: dict[Any, Any] = {}
        self._reader: _Reader | None = None
        self._children: dict[str, _Children] = {}
        if records is not None:
            self.size = len(records)
        else:
            assert tables is not None
            self.size = tables[kind.name].num_rows

    # --- records ----------------------------------------------------------------------------

    def record(self, row: int) -> Any:
        """The record at ``row``, built from the columns on first use."""
        records = self._records
        if records is None:
            records = self._records = [None] * self.size
        record = records[row]
        if record is None:
            record = records[row] = self._build(row)
        return record

    def records(self) -> list[Any]:
        """Every record, in row order (all built)."""
        return [self.record(row) for row in range(self.size)]

    def _build(self, row: int) -> Any:
        tables = self.tables()
        if self._reader is None:
            self._reader = _Reader(tables[self.kind.name])
        values: dict[str, Any] = {}
        for field in fields_of(self.kind.cls):
            if field.shape == "citations":
                values[field.name] = self._child("citations", Citation).of(row)
            elif field.shape == "participations":
                values[field.name] = self._child("participations", Participation).of(row)
            else:
                values[field.name] = self._reader.value(field, row)
        return built(self.kind.cls, values)

    def _child(self, name: str, cls: type) -> _Children:
        child = self._children.get(name)
        if child is None:
            child = self._children[name] = _Children(self.tables()[name], cls, self.size)
        return child

    # --- columns ----------------------------------------------------------------------------

    def tables(self) -> dict[str, Any]:
        """The kind's tables: its own (by the kind's name), ``citations``, ``participations``."""
        tables = self._tables
        if tables is None:
            records = self._records
            assert records is not None
            tables = {self.kind.name: table_of(self.kind.cls, records)}
            if any(f.shape == "citations" for f in fields_of(self.kind.cls)):
                tables["citations"] = _child_table(records, "sources", Citation)
            if any(f.shape == "participations" for f in fields_of(self.kind.cls)):
                tables["participations"] = _child_table(records, "participants", Participation)
            self._tables = tables
        return tables

    @property
    def table(self) -> Any:
        """The kind's own table."""
        return self.tables()[self.kind.name]

    def cached(self, key: Any, build: Callable[[], Any]) -> Any:
        """A derived value computed once per store (columns never change)."""
        try:
            return self._cache[key]
        except KeyError:
            value = self._cache[key] = build()
            return value

    # --- typed views of columns for the query engine ----------------------------------------

    def codes(self, column: str, table: str | None = None) -> Array:
        """A dictionary or string column as int codes into `values` (-1 for null)."""
        return self._encoded(column, table)[0]

    def values(self, column: str, table: str | None = None) -> list[Any]:
        """The distinct values that `codes` point into."""
        return self._encoded(column, table)[1]

    def _encoded(self, column: str, table: str | None) -> tuple[Array, list[Any]]:
        def build() -> tuple[Array, list[Any]]:
            import numpy as np

            pa = _pa()
            array = whole(self.tables()[table or self.kind.name].column(column))
            if not pa.types.is_dictionary(array.type):
                array = array.dictionary_encode()
            codes = array.indices.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int32)
            return codes, array.dictionary.to_pylist()

        result: tuple[Array, list[Any]] = self.cached(("codes", table, column), build)
        return result

    def numbers(self, column: str, table: str | None = None) -> tuple[Array, Array]:
        """A numeric or date column as int64 (days for dates) and its validity mask."""

        def build() -> tuple[Array, Array]:
            import numpy as np

            pa = _pa()
            array = whole(self.tables()[table or self.kind.name].column(column))
            valid = array.is_valid().to_numpy(zero_copy_only=False)
            if pa.types.is_date32(array.type) or pa.types.is_boolean(array.type):
                array = array.cast(pa.int32())
            filled = array.fill_null(0).to_numpy(zero_copy_only=False).astype(np.int64)
            return filled, valid

        result: tuple[Array, Array] = self.cached(("numbers", table, column), build)
        return result

    def decimal_ints(self, column: str, table: str | None = None) -> tuple[Array, int]:
        """A decimal128 column as exact integers at its scale (int64 or Python ints), and scale.

        Nulls are 0; use the validity of the amount's unit column.
        """

        def build() -> tuple[Array, int]:
            array = whole(self.tables()[table or self.kind.name].column(column))
            return _decimal_ints(array), int(array.type.scale)

        result: tuple[Array, int] = self.cached(("ints", table, column), build)
        return result

    def dates(self) -> DateColumns:
        """The kind's date field as arrays (see `DateColumns`), computed once."""

        def build() -> DateColumns:
            import numpy as np

            field = self.kind.date_field
            assert field is not None
            first, known = self.numbers(field)
            ranks = [PRECISION_RANK.get(v, -1) for v in self.values(f"{field}_precision")]
            rank = np.array([*ranks, -1], dtype=np.int64)[self.codes(f"{field}_precision")]
            rank = np.where(known, rank, -1)
            days, offset = day_span(first)
            as_day = days.astype("datetime64[D]")
            year_start = as_day.astype("datetime64[Y]")
            year_end = (year_start + 1).astype("datetime64[D]").astype(np.int64) - 1
            month_end = (as_day.astype("datetime64[M]") + 1).astype("datetime64[D]")
            month_end = month_end.astype(np.int64) - 1
            last = np.where(
                rank == 0, year_end[offset], np.where(rank == 1, month_end[offset], first)
            )
            year = year_start.astype(np.int64)[offset] + 1970
            return DateColumns(first, last, year, rank, known, first * 4 + rank)

        result: DateColumns = self.cached("dates", build)
        return result

    def newest_first_keys(self) -> tuple[Array, Array, Array]:
        """The sort keys of newest first for ``numpy.lexsort`` (last key first).

        (id rank, newest first, undated last): the one definition of the order, used by
        ``Query.newest_first`` and the dataset's relations (which add the owner as a key).
        """

        def build() -> tuple[Array, Array, Array]:
            import numpy as np

            pc = _pa().compute
            dates = self.dates()
            id_rank = np.empty(self.size, dtype=np.int64)
            id_rank[pc.sort_indices(self.table.column("id")).to_numpy()] = np.arange(self.size)
            return id_rank, np.where(dates.known, -dates.key, 0), ~dates.known

        result: tuple[Array, Array, Array] = self.cached("newest_first", build)
        return result

    def periods(self) -> tuple[list[PartialDate | None], Array]:
        """The distinct dates of the kind (None last, for undated rows) and each row's index."""

        def build() -> tuple[list[PartialDate | None], Array]:
            import numpy as np

            dates = self.dates()
            base = int(dates.key[dates.known].min()) if dates.known.any() else 0
            keys = np.where(dates.known, dates.key - base + 1, 0)
            present, inverse = distinct(keys, int(keys.max()) + 1 if len(keys) else 1)
            values: list[PartialDate | None] = [
                None if key == 0 else date_of_key(key + base - 1) for key in present.tolist()
            ]
            if values and values[0] is None:  # undated rows: the table's latest day
                return [*values[1:], None], np.where(inverse == 0, len(values) - 1, inverse - 1)
            return values, inverse.astype(np.int64)

        result: tuple[list[PartialDate | None], Array] = self.cached("periods", build)
        return result

    def converted(
        self, field: str, currency: str, on: PartialDate | None, table: Any
    ) -> ConvertedColumns:
        """The ``field`` amounts in ``currency`` by `aieco.fx.convert_many`, computed once.

        Each row at its own date (``on`` for all when given; the table's latest day for an
        undated row or a kind without dates), with the rate table ``table``.
        """

        def build() -> ConvertedColumns:
            import numpy as np

            from aieco.fx import convert_many

            low, scale = self.decimal_ints(f"{field}_low")
            high, _ = self.decimal_ints(f"{field}_high")
            members = list(Qualifier)
            positions = [members.index(Qualifier(v)) for v in self.values(f"{field}_qualifier")]
            qualifiers = np.array([*positions, -1])[self.codes(f"{field}_qualifier")]
            periods: list[PartialDate | None]
            if on is None and self.kind.date_field is not None:
                periods, period_of = self.periods()
            else:
                periods, period_of = [on], np.zeros(self.size, dtype=np.int64)
            return convert_many(
                low,
                high,
                scale,
                qualifiers,
                self.values(f"{field}_unit"),
                self.codes(f"{field}_unit"),
                periods,
                period_of,
                currency,
                rates=table,
            )

        # The key holds the table itself, not its id(): a freed table's id is reused.
        result: ConvertedColumns = self.cached(("converted", field, currency, on, table), build)
        return result

    def row_of_ids(self, ids: Any, target: Store) -> Array:
        """The rows of ``target`` that the id strings in ``ids`` name (-1 where none)."""
        pa = _pa()
        positions = pa.compute.index_in(ids, value_set=target.table.column("id"))
        return positions.fill_null(-1).to_numpy(zero_copy_only=False)


def _decimal_ints(array: Any) -> Array:
    """The unscaled integers of a decimal128 array: int64 when every value fits, else objects."""
    import numpy as np

    pa = _pa()
    array = array.fill_null(Decimal(0)) if array.null_count else array
    if len(array) == 0:
        return np.zeros(0, np.int64)
    if array.type.byte_width != 16:  # decimal256: rare, through Python ints
        scale = array.type.scale
        return np.array([to_units(v, scale) for v in array.to_pylist()], dtype=object)
    buffer = array.buffers()[1]
    words = np.frombuffer(buffer, dtype=np.int64)[
        2 * array.offset : 2 * (array.offset + len(array))
    ]
    pairs = words.reshape(-1, 2)
    low, high = pairs[:, 0], pairs[:, 1]
    limit = np.int64(1) << np.int64(62)
    if bool(np.all(high == (low >> 63))) and bool(np.all((low < limit) & (low > -limit))):
        return low.copy()
    del pa
    unsigned = low.view(np.uint64).astype(object)
    return high.astype(object) * (1 << 64) + unsigned


def lexsort(keys: Sequence[Array]) -> Array:
    """``numpy.lexsort(keys)`` (the last key sorts first; stable), usually by one sort.

    Integer or boolean keys whose ranges fit 62 bits together are packed into one int64 key
    (the last key in the highest bits) and argsorted: some ten times faster than lexsort's
    pass per key over a million rows. Equal packed keys fall back to a stable sort, so the
    order is lexsort's in every case.
    """
    import numpy as np

    if not keys or not len(keys[0]):
        return np.lexsort(keys)
    lows = [int(key.min()) for key in keys]
    widths = [
        max(1, (int(key.max()) - low).bit_length()) for key, low in zip(keys, lows, strict=True)
    ]
    if sum(widths) > 62:
        return np.lexsort(keys)
    packed = np.zeros(len(keys[0]), dtype=np.int64)
    shift = 0
    for key, low, width in zip(keys, lows, widths, strict=True):
        packed |= (key.astype(np.int64) - low) << shift
        shift += width
    order = np.argsort(packed)
    ordered = packed[order]
    if bool((ordered[1:] == ordered[:-1]).any()):
        order = np.argsort(packed, kind="stable")
    return order


def distinct(codes: Array, span: int) -> tuple[Array, Array]:
    """``numpy.unique(codes, return_inverse=True)`` for int codes in ``range(span)``.

    By counting when the span is small (linear time), else by sorting.
    """
    import numpy as np

    if span > 1 << 24 or span > 8 * len(codes) + 1024:
        present, inverse = np.unique(codes, return_inverse=True)
        return present, inverse.astype(np.int64)
    counts = np.bincount(codes, minlength=span)
    present = np.flatnonzero(counts)
    lookup = np.zeros(span, dtype=np.int64)
    lookup[present] = np.arange(len(present))
    return present, lookup[codes]


def day_span(first: Array) -> tuple[Array, Array]:
    """The days to do calendar arithmetic on, and where each of ``first`` is among them.

    ``first`` are days since 1970-01-01. numpy's calendar casts cost some 40 ms per million
    values, so they are done once per day of the span the values cover (a few thousand days
    for real data) and looked up by ``days[offset]``; on the values themselves when a few of
    them lie far apart.
    """
    import numpy as np

    low, high = (int(first.min()), int(first.max())) if len(first) else (0, 0)
    if high - low <= 4 * len(first) + 100_000:
        return np.arange(low, high + 1), first - low
    return first, np.arange(len(first))


def days(date: _dt.date) -> int:
    """The date32 value of ``date``: days since 1970-01-01."""
    return (date - _EPOCH).days
