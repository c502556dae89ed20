"""Amounts in a whole corpus as one Arrow table: `extract_amounts_table`.

Every function that reads many texts at once — this one, `aieco.spark.extract_amounts`,
`aieco.dask.extract_amounts` and ``aieco extract`` over many files — builds its rows here,
from `aieco.amounts.extract_amounts_many`, so they all give the same table.

The table has one row per mention and one row per text that could not be read (see
`ERRORS`); a bad text never stops the run.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, Any, Literal

from aieco.amounts import extract_amounts_many
from aieco.amounts._locale import resolve_locale

if TYPE_CHECKING:
    import pandas
    import pyarrow

__all__ = [
    "BATCH_SIZE",
    "COLUMNS",
    "ERRORS",
    "MAX_CHARS",
    "Skip",
    "extract_amounts_table",
    "mention_batches",
    "mention_schema",
]

MAX_CHARS = 1_000_000
"""Texts longer than this many characters are skipped (error ``too_long``), by default.

A news article is rarely over 100,000 characters; a value of many megabytes in a text column
is almost always something else (a whole dump, a binary blob read as text) and would hold a
worker for seconds. Pass ``max_chars`` to change it.
"""

BATCH_SIZE = 1024
"""How many texts are read into one Arrow record batch (memory is bounded by a batch)."""

ERRORS = {
    "missing": "the value is missing (None, NaN, pandas NA or SQL NULL)",
    "binary": "the value is bytes, not text (decode it first)",
    "not_text": "the value is neither text nor missing (a number, a list, ...)",
    "too_long": "the text is longer than max_chars characters",
    "invalid_text": "the text holds lone surrogates or invalid UTF-8, so it cannot be stored",
    "failed": "the engine raised an error on this text (a bug: please report it)",
    "unreadable": "a file that could not be read or is not UTF-8 (aieco extract)",
}
"""The codes of the ``error`` column: why a text gave no mentions (one row per such text)."""

COLUMNS = {
    "start": "offset of the mention's first character in the text",
    "end": "offset after its last character (``text[start:end]`` is the mention)",
    "text": "the mention as written: 'rund 1,5 Mrd. USD'",
    "value": "the exact value of a point amount as decimal text; null for a range",
    "low": "the exact lower bound as decimal text (the value for a point)",
    "high": "the exact upper bound as decimal text (the value for a point)",
    "value_float": "value as the nearest float64, for sorting and plotting; never for sums",
    "low_float": "low as the nearest float64",
    "high_float": "high as the nearest float64",
    "unit": "an ISO 4217 code, '%' or null for a bare number",
    "qualifier": "the hedge: exact, approx, nearly, more_than, at_least, less_than, at_most",
    "error": "null for a mention; for a text that could not be read, a code of ERRORS",
}
"""The columns after the id column, in order, and what they hold."""


def mention_schema(id_name: str = "index", id_type: pyarrow.DataType | None = None) -> Any:
    """The Arrow schema of a mention table: the id column, then `COLUMNS`."""
    pa = _pyarrow()
    string, double, int64 = pa.string(), pa.float64(), pa.int64()
    types = {"start": int64, "end": int64, "value_float": double, "low_float": double}
    types["high_float"] = double
    return pa.schema(
        [pa.field(id_name, id_type or int64)]
        + [pa.field(name, types.get(name, string)) for name in COLUMNS]
    )


class Skip:
    """A value that stands for a text known to be unreadable: ``Skip("unreadable")``.

    Put in place of a text (a file that is not UTF-8, one too large to load), it gives the
    error row with its ``code`` (one of `ERRORS`).
    """

    __slots__ = ("code",)

    def __init__(self, code: str) -> None:
        if code not in ERRORS:
            raise ValueError(f"code must be one of {sorted(ERRORS)}, not {code!r}")
        self.code = code

    def __repr__(self) -> str:
        return f"Skip({self.code!r})"

    def __reduce__(self) -> tuple[type[Skip], tuple[str]]:
        return Skip, (self.code,)


def _screen(value: object, max_chars: int) -> str | None:
    """The error code of a text value, or None when it can be read."""
    if isinstance(value, str):
        if len(value) > max_chars:
            return "too_long"
        if not value.isascii():
            try:
                value.encode("utf-8")  # fails on a lone surrogate; 20x faster than a regex
            except UnicodeEncodeError:
                return "invalid_text"
        return None
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "missing"
    if isinstance(value, Skip):
        return value.code
    if type(value).__name__ == "NAType":  # pandas.NA, without importing pandas
        return "missing"
    if isinstance(value, bytes | bytearray | memoryview):
        return "binary"
    return "not_text"


def mention_batches(
    texts: Iterable[object],
    ids: Iterable[object] | None = None,
    *,
    locale: Any = "de_DE",
    include_numbers: bool = False,
    max_chars: int = MAX_CHARS,
    batch_size: int = BATCH_SIZE,
    id_name: str = "index",
    id_type: pyarrow.DataType | None = None,
) -> Iterator[pyarrow.RecordBatch]:
    """The mention table of ``texts`` as Arrow record batches, ``batch_size`` texts at a time.

    The building block of `extract_amounts_table`, Spark, Dask and the CLI: memory is
    bounded by one batch of texts and their mentions. ``ids`` (the same length as ``texts``)
    fill the id column ``id_name`` (of type ``id_type``, else the type Arrow infers for the
    first batch's ids); without them it holds each text's position (from 0).
    Any value of ``texts`` is accepted; one that is not readable text gives an error row.
    """
    pa = _pyarrow()
    name = resolve_locale(locale)
    schema = mention_schema(id_name, id_type) if id_type is not None or ids is None else None
    id_iter = iter(ids) if ids is not None else None
    position = 0
    chunk: list[object] = []
    chunk_ids: list[object] = []
    for value in texts:
        chunk.append(value)
        if id_iter is not None:
            chunk_ids.append(_next_id(id_iter, position))
        else:
            chunk_ids.append(position)
        position += 1
        if len(chunk) == batch_size:
            if schema is None:  # the ids' type, from the first batch
                schema = mention_schema(id_name, _infer_type(pa, chunk_ids))
            yield _batch(pa, schema, chunk, chunk_ids, name, include_numbers, max_chars)
            chunk, chunk_ids = [], []
    if id_iter is not None and next(id_iter, _END) is not _END:
        raise ValueError(f"ids is longer than texts ({position} texts)")
    if chunk or position == 0:
        if schema is None:
            schema = mention_schema(id_name, _infer_type(pa, chunk_ids))
        yield _batch(pa, schema, chunk, chunk_ids, name, include_numbers, max_chars)


_END = object()


def _next_id(ids: Iterator[object], position: int) -> object:
    value = next(ids, _END)
    if value is _END:
        raise ValueError(f"ids is shorter than texts (it ends before text {position})")
    return value


def _batch(
    pa: Any,
    schema: Any,
    values: list[object],
    ids: list[object],
    locale: str,
    include_numbers: bool,
    max_chars: int,
) -> Any:
    """One record batch: the mentions and error rows of ``values``, in the order of the texts."""
    good: list[str] = []
    where: list[int] = []
    errors: dict[int, str] = {}
    for i, value in enumerate(values):
        code = _screen(value, max_chars)
        if code is None:
            good.append(value)  # type: ignore[arg-type]  # _screen saw a str
            where.append(i)
        else:
            errors[i] = code
    try:
        found = [extract_amounts_many(good, locale=locale, include_numbers=include_numbers)]
        offsets = [0]
    except Exception:  # one text makes the engine fail: find it, keep the others
        found, offsets = [], []
        for k, text in enumerate(good):
            try:
                found.append(
                    extract_amounts_many([text], locale=locale, include_numbers=include_numbers)
                )
                offsets.append(k)
            except Exception:
                errors[where[k]] = "failed"
    # Whole columns at once: the mentions in text order, then one row per error.
    pos: list[int] = []
    cols: dict[str, list[Any]] = {n: [] for n in ("start", "end", "text", "low", "high")}
    cols.update(unit=[], qualifier=[])
    for mc, offset in zip(found, offsets, strict=True):
        pos.extend([where[offset + t] for t in mc.index])
        for name, column in cols.items():
            column.extend(getattr(mc, name))
    failed = sorted(errors)
    blank = [None] * len(failed)
    string = pa.string()
    low = pa.array(cols["low"] + blank, string)
    high = pa.array(cols["high"] + blank, string)
    point = _pc().equal(low, high)  # null on an error row
    low_float, high_float = _pc().cast(low, pa.float64()), _pc().cast(high, pa.float64())
    arrays = {
        "start": pa.array(cols["start"] + blank, pa.int64()),
        "end": pa.array(cols["end"] + blank, pa.int64()),
        "text": pa.array(cols["text"] + blank, string),
        "value": _pc().if_else(point, low, None),
        "low": low,
        "high": high,
        "value_float": _pc().if_else(point, low_float, None),
        "low_float": low_float,
        "high_float": high_float,
        "unit": pa.array(cols["unit"] + blank, string),
        "qualifier": pa.array(cols["qualifier"] + blank, string),
        "error": pa.array([None] * len(pos) + [errors[i] for i in failed], string),
    }
    positions = pos + failed
    id_array = pa.array([ids[i] for i in positions], type=schema.field(0).type)
    batch = pa.RecordBatch.from_arrays([id_array, *arrays.values()], schema=schema)
    if failed and pos:  # each text has mentions or an error row: a stable sort puts them in order
        batch = batch.take(_pc().sort_indices(pa.array(positions, pa.int64())))
    return batch


def _pc() -> Any:
    """pyarrow.compute (imported on first use)."""
    import pyarrow.compute

    return pyarrow.compute


def extract_amounts_table(
    texts: Sequence[object] | pyarrow.Array | pyarrow.ChunkedArray | pandas.Series,
    *,
    locale: Any = "de_DE",
    ids: Sequence[object] | pyarrow.Array | pyarrow.ChunkedArray | pandas.Series | None = None,
    include_numbers: bool = False,
    max_chars: int = MAX_CHARS,
    output: Literal["arrow", "pandas"] = "arrow",
) -> Any:
    """Every amount in many texts as one table: one row per mention.

    The same mentions as `extract_amounts` on each text. The first column is
    ``index`` (each text's position in ``texts``; for a pandas Series, its index) or, with
    ``ids``, ``id`` (``ids[i]`` for the mentions of ``texts[i]``); the others are described in
    `COLUMNS`. Amounts are exact: ``value``, ``low`` and ``high`` are decimal text in
    positional notation (the model's limit allows 50 significant digits, more than Arrow's
    decimal128 or Spark's DecimalType holds), read them with ``Decimal(...)``; the ``*_float``
    columns are for sorting and plotting only.

    A value that is not readable text (None, NaN, bytes, a number, a text over ``max_chars``
    characters, lone surrogates) gives no mentions but one row with the ``error`` column set to
    a code of `ERRORS` and the other columns null, so nothing is skipped silently:
    ``table.filter(pyarrow.compute.is_valid(table["error"]))`` lists them.

    Args:
        texts: A sequence of strings, a pyarrow string array or a pandas Series.
        locale: A ``babel.Locale`` or a name: de_DE, de_AT, de_CH, en_US or en_GB.
        ids: One id per text (any type Arrow can hold), in the ``id`` column.
        include_numbers: Also report bare numbers ("2021", "17", "zwei").
        max_chars: Longer texts are not read (error ``too_long``).
        output: ``"arrow"`` for a ``pyarrow.Table``, ``"pandas"`` for a DataFrame with
            Arrow-backed columns (``pandas.ArrowDtype``, so nullable ints stay ints).

    Raises:
        ImportError: pandas is not installed (for ``output="pandas"``).
        UnsupportedLocale: ``locale`` is not supported (a ValueError).
        ValueError: ``ids`` and ``texts`` differ in length; ``output`` is unknown.

    Examples:
        >>> table = extract_amounts_table(["Umsatz: 1,5 Mrd. €", None, "rund 5–50 Mio. USD"])
        >>> table.select(["index", "text", "value", "low", "high", "unit", "error"]).to_pylist()
        ... # doctest: +NORMALIZE_WHITESPACE
        [{'index': 0, 'text': '1,5 Mrd. €', 'value': '1500000000', 'low': '1500000000',
          'high': '1500000000', 'unit': 'EUR', 'error': None},
         {'index': 1, 'text': None, 'value': None, 'low': None, 'high': None, 'unit': None,
          'error': 'missing'},
         {'index': 2, 'text': 'rund 5–50 Mio. USD', 'value': None, 'low': '5000000',
          'high': '50000000', 'unit': 'USD', 'error': None}]
    """
    if output not in ("arrow", "pandas"):
        raise ValueError(f"output must be 'arrow' or 'pandas', not {output!r}")
    pa = _pyarrow()
    if max_chars < 0:
        raise ValueError(f"max_chars must be at least 0, not {max_chars}")
    values, index, _ = _values(pa, texts)
    id_name, id_values, id_type = "index", index, None
    if ids is not None:
        id_name = "id"
        id_values, _, id_type = _values(pa, ids)
        id_values, values = list(id_values), list(values)
        if len(id_values) != len(values):
            raise ValueError(f"ids has {len(id_values)} values but texts has {len(values)}")
    if id_values is not None and id_type is None:
        id_type = _infer_type(pa, id_values)
    batches = list(
        mention_batches(
            values,
            id_values,
            locale=locale,
            include_numbers=include_numbers,
            max_chars=max_chars,
            id_name=id_name,
            id_type=id_type,
        )
    )
    table = pa.Table.from_batches(batches)
    if output == "pandas":
        try:
            import pandas
        except ImportError:
            raise ImportError(
                "extract_amounts_table(output='pandas') needs pandas; "
                "install the extra: pip install 'aieco[pandas]'"
            ) from None
        return table.to_pandas(types_mapper=pandas.ArrowDtype)
    return table


def _infer_type(pa: Any, values: Any) -> Any:
    """The Arrow type of a list of ids (int64 for an empty or all-null one)."""
    found = pa.array(list(values)).type
    return pa.int64() if pa.types.is_null(found) else found


def _values(pa: Any, data: Any) -> tuple[Any, Any, Any]:
    """The Python values of texts or ids, the Series index (or None), and the Arrow type."""
    if isinstance(data, pa.ChunkedArray):
        return arrow_values(data), None, data.type
    if isinstance(data, pa.Array):
        return arrow_values(data), None, data.type
    if type(data).__name__ == "Series" and hasattr(data, "index"):  # pandas, not imported
        index = data.index.tolist()
        return data.tolist(), index, None
    if isinstance(data, str | bytes):
        raise TypeError(
            f"texts must be a sequence of texts, not a single {type(data).__name__}; "
            "wrap it in a list"
        )
    return data, None, None


def arrow_values(data: Any) -> list[object]:
    """The Python values of an Arrow array; a text that is not valid UTF-8 becomes a Skip."""
    try:
        return list(data.to_pylist())
    except UnicodeDecodeError:
        out: list[object] = []
        for item in data:
            try:
                out.append(item.as_py())
            except UnicodeDecodeError:
                out.append(Skip("invalid_text"))
        return out


def _pyarrow() -> Any:
    import pyarrow  # a dependency of aieco, imported on first use

    return pyarrow


def check_columns(columns: list[str], column: str, id_column: str | None) -> None:
    """The text and id columns exist and the id's name does not clash with an output column."""
    for role, name in (("column", column), ("id_column", id_column)):
        if name is not None and name not in columns:
            raise ValueError(f"{role} {name!r} is not a column; the columns are {columns}")
    if id_column is not None and id_column in COLUMNS:
        raise ValueError(
            f"id_column {id_column!r} clashes with an output column of the same name; "
            f"rename it first (the output columns are {list(COLUMNS)})"
        )
