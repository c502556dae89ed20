"""The exported columns of a query: one definition for Arrow, pandas, polars and CSV (internal).

`export_table` builds the Arrow table that `Query.to_arrow` returns and that
``to_pandas``, ``to_polars`` and ``to_csv`` convert; `participations_table` does the same
for the long table of participations, and `groups_table` for `Groups`.
The columns (see docs/queries.md, "Export"):

* the kind's own scalar fields in declaration order; enums (and qualifiers) as dictionaries of
  their readable labels (`aieco._labels.enum_label`: ``Series F``, ``AI lab``); a date as
  ``<field>`` (``date32``, the first day it may stand for) and ``<field>_precision``; ``founded``
  as ``int16``; aliases as a list of strings;
* an amount as ``<field>_low``/``<field>_high`` (exact decimals, in its own unit),
  ``<field>_unit`` and ``<field>_qualifier``, then normalised to one currency (``currency=``,
  USD by default, at the rate rule of `aieco.fx` for the record's date, exactly as
  `Query.total` converts): ``<field>_usd_low``/``<field>_usd_high`` (exact decimals) and
  ``<field>_usd`` (float64, the low bound: what is certainly reported, so a sum of it is the
  low end of ``Query.total``; for a point amount it is the amount);
* for funding rounds, after ``company_id``: the company's ``company`` name, ``country`` and
  ``region``.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from aieco._columns import amount_arrays, decimal_type, fields_of, from_units, whole
from aieco._labels import enum_labels
from aieco.errors import Problem, ValidationError
from aieco.money import Amount, Qualifier

if TYPE_CHECKING:
    from aieco.query import Groups, Query

__all__ = ["export_table", "groups_table", "participations_table", "to_csv", "to_pandas"]

#: A numpy array.
Array = Any


def _pa() -> Any:
    import pyarrow

    return pyarrow


def _np() -> Any:
    import numpy

    return numpy


def _labelled(column: Any, cls: type[enum.Enum]) -> Any:
    """A dictionary column of enum values (codes = member positions) as the members' labels."""
    pa = _pa()
    array = whole(column)
    if not pa.types.is_dictionary(array.type):
        array = array.dictionary_encode()
    values = array.dictionary.to_pylist()
    members = list(cls)
    position = {member.value: index for index, member in enumerate(members)}
    remap = pa.array([position[v] for v in values] or [0], pa.int8())
    indices = pa.compute.take(remap, array.indices) if len(values) else array.indices
    return pa.DictionaryArray.from_arrays(indices.cast(pa.int8()), pa.array(enum_labels(cls)))


def currency_suffix(currency: str | None) -> str | None:
    """The checked currency of the normalised columns (``"USD"``), None for none."""
    if currency is None:
        return None
    from aieco._checks import currency_argument

    return currency_argument(currency, "export(currency)")


def _normalised(
    name: str, currency: str, low: Array, high: Array, scale: int, present: Array
) -> list[tuple[str, Any]]:
    """``<name>_<cur>``, ``_low``, ``_high`` from exact integers at ``scale``."""
    np, pa = _np(), _pa()
    suffix = currency.lower()
    mask = ~np.asarray(present, dtype=bool)
    low, high = np.asarray(low), np.asarray(high)
    if low.dtype == np.int64 and high.dtype == np.int64 and scale <= 22:
        # Whole columns: the integers are the decimals' own digits (no Python per row), and
        # an int below 2**53 divided by an exact power of ten is the correctly rounded float.
        columns = [_decimals(units, scale, mask) for units in (low, high)]
        floats = low.astype(np.float64) / 10.0**scale
        if len(low) and np.abs(low).max() >= 1 << 53:
            floats = np.array([float(from_units(int(v), scale)) for v in low], np.float64)
    else:
        lows = [None if m else from_units(int(v), scale) for v, m in zip(low, mask, strict=True)]
        highs = [None if m else from_units(int(v), scale) for v, m in zip(high, mask, strict=True)]
        digits = max((len(str(abs(int(v)))) - scale for v in high), default=1)
        kind = decimal_type(scale, digits)
        columns = [pa.array(lows, kind), pa.array(highs, kind)]
        floats = np.array([np.nan if v is None else float(v) for v in lows], dtype=np.float64)
    return [
        (f"{name}_{suffix}", pa.array(floats, pa.float64(), mask=mask)),
        (f"{name}_{suffix}_low", columns[0]),
        (f"{name}_{suffix}_high", columns[1]),
    ]


def _decimals(units: Array, scale: int, mask: Array) -> Any:
    """A decimal128(38, scale) array whose unscaled values are the int64 ``units``."""
    np, pa = _np(), _pa()
    words = np.empty((len(units), 2), dtype=np.int64)
    words[:, 0] = units
    words[:, 1] = units >> 63  # the sign, extended to 128 bits
    validity = pa.array(~mask).buffers()[1] if mask.any() else None
    data = pa.py_buffer(words)  # the array keeps ``words`` alive
    return pa.Array.from_buffers(pa.decimal128(38, scale), len(units), [validity, data])


def _amounts_normalised(
    name: str, amounts: Sequence[Amount | None], currency: str
) -> list[tuple[str, Any]]:
    """The normalised columns of amounts already converted to ``currency`` (None: none)."""
    np = _np()
    present = np.array([a is not None for a in amounts], dtype=bool)
    low, high, _, _ = amount_arrays(amounts)
    scale = int(low.type.scale)
    ints_low = [0 if a is None else int(a.low.scaleb(scale)) for a in amounts]
    ints_high = [0 if a is None else int(a.high.scaleb(scale)) for a in amounts]
    del high
    return _normalised(name, currency, ints_low, ints_high, scale, present)


def export_table(
    query: Query[Any], columns: Sequence[str] | None = None, currency: str | None = "USD"
) -> Any:
    """The Arrow table of a query's rows (see the module docstring for the columns)."""
    from aieco.query import _company_rows, _converted, _region_values

    pa = _pa()
    store = query._columns_store("export")
    currency = currency_suffix(currency)
    rows = query._row_array()
    everything = query._rows is None  # every row in order: the columns as they are
    table = store.table if everything else store.table.take(pa.array(rows, pa.int64()))
    out: list[tuple[str, Any]] = []
    for field in fields_of(store.kind.cls):
        if field.shape == "enum":
            assert field.enum_cls is not None
            out.append((field.name, _labelled(table.column(field.name), field.enum_cls)))
        elif field.shape == "amount":
            name = field.name
            for part in ("low", "high", "unit"):
                out.append((f"{name}_{part}", table.column(f"{name}_{part}")))
            qualifier = _labelled(table.column(f"{name}_qualifier"), Qualifier)
            out.append((f"{name}_qualifier", qualifier))
            if currency is not None:
                converted = _converted(query, name, currency, None)
                present = converted.present[rows]
                converted.check(rows[present])
                out.extend(
                    _normalised(
                        name,
                        currency,
                        converted.low[rows],
                        converted.high[rows],
                        converted.scale,
                        present,
                    )
                )
        elif field.shape == "reference":  # ids as text, whatever the store keeps
            out.append((field.name, table.column(field.name).cast(pa.string())))
        else:
            out.extend((column, table.column(column)) for column in field.columns())
        if (
            field.name == "company_id"
            and store.kind.name == "funding_rounds"
            and query._dataset is not None
        ):
            company = _company_rows(query)[rows]
            companies = query._dataset.columns("companies")
            taken = pa.array(company)
            out.append(("company", companies.table.column("name").take(taken)))
            out.append(("country", companies.table.column("country").take(taken)))
            codes = companies.codes("country")[company]
            out.append(("region", _regions(_region_values(companies), codes)))
    return _select(out, columns, "columns")


def _regions(values: list[str | None], codes: Array) -> Any:
    """The region of each country code (-1: none) as a dictionary column, by table look-up.

    The dictionary lists the regions in the order they first appear, as
    ``dictionary_encode()`` of the region texts would.
    """
    np, pa = _np(), _pa()
    names = sorted({v for v in values if v is not None})
    position = {name: index for index, name in enumerate(names)}
    table = np.array([-1 if v is None else position[v] for v in values] + [-1], dtype=np.int64)
    index = table[codes]
    encoded = pa.array(index, pa.int64(), mask=index < 0).dictionary_encode()
    dictionary = pa.array(names, pa.string()).take(encoded.dictionary)
    return pa.DictionaryArray.from_arrays(encoded.indices, dictionary)


def _select(out: list[tuple[str, Any]], columns: Sequence[str] | None, role: str) -> Any:
    pa = _pa()
    if columns is not None:
        if isinstance(columns, str):
            raise TypeError(f"{role} is a list of column names, not a str: [{columns!r}]")
        available = dict(out)
        unknown = [c for c in columns if c not in available]
        if unknown:
            raise ValidationError(
                [
                    Problem(role, name, f"is not a column; expected one of {', '.join(available)}")
                    for name in unknown
                ]
            )
        out = [(name, available[name]) for name in columns]
    return pa.table(dict(out)) if out else pa.table({})


def participations_table(
    query: Query[Any], columns: Sequence[str] | None = None, currency: str | None = "USD"
) -> Any:
    """One row per participation of the query's funding rounds, in the rounds' order.

    Columns: ``round_id``, ``company``, ``announced``/``announced_precision`` (the round's),
    ``investor_id``, ``investor`` (the name), ``lead``, the amount columns of ``amount`` and
    ``stake``, and ``amount`` normalised to ``currency`` at the round's date.
    """
    from aieco.fx import convert

    np, pa = _np(), _pa()
    store = query._columns_store("participations")
    if store.kind.name != "funding_rounds":
        raise TypeError(f"participations are those of funding rounds, not {store.kind.plural}")
    currency = currency_suffix(currency)
    rows = query._row_array()
    table = store.tables()["participations"]
    parent, _ = store.numbers("row", "participations")
    spans = np.searchsorted(parent, np.arange(store.size + 1))
    chosen = (
        np.concatenate([np.arange(spans[r], spans[r + 1]) for r in rows.tolist()])
        if len(rows)
        else np.zeros(0, dtype=np.int64)
    ).astype(np.int64)
    parts = table.take(pa.array(chosen, pa.int64()))
    round_rows = pa.array(parent[chosen], pa.int64())
    rounds = store.table.take(round_rows)
    out: list[tuple[str, Any]] = [("round_id", rounds.column("id"))]
    dataset = query._dataset
    if dataset is not None:
        from aieco.query import _company_rows

        companies = dataset.columns("companies")
        company = _company_rows(query)[parent[chosen]]
        out.append(("company", companies.table.column("name").take(pa.array(company))))
    out += [
        ("announced", rounds.column("announced")),
        ("announced_precision", rounds.column("announced_precision")),
        ("investor_id", parts.column("investor_id")),
    ]
    if dataset is not None:
        investors = dataset.columns("investors")
        found = store.row_of_ids(parts.column("investor_id"), investors)
        out.append(("investor", investors.table.column("name").take(pa.array(found))))
    out.append(("lead", parts.column("lead")))
    for name in ("amount", "stake"):
        for part in ("low", "high", "unit"):
            out.append((f"{name}_{part}", parts.column(f"{name}_{part}")))
        out.append((f"{name}_qualifier", _labelled(parts.column(f"{name}_qualifier"), Qualifier)))
        if name == "amount" and currency is not None:
            converted = [
                None if p.amount is None else convert(p.amount, currency, on=record.announced)
                for record, p in _participations_of(store, parent, spans, chosen)
            ]
            out.extend(_amounts_normalised(name, converted, currency))
    return _select(out, columns, "columns")


def _participations_of(store: Any, parent: Array, spans: Array, chosen: Array) -> list[Any]:
    """(round record, participation record) for each chosen participation row."""
    found = []
    for position in chosen.tolist():
        row = int(parent[position])
        record = store.record(row)
        found.append((record, record.participants[position - int(spans[row])]))
    return found


def groups_table(groups: Groups[Any], currency: str | None = "USD") -> Any:
    """The groups as an Arrow table: the key columns, ``count`` and the totals.

    For kinds with amounts, the total in ``currency`` (``total_<cur>_low``/``_high`` exact,
    ``total_<cur>`` float64 as the low end, ``total_<cur>_qualifier``).
    """
    pa = _pa()
    counts = groups.count()
    keys = list(counts)
    names = groups._names
    out: list[tuple[str, Any]] = []
    for index, name in enumerate(names):
        values = [key[index] if len(names) > 1 else key for key in keys]
        out.append((name, _key_array(values)))
    out.append(("count", pa.array([counts[k] for k in keys], pa.int64())))
    parent = groups._parent
    kind = parent._kind if parent is not None else None
    if currency is not None and kind is not None and kind.amount_field is not None:
        code = currency_suffix(currency)
        assert code is not None
        totals = groups.total(code)
        amounts = [totals[k] for k in keys]
        out.extend(_amounts_normalised("total", amounts, code))
        qualifiers = [a.qualifier for a in amounts]
        positions = {member: i for i, member in enumerate(Qualifier)}
        out.append(
            (
                f"total_{code.lower()}_qualifier",
                pa.DictionaryArray.from_arrays(
                    pa.array([positions[q] for q in qualifiers], pa.int8()),
                    pa.array(enum_labels(Qualifier)),
                ),
            )
        )
    return pa.table(dict(out))


def _key_array(values: list[Any]) -> Any:
    from aieco._labels import enum_label
    from aieco.dates import PartialDate

    pa = _pa()
    if any(isinstance(v, enum.Enum) for v in values):
        return pa.array([None if v is None else enum_label(v) for v in values], pa.string())
    if any(isinstance(v, PartialDate) for v in values):
        return pa.array([None if v is None else v.isoformat() for v in values], pa.string())
    return pa.array(values)


def to_pandas(table: Any, what: str) -> Any:
    """An export table as a pandas DataFrame.

    Exact decimals as pandas' Arrow decimal dtype, small integers nullable (``Int16``),
    dictionaries as categoricals, dates as datetime64.
    """
    try:
        import pandas
    except ImportError:
        raise ImportError(
            f"{what} needs pandas; install the extra: pip install 'aieco[pandas]'"
        ) from None
    pa = _pa()

    def types(kind: Any) -> Any:
        if pa.types.is_decimal(kind):
            return pandas.ArrowDtype(kind)
        if pa.types.is_int16(kind):
            return pandas.Int16Dtype()
        if pa.types.is_int64(kind):
            return pandas.Int64Dtype()
        return None

    return table.to_pandas(types_mapper=types, date_as_object=False)


def to_polars(table: Any, what: str) -> Any:
    """An export table as a polars DataFrame."""
    try:
        import polars
    except ImportError:
        raise ImportError(
            f"{what} needs polars; install the extra: pip install 'aieco[polars]'"
        ) from None
    return polars.from_arrow(table)


def to_csv(table: Any, path: Any) -> Any:
    """Write an export table as CSV and return the path; no pandas needed.

    UTF-8, a header row, decimals exact, lists joined by ``"; "``, labels as text.
    """
    from pathlib import Path

    import pyarrow.csv

    target = Path(path)
    pyarrow.csv.write_csv(csv_table(table), target)
    return target


def csv_table(table: Any) -> Any:
    """An export table with CSV's cells: labels and lists (joined by ``"; "``) as text."""
    pa = _pa()
    columns = {}
    for name in table.column_names:
        column = table.column(name)
        if pa.types.is_dictionary(column.type):
            column = column.cast(pa.string())
        elif pa.types.is_list(column.type):
            column = pa.array(
                [None if v is None else "; ".join(v) for v in column.to_pylist()], pa.string()
            )
        columns[name] = column
    return pa.table(columns) if columns else table
