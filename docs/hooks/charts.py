"""MkDocs hook: draw the docs' charts into the site on every build, so none is ever hand-drawn.

`draw` makes each picture with the library itself: ``img/us_vs_europe.png`` by running
examples/us_vs_europe.py as a reader runs it (the PNG's path as its argument), the others with
the `Query.plot` calls that docs/queries.md shows. `on_files` draws them into a temporary
folder and adds them to the site's files, so ``mkdocs build --strict`` checks every link to
them and ``mkdocs serve`` shows them; nothing is written into docs/. tests/test_plot.py runs
`draw` too, and tests/test_docs_site.py builds the site with this hook.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]

#: The charts, by their path in the site.
CHARTS = (
    "img/us_vs_europe.png",
    "img/largest_rounds.png",
    "img/anthropic_valuations.png",
    "img/policy_budgets.png",
)

_folders: list[Path] = []


def draw(folder: Path) -> list[Path]:
    """Draw every chart of `CHARTS` under ``folder``; returns their paths."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    import aieco

    paths = [folder / name for name in CHARTS]
    for path in paths:
        path.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [sys.executable, str(ROOT / "examples" / "us_vs_europe.py"), str(paths[0])],
        capture_output=True,
        text=True,
        check=False,
        cwd=folder,
        encoding="utf-8",
    )
    if done.returncode:
        raise RuntimeError(f"examples/us_vs_europe.py failed:\n{done.stderr}")
    ds = aieco.load()
    axes = [
        ds.funding_rounds.plot("largest", n=8),
        ds.rounds_for("Anthropic").plot("timeline", field="valuation"),
        ds.policies.plot("largest", currency="EUR"),
    ]
    for path, ax in zip(paths[1:], axes, strict=True):
        ax.figure.savefig(path, dpi=100)
        plt.close(ax.figure)
    return paths


def on_files(files: Any, config: Any) -> Any:
    """Add the freshly drawn charts to the site's files."""
    from mkdocs.structure.files import File

    folder = Path(tempfile.mkdtemp(prefix="aieco-charts-"))
    _folders.append(folder)
    for path in draw(folder):
        files.append(
            File(
                path.relative_to(folder).as_posix(),
                src_dir=str(folder),
                dest_dir=config["site_dir"],
                use_directory_urls=config["use_directory_urls"],
            )
        )
    return files


def on_post_build(config: Any) -> None:
    """Remove the temporary folders the charts were drawn in."""
    while _folders:
        shutil.rmtree(_folders.pop(), ignore_errors=True)
