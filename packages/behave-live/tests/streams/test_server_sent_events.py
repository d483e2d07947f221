"""The event-stream parser follows the HTML standard's rules, however the text is cut."""

from __future__ import annotations

import pytest

from behave_live.errors import StepInputError
from behave_live.streams import ServerSentEvent, parse_events
from behave_live.streams.events import EventParser

STREAM = (
    ": a comment, as keep-alives are\r\n"
    "event: task-added\r\n"
    "id: 7\r\n"
    'data: {"title":\r\n'
    'data: "Renew"}\r\n'
    "\r\n"
    "data:no space after the colon\r\n"
    "retry: 1000\r\n"
    "\r\n"
    "event: empty\r\n"
    "\r\n"
)
EXPECTED = [
    ServerSentEvent("task-added", '{"title":\n"Renew"}', "7"),
    ServerSentEvent("message", "no space after the colon", "7"),
]


def test_events_have_their_name_id_and_every_data_line() -> None:
    assert parse_events(STREAM) == EXPECTED


@pytest.mark.parametrize("size", [1, 2, 3, 7, 64])
def test_events_are_the_same_whatever_pieces_the_text_comes_in(size: int) -> None:
    parser = EventParser()
    events = []
    for start in range(0, len(STREAM), size):
        events += parser.feed(STREAM[start : start + size])
    assert events == EXPECTED


def test_lines_may_end_with_lf_or_a_lone_cr() -> None:
    assert parse_events("data: a\n\ndata: b\r\rdata: c\n") == [
        ServerSentEvent("message", "a"),
        ServerSentEvent("message", "b"),
    ]


def test_a_cr_at_the_end_of_a_piece_waits_for_a_possible_lf() -> None:
    parser = EventParser()
    assert parser.feed("data: a\r") == []
    assert parser.feed("\n\r\n") == [ServerSentEvent("message", "a")]


def test_data_that_is_not_json_says_which_event_it_is() -> None:
    with pytest.raises(StepInputError, match=r"^The data of event 2 is not JSON .*'oops'"):
        ServerSentEvent("message", "oops").json("event 2")


def test_an_event_is_shown_on_one_line() -> None:
    assert ServerSentEvent("tick", "a\nb", "3").shown() == "tick #3: a\\nb"
