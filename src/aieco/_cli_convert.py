"""``aieco convert-data IN OUT``: convert a dataset between JSON and Parquet (internal)."""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path
from typing import Any

__all__ = ["add_command", "convert_data"]

_FORMATS = ("json", "parquet")


def add_command(command: Callable[[str, str], argparse.ArgumentParser]) -> None:
    """Register ``convert-data`` with the CLI's ``command(name, summary)`` helper."""
    sub = command("convert-data", "convert a dataset between JSON and Parquet (checked on the way)")
    sub.add_argument("source", metavar="IN", help="a dataset JSON file or Parquet folder")
    sub.add_argument("target", metavar="OUT", help="where to write (OUT.parquet: Parquet)")
    sub.add_argument(
        "--to",
        choices=_FORMATS,
        default=None,
        help="the format to write (default: Parquet when OUT ends in .parquet, else JSON)",
    )


def convert_data(args: argparse.Namespace) -> Any:
    """Read IN (checked like any load), write OUT; report what was written."""
    import aieco

    dataset = aieco.load(args.source)
    target = aieco.dump(dataset, args.target, format=args.to)
    kind = args.to or ("parquet" if Path(args.target).suffix == ".parquet" else "json")
    if args.json:
        return {"written": str(target), "format": kind, "records": len(dataset)}
    return [f"wrote {len(dataset):,} records to {target} ({kind})"]
