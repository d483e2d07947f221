"""Start, share and stop the test servers a behave run needs (no behave imports here)."""

from __future__ import annotations

from collections.abc import Callable

from behave_live.server.app_loading import AppSpec
from behave_live.server.live_server import UvicornTestServer
from behave_live.server.thread import ServerThread
from behave_live.settings import KitSettings

__all__ = ["LiveServers", "configured_server"]

#: Registers a function to call when the scope that shares a server ends.
RegisterCleanup = Callable[[Callable[[], None]], None]


def configured_server(
    settings: KitSettings, app: AppSpec, thread: ServerThread | None = None
) -> UvicornTestServer:
    """A (not yet started) server for ``app``, configured by ``settings``.

    The one place settings become server arguments: behave's servers and the pytest
    fixtures' are made alike.
    """
    return UvicornTestServer(
        app,
        host=settings.host,
        app_dir=settings.app_dir,
        lifespan=settings.lifespan,
        startup_timeout=settings.startup_timeout,
        shutdown_timeout=settings.shutdown_timeout,
        thread=thread,
        **settings.uvicorn_options,
    )


class LiveServers:
    """Hands out servers: a fresh one on demand, or one shared under a key until its cleanup.

    A fresh server costs well under a millisecond, so "fresh per scenario" is the default
    and sharing is an opt-in for state that should deliberately carry over. Fresh servers
    run one after another on one :class:`ServerThread` (each still gets its own app, socket
    and uvicorn server); shared ones get threads of their own, since they overlap.
    Call :meth:`close` at the end to stop what is still running.
    """

    def __init__(self, settings: KitSettings) -> None:
        self.settings = settings
        self._shared: dict[str, UvicornTestServer] = {}
        self._fresh_thread: ServerThread | None = None

    def fresh(self) -> UvicornTestServer:
        """Start and return a new server for the configured app; the caller stops it."""
        if self._fresh_thread is None or self._fresh_thread.stuck:
            # A thread blocked by a server that could not stop is left behind (it is a
            # daemon); the next fresh server must not queue up behind it.
            self._fresh_thread = ServerThread(name="uvicorn-test-server-fresh")
        return self._new_server(thread=self._fresh_thread).start()

    def close(self) -> None:
        """Stop the shared servers still running and the thread of the fresh ones."""
        for key in list(self._shared):
            self._stop_shared(key)
        if self._fresh_thread is not None:
            self._fresh_thread.close()
            self._fresh_thread = None

    def _new_server(self, thread: ServerThread | None = None) -> UvicornTestServer:
        if self.settings.app is None:
            raise RuntimeError("LiveServers needs settings.app to start a server")
        return configured_server(self.settings, self.settings.app, thread)

    def shared(self, key: str, register_cleanup: RegisterCleanup) -> UvicornTestServer:
        """Return the server shared under ``key``, starting it on first use.

        ``register_cleanup`` is called once, with the function that stops the server and
        forgets it, so the owning scope (feature, run) decides when it ends.
        """
        server = self._shared.get(key)
        if server is None:
            server = self._new_server().start()
            self._shared[key] = server
            register_cleanup(lambda: self._stop_shared(key))
        return server

    def _stop_shared(self, key: str) -> None:
        server = self._shared.pop(key, None)
        if server is not None:
            server.stop()
