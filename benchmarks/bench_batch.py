"""Benchmarks for reading a news archive (run by hand; figures go to docs/performance.md).

    uv run python benchmarks/bench_batch.py [--mb 50] [--worker-mb 20] [--cli-mb 50,200]
        [--only one-core,processes,dask,spark,cli] [--priority] [--pin]

1. One core: ``extract_amounts_many(texts)`` and ``extract_amounts_table(texts)`` against
   ``[extract_amounts(t) for t in texts]`` (the Mentions collected), on the five articles
   repeated to ``--mb`` MB and on a dense synthetic corpus of the same size; interleaved
   rounds, best of each, wall and CPU time (goal: the batch API at least 1.5x as fast).
   A fourth side runs the engine's scan alone (``finder``): the bound of any batch form.
2. Two workers against one, side by side on the same corpus (``--worker-mb`` MB of articles):
   a ``ProcessPoolExecutor`` of 1 and of 2 processes mapping ``extract_amounts_many`` over
   chunks of texts, a Dask LocalCluster of 1 and of 2 worker processes (one thread each) over
   Parquet, Spark ``local[1]`` and ``local[2]`` (goal: at least 1.7x). Pool and cluster
   start-up and a first whole run (warm-up) are not timed. ``--worker-rounds`` interleaved
   rounds (3 by default); each side reports its best and median time, the pair the median
   and range of the per-round ratios, the CPU time of the whole process tree (what the
   second worker adds in work; split into the driver, the worker processes and the JVM) and
   the cores each run obtained (CPU / wall). On a shared machine run this part with
   ``--priority`` (as root: see `scheduling`; ``nice -n -20`` alone does not do it). Beside the
   processes, the same pools run a pure-Python loop of about the same CPU time in the same
   rounds: what two processes can gain on this machine at that moment (the ceiling).
3. ``aieco extract FOLDER --out x.parquet --jobs 2``: peak memory of the whole process tree
   (sampled every 50 ms from /proc: the sum of RSS, which counts shared libraries once per
   process, and the sum of PSS, which counts them once) for corpora of each ``--cli-mb`` size
   (goal: at most 500 MB for 1 GB, i.e. flat in corpus size).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import logging
import os
import platform
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path
from statistics import median

import aieco
import aieco.dask
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


def _prepare() -> None:
    """In each pool process as it starts: build the engine's tables (not timed)."""
    extract_amounts_many(["5 Mio. €"])


def _spin(n: int) -> int:
    """Pure-Python work with no input, output or memory to speak of: the machine's ceiling."""
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def _tree(me: int) -> Iterator[tuple[int, str]]:
    """Each live process of the tree under ``me`` (``me`` included) with its /proc stat line."""
    stack = [me]
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/stat") as f:
                stat = f.read()
            children = []
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as f:
                    children.extend(int(c) for c in f.read().split())
        except (FileNotFoundError, ProcessLookupError):
            continue
        yield p, stat
        stack.extend(children)


def tree_cpu(pid: int | None = None) -> dict[str, float]:
    """CPU seconds (user + system) of a process and all its live descendants, from /proc.

    Each process's own time plus that of the children it has reaped (``cutime``/``cstime``),
    so a worker that exits between two readings still counts once. The driver, the Dask
    scheduler and nannies, Spark's JVM and its Python workers all belong to this tree. The
    result maps ``"jvm"`` (Java processes), ``"driver"`` (this process) and ``"workers"`` (the
    other processes) to their CPU seconds.
    """
    tick = os.sysconf("SC_CLK_TCK")
    me = pid or os.getpid()
    out = {"driver": 0.0, "workers": 0.0, "jvm": 0.0}
    for p, stat in _tree(me):
        fields = stat.rsplit(")", 1)[1].split()
        seconds = sum(int(x) for x in fields[11:15]) / tick  # utime stime cutime cstime
        kind = "driver" if p == me else "jvm" if "(java)" in stat else "workers"
        out[kind] += seconds
    return out


#: The CPUs this benchmark may run on when it starts (`pin_tree` picks from them and restores them).
ALLOWED_CPUS = sorted(os.sched_getaffinity(0))


def pin_tree(cores: int | None) -> None:
    """Let this process and all its descendants, every thread of each, run on ``cores`` CPUs.

    ``None`` gives them back every CPU the benchmark started with (`ALLOWED_CPUS`). With
    ``--pin``, a side with n workers runs on the first n of those CPUs: on a 2-core machine one
    worker otherwise borrows the idle second core for the work beside its task (Spark's JVM
    compiles, collects garbage and feeds Arrow there; Dask's scheduler runs in the driver),
    so "one worker" would be measured on more than one core. Threads and processes started
    later inherit the setting from the thread that starts them.
    """
    cpus = set(ALLOWED_CPUS[:cores])
    for p, _ in _tree(os.getpid()):
        with contextlib.suppress(FileNotFoundError, ProcessLookupError):
            for task in os.listdir(f"/proc/{p}/task"):
                with contextlib.suppress(ProcessLookupError, FileNotFoundError):
                    os.sched_setaffinity(int(task), cpus)


class Sides:
    """Wall and process-tree CPU time of 1 and 2 workers over interleaved timed rounds.

    The report gives, for each side, the best and median wall time, and for the pair the
    ratio of the best times, the median of the per-round ratios (each round times 1 and 2
    workers one right after the other, under the same load) and their range. Beside it, the
    CPU time of the whole process tree (driver, workers, scheduler, JVM) shows what the second
    worker adds in work (``work``: CPU of 1 / CPU of 2, 1.00 when nothing is added), and
    CPU / wall how many cores each run obtained from the machine (2.00 at most).
    """

    pin = False  # set by --pin: each side runs on as many CPUs as it has workers

    def __init__(self) -> None:
        self.wall: dict[int, list[float]] = {1: [], 2: []}
        self.cpu: dict[int, list[dict[str, float]]] = {1: [], 2: []}

    def time(self, n: int, fn: object) -> object:
        if self.pin:
            pin_tree(n)
        cpu = tree_cpu()
        started = time.perf_counter()
        result = fn()  # type: ignore[operator]
        self.wall[n].append(time.perf_counter() - started)
        self.cpu[n].append({k: v - cpu[k] for k, v in tree_cpu().items()})
        if self.pin:
            pin_tree(None)
        return result

    def report(self, label: str, size: float) -> float:
        """Print the figures (``label`` names a side: "{n} worker(s)"); the median ratio."""
        totals = {n: [sum(c.values()) for c in self.cpu[n]] for n in (1, 2)}
        for n in (1, 2):
            wall, cpu = self.wall[n], totals[n]
            parts = ", ".join(
                f"{kind} {median([c[kind] for c in self.cpu[n]]):.2f}"
                for kind in ("driver", "workers", "jvm")
                if any(c[kind] >= 0.005 for c in self.cpu[n])
            )
            print(
                f"  {label.format(n=n):13s} best {min(wall):6.2f} s "
                f"({size / 1e6 / min(wall):5.1f} M chars/s), "
                f"median {median(wall):6.2f} s; CPU of the tree {median(cpu):6.2f} s "
                f"({parts}), cores obtained "
                f"{median([c / w for c, w in zip(cpu, wall, strict=True)]):.2f}"
            )
        ratios = [a / b for a, b in zip(self.wall[1], self.wall[2], strict=True)]
        work = median(totals[1]) / median(totals[2])
        print(
            f"  2 / 1: best {min(self.wall[1]) / min(self.wall[2]):.2f}x, per-round median "
            f"{median(ratios):.2f}x (range {min(ratios):.2f}-{max(ratios):.2f}x over "
            f"{len(ratios)} rounds); work 1/2 {work:.2f}"
        )
        return median(ratios)


def process_workers(mb: float, rounds: int) -> None:
    """1 and 2 worker processes, interleaved, beside the same for a pure-Python loop.

    The loop (`_spin`, in 16 equal tasks of about the same total CPU as the corpus) shows
    what two processes can gain on this machine at this moment: the ceiling of any engine.
    """
    from concurrent.futures import ProcessPoolExecutor

    texts = articles(mb)
    size = sum(map(len, texts))
    # Chunks of 64 texts (400 kB, some 30 ms of CPU): the driver spends 0.3 ms per chunk
    # handing it over (0.027 s of CPU for 20 MB; 0.08 s with chunks of 16), and the last
    # chunk idles the other process for 2-4 % of a two-process run at most.
    chunks = [texts[i : i + 64] for i in range(0, len(texts), 64)]
    print(f"\n## ProcessPoolExecutor, extract_amounts_many over chunks ({size / 1e6:.1f} M chars)")
    pools = {n: ProcessPoolExecutor(n, initializer=_prepare) for n in (1, 2)}
    engine, ceiling = Sides(), Sides()
    spin = [int(6e4 * mb)] * 16  # about the engine's CPU on the same corpus
    try:
        for n, pool in pools.items():  # start-up and a whole warm-up run: not timed
            list(pool.map(_chunk_mentions, chunks))
            list(pool.map(_spin, [10] * 4 * n))
        for _ in range(rounds):
            for n, pool in pools.items():
                rows = engine.time(
                    n, lambda p=pool: sum(len(c) for c in p.map(_chunk_mentions, chunks))
                )  # type: ignore[arg-type]
                ceiling.time(n, lambda p=pool: list(p.map(_spin, spin)))
    finally:
        for pool in pools.values():
            pool.shutdown()
    print(f"  extract_amounts_many ({rows:,} rows):")
    engine.report("{n} process(es)", size)
    print("  the ceiling: a pure-Python loop in the same pools, in the same rounds:")
    ceiling.report("{n} process(es)", size)


def dask_workers(folder: Path, size: int, rounds: int, config: dict[str, object]) -> None:
    """Dask LocalClusters of 1 and 2 workers, both up at once, timed in interleaved rounds.

    Both clusters are started and each runs the whole computation once before timing (the
    workers import pandas, pyarrow's Parquet reader and the engine and fill its memos then),
    so start-up and warm-up are excluded from both alike; each timed run reads the Parquet
    files and extracts the mentions in the workers, and sends back one count per partition.
    ``config`` is given to ``dask.config.set`` before the clusters start (their worker
    processes inherit it).
    """
    import dask
    import dask.dataframe as dd
    from distributed import Client, LocalCluster

    import aieco.dask

    print(f"\n## Dask LocalCluster, processes, 1 thread each ({size / 1e6:.1f} M chars)")
    if config:
        print(f"  dask.config: {config}")
    dask.config.set(config)
    sides = Sides()
    clusters = {
        n: LocalCluster(
            n_workers=n,
            threads_per_worker=1,
            dashboard_address=":0",  # any free port (None still takes 8787 and warns if taken)
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
        for _ in range(rounds):
            for n, client in clients.items():
                rows = sides.time(n, lambda c=client: int(counts.compute(scheduler=c).sum()))  # type: ignore[assignment]
        partitions = ddf.npartitions
    finally:
        for client in clients.values():
            client.close()
        for cluster in clusters.values():
            cluster.close()
    print(f"  {rows:,} rows, {partitions} partitions")
    sides.report("{n} worker(s)", size)


def spark_workers(folder: Path, size: int, rounds: int, conf: list[str], parts: int) -> None:
    """Spark ``local[1]`` and ``local[2]`` sessions in turn, each timed after a warm-up run.

    ``conf`` adds settings (``KEY=VALUE``), e.g. JVM options for the driver, which in local
    mode is also the executor.
    """
    from pyspark.sql import SparkSession

    import aieco.spark

    os.environ["PYSPARK_PYTHON"] = os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    print(f"\n## Spark local[1] vs local[2] ({size / 1e6:.1f} M chars){' '.join(['', *conf])}")
    sides = Sides()
    for _ in range(rounds):
        for n in (1, 2):
            builder = (
                SparkSession.builder.master(f"local[{n}]")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .config("spark.sql.files.maxPartitionBytes", str(max(size // parts, 1 << 20)))
            )
            for setting in conf:
                key, _, value = setting.partition("=")
                builder = builder.config(key, value)
            spark = builder.getOrCreate()
            spark.sparkContext.setLogLevel("ERROR")
            try:
                df = spark.read.parquet(str(folder))
                mentions = aieco.spark.extract_amounts(df, "body", id_column="article_id")
                mentions.write.format("noop").mode("overwrite").save()  # warm-up
                sides.time(n, lambda m=mentions: m.write.format("noop").mode("overwrite").save())
            finally:
                spark.stop()
    sides.report("local[{n}]", size)


def scheduling(raise_it: bool) -> str:
    """The priority this process runs at, after raising it to the highest with ``raise_it``.

    Linux ranks processes by their nice value only within one scheduling group; with the
    kernel's autogroups (``/proc/sys/kernel/sched_autogroup_enabled``) each session is a
    group, and the groups share the cores by their own nice value, so ``nice -n -20`` alone
    leaves a benchmark one group among several (on a 2-core machine with two other busy
    sessions, one process obtained 0.65 of a core at ``nice -n -20``). Raising (as root):
    the process starts a session of its own (a new group, which ends with it) and gives that
    group and itself nice -20; the workers, schedulers and JVMs it starts inherit both.
    """
    note = ""
    if raise_it:
        # A new session, hence a new autogroup for this process tree only (a session
        # leader cannot start one: then its group is the caller's).
        with contextlib.suppress(OSError):
            os.setsid()
        try:
            with open("/proc/self/autogroup", "w") as f:
                f.write("-20")
            os.setpriority(os.PRIO_PROCESS, 0, -20)
        except OSError as exc:
            note = f" (could not raise: {exc.strerror}; run as root)"
    try:
        with open("/proc/sys/kernel/sched_autogroup_enabled") as f:
            enabled = f.read().strip() == "1"
        with open("/proc/self/autogroup") as f:
            group = f.read().split("nice")[-1].strip()
    except OSError:
        enabled, group = False, "-"
    text = f"nice {os.getpriority(os.PRIO_PROCESS, 0)}"
    if enabled:
        text += f", autogroup nice {group}"
        if group == "0" and os.getpriority(os.PRIO_PROCESS, 0) < 0:
            text += " (so nice ranks it only within its own session: use --priority)"
    return text + note


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
    parser.add_argument("--worker-rounds", type=int, default=3)
    parser.add_argument("--cli-mb", default="50,200")
    parser.add_argument("--only", default="one-core,processes,dask,spark,cli")
    parser.add_argument(
        "--partitions",
        type=int,
        default=8,
        help="Parquet files of the Dask and Spark corpus, one partition each (default 8)",
    )
    parser.add_argument(
        "--dask-config",
        default="{}",
        metavar="JSON",
        help="settings for dask.config.set before the clusters start, as a JSON object, "
        "or 'lean' for aieco.dask.LEAN_CONFIG",
    )
    parser.add_argument(
        "--spark-conf",
        action="append",
        default=[],
        metavar="KEY=VALUE",
        help="a setting for the Spark sessions (repeatable)",
    )
    parser.add_argument(
        "--priority",
        action="store_true",
        help="as root: run at the highest priority against every other session (see "
        "scheduling()); for short two-worker runs on a shared machine only",
    )
    parser.add_argument(
        "--pin",
        action="store_true",
        help="run each two-worker side's whole process tree on as many CPUs as it has "
        "workers (see pin_tree); without it one worker may borrow the second core",
    )
    args = parser.parse_args()
    Sides.pin = args.pin
    parts = args.only.split(",")
    priority = scheduling(args.priority)
    print(
        f"aieco {aieco.__version__}, Python {platform.python_version()}, "
        f"{os.cpu_count()} cores, load average {os.getloadavg()}; {priority}"
        + ("; each side pinned to as many CPUs as it has workers" if args.pin else "")
    )
    if "one-core" in parts:
        one_core(args.mb, args.rounds)
    if "processes" in parts:
        process_workers(args.worker_mb, args.worker_rounds)
    with tempfile.TemporaryDirectory() as temp:
        folder = Path(temp) / "corpus"
        folder.mkdir()
        if "dask" in parts or "spark" in parts:
            size = write_parquet_corpus(args.worker_mb, folder, args.partitions)
            if "dask" in parts:
                config = (
                    aieco.dask.LEAN_CONFIG
                    if args.dask_config == "lean"
                    else json.loads(args.dask_config)
                )
                dask_workers(folder, size, args.worker_rounds, config)
            if "spark" in parts:
                spark_workers(folder, size, args.worker_rounds, args.spark_conf, args.partitions)
        if "cli" in parts:
            cli_memory([float(x) for x in args.cli_mb.split(",")], Path(temp))
    print(f"\nload average at the end: {os.getloadavg()}")


if __name__ == "__main__":
    main()
