"""What the board can tell a person, in the features' words, and what that means on the wire.

``Then Alice should be told the title is too long`` looks up "the title is too long" here:
a 422 whose ``errors`` hold one for ``title`` saying it must be at most so many characters.
The expectations are documents for the kit's ``match`` (mode ``contains``, with ``#regex``
markers), so a wrong answer is reported with every difference.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

from behave_live.errors import StepInputError

from .wording import DETAIL_FIELDS

__all__ = ["Answer", "answer_for", "known_answers"]


@dataclass(frozen=True)
class Answer:
    """What a person should be told: the response ``status`` and what its body contains."""

    phrase: str
    status: int
    document: Mapping[str, Any] = field(default_factory=dict)


# Field words of the features, and the board's names for them.
_FIELDS: Final = DETAIL_FIELDS


def _field_error(field_name: str, message: str) -> dict[str, Any]:
    return {"status": 422, "errors": [{"field": field_name, "message": f"#regex .*{message}.*"}]}


def _problem_type(slug: str) -> dict[str, Any]:
    return {"type": f"#regex .*/{re.escape(slug)}"}


_FIELD_WORDS: Final = "|".join(sorted(_FIELDS, key=len, reverse=True))

# (phrase as a regular expression, how it reads in the list of known answers, builder)
_Builder = Callable[[re.Match[str]], Answer]
_ANSWERS: Final[list[tuple[re.Pattern[str], str, _Builder]]] = []


def _answer(pattern: str, shown: str | None = None) -> Callable[[_Builder], _Builder]:
    def register(build: _Builder) -> _Builder:
        _ANSWERS.append((re.compile(pattern), shown or pattern, build))
        return build

    return register


@_answer(rf"the (?P<field>{_FIELD_WORDS}) is required", "the <field> is required")
def _required(found: re.Match[str]) -> Answer:
    return Answer(found[0], 422, _field_error(_FIELDS[found["field"]], "is required"))


@_answer(rf"the (?P<field>{_FIELD_WORDS}) must not be blank", "the <field> must not be blank")
def _blank(found: re.Match[str]) -> Answer:
    return Answer(found[0], 422, _field_error(_FIELDS[found["field"]], "must not be blank"))


@_answer(rf"the (?P<field>{_FIELD_WORDS}) is too long", "the <field> is too long")
def _too_long(found: re.Match[str]) -> Answer:
    message = r"must be at most [0-9]+ characters"
    return Answer(found[0], 422, _field_error(_FIELDS[found["field"]], message))


@_answer("the status is not one the board knows")
def _unknown_status(found: re.Match[str]) -> Answer:
    return Answer(found[0], 422, _field_error("status", "must be one of 'todo', 'doing', 'done'"))


@_answer("the status cannot be removed")
def _null_status(found: re.Match[str]) -> Answer:
    return Answer(found[0], 422, _field_error("status", "cannot be null"))


@_answer("the due date is not a date")
def _not_a_date(found: re.Match[str]) -> Answer:
    return Answer(found[0], 422, _field_error("due_date", "must be a date written YYYY-MM-DD"))


@_answer("the due date is not a day of the calendar")
def _not_a_day(found: re.Match[str]) -> Answer:
    return Answer(found[0], 422, _field_error("due_date", "is not a day of the calendar"))


@_answer("the assignee is not a member of the team")
def _outsider(found: re.Match[str]) -> Answer:
    return Answer(found[0], 422, _field_error("assignee", "is not a member of team"))


@_answer("the page size must be from 1 to 100")
def _page_size(found: re.Match[str]) -> Answer:
    return Answer(found[0], 422, _field_error("limit", "must be a whole number from 1 to 100"))


@_answer("the number of tasks to skip cannot be negative")
def _negative_skip(found: re.Match[str]) -> Answer:
    return Answer(found[0], 422, _field_error("offset", "must be a whole number of 0 or more"))


@_answer("the name is already taken")
def _name_taken(found: re.Match[str]) -> Answer:
    return Answer(found[0], 409, _problem_type("name-taken"))


@_answer("someone else changed the task in the meantime")
def _version_conflict(found: re.Match[str]) -> Answer:
    return Answer(
        found[0], 409, {**_problem_type("version-conflict"), "current_version": "#number"}
    )


@_answer("the task is already done")
def _already_done(found: re.Match[str]) -> Answer:
    return Answer(found[0], 409, _problem_type("already-done"))


@_answer("the task belongs to another team")
def _other_team(found: re.Match[str]) -> Answer:
    return Answer(found[0], 403, {"status": 403})


@_answer("the task does not exist")
def _missing_task(found: re.Match[str]) -> Answer:
    return Answer(found[0], 404, {"status": 404})


@_answer("to join the board first")
def _unknown_caller(found: re.Match[str]) -> Answer:
    return Answer(found[0], 401, {"status": 401})


@_answer("the board is up")
def _board_up(found: re.Match[str]) -> Answer:
    return Answer(found[0], 200, {"status": "ok"})


def answer_for(phrase: str) -> Answer:
    """The answer a feature means by ``phrase``, or an error listing the phrases known."""
    text = " ".join(phrase.split())
    for pattern, _, build in _ANSWERS:
        found = pattern.fullmatch(text)
        if found is not None:
            return build(found)
    raise StepInputError(
        f"The board's steps do not know what it means to be told {phrase!r}. Known: "
        + "; ".join(known_answers())
        + f". (<field> is one of: {', '.join(_FIELDS)}.)"
    )


def known_answers() -> list[str]:
    """Every phrase a person can be told, as written in the features (<field> for a field)."""
    return [shown for _, shown, _ in _ANSWERS]
