"""The board, live: watching a team's board as it changes, talking to the team, catching up.

Domain steps for the stakeholder features (``features/board/live_updates.feature`` and
``catching_up.feature``). Watching the board is a WebSocket to the board's live socket,
named after the person; catching up reads the board's activity feed (server-sent events).
Both go through the kit's stream support, so every connection closes with the scenario and
every wait is bounded by ``stream_timeout``.

Of the board's support code they use the scenario's world (``world_of``), for a person's
token, and the board's parse types. The board knows people and teams by the features' own
names, so what it sends back reads as written. Every Then attaches what the person saw, in
plain words, to the report.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Final

from behave import register_type

from behave_live.bdd.steps.decorators import given, then, when
from behave_live.bdd.stream_connections import streams_of
from behave_live.errors import StepInputError, StreamAssertionError
from behave_live.streams import ServerSentEvent, StreamConnections, read_event_stream
from behave_live.streams.expectations import check_closed_with, check_next_json
from behave_live.streams.websocket import WebSocketConnection
from board_support.words import BOARD_TYPES
from board_support.world import world_of

#: The live socket and the activity feed of the board.
_LIVE: Final = "/board/live"
_FEED: Final = "/board/events"
#: The close code of the live socket for someone without a valid token.
_TURNED_AWAY: Final = 4401
#: What each kind of event says someone did, in the features' words.
_DID: Final[Mapping[str, str]] = {
    "task-added": "added",
    "task-changed": "changed",
    "task-completed": "completed",
    "task-deleted": "deleted",
}


register_type(**BOARD_TYPES)


# -- watching the board ---------------------------------------------------------------------


@given("{person:Person} is watching the {team:Team} board")
def step_bob_is_watching_the_apollo_board(context: Any, person: str, team: str) -> None:
    """Have someone keep the team's board open, so that its changes reach them as they happen.

    The step ends once the board has welcomed them: whatever happens after it is shown.

    Example:
        Given Bob is watching the Apollo board
    """
    connection = _watch(context, person)
    welcome = check_next_json(
        connection, {"type": "welcome"}, "contains", streams_of(context).timeout
    )
    their_team = str(welcome["team"])
    if their_team.lower() != team.lower():
        raise StepInputError(
            f"{person} is a member of team {their_team}, so the board shows {person} the "
            f"{their_team} board, never the {team} board. Say 'the {their_team} board' here."
        )


@when("{person:Person} tries to watch the {team:Team} board")
def step_victor_tries_to_watch_the_apollo_board(context: Any, person: str, team: str) -> None:
    """Have someone try to keep a board open; a Then says whether the board let them.

    Example:
        When Victor tries to watch the Apollo board
    """
    _watch(context, person)


@then("{person:Person} should be turned away from the live board")
def step_victor_should_be_turned_away_from_the_live_board(context: Any, person: str) -> None:
    """Check that the board refused to show someone its changes.

    Example:
        Then Victor should be turned away from the live board
    """
    streams = streams_of(context)
    closed = check_closed_with(_watching(streams, person), _TURNED_AWAY, None, streams.timeout)
    _saw(context, f"{person} was turned away from the live board: {closed.reason}.")


@then("{person:Person} should see '{title:Quoted}' appear on the board")
def step_bob_should_see_appear_on_the_board(context: Any, person: str, title: str) -> None:
    """Check that the next change someone watching sees is this task, newly added.

    Example:
        Then Bob should see 'Renew the certificate' appear on the board
    """
    by = _next_change_by(context, person, "task-added", title)
    _saw(context, f"{person} saw '{title}' appear on the board, added by {by}.")


@then("{person:Person} should see '{title:Quoted}' marked as done")
def step_bob_should_see_marked_as_done(context: Any, person: str, title: str) -> None:
    """Check that the next change someone watching sees is this task, completed.

    Example:
        Then Bob should see 'Renew the certificate' marked as done
    """
    by = _next_change_by(context, person, "task-completed", title)
    _saw(context, f"{person} saw '{title}' marked as done by {by}.")


# -- talking to the team ----------------------------------------------------------------------


@when("{person:Person} tells the team '{text:Quoted}'")
def step_alice_tells_the_team(context: Any, person: str, text: str) -> None:
    """Have someone watching the board say something to everyone watching it.

    Example:
        When Alice tells the team 'Lunch at noon?'
    """
    _watching(streams_of(context), person).send_json({"type": "say", "text": text})


@then("{person:Person} should hear {speaker:Person} say '{text:Quoted}'")
def step_bob_should_hear_alice_say(context: Any, person: str, speaker: str, text: str) -> None:
    """Check that the next thing someone watching gets is what a teammate said.

    Example:
        Then Bob should hear Alice say 'Lunch at noon?'
    """
    streams = streams_of(context)
    event = check_next_json(
        _watching(streams, person), {"type": "said", "text": text}, "contains", streams.timeout
    )
    heard_from = str(event["by"])
    if heard_from != speaker:
        raise StreamAssertionError(f"{person} heard '{text}' from {heard_from}, not {speaker}.")
    _saw(context, f"{person} heard {speaker} say '{text}'.")


# -- catching up ---------------------------------------------------------------------------------


@when("{person:Person} catches up on the {team:Team} board's activity")
def step_bob_catches_up_on_the_apollo_boards_activity(context: Any, person: str, team: str) -> None:
    """Have someone read what their team did on the board that the board still remembers.

    Example:
        When Bob catches up on the Apollo board's activity
    """
    streams = streams_of(context)
    _authenticate_next(streams, world_of(context).token_of(person))
    read = read_event_stream(
        streams.session,
        _FEED,
        lambda events: bool(events) and events[-1].name == "caught-up",
        streams.timeout,
    )
    if read.ending != "done":
        raise StreamAssertionError(
            f"{person} could not catch up: the board's activity did not come to an end within "
            f"{streams.timeout:g} s ({read.request_line()}).\n"
            f"Events read:\n{read.describe_events()}"
        )
    streams.events = [event for event in read.events if event.name in _DID]
    streams.event_reads += 1


@then("{person:Person} should read this activity:")
def step_bob_should_read_this_activity(context: Any, person: str) -> None:
    """Check what someone read when catching up: who did what to which task, in order.

    Example:
        Then Bob should read this activity:
            | who   | did       | task                  |
            | Alice | added     | Renew the certificate |
            | Alice | completed | Renew the certificate |
    """
    table = context.table
    if table is None or list(table.headings) != ["who", "did", "task"]:
        raise StepInputError(
            "The activity belongs in a table below the step with the columns who, did and "
            "task: | Alice | added | Renew the certificate |"
        )
    expected = [(row["who"], row["did"], row["task"]) for row in table]
    read = _activity(context)
    if read != expected:
        raise StreamAssertionError(
            f"{person} read other activity than expected.\n"
            f"  expected:\n{_lines(expected)}\n  read:\n{_lines(read)}"
        )
    _saw(context, f"{person} read:\n{_lines(read)}")


@then("{person:Person} should read no activity")
def step_bob_should_read_no_activity(context: Any, person: str) -> None:
    """Check that someone catching up read nothing their team did.

    Example:
        Then Bob should read no activity
    """
    read = _activity(context)
    if read:
        raise StreamAssertionError(
            f"{person} read activity where none was expected:\n{_lines(read)}"
        )
    _saw(context, f"{person} read no activity.")


# -- helpers --------------------------------------------------------------------------------------


def _watch(context: Any, person: str) -> WebSocketConnection:
    streams = streams_of(context)
    _authenticate_next(streams, world_of(context).token_of(person))
    return streams.open_websocket(person, _LIVE)


def _authenticate_next(streams: StreamConnections, token: str | None) -> None:
    # Someone who has not joined has no token: they send none, as they would in real life.
    if token is not None:
        streams.session.set_next_request_headers({"Authorization": f"Bearer {token}"})


def _watching(streams: StreamConnections, person: str) -> WebSocketConnection:
    if person not in streams.websockets:
        raise StepInputError(
            f"{person} is not watching the board in this scenario. Say so first, for example: "
            f"Given {person} is watching the Apollo board"
        )
    return streams.websockets[person]


def _next_change_by(context: Any, person: str, kind: str, title: str) -> str:
    """Check the next change someone watching sees; who made it, as the features say it."""
    streams = streams_of(context)
    event = check_next_json(
        _watching(streams, person),
        {"type": kind, "task": {"title": title}},
        "contains",
        streams.timeout,
    )
    return str(event["by"])


def _activity(context: Any) -> list[tuple[str, str, str]]:
    streams = streams_of(context)
    if streams.event_reads == 0:
        raise StepInputError(
            "Nobody caught up on the board's activity yet. Say so first, for example: "
            "When Bob catches up on the Apollo board's activity"
        )
    return [_entry(context, event) for event in streams.events]


def _entry(context: Any, event: ServerSentEvent) -> tuple[str, str, str]:
    data = event.json(f"the {event.name} event")
    return (str(data["by"]), _DID[event.name], str(data["task"]["title"]))


def _lines(entries: Sequence[tuple[str, str, str]]) -> str:
    return "\n".join(f"    {who} {did} '{task}'" for who, did, task in entries) or "    nothing"


def _saw(context: Any, words: str) -> None:
    context.live.report.attach_summary(words)
