"""Score the amounts engine on real German, Austrian and Swiss text (tests/data/amounts_eval).

    uv run python benchmarks/eval_amounts.py [--part dev|test|all] [--verbose] [--markdown]

Runs the public API only — ``parse_amount`` on every labelled expression and ``extract_amounts``
on every labelled sentence — and prints, per part and per family of issue #8:

* parse accuracy (the right reading, or a ParseError where the label says "refuse"),
* extraction recall (labelled mentions found with the right reading) and precision,
* the number of **silent wrong values** — a reported reading that differs from the label (another
  figure, unit or hedge, a value for a span that has none, a mention where there is none) as
  opposed to a refusal or a miss — and lists every one of them.

Lesser faults are counted apart, not as wrong values: in running text a hedge left out of the
span and reported ``exact`` ("hedge dropped", the documented behaviour for an unknown hedge), a
labelled range reported as one of its ends ("range split") and a figure reported without its
currency ("unit dropped"). In ``parse_amount``, which reads the whole text, each of these is a
wrong value. ``--verbose`` also lists misses and the lesser faults; ``--markdown`` prints the
tables of docs/evaluation.md instead (the set's size per part and family, then the figures). The
data format and the labelling rules are in tests/data/amounts_eval/README.md.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from aieco import ParseError, extract_amounts, parse_amount

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "amounts_eval"
PARTS = ("dev", "test")
ALL = "(all)"

Reading = tuple[Decimal, Decimal, str | None, str]


def load(part: str, kind: str) -> list[dict[str, Any]]:
    """The items of one part ("dev"/"test") and kind ("extract"/"parse")."""
    with open(DATA / part / f"{kind}.jsonl", encoding="utf-8") as fh:
        return [json.loads(line) for line in fh if line.strip()]


def label_reading(d: dict[str, Any]) -> Reading:
    return (Decimal(d["low"]), Decimal(d["high"]), d["unit"], d["qualifier"])


def amount_reading(amount: Any) -> Reading:
    return (amount.low, amount.high, amount.unit, amount.qualifier.value)


def show(r: Reading | None) -> str:
    if r is None:
        return "refuse"
    low, high, unit, qualifier = r
    figure = f"{low}" if low == high else f"{low}–{high}"
    return f"{figure} {unit or '-'} {qualifier}"


def lesser_fault(got: Reading, want: Reading) -> str | None:
    """The name of a fault that is not a wrong value in running text, or None."""
    g_low, g_high, g_unit, g_q = got
    w_low, w_high, w_unit, w_q = want
    if (g_low, g_high, g_unit) == (w_low, w_high, w_unit) and g_q == "exact" != w_q:
        return "hedge dropped"
    if (
        w_low != w_high
        and g_low == g_high
        and g_low in (w_low, w_high)
        and g_unit in (w_unit, None)
    ):
        return "range split"
    if (g_low, g_high, g_q) == (w_low, w_high, w_q) and g_unit is None and w_unit is not None:
        return "unit dropped"
    return None


@dataclass
class Tally:
    """Counts for one (part, family) cell."""

    parse_n: int = 0
    parse_ok: int = 0
    parse_wrong: int = 0
    labelled: int = 0
    found: int = 0
    reported: int = 0
    correct: int = 0
    wrong: int = 0
    lesser: int = 0


@dataclass
class Report:
    """Everything found on one part."""

    tallies: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    wrong: list[str] = field(default_factory=list)
    misses: list[str] = field(default_factory=list)
    lesser: list[str] = field(default_factory=list)
    crashes: list[str] = field(default_factory=list)
    kinds: Counter[str] = field(default_factory=Counter)

    def cells(self, families: Iterable[str]) -> Iterator[Tally]:
        yield self.tallies[ALL]
        for f in sorted(set(families)):
            yield self.tallies[f]


def score_parse(item: dict[str, Any], rep: Report) -> None:
    expect = None if item["expect"] == "refuse" else label_reading(item["expect"])
    accepted = {label_reading(a) for a in item["alternatives"]}
    if expect is not None:
        accepted.add(expect)
    where = f"[{item['id']}] parse_amount({item['text']!r}, locale={item['locale']!r})"
    got: Reading | None
    try:
        got = amount_reading(parse_amount(item["text"], locale=item["locale"]))
    except ParseError:
        got = None
    except Exception as exc:  # a crash is reported, and scored as a refusal
        rep.crashes.append(f"{where}: {type(exc).__name__}: {exc}")
        got = None
    ok = got in accepted if got is not None else expect is None
    wrong = got is not None and not ok
    for cell in rep.cells(item["families"]):
        cell.parse_n += 1
        cell.parse_ok += ok
        cell.parse_wrong += wrong
    if wrong:
        rep.kinds["parse"] += 1
        rep.wrong.append(f"{where}\n    got {show(got)}, label {show(expect)}")
    elif not ok:
        rep.misses.append(f"{where}\n    refused, label {show(expect)}")


def overlaps(a: dict[str, Any], start: int, end: int) -> bool:
    return bool(a["start"] < end and start < a["end"])


def score_extract(item: dict[str, Any], rep: Report) -> None:
    sentence, labels, refuse = item["sentence"], item["mentions"], item["refuse"]
    where = f"[{item['id']}] {item['locale']} {sentence!r}"
    try:
        reported = extract_amounts(sentence, locale=item["locale"])
    except Exception as exc:
        rep.crashes.append(f"{where}: {type(exc).__name__}: {exc}")
        reported = []
    found: set[int] = set()
    for m in reported:
        got = amount_reading(m.amount)
        near = [i for i, lab in enumerate(labels) if overlaps(lab, m.start, m.end)]
        near_refuse = [r for r in refuse if overlaps(r, m.start, m.end)]
        families = {f for i in near for f in labels[i]["families"]}
        families |= {f for r in near_refuse for f in r["families"]}
        families = families or set(item["families"])
        hit = next(
            (
                i
                for i in near
                if got == label_reading(labels[i])
                or got in {label_reading(a) for a in labels[i]["alternatives"]}
            ),
            None,
        )
        accepted = any(got in {label_reading(a) for a in r["alternatives"]} for r in near_refuse)
        fault = None
        if hit is None and not accepted:
            fault = next(
                (f for i in near if (f := lesser_fault(got, label_reading(labels[i])))), None
            )
        for cell in rep.cells(families):
            cell.reported += 1
            cell.correct += hit is not None or accepted
            cell.wrong += hit is None and not accepted and fault is None
            cell.lesser += fault is not None
        text = f"{where}\n    reported {m.text!r} [{m.start}:{m.end}] = {show(got)}"
        if hit is not None:
            found.add(hit)
        elif accepted:
            pass
        elif fault is not None:
            rep.lesser.append(f"{text}\n    {fault}; label {show(label_reading(labels[near[0]]))}")
        else:
            if near:
                want = "; ".join(
                    f"{labels[i]['text']!r} = {show(label_reading(labels[i]))}" for i in near
                )
                kind = "value"
            elif near_refuse:
                want = "; ".join(f"{r['text']!r} has no single reading" for r in near_refuse)
                kind = "refusal span read"
            else:
                want, kind = "no amount here", "spurious"
            rep.kinds[kind] += 1
            rep.wrong.append(f"{text}\n    label: {want}")
    for i, lab in enumerate(labels):
        if lab["optional"] and i not in found:
            continue
        for cell in rep.cells(lab["families"]):
            cell.labelled += 1
            cell.found += i in found
        if i not in found:
            rep.misses.append(f"{where}\n    missed {lab['text']!r} = {show(label_reading(lab))}")


def pct(n: int, d: int) -> str:
    return f"{100 * n / d:5.1f} %" if d else "    –  "


def print_report(part: str, rep: Report, verbose: bool) -> None:
    print(f"\n=== part: {part}")
    head = (
        f"{'family':<14}{'parse n':>8}{'accuracy':>10}{'wrong':>6}  "
        f"{'labelled':>8}{'recall':>9}{'reported':>9}{'precision':>10}{'wrong':>6}{'lesser':>7}"
    )
    print(head)
    print("-" * len(head))
    for name in [ALL, *sorted(k for k in rep.tallies if k != ALL)]:
        t = rep.tallies[name]
        print(
            f"{name:<14}{t.parse_n:>8}{pct(t.parse_ok, t.parse_n):>10}{t.parse_wrong:>6}  "
            f"{t.labelled:>8}{pct(t.found, t.labelled):>9}{t.reported:>9}"
            f"{pct(t.correct, t.reported):>10}{t.wrong:>6}{t.lesser:>7}"
        )
    kinds = ", ".join(f"{k}: {n}" for k, n in sorted(rep.kinds.items())) or "none"
    print(f"\nSILENT WRONG VALUES on {part}: {len(rep.wrong)} ({kinds})")
    for line in rep.wrong:
        print(f"  - {line}")
    if rep.crashes:
        print(f"\nCRASHES on {part}: {len(rep.crashes)}")
        for line in rep.crashes:
            print(f"  - {line}")
    if verbose:
        print(f"\nLESSER FAULTS on {part}: {len(rep.lesser)}")
        for line in rep.lesser:
            print(f"  - {line}")
        print(f"\nMISSES on {part}: {len(rep.misses)}")
        for line in rep.misses:
            print(f"  - {line}")


def evaluate(part: str) -> Report:
    rep = Report()
    for item in load(part, "parse"):
        score_parse(item, rep)
    for item in load(part, "extract"):
        score_extract(item, rep)
    return rep


def markdown_tables(reports: dict[str, Report]) -> str:
    """The set's size and the figures as the Markdown tables of docs/evaluation.md."""
    out = [
        "| part | pages | sentences | labelled mentions (optional) | refusal spans "
        "| `parse_amount` items (expect refusal) | de_DE / de_AT / de_CH / en |",
        "|---|---|---|---|---|---|---|",
    ]
    sizes: dict[str, Counter[str]] = defaultdict(Counter)
    for part in reports:
        items, parse = load(part, "extract"), load(part, "parse")
        loc = Counter(i["locale"] for i in items)
        mentions = [m for i in items for m in i["mentions"]]
        out.append(
            f"| {part} | {len({i['source'] for i in items})} | {len(items)} "
            f"| {len(mentions)} ({sum(m['optional'] for m in mentions)}) "
            f"| {sum(len(i['refuse']) for i in items)} "
            f"| {len(parse)} ({sum(p['expect'] == 'refuse' for p in parse)}) "
            f"| {loc['de_DE']} / {loc['de_AT']} / {loc['de_CH']} / {loc['en_US'] + loc['en_GB']} |"
        )
        for i in items:
            sizes[part].update(f + ":s" for f in i["families"])
            sizes[part].update(f + ":m" for s in i["mentions"] + i["refuse"] for f in s["families"])
        sizes[part].update(f + ":p" for p in parse for f in p["families"])
    parts = list(reports)
    out += ["", "| family | " + " | ".join(parts) + " |", "|---|" + "---|" * len(parts)]
    families = sorted({k.split(":")[0] for c in sizes.values() for k in c})
    for f in families:
        cells = [" / ".join(str(sizes[p][f"{f}:{k}"]) for k in "smp") for p in parts]
        out.append(f"| {f} | " + " | ".join(cells) + " |")
    out += [
        "",
        "| part | `parse_amount` accuracy | silent wrong (parse) | extraction recall | precision "
        "| silent wrong (extraction) | lesser faults |",
        "|---|---|---|---|---|---|---|",
    ]
    for part, rep in reports.items():
        t = rep.tallies[ALL]
        out.append(
            f"| {part} | {pct(t.parse_ok, t.parse_n).strip()} (of {t.parse_n}) | {t.parse_wrong} "
            f"| {pct(t.found, t.labelled).strip()} (of {t.labelled}) "
            f"| {pct(t.correct, t.reported).strip()} (of {t.reported} reported) "
            f"| **{t.wrong}** | {t.lesser} |"
        )
    out += [
        "",
        "| family | parse accuracy | extraction recall | silent wrong |",
        "|---|---|---|---|",
    ]
    for f in families:
        ts = [rep.tallies[f] for rep in reports.values()]
        out.append(
            f"| {f} | "
            + " / ".join(pct(t.parse_ok, t.parse_n).strip() for t in ts)
            + " | "
            + " / ".join(pct(t.found, t.labelled).strip() for t in ts)
            + " | "
            + " / ".join(str(t.wrong + t.parse_wrong) for t in ts)
            + " |"
        )
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--part", choices=[*PARTS, "all"], default="all")
    ap.add_argument("--verbose", action="store_true", help="also list misses and lesser faults")
    ap.add_argument("--markdown", action="store_true", help="print docs/evaluation.md's tables")
    args = ap.parse_args(argv)
    commit = subprocess.run(
        ["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    print(f"aieco amounts evaluation — commit {commit or '?'}, Python {sys.version.split()[0]}")
    parts = PARTS if args.part == "all" else (args.part,)
    reports = {part: evaluate(part) for part in parts}
    if args.markdown:
        print(markdown_tables(reports))
        return 0
    for part, rep in reports.items():
        print_report(part, rep, args.verbose)
    return 0


if __name__ == "__main__":
    sys.exit(main())
