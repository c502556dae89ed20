"""Read every amount in a corpus of German news texts on Dask and on Spark, into one table.

The script generates a corpus of German business news (company names, rounds, valuations,
ranges, hedges), stores it as Parquet like an archive would be, then reads it on a local Dask
cluster (two worker processes) with ``aieco.dask.extract_amounts`` and on a local Spark
session (``local[2]``) with ``aieco.spark.extract_amounts``, writes both mention tables as
Parquet and checks that they hold the same rows as ``aieco.extract_amounts`` per text. The
same code runs on a real cluster: see docs/scale.md.

Run it with ``uv run python examples/extract_corpus.py [--articles 2000] [--out DIR]``
(needs ``aieco[dask,spark]`` and Java 17 for Spark).
"""

from __future__ import annotations

import argparse
import logging
import os
import random
import shutil
import sys
import tempfile
import time
import warnings
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

import aieco

COMPANIES = ["Aleph Alpha", "Mistral AI", "DeepL", "Helsing", "Black Forest Labs", "Parloa"]
COMPANIES += ["n8n", "Langdock", "Quantum Systems", "Isar Aerospace", "Celonis", "Personio"]
HEDGES = ["", "", "rund ", "mehr als ", "fast ", "etwa ", "bis zu ", "knapp "]
SCALES = [" Mio.", " Millionen", " Mrd.", " Milliarden"]
UNITS = ["Euro", "€", "US-Dollar", "USD", "Dollar", "CHF"]
SENTENCES = [
    "{c} sammelt in einer neuen Finanzierungsrunde {a} ein.",
    "Das Münchner Start-up {c} wird dabei mit {a} bewertet.",
    "Investoren stecken {a} in {c}; der Umsatz lag zuletzt bei {b}.",
    "Der Markt für KI-Anwendungen wuchs im Jahr {y} um {p} Prozent.",
    "{c} plant Investitionen von {r} bis {y}.",
    "Die Bundesregierung stellt {a} für Rechenzentren bereit.",
    "Ein Sprecher von {c} wollte die Zahlen nicht kommentieren.",
    "Am {d}. März {y} kündigte {c} einen zweistelligen Millionenbetrag für Forschung an.",
    "Zum Vergleich: {c} hatte {y} noch {b} eingesammelt, also deutlich weniger.",
]


def amount(rng: random.Random) -> str:
    """A money expression: '1,5 Mrd. Euro', 'rund 300 Millionen US-Dollar', ..."""
    whole = rng.choice([1, 2, 3, 5, 12, 20, 40, 75, 120, 300, 500, 850])
    number = f"{whole},{rng.randint(1, 9)}" if rng.random() < 0.3 else str(whole)
    return f"{rng.choice(HEDGES)}{number}{rng.choice(SCALES)} {rng.choice(UNITS)}"


def article(rng: random.Random) -> str:
    """An article of 6 to 20 sentences."""
    sentences = []
    for _ in range(rng.randint(6, 20)):
        low = rng.choice([5, 10, 20, 50])
        sentences.append(
            rng.choice(SENTENCES).format(
                c=rng.choice(COMPANIES),
                a=amount(rng),
                b=amount(rng),
                y=rng.randint(2015, 2026),
                p=rng.randint(2, 40),
                d=rng.randint(1, 28),
                r=f"{low} bis {low * rng.choice([2, 3, 5])} Millionen Euro",
            )
        )
    return " ".join(sentences)


def write_corpus(path: Path, articles: int) -> pd.DataFrame:
    """The corpus as a Parquet file of (article_id, body), as a news archive might store it."""
    rng = random.Random(12)
    frame = pd.DataFrame(
        {
            "article_id": [f"a{i:06d}" for i in range(articles)],
            "body": [article(rng) for _ in range(articles)],
        }
    )
    pq.write_table(pa.Table.from_pandas(frame, preserve_index=False), path)
    return frame


def run_dask(corpus: Path, out: Path) -> pa.Table:
    """The mentions on a local Dask cluster of two worker processes, written to ``out``."""
    import dask
    import dask.dataframe as dd
    from distributed import Client, LocalCluster

    import aieco.dask

    with (
        dask.config.set(aieco.dask.LEAN_CONFIG),  # less background work on few cores
        LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            dashboard_address=":0",  # any free port (None still takes 8787 and warns if taken)
            # Older distributed releases (2024.8, the extra's floor) log a heartbeat ERROR from a
            # worker that outlives the scheduler by a moment at shutdown; a real failure still
            # raises in this process, and the table is checked against extract_amounts below.
            silence_logs=logging.CRITICAL,
        ) as cluster,
        Client(cluster),
    ):
        ddf = dd.read_parquet(corpus).repartition(npartitions=4)
        mentions = aieco.dask.extract_amounts(ddf, "body", id_column="article_id")
        mentions.to_parquet(out, write_index=False)
    return pq.read_table(out)


def run_spark(corpus: Path, out: Path) -> pa.Table | None:
    """The mentions on a local Spark session (``local[2]``), written to ``out``."""
    if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
        print("Spark: skipped, no Java on this machine (Spark needs Java 17)")
        return None
    from pyspark import SparkConf, SparkContext
    from pyspark.java_gateway import launch_gateway
    from pyspark.sql import SparkSession

    import aieco.spark

    # The Python workers must run this interpreter (where aieco is installed).
    os.environ["PYSPARK_PYTHON"] = os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    conf = (
        SparkConf()
        .setMaster("local[2]")
        .setAppName("aieco-extract-corpus")
        .set("spark.ui.enabled", "false")
        .set("spark.ui.showConsoleProgress", "false")
    )
    # The JVM's own log (and its Python workers' stderr) goes to a file next to the tables.
    with open(out.parent / "spark-jvm.log", "wb") as log:
        gateway = launch_gateway(conf, popen_kwargs={"stdout": log, "stderr": log})
        spark = SparkSession(SparkContext(conf=conf, gateway=gateway))
        try:
            df = spark.read.parquet(str(corpus)).repartition(4)
            mentions = aieco.spark.extract_amounts(df, "body", id_column="article_id")
            mentions.write.mode("overwrite").parquet(str(out))
        finally:
            spark.stop()
    return pq.read_table(out)


def rows(table: pa.Table) -> list[tuple[object, ...]]:
    """The mention rows of a table as sorted tuples (id, start, end, text, low, high, unit)."""
    columns = ["article_id", "start", "end", "text", "low", "high", "unit", "qualifier"]
    return sorted(tuple(r[c] for c in columns) for r in table.to_pylist() if r["error"] is None)


def reference(corpus: pd.DataFrame) -> list[tuple[object, ...]]:
    """What aieco.extract_amounts says, text by text, in the same row shape."""
    out = []
    for article_id, body in zip(corpus["article_id"], corpus["body"], strict=True):
        for m in aieco.extract_amounts(body):
            a = m.amount
            low, high = format(a.low, "f"), format(a.high, "f")
            out.append((article_id, m.start, m.end, m.text, low, high, a.unit, a.qualifier.value))
    return sorted(out)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300, help="how many (default 300)")
    parser.add_argument("--out", type=Path, help="keep the tables here (default: a temp dir)")
    args = parser.parse_args()
    warnings.filterwarnings("ignore", category=FutureWarning)  # pyspark about pandas 3
    with tempfile.TemporaryDirectory() as temp:
        out = args.out or Path(temp)
        out.mkdir(parents=True, exist_ok=True)
        corpus = write_corpus(out / "corpus.parquet", args.articles)
        size = corpus["body"].str.len().sum()
        print(f"corpus: {len(corpus)} articles, {size / 1e6:.1f} million characters")
        expected = reference(corpus)
        print(f"extract_amounts, text by text: {len(expected)} amounts")
        for name, runner in [("Dask", run_dask), ("Spark", run_spark)]:
            started = time.perf_counter()
            table = runner(out / "corpus.parquet", out / f"mentions-{name.lower()}.parquet")
            if table is None:
                continue
            seconds = time.perf_counter() - started
            found = table["error"].null_count  # rows without an error are mentions
            errors = table.num_rows - found
            same = "the same rows" if rows(table) == expected else "DIFFERENT rows"
            print(
                f"{name}: {found} amounts, {errors} errors, "
                f"{same} as extract_amounts ({seconds:.0f} s with start-up)"
            )
        largest = max(expected, key=lambda row: float(row[5]))  # type: ignore[arg-type]
        print(f"largest: {largest[3]!r} in {largest[0]} = {largest[5]} {largest[6]}")
        if args.out:
            print(f"tables written to {out}")


if __name__ == "__main__":
    main()
