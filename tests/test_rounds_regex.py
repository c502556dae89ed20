"""`aieco.rounds._regex.leading_class`: the same matches as the pattern it speeds up."""

from __future__ import annotations

import re
from re import _constants as sre  # the parsed form of a pattern, to read what it must match
from re import _parser as sre_parse
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from aieco.rounds import _lexicon as lx
from aieco.rounds._regex import any_word, leading_class

#: The look-aheads `leading_class` puts in front of a pattern's source: the first character,
#: then, for a pattern of many alternatives, the first three (or two) as a tree.
LOOK_AHEAD = re.compile(r"\(\?=\[(?:\\.|[^\]\\])*\]\)(?:\(\?=.*?\))?\(\?:(.*)\)", re.DOTALL)


def written(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """A pattern of the lexicon as it was before `leading_class`."""
    found = LOOK_AHEAD.fullmatch(pattern.pattern)
    return re.compile(found[1], pattern.flags) if found else pattern


#: Every pattern of the lexicon as written, and some of other shapes.
PATTERNS = [
    written(v.pattern if isinstance(v, lx.Gated) else v)
    for v in vars(lx).values()
    if isinstance(v, (re.Pattern, lx.Gated))
] + [
    re.compile(r"\b(?:(?P<day>[0-3]?\d)\.\s*)?(?:mai|juni)\s+(?P<year>(?:19|20)\d\d)\b"),
    re.compile(r"(?:a|b)?c|[x-z]+d"),
    re.compile(r"(?<=a)b|(?=c)cd|\bef"),
    re.compile(r"(?:a|)b|c*d"),
    # many first characters: a look-ahead for the first two too
    re.compile(r"\b(?:ab|ac|bd|b[ef]|ci|di+|e[a-d]?z|f(?=r)r|g\bh|hi)k|\bijk|(?<!a)jx*y"),
    re.compile(r"\b(?:ab|b|cd|de|ef|fg|gh|hi|ij|jk)l"),  # as many pairs as first letters
    # runs that give nothing back and atomic groups (Python 3.11)
    re.compile(r"(?<!\s)\s++[–—]\s+|,\s+(?=der)|(?>ab|a)c|b*+d", re.IGNORECASE),
    re.compile(r"(?>ab|a)bc|(?>xz*+)a|\bd++e"),
]

#: Each pattern and what `leading_class` makes of it (worked out once: it takes a while).
FASTER = [(pattern, leading_class(pattern)) for pattern in PATTERNS]

TEXT = st.text(alphabet="abcdefz01239 .,-()äüß\nmaijunrseiotwvlhgkABSÄ;:\t–\u2028", max_size=60)


def spans(pattern: re.Pattern[str], text: str, pos: int, endpos: int) -> list[object]:
    return [(m.span(), m.groupdict(), m.groups()) for m in pattern.finditer(text, pos, endpos)] + [
        repr(pattern.match(text, pos, endpos)),
        repr(pattern.fullmatch(text, pos, endpos)),
    ]


@settings(max_examples=300, deadline=None)
@given(text=TEXT, cut=st.tuples(st.integers(0, 60), st.integers(0, 60)))
def test_same_matches(text: str, cut: tuple[int, int]) -> None:
    pos, endpos = min(cut), max(cut)
    for pattern, faster in FASTER:
        assert spans(faster, text, pos, endpos) == spans(pattern, text, pos, endpos)


def test_same_matches_on_news() -> None:
    text = (
        "Das Berliner Start-up Parloa hat im Mai 2024 in einer Series-C-Runde 120 Millionen "
        "Dollar eingesammelt, angeführt von General Catalyst; beteiligt waren auch EQT "
        "Ventures und Newion. Zu den Investoren gehören zudem bestehende Geldgeber (A und B)."
    ).lower()
    for pattern in PATTERNS:
        assert spans(leading_class(pattern), text, 0, len(text)) == spans(
            pattern, text, 0, len(text)
        )


@pytest.mark.parametrize(
    "source",
    [
        r"runde",  # a fixed start: re skips ahead by itself
        r"[ab]c",  # a class at the start
        r"ab|cd",  # alternatives that each start with a fixed character
        r"\w+er",  # a category: the first characters are not listed
        r"(?:a|b)?",  # may match nothing
        r"[^a]b",  # a negated class
        r"^\s*(?:der|an)",  # anchored at the start: re tries the first place only
        r"\A(?:ab|cd)",
    ],
)
def test_unchanged(source: str) -> None:
    pattern = re.compile(source)
    assert leading_class(pattern) is pattern


def test_unchanged_ignorecase() -> None:
    pattern = re.compile(r"\b(?:ab|cd)", re.IGNORECASE)
    assert leading_class(pattern) is pattern


def test_lexicon_uses_it() -> None:
    assert lx.INVESTORS_BEFORE.pattern.pattern.startswith("(?=[")
    assert written(lx.INVESTORS_BEFORE.pattern) is not lx.INVESTORS_BEFORE.pattern


def test_changed() -> None:
    pattern = re.compile(r"\b(?:ab|cd)e")
    assert leading_class(pattern).pattern == r"(?=[ac])(?:\b(?:ab|cd)e)"


GATED = [v for v in vars(lx).values() if isinstance(v, lx.Gated)]
NEWS = st.text(alphabet="abdefgilmnorstuvzäü0129 .,-", max_size=80) | st.sampled_from(
    [
        "im mai 2024 sammelte x 120 mio. euro ein",
        "anfang 2019 bekam x 5 mio.",
        "bekam 2018 120 millionen",
        "am 3. juni 2021 erhielt x 20 mio.",
        "mit 120 mio. euro im jahr 20",
        # the keys of the gates on the words before an amount and of whom a clause is about
        "das start-up hat bereits ",
        "seit der gründung im jahr 2009 hat x damit ",
        "in den letzten jahren ",
        "hat insgesamt schon ",
        "bei einer post-money-bewertung von ",
        "einen wert von ",
        "valued at ",
        "in der früheren finanzierungsrunde",
        "die letzte finanzierungsrunde",
        "flossen in deutsche start-ups",
        "waren den aufstrebenden finanzfirmen",
        # the verbs of investing and of money that flows
        "x investiert 5 mio. in y",
        "x ist bei y eingestiegen",
        "x und y stiegen bei z ein.",
        "ein investment in höhe von 3 mio.",
        "in der runde flossen 9 mio.",
        "frisches kapital",
        "eine geldspritze",
    ]
)


@settings(max_examples=300, deadline=None)
@given(text=NEWS)
def test_gates_hide_no_match(text: str) -> None:
    """A gated pattern is run wherever it can match: its keys and its gate let every match in."""
    for gated in GATED:
        if gated.pattern.search(text) is not None:
            assert gated.search(text) is not None, gated.keys


#: At most this many strings are tried for a stretch of a pattern ("f[üu]hr(?:t|te)": four).
MAX_STRINGS = 64


def _strings(op: Any, av: Any) -> list[str] | None:
    """Every string one parsed item can match, if it is a short finite set, else None."""
    if op is sre.LITERAL:
        return [chr(av)]
    if op is sre.IN:
        chars: list[str] = []
        for kind, arg in av:
            if kind is sre.LITERAL:
                chars.append(chr(arg))
            elif kind is sre.RANGE and arg[1] - arg[0] < 8:
                chars += [chr(c) for c in range(arg[0], arg[1] + 1)]
            else:
                return None
        return chars
    if op is sre.SUBPATTERN:
        return _joined(av[-1], stop=False)
    if op is sre.BRANCH:
        out: list[str] = []
        for branch in av[1]:
            found = _joined(branch, stop=False)
            if found is None:
                return None
            out += found
        return out
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT) and (av[0], av[1]) == (0, 1):
        found = _joined(av[2], stop=False)
        return None if found is None else ["", *found]
    return None


def _joined(seq: Any, *, stop: bool) -> list[str] | None:
    """The strings a sequence matches (None if they are not few), or with ``stop`` its starts.

    With ``stop``: the strings its matches start with, as far as every item before is a short
    finite set.
    """
    out = [""]
    for op, av in seq:
        found = _strings(op, av)
        finite = found is not None
        if not finite and stop and op in (sre.SUBPATTERN, sre.BRANCH):
            branches = [av[-1]] if op is sre.SUBPATTERN else av[1]
            found = [s for b in branches for s in _starts(b)]
        if found is None or len(out) * len(found) > MAX_STRINGS:
            return out if stop else None
        out = [a + b for a in out for b in found]
        if not finite:  # the start of a stretch that goes on unknown
            return out
    return out


def _starts(seq: Any) -> list[str]:
    """The strings a sequence's matches start with (`_joined` with ``stop``: never None)."""
    found = _joined(seq, stop=True)
    assert found is not None
    return found


def _covered(seq: Any, keys: tuple[str, ...]) -> bool:
    """Whether every match of a parsed pattern puts one of ``keys`` into the searched text.

    Some stretch that every match has (its own characters, or a look-around's) holds a key in
    each of the strings it can be.
    """
    runs: list[list[str]] = []
    run = [""]
    for op, av in seq:
        found = _strings(op, av)
        if found is not None and len(run) * len(found) <= MAX_STRINGS:
            run = [a + b for a in run for b in found]
            continue
        if found is None and op in (sre.SUBPATTERN, sre.BRANCH):
            start = _starts([(op, av)])
            if len(run) * len(start) <= MAX_STRINGS:
                run = [a + b for a in run for b in start]
        runs.append(run)
        run = found if found is not None else [""]
    runs.append(run)
    if any(all(any(k in s for k in keys) for s in r) for r in runs if r != [""]):
        return True
    for op, av in seq:
        if op is sre.SUBPATTERN and _covered(av[-1], keys):
            return True
        if op is sre.BRANCH and all(_covered(b, keys) for b in av[1]):
            return True
        repeat = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
        if op in repeat and av[0] >= 1 and _covered(av[2], keys):
            return True
        if op is sre.ATOMIC_GROUP and _covered(av, keys):
            return True
        if op is sre.ASSERT and _covered(av[1], keys):  # a look-around's text is there too
            return True
    return False


@pytest.mark.parametrize("name", [name for name, v in vars(lx).items() if isinstance(v, lx.Gated)])
def test_gate_keys_let_every_match_in(name: str) -> None:
    r"""Every way a gated pattern can match holds one of its keys, read from the pattern.

    The keys are written by hand, and a key that is not in some match (" für " where the
    pattern has "\s+für\s", "an bord" for "an\s+bord", "befind" for "befand") hides that
    match on every text.
    """
    gated = getattr(lx, name)
    parsed = sre_parse.parse(gated.pattern.pattern, gated.pattern.flags)
    assert _covered(parsed, gated.keys), gated.keys


def test_the_key_reader_sees_a_gap() -> None:
    """The reader above fails a key that a match can lack, and passes one that it cannot."""

    def covered(pattern: str, *keys: str) -> bool:
        return _covered(sre_parse.parse(pattern), keys)

    assert not covered(r"an\s+bord", "an bord")
    assert covered(r"an\s+bord", "bord")
    assert not covered(r"bef(?:i|a)nd", "befind")
    assert covered(r"bef(?:i|a)nd(?:et)?", "befind", "befand")
    assert covered(r"(?:f[üu]hrt(?<!\wx)|leitet)\s+an", "führt", "fuhrt", "leitet")
    assert not covered(r"(?:f[üu]hrt(?<!\wx)|leitet)\s+an", "führt", "leitet")
    assert covered(r"x(?=.*?beteiligt)", "beteilig")
    assert not covered(r"\d+\s*euro|geld", "euro")


def test_spaces_and_signs_in_any_case() -> None:
    """With re.IGNORECASE, signs and spaces are listed; a letter leaves the pattern as it is."""
    signs = re.compile(r",\s+(?=der)|;\s+|\s+[–—]\s+|\s+sowie\s", re.IGNORECASE)
    assert leading_class(signs).pattern.startswith(r"(?=[\s,;])(?:")
    letters = re.compile(r"\bsowie|,\s+der", re.IGNORECASE)
    assert leading_class(letters) is letters


def test_runs_that_give_nothing_back() -> None:
    """Possessive runs and atomic groups are read for their first characters too."""
    runs = re.compile(r"(?<!\s)\s++[–—]\s+|;\s+|(?>,|:)\s", re.IGNORECASE)
    assert leading_class(runs).pattern.startswith(r"(?=[\s,:;])(?:")
    atomic = re.compile(r"(?>ab|c)d|\be*+f")
    assert leading_class(atomic).pattern.startswith("(?=[acef])(?:")
    assert lx.CLAUSE_OPENERS.pattern != leading_class(lx.CLAUSE_OPENERS).pattern


def test_first_characters() -> None:
    """A pattern of alternatives that start with many characters is tested on the first three."""
    many = re.compile(r"\babx|\bacx|\bbdx|\bbey|\bci|\bdi|\bez|\bfr|\bgh|\bhi|\bij")
    faster = leading_class(many)
    # a match may be two characters long: the first two
    assert faster.pattern.startswith("(?=[abcdefghi])(?=(?:a[bc]|b[de]|ci|di|ez|fr|gh|hi|ij))")
    assert spans(faster, "xx ad abx hik", 0, 13) == spans(many, "xx ad abx hik", 0, 13)
    assert faster.search("xx ad abx hik") is not None
    longer = re.compile(r"\babx|\bacx|\bbdx|\bbey|\bciz|\bdi\s|\bezz|\bfrz|\bghz|\bhiz|\bijz")
    assert leading_class(longer).pattern.startswith(
        r"(?=[abcdefghi])(?=(?:a(?:bx|cx)|b(?:dx|ey)|ciz|di[\s]|ezz|frz|ghz|hiz|ijz))"
    )
    # a match may be one character long: only the first is tested
    short = re.compile(r"\bab|\bb|\bcd|\bde|\bef|\bfg|\bgh|\bhi|\bij")
    assert leading_class(short).pattern.startswith("(?=[abcdefghi])(?:")
    # as many beginnings as first characters: a second look-ahead would not help
    few = re.compile(r"\bab|\bbc|\bcd|\bde|\bef|\bfg|\bgh|\bhi|\bij")
    assert leading_class(few).pattern.startswith("(?=[abcdefghi])(?:")
    # one group of words: re tests each by its first letter already
    group = re.compile(r"\b(?:ab|ac|bd|be|ci|di|ez|fr|gh|hi|ij)k")
    assert leading_class(group).pattern.startswith("(?=[abcdefghi])(?:")


def test_the_largest_patterns_get_more() -> None:
    for pattern in (lx.INVESTORS_BEFORE.pattern, lx.ROUND_TYPE.pattern, lx.NOT_A_ROUND):
        assert re.match(r"\(\?=\[[^\]]*\]\)\(\?=", pattern.pattern), pattern.pattern[:40]


@settings(max_examples=200, deadline=None)
@given(words=st.lists(st.text(alphabet="abcä -", min_size=1, max_size=4), max_size=8), text=TEXT)
def test_any_word(words: list[str], text: str) -> None:
    """`any_word` finds a word wherever one of them occurs, and only there."""
    pattern = any_word(words)
    for at in range(len(text) + 1):
        occurs = any(text.startswith(w, at) for w in words)
        assert (pattern.match(text, at) is not None) == occurs
