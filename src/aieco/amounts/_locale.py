"""Locale resolution for the amounts engine (internal).

A locale is always given explicitly, as a ``babel.Locale`` or a string such as ``"de_DE"`` (or
``"de-DE"``); it never comes from the environment.
"""

from __future__ import annotations

from typing import Any

from aieco.errors import UnsupportedLocale

#: The locales the engine has rules for, in the order error messages list them.
SUPPORTED: tuple[str, ...] = ("de_DE", "de_AT", "de_CH", "en_US", "en_GB")
_BY_KEY = {name.lower(): name for name in SUPPORTED}
_FAST = {name: name for name in SUPPORTED}


def resolve_locale(locale: Any) -> str:
    """The canonical name ("de_DE", ...) of a supported locale; UnsupportedLocale otherwise.

    Raises TypeError for something that is neither a ``str`` nor a ``babel.Locale``.
    """
    if isinstance(locale, str):
        name = _FAST.get(locale)
        if name is not None:
            return name
        given = locale
    else:
        from babel import Locale

        if not isinstance(locale, Locale):
            raise TypeError(f"locale must be a str or a babel.Locale, not {type(locale).__name__}")
        given = str(locale)
    name = _BY_KEY.get(given.strip().replace("-", "_").lower())
    if name is not None:
        return name
    language = given.strip().replace("-", "_").split("_")[0].lower()
    suggestions = [s for s in SUPPORTED if s.split("_")[0] == language]
    raise UnsupportedLocale(given, SUPPORTED, suggestions)
