"""behave-live: Behave acceptance tests against a real, instant, threaded uvicorn server."""

from __future__ import annotations

from behave_live.errors import KitError, ServerStartupError
from behave_live.server.live_server import UvicornTestServer
from behave_live.server.log import ServerLog

__all__ = ["KitError", "ServerLog", "ServerStartupError", "UvicornTestServer"]
