r"""Before/after differential of the amounts engine over many generated expressions.

    git archive main | tar -x -C /tmp/base      # the version to compare against
    uv run python benchmarks/diff_amounts.py --base /tmp/base/src [--record /tmp/base.json]

Runs ``parse_amount`` and ``extract_amounts`` (with and without numbers) on the same
generated inputs once with this checkout's ``src`` and once with ``--base`` (each in its own
process) and reports every input whose result differs: the Amount (repr), or the error
(type, message, position), or the mentions (spans and amounts). A speed change must report
none. The inputs: hedges × numbers (digits and words) × scales × units, chains of number
words (German and English) and random soups of number and scale words, ranges, vague forms,
and sentences and
repeated pieces built from them, in de_DE, de_CH and en_US. With ``--record FILE`` the base's
results are kept in FILE (computed once, read back on later runs: a series of speed steps
against one base costs one run each). The record is read back only when it was made from the
same base source, the same locales and the same inputs (this script unchanged); otherwise the
base runs again and the record is rewritten, with a line saying why.
"""

from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import os
import random
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

HEDGES = ["", "rund ", "mehr als ", "fast ", "bis zu ", "über ", "ca. ", "nicht mehr als "]
DIGITS = ["1", "12", "250", "1.234", "0,75", "12,5", "1.500,–", "2,50", "000", "1 234 567"]
WORDS = [
    "ein",
    "eine",
    "zwei",
    "elf",
    "zwölf",
    "dreihundert",
    "dreihunderttausend",
    "eintausendeinhundert",
    "einunddreißig",
    "drei Komma fünf",
    "halbe",
    "eine halbe",
    "zig",
    "mehrere",
    "anderthalb",
    "zwanzig",
]
SCALES = ["", " Mio.", " Millionen", " Milliarden", " Milliarde", " Million", " Tsd.", " Tausend"]
SCALES += ["-Milliarden", " Bio.", " k", " Mrd."]
UNITS = ["", " €", " Euro", " EUR", " USD", " US-Dollar", " Dollar", " %", " Prozent", " CHF"]
UNITS += [" Franken", "€", "-Euro"]
CHAINS = [
    "zwei Millionen dreihunderttausend",
    "zwei Millionen zwei Millionen",
    "zwei Millionen zwei",
    "zwei Millionen eintausendeinhundert",
    "eine Milliarde zwei Millionen",
    "drei Milliarden vierhundert Millionen fünfzigtausend",
    "zwei Millionen drei Komma fünf Tausend",
    "einunddreißig Millionen zweihundertsechsundfünfzigtausendsiebenhunderteinundzwanzig",
    "zwei Milliarden eine Million",
    "zwei Millionen eine Milliarde",
    "fünf Millionen dreihundert Tausend",
    "fünf Millionen Millionen",
    "zwei Millionen zweistellige",
    "zwei Millionen zig",
    "zwei-Millionen dreihundert",
    "zwei Millionen dreihunderttausend zwei",
    "neun Billionen acht Milliarden sieben Millionen sechs Tausend fünf",
    "zwei Millionen  dreihunderttausend",
    "zwei Millionen\ndreihunderttausend",
    "zwei Mio. dreihunderttausend",
    "zwei Millionen minus drei",
]
#: English number words (read in en_* locales; elsewhere a refusal): groups, "and", decimals.
EN_CHAINS = [
    "one million two hundred thousand",
    "two million and five",
    "two million and five hundred",
    "three hundred and fifty million",
    "a hundred and fifty million",
    "twenty-one million",
    "one million two point five",
    "two point five million",
    "one billion one million",
    "one million one billion",
    "a million a thousand",
    "a million and a half",
    "nine hundred ninety-nine thousand nine hundred ninety-nine",
    "one million and",
    "two million two million",
    "zero million",
    "eleven hundred",
]
#: Hedges before digits in other spellings: glued, symbols, other white space, case, long
#: white space, a hedge word alone, a noun before a preposition.
HEDGE_FORMS = ["~", "~ ", "≈ ", "< ", "ca.", "ca. ", "Ca. ", "rd. ", "rund  ", "rund\u00a0"]
HEDGE_FORMS += ["rund\n", "Rund ", "RUND ", "mehr  als ", "Mehr als ", "mehr als\t", "über"]
HEDGE_FORMS += ["rund" + " " * 45, "bis zu  ", "nicht  mehr als ", "mehr ", "rund rund "]
HEDGE_FORMS += ["Finanzierung über ", "ab ", "ab rund ", "knapp unter ", "um ", "Zahl ", "x-"]
HEDGE_FORMS += ["more than ", "about ", "up to "]
RANGES = [
    "5–50",
    "20 bis 30",
    "zwischen 20 und 30",
    "ein bis zwei",
    "zwei oder drei",
    "20, 30 oder 50",
]
OTHERS = [
    "ein zweistelliger Millionenbetrag",
    "zweistellige Milliardenbeträge",
    "zig Milliarden Dollar",
    "mehrere hundert Millionen Euro",
    "zwei Euro fünfzig",
    "13 Euro und 45 Cent",
    "elf Prozent",
    "€ 1.500,–",
    "-2,50 €",
    "CHF 2,5 Mio.",
    "$1bn",
    "1.5 billion dollars",
    "5 Bio-Läden",
    "8 Euro-Münzen",
]


def expressions(rng: random.Random) -> list[str]:
    """The generated expressions (deterministic for a seed)."""
    out: list[str] = []
    for hedge, number, scale, unit in itertools.product(HEDGES[:4], DIGITS, SCALES, UNITS):
        if rng.random() < 0.15:
            out.append(f"{hedge}{number}{scale}{unit}")
    for hedge, word, scale, unit in itertools.product(HEDGES, WORDS, SCALES, UNITS):
        if rng.random() < 0.2:
            out.append(f"{hedge}{word}{scale}{unit}")
    for hedge, chain, unit in itertools.product(HEDGES, CHAINS, UNITS):
        out.append(f"{hedge}{chain}{unit}")
        out.append(f"{hedge}{chain[:1].upper()}{chain[1:]}{unit}")
    for hedge, chain, unit in itertools.product(["", "about ", "more than "], EN_CHAINS, UNITS):
        out.append(f"{hedge}{chain}{unit}")
    out.extend(f"{chain} dollars" for chain in EN_CHAINS)
    for hedge, rng_, scale, unit in itertools.product(HEDGES[:4], RANGES, SCALES, UNITS):
        if rng.random() < 0.3:
            out.append(f"{hedge}{rng_}{scale}{unit}")
    for hedge, number, tail in itertools.product(
        HEDGE_FORMS, ["5", "12,5", "1.234", "000"], ["", " Mio. €", " Euro", "–6 Mio. €"]
    ):
        out.append(f"{hedge}{number}{tail}")
    out.extend(OTHERS)
    return out


#: Words of number-word runs, for soups of them ("zwei Millionen drei Komma fünf Tausend").
SOUP = ["zwei", "drei", "eine", "ein", "elf", "hundert", "dreihunderttausend", "Komma", "fünf"]
SOUP += ["Millionen", "Million", "Milliarden", "Tausend", "Mio.", "Mrd.", "Euro", "Prozent", "und"]
SOUP += ["bis", "oder", "halbe", "zig", "rund", "Zwei", "Millionen-", "k", "€", "5", "-", ","]


def soups(rng: random.Random, count: int = 3000) -> list[str]:
    """Random runs of number words, scale words and their neighbours, joined by spaces."""
    return [
        " ".join(rng.choice(SOUP) for _ in range(rng.randint(2, 7))).replace("- ", "-")
        for _ in range(count)
    ]


def texts(exprs: list[str], rng: random.Random) -> list[str]:
    """Running texts: sentences with expressions, and repeated pieces."""
    fillers = [
        "Die Firma erhielt",
        "Laut Bericht flossen",
        "Das sind",
        "Es geht um",
        "Im Jahr 2021",
    ]
    out = []
    for _ in range(400):
        parts = [f"{rng.choice(fillers)} {rng.choice(exprs)}." for _ in range(rng.randint(1, 4))]
        out.append(" ".join(parts))
    for piece in ["5 Mio. € ", "zwei Millionen ", "zwei Millionen zwei ", "ein ", "5–", "EUR 5 "]:
        out.append(piece * 40)
    for a, b in itertools.product(CHAINS, UNITS[:6]):
        out.append(f"Sie zahlten {a}{b} und {a}{b}.")
    return out


def run(src: str, locales: list[str]) -> dict[str, str]:
    """Every result, keyed by input, computed with the aieco package under ``src``."""
    rng = random.Random(8)
    exprs = expressions(rng) + soups(rng)
    running = texts(exprs, rng)
    sys.path.insert(0, src)
    from aieco import extract_amounts, parse_amount

    out: dict[str, str] = {}
    for loc in locales:
        for e in exprs:
            try:
                got = repr(parse_amount(e, locale=loc))
            except Exception as exc:
                got = f"{type(exc).__name__}: {exc} @ {getattr(exc, 'position', None)}"
            out[f"parse {loc} {e!r}"] = got
        for t in [*running, *exprs]:
            for numbers in (False, True):
                found = extract_amounts(t, locale=loc, include_numbers=numbers)
                out[f"extract {loc} {numbers} {t!r}"] = repr(
                    [(m.start, m.end, m.amount) for m in found]
                )
    return out


def _results(src: str, locales: str) -> dict[str, str]:
    """`run` in a process of its own with the package under ``src``."""
    cmd = [sys.executable, __file__, "--child", src, "--locales", locales]
    env = {**os.environ, "PYTHONPATH": src}
    done = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
    found: dict[str, str] = json.loads(done.stdout)
    return found


def _fingerprint(src: str, locales: str) -> str:
    """What a record's results depend on: the base's package files, the locales, this script."""
    digest = hashlib.sha256(locales.encode())
    digest.update(Path(__file__).read_bytes())
    base = Path(src)
    for path in sorted(p for p in base.rglob("*") if p.is_file() and "__pycache__" not in p.parts):
        digest.update(str(path.relative_to(base)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _base_results(src: str, locales: str, record: Path | None) -> dict[str, str]:
    """The base's results, read back from ``record`` only if it was made from the same inputs."""
    fingerprint = _fingerprint(src, locales)
    if record is not None and record.exists():
        kept = json.loads(record.read_text(encoding="utf-8"))
        if isinstance(kept, dict) and kept.get("fingerprint") == fingerprint:
            results: dict[str, str] = kept["results"]
            return results
        print(f"{record}: made from another base, locales or inputs; running the base again")
    results = _results(src, locales)
    if record is not None:
        record.write_text(
            json.dumps({"fingerprint": fingerprint, "results": results}), encoding="utf-8"
        )
    return results


def main() -> None:
    """Compare this checkout with ``--base``; exit 1 on any difference."""
    parser = argparse.ArgumentParser()
    parser.add_argument("--base", help="the src directory of the version to compare against")
    parser.add_argument("--locales", default="de_DE,de_CH,en_US")
    parser.add_argument("--record", help="a JSON file that keeps the base's results")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    args = parser.parse_args()
    locales = args.locales.split(",")
    if args.child:
        json.dump(run(args.child, locales), sys.stdout)
        return
    if not args.base:
        parser.error("--base (the src directory of the version to compare against) is required")
    record = Path(args.record) if args.record else None
    before = _base_results(args.base, args.locales, record)
    after = _results(str(ROOT / "src"), args.locales)
    diffs = sorted(set(before) ^ set(after)) + [
        k for k in before if k in after and before[k] != after[k]
    ]
    print(f"{len(before)} results compared, {len(diffs)} differ")
    for k in diffs[:40]:
        print(f"  {k}\n    before: {before.get(k)}\n    after:  {after.get(k)}")
    sys.exit(1 if diffs else 0)


if __name__ == "__main__":
    main()
