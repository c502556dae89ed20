"""Score ``aieco.extract_rounds`` on the hand-labelled evaluation set (issue #13).

    uv run python benchmarks/eval_rounds.py --part dev            # figures
    uv run python benchmarks/eval_rounds.py --part dev --verbose  # plus every miss and error
    uv run python benchmarks/eval_rounds.py --part dev2           # second development part
    uv run python benchmarks/eval_rounds.py --part dev3           # third development part
    uv run python benchmarks/eval_rounds.py --part dev4           # fourth development part
    uv run python benchmarks/eval_rounds.py --part dev5           # fifth development part
    uv run python benchmarks/eval_rounds.py --part dev6           # sixth development part
    uv run python benchmarks/eval_rounds.py --part dev7           # seventh development part
    uv run python benchmarks/eval_rounds.py --part dev8           # eighth development part
    uv run python benchmarks/eval_rounds.py --part dev9           # ninth development part
    uv run python benchmarks/eval_rounds.py --part test --json    # figures as JSON

The data is tests/data/rounds_eval/{dev,dev2,...,dev9,test}.jsonl (format and labelling rules
in its README.md). Build and tune on ``dev``; report ``test`` (held out) without tuning on it.

What is measured, per part:

* **Round recall / precision.** Predicted rounds are matched to the gold rounds of the same text
  by company name; when a company has several gold rounds, a prediction with the right amount is
  preferred. For pairing, a predicted name that is the labelled name with descriptor words in
  front ("Robo-Advisor Scalable Capital") is enough; the ``company`` accuracy below then counts
  it as wrong. A gold round marked ``optional`` (a planned round, a bank loan, a round only
  implied) is never a miss, and a prediction matched to it is never a false positive.
* **Per-field accuracy** on the matched (required) rounds: company (the name exactly as
  labelled, after normalisation), amount, valuation, round_type, announced and leads, each
  compared exactly (a gold ``alt`` value is accepted too). Amounts compare low, high, unit and
  qualifier (Decimal equality, so "45400000" == "4.54E+7").
  Where a prediction has ``valuation_basis`` (PRE_MONEY, POST_MONEY, UNSTATED), its accuracy
  is reported too, on the matched rounds whose label has a valuation.
* **Investor-set F1**, micro-averaged over the matched rounds; names in ``investors_optional``
  are neither hits nor false positives.
* **Speed**: MB of UTF-8 text per second through ``extract_rounds``, one process, all texts of
  the part, repeated for at least one second (``--repeat`` passes at least).

Names are equal when they are equal after :func:`normalize_name`: Unicode NFKC, case folded, every
run of characters other than letters and digits as one space (so "Origin.Bio" = "origin bio",
"Dieter-von-Holtzbrinck-Ventures" = "dieter von holtzbrinck ventures"), a leading article
(der, die, das, den, dem, des) dropped, and trailing legal forms (GmbH, AG, SE, KG, Inc., Ltd.,
SA, B.V., Corp. ...) dropped. A gold company may list ``company_aliases``; a gold investor may be
a list of spellings. Nothing fuzzier: "Holtzbrinck Ventures" does not match "Dieter von
Holtzbrinck Ventures" unless the label lists both.

Each text is passed as ``extract_rounds(text, locale=...)`` with the locale of the publisher's
country (de_CH for Swiss, de_AT for Austrian, de_DE for German sources), or the one given with
``--locale``. An exception on a text is counted and reported; its text then yields no rounds.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import unicodedata
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

DATA = Path(__file__).resolve().parents[1] / "tests" / "data" / "rounds_eval"
LOCALE_BY_COUNTRY = {"DE": "de_DE", "AT": "de_AT", "CH": "de_CH"}
FIELDS = ("company", "amount", "valuation", "round_type", "announced", "leads")

_ARTICLES = {"der", "die", "das", "den", "dem", "des"}
_LEGAL_FORMS = {
    "gmbh",
    "mbh",
    "ag",
    "se",
    "kg",
    "kgaa",
    "ug",
    "co",
    "inc",
    "ltd",
    "llc",
    "plc",
    "corp",
    "corporation",
    "limited",
    "sa",
    "sas",
    "sarl",
    "bv",
    "nv",
    "ab",
    "oy",
    "spa",
    "srl",
}
_NON_WORD = re.compile(r"[\W_]+")


# --- names ------------------------------------------------------------------------------------


def normalize_name(name: str) -> str:
    """The form names are compared in (see the module docstring)."""
    words = _NON_WORD.sub(" ", unicodedata.normalize("NFKC", name).casefold()).split()
    if len(words) > 1 and words[0] in _ARTICLES:
        words = words[1:]
    while True:
        if len(words) > 2 and "".join(words[-2:]) in _LEGAL_FORMS:  # "N. V.", "B.V."
            words = words[:-2]
        elif len(words) > 1 and words[-1] in _LEGAL_FORMS:
            words = words[:-1]
        else:
            return " ".join(words)


def _spellings(entry: str | Sequence[str]) -> set[str]:
    """The normalised spellings of one gold name entry (a string or a list of spellings)."""
    return {normalize_name(entry)} if isinstance(entry, str) else {normalize_name(s) for s in entry}


def _match_names(
    predicted: Iterable[str],
    gold: Sequence[str | Sequence[str]],
    ignored: Sequence[str | Sequence[str]] = (),
) -> tuple[int, int, int]:
    """(hits, false positives, misses) of predicted names against gold entries.

    An optional name, like a gold one, is a string or a list of its spellings.
    """
    open_entries = [_spellings(entry) for entry in gold]
    ignore = set().union(*map(_spellings, ignored))
    hits = false = 0
    for name in dict.fromkeys(normalize_name(n) for n in predicted):  # each name once
        found = next((e for e in open_entries if name in e), None)
        if found is not None:
            open_entries.remove(found)
            hits += 1
        elif name not in ignore:
            false += 1
    return hits, false, len(open_entries)


# --- field values -----------------------------------------------------------------------------


def _amount_of(value: Any) -> dict[str, Any] | None:
    """A predicted Amount as a plain dict comparable with the gold labels (None stays None)."""
    if value is None:
        return None
    qualifier = getattr(value, "qualifier", None)
    return {
        "low": Decimal(value.low),
        "high": Decimal(value.high),
        "unit": value.unit,
        "qualifier": getattr(qualifier, "value", qualifier),
    }


def _gold_amount(value: dict[str, Any] | None) -> dict[str, Any] | None:
    if value is None:
        return None
    return {
        "low": Decimal(value["low"]),
        "high": Decimal(value["high"]),
        "unit": value["unit"],
        "qualifier": value["qualifier"],
    }


def _text_of(value: Any) -> str | None:
    """An enum, PartialDate or str as its string form (None stays None)."""
    if value is None:
        return None
    return str(getattr(value, "value", value))


def _basis_of(value: Any) -> str | None:
    """A predicted valuation basis as the labels write it: "pre", "post" or None (unstated)."""
    text = _text_of(value)
    return {"pre_money": "pre", "post_money": "post", "unstated": None}.get(text or "", text)


def _accepted(gold: dict[str, Any], field: str) -> list[Any]:
    """The gold value of a field and its accepted alternatives, in comparable form."""
    values = [gold[field], *gold["alt"].get(field, [])]
    if field in ("amount", "valuation"):
        return [_gold_amount(v) for v in values]
    return values


def _field_ok(pred: Any, gold: dict[str, Any], field: str) -> bool:
    if field == "company":
        return _company_exact(pred, gold)
    if field == "leads":
        _, false, misses = _match_names(getattr(pred, "leads", ()), gold["leads"])
        return false == 0 and misses == 0
    raw = getattr(pred, field, None)
    value = _amount_of(raw) if field in ("amount", "valuation") else _text_of(raw)
    return value in _accepted(gold, field)


def _company_exact(pred: Any, gold: dict[str, Any]) -> bool:
    """The predicted company is the labelled name (or an alias) after normalize_name."""
    return normalize_name(str(pred.company)) in _spellings(
        [gold["company"], *gold["company_aliases"]]
    )


def _company_ok(pred: Any, gold: dict[str, Any]) -> bool:
    """Exact, or the labelled name with descriptor words before it ("Robo-Advisor Scalable
    Capital" for Scalable Capital): enough to pair the rounds, counted against the company field."""
    words = normalize_name(str(pred.company)).split()
    for name in _spellings([gold["company"], *gold["company_aliases"]]):
        tail = name.split()
        if tail and words[-len(tail) :] == tail:
            return True
    return False


# --- matching ---------------------------------------------------------------------------------


def match_rounds(
    predicted: Sequence[Any], gold: Sequence[dict[str, Any]]
) -> tuple[list[tuple[dict[str, Any], Any]], list[dict[str, Any]], list[Any]]:
    """Pair predictions with gold rounds of one text: (pairs, unmatched gold, unmatched preds).

    Required gold rounds are served before optional ones; in a first pass a prediction must
    also have an accepted amount, in a second the company name alone decides.
    """
    order = [g for g in gold if not g["optional"]] + [g for g in gold if g["optional"]]
    free = list(predicted)
    pairs: list[tuple[dict[str, Any], Any]] = []
    for need_amount in (True, False):
        for g in order:
            if any(g is paired for paired, _ in pairs):
                continue
            for p in free:
                if _company_ok(p, g) and (not need_amount or _field_ok(p, g, "amount")):
                    pairs.append((g, p))
                    free.remove(p)
                    break
    unmatched = [g for g in order if not any(g is paired for paired, _ in pairs)]
    return pairs, unmatched, free


# --- running and scoring ----------------------------------------------------------------------


def load(part: str) -> list[dict[str, Any]]:
    with (DATA / f"{part}.jsonl").open(encoding="utf-8") as file:
        return [json.loads(line) for line in file]


def _locale(item: dict[str, Any], forced: str | None) -> str:
    return forced or LOCALE_BY_COUNTRY.get(item["source"].get("country") or "DE", "de_DE")


def _describe(r: Any) -> str:
    """One line for a gold dict or a predicted round."""
    get = r.get if isinstance(r, dict) else lambda k, d=None: getattr(r, k, d)
    amount = get("amount")
    if isinstance(amount, dict):
        amount = f"{amount['qualifier']} {amount['low']}-{amount['high']} {amount['unit']}"
    investors = ", ".join(str(i if isinstance(i, str) else i[0]) for i in get("investors", ()))
    return (
        f"{get('company')!r} amount={amount} valuation={get('valuation')} "
        f"type={_text_of(get('round_type'))} announced={_text_of(get('announced'))} "
        f"leads={list(get('leads', ()))} investors=[{investors}]"
    )


def evaluate(items: list[dict[str, Any]], extract: Any, locale: str | None, verbose: bool) -> dict:
    tp = fn = fp = fp_in_negative = errors = 0
    field_ok = dict.fromkeys(FIELDS, 0)
    basis_ok = basis_n = 0
    inv_hits = inv_false = inv_miss = 0
    for item in items:
        try:
            predicted = list(extract(item["text"], locale=_locale(item, locale)))
        except Exception as error:
            errors += 1
            predicted = []
            if verbose:
                print(f"[{item['id']}] ERROR {type(error).__name__}: {error}")
        pairs, missed, extra = match_rounds(predicted, item["rounds"])
        required_pairs = [(g, p) for g, p in pairs if not g["optional"]]
        missed = [g for g in missed if not g["optional"]]
        tp += len(required_pairs)
        fn += len(missed)
        fp += len(extra)
        fp_in_negative += len(extra) if item["negative"] else 0
        for g, p in required_pairs:
            for field in FIELDS:
                ok = _field_ok(p, g, field)
                field_ok[field] += ok
                if verbose and not ok:
                    print(
                        f"[{item['id']}] {field} wrong for {g['company']!r}: "
                        f"gold {_accepted(g, field) if field != 'leads' else g['leads']}, "
                        f"got {getattr(p, field, None)}"
                    )
            if g["valuation"] is not None and hasattr(p, "valuation_basis"):
                basis_n += 1
                basis_ok += _basis_of(p.valuation_basis) == g["valuation"]["basis"]
            h, f, m = _match_names(
                getattr(p, "investors", ()), g["investors"], g["investors_optional"]
            )
            inv_hits, inv_false, inv_miss = inv_hits + h, inv_false + f, inv_miss + m
            if verbose and (f or m):
                print(
                    f"[{item['id']}] investors differ for {g['company']!r}: gold "
                    f"{[e if isinstance(e, str) else e[0] for e in g['investors']]}, "
                    f"got {list(getattr(p, 'investors', ()))}"
                )
        if verbose:
            for g in missed:
                print(f"[{item['id']}] MISSED {_describe(g)}")
            for p in extra:
                print(f"[{item['id']}] FALSE POSITIVE {_describe(p)}")
    precision = tp / (tp + fp) if tp + fp else None  # nothing predicted: undefined
    inv_p = inv_hits / (inv_hits + inv_false) if inv_hits + inv_false else 1.0
    inv_r = inv_hits / (inv_hits + inv_miss) if inv_hits + inv_miss else 1.0
    return {
        "texts": len(items),
        "gold_rounds": tp + fn,
        "predicted_rounds": tp + fp,
        "matched": tp,
        "round_recall": tp / (tp + fn) if tp + fn else 1.0,
        "round_precision": precision,
        "false_positives_in_negative_texts": fp_in_negative,
        "field_accuracy": {f: (field_ok[f] / tp if tp else None) for f in FIELDS},
        "valuation_basis_accuracy": basis_ok / basis_n if basis_n else None,
        "investor_f1": 2 * inv_p * inv_r / (inv_p + inv_r) if inv_p + inv_r else 0.0,
        "investor_precision": inv_p,
        "investor_recall": inv_r,
        "errors": errors,
    }


def speed(items: list[dict[str, Any]], extract: Any, locale: str | None, repeat: int) -> float:
    """MB (10^6 bytes of UTF-8) of text per second through extract_rounds."""
    jobs = [(item["text"], _locale(item, locale)) for item in items]
    size = sum(len(text.encode("utf-8")) for text, _ in jobs)
    passes, elapsed = 0, 0.0
    while passes < repeat or elapsed < 1.0:
        start = time.perf_counter()
        for text, loc in jobs:
            try:
                extract(text, locale=loc)
            except Exception:
                continue
        elapsed += time.perf_counter() - start
        passes += 1
    return size * passes / elapsed / 1e6


def _print(part: str, figures: dict[str, Any], mb_per_s: float) -> None:
    pct = lambda x: "n/a" if x is None else f"{x:.3f}"  # noqa: E731
    print(
        f"part {part}: {figures['texts']} texts, {figures['gold_rounds']} gold rounds, "
        f"{figures['predicted_rounds']} predicted, {figures['matched']} matched"
    )
    print(f"  round recall     {pct(figures['round_recall'])}   (goal >= 0.85)")
    print(f"  round precision  {pct(figures['round_precision'])}   (goal >= 0.90)")
    for field, value in figures["field_accuracy"].items():
        goal = "   (goal >= 0.95)" if field == "amount" else ""
        print(f"  {field + ' accuracy':<20} {pct(value)}{goal}")
    if figures["valuation_basis_accuracy"] is not None:
        print(f"  {'valuation basis':<20} {pct(figures['valuation_basis_accuracy'])}")
    print(
        f"  investor-set F1  {pct(figures['investor_f1'])}   (goal >= 0.80; "
        f"P {pct(figures['investor_precision'])}, R {pct(figures['investor_recall'])})"
    )
    print(f"  false positives in negative texts: {figures['false_positives_in_negative_texts']}")
    print(f"  texts that raised: {figures['errors']}")
    print(f"  speed            {mb_per_s:.2f} MB/s   (goal >= 1 MB/s on one core)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--part",
        choices=("dev", "dev2", "dev3", "dev4", "dev5", "dev6", "dev7", "dev8", "dev9", "test"),
        default="dev",
    )
    parser.add_argument("--verbose", action="store_true", help="list misses, false positives")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--locale", help="pass this locale for every text (default: by country)")
    parser.add_argument("--repeat", type=int, default=3, help="minimum passes for the speed")
    args = parser.parse_args(argv)
    try:
        from aieco import extract_rounds
    except ImportError:
        print(
            "aieco.extract_rounds does not exist yet (issue #13); nothing to evaluate.",
            file=sys.stderr,
        )
        return 2
    items = load(args.part)
    figures = evaluate(items, extract_rounds, args.locale, args.verbose and not args.json)
    mb_per_s = speed(items, extract_rounds, args.locale, args.repeat)
    if args.json:
        print(json.dumps({"part": args.part, **figures, "mb_per_s": mb_per_s}, indent=2))
    else:
        _print(args.part, figures, mb_per_s)
    return 0


if __name__ == "__main__":
    sys.exit(main())
