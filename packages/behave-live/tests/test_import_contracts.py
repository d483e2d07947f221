"""The kit's import contracts (``[tool.importlinter]`` in its pyproject.toml) hold.

Data flows one way - behave glue and pytest plugin, then HTTP, inputs, matching and server,
settings, errors - and only the behave glue imports behave, so the server and the matching
serve pytest without behave installed. ``lint-imports`` checks both on the real import graph.
"""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from pathlib import Path

import pytest

from kit_testing import KIT_DIR


def _lint_imports() -> list[str]:
    """The lint-imports command of this interpreter (its script may not be on PATH)."""
    if importlib.util.find_spec("importlinter") is None:
        pytest.skip("import-linter is not installed (a dev dependency): pip install import-linter")
    return [sys.executable, "-c", "from importlinter.cli import lint_imports_command as c; c()"]


def test_the_import_contracts_are_kept(tmp_path: Path) -> None:
    completed = subprocess.run(
        # --config: the spelling every supported import-linter takes (newer ones also take
        # the path alone, older ones only this).
        [*_lint_imports(), "--no-logo", "--no-cache", "--config", str(KIT_DIR / "pyproject.toml")],
        cwd=tmp_path,  # nothing importable from the working directory but the installed kit
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )

    assert completed.returncode == 0, (
        "An import breaks the kit's layering (see [tool.importlinter] in "
        f"{KIT_DIR / 'pyproject.toml'}); move the code, or invert the dependency:\n"
        f"{completed.stdout}{completed.stderr}"
    )
    assert "0 broken" in completed.stdout
