"""Read the tables of feature files: ``| name | value |`` pairs for queries, headers and forms.

The kit does not import behave: anything with ``headings`` and iterable rows of cells (a
behave ``Table``) will do.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Protocol

from behave_live.errors import StepInputError

__all__ = ["NAME_VALUE_COLUMNS", "TableLike", "header_values", "name_value_pairs"]

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


def header_values(
    table: TableLike | None,
    what: str,
    substitute: Callable[[str], str] | None = None,
) -> dict[str, str]:
    """Like :func:`name_value_pairs`, for headers: a name on several rows is sent once.

    ``requests`` sends one line per header name, so the values of a name given on several
    rows (compared case-insensitively) are joined in order with ", " - the combined form
    RFC 9110 (section 5.3) defines as equivalent to separate lines for list-valued headers
    (Accept, Cache-Control, X-Forwarded-For, ...). Cookie values are joined with "; " as
    RFC 6265 wants. The first row's spelling of the name is kept.
    """
    result: dict[str, str] = {}
    spelling: dict[str, str] = {}
    for name, value in name_value_pairs(table, what, substitute):
        key = name.lower()
        if key not in spelling:
            spelling[key] = name
            result[name] = value
            continue
        separator = "; " if key == "cookie" else ", "
        first = spelling[key]
        result[first] = f"{result[first]}{separator}{value}"
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
