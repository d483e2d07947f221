"""The same live servers as pytest fixtures (registered automatically when the kit is installed).

- ``fresh_server`` (per test): a server of its own - fresh app, fresh port, under a ms;
- ``http`` (per test): an :class:`HttpSession` bound to ``fresh_server``;
- ``running_server`` (per session): one server shared by every test that asks for it;
- ``running_http`` (per test): an :class:`HttpSession` bound to ``running_server``;
- ``live_server`` and ``shared_live_server``: the former names of ``fresh_server`` and
  ``running_server``;
- ``live_server_app`` (per session): the app they run.

Choose the app with the ``live_server_app`` ini option (``[tool.pytest.ini_options]``), or
override the ``live_server_app`` fixture in a conftest.py::

    @pytest.fixture(scope="session")
    def live_server_app():
        return create_app  # an ASGI app, a factory, or "package.module:attribute"

    def test_health(http):
        assert http.get("/health").json() == {"message": "OK"}
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from behave_live.http.session import HttpSession
from behave_live.server.live_server import UvicornTestServer
from behave_live.server.thread import ServerThread

__all__ = [
    "fresh_server",
    "http",
    "live_server",
    "live_server_app",
    "live_server_thread",
    "running_http",
    "running_server",
    "shared_live_server",
]

_INI_NAME = "live_server_app"


def pytest_addoption(parser: pytest.Parser) -> None:
    """Declare the ``live_server_app`` ini option."""
    parser.addini(_INI_NAME, "The app for live_server: 'package.module:attribute'.", default="")


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


@pytest.fixture
def fresh_server(
    live_server_app: Any, live_server_thread: ServerThread
) -> Iterator[UvicornTestServer]:
    """A fresh server (fresh app, fresh port) for this test only: it costs under a ms."""
    with UvicornTestServer(live_server_app, thread=live_server_thread) as server:
        yield server


@pytest.fixture(scope="session")
def running_server(live_server_app: Any) -> Iterator[UvicornTestServer]:
    """One server for the whole session, shared by every test that asks for it."""
    with UvicornTestServer(live_server_app) as server:
        yield server


@pytest.fixture
def http(fresh_server: UvicornTestServer) -> Iterator[HttpSession]:
    """An HTTP session with paths relative to ``fresh_server``, closed after the test."""
    with HttpSession(fresh_server.base_url) as session:
        yield session


@pytest.fixture
def running_http(running_server: UvicornTestServer) -> Iterator[HttpSession]:
    """An HTTP session with paths relative to ``running_server``, for this test only.

    The server (and its app's state) is shared; cookies, auth and headers are not.
    """
    with HttpSession(running_server.base_url) as session:
        yield session


@pytest.fixture
def live_server(fresh_server: UvicornTestServer) -> UvicornTestServer:
    """The same server as ``fresh_server`` (the fixture's former name)."""
    return fresh_server


@pytest.fixture(scope="session")
def shared_live_server(running_server: UvicornTestServer) -> UvicornTestServer:
    """The same server as ``running_server`` (the fixture's former name)."""
    return running_server
