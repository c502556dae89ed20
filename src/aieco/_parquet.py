"""Parquet: the large-data format of a Dataset, written and read column by column (internal).

A Parquet dataset is a folder of seven files, one table each: ``sources.parquet``,
``companies.parquet``, ``investors.parquet``, ``funding_rounds.parquet``, ``policies.parquet``
(one row per record, the columns of `aieco._columns`), ``participations.parquet`` (one row
per participant of a round: ``round_id``, ``investor_id``, ``lead``, ``amount_*``,
``stake_*``) and ``citations.parquet`` (``kind``, ``id`` of the record, ``source_id``,
``quote``, ``note``). A missing file is an empty table.

Reading checks what reading JSON checks, on whole columns: the columns and their types, every
required value present, ids, texts, countries, currencies, enums, dates and amounts valid, ids
unique, every reference resolving, names and aliases unambiguous. Values with few distinct
values (countries, currencies, enums) are checked by the model's own check functions, once per
distinct value; ids and texts by the same rules as patterns over the column.
"""

from __future__ import annotations

import enum
import secrets
import shutil
import sys
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any, Final

from aieco._checks import check_country, check_id, check_text
from aieco._columns import Store, fields_of
from aieco._fold import fold
from aieco._integrity import REFERENCES
from aieco._kinds import KINDS, Kind, a
from aieco.errors import Problem, ValidationError
from aieco.model import Citation, Participation
from aieco.money import PERCENT

__all__ = ["dump_parquet", "is_parquet_dataset", "load_parquet"]

#: The tables of a Parquet dataset besides the five kinds.
CHILDREN: Final = ("participations", "citations")
#: Problems reported per check before "and N more".
_SHOWN: Final = 5
_FORMAT_KEY: Final = b"aieco.format"
_FORMAT: Final = b"1"


def _pa() -> Any:
    import pyarrow
    import pyarrow.compute

    return pyarrow


def _file(name: str) -> str:
    return f"{name}.parquet"


def is_parquet_dataset(path: Path) -> bool:
    """Whether ``path`` is a folder that holds aieco's Parquet tables."""
    return path.is_dir() and any((path / _file(name)).is_file() for name in (*KINDS, *CHILDREN))


# --- writing ------------------------------------------------------------------------------------


def _tables(dataset: Any) -> dict[str, Any]:
    """The seven tables of a dataset as written: references by id, not by row.

    A reference column is written dictionary-encoded with the ids of the kind it names as its
    dictionary (the citations' ``id``: every kind's ids, in the order of `KINDS`), so that
    a reader resolves it by the indices after one comparison of the dictionary.
    """
    pa = _pa()
    tables: dict[str, Any] = {}
    citations, cited_ids, offset = [], [], 0
    for name, kind in KINDS.items():
        store: Store = dataset.columns(name)
        own = store.tables()
        table = own[name]
        for field in fields_of(kind.cls):
            if field.shape == "reference":
                target = _REFERENCE_TARGETS[(name, field.name)]
                column = _reference(table.column(field.name), dataset, target)
                table = table.set_column(
                    table.schema.get_field_index(field.name), field.name, column
                )
        tables[name] = table
        ids = own[name].column("id").combine_chunks()
        if "citations" in own:
            cited = own["citations"]
            rows = cited.column("row").combine_chunks().cast(pa.int32())
            source = _reference(cited.column("source_id"), dataset, "sources")
            cited = cited.drop_columns(["row"]).set_column(
                cited.schema.get_field_index("source_id") - 1, "source_id", source
            )
            index = pa.compute.add(rows, pa.scalar(offset, pa.int32()))
            cited = cited.add_column(0, "id", index)  # the dictionary is added below
            kinds = pa.array([kind.name] * cited.num_rows, pa.string()).dictionary_encode()
            citations.append(cited.add_column(0, "kind", kinds))
            cited_ids.append(ids)
            offset += len(ids)
        if "participations" in own:
            part = own["participations"]
            rows = part.column("row").combine_chunks().cast(pa.int32())
            investor = _reference(part.column("investor_id"), dataset, "investors")
            part = part.drop_columns(["row"])
            part = part.set_column(
                part.schema.get_field_index("investor_id"), "investor_id", investor
            )
            round_ids = pa.DictionaryArray.from_arrays(rows, ids)
            tables["participations"] = part.add_column(0, "round_id", round_ids)
    every_id = pa.concat_arrays(cited_ids) if cited_ids else pa.array([], pa.string())
    for index, cited in enumerate(citations):
        column = pa.DictionaryArray.from_arrays(cited.column("id").combine_chunks(), every_id)
        citations[index] = cited.set_column(1, "id", column)
    tables["citations"] = pa.concat_tables(citations, promote_options="permissive")
    return tables


#: The kind each reference column names, by (table, column).
_REFERENCE_TARGETS: Final = {
    (kind, path): target
    for kind, references in REFERENCES.items()
    for path, target in references
    if "[]" not in path
}


def _reference(column: Any, dataset: Any, target: str) -> Any:
    """An id column as a dictionary column whose dictionary is ``target``'s ids, in order."""
    pa = _pa()
    ids = dataset.columns(target).table.column("id").combine_chunks()
    rows = _rows_named(column, ids)
    return pa.DictionaryArray.from_arrays(rows.cast(pa.int32()), ids)


def dump_parquet(dataset: Any, target: Path) -> Path:
    """Write the dataset as a folder of Parquet files at ``target`` (replacing it whole)."""
    import pyarrow.parquet as pq

    if target.exists() and not is_parquet_dataset(target):
        if target.is_dir() and not any(target.iterdir()):
            pass
        else:
            raise FileExistsError(
                f"{target} exists and is not an aieco Parquet folder; not overwriting it"
            )
    folder = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        folder.mkdir()
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(target)) from None
    try:
        for name, table in _tables(dataset).items():
            metadata = {**(table.schema.metadata or {}), _FORMAT_KEY: _FORMAT}
            pq.write_table(
                table.replace_schema_metadata(metadata),
                folder / _file(name),
                # One row group and whole dictionaries: a reader gets each dictionary once.
                row_group_size=max(table.num_rows, 1),
                use_dictionary=list(_dictionary_columns(name)),
                dictionary_pagesize_limit=1 << 31,
                # Plain Parquet types: any reader sees text as text, not as categories.
                store_schema=False,
            )
        old = None
        if target.exists():
            old = target.with_name(f".{target.name}.{secrets.token_hex(4)}.old")
            target.rename(old)
        folder.rename(target)
        if old is not None:
            shutil.rmtree(old)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
    return target


# --- reading ------------------------------------------------------------------------------------


class _Report:
    """Problems found in whole columns, a few shown per check."""

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def rows(
        self, where: str, column: str, values: list[Any], rows: Iterable[int], expected: str
    ) -> None:
        rows = list(rows)
        for row in rows[:_SHOWN]:
            self.problems.append(Problem(f"{where}[{row}].{column}", values[row], expected))
        if len(rows) > _SHOWN:
            self.problems.append(
                Problem(f"{where}.{column}", f"{len(rows)} rows", f"{len(rows) - _SHOWN} more")
            )


def _bad_rows(mask: Any) -> list[int]:
    import numpy as np

    rows: list[int] = np.flatnonzero(mask.to_numpy(zero_copy_only=False)).tolist()
    return rows


@cache
def _space_class() -> str:
    """A regex class of exactly the characters Python's ``str.strip()`` removes."""
    spaces = [c for c in map(chr, range(sys.maxunicode + 1)) if c.isspace()]
    return "[" + "".join(f"\\x{{{ord(c):x}}}" for c in spaces) + "]"


def _expected(check: Callable[..., None], value: Any, **options: Any) -> str | None:
    """What the model's own check says about ``value`` (None: it passes)."""
    try:
        check("column", "value", value, **options)
    except ValidationError as error:
        return error.problems[0].expected if error.problems else str(error)
    except TypeError as error:
        return str(error)
    return None


def _check_distinct(
    report: _Report,
    where: str,
    table: Any,
    column: str,
    test: Callable[[Any], str | None],
) -> None:
    """Check each distinct value of a low-cardinality column once with the model's rule."""
    pc = _pa().compute
    array = table.column(column)
    bad: dict[Any, str] = {}
    for value in pc.unique(array).to_pylist():
        if value is None:
            continue
        problem = test(value)
        if problem is not None:
            bad[value] = problem
    if bad:
        values = array.to_pylist()
        for value, problem in bad.items():
            rows = [row for row, v in enumerate(values) if v == value]
            report.rows(where, column, values, rows, problem)


def _check_required(report: _Report, where: str, table: Any, column: str) -> None:
    array = table.column(column)
    if array.null_count:
        values = array.to_pylist()
        rows = [row for row, v in enumerate(values) if v is None]
        report.rows(where, column, values, rows, "is required but missing")


def _check_texts(report: _Report, where: str, table: Any, column: str, kind: str) -> None:
    """Ids (the model's id pattern) or texts (not blank, no surrounding whitespace).

    On the bytes of the whole column: an id is lower-case ASCII letters, digits, '-' and '_',
    starting and ending with a letter or digit; a text must not be empty nor start or end with
    an ASCII space. A text that starts or ends with a non-ASCII character is checked by the
    model's own `check_text` (Unicode spaces, invisible characters).
    """
    import numpy as np

    pa = _pa()
    array = table.column(column)
    array = array.combine_chunks() if isinstance(array, pa.ChunkedArray) else array
    data, starts, ends = _string_bytes(array)
    valid = array.is_valid().to_numpy(zero_copy_only=False)
    filled = ends > starts
    first = data[np.where(filled, starts, 0)] if len(data) else np.zeros(len(starts), np.uint8)
    last = data[np.where(filled, ends - 1, 0)] if len(data) else first
    if kind == "id":
        edge = _byte_table(b"abcdefghijklmnopqrstuvwxyz0123456789")
        inner = _byte_table(b"abcdefghijklmnopqrstuvwxyz0123456789-_")
        bad = ~filled | ~edge[first] | ~edge[last]
        used = data[starts[0] : ends[-1]] if len(starts) else data[:0]
        if len(used) and not inner[used].all():
            outside = np.concatenate([[0], np.cumsum(~inner[data])])
            bad |= (outside[ends] - outside[starts]) > 0
        bad &= valid
        check: Callable[..., None] = check_id
    else:
        space = _byte_table(b" \t\n\x0b\x0c\r\x1c\x1d\x1e\x1f")
        bad = valid & (~filled | space[first] | space[last])
        unsure = np.flatnonzero(valid & filled & ~bad & ((first >= 0x80) | (last >= 0x80)))
        for row in unsure.tolist():
            bad[row] = _expected(check_text, array[row].as_py()) is not None
        check = check_text
    if bad.any():
        values = array.to_pylist()
        rows = np.flatnonzero(bad).tolist()
        report.rows(
            where, column, values, rows, _expected(check, values[rows[0]]) or "is not valid"
        )


def _string_bytes(array: Any) -> tuple[Any, Any, Any]:
    """The UTF-8 bytes of a string array and each string's start and end in them."""
    import numpy as np

    pa = _pa()
    if not pa.types.is_string(array.type):
        array = array.cast(pa.string())
    _, offsets, data = array.buffers()
    positions = np.frombuffer(offsets, dtype=np.int32)[array.offset : array.offset + len(array) + 1]
    payload = np.frombuffer(data, dtype=np.uint8) if data is not None else np.zeros(0, np.uint8)
    return payload, positions[:-1].astype(np.int64), positions[1:].astype(np.int64)


@cache
def _byte_table(allowed: bytes) -> Any:
    """A 256-entry mask of the bytes in ``allowed``."""
    import numpy as np

    table = np.zeros(256, dtype=bool)
    table[list(allowed)] = True
    return table


def _check_unique(report: _Report, where: str, table: Any) -> None:
    pc = _pa().compute
    ids = table.column("id")
    if pc.count_distinct(ids).as_py() == table.num_rows:
        return
    values = ids.to_pylist()
    first: dict[str, int] = {}
    rows = []
    for row, value in enumerate(values):
        if value in first:
            rows.append(row)
        else:
            first[value] = row
    for row in rows[:_SHOWN]:
        report.problems.append(
            Problem(
                f"{where}[{row}].id",
                values[row],
                f"repeats the id of {where}[{first[values[row]]}]",
            )
        )


def _check_references(
    report: _Report, where: str, table: Any, column: str, target: Any, kind: Kind
) -> Any:
    """Every id in ``column`` names a row of ``target``; returns the rows (-1 for none)."""
    pc = _pa().compute
    rows = _rows_named(table.column(column), target.column("id"))
    unresolved = pc.fill_null(pc.equal(rows, -1), False)
    if pc.any(unresolved).as_py():
        values = table.column(column).to_pylist()
        report.rows(
            where, column, values, _bad_rows(unresolved), f"does not name {a(kind.singular)}"
        )
    return rows.fill_null(-1)


def _rows_named(column: Any, ids: Any, offset: int = 0) -> Any:
    """The row of ``ids`` each value of ``column`` names: -1 for none, null for a null.

    A dictionary column whose dictionary holds ``ids`` at ``offset`` (as `dump` writes
    references) is resolved by its indices after one comparison of the two; any other value by
    a hash look-up (Arrow's ``index_in``).
    """
    import numpy as np

    pa = _pa()
    pc = pa.compute
    if isinstance(column, pa.ChunkedArray):
        column = column.combine_chunks()
    if isinstance(ids, pa.ChunkedArray):
        ids = ids.combine_chunks()
    if not pa.types.is_dictionary(column.type):
        column = column.dictionary_encode()
    dictionary, indices = column.dictionary, column.indices
    size = len(ids)
    if (
        offset == 0
        and len(dictionary) == size
        and not indices.null_count
        and (size == 0 or pc.all(pc.equal(dictionary, ids)).as_py())
    ):
        return indices.cast(pa.int64())  # the dictionary is the ids: an index is a row
    codes = indices.fill_null(-1).to_numpy(zero_copy_only=False).astype(np.int64)
    if len(dictionary) >= offset + size and (
        size == 0 or pc.all(pc.equal(dictionary.slice(offset, size), ids)).as_py()
    ):
        mapping = np.arange(len(dictionary), dtype=np.int64) - offset
        outside = (mapping < 0) | (mapping >= size)
        mapping[outside] = -1
        used = np.zeros(len(dictionary), dtype=bool)
        used[codes[codes >= 0]] = True
        others = np.flatnonzero(used & outside)  # entries outside the slice that rows use
        if len(others):
            found = pc.index_in(dictionary.take(pa.array(others)), value_set=ids)
            mapping[others] = found.fill_null(-1).to_numpy(zero_copy_only=False)
    else:
        found = pc.index_in(dictionary, value_set=ids).fill_null(-1)
        mapping = found.to_numpy(zero_copy_only=False).astype(np.int64)
    rows = np.where(codes >= 0, mapping[np.maximum(codes, 0)] if len(mapping) else -1, -1)
    return pa.array(rows, pa.int64(), mask=codes < 0)


def _conform(report: _Report, where: str, table: Any, cls: type, extra: dict[str, Any]) -> Any:
    """The table with the columns of ``cls`` (plus ``extra``) in their types; others refused."""
    pa = _pa()
    wanted: dict[str, Any] = dict(extra)
    defaults: dict[str, Any] = {}
    for field in fields_of(cls):
        wanted.update(zip(field.columns(), field.column_types(), strict=True))
        if field.default is not None:
            defaults[field.name] = field.default
    unknown = [name for name in table.column_names if name not in wanted]
    for name in unknown:
        report.problems.append(Problem(f"{where}.{name}", name, "is not a known column"))
    columns = {}
    for name, kind in wanted.items():
        if name not in table.column_names:
            columns[name] = _missing(defaults.get(name), kind, table.num_rows)
            continue
        array = table.column(name).combine_chunks()
        expected = _TYPE_NAMES.get(str(kind), str(kind))
        try:
            if not _same_family(array.type, kind):
                raise TypeError(f"expected {expected}")
            if kind == "dictionary":
                if not pa.types.is_dictionary(array.type) or array.type.value_type != pa.string():
                    array = array.cast(pa.string()).dictionary_encode()
            elif kind == "decimal":
                if array.type.byte_width not in (16, 32):  # decimal32/64: widened losslessly
                    array = array.cast(pa.decimal128(38, array.type.scale))
            elif array.type != kind:
                array = array.cast(kind)  # safe: an int16 that does not fit raises
        except Exception as exc:
            report.problems.append(
                Problem(f"{where}.{name}", str(array.type), f"has the wrong type ({exc})")
            )
            array = _nulls(kind, table.num_rows)  # the load fails; no check trips over it
        columns[name] = array
    return pa.table(columns)


#: What a column of each kind must hold, as a problem says it.
_TYPE_NAMES = {"dictionary": "text", "decimal": "an exact decimal (decimal128 or decimal256)"}


def _missing(default: Any, kind: Any, length: int) -> Any:
    """A column that is not in the file: the field's default in every row, else nulls."""
    import numpy as np

    pa = _pa()
    if default is None:
        return _nulls(kind, length)
    if isinstance(default, tuple):  # aliases: no alias
        offsets = pa.array(np.zeros(length + 1, dtype=np.int32))
        return pa.ListArray.from_arrays(offsets, pa.array([], pa.string()))
    if isinstance(default, bool):
        return pa.array(np.full(length, default))
    value = default.value if isinstance(default, enum.Enum) else default
    column = pa.DictionaryArray.from_arrays(
        pa.array(np.zeros(length, dtype=np.int32)), pa.array([value], pa.string())
    )
    return column if kind == "dictionary" else column.cast(kind)


def _nulls(kind: Any, length: int) -> Any:
    """An all-null column; one array per type and length, shared (Arrow arrays never change)."""
    key = (str(kind), length)
    found = _SHARED_NULLS.get(key)
    if found is None:
        found = _SHARED_NULLS[key] = _new_nulls(kind, length)
    return found


#: The null columns of the load in progress (emptied when it ends).
_SHARED_NULLS: dict[tuple[str, int], Any] = {}


def _new_nulls(kind: Any, length: int) -> Any:
    pa = _pa()
    if kind == "dictionary":
        return pa.nulls(length, pa.dictionary(pa.int32(), pa.string()))
    if kind == "decimal":
        return pa.nulls(length, pa.decimal128(38, 0))
    return pa.nulls(length, kind)


def _is_text(kind: Any) -> bool:
    pa = _pa()
    if pa.types.is_dictionary(kind):
        kind = kind.value_type
    return bool(pa.types.is_string(kind) or pa.types.is_large_string(kind))


def _same_family(actual: Any, wanted: Any) -> bool:
    """Whether a column of type ``actual`` may be read as ``wanted`` without changing a value.

    Only casts within one family: text to text, integers to integers (checked for overflow),
    dates to dates, decimals to decimals; never a number to text ("123") or text to a number.
    """
    pa = _pa()
    if wanted == "dictionary" or wanted == pa.string():
        return _is_text(actual)
    if wanted == "decimal":
        return bool(pa.types.is_decimal(actual))
    if pa.types.is_integer(wanted):
        return bool(pa.types.is_integer(actual))
    if pa.types.is_boolean(wanted):
        return bool(pa.types.is_boolean(actual))
    if pa.types.is_date(wanted):
        return bool(pa.types.is_date(actual))
    if pa.types.is_list(wanted):
        return bool(
            (pa.types.is_list(actual) or pa.types.is_large_list(actual))
            and _is_text(actual.value_type)
        )
    return bool(actual == wanted)


def _check_fields(report: _Report, where: str, table: Any, cls: type) -> None:
    """The per-column rules of the model for the scalar fields of ``cls``."""
    pa = _pa()
    pc = pa.compute
    for field in fields_of(cls):
        name, shape = field.name, field.shape
        if not field.optional and field.columns():
            _check_required(report, where, table, field.columns()[0])
        if shape == "text":
            if name == "id":
                _check_texts(report, where, table, name, "id")
            elif name in ("country",):
                _check_distinct(report, where, table, name, lambda v: _expected(check_country, v))
            elif name == "jurisdiction":
                _check_distinct(
                    report,
                    where,
                    table,
                    name,
                    lambda v: _expected(check_country, v, allow_eu=True),
                )
            else:
                _check_texts(report, where, table, name, "text")
        elif shape == "enum":
            assert field.enum_cls is not None
            _check_distinct(report, where, table, name, _enum_test(field.enum_cls))
        elif shape == "int":
            array = table.column(name)
            bad = pc.or_(pc.less(array, 1600), pc.greater(array, 2100))
            if pc.any(pc.fill_null(bad, False)).as_py():
                report.rows(
                    where,
                    name,
                    array.to_pylist(),
                    _bad_rows(pc.fill_null(bad, False)),
                    "is not a plausible founding year (1600-2100)",
                )
        elif shape == "date":
            _check_date(report, where, table, name)
        elif shape == "amount":
            _check_amount(report, where, table, name, percent=name == "stake")
        elif shape == "aliases":
            _check_aliases(report, where, table)


def _enum_test(cls: type[enum.Enum]) -> Callable[[Any], str | None]:
    allowed = {m.value for m in cls}
    message = f"is not a {cls.__name__}; expected one of " + ", ".join(repr(m.value) for m in cls)
    return lambda value: None if value in allowed else message


def _check_date(report: _Report, where: str, table: Any, name: str) -> None:
    pc = _pa().compute
    first = table.column(name)
    precision = table.column(f"{name}_precision")
    _check_distinct(
        report,
        where,
        table,
        f"{name}_precision",
        lambda v: None if v in ("year", "month", "day") else "is not 'year', 'month' or 'day'",
    )
    text = precision.cast(_pa().string())
    day = pc.day(first)
    month = pc.month(first)
    bad = pc.or_(
        pc.xor(pc.is_null(first), pc.is_null(precision)),
        pc.or_(
            pc.and_(pc.equal(text, "year"), pc.or_(pc.not_equal(day, 1), pc.not_equal(month, 1))),
            pc.and_(pc.equal(text, "month"), pc.not_equal(day, 1)),
        ),
    )
    bad = pc.fill_null(bad, False)
    if pc.any(bad).as_py():
        report.rows(
            where,
            name,
            first.to_pylist(),
            _bad_rows(bad),
            "does not fit its precision (a year is stored as 1 January, a month as its 1st)",
        )


def _check_amount(report: _Report, where: str, table: Any, name: str, *, percent: bool) -> None:
    from aieco._checks import is_currency

    pc = _pa().compute
    low, high = table.column(f"{name}_low"), table.column(f"{name}_high")
    unit, qualifier = table.column(f"{name}_unit"), table.column(f"{name}_qualifier")
    present = pc.is_valid(low)
    partial = pc.or_(
        pc.or_(pc.xor(present, pc.is_valid(high)), pc.xor(present, pc.is_valid(unit))),
        pc.xor(present, pc.is_valid(qualifier)),
    )
    if pc.any(partial).as_py():
        report.rows(
            where,
            f"{name}_low",
            low.to_pylist(),
            _bad_rows(partial),
            f"{name}_low, _high, _unit and _qualifier must all be given or all be missing",
        )
    if percent:
        _check_distinct(
            report, where, table, f"{name}_unit", lambda v: None if v == PERCENT else "must be '%'"
        )
    else:
        _check_distinct(
            report,
            where,
            table,
            f"{name}_unit",
            lambda v: None if is_currency(v) else "is not a currency code",
        )
    from aieco.money import Qualifier

    allowed = {q.value for q in Qualifier}
    _check_distinct(
        report,
        where,
        table,
        f"{name}_qualifier",
        lambda v: None if v in allowed else "is not a Qualifier",
    )
    _check_limit(report, where, low, f"{name}_low")
    _check_limit(report, where, high, f"{name}_high")
    negative = pc.fill_null(pc.less(low, 0), False)
    if pc.any(negative).as_py():
        report.rows(
            where, f"{name}_low", low.to_pylist(), _bad_rows(negative), "must not be negative"
        )
    reversed_ = pc.fill_null(pc.greater(low, high), False)
    if pc.any(reversed_).as_py():
        report.rows(
            where, f"{name}_low", low.to_pylist(), _bad_rows(reversed_), "must not be above high"
        )
    if percent:
        over = pc.fill_null(pc.greater(high, 100), False)
        if pc.any(over).as_py():
            report.rows(
                where, f"{name}_high", high.to_pylist(), _bad_rows(over), "must not exceed 100 %"
            )


def _check_limit(report: _Report, where: str, array: Any, column: str) -> None:
    """The model's limit on numbers (`aieco._limits`), on a whole decimal column."""
    from decimal import Decimal

    from aieco._limits import MAX_FRACTION_DIGITS, MAX_INTEGER_DIGITS, limit_problem

    pa = _pa()
    pc = pa.compute
    kind = array.type
    bad = None
    if kind.precision - kind.scale > MAX_INTEGER_DIGITS:
        bound = pa.scalar(Decimal(10**MAX_INTEGER_DIGITS), type=kind)
        extremes = pc.min_max(array)  # one pass; rows are looked at only when one is out
        low, high = extremes["min"].as_py(), extremes["max"].as_py()
        if low is not None and (high >= bound.as_py() or -low >= bound.as_py()):
            bad = pc.greater_equal(pc.abs(array), bound)
    if kind.scale > MAX_FRACTION_DIGITS:
        rounded = pc.not_equal(pc.round(array, ndigits=MAX_FRACTION_DIGITS), array)
        bad = rounded if bad is None else pc.or_(bad, rounded)
    if bad is not None:
        bad = pc.fill_null(bad, False)
        if pc.any(bad).as_py():
            values = array.to_pylist()
            rows = _bad_rows(bad)
            report.rows(
                where, column, values, rows, limit_problem(values[rows[0]]) or "is out of range"
            )


def _check_aliases(report: _Report, where: str, table: Any) -> None:
    pc = _pa().compute
    aliases = table.column("aliases")
    flat = pc.list_flatten(aliases)
    if len(flat):
        parents = pc.list_parent_indices(aliases).to_numpy()
        probe = _pa().table({"aliases": flat})
        sub = _Report()
        _check_texts(sub, "x", probe, "aliases", "text")
        for problem in sub.problems:
            if problem.path.startswith("x["):
                index = int(problem.path[2 : problem.path.index("]")])
                report.problems.append(
                    Problem(f"{where}[{parents[index]}].aliases", problem.value, problem.expected)
                )


def _read(folder: Path) -> dict[str, Any]:
    """The tables of the folder: dictionary columns read as dictionaries, all-null ones skipped.

    A column whose statistics say every value is null is not decoded: `_conform` makes it
    (a missing column is all null).
    """
    import pyarrow.parquet as pq

    tables = {}
    for name in (*KINDS, *CHILDREN):
        path = folder / _file(name)
        if path.is_file():
            try:
                names = pq.ParquetFile(path).schema_arrow.names
                wanted = [c for c in _dictionary_columns(name) if c in names]
                handle = pq.ParquetFile(path, read_dictionary=wanted)
                empty = _null_columns(handle.metadata) & _optional_columns(name)
                columns = [c for c in handle.schema_arrow.names if c not in empty]
                tables[name] = handle.read(columns=columns)
            except OSError:
                raise
            except Exception as exc:
                raise ValidationError(
                    [Problem(_file(name), str(path), f"is not a Parquet file ({exc})")]
                ) from None
    return tables


#: Each table's record class and its columns besides the class's: (type, required).
_TABLE_CLASSES: Final[dict[str, tuple[type, dict[str, tuple[str, bool]]]]] = {
    **{name: (kind.cls, {}) for name, kind in KINDS.items()},
    "participations": (Participation, {"round_id": ("dictionary", True)}),
    "citations": (Citation, {"kind": ("dictionary", True), "id": ("dictionary", True)}),
}


@cache
def _dictionary_columns(name: str) -> tuple[str, ...]:
    """The columns of a table read as dictionaries: enums, units, references, kinds."""
    cls, extra = _TABLE_CLASSES[name]
    found = [column for column, (kind, _) in extra.items() if kind == "dictionary"]
    for field in fields_of(cls):
        for column, kind in zip(field.columns(), field.column_types(), strict=True):
            if kind == "dictionary":
                found.append(column)
    return tuple(found)


@cache
def _optional_columns(name: str) -> frozenset[str]:
    """The columns of a table's optional fields (a null is the field's default)."""
    cls, _ = _TABLE_CLASSES[name]
    return frozenset(c for f in fields_of(cls) if f.optional for c in f.columns())


def _null_columns(metadata: Any) -> set[str]:
    """The top-level columns that hold only nulls by the file's statistics."""
    if metadata.num_rows == 0 or metadata.num_row_groups == 0:
        return set()
    found = None
    for group in range(metadata.num_row_groups):
        row_group = metadata.row_group(group)
        nulls = set()
        for index in range(row_group.num_columns):
            column = row_group.column(index)
            stats = column.statistics
            if (
                "." not in column.path_in_schema
                and stats is not None
                and stats.has_null_count
                and stats.null_count == row_group.num_rows
            ):
                nulls.add(column.path_in_schema)
        found = nulls if found is None else found & nulls
    return found or set()


def load_parquet(folder: Path) -> Any:
    """Read and check a Parquet dataset folder; a ValidationError lists what is wrong."""
    pa = _pa()
    from aieco.dataset import Dataset

    raw = _read(folder)
    report = _Report()
    try:
        tables = _conformed(report, raw)
    finally:
        _SHARED_NULLS.clear()
    _raise(report)
    for name in KINDS:
        _check_unique(report, _file(name), tables[name])
    _check_self_owned(report, tables["companies"])
    references = _references(report, tables)
    children = _children(report, tables, references)
    _raise(report)
    keys = {name: _names(report, name, kind, tables[name]) for name, kind in KINDS.items()}
    _raise(report)
    stores = {
        name: Store(kind, tables={name: tables[name], **children[name]})
        for name, kind in KINDS.items()
    }
    del raw
    pa.default_memory_pool().release_unused()  # the tables read and checked, not kept
    derived = {
        "company_rows": references[("funding_rounds", "company_id")].to_numpy(),
        "investor_rows": references[("participations", "investor_id")].to_numpy(),
    }
    return Dataset._from_stores(stores, keys, derived)


def _raise(report: _Report) -> None:
    if report.problems:
        raise ValidationError(report.problems)


def _conformed(report: _Report, raw: dict[str, Any]) -> dict[str, Any]:
    """Every table in its columns and types, each column checked by the model's rules."""
    pa = _pa()
    tables = {}
    for name, (cls, extra) in _TABLE_CLASSES.items():
        table = raw.get(name)
        if table is None:
            table = pa.table({"id": pa.array([], pa.string())})
        wanted = {column: kind for column, (kind, _) in extra.items()}
        table = _conform(report, _file(name), table, cls, wanted)
        _check_fields(report, _file(name), table, cls)
        for column, (_, required) in extra.items():
            if required:
                _check_required(report, _file(name), table, column)
        tables[name] = table
    return tables


def _check_self_owned(report: _Report, companies: Any) -> None:
    pc = _pa().compute
    self_owned = pc.fill_null(
        pc.equal(companies.column("acquired_by").cast(_pa().string()), companies.column("id")),
        False,
    )
    if pc.any(self_owned).as_py():
        report.rows(
            _file("companies"),
            "acquired_by",
            companies.column("acquired_by").to_pylist(),
            _bad_rows(self_owned),
            "must not be the company itself",
        )


def _references(report: _Report, tables: dict[str, Any]) -> dict[tuple[str, str], Any]:
    """The rows each reference names (-1: none), for every reference `REFERENCES` lists.

    A field of a kind's own table, a participant's investor in participations (and its round),
    a citation's source in citations. Keyed by (table, column).
    """
    found: dict[tuple[str, str], Any] = {}
    targets = [("participations", "round_id", "funding_rounds")]
    for name, references in REFERENCES.items():
        for path, target in references:
            if path == "participants[].investor_id":
                targets.append(("participations", "investor_id", target))
            elif path == "sources[].source_id":
                targets.append(("citations", "source_id", target))
            else:
                targets.append((name, path, target))
    for table, column, target in dict.fromkeys(targets):
        found[(table, column)] = _check_references(
            report, _file(table), tables[table], column, tables[target], KINDS[target]
        )
    return found


def _children(
    report: _Report, tables: dict[str, Any], references: dict[tuple[str, str], Any]
) -> dict[str, dict[str, Any]]:
    """Each kind's child tables (citations; a round's participations) by their parent's row."""
    pa = _pa()
    pc = pa.compute
    import numpy as np

    cites = tables["citations"]
    _check_distinct(
        report,
        _file("citations"),
        cites,
        "kind",
        lambda v: (
            None if v in KINDS and v != "sources" else "is not a kind of record with citations"
        ),
    )
    kinds = cites.column("kind").combine_chunks()
    kind_codes = kinds.indices.fill_null(-1).to_numpy(zero_copy_only=False)
    kind_values = kinds.dictionary.to_pylist()
    ids = cites.column("id").combine_chunks()
    children: dict[str, dict[str, Any]] = {name: {} for name in KINDS}
    offset = 0
    for name in KINDS:
        if name == "sources":
            continue
        code = kind_values.index(name) if name in kind_values else -2
        chosen = np.flatnonzero(kind_codes == code)
        mine = ids.take(pa.array(chosen))
        rows = _rows_named(mine, tables[name].column("id"), offset)
        offset += tables[name].num_rows
        unresolved = pc.and_(pc.equal(rows, -1), pc.is_valid(mine))
        if pc.any(unresolved).as_py():
            bad = chosen[_bad_rows(unresolved)]
            report.rows(
                _file("citations"),
                "id",
                ids.to_pylist(),
                bad.tolist(),
                f"does not name {a(KINDS[name].singular)}",
            )
        table = cites.drop_columns(["kind", "id"]).take(pa.array(chosen))
        children[name]["citations"] = _by_parent(table, rows)
    part = tables["participations"]
    round_rows = references[("participations", "round_id")]
    investor_rows = references[("participations", "investor_id")]
    if not report.problems:
        participations = _by_parent(part.drop_columns(["round_id"]), round_rows)
        _check_repeated_investors(report, participations, investor_rows, round_rows)
        children["funding_rounds"]["participations"] = participations
    return children


def _by_parent(table: Any, rows: Any) -> Any:
    """A child table with its parent's ``row``, ordered by it (stable: keeps the order within)."""
    pa = _pa()
    pc = pa.compute
    import numpy as np

    rows = rows.cast(pa.int32())
    table = table.add_column(0, "row", rows)
    values = rows.to_numpy(zero_copy_only=False)
    if len(values) < 2 or bool(np.all(values[1:] >= values[:-1])):
        return table  # already in order, as dump() writes it
    order = pc.sort_indices(table, sort_keys=[("row", "ascending")])
    return table.take(order)


#: Repeated investors are found by comparing neighbours up to this many rows apart.
_NEIGHBOURS: Final = 64


def _check_repeated_investors(
    report: _Report, part: Any, investor_rows: Any, round_rows: Any
) -> None:
    """No round names an investor twice (rows of ``part`` are ordered by round)."""
    import numpy as np

    rounds = part.column("row").to_numpy()
    given = round_rows.to_numpy(zero_copy_only=False)
    if len(given) < 2 or bool(np.all(given[1:] >= given[:-1])):
        order = np.arange(len(given))  # in order already, as `_by_parent` kept it
    else:
        order = np.argsort(given, kind="stable")
    investors = investor_rows.to_numpy(zero_copy_only=False)[order]
    repeated = np.zeros(len(rounds), dtype=bool)
    widest = int(np.bincount(rounds).max()) if len(rounds) else 0
    if widest <= _NEIGHBOURS:
        for distance in range(1, widest):
            same = (rounds[distance:] == rounds[:-distance]) & (
                investors[distance:] == investors[:-distance]
            )
            repeated[distance:] |= same
    else:
        pairs = rounds.astype(np.int64) * (1 << 32) + investors
        by_pair = np.argsort(pairs, kind="stable")
        twice = pairs[by_pair][1:] == pairs[by_pair][:-1]
        repeated[by_pair[1:][twice]] = True
    for row in np.flatnonzero(repeated)[:_SHOWN].tolist():
        report.problems.append(
            Problem(
                f"{_file('participations')}[{int(order[row])}].investor_id",
                None,
                "names an investor a second time in the same round",
            )
        )


def _names(report: _Report, name: str, kind: Kind, table: Any) -> tuple[Any, Any] | None:
    """The folded keys (ids, names, aliases) and their rows; ambiguities are problems.

    None for a kind looked up by id only (an id is its own key: lower-case ASCII, unique).
    The dictionary of keys is built from these on the first lookup.
    """
    if kind.key_fields == ("id",):
        return None
    pa = _pa()
    pc = pa.compute
    import numpy as np

    parts, rows, paths = [table.column("id").combine_chunks()], [np.arange(table.num_rows)], []
    paths.append(("id", None))
    for field in kind.key_fields[1:]:
        parts.append(fold_column(table.column(field).combine_chunks()))
        rows.append(np.arange(table.num_rows))
        paths.append((field, None))
    if kind.has_aliases:
        aliases = table.column("aliases").combine_chunks()
        parents = pc.list_parent_indices(aliases).to_numpy()
        parts.append(fold_column(pc.list_flatten(aliases)))
        rows.append(parents)
        paths.append(("aliases", parents))
        _check_repeated_aliases(report, name, aliases, parents)
    keys = pa.concat_arrays(parts)
    owners = np.concatenate(rows)
    first = pc.index_in(keys, value_set=keys).to_numpy(zero_copy_only=False)
    clashes = np.flatnonzero(owners[first] != owners)
    if len(clashes):
        _report_clashes(report, name, table, clashes[:_SHOWN], owners, first, paths)
    return keys, owners


def _check_repeated_aliases(report: _Report, name: str, aliases: Any, parents: Any) -> None:
    import numpy as np

    pc = _pa().compute
    counts = pc.list_value_length(aliases).fill_null(0).to_numpy(zero_copy_only=False)
    if not len(counts) or counts.max() < 2:
        return
    codes = pc.list_flatten(aliases).dictionary_encode().indices.to_numpy()
    pairs = parents.astype(np.int64) * (len(codes) + 1) + codes
    ordered = np.sort(pairs)
    repeated = np.unique(ordered[1:][ordered[1:] == ordered[:-1]] // (len(codes) + 1))
    lists = aliases.to_pylist()
    for row in repeated[:_SHOWN].tolist():
        report.problems.append(
            Problem(f"{_file(name)}[{row}].aliases", lists[row], "must not repeat an alias")
        )


def _report_clashes(
    report: _Report,
    name: str,
    table: Any,
    clashes: Any,
    owners: Any,
    first: Any,
    paths: list[tuple[str, Any]],
) -> None:
    """A problem for each key (in ``clashes``) that another record already has."""
    import numpy as np

    where = _file(name)
    sizes = np.cumsum([0, *(table.num_rows if p is None else len(p) for _, p in paths)])
    for index in clashes.tolist():
        part = int(np.searchsorted(sizes, index, side="right")) - 1
        field, parents = paths[part]
        position = index - int(sizes[part])
        row = int(owners[index])
        if parents is None:
            text = table.column(field)[row].as_py()
        else:
            start = int(np.searchsorted(parents, row))
            field = f"aliases[{position - start}]"
            text = table.column("aliases")[row].as_py()[position - start]
        owner = int(owners[first[index]])
        report.problems.append(
            Problem(
                f"{where}[{row}].{field}",
                text,
                f"is ambiguous: {where}[{owner}] has the same id, name or alias "
                "(ignoring case and accents)",
            )
        )


#: The whitespace ``str.split()`` splits ASCII text at.
_ASCII_SPACE: Final = "[\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f ]+"


def fold_column(values: Any) -> Any:
    """`aieco._fold.fold` of every string of an Arrow array (None stays None).

    ASCII strings are folded by Arrow (lower case, whitespace runs collapsed and trimmed:
    what ``fold`` does to ASCII); the others by ``fold`` itself.
    """
    import numpy as np

    pa = _pa()
    pc = pa.compute
    if pa.types.is_dictionary(values.type):
        values = values.cast(pa.string())
    folded = pc.utf8_trim(
        pc.replace_substring_regex(pc.ascii_lower(values), _ASCII_SPACE, " "), " "
    )
    other = pc.invert(pc.fill_null(pc.string_is_ascii(values), True))
    rows = np.flatnonzero(other.to_numpy(zero_copy_only=False))
    if len(rows):
        texts = values.take(pa.array(rows)).to_pylist()
        folded = pc.replace_with_mask(folded, other, pa.array([fold(t) for t in texts]))
    return folded


def paths_of(folder: Path) -> list[Path]:
    """The files a Parquet dataset folder holds."""
    return [folder / _file(name) for name in (*KINDS, *CHILDREN) if (folder / _file(name)).exists()]
