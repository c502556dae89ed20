"""Case- and accent-insensitive keys for names (internal)."""

from __future__ import annotations

import re
import unicodedata

#: Unicode's default-ignorable code points (DerivedCoreProperties.txt): characters that show
#: nothing — zero-width space and joiners, bidi marks and isolates, soft hyphen, word joiner,
#: variation selectors, Hangul fillers, tags. A name of only these is empty; inside a name they
#: are folded away in lookups, so "Mis\u200btral" and "Mistral" are the same name.
_INVISIBLE_RANGES = (
    (0x00AD, 0x00AD), (0x034F, 0x034F), (0x061C, 0x061C), (0x115F, 0x1160), (0x17B4, 0x17B5),
    (0x180B, 0x180F), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F), (0x3164, 0x3164),
    (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0), (0xFFF0, 0xFFF8),
    (0x1BCA0, 0x1BCA3), (0x1D173, 0x1D17A), (0xE0000, 0xE0FFF),
)  # fmt: skip
INVISIBLE = re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in _INVISIBLE_RANGES) + "]")
_INVISIBLE_SMALL = frozenset(
    chr(c) for a, b in _INVISIBLE_RANGES if b - a < 100 for c in range(a, b + 1)
)
# The one large range, the tags (U+E0000-U+E0FFF), is tested by comparison.
((_TAGS_FIRST, _TAGS_LAST),) = ((chr(a), chr(b)) for a, b in _INVISIBLE_RANGES if b - a >= 100)


def is_invisible(char: str) -> bool:
    """Whether one character is in `INVISIBLE` (fast: a set and a range test)."""
    return char in _INVISIBLE_SMALL or _TAGS_FIRST <= char <= _TAGS_LAST


def fold(text: str) -> str:
    """The lookup key of ``text``: case-folded, without accents or invisible characters.

    Whitespace is collapsed. "Mistral AI", "mistral ai" and "MISTRAL  AI" share a key; so do
    "Aleph Alpha" and "Aléph Alpha", "Straße" and "STRASSE", and "Mistral" and "Mis\u200btral"
    (a zero-width space inside).
    """
    if text.isascii():
        return " ".join(text.lower().split())
    text = INVISIBLE.sub("", text)
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(unicodedata.normalize("NFC", stripped).split())
