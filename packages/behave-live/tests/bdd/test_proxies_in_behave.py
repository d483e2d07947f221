"""Proxies from the environment: never for the embedded server, still for a deployed one."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from behave_live import UvicornTestServer
from kit_testing.apps import create_app

_KIT_TESTS = Path(__file__).resolve().parent.parent

_FEATURE = """Feature: Health
  Scenario: The service answers
    When I send a GET request to "/health"
    Then the response status should be 200
"""


@pytest.fixture
def project(tmp_path: Path) -> Path:
    features = tmp_path / "features"
    (features / "steps").mkdir(parents=True)
    (features / "steps" / "http_steps.py").write_text("from behave_live.bdd.steps import *\n")
    (features / "environment.py").write_text(
        "from behave_live.bdd.hooks import before_all, before_scenario, before_tag  # noqa\n"
    )
    (features / "health.feature").write_text(_FEATURE)
    return tmp_path


@pytest.fixture
def dead_proxy() -> Iterator[str]:
    """A proxy address where nothing answers: a request sent through it fails at once."""
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))  # bound, never listening: connections are refused
        yield f"http://127.0.0.1:{holder.getsockname()[1]}"


def _behave(project: Path, proxy: str, *defines: str) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if "proxy" not in key.lower()}
    env |= {"HTTP_PROXY": proxy, "http_proxy": proxy}
    arguments = [f"-Dapp_dir={_KIT_TESTS}", "-Dapp=kit_testing.apps:create_app"]
    arguments += [f"-D{define}" for define in defines]
    return subprocess.run(
        [sys.executable, "-m", "behave", "--no-color", *arguments, "features"],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_the_embedded_server_is_reached_directly_whatever_the_proxy(
    project: Path, dead_proxy: str
) -> None:
    run = _behave(project, dead_proxy)

    assert run.returncode == 0, run.stdout + run.stderr
    assert "1 scenario passed" in run.stdout


def test_a_deployed_base_url_still_goes_through_the_proxy(project: Path, dead_proxy: str) -> None:
    with UvicornTestServer(create_app()) as deployed:
        base_url = deployed.base_url
        run = _behave(project, dead_proxy, f"base_url={base_url}")

    # The server runs: only the dead proxy in between can refuse the connection.
    assert run.returncode != 0
    assert f"GET {base_url}/health failed: could not connect (Connection refused)" in run.stdout
