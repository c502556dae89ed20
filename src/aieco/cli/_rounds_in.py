"""The ``aieco rounds-in`` and ``aieco merge`` commands (internal).

``aieco rounds-in FILE|-`` prints the funding rounds a text reports (``--json`` for every field
with its evidence span) and with ``--out draft.json`` writes the draft dataset for review;
``--known base.json`` (or ``bundled``) links names to a dataset and lists the conflicts with it.
``aieco merge base.json draft.json`` shows what the draft adds; ``--out merged.json`` writes the
merged dataset.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import aieco
from aieco.cli import _cells
from aieco.cli._layout import MISSING_CELL, plural, table, terminal_width
from aieco.cli._text import read_input
from aieco.model import Source

if TYPE_CHECKING:  # the round extractor is imported when a command uses it, not at start-up
    from aieco.rounds import Draft, RoundMention, Span

__all__ = ["merge", "rounds_in"]

_NOT_ID = re.compile(r"[^a-z0-9_-]+")


def _dataset(name: str) -> aieco.Dataset:
    return aieco.load() if name == "bundled" else aieco.load(name)


def _source(args: argparse.Namespace, text: str, known: aieco.Dataset | None) -> Source:
    """The source the draft cites: the known one with this id, else one made from FILE."""
    where = "stdin" if args.file == "-" else Path(args.file).stem
    source_id = args.source_id or _NOT_ID.sub("-", where.lower()).strip("-_") or "article"
    if known is not None and args.title is None:
        found = [s for s in known.sources if s.id == source_id]
        if found:
            return found[0]
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    title = args.title or first[:200].strip() or where
    return Source(source_id, title)


def _span(span: Span | None) -> dict[str, Any] | None:
    return None if span is None else {"start": span.start, "end": span.end, "text": span.text}


def _round_json(mention: RoundMention) -> dict[str, Any]:
    unstructure = aieco.converter.unstructure
    return {
        "company": mention.company,
        "company_id": mention.company_id,
        "amount": unstructure(mention.amount),
        "other_amounts": [unstructure(a) for a in mention.other_amounts],
        "valuation": unstructure(mention.valuation),
        "valuation_basis": None
        if mention.valuation_basis is None
        else mention.valuation_basis.value,
        "round_type": mention.round_type.value,
        "leads": list(mention.leads),
        "investors": list(mention.investors),
        "participations": [
            {
                "name": p.name,
                "investor_id": p.investor_id,
                "lead": p.lead,
                "amount": unstructure(p.amount),
                "other_amounts": [unstructure(a) for a in p.other_amounts],
                "stake": unstructure(p.stake),
                "span": _span(p.span),
                "amount_span": _span(p.amount_span),
                "stake_span": _span(p.stake_span),
            }
            for p in mention.participations
        ],
        "announced": None if mention.announced is None else str(mention.announced),
        "start": mention.start,
        "end": mention.end,
        "spans": {
            "company": _span(mention.company_span),
            "amount": _span(mention.amount_span),
            "valuation": _span(mention.valuation_span),
            "round_type": _span(mention.round_type_span),
            "announced": _span(mention.announced_span),
        },
        "sentences": [_span(s) for s in mention.sentences],
    }


def rounds_in(args: argparse.Namespace) -> Any:
    """``aieco rounds-in FILE``: the rounds the text reports; ``--out`` writes the draft."""
    text = read_input(args.file)
    known = _dataset(args.known) if args.known else None
    draft: Draft = aieco.read_article(
        text, source=_source(args, text, known), known=known, locale=args.locale
    )
    if args.out:
        aieco.dump(draft, args.out)
    if args.json:
        return {
            "rounds": [_round_json(m) for m in draft.rounds],
            "conflicts": [
                {
                    "record_id": c.record_id,
                    "field": c.field,
                    "known": c.known,
                    "found": c.found,
                    "evidence": _span(c.evidence),
                }
                for c in draft.conflicts
            ],
            "draft": args.out,
        }
    where = "standard input" if args.file == "-" else args.file
    if not draft.rounds:
        lines = [f"no funding rounds in {where}"]
    else:
        rows = [
            (
                m.company,
                _cells.label(m.round_type),
                _cells.amount(m.amount, args.locale),
                _cells.amount(m.valuation, args.locale),
                ", ".join(m.leads) or MISSING_CELL,
                ", ".join(m.investors) or MISSING_CELL,
            )
            for m in draft.rounds
        ]
        lines = table(
            ["Company", "Type", "Amount", "Valuation", "Leads", "Investors"],
            rows,
            align="<<>><<",
            shrink=[True, False, False, False, True, True],
            width=terminal_width(),
        )
        lines += ["", f"{plural(len(draft.rounds), 'round', 'rounds')} in {where}"]
    if draft.conflicts:
        lines += ["", "Conflicts with the known dataset (not overwritten):"]
        lines += [f"  {c}" for c in draft.conflicts]
    if args.out:
        lines += [f"draft written to {args.out}: {_counts(draft)}"]
    return lines


def _counts(dataset: aieco.Dataset) -> str:
    return (
        f"{len(dataset.companies)} companies, {len(dataset.investors)} investors, "
        f"{len(dataset.funding_rounds)} funding rounds"
    )


def merge(args: argparse.Namespace) -> Any:
    """``aieco merge BASE DRAFT``: what the draft adds; ``--out`` writes the merged dataset."""
    base = _dataset(args.base)
    draft = aieco.load(args.draft)
    merged = base.merge(draft)
    kinds = ("sources", "companies", "investors", "funding_rounds", "policies")
    added = {
        kind: [
            r.id for r in getattr(merged, kind) if r.id not in {b.id for b in getattr(base, kind)}
        ]
        for kind in kinds
    }
    if args.out:
        aieco.dump(merged, args.out)
    if args.json:
        return {"added": added, "out": args.out}
    lines = [
        f"{kind.replace('_', ' ')}: {', '.join(ids) if ids else 'nothing new'}"
        for kind, ids in added.items()
    ]
    if args.out:
        lines.append(f"merged dataset written to {args.out}")
    else:
        lines.append("nothing written (a dry run); add --out FILE to write the merged dataset")
    return lines
