"""The same live servers as pytest fixtures (registered automatically when the kit is installed).

Choose the app with the ``live_server_app`` ini option (``[tool.pytest.ini_options]``), or
override the ``live_server_app`` fixture in a conftest.py::

    @pytest.fixture
    def live_server_app():
        return create_app  # an ASGI app, a factory, or "package.module:attribute"

    def test_health(http):
        assert http.get("/health").json() == {"message": "OK"}

A module-level app object (not a factory) is shared by every fresh server: the
``live_server_isolation`` ini option says what to do about it - ``warn`` (default, once per
session), ``reimport`` (import the app's package afresh for every test) or ``off``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from behave_live.http.session import HttpSession
from behave_live.server.isolation import PYTEST_WORDING, AppIsolation
from behave_live.server.live_server import UvicornTestServer
from behave_live.server.thread import ServerThread
from behave_live.settings import ISOLATION_MODES

__all__ = [
    "http",
    "live_server",
    "live_server_app",
    "live_server_isolation",
    "live_server_thread",
    "shared_live_server",
]

_INI_NAME = "live_server_app"
_ISOLATION_INI_NAME = "live_server_isolation"


def pytest_addoption(parser: pytest.Parser) -> None:
    """Declare the ``live_server_app`` and ``live_server_isolation`` ini options."""
    parser.addini(_INI_NAME, "The app for live_server: 'package.module:attribute'.", default="")
    parser.addini(
        _ISOLATION_INI_NAME,
        "When the app is one object, not a factory: warn, reimport (its package) or off.",
        default="warn",
    )


@pytest.fixture(scope="session")
def live_server_app(pytestconfig: pytest.Config) -> Any:
    """The app the live servers run; override this fixture to choose it in code."""
    spec = str(pytestconfig.getini(_INI_NAME))
    if not spec:
        pytest.fail(
            "The live_server fixtures need an app: set live_server_app = 'package.module:attr' "
            "in [tool.pytest.ini_options], or override the live_server_app fixture.",
            pytrace=False,
        )
    return spec


@pytest.fixture(scope="session")
def live_server_thread() -> Iterator[ServerThread]:
    """The thread the fresh servers of the session run on, one after another."""
    with ServerThread(name="uvicorn-test-server-pytest") as thread:
        yield thread


@pytest.fixture(scope="session")
def live_server_isolation(pytestconfig: pytest.Config) -> AppIsolation:
    """The ``live_server_isolation`` ini option, applied to the session's fresh servers."""
    mode = str(pytestconfig.getini(_ISOLATION_INI_NAME)).strip().lower() or "warn"
    for known in ISOLATION_MODES:
        if mode == known:
            return AppIsolation(known, PYTEST_WORDING)
    pytest.fail(
        f"Unknown live_server_isolation {mode!r} in [tool.pytest.ini_options]. Use one of "
        f"{', '.join(ISOLATION_MODES)}.",
        pytrace=False,
    )


@pytest.fixture
def live_server(
    live_server_app: Any, live_server_thread: ServerThread, live_server_isolation: AppIsolation
) -> Iterator[UvicornTestServer]:
    """A fresh server (fresh port, and a fresh app from a factory) for this test only.

    It costs under a ms. A module-level app object is the same object in every test: see
    ``live_server_isolation``.
    """
    with UvicornTestServer(
        live_server_app, thread=live_server_thread, reimport=live_server_isolation.reimports
    ) as server:
        live_server_isolation.check(live_server_app)  # (the app is loaded: no second import)
        yield server


@pytest.fixture(scope="session")
def shared_live_server(live_server_app: Any) -> Iterator[UvicornTestServer]:
    """One server shared by every test of the session that asks for it."""
    with UvicornTestServer(live_server_app) as server:
        yield server


@pytest.fixture
def http(live_server: UvicornTestServer) -> Iterator[HttpSession]:
    """An HTTP session with paths relative to ``live_server``, closed after the test."""
    with HttpSession(live_server.base_url) as session:
        yield session
