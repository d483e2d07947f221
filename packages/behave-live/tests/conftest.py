"""Shared fixtures of the kit's own tests: the kit's pytest fixtures serve the test app.

This directory is on ``sys.path`` (it has no ``__init__.py``), so ``kit_testing`` imports.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from starlette.applications import Starlette

from behave_live.matching import jsonpath, markers, schema
from kit_testing.apps import create_app

# pytester runs pytest on throwaway projects: how the plugin is tested as users meet it.
pytest_plugins = ["pytester"]

#: Packages the tests serve as apps (stateful_service: a module-level app with module state).
TEST_DATA = Path(__file__).resolve().parent / "data"

_ENVIRONMENT = "from behave_live.bdd.hooks import before_all, before_scenario, before_tag\n"
_KIT_STEPS = "from behave_live.bdd.steps import *  # noqa: F403\n"


@dataclass(frozen=True)
class BehaveRun:
    """What a behave run printed (stdout and stderr merged), its exit code and wall time."""

    returncode: int
    output: str
    seconds: float


@dataclass(frozen=True)
class BehaveProject:
    """A throwaway project using the kit: features/, its environment.py and steps."""

    root: Path

    def feature(self, name: str, text: str) -> None:
        """Write ``features/<name>``."""
        (self.root / "features" / name).write_text(text)

    def steps(self, text: str) -> None:
        """Replace the project's steps module (by default it imports the kit's steps)."""
        (self.root / "features" / "steps" / "steps.py").write_text(text)

    def run(self, *args: str) -> BehaveRun:
        """Run behave on features/ as a user would (output captured the default way)."""
        python_path = [str(self.root), str(TEST_DATA), os.environ.get("PYTHONPATH", "")]
        began = time.monotonic()
        completed = subprocess.run(
            [sys.executable, "-m", "behave", "--no-color", *args, "features"],
            cwd=self.root,
            env={**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, python_path))},
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        seconds = time.monotonic() - began
        return BehaveRun(completed.returncode, completed.stdout + completed.stderr, seconds)


@pytest.fixture(autouse=True)
def _parsers_start_uncached() -> None:
    """Empty the parse caches of markers, JSONPaths and schema format checkers.

    Mutation testing forks each mutant's run from a process that already ran the tests: a
    cache filled there would answer with the unmutated parser's results, and the mutant
    would survive unseen. (Emptying three small caches costs nothing measurable.)
    """
    markers._parse.cache_clear()
    jsonpath._compile.cache_clear()
    schema._format_checker.cache_clear()


@pytest.fixture
def behave_project(tmp_path: Path) -> BehaveProject:
    """A project in a temporary folder, with the kit's hooks and steps wired in."""
    (tmp_path / "features" / "steps").mkdir(parents=True)
    (tmp_path / "features" / "environment.py").write_text(_ENVIRONMENT)
    project = BehaveProject(tmp_path)
    project.steps(_KIT_STEPS)
    return project


@pytest.fixture(scope="session")
def live_server_app() -> Callable[[], Starlette]:
    """The app behind ``live_server``, ``shared_live_server`` and ``http``: a fresh one each."""
    return create_app
