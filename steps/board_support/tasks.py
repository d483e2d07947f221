"""The tasks of one scenario: which title means which task, and each task as last seen.

Features name tasks by title ("the task 'Renew the certificate'") or say "the task" for the
one mentioned last. The board knows them by id. This memory links the two, and keeps every
task as the board last showed it, so that "the task should be unchanged" has something to
compare with. It also turns a task into the features' words (:func:`task_view`).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from behave_live.errors import StepInputError

from .cast import Cast

__all__ = ["PEOPLE_WORDS", "TASK_WORDS", "TaskMemory", "task_view"]

#: The features' word for each field of a task, and the board's name for it.
TASK_WORDS: Final = {
    "title": "title",
    "description": "description",
    "status": "status",
    "assignee": "assignee",
    "due date": "due_date",
    "created by": "created_by",
    "team": "team",
    "version": "version",
}
#: The fields that hold a person's or a team's name (shown without the scenario's suffix).
PEOPLE_WORDS: Final = frozenset({"assignee", "created by", "team", "name", "team name"})


def task_view(task: Mapping[str, Any], cast: Cast) -> dict[str, Any]:
    """The task in the features' words: ``{"due date": ..., "assignee": "Bob", ...}``."""
    view: dict[str, Any] = {}
    for word, name in TASK_WORDS.items():
        value = task.get(name)
        view[word] = cast.shown(value) if word in PEOPLE_WORDS and isinstance(value, str) else value
    return view


class TaskMemory:
    """Titles, authors and last-seen states of the tasks a scenario has dealt with."""

    def __init__(self) -> None:
        self._ids: dict[str, int] = {}
        self._authors: dict[int, str] = {}
        self._seen: dict[int, dict[str, Any]] = {}
        self.current: int | None = None

    def remember(self, task: Mapping[str, Any], author: str | None = None) -> int:
        """Record ``task`` as the board just showed it; it becomes "the task"."""
        task_id = int(task["id"])
        self._ids[str(task["title"])] = task_id
        self._seen[task_id] = dict(task)
        if author is not None:
            self._authors[task_id] = author
        self.current = task_id
        return task_id

    def forget(self, task_id: int) -> None:
        """Record that the task was deleted: its title still names it, for later attempts."""
        self.current = task_id

    def id_of(self, title: str) -> int:
        """The id of the task called ``title`` (the latest, if several were); it becomes current."""
        task_id = self._ids.get(title)
        if task_id is None:
            known = ", ".join(f"'{known}'" for known in self._ids) or "none yet"
            raise StepInputError(
                f"No task called '{title}' has been added in this scenario (known: {known}). "
                f"Add it first, for example with: Given Alice has added the task '{title}'"
            )
        self.current = task_id
        return task_id

    def current_id(self) -> int:
        """The id of "the task": the task mentioned last."""
        if self.current is None:
            raise StepInputError(
                "No task has been mentioned in this scenario yet, so 'the task' means nothing. "
                "Name it, as in: the task 'Renew the certificate'"
            )
        return self.current

    def author_of(self, task_id: int) -> str | None:
        """Who added the task, if it was added in this scenario."""
        return self._authors.get(task_id)

    def last_seen(self, task_id: int) -> dict[str, Any] | None:
        """The task as the board last showed it, or None if it never did."""
        seen = self._seen.get(task_id)
        return None if seen is None else dict(seen)

    def name_of(self, task_id: int) -> str:
        """How messages name the task: "the task 'Renew the certificate'"."""
        seen = self._seen.get(task_id)
        return f"the task '{seen['title']}'" if seen is not None else f"task {task_id}"
