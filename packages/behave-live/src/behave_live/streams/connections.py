"""Every WebSocket a scenario opened, by name, closed together when the scenario ends."""

from __future__ import annotations

from collections.abc import Sequence

from behave_live.errors import StepInputError
from behave_live.http.session import HttpSession
from behave_live.streams.events import ServerSentEvent
from behave_live.streams.websocket import (
    FrameListener,
    WebSocketConnection,
    open_websocket,
    websocket_label,
)

__all__ = ["DEFAULT_STREAM_TIMEOUT", "StreamConnections"]

#: Seconds a step waits for a message, a close or events unless set otherwise.
DEFAULT_STREAM_TIMEOUT = 5.0


class StreamConnections:
    """One scenario's WebSockets and the events it read from event streams.

    ``timeout`` bounds every wait (opening, the next message, a close, events); the
    ``stream_timeout`` setting gives it, a step may change it. :meth:`close_all` closes every
    connection still open: the scenario's end calls it, so no connection outlives its
    scenario, whatever the outcome.
    """

    def __init__(
        self,
        session: HttpSession,
        *,
        timeout: float = DEFAULT_STREAM_TIMEOUT,
        listeners: Sequence[FrameListener] = (),
    ) -> None:
        self.session = session
        self.timeout = timeout
        self.websockets: dict[str, WebSocketConnection] = {}
        #: The events of the last event stream read, in order, and how many reads there were.
        self.events: list[ServerSentEvent] = []
        self.event_reads = 0
        #: The pieces of the last body read as it streamed (None: none was).
        self.chunks: list[bytes] | None = None
        self._listeners = list(listeners)

    def set_timeout(self, seconds: float) -> None:
        """Wait at most ``seconds`` for each message, close or event from now on."""
        if not seconds > 0:
            raise StepInputError(f"The stream timeout must be more than 0, got {seconds:g} s.")
        self.timeout = seconds

    def open_websocket(
        self, name: str, path: str, subprotocols: Sequence[str] = ()
    ) -> WebSocketConnection:
        """Open the WebSocket ``name`` (``""``: the unnamed one) to ``path``."""
        if name in self.websockets and self.websockets[name].closed is None:
            raise StepInputError(
                f"{_capitalised(self.websockets[name].label)} is already open in this "
                "scenario. Give the new one a name of its own: "
                f'I open a WebSocket "{name or "second"}" to "{path}"'
            )
        connection = open_websocket(
            self.session,
            name,
            path,
            timeout=self.timeout,
            subprotocols=subprotocols,
            listeners=self._listeners,
        )
        self.websockets[name] = connection
        return connection

    def websocket(self, name: str) -> WebSocketConnection:
        """The WebSocket called ``name``; an error naming the open ones when there is none."""
        connection = self.websockets.get(name)
        if connection is None:
            known = ", ".join(
                websocket_label(other.name, other.path) for other in self.websockets.values()
            )
            opened = f"Opened so far: {known}." if known else "None was opened yet."
            example = f'a WebSocket "{name}"' if name else "a WebSocket"
            raise StepInputError(
                f"{_capitalised(websocket_label(name, '?')[:-4])} is not open in this "
                f'scenario. {opened} Open it first: When I open {example} to "/path"'
            )
        return connection

    def close_all(self) -> None:
        """Close every connection still open (never raises)."""
        for connection in self.websockets.values():
            connection.close()


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]
