"""The task board's people: joining the board, tokens, and who the board says someone is.

Domain steps for the stakeholders' features (``features/board/``). Each step parses its
phrase and calls :mod:`board_support`; the board features run on a fresh board per
scenario, so Alice and Apollo are sent to the board exactly as the features say them.
"""

from __future__ import annotations

from typing import Any

from behave import register_type

from behave_live.bdd.steps.decorators import given, then, when
from board_support import world_of
from board_support.checks import assert_recognised, assert_welcomed, require_success
from board_support.words import BOARD_TYPES, Detail, field

register_type(**BOARD_TYPES)


@given("{person:Person} is a member of team {team:Team}")
def step_alice_is_a_member_of_team(context: Any, person: str, team: str) -> None:
    """Have someone join the board in a team (the team is formed by its first member).

    Example:
        Given Carol is a member of team Gemini
    """
    world = world_of(context)
    require_success(world, world.join(person, team))


@given("{first:Person} and {second:Person} are members of team {team:Team}")
def step_alice_and_bob_are_members_of_team(
    context: Any, first: str, second: str, team: str
) -> None:
    """Have two people join the board in the same team.

    Example:
        Given Alice and Bob are members of team Apollo
    """
    world = world_of(context)
    for person in (first, second):
        require_success(world, world.join(person, team))


@given("{person:Person} has not joined the board")
def step_victor_has_not_joined_the_board(context: Any, person: str) -> None:
    """Introduce someone who has no token: every request they make carries none.

    Example:
        Given Victor has not joined the board
    """
    world_of(context).add_outsider(person)


@given("{person:Person} has a token the board never gave out")
def step_mallory_has_a_token_the_board_never_gave_out(context: Any, person: str) -> None:
    """Introduce someone who sends a made-up token with every request.

    Example:
        Given Mallory has a token the board never gave out
    """
    world_of(context).add_outsider(person, made_up_token=True)


@when("{person:Person} joins the board as a member of team {team:Team}")
def step_alice_joins_the_board_as_a_member_of_team(context: Any, person: str, team: str) -> None:
    """Have someone join the board in a team (team names are not case-sensitive).

    Example:
        When Bob joins the board as a member of team Apollo
    """
    world_of(context).join(person, team)


@when("a newcomer tries to join team {team:Team} as {name:Person}")
def step_a_newcomer_tries_to_join_team_as(context: Any, team: str, name: str) -> None:
    """Have someone outside the cast try to join under a name (to show a name is taken).

    Example:
        When a newcomer tries to join team Gemini as Alice
    """
    details = [Detail(field("name"), "name", name), Detail(field("team name"), "name", team)]
    world_of(context).join_as_newcomer(details)


@when("a newcomer joins the board with {detail:Detail}")
@when("a newcomer tries to join the board with {detail:Detail}")
def step_a_newcomer_joins_the_board_with(context: Any, detail: Detail) -> None:
    """Have someone outside the cast try to join; the detail replaces their name or team.

    Example:
        When a newcomer tries to join the board with a name of 51 characters
    """
    world_of(context).join_as_newcomer([detail])


@when("{person:Person} checks whether the board is up")
def step_victor_checks_whether_the_board_is_up(context: Any, person: str) -> None:
    """Ask the board whether it is running (anyone may ask, with or without a token).

    Example:
        When Victor checks whether the board is up
    """
    world_of(context).check_health(person)


@when("{person:Person} asks the board who {who:WhoIs}")
def step_victor_asks_the_board_who_he_is(context: Any, person: str, who: str) -> None:
    """Ask the board whose token this is (he is, she is, they are).

    Example:
        When Victor asks the board who he is
    """
    world_of(context).ask_who(person)


@then("the board should recognise {person:Person} as a member of team {team:Team}")
def step_the_board_should_recognise_alice_as_a_member_of_team(
    context: Any, person: str, team: str
) -> None:
    """Check that someone's token works and the board knows their name and team.

    Example:
        Then the board should recognise Bob as a member of team Apollo
    """
    assert_recognised(world_of(context), person, team)


@then("the newcomer should be welcomed with {detail:Detail}")
def step_the_newcomer_should_be_welcomed_with(context: Any, detail: Detail) -> None:
    """Check that the newcomer joined, and that the board knows them by that detail.

    Example:
        Then the newcomer should be welcomed with a name of 50 characters
    """
    assert_welcomed(world_of(context), detail)
