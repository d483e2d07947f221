"""The board's activity: every change to a team's tasks, kept and handed to whoever listens.

Endpoints :meth:`BoardActivity.publish` an event after each change (a task added, changed,
completed, deleted) and each chat line; the live socket and the event feed
(:mod:`app.board.live`) :meth:`BoardActivity.subscribe` to their team's. Events are
numbered in one sequence for the whole board, so a client that lost its connection asks for
what came after the last number it saw (``Last-Event-ID``). The latest events of each team
are kept in memory: the board is a demo, and its activity lives as long as the app.
"""

from __future__ import annotations

import asyncio
import collections
import itertools
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any, Final

__all__ = ["Activity", "BoardActivity", "Subscription"]

#: Events kept per team for latecomers; older ones are forgotten.
_KEPT: Final = 1000
#: Events waiting for one slow listener before it is dropped (it reconnects and catches up).
_QUEUED: Final = 1000


@dataclass(frozen=True)
class Activity:
    """One event: its number, its kind (``task-added``, ...) and what it carries."""

    id: int
    kind: str
    data: dict[str, Any]

    def to_json(self) -> dict[str, Any]:
        """The event as the live socket sends it: ``{"type": kind, **data}``."""
        return {"type": self.kind, **self.data}


class Subscription:
    """A listener's queue of its team's events; ``None`` in it means the board is stopping."""

    def __init__(self) -> None:
        self.queue: asyncio.Queue[Activity | None] = asyncio.Queue(_QUEUED)

    def offer(self, activity: Activity | None) -> None:
        """Queue ``activity``; a listener that lets the queue fill up is told to leave."""
        try:
            self.queue.put_nowait(activity)
        except asyncio.QueueFull:
            self.queue.get_nowait()
            self.queue.put_nowait(None)

    async def next(self) -> Activity | None:
        """The next event, or None when the listener should stop."""
        return await self.queue.get()


class BoardActivity:
    """Every team's recent events and live listeners (one per app, made by the lifespan)."""

    def __init__(self) -> None:
        self._numbers = itertools.count(1)
        self._kept: dict[int, collections.deque[Activity]] = collections.defaultdict(
            lambda: collections.deque(maxlen=_KEPT)
        )
        self._listeners: dict[int, set[Subscription]] = collections.defaultdict(set)

    def publish(self, team_id: int, kind: str, data: dict[str, Any]) -> Activity:
        """Record an event of the team and hand it to every listener of that team."""
        activity = Activity(next(self._numbers), kind, data)
        self._kept[team_id].append(activity)
        for subscription in list(self._listeners[team_id]):
            subscription.offer(activity)
        return activity

    def since(self, team_id: int, last_id: int) -> list[Activity]:
        """The team's kept events numbered after ``last_id``, oldest first."""
        return [activity for activity in self._kept[team_id] if activity.id > last_id]

    @contextmanager
    def subscribe(self, team_id: int) -> Iterator[Subscription]:
        """Listen to the team's events from now on, for the duration of the ``with``."""
        subscription = Subscription()
        self._listeners[team_id].add(subscription)
        try:
            yield subscription
        finally:
            self._listeners[team_id].discard(subscription)

    def close(self) -> None:
        """Tell every listener to stop: the app is shutting down."""
        for listeners in self._listeners.values():
            for subscription in listeners:
                subscription.offer(None)
