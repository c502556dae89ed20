"""``aieco extract`` of one text (#10): streamed rows, --encoding, the progress bar."""

from __future__ import annotations

import json
import os
import select
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

import aieco
from tests._mentions import SOURCES
from tests.test_cli import fails, ok, rows_of, run

AIECO = [sys.executable, "-m", "aieco"]
ARTICLES = sorted(SOURCES.glob("*.txt"))


@pytest.fixture(autouse=True)
def no_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("COLUMNS", raising=False)


def _read_line(stream: object, timeout: float) -> bytes:
    """One line from a pipe, or b"" when none arrives within ``timeout`` seconds."""
    fd = stream.fileno()  # type: ignore[attr-defined]
    data = b""
    while not data.endswith(b"\n"):
        ready, _, _ = select.select([fd], [], [], timeout)
        if not ready:
            return b""
        chunk = os.read(fd, 1)
        if not chunk:
            break
        data += chunk
    return data


@pytest.mark.skipif(os.name != "posix", reason="select() on a pipe")
def test_first_rows_come_before_the_input_ends() -> None:
    """A pipe's first paragraph is extracted and shown while the writer still writes."""
    with subprocess.Popen(
        [*AIECO, "extract", "-"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env={**os.environ, "COLUMNS": "100"},
    ) as proc:
        assert proc.stdin is not None
        assert proc.stdout is not None
        proc.stdin.write(b"Die Runde bringt rund 4 Mrd. USD.\n\n")
        proc.stdin.flush()
        first = [_read_line(proc.stdout, 120) for _ in range(3)]
        assert first[0].decode().split() == ["At", "Amount", "Qualifier", "Text"]
        assert "rund 4 Mrd. $" in first[2].decode()
        assert proc.poll() is None  # still running: the input is not finished
        proc.stdin.write("Später folgen 5 Mio. Euro.\n".encode())
        proc.stdin.close()
        rest = proc.stdout.read().decode()
        assert proc.wait(timeout=120) == 0
    assert "5 Mio. €" in rest
    assert rest.splitlines()[-1] == "2 amounts in standard input"


@pytest.mark.parametrize("path", ARTICLES, ids=[p.name for p in ARTICLES])
def test_streamed_rows_are_extract_amounts_of_the_whole_text(path: Path) -> None:
    """Paragraph by paragraph, the rows and offsets are those of the whole text."""
    text = path.read_bytes().decode("utf-8")
    expected = aieco.extract_amounts(text)
    out = ok("extract", str(path))
    rows = rows_of(out) if expected else []
    assert [f"{m.start}–{m.end}" for m in expected] == [row.split()[0] for row in rows]
    if not expected:
        assert f"no amounts in {path}\n" == out
    found = json.loads(ok("extract", str(path), "--json"))
    assert [(m.start, m.end, m.text) for m in expected] == [
        (f["start"], f["end"], f["text"]) for f in found
    ]
    assert all(text[f["start"] : f["end"]] == f["text"] for f in found)


def test_blank_lines_and_crlf_keep_offsets(tmp_path: Path) -> None:
    """Leading blank lines, CRLF line ends and no final newline: offsets into the stored text."""
    text = "\r\n\r\nErst 5 Mio. €.\r\n\r\n\r\nDann rund 2 Mrd. USD\r\nund 11 %"
    path = tmp_path / "crlf.txt"
    path.write_bytes(text.encode("utf-8"))
    found = json.loads(ok("extract", str(path), "--json"))
    assert [(m.start, m.end) for m in aieco.extract_amounts(text)] == [
        (f["start"], f["end"]) for f in found
    ]
    assert [text[f["start"] : f["end"]] for f in found] == [f["text"] for f in found]


def test_text_column_fits_the_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    """The text as written comes last and is cut only to fit the terminal."""
    long = "Sie sammelt mehr als eineinhalb Milliarden US-Dollar ein."
    written = "mehr als eineinhalb Milliarden US-Dollar"
    monkeypatch.setenv("COLUMNS", "70")
    (row,) = rows_of(ok("extract", "-", stdin=long))
    assert len(row) <= 70
    assert row.endswith("…")
    assert written.startswith(row.split("  ")[-1].strip().removesuffix("…"))
    monkeypatch.delenv("COLUMNS")
    (row,) = rows_of(ok("extract", "-", stdin=long))
    assert row.endswith(written)


# --- --encoding ------------------------------------------------------------------------------


def test_latin1_file(tmp_path: Path) -> None:
    """A Latin-1 file read with --encoding latin-1: the text, the offsets in characters."""
    text = "Zürich: Förderung über 5 Mio. Franken für Straßen.\n"
    path = tmp_path / "latin1.txt"
    path.write_bytes(text.encode("latin-1"))
    found = json.loads(ok("extract", str(path), "--encoding", "latin-1", "--json"))
    assert [(m.start, m.end, m.text) for m in aieco.extract_amounts(text)] == [
        (f["start"], f["end"], f["text"]) for f in found
    ]
    assert "5 Mio. Franken" in ok("extract", str(path), "--encoding", "ISO-8859-1")


def test_cp1252_euro_sign(tmp_path: Path) -> None:
    path = tmp_path / "win.txt"
    path.write_bytes("Kosten: 5 Mio. € für alle.\n".encode("cp1252"))
    assert "5 Mio. €" in ok("extract", str(path), "--encoding", "cp1252")


def test_wrong_encoding_names_the_file_and_byte(tmp_path: Path) -> None:
    """Latin-1 bytes read as UTF-8: one line with the file and the byte offset (line 3 here)."""
    head = "Erste Zeile, 5 Mio. €.\n\nZweite: "
    path = tmp_path / "latin1.txt"
    path.write_bytes(head.encode("utf-8") + "Zürich".encode("latin-1") + b"\n")
    offset = len(head.encode("utf-8")) + 1  # "ü" after "Z": 0xFC starts no UTF-8 character
    status, out, err = run("extract", str(path))
    assert 1 == status
    assert [f"aieco: error: {path}: not UTF-8 text (invalid start byte at byte {offset})"] == (
        err.splitlines()
    )
    assert "5 Mio. €" in out  # the paragraph before was read and shown


def test_wrong_encoding_on_stdin() -> None:
    err = fails("extract", "-", "--encoding", "ascii", stdin="Preis: 5 Mio. €\n".encode())
    assert err.startswith("aieco: error: standard input: not ascii text (")
    assert "at byte 14)" in err


@pytest.mark.parametrize("name", ["latin-9x", "base64", "rot13", ""])
def test_unknown_encoding_is_a_usage_error(name: str) -> None:
    err = fails("extract", "-", "--encoding", name, expected_status=2, stdin="5 Mio. €")
    assert err.splitlines()[-1].startswith("aieco: error: --encoding: ")


def test_encoding_for_many_files(tmp_path: Path) -> None:
    """--encoding applies to every file of a table; UTF-8 files then read as Latin-1 too."""
    (tmp_path / "a.txt").write_bytes("Zürich: 5 Mio. Franken.\n".encode("latin-1"))
    status, out, err = run("extract", str(tmp_path), "--encoding", "latin-1")
    assert 0 == status
    rows = [json.loads(line) for line in out.splitlines()]
    assert ["5 Mio. Franken"] == [row["text"] for row in rows]
    status, out, err = run("extract", str(tmp_path))
    assert "not UTF-8 text" in err


# --- progress --------------------------------------------------------------------------------


def _in_a_terminal(argv: list[str]) -> tuple[int, str, str]:
    """Run aieco with stderr on a pseudo-terminal; (status, stdout, what the terminal showed)."""
    import pty

    leader, follower = pty.openpty()
    # stdout to a file, not a pipe: the child never waits for a reader that reads the terminal
    with (
        tempfile.TemporaryFile() as out_file,
        subprocess.Popen([*AIECO, *argv], stdout=out_file, stderr=follower) as proc,
    ):
        os.close(follower)
        shown = b""
        while True:
            try:
                chunk = os.read(leader, 65536)
            except OSError:  # the terminal closed (Linux: EIO)
                break
            if not chunk:
                break
            shown += chunk
        status = proc.wait(timeout=300)
        out_file.seek(0)
        out = out_file.read()
    os.close(leader)
    return status, out.decode(), shown.decode(errors="replace")


@pytest.mark.skipif(sys.platform != "linux", reason="a pseudo-terminal")
def test_progress_bar_for_a_large_input_on_a_terminal(tmp_path: Path) -> None:
    """A 1 MB input with stderr on a terminal shows the bar; a small one does not."""
    big = tmp_path / "big.txt"
    filler = "Ein Absatz ohne Beträge, nur Wörter über Wörter und noch mehr Wörter.\n\n"
    big.write_text(filler * 14_000 + "Am Ende 5 Mio. Euro.\n", encoding="utf-8")
    assert big.stat().st_size >= 1_000_000
    status, out, shown = _in_a_terminal(["extract", str(big)])
    assert 0 == status
    assert "MB" in shown
    assert "\r" in shown
    assert out.splitlines()[-1] == f"1 amount in {big}"
    small = tmp_path / "small.txt"
    small.write_text("5 Mio. Euro\n", encoding="utf-8")
    status, _, shown = _in_a_terminal(["extract", str(small)])
    assert (0, "") == (status, shown)
    status, _, shown = _in_a_terminal(["extract", str(big), "--no-progress"])
    assert (0, "") == (status, shown)


def test_progress_on_request_and_never_in_the_output(tmp_path: Path) -> None:
    """--progress draws on stderr even off a terminal; stdout has only the table."""
    path = tmp_path / "a.txt"
    path.write_text("5 Mio. Euro\n\nrund 2 Mrd. USD\n", encoding="utf-8")
    status, out, err = run("extract", str(path), "--progress")
    assert 0 == status
    assert "100%" in err
    assert "MB" in err
    assert "MB" not in out
    assert out.splitlines()[-1] == f"2 amounts in {path}"


def test_format_json_and_table_for_one_text(tmp_path: Path) -> None:
    """--format json is --json; --format table the default; neither makes a table of files."""
    path = tmp_path / "a.txt"
    path.write_text("rund 4 Mrd. USD\n", encoding="utf-8")
    assert ok("extract", str(path), "--format", "json") == ok("extract", str(path), "--json")
    assert ok("extract", str(path), "--format", "table") == ok("extract", str(path))
    err = fails("extract", str(tmp_path), "--format", "table", expected_status=2)
    assert "--format table: writes one text's amounts; for a table use --format jsonl" in err


@pytest.mark.skipif(os.name != "posix", reason="a shell pipeline")
def test_streamed_output_to_head_stops_quietly(tmp_path: Path) -> None:
    """`aieco extract big.txt | head -3`: three lines, then status 1 and nothing on stderr."""
    big = tmp_path / "big.txt"
    big.write_text("Die Runde bringt 5 Mio. Euro.\n\n" * 20_000, encoding="utf-8")
    command = f"{sys.executable} -m aieco extract {big} 2>err.txt | head -3; echo $PIPESTATUS"
    result = subprocess.run(
        ["bash", "-c", command], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    lines = result.stdout.splitlines()
    assert 4 == len(lines)
    assert "5 Mio. €" in lines[2]
    assert "1" == lines[3]  # aieco's status: the reader went away
    assert "" == (tmp_path / "err.txt").read_text()
