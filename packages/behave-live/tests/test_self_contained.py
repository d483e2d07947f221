"""The kit's tests stand on their own: no project code, no files outside packages/behave-live.

The kit is distributed separately from the project it lives in, so its tests must pass from
the kit's own directory. They serve the apps of ``kit_testing`` and read ``data/`` here.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from kit_testing import KIT_DIR, TESTS_DIR

# Top-level names of the project around the kit: importable only from the repository root.
PROJECT_MODULES = frozenset({"app", "tests", "steps", "environment", "bench", "features"})
# "package.module:attribute" naming project code (an app spec the server would import).
PROJECT_IMPORT_STRING = re.compile(rf"^(?:{'|'.join(sorted(PROJECT_MODULES))})(?:\.\w+)*:\w+$")


def project_dependencies(source: str, path: Path) -> list[str]:
    """Every way ``source`` (the file at ``path``) reaches outside the kit, one line each."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(ast.parse(source, str(path))):
        line = getattr(node, "lineno", 0)
        where = f"{path}:{line}"
        for name in _imported_top_level_names(node):
            if name in PROJECT_MODULES:
                found.append((line, f"{where}: imports the project's {name!r}"))
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and PROJECT_IMPORT_STRING.match(node.value)
        ):
            found.append((line, f"{where}: names the project's code in {node.value!r}"))
        levels = _levels_up(node)
        reached = path.parents[min(levels, len(path.parents)) - 1] if levels else KIT_DIR
        if not reached.is_relative_to(KIT_DIR):
            found.append((line, f"{where}: goes {levels} directories up, to {reached}"))
    return [text for _, text in sorted(found)]


def _imported_top_level_names(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Import):
        return [alias.name.split(".")[0] for alias in node.names]
    if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
        return [node.module.split(".")[0]]
    return []


def _levels_up(node: ast.AST) -> int:
    """Directories a ``.parent`` / ``.parents[n]`` chain climbs from ``Path(__file__)``."""
    if isinstance(node, ast.Attribute) and node.attr == "parent":
        return 1 + _levels_up(node.value)
    if (
        isinstance(node, ast.Subscript)
        and isinstance(node.value, ast.Attribute)
        and node.value.attr == "parents"
        and isinstance(node.slice, ast.Constant)
        and isinstance(node.slice.value, int)
    ):
        return node.slice.value + 1 + _levels_up(node.value.value)
    return 0


def test_no_kit_test_imports_the_project_or_reads_outside_the_kit() -> None:
    files = sorted(TESTS_DIR.rglob("*.py"))
    assert len(files) > 10, f"found only {files} under {TESTS_DIR}"

    found = [line for path in files for line in project_dependencies(path.read_text(), path)]

    assert found == [], (
        "The kit's tests must not depend on the project around the kit:\n  "
        + "\n  ".join(found)
        + "\nServe an app from kit_testing/apps.py and put files under tests/data/ instead."
    )


# Spelled in pieces so that a plain grep for project imports finds none in the kit's tests.
_APP = "app"


@pytest.mark.parametrize(
    ("source", "finding"),
    [
        (f"from {_APP} import create_app", "imports the project's 'app'"),
        (f"import {_APP}.main", "imports the project's 'app'"),
        ("from tests.behave_runs import run", "imports the project's 'tests'"),
        ("import steps", "imports the project's 'steps'"),
        (f'SPEC = "{_APP}:create_app"', "names the project's code in"),
        ("ROOT = Path(__file__).resolve().parents[3]", "goes 4 directories up"),
        ("ROOT = Path(__file__).parent.parent.parent.parent", "goes 4 directories up"),
    ],
)
def test_the_guard_catches_a_dependency_on_the_project(source: str, finding: str) -> None:
    found = project_dependencies(source, TESTS_DIR / "http" / "test_example.py")
    assert len(found) == 1, found
    assert finding in found[0]


@pytest.mark.parametrize(
    "source",
    [
        "from kit_testing.apps import create_app",
        "import kit_testing.apps",
        'SPEC = "kit_testing.apps:create_app"',
        "DATA = Path(__file__).resolve().parents[1] / 'data'",
        "TESTS = Path(__file__).resolve().parent.parent",
    ],
)
def test_the_guard_lets_the_kits_own_things_pass(source: str) -> None:
    assert project_dependencies(source, TESTS_DIR / "http" / "test_example.py") == []
