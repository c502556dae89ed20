"""Referential checks of a dataset, on records or on raw JSON rows (internal).

Which fields name a record of another kind is written once, in `REFERENCES`; the same
check runs on built records (``getattr``), on the raw objects of a JSON document whose records
did not all build (``dict.get``), and on whatever rows a columnar loader hands it with its own
getter. So `aieco.load` reports unknown ids and duplicate ids together with the
structural problems of a file, not only once those are fixed.
"""

from __future__ import annotations

from collections.abc import Callable, Container, Iterator, Mapping, Sequence
from typing import Any, Final

from aieco._kinds import KINDS
from aieco.errors import KEPT_PROBLEMS, Problem, ProblemList

__all__ = ["REFERENCES", "check_references", "raw_problems"]

#: For each kind, the fields whose value is the id of a record of another kind. A path with
#: ``[]`` walks a list: ``participants[].investor_id`` is each participant's investor id.
REFERENCES: Final[Mapping[str, tuple[tuple[str, str], ...]]] = {
    "sources": (),
    "companies": (("acquired_by", "companies"), ("sources[].source_id", "sources")),
    "investors": (("company_id", "companies"), ("sources[].source_id", "sources")),
    "funding_rounds": (
        ("company_id", "companies"),
        ("participants[].investor_id", "investors"),
        ("sources[].source_id", "sources"),
    ),
    "policies": (("sources[].source_id", "sources"),),
}
_SINGULAR: Final = {name: kind.singular for name, kind in KINDS.items()}

Getter = Callable[[Any, str], Any]


def attribute(row: Any, name: str) -> Any:
    """The getter for records: the attribute, or None."""
    return getattr(row, name, None)


def json_field(row: Any, name: str) -> Any:
    """The getter for raw JSON objects: the key's value, or None (also for a non-object)."""
    return row.get(name) if isinstance(row, dict) else None


def _values(row: Any, path: str, get: Getter) -> Iterator[tuple[str, Any]]:
    """(path relative to the row, value) of each reference a field path reaches in ``row``."""
    outer, walk, inner = path.partition("[].")
    if not walk:
        yield path, get(row, path)
        return
    items = get(row, outer)
    if isinstance(items, list | tuple):
        for index, item in enumerate(items):
            yield f"{outer}[{index}].{inner}", get(item, inner)


def check_references(
    rows: Mapping[str, Sequence[Any]],
    ids: Mapping[str, Container[str]],
    prefix: Callable[[str], str],
    problems: list[Problem],
    *,
    get: Getter = attribute,
) -> None:
    """Every id a row mentions names a row of the right kind.

    ``rows`` are the rows of each kind (records, raw JSON objects, or None for a row that is
    skipped), ``ids`` the ids each kind has; a problem's path is ``prefix(kind)[index].field``.
    Values that are not strings are left to the structural checks.
    """
    for kind, fields in REFERENCES.items():
        base = prefix(kind)
        for index, row in enumerate(rows.get(kind, ())):
            if row is None:
                continue
            for path, target in fields:
                if "[]." in path:
                    found = _values(row, path, get)
                else:
                    value = get(row, path)
                    if value is None:
                        continue
                    found = iter(((path, value),))
                for where, value in found:
                    if isinstance(value, str) and value not in ids[target]:
                        _add(
                            problems,
                            f"{base}[{index}].{where}",
                            value,
                            f"does not name {_a(_SINGULAR[target])}",
                        )


def raw_problems(data: Mapping[str, Any], root: str, problems: list[Problem]) -> None:
    """The referential problems of a raw JSON document: duplicate ids and unknown ids.

    Used when some records of the document did not build, so that a file's problems are all
    reported at once. An object without a string id names nothing and is named by nothing.
    """
    rows: dict[str, Sequence[Any]] = {}
    ids: dict[str, dict[str, int]] = {}
    for kind in REFERENCES:
        items = data.get(kind)
        rows[kind] = items if isinstance(items, list) else ()
        seen: dict[str, int] = {}
        for index, item in enumerate(rows[kind]):
            record_id = json_field(item, "id")
            if not isinstance(record_id, str):
                continue
            if record_id in seen:
                _add(
                    problems,
                    f"{root}.{kind}[{index}].id",
                    record_id,
                    f"repeats the id of {root}.{kind}[{seen[record_id]}]",
                )
            else:
                seen[record_id] = index
        ids[kind] = seen
    check_references(rows, ids, lambda kind: f"{root}.{kind}", problems, get=json_field)


def _add(problems: list[Problem], path: str, value: Any, expected: str) -> None:
    """Append a problem; once a ProblemList is full, only count it (no object is built)."""
    if isinstance(problems, ProblemList) and len(problems) >= KEPT_PROBLEMS:
        problems.more += 1
    else:
        problems.append(Problem(path, value, expected))


def _a(noun: str) -> str:
    return f"{'an' if noun[0] in 'aeiou' else 'a'} {noun}"
