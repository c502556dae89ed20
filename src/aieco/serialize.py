"""The JSON contract: one cattrs converter, `to_json` and `from_json`.

* Decimal travels as a JSON string ("1500000000"), never a float; dates as ISO strings
  ("2025-09"); enums by value; tuples as arrays.
* Structuring is strict: unknown keys are rejected and nothing is coerced (an int where a str
  belongs is an error, not "3").
* Every problem in a document is reported at once, as a `ValidationError`
  whose lines read ``$.participants[0].stake.unit: 'XYZ' is not a currency code or '%'``.
"""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Callable, Iterator
from decimal import Decimal
from typing import Any, TypeVar, get_args, get_origin

import attrs
from cattrs.errors import (
    AttributeValidationNote,
    ClassValidationError,
    ForbiddenExtraKeysError,
    IterableValidationError,
    IterableValidationNote,
)
from cattrs.gen import make_dict_structure_fn
from cattrs.preconf.json import make_converter

from aieco._limits import LIMIT_TEXT, MAX_SIGNIFICANT_DIGITS, limit_problem
from aieco.dates import PartialDate
from aieco.errors import MISSING, SHOWN_PROBLEMS, Problem, ProblemList, ValidationError
from aieco.money import Amount

__all__ = ["converter", "decode_json", "from_json", "structure", "to_json"]

T = TypeVar("T")

converter = make_converter(forbid_extra_keys=True, detailed_validation=True)
"""The cattrs converter behind `to_json` and `from_json`."""


#: What a problem says about the rest of an array that was not checked.
UNCHECKED = f"were not checked: checking an array stops after {SHOWN_PROBLEMS} bad items"


class _Unchecked(ValueError):
    """The rest of an array, not checked after SHOWN_PROBLEMS bad items."""

    def __init__(self, start: int, count: int) -> None:
        super().__init__(f"{count} more items")
        self.start = start
        self.count = count


class _LongInteger:
    """A JSON integer with too many digits to be a number of the model (never converted)."""

    def __init__(self, digits: int) -> None:
        self.digits = digits

    def __repr__(self) -> str:
        return f"<an integer with {self.digits} digits>"


#: A JSON integer longer than this is kept as a _LongInteger and refused where it stands.
_MAX_INTEGER_LENGTH = MAX_SIGNIFICANT_DIGITS + 1


def _parse_int(text: str) -> int | _LongInteger:
    if len(text) > _MAX_INTEGER_LENGTH:
        return _LongInteger(len(text.lstrip("-")))
    return int(text)


class _Expected(ValueError):
    """A hook's complaint: ``value`` is not what ``expected`` describes."""

    def __init__(self, value: Any, expected: str) -> None:
        super().__init__(expected)
        self.value = value
        self.expected = expected


def _type_name(value: Any) -> str:
    if isinstance(value, _LongInteger):
        return f"an integer with {value.digits} digits (beyond any limit)"
    return {
        str: "a string",
        int: "an integer",
        float: "a number",
        bool: "a boolean",
        list: "an array",
        dict: "an object",
        type(None): "null",
    }.get(type(value), type(value).__name__)


def _strict(kind: type, label: str) -> Any:
    def hook(value: Any, _: Any) -> Any:
        if type(value) is not kind:
            raise _Expected(value, f"is {_type_name(value)}, expected {label}")
        return value

    return hook


converter.register_structure_hook(str, _strict(str, "a string"))
converter.register_structure_hook(int, _strict(int, "an integer"))
converter.register_structure_hook(bool, _strict(bool, "a boolean"))


#: The decimal strings the contract accepts: what str(Decimal) writes, and plain JSON numbers.
#: Python's Decimal() would also take "1_000", " 1", "Infinity", "NaN" and other scripts' digits
#: ("١٥٠٠", "１５００"): none of these pass. The exponent has at most 18 digits (Decimal's own).
_DECIMAL = re.compile(r"-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][-+]?[0-9]{1,18})?")
#: Longer strings cannot be within the limit (50 significant digits, see aieco._limits).
_DECIMAL_MAX_LENGTH = 2 * MAX_SIGNIFICANT_DIGITS + 30


def _structure_decimal(value: Any, _: Any) -> Decimal:
    if not isinstance(value, str):
        raise _Expected(value, f"is {_type_name(value)}, expected a decimal number as a string")
    if len(value) > _DECIMAL_MAX_LENGTH:
        raise _Expected(value, f"is too long ({len(value)} characters): the limit is {LIMIT_TEXT}")
    if _DECIMAL.fullmatch(value) is None:
        raise _Expected(value, "is not a finite decimal number such as '1500000000' or '1.5E+9'")
    number = Decimal(value)
    problem = limit_problem(number)
    if problem is not None:
        raise _Expected(value, problem)
    return number


def _structure_date(value: Any, _: Any) -> PartialDate:
    if not isinstance(value, str):
        raise _Expected(value, f"is {_type_name(value)}, expected an ISO date string")
    try:
        return PartialDate.fromisoformat(value)
    except ValidationError as exc:
        reason = f" ({exc.problems[0]})" if exc.problems else ""
        raise _Expected(
            value, f"is not a valid ISO date (YYYY, YYYY-MM or YYYY-MM-DD){reason}"
        ) from None


def _structure_enum(value: Any, cls: type[enum.Enum]) -> enum.Enum:
    member = cls._value2member_map_.get(value) if isinstance(value, str | int) else None
    if member is not None and type(member.value) is type(value):  # 1 is not True, "1" not 1
        return member
    allowed = ", ".join(repr(m.value) for m in cls)
    raise _Expected(value, f"is not a {cls.__name__}; expected one of {allowed}")


def _unstructure_amount(amount: Amount) -> dict[str, Any]:
    """Points carry ``value`` only, ranges ``low`` and ``high`` only: no redundant bounds."""
    data: dict[str, Any] = (
        {"value": str(amount.value)}
        if amount.value is not None
        else {"low": str(amount.low), "high": str(amount.high)}
    )
    data["unit"] = amount.unit
    data["qualifier"] = amount.qualifier.value
    return data


converter.register_unstructure_hook(Decimal, str)
converter.register_structure_hook(Decimal, _structure_decimal)
converter.register_unstructure_hook(PartialDate, PartialDate.isoformat)
converter.register_structure_hook(PartialDate, _structure_date)
converter.register_structure_hook_func(
    lambda t: isinstance(t, type) and issubclass(t, enum.Enum), _structure_enum
)
converter.register_unstructure_hook(Amount, _unstructure_amount)


def _object_hook_factory(cls: type) -> Callable[[Any, Any], Any]:
    """Attrs classes: require a JSON object before cattrs' generated code looks inside."""
    inner: Callable[[Any, Any], Any] = make_dict_structure_fn(cls, converter)
    name = cls.__name__

    def hook(value: Any, target: Any) -> Any:
        if not isinstance(value, dict):
            raise _Expected(value, f"is {_type_name(value)}, expected an object ({name})")
        return inner(value, target)

    return hook


converter.register_structure_hook_factory(attrs.has, _object_hook_factory)


def _tuple_hook_factory(cls: Any) -> Callable[[Any, Any], Any]:
    """Homogeneous tuples: require a JSON array (an object is not silently read as its keys)."""
    (item_type, _) = get_args(cls)

    def hook(value: Any, _: Any) -> tuple[Any, ...]:
        if not isinstance(value, list):
            raise _Expected(value, f"is {_type_name(value)}, expected an array")
        item_hook = converter.get_structure_hook(item_type)
        items, errors = [], []
        for index, item in enumerate(value):
            try:
                items.append(item_hook(item, item_type))
            except Exception as exc:
                exc.add_note(IterableValidationNote(f"@ index {index}", index, item_type))
                errors.append(exc.with_traceback(None))
                if len(errors) == SHOWN_PROBLEMS and index + 1 < len(value):
                    # A million bad items: stop here, in time and in size, and say so.
                    errors.append(_Unchecked(index + 1, len(value) - index - 1))
                    break
        if errors:
            raise IterableValidationError(f"While structuring {cls!r}", errors, cls)
        return tuple(items)

    return hook


def _is_homogeneous_tuple(cls: Any) -> bool:
    args = get_args(cls)
    return bool(get_origin(cls) is tuple and len(args) == 2 and args[1] is Ellipsis)


converter.register_structure_hook_factory(_is_homogeneous_tuple, _tuple_hook_factory)


def _problems(exc: BaseException, path: str) -> Iterator[Problem]:
    """Walk a cattrs exception tree into problems with JSON paths."""
    if isinstance(exc, ForbiddenExtraKeysError):
        for key in sorted(exc.extra_fields):
            yield Problem(f"{path}.{key}", key, "is not a known field")
        return
    if isinstance(exc, ClassValidationError | IterableValidationError):
        for sub in exc.exceptions:
            sub_path = path
            for note in getattr(sub, "__notes__", ()):
                if isinstance(note, AttributeValidationNote):
                    sub_path = f"{path}.{note.name}"
                elif isinstance(note, IterableValidationNote):
                    sub_path = f"{path}[{note.index}]"
            yield from _problems(sub, sub_path)
        return
    if isinstance(exc, _Unchecked):
        yield Problem(f"{path}[{exc.start}:]", str(exc), UNCHECKED)
    elif isinstance(exc, _Expected):
        yield Problem(path, exc.value, exc.expected)
    elif isinstance(exc, ValidationError) and exc.problems:
        # Raised by a record's own checks: "Class.field" is relative to this object.
        for problem in exc.problems:
            _, _, field = problem.path.partition(".")
            yield Problem(f"{path}.{field}" if field else path, problem.value, problem.expected)
    elif isinstance(exc, KeyError):
        yield Problem(path, MISSING, "is required but missing")
    elif isinstance(exc, TypeError):
        yield Problem(path, None, f"has the wrong shape ({exc})")
    else:
        yield Problem(path, None, str(exc))


def structure(data: Any, cls: type[T], *, root: str = "$") -> T:
    """Build ``cls`` from JSON-shaped ``data``; a ValidationError lists every problem."""
    # The ValidationError is raised after the except clauses, so that it carries no __context__:
    # cattrs' own exceptions cannot be unpickled once tblib (which dask's distributed installs)
    # pickles exception chains, and an error must still travel between processes then.
    try:
        return converter.structure(data, cls)
    except (ClassValidationError, IterableValidationError) as exc:
        problems = ProblemList(_problems(exc, root))
    except (_Expected, ValidationError, TypeError, ValueError, KeyError) as exc:
        problems = ProblemList(_problems(exc, root))
    except RecursionError:
        problems = ProblemList(
            [Problem(root, type(data).__name__, "is nested too deeply to be one of the model")]
        )
    raise ValidationError(problems)


def to_json(obj: Any, *, indent: int | None = None) -> str:
    """Serialize a record (or a list or tuple of records) to JSON text."""
    return json.dumps(converter.unstructure(obj), ensure_ascii=False, indent=indent)


class _DuplicateKeyError(ValueError):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _unique_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """JSON objects with a key twice are refused: json.loads would silently keep the last."""
    result = dict(pairs)
    if len(result) != len(pairs):
        seen: set[str] = set()
        for key, _ in pairs:
            if key in seen:
                raise _DuplicateKeyError(key)
            seen.add(key)
    return result


def decode_json(text: str | bytes, where: str = "$") -> Any:
    """Parse JSON text (a str, or UTF-8 bytes); a problem is a ValidationError at ``where``.

    Stricter than `json.loads`: an object that names a key twice is an error, not "the
    last one wins".
    """
    try:
        raw = text.decode("utf-8") if isinstance(text, bytes) else text
        return json.loads(raw, object_pairs_hook=_unique_keys, parse_int=_parse_int)
    except RecursionError:
        start = text[:20] if isinstance(text, str) else text[:20].decode("utf-8", "replace")
        raise ValidationError(
            [Problem(where, start, "starts a document nested too deeply to be one of the model")]
        ) from None
    except _DuplicateKeyError as exc:
        raise ValidationError(
            [Problem(where, exc.key, "is a key that appears twice in one JSON object")]
        ) from None
    except UnicodeDecodeError as exc:
        bad = exc.object[exc.start : exc.start + 10]
        raise ValidationError([Problem(where, bad, "is not UTF-8 text")]) from None
    except json.JSONDecodeError as exc:
        raise ValidationError(
            [
                Problem(
                    f"{where} (line {exc.lineno}, column {exc.colno})",
                    exc.doc[exc.pos : exc.pos + 20],
                    f"is not valid JSON: {exc.msg}",
                )
            ]
        ) from None


def from_json(text: str | bytes, cls: type[T]) -> T:
    """Read JSON text into ``cls``; invalid JSON or content raises ValidationError."""
    return structure(decode_json(text), cls)
