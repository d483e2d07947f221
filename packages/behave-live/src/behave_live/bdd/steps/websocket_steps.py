"""Steps that talk to the service over WebSockets: open, send, expect messages and closes.

Every step names its connection: ``the WebSocket`` is the scenario's unnamed one, and
``the WebSocket "alice"`` one of several (a chat between two people). The handshake carries
the scenario's headers, cookies and credentials, as a request would. Each wait lasts at most
``stream_timeout`` seconds (default 5), every frame goes to the HTML report, and every
connection is closed when the scenario ends.

Expected JSON holds the same fuzzy markers and ``${name}`` references as the JSON response
steps; a failure names the connection and lists what it received so far.
"""

from __future__ import annotations

from typing import Any

from behave import register_type

from behave_live.bdd.step_types import STEP_TYPES
from behave_live.bdd.steps.decorators import step, then
from behave_live.bdd.stream_connections import streams_of
from behave_live.errors import StepInputError, StreamAssertionError
from behave_live.inputs.expectations import expected_json_document, expected_text
from behave_live.matching import MatchMode
from behave_live.streams.expectations import (
    check_closed_with,
    check_message_arrives,
    check_messages_json,
    check_next_json,
    check_next_text,
    collect_messages,
)

register_type(**STEP_TYPES)


@step('I open a {socket:WebSocket} to "{path:Unquoted}"')
def step_i_open_a_websocket_to(context: Any, socket: str, path: str) -> None:
    """Open a WebSocket to a path of the service (with the scenario's headers and auth).

    Name it to open several: ``a WebSocket "alice"``; steps then say ``the WebSocket "alice"``.

    Example:
        Given I am authenticated with the bearer token "${alice_token}"
        And I open a WebSocket "alice" to "/chat"
    """
    streams_of(context).open_websocket(socket, context.variables.substitute(path))


@step(
    'I open a {socket:WebSocket} to "{path:Unquoted}" with the subprotocol "{protocols:Unquoted}"'
)
def step_i_open_a_websocket_to_with_the_subprotocol(
    context: Any, socket: str, path: str, protocols: str
) -> None:
    """Open a WebSocket asking for a subprotocol (several: comma-separated, preferred first).

    Fails when the server chooses none of them.

    Example:
        When I open a WebSocket to "/ws/echo" with the subprotocol "echo.v2, echo.v1"
    """
    asked = [item.strip() for item in context.variables.substitute(protocols).split(",")]
    if not all(asked):
        raise StepInputError(
            f'"{protocols}" names an empty subprotocol: write names separated by commas, '
            'such as "chat.v2, chat.v1".'
        )
    streams_of(context).open_websocket(socket, context.variables.substitute(path), asked)


@step('I send "{text:AnyText}" on the {socket:WebSocket}')
def step_i_send_on_the_websocket(context: Any, text: str, socket: str) -> None:
    """Send a text message.

    Example:
        When I send "hello" on the WebSocket
    """
    streams_of(context).websocket(socket).send_text(context.variables.substitute(text))


@step("I send this JSON on the {socket:WebSocket}:")
def step_i_send_this_json_on_the_websocket(context: Any, socket: str) -> None:
    """Send the JSON doc-string (``${name}`` references filled in) as a text message.

    Example:
        When I send this JSON on the WebSocket "alice":
            \"\"\"
            {"type": "say", "text": "Lunch at noon?"}
            \"\"\"
    """
    document = expected_json_document(context.text, context.variables, "The JSON to send")
    streams_of(context).websocket(socket).send_json(document)


@then("the next message on the {socket:WebSocket} should be:")
def step_the_next_message_on_the_websocket_should_be(context: Any, socket: str) -> None:
    """Wait for the next message and check that it is the JSON doc-string (markers allowed).

    Example:
        Then the next message on the WebSocket "bob" should be:
            \"\"\"
            {"type": "said", "by": "alice", "text": "Lunch at noon?", "at": "#string"}
            \"\"\"
    """
    _check_next(context, socket, "equals")


@then("the next message on the {socket:WebSocket} should contain:")
def step_the_next_message_on_the_websocket_should_contain(context: Any, socket: str) -> None:
    """Wait for the next message and check that it contains the JSON doc-string.

    Objects may have more keys than expected, arrays more elements, at every depth.

    Example:
        Then the next message on the WebSocket should contain:
            \"\"\"
            {"type": "welcome"}
            \"\"\"
    """
    _check_next(context, socket, "contains")


@then("the {socket:WebSocket} should receive a message containing:")
def step_the_websocket_should_receive_a_message_containing(context: Any, socket: str) -> None:
    """Wait for a message that contains the JSON doc-string, passing over any others.

    For a connection that also carries greetings, heartbeats or other news: the messages
    passed over are kept, and listed if none matches within the timeout.

    Example:
        Then the WebSocket "bob" should receive a message containing:
            \"\"\"
            {"type": "said", "text": "Lunch at noon?"}
            \"\"\"
    """
    streams = streams_of(context)
    expected = expected_json_document(context.text, context.variables)
    check_message_arrives(streams.websocket(socket), expected, "contains", streams.timeout)


@then('the next message on the {socket:WebSocket} should be "{text:AnyText}"')
def step_the_next_message_on_the_websocket_should_be_text(
    context: Any, socket: str, text: str
) -> None:
    """Wait for the next message and check that it is exactly this text.

    Example:
        Then the next message on the WebSocket should be "hello"
    """
    streams = streams_of(context)
    expected = expected_text(text, None, context.variables)
    check_next_text(streams.websocket(socket), expected, streams.timeout)


@then("the {socket:WebSocket} should be closed with the code {code:d}")
def step_the_websocket_should_be_closed_with_the_code(context: Any, socket: str, code: int) -> None:
    """Wait for the server to close the connection, and check the close code.

    Example:
        Then the WebSocket should be closed with the code 4401
    """
    streams = streams_of(context)
    check_closed_with(streams.websocket(socket), code, None, streams.timeout)


@then(
    "the {socket:WebSocket} should be closed with the code {code:d} "
    'and the reason "{reason:AnyText}"'
)
def step_the_websocket_should_be_closed_with_the_code_and_the_reason(
    context: Any, socket: str, code: int, reason: str
) -> None:
    """Wait for the server to close the connection, and check its code and reason.

    Example:
        Then the WebSocket should be closed with the code 4000 and the reason "bye"
    """
    streams = streams_of(context)
    expected = context.variables.substitute(reason)
    check_closed_with(streams.websocket(socket), code, expected, streams.timeout)


@then('the subprotocol of the {socket:WebSocket} should be "{protocol:Unquoted}"')
def step_the_subprotocol_of_the_websocket_should_be(
    context: Any, socket: str, protocol: str
) -> None:
    """Check the subprotocol the server chose when it accepted the connection.

    Example:
        Then the subprotocol of the WebSocket should be "echo.v2"
    """
    connection = streams_of(context).websocket(socket)
    if connection.subprotocol != protocol:
        raise StreamAssertionError(
            f"The server chose the subprotocol {connection.subprotocol!r} for "
            f"{connection.label}, not {protocol!r}."
        )


@step("I collect {count:d} messages on the {socket:WebSocket}")
@step("I collect {count:d} message on the {socket:WebSocket}")
def step_i_collect_messages_on_the_websocket(context: Any, count: int, socket: str) -> None:
    """Wait for the next messages (each within the timeout) and keep them for the Thens.

    Also a way to wait for a greeting before the scenario goes on: ``Given ... And I
    collect 1 message on the WebSocket``.

    Example:
        When I collect 3 messages on the WebSocket
        Then the messages collected on the WebSocket should contain only:
            \"\"\"
            [{"n": 1}, {"n": 2}, {"n": 3}]
            \"\"\"
    """
    streams = streams_of(context)
    connection = streams.websocket(socket)
    connection.collected = collect_messages(connection, count, streams.timeout)


@then("the messages collected on the {socket:WebSocket} should be:")
def step_the_messages_collected_on_the_websocket_should_be(context: Any, socket: str) -> None:
    """Check the collected messages, in order, as a JSON array (markers allowed).

    Example:
        Then the messages collected on the WebSocket should be:
            \"\"\"
            [{"n": 1}, {"n": 2}, {"n": "#number"}]
            \"\"\"
    """
    _check_collected(context, socket, "equals")


@then("the messages collected on the {socket:WebSocket} should contain only:")
def step_the_messages_collected_on_the_websocket_should_contain_only(
    context: Any, socket: str
) -> None:
    """Check the collected messages as a JSON array, in any order.

    Example:
        Then the messages collected on the WebSocket should contain only:
            \"\"\"
            [{"n": 3}, {"n": 1}, {"n": 2}]
            \"\"\"
    """
    _check_collected(context, socket, "contains_only")


@then("each message collected on the {socket:WebSocket} should match:")
def step_each_message_collected_on_the_websocket_should_match(context: Any, socket: str) -> None:
    """Check that every collected message matches the JSON doc-string (markers help here).

    Example:
        Then each message collected on the WebSocket should match:
            \"\"\"
            {"type": "tick", "n": "#number"}
            \"\"\"
    """
    _check_collected(context, socket, "each")


@step("I close the {socket:WebSocket}")
def step_i_close_the_websocket(context: Any, socket: str) -> None:
    """Close a connection (code 1000) before the scenario ends (which closes every one).

    Example:
        When I close the WebSocket "bob"
    """
    streams_of(context).websocket(socket).close()


@step("messages and events are awaited for at most {milliseconds:d} ms")
def step_messages_and_events_are_awaited_for_at_most(context: Any, milliseconds: int) -> None:
    """Change how long each WebSocket or event-stream step waits, for this scenario.

    Example:
        Given messages and events are awaited for at most 500 ms
    """
    streams_of(context).set_timeout(milliseconds / 1000)


def _check_next(context: Any, socket: str, mode: MatchMode) -> None:
    streams = streams_of(context)
    expected = expected_json_document(context.text, context.variables)
    check_next_json(streams.websocket(socket), expected, mode, streams.timeout)


def _check_collected(context: Any, socket: str, mode: MatchMode) -> None:
    connection = streams_of(context).websocket(socket)
    if connection.collected is None:
        raise StepInputError(
            f"No messages were collected on {connection.label} yet. Collect them first: "
            "When I collect 3 messages on the WebSocket"
        )
    expected = expected_json_document(context.text, context.variables)
    check_messages_json(connection, connection.collected, expected, mode)
