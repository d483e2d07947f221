"""One scenario's board: who is in it, which task is which, and what each attempt got back.

A :class:`BoardWorld` is made for every scenario by the ``before_scenario`` hook in
``environment.py`` (see :func:`start_world`) and found by steps with :func:`world_of`.
Every domain operation goes through it: it picks the person's token, sends the request
through the scenario's kit session (so the report shows every exchange), remembers the
tasks it sees, and records the :class:`Outcome`, so that a later "Then Alice should be
told ..." knows what Alice did and what came back. Deciding whether an answer was right
is for :mod:`board_support.checks`.

The board features run on a fresh board per scenario (``@fixture.server.per_scenario``),
so people and teams are sent exactly as the features name them.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final, Literal

from behave_live.bdd.report import ReportAttachments
from behave_live.errors import StepInputError
from behave_live.http.exchange import Exchange
from behave_live.http.session import HttpSession

from .words import Detail, field

__all__ = ["NEWCOMER", "BoardWorld", "Outcome", "Person", "start_world", "world_of"]

#: How the features refer to someone who joins without a name of their own in the cast.
NEWCOMER: Final = "the newcomer"
_TASKS: Final = "/board/tasks"
#: The title of a task whose feature step only cares about another detail.
_SOME_TITLE: Final = "A task"
#: The largest page the board hands out: the fewest requests to read a whole board.
_WHOLE_PAGE: Final = 100

Kind = Literal[
    "health", "join", "who", "add", "look", "open", "list", "change", "complete", "delete"
]


@dataclass
class Person:
    """Someone in the scenario. ``token`` is None for someone who has not joined."""

    name: str
    token: str | None
    team: str | None = None


@dataclass(frozen=True)
class Outcome:
    """What someone tried (``action``, in the features' words) and what the board answered.

    For an attempt on a task, ``task_id`` names it and ``before`` is the task as last seen
    before the attempt, which "the task should be unchanged" compares with.
    """

    person: str
    action: str
    kind: Kind
    exchange: Exchange
    task_id: int | None = None
    before: Mapping[str, Any] | None = None

    @property
    def succeeded(self) -> bool:
        """Whether the board did what was asked (any 2xx answer)."""
        return 200 <= self.exchange.response.status_code < 300

    @property
    def body(self) -> Any:
        """The answer's JSON document (None when it has none)."""
        try:
            return self.exchange.response.json()
        except ValueError:
            return None


class BoardWorld:
    """The board as one scenario sees it: its people, its tasks, the outcome of each try."""

    def __init__(self, http: HttpSession, report: ReportAttachments) -> None:
        self.http = http
        self.report = report
        self.outcomes: list[Outcome] = []
        self.people: dict[str, Person] = {}
        self._task_ids: dict[str, int] = {}
        self._seen: dict[int, dict[str, Any]] = {}
        self._authors: dict[int, str] = {}
        self._opened: dict[tuple[str, int], int] = {}  # (person, task) -> version opened
        self.current_task: int | None = None

    # -- for steps -------------------------------------------------------------------------

    def tell(self, words: str) -> None:
        """Attach ``words`` - what someone was told or saw - to the current step's report."""
        self.report.attach_summary(words)

    def person(self, name: str) -> Person:
        """The person called ``name``, or an error saying how to introduce them."""
        person = self.people.get(name.lower())
        if person is None:
            known = ", ".join(sorted(p.name for p in self.people.values())) or "nobody yet"
            raise StepInputError(
                f"Nobody called {name} is in this scenario (known: {known}). Introduce them "
                f"first, for example with: Given {name} is a member of team Apollo"
            )
        return person

    def token_of(self, name: str) -> str | None:
        """The token ``name`` sends with every request (None: they send none)."""
        return self.person(name).token

    @property
    def last(self) -> Outcome | None:
        """The outcome of the latest attempt, if any."""
        return self.outcomes[-1] if self.outcomes else None

    # -- tasks by title --------------------------------------------------------------------

    def task_id(self, title_or_number: str | int) -> int:
        """The number of the task called so (the latest of that title); it becomes "the task"."""
        if isinstance(title_or_number, int):
            found: int | None = title_or_number
        else:
            found = self._task_ids.get(title_or_number)
        if found is None:
            known = ", ".join(f"'{known}'" for known in self._task_ids) or "none yet"
            raise StepInputError(
                f"No task called '{title_or_number}' has been added in this scenario (known: "
                f"{known}). Add it first: Given Alice has added the task '{title_or_number}'"
            )
        self.current_task = found
        return found

    def the_task(self) -> int:
        """The number of "the task": the task mentioned last."""
        if self.current_task is None:
            raise StepInputError(
                "No task has been mentioned in this scenario yet, so 'the task' means nothing. "
                "Name it, as in: the task 'Renew the certificate'"
            )
        return self.current_task

    def name_of(self, task_id: int) -> str:
        """How messages name a task: "the task 'Renew the certificate'" (or "task 7")."""
        seen = self._seen.get(task_id)
        return f"the task '{seen['title']}'" if seen else f"task {task_id}"

    # -- people ----------------------------------------------------------------------------

    def join(self, name: str, team: str) -> Outcome:
        """``name`` joins the board as a member of ``team``."""
        action = f"join the board as a member of team {team}"
        return self._join(name, action, {"name": name, "team": team})

    def join_as_newcomer(self, details: Sequence[Detail]) -> Outcome:
        """Someone outside the cast tries to join; ``details`` replace their name or team."""
        body: dict[str, str | None] = {"name": "Newcomer", "team": "Newcomers"}
        body.update({d.field.name: d.value for d in details})
        action = "join the board with " + ", ".join(map(str, details))
        return self._join(NEWCOMER, action, {k: v for k, v in body.items() if v is not None})

    def _join(self, name: str, action: str, body: dict[str, Any]) -> Outcome:
        outcome = self._attempt(name, action, "join", "POST", "/board/users", json=body)
        if outcome.succeeded:
            answer = outcome.body
            self.people[name.lower()] = Person(name, str(answer["token"]), str(answer["team"]))
        return outcome

    def add_outsider(self, name: str, *, made_up_token: bool = False) -> None:
        """Introduce ``name``, who has not joined: no token, or one the board never gave out."""
        token = secrets.token_urlsafe(32) if made_up_token else None
        self.people[name.lower()] = Person(name, token)

    def check_health(self, name: str) -> Outcome:
        """``name`` asks whether the board is up (no token needed)."""
        return self._attempt(
            name, "check whether the board is up", "health", "GET", "/board/health"
        )

    def ask_who(self, name: str) -> Outcome:
        """``name`` asks the board who they are."""
        return self._attempt(name, "ask the board who they are", "who", "GET", "/board/me")

    # -- tasks -----------------------------------------------------------------------------

    def add_task(self, name: str, details: Sequence[Detail]) -> Outcome:
        """``name`` adds a task with ``details`` (a title is made up if none is given)."""
        fields: dict[str, Any] = {"title": _SOME_TITLE}
        fields.update({d.field.name: d.value for d in details})
        titled = [d for d in details if d.field.word == "title" and d.form == "text"]
        others = ", ".join(str(d) for d in details if d not in titled)
        what = f"the task '{titled[0].text}'" if titled else "a task"
        action = f"add {what}" + (f" with {others}" if others else "")
        return self._add(name, fields, action)

    def add_task_row(self, name: str, row: Mapping[str, Any]) -> Outcome:
        """``name`` adds the task a table row describes (in the features' words)."""
        fields = {field(word).name: value for word, value in row.items()}
        return self._add(name, fields, f"add the task '{row.get('title')}'")

    def _add(self, name: str, fields: Mapping[str, Any], action: str) -> Outcome:
        sent = {key: value for key, value in fields.items() if value is not None}
        outcome = self._attempt(name, action, "add", "POST", _TASKS, json=sent)
        if outcome.succeeded:
            self._authors[self._remember(outcome.body)] = name
        return outcome

    def look_at_task(self, name: str, task_id: int, *, kind: Kind = "look") -> Outcome:
        """``name`` looks at one task; to ``open`` it is to look in order to change it."""
        verb = "open" if kind == "open" else "look at"
        outcome = self._on_task(name, f"{verb} {self.name_of(task_id)}", kind, "GET", task_id)
        if outcome.succeeded and kind == "open":
            self._opened[(name, task_id)] = int(outcome.body["version"])
        return outcome

    def change_task(
        self, name: str, task_id: int, details: Sequence[Detail], *, as_opened: bool = False
    ) -> Outcome:
        """``name`` changes some details; ``as_opened``: only if still as they opened it."""
        body: dict[str, Any] = {d.field.name: d.value for d in details}
        if as_opened:
            body["version"] = self._opened_version(name, task_id)
        renamed = [d.text for d in details if d.field.word == "title" and d.form == "text"]
        if len(details) == 1 and renamed:
            action = f"rename {self.name_of(task_id)} to '{renamed[0]}'"
        else:
            action = f"give {self.name_of(task_id)} " + ", ".join(map(str, details))
        outcome = self._on_task(name, action, "change", "PATCH", task_id, json=body)
        if outcome.succeeded and as_opened:
            # Saving refreshes the person's copy: their next save builds on this one.
            self._opened[(name, task_id)] = int(outcome.body["version"])
        return outcome

    def complete_task(self, name: str, task_id: int, *, as_opened: bool = False) -> Outcome:
        """``name`` marks a task done; ``as_opened``: only if still as they opened it."""
        action = f"complete {self.name_of(task_id)}"
        headers = self._if_opened(name, task_id, as_opened)
        path = f"{_TASKS}/{task_id}/complete"
        return self._on_task(name, action, "complete", "POST", task_id, path=path, headers=headers)

    def delete_task(self, name: str, task_id: int, *, as_opened: bool = False) -> Outcome:
        """``name`` deletes a task; ``as_opened``: only if still as they opened it."""
        action = f"delete {self.name_of(task_id)}"
        headers = self._if_opened(name, task_id, as_opened)
        return self._on_task(name, action, "delete", "DELETE", task_id, headers=headers)

    def look_at_board(self, name: str, team: str, query: Mapping[str, Any], shown: str) -> Outcome:
        """``name`` looks at (a page of) the ``team`` board; ``shown`` says how, in words."""
        self.check_team(name, team)
        outcome = self._attempt(name, f"look at {shown}", "list", "GET", _TASKS, params=query)
        if outcome.succeeded:
            for task in outcome.body["items"]:
                self._remember(task)
        return outcome

    def check_team(self, name: str, team: str) -> None:
        """Fail if ``name`` is in another team: the board shows everyone their own team's."""
        person = self.person(name)
        if person.team is not None and person.team.lower() != team.lower():
            raise StepInputError(
                f"{name} is a member of team {person.team}, so the board shows {name} the "
                f"{person.team} board, never the {team} board. Say 'the {person.team} board'."
            )

    # -- a check's own looks (not recorded as attempts) ------------------------------------

    def whole_board(self, name: str) -> tuple[list[dict[str, Any]], Exchange]:
        """Every task on ``name``'s board, page after page, and the last exchange."""
        tasks: list[dict[str, Any]] = []
        while True:
            query = {"limit": _WHOLE_PAGE, "offset": len(tasks)}
            exchange = self.send(name, "GET", _TASKS, params=query)
            if exchange.response.status_code != 200:
                return tasks, exchange
            page = exchange.response.json()
            tasks += page["items"]
            if not page["items"] or len(tasks) >= page["total"]:
                return tasks, exchange

    def fetch_task(self, task_id: int) -> tuple[str, Exchange]:
        """Who looks (the task's author) and what they see of the task now."""
        members = [person.name for person in self.people.values() if person.token is not None]
        author = self._authors.get(task_id) or (members[0] if members else None)
        if author is None:
            raise StepInputError("Nobody in this scenario has joined the board to look at a task.")
        return author, self.send(author, "GET", f"{_TASKS}/{task_id}")

    # -- helpers ---------------------------------------------------------------------------

    def _opened_version(self, name: str, task_id: int) -> int:
        version = self._opened.get((name, task_id))
        if version is None:
            task = self.name_of(task_id)
            raise StepInputError(
                f"{name} has not opened {task}, so there is no copy to save from. Add a step "
                f"before this one such as: Given {name} has opened {task}"
            )
        return version

    def _if_opened(self, name: str, task_id: int, as_opened: bool) -> dict[str, str]:
        # A task's ETag is its version in double quotes.
        return {"If-Match": f'"{self._opened_version(name, task_id)}"'} if as_opened else {}

    def _remember(self, task: Mapping[str, Any]) -> int:
        task_id = int(task["id"])
        self._task_ids[str(task["title"])] = task_id
        self._seen[task_id] = dict(task)
        self.current_task = task_id
        return task_id

    def _on_task(
        self,
        name: str,
        action: str,
        kind: Kind,
        method: str,
        task_id: int,
        *,
        path: str | None = None,
        **options: Any,
    ) -> Outcome:
        before = self._seen.get(task_id)
        self.current_task = task_id
        path = path or f"{_TASKS}/{task_id}"
        outcome = self._attempt(
            name, action, kind, method, path, task_id=task_id, before=before, **options
        )
        if outcome.succeeded and kind != "delete":
            self._remember(outcome.body)
        return outcome

    def _attempt(
        self,
        name: str,
        action: str,
        kind: Kind,
        method: str,
        path: str,
        *,
        task_id: int | None = None,
        before: Mapping[str, Any] | None = None,
        **options: Any,
    ) -> Outcome:
        exchange = self.send(name, method, path, **options)
        outcome = Outcome(name, action, kind, exchange, task_id, before)
        self.outcomes.append(outcome)
        return outcome

    def send(self, name: str, method: str, path: str, **options: Any) -> Exchange:
        """Send a request as ``name`` (with their token, if any) without recording an attempt.

        For checks that look for themselves, and for steps of other kinds (a person's
        live updates, say) that need the board to know who is asking.
        """
        person = self.people.get(name.lower())
        token = person.token if person is not None else None
        headers = dict(options.pop("headers", None) or {})
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        self.http.request(method, path, headers=headers, **options)
        return self.http.last_exchange


def start_world(context: Any) -> BoardWorld:
    """Make the scenario's world (from ``before_scenario``, after the kit's set-up)."""
    context.board = BoardWorld(context.http, context.live.report)
    return context.board  # type: ignore[no-any-return]


def world_of(context: Any) -> BoardWorld:
    """The scenario's :class:`BoardWorld` (made by the ``before_scenario`` hook)."""
    world = getattr(context, "board", None)
    if not isinstance(world, BoardWorld):
        raise StepInputError(
            "This scenario has no board world: environment.py's before_scenario must call "
            "board_support.start_world(context) after the kit's setup_scenario(context)."
        )
    return world
