"""Settings in real behave runs: -D values reach the servers, misspelt ones stop the run."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest

# A plain ASGI app without lifespan support: it refuses every scope but http, as many
# hand-written apps do. Only -D lifespan=off (or auto) can serve it.
_APP = """
async def app(scope, receive, send):
    if scope["type"] != "http":
        raise RuntimeError("this app does not support the lifespan protocol")
    await send({"type": "http.response.start", "status": 200,
                "headers": [(b"content-type", b"text/plain")]})
    await send({"type": "http.response.body", "body": b"plain"})
"""

_FEATURE = """
Feature: A plain ASGI app
  Scenario: The app answers without a server header
    Given the request header "X-Caller" is "${caller}"
    When I send a GET request to "/"
    Then the response body should be "plain"
    And the response header "server" should be absent
"""


@dataclass(frozen=True)
class _Run:
    returncode: int
    output: str


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A behave project of its own: the app in service/, features/ with hooks and steps."""
    (tmp_path / "service").mkdir()
    (tmp_path / "service" / "plain_app.py").write_text(textwrap.dedent(_APP))
    steps = tmp_path / "features" / "steps"
    steps.mkdir(parents=True)
    (tmp_path / "features" / "plain.feature").write_text(_FEATURE)
    (tmp_path / "features" / "environment.py").write_text(
        "from behave_live.bdd.hooks import before_all, before_scenario, before_tag  # noqa\n"
    )
    (steps / "http_steps.py").write_text("from behave_live.bdd.steps import *  # noqa\n")
    return tmp_path


def _behave(project: Path, *defines: str) -> _Run:
    arguments = ["-D", "app=plain_app:app", "-D", "app_dir=service", "-D", "caller=tests"]
    for define in defines:
        arguments += ["-D", define]
    completed = subprocess.run(
        [sys.executable, "-m", "behave", "--no-color", *arguments, "features"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return _Run(completed.returncode, completed.stdout + completed.stderr)


def test_lifespan_off_and_uvicorn_options_reach_the_server(project: Path) -> None:
    run = _behave(project, "lifespan=off", "uvicorn.server_header=false", "uvicorn.http=h11")

    assert run.returncode == 0, run.output
    assert "1 scenario passed, 0 failed" in run.output


def test_without_lifespan_off_the_app_fails_to_start(project: Path) -> None:
    run = _behave(project, "uvicorn.server_header=false")

    assert run.returncode != 0
    assert "this app does not support the lifespan protocol" in run.output


def test_a_misspelt_setting_stops_the_run_with_one_clear_message(project: Path) -> None:
    run = _behave(project, "lifespn=off")

    assert run.returncode != 0
    message = (
        "HOOK-ERROR in before_all: SettingsError: Unknown setting 'lifespn' in behave userdata "
        "(from -D or [tool.behave.userdata]): did you mean 'lifespan'? If it is a variable of "
        "your own, name it var.lifespn (-D var.lifespn=...; scenarios still write ${lifespn})."
    )
    assert message in run.output
    assert run.output.count("Unknown setting") == 1
    assert "Traceback" not in run.output
    assert "0 scenarios passed, 0 failed, 0 skipped, 1 untested" in run.output


def test_a_bad_uvicorn_option_stops_the_run_before_any_server(project: Path) -> None:
    run = _behave(project, "lifespan=off", "uvicorn.timeout_keepalive=5")

    assert run.returncode != 0
    assert "did you mean 'uvicorn.timeout_keep_alive'?" in run.output
    assert "Traceback" not in run.output
