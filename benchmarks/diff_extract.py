r"""Differential check of `extract_amounts`: the same mentions before and after a change.

    uv run python benchmarks/diff_extract.py --write /tmp/before.pickle   # on the old code
    uv run python benchmarks/diff_extract.py --check /tmp/before.pickle   # on the new code

A speed change to the extractor (`aieco.amounts._extract`, `_shapes`, `_tokens`) must not
change a single reading. This script reads a fixed corpus with every option and records
every mention (span, text, bounds, unit, qualifier) or the error raised; ``--check`` reads
the same corpus with the code at hand and prints the texts whose mentions differ. Run the
old side with ``PYTHONPATH`` pointing at a copy of the old ``src`` (``git archive``).

The corpus (deterministic, from ``--seed``):

* real text: the five source articles, the sentences of the amounts evaluation's *dev*
  part and the texts of the rounds evaluation's *dev* part (never the test parts);
* those real texts with their words shuffled among themselves (the same vocabulary,
  new neighbourhoods);
* generated texts: token soups of the engine's own vocabulary (hedges, scale words,
  currencies, number words, "-stellig" words, range words, months) with figures in many
  spellings, separators (spaces, hyphens, dashes, commas, line breaks, glued), and
  templates of amount-like expressions with random words around them.

Each text is read in de_DE with and without bare numbers; a share also in de_CH, de_AT,
en_US and en_GB.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import pickle
import random
import re
import sys
import time
from pathlib import Path
from typing import Any

from aieco import extract_amounts

ROOT = Path(__file__).resolve().parents[1]
SOURCES = next(
    (
        d / "shared" / "sources"
        for d in Path(__file__).resolve().parents
        if (d / "shared" / "sources").is_dir()
    ),
    ROOT.parent / "shared" / "sources",
)
EVAL = ROOT / "tests" / "data"

_WORD = re.compile(r"[^\W\d_]+")


def _pool(spec: str) -> list[str]:
    """The items of a pool written as one string, separated by "|"."""
    return spec.split("|")


HEDGES = _pool(
    "rund|ca.|circa|etwa|knapp|fast|mehr als|über|unter|bis zu|mindestens|höchstens|"
    "maximal|ab|gut|nicht mehr als|weniger als|größer als|kleiner als|annähernd|"
    "knapp unter|knapp über|ab rund|~|rd.|um|um die|von|zwischen|gar|sogar|about|"
    "over|up to|around|more than|less than|nearly|almost"
)
SCALES = _pool(
    "Mio.|Mrd.|Millionen|Milliarden|Million|Milliarde|Tsd.|Bio.|Billionen|Mia.|Mill.|"
    "Tausend|tausend|hundert|bn|m|k|K|M|B|billion|million|thousand|Millionenbetrag|"
    "Milliardenbeträge|Millionenhöhe|Milliardenbereich|Millionenbereich|"
    "Milliardenhöhe"
)
UNITS = _pool(
    "€|$|£|EUR|USD|CHF|GBP|Euro|Dollar|US-Dollar|Franken|Schweizer Franken|Fr.|SFr.|"
    "Prozent|%|Cent|Rappen|Pfund|Pfund Sterling|Yen|dollars|euros|percent|TEUR|T€|"
    "Kronen|schwedischen Kronen|US$|CA$|Euro-Münzen|Euro-Scheine"
)
NUMBER_WORDS = _pool(
    "ein|eine|einer|einen|zwei|drei|vier|fünf|zehn|elf|zwölf|zwanzig|dreißig|hundert|"
    "tausend|halbe|halben|anderthalb|eineinhalb|Dreiviertel|zig|hunderten|tausenden|"
    "mehrere|einige|ein paar|viele|zweistellige|zweistelliger|dreistelligen|"
    "sechsstelliges|neun-|zehnstellige|einstellig|one|two|three|a|half|dozen|tens|"
    "hundreds|several|zweihundertsechsundfünfzig|einunddreißig|fuenf|zwoelf|dreissig|"
    "Drei|Zwei|Ein|Eine"
)
JOINERS = _pool("bis|oder|und|bzw.|–|-|bis zu|oder gar|oder mehr|to|or|and|oder sogar|sowie")
PLAIN = _pool(
    "Jahr|Runde|Februar|März|Dezember|January|Unternehmen|die|der|das|im|in|für|mit|"
    "bei|Bewertung|Projekt|Frau|Tausend|Herr|Seite|Kapitel|Uhr|Prozentpunkte|Modelle|"
    "Software|Runden|KI|Startups|Series|A|B|C|Phase|Industrie|Version|Stück"
)
FIGURES = _pool(
    "5|12|20|30|50|100|250|800|2020|2022|2026|1.234|18.000|1.234.567|0,75|1,5|12,5|"
    "2,50|1.500,–|250 000|98 765 432|300'000|300’000|1'250|1.5|4.0|3D|5G|B2B|12.10.|"
    "17.|1:1|.75|10^9|1٫5|640 000.00|7.40|49.95|1,2|0|000|007|1bn|5Mio|5k|5TEUR|"
    "2025-01-05|24/7|1/2|50%|%28|5€|€5|$1|5–6|5-6|20-|30-|1-|2-|13|45|99|999"
)
SEPARATORS = [" "] * 30 + [
    "-",
    "–",
    " – ",
    ", ",
    ". ",
    ".\n",
    "\n",
    "\r\n",
    "",
    " / ",
    " (",
    ") ",
    "\u00a0",
    "\u202f",
    ": ",
    "; ",
    "  ",
    " \n ",
    "!",
    "?",
    " „",
    "“ ",
]
TEMPLATES = _pool(
    "{h} {f} {s} {u}|{f} {s} {u}|{f} {u}|{u} {f}|{u} {f} {s}|{f}{u}|{h} {n} {s} {u}|"
    "{n} {s} {u}|{n} {s}|{f}–{f} {s} {u}|{f} bis {f} {s} {u}|"
    "zwischen {f} und {f} {s} {u}|{f}- oder {f}-{s}|{f}-{s}-{u}-{w}|{n}-{s}-{u}-{w}|"
    "{f} {s} {u} oder mehr|{h} {f} bis {h} {f} {u}|{f}, {f} oder {f} {s} {u}|"
    "{n}, {n} oder {n} {s} {u}|ein {n} {s}|{n} {s} {n}|{f} {u} {f}|"
    "{f} {u} und {f} Cent|{u} {f}.|{f} {u}.|{f}.{f}|{n} oder gar {n} {s} {u}|"
    "{w} {f} {w}|{h} {u} {f}|{f} {s} {w}|im Jahr {f} {u} {f} {s}|in {u} {f}|"
    "{f} {u}-{w}|{f} {w}-{s}|{n}stellige {s}|in {n}stelliger {s}|{f}{s} {u}|-{f} {u}|"
    "minus {f} {u}|ein {n}- oder {n}stelliger {s}|{w} {n}- und {n}stellige {s}|"
    "hohe {n}- oder {n}stellige {s}|ein hoher {n}stelliger {s}|{h} {n}- bis {n}stellige {s}|"
    "{w} {h} {s} {u}|{w} {h} {n} {s}|{f} {u}-{w}-{w}|{n} oder {n} {s} {u}|{f} oder {f} {u}|"
    "{h} {f} oder {f} {s} {u}|{u}-{w} {f}|{n}, {n} {s}|rund {n}, {n} {s} {u}|"
    "{n} {s} {u} {n} {s} {u}|{f} {s} {u} {n} {f} {s} {u}|{n} {u} {n}|{f} {u} {n} {w}|"
    "{n} {s} {n} {s} {n}|{h} {n} {s} {n} {w}|{n} {s} {n} {s} {u}|{n} {f} {s} {u}|"
    "{n} {s} {n} {n} {s} {n}|{w} {n} {f} {u}|{n} {s} {u} und {n} Cent"
)


def real_texts() -> list[str]:
    """The five articles and the dev parts' texts (never the test parts)."""
    out = [p.read_text(encoding="utf-8") for p in sorted(SOURCES.glob("*.txt"))]
    for path, field in (
        (EVAL / "amounts_eval" / "dev" / "extract.jsonl", "sentence"),
        (EVAL / "rounds_eval" / "dev.jsonl", "text"),
    ):
        if path.is_file():
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    out.append(json.loads(line)[field])
    return out


def shuffled(text: str, rng: random.Random) -> str:
    """``text`` with its words shuffled among their places (figures and punctuation stay)."""
    words = _WORD.findall(text)
    rng.shuffle(words)
    it = iter(words)
    return _WORD.sub(lambda _m: next(it), text)


def soup(rng: random.Random, real_words: list[str]) -> str:
    """A token soup of the engine's vocabulary, figures and separators."""
    pools = [HEDGES, SCALES, UNITS, NUMBER_WORDS, JOINERS, PLAIN, FIGURES, FIGURES, real_words]
    parts: list[str] = []
    for _ in range(rng.randint(1, 14)):
        if rng.random() < 0.3:
            parts.append(template(rng, real_words))
        else:
            parts.append(rng.choice(rng.choice(pools)))
        parts.append(rng.choice(SEPARATORS))
    return "".join(parts[:-1] if rng.random() < 0.5 else parts)


def template(rng: random.Random, real_words: list[str]) -> str:
    """One amount-like expression from `TEMPLATES`."""
    pick = {
        "h": HEDGES,
        "f": FIGURES,
        "s": SCALES,
        "u": UNITS,
        "n": NUMBER_WORDS,
        "w": PLAIN + real_words[:50],
    }
    return re.sub(r"\{(\w)\}", lambda m: rng.choice(pick[m.group(1)]), rng.choice(TEMPLATES))


def corpus(seed: int, generated: int) -> list[tuple[str, str, bool]]:
    """(text, locale, include_numbers) triples to read."""
    rng = random.Random(seed)
    real = real_texts()
    real_words = sorted({w for t in real for w in _WORD.findall(t)})
    texts = real + [shuffled(t, rng) for t in real]
    texts += [soup(rng, real_words) for _ in range(generated)]
    out = []
    for text in texts:
        out.append((text, "de_DE", False))
        out.append((text, "de_DE", True))
        if rng.random() < 0.2:
            out.append((text, rng.choice(["de_CH", "de_AT", "en_US", "en_GB"]), rng.random() < 0.5))
    return out


def read(text: str, locale: str, numbers: bool) -> Any:
    """The mentions as plain tuples, or the error raised."""
    try:
        return [
            (
                m.start,
                m.end,
                m.text,
                None if m.amount.value is None else str(m.amount.value),
                str(m.amount.low),
                str(m.amount.high),
                m.amount.unit,
                m.amount.qualifier.value,
            )
            for m in extract_amounts(text, locale=locale, include_numbers=numbers)
        ]
    except Exception as exc:  # recorded: the same error must come before and after
        return ("error", type(exc).__name__, str(exc))


def main() -> int:
    """Write or check the mentions of the corpus."""
    parser = argparse.ArgumentParser()
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--write", type=Path, help="record the mentions to this file")
    group.add_argument("--check", type=Path, help="compare with the mentions in this file")
    parser.add_argument("--seed", type=int, default=8)
    parser.add_argument("--generated", type=int, default=150_000)
    args = parser.parse_args()
    items = corpus(args.seed, args.generated)
    started = time.perf_counter()
    results = [read(*item) for item in items]
    took = time.perf_counter() - started
    mentions = sum(len(r) for r in results if isinstance(r, list))
    digest = hashlib.sha256(repr(results).encode()).hexdigest()[:16]
    print(f"{len(items):,} readings, {mentions:,} mentions, {took:.1f} s, digest {digest}")
    if args.write is not None:
        args.write.write_bytes(pickle.dumps((args.seed, args.generated, results)))
        return 0
    seed, generated, before = pickle.loads(args.check.read_bytes())
    if (seed, generated) != (args.seed, args.generated):
        print(f"recorded with --seed {seed} --generated {generated}: use the same")
        return 2
    differ = [(i, b, a) for i, (b, a) in enumerate(zip(before, results, strict=True)) if b != a]
    for i, b, a in differ[:20]:
        text, locale, numbers = items[i]
        print(f"\n{locale} include_numbers={numbers}: {text[:300]!r}")
        print(f"  before: {b}")
        print(f"  after:  {a}")
    print(f"\n{len(differ)} of {len(items):,} readings differ")
    return 1 if differ else 0


if __name__ == "__main__":
    sys.exit(main())
