"""How an enum member is written for a reader: ``Series G``, ``Pre-seed``, ``AI lab`` (internal).

The one definition of readable enum labels, used by the exports (categoricals), the HTML views
and the command line. A label is the member's value with underscores as spaces and the first
letter capitalised, except for the words in `_WORDS` (written as they are) and the
series letters (``series_g`` → ``Series G``).
"""

from __future__ import annotations

import enum
from functools import cache

__all__ = ["enum_label", "enum_labels", "evaluable_repr"]

#: Words written in a fixed form wherever they appear in a value.
_WORDS = {"ai": "AI", "pre": "Pre-", "eu": "EU", "approx": "about"}


@cache
def enum_label(member: enum.Enum) -> str:
    """The readable label of an enum member (``RoundType.SERIES_G`` → ``"Series G"``).

    ```pycon
    >>> from aieco.model import CompanyCategory, RoundType
    >>> enum_label(RoundType.SERIES_G), enum_label(RoundType.PRE_SEED)
    ('Series G', 'Pre-seed')
    >>> enum_label(CompanyCategory.AI_LAB)
    'AI lab'

    ```
    """
    words = str(member.value).split("_")
    if words[0] == "series" and len(words) == 2 and len(words[1]) == 1:
        return f"Series {words[1].upper()}"
    text = ""
    for word in words:
        text += ("" if not text or text.endswith("-") else " ") + _WORDS.get(word, word)
    return text[0].upper() + text[1:]


def enum_labels(cls: type[enum.Enum]) -> list[str]:
    """The labels of every member of ``cls``, in declaration order."""
    return [enum_label(member) for member in cls]


def evaluable_repr(member: enum.Enum) -> str:
    """An enum member's repr as the expression that gives it back (``Qualifier.APPROX``).

    Python's own repr (``<Qualifier.APPROX: 'approx'>``) is not Python, so the repr of a record
    or an amount holding one could not be evaluated. Every model enum uses this as its
    ``__repr__``; ``str()`` and the value are unchanged.

    ```pycon
    >>> from aieco.model import RoundType
    >>> RoundType.SERIES_G
    RoundType.SERIES_G

    ```
    """
    return f"{type(member).__name__}.{member.name}"
