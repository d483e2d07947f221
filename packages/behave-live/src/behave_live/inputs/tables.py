"""Read the tables of feature files: ``| name | value |`` pairs for queries, headers and forms.

The kit does not import behave: anything with ``headings`` and iterable rows of cells (a
behave ``Table``) will do.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Protocol

from behave_live.errors import StepInputError

__all__ = ["NAME_VALUE_COLUMNS", "TableLike", "name_value_pairs", "unique_name_values"]

NAME_VALUE_COLUMNS = ("name", "value")


class TableLike(Protocol):
    """A table from a feature file: a heading row, then rows of cells."""

    @property
    def headings(self) -> Sequence[str]:
        """The cells of the heading row."""
        ...

    def __iter__(self) -> Iterator[Iterable[str]]:
        """The rows below the heading, each an iterable of cells."""
        ...


def name_value_pairs(
    table: TableLike | None,
    what: str,
    substitute: Callable[[str], str] | None = None,
) -> list[tuple[str, str]]:
    """Return the ``(name, value)`` rows of a two-column table, in order.

    ``what`` names the table in messages ("query parameters"). The heading row must be
    ``| name | value |`` (any case); ``substitute`` (``Variables.substitute``) is applied
    to every cell. Names may repeat: a query or a form can carry a name several times.
    """
    if table is None:
        raise StepInputError(
            f"The step needs a table of {what} below it, for example:\n{_example(what)}"
        )
    headings = tuple(heading.strip().lower() for heading in table.headings)
    if headings != NAME_VALUE_COLUMNS:
        raise StepInputError(
            f"The {what} table must have the columns | name | value |, but its heading row is "
            f"{_row(table.headings)}. Make the first row | name | value | and put one "
            f"{_singular(what)} per row below it, for example:\n{_example(what)}"
        )
    pairs: list[tuple[str, str]] = []
    change = substitute or (lambda text: text)
    for number, row in enumerate(table, start=1):
        name, value = (change(cell) for cell in row)
        if not name.strip():
            raise StepInputError(
                f"Row {number} of the {what} table has an empty name (its value is {value!r})."
            )
        pairs.append((name.strip(), value))
    return pairs


def unique_name_values(
    table: TableLike | None,
    what: str,
    substitute: Callable[[str], str] | None = None,
) -> dict[str, str]:
    """Like :func:`name_value_pairs`, for tables where a name may appear once (headers).

    Names are compared case-insensitively, as HTTP header names are.
    """
    result: dict[str, str] = {}
    seen: dict[str, str] = {}
    for name, value in name_value_pairs(table, what, substitute):
        if name.lower() in seen:
            raise StepInputError(
                f"The {what} table names {name!r} twice (first as {seen[name.lower()]!r}): "
                f"give each {_singular(what)} one row."
            )
        seen[name.lower()] = name
        result[name] = value
    return result


def _row(cells: Iterable[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _singular(what: str) -> str:
    for plural, singular in (("parameters", "parameter"), ("headers", "header")):
        if what.endswith(plural):
            return what[: -len(plural)] + singular
    return what[:-1] if what.endswith("s") else what


_EXAMPLES = {
    "query parameters": ("page", "2"),
    "headers": ("X-Trace", "abc"),
    "form fields": ("email", "ada@example.com"),
}


def _example(what: str) -> str:
    name, value = next(
        (example for kind, example in _EXAMPLES.items() if what.endswith(kind)), ("name", "value")
    )
    width = max(len(name), len("name")), max(len(value), len("value"))
    return (
        f"    | {'name'.ljust(width[0])} | {'value'.ljust(width[1])} |\n"
        f"    | {name.ljust(width[0])} | {value.ljust(width[1])} |"
    )
