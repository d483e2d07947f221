"""The error for a behave run that found no app: usually behave was run from the wrong directory.

behave reads ``pyproject.toml`` (and its other config files) from the current directory only,
so ``behave`` run from inside ``features/`` sees no ``[tool.behave.userdata]`` at all. The
message names the directory, what it lacks, and the project root above it when there is one.
"""

from __future__ import annotations

import sys
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - exercised on Python 3.10 only
    import tomli as tomllib  # type: ignore[import-not-found, unused-ignore]

__all__ = ["no_app_message"]


def no_app_message(directory: Path | None = None) -> str:
    """Why no app was found from ``directory`` (the working directory), and what to do."""
    here = (directory or Path.cwd()).resolve()
    pyproject = here / "pyproject.toml"
    if pyproject.is_file():
        lacks = f"{pyproject} sets no app in it"
    else:
        lacks = f"{here} has no pyproject.toml"
    root = next((parent for parent in here.parents if _sets_app(parent / "pyproject.toml")), None)
    run_from = f"run behave from {root}" if root else "run behave from the project root"
    return (
        "No app to test: no app was found in [tool.behave.userdata]. behave reads "
        f"pyproject.toml from the current directory only, and {lacks}: {run_from}, or set "
        "app = 'package.module:attribute' (an ASGI app or a factory) in "
        "[tool.behave.userdata] of pyproject.toml, or -D app=..., or point the features at a "
        "running server with -D base_url=https://..."
    )


def _sets_app(pyproject: Path) -> bool:
    try:
        document = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
        return False
    userdata = document.get("tool", {}).get("behave", {}).get("userdata", {})
    return isinstance(userdata, dict) and bool(userdata.get("app"))
