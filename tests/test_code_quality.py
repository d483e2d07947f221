"""The code stays as the README promises: ruff-clean, formatted, and mypy --strict clean."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tests.behave_runs import ROOT


@pytest.mark.parametrize(
    "command",
    [
        ["ruff", "check", "."],
        ["ruff", "format", "--check", "."],
        ["mypy"],
    ],
    ids=["ruff check", "ruff format", "mypy strict"],
)
def test_the_code_passes(command: list[str]) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", *command],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )

    assert completed.returncode == 0, (
        f"`{' '.join(command)}` failed; run it with `uv run {' '.join(command)}` and fix what "
        f"it reports:\n{completed.stdout}\n{completed.stderr}"
    )
