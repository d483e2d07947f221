"""Editing a task someone opened: saving from a copy that may have been overtaken.

A person "opens" a task and later "saves" a change: the save carries the version they
opened, so the board refuses it if someone else changed the task in between. Changing a
task without opening it ("Bob renames the task ...") always applies: the last change wins.
"""

from __future__ import annotations

from typing import Any

from behave import register_type

from behave_live.bdd.steps.decorators import given, when
from board_support import world_of
from board_support.checks import require_success
from board_support.words import BOARD_TYPES, Detail

register_type(**BOARD_TYPES)


@given("{first:Person} and {second:Person} have both opened the task '{title:Quoted}'")
def step_alice_and_bob_have_both_opened_the_task(
    context: Any, first: str, second: str, title: str
) -> None:
    """Have two people open the same task: each holds a copy at the version they saw.

    Example:
        Given Alice and Bob have both opened the task 'Renew the certificate'
    """
    world = world_of(context)
    task_id = world.task_id(title)
    for person in (first, second):
        require_success(world, world.look_at_task(person, task_id, kind="open"))


@given("{person:Person} has opened the task '{title:Quoted}'")
def step_alice_has_opened_the_task(context: Any, person: str, title: str) -> None:
    """Have someone open a task (again): their copy is now at the task's current version.

    Example:
        Given Bob has opened the task 'Renew the TLS certificate'
    """
    world = world_of(context)
    require_success(world, world.look_at_task(person, world.task_id(title), kind="open"))


@given("{person:Person} has saved the task with {detail:Detail}")
def step_alice_has_saved_the_task_with(context: Any, person: str, detail: Detail) -> None:
    """Save a change to the task the person opened (it must be accepted).

    Example:
        Given Alice has saved the task with the title 'Renew the TLS certificate'
    """
    world = world_of(context)
    require_success(world, world.change_task(person, world.the_task(), [detail], as_opened=True))


@when("{person:Person} saves the task with {detail:Detail}")
@when("{person:Person} tries to save the task with {detail:Detail}")
def step_alice_saves_the_task_with(context: Any, person: str, detail: Detail) -> None:
    """Save a change to the task the person opened; refused if it changed since.

    Example:
        When Bob tries to save the task with the title 'Renew it today'
    """
    world = world_of(context)
    world.change_task(person, world.the_task(), [detail], as_opened=True)


@when("{person:Person} completes the task as {pronoun:Pronoun} opened it")
@when("{person:Person} tries to complete the task as {pronoun:Pronoun} opened it")
def step_alice_completes_the_task_as_she_opened_it(context: Any, person: str, pronoun: str) -> None:
    """Complete the task only if it is still as the person opened it.

    Example:
        When Bob tries to complete the task as he opened it
    """
    world = world_of(context)
    world.complete_task(person, world.the_task(), as_opened=True)


@when("{person:Person} deletes the task as {pronoun:Pronoun} opened it")
@when("{person:Person} tries to delete the task as {pronoun:Pronoun} opened it")
def step_alice_deletes_the_task_as_she_opened_it(context: Any, person: str, pronoun: str) -> None:
    """Delete the task only if it is still as the person opened it.

    Example:
        When Bob tries to delete the task as he opened it
    """
    world = world_of(context)
    world.delete_task(person, world.the_task(), as_opened=True)
