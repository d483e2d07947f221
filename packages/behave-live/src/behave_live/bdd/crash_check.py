"""Fail loudly when the app under test raises an exception nobody handled.

A 500 page alone says little, and a scenario that expects an error status might even pass
over a crash. Watching the server's record of unhandled exceptions turns each one into a
failure of the step that caused it, with the server's own traceback in the message.
"""

from __future__ import annotations

from behave_live.errors import UnhandledServerError
from behave_live.http.exchange import Exchange
from behave_live.http.redaction import redact_url
from behave_live.server.instrumentation import UnhandledError
from behave_live.server.live_server import UvicornTestServer

__all__ = ["EXPECT_SERVER_ERROR_TAG", "ServerErrorWatch"]

#: Tag a scenario with it when an unhandled server exception is what it specifies.
EXPECT_SERVER_ERROR_TAG = "expect_server_error"

# How long to wait for the app to finish a request whose response has already arrived.
_IDLE_TIMEOUT = 2.0


class ServerErrorWatch:
    """Reports the unhandled exceptions a server records from now on, each once."""

    def __init__(self, server: UvicornTestServer) -> None:
        self._server = server
        # On a shared server, the previous scenario's last request may still be finishing:
        # its crash (if any) belongs to that scenario, so let it land before counting.
        server.wait_until_idle(_IDLE_TIMEOUT)
        self._seen = len(server.unhandled_errors)

    def new_errors(self) -> list[UnhandledError]:
        """The unhandled exceptions recorded since the last call (or since the watch began)."""
        # The client has its response a moment before the app's call returns.
        self._server.wait_until_idle(_IDLE_TIMEOUT)
        errors = self._server.unhandled_errors[self._seen :]
        self._seen += len(errors)
        return errors

    def check(self, exchange: Exchange) -> None:
        """Raise :class:`UnhandledServerError` if the app crashed since the last check."""
        errors = self.new_errors()
        if errors:
            raise UnhandledServerError(describe_unhandled(errors, exchange), errors)


def describe_unhandled(errors: list[UnhandledError], exchange: Exchange) -> str:
    """The failure message: what crashed, the server's traceback, then the exchange."""
    request = exchange.request
    crashed = "; ".join(f"{error.method} {error.path} raised {error.exception}" for error in errors)
    tracebacks = "\n\n".join(_indent(error.traceback.rstrip()) for error in errors)
    return (
        f"The server raised an unhandled exception while answering {request.method} "
        f"{redact_url(exchange.response.url)} (status {exchange.response.status_code}): {crashed}. "
        f"If this scenario specifies that crash, tag it @{EXPECT_SERVER_ERROR_TAG}.\n\n"
        f"Server traceback:\n{tracebacks}\n\n{exchange.describe()}"
    )


def _indent(text: str) -> str:
    return "\n".join(f"  {line}" for line in text.splitlines())
