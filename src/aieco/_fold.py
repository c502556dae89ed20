"""Case- and accent-insensitive keys for names (internal)."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """The lookup key of ``text``: case-folded, accents stripped, whitespace collapsed.

    "Mistral AI", "mistral ai" and "MISTRAL  AI" share a key; so do "Aleph Alpha" and
    "Aléph Alpha", and "Straße" and "STRASSE".
    """
    if text.isascii():
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(unicodedata.normalize("NFC", stripped).split())
