"""`aieco.rounds._regex.starts`: a pattern asked only where a match may start, same matches."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from aieco.rounds import _lexicon as lx
from aieco.rounds._regex import finditer_at, leading_class, search_at, starts

#: The lexicon's patterns (as compiled, with their look-aheads) and some of other shapes.
PATTERNS = [
    v.pattern if isinstance(v, lx.Gated) else v
    for v in vars(lx).values()
    if isinstance(v, (re.Pattern, lx.Gated))
] + [
    leading_class(re.compile(p))
    for p in (
        r"\b(?:ab|ac|bd|b[ef]|ci|di+|e[a-d]?z|f(?=r)r|g\bh|hi)k|\bijk|(?<!a)jx*y",
        r"(?<=a)b|(?=c)cd|\bef|(?<!b)ba+",
        r"\b(?:(?P<day>[0-3]?\d)\.\s*)?(?:mai|juni)\s+(?P<year>(?:19|20)\d\d)\b",
        r"(?:ab|ba)(?P<x>)(?=[^.]{0,9}?c)|(?:b|c)a(?:a|b)",
    )
]
#: Each pattern that gets a finder, with it (worked out once).
FOUND = [(p, f) for p in PATTERNS if (f := starts(p)) is not None]

TEXT = st.text(alphabet="abcdefijkz012 .,-()äüß\nmaunrsetwvlhgAB;:\t", max_size=80)
NEWS = st.sampled_from(
    [
        "das berliner start-up parloa hat in einer series-c-runde 120 millionen dollar "
        "eingesammelt, angeführt von general catalyst",
        "beteiligt waren auch eqt ventures und newion.",
        "zu den investoren gehören unter anderem a und b; die runde führt x an",
        "x sammelt 12 mio. euro von a und b ein, die finanzierung leitet y",
        "mit beteiligung von a, b sowie c erhält das start-up 5 mio.",
    ]
)


def test_the_lexicon_has_finders() -> None:
    """The patterns `re` tries at every place get one; those it skips through by itself not."""
    assert lx.INVESTORS_BEFORE.finder is not None
    assert lx.LEAD_BEFORE.finder is not None
    assert starts(re.compile(r"abc|abd")) is None  # a fixed beginning: re finds it itself
    assert starts(re.compile(r"a|b")) is None  # re skips to a class of fixed characters
    assert starts(re.compile(r"\bx?|y", re.IGNORECASE)) is None
    assert starts(re.compile(r"^(?:ab|cd)e")) is None  # only at the start: nothing to find


@settings(max_examples=300, deadline=None)
@given(text=TEXT | NEWS | st.tuples(NEWS, TEXT).map("".join))
def test_same_matches(text: str) -> None:
    """`search_at` and `finditer_at` give what `search` and `finditer` give."""
    for pattern, finder in FOUND:
        found = search_at(pattern, finder, text)
        expected = pattern.search(text)
        assert repr(found) == repr(expected), pattern.pattern[:60]
        if found is not None:
            assert found.groups() == expected.groups()  # type: ignore[union-attr]
        assert [(m.span(), m.groups()) for m in finditer_at(pattern, finder, text)] == [
            (m.span(), m.groups()) for m in pattern.finditer(text)
        ], pattern.pattern[:60]


@settings(max_examples=100, deadline=None)
@given(text=TEXT | NEWS)
def test_gated_without_keys(text: str) -> None:
    """`Gated.finditer` with ``gated=False`` is the pattern's own finditer."""
    gated = lx.INVESTORS_BEFORE
    assert [m.span() for m in gated.finditer(text, gated=False)] == [
        m.span() for m in gated.pattern.finditer(text)
    ]
