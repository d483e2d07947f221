"""Capture the log records a test server emits, so a failing scenario can show them."""

from __future__ import annotations

import contextvars
import logging
from collections import deque

__all__ = ["ServerLog"]

# The log of the server whose code is running: set in the server's serving task, and
# inherited by every task and callback it creates (connections, requests, lifespan).
_current_log: contextvars.ContextVar[ServerLog | None] = contextvars.ContextVar(
    "behave_live_server_log", default=None
)

_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"


class ServerLog(logging.Handler):
    """Keeps the records logged while one server's code runs (bounded, newest last).

    Records are matched by execution context rather than by logger name, so the app's own
    loggers are captured as well as uvicorn's - including the traceback of an unhandled
    exception. Several servers can run in one process, even on one thread; each keeps only
    its own records.
    """

    def __init__(self, max_records: int = 1000) -> None:
        super().__init__(level=logging.NOTSET)
        self.setFormatter(logging.Formatter(_FORMAT))
        self._records: deque[logging.LogRecord] = deque(maxlen=max_records)
        self._total = 0

    def attach(self) -> None:
        """Start listening to the process's log records (see :meth:`bind_to_current_context`)."""
        logging.getLogger().addHandler(self)

    def bind_to_current_context(self) -> None:
        """Claim the records logged from now on in this context and the tasks it starts."""
        _current_log.set(self)

    def detach(self) -> None:
        """Stop listening; the records kept so far stay readable."""
        logging.getLogger().removeHandler(self)

    def emit(self, record: logging.LogRecord) -> None:
        """Keep ``record`` if it was logged by this server's code."""
        if _current_log.get() is self:
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
