"""``aieco extract`` over many files and folders: one table, the same rows as extract_amounts."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from aieco.batch import COLUMNS
from aieco.cli import _corpus as _cli_extract
from tests._mentions import corpus, error_rows, expected, mention_rows
from tests.test_cli import run

pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str], list[str]]:
    """A folder of the corpus's texts (some in a sub-folder) and a non-text file to ignore."""
    root = tmp_path_factory.mktemp("corpus")
    (root / "2025").mkdir()
    names, texts = [], []
    for i, text in enumerate(corpus()):
        path = root / ("2025" if i % 2 else "") / f"{i:03d}.txt"
        path.write_text(text, encoding="utf-8", newline="")
        names.append(str(path))
        texts.append(text)
    (root / "notes.md").write_text("5 Mio. €", encoding="utf-8")
    order = sorted(range(len(names)), key=lambda i: Path(names[i]).relative_to(root).parts)
    return root, [names[i] for i in order], [texts[i] for i in order]


def test_parquet_of_a_folder_has_every_mention(
    folder: tuple[Path, list[str], list[str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    root, names, texts = folder
    monkeypatch.setattr(_cli_extract, "TASK_FILES", 3)  # several tasks for the two workers
    out = root.parent / "mentions.parquet"
    status, stdout, stderr = run("extract", str(root), "--out", str(out), "--jobs", "2")
    assert (status, stdout) == (0, "")
    table = pq.read_table(out)
    assert table.column_names == ["file", *COLUMNS]
    records = table.to_pylist()
    assert mention_rows(records, "file") == expected(texts, names)  # type: ignore[arg-type]
    assert error_rows(records, "file") == {}
    count = sum(r["error"] is None for r in records)
    assert stderr == f"aieco: {count} amounts in {len(names)} files, written to {out} as parquet\n"
    assert not Path(f"{out}.part").exists()


@pytest.mark.parametrize("fmt", ["csv", "jsonl"])
def test_csv_and_jsonl_hold_the_same_rows(
    folder: tuple[Path, list[str], list[str]], fmt: str
) -> None:
    root, names, texts = folder
    out = root.parent / f"mentions.{fmt}"
    status, _, _ = run("extract", *names, "--out", str(out), "--jobs", "1")
    assert status == 0
    with out.open(encoding="utf-8", newline="") as handle:
        if fmt == "csv":
            records = [
                {k: (None if v == "" else v) for k, v in r.items()} for r in csv.DictReader(handle)
            ]
            for r in records:
                r["start"], r["end"] = int(r["start"]), int(r["end"])  # type: ignore[arg-type]
        else:
            records = [json.loads(line) for line in handle]
    assert mention_rows(records, "file") == expected(texts, names)  # type: ignore[arg-type]


def test_jsonl_goes_to_stdout_without_out(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Es sind 5 Mio. €.", encoding="utf-8")
    (tmp_path / "b.txt").write_text("rund 3 Mrd. USD", encoding="utf-8")
    status, stdout, stderr = run("extract", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"))
    assert status == 0
    rows = [json.loads(line) for line in stdout.splitlines()]
    assert [(Path(r["file"]).name, r["text"], r["value"]) for r in rows] == [
        ("a.txt", "5 Mio. €", "5000000"),
        ("b.txt", "rund 3 Mrd. USD", "3000000000"),
    ]
    assert stderr == "aieco: 2 amounts in 2 files, written as jsonl\n"


def test_unreadable_and_too_long_files_are_error_rows_not_failures(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Es sind 5 Mio. €.", encoding="utf-8")
    (tmp_path / "b.txt").write_bytes("Größe: 5 Mio. EUR".encode("latin-1"))
    (tmp_path / "c.txt").write_text("5 Mio. € " * 20, encoding="utf-8")
    status, stdout, stderr = run("extract", str(tmp_path), "--format", "jsonl", "--max-chars", "50")
    assert status == 0
    rows = [json.loads(line) for line in stdout.splitlines()]
    assert error_rows(rows, "file") == {
        str(tmp_path / "b.txt"): "unreadable",
        str(tmp_path / "c.txt"): "too_long",
    }
    assert stderr.splitlines() == [
        f"aieco: warning: {tmp_path / 'b.txt'}: not UTF-8 text (invalid start byte at byte 2)",
        "aieco: 1 amounts in 3 files, 2 not read (error rows), written as jsonl",
    ]


def test_progress_bar_on_request(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("5 Mio. €", encoding="utf-8")
    out = tmp_path / "m.csv"
    _, _, stderr = run("extract", str(tmp_path), "--out", str(out), "--progress")
    assert "\r" in stderr
    assert "100%  1/1 files" in stderr
    _, _, stderr = run("extract", str(tmp_path), "--out", str(out))  # not a terminal: no bar
    assert "\r" not in stderr


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--format", "parquet"], "--format: parquet is written to a file: give --out FILE"),
        (["--out", "x.xlsx"], "--out: cannot tell the format from 'x.xlsx'; give --format"),
        (["--jobs", "0"], "--jobs: must be at least 1, not 0"),
    ],
)
def test_usage_errors(tmp_path: Path, argv: list[str], message: str) -> None:
    status, stdout, stderr = run("extract", str(tmp_path), *argv)
    assert (status, stdout) == (2, "")
    assert message in stderr


def test_json_flag_is_for_one_file(tmp_path: Path) -> None:
    status, _, stderr = run("--json", "extract", str(tmp_path))
    assert status == 2
    assert "--json: writes one text's amounts; for a table use --format jsonl" in stderr


def test_a_missing_path_is_an_error(tmp_path: Path) -> None:
    status, _, stderr = run("extract", str(tmp_path), str(tmp_path / "nope.txt"))
    assert status == 1
    assert stderr.startswith("aieco: error: ")
    assert "nope.txt" in stderr
