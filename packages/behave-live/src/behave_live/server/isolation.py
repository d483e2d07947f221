"""How fresh a "fresh" server really is: warn when it serves a shared app object.

A fresh server per scenario gets a new socket and a new uvicorn server, but the app comes
from what the user configured. A factory (``pkg.main:create_app``) builds a new app every
time. A module-level object (``app = FastAPI()`` in ``pkg/main.py``) is the same object
every time, and so is its module: whatever the module keeps in globals (a dict standing in
for a database, a cache, a counter) carries from one scenario into the next. The
``isolation`` setting says what to do about it: ``warn`` (default, once per run),
``reimport`` (import the app's package afresh before every server), or ``off``.
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


BEHAVE_WORDING = Wording("scenario", "app", "isolation")
PYTEST_WORDING = Wording("test", "behave_live_app", "behave_live_isolation")


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

    def check(self, spec: AppSpec) -> None:
        """Warn (once) with :class:`AppIsolationWarning` if ``spec`` is an app, not a factory.

        Raises :class:`ServerStartupError` when ``spec`` cannot be imported.
        """
        if self.mode != "warn" or self._checked:
            return
        target = resolve_app(spec)
        self._checked = True
        if not callable(target) or is_factory(target):
            return
        if isinstance(spec, str):
            self._warn_about_module(spec, type(target).__name__)
        else:
            warnings.warn(self._object_message(type(target).__name__), AppIsolationWarning, 2)

    def _warn_about_module(self, spec: str, app_type: str) -> None:
        module_name, _, attribute = spec.partition(":")
        words = self.wording
        message = (
            f"The app {spec!r} is one object shared by every fresh server: module-level state "
            f"in {module_name} carries from one {words.test} to the next. Give a factory "
            "instead:\n"
            "    def create_app():\n"
            f"        return {app_type}(...)   # then {words.app_setting} = "
            f"'{module_name}:create_app'\n"
            f"or set {words.isolation_setting} = 'reimport' "
            f"({words.isolation_setting} = 'off' silences this warning)."
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

    def _object_message(self, app_type: str) -> str:
        words = self.wording
        return (
            f"The app (a {app_type} object) is one object shared by every fresh server: its "
            f"state carries from one {words.test} to the next. Give a factory instead (a "
            f"function that builds a new app, for example return create_app from the "
            f"{words.app_setting} fixture), or set {words.isolation_setting} = 'off' to "
            "silence this warning."
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
