"""Checks of what came over a WebSocket or an event stream, with the messages that say why not.

JSON is compared by the kit's matching engine, so expectations hold the same fuzzy markers
(``"#string"``, ``"#[] #object"``, ...) and report every mismatch with its path, as the
HTTP steps do. Every failure names the connection, what was expected, what came, and what
was received on it so far.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, Final

from behave_live.errors import StepInputError, StreamAssertionError
from behave_live.http.shown_values import redact_mismatches
from behave_live.matching import MISSING, MatchMode, describe, format_mismatches, match
from behave_live.streams.event_stream import EventStreamRead
from behave_live.streams.events import ServerSentEvent
from behave_live.streams.transcript import Frame
from behave_live.streams.websocket import Closed, WebSocketConnection

__all__ = [
    "check_closed_with",
    "check_event_json",
    "check_event_names",
    "check_events_count",
    "check_message_arrives",
    "check_messages_json",
    "check_next_json",
    "check_next_text",
    "collect_messages",
]

_HEADLINES: Final[dict[str, str]] = {
    "equals": "is not the expected JSON",
    "contains": "does not contain the expected JSON",
    "contains_only": "does not contain exactly the expected values",
    "each": "do not all match the expected JSON",
}


def check_next_json(
    connection: WebSocketConnection, expected: Any, mode: MatchMode, timeout: float
) -> Any:
    """Wait for the next message and check that it is JSON matching ``expected``."""
    match(MISSING, expected, mode, allow_empty=True)  # a bad marker is the feature's mistake
    frame = connection.next_message(timeout, f"JSON such as {describe(expected, limit=200)}")
    actual = _json_of(frame)
    if actual is MISSING:
        raise StreamAssertionError(
            f"The next message on {connection.label} is not JSON: "
            f"{frame.shown(connection.secrets)[3:]}\nExpected: {describe(expected, limit=300)}\n"
            f"Received so far:\n{connection.transcript()}"
        )
    mismatches = redact_mismatches(match(actual, expected, mode, allow_empty=True))
    if mismatches:
        raise StreamAssertionError(
            f"The next message on {connection.label} {_HEADLINES[mode]}.\n"
            f"{format_mismatches(mismatches)}\nReceived so far:\n{connection.transcript()}"
        )
    return actual


def check_message_arrives(
    connection: WebSocketConnection, expected: Any, mode: MatchMode, timeout: float
) -> Any:
    """Wait for a JSON message matching ``expected``, passing over any others before it."""
    match(MISSING, expected, mode, allow_empty=True)

    def matches(frame: Frame) -> bool:
        actual = _json_of(frame)
        return actual is not MISSING and not match(actual, expected, mode)

    frame = connection.next_message_where(
        matches, timeout, f"JSON such as {describe(expected, limit=200)}"
    )
    return _json_of(frame)


def check_next_text(connection: WebSocketConnection, expected: str, timeout: float) -> None:
    """Wait for the next message and check that it is exactly the text ``expected``."""
    frame = connection.next_message(timeout, f"the text {expected!r}")
    if frame.data != expected:
        raise StreamAssertionError(
            f"The next message on {connection.label} is not the expected text.\n"
            f"  expected: {expected!r}\n  received: {frame.shown(connection.secrets)[3:]}\n"
            f"Received so far:\n{connection.transcript()}"
        )


def check_closed_with(
    connection: WebSocketConnection, code: int, reason: str | None, timeout: float
) -> Closed:
    """Wait for the server to close the connection, and check its code (and reason)."""
    closed = connection.wait_closed(timeout)
    if closed.code != code or (reason is not None and closed.reason != reason):
        wanted = f"code {code}" + (f' ("{reason}")' if reason is not None else "")
        raise StreamAssertionError(
            f"{connection.label[:1].upper()}{connection.label[1:]} was closed with {closed}, "
            f"not {wanted}.\nReceived so far:\n{connection.transcript()}"
        )
    return closed


def collect_messages(connection: WebSocketConnection, count: int, timeout: float) -> list[Frame]:
    """The next ``count`` messages, each waited for at most ``timeout`` seconds."""
    if count < 1:
        raise StepInputError(f"Collect at least 1 message, not {count}.")
    collected: list[Frame] = []
    for number in range(1, count + 1):
        collected.append(
            connection.next_message(timeout, f"message {number} of the {count} to collect")
        )
    return collected


def check_messages_json(
    connection: WebSocketConnection, frames: Sequence[Frame], expected: Any, mode: MatchMode
) -> None:
    """Check the collected messages, as one JSON array, against ``expected``."""
    match(MISSING, expected, mode, allow_empty=True)
    documents = []
    for frame in frames:
        document = _json_of(frame)
        if document is MISSING:
            raise StreamAssertionError(
                f"A message collected on {connection.label} is not JSON: "
                f"{frame.shown(connection.secrets)[3:]}\n"
                f"Received so far:\n{connection.transcript()}"
            )
        documents.append(document)
    mismatches = redact_mismatches(match(documents, expected, mode))
    if mismatches:
        raise StreamAssertionError(
            f"The {len(frames)} messages collected on {connection.label} "
            f"{_HEADLINES.get(mode, 'do not match')}.\n{format_mismatches(mismatches)}\n"
            f"Received so far:\n{connection.transcript()}"
        )


def check_events_count(read: EventStreamRead, what: str, timeout: float) -> None:
    """Fail unless the reading stopped because it got what it waited for (``what``)."""
    if read.ending == "done":
        return
    request = read.request_line()
    count = len(read.events)
    came = f"{count} event{'s' if count != 1 else ''}"
    if read.ending == "timeout":
        why = f"only {came} came within {timeout:g} s. If the service is meant to take longer, "
        why += "raise stream_timeout (-D stream_timeout=10)."
    else:
        why = f"the server ended the stream after {came}."
    raise StreamAssertionError(
        f"Waited for {what} from {request}, but {why}\nEvents read:\n{read.describe_events()}"
    )


def check_event_names(events: Sequence[ServerSentEvent], expected: Sequence[str]) -> None:
    """Check the names of the events read, in order."""
    names = [event.name for event in events]
    if names != list(expected):
        raise StreamAssertionError(
            f"The events read are named {', '.join(names) or '(no event)'}; expected "
            f"{', '.join(expected)}.\nEvents read:\n{_listed(events)}"
        )


def check_event_json(
    events: Sequence[ServerSentEvent], number: int | None, expected: Any, mode: MatchMode
) -> None:
    """Check the JSON data of event ``number`` (from 1), or of every event as an array."""
    match(MISSING, expected, mode, allow_empty=True)
    if number is None:
        actual: Any = [event.json(f"event {index}") for index, event in enumerate(events, 1)]
        subject = f"The data of the {len(events)} events read"
    else:
        if not 1 <= number <= len(events):
            raise StreamAssertionError(
                f"There is no event {number}: {len(events)} "
                f"event{'s were' if len(events) != 1 else ' was'} read.\n"
                f"Events read:\n{_listed(events)}"
            )
        actual = events[number - 1].json(f"event {number}")
        subject = f"The data of event {number} ({events[number - 1].name})"
    mismatches = redact_mismatches(match(actual, expected, mode))
    if mismatches:
        verb = _HEADLINES.get(mode, "does not match").replace("do not", "does not")
        raise StreamAssertionError(
            f"{subject} {verb}.\n{format_mismatches(mismatches)}\nEvents read:\n{_listed(events)}"
        )


def _json_of(frame: Frame) -> Any:
    if not isinstance(frame.data, str):
        return MISSING
    try:
        return json.loads(frame.data)
    except ValueError:
        return MISSING


def _listed(events: Sequence[ServerSentEvent]) -> str:
    return "\n".join(f"  {event.shown()}" for event in events) or "  (none)"
