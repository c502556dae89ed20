"""extract_amounts_table: the mentions of many texts as an Arrow table or pandas DataFrame."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aieco import extract_amounts_table
from aieco.batch import COLUMNS, ERRORS, MAX_CHARS, mention_batches
from tests._mentions import corpus, error_rows, expected, mention_rows
from tests.test_amounts_robustness import near_misses, shaped_texts

pa = pytest.importorskip("pyarrow")
pc = pytest.importorskip("pyarrow.compute")


def test_same_mentions_as_extract_amounts_on_the_corpus() -> None:
    texts = corpus()
    table = extract_amounts_table(texts)
    assert table.column_names == ["index", *COLUMNS]
    records = table.to_pylist()
    assert mention_rows(records, "index") == expected(texts)
    assert error_rows(records, "index") == {}
    assert len(records) >= 8  # the sentences alone have 8


def test_floats_follow_the_exact_columns() -> None:
    for r in extract_amounts_table(corpus()).to_pylist():
        assert r["low_float"] == float(Decimal(r["low"]))
        assert r["high_float"] == float(Decimal(r["high"]))
        if r["value"] is None:
            assert Decimal(r["low"]) < Decimal(r["high"])
            assert r["value_float"] is None
        else:
            assert r["value"] == r["low"] == r["high"]
            assert r["value_float"] == r["low_float"]


@settings(deadline=None)
@given(
    texts=st.lists(
        st.one_of(near_misses, shaped_texts, st.text(max_size=30), st.none()), max_size=8
    ),
    batch_size=st.integers(1, 4),
)
def test_same_mentions_in_any_batching(texts: list[str | None], batch_size: int) -> None:
    ids = [f"t{i}" for i in range(len(texts))]
    batches = list(mention_batches(texts, ids, batch_size=batch_size, id_name="id"))
    records = pa.Table.from_batches(batches).to_pylist()
    assert mention_rows(records, "id") == expected(texts, ids)  # type: ignore[arg-type]
    assert error_rows(records, "id") == {
        ids[i]: "missing" for i, t in enumerate(texts) if t is None
    }
    # In the order of the texts, every text's error row or mentions together.
    positions = [int(r["id"][1:]) for r in records]
    assert positions == sorted(positions)


def test_bad_values_give_one_error_row_each_and_the_rest_is_read() -> None:
    big = "1,5 Mrd. € " * (50_000_000 // 11)  # 50 MB
    texts = [
        "5 Mio. €",
        None,
        float("nan"),
        b"5 Mio. \xe2\x82\xac",
        bytearray(b"x"),
        17,
        ["5 Mio. €"],
        big,
        "Umsatz 5 Mio. \ud800€",  # a lone surrogate
        "rund 1,5 Mrd. USD",
    ]
    table = extract_amounts_table(texts)
    records = table.to_pylist()
    assert error_rows(records, "index") == {
        1: "missing",
        2: "missing",
        3: "binary",
        4: "binary",
        5: "not_text",
        6: "not_text",
        7: "too_long",
        8: "invalid_text",
    }
    assert [r["text"] for r in records if r["error"] is None] == ["5 Mio. €", "rund 1,5 Mrd. USD"]
    assert [r["index"] for r in records] == [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]
    for r in records:
        if r["error"] is not None:
            assert r["error"] in ERRORS
            assert all(r[c] is None for c in COLUMNS if c != "error")
    skipped = table.filter(pc.is_valid(table["error"]))
    assert skipped.num_rows == 8


def test_max_chars_is_the_limit_of_text_length() -> None:
    text = "Es waren 5 Mio. €."
    table = extract_amounts_table([text, text], max_chars=len(text))
    assert table["error"].to_pylist() == [None, None]
    table = extract_amounts_table([text, text + " "], max_chars=len(text))
    assert table["error"].to_pylist() == [None, "too_long"]
    assert len(text) < MAX_CHARS


def test_ids_name_each_texts_rows() -> None:
    texts = ["5 Mio. €", "keine", "3 % und 4 %"]
    table = extract_amounts_table(texts, ids=["a", "b", "c"])
    assert table.column_names[0] == "id"
    assert table["id"].to_pylist() == ["a", "c", "c"]
    assert mention_rows(table.to_pylist(), "id") == expected(texts, ["a", "b", "c"])  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="ids has 2 values but texts has 3"):
        extract_amounts_table(texts, ids=["a", "b"])


def test_arrow_arrays_keep_their_id_type() -> None:
    texts = pa.chunked_array([["5 Mio. €", None], ["rund 3 Mrd. USD"]])
    table = extract_amounts_table(texts, ids=pa.array([10, 11, 12], pa.int32()))
    assert table.schema.field("id").type == pa.int32()
    assert table["id"].to_pylist() == [10, 11, 12]
    assert table["error"].to_pylist() == [None, "missing", None]
    binary = extract_amounts_table(pa.array([b"5 Mio. \xe2\x82\xac"], pa.binary()))
    assert binary["error"].to_pylist() == ["binary"]


def test_invalid_utf8_in_an_arrow_string_array_is_an_error_row() -> None:
    raw = pa.array([b"5 Mio. \xe2\x82\xac", b"\xff 5 Mio. \xe2\x82\xac"], pa.binary())
    texts = raw.view(pa.string())  # Arrow does not check the bytes here
    table = extract_amounts_table(texts)
    assert table["error"].to_pylist() == [None, "invalid_text"]


def test_pandas_in_and_out() -> None:
    pd = pytest.importorskip("pandas")
    series = pd.Series(["5 Mio. €", None, "3 %"], index=["x", "y", "z"])
    df = extract_amounts_table(series, output="pandas")
    assert list(df.columns) == ["index", *COLUMNS]
    assert df["index"].tolist() == ["x", "y", "z"]
    assert str(df["start"].dtype) == "int64[pyarrow]"
    assert df["error"].tolist()[1] == "missing"
    assert df["value"].dropna().map(Decimal).tolist() == [Decimal(5000000), Decimal(3)]


def test_empty_input_gives_an_empty_table_with_the_columns() -> None:
    table = extract_amounts_table([])
    assert table.num_rows == 0
    assert table.column_names == ["index", *COLUMNS]


def test_wrong_arguments_are_clear_errors() -> None:
    with pytest.raises(TypeError, match="not a single str"):
        extract_amounts_table("5 Mio. €")
    with pytest.raises(ValueError, match="output must be 'arrow' or 'pandas'"):
        extract_amounts_table(["x"], output="polars")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="locale"):
        extract_amounts_table(["x"], locale="xx_YY")
