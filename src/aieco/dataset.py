"""The dataset: :class:`Dataset`, :func:`load` and :func:`dump`.

The bundled dataset is five JSON arrays in ``aieco/data/`` (``sources.json``, ``companies.json``,
``investors.json``, ``funding_rounds.json``, ``policies.json``), read on the first call of
:func:`load` and cached. A user's file is one JSON object with the same five keys::

    {"sources": [...], "companies": [...], "investors": [...],
     "funding_rounds": [...], "policies": [...]}

Both are checked before a :class:`Dataset` exists: every record through the converter, ids unique
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
from typing import Any, Final, TypeVar

import attrs

from aieco._files import write_atomically
from aieco._fold import fold
from aieco._integrity import check_references, raw_problems
from aieco.errors import MISSING, NotFound, Problem, ProblemList, ValidationError
from aieco.model import Company, FundingRound, Investor, Policy, Source
from aieco.query import Query
from aieco.serialize import UNCHECKED, converter, decode_json, structure

__all__ = ["Dataset", "dump", "load"]

R = TypeVar("R", Source, Company, Investor, FundingRound, Policy)
Record = Source | Company | Investor | FundingRound | Policy

#: The five kinds of records, in dependency order, with their record class.
KINDS: Final[dict[str, type[Any]]] = {
    "sources": Source,
    "companies": Company,
    "investors": Investor,
    "funding_rounds": FundingRound,
    "policies": Policy,
}
_SINGULAR: Final = {
    "sources": "source",
    "companies": "company",
    "investors": "investor",
    "funding_rounds": "funding round",
    "policies": "policy",
}


def _newest_first(rounds: Iterable[FundingRound]) -> tuple[FundingRound, ...]:
    """Rounds by date, newest first (2025-09-09, 2025-09, 2025, ...), undated last; ties by id."""
    by_id = sorted(rounds, key=lambda r: r.id)
    dated = [r for r in by_id if r.announced is not None]
    dated.sort(key=_date_key, reverse=True)  # stable: ties stay in id order
    return (*dated, *(r for r in by_id if r.announced is None))


def _a(noun: str) -> str:
    """The noun with its indefinite article: 'a company', 'an investor'."""
    return f"{'an' if noun[0].lower() in 'aeiou' else 'a'} {noun}"


def _date_key(funding_round: FundingRound) -> tuple[int, int, int]:
    """PartialDate's order (a missing part first) as a plain tuple, fast to compare."""
    date = funding_round.announced
    assert date is not None
    return (date.year, date.month or 0, date.day or 0)


def _names(record: Record) -> tuple[str, ...]:
    """The id, name (or title) and aliases a record can be looked up by."""
    if isinstance(record, Source):
        return (record.id, record.title)
    if isinstance(record, FundingRound):
        return (record.id,)
    return (record.id, record.name, *record.aliases)


def _label(record: Record) -> str:
    """How a record is named to a reader: its name or title, else its id."""
    if isinstance(record, Source):
        return record.title
    if isinstance(record, FundingRound):
        return record.id
    return record.name


class Dataset:
    """An immutable, validated set of sources, companies, investors, funding rounds and policies.

    Build one with :func:`load` (the bundled data or a JSON file) or directly from records;
    construction checks that ids are unique, references resolve and names are unambiguous, and
    builds the lookup indexes once.

    >>> ds = Dataset(companies=[Company("mistral-ai", "Mistral AI", aliases=("Mistral",))])
    >>> ds.company("mistral").name
    'Mistral AI'
    """

    __slots__ = (
        "_by_id",
        "_by_key",
        "_candidates",
        "_queries",
        "_records",
        "_rounds_by_company",
        "_rounds_by_investor",
    )
    _by_id: dict[str, dict[str, Any]]
    _by_key: dict[str, dict[str, Any]]
    _candidates: dict[str, list[tuple[str, str]]]
    _queries: dict[str, Query[Any]]
    _records: dict[str, tuple[Any, ...]]
    _rounds_by_company: dict[str, tuple[FundingRound, ...]]
    _rounds_by_investor: dict[str, tuple[FundingRound, ...]]

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

    def _build(self, records: Mapping[str, tuple[Any, ...]], prefix: Callable[[str], str]) -> None:
        for kind, cls in KINDS.items():
            for index, record in enumerate(records[kind]):
                if not isinstance(record, cls):
                    raise TypeError(
                        f"{kind}[{index}] must be {_a(cls.__name__)}, not {type(record).__name__}"
                    )
        problems: list[Problem] = ProblemList()
        by_id: dict[str, dict[str, Any]] = {}
        by_key: dict[str, dict[str, Any]] = {}
        for kind in KINDS:
            by_id[kind], by_key[kind] = _index(records[kind], prefix(kind), problems)
        _check_references(records, by_id, prefix, problems)
        if problems:
            raise ValidationError(problems)

        by_company: defaultdict[str, list[FundingRound]] = defaultdict(list)
        by_investor: defaultdict[str, list[FundingRound]] = defaultdict(list)
        for funding_round in records["funding_rounds"]:
            by_company[funding_round.company_id].append(funding_round)
            for participation in funding_round.participants:
                by_investor[participation.investor_id].append(funding_round)
        set_ = object.__setattr__
        set_(self, "_records", dict(records))
        set_(self, "_by_id", by_id)
        set_(self, "_by_key", by_key)
        set_(self, "_candidates", {})
        set_(self, "_rounds_by_company", {k: _newest_first(v) for k, v in by_company.items()})
        set_(self, "_rounds_by_investor", {k: _newest_first(v) for k, v in by_investor.items()})
        set_(
            self,
            "_queries",
            {kind: Query(records[kind], cls, dataset=self) for kind, cls in KINDS.items()},
        )

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"Dataset is immutable; cannot set {name!r}")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"Dataset is immutable; cannot delete {name!r}")

    def __reduce__(self) -> tuple[Any, ...]:
        return (_rebuild, (self._records,))

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

    def __len__(self) -> int:
        return sum([len(records) for records in self._records.values()])

    def __repr__(self) -> str:
        counts = ", ".join(f"{len(self._records[kind])} {kind.replace('_', ' ')}" for kind in KINDS)
        return f"<Dataset: {counts}>"

    def __eq__(self, other: object) -> bool:
        """Equal when both hold the same records (by id), whatever their order."""
        if not isinstance(other, Dataset):
            return NotImplemented
        same: bool = self._by_id == other._by_id
        return same

    __hash__ = None  # type: ignore[assignment]

    # --- lookups ----------------------------------------------------------------------------

    def company(self, key: str | Company) -> Company:
        """The company with this id, name or alias (case- and accent-insensitive).

        Raises NotFound naming the closest names when there is none.
        """
        record: Company = self._resolve("companies", key)
        return record

    def investor(self, key: str | Investor) -> Investor:
        """The investor with this id, name or alias (case- and accent-insensitive)."""
        record: Investor = self._resolve("investors", key)
        return record

    def policy(self, key: str | Policy) -> Policy:
        """The policy with this id, name or alias (case- and accent-insensitive)."""
        record: Policy = self._resolve("policies", key)
        return record

    def source(self, key: str | Source) -> Source:
        """The source with this id or title (case- and accent-insensitive)."""
        record: Source = self._resolve("sources", key)
        return record

    def funding_round(self, key: str | FundingRound) -> FundingRound:
        """The funding round with this id."""
        record: FundingRound = self._resolve("funding_rounds", key)
        return record

    def _resolve(self, kind: str, key: object) -> Any:
        """The record of ``kind`` that ``key`` (a record, or its id, name or alias) names."""
        cls = KINDS[kind]
        if isinstance(key, cls):
            found = self._by_id[kind].get(key.id)
            if found is None:
                raise NotFound(key.id, _SINGULAR[kind], self._suggest(kind, key.id))
            return found
        if not isinstance(key, str):
            raise TypeError(
                f"expected {_a(cls.__name__)} or its id, name or alias as a str, "
                f"not {type(key).__name__}"
            )
        found = self._by_key[kind].get(fold(key))
        if found is None:
            raise NotFound(key, _SINGULAR[kind], self._suggest(kind, key))
        return found

    def _suggest(self, kind: str, key: str, limit: int = 3) -> tuple[str, ...]:
        """The names closest to ``key`` (difflib ratio ≥ 0.6), best first, ties by name."""
        candidates = self._candidates.get(kind)
        if candidates is None:
            candidates = [
                (fold(name), _label(record))
                for record in self._records[kind]
                for name in _names(record)
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

    def rounds_for(self, company: str | Company) -> Query[FundingRound]:
        """The company's funding rounds, newest first (undated last)."""
        found: Company = self._resolve("companies", company)
        return Query(self._rounds_by_company.get(found.id, ()), FundingRound, dataset=self)

    def investments_by(self, investor: str | Investor) -> Query[FundingRound]:
        """The funding rounds the investor took part in, newest first (undated last)."""
        found: Investor = self._resolve("investors", investor)
        return Query(self._rounds_by_investor.get(found.id, ()), FundingRound, dataset=self)

    def investors_of(self, company: str | Company) -> Query[Investor]:
        """The investors in any of the company's rounds, by name."""
        found: Company = self._resolve("companies", company)
        ids = {
            participation.investor_id
            for funding_round in self._rounds_by_company.get(found.id, ())
            for participation in funding_round.participants
        }
        investors = self._by_id["investors"]
        chosen = sorted((investors[i] for i in ids), key=lambda r: (fold(r.name), r.id))
        return Query(chosen, Investor, dataset=self)

    def co_investors(self, investor: str | Investor) -> Query[Investor]:
        """The investors that shared a round with the investor: most shared rounds first."""
        found: Investor = self._resolve("investors", investor)
        shared: defaultdict[str, int] = defaultdict(int)
        for funding_round in self._rounds_by_investor.get(found.id, ()):
            for participation in funding_round.participants:
                if participation.investor_id != found.id:
                    shared[participation.investor_id] += 1
        investors = self._by_id["investors"]
        chosen = sorted(
            (investors[i] for i in shared),
            key=lambda r: (-shared[r.id], fold(r.name), r.id),
        )
        return Query(chosen, Investor, dataset=self)

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
            mine = self._by_id[kind]
            extra = []
            for record in other._records[kind]:
                existing = mine.get(record.id)
                if existing is None:
                    extra.append(record)
                elif existing != record:
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
            merged[kind] = (*self._records[kind], *extra)
        if problems:
            raise ValidationError(problems)
        return Dataset._from_records(merged, lambda kind: kind)


def _rebuild(records: Mapping[str, tuple[Any, ...]]) -> Dataset:
    return Dataset._from_records(records, lambda kind: kind)


def _index(
    records: Sequence[Any], prefix: str, problems: list[Problem]
) -> tuple[dict[str, Any], dict[str, Any]]:
    """The id index and the name index of one kind; duplicates and ambiguities are problems."""
    by_id: dict[str, Any] = {}
    position: dict[str, int] = {}
    by_key: dict[str, Any] = {}
    key_owner: dict[str, int] = {}
    for index, record in enumerate(records):
        if record.id in by_id:
            problems.append(
                Problem(
                    f"{prefix}[{index}].id",
                    record.id,
                    f"repeats the id of {prefix}[{position[record.id]}]",
                )
            )
            continue
        by_id[record.id] = record
        position[record.id] = index
        for field, name in zip(_name_fields(record), _names(record), strict=True):
            key = fold(name)
            owner = key_owner.get(key)
            if owner is None:
                key_owner[key] = index
                by_key[key] = record
            elif owner != index:
                problems.append(
                    Problem(
                        f"{prefix}[{index}].{field}",
                        name,
                        f"is ambiguous: {prefix}[{owner}] ({_label(records[owner])!r}) "
                        "has the same id, name or alias (ignoring case and accents)",
                    )
                )
    return by_id, by_key


def _name_fields(record: Record) -> tuple[str, ...]:
    if isinstance(record, Source):
        return ("id", "title")
    if isinstance(record, FundingRound):
        return ("id",)
    return ("id", "name", *(f"aliases[{i}]" for i in range(len(record.aliases))))


def _check_references(
    records: Mapping[str, tuple[Any, ...]],
    by_id: Mapping[str, Mapping[str, Any]],
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
    """The bundled dataset, or the dataset in a user's JSON file.

    Without ``path``: the dataset shipped with aieco, read and checked on the first call and
    the very same object on every later call (thread-safe). With ``path``: a new Dataset read
    from that file, a JSON object ``{"sources": [...], "companies": [...], "investors": [...],
    "funding_rounds": [...], "policies": [...]}`` (a missing key is an empty list, an unknown
    key an error).

    Raises:
        ValidationError: listing every problem with its JSON path
            (``$.funding_rounds[3].amount.unit``).
        OSError: when the file cannot be read.
    """
    if path is not None:
        return _load_file(Path(path))
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
        try:
            document = structure(data, _Document, root="$")
        except ValidationError as exc:  # report unknown and repeated ids now too ...
            problems = ProblemList(exc.problems, exc.more)
            if all(p.expected != UNCHECKED for p in problems):  # ... unless checking stopped
                raw_problems(data, "$", problems)
            raise ValidationError(problems) from None
        records = attrs.asdict(document, recurse=False)
        return Dataset._from_records(records, lambda kind: f"$.{kind}")


def _keys() -> str:
    return ", ".join(repr(kind) for kind in KINDS)


def _load_bundled() -> Dataset:
    """Read and check the five bundled files; every problem in any of them is reported."""
    folder = resources.files("aieco").joinpath("data")
    records: dict[str, tuple[Any, ...]] = {}
    problems: list[Problem] = []
    for kind, cls in KINDS.items():
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


def dump(dataset: Dataset, path: str | os.PathLike[str]) -> Path:
    """Write ``dataset`` to ``path`` as one JSON object that :func:`load` reads back.

    Records are sorted by id, indented by 2, UTF-8 with non-ASCII characters as they are; the
    file is written to a temporary name next to it first (``.NAME.PID.RANDOM.aieco-tmp``,
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
    document = {
        kind: [
            converter.unstructure(record)
            for record in sorted(dataset._records[kind], key=lambda r: r.id)
        ]
        for kind in KINDS
    }
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    return write_atomically(target, text)
