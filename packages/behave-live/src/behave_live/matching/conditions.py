"""Numeric conditions such as ``> 0`` or ``between 1 and 5``: a tiny grammar, never ``eval``.

The ``#?`` marker (``"#? >= 1"``) and the comparison steps ("should be at least 1") share
it. The whole grammar::

    condition  :=  operator number  |  "between" number "and" number
    operator   :=  ">"  |  ">="  |  "<"  |  "<="  |  "=="  |  "!="
    number     :=  a JSON number: 3, -2.5, 1e3

Spaces around the parts are optional (``>0`` works). ``between`` includes both ends. A
condition holds only for numbers: a string such as ``"12"`` never compares, because JSON
keeps the two apart.
"""

from __future__ import annotations

import operator
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from behave_live.matching._values import is_number

__all__ = [
    "OPERATORS",
    "Condition",
    "ConditionSyntaxError",
    "Number",
    "parse_condition",
    "parse_number",
]

Number = int | float

#: Each operator, with the words messages use for it.
OPERATORS: Final[Mapping[str, str]] = {
    ">": "greater than",
    ">=": "at least",
    "<": "less than",
    "<=": "at most",
    "==": "equal to",
    "!=": "other than",
}
_TESTS: Final[Mapping[str, Callable[[Any, Any], bool]]] = {
    ">": operator.gt,
    ">=": operator.ge,
    "<": operator.lt,
    "<=": operator.le,
    "==": operator.eq,
    "!=": operator.ne,
}
_NUMBER: Final = r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]+)?"
_COMPARISON: Final = re.compile(rf"\s*(>=|<=|==|!=|>|<)\s*({_NUMBER})\s*")
_RANGE: Final = re.compile(rf"\s*between\s+({_NUMBER})\s+and\s+({_NUMBER})\s*")
_WHOLE_NUMBER: Final = re.compile(rf"\s*{_NUMBER}\s*")

GRAMMAR: Final = (
    "write an operator and a number ('> 0', '>= 1', '< 10', '<= 5', '== 3', '!= 0') or "
    "'between 1 and 5' (both ends included)"
)


class ConditionSyntaxError(ValueError):
    """The text is not a condition of the grammar; the message says what is wrong."""


@dataclass(frozen=True)
class Condition:
    """A test on a number: ``operator`` (one of :data:`OPERATORS`, or ``between``) and bounds."""

    operator: str
    bounds: tuple[Number, ...]

    def holds(self, value: Any) -> bool:
        """Return True if ``value`` is a JSON number satisfying the condition."""
        if not is_number(value):
            return False
        if self.operator == "between":
            low, high = self.bounds
            return bool(low <= value <= high)
        return _TESTS[self.operator](value, self.bounds[0])

    @property
    def phrase(self) -> str:
        """The condition in words, for messages: "greater than 10", "between 1 and 5"."""
        if self.operator == "between":
            low, high = self.bounds
            return f"between {_shown(low)} and {_shown(high)}"
        return f"{OPERATORS[self.operator]} {_shown(self.bounds[0])}"


def parse_condition(text: str) -> Condition:
    """Parse ``> 0`` or ``between 1 and 5``; raise :class:`ConditionSyntaxError` otherwise."""
    comparison = _COMPARISON.fullmatch(text)
    if comparison is not None:
        return Condition(comparison.group(1), (_number(comparison.group(2)),))
    within = _RANGE.fullmatch(text)
    if within is not None:
        low, high = _number(within.group(1)), _number(within.group(2))
        if low > high:
            raise ConditionSyntaxError(
                f"{text.strip()!r} is an empty range: write the smaller number first "
                f"(between {_shown(high)} and {_shown(low)})"
            )
        return Condition("between", (low, high))
    raise ConditionSyntaxError(f"{text.strip()!r} is not a condition: {GRAMMAR}")


def parse_number(text: str) -> Number:
    """Parse a JSON number (``3``, ``-2.5``, ``1e3``); raise ConditionSyntaxError otherwise."""
    if _WHOLE_NUMBER.fullmatch(text) is None:
        raise ConditionSyntaxError(f"{text.strip()!r} is not a number: write one such as 3 or 2.5")
    return _number(text.strip())


def _number(text: str) -> Number:
    # Integers stay exact; anything with a fraction or exponent is a float, as json.loads does.
    return int(text) if re.fullmatch(r"-?[0-9]+", text) else float(text)


def _shown(number: Number) -> str:
    return str(number)
