"""Every script in examples/ runs and prints what it promises."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SCRIPTS = sorted(EXAMPLES.glob("*.py"))

# Lines (or parts of lines) each script must print: real values from the bundled dataset.
EXPECTED: dict[str, list[str]] = {
    "quickstart.py": [
        "Mistral AI (FR, founded 2023, Paris)",
        "2025-09-09 Series C: rund 2 Mrd. $, valued at fast 14 Mrd. $",
        "ASML (lead, 1,3 Mrd. €, for 11 %)",
        "Rounds of at least 1 Mrd. $: 4",
        "Anthropic   Series G  rund 30 Mrd. $",
    ],
    "us_vs_europe.py": [
        "Europe  2025      1 round   rund 2 Mrd. $",
        "US      2026     14 rounds  mindestens 51,2 Mrd. $",
        "US      together mindestens 65,1 Mrd. $",
        "largest: Anthropic, rund 30 Mrd. $",
        "1,3 Mrd. € = rund 1,53 Mrd. $ (exactly 1526720000.00 USD)",
        "Announced programmes, initiatives and proposals",
        "Investment initiative\n    US  Stargate Project (private money)\n"
        "        500 Mrd. $ = 500 Mrd. $",
        "Proposal\n    EU  Draghi's proposal for additional EU investment\n"
        "        750–800 Mrd. € a year = rund 828,23–883,44 Mrd. $ a year",
        "Funding programme\n    EU  EU AI innovation package\n        3 Mrd. € = rund 3,25 Mrd. $",
    ],
    "extract_corpus.py": [
        "corpus: 300 articles, 0.3 million characters",
        "extract_amounts, text by text: 3850 amounts",
        "Dask: 3850 amounts, 0 errors, the same rows as extract_amounts",
        "Spark: 3850 amounts, 0 errors, the same rows as extract_amounts",
        "largest: 'knapp 850,9 Mrd. USD' in a000042 = 850900000000 USD",
    ],
    "read_article.py": [
        "The article reports 3 rounds:",
        "Xaver (new): 12000000 EUR, series_a",
        "amount read from '12 Millionen Euro'",
        "Luma (luma): None, unknown",
        "mistral-ai-series-c-2025.amount: known about 2000000000 USD, the text says "
        "1700000000 EUR ('1,7 Mrd. Euro')",
        "Merged: 18 -> 19 rounds",
        "Xaver: 12000000 EUR, valued about 60000000 EUR",
        "led by Speedinvest; cited: 'KI-Start-up Xaver sammelt 12 Millionen Euro ein'",
        "Nvidia took part in rounds of: Luma, Mistral AI, Xaver",
    ],
    "extract_from_article.py": [
        "8 amounts in the paragraph:",
        "= ASML's part in the round Mistral AI, Series C (2025-09-09)",
        "= amount of the round Anthropic, Series G (2026)",
        "'etwa 30 Milliarden Dollar'        rund 30 Mrd. $",
        "= budget of EU AI innovation package",
        "(no record in the dataset has this figure)",
    ],
}


# Texts a script must not print: claims the dataset contradicts.
ABSENT: dict[str, list[str]] = {
    # Article 001: Stargate is "keine staatliche, sondern eine rein private" investment.
    "us_vs_europe.py": ["Public money", "public money"],
}


# Files a script writes, given to it as arguments (into a temporary folder).
OUTPUTS: dict[str, list[str]] = {"us_vs_europe.py": ["chart.png"]}


def run_script(path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    """Run one example with this interpreter, from a neutral working directory."""
    return subprocess.run(
        [sys.executable, str(path), *args],
        capture_output=True,
        text=True,
        check=False,
        cwd=path.parent,
        encoding="utf-8",
    )


def test_every_script_is_checked() -> None:
    """Each script in examples/ has expected output listed here, and each listed one exists."""
    assert sorted(EXPECTED) == [path.name for path in SCRIPTS]


@pytest.mark.parametrize("path", SCRIPTS, ids=[p.name for p in SCRIPTS])
def test_script_has_a_docstring(path: Path) -> None:
    """Each script says in its module docstring what it shows."""
    docstring = ast.get_docstring(ast.parse(path.read_text(encoding="utf-8")))
    assert docstring
    assert len(docstring.split()) >= 8


@pytest.mark.parametrize("path", SCRIPTS, ids=[p.name for p in SCRIPTS])
def test_script_runs_and_prints_key_lines(path: Path, tmp_path: Path) -> None:
    """The script exits 0 with nothing on stderr and prints its key values."""
    result = run_script(path, *[str(tmp_path / name) for name in OUTPUTS.get(path.name, [])])
    assert not result.stderr
    assert not result.returncode
    # format_amount puts no-break spaces into amounts; compare with plain spaces.
    out = result.stdout.replace("\xa0", " ").replace("\u202f", " ")
    missing = [text for text in EXPECTED.get(path.name, []) if text not in out]
    assert not missing, result.stdout
    unwanted = [text for text in ABSENT.get(path.name, []) if text in out]
    assert not unwanted, result.stdout
    for name in OUTPUTS.get(path.name, []):
        assert (tmp_path / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        assert f"written to {tmp_path / name}" in out
