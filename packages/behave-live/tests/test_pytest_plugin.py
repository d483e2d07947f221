"""The kit's pytest fixtures, used here exactly as another project would use them."""

from __future__ import annotations

import pytest

from behave_live import UvicornTestServer
from behave_live.http.session import HttpSession

pytest_plugins = ["pytester"]

# A project of its own for pytester: an app whose state shows which server a test reached.
_COUNTER_APP = """
from starlette.applications import Starlette
from starlette.responses import JSONResponse
from starlette.routing import Route


def create_app():
    visits = 0

    async def visit(request):
        nonlocal visits
        visits += 1
        return JSONResponse({"visits": visits})

    return Starlette(routes=[Route("/visits", visit, methods=["POST"])])
"""


def test_http_talks_to_a_fresh_server(http: HttpSession, fresh_server: UvicornTestServer) -> None:
    response = http.post("/visits")

    assert response.json() == {"visits": 1}
    assert http.base_url == fresh_server.base_url


def test_every_test_gets_its_own_server(http: HttpSession) -> None:
    assert http.post("/visits").json() == {"visits": 1}


def test_the_running_server_keeps_its_state(running_http: HttpSession) -> None:
    first = running_http.post("/visits").json()["visits"]
    second = running_http.post("/visits").json()["visits"]

    assert second == first + 1


@pytest.fixture
def counter_project(pytester: pytest.Pytester) -> pytest.Pytester:
    pytester.makepyfile(counter_app=_COUNTER_APP)
    pytester.makeini("[pytest]\nlive_server_app = counter_app:create_app\n")
    pytester.syspathinsert()
    return pytester


def test_fresh_server_is_new_for_every_test(counter_project: pytest.Pytester) -> None:
    counter_project.makepyfile(
        test_fresh="""
        def test_first(http, fresh_server):
            assert http.base_url == fresh_server.base_url
            assert http.post("/visits").json() == {"visits": 1}

        def test_second(http):
            assert http.post("/visits").json() == {"visits": 1}
        """
    )

    counter_project.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=2)


def test_running_server_is_shared_by_the_session(counter_project: pytest.Pytester) -> None:
    counter_project.makepyfile(
        test_running="""
        def test_first(running_http, running_server):
            assert running_http.base_url == running_server.base_url
            assert running_http.post("/visits").json() == {"visits": 1}

        def test_second(running_http):
            assert running_http.post("/visits").json() == {"visits": 2}
        """
    )

    counter_project.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=2)


def test_the_former_names_are_the_same_servers(counter_project: pytest.Pytester) -> None:
    counter_project.makepyfile(
        test_aliases="""
        def test_live_server(live_server, fresh_server, http):
            assert live_server is fresh_server
            assert http.base_url == live_server.base_url

        def test_shared_live_server(shared_live_server, running_server):
            assert shared_live_server is running_server
        """
    )

    counter_project.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=2)


def test_without_an_app_the_fixtures_say_how_to_choose_one(pytester: pytest.Pytester) -> None:
    pytester.makepyfile(test_needs_app="def test_it(http):\n    pass\n")

    result = pytester.runpytest("-p", "no:cacheprovider")

    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(
        ["The live_server fixtures need an app: set behave_live_app = 'package.module:attr' *"]
    )


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

    ini = "[pytest]\nbehave_live_app = stateful_service.main:app\n"
    if isolation is not None:
        ini += f"behave_live_isolation = {isolation}\n"
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
    assert "so a test does not start from fresh state" in output
    assert "Or set behave_live_isolation = 'reimport'" in output


def test_isolation_reimport_gives_each_test_fresh_module_state(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    result = _run_stateful_service_tests(pytester, monkeypatch, isolation="reimport")

    result.assert_outcomes(passed=2)
    assert "AppIsolationWarning" not in result.stdout.str()


def test_an_unknown_isolation_lists_the_valid_ones(
    pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch
) -> None:
    # In this process: the option is refused before any app is imported.
    result = _run_stateful_service_tests(pytester, monkeypatch, "always", in_process=True)

    result.assert_outcomes(errors=2)
    result.stdout.fnmatch_lines(
        [
            "*behave_live_isolation='always' in the pytest ini options*is not one of "
            "warn, reimport, off*"
        ]
    )


# An app whose import fails, and a record of how often it was imported.
_BROKEN_APP = """
from pathlib import Path

with Path(__file__).with_name("imports.log").open("a") as log:
    log.write("imported\\n")
raise RuntimeError("no database")
"""


def test_an_app_that_cannot_start_fails_the_first_test_in_full_and_the_others_at_once(
    pytester: pytest.Pytester,
) -> None:
    pytester.makepyfile(broken_app=_BROKEN_APP)
    pytester.makeini("[pytest]\nbehave_live_app = broken_app:app\npythonpath = .\n")
    pytester.makepyfile(
        test_broken="""
        import pytest

        @pytest.mark.parametrize("n", range(4))
        def test_fresh(http, n):
            pass

        def test_running(running_http):
            pass
        """
    )

    # -rN: no short summary, whose lines pytest cuts short except under CI (CI=true).
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-rN")

    result.assert_outcomes(errors=5)
    output = result.stdout.str()
    assert output.count("RuntimeError('no database')") == 5  # one cause, once per test
    assert (
        output.count(
            "The app failed to start in test test_broken.py::test_fresh[0]; not retried: "
            "importing the app 'broken_app:app' raised RuntimeError('no database')"
        )
        == 4
    ), output
    assert "behave_live" not in output  # the app's frames only, none of the kit's
    assert (pytester.path / "imports.log").read_text() == "imported\n"
