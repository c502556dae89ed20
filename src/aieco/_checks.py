"""Field checks shared by the model classes (internal).

Every check raises `ValidationError` with a `Problem`
whose path is ``Class.field``; the serializer turns that into a JSON path.
Reference data (currency codes, territories) comes from babel and is loaded on first use only.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal
from functools import cache
from typing import Any, NoReturn

from aieco._fold import INVISIBLE, is_invisible
from aieco._limits import limit_problem
from aieco.errors import Problem, ValidationError

_ID = re.compile(r"[a-z0-9](?:[a-z0-9_-]*[a-z0-9])?")
#: Territory codes in CLDR that are groupings, not countries.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "UN", "QO", "ZZ"})


class Checks:
    """Run a record's checks and raise one ValidationError listing every problem found.

    ::

        with Checks() as check:
            check(check_id, self, "id", self.id)        # a failing check is recorded, not raised
            if self.a == self.b:
                check.fail(self, "b", self.b, "must differ from a")

    TypeErrors (a wrong type given in Python) still raise at once.
    """

    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def __call__(self, check: Callable[..., None], *args: Any, **kwargs: Any) -> None:
        try:
            check(*args, **kwargs)
        except ValidationError as error:
            self.problems.extend(error.problems)

    def fail(self, owner: object, field: str, value: Any, expected: str) -> None:
        """Record that ``owner.field`` holds ``value``, which breaks ``expected``."""
        self(fail, owner, field, value, expected)

    def __enter__(self) -> Checks:
        return self

    def __exit__(self, kind: type[BaseException] | None, *_: object) -> None:
        if kind is None and self.problems:
            raise ValidationError(self.problems)


def fail(owner: object, field: str, value: Any, expected: str) -> NoReturn:
    """Raise a ValidationError for ``owner.field``."""
    name = owner if isinstance(owner, str) else type(owner).__name__
    raise ValidationError([Problem(f"{name}.{field}", value, expected)])


@cache
def currency_codes() -> frozenset[str]:
    """Every ISO 4217 code babel knows (loaded once, on first use)."""
    from babel.numbers import list_currencies

    return frozenset(list_currencies())


@cache
def country_codes() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes of the territories babel knows (loaded once, on first use)."""
    from babel import Locale

    codes = (str(code) for code in Locale.parse("en").territories)
    return frozenset(c for c in codes if len(c) == 2 and c.isalpha() and c not in _NOT_COUNTRIES)


def is_currency(code: object) -> bool:
    """True for an ISO 4217 code babel knows (upper case, three letters)."""
    return isinstance(code, str) and len(code) == 3 and code in currency_codes()


def currency_argument(code: object, role: str) -> str:
    """A currency code given as an argument (``convert(to=...)``, ``total(currency)``).

    Case-insensitive, the same everywhere in the API: ``"usd"`` is ``"USD"``. Stored values
    (``Money.currency``, ``Amount.unit``, JSON) must be upper case; only arguments are folded.

    Raises:
        TypeError: ``code`` is not a str.
        ValidationError: not an ISO 4217 code, at path ``role`` (such as ``"total(currency)"``).
    """
    if not isinstance(code, str):
        raise TypeError(f"{role} must be a currency code (a str), not {type(code).__name__}")
    upper = code.upper()
    if not is_currency(upper):
        raise ValidationError(
            [Problem(role, code, "is not an ISO 4217 currency code (such as 'EUR' or 'USD')")]
        )
    return upper


def is_country(code: object) -> bool:
    """True for an ISO 3166-1 alpha-2 country code babel knows (upper case)."""
    return isinstance(code, str) and code in country_codes()


def to_decimal(value: object) -> Any:
    """Attrs converter: keep Decimal, take int exactly, refuse float, bool and str."""
    if type(value) is Decimal or value is None:
        return value  # the common case first: every Amount the parser builds passes here
    if isinstance(value, bool | float):
        raise TypeError(
            f"{value!r} is a {type(value).__name__}; amounts are exact: "
            f"pass a Decimal (Decimal('1.5')) or an int"
        )
    if isinstance(value, int):
        return Decimal(value)
    return value


def check_decimal(owner: object, field: str, value: object, *, optional: bool = False) -> None:
    """Require a Decimal within the model's limit (see `aieco._limits`), or None."""
    if value is None and optional:
        return
    if not isinstance(value, Decimal):
        raise TypeError(
            f"{type(owner).__name__}.{field} must be a Decimal, not {type(value).__name__}"
        )
    problem = limit_problem(value)
    if problem is not None:
        fail(owner, field, value, problem)


#: Lone surrogates: what undecodable bytes become (surrogateescape); not text, not UTF-8.
_SURROGATE = re.compile("[\ud800-\udfff]")


def check_text(owner: object, field: str, value: object, *, optional: bool = False) -> None:
    """Require a non-blank str without surrounding whitespace (or None when ``optional``).

    Invisible characters (see `aieco._fold.INVISIBLE`) count as blank: a text of only
    zero-width spaces or bidi marks is empty, and one may not start or end with them. A lone
    surrogate (undecodable bytes, not text) is refused anywhere in the text.
    """
    if value is None and optional:
        return
    if not isinstance(value, str):
        raise TypeError(f"{type(owner).__name__}.{field} must be a str, not {type(value).__name__}")
    if value.isascii():
        if not value.strip():
            fail(owner, field, value, "must not be empty")
        if value != value.strip():
            fail(owner, field, value, "must not start or end with whitespace")
        return
    try:
        value.encode("utf-8")  # fast; fails only for a lone surrogate
        bad = None
    except UnicodeEncodeError:
        bad = _SURROGATE.search(value)
    if bad is not None:
        fail(
            owner,
            field,
            value,
            f"has a lone surrogate {bad.group()!r} at position {bad.start()} "
            "(undecodable bytes, not text; it cannot be written as UTF-8)",
        )
    stripped = value.strip()
    edges = is_invisible(value[0]) or is_invisible(value[-1])
    if edges or value != stripped or not stripped:
        if not INVISIBLE.sub("", value).strip():
            fail(owner, field, value, "must not be empty (it has only invisible characters)")
        fail(owner, field, value, "must not start or end with whitespace or invisible characters")


def check_id(owner: object, field: str, value: object, *, optional: bool = False) -> None:
    """Require an id: lower-case letters, digits, '-' and '_' (or None when ``optional``)."""
    if value is None and optional:
        return
    if not isinstance(value, str):
        raise TypeError(f"{type(owner).__name__}.{field} must be a str, not {type(value).__name__}")
    if not _ID.fullmatch(value):
        fail(owner, field, value, "is not an id (lower-case letters, digits, '-' and '_')")


def check_country(owner: object, field: str, value: object, *, allow_eu: bool = False) -> None:
    """Require None or an ISO 3166-1 alpha-2 code (and "EU" when ``allow_eu``)."""
    if value is None:
        return
    if allow_eu and value == "EU":
        return
    if not is_country(value):
        expected = "is not an ISO 3166-1 alpha-2 country code"
        fail(owner, field, value, expected + (" or 'EU'" if allow_eu else ""))
