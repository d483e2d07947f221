"""Capture the log records a test server emits, so a failing scenario can show them."""

from __future__ import annotations

import contextvars
import logging
from collections import deque
from typing import Any

__all__ = ["ServerLog"]

# The log of the server whose code is running: set in the server's serving task, and
# inherited by every task and callback it creates (connections, requests, lifespan).
_current_log: contextvars.ContextVar[ServerLog | None] = contextvars.ContextVar(
    "behave_live_server_log", default=None
)

_FORMAT = "%(asctime)s %(levelname)-7s %(name)s: %(message)s"
# One for all logs: a formatter keeps no state between records, and a fresh server per
# scenario would otherwise build one per server.
_FORMATTER = logging.Formatter(_FORMAT)


class ServerLog:
    """Keeps the records logged while one server's code runs (bounded, newest last).

    Records are matched by execution context rather than by logger name, so the app's own
    loggers are captured as well as uvicorn's - including the traceback of an unhandled
    exception. Several servers can run in one process, even on one thread; each keeps only
    its own records.

    The records are taken as they are created (a log record factory), not by a handler on
    the root logger: a handler there would change the process's logging - behave's log
    capture, ``logging.basicConfig`` and Python's last-resort output all look at whether
    the root logger has handlers. Records still go wherever they went before.
    """

    def __init__(self, max_records: int = 1000) -> None:
        self._records: deque[logging.LogRecord] = deque(maxlen=max_records)
        self._total = 0
        self._listening = False

    def attach(self) -> None:
        """Start keeping records (those logged in a context bound to this log)."""
        _install_record_factory()
        self._listening = True

    def bind_to_current_context(self) -> None:
        """Claim the records logged from now on in this context and the tasks it starts."""
        _current_log.set(self)

    def detach(self) -> None:
        """Stop keeping records; the records kept so far stay readable."""
        self._listening = False

    def keep(self, record: logging.LogRecord) -> None:
        """Keep ``record`` (called for every record created in this log's context)."""
        if self._listening:
            self._records.append(record)
            self._total += 1

    def format(self, record: logging.LogRecord) -> str:
        """One record as a line (with its traceback, if any)."""
        return _FORMATTER.format(record)

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


_record_factory_installed = False


def _install_record_factory() -> None:
    """Wrap the process's log record factory once, to hand each record to its server's log."""
    global _record_factory_installed  # noqa: PLW0603 - a one-time, process-wide hook
    if _record_factory_installed:
        return
    previous = logging.getLogRecordFactory()

    def record_for_server_logs(*args: Any, **kwargs: Any) -> logging.LogRecord:
        record = previous(*args, **kwargs)
        log = _current_log.get()
        if log is not None:
            log.keep(record)
        return record

    logging.setLogRecordFactory(record_for_server_logs)
    _record_factory_installed = True
