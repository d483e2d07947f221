"""What kind of JSON value something is, and the sentinel for a value that is not there."""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, Final

__all__ = ["MISSING", "Missing", "is_array", "is_number", "is_object", "kind", "noun"]


class Missing(enum.Enum):
    """Type of :data:`MISSING`; an enum so ``value is MISSING`` narrows types for mypy."""

    MISSING = "<missing>"

    def __repr__(self) -> str:
        return "MISSING"


#: Stands for "no value here": an absent object key, an array index past the end, or a
#: JSONPath that selected nothing. ``None`` cannot play this role because it is JSON null.
MISSING: Final = Missing.MISSING


def is_number(value: Any) -> bool:
    """Return True for JSON numbers; booleans are excluded although Python calls them ints."""
    return isinstance(value, (int, float, Decimal)) and not isinstance(value, bool)


def is_array(value: Any) -> bool:
    """Return True for JSON arrays; tuples count so Python-built expectations work too."""
    return isinstance(value, (list, tuple))


def is_object(value: Any) -> bool:
    """Return True for JSON objects (any mapping)."""
    return isinstance(value, Mapping)


def kind(value: Any) -> str:
    """Return the JSON kind of ``value``: null, boolean, number, string, array, object."""
    for name, test in _KINDS:
        if test(value):
            return name
    return type(value).__name__


# Order matters: MISSING and bool must be recognised before the broader tests.
_KINDS: Final[tuple[tuple[str, Callable[[Any], bool]], ...]] = (
    ("missing", lambda value: value is MISSING),
    ("null", lambda value: value is None),
    ("boolean", lambda value: isinstance(value, bool)),
    ("number", is_number),
    ("string", lambda value: isinstance(value, str)),
    ("array", is_array),
    ("object", is_object),
)

_NOUNS: Final = {
    "missing": "nothing",
    "null": "null",
    "boolean": "a boolean",
    "number": "a number",
    "string": "a string",
    "array": "an array",
    "object": "an object",
}


def noun(value: Any) -> str:
    """Return the kind of ``value`` as a phrase for messages: "a number", "an array"..."""
    name = kind(value)
    return _NOUNS.get(name, f"a Python {name}")
