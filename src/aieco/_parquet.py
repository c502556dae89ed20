"""Parquet: the large-data format of a Dataset, written and read column by column (internal).

A Parquet dataset is a folder of five files, one table per kind of record:
``sources.parquet``, ``companies.parquet``, ``investors.parquet``, ``funding_rounds.parquet``
and ``policies.parquet`` (one row per record, the columns of `aieco._columns`). A record's
lists of records are list columns of its row, as in JSON: ``sources`` (its citations: a list
of ``source_id``, ``quote``, ``note``) and, for a round, ``participants`` (``investor_id``,
``lead``, ``amount_*``, ``stake_*``). A missing file is an empty table.

Reading checks what reading JSON checks, on whole columns: the columns and their types, every
required value present, ids, texts, countries, currencies, enums, dates and amounts valid, ids
unique, every reference resolving, names and aliases unambiguous. Values with few distinct
values (countries, currencies, enums) are checked by the model's own check functions, once per
distinct value; ids and texts by the same rules as patterns over the column.
"""

from __future__ import annotations

import contextlib
import enum
import os
import secrets
import shutil
import sys
from collections.abc import Callable, Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any, Final

from aieco._checks import check_country, check_id, check_text
from aieco._columns import DECIMAL_DIGITS, Store, day_span, fields_of, whole
from aieco._fold import fold
from aieco._integrity import REFERENCES
from aieco._kinds import KINDS, Kind, a
from aieco.errors import Problem, ValidationError
from aieco.model import Citation, Participation
from aieco.money import PERCENT

__all__ = ["dump_parquet", "is_parquet_dataset", "load_parquet"]

#: The files of aieco's first Parquet layout, whose lists are now list columns of the parent.
_RETIRED: Final = ("participations", "citations")
#: Problems reported per check before "and N more".
_SHOWN: Final = 5
_FORMAT_KEY: Final = b"aieco.format"
_FORMAT: Final = b"2"


def _pa() -> Any:
    import pyarrow
    import pyarrow.compute

    return pyarrow


def _file(name: str) -> str:
    return f"{name}.parquet"


def is_parquet_dataset(path: Path) -> bool:
    """Whether ``path`` is a folder that holds aieco's Parquet tables."""
    return path.is_dir() and any((path / _file(name)).is_file() for name in (*KINDS, *_RETIRED))


# --- writing ------------------------------------------------------------------------------------


def _tables(dataset: Any) -> dict[str, Any]:
    """The five tables of a dataset as written: references by id, lists as list columns.

    A reference column is written dictionary-encoded with the ids of the kind it names as its
    dictionary, so that a reader resolves it by the indices after one comparison of the
    dictionary. A record's citations and a round's participants are list columns of its row
    (``sources``, ``participants``: lists of structs), as in JSON.
    """
    tables: dict[str, Any] = {}
    for name, kind in KINDS.items():
        store: Store = dataset.columns(name)
        own = store.tables()
        table = _narrow_decimals(own[name])
        for field in fields_of(kind.cls):
            if field.shape == "reference":
                target = _REFERENCE_TARGETS[(name, field.name)]
                column = _reference(table.column(field.name), dataset, target)
                table = table.set_column(
                    table.schema.get_field_index(field.name), field.name, column
                )
        for column, child, _ in _nested(name):
            items = _narrow_decimals(own[child])
            for reference, target in _CHILD_REFERENCES.get((name, column), ()):
                index = items.schema.get_field_index(reference)
                ids = _reference(items.column(reference), dataset, target)
                items = items.set_column(index, reference, ids)
            table = table.append_column(column, _nest(items, table.num_rows))
        tables[name] = table
    return tables


#: Digits a Parquet INT64 decimal holds.
_INT64_DIGITS: Final = 18


def _narrow_decimals(table: Any) -> Any:
    """Decimal columns whose values all fit 18 digits as ``decimal128(18, s)``.

    Written with ``store_decimal_as_integer``, Parquet keeps those as plain INT64 (with the
    decimal's precision and scale), which any reader reads as decimals and which read six
    times faster than 16-byte big-endian values; `load` widens them back to 38 digits.
    """
    pa = _pa()
    pc = pa.compute
    for index, field in enumerate(table.schema):
        kind = field.type
        if not pa.types.is_decimal128(kind) or kind.scale > _INT64_DIGITS:
            continue
        extremes = pc.min_max(table.column(index))
        low, high = extremes["min"].as_py(), extremes["max"].as_py()
        limit = 10 ** (_INT64_DIGITS - kind.scale)
        if low is None or (-limit < low and high < limit):
            narrow = pa.decimal128(_INT64_DIGITS, kind.scale)
            table = table.set_column(index, field.name, table.column(index).cast(narrow))
    return table


def _nest(items: Any, parents: int) -> Any:
    """A child table (``row`` and the item's columns) as a list column of ``parents`` rows."""
    import numpy as np

    pa = _pa()
    rows = whole(items.column("row")).to_numpy(zero_copy_only=False)
    if len(rows) > 1 and not bool(np.all(rows[1:] >= rows[:-1])):
        order = np.argsort(rows, kind="stable")
        items, rows = items.take(pa.array(order)), rows[order]
    offsets = np.zeros(parents + 1, dtype=np.int32)
    np.cumsum(np.bincount(rows, minlength=parents), out=offsets[1:])
    items = items.drop_columns(["row"]).combine_chunks()
    values = pa.StructArray.from_arrays(
        [whole(items.column(i)) for i in range(items.num_columns)],
        fields=list(items.schema),
    )
    return pa.ListArray.from_arrays(pa.array(offsets), values)


@cache
def _nested(name: str) -> tuple[tuple[str, str, type], ...]:
    """A kind's list columns: (column, child table in its `Store`, item class)."""
    classes = {"citations": Citation, "participations": Participation}
    return tuple(
        (field.name, field.shape, classes[field.shape])
        for field in fields_of(KINDS[name].cls)
        if field.shape in classes
    )


#: The kind each reference column names, by (table, column).
_REFERENCE_TARGETS: Final = {
    (kind, path): target
    for kind, references in REFERENCES.items()
    for path, target in references
    if "[]" not in path
}


def _child_references() -> dict[tuple[str, str], tuple[tuple[str, str], ...]]:
    """The references in a kind's list columns: (kind, list column) -> ((column, kind named),)."""
    found: dict[tuple[str, str], tuple[tuple[str, str], ...]] = {}
    for kind, references in REFERENCES.items():
        for path, target in references:
            if "[]." in path:
                column, item = path.split("[].")
                found[(kind, column)] = (*found.get((kind, column), ()), (item, target))
    return found


_CHILD_REFERENCES: Final = _child_references()


def _reference(column: Any, dataset: Any, target: str) -> Any:
    """An id column as a dictionary column whose dictionary is ``target``'s ids, in order."""
    pa = _pa()
    ids = whole(dataset.columns(target).table.column("id"))
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
                use_dictionary=list(_dictionary_paths(name)),
                dictionary_pagesize_limit=1 << 31,
                # Plain Parquet types: any reader sees text as text, not as categories.
                store_schema=False,
                store_decimal_as_integer=True,
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

    def __init__(self, lists: dict[str, tuple[str, str, Any]] | None = None) -> None:
        self.problems: list[Problem] = []
        #: For the items of a list column (by their ``where``): the parent's file, the column
        #: and each item's parent row, to name an item as ``file[row].column[i]``. Shared by
        #: the reports of one load (each check that runs on its own thread has its own).
        self.lists: dict[str, tuple[str, str, Any]] = {} if lists is None else lists

    def path(self, where: str, row: int) -> str:
        """The path of row ``row`` of the table ``where`` (an item: its record's row and place)."""
        found = self.lists.get(where)
        if found is None:
            return f"{where}[{row}]"
        import numpy as np

        parent_file, column, parents = found
        parent = int(parents[row])
        first = int(np.searchsorted(parents, parent))
        return f"{parent_file}[{parent}].{column}[{row - first}]"

    def rows(
        self, where: str, column: str, values: list[Any], rows: Iterable[int], expected: str
    ) -> None:
        rows = list(rows)
        for row in rows[:_SHOWN]:
            self.problems.append(
                Problem(f"{self.path(where, row)}.{column}", values[row], expected)
            )
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
    """Check each distinct value of a low-cardinality column once with the model's rule.

    A dictionary column whose dictionary passes whole is valid without looking at its rows;
    otherwise only the values rows use count (a file may carry unused dictionary entries).
    """
    pa = _pa()
    pc = pa.compute
    array = table.column(column)
    if pa.types.is_dictionary(array.type) and array.num_chunks == 1:
        entries = array.chunk(0).dictionary.to_pylist()
        if all(value is None or test(value) is None for value in entries):
            return
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

    array = whole(table.column(column))
    if array.null_count == len(array):
        return  # nothing to check (an optional text no record has)
    data, starts, ends = _string_bytes(array)
    valid = array.is_valid().to_numpy(zero_copy_only=False)
    filled = ends > starts
    first = data[np.where(filled, starts, 0)] if len(data) else np.zeros(len(starts), np.uint8)
    last = data[np.where(filled, ends - 1, 0)] if len(data) else first
    if kind == "id":
        bad = ~filled | ~_id_edge(first) | ~_id_edge(last)
        used = data[starts[0] : ends[-1]] if len(starts) else data[:0]
        if len(used) and not (_id_edge(used) | (used == ord("-")) | (used == ord("_"))).all():
            inner = _byte_table(b"abcdefghijklmnopqrstuvwxyz0123456789-_")
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


def _id_edge(data: Any) -> Any:
    """Which bytes (uint8) are an ASCII lower-case letter or digit: by two range tests.

    Comparisons of whole uint8 arrays run vectorised; a table look-up per byte does not.
    """
    import numpy as np

    a, zero = np.uint8(ord("a")), np.uint8(ord("0"))
    return ((data - a) < 26) | ((data - zero) < 10)  # unsigned: what is below wraps high


@cache
def _byte_table(allowed: bytes) -> Any:
    """A 256-entry mask of the bytes in ``allowed``."""
    import numpy as np

    table = np.zeros(256, dtype=bool)
    table[list(allowed)] = True
    return table


#: Odd 64-bit constants of the string hash (from splitmix64): multiplying by one is a bijection.
_HASH_START: Final = 0x9E3779B97F4A7C15
_HASH_STEP: Final = 0xBF58476D1CE4E5B9


def _string_hashes(array: Any) -> Any:
    """A 64-bit hash of each string of an Arrow string array (a null hashes as "").

    Equal strings have equal hashes; the converse is checked exactly wherever it matters
    (`_sharing`). Eight bytes at a time, on the column's own bytes: each string's words are
    read as unaligned little-endian words and its tail masked off, so a million ids of up to
    16 bytes take two passes of a few numpy operations. Strings of one length that fit one
    word never collide (each step is a bijection).
    """
    import numpy as np

    data, starts, ends = _string_bytes(array)
    lengths = ends - starts
    hashes = lengths.astype(np.uint64) * np.uint64(_HASH_START)
    longest = int(lengths.max()) if len(lengths) else 0
    if longest == 0:
        return hashes
    size = len(data)
    # The 8 bytes from every position of the data, and of a zero-padded copy of its end for
    # the words that would run past it.
    base = max(size - 16, 0)
    tail = np.zeros(size - base + 8, dtype=np.uint8)
    tail[: size - base] = data[base:]
    tail_words = np.ndarray((len(tail) - 7,), dtype="<u8", buffer=tail, strides=(1,))
    words = np.ndarray((size - 7,), dtype="<u8", buffer=data, strides=(1,)) if size >= 8 else None
    masks = _word_masks()
    step, shift = np.uint64(_HASH_STEP), np.uint64(31)
    rows = None  # the strings with a word at ``offset``, once they are few (None: all)
    for offset in range(0, longest, 8):
        if rows is not None:
            rows = rows[lengths[rows] > offset]
        elif offset and np.count_nonzero(lengths > offset) < len(lengths) // 4:
            rows = np.flatnonzero(lengths > offset)
        at = np.minimum((starts if rows is None else starts[rows]) + offset, size)
        if words is not None:
            word = words[np.minimum(at, size - 8)]
            late = np.flatnonzero(at > size - 8)
        else:
            word, late = np.zeros(len(at), dtype=np.uint64), np.arange(len(at))
        if len(late):
            word[late] = tail_words[at[late] - base]
        left = (lengths if rows is None else lengths[rows]) - offset
        word &= masks[np.clip(left, 0, 8)]
        word ^= hashes if rows is None else hashes[rows]
        word *= step
        word ^= word >> shift
        if rows is not None:
            hashes[rows] = word
        elif left.min() > 0:
            hashes = word
        else:  # a string without a word here keeps its hash: it must not depend on others
            hashes = np.where(left > 0, word, hashes)
    return hashes


@cache
def _word_masks() -> Any:
    """The mask that keeps the first ``n`` bytes of a little-endian word, for n = 0..8."""
    import numpy as np

    return np.array([(1 << (8 * n)) - 1 for n in range(9)], dtype=np.uint64)


def _sharing(hashes: Any) -> Any:
    """The positions whose hash is also another position's, in order (usually none).

    One sort of the hashes (numpy sorts a million 64-bit integers in some 15 ms); only the
    values at these positions can be equal, and they are compared exactly.
    """
    import numpy as np

    ordered = np.sort(hashes)
    repeated = ordered[1:][ordered[1:] == ordered[:-1]]
    if not len(repeated):
        return np.zeros(0, dtype=np.int64)
    repeated = np.unique(repeated)
    found = np.minimum(np.searchsorted(repeated, hashes), len(repeated) - 1)
    return np.flatnonzero(repeated[found] == hashes)


def _check_unique(report: _Report, where: str, table: Any) -> None:
    """No id twice: the ids whose hash another id shares are compared exactly."""
    pa = _pa()
    ids = whole(table.column("id"))
    candidates = _sharing(_string_hashes(ids))
    if not len(candidates):
        return
    values = ids.take(pa.array(candidates)).to_pylist()
    first: dict[str, int] = {}
    rows = []
    for row, value in zip(candidates.tolist(), values, strict=True):
        if value is None:
            continue  # reported as missing
        if value in first:
            rows.append((row, value))
        else:
            first[value] = row
    for row, value in rows[:_SHOWN]:
        report.problems.append(
            Problem(f"{where}[{row}].id", value, f"repeats the id of {where}[{first[value]}]")
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
    column, ids = whole(column), whole(ids)
    if column.null_count == len(column):  # names nothing (an optional reference, unused)
        return _nulls(pa.int64(), len(column))
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
        array = whole(table.column(name))
        expected = _TYPE_NAMES.get(str(kind), str(kind))
        try:
            if not _same_family(array.type, kind):
                raise TypeError(f"expected {expected}")
            if kind == "dictionary":
                if not pa.types.is_dictionary(array.type) or array.type.value_type != pa.string():
                    array = array.cast(pa.string()).dictionary_encode()
            elif kind == "decimal":
                if array.type.byte_width == 32:
                    pass  # decimal256: values past 38 digits
                elif array.type.byte_width == 16:
                    # decimal128 of fewer digits (Parquet's INT64 decimals): the same 16-byte
                    # values, typed with 38 digits without a copy.
                    array = _widened(array)
                else:  # decimal32/64: widened losslessly
                    array = array.cast(pa.decimal128(DECIMAL_DIGITS, array.type.scale))
            elif array.type != kind:
                array = array.cast(kind)  # safe: an int16 that does not fit raises
        except Exception as exc:
            report.problems.append(
                Problem(f"{where}.{name}", str(array.type), f"has the wrong type ({exc})")
            )
            array = _nulls(kind, table.num_rows)  # the load fails; no check trips over it
        columns[name] = array
    for field in fields_of(cls):
        if field.shape == "amount":
            low, high = f"{field.name}_low", f"{field.name}_high"
            columns[low], columns[high] = _one_decimal_type(columns[low], columns[high])
    return pa.table(columns)


def _one_decimal_type(low: Any, high: Any) -> tuple[Any, Any]:
    """An amount's two bounds in one decimal type (another writer may give them two).

    The queries read both bounds at one scale; the type holds every value of both exactly:
    the larger scale, enough digits before the point, decimal256 past 38 digits.
    """
    pa = _pa()
    if low.type == high.type:
        return low, high
    scale = max(low.type.scale, high.type.scale)
    digits = max(a.type.precision - a.type.scale for a in (low, high))
    common = (
        pa.decimal128(DECIMAL_DIGITS, scale)
        if digits + scale <= DECIMAL_DIGITS
        else pa.decimal256(2 * DECIMAL_DIGITS, scale)
    )
    return low.cast(common), high.cast(common)


def _widened(array: Any) -> Any:
    """A decimal128 array as ``decimal128(38, s)``, on the same buffers (no value changes)."""
    pa = _pa()
    kind = pa.decimal128(DECIMAL_DIGITS, array.type.scale)
    if array.type == kind:
        return array
    return pa.Array.from_buffers(
        kind, len(array), array.buffers(), null_count=array.null_count, offset=array.offset
    )


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
    """An all-null column on zeroed buffers that cost nothing until touched.

    numpy's zeros come from ``calloc``: the operating system hands out zero pages on first
    write, and nothing ever writes to these (Arrow arrays never change). ``pa.nulls`` would
    fill some 250 MB for the empty stakes and valuations of a million rounds.
    """
    import numpy as np

    pa = _pa()

    def zeros(size: int) -> Any:
        return pa.py_buffer(np.zeros(size, dtype=np.uint8))

    validity = zeros((length + 7) // 8)
    if kind == "dictionary":
        codes = pa.Array.from_buffers(
            pa.int32(), length, [validity, zeros(4 * length)], null_count=length
        )
        # Not ``safe``: checking that null codes are in range would take seconds.
        return pa.DictionaryArray.from_arrays(codes, pa.array([], pa.string()), safe=False)
    if kind == "decimal":
        kind = pa.decimal128(38, 0)
    if pa.types.is_decimal(kind) or pa.types.is_date32(kind) or pa.types.is_integer(kind):
        return pa.Array.from_buffers(
            kind, length, [validity, zeros(kind.bit_width // 8 * length)], null_count=length
        )
    if pa.types.is_string(kind):
        return pa.Array.from_buffers(
            kind, length, [validity, zeros(4 * (length + 1)), zeros(0)], null_count=length
        )
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
    import numpy as np

    if first.null_count == len(first) and precision.null_count == len(precision):
        return  # no dates at all
    # The precision by its dictionary code (a conformed column is dictionary-encoded), the
    # date as days: a year must be its 1 January, a month its 1st.
    precision = whole(precision)
    names = precision.dictionary.to_pylist()
    kind = np.array([{"year": 0, "month": 1}.get(v, 2) for v in names] + [2], dtype=np.int8)
    rank = kind[precision.indices.fill_null(len(names)).to_numpy(zero_copy_only=False)]
    days = whole(first).cast(_pa().int32()).fill_null(0).to_numpy(zero_copy_only=False)
    span, offset = day_span(days)
    as_day = span.astype("datetime64[D]")
    year_start = (as_day == as_day.astype("datetime64[Y]"))[offset]
    month_start = (as_day == as_day.astype("datetime64[M]"))[offset]
    nulls = pc.xor(pc.is_null(first), pc.is_null(precision)).to_numpy(zero_copy_only=False)
    bad = nulls | ((rank == 0) & ~year_start) | ((rank == 1) & ~month_start)
    if bad.any():
        report.rows(
            where,
            name,
            first.to_pylist(),
            np.flatnonzero(bad).tolist(),
            "does not fit its precision (a year is stored as 1 January, a month as its 1st)",
        )


def _check_amount(report: _Report, where: str, table: Any, name: str, *, percent: bool) -> None:
    from decimal import Decimal

    from aieco._checks import is_currency

    pa = _pa()
    pc = pa.compute
    low, high = table.column(f"{name}_low"), table.column(f"{name}_high")
    unit, qualifier = table.column(f"{name}_unit"), table.column(f"{name}_qualifier")
    if all(column.null_count == len(column) for column in (low, high, unit, qualifier)):
        return  # no amounts at all (the participants' stakes, often)
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
    # Compared with values of the column's own type (an int would widen it past 38 digits).
    zero = pa.scalar(Decimal(0), type=low.type)
    negative = pc.fill_null(pc.less(low, zero), False)
    if pc.any(negative).as_py():
        report.rows(
            where, f"{name}_low", low.to_pylist(), _bad_rows(negative), "must not be negative"
        )
    reversed_ = pc.fill_null(pc.greater(low, high), False)
    if pc.any(reversed_).as_py():
        report.rows(
            where, f"{name}_low", low.to_pylist(), _bad_rows(reversed_), "must not be above high"
        )
    if percent and high.type.precision - high.type.scale > 2:  # else no value reaches 100
        hundred = pa.scalar(Decimal(100), type=high.type)
        over = pc.fill_null(pc.greater(high, hundred), False)
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


def _open(folder: Path) -> dict[str, tuple[Path, Any, dict[str, list[str]]]]:
    """Each file of the folder, opened: its metadata and the column groups to read from it.

    A group is the kind's own columns (key ``""``) or one of its list columns (by name), so
    that each is read, and checked, on a thread of its own. Dictionary columns are read as
    dictionaries; a column whose statistics say every value is null is not decoded:
    `_conform` makes it (a missing column is all null). The files of the first layout are
    refused by name.
    """
    import pyarrow.parquet as pq

    for name in _RETIRED:
        path = folder / _file(name)
        if path.exists():
            raise ValidationError(
                [
                    Problem(
                        _file(name),
                        str(path),
                        "is not part of aieco's Parquet format (2): a round's participants and "
                        "a record's citations are the list columns 'participants' and "
                        "'sources' of the record's own table",
                    )
                ]
            )
    opened = {}
    for name in KINDS:
        path = folder / _file(name)
        if path.is_file():
            with _as_problem(name, path):
                metadata = pq.ParquetFile(path).metadata
                schema = metadata.schema
                paths = [schema.column(i).path for i in range(len(schema))]
                wanted = [p for p in paths if _read_as_dictionary(name, p)]
                groups: dict[str, list[str]] = {"": []}
                lists = {column for column, _, _ in _nested(name)}
                for column in _columns_to_read(name, metadata, paths):
                    top = column.split(".")[0]
                    groups.setdefault(top if top in lists else "", []).append(column)
                opened[name] = (path, (metadata, wanted), groups)
    return opened


@contextlib.contextmanager
def _as_problem(name: str, path: Path) -> Iterator[None]:
    """A file that Arrow cannot read is a problem naming it (an OSError stays an OSError)."""
    try:
        yield
    except OSError:
        raise
    except Exception as exc:
        raise ValidationError(
            [Problem(_file(name), str(path), f"is not a Parquet file ({exc})")]
        ) from None


def _read_group(name: str, path: Path, opened: tuple[Any, list[str]], columns: list[str]) -> Any:
    """Some columns of a kind's file, on the calling thread (the load reads groups in parallel).

    Each group through a reader of its own (a Parquet reader is not safe across threads),
    from the file's metadata read once; ``opened`` is that metadata and the dictionary columns.
    """
    import pyarrow.parquet as pq

    metadata, dictionaries = opened
    with _as_problem(name, path):
        reader = pq.ParquetFile(path, metadata=metadata, read_dictionary=dictionaries)
        return reader.read(columns=columns, use_threads=False)


def _dictionary_columns(cls: type) -> tuple[str, ...]:
    """The columns of a record class's table kept as dictionaries: enums, units, references."""
    return tuple(
        column
        for field in fields_of(cls)
        for column, kind in zip(field.columns(), field.column_types(), strict=True)
        if kind == "dictionary"
    )


@cache
def _dictionary_paths(name: str) -> tuple[str, ...]:
    """The Parquet column paths of a kind's file written dictionary-encoded."""
    paths = list(_dictionary_columns(KINDS[name].cls))
    for column, _, cls in _nested(name):
        paths.extend(f"{column}.list.element.{item}" for item in _dictionary_columns(cls))
    return tuple(paths)


@cache
def _read_as_dictionary(name: str, path: str) -> bool:
    """Whether the Parquet column ``path`` of a kind's file is read as a dictionary.

    A top-level column of `_dictionary_columns`, or such a field of the items of a list
    column (``participants.list.element.investor_id``, whatever the writer named the levels).
    """
    parts = path.split(".")
    if len(parts) == 1:
        return parts[0] in _dictionary_columns(KINDS[name].cls)
    items = {column: cls for column, _, cls in _nested(name)}
    return (
        parts[0] in items and len(parts) >= 3 and parts[-1] in _dictionary_columns(items[parts[0]])
    )


def _columns_to_read(name: str, metadata: Any, paths: list[str]) -> list[str]:
    """The columns of a kind's file to decode: all but optional ones that hold only nulls.

    Such a column (or a field of the items of a list column, such as the participants'
    ``stake_*``) is skipped by the file's statistics; `_conform` makes it, null in every row.
    A list column keeps at least one field, so that its items are still counted.
    """
    empty = {p for p in _null_columns(metadata) if _optional_path(name, p)}
    columns: list[str] = []
    for top in dict.fromkeys(p.split(".")[0] for p in paths):
        leaves = [p for p in paths if p.split(".")[0] == top]
        kept = [p for p in leaves if p not in empty]
        if len(kept) == len(leaves):
            columns.append(top)
        elif leaves != [top]:
            columns.extend(kept or leaves[:1])
    return columns


@cache
def _optional_path(name: str, path: str) -> bool:
    """Whether the Parquet column ``path`` of a kind's file is of an optional field."""
    parts = path.split(".")
    if len(parts) == 1:
        return parts[0] in _optional_columns(KINDS[name].cls)
    items = {column: cls for column, _, cls in _nested(name)}
    return parts[0] in items and len(parts) >= 3 and parts[-1] in _optional_columns(items[parts[0]])


def _optional_columns(cls: type) -> frozenset[str]:
    """The columns of a record class's optional fields (a null is the field's default)."""
    return frozenset(c for f in fields_of(cls) if f.optional for c in f.columns())


def _null_columns(metadata: Any) -> set[str]:
    """The Parquet columns (leaves, by path) that hold only nulls by the file's statistics."""
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
                stats is not None
                and stats.has_null_count
                and stats.null_count == column.num_values
                and column.num_values > 0
            ):
                nulls.add(column.path_in_schema)
        found = nulls if found is None else found & nulls
    return found or set()


def load_parquet(folder: Path) -> Any:
    """Read and check a Parquet dataset folder; a ValidationError lists what is wrong.

    The checks come in three stages, each reported only when the one before found nothing:
    every table's columns (types, required values, the model's rules per column); ids
    unique and references resolving; names unambiguous. The column groups of each file (its
    own columns, each list column) are read and checked as separate tasks on a thread pool —
    Arrow and numpy release the GIL, so a 2-core machine does about twice the work — and a
    table's own later checks (unique ids, names) start as soon as its columns passed.
    """
    from concurrent.futures import ThreadPoolExecutor

    from aieco.dataset import Dataset

    pa = _pa()
    opened = _open(folder)
    lists: dict[str, tuple[str, str, Any]] = {}
    participants = "funding_rounds.participants"
    with ThreadPoolExecutor(max_workers=_workers(), thread_name_prefix="aieco-load") as pool:
        tasks = _Tasks(pool, lists)
        # The biggest tables first, so that the small ones fill the gaps.
        order = sorted(
            KINDS, key=lambda name: -(opened[name][1][0].num_rows if name in opened else 0)
        )
        for name in order:
            tasks.table(name, opened.get(name))
        tables, columns = tasks.columns()
        report = _Report(lists)
        for found in columns:
            report.problems.extend(found.problems)
        _raise(report)
        # Every table passed: the references are checked beside the later checks.
        checks = {
            (key, column): pool.submit(_reference_task, lists, key, column, target, tables)
            for key, column, target in _reference_paths()
        }
        unique, names = tasks.later()
        for found in unique:
            report.problems.extend(found.problems)
        references = {}
        repeated = _Report(lists)
        for (key, column), future in checks.items():
            found, references[(key, column)], extra = future.result()
            report.problems.extend(found.problems)
            repeated.problems.extend(extra.problems)
    if not report.problems:  # a repeat among a round's investors, once all of them resolve
        report.problems.extend(repeated.problems)
    _raise(report)
    for found in names:
        report.problems.extend(found.problems)
    _raise(report)
    stores = {
        name: Store(
            kind,
            tables={
                name: tables[name],
                **{child: tables[f"{name}.{column}"] for column, child, _ in _nested(name)},
            },
        )
        for name, kind in KINDS.items()
    }
    pa.default_memory_pool().release_unused()  # the tables read and checked, not kept
    derived = {
        "company_rows": references[("funding_rounds", "company_id")].to_numpy(),
        "investor_rows": references[(participants, "investor_id")].to_numpy(),
    }
    return Dataset._from_stores(stores, tasks.keys, derived)


def _workers() -> int:
    """Threads for a load: one per core, at most four (the tables are few)."""
    return max(1, min(4, os.cpu_count() or 1))


class _Tasks:
    """The reading and checking of one load, as tasks on a thread pool.

    Each task has its own `_Report`; `results` gathers them in a fixed order (kinds in
    dependency order, a kind's list columns before its own columns), so that the problems of a
    bad file come out the same whatever thread finished first.
    """

    def __init__(self, pool: Any, lists: dict[str, tuple[str, str, Any]]) -> None:
        self._pool = pool
        self._lists = lists
        #: (key, future of (table, report)) of each group, per kind.
        self._groups: dict[str, list[tuple[str, Any]]] = {}
        #: Futures of the later checks of a kind's own table (unique ids, names).
        self._later: dict[str, Any] = {}
        self.keys: dict[str, Any] = {}

    def table(self, name: str, opened: tuple[Path, Any, dict[str, list[str]]] | None) -> None:
        """Submit the reading and checking of every column group of a kind's file."""
        # The own columns first: the later checks wait for them.
        own = None if opened is None else opened[2][""]
        groups = [(name, self._pool.submit(self._own, name, opened, own))]
        for column, _, cls in _nested(name):
            columns = None if opened is None else opened[2].get(column)
            future = self._pool.submit(self._items, name, column, cls, opened, columns)
            groups.insert(-1, (f"{name}.{column}", future))  # reported before the own columns
        self._groups[name] = groups

    def _items(
        self, name: str, column: str, cls: type, opened: Any, columns: list[str] | None
    ) -> tuple[Any, _Report]:
        """A list column's items as a table (`_unnest`), conformed and checked."""
        pa = _pa()
        report = _Report(self._lists)
        where, key = _file(name), f"{name}.{column}"
        found = None
        if columns:
            path, source, _ = opened
            found = _read_group(name, path, source, columns).column(column)
        items = _unnest(report, where, column, found)
        items = _conform(report, _where(key), items, cls, {"row": pa.int32()})
        _check_fields(report, _where(key), items, cls)
        return items, report

    def _own(self, name: str, opened: Any, columns: list[str] | None) -> tuple[Any, _Report]:
        """A kind's own columns, conformed and checked; then its later checks are submitted."""
        pa = _pa()
        report = _Report(self._lists)
        kind = KINDS[name]
        if opened is None:
            table = pa.table({"id": pa.array([], pa.string())})
        else:
            path, source, _ = opened
            table = _read_group(name, path, source, columns or [])
        table = _conform(report, _file(name), table, kind.cls, {})
        _check_fields(report, _file(name), table, kind.cls)
        if not report.problems:  # else the load fails at this stage; nothing later runs
            with contextlib.suppress(RuntimeError):  # the pool is closing: the load failed
                self._later[name] = self._pool.submit(self._later_checks, name, table)
        return table, report

    def _later_checks(self, name: str, table: Any) -> tuple[_Report, _Report, _Report, Any]:
        """Unique ids and (companies) not their own acquirer; then names unambiguous."""
        unique, owned, names = _Report(self._lists), _Report(self._lists), _Report(self._lists)
        _check_unique(unique, _file(name), table)
        if name == "companies":
            _check_self_owned(owned, table)
        keys = None
        if not unique.problems and not owned.problems:
            keys = _names(names, name, KINDS[name], table)
        return unique, owned, names, keys

    def columns(self) -> tuple[dict[str, Any], list[_Report]]:
        """Every table (by key) and the reports of their columns, in a fixed order."""
        tables: dict[str, Any] = {}
        columns = []
        for name in KINDS:
            for key, future in self._groups[name]:
                tables[key], report = future.result()
                columns.append(report)
        return tables, columns

    def later(self) -> tuple[list[_Report], list[_Report]]:
        """The reports of the later checks: unique ids (and acquirers), then names."""
        unique, owned, names = [], [], []
        for name in KINDS:
            later = self._later.get(name)
            self.keys[name] = None
            if later is not None:
                found_unique, found_owned, found_names, self.keys[name] = later.result()
                unique.append(found_unique)
                owned.append(found_owned)
                names.append(found_names)
        return unique + owned, names


def _raise(report: _Report) -> None:
    if report.problems:
        raise ValidationError(report.problems)


def _where(key: str) -> str:
    """How a problem names a table: ``companies.parquet``, ``funding_rounds.parquet.sources``."""
    name, _, column = key.partition(".")
    return f"{_file(name)}.{column}" if column else _file(name)


def _unnest(report: _Report, where: str, column: str, lists: Any) -> Any:
    """The items of a list column as a table: each item's parent ``row``, then its fields."""
    pa = _pa()
    pc = pa.compute
    import numpy as np

    empty = pa.table({"row": pa.array([], pa.int32())})
    if lists is None:
        return empty
    lists = whole(lists)
    kind = lists.type
    if not (
        (pa.types.is_list(kind) or pa.types.is_large_list(kind))
        and pa.types.is_struct(kind.value_type)
    ):
        report.problems.append(
            Problem(
                f"{where}.{column}", str(kind), "has the wrong type (expected a list of records)"
            )
        )
        return empty
    values = pc.list_flatten(lists)
    parents = pc.list_parent_indices(lists).cast(pa.int32())
    items = f"{where}.{column}"
    report.lists[items] = (where, column, parents.to_numpy(zero_copy_only=False))
    names = [kind.value_type.field(i).name for i in range(kind.value_type.num_fields)]
    if values.null_count:
        for row in np.flatnonzero(values.is_null().to_numpy(zero_copy_only=False))[:_SHOWN]:
            report.problems.append(Problem(report.path(items, int(row)), None, "is not a record"))
    if "row" in names or len(set(names)) < len(names):
        report.problems.append(Problem(items, names, "has repeated or reserved field names"))
        return empty
    return pa.Table.from_arrays([parents, *values.flatten()], names=["row", *names])


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


def _reference_paths() -> list[tuple[str, str, str]]:
    """(table key, column, kind named) of every reference `REFERENCES` lists, in its order.

    A field of a kind's own table, or of the items of its list columns (a participant's
    investor, a citation's source).
    """
    found = []
    for name, references in REFERENCES.items():
        for path, target in references:
            key, _, column = path.rpartition("[].")
            found.append((f"{name}.{key}" if key else name, column, target))
    return found


def _reference_task(
    lists: dict[str, tuple[str, str, Any]], key: str, column: str, target: str, tables: Any
) -> tuple[_Report, Any, _Report]:
    """One reference column checked, as a task of the load.

    Returns its report, the rows it names (-1: none) and, for the participants' investors,
    the report of investors named twice in one round.
    """
    report, repeated = _Report(lists), _Report(lists)
    rows = _check_references(
        report, _where(key), tables[key], column, tables[target], KINDS[target]
    )
    if (key, column) == ("funding_rounds.participants", "investor_id") and not report.problems:
        _check_repeated_investors(repeated, _where(key), tables[key], rows)
    return report, rows, repeated


#: Repeated investors are found by comparing neighbours up to this many rows apart.
_NEIGHBOURS: Final = 64


def _check_repeated_investors(report: _Report, where: str, part: Any, investor_rows: Any) -> None:
    """No round names an investor twice (the items are in the order of their round)."""
    import numpy as np

    rounds = part.column("row").to_numpy()
    investors = investor_rows.to_numpy(zero_copy_only=False)
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
                f"{report.path(where, row)}.investor_id",
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

    parts, rows, paths = [whole(table.column("id"))], [np.arange(table.num_rows)], []
    paths.append(("id", None))
    for field in kind.key_fields[1:]:
        parts.append(fold_column(whole(table.column(field))))
        rows.append(np.arange(table.num_rows))
        paths.append((field, None))
    if kind.has_aliases:
        aliases = whole(table.column("aliases"))
        parents = pc.list_parent_indices(aliases).to_numpy()
        parts.append(fold_column(pc.list_flatten(aliases)))
        rows.append(parents)
        paths.append(("aliases", parents))
        _check_repeated_aliases(report, name, aliases, parents)
    keys = pa.chunked_array(parts, pa.string())
    owners = np.concatenate(rows)
    # Only keys whose hash another key shares can be equal: those are compared exactly.
    candidates = _sharing(np.concatenate([_string_hashes(part) for part in parts]))
    if len(candidates):
        shared = keys.take(pa.array(candidates))
        first = np.arange(len(owners))
        first[candidates] = candidates[
            pc.index_in(shared, value_set=shared).to_numpy(zero_copy_only=False)
        ]
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
#: Where ASCII whitespace is not already folded: at either end, in a run, or not a space.
_NOT_FOLDED_SPACE: Final = "^ | $|  |[\\t\\n\\x0b\\x0c\\r\\x1c-\\x1f]"


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
    folded = pc.ascii_lower(values)
    if pc.any(pc.match_substring_regex(values, _NOT_FOLDED_SPACE)).as_py():
        folded = pc.utf8_trim(pc.replace_substring_regex(folded, _ASCII_SPACE, " "), " ")
    other = pc.invert(pc.fill_null(pc.string_is_ascii(values), True))
    rows = np.flatnonzero(other.to_numpy(zero_copy_only=False))
    if len(rows):
        texts = values.take(pa.array(rows)).to_pylist()
        folded = pc.replace_with_mask(folded, other, pa.array([fold(t) for t in texts]))
    return folded


def paths_of(folder: Path) -> list[Path]:
    """The files a Parquet dataset folder holds."""
    return [folder / _file(name) for name in KINDS if (folder / _file(name)).exists()]
