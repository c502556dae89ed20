"""aieco.spark.extract_amounts on a local Spark session (local[2]) against extract_amounts."""

from __future__ import annotations

import os
import shutil
import sys
from collections.abc import Iterator
from typing import Any

import pytest

from aieco.batch import COLUMNS
from tests._mentions import corpus, error_rows, expected, mention_rows

pytest.importorskip("pyspark", reason="pyspark is not installed (extra aieco[spark])")
pytest.importorskip("pyarrow", reason="pyarrow is not installed (extra aieco[spark])")
if shutil.which("java") is None and not os.environ.get("JAVA_HOME"):
    pytest.skip("Spark needs Java (no java on PATH and no JAVA_HOME)", allow_module_level=True)

from pyspark.sql import SparkSession
from pyspark.sql import functions as F

import aieco.spark


@pytest.fixture(scope="module")
def spark() -> Iterator[Any]:
    """One local Spark session for the module, its Python workers on this interpreter."""
    saved = {k: os.environ.get(k) for k in ("PYSPARK_PYTHON", "PYSPARK_DRIVER_PYTHON")}
    os.environ["PYSPARK_PYTHON"] = os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("aieco-tests")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .config("spark.driver.memory", "1g")
        .getOrCreate()
    )
    session.sparkContext.setLogLevel("ERROR")
    try:
        yield session
    finally:
        session.stop()
        for key, value in saved.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def records(df: Any) -> list[dict[str, object]]:
    return [row.asDict() for row in df.collect()]


def test_same_table_as_extract_amounts(spark: Any) -> None:
    texts = corpus()
    ids = [f"doc-{i}" for i in range(len(texts))]
    df = spark.createDataFrame(list(zip(ids, texts, strict=True)), "doc string, body string")
    result = aieco.spark.extract_amounts(df.repartition(2), "body", id_column="doc")
    schema = {f.name: f.dataType.simpleString() for f in result.schema.fields}
    assert list(schema) == ["doc", *COLUMNS]
    assert schema["start"] == "bigint"
    assert schema["low_float"] == "double"
    assert schema["low"] == "string"
    rows = records(result)
    assert sorted(mention_rows(rows, "doc")) == sorted(expected(texts, ids))  # type: ignore[arg-type]
    assert error_rows(rows, "doc") == {}


def test_bad_rows_do_not_fail_the_job(spark: Any) -> None:
    df = spark.createDataFrame(
        [(1, "Es sind 5 Mio. €."), (2, None), (3, "x"), (4, "rund 3 Mrd. USD")],
        "id long, body string",
    )
    # A 50 MB value made on the JVM side (row 3), sent to the Python worker like any other.
    df = df.withColumn(
        "body",
        F.when(F.col("id") == 3, F.repeat(F.lit("5 Mio. € "), 5_600_000)).otherwise(F.col("body")),
    )
    rows = records(aieco.spark.extract_amounts(df, "body", id_column="id"))
    assert error_rows(rows, "id") == {2: "missing", 3: "too_long"}
    assert sorted((r["id"], r["text"]) for r in rows if r["error"] is None) == [
        (1, "5 Mio. €"),
        (4, "rund 3 Mrd. USD"),
    ]


def test_a_binary_column_gives_error_rows(spark: Any) -> None:
    df = spark.createDataFrame([(bytearray(b"5 Mio. EUR"),)], "body binary").coalesce(1)
    rows = records(aieco.spark.extract_amounts(df, "body"))
    assert [(r["row_id"], r["error"]) for r in rows] == [(0, "binary")]


def test_without_an_id_column_each_row_gets_a_row_id(spark: Any) -> None:
    df = spark.createDataFrame([("5 Mio. €",), ("3 % und 4 %",)], "body string").coalesce(1)
    rows = records(aieco.spark.extract_amounts(df, "body"))
    assert [(r["row_id"], r["text"]) for r in rows] == [(0, "5 Mio. €"), (1, "3 %"), (1, "4 %")]


def test_wrong_columns_are_clear_errors(spark: Any) -> None:
    df = spark.createDataFrame([(1, "5 Mio. €")], "id long, body string")
    with pytest.raises(ValueError, match="column 'text' is not a column"):
        aieco.spark.extract_amounts(df, "text")
    with pytest.raises(ValueError, match="id_column 'start' is not a column"):
        aieco.spark.extract_amounts(df, "body", id_column="start")
    with pytest.raises(ValueError, match="locale"):
        aieco.spark.extract_amounts(df, "body", locale="fr_FR")
