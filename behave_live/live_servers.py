"""Start, share and stop the test servers a behave run needs (no behave imports here)."""

from __future__ import annotations

from collections.abc import Callable

from behave_live.server import UvicornTestServer
from behave_live.settings import KitSettings

__all__ = ["LiveServers"]

#: Registers a function to call when the scope that shares a server ends.
RegisterCleanup = Callable[[Callable[[], None]], None]


class LiveServers:
    """Hands out servers: a fresh one on demand, or one shared under a key until its cleanup.

    A fresh server costs about a millisecond, so "fresh per scenario" is the default and
    sharing is an opt-in for state that should deliberately carry over.
    """

    def __init__(self, settings: KitSettings) -> None:
        self.settings = settings
        self._shared: dict[str, UvicornTestServer] = {}

    def fresh(self) -> UvicornTestServer:
        """Start and return a new server for the configured app; the caller stops it."""
        if self.settings.app is None:
            raise RuntimeError("LiveServers.fresh() needs settings.app")
        return UvicornTestServer(
            self.settings.app,
            host=self.settings.host,
            startup_timeout=self.settings.startup_timeout,
            shutdown_timeout=self.settings.shutdown_timeout,
        ).start()

    def shared(self, key: str, register_cleanup: RegisterCleanup) -> UvicornTestServer:
        """Return the server shared under ``key``, starting it on first use.

        ``register_cleanup`` is called once, with the function that stops the server and
        forgets it, so the owning scope (feature, run) decides when it ends.
        """
        server = self._shared.get(key)
        if server is None:
            server = self.fresh()
            self._shared[key] = server
            register_cleanup(lambda: self._stop_shared(key))
        return server

    def _stop_shared(self, key: str) -> None:
        server = self._shared.pop(key, None)
        if server is not None:
            server.stop()
