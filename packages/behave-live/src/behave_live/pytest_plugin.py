"""The same live servers as pytest fixtures (registered automatically when the kit is installed).

- ``fresh_server`` (per test): a server of its own - fresh app, fresh port, under a ms;
- ``http`` (per test): an :class:`HttpSession` bound to ``fresh_server``;
- ``running_server`` (per session): one server shared by every test that asks for it;
- ``running_http`` (per test): an :class:`HttpSession` bound to ``running_server``;
- ``live_server`` and ``shared_live_server``: the former names of ``fresh_server`` and
  ``running_server``;
- ``live_server_app`` (per session): the app they run.

Choose the app with the ``behave_live_app`` ini option (``[tool.pytest.ini_options]``; the
older name ``live_server_app`` still works), or override the ``live_server_app`` fixture in a
conftest.py::

    @pytest.fixture(scope="session")
    def live_server_app():
        return create_app  # an ASGI app, a factory, or "package.module:attribute"

    def test_health(http):
        assert http.get("/health").json() == {"message": "OK"}

The servers take the kit's settings from ini options named ``behave_live_<setting>``
(``behave_live_lifespan = "off"``, ``behave_live_startup_timeout = "10"``), read by the same
parser as behave's userdata; uvicorn options are lines ``option=value`` of
``behave_live_uvicorn``. See the settings table in the README.

A module-level app object (not a factory) is shared by every fresh server, and so are the
module globals of a factory's routes: the ``behave_live_isolation`` ini option says what to do
about it - ``warn`` (default, once per session, for an app object), ``reimport`` (import the
app's package afresh for every test, an app or a factory) or ``off``.

With ``behave_live_openapi`` (a document file, or ``app``), every exchange of the ``http``
and ``running_http`` sessions is checked against the service's OpenAPI document; a test
marked ``@pytest.mark.no_contract`` is not checked.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from behave_live.contract import ContractProvider
from behave_live.errors import ServerStartupError, SettingsError
from behave_live.http.exchange import Exchange
from behave_live.http.session import HttpSession
from behave_live.server.isolation import PYTEST_WORDING, AppIsolation
from behave_live.server.live_server import UvicornTestServer
from behave_live.server.pool import configured_server
from behave_live.server.thread import ServerThread
from behave_live.settings import (
    PYTEST_INI,
    SETTINGS,
    UVICORN_PREFIX,
    KitSettings,
    unknown_ini_option_message,
)

__all__ = [
    "StartupFailures",
    "fresh_server",
    "http",
    "live_server",
    "live_server_app",
    "live_server_contracts",
    "live_server_isolation",
    "live_server_settings",
    "live_server_startup_failures",
    "live_server_thread",
    "running_http",
    "running_server",
    "shared_live_server",
]

#: The ini option of the kit's first version, still read as behave_live_app.
_APP_ALIAS = "live_server_app"
_UVICORN_INI = PYTEST_INI.key("uvicorn")
_PYTEST_SETTINGS = [setting for setting in SETTINGS if setting.pytest]


def pytest_addoption(parser: pytest.Parser) -> None:
    """Declare an ini option ``behave_live_<name>`` for each setting that servers use."""
    for setting in _PYTEST_SETTINGS:
        parser.addini(PYTEST_INI.key(setting.name), setting.help, default="")
    parser.addini(
        _UVICORN_INI, "uvicorn.Config options, one option=value per line.", type="linelist"
    )
    parser.addini(_APP_ALIAS, f"Another name for {PYTEST_INI.key('app')}.", default="")


def pytest_configure(config: pytest.Config) -> None:
    """Stop at a misspelt ``behave_live_*`` ini option, naming the setting it resembles.

    pytest alone only warns "Unknown config option", and the setting silently keeps its
    default.
    """
    config.addinivalue_line(
        "markers", "no_contract: check no exchange of the test against the OpenAPI document"
    )
    declared = {PYTEST_INI.key(setting.name) for setting in _PYTEST_SETTINGS} | {_UVICORN_INI}
    for key in sorted(_ini_keys(config)):
        if key.startswith(PYTEST_INI.prefix) and key not in declared:
            raise pytest.UsageError(unknown_ini_option_message(key))


def _ini_keys(config: pytest.Config) -> set[str]:
    # The keys of the ini file (and -o) no plugin declared. pytest offers no public way to
    # list them: this private method exists from pytest 8 to 9 (the range the kit supports).
    unknown = getattr(config, "_get_unknown_ini_keys", None)
    return set(unknown()) if callable(unknown) else set()


def read_ini_settings(config: pytest.Config) -> KitSettings:
    """The kit's settings from the ini options; :class:`SettingsError` for a bad one."""
    raw: dict[str, object] = {
        setting.name: config.getini(PYTEST_INI.key(setting.name)) for setting in _PYTEST_SETTINGS
    }
    alias = str(config.getini(_APP_ALIAS)).strip()
    if alias and raw["app"] and alias != raw["app"]:
        raise SettingsError(
            f"{PYTEST_INI.key('app')} = {raw['app']!r} and {_APP_ALIAS} = {alias!r} in "
            f"{PYTEST_INI.where} disagree: keep {PYTEST_INI.key('app')} only."
        )
    raw["app"] = raw["app"] or alias
    for line in config.getini(_UVICORN_INI):
        option, equals, value = str(line).partition("=")
        if not equals:
            raise SettingsError(
                f"{_UVICORN_INI} line {line!r} in {PYTEST_INI.where} is not option=value: "
                "write for example http=h11."
            )
        raw[UVICORN_PREFIX + option.strip()] = value.strip()
    return KitSettings.read(raw, PYTEST_INI)


@pytest.fixture(scope="session")
def live_server_settings(pytestconfig: pytest.Config) -> KitSettings:
    """The kit's settings from the ini options: how the live servers are made."""
    try:
        return read_ini_settings(pytestconfig)
    except SettingsError as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture(scope="session")
def live_server_app(live_server_settings: KitSettings) -> Any:
    """The app the live servers run; override this fixture to choose it in code."""
    if live_server_settings.app is None:
        pytest.fail(
            "The live_server fixtures need an app: set behave_live_app = 'package.module:attr' "
            "in [tool.pytest.ini_options], or override the live_server_app fixture.",
            pytrace=False,
        )
    return live_server_settings.app


@pytest.fixture(scope="session")
def live_server_thread() -> Iterator[ServerThread]:
    """The thread the fresh servers of the session run on, one after another."""
    with ServerThread(name="uvicorn-test-server-pytest") as thread:
        yield thread


@pytest.fixture(scope="session")
def live_server_isolation(live_server_settings: KitSettings) -> AppIsolation:
    """The ``behave_live_isolation`` ini option, applied to the session's fresh servers."""
    return AppIsolation(live_server_settings.isolation, PYTEST_WORDING)


class StartupFailures:
    """The session's first failed server start: later starts fail at once, not retried.

    An app that cannot start fails every test that needs a server; trying again would
    repeat the import (or the startup timeout of a hanging lifespan) for each of them.
    """

    def __init__(self) -> None:
        self.first: str | None = None

    def start(self, server: UvicornTestServer, requester: str) -> UvicornTestServer:
        """Start ``server``, or fail the test with the cause alone (no kit frames)."""
        if self.first is not None:
            pytest.fail(self.first, pytrace=False)
        try:
            return server.start()
        except ServerStartupError as failure:
            self.first = f"The app failed to start in {requester}; not retried: {failure.summary}"
            message = str(failure)
        # Failed outside the except block: pytest would show the chained exceptions too.
        pytest.fail(message, pytrace=False)


@pytest.fixture(scope="session")
def live_server_startup_failures() -> StartupFailures:
    """The session's first server startup failure (see :class:`StartupFailures`)."""
    return StartupFailures()


@pytest.fixture
def fresh_server(  # keyword-only: pytest passes fixtures by name
    *,
    request: pytest.FixtureRequest,
    live_server_app: Any,
    live_server_settings: KitSettings,
    live_server_thread: ServerThread,
    live_server_isolation: AppIsolation,
    live_server_startup_failures: StartupFailures,
) -> Iterator[UvicornTestServer]:
    """A fresh server (fresh port, and a fresh app from a factory) for this test only.

    It costs under a ms. A module-level app object is the same object in every test: see
    ``live_server_isolation``. After a failed start, later tests fail at once.
    """
    server = configured_server(live_server_settings, live_server_app, live_server_thread)
    live_server_startup_failures.start(server, f"test {request.node.nodeid}")
    try:
        live_server_isolation.check(live_server_app)  # (the app is loaded: no second import)
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def running_server(
    request: pytest.FixtureRequest,
    live_server_app: Any,
    live_server_settings: KitSettings,
    live_server_startup_failures: StartupFailures,
) -> Iterator[UvicornTestServer]:
    """One server for the whole session, shared by every test that asks for it."""
    server = configured_server(live_server_settings, live_server_app)
    live_server_startup_failures.start(server, f"test {request.node.nodeid}")
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def live_server_contracts(live_server_settings: KitSettings) -> ContractProvider | None:
    """The OpenAPI document of ``behave_live_openapi``, or None when the check is off."""
    if live_server_settings.openapi is None:
        return None
    try:
        return ContractProvider(live_server_settings.openapi, live_server_settings.openapi_url)
    except SettingsError as error:
        pytest.fail(str(error), pytrace=False)


@pytest.fixture
def http(
    request: pytest.FixtureRequest,
    fresh_server: UvicornTestServer,
    live_server_contracts: ContractProvider | None,
) -> Iterator[HttpSession]:
    """An HTTP session with paths relative to ``fresh_server``, closed after the test."""
    with _session(request, fresh_server.base_url, live_server_contracts) as session:
        yield session


@pytest.fixture
def running_http(
    request: pytest.FixtureRequest,
    running_server: UvicornTestServer,
    live_server_contracts: ContractProvider | None,
) -> Iterator[HttpSession]:
    """An HTTP session with paths relative to ``running_server``, for this test only.

    The server (and its app's state) is shared; cookies, auth and headers are not.
    """
    with _session(request, running_server.base_url, live_server_contracts) as session:
        yield session


def _session(
    request: pytest.FixtureRequest, base_url: str, contracts: ContractProvider | None
) -> HttpSession:
    session = HttpSession(base_url)
    if contracts is not None and request.node.get_closest_marker("no_contract") is None:

        def check(exchange: Exchange) -> None:
            __tracebackhide__ = True  # a violation shows the test's line and the message
            contracts.contract(base_url).check(exchange)

        session.exchange_listeners.append(check)
    return session


@pytest.fixture
def live_server(fresh_server: UvicornTestServer) -> UvicornTestServer:
    """The same server as ``fresh_server`` (the fixture's former name)."""
    return fresh_server


@pytest.fixture(scope="session")
def shared_live_server(running_server: UvicornTestServer) -> UvicornTestServer:
    """The same server as ``running_server`` (the fixture's former name)."""
    return running_server
