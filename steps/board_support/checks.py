"""The board's expectations: each says what the person saw, in words, then checks it.

Every check first attaches to the report what the person was told or saw (see
:meth:`BoardWorld.tell`), so a reader finds the board's answer under each "Then", passed or
failed. A failure is an :class:`~behave_live.errors.ExchangeAssertionError` whose first lines
say, in the feature's words, what should have happened and what happened instead; the kit
then appends the request, the response and a curl command.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from typing import Any, Final

from behave_live.errors import ExchangeAssertionError, StepInputError
from behave_live.http.exchange import Exchange
from behave_live.matching import MISSING, describe, format_mismatches, match

from .answers import answer_for, told
from .words import Detail, field, in_words
from .world import NEWCOMER, BoardWorld, Outcome

__all__ = [
    "assert_board_shows",
    "assert_on_board",
    "assert_recognised",
    "assert_task_has",
    "assert_times",
    "assert_told",
    "assert_unchanged",
    "assert_welcomed",
    "require_success",
]

# A moment as the board writes it: UTC, to the millisecond.
_MOMENT: Final = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}\.[0-9]{3}Z")


def require_success(world: BoardWorld, outcome: Outcome) -> None:
    """Fail a set-up step whose action the board refused."""
    if not outcome.succeeded:
        raise ExchangeAssertionError(
            f"{_capital(outcome.person)} could not {outcome.action}: {_said(outcome)}.",
            outcome.exchange,
        )


def assert_told(world: BoardWorld, person: str, phrase: str) -> None:
    """Fail unless ``person``'s last attempt got the answer ``phrase`` names."""
    answer = answer_for(phrase)
    outcome = _last_attempt_by(world, person)
    world.tell(_said(outcome))
    headline = f"{_capital(person)} should have been told {answer.phrase} when trying to"
    headline += f" {outcome.action}, but {_said(outcome)}"
    if outcome.exchange.response.status_code != answer.status:
        raise ExchangeAssertionError(f"{headline}.", outcome.exchange)
    mismatches = match(outcome.body, answer.document, "contains")
    if mismatches:
        raise ExchangeAssertionError(
            f"{headline}.\n{format_mismatches(mismatches)}", outcome.exchange
        )


def assert_recognised(world: BoardWorld, name: str, team: str) -> None:
    """Fail unless the board says ``name``'s token is ``name``'s, in ``team``."""
    headline = f"The board should recognise {name} as a member of team {team}"
    _check_who(world, name, headline, {"name": name, "team": team})


def assert_welcomed(world: BoardWorld, detail: Detail) -> None:
    """Fail unless the newcomer joined, and the board knows them by ``detail``."""
    outcome = _last_attempt_by(world, NEWCOMER)
    headline = f"The newcomer should have been welcomed with {detail}"
    if not outcome.succeeded:
        world.tell(_said(outcome))
        raise ExchangeAssertionError(f"{headline}, but {_said(outcome)}.", outcome.exchange)
    _check_who(world, NEWCOMER, headline, {detail.field.name: detail.value})


def _check_who(world: BoardWorld, name: str, headline: str, expected: Mapping[str, Any]) -> None:
    exchange = world.send(name, "GET", "/board/me")
    world.tell(told(name, "who", exchange, None))
    if exchange.response.status_code != 200:
        raise ExchangeAssertionError(
            f"{headline}, but {told(name, 'who', exchange, None)}.", exchange
        )
    me = exchange.response.json()
    actual = {"name": me.get("name"), "team": me.get("team")}
    words = {"name": "name", "team": "team name"}
    _fail_on_differences(
        {words[k]: v for k, v in actual.items()},
        {words[k]: v for k, v in expected.items()},
        f"{headline}, but the board knows them by",
        exchange,
    )


def assert_task_has(
    world: BoardWorld, task_id: int, expected: Mapping[str, Any], what: str
) -> None:
    """Fail unless the task, read now by its author, has every value in ``expected``.

    ``expected`` is keyed by the features' words (``{"due date": "2030-04-15"}``); ``what``
    says it for the message ("the status 'done'", "these details").
    """
    for word in expected:
        field(word)  # an unknown word fails here, listing the known ones
    headline = f"{_capital(world.name_of(task_id))} should have {what}"
    view, exchange = _task_now(world, task_id, headline)
    _fail_on_differences(view, expected, f"{headline}, but the board shows", exchange)


def assert_unchanged(world: BoardWorld, task_id: int) -> None:
    """Fail unless the task is as it was before the last attempt on it."""
    outcome = next((o for o in reversed(world.outcomes) if o.task_id == task_id), None)
    if outcome is None or outcome.before is None:
        raise StepInputError(
            f"Nobody has tried to do anything with {world.name_of(task_id)} yet, so it cannot "
            "be unchanged. Put this step after a When step about the task."
        )
    name = f"the task '{outcome.before.get('title')}'"
    headline = (
        f"{_capital(name)} should be unchanged after {outcome.person} tried to {outcome.action}"
    )
    view, exchange = _task_now(world, task_id, headline)
    _fail_on_differences(
        view, in_words(dict(outcome.before)), f"{headline}, but it changed", exchange
    )


def assert_times(world: BoardWorld, task_id: int) -> None:
    """Fail unless the task says when it was added and last changed (not before it was added)."""
    headline = f"{_capital(world.name_of(task_id))} should show when it was added and last changed"
    view, exchange = _task_now(world, task_id, headline)
    added, changed = view["added at"], view["last changed at"]
    moments = [str(m) for m in (added, changed) if m is not None and _MOMENT.fullmatch(str(m))]
    if len(moments) != 2 or changed < added:
        raise ExchangeAssertionError(
            f"{headline}, but it was added at {_shown(added)} and last changed at "
            f"{_shown(changed)} (both should be moments such as 2030-05-01T09:30:00.000Z, "
            "the change not before the adding).",
            exchange,
        )


def _task_now(world: BoardWorld, task_id: int, headline: str) -> tuple[dict[str, Any], Exchange]:
    author, exchange = world.fetch_task(task_id)
    if exchange.response.status_code != 200:
        world.tell(told(author, "look", exchange, task_id))
        raise ExchangeAssertionError(
            f"{headline}, but {told(author, 'look', exchange, task_id)}.", exchange
        )
    view = in_words(exchange.response.json())
    world.tell(f"{author} sees task {task_id}: {_task_in_words(view)}")
    return view, exchange


# -- the board ---------------------------------------------------------------------------------


def assert_on_board(
    world: BoardWorld,
    name: str,
    team: str,
    title: str,
    detail: Detail | None = None,
    *,
    present: bool = True,
) -> None:
    """Fail unless ``name`` finds ``title`` on the ``team`` board (with ``detail``).

    With ``present=False``: fail if they find it.
    """
    world.check_team(name, team)
    headline = f"{name} should {'' if present else 'not '}see '{title}' on the {team} board"
    headline += f" with {detail}" if detail is not None else ""
    tasks, exchange = world.whole_board(name)
    if exchange.response.status_code != 200:
        world.tell(told(name, "list", exchange, None))
        raise ExchangeAssertionError(
            f"{headline}, but {told(name, 'list', exchange, None)}.", exchange
        )
    views = [in_words(task) for task in tasks]
    listed = _tasks_in_words(views, [detail.field.word] if detail is not None else [])
    world.tell(f"{name} sees {listed} on the {team} board")
    found = [view for view in views if view["title"] == title]
    if bool(found) != present:
        raise ExchangeAssertionError(f"{headline}, but the board shows {name} {listed}.", exchange)
    if detail is not None and match(found[-1][detail.field.word], detail.value):
        raise ExchangeAssertionError(
            f"{headline}, but its {detail.field.word} is {_shown(found[-1][detail.field.word])}.",
            exchange,
        )


def assert_board_shows(
    world: BoardWorld,
    name: str,
    rows: Sequence[Mapping[str, Any]] | None = None,
    *,
    count: int | None = None,
    total: int | None = None,
) -> None:
    """Fail unless ``name``'s last look at the board showed what is expected.

    That is exactly ``rows``, in order (only their columns compared), or ``count`` tasks,
    or a ``total`` of tasks in all.
    """
    outcome = _last_attempt_by(world, name)
    if outcome.kind != "list":
        raise StepInputError(
            f"The last thing {name} did was to {outcome.action}, not to look at a board. "
            f"Add a step such as: When {name} looks at the Apollo board"
        )
    if not outcome.succeeded:
        world.tell(_said(outcome))
        raise ExchangeAssertionError(
            f"{_capital(name)} tried to {outcome.action}, but {_said(outcome)}.", outcome.exchange
        )
    page = outcome.body
    columns = list(dict.fromkeys(word for row in rows or [] for word in row))
    for word in columns:
        field(word)
    views = [in_words(task) for task in page["items"]]
    listed = _tasks_in_words(views, [c for c in columns if c != "title"])
    world.tell(f"{name} saw {listed}, of {_count(page['total'])} in all")
    problem = None
    if rows is not None:
        shown = [{word: view[word] for word in columns} for view in views]
        mismatches = match(shown, [dict(row) for row in rows])
        if mismatches:
            problem = (
                f"{_capital(name)} should see {_count(len(rows))}, in this order:\n"
                f"{_table(columns, rows)}\nbut the board shows {name} {_count(len(shown))}:\n"
                f"{_table(columns, shown)}\n{format_mismatches(mismatches)}"
            )
    if count is not None and len(views) != count:
        problem = f"{_capital(name)} should see {_count(count)}, but the board shows {listed}."
    if total is not None and page["total"] != total:
        problem = (
            f"{_capital(name)} should see that there are {_count(total)} in all, but the "
            f"board counts {page['total']}."
        )
    if problem is not None:
        raise ExchangeAssertionError(problem, outcome.exchange)


# -- helpers -----------------------------------------------------------------------------------


def _last_attempt_by(world: BoardWorld, name: str) -> Outcome:
    outcome = world.last
    if outcome is None:
        raise StepInputError(
            f"Nobody has done anything yet, so there is nothing {name} could have been told. "
            f"Put a When step before this one, such as: When {name} adds the task 'X'"
        )
    if outcome.person.lower() != name.lower():
        raise StepInputError(
            f"The last thing that happened was {outcome.person}'s attempt to {outcome.action}, "
            f"not something {name} did. Check the names in this scenario."
        )
    return outcome


def _said(outcome: Outcome) -> str:
    return told(outcome.person, outcome.kind, outcome.exchange, outcome.task_id)


def _fail_on_differences(
    actual: Mapping[str, Any], expected: Mapping[str, Any], headline: str, exchange: Exchange
) -> None:
    lines = [
        f"  {word}: expected {_shown(wanted)}, got {_shown(actual.get(word, MISSING))}"
        for word, wanted in expected.items()
        if match(actual.get(word, MISSING), wanted)
    ]
    if lines:
        raise ExchangeAssertionError(f"{headline}:\n" + "\n".join(lines), exchange)


def _task_in_words(view: Mapping[str, Any]) -> str:
    """A task as a reader says it: 'Renew the certificate', status 'todo', no assignee, ..."""
    return ", ".join(
        f"{word} {_shown(value)}" if value is not None else f"no {word}"
        for word, value in view.items()
        if word != "number"
    )


def _tasks_in_words(views: Sequence[Mapping[str, Any]], columns: Sequence[str]) -> str:
    if not views:
        return "no tasks"
    listed = ", ".join(
        _shown(view["title"])
        + (f" ({', '.join(f'{c} {_shown(view[c])}' for c in columns)})" if columns else "")
        for view in views
    )
    return f"{_count(len(views))}: {listed}"


def _table(words: Sequence[str], rows: Sequence[Mapping[str, Any]]) -> str:
    if not rows:
        return "    (no tasks)"
    cells = [list(words)] + [
        ["" if row.get(w) is None else str(row.get(w)) for w in words] for row in rows
    ]
    widths = [max(len(line[column]) for line in cells) for column in range(len(words))]
    return "\n".join(
        "    | " + " | ".join(c.ljust(w) for c, w in zip(line, widths, strict=True)) + " |"
        for line in cells
    )


def _shown(value: Any) -> str:
    """A value as a reader sees it: 'text' in quotes, none for no value; never shortened."""
    if value is None:
        return "none"
    if value is MISSING:
        return "nothing at all"
    return repr(value) if isinstance(value, str) else describe(value)


def _count(number: int) -> str:
    return f"{number} task" if number == 1 else f"{number} tasks"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]
