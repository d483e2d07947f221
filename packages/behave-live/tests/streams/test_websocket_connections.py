"""WebSocket connections through the real server: headers, names, closes, and no leaks."""

from __future__ import annotations

import pytest

from behave_live.errors import StepInputError, StreamAssertionError
from behave_live.http.retry import json_value_is, repeat_until
from behave_live.http.session import HttpSession
from behave_live.streams import Frame, StreamConnections, WebSocketConnection
from behave_live.streams.expectations import (
    check_closed_with,
    check_message_arrives,
    check_next_json,
)


def _no_socket_left_open(http: HttpSession) -> None:
    # The server's handler ends a moment after the close handshake: ask until it has.
    http.get("/ws/open")
    repeat_until(http, json_value_is("$.open", 0), attempts=200, interval_ms=5)


def test_the_handshake_carries_the_sessions_credentials_and_next_headers(
    http: HttpSession,
) -> None:
    http.use_bearer_token("s3cret-token")
    http.set_next_request_headers({"X-Trace": "abc"})
    streams = StreamConnections(http, timeout=5)

    connection = streams.open_websocket("", "/ws/headers")

    assert check_next_json(
        connection, {"authorization": "Bearer s3cret-token", "x-trace": "abc"}, "equals", 5
    )
    assert http.next_request_headers == {}  # used up, as by a request
    streams.close_all()


def test_frames_are_shown_with_secrets_masked(http: HttpSession) -> None:
    http.use_bearer_token("s3cret-token")
    seen: list[str] = []

    def listener(connection: WebSocketConnection, frame: Frame) -> None:
        seen.append(f"{connection.label} {frame.shown(http.secrets)}")

    streams = StreamConnections(http, timeout=5, listeners=[listener])
    connection = streams.open_websocket("alice", "/ws/echo")
    connection.send_text("my token is s3cret-token")
    connection.next_message(5, "an echo")
    streams.close_all()

    assert seen == [
        'the WebSocket "alice" (/ws/echo) -> my token is <redacted>',
        'the WebSocket "alice" (/ws/echo) <- my token is <redacted>',
    ]
    assert "s3cret" not in connection.transcript()


def test_close_all_leaves_no_connection_open_on_the_server(http: HttpSession) -> None:
    streams = StreamConnections(http, timeout=5)
    for name in ("alice", "bob", "carol"):
        streams.open_websocket(name, "/ws/echo").send_text("hi")
    assert http.get("/ws/open").json()["open"] == 3

    streams.close_all()

    _no_socket_left_open(http)


def test_a_second_connection_under_one_name_is_refused_with_the_fix(http: HttpSession) -> None:
    streams = StreamConnections(http, timeout=5)
    streams.open_websocket("alice", "/ws/echo")

    with pytest.raises(StepInputError) as refused:
        streams.open_websocket("alice", "/ws/echo")

    assert str(refused.value) == (
        'The WebSocket "alice" (/ws/echo) is already open in this scenario. Give the new one '
        'a name of its own: I open a WebSocket "alice" to "/ws/echo"'
    )
    streams.close_all()


def test_an_unknown_name_lists_the_open_connections(http: HttpSession) -> None:
    streams = StreamConnections(http, timeout=5)
    streams.open_websocket("alice", "/ws/echo")

    with pytest.raises(StepInputError) as unknown:
        streams.websocket("bob")

    assert str(unknown.value) == (
        'The WebSocket "bob" is not open in this scenario. Opened so far: the WebSocket '
        '"alice" (/ws/echo). Open it first: When I open a WebSocket "bob" to "/path"'
    )
    streams.close_all()


def test_a_refused_handshake_says_the_status(http: HttpSession) -> None:
    streams = StreamConnections(http, timeout=5)

    with pytest.raises(StreamAssertionError) as refused:
        streams.open_websocket("", "/ws/refuse")

    assert str(refused.value).startswith(
        "The server refused to open the WebSocket (/ws/refuse): HTTP 403 instead of 101 "
        "Switching Protocols"
    )


def test_a_close_with_another_code_says_both(http: HttpSession) -> None:
    streams = StreamConnections(http, timeout=5)
    connection = streams.open_websocket("", "/ws/echo")
    connection.send_text("close 4001 go away")

    with pytest.raises(StreamAssertionError) as wrong:
        check_closed_with(connection, 4000, None, 5)

    assert str(wrong.value) == (
        'The WebSocket (/ws/echo) was closed with code 4001 ("go away"), not code 4000.\n'
        "Received so far:\n  -> close 4001 go away"
    )


def test_a_subprotocol_the_server_does_not_speak_fails(http: HttpSession) -> None:
    streams = StreamConnections(http, timeout=5)

    with pytest.raises(StreamAssertionError) as refused:
        streams.open_websocket("", "/ws/echo", ["chat.v9"])

    assert str(refused.value) == (
        "The server opened the WebSocket (/ws/echo) without choosing any of the subprotocols "
        "asked for (chat.v9)."
    )
    _no_socket_left_open(http)


def test_waiting_for_a_matching_message_passes_over_others_and_lists_them_at_the_timeout(
    http: HttpSession,
) -> None:
    streams = StreamConnections(http, timeout=5)
    connection = streams.open_websocket("", "/ws/echo")
    for text in ('{"type": "ping"}', '{"type": "said", "text": "hi"}'):
        connection.send_text(text)

    assert check_message_arrives(connection, {"type": "said"}, "contains", 5) == {
        "type": "said",
        "text": "hi",
    }
    connection.send_text('{"type": "ping"}')
    with pytest.raises(StreamAssertionError) as silent:
        check_message_arrives(connection, {"type": "said"}, "contains", 0.2)

    assert str(silent.value) == (
        "No message came on the WebSocket (/ws/echo) within 0.2 s that matched JSON such as "
        '{"type":"said"}.\n'
        "Received so far:\n"
        '  -> {"type": "ping"}\n'
        '  -> {"type": "said", "text": "hi"}\n'
        '  <- {"type": "ping"}\n'
        '  <- {"type": "said", "text": "hi"}\n'
        '  -> {"type": "ping"}\n'
        '  <- {"type": "ping"}'
    )
    streams.close_all()
