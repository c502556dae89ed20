"""The Dataset API: load, dump, lookups, relations, checks at load and merge."""

from __future__ import annotations

import json
import os
import pickle
import stat
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import attrs
import pytest

import aieco
import aieco.dataset
from aieco import (
    Citation,
    Company,
    Dataset,
    FundingRound,
    Investor,
    NotFound,
    Participation,
    Query,
    Source,
    ValidationError,
    converter,
)
from tests.fixtures.sample import COMPANIES, INVESTORS, POLICIES, ROUNDS, SOURCES, sample

# --- the bundled dataset ----------------------------------------------------------------------


def test_load_returns_the_same_object() -> None:
    """aieco.load() without a path is cached: the very same Dataset every call."""
    assert aieco.load() is aieco.load()


def test_bundled_dataset_has_mistral() -> None:
    """The bundled data holds Mistral AI, a French company, also found as 'Mistral'."""
    ds = aieco.load()
    mistral = ds.company("Mistral AI")
    assert "FR" == mistral.country
    assert mistral is ds.company("mistral")
    assert 5 == len(ds.sources)


def test_bundled_rounds_resolve() -> None:
    """Every bundled round's company is found through the Dataset's relations."""
    ds = aieco.load()
    for funding_round in ds.funding_rounds:
        assert funding_round in list(ds.rounds_for(funding_round.company_id))


def test_load_is_thread_safe(monkeypatch: pytest.MonkeyPatch) -> None:
    """Many threads calling load() at once read the data once and all get the same object."""
    monkeypatch.setattr(aieco.dataset, "_bundled", None)
    real = aieco.dataset._load_bundled
    calls = []

    def counting() -> Dataset:
        calls.append(1)
        return real()

    monkeypatch.setattr(aieco.dataset, "_load_bundled", counting)
    barrier = threading.Barrier(16)
    results: list[Dataset] = []

    def worker() -> None:
        barrier.wait()
        results.append(aieco.load())

    threads = [threading.Thread(target=worker) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert 16 == len(results)
    assert 1 == len({id(result) for result in results})
    assert [1] == calls


def _bundled_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, **files: Any) -> Path:
    """Point the bundled-data loader at tmp_path/data holding ``files`` (kind → JSON value)."""
    folder = tmp_path / "data"
    folder.mkdir(exist_ok=True)
    for kind in aieco.dataset.KINDS:
        if kind in files and files[kind] is not None:
            (folder / f"{kind}.json").write_text(json.dumps(files[kind]), encoding="utf-8")
    monkeypatch.setattr(aieco.dataset.resources, "files", lambda package: tmp_path)
    monkeypatch.setattr(aieco.dataset, "_bundled", None)
    return folder


def _unstructured(records: Any) -> list[Any]:
    return [converter.unstructure(record) for record in records]


def test_bad_bundled_file_is_not_half_loaded(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A bad bundled file raises with paths naming the file, caches nothing; a fix then loads."""
    companies = _unstructured(COMPANIES)
    companies[1]["country"] = "XX"
    rounds = _unstructured(ROUNDS)
    rounds[0]["company_id"] = "nobody"
    folder = _bundled_dir(
        tmp_path,
        monkeypatch,
        sources=_unstructured(SOURCES),
        companies=companies,
        investors=_unstructured(INVESTORS),
        funding_rounds=rounds,
        policies=_unstructured(POLICIES),
    )
    with pytest.raises(ValidationError) as caught:
        aieco.load()
    assert ["companies.json[1].country"] == [p.path for p in caught.value.problems]
    assert aieco.dataset._bundled is None

    companies[1]["country"] = "DE"
    (folder / "companies.json").write_text(json.dumps(companies), encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        aieco.load()
    assert ["funding_rounds.json[0].company_id"] == [p.path for p in caught.value.problems]
    assert aieco.dataset._bundled is None

    rounds[0]["company_id"] = "mistral-ai"
    (folder / "funding_rounds.json").write_text(json.dumps(rounds), encoding="utf-8")
    assert sample() == aieco.load()


def test_bundled_files_missing_or_not_arrays(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every bundled file's problem is reported at once: a missing file, an object, bad JSON."""
    folder = _bundled_dir(tmp_path, monkeypatch, sources=[], companies={}, investors=[])
    (folder / "policies.json").write_text("[", encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        aieco.load()
    assert [
        "companies.json",
        "funding_rounds.json",
        "policies.json (line 1, column 2)",
    ] == [p.path for p in caught.value.problems]


# --- lookups ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "key", "expected_id"),
    [
        ("company", "mistral-ai", "mistral-ai"),
        ("company", "Mistral AI", "mistral-ai"),
        ("company", "mistral ai", "mistral-ai"),
        ("company", "MISTRAL", "mistral-ai"),
        ("company", "  Mistral   AI ", "mistral-ai"),
        ("company", "Zürich Robotics", "zurich-robotics"),
        ("company", "zurich robotics", "zurich-robotics"),
        ("company", "ZÜRICH ROBOTICS", "zurich-robotics"),
        ("investor", "a16z", "a16z"),
        ("investor", "A16Z", "a16z"),
        ("investor", "andreessen horowitz", "a16z"),
        ("policy", "KI-Verordnung", "eu-ai-act"),
        ("policy", "ki-verordnung", "eu-ai-act"),
        ("source", "s2", "s2"),
        ("source", "europas ruckstand", "s2"),
        ("funding_round", "mistral-c", "mistral-c"),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_lookup_by_id_name_or_alias(method: str, key: str, expected_id: str) -> None:
    """Lookups find a record by id, name or alias, ignoring case, accents and spacing."""
    assert expected_id == getattr(sample(), method)(key).id


def test_lookup_accepts_a_record() -> None:
    """Passing a record looks up the dataset's record with its id."""
    ds = sample()
    assert ds.company("mistral-ai") is ds.company(Company("mistral-ai", "Anything"))


def test_lookup_rejects_other_types() -> None:
    """A key that is not a str or a record of the kind is a TypeError."""
    with pytest.raises(TypeError, match="expected a Company"):
        sample().company(42)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("method", "key", "suggestions"),
    [
        ("company", "Mistrl AI", ("Mistral AI",)),
        ("company", "Mistal", ("Mistral AI",)),
        ("company", "Antropic", ("Anthropic",)),
        ("investor", "Andresen Horowitz", ("Andreessen Horowitz",)),
        ("investor", "a16y", ("Andreessen Horowitz",)),
        ("policy", "AI Akt", ("EU AI Act",)),
        ("company", "Quantum Widgets", ()),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_not_found_suggests_close_names(method: str, key: str, suggestions: tuple[str]) -> None:
    """A miss raises NotFound (a LookupError) with the closest names, by canonical name."""
    with pytest.raises(LookupError) as caught:
        getattr(sample(), method)(key)
    error = caught.value
    assert isinstance(error, NotFound)
    assert suggestions == error.suggestions
    assert key == error.key


def test_not_found_message_says_did_you_mean() -> None:
    """The message names the kind, the key and the suggestion."""
    with pytest.raises(NotFound) as caught:
        sample().company("Mistrl AI")
    assert "no company matches 'Mistrl AI'. Did you mean 'Mistral AI'?" == str(caught.value)


def test_suggestion_ties_are_broken_by_name() -> None:
    """Equally close names come in alphabetical order, whatever the order of the records."""
    names = ["Nova Labs Beta", "Nova Labs Alfa", "Nova Labs Gamma"]
    for order in (names, names[::-1]):
        ds = Dataset(companies=[Company(f"c{i}", name) for i, name in enumerate(order)])
        with pytest.raises(NotFound) as caught:
            ds.company("Nova Labs")
        assert ("Nova Labs Alfa", "Nova Labs Beta") == caught.value.suggestions[:2]


# --- relations ----------------------------------------------------------------------------------


def test_rounds_for_is_newest_first_undated_last() -> None:
    """rounds_for lists the company's rounds newest first, undated rounds last."""
    ds = sample()
    assert ["anthropic-g", "anthropic-f"] == [r.id for r in ds.rounds_for("Anthropic")]
    assert ["naver-grant", "naver-early"] == [r.id for r in ds.rounds_for("naver-cloud")]


def test_rounds_for_orders_partial_dates_by_precision() -> None:
    """A day sorts before its month and the month before its year (newest first); ties by id."""
    dates = {"r-year": "2025", "r-month": "2025-09", "r-day": "2025-09-09", "r-b": "2025-09"}
    rounds = [
        FundingRound(id_, "c", announced=aieco.PartialDate.fromisoformat(date))
        for id_, date in dates.items()
    ]
    ds = Dataset(companies=[Company("c", "C")], funding_rounds=rounds)
    assert ["r-day", "r-b", "r-month", "r-year"] == [r.id for r in ds.rounds_for("c")]


def test_relations_accept_records_and_keys() -> None:
    """Each relation takes a record or a key and returns a Query."""
    ds = sample()
    by_key = ds.rounds_for("Mistral")
    by_record = ds.rounds_for(ds.company("mistral-ai"))
    assert isinstance(by_key, Query)
    assert list(by_key) == list(by_record)


def test_investments_by() -> None:
    """investments_by lists the investor's rounds, newest first."""
    ds = sample()
    assert ["xai-e", "mistral-c", "anthropic-f"] == [r.id for r in ds.investments_by("Nvidia")]


def test_investors_of_and_co_investors() -> None:
    """investors_of is by name; co_investors puts the most shared rounds first."""
    ds = sample()
    assert ["Andreessen Horowitz", "ASML", "Bpifrance", "Nvidia"] == [
        i.name for i in ds.investors_of("mistral")
    ]
    assert ["Andreessen Horowitz", "ASML", "Bpifrance", "Humain"] == [
        i.name for i in ds.co_investors("nvidia")
    ]
    assert [] == list(ds.investors_of("spacex"))


def test_relations_raise_not_found() -> None:
    """A relation with an unknown key raises NotFound like a lookup."""
    with pytest.raises(NotFound, match="Did you mean 'Nvidia'"):
        sample().investments_by("Nvidai")


def test_relation_with_a_record_not_in_the_dataset() -> None:
    """A record whose id the dataset does not hold is NotFound, not an empty answer."""
    with pytest.raises(NotFound):
        sample().investments_by(Investor("nobody-yet", "Nobody"))


# --- checks at construction ---------------------------------------------------------------------


def test_every_problem_is_listed_with_its_path() -> None:
    """Duplicate ids, broken references and ambiguous names are all reported at once."""
    companies = (
        Company("a", "Alpha", acquired_by="ghost"),
        Company("b", "Beta", aliases=("ALPHA",)),
        Company("a", "Alpha again"),
        Company("c", "Café Gamma", sources=(Citation("nope", "quote"),)),
        Company("d", "Cafe gamma"),
    )
    investors = (Investor("i", "Investor", company_id="ghost"),)
    rounds = (FundingRound("r", "ghost", participants=(Participation("i"), Participation("x"))),)
    with pytest.raises(ValidationError) as caught:
        Dataset(companies=companies, investors=investors, funding_rounds=rounds)
    assert [
        "companies[1].aliases[0]",
        "companies[2].id",
        "companies[4].name",
        "companies[0].acquired_by",
        "companies[3].sources[0].source_id",
        "investors[0].company_id",
        "funding_rounds[0].company_id",
        "funding_rounds[0].participants[1].investor_id",
    ] == [p.path for p in caught.value.problems]
    assert "repeats the id of companies[0]" == caught.value.problems[1].expected


def test_same_name_in_different_kinds_is_fine() -> None:
    """Names are unambiguous per kind: a company and an investor may share one."""
    ds = sample()
    assert "ASML" == ds.company("asml").name == ds.investor("asml").name


def test_a_record_may_repeat_its_own_name_as_alias() -> None:
    """An alias equal to the record's own name (ignoring case) is not an ambiguity."""
    ds = Dataset(companies=[Company("a", "Alpha", aliases=("ALPHA",))])
    assert "a" == ds.company("alpha").id


def test_wrong_record_type_is_a_type_error() -> None:
    """A Company among the investors is a TypeError naming the position."""
    with pytest.raises(TypeError, match=r"investors\[0\] must be an Investor"):
        Dataset(investors=[COMPANIES[0]])  # type: ignore[list-item]


# --- the object ---------------------------------------------------------------------------------


def test_len_repr_and_collections() -> None:
    """Its length counts every record, repr counts each kind, collections are Queries."""
    ds = sample()
    assert 27 == len(ds)
    assert "<Dataset: 2 sources, 8 companies, 5 investors, 8 funding rounds, 4 policies>" == repr(
        ds
    )
    assert [c.id for c in COMPANIES] == [c.id for c in ds.companies]
    assert FundingRound is ds.funding_rounds.item_type


def test_dataset_is_immutable() -> None:
    """Attributes cannot be set or deleted."""
    ds = sample()
    with pytest.raises(AttributeError):
        ds.companies = ds.companies  # type: ignore[misc]
    with pytest.raises(AttributeError):
        del ds._records


def test_equality_ignores_order() -> None:
    """Two datasets with the same records are equal, whatever the order."""
    assert sample() == Dataset(sources=SOURCES, companies=COMPANIES[::-1]).merge(sample())
    assert sample() != Dataset(sources=SOURCES, companies=COMPANIES)


def test_dataset_pickles() -> None:
    """A Dataset survives pickling with its indexes."""
    again = pickle.loads(pickle.dumps(sample()))
    assert sample() == again
    assert "mistral-ai" == again.company("Mistral").id


# --- merge --------------------------------------------------------------------------------------


def test_merge_combines_and_keeps_identical_duplicates() -> None:
    """Records of both sides are kept; a record in both is kept once."""
    extra = Dataset(
        companies=[COMPANIES[0], Company("deepl", "DeepL", "DE")],
        funding_rounds=[FundingRound("deepl-a", "deepl")],
    )
    merged = sample().merge(extra)
    assert 29 == len(merged)
    assert ["deepl-a"] == [r.id for r in merged.rounds_for("DeepL")]


def test_merge_conflicting_ids_are_named() -> None:
    """The same id for two different records is an error naming each id and what differs."""
    other = Dataset(
        companies=[attrs.evolve(COMPANIES[0], country="DE"), COMPANIES[1]],
        investors=[attrs.evolve(INVESTORS[1], name="A16Z Capital", aliases=())],
    )
    with pytest.raises(ValidationError) as caught:
        sample().merge(other)
    assert [
        (
            "companies[id=mistral-ai]",
            "mistral-ai",
            "names two different records (they differ in country)",
        ),
        (
            "investors[id=a16z]",
            "a16z",
            "names two different records (they differ in name, aliases)",
        ),
    ] == [(p.path, p.value, p.expected) for p in caught.value.problems]


def test_merge_result_is_checked() -> None:
    """A merge that makes a name ambiguous is refused."""
    other = Dataset(companies=[Company("mistral-2", "MISTRAL")])
    with pytest.raises(ValidationError, match="is ambiguous"):
        sample().merge(other)


# --- files --------------------------------------------------------------------------------------


def test_dump_then_load_round_trips(tmp_path: Path) -> None:
    """load(dump(ds)) holds exactly ds's records."""
    ds = sample()
    path = aieco.dump(ds, tmp_path / "sample.json")
    again = aieco.load(path)
    assert ds == again
    assert again is not aieco.load(path)
    for kind in aieco.dataset.KINDS:
        assert sorted(getattr(ds, kind), key=lambda r: r.id) == list(getattr(again, kind))


def test_dump_format(tmp_path: Path) -> None:
    """The file is one object, sorted by id, indented by 2, UTF-8 without escapes."""
    path = tmp_path / "sample.json"
    aieco.dump(sample(), str(path))
    text = path.read_text(encoding="utf-8")
    data = json.loads(text)
    assert list(aieco.dataset.KINDS) == list(data)
    assert sorted(c.id for c in COMPANIES) == [c["id"] for c in data["companies"]]
    assert '\n  "sources": [\n    {\n      "id": "s1",' in text
    assert "Zürich Robotics" in text
    assert [path] == list(tmp_path.iterdir())


def test_dump_failure_leaves_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A dump that fails at the last step leaves neither the target nor a temporary file."""

    def refuse(self: Path, target: Path) -> None:
        raise PermissionError(f"cannot write {target}")

    monkeypatch.setattr(Path, "replace", refuse)
    with pytest.raises(PermissionError, match="cannot write"):
        aieco.dump(sample(), tmp_path / "x.json")
    assert [] == list(tmp_path.iterdir())


@pytest.fixture
def umask() -> Iterator[Callable[[int], None]]:
    """Set the process umask for one test, restoring it afterwards."""
    original = os.umask(0o022)
    os.umask(original)
    yield os.umask
    os.umask(original)


@pytest.mark.skipif(os.name != "posix", reason="file modes and umask are POSIX")
@pytest.mark.parametrize("mask", [0o022, 0o002, 0o077, 0o027], ids=oct)
def test_dump_file_mode_is_what_open_gives(
    tmp_path: Path, umask: Callable[[int], None], mask: int
) -> None:
    """The dumped file gets the mode open(path, "w") would give (0666 & ~umask), not 0600."""
    umask(mask)
    reference = tmp_path / "reference.json"
    with open(reference, "w", encoding="utf-8"):
        pass
    dumped = aieco.dump(sample(), tmp_path / "dumped.json")
    assert stat.S_IMODE(reference.stat().st_mode) == stat.S_IMODE(dumped.stat().st_mode)


@pytest.mark.skipif(os.name != "posix", reason="file modes and umask are POSIX")
def test_dump_over_a_file_keeps_its_mode(tmp_path: Path, umask: Callable[[int], None]) -> None:
    """Like open(path, "w"), dumping over an existing file keeps that file's mode."""
    umask(0o022)
    path = tmp_path / "shared.json"
    path.write_text("{}", encoding="utf-8")
    path.chmod(0o664)
    aieco.dump(sample(), path)
    assert 0o664 == stat.S_IMODE(path.stat().st_mode)
    assert sample() == aieco.load(path)


def test_dump_into_a_missing_folder_names_the_target(tmp_path: Path) -> None:
    """A missing folder is a FileNotFoundError naming the target, not a temporary file."""
    target = tmp_path / "missing" / "x.json"
    with pytest.raises(FileNotFoundError) as caught:
        aieco.dump(sample(), target)
    assert (str(target), False) == (caught.value.filename, ".tmp" in str(caught.value))
    assert [] == list(tmp_path.iterdir())


@pytest.mark.skipif(os.name != "posix", reason="renaming onto a folder fails differently")
def test_dump_onto_a_folder_names_the_target(tmp_path: Path) -> None:
    """Dumping onto an existing folder fails naming the target and leaves no temporary file."""
    target = tmp_path / "folder"
    target.mkdir()
    with pytest.raises(IsADirectoryError) as caught:
        aieco.dump(sample(), target)
    assert (str(target), False) == (caught.value.filename, ".tmp" in str(caught.value))
    assert [target] == list(tmp_path.iterdir())


def test_load_missing_keys_are_empty(tmp_path: Path) -> None:
    """A file with only some keys gives empty collections for the others."""
    path = tmp_path / "companies.json"
    path.write_text(json.dumps({"companies": _unstructured(COMPANIES[:2])}), encoding="utf-8")
    ds = aieco.load(path)
    assert (0, 2, 0) == (len(ds.sources), len(ds.companies), len(ds.funding_rounds))


def _write(tmp_path: Path, document: Any) -> Path:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return path


def test_bad_user_file_reports_json_paths(tmp_path: Path) -> None:
    """Every problem in a user's file is reported with its JSON path."""
    rounds = _unstructured(ROUNDS)
    rounds[3]["amount"]["unit"] = "EURO"
    rounds[1]["participants"][0]["lead"] = "yes"
    del rounds[2]["company_id"]
    document = {
        "sources": _unstructured(SOURCES),
        "companies": _unstructured(COMPANIES),
        "investors": _unstructured(INVESTORS),
        "funding_rounds": rounds,
        "rounds": [],
    }
    with pytest.raises(ValidationError) as caught:
        aieco.load(_write(tmp_path, document))
    paths = [p.path for p in caught.value.problems]
    assert sorted(
        [
            "$.rounds",
            "$.funding_rounds[1].participants[0].lead",
            "$.funding_rounds[2].company_id",
            "$.funding_rounds[3].amount.unit",
        ]
    ) == sorted(paths)


def test_bad_references_in_a_user_file(tmp_path: Path) -> None:
    """Reference problems in a user's file carry $-paths too."""
    rounds = _unstructured(ROUNDS)
    document = {
        "sources": _unstructured(SOURCES),
        "companies": _unstructured(COMPANIES),
        "funding_rounds": rounds,
    }
    with pytest.raises(ValidationError) as caught:
        aieco.load(_write(tmp_path, document))
    assert "$.funding_rounds[0].participants[0].investor_id" == caught.value.problems[0].path
    assert "does not name an investor" == caught.value.problems[0].expected


@pytest.mark.parametrize(
    ("content", "path"),
    [
        ("[]", "$"),
        ('"companies"', "$"),
        ('{"companies": {}}', "$.companies"),
        ('{"companies": [1]}', "$.companies[0]"),
        ('{"companies": [', "$ (line 1, column 16)"),
    ],
    ids=["array", "string", "object-for-array", "number-for-record", "truncated"],
)
def test_malformed_user_file(tmp_path: Path, content: str, path: str) -> None:
    """The wrong shape or broken JSON is a ValidationError at the right path."""
    file = tmp_path / "bad.json"
    file.write_text(content, encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        aieco.load(file)
    assert [path] == [p.path for p in caught.value.problems]


def test_user_file_must_be_utf8(tmp_path: Path) -> None:
    """A file in another encoding is refused, not guessed."""
    file = tmp_path / "latin1.json"
    file.write_bytes('{"companies": [{"id": "z", "name": "Zürich"}]}'.encode("latin-1"))
    with pytest.raises(ValidationError, match="is not UTF-8"):
        aieco.load(file)


def test_missing_user_file_is_an_os_error(tmp_path: Path) -> None:
    """A path that does not exist raises FileNotFoundError."""
    with pytest.raises(FileNotFoundError):
        aieco.load(tmp_path / "nothing.json")


def test_dump_takes_a_dataset(tmp_path: Path) -> None:
    """dump() of something else is a TypeError."""
    with pytest.raises(TypeError):
        aieco.dump([Source("s", "t")], tmp_path / "x.json")  # type: ignore[arg-type]


def test_as_investor_is_the_company_s_own_investor_records() -> None:
    """as_investor: the investor records linked to a company; none for one that does not invest."""
    ds = aieco.load()
    assert ["nvidia"] == [i.id for i in ds.as_investor("Nvidia")]
    assert [] == list(ds.as_investor("mistral"))
    for company in ds.companies:
        expected = sorted(i.id for i in ds.investors if i.company_id == company.id)
        assert expected == sorted(i.id for i in ds.as_investor(company))
    with pytest.raises(NotFound):
        ds.as_investor("Nvidai")
