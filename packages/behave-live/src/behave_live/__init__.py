"""behave-live: Behave acceptance tests against a real, instant, threaded uvicorn server.

What users import from here: the server (:class:`UvicornTestServer`, the
:class:`ServerThread` that fresh servers can share, :class:`ServerLog`), the HTTP client
(:class:`HttpSession`, the recorded :class:`Exchange`) and the errors worth catching.
The behave hooks and steps live in :mod:`behave_live.bdd`, JSON comparison in
:mod:`behave_live.matching`, the pytest fixtures in :mod:`behave_live.pytest_plugin`.
"""

from __future__ import annotations

from behave_live.errors import (
    CheckFailed,
    ExchangeAssertionError,
    KitError,
    MismatchError,
    RequestFailedError,
    ServerStartupError,
    SettingsError,
    StepInputError,
    UnhandledServerError,
)
from behave_live.http.exchange import Exchange
from behave_live.http.session import HttpSession
from behave_live.server.instrumentation import UnhandledError
from behave_live.server.live_server import UvicornTestServer
from behave_live.server.log import ServerLog
from behave_live.server.thread import ServerThread

__all__ = [
    "CheckFailed",
    "Exchange",
    "ExchangeAssertionError",
    "HttpSession",
    "KitError",
    "MismatchError",
    "RequestFailedError",
    "ServerLog",
    "ServerStartupError",
    "ServerThread",
    "SettingsError",
    "StepInputError",
    "UnhandledError",
    "UnhandledServerError",
    "UvicornTestServer",
]
