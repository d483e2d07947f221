"""The scenario's WebSockets and event streams: made on first use, closed when it ends.

Most scenarios open no WebSocket, so nothing is made for them: the first stream step of a
scenario makes its :class:`~behave_live.streams.StreamConnections` and registers their
closing as a cleanup of the scenario - behave runs it when the scenario ends, passed or
failed, before the scenario's server stops (cleanups run last-registered first).
"""

from __future__ import annotations

from typing import Any

from behave_live.bdd.live_context import LiveContext
from behave_live.bdd.report import ReportAttachments
from behave_live.secrets import SecretValues
from behave_live.streams import Frame, StreamConnections, WebSocketConnection

__all__ = ["streams_of"]

# A frame in the report is shown whole up to this many characters.
_REPORTED_FRAME = 20_000


def streams_of(context: Any) -> StreamConnections:
    """The current scenario's connections (``context.live.streams``), made on first use."""
    live: LiveContext = context.live
    streams = live.streams
    if streams is None or streams.session is not context.http:
        session = context.http
        listeners = [_reporter(live.report, session.secrets)] if live.report.enabled else []
        streams = StreamConnections(
            session, timeout=live.settings.stream_timeout, listeners=listeners
        )
        live.streams = streams
        context.add_cleanup(_close, live, streams)
    return streams


def _close(live: LiveContext, streams: StreamConnections) -> None:
    streams.close_all()
    if live.streams is streams:
        live.streams = None


def _reporter(report: ReportAttachments, secrets: SecretValues) -> Any:
    """Attach each frame to the step that sent or received it."""

    def attach(connection: WebSocketConnection, frame: Frame) -> None:
        report.attach_text(
            f"{connection.label}: {frame.direction}", frame.shown(secrets, _REPORTED_FRAME)
        )

    return attach
