"""The one limit on every number that enters the model (internal; documented in docs/model.md).

A `Decimal` is accepted as a value of the model — by a constructor
(``Money``, ``Amount``), by the JSON reader, by the amounts parser and by the columnar loader —
only when it is **finite**, its magnitude is **below 10³⁰** and it has **at most 20 digits after
the decimal point**. So every accepted number has at most 50 significant digits, prints in
microseconds and survives any arithmetic aieco does exactly. The largest sums in the sources are
around 10¹² euros and the smallest a cent or a basis point: the limit leaves room for currencies
with tiny units (10¹⁵ rupiah) and for sums over many records, and refuses what can only be an
error or an attack (``"1E+999999999"``, whose ``str()`` takes seconds and gigabytes, or
``"1E-999999999"``, which formats as "0,00 €").

The limit is written in exponent terms so that it can be checked without looking at the digits:
``value.adjusted() < MAX_INTEGER_DIGITS`` and ``value.as_tuple().exponent >= -MAX_FRACTION_DIGITS``
(for zero as for any other value, so ``Decimal("0E+99")`` is refused too). A vectorised checker
uses the same two constants.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final

__all__ = [
    "LIMIT_TEXT",
    "MAX_FRACTION_DIGITS",
    "MAX_INTEGER_DIGITS",
    "MAX_SIGNIFICANT_DIGITS",
    "limit_problem",
    "within_limit",
]

#: Digits before the decimal point: every accepted value is below 10**MAX_INTEGER_DIGITS.
MAX_INTEGER_DIGITS: Final = 30
#: Digits after the decimal point: the last digit stands for at least 10**-MAX_FRACTION_DIGITS.
MAX_FRACTION_DIGITS: Final = 20
#: What the two limits together allow: at most this many significant digits.
MAX_SIGNIFICANT_DIGITS: Final = MAX_INTEGER_DIGITS + MAX_FRACTION_DIGITS
#: The limit in words, as error messages give it.
LIMIT_TEXT: Final = (
    f"a finite number below 10^{MAX_INTEGER_DIGITS} in magnitude "
    f"with at most {MAX_FRACTION_DIGITS} digits after the decimal point"
)


#: A finite value that ``str()`` writes positionally in at most this many characters is
#: within the limit: at most this many digits before the point (fewer than
#: MAX_INTEGER_DIGITS) and at least one digit and the point before its decimals.
_SHORT: Final = MAX_FRACTION_DIGITS + 2
assert _SHORT <= MAX_INTEGER_DIGITS


def within_limit(value: Decimal) -> bool:
    """Whether ``value`` (a Decimal) is within the limit: the one test of the rule.

    Constant time in the exponent, and in the common case one ``str()`` and no
    ``as_tuple()``: ``str()`` writes a finite value positionally exactly when its exponent
    is at most 0 and its adjusted exponent at least -6, with as many digits after the point
    as the exponent says, and otherwise with an exponent ("1.5E+9", or "1.5e+9" in a context
    with ``capitals=0``). So a value written without one in at most `_SHORT` characters
    (every sum a text reports, "12000000", "2.50") is within the limit from its length
    alone; for a longer one (an adjusted exponent from -6 to 29), the "+" of an exponent
    tells that it is positive, else the digits after the point count. Only a tiny value
    (adjusted exponent below -6, "1.5E-7") or one outside the limit asks more.

    ```pycon
    >>> within_limit(Decimal("1.5E+9")), within_limit(Decimal("1E-21"))
    (True, False)

    ```
    """
    if value.is_finite():
        text = str(value)
        if len(text) <= _SHORT and "E" not in text and "e" not in text:
            return True  # written positionally in few characters: the common case
        if -7 < value.adjusted() < MAX_INTEGER_DIGITS:
            after = text.partition(".")[2]
            return len(after) <= MAX_FRACTION_DIGITS or "+" in after
    if not value.is_finite() or value.adjusted() >= MAX_INTEGER_DIGITS:
        return False
    exponent = value.as_tuple().exponent  # a tiny value: few calls ever get here
    assert isinstance(exponent, int)
    return exponent >= -MAX_FRACTION_DIGITS


def limit_problem(value: Decimal) -> str | None:
    """Why ``value`` breaks the limit (a phrase for a message), or None when it is within it.

    Constant time whatever the value: only its exponent is looked at, never its digits
    (`within_limit` decides; this says which part of the limit a value breaks).

    ```pycon
    >>> limit_problem(Decimal("1.5E+9")) is None
    True
    >>> limit_problem(Decimal("1E+999999999"))[:40]
    'is too large: the limit is a finite numb'

    ```
    """
    if within_limit(value):
        return None
    if not value.is_finite():
        return f"is not a finite number: the limit is {LIMIT_TEXT}"
    if value.adjusted() >= MAX_INTEGER_DIGITS:
        return f"is too large: the limit is {LIMIT_TEXT}"
    return f"has too many digits after the decimal point: the limit is {LIMIT_TEXT}"
