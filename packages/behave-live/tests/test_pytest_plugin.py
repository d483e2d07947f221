"""The kit's pytest fixtures, used here exactly as another project would use them."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from app import create_app
from behave_live import UvicornTestServer
from behave_live.http.session import HttpSession


@pytest.fixture(scope="session")
def live_server_app() -> object:
    return create_app


def test_http_talks_to_a_fresh_live_server(
    http: HttpSession, live_server: UvicornTestServer
) -> None:
    response = http.post("/api/visits")

    assert response.json() == {"visits": 1}
    assert http.base_url == live_server.base_url


def test_every_test_gets_its_own_server(http: HttpSession) -> None:
    assert http.post("/api/visits").json() == {"visits": 1}


def test_the_shared_server_keeps_its_state(shared_live_server: UvicornTestServer) -> None:
    with HttpSession(shared_live_server.base_url) as http:
        first = http.post("/api/visits").json()["visits"]
        second = http.post("/api/visits").json()["visits"]

    assert second == first + 1


def test_without_an_app_the_fixtures_say_how_to_choose_one(tmp_path: Path) -> None:
    (tmp_path / "test_needs_app.py").write_text("def test_it(http):\n    pass\n")

    completed = subprocess.run(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "test_needs_app.py"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )

    assert completed.returncode == 1
    assert "The live_server fixtures need an app" in completed.stdout
    assert "live_server_app = 'package.module:attr'" in completed.stdout


_VISIT_TWICE = """
def test_first(http):
    assert http.post("/visits").json() == {"visits": 1}

def test_second(http):
    assert http.post("/visits").json() == {"visits": 1}
"""


def _run_stateful_service_tests(
    pytester: pytest.Pytester,
    monkeypatch: pytest.MonkeyPatch,
    isolation: str | None,
    *,
    in_process: bool = False,
) -> pytest.RunResult:
    from conftest import TEST_DATA

    ini = "[pytest]\nlive_server_app = stateful_service.main:app\n"
    if isolation is not None:
        ini += f"live_server_isolation = {isolation}\n"
    pytester.makeini(ini)
    pytester.makepyfile(test_visits=_VISIT_TWICE)
    if in_process:
        return pytester.runpytest_inprocess("-p", "no:cacheprovider")
    monkeypatch.setenv("PYTHONPATH", str(TEST_DATA))
    # A process of its own: the app's modules must not be shared with this one.
    return pytester.runpytest_subprocess("-p", "no:cacheprovider")


def test_an_app_object_leaks_between_fresh_servers_and_is_warned_about_once(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = _run_stateful_service_tests(pytester, monkeypatch, isolation=None)

    result.assert_outcomes(passed=1, failed=1)
    output = result.stdout.str()
    assert output.count("AppIsolationWarning: The app 'stateful_service.main:app' is one") == 1
    assert "carries from one test to the next" in output
    assert "or set live_server_isolation = 'reimport'" in output


def test_live_server_isolation_reimport_gives_each_test_fresh_module_state(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = _run_stateful_service_tests(pytester, monkeypatch, isolation="reimport")

    result.assert_outcomes(passed=2)
    assert "AppIsolationWarning" not in result.stdout.str()


def test_an_unknown_live_server_isolation_lists_the_valid_ones(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    # In this process: the option is refused before any app is imported.
    result = _run_stateful_service_tests(pytester, monkeypatch, "always", in_process=True)

    result.assert_outcomes(errors=2)
    result.stdout.fnmatch_lines(
        [
            "*Unknown live_server_isolation 'always' in [[]tool.pytest.ini_options[]]. Use one of "
            "warn, reimport, off.*"
        ]
    )
