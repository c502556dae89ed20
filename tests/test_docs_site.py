"""The documentation site builds, and the API reference shows no reST leftovers.

mkdocstrings renders the docstrings as Markdown (Google style): a reST role such as
``:class:`Amount``` would appear as literal text, and a ``>>>`` example outside a code block
or an ``Examples:`` section would become nested block quotes. This builds the site as CI does
and looks for both in every page.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
ROLE = re.compile(r":(?:class|func|meth|attr|mod|data|exc|obj|const|ref):`")
MANGLED_EXAMPLE = re.compile(r"<blockquote>\s*<blockquote>")


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    done = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return out


def test_the_api_reference_is_built(site: Path) -> None:
    page = (site / "api" / "index.html").read_text(encoding="utf-8")
    assert "parse_amount" in page
    assert 'class="gp">&gt;&gt;&gt; </span>' in page  # examples highlighted as Python sessions


def test_the_charts_are_drawn_into_the_site(site: Path) -> None:
    """The pages' charts come from the build (docs/hooks/charts.py), not from files in docs/."""
    page = (site / "queries" / "index.html").read_text(encoding="utf-8")
    for name in ("us_vs_europe", "largest_rounds", "anthropic_valuations"):
        assert f'src="../img/{name}.png"' in page
        assert (site / "img" / f"{name}.png").read_bytes()[:4] == b"\x89PNG"
        assert not (ROOT / "docs" / "img" / f"{name}.png").exists()


def test_no_page_shows_rest_roles_or_mangled_examples(site: Path) -> None:
    leftovers = []
    for page in sorted(site.rglob("*.html")):
        text = page.read_text(encoding="utf-8")
        leftovers += [f"{page.relative_to(site)}: {m.group(0)}" for m in ROLE.finditer(text)]
        if MANGLED_EXAMPLE.search(text):
            leftovers.append(f"{page.relative_to(site)}: a >>> example rendered as block quotes")
    assert leftovers == []


def test_source_docstrings_use_no_rest_roles() -> None:
    found = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in sorted((ROOT / "src" / "aieco").rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if ROLE.search(line)
    ]
    assert found == []
