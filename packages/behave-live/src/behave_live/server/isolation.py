"""How fresh a "fresh" server really is: warn when several servers serve one app object.

Every server (fresh per scenario, or shared per feature) gets a new socket and a new
uvicorn server, but the app comes from what the user configured. A module-level object
(``app = FastAPI()`` in ``pkg/main.py``) is the same object every time, and so is its
module: whatever the module keeps in globals (a dict standing in for a database, a cache, a
counter) carries from one server into the next. A factory (``pkg.main:create_app``) builds a
new app object every time - yet module globals its routes use still live for the whole run,
so the state itself must be made inside the factory (or its lifespan). The ``isolation``
setting says what to do: ``warn`` (default, once per run), ``reimport`` (import the app's
package afresh before every server, for an app or a factory), or ``off``.
"""

from __future__ import annotations

import importlib.util
import re
import sys
import warnings
from dataclasses import dataclass

from behave_live.errors import AppIsolationWarning
from behave_live.server.app_loading import AppSpec, is_factory, resolve_app
from behave_live.settings import Isolation

__all__ = ["BEHAVE_WORDING", "PYTEST_WORDING", "AppIsolation", "Wording"]


@dataclass(frozen=True)
class Wording:
    """What the warning calls a test and the settings, in the runner the user is using."""

    test: str
    app_setting: str
    isolation_setting: str
    #: The servers of a run when nothing more precise is known.
    servers: str


BEHAVE_WORDING = Wording("scenario", "app", "isolation", "a fresh one per scenario")
PYTEST_WORDING = Wording("test", "behave_live_app", "behave_live_isolation", "a fresh one per test")


class AppIsolation:
    """The ``isolation`` setting for the fresh servers of one run (warns at most once)."""

    def __init__(self, mode: Isolation = "warn", wording: Wording = BEHAVE_WORDING) -> None:
        self.mode = mode
        self.wording = wording
        self._checked = False

    @property
    def reimports(self) -> bool:
        """True when every server start imports the app's package afresh."""
        return self.mode == "reimport"

    def check(self, spec: AppSpec, servers: str | None = None) -> None:
        """Warn (once) with :class:`AppIsolationWarning` if ``spec`` is an app, not a factory.

        Call it when more than one server will serve ``spec``; ``servers`` says which
        (``"a fresh one per scenario, one per feature"``), the wording's default otherwise.
        Raises :class:`ServerStartupError` when ``spec`` cannot be imported.
        """
        if self.mode != "warn" or self._checked:
            return
        target = resolve_app(spec)
        self._checked = True
        if not callable(target) or is_factory(target):
            return
        servers = servers or self.wording.servers
        app_type = type(target).__name__
        if isinstance(spec, str):
            self._warn_about_module(spec, app_type, servers)
        else:
            warnings.warn(self._object_message(app_type, servers), AppIsolationWarning, 2)

    def _warn_about_module(self, spec: str, app_type: str, servers: str) -> None:
        module_name, _, attribute = spec.partition(":")
        words = self.wording
        message = (
            f"The app {spec!r} is one object served by every server of this run ({servers}): "
            f"module-level state in {module_name} carries from one server to the next, so a "
            f"{words.test} does not start from fresh state.\n"
            f"{self._factory_advice(app_type)}"
            f"then {words.app_setting} = '{module_name}:create_app'. {self._reimport_advice()}"
        )
        filename = _module_file(module_name)
        if filename is None:
            warnings.warn(message, AppIsolationWarning, stacklevel=3)
            return
        # Shown as coming from the line that creates the app: the line to change.
        warnings.warn_explicit(
            message,
            AppIsolationWarning,
            filename,
            _assignment_line(filename, attribute.partition(".")[0]),
            module=module_name,
        )

    def _object_message(self, app_type: str, servers: str) -> str:
        words = self.wording
        return (
            f"The app (a {app_type} object) is one object served by every server of this run "
            f"({servers}): its state carries from one server to the next, so a {words.test} "
            f"does not start from fresh state.\n{self._factory_advice(app_type)}"
            f"then return create_app from the {words.app_setting} fixture. "
            f"{self._reimport_advice()}"
        )

    def _factory_advice(self, app_type: str) -> str:
        # A factory alone is not enough: module globals its routes use live for the run.
        return (
            "A factory gives every server a new app object, but module-level globals (a dict "
            "its routes use) still live for the whole run: create the state inside the "
            "factory (or in the app's lifespan):\n"
            "    def create_app():\n"
            f"        app = {app_type}(...)\n"
            "        app.state.items = {}   # routes use request.app.state.items\n"
            "        return app\n"
        )

    def _reimport_advice(self) -> str:
        setting = self.wording.isolation_setting
        return (
            f"Or set {setting} = 'reimport' to import the app's package afresh for every "
            f"server, with an app or a factory ({setting} = 'off' silences this warning)."
        )


def _module_file(module_name: str) -> str | None:
    module = sys.modules.get(module_name)
    filename = getattr(module, "__file__", None)
    if isinstance(filename, str):
        return filename
    try:
        spec = importlib.util.find_spec(module_name)
    except (ImportError, ValueError):
        return None
    return spec.origin if spec is not None and spec.has_location else None


def _assignment_line(filename: str, name: str) -> int:
    """The first line of ``filename`` that assigns ``name`` at module level (else 1)."""
    assignment = re.compile(rf"^{re.escape(name)}\s*(:[^=]*)?=[^=]")
    try:
        with open(filename, encoding="utf-8") as source:
            for number, line in enumerate(source, start=1):
                if assignment.match(line):
                    return number
    except (OSError, UnicodeDecodeError):
        pass
    return 1
