"""The board's expectations, checked with the kit's matching and reported in the features' words.

Every failure is an :class:`~behave_live.http.assertions.ExchangeAssertionError`: its first lines
say, in the words of the feature, what should have happened and what the board showed
instead ("Bob should see 'Order new laptops' on the Apollo board, but the board shows Bob 1
task: 'Renew the certificate'."); the kit then appends the request, the response and a curl
command. Comparisons go through :func:`behave_live.matching.match`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from http import HTTPStatus
from typing import Any, Final

from behave_live.errors import ExchangeAssertionError, StepInputError
from behave_live.http.assertions import response_json
from behave_live.http.exchange import Exchange
from behave_live.matching import MISSING, describe, format_mismatches, match

from .answers import answer_for
from .cast import NEWCOMER
from .tasks import PEOPLE_WORDS, TASK_WORDS, task_view
from .wording import Detail
from .world import BoardWorld, Outcome

__all__ = [
    "assert_board_shows",
    "assert_listing_count",
    "assert_listing_total",
    "assert_not_allowed",
    "assert_not_on_board",
    "assert_on_board",
    "assert_recognised",
    "assert_task_has",
    "assert_told",
    "assert_unchanged",
    "assert_welcomed",
    "expected_value",
    "require_success",
]

# Task titles listed in one message before the rest is summarised.
_TITLES_SHOWN: Final = 20
# Longer texts are shown by their length: the response below the message has them whole.
_LONGEST_SHOWN: Final = 80


# -- what the board said -----------------------------------------------------------------------


def board_said(world: BoardWorld, exchange: Exchange) -> str:
    """The board's answer as the end of a sentence: accepted, or refused with its reasons.

    It ends with a full stop; a refusal's field errors follow on lines of their own.
    """
    response = exchange.response
    status = response.status_code
    reason = response.reason or _phrase(status)
    if 200 <= status < 300:
        return f"the board accepted it ({status} {reason})."
    try:
        document = response.json()
    except ValueError:
        return f"the board answered {status} {reason}."
    if not isinstance(document, dict) or "detail" not in document:
        return f"the board answered {status} {reason}."
    detail = str(document["detail"]).rstrip(".")
    text = f"the board answered {status} {document.get('title', reason)}: {detail}."
    errors = document.get("errors")
    if isinstance(errors, list):
        text += "".join(
            f"\n  - {error.get('message')}" for error in errors if isinstance(error, dict)
        )
    # The board's own words name people and teams as it knows them: show them as said.
    return text.replace(world.cast.suffix, "")


def require_success(world: BoardWorld, outcome: Outcome) -> None:
    """Fail a set-up step whose action the board refused."""
    if not outcome.succeeded:
        raise ExchangeAssertionError(
            f"{_capital(outcome.actor)} could not {outcome.action}: "
            f"{board_said(world, outcome.exchange)}",
            outcome.exchange,
        )


# -- answers to the last attempt ---------------------------------------------------------------


def assert_told(world: BoardWorld, actor: str, phrase: str) -> None:
    """Fail unless ``actor``'s last attempt got the answer ``phrase`` names."""
    answer = answer_for(phrase)
    outcome = _last_attempt_by(world, actor)
    _check_answer(
        world,
        outcome,
        answer.status,
        answer.document,
        f"{_capital(actor)} should have been told {answer.phrase} when trying to {outcome.action}",
    )


def assert_not_allowed(world: BoardWorld, actor: str, what: str) -> None:
    """Fail unless ``actor``'s last attempt was refused as belonging to another team."""
    outcome = _last_attempt_by(world, actor)
    answer = answer_for("the task belongs to another team")
    _check_answer(
        world,
        outcome,
        answer.status,
        answer.document,
        f"{_capital(actor)} should not have been allowed to {what}",
    )


def _check_answer(
    world: BoardWorld, outcome: Outcome, status: int, document: Any, headline: str
) -> None:
    exchange = outcome.exchange
    if exchange.response.status_code != status:
        raise ExchangeAssertionError(f"{headline}, but {board_said(world, exchange)}", exchange)
    mismatches = match(response_json(exchange), document, "contains")
    if mismatches:
        raise ExchangeAssertionError(
            f"{headline}, but {board_said(world, exchange)}\n{format_mismatches(mismatches)}",
            exchange,
        )


# -- people ------------------------------------------------------------------------------------


def assert_recognised(world: BoardWorld, persona: str, team: str) -> None:
    """Fail unless the board says ``persona``'s token is ``persona``'s, in ``team``."""
    exchange = world.client.me(world.cast.token(persona))
    headline = f"The board should recognise {persona} as a member of team {team}"
    _check_me(world, exchange, headline, {"name": persona, "team name": team})


def assert_welcomed(world: BoardWorld, detail: Detail) -> None:
    """Fail unless the newcomer joined, and the board knows them by ``detail``."""
    outcome = _last_attempt_by(world, NEWCOMER)
    headline = f"The newcomer should have been welcomed with {detail}"
    if not outcome.succeeded:
        raise ExchangeAssertionError(
            f"{headline}, but {board_said(world, outcome.exchange)}", outcome.exchange
        )
    exchange = world.client.me(world.cast.token(NEWCOMER))
    _check_me(world, exchange, headline, {detail.field: expected_value(world, detail)})


def _check_me(
    world: BoardWorld, exchange: Exchange, headline: str, expected: Mapping[str, Any]
) -> None:
    if exchange.response.status_code != 200:
        raise ExchangeAssertionError(f"{headline}, but {board_said(world, exchange)}", exchange)
    me = response_json(exchange)
    view = {"name": world.cast.shown(me.get("name")), "team name": world.cast.shown(me.get("team"))}
    known = f"{headline}, but the board knows them by"
    _fail_on_differences(view, expected, known, exchange)


# -- one task ----------------------------------------------------------------------------------


def expected_value(world: BoardWorld, detail: Detail) -> str | None:
    """What a check expects for ``detail``, in the features' words (people without suffix)."""
    value = world.value_of(detail)
    return world.cast.shown(value) if detail.field in PEOPLE_WORDS else value


def assert_task_has(
    world: BoardWorld, task_id: int, expected: Mapping[str, Any], what: str
) -> None:
    """Fail unless the task, read now by its author, has every value in ``expected``.

    ``expected`` is in the features' words (``{"due date": "2030-04-15"}``); ``what`` says
    it for the message ("the status 'done'", "these details").
    """
    unknown = [word for word in expected if word not in TASK_WORDS]
    if unknown:
        raise StepInputError(
            f"A task has no {', '.join(map(repr, unknown))}: use {', '.join(TASK_WORDS)}."
        )
    name = world.tasks.name_of(task_id)
    exchange = world.fetch_task(task_id)
    headline = f"{_capital(name)} should have {what}"
    if exchange.response.status_code != 200:
        raise ExchangeAssertionError(f"{headline}, but {board_said(world, exchange)}", exchange)
    view = task_view(response_json(exchange), world.cast)
    _fail_on_differences(view, expected, f"{headline}, but the board shows", exchange)


def assert_unchanged(world: BoardWorld, task_id: int) -> None:
    """Fail unless the task is as it was before the last attempt on it."""
    outcome = world.last_on(task_id)
    name = world.tasks.name_of(task_id)
    if outcome is None or outcome.before is None:
        raise StepInputError(
            f"Nobody has tried to do anything with {name} yet, so it cannot be unchanged. "
            "Put this step after a When step about the task."
        )
    name = f"the task '{outcome.before.get('title')}'"
    exchange = world.fetch_task(task_id)
    headline = (
        f"{_capital(name)} should be unchanged after {outcome.actor} tried to {outcome.action}"
    )
    if exchange.response.status_code != 200:
        raise ExchangeAssertionError(f"{headline}, but {board_said(world, exchange)}", exchange)
    before = task_view(outcome.before, world.cast)
    now = task_view(response_json(exchange), world.cast)
    _fail_on_differences(now, before, f"{headline}, but it changed", exchange)


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


# -- the board, as a check reads it ------------------------------------------------------------


def assert_on_board(
    world: BoardWorld, persona: str, team: str, title: str, detail: Detail | None = None
) -> None:
    """Fail unless ``persona`` finds ``title`` on the ``team`` board (with ``detail``)."""
    headline = f"{persona} should see '{title}' on the {team} board"
    if detail is not None:
        headline += f" with {detail}"
    tasks, exchange = _read_board(world, persona, team, headline)
    titles = [task["title"] for task in tasks]
    if match(titles, title, "contains"):
        raise ExchangeAssertionError(f"{headline}, but {_shows(persona, titles)}.", exchange)
    if detail is not None:
        found = task_view([task for task in tasks if task["title"] == title][-1], world.cast)
        actual = found.get(detail.field, MISSING)
        if match(actual, expected_value(world, detail)):
            raise ExchangeAssertionError(
                f"{headline}, but its {detail.field} is {_shown(actual)}.", exchange
            )


def assert_not_on_board(world: BoardWorld, persona: str, team: str, title: str) -> None:
    """Fail if ``persona`` finds ``title`` on the ``team`` board."""
    headline = f"{persona} should not see '{title}' on the {team} board"
    tasks, exchange = _read_board(world, persona, team, headline)
    titles = [task["title"] for task in tasks]
    if match(titles, title, "not_contains"):
        raise ExchangeAssertionError(f"{headline}, but {_shows(persona, titles)}.", exchange)


def _read_board(
    world: BoardWorld, persona: str, team: str, headline: str
) -> tuple[list[dict[str, Any]], Exchange]:
    world.cast.check_board(persona, team)
    tasks, exchange = world.whole_board(persona)
    if exchange.response.status_code != 200:
        raise ExchangeAssertionError(
            f"{headline}, but {persona} could not look at it: {board_said(world, exchange)}",
            exchange,
        )
    return tasks, exchange


# -- what someone saw when they looked -------------------------------------------------------


def assert_board_shows(world: BoardWorld, actor: str, rows: Sequence[Mapping[str, Any]]) -> None:
    """Fail unless ``actor``'s last look at the board showed exactly ``rows``, in order.

    Each row holds the columns to compare, in the features' words (``title``, ``status``,
    ``assignee``...); other fields of the tasks are not compared.
    """
    outcome, page = _last_look(world, actor)
    words = list(dict.fromkeys(word for row in rows for word in row))
    unknown = [word for word in words if word not in TASK_WORDS]
    if unknown:
        raise StepInputError(
            f"A task has no {', '.join(map(repr, unknown))}: use {', '.join(TASK_WORDS)}."
        )
    shown = [
        {word: view[word] for word in words}
        for view in (task_view(task, world.cast) for task in page["items"])
    ]
    mismatches = match(shown, [dict(row) for row in rows])
    if mismatches:
        raise ExchangeAssertionError(
            f"{_capital(actor)} should see {_count(len(rows))}, in this order:\n"
            f"{_table(words, rows)}\nbut the board shows {actor} {_count(len(shown))}:\n"
            f"{_table(words, shown)}\n{format_mismatches(mismatches)}",
            outcome.exchange,
        )


def assert_listing_count(world: BoardWorld, actor: str, count: int) -> None:
    """Fail unless ``actor``'s last look at the board showed ``count`` tasks."""
    outcome, page = _last_look(world, actor)
    titles = [task["title"] for task in page["items"]]
    if match(len(titles), count):
        raise ExchangeAssertionError(
            f"{_capital(actor)} should see {_count(count)}, but {_shows(actor, titles)}.",
            outcome.exchange,
        )


def assert_listing_total(world: BoardWorld, actor: str, total: int) -> None:
    """Fail unless the board told ``actor`` it holds ``total`` matching tasks in all."""
    outcome, page = _last_look(world, actor)
    mismatches = match(page.get("total", MISSING), total)
    if mismatches:
        raise ExchangeAssertionError(
            f"{_capital(actor)} should see that there are {_count(total)} in all, but the "
            f"board counts {mismatches[0].actual}.",
            outcome.exchange,
        )


def _last_look(world: BoardWorld, actor: str) -> tuple[Outcome, dict[str, Any]]:
    outcome = _last_attempt_by(world, actor)
    if outcome.kind != "list":
        raise StepInputError(
            f"The last thing {actor} did was to {outcome.action}, not to look at a board. "
            f"Add a step such as: When {actor} looks at the Apollo board"
        )
    if not outcome.succeeded:
        raise ExchangeAssertionError(
            f"{_capital(actor)} tried to {outcome.action}, but "
            f"{board_said(world, outcome.exchange)}",
            outcome.exchange,
        )
    page: dict[str, Any] = response_json(outcome.exchange)
    return outcome, page


# -- helpers -----------------------------------------------------------------------------------


def _last_attempt_by(world: BoardWorld, actor: str) -> Outcome:
    outcome = world.last
    if outcome is None:
        raise StepInputError(
            f"Nobody has done anything yet, so there is nothing {actor} could have been told. "
            f"Put a When step before this one, such as: When {actor} adds the task 'X'"
        )
    if outcome.actor.lower() != actor.lower():
        raise StepInputError(
            f"The last thing that happened was {outcome.actor}'s attempt to {outcome.action}, "
            f"not something {actor} did. Check the names in this scenario."
        )
    return outcome


def _shows(persona: str, titles: Sequence[str]) -> str:
    if not titles:
        return f"the board shows {persona} no tasks"
    listed = ", ".join(f"'{title}'" for title in titles[:_TITLES_SHOWN])
    if len(titles) > _TITLES_SHOWN:
        listed += f" and {len(titles) - _TITLES_SHOWN} more"
    return f"the board shows {persona} {_count(len(titles))}: {listed}"


def _table(words: Sequence[str], rows: Sequence[Mapping[str, Any]]) -> str:
    if not rows:
        return "    (no tasks)"
    cells = [list(words)] + [[_cell(row.get(word)) for word in words] for row in rows]
    widths = [max(len(line[column]) for line in cells) for column in range(len(words))]
    return "\n".join(
        "    | "
        + " | ".join(cell.ljust(width) for cell, width in zip(line, widths, strict=True))
        + " |"
        for line in cells
    )


def _shown(value: Any) -> str:
    """A value as a message shows it: 'text' in quotes, none for no value."""
    if value is None:
        return "none"
    if value is MISSING:
        return "nothing at all"
    if isinstance(value, str):
        return repr(value) if len(value) <= _LONGEST_SHOWN else f"{len(value)} characters"
    return describe(value)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    return value if isinstance(value, str) else describe(value)


def _count(number: int) -> str:
    return f"{number} task" if number == 1 else f"{number} tasks"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""
