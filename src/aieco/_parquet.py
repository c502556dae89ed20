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
    """The seven tables of a dataset as written: references by id, not by row."""
    pa = _pa()
    tables: dict[str, Any] = {}
    citations = []
    for name, kind in KINDS.items():
        store: Store = dataset.columns(name)
        own = store.tables()
        tables[name] = own[name]
        ids = own[name].column("id")
        if "citations" in own:
            cited = own["citations"]
            rows = cited.column("row")
            cited = cited.drop_columns(["row"])
            cited = cited.add_column(0, "id", ids.take(rows))
            kinds = pa.array([kind.name] * cited.num_rows, pa.string()).dictionary_encode()
            citations.append(cited.add_column(0, "kind", kinds))
        if "participations" in own:
            part = own["participations"]
            rows = part.column("row")
            part = part.drop_columns(["row"]).add_column(0, "round_id", ids.take(rows))
            tables["participations"] = part
    tables["citations"] = pa.concat_tables(citations, promote_options="permissive")
    return tables


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
            pq.write_table(table.replace_schema_metadata(metadata), folder / _file(name))
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
    """Ids (the model's id pattern) or texts (not blank, no surrounding whitespace)."""
    pc = _pa().compute
    array = table.column(column)
    if kind == "id":
        from aieco._checks import _ID

        good = pc.match_substring_regex(array, f"^(?:{_ID.pattern})$")
    else:
        space = _space_class()
        good = pc.and_(
            pc.invert(pc.match_substring_regex(array, f"^{space}|{space}$")),
            pc.greater(pc.utf8_length(array), 0),
        )
    bad = pc.invert(pc.fill_null(good, True))
    if pc.any(bad).as_py():
        values = array.to_pylist()
        rows = _bad_rows(bad)
        check = check_id if kind == "id" else check_text
        report.rows(
            where, column, values, rows, _expected(check, values[rows[0]]) or "is not valid"
        )


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
    positions = pc.index_in(table.column(column), value_set=target.column("id"))
    unresolved = pc.and_(pc.is_null(positions), pc.is_valid(table.column(column)))
    if pc.any(unresolved).as_py():
        values = table.column(column).to_pylist()
        report.rows(
            where, column, values, _bad_rows(unresolved), f"does not name {a(kind.singular)}"
        )
    return positions.fill_null(-1)


def _conform(report: _Report, where: str, table: Any, cls: type, extra: dict[str, Any]) -> Any:
    """The table with the columns of ``cls`` (plus ``extra``) in their types; others refused."""
    pa = _pa()
    wanted: dict[str, Any] = dict(extra)
    for field in fields_of(cls):
        wanted.update(zip(field.columns(), field.column_types(), strict=True))
    unknown = [name for name in table.column_names if name not in wanted]
    for name in unknown:
        report.problems.append(Problem(f"{where}.{name}", name, "is not a known column"))
    columns = {}
    for name, kind in wanted.items():
        if name not in table.column_names:
            length = table.num_rows
            columns[name] = _nulls(kind, length)
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


def _nulls(kind: Any, length: int) -> Any:
    pa = _pa()
    if kind == "dictionary":
        return pa.array([None] * length, pa.string()).dictionary_encode()
    if kind == "decimal":
        return pa.array([None] * length, pa.decimal128(38, 0))
    return pa.array([None] * length, kind)


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


def _check_fields(report: _Report, where: str, table: Any, cls: type, required: set[str]) -> None:
    """The per-column rules of the model for the scalar fields of ``cls``."""
    pa = _pa()
    pc = pa.compute
    for field in fields_of(cls):
        name, shape = field.name, field.shape
        if name in required:
            _check_required(report, where, table, field.columns()[0])
        if shape == "text":
            if name == "id":
                _check_texts(report, where, table, name, "id")
            elif name in ("company_id", "acquired_by", "source_id", "investor_id"):
                pass  # a reference: it must name a record, whose id is checked
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
            if name not in required:
                _check_required(report, where, table, name)
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
        elif shape == "bool":
            _check_required(report, where, table, name)
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
    import pyarrow.parquet as pq

    tables = {}
    for name in (*KINDS, *CHILDREN):
        path = folder / _file(name)
        if path.is_file():
            try:
                tables[name] = pq.read_table(path)
            except OSError:
                raise
            except Exception as exc:
                raise ValidationError(
                    [Problem(_file(name), str(path), f"is not a Parquet file ({exc})")]
                ) from None
    return tables


def load_parquet(folder: Path) -> Any:
    """Read and check a Parquet dataset folder; a ValidationError lists what is wrong."""
    pa = _pa()
    pc = pa.compute
    from aieco.dataset import Dataset

    raw = _read(folder)
    report = _Report()
    tables: dict[str, Any] = {}
    for name, kind in KINDS.items():
        table = raw.get(name)
        if table is None:
            table = pa.table({"id": pa.array([], pa.string())})
        required = {"id", *kind.key_fields}
        if name == "funding_rounds":
            required.add("company_id")
        if name == "policies":
            required |= {"jurisdiction", "kind"}
        table = _conform(report, _file(name), table, kind.cls, {})
        _check_fields(report, _file(name), table, kind.cls, required)
        tables[name] = table
    part = raw.get("participations", pa.table({"round_id": pa.array([], pa.string())}))
    part = _conform(report, _file("participations"), part, Participation, {"round_id": pa.string()})
    _check_fields(report, _file("participations"), part, Participation, {"investor_id", "lead"})
    _check_required(report, _file("participations"), part, "round_id")
    cites = raw.get("citations", pa.table({"kind": pa.array([], pa.string())}))
    cites = _conform(
        report, _file("citations"), cites, Citation, {"kind": "dictionary", "id": pa.string()}
    )
    _check_fields(report, _file("citations"), cites, Citation, {"source_id", "quote"})
    _check_required(report, _file("citations"), cites, "kind")
    _check_required(report, _file("citations"), cites, "id")
    if report.problems:
        raise ValidationError(report.problems)

    # Across records: unique ids, references, names.
    for name in KINDS:
        _check_unique(report, _file(name), tables[name])
    companies = tables["companies"]
    self_owned = pc.fill_null(
        pc.equal(companies.column("acquired_by"), companies.column("id")), False
    )
    if pc.any(self_owned).as_py():
        report.rows(
            _file("companies"),
            "acquired_by",
            companies.column("acquired_by").to_pylist(),
            _bad_rows(self_owned),
            "must not be the company itself",
        )
    # The references aieco._integrity.REFERENCES lists, on columns: a field of a kind's own
    # table, a participant's investor in participations, a citation's source in citations.
    rounds = tables["funding_rounds"]
    round_rows = _check_references(
        report, _file("participations"), part, "round_id", rounds, KINDS["funding_rounds"]
    )
    investor_rows = None
    for name, references in REFERENCES.items():
        for path, target in references:
            if path == "participants[].investor_id":
                where, table, column = _file("participations"), part, "investor_id"
            elif path == "sources[].source_id":
                continue  # every citation at once, below
            else:
                where, table, column = _file(name), tables[name], path
            rows = _check_references(report, where, table, column, tables[target], KINDS[target])
            if column == "investor_id":
                investor_rows = rows
    assert investor_rows is not None
    _check_references(
        report, _file("citations"), cites, "source_id", tables["sources"], KINDS["sources"]
    )
    cite_kinds = cites.column("kind").cast(pa.string())
    _check_distinct(
        report,
        _file("citations"),
        cites,
        "kind",
        lambda v: (
            None if v in KINDS and v != "sources" else "is not a kind of record with citations"
        ),
    )
    children: dict[str, dict[str, Any]] = {name: {} for name in KINDS}
    for name in KINDS:
        if name == "sources":
            continue
        mine = cites.filter(pc.equal(cite_kinds, name))
        rows = _check_references(report, _file("citations"), mine, "id", tables[name], KINDS[name])
        children[name]["citations"] = _by_parent(mine.drop_columns(["kind", "id"]), rows)
    if report.problems:
        raise ValidationError(report.problems)
    participations = _by_parent(part.drop_columns(["round_id"]), round_rows)
    _check_repeated_investors(report, participations, investor_rows, round_rows)
    children["funding_rounds"]["participations"] = participations
    keys = {name: _key_index(report, name, kind, tables[name]) for name, kind in KINDS.items()}
    if report.problems:
        raise ValidationError(report.problems)
    stores = {
        name: Store(kind, tables={name: tables[name], **children[name]})
        for name, kind in KINDS.items()
    }
    del raw, part, cites
    pa.default_memory_pool().release_unused()  # the tables read and checked, not kept
    return Dataset._from_stores(stores, keys)


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


def _check_repeated_investors(
    report: _Report, part: Any, investor_rows: Any, round_rows: Any
) -> None:
    import numpy as np

    rounds = round_rows.to_numpy(zero_copy_only=False)
    investors = investor_rows.to_numpy(zero_copy_only=False)
    pairs = rounds.astype(np.int64) * (1 << 32) + investors
    ordered = np.sort(pairs)
    if len(pairs) and bool(np.any(ordered[1:] == ordered[:-1])):
        seen: set[int] = set()
        repeated = []
        for row, pair in enumerate(pairs.tolist()):
            if pair in seen:
                repeated.append(row)
            seen.add(pair)
        for row in repeated[:_SHOWN]:
            report.problems.append(
                Problem(
                    f"{_file('participations')}[{row}].investor_id",
                    None,
                    "names an investor a second time in the same round",
                )
            )


def _key_index(report: _Report, name: str, kind: Kind, table: Any) -> dict[str, int] | None:
    """The folded id/name/alias → row index; ambiguities are problems. None: ids only."""
    if kind.key_fields == ("id",):
        return None  # an id is its own key: ids are lower-case ASCII and unique
    pc = _pa().compute
    ids = table.column("id").to_pylist()  # valid ids are their own folded form
    keys: list[str] = list(ids)
    rows: list[int] = list(range(len(ids)))
    paths: list[str] = ["id"] * len(ids)
    texts: list[str] = list(ids)
    for field in kind.key_fields[1:]:
        values = table.column(field).to_pylist()
        keys.extend(fold(v) for v in values)
        rows.extend(range(len(values)))
        paths.extend([field] * len(values))
        texts.extend(values)
    if kind.has_aliases:
        aliases = table.column("aliases")
        flat = pc.list_flatten(aliases).to_pylist()
        parents = pc.list_parent_indices(aliases).to_pylist()
        keys.extend(fold(v) for v in flat)
        rows.extend(parents)
        position = [0] * len(flat)
        for i in range(1, len(flat)):
            if parents[i] == parents[i - 1]:
                position[i] = position[i - 1] + 1
        paths.extend(f"aliases[{p}]" for p in position)
        texts.extend(flat)
        lists = aliases.to_pylist()
        where = _file(name)
        for row in {parents[i] for i in range(len(flat)) if position[i]}:
            if len(set(lists[row])) != len(lists[row]):
                report.problems.append(
                    Problem(f"{where}[{row}].aliases", lists[row], "must not repeat an alias")
                )
    index = dict(zip(reversed(keys), reversed(rows), strict=True))  # the first owner wins
    where = _file(name)
    clashes = [i for i, (key, row) in enumerate(zip(keys, rows, strict=True)) if index[key] != row]
    for i in clashes[:_SHOWN]:
        owner = index[keys[i]]
        report.problems.append(
            Problem(
                f"{where}[{rows[i]}].{paths[i]}",
                texts[i],
                f"is ambiguous: {where}[{owner}] has the same id, name or alias "
                "(ignoring case and accents)",
            )
        )
    return index


def paths_of(folder: Path) -> list[Path]:
    """The files a Parquet dataset folder holds."""
    return [folder / _file(name) for name in (*KINDS, *CHILDREN) if (folder / _file(name)).exists()]
