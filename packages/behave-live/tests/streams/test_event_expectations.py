"""What the event checks say when the events read are not the expected ones."""

from __future__ import annotations

import pytest

from behave_live.errors import StepInputError, StreamAssertionError
from behave_live.http.session import HttpSession
from behave_live.streams import ServerSentEvent, StreamConnections
from behave_live.streams.expectations import check_event_json, check_event_names

EVENTS = [
    ServerSentEvent("task-added", '{"title": "Renew", "by": "alice"}', "1"),
    ServerSentEvent("task-completed", '{"title": "Renew", "by": "bob"}', "2"),
]
LISTED = (
    'Events read:\n  task-added #1: {"title": "Renew", "by": "alice"}\n'
    '  task-completed #2: {"title": "Renew", "by": "bob"}'
)


def test_other_names_are_listed_with_the_events_read() -> None:
    with pytest.raises(StreamAssertionError) as wrong:
        check_event_names(EVENTS, ["task-added", "task-deleted"])

    assert str(wrong.value) == (
        "The events read are named task-added, task-completed; expected task-added, "
        f"task-deleted.\n{LISTED}"
    )


def test_the_data_of_one_event_lists_every_mismatch() -> None:
    with pytest.raises(StreamAssertionError) as wrong:
        check_event_json(EVENTS, 2, {"title": "Renew", "by": "alice"}, "equals")

    assert str(wrong.value) == (
        "The data of event 2 (task-completed) is not the expected JSON.\n"
        '1 mismatch:\n  $.by: expected "alice", got "bob"\n' + LISTED
    )


def test_an_event_past_the_last_says_how_many_were_read() -> None:
    with pytest.raises(StreamAssertionError) as missing:
        check_event_json(EVENTS, 3, {}, "contains")

    assert str(missing.value) == f"There is no event 3: 2 events were read.\n{LISTED}"


def test_the_data_of_every_event_is_checked_as_one_array() -> None:
    check_event_json(EVENTS, None, [{"by": "alice"}, {"by": "bob"}], "contains")

    with pytest.raises(
        StreamAssertionError, match=r"^The data of the 2 events read is not the expected JSON"
    ):
        check_event_json(EVENTS, None, [{"by": "bob"}], "equals")


def test_a_stream_timeout_must_be_more_than_zero() -> None:
    streams = StreamConnections(HttpSession("http://127.0.0.1:9"))

    with pytest.raises(StepInputError) as bad:
        streams.set_timeout(0)

    assert str(bad.value) == "The stream timeout must be more than 0, got 0 s."
