"""The kit's supported versions: the compatibility run (scripts/compat.py) and its parts.

The full matrix (Python 3.10-3.13 x lowest/latest) is `uv run python scripts/compat.py`; the
default test run proves the two ends (`--bounded`) and skips, saying why, when an interpreter
is missing.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from importlib.metadata import requires
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.version import Version

from scripts import compat

BOUNDED_RUN_TIMEOUT = 900  # seconds: a cold run downloads two environments' packages


def _table_rows(output: str) -> list[dict[str, str]]:
    lines = [line for line in output.splitlines() if line.startswith("| ")]
    header, *rows = ([cell.strip() for cell in line.strip("|").split("|")] for line in lines)
    return [dict(zip(header, row, strict=True)) for row in rows]


def _declared_lower_bounds() -> dict[str, Version]:
    """The kit's ``>=`` bounds, extras included, as its installed metadata declares them."""
    bounds = {}
    for line in requires("behave-live") or []:
        requirement = Requirement(line)
        for specifier in requirement.specifier:
            if specifier.operator == ">=":
                bounds[requirement.name] = Version(specifier.version)
    return bounds


def test_the_kit_passes_at_both_ends_of_its_ranges() -> None:
    try:
        for python, _ in compat.BOUNDED_CELLS:
            compat.find_interpreter(python)
    except compat.MissingInterpreterError as exc:
        pytest.skip(f"compatibility run needs every Python of its matrix: {exc}")
    done = subprocess.run(
        [sys.executable, str(Path(compat.__file__)), "--bounded"],
        capture_output=True,
        text=True,
        check=False,
        timeout=BOUNDED_RUN_TIMEOUT,
    )
    assert done.returncode == 0, f"compatibility run failed:\n{done.stdout}\n{done.stderr}"
    rows = {(row["python"], row["resolution"]): row for row in _table_rows(done.stdout)}
    assert set(rows) == set(compat.BOUNDED_CELLS), done.stdout
    assert all(row["result"] == "passed" for row in rows.values()), done.stdout
    # The lowest resolution really tried the floors the kit claims, not something above them.
    lowest = rows[("3.10", "lowest-direct")]
    tried = {name: Version(lowest[name]) for name in _declared_lower_bounds()}
    assert tried == _declared_lower_bounds(), done.stdout


def test_a_missing_interpreter_says_where_it_looked_and_how_to_install_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PYENV_ROOT", str(tmp_path))
    false = shutil.which("false")
    assert false is not None
    monkeypatch.setenv("UV", false)  # uv python find finds nothing either

    with pytest.raises(compat.MissingInterpreterError) as missing:
        compat.find_interpreter("3.12")

    assert str(missing.value) == (
        f"No Python 3.12 interpreter: none in {tmp_path}/versions/ and none that "
        "`uv python find 3.12` knows. Install one (pyenv install 3.12, or "
        "uv python install 3.12), or leave 3.12 out with --python."
    )


def test_the_newest_pyenv_patch_release_is_chosen(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for patch in ("3.11.2", "3.11.10", "3.11.9", "3.12.1"):
        python = tmp_path / "versions" / patch / "bin" / "python"
        python.parent.mkdir(parents=True)
        python.touch()
    monkeypatch.setenv("PYENV_ROOT", str(tmp_path))

    assert compat.find_interpreter("3.11") == tmp_path / "versions/3.11.10/bin/python"


def test_a_cell_that_cannot_resolve_fails_naming_the_step(tmp_path: Path) -> None:
    cell = compat.Cell("3.10", "highest")

    compat.run_cell(cell, tmp_path / "no-python", bounded=True, work_dir=tmp_path)

    assert cell.result == "failed: resolving the kit"
    assert not cell.passed
    assert "no-python" in cell.failure_output


def test_the_table_has_a_row_per_cell_with_its_versions() -> None:
    passed = compat.Cell("3.10", "lowest-direct", "passed", {"behave": "1.3.2"}, seconds=12.4)
    failed = compat.Cell("3.13", "highest", "failed: behave", {"uvicorn": "0.55.0"}, seconds=3)

    rows = _table_rows(compat.format_table([passed, failed]))

    assert [(row["python"], row["result"], row["took"]) for row in rows] == [
        ("3.10", "passed", "12 s"),
        ("3.13", "failed: behave", "3 s"),
    ]
    assert (rows[0]["behave"], rows[0]["uvicorn"]) == ("1.3.2", "?")
    assert (rows[1]["behave"], rows[1]["uvicorn"]) == ("?", "0.55.0")
