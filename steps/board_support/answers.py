"""What the board can tell a person: as the features say it, as the board sends it, in words.

Two tables, both plain data:

- :data:`ANSWERS`: each phrase a feature may write after "should be told" and what the
  board's answer must then hold (a status and a document for the kit's ``match`` in mode
  ``contains``). ``{field}`` in a phrase stands for any field a person can fill in.
- :data:`TOLD`: how each kind of answer reads for a reader of the specification, filled
  from the answer itself (``Task 1 is at version 2, but Bob's change was made on
  version 1``). Refusals of a form's details read from the board's own messages, with the
  board's field names turned into the features' words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Final

from behave_live.errors import StepInputError
from behave_live.http.exchange import Exchange

from .words import FIELDS

__all__ = ["ANSWERS", "TOLD", "Answer", "answer_for", "told"]


@dataclass(frozen=True)
class Answer:
    """What a person should be told: the response ``status`` and what its body contains."""

    phrase: str
    status: int
    document: dict[str, Any]


def _error(name: str, message: str) -> dict[str, Any]:
    return {"status": 422, "errors": [{"field": name, "message": f"#regex .*{message}.*"}]}


def _problem(slug: str, **more: Any) -> dict[str, Any]:
    return {"type": f"#regex .*/{slug}", **more}


#: Phrase -> (status, what the body contains); ``{field}`` is any field the board checks.
ANSWERS: Final[dict[str, tuple[int, Any]]] = {
    "the {field} is required": (422, "is required"),
    "the {field} must not be blank": (422, "must not be blank"),
    "the {field} is too long": (422, "must be at most [0-9]+ characters"),
    "the status is not one the board knows": (422, _error("status", "must be one of")),
    "the status cannot be removed": (422, _error("status", "cannot be null")),
    "the due date is not a date": (422, _error("due_date", "must be a date written")),
    "the due date is not a day of the calendar": (422, _error("due_date", "not a day of the")),
    "the assignee is not a member of the team": (422, _error("assignee", "is not a member of")),
    "the page size must be from 1 to 100": (422, _error("limit", "from 1 to 100")),
    "the number of tasks to skip cannot be negative": (422, _error("offset", "of 0 or more")),
    "the name is already taken": (409, _problem("name-taken")),
    "someone else changed the task in the meantime": (
        409,
        _problem("version-conflict", current_version="#number"),
    ),
    "the task is already done": (409, _problem("already-done")),
    "the task belongs to another team": (403, {"status": 403}),
    "the task does not exist": (404, {"status": 404}),
    "to join the board first": (401, {"status": 401}),
    "the board is up": (200, {"status": "ok"}),
}

#: How each answer reads in the specification, by (status, problem slug or kind of attempt).
TOLD: Final[dict[tuple[int, str], str]] = {
    (200, "health"): "The board is up",
    (201, "join"): "Welcome, {name} of team {team}: here is your token",
    (200, "who"): "You are {name}, of team {team}",
    (201, "add"): "Task {id} added",
    (200, "look"): "Here is task {id}, '{title}'",
    (200, "open"): "Here is task {id}, '{title}', at version {version}",
    (200, "change"): "Task {id} saved, now at version {version}",
    (200, "complete"): "Task {id} is done, now at version {version}",
    (204, "delete"): "Task {task} deleted",
    (200, "list"): "Here are {total} tasks",
    (401, "*"): "Only members can use the board: join it to get a token",
    (401, "invalid"): "The board never gave out this token: join the board to get one",
    (403, "*"): "Task {task} belongs to another team",
    (404, "*"): "There is no task {task} on the board",
    (409, "version-conflict"): (
        "Task {task} is at version {current_version}, but {person}'s change was made on "
        "version {expected_version}"
    ),
    (409, "already-done"): "Task {task} is already done",
    (409, "name-taken"): "{detail}",
}
# The board's field names, longest first so that "due_date" is not read as part of another.
_NAMES: Final = {f.name: f.word for f in FIELDS if f.of != "registration"} | {
    "name": "name",
    "team": "team name",
}
_SAID_PLAINLY: Final = {"cannot be null": "cannot be removed"}


def _expand() -> dict[str, Answer]:
    answers: dict[str, Answer] = {}
    for phrase, (status, expected) in ANSWERS.items():
        if "{field}" not in phrase:
            answers[phrase] = Answer(phrase, status, expected)
            continue
        for f in FIELDS:
            if f.new or f.of == "registration":
                words = phrase.format(field=f.word)
                answers[words] = Answer(words, status, _error(f.name, expected))
    return answers


_ANSWERS: Final = _expand()


def answer_for(phrase: str) -> Answer:
    """The answer a feature means by ``phrase``, or an error listing the phrases known."""
    answer = _ANSWERS.get(" ".join(phrase.split()))
    if answer is None:
        raise StepInputError(
            f"The board's steps do not know what it means to be told {phrase!r}. Known: "
            + "; ".join(ANSWERS)
            + ". ({field} is a field a person fills in: title, description, name...)"
        )
    return answer


def told(person: str, kind: str, exchange: Exchange, task: int | None) -> str:
    """What ``person`` was told, in plain words: ``Bob was told: "Task 1 is ..."``.

    ``kind`` is the kind of attempt ("add", "join"...), ``task`` the task it was about.
    """
    response = exchange.response
    status = response.status_code
    try:
        body = response.json()
    except ValueError:
        body = None
    document = body if isinstance(body, dict) else {}
    slug = str(document.get("type", "")).rsplit("/", 1)[-1]
    if "invalid_token" in response.headers.get("WWW-Authenticate", ""):
        slug = "invalid"
    if status == 422 and isinstance(document.get("errors"), list):
        words = "; ".join(_reworded(error) for error in document["errors"])
    else:
        template = TOLD.get((status, slug)) or TOLD.get((status, kind)) or TOLD.get((status, "*"))
        values = {"person": person, "task": task, **document}
        words = template.format(**values) if template else str(document.get("title", status))
    words = words.rstrip(".")
    return f'{person[:1].upper()}{person[1:]} was told: "{words[:1].upper()}{words[1:]}"'


def _reworded(error: Any) -> str:
    """A field error in the features' words: ``due_date must be`` -> ``the due date must be``."""
    message = str(error.get("message", "")) if isinstance(error, dict) else str(error)
    name = str(error.get("field", "")) if isinstance(error, dict) else ""
    if name in _NAMES and message.startswith(name):
        message = f"the {_NAMES[name]}{message[len(name) :]}"
    for board_words, plain in _SAID_PLAINLY.items():
        message = message.replace(board_words, plain)
    return re.sub(r"\.$", "", message)
