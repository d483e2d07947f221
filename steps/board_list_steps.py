"""Looking at a team's board: every task, filtered ones, a page at a time - and what was seen.

A member always sees their own team's board; "the Apollo board" in a step must be the
person's team (a step that says otherwise is reported as a mistake in the feature).
"""

from __future__ import annotations

from typing import Any

from behave import register_type

from behave_live.bdd.steps.decorators import then, when
from board_support import world_of
from board_support.checks import assert_board_shows, assert_on_board
from board_support.words import BOARD_TYPES, Detail, numbered_titles, task_rows

register_type(**BOARD_TYPES)


def _look(
    context: Any,
    person: str,
    team: str,
    *,
    status: str | None = None,
    assignee: str | None = None,
    size: int | None = None,
    skip: int | None = None,
) -> None:
    """Look at the board with the filters and page given, saying so in the features' words."""
    query: dict[str, Any] = {}
    tasks = f"the '{status}' tasks" if status is not None else "the tasks"
    if status is not None:
        query["status"] = status
    if assignee is not None:
        query["assignee"] = assignee
        tasks += f" assigned to {assignee}"
    shown = f"{tasks} on the {team} board" if query else f"the {team} board"
    if size is not None:
        query["limit"] = size
        shown += f" {size} tasks at a time"
    if skip is not None:
        query["offset"] = skip
        shown += f", skipping the first {skip}"
    world_of(context).look_at_board(person, team, query, shown)


@when("{person:Person} looks at the {team:Team} board")
@when("{person:Person} tries to look at the {team:Team} board")
def step_alice_looks_at_the_board(context: Any, person: str, team: str) -> None:
    """Look at the team's board: its first page of tasks, oldest first.

    Example:
        When Bob looks at the Apollo board
    """
    _look(context, person, team)


@when("{person:Person} looks at the '{status:Quoted}' tasks on the {team:Team} board")
@when("{person:Person} tries to look at the '{status:Quoted}' tasks on the {team:Team} board")
def step_alice_looks_at_the_tasks_with_a_status(
    context: Any, person: str, status: str, team: str
) -> None:
    """Look only at the tasks with one status.

    Example:
        When Bob looks at the 'todo' tasks on the Apollo board
    """
    _look(context, person, team, status=status)


@when("{person:Person} looks at the tasks assigned to {assignee:Person} on the {team:Team} board")
def step_alice_looks_at_the_tasks_assigned_to(
    context: Any, person: str, assignee: str, team: str
) -> None:
    """Look only at the tasks assigned to one person.

    Example:
        When Alice looks at the tasks assigned to Bob on the Apollo board
    """
    _look(context, person, team, assignee=assignee)


@when(
    "{person:Person} looks at the '{status:Quoted}' tasks assigned to {assignee:Person} "
    "on the {team:Team} board"
)
def step_alice_looks_at_the_tasks_with_a_status_assigned_to(
    context: Any, person: str, status: str, assignee: str, team: str
) -> None:
    """Look only at the tasks with one status that are assigned to one person.

    Example:
        When Alice looks at the 'done' tasks assigned to Bob on the Apollo board
    """
    _look(context, person, team, status=status, assignee=assignee)


@when("{person:Person} looks at the {team:Team} board {size:d} tasks at a time")
@when("{person:Person} tries to look at the {team:Team} board {size:d} tasks at a time")
def step_alice_looks_at_the_board_tasks_at_a_time(
    context: Any, person: str, team: str, size: int
) -> None:
    """Look at the first page of the board, with a page size of one's choosing.

    Example:
        When Alice tries to look at the Apollo board 101 tasks at a time
    """
    _look(context, person, team, size=size)


@when(
    "{person:Person} looks at the {team:Team} board {size:d} tasks at a time, "
    "skipping the first {skip:d}"
)
def step_alice_looks_at_the_board_tasks_at_a_time_skipping(
    context: Any, person: str, team: str, size: int, skip: int
) -> None:
    """Look at a later page of the board: skip some tasks, then show a page of them.

    Example:
        When Alice looks at the Apollo board 10 tasks at a time, skipping the first 20
    """
    _look(context, person, team, size=size, skip=skip)


@when("{person:Person} looks at the {team:Team} board, skipping the first {skip:d} tasks")
@when("{person:Person} tries to look at the {team:Team} board, skipping the first {skip:d} tasks")
def step_alice_looks_at_the_board_skipping(context: Any, person: str, team: str, skip: int) -> None:
    """Look at the board after skipping some tasks (a page of the usual size).

    Example:
        When Alice tries to look at the Apollo board, skipping the first -1 tasks
    """
    _look(context, person, team, skip=skip)


# -- what was seen -----------------------------------------------------------------------------


@then("{person:Person} should see these tasks:")
def step_alice_should_see_these_tasks(context: Any, person: str) -> None:
    """Check what the person's last look at the board showed: these tasks, in this order.

    Only the columns of the table are compared; an empty cell means "none".

    Example:
        Then Bob should see these tasks:
          | title                 | status |
          | Renew the certificate | todo   |
    """
    assert_board_shows(world_of(context), person, task_rows(context.table))


@then("{person:Person} should see no tasks")
def step_alice_should_see_no_tasks(context: Any, person: str) -> None:
    """Check that the person's last look at the board showed no task at all.

    Example:
        Then Carol should see no tasks
    """
    assert_board_shows(world_of(context), person, [])


@then("{person:Person} should see the tasks '{first:Quoted}' to '{last:Quoted}'")
def step_alice_should_see_the_tasks_from_to(
    context: Any, person: str, first: str, last: str
) -> None:
    """Check that the last look showed exactly a run of numbered tasks, in order.

    Example:
        Then Alice should see the tasks 'Task 21' to 'Task 25'
    """
    rows = [{"title": name} for name in numbered_titles(first, last)]
    assert_board_shows(world_of(context), person, rows)


@then("{person:Person} should see {count:d} tasks")
def step_alice_should_see_a_number_of_tasks(context: Any, person: str, count: int) -> None:
    """Check how many tasks the person's last look at the board showed.

    Example:
        Then Alice should see 25 tasks
    """
    assert_board_shows(world_of(context), person, count=count)


@then("{person:Person} should see that there are {total:d} tasks in all")
def step_alice_should_see_that_there_are_tasks_in_all(
    context: Any, person: str, total: int
) -> None:
    """Check the count of matching tasks the board gave with the last page (all pages).

    Example:
        Then Alice should see that there are 25 tasks in all
    """
    assert_board_shows(world_of(context), person, total=total)


@then("{person:Person} should see '{title:Quoted}' on the {team:Team} board")
def step_alice_should_see_the_task_on_the_board(
    context: Any, person: str, title: str, team: str
) -> None:
    """Check that the task is on the person's team board (looking through every page).

    Example:
        Then Bob should see 'Renew the certificate' on the Apollo board
    """
    assert_on_board(world_of(context), person, team, title)


@then("{person:Person} should see '{title:Quoted}' on the {team:Team} board with {detail:Detail}")
def step_alice_should_see_the_task_on_the_board_with(
    context: Any, person: str, title: str, team: str, detail: Detail
) -> None:
    """Check that the task is on the person's team board, with one detail.

    Example:
        Then Alice should see 'Renew the certificate' on the Apollo board with the status 'done'
    """
    assert_on_board(world_of(context), person, team, title, detail)


@then("{person:Person} should not see '{title:Quoted}' on the {team:Team} board")
def step_alice_should_not_see_the_task_on_the_board(
    context: Any, person: str, title: str, team: str
) -> None:
    """Check that no task with that title is on the person's team board.

    Example:
        Then Alice should not see 'Renew the certificate' on the Apollo board
    """
    assert_on_board(world_of(context), person, team, title, present=False)
