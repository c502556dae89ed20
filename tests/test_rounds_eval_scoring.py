"""The scoring of benchmarks/eval_rounds.py on names (issue #13).

An optional investor, like a gold one, may be a list of its spellings (dev9 labels one so;
the script raised on it).
"""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

SCRIPT = Path(__file__).resolve().parents[1] / "benchmarks" / "eval_rounds.py"


def _script() -> ModuleType:
    spec = importlib.util.spec_from_file_location("eval_rounds_for_test", SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_optional_names_may_be_lists_of_spellings() -> None:
    match = _script()._match_names
    gold = ["Kelvo Capital", ["Tamis AG", "Tamis"]]
    # (hits, false positives, misses)
    assert match(["Kelvo Capital", "Tamis"], gold, [["Ardent Partners", "Ardent"]]) == (2, 0, 0)
    assert match(["Kelvo Capital", "Ardent"], gold, [["Ardent Partners", "Ardent"]]) == (1, 0, 1)
    assert match(["Kelvo Capital", "Ardent"], gold, ["Ardent"]) == (1, 0, 1)
    assert match(["Kelvo Capital", "Ardent"], gold, ["Lorka"]) == (1, 1, 1)
