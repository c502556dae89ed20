"""Benchmarks for the amounts engine (run by hand; figures go to docs/performance.md).

    uv run python benchmarks/bench_amounts.py

1. parse_amount over a corpus of expressions vs price_parser.Price.fromstring on the same
   strings (goal: at most 0.5x its time).
2. extract_amounts over the five source articles vs a bare re.findall(r"\\d[\\d.,']*") over the
   same text (goal: at least 1/4 of its speed, i.e. at most 4x its time).

Both sides run in one process on the same inputs, interleaved, best of several rounds. The
engine memoises a few pure sub-results per locale (what a scale-and-currency tail such as
" Mio. EUR" means, what kind of word "rund" is); each comparison is also timed with those
memos emptied before every pass over the inputs ("cold memos"), so that the figures do not
rest on the benchmark repeating its inputs.
"""

from __future__ import annotations

import platform
import re
import sys
import timeit
from pathlib import Path

from price_parser import Price

from aieco import extract_amounts, parse_amount
from aieco.amounts._fast import fast_amount, tables_for
from aieco.amounts._lexicon import lexicon

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT.parent / "shared" / "sources"

_NUMBERS = ["1", "12", "250", "1.234", "18.000", "1.234.567", "0,75", "12,5", "1.500,–", "2,50"]
_SCALES = ["", " Mio.", " Mrd.", " Millionen", " Milliarden", " Tsd.", " Bio."]
_UNITS = ["", " €", " EUR", " Euro", " USD", " US-Dollar", " Dollar", " %", " CHF"]
_WORDED = [
    "rund vier Milliarden US-Dollar",
    "Drei-Milliarden-Euro",
    "5–50 Millionen Euro",
    "20 bis 30 Milliarden Dollar",
    "zwischen 20 und 30 Mrd. €",
    "mehr als 1,5 Mrd. USD",
    "fast 14 Mrd. USD",
    "mindestens 100 Millionen Dollar",
    "ein zweistelliger Millionenbetrag",
    "zweistellige Milliardenbeträge",
    "eine halbe Milliarde Euro",
    "zwei Millionen dreihunderttausend Euro",
    "elf Prozent",
    "€ 1.500,–",
    "-2,50 €",
]


def corpus() -> list[str]:
    """Over 100 expressions: numbers × scales with cycling units and hedges, plus worded ones."""
    hedges = ["", "", "", "rund ", "mehr als ", "fast ", "bis zu "]
    out: list[str] = []
    i = 0
    for number in _NUMBERS:
        for scale in _SCALES:
            for _ in range(2):
                unit = _UNITS[i % len(_UNITS)]
                hedge = hedges[i % len(hedges)]
                i += 1
                if unit == " %" and scale:
                    unit = " €"
                out.append(f"{hedge}{number}{scale}{unit}")
    return out + _WORDED


def best(fn: object, number: int, repeat: int = 7) -> float:
    """The best per-call time of ``fn`` in seconds."""
    return min(timeit.repeat(fn, number=number, repeat=repeat)) / number  # type: ignore[arg-type]


def forget() -> None:
    """Empty the engine's per-locale memos (tails, word kinds, words after figures)."""
    _, ft = tables_for("de_DE")
    for memo in (ft.tails, ft.mention_units, ft.words, ft.glued, lexicon("de_DE").kinds):
        memo.clear()


def side_by_side(ours: object, theirs: object, number: int, rounds: int = 5) -> tuple[float, float]:
    """Best per-call times of two functions, measured in alternating rounds."""
    t_ours, t_theirs = [], []
    for _ in range(rounds):
        t_ours.append(best(ours, number, repeat=3))
        t_theirs.append(best(theirs, number, repeat=3))
    return min(t_ours), min(t_theirs)


def main() -> None:
    """Print both comparisons."""
    print(f"python {sys.version.split()[0]} on {platform.platform()} ({platform.processor()})")
    exprs = corpus()
    for e in exprs:  # warm the caches and check the corpus is readable
        parse_amount(e)
        Price.fromstring(e)

    def ours() -> None:
        for e in exprs:
            parse_amount(e)

    def theirs() -> None:
        for e in exprs:
            Price.fromstring(e)

    def ours_cold() -> None:
        forget()
        for e in exprs:
            parse_amount(e)

    t_ours, t_theirs = side_by_side(ours, theirs, 20)
    t_cold, t_theirs2 = side_by_side(ours_cold, theirs, 20)
    print(f"\nparse_amount over {len(exprs)} expressions")
    each_ours, each_theirs = t_ours / len(exprs) * 1e6, t_theirs / len(exprs) * 1e6
    print(f"  aieco.parse_amount         {t_ours * 1e3:8.3f} ms  ({each_ours:.1f} µs each)")
    print(f"  price_parser.fromstring    {t_theirs * 1e3:8.3f} ms  ({each_theirs:.1f} µs each)")
    print(f"  ratio                      {t_ours / t_theirs:8.2f}x  (goal <= 0.5x)")
    print(
        f"  cold memos: {t_cold * 1e3:.3f} ms vs {t_theirs2 * 1e3:.3f} ms,"
        f" ratio {t_cold / t_theirs2:.2f}x"
    )

    # Where the time goes: the one-regex fast path versus the full grammar.
    lx, ft = tables_for("de_DE")
    fast = [e for e in exprs if fast_amount(lx, ft, e.strip()) is not None]
    slow = [e for e in exprs if e not in fast]
    for label, group in (("fast path", fast), ("grammar", slow)):
        if not group:
            continue
        t_group = best(lambda g=group: [parse_amount(e) for e in g], 20)  # type: ignore[misc]
        t_price = best(lambda g=group: [Price.fromstring(e) for e in g], 20)  # type: ignore[misc]
        print(
            f"  {label:9} {len(group):3} expressions: {t_group / len(group) * 1e6:5.1f} µs each"
            f" ({t_group / t_price:.2f}x price-parser on the same)"
        )

    if not SOURCES.is_dir():
        print(f"\n{SOURCES} is absent: extract_amounts benchmark skipped")
        return
    texts = [p.read_text(encoding="utf-8") for p in sorted(SOURCES.glob("0*.txt"))]
    size = sum(len(t) for t in texts)
    pattern = r"\d[\d.,']*"

    def extract() -> None:
        for t in texts:
            extract_amounts(t)

    def findall() -> None:
        for t in texts:
            re.findall(pattern, t)

    def extract_cold() -> None:
        forget()
        for t in texts:
            extract_amounts(t)

    _, ft = tables_for("de_DE")

    def trigger() -> None:
        for t in texts:
            for _ in ft.trigger.finditer(t):
                pass

    extract()
    t_ex, t_re = side_by_side(extract, findall, 50)
    t_cold, t_re2 = side_by_side(extract_cold, findall, 50)
    t_trigger = best(trigger, 50)
    found = sum(len(extract_amounts(t)) for t in texts)
    print(f"\nextract_amounts over the {len(texts)} source articles")
    print(f"  ({size} characters, {found} mentions)")
    print(f"  aieco.extract_amounts      {t_ex * 1e3:8.3f} ms")
    print(f"  re.findall({pattern!r})  {t_re * 1e3:8.3f} ms")
    print(f"  speed ratio                {t_re / t_ex:8.2f}  (goal >= 0.25)")
    print(
        f"  cold memos: {t_cold * 1e3:.3f} ms vs {t_re2 * 1e3:.3f} ms, ratio {t_re2 / t_cold:.2f}"
    )
    print(f"  of which finding candidate places (one regex): {t_trigger * 1e3:.3f} ms")


if __name__ == "__main__":
    main()
