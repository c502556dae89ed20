"""`import aieco` is light: no data files opened, no locale data, rates or pandas loaded."""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = r"""
import json, sys
opened = []
def hook(event, args):
    if event == "open" and isinstance(args[0], str):
        opened.append(args[0])
sys.addaudithook(hook)
import aieco
import babel.localedata
print(json.dumps({
    "opened": [p for p in opened if not p.endswith((".py", ".pyc", ".pth"))],
    "modules": sorted(m for m in sys.modules if m.split(".")[0] in
                      ("currency_converter", "pandas", "numpy")),
    "babel_locales": sorted(babel.localedata._cache),
}))
"""


def _probe() -> dict[str, list[str]]:
    out = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True
    ).stdout
    result: dict[str, list[str]] = json.loads(out)
    return result


def test_import_opens_no_data_files() -> None:
    """Importing aieco reads only Python modules: no dataset, locale data or rate tables."""
    result = _probe()
    assert [] == result["opened"]
    assert [] == result["modules"]
    assert [] == result["babel_locales"]


def test_lazy_names_resolve_to_their_modules() -> None:
    """Every lazily imported public name is the object its module defines."""
    import importlib

    import aieco

    for name, module in aieco._LAZY.items():
        assert name in aieco.__all__
        assert getattr(importlib.import_module(module), name) is getattr(aieco, name)
