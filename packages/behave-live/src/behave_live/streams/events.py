"""Server-sent events (the ``text/event-stream`` format of the HTML standard), parsed as they come.

The format is a few lines of rules, followed here to the letter: fields ``event``, ``data``
(several lines joined with newlines), ``id`` and ``retry``; lines starting with ``:`` are
comments (keep-alives); a blank line ends an event, and an event without data is no event.
Lines end with CRLF, LF or CR - a CR at the end of one chunk may be the first half of a CRLF
whose LF comes in the next, so the parser waits to see.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any, Final

from behave_live.errors import StepInputError

__all__ = ["EventParser", "ServerSentEvent", "parse_events"]

_LINE: Final = re.compile(r"([^\r\n]*)(\r\n|\r|\n)")
#: The name of an event that names none.
DEFAULT_EVENT: Final = "message"


@dataclass(frozen=True)
class ServerSentEvent:
    """One event: its name (``message`` unless it says), its data, its id if any."""

    name: str
    data: str
    id: str | None = None

    def json(self, where: str) -> Any:
        """The data as JSON; ``where`` names the event in the error when it is not JSON."""
        try:
            return json.loads(self.data)
        except ValueError as error:
            raise StepInputError(
                f"The data of {where} is not JSON ({error}): {self.data[:200]!r}"
            ) from None

    def shown(self) -> str:
        """The event on one line: ``task-added #3: {"title": "..."}``."""
        event_id = f" #{self.id}" if self.id else ""
        data = self.data.replace("\n", "\\n")
        return f"{self.name}{event_id}: {data[:300]}{'...' if len(data) > 300 else ''}"


class EventParser:
    """Turns the text of a stream, fed in pieces as they arrive, into events."""

    def __init__(self) -> None:
        self._pending = ""
        self._name = ""
        self._data: list[str] = []
        self._last_id: str | None = None

    def feed(self, text: str) -> list[ServerSentEvent]:
        """The events completed by ``text`` (possibly none)."""
        buffer = self._pending + text
        events: list[ServerSentEvent] = []
        position = 0
        for line in _LINE.finditer(buffer):
            if line.group(2) == "\r" and line.end() == len(buffer):
                break  # maybe half of a CRLF: wait for the next piece
            position = line.end()
            event = self._line(line.group(1))
            if event is not None:
                events.append(event)
        self._pending = buffer[position:]
        return events

    def _line(self, line: str) -> ServerSentEvent | None:
        if not line:
            return self._dispatch()
        if line.startswith(":"):
            return None
        field, colon, value = line.partition(":")
        if colon and value.startswith(" "):
            value = value[1:]
        if field == "event":
            self._name = value
        elif field == "data":
            self._data.append(value)
        elif field == "id" and "\0" not in value:
            self._last_id = value
        # "retry" (a reconnection delay) and unknown fields do not concern a test.
        return None

    def _dispatch(self) -> ServerSentEvent | None:
        name, data = self._name or DEFAULT_EVENT, self._data
        self._name, self._data = "", []
        if not data:
            return None
        return ServerSentEvent(name, "\n".join(data), self._last_id)


def parse_events(text: str) -> list[ServerSentEvent]:
    """Every complete event in ``text`` (an incomplete last one is left out)."""
    return EventParser().feed(text)
