"""Amounts in a Spark DataFrame's text column: `extract_amounts` (needs ``aieco[spark]``).

Each Python worker reads Arrow batches of the text column (``mapInArrow``) and returns Arrow
batches of mentions, built by `aieco.batch.mention_batches`; no Python object per
mention crosses a process boundary. The engine's tables are built once per Python worker
process (on its first batch) and kept while Spark reuses the worker.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from aieco.amounts._locale import resolve_locale
from aieco.batch import (
    BATCH_SIZE,
    MAX_CHARS,
    arrow_values,
    check_columns,
    mention_batches,
)

if TYPE_CHECKING:
    import pyarrow
    import pyspark.sql

__all__ = ["extract_amounts", "mention_schema"]

ROW_ID = "row_id"
"""The id column when no ``id_column`` is given (``monotonically_increasing_id()``)."""


def _pyspark() -> Any:
    try:
        import pyarrow  # noqa: F401  # mapInArrow needs it on the driver too
        import pyspark.sql
    except ImportError:
        raise ImportError(
            "aieco.spark needs pyspark and pyarrow; install the extra: pip install 'aieco[spark]'"
        ) from None
    return pyspark.sql


def mention_schema(id_name: str, id_type: Any) -> Any:
    """The Spark schema of the mentions table: the id column, then `aieco.batch.COLUMNS`.

    The column types are those of `aieco.batch.mention_schema`, translated by pyspark's own
    Arrow mapping: ``start`` and ``end`` are longs, the ``*_float`` columns doubles, the rest
    strings. The exact amounts are decimal text, since the model allows 50 significant digits
    and Spark's ``DecimalType`` holds 38 (``F.col("low").cast("decimal(38,2)")`` where that is
    enough).
    """
    from pyspark.sql.pandas.types import from_arrow_type

    from aieco.batch import mention_schema as arrow_schema

    types = _pyspark().types
    columns = list(arrow_schema())[1:]  # the id column's type is Spark's, given here
    return types.StructType(
        [types.StructField(id_name, id_type, True)]
        + [types.StructField(f.name, from_arrow_type(f.type), True) for f in columns]
    )


def extract_amounts(
    df: pyspark.sql.DataFrame,
    column: str,
    *,
    locale: Any = "de_DE",
    id_column: str | None = None,
    include_numbers: bool = False,
    max_chars: int = MAX_CHARS,
) -> pyspark.sql.DataFrame:
    """The amounts in ``df[column]``: a Spark DataFrame with one row per mention.

    The columns are ``id_column`` (or ``row_id``, from ``monotonically_increasing_id()``:
    unique but not consecutive, and tied to the partitioning — pass an ``id_column`` for a
    stable key), then those of `aieco.extract_amounts_table`. A row whose value is null,
    not a string (a binary column), longer than ``max_chars`` or not valid text gives one row
    with ``error`` set and no mentions; the job never fails on a value. Count them with
    ``result.where("error IS NOT NULL").groupBy("error").count()``.

    Lazy like any transformation: nothing runs until an action (``write``, ``count``, ...).

    Args:
        df: Any Spark DataFrame.
        column: The name of its text column.
        locale: A ``babel.Locale`` or a name: de_DE, de_AT, de_CH, en_US or en_GB (checked here,
            on the driver).
        id_column: A column to carry into each mention row as its key (e.g. an article id).
        include_numbers: Also report bare numbers ("2021", "17", "zwei").
        max_chars: Longer texts are not read (error ``too_long``).

    Raises:
        ImportError: pyspark or pyarrow is not installed.
        UnsupportedLocale: ``locale`` is not supported (a ValueError).
        ValueError: a column is not in ``df``, or ``id_column`` clashes with an output column.
    """
    sql = _pyspark()
    name = resolve_locale(locale)
    check_columns(df.columns, column, id_column)
    if id_column is None:
        id_name = ROW_ID
        df = df.select(sql.functions.monotonically_increasing_id().alias(ROW_ID), column)
    else:
        id_name = id_column
        df = df.select(id_column, column)
    schema = mention_schema(id_name, df.schema[id_name].dataType)

    def mentions(batches: Iterator[pyarrow.RecordBatch]) -> Iterator[pyarrow.RecordBatch]:
        for batch in batches:
            ids, texts = batch.column(0), batch.column(1)
            for start in range(0, batch.num_rows, BATCH_SIZE):
                yield from mention_batches(
                    arrow_values(texts.slice(start, BATCH_SIZE)),
                    ids.slice(start, BATCH_SIZE).to_pylist(),
                    locale=name,
                    include_numbers=include_numbers,
                    max_chars=max_chars,
                    id_name=id_name,
                    id_type=batch.schema.field(0).type,
                )

    return df.mapInArrow(mentions, schema)
