"""Fail loudly when the app under test raises an exception nobody handled.

A 500 page alone says little, and a scenario that expects an error status might even pass
over a crash. Watching the server's record of unhandled exceptions turns each one into a
failure, with the server's own traceback in the message:

- of the step whose request caused it, when it is recorded by the time the response is
  checked (:meth:`ServerErrorWatch.check`);
- of the step whose request got no complete response (a stream cut short), with the
  crash that cut it (:meth:`ServerErrorWatch.check_failed_request`);
- of the scenario, when it comes later - a background task that raises after the
  response, a lifespan shutdown that raises, an app still busy or blocking its event loop
  when the server stops (:meth:`ServerErrorWatch.check_scenario_end`).

Nothing recorded is dropped: the server hands each error out once
(:meth:`~behave_live.server.live_server.UvicornTestServer.take_unhandled_errors`), and
whatever no step took is taken at the scenario's end.
"""

from __future__ import annotations

import requests

from behave_live.errors import (
    AppStillBusyError,
    RequestFailedError,
    UnhandledServerError,
)
from behave_live.http.exchange import Exchange
from behave_live.http.redaction import redact_url
from behave_live.server.instrumentation import UnhandledError
from behave_live.server.live_server import UvicornTestServer

__all__ = ["EXPECT_SERVER_ERROR_TAG", "ServerErrorWatch", "describe_unhandled"]

#: Tag a scenario with it when an unhandled server exception is what it specifies.
EXPECT_SERVER_ERROR_TAG = "expect_server_error"

# How long to wait for the app to finish a request whose response has already arrived.
# Longer work (a background task) is not waited for here: the scenario's end takes it.
_IDLE_TIMEOUT = 2.0


class ServerErrorWatch:
    """Reports the unhandled exceptions a server records, each once, for one scenario.

    ``expected`` (the scenario is tagged ``@expect_server_error``): crashes are what the
    scenario specifies, so they are taken without failing anything; an app still busy (or
    blocking its loop) at the end still fails it.
    """

    def __init__(self, server: UvicornTestServer, *, expected: bool = False) -> None:
        self._server = server
        self.expected = expected

    def check(self, exchange: Exchange) -> None:
        """Raise :class:`UnhandledServerError` if the app crashed answering (so far)."""
        # The client has its response a moment before the app's call returns.
        self._server.wait_until_idle(_IDLE_TIMEOUT)
        errors = self._reported(self._server.take_unhandled_errors())
        if errors:
            raise UnhandledServerError(describe_unhandled(errors, exchange), errors)

    def check_failed_request(self, failure: RequestFailedError) -> None:
        """A request got no complete response: raise the server's crash record, if any.

        The client only sees a connection that broke (``ChunkedEncodingError``); the
        server knows why. A request that timed out is still running: the message says
        what the app is doing instead.
        """
        timed_out = isinstance(failure.__cause__, requests.Timeout)
        if not timed_out:
            self._server.wait_until_idle(_IDLE_TIMEOUT)
        errors = self._reported(self._server.take_unhandled_errors())
        if errors:
            raise UnhandledServerError(
                f"{failure}\n\n{_tracebacks_of(errors, 'The server recorded why')}", errors
            ) from failure
        busy = self._server.busy_with() if timed_out else []
        if busy:
            raise RequestFailedError(
                f"{failure}\nThe app is still working on: {'; '.join(busy)}"
            ) from failure

    def check_scenario_end(self, *, stopped: bool, idle_timeout: float) -> None:
        """Fail the scenario with what the app did after its steps (per-scenario or shared).

        ``stopped``: the server has just stopped (a per-scenario server), so everything the
        app did is recorded. Otherwise (a shared server) wait up to ``idle_timeout`` for it
        to finish, and fail if it does not: a scenario's work ends with the scenario.
        """
        busy: list[str] = []
        if not stopped and not self._server.wait_until_idle(idle_timeout):
            busy = self._server.busy_with()
        errors = self._reported(self._server.take_unhandled_errors())
        if errors:
            raise UnhandledServerError(describe_late(errors), errors)
        if busy:
            raise AppStillBusyError(
                f"The app was still busy {idle_timeout:g} s after the scenario's last step "
                f"(shutdown_timeout), with: {'; '.join(busy)}. Work a request starts must "
                "end with its scenario: wait for it in a step, or raise shutdown_timeout."
            )

    def _reported(self, errors: list[UnhandledError]) -> list[UnhandledError]:
        """The errors to fail for: all, or with ``expected`` only what is not a crash."""
        if not self.expected:
            return errors
        return [error for error in errors if error.during == "stop"]


def describe_unhandled(errors: list[UnhandledError], exchange: Exchange) -> str:
    """The failure message: what crashed, the server's traceback, then the exchange."""
    request = exchange.request
    crashed = "; ".join(error.headline for error in errors)
    return (
        f"The server raised an unhandled exception while answering {request.method} "
        f"{redact_url(exchange.response.url)} (status {exchange.response.status_code}): {crashed}. "
        f"If this scenario specifies that crash, tag it @{EXPECT_SERVER_ERROR_TAG}.\n\n"
        f"{_tracebacks_of(errors, 'Server traceback')}\n\n{exchange.describe()}"
    )


def describe_late(errors: list[UnhandledError]) -> str:
    """The failure message for errors recorded after the scenario's steps had passed."""
    crashed = "; ".join(error.headline for error in errors)
    return (
        f"The app failed after the scenario's steps: {crashed}. Work the app does after "
        "answering (a background task), its lifespan shutdown and its stop belong to the "
        f"scenario. If this scenario specifies a crash, tag it @{EXPECT_SERVER_ERROR_TAG}."
        f"\n\n{_tracebacks_of(errors, 'Server traceback')}"
    )


def _tracebacks_of(errors: list[UnhandledError], title: str) -> str:
    tracebacks = "\n\n".join(_indent(str(error).rstrip()) for error in errors)
    return f"{title}:\n{tracebacks}"


def _indent(text: str) -> str:
    return "\n".join(f"  {line}" for line in text.splitlines())
