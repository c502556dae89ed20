"""Amounts in a Dask DataFrame's text column: `extract_amounts` (needs ``aieco[dask]``).

Each partition is read by `aieco.batch.mention_batches` in the worker that holds it and
comes back as a pandas DataFrame with Arrow-backed columns; no Python object per mention is
pickled. The engine's tables are built once per worker process and kept.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from aieco.amounts._locale import resolve_locale
from aieco.batch import MAX_CHARS, check_columns, mention_batches

if TYPE_CHECKING:
    import dask.dataframe
    import pandas

__all__ = ["LEAN_CONFIG", "extract_amounts"]

LEAN_CONFIG: dict[str, object] = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
}
"""Dask settings for a cluster on few cores, to set before it starts; they change no result.

Dask's background work runs whether or not there is work: each worker samples its running
task's stack 100 times a second for the dashboard's profile, and every process runs an
event-loop watchdog 50 times a second. Two idle local clusters (three workers) took 28 % of a
core; with these settings 6 %, which on two cores is time the workers get back. The cost: no
profile view in the dashboard, coarser system graphs, a blocked event loop noticed after a
second instead of 20 ms. ``dask.config.set(aieco.dask.LEAN_CONFIG)`` before
``LocalCluster(...)``; for ``dask worker`` processes, the same keys in their configuration.
"""


def _imports() -> tuple[Any, Any, Any]:
    try:
        import dask.dataframe
        import pandas
        import pyarrow
    except ImportError:
        raise ImportError(
            "aieco.dask needs dask[dataframe], pandas and pyarrow; "
            "install the extra: pip install 'aieco[dask]'"
        ) from None
    return dask.dataframe, pandas, pyarrow


def extract_amounts(
    ddf: dask.dataframe.DataFrame,
    column: str,
    *,
    locale: Any = "de_DE",
    id_column: str | None = None,
    include_numbers: bool = False,
    max_chars: int = MAX_CHARS,
) -> dask.dataframe.DataFrame:
    """The amounts in ``ddf[column]``: a Dask DataFrame with one row per mention.

    The first column is ``id_column``, or without one the DataFrame's index (named as the
    index is, else ``index``); the others are those of `aieco.extract_amounts_table`, as
    Arrow-backed pandas dtypes (``int64[pyarrow]``, ``string[pyarrow]``, ...). A value that is
    missing, not a string, longer than ``max_chars`` or not valid text gives one row with
    ``error`` set and no mentions; the computation never fails on a value. Count them with
    ``result["error"].value_counts().compute()``.

    Lazy like any Dask operation: nothing runs until ``compute()``, ``to_parquet()``, ...

    Args:
        ddf: Any Dask DataFrame.
        column: The name of its text column.
        locale: A ``babel.Locale`` or a name: de_DE, de_AT, de_CH, en_US or en_GB (checked here).
        id_column: A column to carry into each mention row as its key (e.g. an article id).
        include_numbers: Also report bare numbers ("2021", "17", "zwei").
        max_chars: Longer texts are not read (error ``too_long``).

    Raises:
        ImportError: dask, pandas or pyarrow is not installed.
        UnsupportedLocale: ``locale`` is not supported (a ValueError).
        ValueError: a column is not in ``ddf``, or ``id_column`` clashes with an output column.
    """
    pa = _imports()[2]
    name = resolve_locale(locale)
    check_columns(list(ddf.columns), column, id_column)
    id_name = id_column or ddf.index.name or "index"
    meta_ids = ddf._meta[id_column] if id_column is not None else ddf._meta.index
    id_type = _arrow_type(pa, meta_ids)
    options = {
        "column": column,
        "id_column": id_column,
        "id_name": id_name,
        "id_type": id_type,
        "locale": name,
        "include_numbers": include_numbers,
        "max_chars": max_chars,
    }
    meta = _partition(ddf._meta, **options)
    result: dask.dataframe.DataFrame = ddf.map_partitions(  # type: ignore[no-untyped-call]
        _partition, **options, meta=meta, enforce_metadata=False
    )
    return result


def _arrow_type(pa: Any, values: Any) -> Any:
    """The Arrow type of a pandas index or column (string for an empty object one)."""
    try:
        found = pa.Array.from_pandas(values).type
    except (pa.ArrowInvalid, pa.ArrowTypeError):
        return pa.string()
    return pa.string() if pa.types.is_null(found) else found


def _partition(
    part: pandas.DataFrame,
    *,
    column: str,
    id_column: str | None,
    id_name: str,
    id_type: Any,
    locale: str,
    include_numbers: bool,
    max_chars: int,
) -> pandas.DataFrame:
    """The mention table of one partition, as a pandas DataFrame with Arrow-backed columns."""
    _, pd, pa = _imports()
    ids = part[id_column] if id_column is not None else part.index
    batches = mention_batches(
        part[column].tolist(),
        ids.tolist(),
        locale=locale,
        include_numbers=include_numbers,
        max_chars=max_chars,
        id_name=id_name,
        id_type=id_type,
    )
    frame: pandas.DataFrame = pa.Table.from_batches(list(batches)).to_pandas(
        types_mapper=pd.ArrowDtype
    )
    return frame
