r"""Fuzzy markers: strings in an expected document that match a kind of value, not a literal.

=================  ==============================================================
``#string``        any string
``#number``        any number (never a boolean, although Python calls True an int)
``#boolean``       true or false
``#array``         any array
``#object``        any object
``#null``          null; the key must be present
``#notnull``       any value but null; the key must be present
``#present``       the key is present, with any value (null included)
``#notpresent``    the key is absent
``#ignore``        anything, present or absent
``#uuid``          a hyphenated UUID string, either case
``#date``          an ISO 8601 calendar date ``YYYY-MM-DD``
``#datetime``      an RFC 3339 / ISO 8601 date-time (``2024-02-29T13:05:00Z``)
``#regex <re>``    a string the Python regular expression matches in full
``#[]``            any array, like ``#array``
``#[3]``           an array of exactly 3 elements
``#[] <marker>``   an array whose every element matches the marker: ``#[] #string``,
                   ``#[2] #number``, ``#[] #? > 0``; each failing element is listed
``#? <condition>`` a number satisfying the condition: ``#? > 0``, ``#? >= 1``,
                   ``#? < 10``, ``#? between 1 and 5`` (see :mod:`.conditions`)
=================  ==============================================================

Conditions are parsed by a tiny grammar (an operator and a number, or ``between A and
B``), never evaluated as code, so an expected document cannot run anything.

``##name`` is the optional form: null or absent is accepted, anything else must match
``#name`` (``##string``: "a string if given"). Any other string starting with ``#`` is an
error rather than a literal, so a typo such as ``#strng`` cannot silently pass or fail. To
compare a literal string that starts with ``#``, escape it as ``\#`` (``"\#fff"`` matches the
text ``#fff``); generally, one leading backslash is removed from a string of backslashes
followed by ``#``. :func:`literal` applies that escape to a whole document.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final

from behave_live.errors import StepInputError
from behave_live.matching._formats import is_date, is_datetime, is_uuid
from behave_live.matching._paths import ROOT, child_path
from behave_live.matching._values import MISSING, is_array, is_number, is_object, noun
from behave_live.matching.conditions import Condition, ConditionSyntaxError, parse_condition
from behave_live.matching.describe import describe

__all__ = ["MARKER_NAMES", "Marker", "check_expected", "describe_expected", "literal", "parse"]

# Markers that judge a value that is there; presence markers are handled in Marker.accepts.
_VALUE_CHECKS: Final[Mapping[str, Callable[[Any], bool]]] = {
    "string": lambda value: isinstance(value, str),
    "number": is_number,
    "boolean": lambda value: isinstance(value, bool),
    "array": is_array,
    "object": is_object,
    "null": lambda value: value is None,
    "notnull": lambda value: value is not None,
    "present": lambda value: True,
    "uuid": lambda value: isinstance(value, str) and is_uuid(value),
    "date": lambda value: isinstance(value, str) and is_date(value),
    "datetime": lambda value: isinstance(value, str) and is_datetime(value),
}

#: Every marker name, in the order the documentation and error messages list them.
MARKER_NAMES: Final = (
    "string",
    "number",
    "boolean",
    "array",
    "object",
    "null",
    "notnull",
    "present",
    "notpresent",
    "ignore",
    "uuid",
    "date",
    "datetime",
    "regex",
)

_VALID_MARKERS: Final = (
    ", ".join(f"#{name}" for name in MARKER_NAMES if name != "regex")
    + ", #regex <pattern>, #[] or #[3] (optionally followed by a marker for every element: "
    "#[] #string), #? <condition> (#? > 0, #? between 1 and 5)"
)
_HELP: Final = (
    f"Valid markers: {_VALID_MARKERS}; prefix one with ## to also accept null or absent "
    '(##string). To compare a literal string that starts with "#", escape it as "\\#".'
)
_ESCAPED: Final = re.compile(r"\\+#")
# The brackets of an array marker and what follows them: "[3] #string" -> "3", " #string".
_ARRAY: Final = re.compile(r"\[\s*([0-9]*)\s*\](.*)", re.DOTALL)


@dataclass(frozen=True)
class Marker:
    """A parsed fuzzy marker; ``text`` is how it was written, for messages."""

    text: str
    name: str
    optional: bool = False
    pattern: re.Pattern[str] | None = None
    #: ``#[3]``: how many elements the array must have (None: any number).
    length: int | None = None
    #: ``#[] #string``: the marker every element of the array must match.
    element: Marker | None = None
    #: ``#? > 0``: the condition the number must satisfy.
    condition: Condition | None = None

    def accepts(self, value: Any) -> bool:
        """Return True if ``value`` (possibly :data:`MISSING`) satisfies this marker."""
        if self.name == "ignore" or (self.optional and (value is MISSING or value is None)):
            return True
        if self.name == "notpresent" or value is MISSING:
            return self.name == "notpresent" and value is MISSING
        return self._accepts_present(value)

    def _accepts_present(self, value: Any) -> bool:
        if self.pattern is not None:
            return isinstance(value, str) and self.pattern.fullmatch(value) is not None
        if self.condition is not None:
            return self.condition.holds(value)
        if not _VALUE_CHECKS[self.name](value):
            return False
        return self.name != "array" or (self.sized(value) and self.elements_accepted(value))

    def sized(self, array: Any) -> bool:
        """Return True if ``array`` has the length ``#[n]`` asks for (any, without ``n``)."""
        return self.length is None or len(array) == self.length

    def elements_accepted(self, array: Any) -> bool:
        """Return True if every element of ``array`` matches the element marker, if any."""
        return self.element is None or all(self.element.accepts(item) for item in array)

    def reason(self, value: Any) -> str:
        """Why ``value`` is rejected, when its kind says more than the marker: "a string"."""
        if value is MISSING or value is None:
            return ""
        if self.condition is not None and not is_number(value):
            return f"{noun(value)}, not a number"
        if self.name == "array" and not is_array(value):
            return f"{noun(value)}, not an array"
        return ""


class _MarkerProblem(Exception):
    """Why a marker is invalid; re-raised as StepInputError once its path is known."""


def parse(text: str, path: str = ROOT) -> Marker | str:
    """Return the :class:`Marker` that ``text`` spells, or the literal string it stands for.

    Raises :class:`StepInputError` naming ``path`` for an unknown marker or a bad regex.
    """
    try:
        return _parse(text)
    except _MarkerProblem as problem:
        raise StepInputError(f"{problem} (at {path} in the expected document). {_HELP}") from None


@lru_cache(maxsize=1024)
def _parse(text: str) -> Marker | str:
    # Cached because `each` and the array modes parse the same expected strings many times.
    # The parser itself is a separate, undecorated function: mutation testing skips
    # decorated functions, and the parser is what it must reach.
    return _parse_uncached(text)


def _parse_uncached(text: str) -> Marker | str:
    if _ESCAPED.match(text):
        return text[1:]
    if not text.startswith("#"):
        return text
    optional = text.startswith("##")
    body = text[2 if optional else 1 :]
    if body.startswith("["):
        return _array_marker(text, body, optional)
    if body.startswith("?"):
        return _condition_marker(text, body[1:], optional)
    name, separator, argument = body.partition(" ")
    if name == "regex":
        return Marker(text, name, optional, _compile_regex(text, argument))
    if name in MARKER_NAMES and not separator:
        return Marker(text, name, optional)
    if name in MARKER_NAMES:
        raise _MarkerProblem(f"Marker {text!r} takes no argument after #{name}")
    guess = difflib.get_close_matches(name, MARKER_NAMES)  # best first: only [0] is shown
    hint = f" (did you mean '#{guess[0]}'?)" if guess else ""
    raise _MarkerProblem(f"Unknown fuzzy marker {text!r}{hint}")


def _array_marker(text: str, body: str, optional: bool) -> Marker:
    brackets = _ARRAY.fullmatch(body)
    if brackets is None:
        raise _MarkerProblem(
            f"Marker {text!r} needs closed brackets with a whole number or nothing between "
            "them, like '#[3]' or '#[]'"
        )
    count, rest = brackets.groups()
    length = int(count) if count else None
    if not rest:
        return Marker(text, "array", optional, length=length)
    element = _parse(rest[1:]) if rest.startswith(" ") and rest[1:].startswith("#") else None
    if not isinstance(element, Marker):
        raise _MarkerProblem(
            f"Marker {text!r}: after the brackets comes one space and a marker that every "
            "element must match, like '#[3] #string' or '#[] #? > 0'"
        )
    return Marker(text, "array", optional, length=length, element=element)


def _condition_marker(text: str, condition: str, optional: bool) -> Marker:
    try:
        return Marker(text, "condition", optional, condition=parse_condition(condition))
    except ConditionSyntaxError as error:
        raise _MarkerProblem(f"Marker {text!r}: {error}") from None


def _compile_regex(text: str, pattern: str) -> re.Pattern[str]:
    if not pattern:
        raise _MarkerProblem(
            f"Marker {text!r} needs a pattern after one space, like '#regex [A-Z]{{3}}'"
        )
    try:
        return re.compile(pattern)
    except re.error as error:
        raise _MarkerProblem(
            f"Invalid regular expression {pattern!r} in marker {text!r}: {error}"
        ) from None


def check_expected(expected: Any, path: str = ROOT) -> None:
    """Raise :class:`StepInputError` for the first bad marker anywhere in ``expected``.

    Matching checks the whole expectation up front: a typo in a branch the actual document
    never reaches (a missing key, a later array element) must still be reported.
    """
    if isinstance(expected, str):
        parse(expected, path)
    elif is_object(expected):
        for key, value in expected.items():
            check_expected(value, child_path(path, key))
    elif is_array(expected):
        for index, value in enumerate(expected):
            check_expected(value, child_path(path, index))


def describe_expected(expected: Any) -> str:
    """Render an expected value for messages: markers as written, literals as JSON."""
    if isinstance(expected, str):
        parsed = _parse(expected)
        return parsed.text if isinstance(parsed, Marker) else describe(parsed)
    return describe(expected)


def literal(value: Any) -> Any:
    r"""Return a copy of ``value`` whose strings all compare literally, never as markers.

    Use it to build an expectation from data that may contain ``#`` strings:
    ``match(actual, literal(snapshot))``. Object keys are never markers, so stay as they are.
    """
    if isinstance(value, str):
        return "\\" + value if _ESCAPED.match(value) or value.startswith("#") else value
    if is_object(value):
        return {key: literal(item) for key, item in value.items()}
    if is_array(value):
        return [literal(item) for item in value]
    return value
