"""Beyond request and response: WebSockets, server-sent events and streamed bodies.

Each connection a scenario opens is named, logged frame by frame (credentials masked) and
closed when the scenario ends, and every wait is bounded by a timeout.
"""

from __future__ import annotations

from behave_live.streams.connections import StreamConnections
from behave_live.streams.event_stream import EventStreamRead, read_event_stream
from behave_live.streams.events import ServerSentEvent, parse_events
from behave_live.streams.transcript import Frame
from behave_live.streams.websocket import WebSocketConnection, open_websocket

__all__ = [
    "EventStreamRead",
    "Frame",
    "ServerSentEvent",
    "StreamConnections",
    "WebSocketConnection",
    "open_websocket",
    "parse_events",
    "read_event_stream",
]
