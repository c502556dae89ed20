"""The dataset: `Dataset`, `load` and `dump`.

The bundled dataset is five JSON arrays in ``aieco/data/`` (``sources.json``, ``companies.json``,
``investors.json``, ``funding_rounds.json``, ``policies.json``), read on the first call of
`load` and cached. A user's file is one JSON object with the same five keys::

    {"sources": [...], "companies": [...], "investors": [...],
     "funding_rounds": [...], "policies": [...]}

Both are checked before a `Dataset` exists: every record through the converter, ids unique
per kind, every reference resolving, names and aliases unambiguous per kind. A ValidationError
lists every problem with its path (``$.funding_rounds[3].company_id`` in a user's file,
``funding_rounds.json[3].company_id`` in the bundled data); nothing is half-loaded.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import threading
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from difflib import SequenceMatcher
from importlib import resources
from pathlib import Path
from typing import Any, TypeVar

import attrs

from aieco._columns import Store, lexsort
from aieco._files import write_atomically
from aieco._fold import fold
from aieco._integrity import check_references, raw_problems
from aieco._kinds import KINDS, Kind, a
from aieco.errors import MISSING, NotFound, Problem, ProblemList, ValidationError
from aieco.model import Company, FundingRound, Investor, Policy, Source
from aieco.query import Array, Participations, Query
from aieco.serialize import UNCHECKED, converter, decode_json, structure

__all__ = ["Dataset", "dump", "load"]

R = TypeVar("R", Source, Company, Investor, FundingRound, Policy)
Record = Source | Company | Investor | FundingRound | Policy


class Dataset:
    """An immutable, validated set of sources, companies, investors, funding rounds and policies.

    Build one with `load` (the bundled data, a JSON file or a Parquet folder) or directly
    from records; construction checks that ids are unique, references resolve and names are
    unambiguous, and builds the lookup indexes once. The records of each kind are held in a
    columnar store (`columns`) that queries run on; records read from Parquet are built
    only when touched.

    ```pycon
    >>> ds = Dataset(companies=[Company("mistral-ai", "Mistral AI", aliases=("Mistral",))])
    >>> ds.company("mistral").name
    'Mistral AI'

    ```
    """

    __slots__ = ("_cache", "_candidates", "_ids", "_keys", "_queries", "_stores")
    _cache: dict[Any, Any]
    _candidates: dict[str, list[tuple[str, str]]]
    _ids: dict[str, dict[str, int] | None]
    _keys: dict[str, dict[str, int] | None]
    _queries: dict[str, Query[Any]]
    _stores: dict[str, Store]

    def __init__(
        self,
        *,
        sources: Iterable[Source] = (),
        companies: Iterable[Company] = (),
        investors: Iterable[Investor] = (),
        funding_rounds: Iterable[FundingRound] = (),
        policies: Iterable[Policy] = (),
    ) -> None:
        self._build(
            {
                "sources": tuple(sources),
                "companies": tuple(companies),
                "investors": tuple(investors),
                "funding_rounds": tuple(funding_rounds),
                "policies": tuple(policies),
            },
            lambda kind: kind,
        )

    @classmethod
    def _from_records(
        cls, records: Mapping[str, tuple[Any, ...]], prefix: Callable[[str], str]
    ) -> Dataset:
        """A Dataset whose problems are reported at ``prefix(kind)[index]``."""
        dataset = cls.__new__(cls)
        dataset._build(records, prefix)
        return dataset

    @classmethod
    def _from_stores(
        cls,
        stores: dict[str, Store],
        names: Mapping[str, tuple[Any, Array] | None],
        derived: Mapping[str, Array],
    ) -> Dataset:
        """A Dataset of stores whose checks have been done (the Parquet loader).

        ``names`` are each kind's folded keys (Arrow strings: the ids, names and aliases)
        and their rows, None for a kind looked up by id only; the indexes are built from them
        on first use. ``derived`` are relations already computed (``company_rows``, ...).
        """
        dataset = cls.__new__(cls)
        dataset._set(stores, dict.fromkeys(stores), dict.fromkeys(stores))
        dataset._cache.update(derived)
        dataset._cache.update({("names", kind): found for kind, found in names.items()})
        return dataset

    def _build(self, records: Mapping[str, tuple[Any, ...]], prefix: Callable[[str], str]) -> None:
        for kind in KINDS.values():
            for index, record in enumerate(records[kind.name]):
                if not isinstance(record, kind.cls):
                    raise TypeError(
                        f"{kind.name}[{index}] must be {a(kind.cls.__name__)}, "
                        f"not {type(record).__name__}"
                    )
        problems: list[Problem] = ProblemList()
        ids: dict[str, dict[str, int]] = {}
        keys: dict[str, dict[str, int]] = {}
        for kind in KINDS.values():
            ids[kind.name], keys[kind.name] = _index(
                kind, records[kind.name], prefix(kind.name), problems
            )
        _check_references(records, ids, prefix, problems)
        if problems:
            raise ValidationError(problems)
        stores = {kind.name: Store(kind, records=records[kind.name]) for kind in KINDS.values()}
        self._set(stores, ids, keys)

    def _set(
        self,
        stores: dict[str, Store],
        ids: Mapping[str, dict[str, int] | None],
        keys: Mapping[str, dict[str, int] | None],
    ) -> None:
        set_ = object.__setattr__
        set_(self, "_stores", stores)
        set_(self, "_ids", dict(ids))
        set_(self, "_keys", dict(keys))
        set_(self, "_candidates", {})
        set_(self, "_cache", {})
        set_(
            self,
            "_queries",
            {name: Query._of(store, None, self) for name, store in stores.items()},
        )

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Dataset is immutable; cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Dataset is immutable; cannot delete {name!r}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, ({name: tuple(s.records()) for name, s in self._stores.items()},))

    # --- collections ------------------------------------------------------------------------

    @property
    def sources(self) -> Query[Source]:
        """Every source, in the order they were loaded."""
        query: Query[Source] = self._queries["sources"]
        return query

    @property
    def companies(self) -> Query[Company]:
        """Every company, in the order they were loaded."""
        query: Query[Company] = self._queries["companies"]
        return query

    @property
    def investors(self) -> Query[Investor]:
        """Every investor, in the order they were loaded."""
        query: Query[Investor] = self._queries["investors"]
        return query

    @property
    def funding_rounds(self) -> Query[FundingRound]:
        """Every funding round, in the order they were loaded."""
        query: Query[FundingRound] = self._queries["funding_rounds"]
        return query

    @property
    def policies(self) -> Query[Policy]:
        """Every policy, in the order they were loaded."""
        query: Query[Policy] = self._queries["policies"]
        return query

    @property
    def participations(self) -> Participations:
        """Every investor's part in every funding round, as a long table to export."""
        return self.funding_rounds.participations()

    def __len__(self) -> int:
        return sum([store.size for store in self._stores.values()])

    def __repr__(self) -> str:
        counts = ", ".join(f"{self._stores[kind].size} {kind.replace('_', ' ')}" for kind in KINDS)
        return f"<Dataset: {counts}>"

    def _repr_html_(self) -> str:
        """Counts, sources and the newest rounds, for Jupyter (see `aieco._html`)."""
        from aieco._html import dataset_html

        return dataset_html(self)

    def __eq__(self, other: object) -> bool:
        """Equal when both hold the same records (by id), whatever their order."""
        if not isinstance(other, Dataset):
            return NotImplemented
        for kind in KINDS:
            if self._id_index(kind).keys() != other._id_index(kind).keys():
                return False
            mine, theirs = self._stores[kind], other._stores[kind]
            for record_id, row in self._id_index(kind).items():
                if mine.record(row) != theirs.record(other._id_index(kind)[record_id]):
                    return False
        return True

    __hash__ = None  # type: ignore[assignment]

    # --- the interface queries use ------------------------------------------------------------

    def columns(self, kind: str) -> Store:
        """The columnar store of one kind (``"funding_rounds"``, ``"companies"``, ...).

        ``columns(kind).tables()`` are its Arrow tables; queries run on them.
        """
        return self._stores[kind]

    def row_of(self, kind: str, key: str) -> int | None:
        """The row of the record of ``kind`` with this id, name or alias, or None."""
        ids = self._id_index(kind)
        row = ids.get(key)
        if row is None:
            row = self._key_index(kind).get(fold(key))
        return row

    def _id_index(self, kind: str) -> dict[str, int]:
        """Id → row for one kind (built on first use for data read from columns)."""
        index = self._ids[kind]
        if index is None:
            ids = self._stores[kind].table.column("id").to_pylist()
            index = self._ids[kind] = dict(zip(ids, range(len(ids)), strict=True))
        return index

    def _key_index(self, kind: str) -> dict[str, int]:
        """Folded id, name or alias → row (the id index where ids are the only keys)."""
        index = self._keys[kind]
        if index is None:
            names = self._cache.get(("names", kind))
            if names is None:
                return self._id_index(kind)
            keys, rows = names
            # The first owner of a key wins (later ones were refused as ambiguous).
            index = dict(zip(reversed(keys.to_pylist()), reversed(rows.tolist()), strict=True))
            self._keys[kind] = index
        return index

    def resolve(self, kind: str, key: object) -> Any:
        """The record of ``kind`` that ``key`` (a record, or its id, name or alias) names.

        Raises NotFound naming the closest names when there is none.
        """
        spec = KINDS[kind]
        if isinstance(key, spec.cls):
            row = self._id_index(kind).get(key.id)
            if row is None:
                raise NotFound(key.id, spec.singular, self._suggest(kind, key.id))
            return self._stores[kind].record(row)
        if not isinstance(key, str):
            raise TypeError(
                f"expected {a(spec.cls.__name__)} or its id, name or alias as a str, "
                f"not {type(key).__name__}"
            )
        row = self._key_index(kind).get(fold(key))
        if row is None:
            raise NotFound(key, spec.singular, self._suggest(kind, key))
        return self._stores[kind].record(row)

    def company_of(self, funding_round: FundingRound | str) -> Company:
        """The company of a funding round (the round, or its id)."""
        found: FundingRound = self.resolve("funding_rounds", funding_round)
        company: Company = self.resolve("companies", found.company_id)
        return company

    # --- lookups ----------------------------------------------------------------------------

    def company(self, key: str | Company) -> Company:
        """The company with this id, name or alias (case- and accent-insensitive).

        Raises NotFound naming the closest names when there is none.
        """
        record: Company = self.resolve("companies", key)
        return record

    def investor(self, key: str | Investor) -> Investor:
        """The investor with this id, name or alias (case- and accent-insensitive)."""
        record: Investor = self.resolve("investors", key)
        return record

    def policy(self, key: str | Policy) -> Policy:
        """The policy with this id, name or alias (case- and accent-insensitive)."""
        record: Policy = self.resolve("policies", key)
        return record

    def source(self, key: str | Source) -> Source:
        """The source with this id or title (case- and accent-insensitive)."""
        record: Source = self.resolve("sources", key)
        return record

    def funding_round(self, key: str | FundingRound) -> FundingRound:
        """The funding round with this id."""
        record: FundingRound = self.resolve("funding_rounds", key)
        return record

    def _suggest(self, kind: str, key: str, limit: int = 3) -> tuple[str, ...]:
        """The names closest to ``key`` (difflib ratio ≥ 0.6), best first, ties by name."""
        candidates = self._candidates.get(kind)
        if candidates is None:
            spec = KINDS[kind]
            candidates = [
                (fold(name), spec.label(record))
                for record in self._stores[kind].records()
                for name in spec.keys(record)
            ]
            self._candidates[kind] = candidates
        matcher = SequenceMatcher()
        matcher.set_seq2(fold(key))
        best: dict[str, float] = {}
        for folded, label in candidates:
            matcher.set_seq1(folded)
            if (
                matcher.real_quick_ratio() >= 0.6
                and matcher.quick_ratio() >= 0.6
                and (score := matcher.ratio()) >= 0.6
                and score > best.get(label, 0.0)
            ):
                best[label] = score
        ranked = sorted(best.items(), key=lambda item: (-item[1], item[0]))
        return tuple(label for label, _ in ranked[:limit])

    # --- relations --------------------------------------------------------------------------

    def company_rows(self) -> Array:
        """Each funding round's company, as a row of `columns` ``("companies")``."""

        def build() -> Array:
            rounds = self._stores["funding_rounds"]
            return rounds.row_of_ids(rounds.table.column("company_id"), self._stores["companies"])

        rows: Array = self._cached("company_rows", build)
        return rows

    def investor_rows(self) -> Array:
        """Each participation's investor, as a row of `columns` ``("investors")``.

        Participations in the order of ``columns("funding_rounds").tables()["participations"]``.
        """

        def build() -> Array:
            table = self._stores["funding_rounds"].tables()["participations"]
            return self._stores["funding_rounds"].row_of_ids(
                table.column("investor_id"), self._stores["investors"]
            )

        rows: Array = self._cached("investor_rows", build)
        return rows

    def _newest_first(self, by: str) -> tuple[Array, Array]:
        """Rounds ordered by company (or investor) row, then newest first, undated last, by id.

        Returns the round rows in that order and the offsets of each owner's span.
        """

        def build() -> tuple[Array, Array]:
            import numpy as np

            rounds = self._stores["funding_rounds"]
            if by == "companies":
                owners = self.company_rows()
                members = np.arange(rounds.size)
            else:
                members, _ = rounds.numbers("row", "participations")
                owners = self.investor_rows()
            keys = rounds.newest_first_keys()
            order = lexsort((*(key[members] for key in keys), owners))
            spans = np.searchsorted(owners[order], np.arange(self._stores[by].size + 1))
            return members[order], spans.tolist()  # list: a Python int per look-up

        result: tuple[Array, Array] = self._cached(("newest_first", by), build)
        return result

    def _cached(self, key: Any, build: Callable[[], Any]) -> Any:
        try:
            return self._cache[key]
        except KeyError:
            value = self._cache[key] = build()
            return value

    def _related(self, owner_kind: str, key: object) -> Query[FundingRound]:
        row = None
        if isinstance(key, str):  # an id as given, else its folded form
            row = self._id_index(owner_kind).get(key)
            if row is None:
                row = self._key_index(owner_kind).get(fold(key))
        if row is None:  # a record, or a miss: resolve() checks and explains
            row = self._id_index(owner_kind)[self.resolve(owner_kind, key).id]
        order, spans = self._newest_first(owner_kind)
        rows = order[spans[row] : spans[row + 1]]
        return Query._of(self._stores["funding_rounds"], rows, self)

    def rounds_for(self, company: str | Company) -> Query[FundingRound]:
        """The company's funding rounds, newest first (undated last)."""
        return self._related("companies", company)

    def investments_by(self, investor: str | Investor) -> Query[FundingRound]:
        """The funding rounds the investor took part in, newest first (undated last)."""
        return self._related("investors", investor)

    def investors_of(self, company: str | Company) -> Query[Investor]:
        """The investors in any of the company's rounds, by name."""
        ids = {
            participation.investor_id
            for funding_round in self.rounds_for(company)
            for participation in funding_round.participants
        }
        investors = self._stores["investors"]
        chosen = sorted(
            (self._id_index("investors")[i] for i in ids),
            key=lambda row: (fold(investors.record(row).name), investors.record(row).id),
        )
        return Query._of(investors, chosen, self)

    def as_investor(self, company: str | Company) -> Query[Investor]:
        """The company's own investor records (those whose ``company_id`` is its id), by name.

        Empty for a company that does not invest; ASML and Nvidia invest as well.
        """
        found: Company = self.resolve("companies", company)
        investors = self._stores["investors"]
        chosen = sorted(
            (row for row in range(investors.size) if investors.record(row).company_id == found.id),
            key=lambda row: (fold(investors.record(row).name), investors.record(row).id),
        )
        return Query._of(investors, chosen, self)

    def co_investors(self, investor: str | Investor) -> Query[Investor]:
        """The investors that shared a round with the investor: most shared rounds first."""
        found: Investor = self.resolve("investors", investor)
        shared: defaultdict[str, int] = defaultdict(int)
        for funding_round in self.investments_by(found):
            for participation in funding_round.participants:
                if participation.investor_id != found.id:
                    shared[participation.investor_id] += 1
        investors = self._stores["investors"]
        ids = self._id_index("investors")
        chosen = sorted(
            (ids[i] for i in shared),
            key=lambda row: (
                -shared[investors.record(row).id],
                fold(investors.record(row).name),
                investors.record(row).id,
            ),
        )
        return Query._of(investors, chosen, self)

    # --- combining --------------------------------------------------------------------------

    def merge(self, other: Dataset) -> Dataset:
        """A new Dataset with the records of both.

        A record present in both (same id, equal record) is kept once; the same id for two
        different records is a ValidationError naming each such id and the fields that differ.
        The result is checked like any Dataset (references, ambiguous names).
        """
        if not isinstance(other, Dataset):
            raise TypeError(f"can only merge a Dataset, not {type(other).__name__}")
        problems: list[Problem] = []
        merged: dict[str, tuple[Any, ...]] = {}
        for kind in KINDS:
            mine = self._id_index(kind)
            store = self._stores[kind]
            extra = []
            for record in other._stores[kind].records():
                row = mine.get(record.id)
                if row is None:
                    extra.append(record)
                    continue
                existing = store.record(row)
                if existing != record:
                    fields = [
                        f.name
                        for f in attrs.fields(type(record))
                        if getattr(existing, f.name) != getattr(record, f.name)
                    ]
                    problems.append(
                        Problem(
                            f"{kind}[id={record.id}]",
                            record.id,
                            "names two different records (they differ in "
                            + ", ".join(fields)
                            + ")",
                        )
                    )
            merged[kind] = (*store.records(), *extra)
        if problems:
            raise ValidationError(problems)
        return Dataset._from_records(merged, lambda kind: kind)


def _rebuild(records: Mapping[str, tuple[Any, ...]]) -> Dataset:
    return Dataset._from_records(records, lambda kind: kind)


def _index(
    kind: Kind, records: Sequence[Any], prefix: str, problems: list[Problem]
) -> tuple[dict[str, int], dict[str, int]]:
    """The id index and the name index of one kind; duplicates and ambiguities are problems."""
    by_id: dict[str, int] = {}
    by_key: dict[str, int] = {}
    for index, record in enumerate(records):
        if record.id in by_id:
            problems.append(
                Problem(
                    f"{prefix}[{index}].id",
                    record.id,
                    f"repeats the id of {prefix}[{by_id[record.id]}]",
                )
            )
            continue
        by_id[record.id] = index
        for field, name in zip(kind.key_paths(record), kind.keys(record), strict=True):
            key = fold(name)
            owner = by_key.get(key)
            if owner is None:
                by_key[key] = index
            elif owner != index:
                problems.append(
                    Problem(
                        f"{prefix}[{index}].{field}",
                        name,
                        f"is ambiguous: {prefix}[{owner}] ({kind.label(records[owner])!r}) "
                        "has the same id, name or alias (ignoring case and accents)",
                    )
                )
    return by_id, by_key


def _check_references(
    records: Mapping[str, tuple[Any, ...]],
    by_id: Mapping[str, Mapping[str, int]],
    prefix: Callable[[str], str],
    problems: list[Problem],
) -> None:
    """Every id a record mentions names a record of the right kind (see aieco._integrity)."""
    check_references(records, by_id, prefix, problems)


# --- reading and writing ------------------------------------------------------------------------


@attrs.frozen
class _Document:
    """A user's dataset file: one JSON object with (at most) the five arrays."""

    sources: tuple[Source, ...] = ()
    companies: tuple[Company, ...] = ()
    investors: tuple[Investor, ...] = ()
    funding_rounds: tuple[FundingRound, ...] = ()
    policies: tuple[Policy, ...] = ()


_bundled: Dataset | None = None
_bundled_lock = threading.Lock()


def load(path: str | os.PathLike[str] | None = None) -> Dataset:
    """The bundled dataset, or the dataset in a user's JSON file or Parquet folder.

    Without ``path``: the dataset shipped with aieco, read and checked on the first call and
    the very same object on every later call (thread-safe). With ``path``: a new Dataset read
    from a JSON file, one object ``{"sources": [...], "companies": [...], "investors": [...],
    "funding_rounds": [...], "policies": [...]}`` (a missing key is an empty list, an unknown
    key an error), or from a folder that `dump` wrote with ``format="parquet"`` (checked
    column by column with the same guarantees; records are built only when touched).

    Raises:
        ValidationError: listing every problem with its JSON path
            (``$.funding_rounds[3].amount.unit``) or its Parquet file, row and column
            (``funding_rounds.parquet[3].amount_unit``).
        OSError: when the file cannot be read.
    """
    if path is not None:
        target = Path(path)
        if target.is_dir():
            from aieco._parquet import is_parquet_dataset, load_parquet

            if is_parquet_dataset(target):
                loaded: Dataset = load_parquet(target)
                return loaded
        return _load_file(target)
    global _bundled
    dataset = _bundled
    if dataset is None:
        with _bundled_lock:
            dataset = _bundled
            if dataset is None:
                dataset = _bundled = _load_bundled()
    return dataset


@contextlib.contextmanager
def _no_gc_pauses() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many objects that stay alive.

    Building 100,000 records allocates millions of objects, none of them garbage; the collector
    would walk the growing heap again and again (half the load time). Records hold no cycles,
    so nothing is lost by collecting once afterwards instead.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _load_file(path: Path) -> Dataset:
    raw = path.read_bytes()
    with _no_gc_pauses():
        data = decode_json(raw, "$")
        if not isinstance(data, dict):
            raise ValidationError(
                [Problem("$", type(data).__name__, "is not a JSON object with the keys " + _keys())]
            )
        problems: ProblemList | None = None
        try:
            document = structure(data, _Document, root="$")
        except ValidationError as exc:  # report unknown and repeated ids now too ...
            problems = ProblemList(exc.problems, exc.more)
        if problems is not None:  # raised outside the except clause: no __context__ to pickle
            if all(p.expected != UNCHECKED for p in problems):  # ... unless checking stopped
                raw_problems(data, "$", problems)
            raise ValidationError(problems)
        records = attrs.asdict(document, recurse=False)
        return Dataset._from_records(records, lambda kind: f"$.{kind}")


def _keys() -> str:
    return ", ".join(repr(kind) for kind in KINDS)


def _load_bundled() -> Dataset:
    """Read and check the five bundled files; every problem in any of them is reported."""
    folder = resources.files("aieco").joinpath("data")
    records: dict[str, tuple[Any, ...]] = {}
    problems: list[Problem] = []
    for kind, spec in KINDS.items():
        cls = spec.cls
        name = f"{kind}.json"
        entry = folder.joinpath(name)
        if not entry.is_file():
            problems.append(Problem(name, MISSING, "is missing from the aieco package"))
            continue
        try:
            with _no_gc_pauses():
                data = decode_json(entry.read_bytes(), name)
                records[kind] = structure(data, tuple[cls, ...], root=name)  # type: ignore[valid-type]
        except ValidationError as exc:
            problems.extend(exc.problems or [Problem(name, None, str(exc))])
    if problems:
        raise ValidationError(problems)
    with _no_gc_pauses():
        return Dataset._from_records(records, lambda kind: f"{kind}.json")


def dump(dataset: Dataset, path: str | os.PathLike[str], *, format: str | None = None) -> Path:
    """Write ``dataset`` to ``path`` in a form `load` reads back: JSON or Parquet.

    ``format`` is ``"json"`` or ``"parquet"``; by default a path ending in ``.parquet`` gets
    Parquet and any other JSON. Parquet is a folder of seven files, one per table (see
    docs/dataset.md), written to a temporary folder next to ``path`` and then renamed; an
    existing folder that is not an aieco Parquet dataset is never overwritten.

    JSON records are sorted by id, indented by 2, UTF-8 with non-ASCII characters as they are;
    the file is written to a temporary name next to it first (``.NAME.PID.RANDOM.aieco-tmp``,
    always safe to delete) and then renamed, so a failure never leaves half a file; a process
    killed outright leaves its temporary file, which the next dump to the same path removes.
    Through a symbolic link, the file it points to is replaced. The file gets the permissions
    ``open(path, "w")`` would give it: 0o666 less the umask for a new file, the old file's mode
    when it replaces one. Returns the path written.

    Raises:
        OSError: naming ``path`` when it cannot be written (FileNotFoundError for a missing
            folder, PermissionError, IsADirectoryError, a full disk, ...).
    """
    if not isinstance(dataset, Dataset):
        raise TypeError(f"expected a Dataset, not {type(dataset).__name__}")
    target = Path(path)
    if format is None:
        format = "parquet" if target.suffix == ".parquet" else "json"
    if format == "parquet":
        from aieco._parquet import dump_parquet

        return dump_parquet(dataset, target)
    if format != "json":
        raise ValueError(f"format must be 'json' or 'parquet', not {format!r}")
    document = {
        kind: [
            converter.unstructure(record)
            for record in sorted(dataset._stores[kind].records(), key=lambda r: r.id)
        ]
        for kind in KINDS
    }
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    return write_atomically(target, text)
