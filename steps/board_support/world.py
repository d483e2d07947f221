"""One scenario's view of the board: who is in it, what they did, and what the board said.

Every domain operation goes through :class:`BoardWorld`: it picks the person's token, turns
the features' names into the board's (see :mod:`board_support.cast`), sends the request with
:class:`~board_support.board_client.BoardClient`, remembers the tasks it sees, and records
the :class:`Outcome` - so that a later "Then Alice should be told ..." knows what Alice did
and what came back. Nothing here decides whether an answer was right: see
:mod:`board_support.checks`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final, Literal

from behave_live.errors import StepInputError
from behave_live.http.exchange import Exchange

from .board_client import BoardClient
from .cast import NEWCOMER, Cast
from .tasks import TASK_WORDS, TaskMemory
from .wording import Detail

__all__ = ["DEFAULT_TITLE", "BoardWorld", "Outcome", "OutcomeKind", "world_of"]

#: The title of a task whose feature step only cares about another detail.
DEFAULT_TITLE: Final = "A task"
#: The largest page the board hands out: the fewest requests to read a whole board.
_WHOLE_PAGE: Final = 100
#: The values of the details that need no making up: "no ...", "an empty ...", "a blank ...".
_PLAIN_VALUES: Final[dict[str, str | None]] = {"none": None, "empty": "", "blank": "   "}
#: A board with more tasks than this, in one scenario, means a runaway loop.
_MOST_TASKS: Final = 10_000

OutcomeKind = Literal[
    "health", "join", "who", "add", "look", "list", "change", "complete", "delete", "open"
]


@dataclass(frozen=True)
class Outcome:
    """What someone tried, and what the board answered.

    ``action`` says it in the features' words ("add the task 'X'") for messages. For an
    attempt on a task, ``task_id`` names it and ``before`` is the task as last seen before
    the attempt, which "the task should be unchanged" compares with.
    """

    actor: str
    action: str
    kind: OutcomeKind
    exchange: Exchange
    task_id: int | None = None
    before: Mapping[str, Any] | None = None

    @property
    def succeeded(self) -> bool:
        """Whether the board did what was asked (any 2xx answer)."""
        return 200 <= self.exchange.response.status_code < 300


class BoardWorld:
    """The board as one scenario sees it: the cast, the tasks, and the outcome of each try."""

    def __init__(self, client: BoardClient, cast: Cast | None = None) -> None:
        self.client = client
        self.cast = cast or Cast()
        self.tasks = TaskMemory()
        self.outcomes: list[Outcome] = []
        # (person, task id) -> the version of the task that person opened.
        self._copies: dict[tuple[str, int], int] = {}

    @property
    def last(self) -> Outcome | None:
        """The outcome of the latest attempt, if any."""
        return self.outcomes[-1] if self.outcomes else None

    def last_on(self, task_id: int) -> Outcome | None:
        """The outcome of the latest attempt on the task ``task_id``, if any."""
        return next((o for o in reversed(self.outcomes) if o.task_id == task_id), None)

    # -- values ----------------------------------------------------------------------------

    def value_of(self, detail: Detail) -> str | None:
        """The value the board gets for ``detail`` (people and teams under their board names)."""
        if detail.form == "length":
            if detail.field in ("name", "team name"):
                return self.cast.made_up_name(detail.length)
            return "x" * detail.length
        if detail.form == "person":
            return self.cast.board_name(detail.text)
        if detail.form == "text":
            return detail.text
        return _PLAIN_VALUES[detail.form]

    def fields_of(self, details: Iterable[Detail]) -> dict[str, str | None]:
        """The board's fields for ``details``: ``{"due_date": "2030-04-15", ...}``."""
        return {detail.api_field: self.value_of(detail) for detail in details}

    def fields_of_row(self, row: Mapping[str, Any]) -> dict[str, str | None]:
        """The board's fields for a table row in the features' words (assignee: a person)."""
        fields: dict[str, str | None] = {}
        for word, value in row.items():
            if value is None:
                fields[TASK_WORDS[word]] = None
            elif word == "assignee":
                fields[TASK_WORDS[word]] = self.cast.board_name(str(value))
            else:
                fields[TASK_WORDS[word]] = str(value)
        return fields

    # -- people ----------------------------------------------------------------------------

    def join(self, persona: str, team: str) -> Outcome:
        """``persona`` joins the board as a member of ``team``."""
        body = {"name": self.cast.board_name(persona), "team": self.cast.board_name(team)}
        outcome = self._record(
            persona,
            f"join the board as a member of team {team}",
            "join",
            self.client.register(body),
        )
        if outcome.succeeded:
            self.cast.join(persona, team, str(outcome.exchange.response.json()["token"]))
        return outcome

    def join_as_newcomer(self, details: Sequence[Detail]) -> Outcome:
        """Someone outside the cast tries to join, with ``details`` of their choosing.

        They have a name and a team of their own unless ``details`` say otherwise ("no team
        name" leaves the team out of the request).
        """
        body: dict[str, str | None] = {
            "name": self.cast.board_name("Newcomer"),
            "team": self.cast.board_name("Newcomers"),
            **self.fields_of(details),
        }
        sent = {name: value for name, value in body.items() if value is not None}
        action = "join the board with " + ", ".join(str(detail) for detail in details)
        outcome = self._record(NEWCOMER, action, "join", self.client.register(sent))
        if outcome.succeeded:
            answer = outcome.exchange.response.json()
            self.cast.join(NEWCOMER, self.cast.shown(answer["team"]), str(answer["token"]))
        return outcome

    def add_outsider(self, persona: str, *, made_up_token: bool = False) -> None:
        """Introduce ``persona``, who has not joined (no token, or a made-up one)."""
        self.cast.add_outsider(persona, made_up_token=made_up_token)

    def check_health(self, persona: str) -> Outcome:
        """``persona`` asks whether the board is up."""
        return self._record(
            persona, "check whether the board is up", "health", self.client.health()
        )

    def ask_who(self, persona: str) -> Outcome:
        """``persona`` asks the board who they are."""
        exchange = self.client.me(self.cast.token(persona))
        return self._record(persona, "ask the board who they are", "who", exchange)

    # -- tasks -----------------------------------------------------------------------------

    def add_task(self, persona: str, details: Sequence[Detail]) -> Outcome:
        """``persona`` adds a task with ``details`` (a title is made up if none is given).

        Details with no value ("no description") are left out: the board's default applies.
        """
        fields: dict[str, str | None] = {"title": DEFAULT_TITLE, **self.fields_of(details)}
        return self._add(persona, fields, f"add {_task_phrase(details)}")

    def add_task_row(self, persona: str, row: Mapping[str, Any]) -> Outcome:
        """``persona`` adds the task described by a table row (in the features' words)."""
        title = row.get("title")
        action = f"add the task '{title}'" if title is not None else "add a task without a title"
        return self._add(persona, self.fields_of_row(row), action)

    def _add(self, persona: str, fields: Mapping[str, str | None], action: str) -> Outcome:
        sent = {name: value for name, value in fields.items() if value is not None}
        exchange = self.client.add_task(self.cast.token(persona), sent)
        outcome = self._record(persona, action, "add", exchange)
        if outcome.succeeded:
            self.tasks.remember(exchange.response.json(), author=persona)
        return outcome

    def look_at_task(self, persona: str, task_id: int) -> Outcome:
        """``persona`` looks at one task."""
        exchange = self.client.get_task(self.cast.token(persona), task_id)
        return self._on_task(
            persona, f"look at {self.tasks.name_of(task_id)}", "look", task_id, exchange
        )

    def open_task(self, persona: str, task_id: int) -> Outcome:
        """``persona`` opens a task to edit it: later saves expect the version they saw."""
        exchange = self.client.get_task(self.cast.token(persona), task_id)
        outcome = self._on_task(
            persona, f"open {self.tasks.name_of(task_id)}", "open", task_id, exchange
        )
        if outcome.succeeded:
            self._copies[(persona, task_id)] = int(exchange.response.json()["version"])
        return outcome

    def change_task(
        self, persona: str, task_id: int, details: Sequence[Detail], *, from_copy: bool = False
    ) -> Outcome:
        """``persona`` changes some fields ("no due date" clears one).

        ``from_copy``: the change applies only to the version ``persona`` opened.
        """
        version = self.copy_version(persona, task_id) if from_copy else None
        exchange = self.client.change_task(
            self.cast.token(persona), task_id, self.fields_of(details), version
        )
        name = self.tasks.name_of(task_id)
        renamed = [d.text for d in details if d.field == "title" and d.form == "text"]
        if len(details) == 1 and renamed:
            action = f"rename {name} to '{renamed[0]}'"
        else:
            action = f"give {name} " + ", ".join(str(detail) for detail in details)
        outcome = self._on_task(persona, action, "change", task_id, exchange)
        if outcome.succeeded and from_copy:
            # Saving refreshes the person's copy: their next save builds on this one.
            self._copies[(persona, task_id)] = int(exchange.response.json()["version"])
        return outcome

    def complete_task(self, persona: str, task_id: int, *, from_copy: bool = False) -> Outcome:
        """``persona`` marks a task done; ``from_copy``: only as they opened it."""
        version = self.copy_version(persona, task_id) if from_copy else None
        exchange = self.client.complete_task(self.cast.token(persona), task_id, version)
        action = f"complete {self.tasks.name_of(task_id)}"
        return self._on_task(persona, action, "complete", task_id, exchange)

    def delete_task(self, persona: str, task_id: int, *, from_copy: bool = False) -> Outcome:
        """``persona`` deletes a task; ``from_copy``: only as they opened it."""
        version = self.copy_version(persona, task_id) if from_copy else None
        exchange = self.client.delete_task(self.cast.token(persona), task_id, version)
        action = f"delete {self.tasks.name_of(task_id)}"
        outcome = self._on_task(persona, action, "delete", task_id, exchange)
        if outcome.succeeded:
            self.tasks.forget(task_id)
        return outcome

    def copy_version(self, persona: str, task_id: int) -> int:
        """The version of the task ``persona`` opened; an error if they never opened it."""
        version = self._copies.get((persona, task_id))
        if version is None:
            name = self.tasks.name_of(task_id)
            raise StepInputError(
                f"{persona} has not opened {name}, so there is no copy to save from. Add a "
                f"step before this one such as: Given {persona} has opened {name}"
            )
        return version

    # -- the board -------------------------------------------------------------------------

    def look_at_board(
        self,
        persona: str,
        team: str,
        *,
        status: str | None = None,
        assignee: str | None = None,
        page_size: int | None = None,
        skip: int | None = None,
    ) -> Outcome:
        """``persona`` looks at (one page of) the ``team`` board, maybe filtered.

        ``assignee`` is a person as the features say it; ``page_size`` and ``skip`` choose
        the page (the board's defaults apply when they are None).
        """
        self.cast.check_board(persona, team)
        query: dict[str, str | int] = {}
        tasks = "tasks"
        if status is not None:
            query["status"] = status
            tasks = f"'{status}' tasks"
        if assignee is not None:
            query["assignee"] = self.cast.board_name(assignee)
            tasks += f" assigned to {assignee}"
        shown = f"the {tasks} on the {team} board" if query else f"the {team} board"
        if page_size is not None:
            query["limit"] = page_size
            shown += f" {page_size} tasks at a time"
        if skip is not None:
            query["offset"] = skip
            shown += f", skipping the first {skip}"
        exchange = self.client.list_tasks(self.cast.token(persona), query)
        outcome = self._record(persona, f"look at {shown}", "list", exchange)
        if outcome.succeeded:
            for task in exchange.response.json()["items"]:
                self.tasks.remember(task)
        return outcome

    def whole_board(self, persona: str) -> tuple[list[dict[str, Any]], Exchange]:
        """Every task on ``persona``'s board, page after page, and the last exchange.

        This is a check's own look at the board: it is not recorded as an attempt. When a
        page is refused, the tasks read so far come back with the refusing exchange.
        """
        token = self.cast.token(persona)
        tasks: list[dict[str, Any]] = []
        while True:
            exchange = self.client.list_tasks(token, {"limit": _WHOLE_PAGE, "offset": len(tasks)})
            if exchange.response.status_code != 200:
                return tasks, exchange
            page = exchange.response.json()
            tasks += page["items"]
            if not page["items"] or len(tasks) >= page["total"] or len(tasks) > _MOST_TASKS:
                return tasks, exchange

    def fetch_task(self, task_id: int) -> Exchange:
        """Read a task as its author sees it (a check's own look: not recorded)."""
        author = self.tasks.author_of(task_id)
        token = self.cast.token(author) if author is not None else None
        return self.client.get_task(token, task_id)

    # -- helpers ---------------------------------------------------------------------------

    def _on_task(
        self,
        persona: str,
        action: str,
        kind: OutcomeKind,
        task_id: int,
        exchange: Exchange,
    ) -> Outcome:
        # Not yet updated from this exchange: the task as it was before the attempt.
        before = self.tasks.last_seen(task_id)
        self.tasks.current = task_id
        outcome = Outcome(persona, action, kind, exchange, task_id, before)
        self.outcomes.append(outcome)
        if outcome.succeeded and kind != "delete":
            self.tasks.remember(exchange.response.json())
        return outcome

    def _record(self, persona: str, action: str, kind: OutcomeKind, exchange: Exchange) -> Outcome:
        outcome = Outcome(persona, action, kind, exchange)
        self.outcomes.append(outcome)
        return outcome


def _task_phrase(details: Sequence[Detail]) -> str:
    """How an action names a new task: "the task 'X'", "the task 'X' with ...", "a task with..."."""
    titles = [d for d in details if d.field == "title" and d.form == "text"]
    others = ", ".join(str(d) for d in details if d not in titles)
    if titles:
        return f"the task '{titles[0].text}'" + (f" with {others}" if others else "")
    return f"a task with {others}"


def world_of(context: Any) -> BoardWorld:
    """The scenario's :class:`BoardWorld`, made on first use around ``context.http``.

    It lives on the scenario's layer of the behave context, so it goes when the scenario
    ends; a new HTTP session (a new scenario) always gets a new world and a new cast.
    """
    world = getattr(context, "board_world", None)
    if not isinstance(world, BoardWorld) or world.client.http is not context.http:
        world = BoardWorld(BoardClient(context.http))
        context.board_world = world
    return world
