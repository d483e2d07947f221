"""The pytest fixtures read the kit's settings from ini options, as behave reads userdata."""

from __future__ import annotations

import textwrap

import pytest

# An app that says which uvicorn options its server got, through what a client can see.
_APP = """
async def app(scope, receive, send):
    if scope["type"] != "http":
        raise RuntimeError("this app does not support the lifespan protocol")
    await send({"type": "http.response.start", "status": 200, "headers": []})
    await send({"type": "http.response.body", "body": b"plain"})
"""

_TEST = """
def test_the_server_has_the_ini_settings(live_server, live_server_settings, http):
    assert live_server.lifespan == "off"
    assert live_server.startup_timeout == 9.0
    assert live_server.uvicorn_options["server_header"] is False
    assert live_server_settings.uvicorn_options == {"server_header": False, "http": "h11"}
    response = http.get("/")
    assert response.text == "plain"
    assert "server" not in response.headers
"""


@pytest.fixture
def project(pytester: pytest.Pytester) -> pytest.Pytester:
    """A project with a lifespan-less app in service/ and a test of the fixtures."""
    pytester.mkpydir("service").joinpath("plain_app.py").write_text(textwrap.dedent(_APP))
    pytester.makepyfile(test_settings_reach=_TEST)
    return pytester


def test_ini_settings_reach_the_server(project: pytest.Pytester) -> None:
    project.makeini(
        """
        [pytest]
        behave_live_app = service.plain_app:app
        behave_live_lifespan = off
        behave_live_startup_timeout = 9
        behave_live_uvicorn =
            server_header=false
            http=h11
        """
    )

    result = project.runpytest_subprocess()

    result.assert_outcomes(passed=1)


def test_the_old_live_server_app_option_still_works(project: pytest.Pytester) -> None:
    project.makeini(
        """
        [pytest]
        live_server_app = service.plain_app:app
        behave_live_lifespan = off
        """
    )
    project.makepyfile(test_alias="def test_it(http):\n    assert http.get('/').text == 'plain'\n")

    result = project.runpytest_subprocess("test_alias.py")

    result.assert_outcomes(passed=1)


def test_a_bad_ini_setting_fails_the_test_with_its_message(project: pytest.Pytester) -> None:
    project.makeini(
        """
        [pytest]
        behave_live_app = service.plain_app:app
        behave_live_startup_timeout = inf
        """
    )

    result = project.runpytest_subprocess()

    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(
        [
            "*behave_live_startup_timeout='inf' in the pytest ini options ([[]tool.pytest."
            "ini_options] or -o) is not a finite number of seconds. Write for example "
            'behave_live_startup_timeout = "5".'
        ]
    )


def test_an_unknown_uvicorn_option_in_ini_is_named(project: pytest.Pytester) -> None:
    project.makeini(
        """
        [pytest]
        behave_live_app = service.plain_app:app
        behave_live_uvicorn = timeout_keepalive=5
        """
    )

    result = project.runpytest_subprocess()

    result.assert_outcomes(errors=1)
    result.stdout.fnmatch_lines(["*did you mean 'uvicorn.timeout_keep_alive'?*"])


def test_a_misspelt_ini_option_stops_the_run_with_a_did_you_mean(
    project: pytest.Pytester,
) -> None:
    # pytest alone would only warn "Unknown config option" and run with lifespan = on.
    project.makeini(
        "[pytest]\nbehave_live_app = service.plain_app:app\nbehave_live_lifespn = off\n"
    )

    result = project.runpytest_subprocess()

    assert result.ret == pytest.ExitCode.USAGE_ERROR
    assert (
        "ERROR: Unknown setting 'behave_live_lifespn' in the pytest ini options "
        "([tool.pytest.ini_options] or -o): did you mean 'behave_live_lifespan'? The settings "
        "are: behave_live_app, behave_live_app_dir, "
    ) in result.stderr.str()
    assert "Traceback" not in result.stderr.str()
