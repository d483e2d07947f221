"""The task board's tasks: adding, looking at, changing, completing and deleting them.

"Given" steps set the scene and fail if the board refuses; "When" steps only try, and a
Then step says what should have come of it. Most When steps read two ways - "Alice adds
the task 'X'" and "Alice tries to add the task 'X'" - so a scenario can say which outcome
it expects.
"""

from __future__ import annotations

from typing import Any

from behave import register_type

from behave_live.bdd.steps.decorators import given, when
from board_support import world_of
from board_support.checks import require_success
from board_support.words import (
    BOARD_TYPES,
    Detail,
    detail_column,
    numbered_titles,
    parse_detail,
    task_rows,
    title,
)

register_type(**BOARD_TYPES)


# -- setting the scene -------------------------------------------------------------------------


@given("{person:Person} has added the task '{name:Quoted}'")
def step_alice_has_added_the_task(context: Any, person: str, name: str) -> None:
    """Add a task to the person's team board (it must be accepted).

    Example:
        Given Alice has added the task 'Renew the certificate'
    """
    world = world_of(context)
    require_success(world, world.add_task(person, [title(name)]))


@given("{person:Person} has added these tasks:")
def step_alice_has_added_these_tasks(context: Any, person: str) -> None:
    """Add several tasks, one per row, in order (empty cells: no value).

    Example:
        Given Alice has added these tasks:
          | title                 | status | assignee |
          | Renew the certificate | todo   | Alice    |
    """
    world = world_of(context)
    for row in task_rows(context.table, new=True):
        require_success(world, world.add_task_row(person, row))


@given("{person:Person} has added {count:d} tasks, named '{first:Quoted}' to '{last:Quoted}'")
def step_alice_has_added_numbered_tasks(
    context: Any, person: str, count: int, first: str, last: str
) -> None:
    """Add a run of numbered tasks, such as 'Task 1' to 'Task 25', in that order.

    Example:
        Given Alice has added 25 tasks, named 'Task 1' to 'Task 25'
    """
    world = world_of(context)
    for name in numbered_titles(first, last, count):
        require_success(world, world.add_task(person, [title(name)]))


@given("{person:Person} has given the task '{name:Quoted}' {detail:Detail}")
def step_alice_has_given_the_task(context: Any, person: str, name: str, detail: Detail) -> None:
    """Change one detail of a task (it must be accepted).

    Example:
        Given Alice has given the task 'Renew the certificate' the status 'doing'
    """
    world = world_of(context)
    require_success(world, world.change_task(person, world.task_id(name), [detail]))


@given("{person:Person} has completed the task '{name:Quoted}'")
def step_alice_has_completed_the_task(context: Any, person: str, name: str) -> None:
    """Mark a task done (it must be accepted).

    Example:
        Given Alice has completed the task 'Renew the certificate'
    """
    world = world_of(context)
    require_success(world, world.complete_task(person, world.task_id(name)))


@given("{person:Person} has deleted the task '{name:Quoted}'")
def step_alice_has_deleted_the_task(context: Any, person: str, name: str) -> None:
    """Delete a task (it must be accepted).

    Example:
        Given Bob has deleted the task 'Renew the certificate'
    """
    world = world_of(context)
    require_success(world, world.delete_task(person, world.task_id(name)))


# -- adding ------------------------------------------------------------------------------------


@when("{person:Person} adds the task '{name:Quoted}'")
@when("{person:Person} tries to add the task '{name:Quoted}'")
def step_alice_adds_the_task(context: Any, person: str, name: str) -> None:
    """Add a task with just a title to the person's team board.

    Example:
        When Alice adds the task 'Renew the certificate'
    """
    world_of(context).add_task(person, [title(name)])


@when("{person:Person} adds the task '{name:Quoted}' with {detail:Detail}")
def step_alice_adds_the_task_with(context: Any, person: str, name: str, detail: Detail) -> None:
    """Add a task with a title and one more detail.

    Example:
        When Alice adds the task 'File the tax return' with the due date '2030-04-15'
    """
    world_of(context).add_task(person, [title(name), detail])


@when("{person:Person} adds a task with {detail:Detail}")
@when("{person:Person} tries to add a task with {detail:Detail}")
def step_alice_adds_a_task_with(context: Any, person: str, detail: Detail) -> None:
    """Add a task with one detail that matters here (a title is made up unless it is that).

    Example:
        When Alice tries to add a task with a title of 201 characters
    """
    world_of(context).add_task(person, [detail])


@when("{person:Person} tries to add a task with these details:")
def step_alice_tries_to_add_a_task_with_these_details(context: Any, person: str) -> None:
    """Add a task with several details at once, one per row of a table headed ``detail``.

    Example:
        When Alice tries to add a task with these details:
          | detail                 |
          | no title               |
          | the status 'finished'  |
    """
    details = [parse_detail(phrase) for phrase in detail_column(context.table)]
    world_of(context).add_task(person, details)


@when("{person:Person} adds these tasks:")
def step_alice_adds_these_tasks(context: Any, person: str) -> None:
    """Add tasks described by a table, one per row (empty cells: no value).

    Example:
        When Alice adds these tasks:
          | title                 | assignee | due date   |
          | Renew the certificate | Bob      | 2030-05-01 |
    """
    world = world_of(context)
    for row in task_rows(context.table, new=True):
        world.add_task_row(person, row)


# -- one task ----------------------------------------------------------------------------------


@when("{person:Person} tries to look at the task '{name:Quoted}'")
def step_alice_tries_to_look_at_the_task(context: Any, person: str, name: str) -> None:
    """Try to look at one task, with all its details.

    Example:
        When Carol tries to look at the task 'Renew the certificate'
    """
    world = world_of(context)
    world.look_at_task(person, world.task_id(name))


@when("{person:Person} tries to look at task {number:d}")
def step_alice_tries_to_look_at_task_number(context: Any, person: str, number: int) -> None:
    """Look at a task by its number, whether or not such a task was ever added.

    Example:
        When Alice tries to look at task 7
    """
    world = world_of(context)
    world.look_at_task(person, world.task_id(number))


@when("{person:Person} renames the task '{name:Quoted}' to '{new_title:Quoted}'")
@when("{person:Person} tries to rename the task '{name:Quoted}' to '{new_title:Quoted}'")
def step_alice_renames_the_task(context: Any, person: str, name: str, new_title: str) -> None:
    """Change the title of a task (nothing else changes).

    Example:
        When Bob renames the task 'Renew the certificate' to 'Renew the TLS certificate'
    """
    world = world_of(context)
    world.change_task(person, world.task_id(name), [title(new_title)])


@when("{person:Person} gives the task '{name:Quoted}' {detail:Detail}")
@when("{person:Person} tries to give the task '{name:Quoted}' {detail:Detail}")
def step_alice_gives_the_task(context: Any, person: str, name: str, detail: Detail) -> None:
    """Change one detail of a task ("no due date" removes it; nothing else changes).

    Example:
        When Alice gives the task 'Renew the certificate' the assignee Bob
    """
    world = world_of(context)
    world.change_task(person, world.task_id(name), [detail])


@when("{person:Person} completes the task '{name:Quoted}'")
@when("{person:Person} tries to complete the task '{name:Quoted}'")
def step_alice_completes_the_task(context: Any, person: str, name: str) -> None:
    """Mark a task done.

    Example:
        When Bob completes the task 'Renew the certificate'
    """
    world = world_of(context)
    world.complete_task(person, world.task_id(name))


@when("{person:Person} deletes the task '{name:Quoted}'")
@when("{person:Person} tries to delete the task '{name:Quoted}'")
def step_alice_deletes_the_task(context: Any, person: str, name: str) -> None:
    """Delete a task.

    Example:
        When Bob deletes the task 'Renew the certificate'
    """
    world = world_of(context)
    world.delete_task(person, world.task_id(name))
