"""Names with invisible characters and lone surrogates; dump through links, kills and full disks."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import aieco
import aieco._files
from aieco import Company, Dataset, NotFound, ValidationError
from aieco._files import SUFFIX
from aieco._fold import fold

INVISIBLES = ["\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u2060", "\ufeff", "\u202e"]


# -- names ---------------------------------------------------------------------------------


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from([*INVISIBLES, " "]), min_size=1, max_size=8))
def test_a_name_of_only_invisible_characters_is_empty(chars: list[str]) -> None:
    with pytest.raises(ValidationError, match="must not be empty"):
        Company("a", "".join(chars))


@pytest.mark.parametrize("invisible", INVISIBLES)
def test_invisible_characters_at_the_ends_are_refused(invisible: str) -> None:
    for name in (invisible + "Mistral", "Mistral" + invisible):
        with pytest.raises(ValidationError, match="must not start or end with"):
            Company("a", name)


@settings(max_examples=100, deadline=None)
@given(
    position=st.integers(min_value=1, max_value=6),
    invisible=st.sampled_from(INVISIBLES),
)
def test_invisible_characters_inside_are_folded_in_lookups(position: int, invisible: str) -> None:
    """Two visually identical names cannot both pass the ambiguity check; lookups find them."""
    twin = "Mistral"[:position] + invisible + "Mistral"[position:]
    assert fold(twin) == fold("Mistral")
    with pytest.raises(ValidationError, match="is ambiguous"):
        Dataset(companies=[Company("a", "Mistral"), Company("b", twin)])
    ds = Dataset(companies=[Company("a", "Mistral")])
    assert ds.company(twin).id == "a"


def test_a_lone_surrogate_is_refused_at_construction() -> None:
    name = b"Mistral \xff".decode("utf-8", "surrogateescape")
    with pytest.raises(ValidationError, match="has a lone surrogate '\\\\udcff' at position 8"):
        Company("a", name)
    with pytest.raises(ValidationError, match="lone surrogate"):
        aieco.Citation("src", "ein Zitat \ud800")


def test_not_found_for_a_very_long_name_is_short() -> None:
    ds = Dataset(companies=[Company("a", "x" * 30_000)])
    with pytest.raises(NotFound) as caught:
        ds.company("x" * 29_990 + "yyyyy")
    assert len(str(caught.value)) < 300
    assert caught.value.suggestions == ("x" * 30_000,)  # the attribute keeps the whole name


# -- files ---------------------------------------------------------------------------------


def small() -> Dataset:
    return Dataset(companies=[Company("a", "Ä AI")])


def temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(SUFFIX))


def test_dump_through_a_symlink_updates_the_target(tmp_path: Path) -> None:
    real = tmp_path / "real.json"
    real.write_text("{}", encoding="utf-8")
    link = tmp_path / "link.json"
    link.symlink_to(real)
    assert aieco.dump(small(), link) == link
    assert link.is_symlink()
    assert aieco.load(real) == small()
    dangling = tmp_path / "dangling.json"
    dangling.symlink_to(tmp_path / "new.json")
    aieco.dump(small(), dangling)
    assert dangling.is_symlink()
    assert aieco.load(tmp_path / "new.json") == small()


def test_a_full_disk_names_the_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def full(handle: int, data: bytes) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(aieco._files, "_write_all", full)
    target = tmp_path / "out.json"
    with pytest.raises(OSError, match="No space left on device") as caught:
        aieco.dump(small(), target)
    assert (caught.value.errno, caught.value.filename) == (errno.ENOSPC, str(target))
    assert list(tmp_path.iterdir()) == []


def test_text_that_is_not_utf8_names_the_path(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    with pytest.raises(ValueError, match=r"out\.txt: cannot write '\\udcff' at position 3"):
        aieco._files.write_atomically(target, "abc\udcff")
    assert list(tmp_path.iterdir()) == []


def test_ctrl_c_while_writing_leaves_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(handle: int, data: bytes) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(aieco._files, "_write_all", interrupted)
    with pytest.raises(KeyboardInterrupt):
        aieco.dump(small(), tmp_path / "out.json")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.skipif(os.name != "posix", reason="process ids of ended processes, SIGKILL")
def test_a_killed_dump_is_cleaned_up_by_the_next(tmp_path: Path) -> None:
    """A dump killed with SIGKILL leaves its temporary file; the next dump removes it."""
    target = tmp_path / "data.json"
    script = (
        "import os, signal, aieco, aieco._files\n"
        "def die(handle, data):\n"
        "    os.write(handle, data[:10])\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
        "aieco._files._write_all = die\n"
        f"aieco.dump(aieco.Dataset(), {str(target)!r})\n"
    )
    done = subprocess.run([sys.executable, "-c", script], check=False)
    assert done.returncode == -9
    left = temporaries(tmp_path)
    assert len(left) == 1
    assert left[0].startswith(".data.json.")
    mine = tmp_path / f".data.json.{os.getpid()}.0123abcd{SUFFIX}"  # a live process's file
    mine.write_text("", encoding="utf-8")
    other = tmp_path / f".other.json.1.0123abcd{SUFFIX}"  # another target's file
    other.write_text("", encoding="utf-8")
    aieco.dump(small(), target)
    assert temporaries(tmp_path) == sorted([mine.name, other.name])
    assert json.loads(target.read_text(encoding="utf-8"))["companies"][0]["name"] == "Ä AI"
