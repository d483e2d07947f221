"""Capture the log records a test server emits, so a failing scenario can show them."""

from __future__ import annotations

import logging
import threading
from collections import deque

__all__ = ["ServerLog"]

_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


class ServerLog(logging.Handler):
    """Keeps the records logged on one server's thread (bounded, newest last).

    Records are matched by thread rather than by logger name, so the app's own loggers are
    captured as well as uvicorn's - including the traceback uvicorn logs for an unhandled
    exception. Several servers can run in one process; each keeps only its own records.
    """

    def __init__(self, max_records: int = 1000) -> None:
        super().__init__(level=logging.NOTSET)
        self.setFormatter(logging.Formatter(_FORMAT))
        self._records: deque[logging.LogRecord] = deque(maxlen=max_records)
        self._thread_id: int | None = None
        self._total = 0

    def attach(self, thread: threading.Thread) -> None:
        """Start keeping the records logged on ``thread`` (which must be started)."""
        self._thread_id = thread.ident
        logging.getLogger().addHandler(self)

    def detach(self) -> None:
        """Stop listening; the records kept so far stay readable."""
        logging.getLogger().removeHandler(self)
        self._thread_id = None

    def emit(self, record: logging.LogRecord) -> None:
        """Keep ``record`` if it was logged on this server's thread."""
        if record.thread == self._thread_id:
            self._records.append(record)
            self._total += 1

    @property
    def position(self) -> int:
        """A bookmark: pass it to :meth:`records` to get only what was logged after now."""
        return self._total

    def records(self, since: int = 0, level: int = logging.NOTSET) -> list[logging.LogRecord]:
        """Return the records logged after the bookmark ``since``, at ``level`` or above."""
        newer = self._total - since
        kept = list(self._records)[-newer:] if newer > 0 else []
        return [record for record in kept if record.levelno >= level]

    def errors(self, since: int = 0) -> list[logging.LogRecord]:
        """Return the ERROR and CRITICAL records logged after ``since``."""
        return self.records(since, logging.ERROR)

    def text(self, since: int = 0, level: int = logging.NOTSET) -> str:
        """Return the records after ``since`` formatted as lines, tracebacks included."""
        return "\n".join(self.format(record) for record in self.records(since, level))
