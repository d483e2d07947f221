"""Steps that read server-sent events, and bodies that arrive piece by piece.

An event stream is read by one When step - until a count of events, or until one named so,
or one whose data contains some JSON - within ``stream_timeout`` seconds (default 5). The
request is recorded like any other (the response steps check its status and headers; its
body is what was read) and its connection is closed as soon as the reading ends. The Thens
check the events read: their names, and their data as JSON with the kit's markers.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from behave import register_type

from behave_live.bdd.step_types import STEP_TYPES
from behave_live.bdd.steps.decorators import then, when
from behave_live.bdd.stream_connections import streams_of
from behave_live.errors import StepInputError, StreamAssertionError
from behave_live.http.assertions import assert_status
from behave_live.inputs.expectations import expected_json_document
from behave_live.matching import MatchMode, match
from behave_live.streams import ServerSentEvent, read_event_stream
from behave_live.streams.event_stream import EventStreamRead, read_chunks
from behave_live.streams.expectations import (
    check_event_json,
    check_event_names,
    check_events_count,
)

register_type(**STEP_TYPES)


@when('I read {count:d} events from "{path:Unquoted}"')
@when('I read {count:d} event from "{path:Unquoted}"')
def step_i_read_events_from(context: Any, count: int, path: str) -> None:
    """Open an event stream, read a number of events, and close it.

    Fails when fewer events come within the timeout, listing those that came.

    Example:
        When I read 2 events from "/board/events"
        Then the events read should be named "task-added, task-completed"
    """
    if count < 1:
        raise StepInputError(f"Read at least 1 event, not {count}.")
    _read(context, path, lambda events: len(events) >= count, f"{count} events")


@when('I read events from "{path:Unquoted}" until one named "{name:Unquoted}"')
def step_i_read_events_from_until_one_named(context: Any, path: str, name: str) -> None:
    """Read events until one with this event name has come (it is the last one read).

    Example:
        When I read events from "/board/events" until one named "task-completed"
    """
    wanted = context.variables.substitute(name)
    _read(
        context,
        path,
        lambda events: bool(events) and events[-1].name == wanted,
        f"an event named {wanted!r}",
    )


@when('I read events from "{path:Unquoted}" until one contains:')
def step_i_read_events_from_until_one_contains(context: Any, path: str) -> None:
    """Read events until one whose JSON data contains the doc-string (markers allowed).

    Example:
        When I read events from "/board/events" until one contains:
            \"\"\"
            {"task": {"title": "Renew the certificate", "status": "done"}}
            \"\"\"
    """
    expected = expected_json_document(context.text, context.variables)
    match(None, expected, "contains", allow_empty=True)  # a bad marker is the feature's mistake
    _read(
        context,
        path,
        lambda events: bool(events) and _contains(events[-1], expected),
        "an event whose data contains the expected JSON",
    )


@then('the events read should be named "{names:Unquoted}"')
def step_the_events_read_should_be_named(context: Any, names: str) -> None:
    """Check the names of every event read, in order (comma-separated).

    Example:
        Then the events read should be named "task-added, task-added, task-completed"
    """
    expected = [item.strip() for item in context.variables.substitute(names).split(",")]
    check_event_names(_events(context), expected)


@then("the data of event {number:d} should be:")
def step_the_data_of_event_should_be(context: Any, number: int) -> None:
    """Check the JSON data of one event read (the first is 1) against the doc-string.

    Example:
        Then the data of event 1 should be:
            \"\"\"
            {"task": {"id": "#number", "title": "Renew the certificate"}, "by": "#string"}
            \"\"\"
    """
    _check_data(context, number, "equals")


@then("the data of event {number:d} should contain:")
def step_the_data_of_event_should_contain(context: Any, number: int) -> None:
    """Check that the JSON data of one event read contains the doc-string.

    Example:
        Then the data of event 2 should contain:
            \"\"\"
            {"task": {"status": "done"}}
            \"\"\"
    """
    _check_data(context, number, "contains")


@then("the data of the events read should be:")
def step_the_data_of_the_events_read_should_be(context: Any) -> None:
    """Check the JSON data of every event read, as one array in order.

    Example:
        Then the data of the events read should be:
            \"\"\"
            [{"n": 1}, {"n": 2}]
            \"\"\"
    """
    _check_data(context, None, "equals")


@then("the data of the events read should contain:")
def step_the_data_of_the_events_read_should_contain(context: Any) -> None:
    """Check that the JSON data of the events read, as one array, contains the doc-string.

    Example:
        Then the data of the events read should contain:
            \"\"\"
            [{"task": {"title": "Renew the certificate"}}]
            \"\"\"
    """
    _check_data(context, None, "contains")


@when('I send a {method:Method} request to "{path:Unquoted}" and read the body as it streams')
def step_i_send_a_request_and_read_the_body_as_it_streams(
    context: Any, method: str, path: str
) -> None:
    """Send a request and keep its body's pieces as they arrive (HTTP chunks, if chunked).

    The response steps then check the whole body as usual.

    Example:
        When I send a GET request to "/stream/chunks?count=3" and read the body as it streams
        Then the body should have been streamed in 3 chunks
    """
    streams = streams_of(context)
    streams.chunks = read_chunks(
        context.http, method.upper(), context.variables.substitute(path), streams.timeout
    )


@then("the body should have been streamed in {count:d} chunks")
def step_the_body_should_have_been_streamed_in_chunks(context: Any, count: int) -> None:
    """Check how many pieces the streamed body came in.

    Example:
        Then the body should have been streamed in 3 chunks
    """
    chunks = _chunks(context)
    if len(chunks) != count:
        raise StreamAssertionError(
            f"The body came in {len(chunks)} chunk{'s' if len(chunks) != 1 else ''}, not "
            f"{count}:\n{_listed_chunks(chunks)}"
        )


@then('chunk {number:d} of the body should be "{text:AnyText}"')
def step_chunk_of_the_body_should_be(context: Any, number: int, text: str) -> None:
    """Check the text of one piece of a streamed body (the first is 1).

    Example:
        Then chunk 1 of the body should be "part 1;"
    """
    chunks = _chunks(context)
    expected = context.variables.substitute(text)
    if not 1 <= number <= len(chunks):
        raise StreamAssertionError(
            f"There is no chunk {number}: the body came in {len(chunks)}.\n{_listed_chunks(chunks)}"
        )
    actual = chunks[number - 1].decode("utf-8", "replace")
    if actual != expected:
        raise StreamAssertionError(
            f"Chunk {number} of the body is {actual!r}, not {expected!r}.\n{_listed_chunks(chunks)}"
        )


def _read(context: Any, path: str, enough: Any, what: str) -> None:
    streams = streams_of(context)
    read: EventStreamRead = read_event_stream(
        context.http, context.variables.substitute(path), enough, streams.timeout
    )
    streams.events = read.events
    streams.event_reads += 1
    if read.exchange is not None and not read.exchange.response.ok:
        assert_status(read.exchange, 200)
    check_events_count(read, what, streams.timeout)


def _events(context: Any) -> Sequence[ServerSentEvent]:
    streams = streams_of(context)
    if streams.event_reads == 0:
        raise StepInputError(
            "No events were read in this scenario yet. Read them first: When I read 2 events "
            'from "/events"'
        )
    return streams.events


def _check_data(context: Any, number: int | None, mode: MatchMode) -> None:
    events = _events(context)
    expected = expected_json_document(context.text, context.variables)
    check_event_json(events, number, expected, mode)


def _contains(event: ServerSentEvent, expected: Any) -> bool:
    try:
        data = event.json("the event")
    except StepInputError:
        return False
    return not match(data, expected, "contains")


def _chunks(context: Any) -> list[bytes]:
    chunks = streams_of(context).chunks
    if chunks is None:
        raise StepInputError(
            "No body was streamed in this scenario yet. Stream one first: When I send a GET "
            'request to "/stream" and read the body as it streams'
        )
    return chunks


def _listed_chunks(chunks: Sequence[bytes]) -> str:
    lines = [f"  {index}: {chunk[:200]!r}" for index, chunk in enumerate(chunks, 1)]
    return "\n".join(lines) or "  (none)"
