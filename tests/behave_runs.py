"""Run behave in a subprocess, as a user would, and hand back what it printed."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

__all__ = ["BehaveRun", "failing_feature", "run_behave"]

ROOT = Path(__file__).resolve().parent.parent
FAILING_FEATURES = Path(__file__).resolve().parent / "failing_features"


@dataclass(frozen=True)
class BehaveRun:
    """The outcome of one behave run."""

    returncode: int
    output: str

    @property
    def failed(self) -> bool:
        """True when behave reported a failure (non-zero exit)."""
        return self.returncode != 0


def run_behave(
    *args: str, timeout: float = 120.0, env: Mapping[str, str] | None = None
) -> BehaveRun:
    """Run ``behave *args`` from the project root; stdout and stderr are merged.

    ``env`` adds environment variables to this process's own.
    """
    completed = subprocess.run(
        [sys.executable, "-m", "behave", "--no-color", "--no-capture", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        env={**os.environ, **(env or {})},
    )
    return BehaveRun(completed.returncode, completed.stdout + completed.stderr)


def failing_feature(name: str) -> str:
    """The path (relative to the root) of a deliberately failing feature file."""
    path = FAILING_FEATURES / name
    assert path.exists(), f"no such failing feature: {path}"
    return str(path.relative_to(ROOT))
