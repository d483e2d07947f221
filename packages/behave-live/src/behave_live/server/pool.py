"""Start, share and stop the test servers a behave run needs (no behave imports here)."""

from __future__ import annotations

from collections.abc import Callable

from behave_live.errors import ServerStartupError
from behave_live.server.app_loading import AppSpec, add_app_dir
from behave_live.server.isolation import AppIsolation
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
        # Shared servers too: a feature's server then starts with fresh module state.
        reimport=settings.isolation == "reimport",
        **settings.uvicorn_options,
    )


class LiveServers:
    """Hands out servers: a fresh one on demand, or one shared under a key until its cleanup.

    A fresh server costs about what serving a bare socket costs, so "fresh per scenario" is
    the default and sharing is an opt-in for state that should deliberately carry over.
    Fresh servers run one after another on one :class:`ServerThread` (each still gets its
    own app, socket and uvicorn server); shared ones get threads of their own, since they
    overlap.
    Call :meth:`close` at the end to stop what is still running.

    The app either starts or it does not: after the first failed start, every later one
    fails at once, naming who met the failure (``requester``) and its cause - a run of
    many scenarios costs one import, one full message and at most one startup timeout.
    """

    def __init__(self, settings: KitSettings) -> None:
        self.settings = settings
        self.isolation = AppIsolation(settings.isolation)
        self._shared: dict[str, UvicornTestServer] = {}
        self._fresh_thread: ServerThread | None = None
        self._first_failure: str | None = None
        # Servers started so far: from the second on, they share a module-level app object.
        self._starts = 0
        # The app could not even be imported when checked: the first start reports it.
        self._load_failure: ServerStartupError | None = None

    def check_isolation(self, servers: str | None = None) -> None:
        """Warn (once) if the app is one object for several servers (see AppIsolation).

        Call it when more than one server will serve the app; ``servers`` says which ("a
        fresh one per scenario, one per feature"). Checking imports the app; if that fails,
        the first start reports the failure (the import is not tried twice).
        """
        idle = self.settings.base_url is not None or self._first_failure is not None
        if self.settings.app is None or idle or self._load_failure is not None:
            return
        try:
            # The check imports the app: from where the servers will import it.
            add_app_dir(self.settings.app_dir)
            self.isolation.check(self.settings.app, servers)
        except ServerStartupError as failure:
            self._load_failure = failure

    def fresh(
        self,
        requester: str = "an earlier start",
        meanwhile: Callable[[str], object] | None = None,
    ) -> UvicornTestServer:
        """Start and return a new server for the configured app; the caller stops it.

        ``requester`` (a scenario, say) is named by the starts refused after it failed.
        ``meanwhile`` runs while the server starts (see :meth:`UvicornTestServer.start`).
        """
        self._refuse_after_failure()
        if self._fresh_thread is None or self._fresh_thread.stuck:
            # A thread blocked by a server that could not stop is left behind (it is a
            # daemon); the next fresh server must not queue up behind it.
            self._fresh_thread = ServerThread(name="uvicorn-test-server-fresh")
        return self._start(self._new_server(thread=self._fresh_thread), requester, meanwhile)

    def shared(
        self, key: str, register_cleanup: RegisterCleanup, requester: str = "an earlier start"
    ) -> UvicornTestServer:
        """Return the server shared under ``key``, starting it on first use.

        ``register_cleanup`` is called once, with the function that stops the server and
        forgets it, so the owning scope (feature, run) decides when it ends.
        """
        server = self._shared.get(key)
        if server is None:
            self._refuse_after_failure()
            server = self._start(self._new_server(), requester)
            self._shared[key] = server
            register_cleanup(lambda: self._stop_shared(key))
        return server

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

    def _start(
        self,
        server: UvicornTestServer,
        requester: str,
        meanwhile: Callable[[str], object] | None = None,
    ) -> UvicornTestServer:
        try:
            if self._load_failure is not None:
                raise self._load_failure
            server.start(meanwhile)
        except ServerStartupError as failure:
            self._first_failure = (
                f"The app failed to start in {requester}; not retried: {failure.summary}"
            )
            raise
        self._starts += 1
        if self._starts == 2:
            # A second server for the same app (unless a run's plan warned already): the
            # app is imported by now, so the check costs no second import.
            self.check_isolation()
        return server

    def _refuse_after_failure(self) -> None:
        if self._first_failure is not None:
            raise ServerStartupError(self._first_failure)

    def _stop_shared(self, key: str) -> None:
        server = self._shared.pop(key, None)
        if server is not None:
            server.stop()
