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
    assert "behave_live_app = 'package.module:attr'" in completed.stdout
