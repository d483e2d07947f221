"""The task board's tasks: adding, looking at, changing, completing and deleting them.

"Given" steps set the scene and fail if the board refuses; "When" steps only try, and a
Then step says what should have come of it. Each When step reads two ways - "Alice adds the
task 'X'" and "Alice tries to add the task 'X'" - so a scenario can say which outcome it
expects.
"""

from __future__ import annotations

from typing import Any

from behave import register_type

from behave_live.bdd.steps.decorators import given, when
from board_support.checks import require_success
from board_support.tables import detail_column, task_rows
from board_support.wording import BOARD_TYPES, Detail, numbered_titles, parse_detail
from board_support.world import world_of

register_type(**BOARD_TYPES)


def _title(title: str) -> Detail:
    return Detail("title", "text", title)


# -- setting the scene -------------------------------------------------------------------------


@given("{person:Person} has added the task '{title:Quoted}'")
def step_alice_has_added_the_task(context: Any, person: str, title: str) -> None:
    """Add a task to the person's team board (it must be accepted).

    Example:
        Given Alice has added the task 'Renew the certificate'
    """
    world = world_of(context)
    require_success(world, world.add_task(person, [_title(title)]))


@given("{person:Person} has added these tasks:")
def step_alice_has_added_these_tasks(context: Any, person: str) -> None:
    """Add several tasks, one per row, in order (empty cells: no value).

    Columns: title, description, status, assignee, due date.

    Example:
        Given Alice has added these tasks:
          | title                 | status | assignee |
          | Renew the certificate | todo   | Alice    |
          | Review the budget     | doing  | Bob      |
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
    titles = numbered_titles(first, last, count)
    world = world_of(context)
    for title in titles:
        require_success(world, world.add_task(person, [_title(title)]))


@given("{person:Person} has given the task '{title:Quoted}' {detail:Detail}")
def step_alice_has_given_the_task(context: Any, person: str, title: str, detail: Detail) -> None:
    """Change one detail of a task (it must be accepted).

    Example:
        Given Alice has given the task 'Renew the certificate' the status 'doing'
    """
    world = world_of(context)
    require_success(world, world.change_task(person, world.tasks.id_of(title), [detail]))


@given("{person:Person} has completed the task '{title:Quoted}'")
def step_alice_has_completed_the_task(context: Any, person: str, title: str) -> None:
    """Mark a task done (it must be accepted).

    Example:
        Given Alice has completed the task 'Renew the certificate'
    """
    world = world_of(context)
    require_success(world, world.complete_task(person, world.tasks.id_of(title)))


@given("{person:Person} has deleted the task '{title:Quoted}'")
def step_alice_has_deleted_the_task(context: Any, person: str, title: str) -> None:
    """Delete a task (it must be accepted).

    Example:
        Given Bob has deleted the task 'Renew the certificate'
    """
    world = world_of(context)
    require_success(world, world.delete_task(person, world.tasks.id_of(title)))


# -- adding ------------------------------------------------------------------------------------


@when("{person:Person} adds the task '{title:Quoted}'")
@when("{person:Person} tries to add the task '{title:Quoted}'")
def step_alice_adds_the_task(context: Any, person: str, title: str) -> None:
    """Add a task with just a title to the person's team board.

    Example:
        When Alice adds the task 'Renew the certificate'
    """
    world_of(context).add_task(person, [_title(title)])


@when("{person:Person} adds the task '{title:Quoted}' with {detail:Detail}")
@when("{person:Person} tries to add the task '{title:Quoted}' with {detail:Detail}")
def step_alice_adds_the_task_with(context: Any, person: str, title: str, detail: Detail) -> None:
    """Add a task with a title and one more detail.

    Example:
        When Alice adds the task 'File the tax return' with the due date '2030-04-15'
    """
    world_of(context).add_task(person, [_title(title), detail])


@when("{person:Person} adds a task with {detail:Detail}")
@when("{person:Person} tries to add a task with {detail:Detail}")
def step_alice_adds_a_task_with(context: Any, person: str, detail: Detail) -> None:
    """Add a task with one detail that matters here (a title is made up unless it is that).

    Example:
        When Alice tries to add a task with a title of 201 characters
    """
    world_of(context).add_task(person, [detail])


@when("{person:Person} adds a task with these details:")
@when("{person:Person} tries to add a task with these details:")
def step_alice_adds_a_task_with_these_details(context: Any, person: str) -> None:
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

    Columns: title, description, status, assignee, due date.

    Example:
        When Alice adds these tasks:
          | title                 | assignee | due date   |
          | Renew the certificate | Bob      | 2030-05-01 |
    """
    world = world_of(context)
    for row in task_rows(context.table, new=True):
        world.add_task_row(person, row)


# -- one task ----------------------------------------------------------------------------------


@when("{person:Person} looks at the task '{title:Quoted}'")
@when("{person:Person} tries to look at the task '{title:Quoted}'")
def step_alice_looks_at_the_task(context: Any, person: str, title: str) -> None:
    """Open one task to read it.

    Example:
        When Carol tries to look at the task 'Renew the certificate'
    """
    world = world_of(context)
    world.look_at_task(person, world.tasks.id_of(title))


@when("{person:Person} renames the task '{title:Quoted}' to '{new_title:Quoted}'")
@when("{person:Person} tries to rename the task '{title:Quoted}' to '{new_title:Quoted}'")
def step_alice_renames_the_task(context: Any, person: str, title: str, new_title: str) -> None:
    """Change the title of a task (nothing else changes).

    Example:
        When Bob renames the task 'Renew the certificate' to 'Renew the TLS certificate'
    """
    world = world_of(context)
    world.change_task(person, world.tasks.id_of(title), [_title(new_title)])


@when("{person:Person} gives the task '{title:Quoted}' {detail:Detail}")
@when("{person:Person} tries to give the task '{title:Quoted}' {detail:Detail}")
def step_alice_gives_the_task(context: Any, person: str, title: str, detail: Detail) -> None:
    """Change one detail of a task ("no due date" removes it; nothing else changes).

    Example:
        When Alice gives the task 'Renew the certificate' the assignee Bob
    """
    world = world_of(context)
    world.change_task(person, world.tasks.id_of(title), [detail])


@when("{person:Person} completes the task '{title:Quoted}'")
@when("{person:Person} tries to complete the task '{title:Quoted}'")
def step_alice_completes_the_task(context: Any, person: str, title: str) -> None:
    """Mark a task done.

    Example:
        When Bob completes the task 'Renew the certificate'
    """
    world = world_of(context)
    world.complete_task(person, world.tasks.id_of(title))


@when("{person:Person} deletes the task '{title:Quoted}'")
@when("{person:Person} tries to delete the task '{title:Quoted}'")
def step_alice_deletes_the_task(context: Any, person: str, title: str) -> None:
    """Delete a task.

    Example:
        When Bob deletes the task 'Renew the certificate'
    """
    world = world_of(context)
    world.delete_task(person, world.tasks.id_of(title))
