"""The board's records: plain, immutable values that every other module passes around."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final, Literal

__all__ = ["STATUSES", "Status", "Task", "User"]

Status = Literal["todo", "doing", "done"]

#: Every status a task can have, in the order a task usually moves through them.
STATUSES: Final[tuple[Status, ...]] = ("todo", "doing", "done")


@dataclass(frozen=True)
class User:
    """A registered user; ``team`` is the team's name as first registered."""

    id: int
    name: str
    team_id: int
    team: str


@dataclass(frozen=True)
class Task:
    """A task as stored, with user and team names already resolved for the API."""

    id: int
    title: str
    description: str | None
    status: Status
    assignee: str | None
    due_date: str | None
    team_id: int
    team: str
    created_by: str
    version: int
    created_at: str
    updated_at: str

    def to_json(self) -> dict[str, Any]:
        """Return the task as the API shows it (internal ids such as ``team_id`` left out)."""
        return {
            "id": self.id,
            "title": self.title,
            "description": self.description,
            "status": self.status,
            "assignee": self.assignee,
            "due_date": self.due_date,
            "team": self.team,
            "created_by": self.created_by,
            "version": self.version,
            "created_at": self.created_at,
            "updated_at": self.updated_at,
        }
