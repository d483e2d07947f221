"""The team's dashboard: the board summed up, and tasks added, through its GraphQL endpoint.

Domain steps for stakeholder features (``features/board/dashboard.feature``). They need
from ``board_support`` only who holds which token (``world_of(context).token_of``): the rest -
the query, the answer, the words a person reads - is here, on top of the kit's GraphQL
helpers, which fail a step whose answer carries GraphQL errors.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from behave import register_type

from behave_live.bdd.steps.decorators import then, when
from behave_live.errors import ExchangeAssertionError
from behave_live.http.exchange import Exchange
from behave_live.http.graphql import assert_no_graphql_errors, graphql_body
from board_support.words import BOARD_TYPES
from board_support.world import world_of

register_type(**BOARD_TYPES)

_ENDPOINT = "/board/graphql"
_SUMMARY = "{ summary { total todo doing done } }"
_ADD_TASK = "mutation ($title: String!) { addTask(title: $title) { id title status } }"


@when("{person:Person} opens the team's dashboard")
def step_bob_opens_the_teams_dashboard(context: Any, person: str) -> None:
    """Have someone open the dashboard: their team's tasks counted by status.

    Example:
        When Bob opens the team's dashboard
    """
    exchange = _ask(context, person, _SUMMARY)
    context.dashboard = (person, exchange)


@when("{person:Person} adds the task '{title}' from the dashboard")
def step_alice_adds_the_task_from_the_dashboard(context: Any, person: str, title: str) -> None:
    """Have someone add a task from the dashboard (to their team's board).

    Example:
        When Alice adds the task 'Water the plants' from the dashboard
    """
    _ask(context, person, _ADD_TASK, {"title": title})


@then(
    "{person:Person} should see on the dashboard {total:d} tasks: {todo:d} to do, "
    "{doing:d} in progress, {done:d} done"
)
def step_bob_should_see_on_the_dashboard(
    context: Any, person: str, *, total: int, todo: int, doing: int, done: int
) -> None:
    """Check the counts someone's dashboard showed (the dashboard must have been opened).

    Example:
        Then Bob should see on the dashboard 3 tasks: 1 to do, 1 in progress, 1 done
    """
    opener, exchange = context.dashboard
    summary: Mapping[str, int] = exchange.response.json()["data"]["summary"]
    seen = _in_words(summary)
    context.live.report.attach_summary(f"{opener}'s dashboard showed {seen}.")
    expected = {"total": total, "todo": todo, "doing": doing, "done": done}
    if opener != person or dict(summary) != expected:
        raise ExchangeAssertionError(
            f"{person} should have seen on the dashboard {_in_words(expected)}, but "
            f"{opener}'s dashboard showed {seen}.",
            exchange,
        )


def _ask(
    context: Any, person: str, query: str, variables: Mapping[str, Any] | None = None
) -> Exchange:
    exchange = world_of(context).send(
        person, "POST", _ENDPOINT, json=graphql_body(query, variables)
    )
    if exchange.response.status_code != 200:
        raise ExchangeAssertionError(
            f"The dashboard did not answer {person} (status {exchange.response.status_code}).",
            exchange,
        )
    assert_no_graphql_errors(exchange)
    return exchange


def _in_words(counts: Mapping[str, int]) -> str:
    total = counts["total"]
    return (
        f"{total} task{'s' if total != 1 else ''}: {counts['todo']} to do, "
        f"{counts['doing']} in progress, {counts['done']} done"
    )
