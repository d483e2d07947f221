"""A new user's first hour, for real: build the wheel, install it into a fresh venv, adopt it.

The scratch project is a small FastAPI service (module-level ``app``, in-memory items, a
bearer-token endpoint, FastAPI's 422, a 404). The test runs the README's commands there -
``behave-live init``, ``behave``, ``pytest`` - and checks that both runs pass. It needs uv
and PyPI (reached through uv's cache once warm, ~10-20 s). ``-m "not adoption"`` leaves it
out; without uv or PyPI it fails and says why, it never skips quietly.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import textwrap
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.util import find_spec
from pathlib import Path

import pytest

pytestmark = pytest.mark.adoption

KIT = Path(__file__).resolve().parents[1]
TOKEN = "s3cret-token"

SERVICE = f'''
from fastapi import Depends, FastAPI, HTTPException
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel

app = FastAPI()
items: list[dict] = []
bearer = HTTPBearer(auto_error=False)


class Item(BaseModel):
    name: str
    quantity: int


def require_token(credentials: HTTPAuthorizationCredentials | None = Depends(bearer)) -> None:
    if credentials is None or credentials.credentials != "{TOKEN}":
        raise HTTPException(401, "a valid bearer token is required")


@app.get("/items")
def list_items() -> list[dict]:
    return items


@app.post("/items", status_code=201, dependencies=[Depends(require_token)])
def add_item(item: Item) -> dict:
    items.append(item.model_dump())
    return {{"id": len(items), **item.model_dump()}}


@app.get("/items/{{item_id}}")
def get_item(item_id: int) -> dict:
    if not 1 <= item_id <= len(items):
        raise HTTPException(404, "no such item")
    return items[item_id - 1]
'''

FEATURE = f'''\
Feature: Items
  As a user of the item service
  I want only holders of a token to add items
  So that the list stays trustworthy

  Scenario: Adding an item needs a token
    When I send a POST request to "/items" with JSON:
      """
      {{"name": "pen", "quantity": 1}}
      """
    Then the response status should be 401

  Scenario: A token holder adds an item
    Given I am authenticated with the bearer token "{TOKEN}"
    When I send a POST request to "/items" with JSON:
      """
      {{"name": "pen", "quantity": 1}}
      """
    Then the response status should be 201
    And the JSON response should contain:
      """
      {{"name": "pen", "quantity": 1}}
      """

  Scenario: An item without a quantity is refused
    Given I am authenticated with the bearer token "{TOKEN}"
    When I send a POST request to "/items" with JSON:
      """
      {{"name": "pen"}}
      """
    Then the response status should be 422

  Scenario: An unknown item is not found
    When I send a GET request to "/items/999"
    Then the response status should be 404
'''

PYTEST_TESTS = f"""
def test_adding_needs_a_token(http):
    assert http.post("/items", json={{"name": "pen", "quantity": 1}}).status_code == 401


def test_a_token_holder_adds_an_item(http, fresh_server):
    assert http.base_url == fresh_server.base_url
    http.use_bearer_token("{TOKEN}")
    response = http.post("/items", json={{"name": "pen", "quantity": 1}})
    assert response.status_code == 201


def test_the_running_server_answers(running_http):
    assert running_http.get("/items/999").status_code == 404
"""


@dataclass
class Scratch:
    """A scratch project with its own venv; :meth:`run` runs a command in it."""

    root: Path
    env: dict[str, str]
    init_output: str = ""

    def run(self, *command: str, expect_success: bool = True) -> str:
        """Run ``command`` (found in the venv first) in the project; return its output."""
        completed = subprocess.run(
            list(command),
            cwd=self.root,
            env=self.env,
            capture_output=True,
            text=True,
            check=False,
            timeout=300,
        )
        output = completed.stdout + completed.stderr
        if expect_success:
            assert completed.returncode == 0, (
                f"`{' '.join(command)}` failed in {self.root} "
                f"(exit {completed.returncode}):\n{output}"
            )
        return output


def _uv() -> list[str]:
    # `uv run` sets UV to its own executable; else PATH; else uv installed as a module.
    if os.environ.get("UV"):
        return [os.environ["UV"]]
    found = shutil.which("uv")
    if found:
        return [found]
    if find_spec("uv") is not None:
        return [sys.executable, "-m", "uv"]
    pytest.fail(
        "The adoption test needs uv (python -m pip install uv), to build the kit's wheel "
        'and make a fresh venv; run the other tests with -m "not adoption".',
        pytrace=False,
    )


def _checked(command: Sequence[str], cwd: Path, env: dict[str, str]) -> None:
    completed = subprocess.run(
        list(command), cwd=cwd, env=env, capture_output=True, text=True, check=False, timeout=300
    )
    assert completed.returncode == 0, (
        f"`{' '.join(command)}` failed (exit {completed.returncode}); the adoption test needs "
        f"PyPI or a warm uv cache:\n{completed.stdout}{completed.stderr}"
    )


@pytest.fixture(scope="module")
def adopted(tmp_path_factory: pytest.TempPathFactory) -> Scratch:
    """The scratch project after install and ``behave-live init --app service.main:app``."""
    tmp = tmp_path_factory.mktemp("adoption")
    root = tmp / "project"
    root.mkdir()
    uv = _uv()
    # Nothing of this project's environment leaks in: no VIRTUAL_ENV, no uv project.
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    env["UV_PYTHON_DOWNLOADS"] = "never"
    _checked([*uv, "build", "--wheel", str(KIT), "--out-dir", str(tmp / "dist")], tmp, env)
    wheel = next((tmp / "dist").glob("behave_live-*.whl"))
    venv = root / ".venv"
    _checked([*uv, "venv", "--quiet", "--python", sys.executable, str(venv)], root, env)
    python = venv / "bin" / "python"
    _checked(
        [
            *uv,
            "pip",
            "install",
            "--quiet",
            "--python",
            str(python),
            f"{wheel}[html,pytest]",
            "fastapi",
        ],
        root,
        env,
    )
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    env["VIRTUAL_ENV"] = str(venv)

    (root / "service").mkdir()
    (root / "service" / "__init__.py").write_text("")
    (root / "service" / "main.py").write_text(SERVICE)
    (root / "pyproject.toml").write_text(
        '[project]\nname = "item-service"\nversion = "0.1.0"\n\n[tool.ruff]\nline-length = 90\n'
    )
    scratch = Scratch(root, env)
    scratch.init_output = scratch.run("behave-live", "init", "--app", "service.main:app")
    (root / "features" / "items.feature").write_text(FEATURE)
    (root / "tests").mkdir()
    (root / "tests" / "test_items.py").write_text(textwrap.dedent(PYTEST_TESTS))
    return scratch


def test_init_sets_the_project_up_and_keeps_the_users_settings(adopted: Scratch) -> None:
    assert "wrote  environment.py" in adopted.init_output
    assert "wrote  features/smoke.feature" in adopted.init_output
    assert "checked GET /items on a live server: 200" in adopted.init_output
    pyproject = (adopted.root / "pyproject.toml").read_text()
    assert pyproject.startswith('[project]\nname = "item-service"')
    assert "[tool.ruff]\nline-length = 90\n" in pyproject
    assert 'app = "service.main:app"' in pyproject


def test_behave_passes_with_the_smoke_feature_and_the_kits_steps(adopted: Scratch) -> None:
    output = adopted.run("behave")

    assert "2 features passed, 0 failed, 0 skipped" in output
    assert "5 scenarios passed, 0 failed, 0 skipped" in output


def test_the_html_report_is_registered(adopted: Scratch) -> None:
    adopted.run("behave", "-f", "html-pretty", "-o", "report.html", "features/smoke.feature")

    assert "Smoke test" in (adopted.root / "report.html").read_text()


def test_pytest_passes_with_the_kits_fixtures(adopted: Scratch) -> None:
    output = adopted.run("pytest", "-p", "no:cacheprovider", "tests")

    assert "3 passed" in output


def test_python_m_behave_live_is_the_same_command(adopted: Scratch) -> None:
    output = adopted.run("python", "-m", "behave_live", "init", "--help")

    assert "usage: behave-live init" in output
