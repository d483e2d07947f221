"""Tables of tasks in the features: one task per row, or one task's details down the page.

Columns use the features' words (``title``, ``status``, ``assignee``, ``due date``...). An
empty cell means "none": no assignee, no due date. Both table shapes read the same cells::

    | title                 | status | assignee |      | title    | Renew the certificate |
    | Renew the certificate | doing  | Bob      |      | due date | 2030-05-01            |
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any, Protocol

from behave_live.errors import StepInputError

from .tasks import TASK_WORDS

__all__ = ["TableLike", "detail_column", "task_details", "task_rows"]

#: The columns a new task can be given in a table.
_NEW_TASK_WORDS = ("title", "description", "status", "assignee", "due date")


class TableLike(Protocol):
    """A behave table: a heading row, then rows of cells."""

    @property
    def headings(self) -> Sequence[str]:
        """The cells of the heading row."""
        ...

    def __iter__(self) -> Any:
        """The rows below the heading, each an iterable of cells."""
        ...


def task_rows(table: TableLike | None, *, new: bool = False) -> list[dict[str, Any]]:
    """One dict per row, keyed by column word; ``new``: only columns a new task can have."""
    table = _required(table, "| title | status |\n      | Renew the certificate | todo |")
    words = [_word(heading, new=new) for heading in table.headings]
    rows = [dict(zip(words, _cells(row), strict=True)) for row in table]
    return [{word: _value(word, cell) for word, cell in row.items()} for row in rows]


def task_details(table: TableLike | None) -> dict[str, Any]:
    """One task's details from a two-column table: a field word and its value on each line.

    The first line counts like the others (it is behave's heading row).
    """
    table = _required(
        table, "| title    | Renew the certificate |\n      | due date | 2030-05-01 |"
    )
    lines = [list(table.headings), *(_cells(row) for row in table)]
    details: dict[str, Any] = {}
    for line in lines:
        if len(line) != 2:
            raise StepInputError(
                f"A table of details has two columns, the field and its value; this line has "
                f"{len(line)}: | {' | '.join(line)} |"
            )
        word = _word(line[0], new=False)
        details[word] = _value(word, line[1])
    return details


def detail_column(table: TableLike | None) -> list[str]:
    """The phrases of a one-column table headed ``detail``."""
    table = _required(table, "| detail |\n      | no title |\n      | the status 'done' |")
    if [heading.strip().lower() for heading in table.headings] != ["detail"]:
        headings = " | ".join(table.headings)
        raise StepInputError(
            f"The table must have one column headed | detail |, not | {headings} |."
        )
    return [_cells(row)[0] for row in table]


def _required(table: TableLike | None, example: str) -> TableLike:
    if table is None:
        raise StepInputError(f"The step needs a table below it, for example:\n      {example}")
    return table


def _cells(row: Iterable[str]) -> list[str]:
    return [cell.strip() for cell in row]


def _word(heading: str, *, new: bool) -> str:
    word = " ".join(heading.lower().split())
    known = _NEW_TASK_WORDS if new else tuple(TASK_WORDS)
    if word not in known:
        raise StepInputError(f"A task has no {heading!r} here: use {', '.join(known)}.")
    return word


def _value(word: str, cell: str) -> Any:
    if not cell:
        return None
    if word == "version":
        if not cell.isdigit():
            raise StepInputError(f"A version is a whole number such as 2, not {cell!r}.")
        return int(cell)
    return cell
