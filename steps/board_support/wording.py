"""The words of the board's features as parse types: people, teams, quoted text, details.

Step patterns use them as ``{person:Person}``, ``{team:Team}``, ``'{title:Quoted}'`` and
``{detail:Detail}``; every board step module registers them with
``register_type(**BOARD_TYPES)`` before its patterns are compiled. Each type is narrow on
purpose - a person is one capitalised word, quoted text stops at its closing quote - so that
patterns sharing a beginning ("Alice adds the task 'X'" and "Alice adds the task 'X' with the
due date '2030-04-15'") can never swallow each other.

A *detail* is one fact about a task or a registration, said the way a person would say it:
``no title``, ``a blank title``, ``a title of 201 characters``, ``the status 'done'``,
``the assignee Bob``. The same phrase sets a value (``When Alice adds a task with ...``) and
checks it (``Then the task should have ...``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, Final, Literal

from behave_live.errors import StepInputError

__all__ = [
    "BOARD_TYPES",
    "DETAIL_FIELDS",
    "PERSON",
    "QUOTED",
    "Detail",
    "DetailForm",
    "numbered_titles",
    "parse_detail",
]

#: A person's or a team's name: one capitalised word ("Alice", "Apollo", "ALICE").
PERSON: Final = r"[A-Z][A-Za-z]*"
#: Text between single quotes, possibly empty. An apostrophe inside a word ("Bob's") is
#: part of the text; a quote followed by anything else closes it.
QUOTED: Final = r"(?:[^']|'(?=\w))*"

#: The domain word of every field a detail can name, and the board's name for it.
DETAIL_FIELDS: Final = {
    "title": "title",
    "description": "description",
    "status": "status",
    "due date": "due_date",
    "assignee": "assignee",
    "name": "name",
    "team name": "team",
}
_QUOTED_FIELDS: Final = ("title", "description", "status", "due date")
_PEOPLE_FIELDS: Final = ("assignee", "name", "team name")
_LENGTH_FIELDS: Final = ("title", "description", "name", "team name")

DetailForm = Literal["none", "empty", "blank", "length", "text", "person"]

_FORMS: Final[dict[str, DetailForm]] = {"no": "none", "an empty": "empty", "a blank": "blank"}


def _one_of(words: Iterable[str]) -> str:
    # Longest first, so that "team name" is tried before "name".
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_DETAIL_PATTERN: Final = (
    rf"(?:no|an empty|a blank) (?:{_one_of(DETAIL_FIELDS)})"
    rf"|a (?:{_one_of(_LENGTH_FIELDS)}) of [0-9]+ characters?"
    rf"|the (?:{_one_of(_QUOTED_FIELDS)}) '{QUOTED}'"
    rf"|the (?:{_one_of(_PEOPLE_FIELDS)}) {PERSON}"
)
_DETAIL: Final = re.compile(
    rf"(?P<form>no|an empty|a blank) (?P<empty_field>{_one_of(DETAIL_FIELDS)})"
    rf"|a (?P<long_field>{_one_of(_LENGTH_FIELDS)}) of (?P<length>[0-9]+) characters?"
    rf"|the (?P<quoted_field>{_one_of(_QUOTED_FIELDS)}) '(?P<text>{QUOTED})'"
    rf"|the (?P<person_field>{_one_of(_PEOPLE_FIELDS)}) (?P<person>{PERSON})"
)


@dataclass(frozen=True)
class Detail:
    """One fact about a task or a registration, as a feature says it.

    ``field`` is the domain word ("due date"); ``form`` says how the value is given:
    ``none`` (no value at all), ``empty`` (""), ``blank`` (spaces only), ``length`` (made-up
    text of ``length`` characters), ``text`` (the quoted ``text``) or ``person`` (the person
    or team called ``text``).
    """

    field: str
    form: DetailForm
    text: str = ""
    length: int = 0

    @property
    def api_field(self) -> str:
        """The board's name for the field (``due_date`` for "due date")."""
        return DETAIL_FIELDS[self.field]

    def __str__(self) -> str:
        if self.form == "length":
            unit = "character" if self.length == 1 else "characters"
            return f"a {self.field} of {self.length} {unit}"
        if self.form == "text":
            return f"the {self.field} '{self.text}'"
        if self.form == "person":
            return f"the {self.field} {self.text}"
        article = {"none": "no", "empty": "an empty", "blank": "a blank"}[self.form]
        return f"{article} {self.field}"


def parse_detail(text: str) -> Detail:
    """Read a detail phrase such as ``the status 'done'`` or ``a title of 201 characters``."""
    found = _DETAIL.fullmatch(text.strip())
    if found is None:
        raise StepInputError(
            f"{text!r} is not a detail the board's steps know. Say it like one of: no title, "
            "an empty description, a blank title, a title of 201 characters, the status "
            "'done', the due date '2030-04-15', the assignee Bob, the name Dana, the team "
            "name Apollo."
        )
    groups = found.groupdict()
    if groups["form"] is not None:
        return Detail(groups["empty_field"], _FORMS[groups["form"]])
    if groups["long_field"] is not None:
        return Detail(groups["long_field"], "length", length=int(groups["length"]))
    if groups["quoted_field"] is not None:
        return Detail(groups["quoted_field"], "text", text=groups["text"])
    return Detail(groups["person_field"], "person", text=groups["person"])


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
    if low > high:
        raise StepInputError(f"'{first}' to '{last}' counts down: put the lower number first.")
    if count is not None and high - low + 1 != count:
        raise StepInputError(
            f"'{first}' to '{last}' names {high - low + 1} tasks, not {count}: fix the number "
            "or the range."
        )
    return [f"{start['stem']}{number}" for number in range(low, high + 1)]


class _ParseType:
    """A parse type: a converter with the regular expression parse matches it with."""

    def __init__(self, pattern: str, convert: Callable[[str], Any]) -> None:
        self.pattern = pattern  # read by parse to build each step's regular expression
        self._convert = convert

    def __call__(self, text: str) -> Any:
        return self._convert(text)


def _text(text: str) -> str:
    return text


#: Register with ``behave.register_type(**BOARD_TYPES)`` in every board step module.
BOARD_TYPES: Final[dict[str, Callable[[str], Any]]] = {
    "Person": _ParseType(PERSON, _text),
    "Team": _ParseType(PERSON, _text),
    "Quoted": _ParseType(QUOTED, _text),
    "Detail": _ParseType(_DETAIL_PATTERN, parse_detail),
    "Pronoun": _ParseType("he|she|they", _text),
    "WhoIs": _ParseType("he is|she is|they are", _text),
}
