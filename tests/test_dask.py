"""aieco.dask.extract_amounts on a distributed.LocalCluster (2 worker processes)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from aieco.batch import COLUMNS
from tests._mentions import corpus, error_rows, expected, mention_rows

dask = pytest.importorskip("dask", reason="dask is not installed (extra aieco[dask])")
dd = pytest.importorskip("dask.dataframe", reason="dask is not installed (extra aieco[dask])")
distributed = pytest.importorskip("distributed", reason="distributed is not installed")
pd = pytest.importorskip("pandas")

import aieco.dask  # noqa: E402


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """A client of a local cluster of two single-threaded worker processes, for the module.

    With `aieco.dask.LEAN_CONFIG` (no stack profiler, a slower watchdog and system monitor):
    the tables are the same, and the cluster's background work takes a fifth of the CPU on a
    machine the suite shares.
    """
    with (
        dask.config.set(aieco.dask.LEAN_CONFIG),
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=":0",  # any free port (None still takes 8787 and warns if taken)
            silence_logs=40,
        ) as cluster,
        distributed.Client(cluster) as c,
    ):
        yield c


def records(ddf: Any) -> list[dict[str, object]]:
    frame = ddf.compute()
    return [
        {k: (None if v is pd.NA else v) for k, v in row.items()}
        for row in frame.to_dict(orient="records")
    ]


def test_same_table_as_extract_amounts(client: Any) -> None:
    texts = corpus()
    ids = [f"doc-{i}" for i in range(len(texts))]
    ddf = dd.from_pandas(pd.DataFrame({"doc": ids, "body": texts}), npartitions=3)
    result = aieco.dask.extract_amounts(ddf, "body", id_column="doc")
    assert list(result.columns) == ["doc", *COLUMNS]
    assert str(result.dtypes["start"]) == "int64[pyarrow]"
    rows = records(result)
    assert mention_rows(rows, "doc") == expected(texts, ids)  # type: ignore[arg-type]
    assert error_rows(rows, "doc") == {}
    assert {w["nthreads"] for w in client.scheduler_info()["workers"].values()} == {1}
    assert len(client.scheduler_info()["workers"]) == 2


@pytest.mark.filterwarnings("ignore:Sending large graph")
def test_bad_rows_do_not_fail_the_computation(client: Any) -> None:
    texts = [
        "Es sind 5 Mio. €.",
        None,
        b"5 Mio. EUR",
        "5 Mio. € " * 5_600_000,  # 50 MB
        "5 Mio. \ud800€",
        "rund 3 Mrd. USD",
    ]
    frame = pd.DataFrame({"body": pd.Series(texts, dtype=object)})
    # Keep the object column as it is (Dask would turn every value into a string).
    with dask.config.set({"dataframe.convert-string": False}):
        ddf = dd.from_pandas(frame, npartitions=2, sort=False)
        rows = records(aieco.dask.extract_amounts(ddf, "body"))
    assert error_rows(rows, "index") == {
        1: "missing",
        2: "binary",
        3: "too_long",
        4: "invalid_text",
    }
    assert [(r["index"], r["text"]) for r in rows if r["error"] is None] == [
        (0, "5 Mio. €"),
        (5, "rund 3 Mrd. USD"),
    ]


def test_the_index_is_the_id_without_an_id_column(client: Any) -> None:
    frame = pd.DataFrame(
        {"body": ["5 Mio. €", "3 % und 4 %"]}, index=pd.Index(["a", "b"], name="k")
    )
    result = aieco.dask.extract_amounts(dd.from_pandas(frame, npartitions=1), "body")
    rows = records(result)
    assert [(r["k"], r["text"]) for r in rows] == [("a", "5 Mio. €"), ("b", "3 %"), ("b", "4 %")]


def test_wrong_columns_are_clear_errors() -> None:
    ddf = dd.from_pandas(pd.DataFrame({"body": ["x"], "end": [1]}), npartitions=1)
    with pytest.raises(ValueError, match="column 'text' is not a column"):
        aieco.dask.extract_amounts(ddf, "text")
    with pytest.raises(ValueError, match="clashes with an output column"):
        aieco.dask.extract_amounts(ddf, "body", id_column="end")
