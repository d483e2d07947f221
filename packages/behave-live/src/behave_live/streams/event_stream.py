"""Read server-sent events from an endpoint until a count or a condition, within a timeout.

The request goes through the scenario's session (its headers, credentials and cookies), is
recorded as an exchange like any other - its body being what was read - and its connection
is closed as soon as the reading ends, so an endless stream ends with the step.
"""

from __future__ import annotations

import codecs
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal
from urllib.parse import urlsplit

import requests

from behave_live.http.exchange import Exchange
from behave_live.http.session import HttpSession
from behave_live.streams.events import EventParser, ServerSentEvent

__all__ = ["Ending", "EventStreamRead", "read_chunks", "read_event_stream"]

#: Why the reading stopped.
Ending = Literal["done", "timeout", "ended"]

#: Says whether the events read so far are enough.
Enough = Callable[[Sequence[ServerSentEvent]], bool]


@dataclass
class EventStreamRead:
    """What reading a stream gave: the exchange, the events, and why the reading stopped."""

    exchange: Exchange | None = None
    events: list[ServerSentEvent] = field(default_factory=list)
    ending: Ending = "ended"

    def request_line(self) -> str:
        """``GET /events?since=3``: the request that opened the stream (credentials masked)."""
        if self.exchange is None:
            return "the stream"
        request = self.exchange.sent_request
        parts = urlsplit(request.url or "")
        query = f"?{parts.query}" if parts.query else ""
        return self.exchange.secrets.mask(f"{request.method} {parts.path}{query}")

    def describe_events(self) -> str:
        """Every event read, one per line, credentials masked."""
        if not self.events:
            return "  (none)"
        secrets = self.exchange.secrets if self.exchange is not None else None
        lines = [f"  {event.shown()}" for event in self.events]
        return "\n".join(secrets.mask(line) if secrets else line for line in lines)


def read_event_stream(
    session: HttpSession, path: str, enough: Enough, timeout: float
) -> EventStreamRead:
    """GET ``path`` as an event stream and read until ``enough`` says so, or ``timeout``.

    Never waits past ``timeout`` (give or take one read): ``ending`` then says
    ``"timeout"``; a stream the server ends first says ``"ended"``.
    """
    result = EventStreamRead()

    def read(response: requests.Response) -> bytes:
        if not response.ok:
            return response.raw.read(1 << 16) or b""  # an error page: a few kB are plenty
        parser = EventParser()
        decoder = codecs.getincrementaldecoder("utf-8")("replace")
        read_bytes = bytearray()
        for piece in _pieces(response, time.monotonic() + timeout, result):
            read_bytes += piece
            result.events += parser.feed(decoder.decode(piece))
            if enough(result.events):
                result.ending = "done"
                break
        return bytes(read_bytes)

    session.request(
        "GET",
        path,
        headers={"Accept": "text/event-stream", "Cache-Control": "no-cache"},
        timeout=timeout,
        read_body=read,
    )
    result.exchange = session.last_exchange
    return result


def read_chunks(session: HttpSession, method: str, path: str, timeout: float) -> list[bytes]:
    """Send a request and read its body piece by piece as the server sends it.

    With ``Transfer-Encoding: chunked`` each piece is one HTTP chunk as the server wrote it.
    The exchange is recorded with the whole body; the step fails (``RequestFailedError``)
    when the body does not end within ``timeout``.
    """
    chunks: list[bytes] = []

    def read(response: requests.Response) -> bytes:
        chunks.extend(piece for piece in _raw_pieces(response) if piece)
        return b"".join(chunks)

    session.request(method, path, timeout=timeout, read_body=read)
    return chunks


def _pieces(
    response: requests.Response, deadline: float, result: EventStreamRead
) -> Iterator[bytes]:
    """The body as it arrives, until the deadline (each read waits at most the timeout)."""
    try:
        for piece in _raw_pieces(response):
            yield piece
            if time.monotonic() >= deadline:
                result.ending = "timeout"
                return
    except Exception as error:
        # urllib3's ReadTimeoutError (not a subclass of TimeoutError) or the socket's own.
        if isinstance(error, TimeoutError) or "Timeout" in type(error).__name__:
            result.ending = "timeout"
            return
        raise
    result.ending = "ended"


def _raw_pieces(response: requests.Response) -> Iterator[bytes]:
    """The body's pieces as they arrive: HTTP chunks, else whatever each read brings."""
    raw = response.raw
    if raw.chunked:
        return iter(raw.read_chunked(decode_content=True))
    # Without chunks (a body that ends with the connection), read what is there each time.
    read1 = getattr(raw, "read1", None)
    return iter(lambda: read1(1 << 16) if read1 else raw.read(1), b"")
