"""The board, live: a WebSocket that shows a team its changes as they happen, and an event feed.

``WS /board/live`` (with ``Authorization: Bearer <token>`` on the handshake) first sends
``{"type": "welcome", "member", "team"}`` - from then on every change to the team's tasks
comes as ``{"type": "task-added" | "task-changed" | "task-completed" | "task-deleted",
"task": {...}, "by": name}``. A member may also talk to the team: ``{"type": "say", "text"}``
reaches everyone watching as ``{"type": "said", "by", "text"}``. Without a valid token the
socket is closed with code 4401; a message it cannot read gets ``{"type": "error", "detail"}``.

``GET /board/events`` is the same activity as server-sent events (``text/event-stream``):
first what the team did that the board still remembers (after ``Last-Event-ID``, if sent),
then one ``caught-up`` event, then each change as it happens. Each event's name is its kind,
its id the board-wide number, its data the JSON above without ``type``.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from typing import Any, Final

from starlette.requests import Request
from starlette.responses import StreamingResponse
from starlette.websockets import WebSocket, WebSocketDisconnect

from app.board.activity import Activity, BoardActivity, Subscription
from app.board.auth import authenticate
from app.board.database import BoardDatabase
from app.board.models import User
from app.board.problems import ProblemError

__all__ = ["activity_feed", "live_board"]

#: The close code for a handshake without a valid token (4000-4999: the application's own).
UNAUTHORIZED: Final = 4401
#: The longest chat line the board passes on.
_MOST_SAID: Final = 500


async def live_board(websocket: WebSocket) -> None:
    """``WS /board/live``: the team's changes and chat, as they happen."""
    database: BoardDatabase = websocket.app.state.database
    try:
        user = authenticate(websocket, database)
    except ProblemError as refused:
        await websocket.accept()  # accepted, so that the client gets the code and the reason
        # A close reason is at most 123 bytes: the first sentence of the problem says it.
        await websocket.close(UNAUTHORIZED, refused.detail.split(";")[0].split(". ")[0][:120])
        return
    activity: BoardActivity = websocket.app.state.board_activity
    # Subscribed before the handshake completes: once a client is connected, nothing the
    # team does can pass it by.
    with activity.subscribe(user.team_id) as subscription:
        await websocket.accept()
        await websocket.send_json({"type": "welcome", "member": user.name, "team": user.team})
        talking = asyncio.ensure_future(_listen(websocket, activity, user))
        watching = asyncio.ensure_future(_forward(websocket, subscription))
        done, _ = await asyncio.wait({talking, watching}, return_when=asyncio.FIRST_COMPLETED)
        for task in (talking, watching):
            task.cancel()
            # The member may be gone already: sending to them then fails, and that is fine.
            with contextlib.suppress(asyncio.CancelledError, WebSocketDisconnect, OSError):
                await task
    if talking not in done:  # the board stops (the member did not leave): say so
        with contextlib.suppress(RuntimeError, OSError):
            await websocket.close(1001, "The board is shutting down")


async def _listen(websocket: WebSocket, activity: BoardActivity, user: User) -> None:
    """Pass the member's chat lines on to the team, until the member leaves."""
    while True:
        try:
            text = await websocket.receive_text()
        except WebSocketDisconnect:
            return
        said = _said(text)
        if isinstance(said, str):
            await websocket.send_json({"type": "error", "detail": said})
        else:
            activity.publish(user.team_id, "said", {"by": user.name, "text": said["text"]})


def _said(text: str) -> dict[str, Any] | str:
    """The chat line in a message, or why it is not one."""
    try:
        message = json.loads(text)
    except ValueError:
        return 'Send JSON such as {"type": "say", "text": "Lunch at noon?"}.'
    if not isinstance(message, dict) or message.get("type") != "say":
        return 'The only message the board reads is {"type": "say", "text": "..."}.'
    said = message.get("text")
    if not isinstance(said, str) or not said.strip():
        return "Say something: the text must be a non-empty string."
    if len(said) > _MOST_SAID:
        return f"The text is {len(said)} characters long; say it in at most {_MOST_SAID}."
    return {"text": said}


async def _forward(websocket: WebSocket, subscription: Subscription) -> None:
    """Send the team's events to the member, until the board stops."""
    while (event := await subscription.next()) is not None:
        await websocket.send_json(event.to_json())


async def activity_feed(request: Request) -> StreamingResponse:
    """``GET /board/events``: the team's activity as server-sent events."""
    database: BoardDatabase = request.app.state.database
    user = authenticate(request, database)
    activity: BoardActivity = request.app.state.board_activity
    last_seen = _last_event_id(request)
    return StreamingResponse(
        _events(activity, user.team_id, last_seen),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-store"},
    )


async def _events(activity: BoardActivity, team_id: int, last_seen: int) -> AsyncIterator[str]:
    # Subscribed before the kept events are read: nothing can fall between the two.
    with activity.subscribe(team_id) as subscription:
        sent = last_seen
        for kept in activity.since(team_id, last_seen):
            sent = kept.id
            yield _event_text(kept)
        yield f"event: caught-up\ndata: {json.dumps({'last_id': sent})}\n\n"
        while (event := await subscription.next()) is not None:
            if event.id > sent:  # not among those just sent from the kept ones
                yield _event_text(event)


def _event_text(event: Activity) -> str:
    return f"event: {event.kind}\nid: {event.id}\ndata: {json.dumps(event.data)}\n\n"


def _last_event_id(request: Request) -> int:
    text = request.headers.get("Last-Event-ID", "0").strip() or "0"
    return int(text) if text.isdigit() else 0
