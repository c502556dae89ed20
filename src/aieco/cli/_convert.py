"""``aieco convert-data IN OUT``: convert a dataset between JSON and Parquet (internal)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

__all__ = ["convert_data"]


def convert_data(args: argparse.Namespace) -> Any:
    """Read IN (checked like any load), write OUT; report what was written."""
    import aieco

    dataset = aieco.load(args.source)
    target = aieco.dump(dataset, args.target, format=args.to)
    kind = args.to or ("parquet" if Path(args.target).suffix == ".parquet" else "json")
    if args.json:
        return {"written": str(target), "format": kind, "records": len(dataset)}
    return [f"wrote {len(dataset):,} records to {target} ({kind})"]
