"""One WebSocket connection of a scenario: named, logged frame by frame, every wait bounded.

The client is websockets' synchronous one (a thread of its own reads the socket), so a step
waits for the next message with a plain timeout. websockets is imported when the first
connection opens: a run without WebSockets does not pay for its import (~40 ms).

Whatever happens - a message, a timeout, a close by the server - the connection remembers
it, so that every failure can say what was received so far.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Final

from behave_live.errors import StreamAssertionError
from behave_live.http.redaction import redact_url
from behave_live.http.session import HttpSession
from behave_live.secrets import SecretValues
from behave_live.streams.handshake import handshake_headers, websocket_url
from behave_live.streams.transcript import Frame, describe_frames

if TYPE_CHECKING:
    from websockets.exceptions import ConnectionClosed
    from websockets.sync.client import ClientConnection

__all__ = [
    "Closed",
    "FrameListener",
    "WebSocketConnection",
    "open_websocket",
    "websocket_label",
]

#: Told of every frame sent or received, with the connection it went over.
FrameListener = Callable[["WebSocketConnection", Frame], None]

# The close code of a connection that ended without a close frame (RFC 6455, 7.1.5).
_ABNORMAL: Final = 1006


@dataclass(frozen=True)
class Closed:
    """How a connection ended: the close code and reason the server sent (1006: none)."""

    code: int
    reason: str

    def __str__(self) -> str:
        return f"code {self.code}" + (f' ("{self.reason}")' if self.reason else "")


class WebSocketConnection:
    """A client connection with a name (``""`` for the scenario's one unnamed WebSocket)."""

    def __init__(
        self,
        name: str,
        path: str,
        client: ClientConnection,
        secrets: SecretValues,
        listeners: Sequence[FrameListener] = (),
    ) -> None:
        self.name = name
        self.path = path
        self.frames: list[Frame] = []
        #: The messages of the last "collect" step, for the checks after it.
        self.collected: list[Frame] | None = None
        self.closed: Closed | None = None
        self.secrets = secrets
        self._client = client
        self._listeners = list(listeners)

    @property
    def label(self) -> str:
        """How messages name it: ``the WebSocket "alice" (/chat)``."""
        return websocket_label(self.name, self.path)

    @property
    def subprotocol(self) -> str | None:
        """The subprotocol the server chose, if any."""
        return self._client.subprotocol

    @property
    def received(self) -> list[Frame]:
        """Every message received so far, in order."""
        return [frame for frame in self.frames if frame.direction == "received"]

    def transcript(self) -> str:
        """Every frame so far, one per line, credentials masked."""
        return describe_frames(self.frames, self.secrets)

    def send_text(self, text: str) -> None:
        """Send a text message."""
        if self.closed is not None:
            raise StreamAssertionError(
                f"Cannot send on {self.label}: it was closed with {self.closed}.\n"
                f"Received so far:\n{self.transcript()}"
            )
        from websockets.exceptions import ConnectionClosed  # noqa: PLC0415 - see the module doc

        try:
            self._client.send(text)
        except ConnectionClosed as closed:
            self.closed = _closed_by(closed)
            raise StreamAssertionError(
                f"Cannot send on {self.label}: the server closed it with {self.closed}.\n"
                f"Received so far:\n{self.transcript()}"
            ) from None
        self._record(Frame("sent", text))

    def send_json(self, value: Any) -> None:
        """Send ``value`` as a JSON text message."""
        self.send_text(json.dumps(value, ensure_ascii=False))

    def next_message(self, timeout: float, expecting: str) -> Frame:
        """The next message, waited for at most ``timeout`` seconds.

        ``expecting`` says in words what the step expects, for the failure when no message
        comes (a timeout, or the server closed the connection).
        """
        try:
            frame = self._receive(timeout)
        except TimeoutError:
            raise StreamAssertionError(
                f"No message came on {self.label} within {_seconds(timeout)}; "
                f"expected {expecting}. If the service is meant to take longer, raise "
                "stream_timeout (-D stream_timeout=10).\n"
                f"Received so far:\n{self.transcript()}"
            ) from None
        if frame is not None:
            return frame
        raise StreamAssertionError(
            f"{_capitalised(self.label)} was closed by the server with {self.closed} "
            f"while waiting for the next message; expected {expecting}.\n"
            f"Received so far:\n{self.transcript()}"
        )

    def next_message_where(
        self, accept: Callable[[Frame], bool], timeout: float, expecting: str
    ) -> Frame:
        """The first message ``accept`` takes, passing over others, within ``timeout`` s.

        For a busy connection (greetings, heartbeats, other people's news): the messages
        passed over stay in the transcript, so a failure shows them.
        """
        deadline = time.monotonic() + timeout
        while True:
            left = deadline - time.monotonic()
            try:
                frame = self.next_message(max(left, 0.0), expecting)
            except StreamAssertionError as failure:
                if self.closed is None:  # the wait ran out: say for how long in all
                    raise StreamAssertionError(
                        f"No message came on {self.label} within {_seconds(timeout)} that "
                        f"matched {expecting}.\nReceived so far:\n{self.transcript()}"
                    ) from None
                raise failure from None
            if accept(frame):
                return frame

    def wait_closed(self, timeout: float) -> Closed:
        """How the server closes the connection, waited for at most ``timeout`` seconds.

        A message that comes first fails: the step expected the connection to end.
        """
        try:
            frame = self._receive(timeout)
        except TimeoutError:
            raise StreamAssertionError(
                f"{_capitalised(self.label)} was still open after {_seconds(timeout)}; "
                f"expected the server to close it.\nReceived so far:\n{self.transcript()}"
            ) from None
        if frame is not None or self.closed is None:
            raise StreamAssertionError(
                f"A message came on {self.label} where the server was expected to close "
                f"it: {self.frames[-1].shown(self.secrets)}\n"
                f"Received so far:\n{self.transcript()}"
            )
        return self.closed

    def _receive(self, timeout: float) -> Frame | None:
        """The next message, or None once the connection is closed (``closed`` says how).

        Raises TimeoutError when nothing comes within ``timeout`` seconds.
        """
        from websockets.exceptions import ConnectionClosed  # noqa: PLC0415 - see the module doc

        if self.closed is not None:
            return None
        try:
            data = self._client.recv(timeout=timeout)
        except ConnectionClosed as closed:
            self.closed = _closed_by(closed)
            return None
        frame = Frame("received", data)
        self._record(frame)
        return frame

    def close(self, timeout: float = 2.0) -> None:
        """Close the connection (code 1000), waiting at most ``timeout`` s for the server.

        Never raises: a connection the server already dropped is simply gone.
        """
        if self.closed is None:
            self.closed = Closed(1000, "")
        try:
            self._client.close_timeout = timeout
            self._client.close()
        except Exception:  # closing is best effort, whatever the socket says
            return

    def _record(self, frame: Frame) -> None:
        self.frames.append(frame)
        for listener in self._listeners:
            listener(self, frame)


def open_websocket(
    session: HttpSession,
    name: str,
    path: str,
    *,
    timeout: float,
    subprotocols: Sequence[str] = (),
    listeners: Sequence[FrameListener] = (),
) -> WebSocketConnection:
    """Open a WebSocket to ``path`` on the session's server, with the session's headers.

    The handshake carries the scenario's default and next-request headers, cookies and
    credentials (see :mod:`behave_live.streams.handshake`). A refused handshake, a server
    that does not answer within ``timeout`` and a subprotocol the server did not choose all
    fail with a sentence.
    """
    from websockets.exceptions import InvalidHandshake, InvalidStatus  # noqa: PLC0415
    from websockets.sync.client import connect  # noqa: PLC0415 - imported on first use

    url = websocket_url(session, path)
    shown = _shown_path(url, session.secrets)
    label = websocket_label(name, shown)
    # As the session does: no proxy from the environment between the kit and its own server.
    options: dict[str, Any] = {} if session.trust_env else {"proxy": None}
    try:
        client = connect(
            url,
            additional_headers=handshake_headers(session, path),
            subprotocols=list(subprotocols) or None,  # type: ignore[arg-type]  # Subprotocol is str
            open_timeout=timeout,
            close_timeout=timeout,
            # Tests talk to one server: no keepalive pings competing with the steps' waits.
            ping_interval=None,
            max_size=None,
            **options,
        ).__enter__()  # the connection, as `with connect(...)` gives it (websockets 17+ asks)
    except InvalidStatus as refused:
        status = refused.response.status_code
        body = (refused.response.body or b"").decode("utf-8", "replace")[:300]
        raise StreamAssertionError(
            f"The server refused to open {label}: HTTP {status} instead of 101 Switching "
            f"Protocols{f': {session.secrets.mask(body)}' if body else ''}. Check the path and "
            "what the endpoint needs (a token, a header, a subprotocol)."
        ) from None
    except TimeoutError:
        raise StreamAssertionError(
            f"Could not open {label} within {_seconds(timeout)}: the server did not finish "
            "the handshake. Check that the path is a WebSocket endpoint."
        ) from None
    except InvalidHandshake as error:
        raise StreamAssertionError(f"Could not open {label}: {error}.") from None
    except OSError as error:
        raise StreamAssertionError(
            f"Could not open {label}: {error.strerror or error}. Check that the server is "
            "running and that the host and port are right."
        ) from None
    connection = WebSocketConnection(name, shown, client, session.secrets, listeners)
    if subprotocols and client.subprotocol is None:
        connection.close()
        raise StreamAssertionError(
            f"The server opened {label} without choosing any of the subprotocols asked for "
            f"({', '.join(subprotocols)})."
        )
    return connection


def _closed_by(closed: ConnectionClosed) -> Closed:
    if closed.rcvd is None:
        return Closed(_ABNORMAL, "no close frame: the connection was dropped")
    return Closed(closed.rcvd.code, closed.rcvd.reason)


def _shown_path(url: str, secrets: SecretValues) -> str:
    """The path and query of ``url`` as messages show it (credentials redacted)."""
    try:
        shown = redact_url(url)
    except ValueError:
        shown = url
    _, _, rest = shown.partition("://")
    path = "/" + rest.partition("/")[2]
    return secrets.mask(path)


def _seconds(timeout: float) -> str:
    return f"{timeout:g} s"


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def websocket_label(name: str, path: str) -> str:
    """How messages name a connection: ``the WebSocket "alice" (/chat)``, or unnamed."""
    return f"the WebSocket{f' {chr(34)}{name}{chr(34)}' if name else ''} ({path})"
