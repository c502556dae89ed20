"""The ``aieco rounds-in`` and ``aieco merge`` commands."""

from __future__ import annotations

from pathlib import Path

import aieco
from tests.test_cli import fails, ok, ok_json

ARTICLE = (
    "Xaver sammelt Millionen ein\n"
    "Das Wiener Start-up Xaver sammelt 4 Mio. Euro ein. Angeführt wird die Runde von "
    "Speedinvest, beteiligt sind auch Nvidia und Lakestar. Der Umsatz lag bei 1 Mio. Euro."
)


def test_rounds_in_prints_the_rounds_of_a_file(tmp_path: Path) -> None:
    path = tmp_path / "xaver.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    out = ok("rounds-in", str(path))
    assert "Xaver" in out
    assert "4 Mio. €" in out
    assert "Speedinvest, Nvidia, Lakestar" in out
    assert f"1 round in {path}" in out


def test_rounds_in_json_has_every_field_with_its_span() -> None:
    data = ok_json("rounds-in", "-", "--json", stdin=ARTICLE)
    (r,) = data["rounds"]
    assert r["company"] == "Xaver"
    assert r["amount"] == {"value": "4000000", "unit": "EUR", "qualifier": "exact"}
    assert r["leads"] == ["Speedinvest"]
    start, end = r["spans"]["amount"]["start"], r["spans"]["amount"]["end"]
    assert ARTICLE[start:end] == "4 Mio. Euro"
    assert data["conflicts"] == []


def test_rounds_in_without_rounds_says_so() -> None:
    assert "no funding rounds in standard input" in ok("rounds-in", "-", stdin="Kein Geld.")


def test_draft_then_merge(tmp_path: Path) -> None:
    draft = tmp_path / "draft.json"
    merged = tmp_path / "merged.json"
    out = ok("rounds-in", "-", "--known", "bundled", "--out", str(draft), stdin=ARTICLE)
    assert "draft written to" in out
    loaded = aieco.load(draft)
    (funding_round,) = loaded.funding_rounds
    assert funding_round.company_id == "xaver"
    assert "nvidia" in {p.investor_id for p in funding_round.participants}  # linked, not new
    dry = ok("merge", "bundled", str(draft))
    assert "funding rounds: xaver-unknown-undated" in dry
    assert "nothing written" in dry
    assert not merged.exists()
    ok("merge", "bundled", str(draft), "--out", str(merged))
    result = aieco.load(merged)
    assert len(result.funding_rounds) == len(aieco.load().funding_rounds) + 1
    assert result.investor("Speedinvest").sources[0].quote == (
        "Angeführt wird die Runde von Speedinvest, beteiligt sind auch Nvidia und Lakestar."
    )


def test_merge_refuses_a_draft_that_contradicts_the_base(tmp_path: Path) -> None:
    draft = tmp_path / "draft.json"
    ok("rounds-in", "-", "--out", str(draft), stdin="Nvidia sammelt 5 Mio. Euro ein.")
    err = fails("merge", "bundled", str(draft))
    assert "nvidia" in err
    assert "names two different records" in err


def test_rounds_in_missing_file() -> None:
    assert "no-such-file.txt" in fails("rounds-in", "no-such-file.txt")
