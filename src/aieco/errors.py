"""The exceptions aieco raises, all in one place.

Every error is an `AiecoError` *and* the fitting built-in, so callers can catch either::

    AiecoError
    ├── ParseError(AiecoError, ValueError)       text that is not an amount
    ├── ValidationError(AiecoError, ValueError)  a value or JSON document that breaks the model
    ├── CurrencyMismatch(AiecoError, ValueError) arithmetic across currencies without conversion
    ├── ConversionError(AiecoError, ValueError)  no exchange rate for a currency or day
    ├── UnsupportedLocale(AiecoError, ValueError) a locale the amounts engine does not read
    └── NotFound(AiecoError, LookupError)        a key that names no record

All of them pickle, so they cross process boundaries (multiprocessing, Dask, Spark) intact.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

import attrs

__all__ = [
    "MISSING",
    "AiecoError",
    "ConversionError",
    "CurrencyMismatch",
    "NotFound",
    "ParseError",
    "Problem",
    "ProblemList",
    "UnsupportedLocale",
    "ValidationError",
]


class AiecoError(Exception):
    """Base class of every error aieco raises on purpose."""


class ParseError(AiecoError, ValueError):
    """Text that cannot be read as the expression asked for.

    Attributes:
        text: The whole input.
        position: The 0-based index in ``text`` where reading failed.
        expected: What would have been accepted there.
        suggestions: Readings the caller may have meant (possibly empty).
    """

    def __init__(
        self,
        message: str,
        *,
        text: str,
        position: int,
        expected: str | None = None,
        suggestions: Sequence[str] = (),
    ) -> None:
        self.message = message
        self.text = text
        self.position = position
        self.expected = expected
        self.suggestions = tuple(suggestions)
        super().__init__(self._render())

    def _render(self) -> str:
        shown = _shorten(self.text, 80)
        parts = [f"{_shorten(self.message, 200)} at position {self.position} in {shown!r}"]
        if self.expected:
            parts.append(f"expected {self.expected}")
        if self.suggestions:
            parts.append("did you mean " + " or ".join(repr(s) for s in self.suggestions) + "?")
        return "; ".join(parts)

    def __reduce__(self) -> tuple[Any, ...]:
        return (
            _rebuild,
            (
                type(self),
                (self.message,),
                {
                    "text": self.text,
                    "position": self.position,
                    "expected": self.expected,
                    "suggestions": self.suggestions,
                },
            ),
        )


class _Missing:
    """The value of a required field that is absent."""

    def __repr__(self) -> str:
        return "(missing)"

    def __reduce__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


@attrs.frozen
class Problem:
    """One reason a value was rejected.

    ``path`` is a JSON path (``$.participants[0].stake.unit``) when the value came from a
    document, or a dotted field path (``Participation.stake``) when it was constructed in Python.
    """

    path: str
    value: Any
    expected: str

    def __str__(self) -> str:
        return f"{_shorten(self.path, 200)}: {_short_repr(self.value)} {self.expected}"


#: At most this many problems are shown by ``str(ValidationError)``; the rest are counted.
SHOWN_PROBLEMS = 100
#: At most this many problems are kept by a `ProblemList`; the rest are counted.
KEPT_PROBLEMS = 1000


class ProblemList(list[Problem]):
    """A list of problems that keeps the first `KEPT_PROBLEMS` and counts the rest.

    A document with a million bad items must not make a million Problem objects or a message
    of a hundred megabytes; ``more`` is how many were found but not kept.
    """

    def __init__(self, problems: Iterable[Problem] = (), more: int = 0) -> None:
        super().__init__()
        self.more = more
        for problem in problems:
            self.append(problem)

    def append(self, problem: Problem) -> None:
        """Keep ``problem`` if fewer than KEPT_PROBLEMS are kept, else count it."""
        if len(self) < KEPT_PROBLEMS:
            super().append(problem)
        else:
            self.more += 1

    def extend(self, problems: Iterable[Problem]) -> None:
        """Append each problem (and add the ``more`` of another ProblemList)."""
        for problem in problems:
            self.append(problem)
        self.more += getattr(problems, "more", 0)


class ValidationError(AiecoError, ValueError):
    """A value, record or JSON document that breaks the model's rules.

    ``problems`` lists the problems found, each with its path, the bad value and what was
    allowed; ``str()`` shows them one per line — the first `SHOWN_PROBLEMS`, then how many
    more there are. ``more`` counts problems found but not kept (see `ProblemList`), so
    ``len(problems) + more`` is how many there were.
    """

    def __init__(self, problems: Sequence[Problem] | str, more: int = 0) -> None:
        if isinstance(problems, str):
            self.problems: tuple[Problem, ...] = ()
            self._message: str | None = problems
        else:
            self.problems = tuple(problems)
            self._message = None  # rendered on first str(): cheap to raise and catch
        self.more = more + getattr(problems, "more", 0)
        super().__init__(problems if isinstance(problems, str) else self.problems)

    def __str__(self) -> str:
        if self._message is None:
            lines = [str(p) for p in self.problems[:SHOWN_PROBLEMS]]
            hidden = len(self.problems) - len(lines) + self.more
            if hidden:
                lines.append(
                    f"... and {hidden} more problem{'s' if hidden != 1 else ''} "
                    f"({len(lines)} of {len(lines) + hidden} shown)"
                )
            self._message = "\n".join(lines)
        return self._message

    def __reduce__(self) -> tuple[Any, ...]:
        if self.problems:
            return (_rebuild, (type(self), (self.problems, self.more), {}))
        return (_rebuild, (type(self), (str(self),), {}))


class CurrencyMismatch(AiecoError, ValueError):
    """Arithmetic or comparison between two different currencies.

    Convert one side first with `aieco.convert`.
    """


class ConversionError(AiecoError, ValueError):
    """A currency conversion that has no reference rate (unknown currency, date out of range)."""


class UnsupportedLocale(AiecoError, ValueError):
    """A locale that the amounts engine has no rules for.

    Attributes:
        locale: The locale as given (its string form).
        supported: Every locale that is supported.
        suggestions: The supported locales closest to the one given (same language first).
    """

    def __init__(
        self, locale: str, supported: Sequence[str], suggestions: Sequence[str] = ()
    ) -> None:
        self.locale = locale
        self.supported = tuple(supported)
        self.suggestions = tuple(suggestions)
        supported_list = ", ".join(self.supported)
        message = f"locale {locale!r} is not supported; supported: {supported_list}"
        super().__init__(message + _did_you_mean(self.suggestions))

    def __str__(self) -> str:
        return str(self.args[0])

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.locale, self.supported, self.suggestions))


class NotFound(AiecoError, LookupError):
    """A key that names no record.

    Attributes:
        key: What was looked up.
        kind: What kind of record was looked for (``"company"``, ``"investor"``, ...).
        suggestions: The closest existing names, best first.
    """

    def __init__(self, key: str, kind: str, suggestions: Sequence[str] = ()) -> None:
        self.key = key
        self.kind = kind
        self.suggestions = tuple(suggestions)
        shown = tuple(_shorten(s, 80) for s in self.suggestions)  # a 30,000-character name
        super().__init__(f"no {kind} matches {_shorten(key, 80)!r}" + _did_you_mean(shown))

    def __str__(self) -> str:
        return str(self.args[0])

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.key, self.kind, self.suggestions))


def _shorten(text: str, limit: int) -> str:
    """``text`` itself up to ``limit`` characters, else its start and end around "...".

    Messages quote the input; a 100 kB input must not make a 100 kB message.
    """
    if len(text) <= limit:
        return text
    tail = limit // 4
    return text[: limit - tail - 3] + "..." + text[-tail:]


def _short_repr(value: Any) -> str:
    """``repr(value)`` cut to a readable size: long strings, big or deeply nested values.

    A problem may quote a 100 MB string or an array nested 100,000 deep from a hostile
    document; its message stays a line, in constant time.
    """
    import reprlib

    shortener = reprlib.Repr()
    shortener.maxstring = 80
    shortener.maxother = 80
    shortener.maxlevel = 3
    shortener.maxlist = shortener.maxtuple = shortener.maxdict = 5
    try:
        return _shorten(shortener.repr(value), 160)
    except Exception:  # a value whose own repr fails must not hide the problem
        return f"<{type(value).__name__}>"


def _did_you_mean(suggestions: Sequence[str]) -> str:
    """Return ". Did you mean 'A' or 'B'?" for a non-empty list, else an empty string."""
    if not suggestions:
        return ""
    return ". Did you mean " + " or ".join(repr(s) for s in suggestions) + "?"


def _rebuild(cls: type[Exception], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Exception:
    return cls(*args, **kwargs)
