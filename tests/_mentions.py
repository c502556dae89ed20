"""Shared by the table, Spark, Dask and CLI tests: a small corpus and the rows it must give."""

from __future__ import annotations

from pathlib import Path

from aieco import extract_amounts

# The five articles (in /work/shared/sources next to the repository or to its worktrees).
SOURCES = next(
    (
        d / "shared" / "sources"
        for d in Path(__file__).resolve().parents
        if (d / "shared" / "sources").is_dir()
    ),
    Path("shared/sources"),
)

SENTENCES = [
    "Mistral erhielt mehr als 1,5 Mrd. USD für einen Anteil von 11 %.",
    "Runden von 5–50 Millionen Euro sind häufiger; ein zweistelliger Millionenbetrag auch.",
    "Keine Zahl hier.",
    "",
    "Am 17. Februar 2026 flossen rund vier Milliarden US-Dollar und CHF 2,5 Mio.",
    "zwischen 20 und 30 Mrd. € oder 100 Millionen Dollar oder mehr",
]


def corpus() -> list[str]:
    """The sentences and, where they are present, the five articles."""
    articles = [p.read_text(encoding="utf-8") for p in sorted(SOURCES.glob("*.txt"))]
    return SENTENCES + articles


MENTION_FIELDS = ("start", "end", "text", "value", "low", "high", "unit", "qualifier")


def expected(texts: list[object], ids: list[object] | None = None) -> list[tuple[object, ...]]:
    """(id, start, end, text, value, low, high, unit, qualifier) per mention, by extract_amounts.

    Exact bounds as decimal text; only the ``str`` items are read (the others give error rows).
    """
    rows = []
    for i, text in enumerate(texts):
        if not isinstance(text, str):
            continue
        for m in extract_amounts(text):
            a = m.amount
            value = None if a.value is None else format(a.value, "f")
            low, high = format(a.low, "f"), format(a.high, "f")
            key = i if ids is None else ids[i]
            rows.append((key, m.start, m.end, m.text, value, low, high, a.unit, a.qualifier.value))
    return rows


def mention_rows(records: list[dict[str, object]], id_name: str) -> list[tuple[object, ...]]:
    """The rows of a result table that are mentions, in expected()'s shape."""
    return [(r[id_name], *(r[f] for f in MENTION_FIELDS)) for r in records if r["error"] is None]


def error_rows(records: list[dict[str, object]], id_name: str) -> dict[object, str]:
    """The id and error code of every error row."""
    return {r[id_name]: r["error"] for r in records if r["error"] is not None}  # type: ignore[misc]
