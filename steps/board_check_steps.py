"""What should come of an attempt: what the person is told, and how the task looks afterwards.

"Alice should be told ..." is about the last thing that happened, which must have been
Alice's doing. The phrases a person can be told are listed in
:mod:`board_support.answers`; an unknown phrase fails with the list of known ones.
"""

from __future__ import annotations

from typing import Any

from behave import register_type

from behave_live.bdd.steps.decorators import then
from board_support.cast import NEWCOMER
from board_support.checks import (
    assert_not_allowed,
    assert_task_has,
    assert_told,
    assert_unchanged,
    expected_value,
)
from board_support.tables import task_details
from board_support.wording import BOARD_TYPES, Detail
from board_support.world import world_of

register_type(**BOARD_TYPES)


# -- what the person is told -------------------------------------------------------------------


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


@then("{person:Person} should not be allowed to {what}")
def step_alice_should_not_be_allowed_to(context: Any, person: str, what: str) -> None:
    """Check that the person's last attempt was refused: the task is another team's.

    Example:
        Then Carol should not be allowed to see the task
    """
    assert_not_allowed(world_of(context), person, what)


# -- how the task looks ------------------------------------------------------------------------


@then("the task should have {detail:Detail}")
def step_the_task_should_have(context: Any, detail: Detail) -> None:
    """Check one detail of the task mentioned last, as its author sees it now.

    Example:
        Then the task should have the status 'done'
    """
    world = world_of(context)
    expected = {detail.field: expected_value(world, detail)}
    assert_task_has(world, world.tasks.current_id(), expected, str(detail))


@then("the task '{title:Quoted}' should have {detail:Detail}")
def step_the_named_task_should_have(context: Any, title: str, detail: Detail) -> None:
    """Check one detail of a task, as its author sees it now.

    Example:
        Then the task 'Renew the certificate' should have the assignee Bob
    """
    world = world_of(context)
    expected = {detail.field: expected_value(world, detail)}
    assert_task_has(world, world.tasks.id_of(title), expected, str(detail))


@then("the task should have these details:")
def step_the_task_should_have_these_details(context: Any) -> None:
    """Check several details of the task mentioned last (an empty cell means "none").

    Example:
        Then the task should have these details:
          | title    | Renew the TLS certificate |
          | assignee | Alice                     |
          | due date |                           |
    """
    world = world_of(context)
    assert_task_has(world, world.tasks.current_id(), task_details(context.table), "these details")


@then("the task should be at version {version:d}")
def step_the_task_should_be_at_version(context: Any, version: int) -> None:
    """Check how many times the task mentioned last has been saved (1 when new, +1 a change).

    Example:
        Then the task should be at version 2
    """
    world = world_of(context)
    assert_task_has(world, world.tasks.current_id(), {"version": version}, f"the version {version}")


@then("the task '{title:Quoted}' should be unchanged")
def step_the_named_task_should_be_unchanged(context: Any, title: str) -> None:
    """Check that the last attempt on a task left it exactly as it was before.

    Example:
        Then the task 'Renew the certificate' should be unchanged
    """
    world = world_of(context)
    assert_unchanged(world, world.tasks.id_of(title))
