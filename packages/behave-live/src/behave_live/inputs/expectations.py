"""Read what a feature file expects: doc-strings, JSON, status codes, regexes, JSON files.

Steps hand the raw text of a feature to these functions; each one either returns a value the
assertions can use or raises :class:`StepInputError` with a sentence that names the problem
and the fix. ``${name}`` references are replaced first (see :class:`Variables`), so saved
values and userdata can appear in any expectation.
"""

from __future__ import annotations

import re
from typing import Any, Final

from behave_live.errors import StepInputError
from behave_live.inputs.documents import parse_json_document, parse_json_literal
from behave_live.inputs.feature_files import FeatureFiles
from behave_live.inputs.variables import Variables
from behave_live.matching.conditions import (
    Condition,
    ConditionSyntaxError,
    Number,
    parse_number,
)

__all__ = [
    "STATUS_CLASSES",
    "expected_json_document",
    "expected_json_literal",
    "expected_number",
    "expected_range",
    "expected_text",
    "json_file",
    "regular_expression",
    "status_class",
    "status_codes",
]

#: What each status class means, for messages: ``2xx`` is "success".
STATUS_CLASSES: Final = {
    1: "informational",
    2: "success",
    3: "redirection",
    4: "client error",
    5: "server error",
}

_STATUS_CLASS: Final = re.compile(r"([1-5])xx", re.IGNORECASE)
_STATUS_SEPARATORS: Final = re.compile(r"\s*(?:,|\bor\b)\s*")


def expected_text(inline: str | None, doc_string: str | None, variables: Variables) -> str:
    """Return the expected text of a step: ``inline`` if given, else the doc-string below it."""
    if inline is not None and doc_string is not None:
        raise StepInputError(
            "The step has its text inline and a doc-string below it: keep one of them (write "
            "the step with a colon at the end, like ...should be:, to use the doc-string)."
        )
    if inline is not None:
        return variables.substitute(inline)
    if doc_string is None:
        raise StepInputError(
            'The step expects text in a doc-string below it: put the text between two lines of """.'
        )
    return variables.substitute(doc_string)


def expected_json_document(
    doc_string: str | None, variables: Variables, what: str = "The expected JSON"
) -> Any:
    """Return the JSON doc-string below a step, after ``${name}`` substitution."""
    if doc_string is None:
        raise StepInputError(
            f'{what} belongs in a doc-string below the step: put the JSON between two lines of """.'
        )
    return parse_json_document(variables.substitute_json(doc_string), what)


def expected_json_literal(text: str, variables: Variables) -> Any:
    """Return an inline JSON value (``"OK"``, ``42``, ``["a"]``), after ``${name}`` substitution."""
    return parse_json_literal(variables.substitute_json(text))


def expected_number(text: str, variables: Variables) -> Number:
    """Return a number written in a step (``10``, ``2.5``, ``${limit}``), or fail clearly."""
    substituted = variables.substitute(text)
    try:
        return parse_number(substituted)
    except ConditionSyntaxError as error:
        shown = f" (from {text!r})" if substituted != text else ""
        raise StepInputError(f"{error}{shown}.") from None


def expected_range(low: str, high: str, variables: Variables) -> Condition:
    """Return the condition "between ``low`` and ``high``" (both included) of a step."""
    bounds = (expected_number(low, variables), expected_number(high, variables))
    if bounds[0] > bounds[1]:
        raise StepInputError(
            f"between {bounds[0]} and {bounds[1]} is an empty range: write the smaller number "
            f"first (between {bounds[1]} and {bounds[0]})."
        )
    return Condition("between", bounds)


def status_codes(text: str) -> tuple[int, ...]:
    """Parse a list of status codes: ``200, 201`` or ``200, 201 or 204``."""
    words = [word for word in _STATUS_SEPARATORS.split(text.strip()) if word]
    codes: list[int] = []
    for word in words:
        if not (word.isdigit() and len(word) == 3 and 100 <= int(word) <= 599):
            raise StepInputError(
                f"{word!r} in {text!r} is not an HTTP status code. List three-digit codes from "
                "100 to 599, separated by commas or 'or': 200, 201 or 204."
            )
        codes.append(int(word))
    if not codes:
        raise StepInputError("List at least one status code, such as: one of 200, 201.")
    return tuple(codes)


def status_class(text: str) -> int:
    """Parse a status class such as ``2xx``; return its first digit (2)."""
    found = _STATUS_CLASS.fullmatch(text.strip())
    if found is None:
        raise StepInputError(f"{text!r} is not a status class. Use 1xx, 2xx, 3xx, 4xx or 5xx.")
    return int(found.group(1))


def regular_expression(pattern: str, what: str, flags: int = 0) -> re.Pattern[str]:
    """Compile a regular expression from a feature, or fail naming it and the problem."""
    try:
        return re.compile(pattern, flags)
    except re.error as error:
        raise StepInputError(
            f"The regular expression {pattern!r} for {what} is invalid: {error}. Escape "
            r"characters that are special in regular expressions with a backslash (\. \( \[)."
        ) from None


def json_file(
    files: FeatureFiles, relative: str, variables: Variables, what: str = "JSON file"
) -> Any:
    """Read a JSON file named in a feature (relative to the features directory).

    ``${name}`` references in it are replaced as in a JSON doc-string.
    """
    text = files.read_text(relative, what)
    where = f"in the {what} {relative}"
    return parse_json_document(variables.substitute_json(text, where), f"The {what} {relative!r}")
