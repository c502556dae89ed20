"""Dates known only to a year, a month or a day: `PartialDate`."""

from __future__ import annotations

import calendar
import datetime as _dt
import enum
import re
from typing import Any

import attrs

from aieco._checks import fail
from aieco._labels import evaluable_repr
from aieco.errors import Problem, ValidationError

__all__ = ["PartialDate", "Precision", "as_partial_date"]

_ISO = re.compile(r"([0-9]{4})(?:-([0-9]{2})(?:-([0-9]{2}))?)?")  # ASCII digits only


class Precision(enum.Enum):
    """How much of a `PartialDate` is known."""

    __repr__ = evaluable_repr

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


def _check_int(owner: object, field: str, value: object, low: int, high: int) -> None:
    if isinstance(value, bool) or not isinstance(value, int):
        raise TypeError(f"PartialDate.{field} must be an int, not {type(value).__name__}")
    if not low <= value <= high:
        fail(owner, field, value, f"is not between {low} and {high}")


@attrs.frozen(order=False)
class PartialDate:
    """A date known to year, month or day precision.

    Its ISO form is "2025", "2025-09" or "2025-09-09", both ways::

        ```pycon
        >>> PartialDate.fromisoformat("2025-09")
        PartialDate(year=2025, month=9, day=None)
        >>> str(PartialDate(2025, 9, 9))
        '2025-09-09'

        ```

    Partial dates are ordered by (year, month, day) with a missing part sorting first, so
    ``2025 < 2025-01 < 2025-01-01``; `first_day` and `last_day` give the span.
    """

    year: int
    month: int | None = None
    day: int | None = None

    def __attrs_post_init__(self) -> None:
        _check_int(self, "year", self.year, 1, 9999)
        if self.month is not None:
            _check_int(self, "month", self.month, 1, 12)
        if self.day is not None:
            if self.month is None:
                fail(self, "day", self.day, "needs a month")
            _check_int(self, "day", self.day, 1, calendar.monthrange(self.year, self.month)[1])

    @classmethod
    def fromisoformat(cls, text: str) -> PartialDate:
        """Read "YYYY", "YYYY-MM" or "YYYY-MM-DD"; anything else is a ValidationError."""
        if not isinstance(text, str):
            raise TypeError(f"expected an ISO date string, not {type(text).__name__}")
        match = _ISO.fullmatch(text)
        if match is None:
            raise ValidationError(
                f"{text!r} is not an ISO date of the form YYYY, YYYY-MM or YYYY-MM-DD"
            )
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        return cls(year, month, day)

    @classmethod
    def from_date(cls, date: _dt.date) -> PartialDate:
        """The day-precision PartialDate of ``date``."""
        return cls(date.year, date.month, date.day)

    @property
    def precision(self) -> Precision:
        """YEAR, MONTH or DAY."""
        if self.day is not None:
            return Precision.DAY
        if self.month is not None:
            return Precision.MONTH
        return Precision.YEAR

    @property
    def first_day(self) -> _dt.date:
        """The first day the date may stand for (1 January for a year)."""
        return _dt.date(self.year, self.month or 1, self.day or 1)

    @property
    def last_day(self) -> _dt.date:
        """The last day the date may stand for (31 December for a year)."""
        month = self.month or 12
        return _dt.date(self.year, month, self.day or calendar.monthrange(self.year, month)[1])

    def isoformat(self) -> str:
        """The ISO form at the known precision."""
        text = f"{self.year:04d}"
        if self.month is not None:
            text += f"-{self.month:02d}"
        if self.day is not None:
            text += f"-{self.day:02d}"
        return text

    __str__ = isoformat

    def _key(self) -> tuple[int, int, int]:
        return (self.year, self.month or 0, self.day or 0)

    def __lt__(self, other: Any) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other: Any) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other: Any) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other: Any) -> bool:
        if not isinstance(other, PartialDate):
            return NotImplemented
        return self._key() >= other._key()


def as_partial_date(value: object, call: str, name: str) -> PartialDate:
    """A date argument of ``call(name=...)`` as a PartialDate, the same everywhere in the API.

    Takes a PartialDate, an int year, an ISO string ("2025", "2025-09", "2025-09-09"), a
    ``datetime.date`` or a ``datetime.datetime`` (its date). ``where(since=...)``,
    ``convert(on=...)`` and ``total(on=...)`` all read their dates here.

    ```pycon
    >>> as_partial_date("2025-09", "convert", "on")
    PartialDate(year=2025, month=9, day=None)

    ```

    Raises:
        ValidationError: a string that is not an ISO date, at path ``call(name)``.
        TypeError: any other type (a bool, a float, ...).
    """
    if isinstance(value, PartialDate):
        return value
    if isinstance(value, bool):
        raise TypeError(f"{call}({name}=...) takes a year, an ISO date or a date, not a bool")
    if isinstance(value, int):
        return PartialDate(value)
    if isinstance(value, _dt.datetime):
        return PartialDate.from_date(value.date())
    if isinstance(value, _dt.date):
        return PartialDate.from_date(value)
    if isinstance(value, str):
        try:
            return PartialDate.fromisoformat(value)
        except ValidationError:
            raise ValidationError(
                [
                    Problem(
                        f"{call}({name})",
                        value,
                        "is not a year or an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)",
                    )
                ]
            ) from None
    raise TypeError(
        f"{call}({name}=...) takes an int year, an ISO date string, a PartialDate or a date, "
        f"not {type(value).__name__}"
    )
