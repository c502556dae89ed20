"""The amounts engine and round extraction do not depend on the caller's decimal context."""

from __future__ import annotations

import decimal
from collections.abc import Callable
from decimal import Decimal as D
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from aieco import (
    Source,
    extract_amounts,
    extract_amounts_many,
    parse_amount,
    parse_money,
    parse_number,
)
from aieco.rounds import extract_rounds, read_article
from tests.strategies import contexts
from tests.test_amounts_robustness import LOCALES, near_misses, shaped_texts

WORDS = ["zwei", "fünfzehn", "dreihundert", "eintausendeinhundert", "siebenundvierzig", "eine"]
SCALES = ["Millionen", "Milliarden", "Mio.", "Mrd.", "Tausend", "Billionen"]
UNITS = ["Euro", "€", "US-Dollar", "Prozent", "Franken", ""]


@st.composite
def figures(draw: st.DrawFn) -> str:
    """A German figure with up to 30 integer and 20 fraction digits, grouped or not."""
    whole = str(draw(st.integers(min_value=0, max_value=10**30 - 1)))
    if draw(st.booleans()):
        groups = []
        while whole:
            groups.insert(0, whole[-3:])
            whole = whole[:-3]
        whole = ".".join(groups)
    frac = draw(st.from_regex(r"[0-9]{0,20}", fullmatch=True))
    return f"{whole},{frac}" if frac else whole


@st.composite
def expressions(draw: st.DrawFn) -> str:
    """Sums of number words and scales, figures with cents, and lists of figures before a scale."""
    shape = draw(st.integers(0, 2))
    unit = draw(st.sampled_from(UNITS))
    if shape == 0:
        scales = draw(st.lists(st.sampled_from(SCALES), max_size=3))
        parts = [f"{draw(st.sampled_from(WORDS))} {scale}" for scale in scales]
        parts.append(draw(st.sampled_from([*WORDS, ""])))
        return " ".join(p for p in parts if p) + f" {unit}"
    if shape == 1:
        cents = draw(st.integers(0, 99))
        return f"{draw(figures())} {unit} und {cents} Cent"
    listed = draw(st.lists(figures(), min_size=1, max_size=3))
    last = draw(figures())
    return f"{', '.join(listed)} oder {last} {draw(st.sampled_from(SCALES))} {unit}"


def _outcome(function: Callable[..., Any], *args: Any, **kwargs: Any) -> object:
    """What ``function`` gives: its result, or the type and message of what it raised."""
    try:
        return function(*args, **kwargs)
    except Exception as exc:  # compared across contexts: any exception type must match too
        return (type(exc), str(exc))


def _everything(text: str, locale: str) -> list[object]:
    sentence = f"Das Start-up Aleph Alpha sammelt {text} ein. Der Umsatz lag bei {text}."
    return [
        _outcome(parse_amount, text, locale=locale),
        _outcome(parse_money, text, locale=locale),
        _outcome(parse_number, text, locale=locale),
        _outcome(extract_amounts, sentence, locale=locale, include_numbers=True),
        _outcome(extract_amounts_many, [text, sentence], locale=locale),
        _outcome(extract_rounds, sentence, locale=locale),
    ]


@settings(max_examples=300, deadline=None)
@given(
    text=expressions() | shaped_texts | near_misses,
    locale=st.sampled_from(LOCALES),
    context=contexts(),
)
def test_results_do_not_depend_on_the_decimal_context(
    text: str, locale: str, context: decimal.Context
) -> None:
    wanted = _everything(text, locale)
    with decimal.localcontext(context):
        got = _everything(text, locale)
    assert got == wanted


def test_the_reported_examples_under_prec_3() -> None:
    source = Source("beispiel", "Beispiel")
    article = "Das Kölner Start-up Aleph Alpha sammelt zwei Millionen fünfzehn Euro ein."
    with decimal.localcontext(prec=3):
        words = parse_amount("zwei Millionen fünfzehn Euro")
        cents = parse_amount("1.234.567 Euro und 45 Cent")
        listed = extract_amounts("Es geht um 1,2345, 2,3456 oder 3,4567 Mrd. Euro.")
        rounds = extract_rounds(article)
        draft = read_article(article, source=source)
    assert words.value == D(2000015)
    assert cents.value == D("1234567.45")
    assert [m.amount.value for m in listed] == [D("1234500000"), D("2345600000"), D("3456700000")]
    assert [r.amount.value for r in rounds if r.amount is not None] == [D(2000015)]
    assert [r.amount.value for r in draft.funding_rounds if r.amount is not None] == [D(2000015)]


#: The first use of the library inside a caller's narrow context that traps every signal.
_FIRST_USE_IN_A_TRAPPING_CONTEXT = r"""
import decimal
with decimal.localcontext() as c:
    c.prec = 3
    for signal in (decimal.Rounded, decimal.Inexact, decimal.Clamped, decimal.FloatOperation):
        c.traps[signal] = True
    import aieco
    amount = aieco.parse_amount("rund 1,25 Mio. €")
    mentions = aieco.extract_amounts("Lorka erhält 1.234.567,89 Euro und 2,5 Mrd. CHF.")
    text = aieco.format_amount(amount, locale="de_DE")
print(amount.value, [str(m.amount.value) for m in mentions], text)
"""


def test_first_use_inside_a_trapping_context() -> None:
    # aieco's modules are imported on first use (lazily), so their import-time constants must
    # be written without arithmetic: `Decimal(10) ** 6` in `_format` raised decimal.Rounded.
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, "-c", _FIRST_USE_IN_A_TRAPPING_CONTEXT],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.stderr == ""
    assert result.stdout == "1250000 ['1234567.89', '2500000000'] rund 1,25\u00a0Mio.\u00a0€\n"
