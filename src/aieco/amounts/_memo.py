"""Memos bounded in bytes (internal).

The engine remembers a few pure sub-results per locale: what a tail such as " Mio. EUR" means,
what kind of word stands next to a figure, which letters glued to digits it can read. Running
text has an open vocabulary, so a memo that kept every new word would grow without end on a
news archive. A `Memo` keeps a running estimate of the bytes its entries hold (key, value and
the dict's own slot) and empties itself when the next entry would pass its budget; a key of
more than `KEY_CHARS` characters is never kept. The memos hold what is frequent again soon
after being emptied, and their memory stays below `MEMO_BYTES` each, whatever the text.
"""

from __future__ import annotations

from sys import getsizeof
from typing import Any, TypeVar

__all__ = ["KEY_CHARS", "MEMO_BYTES", "Memo", "remember"]

K = TypeVar("K")
V = TypeVar("V")

MEMO_BYTES = 1 << 20
"""The budget of one memo in bytes (1 MiB: some 5,000 words with what is known of them)."""

KEY_CHARS = 64
"""Keys longer than this many characters (all parts of a tuple key together) are not kept."""

_SLOT = 72
"""Bytes one entry costs the dict itself, beyond its key and value objects.

A CPython dict holds at most two thirds of its slots; each entry takes 24 bytes and each
slot an index of up to 4 bytes (8 past 2³¹ slots, far beyond any budget here). Just after the
table doubles, half the entries are free, so an entry costs at most 3 × 4 + 24 × 3 / 2 × 4 / 3
= 60 bytes; 72 leaves room for the dict's fixed header.
"""


def _size(obj: Any) -> int:
    """The bytes of ``obj`` and, for a tuple, of its items (one level: the memos' values)."""
    if type(obj) is tuple:
        return getsizeof(obj) + sum(map(getsizeof, obj))
    return getsizeof(obj)


def _chars(key: Any) -> int:
    if type(key) is tuple:
        return sum(len(part) for part in key if type(part) is str)
    return len(key)


class Memo(dict[K, V]):
    """A dict of pure sub-results that stays within a budget of bytes.

    Read it like a dict (``memo.get(key)``); add with `put`, which keeps the estimate of
    ``nbytes`` and empties the memo when the new entry would pass ``budget``.

    ```pycon
    >>> memo = Memo(budget=1000)
    >>> for i in range(100):
    ...     memo.put(f"word{i}", i)
    >>> 0 < memo.nbytes <= 1000 and len(memo) < 100
    True
    >>> memo.put("x" * 65, 1)  # a key longer than KEY_CHARS is not kept
    >>> "x" * 65 in memo
    False

    ```
    """

    __slots__ = ("budget", "nbytes")

    def __init__(self, budget: int = MEMO_BYTES) -> None:
        super().__init__()
        self.budget = budget
        self.nbytes = 0

    def put(self, key: K, value: V) -> None:
        """Remember ``value`` under ``key`` within the budget (long keys are not kept)."""
        # The common entry, a word and a plain value, is sized without a helper call: a
        # memo of new words is filled once per word of an open vocabulary.
        if isinstance(key, str):
            if len(key) > KEY_CHARS or key in self:
                return
            cost = _SLOT + getsizeof(key)
        else:
            if _chars(key) > KEY_CHARS or key in self:
                return
            cost = _SLOT + _size(key)
        cost += getsizeof(value)
        if type(value) is tuple:
            cost += sum(map(getsizeof, value))  # type: ignore[call-overload]  # `_size`, inlined
        if self.nbytes + cost > self.budget:
            self.clear()
            if cost > self.budget:
                return
        self[key] = value
        self.nbytes += cost

    def clear(self) -> None:
        """Forget every entry (and the byte count)."""
        super().clear()
        self.nbytes = 0

    def __reduce__(self) -> Any:
        # Pickled empty, like a cache: a memo is rebuilt where it is used.
        return (type(self), (self.budget,))


def remember(memo: Memo[Any, Any], key: Any, value: Any) -> None:
    """Store ``value`` in ``memo`` within its budget (see `Memo.put`)."""
    memo.put(key, value)
