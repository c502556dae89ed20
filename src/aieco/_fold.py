"""Case- and accent-insensitive keys for names (internal)."""

from __future__ import annotations

import re
import unicodedata

#: Unicode's default-ignorable code points (DerivedCoreProperties.txt): characters that show
#: nothing — zero-width space and joiners, bidi marks and isolates, soft hyphen, word joiner,
#: variation selectors, Hangul fillers, tags. A name of only these is empty; inside a name they
#: are folded away in lookups, so "Mis\u200btral" and "Mistral" are the same name.
INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0\ufff0-\ufff8"
    "\U0001bca0-\U0001bca3\U0001d173-\U0001d17a\U000e0000-\U000e0fff]"
)


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
