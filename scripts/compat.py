"""Prove the kit's supported versions: its tests and the acceptance suite at both range ends.

For each Python x resolution, build an isolated environment from
``packages/behave-live/pyproject.toml`` alone (uv's ``lowest-direct`` resolution gives the lowest
version of every range the kit claims, ``highest`` the latest), add the test-only packages at
their latest, then run the kit's tests and ``behave`` on the project's features in it. Prints a
Markdown table: python x resolution -> passed/failed, with the versions the resolution chose.

    uv run python scripts/compat.py            # the full matrix: Python 3.10-3.13 x lowest/highest
    uv run python scripts/compat.py --bounded  # 3.10 lowest + 3.13 highest, server tests only

Interpreters come from pyenv (``~/.pyenv/versions/3.1x.y``), else from ``uv python find``. The
environments live in ``.compat/`` (git-ignored) so that a second run reuses them. Exit status 0
only when every cell passed; 2 when an interpreter is missing.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
KIT = REPO_ROOT / "packages" / "behave-live"
KIT_TESTS = KIT / "tests"
WORK_DIR = REPO_ROOT / ".compat"

PYTHONS = ("3.10", "3.11", "3.12", "3.13")
RESOLUTIONS = ("lowest-direct", "highest")
# The two ends of the matrix (oldest Python with the lowest versions, newest with the latest),
# and the tests that touch what varies most between versions: uvicorn internals, the pytest
# plugin and the specification view (Jinja2, markdown-it-py), minus a slow one about the
# kernel's port choice that no version changes. The acceptance suite (behave) runs in every
# cell.
BOUNDED_CELLS = (("3.10", "lowest-direct"), ("3.13", "highest"))
BOUNDED_TESTS = ("server", "test_pytest_plugin.py", "spec")
BOUNDED_DESELECTED = "not test_processes_starting_servers_at_once_never_clash"
# Test-only packages, not the kit's: the service under test (starlette, python-multipart),
# the kit tests' own tools. They resolve to their latest, the kit's pins held fixed.
TEST_PACKAGES = (
    "starlette",
    "python-multipart",
    # The board's GraphQL endpoint and the YAML its OpenAPI document is kept in.
    "graphql-core",
    "pyyaml",
    "httpx",
    "hypothesis",
    # 2.15: the oldest that the import-contract test's options (--no-logo) work with.
    "import-linter>=2.15",
    "packaging",
)
# The columns of the table: what the kit depends on, extras included.
SHOWN = (
    "behave",
    "uvicorn",
    "requests",
    "jsonpath-rfc9535",
    "jsonschema",
    "behave-html-pretty-formatter",
    "pytest",
    "defusedxml",
    "elementpath",
    "jinja2",
    "markupsafe",
    "markdown-it-py",
    "openapi-core",
    "pyyaml",
    "tomli",
    "websockets",
)
STEP_TIMEOUT = 900.0  # seconds; a hung step fails its cell instead of the whole run


class MissingInterpreterError(Exception):
    """No interpreter of a Python version the matrix needs."""


@dataclass
class Cell:
    """One Python x resolution: its environment, and what happened in it."""

    python: str
    resolution: str
    result: str = "not run"
    versions: dict[str, str] = field(default_factory=dict)
    failure_output: str = ""
    seconds: float = 0.0

    @property
    def name(self) -> str:
        """The cell's directory name under .compat/, such as ``py3.10-lowest-direct``."""
        return f"py{self.python}-{self.resolution}"

    @property
    def passed(self) -> bool:
        """True when the environment resolved and every check in it passed."""
        return self.result == "passed"


def find_interpreter(version: str) -> Path:
    """The newest pyenv interpreter of ``version`` (such as "3.10"), else uv's choice.

    Raises MissingInterpreterError naming where it looked when there is none.
    """
    pyenv_root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    candidates = sorted(
        (path for path in pyenv_root.glob(f"versions/{version}.*/bin/python") if path.exists()),
        key=lambda path: [int(part) for part in re.findall(r"\d+", path.parent.parent.name)],
    )
    if candidates:
        return candidates[-1]
    found = subprocess.run(
        [_uv(), "python", "find", "--no-project", version],
        capture_output=True,
        text=True,
        check=False,
    )
    if found.returncode == 0 and found.stdout.strip():
        return Path(found.stdout.strip())
    raise MissingInterpreterError(
        f"No Python {version} interpreter: none in {pyenv_root}/versions/ and none that "
        f"`uv python find {version}` knows. Install one (pyenv install {version}, or "
        f"uv python install {version}), or leave {version} out with --python."
    )


def _uv() -> str:
    # `uv run` tells its children where uv is; otherwise look on PATH.
    uv = os.environ.get("UV") or shutil.which("uv")
    if uv is None:
        raise SystemExit("uv is not installed: python3 -m pip install uv")
    return uv


def _environment() -> dict[str, str]:
    """The variables for every command: none of the calling project's virtualenv.

    PYTHONPATH is the repository root because the tests import the service under test
    (``app``), in subprocesses too.
    """
    env = {
        name: value
        for name, value in os.environ.items()
        if name not in {"VIRTUAL_ENV", "UV_PROJECT_ENVIRONMENT", "PYTHONPATH", "PYTHONHOME"}
    }
    env["PYTHONPATH"] = str(REPO_ROOT)
    return env


class _StepFailedError(Exception):
    """A step of a cell failed: what it was, and its output."""

    def __init__(self, what: str, output: str) -> None:
        super().__init__(what)
        self.what = what
        self.output = output


def _text(output: str | bytes | None) -> str:
    if isinstance(output, bytes):
        return output.decode(errors="replace")
    return output or ""


def _step(what: str, command: Sequence[str | Path]) -> None:
    """Run ``command`` in the repository root; raise _StepFailedError when it fails."""
    try:
        done = subprocess.run(
            [str(part) for part in command],
            cwd=REPO_ROOT,
            env=_environment(),
            capture_output=True,
            text=True,
            check=False,
            timeout=STEP_TIMEOUT,
        )
    except subprocess.TimeoutExpired as exc:
        output = _text(exc.stdout) + _text(exc.stderr)
        raise _StepFailedError(f"{what} (timed out after {exc.timeout:.0f} s)", output) from exc
    if done.returncode != 0:
        raise _StepFailedError(what, done.stdout + done.stderr)


def run_cell(cell: Cell, interpreter: Path, *, bounded: bool, work_dir: Path = WORK_DIR) -> Cell:
    """Resolve, install and test one cell in ``work_dir``; the cell says how it went."""
    started = time.monotonic()
    try:
        _run_cell(cell, interpreter, bounded=bounded, here=work_dir / cell.name)
        cell.result = "passed"
    except _StepFailedError as failed:
        cell.result = f"failed: {failed.what}"
        cell.failure_output = failed.output[-4000:]
    finally:
        cell.seconds = time.monotonic() - started
    return cell


def _run_cell(cell: Cell, interpreter: Path, *, bounded: bool, here: Path) -> None:
    here.mkdir(parents=True, exist_ok=True)
    venv = here / "venv"
    python = venv / "bin" / "python"
    uv = _uv()
    # The kit alone first, so that --resolution applies to its ranges and nothing else.
    (here / "kit.in").write_text(f"-e {KIT}[html,openapi,pytest,spec,xml]\n")
    (here / "tests.in").write_text("\n".join(TEST_PACKAGES) + "\n")
    compile_: list[str | Path] = [uv, "pip", "compile", "--quiet", "--upgrade"]
    compile_ += ["--python", interpreter]
    _step(
        "resolving the kit",
        [*compile_, "--resolution", cell.resolution, here / "kit.in", "-o", here / "kit.txt"],
    )
    # The kit's pins become constraints (minus the editable kit itself) for the test packages.
    pins = [line for line in (here / "kit.txt").read_text().splitlines() if "==" in line]
    (here / "pins.txt").write_text("\n".join(pins) + "\n")
    inputs = (here / "kit.in", here / "tests.in")
    _step(
        "resolving the test packages",
        [*compile_, "--constraint", here / "pins.txt", *inputs, "-o", here / "all.txt"],
    )
    if not python.exists():
        _step("creating the environment", [uv, "venv", "--quiet", "--python", interpreter, venv])
    _step("installing", [uv, "pip", "sync", "--quiet", "--python", python, here / "all.txt"])
    cell.versions = _installed_versions(python)
    selection = (
        [*(KIT_TESTS / test for test in BOUNDED_TESTS), "-k", BOUNDED_DESELECTED]
        if bounded
        else [KIT_TESTS]
    )
    _step("kit tests", [python, "-m", "pytest", "-q", "-p", "no:cacheprovider", *selection])
    # The acceptance suite, through the html extra's formatter: behave and the step library.
    report = here / "report.html"
    _step("behave", [python, "-m", "behave", "--format", "html-pretty", "--outfile", report])


def _installed_versions(python: Path) -> dict[str, str]:
    code = (
        "import importlib.metadata as m, sys\n"
        "for name in sys.argv[1:]:\n"
        "    try: print(name, m.version(name))\n"
        "    except m.PackageNotFoundError: print(name, '-')\n"
    )
    done = subprocess.run(
        [str(python), "-c", code, *SHOWN], capture_output=True, text=True, check=False
    )
    return dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)


def format_table(cells: Sequence[Cell]) -> str:
    """The results as a Markdown table, one row per cell."""
    header = ["python", "resolution", "result", "took", *SHOWN]
    rows = [
        [
            *(cell.python, cell.resolution, cell.result, f"{cell.seconds:.0f} s"),
            *(cell.versions.get(name, "?") for name in SHOWN),
        ]
        for cell in cells
    ]
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(values: Sequence[str]) -> str:
        return "| " + " | ".join(v.ljust(w) for v, w in zip(values, widths, strict=True)) + " |"

    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    return "\n".join([line(header), rule, *(line(row) for row in rows)])


def _arguments(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--bounded",
        action="store_true",
        help="only 3.10 with the lowest versions and 3.13 with the latest, server tests only",
    )
    parser.add_argument("--python", nargs="+", choices=PYTHONS, help="limit the Pythons")
    parser.add_argument("--resolution", nargs="+", choices=RESOLUTIONS, help="limit resolutions")
    parser.add_argument("--jobs", type=int, default=2, help="cells run at once (default: 2)")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the matrix, print the table, and return 0 only when every cell passed."""
    arguments = _arguments(argv)
    if arguments.bounded:
        cells = [Cell(python, resolution) for python, resolution in BOUNDED_CELLS]
    else:
        cells = [
            Cell(python, resolution)
            for python in arguments.python or PYTHONS
            for resolution in arguments.resolution or RESOLUTIONS
        ]
    try:
        interpreters = {cell.python: find_interpreter(cell.python) for cell in cells}
    except MissingInterpreterError as exc:
        print(exc, file=sys.stderr)
        return 2
    with ThreadPoolExecutor(max_workers=max(1, arguments.jobs)) as pool:
        bounded = arguments.bounded
        list(pool.map(lambda c: run_cell(c, interpreters[c.python], bounded=bounded), cells))
    for cell in cells:
        if not cell.passed:
            print(f"--- {cell.name}: {cell.result}\n{cell.failure_output}\n", file=sys.stderr)
    print(format_table(cells))
    return 0 if all(cell.passed for cell in cells) else 1


if __name__ == "__main__":
    sys.exit(main())
