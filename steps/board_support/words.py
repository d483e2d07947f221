"""The board's words: its fields, described once, and the phrases features use for them.

:data:`FIELDS` is the one table of what a task (and a registration, and a look at the board)
holds: the features' word for each field, the board's name for it, and how a detail about
it may be said. Everything else - parsing ``the due date '2030-04-15'``, reading tables,
showing a task in words, rewording the board's messages - is derived from it.

Step patterns use the parse types of :data:`BOARD_TYPES` (``{person:Person}``,
``'{title:Quoted}'``, ``{detail:Detail}``). Each is narrow on purpose - a person is one
capitalised word, quoted text stops at its closing quote - so that patterns sharing a
beginning can never swallow each other.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Final, Literal, Protocol

from behave_live.errors import StepInputError

__all__ = [
    "BOARD_TYPES",
    "FIELDS",
    "Detail",
    "Field",
    "TableLike",
    "detail_column",
    "field",
    "in_words",
    "numbered_titles",
    "parse_detail",
    "task_details",
    "task_rows",
]

#: How a value is written in a detail: ``the status 'done'`` (quoted) or ``the assignee Bob``.
Spelling = Literal["quoted", "name", "number", "time"]


@dataclass(frozen=True)
class Field:
    """One field: the features' ``word``, the board's ``name``, how its value is spelled.

    ``new``: a new task can be given it. ``length``: features may ask for made-up text of
    some length (``a title of 201 characters``). ``of``: what holds it - a task, a
    registration, or a look at the board.
    """

    word: str
    name: str
    spelling: Spelling = "quoted"
    new: bool = False
    length: bool = False
    of: Literal["task", "registration", "look"] = "task"


#: Every field the features speak of, in the order a task is shown.
FIELDS: Final = (
    Field("number", "id", "number"),
    Field("title", "title", new=True, length=True),
    Field("description", "description", new=True, length=True),
    Field("status", "status", new=True),
    Field("assignee", "assignee", "name", new=True),
    Field("due date", "due_date", new=True),
    Field("team", "team", "name"),
    Field("created by", "created_by", "name"),
    Field("version", "version", "number"),
    Field("added at", "created_at", "time"),
    Field("last changed at", "updated_at", "time"),
    Field("name", "name", "name", length=True, of="registration"),
    Field("team name", "team", "name", length=True, of="registration"),
    Field("page size", "limit", "number", of="look"),
    Field("number of tasks to skip", "offset", "number", of="look"),
)
_BY_WORD: Final = {f.word: f for f in FIELDS}
TASK_WORDS: Final = tuple(f.word for f in FIELDS if f.of == "task")


def field(word: str) -> Field:
    """The field the features call ``word``, or an error listing the words of a task."""
    found = _BY_WORD.get(" ".join(word.lower().split()))
    if found is None:
        raise StepInputError(f"A task has no {word!r}: use {', '.join(TASK_WORDS)}.")
    return found


def in_words(task: dict[str, Any]) -> dict[str, Any]:
    """A task from the board, keyed by the features' words: ``{"due date": ..., ...}``."""
    return {f.word: task.get(f.name) for f in FIELDS if f.of == "task"}


#: A person's or a team's name: one capitalised word ("Alice", "Apollo", "ALICE").
_NAME: Final = r"[A-Z][A-Za-z]*"
#: Text between single quotes, possibly empty. An apostrophe inside a word ("Bob's") is
#: part of the text; a quote followed by anything else closes it.
_QUOTED: Final = r"(?:[^']|'(?=\w))*"
_ARTICLES: Final = {"no": "none", "an empty": "empty", "a blank": "blank"}
Form = Literal["none", "empty", "blank", "length", "text", "name"]


def _one_of(fields: Iterable[Field]) -> str:
    # Longest first, so that "team name" is tried before "name".
    return "|".join(re.escape(f.word) for f in sorted(fields, key=lambda f: -len(f.word)))


_SETTABLE = [f for f in FIELDS if f.new or f.of == "registration"]
_DETAIL: Final = re.compile(
    rf"(?P<article>no|an empty|a blank) (?P<empty>{_one_of(_SETTABLE)})"
    rf"|a (?P<long>{_one_of(f for f in FIELDS if f.length)}) of (?P<length>[0-9]+) characters?"
    rf"|the (?P<quoted>{_one_of(f for f in _SETTABLE if f.spelling == 'quoted')})"
    rf" '(?P<text>{_QUOTED})'"
    rf"|the (?P<named>{_one_of(f for f in _SETTABLE if f.spelling == 'name')}) (?P<who>{_NAME})"
)


@dataclass(frozen=True)
class Detail:
    """One fact about a task or a registration, as a feature says it (``the status 'done'``).

    ``form`` says how the value is given: ``none`` (no value), ``empty`` (""), ``blank``
    (spaces), ``length`` (made-up text of ``length`` characters), ``text`` (the quoted
    ``text``) or ``name`` (the person or team called ``text``).
    """

    field: Field
    form: Form
    text: str = ""
    length: int = 0

    @property
    def value(self) -> str | None:
        """The value the board gets: made-up text is ``x`` repeated (unique on a fresh board)."""
        plain = {"none": None, "empty": "", "blank": "   ", "length": "x" * self.length}
        return plain.get(self.form, self.text)

    def __str__(self) -> str:
        if self.form == "length":
            unit = "character" if self.length == 1 else "characters"
            return f"a {self.field.word} of {self.length} {unit}"
        if self.form in ("text", "name"):
            text = f"'{self.text}'" if self.form == "text" else self.text
            return f"the {self.field.word} {text}"
        article = {form: words for words, form in _ARTICLES.items()}[self.form]
        return f"{article} {self.field.word}"


def parse_detail(text: str) -> Detail:
    """Read a detail phrase such as ``the status 'done'`` or ``a title of 201 characters``."""
    found = _DETAIL.fullmatch(text.strip())
    if found is None:
        raise StepInputError(
            f"{text!r} is not a detail the board's steps know. Say it like one of: no title, "
            "an empty description, a blank title, a title of 201 characters, the status "
            "'done', the due date '2030-04-15', the assignee Bob, the team name Apollo."
        )
    parts = found.groupdict()
    if parts["article"] is not None:
        return Detail(_BY_WORD[parts["empty"]], _ARTICLES[parts["article"]])  # type: ignore[arg-type]
    if parts["long"] is not None:
        return Detail(_BY_WORD[parts["long"]], "length", length=int(parts["length"]))
    if parts["quoted"] is not None:
        return Detail(_BY_WORD[parts["quoted"]], "text", parts["text"])
    return Detail(_BY_WORD[parts["named"]], "name", parts["who"])


def title(text: str) -> Detail:
    """The detail ``the title '<text>'``."""
    return Detail(_BY_WORD["title"], "text", text)


_NUMBERED: Final = re.compile(r"(?P<stem>.*?)(?P<number>[0-9]+)")


def numbered_titles(first: str, last: str, count: int | None = None) -> list[str]:
    """Every title from ``first`` to ``last``: 'Task 3' to 'Task 5' -> Task 3, Task 4, Task 5.

    With ``count``, the range must hold exactly that many titles.
    """
    start, end = _NUMBERED.fullmatch(first), _NUMBERED.fullmatch(last)
    if start is None or end is None or start["stem"] != end["stem"]:
        raise StepInputError(
            f"'{first}' to '{last}' is not a range of numbered titles: write the same words "
            "followed by a number, such as 'Task 1' to 'Task 25'."
        )
    low, high = int(start["number"]), int(end["number"])
    if low > high or (count is not None and high - low + 1 != count):
        raise StepInputError(
            f"'{first}' to '{last}' does not name {count or 'some'} tasks counting up: "
            "put the lower number first and make the count match."
        )
    return [f"{start['stem']}{number}" for number in range(low, high + 1)]


# -- tables ------------------------------------------------------------------------------------


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
    """One dict per row, keyed by field word (an empty cell: none); ``new``: new-task fields."""
    table = _required(table, "| title | status |")
    fields = [field(heading) for heading in table.headings]
    wrong = [f.word for f in fields if (new and not f.new) or f.of != "task"]
    if wrong:
        allowed = [f.word for f in FIELDS if f.new] if new else TASK_WORDS
        raise StepInputError(f"A task has no {wrong[0]!r} here: use {', '.join(allowed)}.")
    return [{f.word: _value(f, cell) for f, cell in zip(fields, row, strict=True)} for row in table]


def task_details(table: TableLike | None) -> dict[str, Any]:
    """One task's details from a two-column table: a field word and its value on each line.

    The first line counts like the others (it is behave's heading row).
    """
    table = _required(table, "| title    | Renew the certificate |")
    details: dict[str, Any] = {}
    for line in [list(table.headings), *(list(row) for row in table)]:
        if len(line) != 2:
            raise StepInputError(
                "A table of details has two columns, the field and its value; this line has "
                f"{len(line)}: | {' | '.join(line)} |"
            )
        details[field(line[0]).word] = _value(field(line[0]), line[1])
    return details


def detail_column(table: TableLike | None) -> list[str]:
    """The phrases of a one-column table headed ``detail``."""
    table = _required(table, "| detail |\n      | no title |")
    if [heading.strip().lower() for heading in table.headings] != ["detail"]:
        headings = " | ".join(table.headings)
        raise StepInputError(
            f"The table must have one column headed | detail |, not | {headings} |."
        )
    return [next(iter(row)).strip() for row in table]


def _required(table: TableLike | None, example: str) -> TableLike:
    if table is None:
        raise StepInputError(f"The step needs a table below it, for example:\n      {example}")
    return table


def _value(f: Field, cell: str) -> Any:
    cell = cell.strip()
    if not cell:
        return None
    if f.spelling == "number":
        if not cell.isdigit():
            raise StepInputError(f"A {f.word} is a whole number such as 2, not {cell!r}.")
        return int(cell)
    return cell


class _ParseType:
    """A parse type: a converter with the regular expression parse matches it with."""

    def __init__(self, pattern: str, convert: Callable[[str], Any] = str) -> None:
        self.pattern = pattern  # read by parse to build each step's regular expression
        self._convert = convert

    def __call__(self, text: str) -> Any:
        return self._convert(text)


#: Register with ``behave.register_type(**BOARD_TYPES)`` in every board step module.
BOARD_TYPES: Final[dict[str, Callable[[str], Any]]] = {
    "Person": _ParseType(_NAME),
    "Team": _ParseType(_NAME),
    "Quoted": _ParseType(_QUOTED),
    # parse wraps the pattern in a group of its own: the detail's named groups must go.
    "Detail": _ParseType(re.sub(r"\(\?P<\w+>", "(?:", _DETAIL.pattern), parse_detail),
    "Pronoun": _ParseType("he|she|they"),
    "WhoIs": _ParseType("he is|she is|they are"),
}
