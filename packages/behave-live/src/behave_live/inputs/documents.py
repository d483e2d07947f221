"""Read the documents a feature file gives a step: JSON doc-strings and literal values."""

from __future__ import annotations

import json
from typing import Any

from behave_live.errors import StepInputError

__all__ = ["parse_json_document", "parse_json_literal"]


def parse_json_document(text: str, what: str = "The JSON doc-string") -> Any:
    """Parse JSON written in a feature file, or fail naming the line, column and problem."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        lines = text.splitlines() or [""]
        bad_line = lines[min(exc.lineno, len(lines)) - 1]
        pointer = " " * (exc.colno - 1) + "^"
        raise StepInputError(
            f"{what} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}:\n"
            f"    {bad_line}\n    {pointer}\n"
            "Check for a missing comma or quote, single quotes instead of double quotes, or a "
            "trailing comma."
        ) from None


def parse_json_literal(text: str) -> Any:
    """Parse an expected value written inline in a step: ``"OK"``, ``42``, ``true``, ``null``.

    Inline values are JSON so that ``"42"`` (a string) and ``42`` (a number) stay distinct.
    """
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        raise StepInputError(
            f"The expected value {text} is not a JSON value. Write strings in double quotes "
            '("OK"), numbers and true/false/null bare (42, true), arrays and objects as JSON.'
        ) from None
