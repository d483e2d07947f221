"""What should come of an attempt: what the person is told, and how the task looks afterwards.

"Alice should be told ..." is about the last thing that happened, which must have been
Alice's doing. The phrases a person can be told are listed in
:mod:`board_support.answers`; an unknown phrase fails with the list of known ones.
"""

from __future__ import annotations

from typing import Any

from behave import register_type

from behave_live.bdd.steps.decorators import then
from board_support import world_of
from board_support.checks import assert_task_has, assert_times, assert_told, assert_unchanged
from board_support.words import BOARD_TYPES, Detail, task_details
from board_support.world import NEWCOMER

register_type(**BOARD_TYPES)


@then("{person:Person} should be told {answer}")
def step_alice_should_be_told(context: Any, person: str, answer: str) -> None:
    """Check the board's answer to the person's last attempt.

    Answers: the <field> is required / must not be blank / is too long, the status is not
    one the board knows, the status cannot be removed, the due date is not a date, the due
    date is not a day of the calendar, the assignee is not a member of the team, the page
    size must be from 1 to 100, the number of tasks to skip cannot be negative, the name is
    already taken, someone else changed the task in the meantime, the task is already done,
    the task belongs to another team, the task does not exist, to join the board first, the
    board is up.

    Example:
        Then Alice should be told the title is too long
    """
    assert_told(world_of(context), person, answer)


@then("the newcomer should be told {answer}")
def step_the_newcomer_should_be_told(context: Any, answer: str) -> None:
    """Check the board's answer to the newcomer's attempt to join.

    Example:
        Then the newcomer should be told the name is already taken
    """
    assert_told(world_of(context), NEWCOMER, answer)


@then("the task should have {detail:Detail}")
def step_the_task_should_have(context: Any, detail: Detail) -> None:
    """Check one detail of the task mentioned last, as its author sees it now.

    Example:
        Then the task should have the status 'done'
    """
    world = world_of(context)
    assert_task_has(world, world.the_task(), {detail.field.word: detail.value}, str(detail))


@then("the task should have these details:")
def step_the_task_should_have_these_details(context: Any) -> None:
    """Check several details of the task mentioned last (an empty cell means "none").

    Example:
        Then the task should have these details:
          | title    | Renew the TLS certificate |
          | due date |                           |
    """
    world = world_of(context)
    assert_task_has(world, world.the_task(), task_details(context.table), "these details")


@then("the task should be at version {version:d}")
def step_the_task_should_be_at_version(context: Any, version: int) -> None:
    """Check how many times the task mentioned last has been saved (1 when new, +1 a change).

    Example:
        Then the task should be at version 2
    """
    world = world_of(context)
    assert_task_has(world, world.the_task(), {"version": version}, f"the version {version}")


@then("the task should show when it was added and last changed")
def step_the_task_should_show_when_it_was_added_and_last_changed(context: Any) -> None:
    """Check that the task mentioned last carries both moments, the change not before the adding.

    Example:
        Then the task should show when it was added and last changed
    """
    world = world_of(context)
    assert_times(world, world.the_task())


@then("the task '{title:Quoted}' should be unchanged")
def step_the_named_task_should_be_unchanged(context: Any, title: str) -> None:
    """Check that the last attempt on a task left it exactly as it was before.

    Example:
        Then the task 'Renew the certificate' should be unchanged
    """
    world = world_of(context)
    assert_unchanged(world, world.task_id(title))
