"""Check the value of a scenario variable, with the JSON matching of response checks.

``Then the variable "count" should be 3`` compares the saved value with a JSON literal:
fuzzy markers work (``"#number"``, ``"#? > 0"``), ``3`` and ``"3"`` differ, and every
mismatch of a saved object or array is listed at its place (``${order}.items[0].price``).
"""

from __future__ import annotations

from typing import Any

from behave_live.errors import MismatchError
from behave_live.inputs.variables import Variables
from behave_live.matching import format_mismatches, match

__all__ = ["assert_variable"]


def assert_variable(variables: Variables, name: str, expected: Any) -> None:
    """Fail unless the variable ``name`` matches ``expected``; an unknown name suggests one."""
    root = f"${{{name}}}"
    match(None, expected, allow_empty=True, base_path=root)  # a bad marker fails first
    actual = variables[name]
    mismatches = match(actual, expected, "equals", base_path=root)
    if not mismatches:
        return
    if len(mismatches) == 1 and not isinstance(expected, (dict, list)):
        raise MismatchError(f"The variable {mismatches[0]}.", mismatches)
    raise MismatchError(
        f"The variable {root} is not the expected JSON.\n{format_mismatches(mismatches)}",
        mismatches,
    )
