"""Packaging: one version, a license, and the extras the README promises."""

from __future__ import annotations

import importlib.metadata
import re
import tomllib
from pathlib import Path

import aieco

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_version_is_written_once() -> None:
    """The installed metadata's version is aieco.__version__, and pyproject has none of its own."""
    assert aieco.__version__ == importlib.metadata.version("aieco")
    assert "version" not in PYPROJECT["project"]
    assert "version" in PYPROJECT["project"]["dynamic"]


def test_license_matches_the_metadata() -> None:
    """LICENSE is the MIT text that pyproject's license expression names, and ships."""
    assert "MIT" == PYPROJECT["project"]["license"]
    assert "LICENSE" in PYPROJECT["project"]["license-files"]
    assert (ROOT / "LICENSE").read_text(encoding="utf-8").startswith("MIT License\n")


def test_readme_lists_every_extra() -> None:
    """Each optional extra of pyproject.toml has a row in the README's table of extras."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = set(re.findall(r"^\| `([a-z0-9-]+)` \|", readme, flags=re.MULTILINE))
    assert set(PYPROJECT["project"]["optional-dependencies"]) <= rows
