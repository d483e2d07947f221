r"""Arithmetic on numbers and variables: ``${quota} - ${used}``, ``(${a} + 1) * 2``.

Python's own parser (:mod:`ast`) reads the expression, and a small walker computes it:
only numbers, ``${name}`` references, ``+ - * /`` and parentheses are accepted - no names,
calls, attributes or powers - so nothing in a feature file can run code. A variable must
hold a number: ``"3"`` saved from a header is text, and is refused rather than guessed at.
Dividing whole numbers exactly gives a whole number (``6 / 2`` is 3), so a result can go
into a path; otherwise the result is a decimal (``7 / 2`` is 3.5).
"""

from __future__ import annotations

import ast
import operator
import re
from collections.abc import Callable, Mapping
from typing import Any, Final

from behave_live.errors import StepInputError
from behave_live.inputs.variables import NAME_PATTERN, Variables
from behave_live.matching._values import is_number, noun
from behave_live.matching.conditions import Number
from behave_live.matching.describe import describe

__all__ = ["compute"]

_REFERENCE: Final = re.compile(rf"\$\{{\s*({NAME_PATTERN})\s*\}}")
_OPERATORS: Final[Mapping[type[ast.operator], Callable[[Any, Any], Any]]] = {
    ast.Add: operator.add,
    ast.Sub: operator.sub,
    ast.Mult: operator.mul,
}
# Long enough for any formula a scenario needs; short enough that no input is costly.
_MAX_LENGTH: Final = 500
# What a ${name} becomes for Python's parser; no name a feature writes starts like this.
_PLACEHOLDER: Final = "_var_"
_HOW: Final = "use numbers, ${name} references, + - * / and parentheses, such as ${quota} - ${used}"


def compute(expression: str, variables: Variables) -> Number:
    """Compute ``expression``; raise :class:`StepInputError` naming the problem and the fix."""
    if len(expression) > _MAX_LENGTH:
        raise StepInputError(
            f"The arithmetic expression is {len(expression)} characters long: keep it under "
            f"{_MAX_LENGTH}."
        )
    names: list[str] = []

    def placeholder(reference: re.Match[str]) -> str:
        # Names may hold "." and "-", which Python reads as operators: stand in by position.
        name = reference.group(1)
        if name not in names:
            names.append(name)
        return f"{_PLACEHOLDER}{names.index(name)}"

    if _PLACEHOLDER in expression:  # a bare name, and one that would pass for a reference
        raise StepInputError(f"{expression!r} is not an arithmetic expression: {_HOW}.")
    source = _REFERENCE.sub(placeholder, expression).strip()
    if "$" in source:
        raise StepInputError(
            f"{expression!r} has a '$' that does not start a ${{name}} reference: {_HOW}."
        )
    try:
        tree = ast.parse(source, mode="eval")
    except SyntaxError:
        raise StepInputError(f"{expression!r} is not an arithmetic expression: {_HOW}.") from None
    # Every name is looked up before computing, so an unknown one fails first, with a hint.
    values = {name: variables[name] for name in names}
    return _Walker(expression, source, names, values).value(tree.body)


class _Walker:
    """Computes the accepted subset of Python expressions, refusing everything else."""

    def __init__(
        self, expression: str, source: str, names: list[str], values: Mapping[str, Any]
    ) -> None:
        self._expression = expression
        self._source = source
        self._names = names
        self._values = values

    def value(self, node: ast.expr) -> Number:
        """The value of ``node``, or StepInputError for anything but arithmetic on numbers."""
        constant = node.value if isinstance(node, ast.Constant) else None
        if isinstance(constant, (int, float)) and not isinstance(constant, bool):
            return constant
        if isinstance(node, ast.Name) and node.id.startswith(_PLACEHOLDER):
            return self._variable(self._names[int(node.id[len(_PLACEHOLDER) :])])
        if isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.UAdd, ast.USub)):
            operand = self.value(node.operand)
            return -operand if isinstance(node.op, ast.USub) else operand
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
            return self._divide(self.value(node.left), self.value(node.right))
        if isinstance(node, ast.BinOp) and type(node.op) in _OPERATORS:
            combine = _OPERATORS[type(node.op)]
            return combine(self.value(node.left), self.value(node.right))  # type: ignore[no-any-return]
        raise StepInputError(f"{self._part(node)} is not allowed in arithmetic: {_HOW}.")

    def _part(self, node: ast.expr) -> str:
        segment = ast.get_source_segment(self._source, node) or ""
        for index, name in enumerate(self._names):
            segment = segment.replace(f"{_PLACEHOLDER}{index}", f"${{{name}}}")
        if segment.strip() == self._expression.strip():
            return repr(self._expression)
        return f"{segment!r} in {self._expression!r}"

    def _variable(self, name: str) -> Number:
        value = self._values[name]
        if not is_number(value):
            raise StepInputError(
                f"${{{name}}} in {self._expression!r} is {noun(value)} ({describe(value)}), "
                "not a number: arithmetic works on numbers only. Save the value from a JSON "
                f'number, or set it as a number with: Given the variable "{name}" is 3'
            )
        return value  # type: ignore[no-any-return]

    def _divide(self, dividend: Number, divisor: Number) -> Number:
        if divisor == 0:
            raise StepInputError(f"{self._expression!r} divides by zero.")
        if isinstance(dividend, int) and isinstance(divisor, int) and dividend % divisor == 0:
            return dividend // divisor
        return dividend / divisor
