"""What the kit ships: its wheel and sdist hold only behave_live, its dependencies are
exactly what it imports, and an editable install exposes nothing but ``behave_live``.

The build and install checks run uv (``uv build``, ``uv venv``, ``uv pip install -e``);
they use uv's cache, so they take a few seconds, and are skipped when uv is not installed.
"""

from __future__ import annotations

import ast
import functools
import importlib.metadata
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import tarfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from kit_testing import KIT_DIR

SOURCE = KIT_DIR / "src" / "behave_live"
DISTRIBUTION = "behave-live"
# Modules that only an extra makes importable: (module path in the package, extra).
EXTRA_MODULES = {
    "pytest_plugin.py": "pytest",
    "matching/xpath.py": "xml",
    "spec/glossary.py": "spec",
    "spec/markdown.py": "spec",
    "spec/render.py": "spec",
    "contract/check.py": "openapi",
    "contract/document.py": "openapi",
    "contract/finder.py": "openapi",
    "contract/violations.py": "openapi",
}
# Extras the kit never imports, with why they exist.
UNIMPORTED_EXTRAS = {
    "html": "behave loads the HTML formatter by name from [tool.behave.formatters]",
}
# Besides behave_live/**, what the sdist carries (hatchling adds PKG-INFO and the nearest
# .gitignore, which is the kit's own).
SDIST_EXTRAS = {"README.md", "LICENSE", "CHANGELOG.md", "pyproject.toml", "PKG-INFO", ".gitignore"}
# Top-level names of the repository the kit lives in: never importable from the kit.
PROJECT_MODULES = ("app", "tests", "steps", "environment", "features", "bench", "docs")
UV_TIMEOUT = 300.0


def _uv() -> list[str]:
    """The uv command: on PATH, or uv's Python package; skip when neither is installed."""
    found = shutil.which("uv")
    if found:
        return [found]
    if importlib.util.find_spec("uv") is not None:
        return [sys.executable, "-m", "uv"]
    pytest.skip("uv is not installed (pip install uv): the build and install checks need it")


def _run(command: list[str], cwd: Path) -> str:
    """Run ``command``; fail showing its output if it fails."""
    # Outside this test run's environment: the command picks its own interpreter.
    env = {k: v for k, v in os.environ.items() if k not in {"VIRTUAL_ENV", "PYTHONPATH"}}
    completed = subprocess.run(
        command,
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=UV_TIMEOUT,
    )
    assert completed.returncode == 0, (
        f"{' '.join(command)} failed with exit code {completed.returncode}:\n"
        f"{completed.stdout}\n{completed.stderr}"
    )
    return completed.stdout


# -- the built distributions ------------------------------------------------------------------


@dataclass(frozen=True)
class Built:
    wheel: list[str]
    sdist: list[str]


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Built:
    out = tmp_path_factory.mktemp("dist")
    _run([*_uv(), "build", str(KIT_DIR), "--out-dir", str(out), "--quiet"], cwd=out)
    (wheel,) = out.glob("*.whl")
    (sdist,) = out.glob("*.tar.gz")
    with zipfile.ZipFile(wheel) as archive:
        wheel_names = archive.namelist()
    with tarfile.open(sdist) as archive:
        # Every name starts with "behave_live-<version>/": drop it.
        sdist_names = [
            name.split("/", 1)[1]
            for name in archive.getnames()
            if "/" in name and archive.getmember(name).isfile()
        ]
    return Built(wheel=wheel_names, sdist=sdist_names)


def _source_files() -> set[str]:
    """The package's files, as paths under behave_live/ (no caches)."""
    return {
        f"behave_live/{path.relative_to(SOURCE).as_posix()}"
        for path in SOURCE.rglob("*")
        if path.is_file() and "__pycache__" not in path.parts
    }


def test_the_wheel_holds_the_package_and_its_metadata_only(built: Built) -> None:
    version = importlib.metadata.version(DISTRIBUTION)
    dist_info = f"behave_live-{version}.dist-info/"

    stray = [name for name in built.wheel if not name.startswith(("behave_live/", dist_info))]
    package = {name for name in built.wheel if name.startswith("behave_live/")}

    assert stray == [], f"the wheel holds files that are not the kit's: {stray}"
    assert package == _source_files()
    assert f"{dist_info}entry_points.txt" in built.wheel  # the pytest plugin's registration


def test_the_sdist_holds_the_package_and_its_documents_only(built: Built) -> None:
    stray = [
        name
        for name in built.sdist
        if not name.startswith("src/behave_live/") and name not in SDIST_EXTRAS
    ]
    package = {name.removeprefix("src/") for name in built.sdist if name.startswith("src/")}

    assert stray == [], f"the sdist holds files that are not the kit's: {stray}"
    assert package == _source_files()
    assert {"README.md", "LICENSE", "CHANGELOG.md", "pyproject.toml"} <= set(built.sdist)


# -- declared dependencies against imports ----------------------------------------------------


def _requirements() -> dict[str | None, list[Requirement]]:
    """The kit's requirements by extra (None: always installed), from its metadata."""
    metadata = importlib.metadata.metadata(DISTRIBUTION)
    extras = metadata.get_all("Provides-Extra") or []
    by_extra: dict[str | None, list[Requirement]] = {}
    for line in metadata.get_all("Requires-Dist") or []:
        requirement = Requirement(line)
        marker = requirement.marker
        # The marker of an extra's requirement is `extra == "<name>"`: find which one. Other
        # markers (`python_version < "3.11"`) belong to requirements that are always installed
        # where they apply.
        extra = None
        if marker is not None and "extra" in str(marker):
            extra = next(e for e in extras if marker.evaluate({"extra": e}))
        by_extra.setdefault(extra, []).append(requirement)
    return by_extra


#: Standard-library modules of newer Pythons, imported only there (tomllib: 3.11).
_NEWER_STDLIB = {"tomllib"}

#: Imports made only on some Pythons (``tomli`` below 3.11): their distribution has the
#: import's name and a ``python_version`` marker.
_CONDITIONAL_IMPORTS = {"tomli"}


def _installed(name: str) -> bool:
    """A distribution named like the import is installed."""
    try:
        importlib.metadata.distribution(name)
    except importlib.metadata.PackageNotFoundError:
        return False
    return True


@functools.cache
def _owners() -> dict[str, list[str]]:
    """Import name -> the distributions that provide it (slow to compute: once)."""
    return dict(importlib.metadata.packages_distributions())


def _imported_distributions(path: Path) -> dict[str, str]:
    """Third-party distributions a module imports: {distribution: import name}."""
    owners = _owners()
    found: dict[str, str] = {}
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module]
        else:
            continue
        for name in names:
            top = name.split(".")[0]
            if top in sys.stdlib_module_names or top in _NEWER_STDLIB or top == "behave_live":
                continue
            if top not in owners and top in _CONDITIONAL_IMPORTS:
                # Imported on older Pythons only, so not installed on this one.
                found[canonicalize_name(top)] = top
                continue
            if top not in owners and _installed(top):
                # Older wheels (uvicorn 0.45) list no files that map the name to them.
                found[canonicalize_name(top)] = top
                continue
            assert top in owners, f"{path}: no installed distribution provides {top!r}"
            for distribution in owners[top]:
                found[canonicalize_name(distribution)] = top
    return found


def test_the_dependencies_are_exactly_what_the_kit_imports() -> None:
    requirements = _requirements()
    declared = {canonicalize_name(r.name) for r in requirements.get(None, [])}
    by_extra = {
        extra: {canonicalize_name(r.name) for r in listed}
        for extra, listed in requirements.items()
        if extra is not None
    }
    imported: set[str] = set()
    imported_by_extra: dict[str, set[str]] = {}
    for path in sorted(SOURCE.rglob("*.py")):
        distributions = set(_imported_distributions(path))
        extra = EXTRA_MODULES.get(path.relative_to(SOURCE).as_posix())
        if extra is None:
            imported |= distributions
        else:
            imported_by_extra.setdefault(extra, set()).update(distributions - declared)

    assert declared == imported, (
        f"[project] dependencies of {DISTRIBUTION} should be what the kit imports: "
        f"declared but never imported {sorted(declared - imported)}, imported but not "
        f"declared {sorted(imported - declared)}."
    )
    for extra, distributions in imported_by_extra.items():
        assert distributions == by_extra.get(extra, set()), (
            f"The {extra!r} extra should be what its modules import beyond the dependencies: "
            f"{sorted(distributions)}, but it is {sorted(by_extra.get(extra, set()))}."
        )
    assert set(by_extra) == set(imported_by_extra) | set(UNIMPORTED_EXTRAS)


def test_every_dependency_has_a_lower_bound_and_none_is_pinned() -> None:
    problems = [
        f"{requirement} (extra: {extra or 'none'})"
        for extra, listed in _requirements().items()
        for requirement in listed
        if any(spec.operator in {"==", "==="} for spec in requirement.specifier)
        or not any(spec.operator in {">=", ">", "~="} for spec in requirement.specifier)
    ]
    assert problems == [], (
        f"Give each dependency a range with a lower bound and no exact pin: {problems}"
    )


# -- an editable install ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def editable_python(tmp_path_factory: pytest.TempPathFactory) -> Path:
    uv = _uv()
    venv = tmp_path_factory.mktemp("editable") / "venv"
    _run([*uv, "venv", "--quiet", "--python", sys.executable, str(venv)], cwd=venv.parent)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    _run(
        [*uv, "pip", "install", "--quiet", "--python", str(python), "-e", str(KIT_DIR)],
        cwd=venv.parent,
    )
    return python


_PROBE = """
import importlib.util, json, sys
import behave_live
print(json.dumps({
    "kit": behave_live.__file__,
    "importable": [name for name in sys.argv[1:] if importlib.util.find_spec(name)],
}))
"""


def test_an_editable_install_exposes_only_behave_live(
    editable_python: Path, tmp_path: Path
) -> None:
    # Run from an empty directory, so nothing is importable from the working directory.
    output = _run([str(editable_python), "-c", _PROBE, *PROJECT_MODULES], cwd=tmp_path)
    seen = json.loads(output)

    assert Path(seen["kit"]).is_relative_to(SOURCE)
    assert seen["importable"] == [], (
        f"An editable install of the kit makes the project's {seen['importable']} importable: "
        "only packages/behave-live/src may go on sys.path."
    )
