"""Server lifecycle: a real uvicorn server on a thread, started and stopped in about a millisecond.

Owns binding the listening socket, loading the app (object, factory or import string),
running uvicorn's startup and a fast graceful stop on a :class:`ServerThread`, recording
what the app logged and every exception it did not handle, and handing out fresh or shared
servers (:class:`LiveServers`). Knows nothing of HTTP clients, feature files or behave.
"""

from __future__ import annotations

from behave_live.server.instrumentation import UnhandledError
from behave_live.server.live_server import UvicornTestServer
from behave_live.server.log import ServerLog
from behave_live.server.pool import LiveServers
from behave_live.server.thread import ServerThread

__all__ = ["LiveServers", "ServerLog", "ServerThread", "UnhandledError", "UvicornTestServer"]
