"""Part (c) of the benchmark: a behave run of many scenarios, fresh server each vs shared.

Writes a throwaway behave project (features, steps, environment.py importing the kit) into a
temporary directory and times whole ``behave`` runs in subprocesses, alternating the two
scopes so that machine noise hits both alike.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

__all__ = ["ScopeTimings", "time_behave_scopes"]

ROOT = Path(__file__).resolve().parent.parent
_SCENARIOS_PER_FEATURE = 20

_SCENARIO = """
  Scenario: Health check number {number}
    When I send a GET request to "/health"
    Then the response status should be 200
    And the JSON value at "$.message" should be "OK"
"""

_ENVIRONMENT = (ROOT / "environment.py").read_text(encoding="utf-8")
_TOOK = re.compile(r"Took (\d+)min ([\d.]+)s|Took (\d+)m([\d.]+)s")


@dataclass(frozen=True)
class ScopeTimings:
    """Median wall time of a whole behave run, and behave's own "Took" time, per scope."""

    scenarios: int
    runs: int
    wall_seconds: dict[str, float]
    behave_seconds: dict[str, float]


def _write_project(directory: Path, scenarios: int) -> None:
    features = directory / "features"
    features.mkdir()
    (directory / "steps").mkdir()
    (directory / "steps" / "http_steps.py").write_text(
        "from behave_live.steps import *  # noqa: F403\n", encoding="utf-8"
    )
    (directory / "environment.py").write_text(_ENVIRONMENT, encoding="utf-8")
    for feature_number in range(0, scenarios, _SCENARIOS_PER_FEATURE):
        body = "".join(
            _SCENARIO.format(number=number)
            for number in range(
                feature_number, min(scenarios, feature_number + _SCENARIOS_PER_FEATURE)
            )
        )
        (features / f"health_{feature_number:04d}.feature").write_text(
            f"Feature: Health checks from {feature_number}\n{body}", encoding="utf-8"
        )


def _run_behave(directory: Path, scope: str) -> tuple[float, float]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    command = [
        sys.executable,
        "-m",
        "behave",
        "--no-color",
        "--format=null",
        "-D",
        "app=app:create_app",
        "-D",
        f"server_scope={scope}",
        "features",
    ]
    started = time.perf_counter()
    completed = subprocess.run(
        command, cwd=directory, env=env, capture_output=True, text=True, check=False
    )
    wall = time.perf_counter() - started
    if completed.returncode != 0:
        raise RuntimeError(f"behave failed ({scope}):\n{completed.stdout}\n{completed.stderr}")
    took = _TOOK.search(completed.stdout + completed.stderr)
    if took is None:
        raise RuntimeError(f"no 'Took' line in behave's output:\n{completed.stdout}")
    minutes, seconds = (took.group(1), took.group(2)) if took.group(1) else took.group(3, 4)
    return wall, int(minutes) * 60 + float(seconds)


def time_behave_scopes(scenarios: int = 200, runs: int = 5) -> ScopeTimings:
    """Time ``runs`` behave runs of ``scenarios`` scenarios per scope, alternating scopes."""
    scopes = ("scenario", "run")
    wall: dict[str, list[float]] = {scope: [] for scope in scopes}
    took: dict[str, list[float]] = {scope: [] for scope in scopes}
    with tempfile.TemporaryDirectory(prefix="behave-live-bench-") as temporary:
        directory = Path(temporary)
        _write_project(directory, scenarios)
        _run_behave(directory, "run")  # warm-up: bytecode caches, imports
        for _ in range(runs):
            for scope in scopes:
                seconds_wall, seconds_took = _run_behave(directory, scope)
                wall[scope].append(seconds_wall)
                took[scope].append(seconds_took)
    return ScopeTimings(
        scenarios=scenarios,
        runs=runs,
        wall_seconds={scope: statistics.median(values) for scope, values in wall.items()},
        behave_seconds={scope: statistics.median(values) for scope, values in took.items()},
    )
