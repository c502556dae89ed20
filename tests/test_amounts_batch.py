"""extract_amounts_many: the mentions of many texts as columns, the same as extract_amounts."""

from __future__ import annotations

import gc
import pickle
from decimal import Decimal
from pathlib import Path

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aieco import MentionColumns, Qualifier, extract_amounts, extract_amounts_many
from tests.test_amounts_robustness import LOCALES, near_misses, shaped_texts

# The five articles (in /work/shared/sources next to the repository or to its worktrees).
SOURCES = next(
    (
        d / "shared" / "sources"
        for d in Path(__file__).resolve().parents
        if (d / "shared" / "sources").is_dir()
    ),
    Path("shared/sources"),
)


def expected_rows(texts: list[str], locale: str, include_numbers: bool) -> list[tuple[object, ...]]:
    """What extract_amounts says, text by text, in the columns' row shape."""
    rows = []
    for i, text in enumerate(texts):
        for m in extract_amounts(text, locale=locale, include_numbers=include_numbers):
            a = m.amount
            rows.append(
                (i, m.start, m.end, m.text, a.low, a.high, a.unit, a.qualifier.value, a.value)
            )
    return rows


def column_rows(cols: MentionColumns) -> list[tuple[object, ...]]:
    """The columns' rows with the bounds read back as Decimal, and the point value."""
    return [
        (i, s, e, t, Decimal(lo), Decimal(hi), u, q, Decimal(lo) if cols.is_point(k) else None)
        for k, (i, s, e, t, lo, hi, u, q) in enumerate(cols.rows())
    ]


texts_lists = st.lists(
    st.one_of(
        near_misses,
        shaped_texts.map(lambda t: f"Es sind {t} gewesen."),
        st.text(max_size=40),
    ),
    max_size=6,
)


@settings(deadline=None)  # the first call loads a locale
@given(texts=texts_lists, locale=st.sampled_from(LOCALES), include=st.booleans())
def test_same_mentions_as_extract_amounts(texts: list[str], locale: str, include: bool) -> None:
    cols = extract_amounts_many(texts, locale=locale, include_numbers=include)
    assert column_rows(cols) == expected_rows(texts, locale, include)
    for i, s, e, t, lo, hi, _, _ in cols.rows():
        assert texts[i][s:e] == t
        assert "E" not in lo + hi  # positional notation, never an exponent
        assert Decimal(lo) <= Decimal(hi)


@pytest.mark.skipif(not SOURCES.is_dir(), reason="the five source articles are not there")
def test_articles_give_the_same_mentions() -> None:
    texts = [p.read_text(encoding="utf-8") for p in sorted(SOURCES.glob("*.txt"))]
    assert texts
    cols = extract_amounts_many(iter(texts))  # any iterable, read once
    assert len(cols) > 20
    assert column_rows(cols) == expected_rows(texts, "de_DE", False)


def test_columns_are_plain_values_that_pickle_back_equal() -> None:
    cols = extract_amounts_many(["rund vier Milliarden US-Dollar", "", "5–50 Mio. Euro"])
    assert list(cols.rows()) == [
        (0, 0, 30, "rund vier Milliarden US-Dollar", "4000000000", "4000000000", "USD", "approx"),
        (2, 0, 14, "5–50 Mio. Euro", "5000000", "50000000", "EUR", "exact"),
    ]
    assert [cols.is_point(0), cols.is_point(1)] == [True, False]
    assert pickle.loads(pickle.dumps(cols)) == cols
    assert {Qualifier(q) for q in cols.qualifier} == {Qualifier.APPROX, Qualifier.EXACT}


def test_columns_hold_nothing_the_garbage_collector_visits() -> None:
    # Only ints, strings and None: a corpus' worth of mentions that the garbage collector's
    # full collections never traverse, and that pickle as primitives.
    cols = extract_amounts_many(["rund 5–50 Mio. Euro", "Umsatz 1,5 Mrd. € (plus 3 %)"] * 3)
    assert len(cols) == 9
    values = [v for name in attrs.fields_dict(MentionColumns) for v in getattr(cols, name)]
    assert not [v for v in values if gc.is_tracked(v)]


def test_empty_input_gives_empty_columns() -> None:
    cols = extract_amounts_many([])
    assert len(cols) == 0
    assert cols == MentionColumns()


def test_a_non_string_is_a_type_error_naming_its_position() -> None:
    with pytest.raises(TypeError, match=r"texts\[1\] must be a str, not bytes"):
        extract_amounts_many(["5 €", b"5 \xe2\x82\xac"])  # type: ignore[list-item]
