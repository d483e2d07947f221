"""Every exception the kit raises, in one tree; each message names the cause and the fix.

::

    KitError                          anything the kit raises on purpose
    ├── SettingsError                 a setting (userdata, -D, pytest ini) is unknown or malformed
    ├── ServerStartupError            the test server could not start
    ├── ScaffoldError                 behave-live init cannot set the project up as asked
    ├── ShardingError                 a shard cannot be planned, or JUnit reports not merged
    ├── SpecificationError            the specification view cannot be written (a glossary)
    ├── StepInputError                a mistake in what the feature file (or test) gave a step:
    │                                 malformed JSON, a bad JSONPath or marker, an unknown variable
    ├── RequestFailedError            a request got no response (timeout, refused, invalid URL)
    ├── NoResponseError               "the response" was asked about before any request
    ├── PathNotFound, AmbiguousPath   a JSONPath selected nothing, or several values
    └── CheckFailed                   an expectation about the service did not hold
        ├── MismatchError             a JSON document did not match (every mismatch listed)
        ├── ExchangeAssertionError    an expectation about an HTTP exchange did not hold
        │   └── ContractViolationError    an exchange broke the service's OpenAPI document
        ├── StreamAssertionError      a WebSocket or an event stream did not say what was expected
        ├── UnhandledServerError      the app raised an exception it did not handle
        └── AppStillBusyError         the app was still working when its scenario ended

    AppIsolationWarning (a UserWarning)  fresh servers share one app object and its module state
    ExposedServerWarning (a UserWarning) a test server listens beyond loopback (0.0.0.0, a LAN IP)

Mistakes in the test (:class:`StepInputError`) and failures of the service
(:class:`CheckFailed`) both derive from ``AssertionError``, so behave reports them as a
failed step with this message alone - never with a traceback of the kit's own code.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

import requests

if TYPE_CHECKING:
    from behave_live.http.exchange import Exchange
    from behave_live.matching.mismatch import Mismatch
    from behave_live.server.instrumentation import UnhandledError

__all__ = [
    "AmbiguousPath",
    "AppIsolationWarning",
    "AppStillBusyError",
    "CheckFailed",
    "ContractViolationError",
    "ExchangeAssertionError",
    "ExposedServerWarning",
    "KitError",
    "MismatchError",
    "NoResponseError",
    "PathNotFound",
    "RequestFailedError",
    "ScaffoldError",
    "ServerStartupError",
    "SettingsError",
    "ShardingError",
    "SpecificationError",
    "StepInputError",
    "StreamAssertionError",
    "UnhandledServerError",
]


class KitError(Exception):
    """Base class for every error the kit raises on purpose."""


class SettingsError(KitError):
    """A setting (userdata, ``-D``, pytest ini) is unknown, missing or malformed."""


class ServerStartupError(KitError):
    """The test server could not start; the message names the cause and how to fix it.

    ``summary`` is the cause in one line (unless given: the message's first line, without
    "Server did not start: "), for the scenarios that come after a failed start and are
    not retried.
    """

    def __init__(self, message: str, *, summary: str | None = None) -> None:
        super().__init__(message)
        first_line = message.splitlines()[0] if message else ""
        self.summary = summary or first_line.removeprefix("Server did not start: ")


class ScaffoldError(KitError):
    """``behave-live init`` cannot set the project up as asked.

    A malformed ``--app``, an app that does not import or start, a directory it cannot
    write to, or pyproject.toml settings that conflict with the user's.
    """


class ShardingError(KitError):
    """A shard cannot be planned, or the shards' JUnit reports cannot be merged.

    An unreadable or malformed JUnit file, a folder without reports, a shard that names
    no scenario: the message names the file and what to do.
    """


class SpecificationError(KitError):
    """The specification view cannot be written as configured: a glossary is missing or empty.

    The message names the file and the setting to change.
    """


class StepInputError(KitError, ValueError, AssertionError):
    """What a feature file (or a test) gave a step is unusable.

    Malformed JSON, a bad JSONPath, an unknown marker or variable, a missing file, a bad
    table: the message names the problem and the fix. It is an ``AssertionError`` so that
    behave reports the step as failed with this message alone, and a ``ValueError``
    because it is one.
    """


class RequestFailedError(KitError, requests.RequestException):
    """A request got no response: timeout, connection refused, invalid URL, ...

    The message names the method, the URL (credentials redacted) and the cause; the
    original ``requests`` exception is the ``__cause__``. It is still a
    :class:`requests.RequestException`, so code that catches those keeps working.
    """


class NoResponseError(KitError):
    """An assertion asked about "the response" before any request was sent."""


class PathNotFound(KitError, LookupError):
    """A JSONPath selected nothing; the message names the deepest part that does exist."""


class AmbiguousPath(KitError, LookupError):
    """A JSONPath meant to select one value selected several."""


class CheckFailed(KitError, AssertionError):
    """An expectation about the service did not hold: a test failure, not a mistake."""


class MismatchError(CheckFailed):
    """A document did not match its expectation; ``mismatches`` lists every difference."""

    def __init__(self, message: str, mismatches: Sequence[Mismatch]) -> None:
        super().__init__(message)
        self.mismatches = list(mismatches)


class ExchangeAssertionError(CheckFailed):
    """An expectation about an HTTP exchange did not hold; the message shows the exchange."""

    def __init__(self, summary: str, exchange: Exchange) -> None:
        # The summary may quote a value the scenario knows to be secret: masked like the rest.
        summary = exchange.secrets.mask(summary)
        super().__init__(f"{summary}\n\n{exchange.describe()}")
        self.summary = summary
        self.exchange = exchange


class ContractViolationError(ExchangeAssertionError):
    """A request or response broke the service's OpenAPI document (the ``openapi`` setting).

    ``operation`` is the documented operation (``GET /tasks/{task_id} (getTask)``) or the
    request itself when no operation matches; ``violations`` the lines of the summary.
    """

    def __init__(
        self, summary: str, exchange: Exchange, operation: str, violations: Sequence[str]
    ) -> None:
        super().__init__(summary, exchange)
        self.operation = operation
        self.violations = list(violations)


class StreamAssertionError(CheckFailed):
    """An expectation about a WebSocket or an event stream did not hold.

    The message names the connection, what was expected, what came instead, and what was
    received on it so far.
    """


class UnhandledServerError(CheckFailed):
    """The app raised an exception it did not handle while answering a request."""

    def __init__(self, message: str, errors: list[UnhandledError]) -> None:
        super().__init__(message)
        self.errors = errors


class AppStillBusyError(CheckFailed):
    """The app was still working (or blocking its event loop) when its scenario ended.

    The message says what it was doing and where it waited.
    """


class AppIsolationWarning(UserWarning):
    """Fresh servers serve one shared app object, so its module-level state carries over.

    Shown once per run; the message names the module and the factory that fixes it.
    """


class ExposedServerWarning(UserWarning):
    """A test server listens on an address other machines can reach (not loopback).

    Shown once per address and process; the message names the address and why it matters.
    """
