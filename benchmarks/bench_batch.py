"""Benchmarks for reading a news archive (run by hand; figures go to docs/performance.md).

    uv run python benchmarks/bench_batch.py [--mb 50] [--worker-mb 20] [--cli-mb 50,200]
        [--only one-core,processes,dask,spark,cli]

1. One core: ``extract_amounts_many(texts)`` and ``extract_amounts_table(texts)`` against
   ``[extract_amounts(t) for t in texts]`` (the Mentions collected), on the five articles
   repeated to ``--mb`` MB and on a dense synthetic corpus of the same size; interleaved
   rounds, best of each, wall and CPU time (goal: the batch API at least 1.5x as fast).
   A fourth side runs the engine's scan alone (``finder``): the bound of any batch form.
2. Two workers against one, side by side on the same corpus (``--worker-mb`` MB of articles):
   a ``ProcessPoolExecutor`` of 1 and of 2 processes mapping ``extract_amounts_many`` over
   chunks of texts, a Dask LocalCluster of 1 and of 2 worker processes (one thread each) over
   Parquet, Spark ``local[1]`` and ``local[2]`` (goal: at least 1.7x). Pool and cluster
   start-up and the first (warm-up) run are not timed.
3. ``aieco extract FOLDER --out x.parquet --jobs 2``: peak memory of the whole process tree
   (sampled every 50 ms from /proc: the sum of RSS, which counts shared libraries once per
   process, and the sum of PSS, which counts them once) for corpora of each ``--cli-mb`` size
   (goal: at most 500 MB for 1 GB, i.e. flat in corpus size).
"""

from __future__ import annotations

import argparse
import logging
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aieco
from aieco import extract_amounts, extract_amounts_many, extract_amounts_table
from aieco.amounts._extract import scan
from aieco.money import in_exact_context

ROOT = Path(__file__).resolve().parents[1]
SOURCES = next(
    (d / "shared" / "sources" for d in ROOT.parents if (d / "shared" / "sources").is_dir()),
    ROOT / "shared" / "sources",
)
sys.path.insert(0, str(ROOT / "benchmarks"))

from bench_amounts import corpus as expressions  # noqa: E402


def articles(mb: float) -> list[str]:
    """The five source articles, repeated until the texts hold ``mb`` million characters."""
    base = [p.read_text(encoding="utf-8") for p in sorted(SOURCES.glob("*.txt"))]
    out: list[str] = []
    size = 0
    while size < mb * 1e6:
        for text in base:
            out.append(text)
            size += len(text)
    return out


def dense(mb: float) -> list[str]:
    """Short texts in which every sentence has an amount (the benchmark's expressions)."""
    rng = random.Random(7)
    exprs = expressions()
    fillers = ["Die Firma erhielt {}.", "Bewertet mit {} im Jahr 2024.", "Umsatz: {}; Gewinn: {}."]
    out: list[str] = []
    size = 0
    while size < mb * 1e6:
        text = " ".join(
            rng.choice(fillers).format(rng.choice(exprs), rng.choice(exprs)) for _ in range(20)
        )
        out.append(text)
        size += len(text)
    return out


def best_of(rounds: int, sides: dict[str, object]) -> dict[str, tuple[float, float]]:
    """The best wall time and the best CPU time of each side over ``rounds`` interleaved rounds.

    On a shared machine the CPU time (`time.process_time`) of a one-thread run moves less with
    the other load than the wall time does.
    """
    best = {name: (float("inf"), float("inf")) for name in sides}
    for _ in range(rounds):
        for name, fn in sides.items():
            cpu = time.process_time()
            started = time.perf_counter()
            fn()  # type: ignore[operator]
            wall, cpu = time.perf_counter() - started, time.process_time() - cpu
            best[name] = (min(best[name][0], wall), min(best[name][1], cpu))
    return best


@in_exact_context
def _finder_only(texts: list[str]) -> None:
    for text in texts:
        scan(text, "de_DE", False)


def one_core(mb: float, rounds: int) -> None:
    print(f"\n## One core ({mb:g} MB per corpus, best of {rounds} interleaved rounds)")
    for label, make in (("articles", articles), ("dense", dense)):
        texts = make(mb)
        size = sum(map(len, texts)) / 1e6
        extract_amounts_table(texts[:50])  # locale tables built and pyarrow imported before timing
        times = best_of(
            rounds,
            {
                "per-text": lambda t=texts: [extract_amounts(x) for x in t],
                "many": lambda t=texts: extract_amounts_many(t),
                "table": lambda t=texts: extract_amounts_table(t),
                "finder": lambda t=texts: _finder_only(t),
            },
        )
        count = len(extract_amounts_many(texts))
        print(f"{label}: {len(texts):,} texts, {size:.1f} M chars, {count:,} mentions")
        wall, cpu = times["per-text"]
        for name, (seconds, cpu_seconds) in times.items():
            print(
                f"  {name:9s} {seconds:7.2f} s  {size / seconds:6.1f} M chars/s  "
                f"speed {wall / seconds:4.2f}x per-text  (CPU {cpu_seconds:6.2f} s, "
                f"{cpu / cpu_seconds:4.2f}x)"
            )
    print(
        "  (finder: the engine's scan alone, no rows or objects built: the most any batch "
        "form can gain over per-text)"
    )


def write_parquet_corpus(mb: float, folder: Path, files: int = 8) -> int:
    import pandas as pd

    texts = articles(mb)
    per = -(-len(texts) // files)
    for i in range(files):
        part = texts[i * per : (i + 1) * per]
        ids = [f"a{i}-{k}" for k in range(len(part))]
        pd.DataFrame({"article_id": ids, "body": part}).to_parquet(folder / f"part-{i}.parquet")
    return sum(map(len, texts))


def _chunk_mentions(texts: list[str]) -> object:
    return extract_amounts_many(texts)


def process_workers(mb: float, rounds: int) -> None:
    from concurrent.futures import ProcessPoolExecutor

    texts = articles(mb)
    size = sum(map(len, texts))
    chunks = [texts[i : i + 64] for i in range(0, len(texts), 64)]
    print(f"\n## ProcessPoolExecutor, extract_amounts_many over chunks ({size / 1e6:.1f} M chars)")
    best: dict[int, float] = {1: float("inf"), 2: float("inf")}
    pools = {n: ProcessPoolExecutor(n) for n in (1, 2)}
    try:
        for n, pool in pools.items():  # start the processes and build the tables: not timed
            list(pool.map(_chunk_mentions, [["5 Mio. €"]] * 4 * n))
        for _ in range(rounds):
            for n, pool in pools.items():
                started = time.perf_counter()
                rows = sum(len(c) for c in pool.map(_chunk_mentions, chunks))  # type: ignore[arg-type]
                best[n] = min(best[n], time.perf_counter() - started)
    finally:
        for pool in pools.values():
            pool.shutdown()
    for n, seconds in best.items():
        speed = size / 1e6 / seconds
        print(f"  {n} process(es): {seconds:6.2f} s  {speed:5.1f} M chars/s, {rows:,} rows")
    print(f"  2 processes / 1 process: {best[1] / best[2]:.2f}x")


def dask_workers(folder: Path, size: int, rounds: int) -> None:
    """Dask LocalClusters of 1 and 2 workers, both up at once, timed in interleaved rounds.

    Both clusters are started and each runs the whole computation once before timing (the
    workers import pandas, pyarrow's Parquet reader and the engine and fill its memos then),
    so start-up and warm-up are excluded from both alike; each timed run reads the Parquet
    files and extracts the mentions in the workers, and sends back one count per partition.
    The workers' CPU time (all their threads) shows what a second worker adds in work, apart
    from what the machine's other load takes from the wall time.
    """
    import dask.dataframe as dd
    from distributed import Client, LocalCluster

    import aieco.dask

    print(f"\n## Dask LocalCluster, processes, 1 thread each ({size / 1e6:.1f} M chars)")
    best: dict[int, float] = {1: float("inf"), 2: float("inf")}
    clusters = {
        n: LocalCluster(
            n_workers=n,
            threads_per_worker=1,
            dashboard_address=None,
            silence_logs=logging.ERROR,
        )
        for n in (1, 2)
    }
    clients = {n: Client(cluster, set_as_default=False) for n, cluster in clusters.items()}
    try:
        ddf = dd.read_parquet(str(folder))
        mentions = aieco.dask.extract_amounts(ddf, "body", id_column="article_id")
        counts = mentions.map_partitions(len)
        for client in clients.values():  # start-up and a whole warm-up run: not timed
            rows = int(counts.compute(scheduler=client).sum())
        cpu: dict[int, float] = {}
        for _ in range(rounds):
            for n, client in clients.items():
                before = sum(client.run(time.process_time).values())
                started = time.perf_counter()
                rows = int(counts.compute(scheduler=client).sum())
                seconds = time.perf_counter() - started
                if seconds < best[n]:
                    best[n] = seconds
                    cpu[n] = sum(client.run(time.process_time).values()) - before
        partitions = ddf.npartitions
    finally:
        for client in clients.values():
            client.close()
        for cluster in clusters.values():
            cluster.close()
    for n, seconds in best.items():
        print(
            f"  {n} worker(s): {seconds:6.2f} s  {size / 1e6 / seconds:5.1f} M chars/s, "
            f"{rows:,} rows, {partitions} partitions; CPU of the workers {cpu[n]:.2f} s"
        )
    print(f"  2 workers / 1 worker: {best[1] / best[2]:.2f}x")


def spark_workers(folder: Path, size: int, rounds: int) -> None:
    from pyspark.sql import SparkSession

    import aieco.spark

    os.environ["PYSPARK_PYTHON"] = os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    print(f"\n## Spark local[1] vs local[2] ({size / 1e6:.1f} M chars)")
    best: dict[int, float] = {1: float("inf"), 2: float("inf")}
    for _ in range(rounds):
        for n in (1, 2):
            spark = (
                SparkSession.builder.master(f"local[{n}]")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.files.maxPartitionBytes", str(max(size // 8, 1 << 20)))
                .getOrCreate()
            )
            spark.sparkContext.setLogLevel("ERROR")
            try:
                df = spark.read.parquet(str(folder))
                mentions = aieco.spark.extract_amounts(df, "body", id_column="article_id")
                mentions.write.format("noop").mode("overwrite").save()  # warm-up
                started = time.perf_counter()
                mentions.write.format("noop").mode("overwrite").save()
                best[n] = min(best[n], time.perf_counter() - started)
            finally:
                spark.stop()
    for n, seconds in best.items():
        print(f"  local[{n}]: {seconds:6.2f} s  {size / 1e6 / seconds:5.1f} M chars/s")
    print(f"  local[2] / local[1]: {best[1] / best[2]:.2f}x")


def tree_memory(pid: int) -> tuple[int, int, int]:
    """Memory of a process and all its descendants, in bytes: (RSS sum, PSS sum, main RSS).

    The RSS sum counts the pages the processes share (the interpreter, pyarrow's libraries)
    once per process; the PSS sum (proportional set size, from /proc/PID/smaps_rollup) counts
    each shared page once in all, split among its sharers: what the tree really holds.
    """
    rss = pss = main = 0
    stack = [pid]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Rss:"):
                        rss += int(line.split()[1]) * 1024
                        if p == pid:
                            main = int(line.split()[1]) * 1024
                    elif line.startswith("Pss:"):
                        pss += int(line.split()[1]) * 1024
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    stack.extend(int(c) for c in f.read().split())
        except (FileNotFoundError, ProcessLookupError):
            continue
    return rss, pss, main


def cli_memory(sizes: list[float], workdir: Path) -> None:
    print("\n## aieco extract FOLDER --out x.parquet --jobs 2: peak RSS of the process tree")
    base = [p.read_text(encoding="utf-8") for p in sorted(SOURCES.glob("*.txt"))]
    for mb in sizes:
        folder = workdir / f"corpus-{mb:g}"
        folder.mkdir()
        size = count = 0
        while size < mb * 1e6:
            text = base[count % len(base)]
            sub = folder / f"{count // 1000:04d}"
            sub.mkdir(exist_ok=True)
            (sub / f"{count:07d}.txt").write_text(text, encoding="utf-8")
            size += len(text.encode("utf-8"))
            count += 1
        out = workdir / f"mentions-{mb:g}.parquet"
        cmd = [sys.executable, "-m", "aieco", "extract", str(folder), "--out", str(out)]
        started = time.perf_counter()
        child = subprocess.Popen([*cmd, "--jobs", "2", "--no-progress"], stderr=subprocess.PIPE)
        peak = [0, 0, 0]
        while child.poll() is None:
            peak = [max(a, b) for a, b in zip(peak, tree_memory(child.pid), strict=True)]
            time.sleep(0.05)
        seconds = time.perf_counter() - started
        summary = child.stderr.read().decode().strip() if child.stderr else ""
        print(
            f"  {size / 1e6:7.0f} MB in {count:,} files: peak {peak[0] / 1e6:5.0f} MB RSS "
            f"(PSS {peak[1] / 1e6:.0f} MB; the command alone {peak[2] / 1e6:.0f} MB RSS), "
            f"{seconds:5.1f} s ({size / 1e6 / seconds:.1f} MB/s); {summary}"
        )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mb", type=float, default=50)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--worker-mb", type=float, default=20)
    parser.add_argument("--worker-rounds", type=int, default=2)
    parser.add_argument("--cli-mb", default="50,200")
    parser.add_argument("--only", default="one-core,processes,dask,spark,cli")
    args = parser.parse_args()
    parts = args.only.split(",")
    print(
        f"aieco {aieco.__version__}, Python {platform.python_version()}, "
        f"{os.cpu_count()} cores, load average {os.getloadavg()}"
    )
    if "one-core" in parts:
        one_core(args.mb, args.rounds)
    if "processes" in parts:
        process_workers(args.worker_mb, args.worker_rounds)
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "corpus"
        folder.mkdir()
        if "dask" in parts or "spark" in parts:
            size = write_parquet_corpus(args.worker_mb, folder)
            if "dask" in parts:
                dask_workers(folder, size, args.worker_rounds)
            if "spark" in parts:
                spark_workers(folder, size, args.worker_rounds)
        if "cli" in parts:
            cli_memory([float(x) for x in args.cli_mb.split(",")], Path(temp))
    print(f"\nload average at the end: {os.getloadavg()}")


if __name__ == "__main__":
    main()
