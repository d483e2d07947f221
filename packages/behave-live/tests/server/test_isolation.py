"""Fresh servers and module-level app objects: the warning, re-importing, and what it refuses."""

from __future__ import annotations

import sys
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from conftest import TEST_DATA

from behave_live import ServerStartupError, UvicornTestServer
from behave_live.errors import AppIsolationWarning
from behave_live.server.isolation import PYTEST_WORDING, AppIsolation
from behave_live.server.pool import LiveServers
from behave_live.settings import KitSettings

OBJECT = "stateful_service.main:app"
MAIN = TEST_DATA / "stateful_service" / "main.py"


@pytest.fixture(autouse=True)
def _stateful_service_importable(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Import stateful_service from the test data, and forget it afterwards."""
    monkeypatch.syspath_prepend(str(TEST_DATA))
    yield
    for name in [name for name in sys.modules if name.partition(".")[0] == "stateful_service"]:
        del sys.modules[name]


def _post(server: UvicornTestServer) -> int:
    count: int = requests.post(f"{server.base_url}/visits", timeout=5).json()["visits"]
    return count


def _visit(server: UvicornTestServer) -> int:
    """Start ``server``, count one visit, stop it."""
    with server:
        return _post(server)


def test_fresh_servers_of_one_app_object_share_its_module_state() -> None:
    # The hole the warning is about: two "fresh" servers, one app, one module.
    assert [_visit(UvicornTestServer(OBJECT)) for _ in range(2)] == [1, 2]


def test_reimport_gives_every_server_fresh_module_state() -> None:
    counts = [_visit(UvicornTestServer(OBJECT, reimport=True)) for _ in range(3)]
    assert counts == [1, 1, 1]


def test_reimport_replaces_the_package_and_its_submodules() -> None:
    _visit(UvicornTestServer(OBJECT, reimport=True))
    store_before = sys.modules["stateful_service.store"]
    _visit(UvicornTestServer(OBJECT, reimport=True))
    assert sys.modules["stateful_service.store"] is not store_before
    # A later plain start serves the newest import, not an object cached from an older one.
    assert _visit(UvicornTestServer(OBJECT)) == 2


def _warnings_of(
    check: AppIsolation, spec: object, times: int = 3, servers: str | None = None
) -> list[warnings.WarningMessage]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for _ in range(times):
            check.check(spec, servers)
    return [warning for warning in caught if warning.category is AppIsolationWarning]


def test_an_app_object_is_warned_about_once_naming_the_module_and_the_fix() -> None:
    caught = _warnings_of(AppIsolation("warn"), OBJECT)

    assert len(caught) == 1
    assert str(caught[0].message) == (
        "The app 'stateful_service.main:app' is one object served by every server of this run "
        "(a fresh one per scenario): module-level state in stateful_service.main carries from "
        "one server to the next, so a scenario does not start from fresh state.\n"
        "A factory gives every server a new app object, but module-level globals (a dict its "
        "routes use) still live for the whole run: create the state inside the factory (or in "
        "the app's lifespan):\n"
        "    def create_app():\n"
        "        app = Starlette(...)\n"
        "        app.state.items = {}   # routes use request.app.state.items\n"
        "        return app\n"
        "then app = 'stateful_service.main:create_app'. Or set isolation = 'reimport' to import "
        "the app's package afresh for every server, with an app or a factory (isolation = "
        "'off' silences this warning)."
    )
    # Shown as coming from the line that creates the app object.
    assert (Path(caught[0].filename), caught[0].lineno) == (MAIN, 18)
    assert MAIN.read_text().splitlines()[17].startswith("app = Starlette(")


def test_pytest_wording_names_its_own_settings() -> None:
    (caught,) = _warnings_of(AppIsolation("warn", PYTEST_WORDING), OBJECT)
    message = str(caught.message)
    assert "(a fresh one per test)" in message
    assert "so a test does not start from fresh state" in message
    assert "then behave_live_app = 'stateful_service.main:create_app'" in message
    assert "Or set behave_live_isolation = 'reimport'" in message


def test_the_warning_names_the_servers_of_the_run() -> None:
    (caught,) = _warnings_of(
        AppIsolation("warn"), OBJECT, servers="a fresh one per scenario, one per feature"
    )
    assert "served by every server of this run (a fresh one per scenario, one per feature)" in (
        str(caught.message)
    )


def test_an_app_object_given_in_code_is_warned_about_too() -> None:
    from stateful_service.main import app

    (caught,) = _warnings_of(AppIsolation("warn", PYTEST_WORDING), app)
    assert str(caught.message).startswith(
        "The app (a Starlette object) is one object served by every server of this run "
        "(a fresh one per test): its state carries from one server to the next"
    )


@pytest.mark.parametrize(
    ("mode", "spec"),
    [
        ("warn", "kit_testing.apps:create_app"),  # a factory: every server builds its own app
        ("reimport", OBJECT),
        ("off", OBJECT),
    ],
)
def test_no_warning(mode: str, spec: str) -> None:
    assert mode in ("warn", "reimport", "off")
    assert _warnings_of(AppIsolation(mode), spec) == []  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("spec", "package"),
    [("starlette.applications:Starlette", "starlette"), ("json:JSONDecoder", "json")],
)
def test_reimport_refuses_installed_and_standard_library_packages(spec: str, package: str) -> None:
    before = sys.modules[package]
    with pytest.raises(ServerStartupError) as failure:
        UvicornTestServer(spec, reimport=True).start()
    assert str(failure.value).startswith(
        f"Server did not start: isolation = 'reimport' re-imports only your own code, but the "
        f"app {spec!r} belongs to the package {package!r}, from "
    )
    assert "Give a factory that builds a new app instead" in str(failure.value)
    assert sys.modules[package] is before  # nothing was forgotten


def test_an_app_that_cannot_be_imported_is_reported_by_the_check() -> None:
    with pytest.raises(ServerStartupError, match="could not import the app"):
        AppIsolation("warn").check("no_such_module_xyz:app")


def test_reimport_refuses_the_kit_itself() -> None:
    with pytest.raises(ServerStartupError, match="belongs to the package 'behave_live'"):
        UvicornTestServer("behave_live.server.pool:LiveServers", reimport=True).start()


def test_reimport_needs_an_import_string() -> None:
    from stateful_service.main import app

    with pytest.raises(ServerStartupError) as failure:
        UvicornTestServer(app, reimport=True).start()
    assert "isolation = 'reimport' needs the app as an import string" in str(failure.value)


def test_the_pool_reimports_for_fresh_and_shared_servers() -> None:
    servers = LiveServers(KitSettings(app=OBJECT, isolation="reimport"))
    cleanups: list[object] = []
    try:
        counts = []
        for _ in range(2):
            fresh = servers.fresh()
            counts.append(_post(fresh))
            fresh.stop()
        shared = servers.shared("feature", cleanups.append)
        first, second = _post(shared), _post(shared)
    finally:
        servers.close()
    assert counts == [1, 1]
    assert (first, second) == (1, 2)  # fresh when it starts, shared while it runs


@pytest.mark.parametrize("second", ["fresh", "shared"])
def test_the_pool_warns_when_a_second_server_serves_the_app_object(second: str) -> None:
    servers = LiveServers(KitSettings(app=OBJECT))
    cleanups: list[object] = []
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            servers.shared("feature:a", cleanups.append)
            assert caught == []  # one server alone shares its app with nobody
            if second == "fresh":
                servers.fresh().stop()
            else:
                servers.shared("feature:b", cleanups.append)
        finally:
            servers.close()
    (warning,) = [warning for warning in caught if warning.category is AppIsolationWarning]
    assert str(warning.message).startswith("The app 'stateful_service.main:app' is one object")
