"""The board's operations, one method each, sent through the scenario's kit session.

Thin on purpose: each method sends one request with the caller's token and returns the
recorded :class:`~behave_live.http.exchange.Exchange`, whatever the board answered. Deciding
whether the answer was right is for :mod:`board_support.checks`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from behave_live.http.exchange import Exchange
from behave_live.http.session import HttpSession

__all__ = ["BoardClient"]

_TASKS = "/board/tasks"


class BoardClient:
    """Send the board's requests through ``http`` (``context.http``), as one person."""

    def __init__(self, http: HttpSession) -> None:
        self.http = http

    def health(self) -> Exchange:
        """Ask whether the board is up (no token needed)."""
        return self._send("GET", "/board/health", None)

    def register(self, body: Mapping[str, Any]) -> Exchange:
        """Join the board with ``{"name", "team"}`` (no token needed)."""
        return self._send("POST", "/board/users", None, json=dict(body))

    def me(self, token: str | None) -> Exchange:
        """Ask who the token belongs to."""
        return self._send("GET", "/board/me", token)

    def add_task(self, token: str | None, fields: Mapping[str, Any]) -> Exchange:
        """Add a task to the caller's team."""
        return self._send("POST", _TASKS, token, json=dict(fields))

    def list_tasks(self, token: str | None, query: Mapping[str, str | int]) -> Exchange:
        """Ask for one page of the caller's team's tasks (filters and page in ``query``)."""
        return self._send("GET", _TASKS, token, params=dict(query))

    def get_task(self, token: str | None, task_id: int) -> Exchange:
        """Ask for one task."""
        return self._send("GET", f"{_TASKS}/{task_id}", token)

    def change_task(
        self, token: str | None, task_id: int, changes: Mapping[str, Any], version: int | None
    ) -> Exchange:
        """Change some fields of a task; with ``version``, only if it is still at that version."""
        body = dict(changes)
        if version is not None:
            body["version"] = version
        return self._send("PATCH", f"{_TASKS}/{task_id}", token, json=body)

    def complete_task(self, token: str | None, task_id: int, version: int | None) -> Exchange:
        """Mark a task done; with ``version``, only if it is still at that version."""
        return self._send("POST", f"{_TASKS}/{task_id}/complete", token, if_match=version)

    def delete_task(self, token: str | None, task_id: int, version: int | None) -> Exchange:
        """Delete a task; with ``version``, only if it is still at that version."""
        return self._send("DELETE", f"{_TASKS}/{task_id}", token, if_match=version)

    def _send(
        self,
        method: str,
        path: str,
        token: str | None,
        *,
        if_match: int | None = None,
        **options: Any,
    ) -> Exchange:
        headers: dict[str, str] = {}
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        if if_match is not None:
            # The task's ETag is its version in double quotes.
            headers["If-Match"] = f'"{if_match}"'
        self.http.request(method, path, headers=headers, **options)
        return self.http.last_exchange
