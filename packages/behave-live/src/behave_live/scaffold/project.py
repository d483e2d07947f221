"""Set a project up for the kit: plan every file, refuse on any problem, then write."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal

from behave_live.errors import KitError, ScaffoldError
from behave_live.scaffold.app_target import AppTarget, import_app_target
from behave_live.scaffold.pyproject import Setting, add_settings, is_features_dir
from behave_live.scaffold.routes import plain_get_paths
from behave_live.scaffold.smoke_check import SmokeRequest, find_smoke_request
from behave_live.scaffold.templates import (
    ENVIRONMENT_PY,
    HTML_FORMATTER,
    STEPS_PY,
    smoke_feature,
)
from behave_live.server.app_loading import load_app

__all__ = ["InitReport", "init_project", "kit_settings"]

#: The pytest ini option naming the app of the kit's pytest fixtures.
PYTEST_APP_OPTION = "behave_live_app"
PYTEST_LIFESPAN = "behave_live_lifespan"
#: pytest config files that pytest reads instead of pyproject.toml (it looks at them first).
_PYTEST_INI_FILES = ("pytest.ini", ".pytest.ini")


@dataclass
class InitReport:
    """What init did: files written or kept, the request the example makes, advice."""

    written: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    smoke: SmokeRequest | None = None
    notes: list[str] = field(default_factory=list)


def kit_settings(spec: str, *, with_pytest: bool = True, lifespan: str = "on") -> list[Setting]:
    """The pyproject.toml settings for behave (and, unless told otherwise, pytest).

    ``lifespan`` other than the default ``on`` is written for both runners.
    """
    settings = [
        Setting(
            ("tool", "behave"),
            "paths",
            ["features"],
            accepts=is_features_dir,
            only_in_new_table=True,  # behave's default is features/ already
        ),
        Setting(("tool", "behave", "formatters"), "html-pretty", HTML_FORMATTER),
        Setting(("tool", "behave", "userdata"), "app", spec),
    ]
    if lifespan != "on":
        settings.append(Setting(("tool", "behave", "userdata"), "lifespan", lifespan))
    if with_pytest:
        if lifespan != "on":
            settings.append(Setting(("tool", "pytest", "ini_options"), PYTEST_LIFESPAN, lifespan))
        settings += [
            Setting(("tool", "pytest", "ini_options"), PYTEST_APP_OPTION, spec),
            # A console script does not put the project on sys.path: this does, so the
            # fixtures can import the app. Any pythonpath the user chose is left alone.
            Setting(("tool", "pytest", "ini_options"), "pythonpath", ["."], accepts=_any),
        ]
    return settings


def init_project(
    project_dir: Path, target: AppTarget, *, lifespan: Literal["on", "off", "auto"] = "on"
) -> InitReport:
    """Write the kit's files into ``project_dir`` for the app ``target`` names.

    Nothing is written until every check passed: the directory is writable, the app imports
    and serves, and pyproject.toml has no conflicting settings. Existing files are kept.
    """
    _check_directory(project_dir)
    report = InitReport()
    app = import_app_target(target, project_dir)
    try:
        served = load_app(app)  # a factory gives the app whose routes we read
    except KitError as exc:
        raise ScaffoldError(f"Cannot use the app {target.spec!r}: {exc}") from exc.__cause__
    report.smoke = find_smoke_request(app, target.spec, plain_get_paths(served), lifespan=lifespan)

    pytest_ini = _pytest_config_file(project_dir)
    pyproject_path = project_dir / "pyproject.toml"
    old_text = pyproject_path.read_text(encoding="utf-8") if pyproject_path.exists() else ""
    edit = add_settings(
        old_text,
        kit_settings(target.spec, with_pytest=pytest_ini is None, lifespan=lifespan),
        filename=str(pyproject_path),
    )
    if pytest_ini is not None:
        report.notes.append(
            f"pytest reads {pytest_ini} rather than pyproject.toml: add "
            f"`{PYTEST_APP_OPTION} = {target.spec}` and `pythonpath = .` to its "
            "[pytest] section."
        )

    files = {
        "environment.py": ENVIRONMENT_PY,
        "steps/http_steps.py": STEPS_PY,
        "features/smoke.feature": smoke_feature(target.spec, report.smoke),
    }
    for relative, text in files.items():
        if _write_new(project_dir / relative, text):
            report.written.append(relative)
        else:
            report.kept.append(relative)
    if edit.changed:
        _write(pyproject_path, edit.text)
        report.written += [f"pyproject.toml {name}" for name in edit.added]
    report.kept += [f"pyproject.toml {name}" for name in edit.kept]
    if (project_dir / "features" / "steps").is_dir():
        report.notes.append(
            "features/steps/ exists: behave uses it (and features/environment.py) instead "
            "of the top-level steps/ and environment.py written here."
        )
    return report


def _any(_existing: object) -> bool:
    return True


def _check_directory(project_dir: Path) -> None:
    if not project_dir.is_dir():
        raise ScaffoldError(
            f"{project_dir} is not a directory: pass --dir the path of your project (the "
            "directory that holds your app's package), or run init there without --dir."
        )
    if not os.access(project_dir, os.W_OK | os.X_OK):
        raise ScaffoldError(
            f"Cannot write into {project_dir.resolve()}: permission denied. Run init in a "
            "directory you can write to, or fix its permissions."
        )


def _pytest_config_file(project_dir: Path) -> str | None:
    return next((name for name in _PYTEST_INI_FILES if (project_dir / name).is_file()), None)


def _write_new(path: Path, text: str) -> bool:
    """Write ``path`` unless it exists (a user's file is never overwritten)."""
    if path.exists() or path.is_symlink():
        return False
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("x", encoding="utf-8") as file:  # "x": never replace a file
            file.write(text)
    except OSError as exc:
        raise ScaffoldError(f"Cannot write {path}: {exc}.") from exc
    return True


def _write(path: Path, text: str) -> None:
    try:
        path.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise ScaffoldError(f"Cannot write {path}: {exc}.") from exc
