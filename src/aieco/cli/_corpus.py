"""``aieco extract`` over many files or folders: one mention table, written as it is read.

::

    aieco extract corpus/ --format parquet --out mentions.parquet --jobs 4

Files are read in tasks of at most `TASK_BYTES` bytes (or `TASK_FILES` files) by
``--jobs`` worker processes; at most two tasks per worker are in flight, and each task's
mentions are written as soon as it is done, in the order of the files. Memory is therefore
bounded by a few tasks, not by the corpus. Every row's first column, ``file``, is the path as
found; the other columns are those of `aieco.extract_amounts_table`.
"""

from __future__ import annotations

import argparse
import codecs
import contextlib
import io
import json
import os
import sys
from collections import deque
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from aieco.batch import MAX_CHARS, Skip, mention_batches
from aieco.cli._errors import OptionError, not_text
from aieco.cli._output import quiet_stdout
from aieco.cli._progress import Progress

__all__ = ["run", "wants_table"]

#: A task (one unit of work for a worker process) holds at most this many bytes of text ...
TASK_BYTES = 4_000_000
#: ... and at most this many files.
TASK_FILES = 256
#: A UTF-8 character is at most 4 bytes: a larger file cannot be within max_chars.
_MAX_UTF8 = 4


def wants_table(args: argparse.Namespace) -> bool:
    """Whether the command writes a table (many files, a folder, --format or --out)."""
    files: list[str] = args.files
    return (
        args.format in ("csv", "jsonl", "parquet")
        or args.out is not None
        or len(files) > 1
        or (files[0] != "-" and os.path.isdir(files[0]))
    )


def _usage(option: str, message: str) -> Exception:
    return OptionError(option, message)


def _format(args: argparse.Namespace) -> str:
    if args.json or args.format == "table":
        option = "--json" if args.json and args.format is None else f"--format {args.format}"
        raise _usage(option, "writes one text's amounts; for a table use --format jsonl")
    if "-" in args.files:
        raise _usage("PATH", "standard input (-) can only be read alone, not with --format/--out")
    if args.format is not None:
        fmt: str = args.format
    elif args.out is not None:
        suffix = Path(args.out).suffix.lstrip(".").lower()
        fmt = {"parquet": "parquet", "pq": "parquet", "csv": "csv"}.get(suffix, "jsonl")
        if suffix not in ("parquet", "pq", "csv", "jsonl", "ndjson"):
            raise _usage("--out", f"cannot tell the format from {args.out!r}; give --format")
    else:
        fmt = "jsonl"
    if fmt == "parquet" and args.out is None:
        raise _usage("--format", "parquet is written to a file: give --out FILE")
    return fmt


def _paths(args: argparse.Namespace) -> list[tuple[str, int]]:
    """Every file to read with its size: files as given, folders' matching files sorted."""
    out: list[tuple[str, int]] = []
    for name in args.files:
        path = Path(name)
        if path.is_dir():
            # Names as strings, not Path objects: a Path costs some 600 bytes, and a corpus of
            # 160,000 files held them all (+100 MB resident after a 1 GB run). Sorted as
            # Paths sort: part by part (the separator sorts before every other character).
            found = sorted((str(p) for p in path.rglob(args.glob) if p.is_file()), key=_parts)
            out.extend((p, os.stat(p).st_size) for p in found)
        else:
            out.append((name, path.stat().st_size))  # a missing file: OSError, exit 1
    return out


def _parts(name: str) -> str:
    return name.replace(os.sep, "\0")


def _tasks(paths: list[tuple[str, int]]) -> Iterator[list[tuple[str, int]]]:
    task: list[tuple[str, int]] = []
    size = 0
    for item in paths:
        if task and (size + item[1] > TASK_BYTES or len(task) == TASK_FILES):
            yield task
            task, size = [], 0
        task.append(item)
        size += item[1]
    if task:
        yield task


def _read_task(
    task: list[tuple[str, int]],
    locale: str,
    include_numbers: bool,
    max_chars: int,
    encoding: str = "utf-8",
) -> tuple[list[Any], list[str], int]:
    """In a worker: the mention batches of some files, warnings about unreadable ones, bytes."""
    texts: list[object] = []
    warnings: list[str] = []
    for name, size in task:
        if size > _MAX_UTF8 * max_chars:
            texts.append(Skip("too_long"))  # not loaded: memory stays bounded
            continue
        try:
            with open(name, "rb") as handle:
                data = handle.read()
            texts.append(data.decode(encoding))
        except UnicodeDecodeError as exc:
            warnings.append(not_text(name, encoding, exc))
            texts.append(Skip("unreadable"))
        except OSError as exc:
            warnings.append(f"{name}: {exc.strerror or exc}")
            texts.append(Skip("unreadable"))
    import pyarrow

    batches = list(
        mention_batches(
            texts,
            [name for name, _ in task],
            locale=locale,
            include_numbers=include_numbers,
            max_chars=max_chars,
            batch_size=len(task),
            id_name="file",
            id_type=pyarrow.string(),
        )
    )
    return batches, warnings, sum(size for _, size in task)


class _Writer:
    """Writes record batches as Parquet, CSV or JSON lines, to a file (atomically) or stdout."""

    def __init__(self, fmt: str, out: str | None, schema: Any) -> None:
        self.fmt, self.out, self.schema = fmt, out, schema
        self.part = None if out is None else f"{out}.part"
        self.handle: IO[bytes] = (
            open(self.part, "wb")  # noqa: SIM115  # closed in close()
            if self.part is not None
            else getattr(sys.stdout, "buffer", None) or _TextSink(sys.stdout)  # type: ignore[assignment]
        )
        if self.part is None:
            sys.stdout.flush()
        self.inner: Any = None
        if fmt == "parquet":
            import pyarrow.parquet

            self.inner = pyarrow.parquet.ParquetWriter(self.handle, schema)
        elif fmt == "csv":
            import pyarrow.csv

            self.inner = pyarrow.csv.CSVWriter(self.handle, schema)

    def write(self, batch: Any) -> None:
        if self.inner is not None:
            self.inner.write_batch(batch)
            return
        lines = (json.dumps(row, ensure_ascii=False) + "\n" for row in batch.to_pylist())
        self.handle.write("".join(lines).encode("utf-8"))

    def close(self, ok: bool) -> None:
        try:
            if self.inner is not None:
                self.inner.close()
            self.handle.flush()
        finally:
            if self.part is not None:
                self.handle.close()
                if ok:
                    os.replace(self.part, self.out)  # type: ignore[arg-type]
                else:
                    with contextlib.suppress(OSError):
                        os.remove(self.part)


class _TextSink(io.RawIOBase):
    """Bytes written to a text stream that has no byte buffer (io.StringIO, a notebook's)."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream
        self.decoder = codecs.getincrementaldecoder("utf-8")()

    def writable(self) -> bool:
        return True

    def write(self, data: Any) -> int:
        self.stream.write(self.decoder.decode(bytes(data)))
        return len(data)

    def flush(self) -> None:
        self.stream.flush()


def run(args: argparse.Namespace) -> int:
    """Write the mention table of every file; a summary (and unreadable files) to stderr.

    Returns the exit status: 0, also when some files could not be read (they are error rows
    and warnings); 1 when the output pipe was closed.
    """
    fmt = _format(args)
    import pyarrow

    from aieco.batch import mention_schema

    paths = _paths(args)
    jobs = args.jobs or os.cpu_count() or 1
    show = args.progress if args.progress is not None else sys.stderr.isatty()
    progress = Progress(sum(size for _, size in paths), show, files=len(paths))
    writer = _Writer(fmt, args.out, mention_schema("file", pyarrow.string()))
    options = (args.locale, args.numbers, args.max_chars or MAX_CHARS, args.encoding)
    mentions = errors = 0
    ok = False
    try:
        tasks = list(_tasks(paths))
        jobs = min(jobs, len(tasks))  # no idle worker processes to start for a small corpus
        for task, (batches, warnings, nbytes) in _results(iter(tasks), options, jobs):
            for batch in batches:
                writer.write(batch)
                found = batch.column("error").null_count  # rows without an error: mentions
                mentions += found
                errors += batch.num_rows - found
            progress.advance(len(task), nbytes)
            for warning in warnings:
                progress.done()
                print(f"aieco: warning: {warning}", file=sys.stderr)
        ok = True
    except BrokenPipeError:  # aieco extract corpus/ | head
        quiet_stdout()
        return 1
    finally:
        progress.done()
        with contextlib.suppress(BrokenPipeError):
            writer.close(ok)
    where = f" to {args.out}" if args.out is not None else ""
    skipped = f", {errors:,} not read (error rows)" if errors else ""
    print(
        f"aieco: {mentions:,} amounts in {len(paths):,} files{skipped}, written{where} as {fmt}",
        file=sys.stderr,
    )
    return 0


def _results(
    tasks: Iterator[list[tuple[str, int]]], options: tuple[str, bool, int, str], jobs: int
) -> Iterator[tuple[list[tuple[str, int]], tuple[list[Any], list[str], int]]]:
    """Each task with its result, in order; at most two tasks per worker in flight."""
    if jobs <= 1:
        for task in tasks:
            yield task, _read_task(task, *options)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("spawn")  # no fork of a process with Arrow's threads
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context) as pool:
        pending: deque[tuple[list[tuple[str, int]], Any]] = deque()
        for task in tasks:
            pending.append((task, pool.submit(_read_task, task, *options)))
            if len(pending) >= 2 * jobs:
                done, future = pending.popleft()
                yield done, future.result()
        while pending:
            done, future = pending.popleft()
            yield done, future.result()
