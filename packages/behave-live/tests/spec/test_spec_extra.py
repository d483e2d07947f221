"""Without the ``spec`` extra, ``-f spec`` stops the run with one sentence naming the fix.

behave resolves ``-f spec`` by importing the formatter's module: the kit's modules import
Jinja2, MarkupSafe and markdown-it-py only where they are used, so the import succeeds
(behave would otherwise say only ``BAD_FORMAT=spec (problem: ModuleNotFoundError)``) and
the formatter, when it starts, names what is missing.
"""

from __future__ import annotations

import subprocess
import sys

from conftest import BehaveProject

_EXTRA = ("jinja2", "markupsafe", "markdown_it")
_FIX = (
    "install the kit's `spec` extra with "
    'pip install "behave-live[spec]" (or uv add --dev "behave-live[spec]").'
)


def _without(*modules: str) -> str:
    """Python that makes ``modules`` unimportable, as when the extra is not installed."""
    return f"import sys\nsys.modules.update(dict.fromkeys({list(modules)!r}))\n"


def test_the_formatter_imports_without_the_extra() -> None:
    probe = (
        _without(*_EXTRA)
        + "from behave_live.spec import SpecificationFormatter\n"
        + "import behave_live.spec.formatter\n"
        + "print(SpecificationFormatter.name)\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False, timeout=60
    )

    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.strip() == "spec"


def test_the_run_stops_naming_the_missing_module_and_the_fix(
    behave_project: BehaveProject,
) -> None:
    # Loaded by Python at start-up from the project folder (on PYTHONPATH).
    (behave_project.root / "sitecustomize.py").write_text(_without("jinja2"))
    (behave_project.root / "pyproject.toml").write_text(
        '[tool.behave.formatters]\nspec = "behave_live.spec:SpecificationFormatter"\n'
    )
    behave_project.feature(
        "health.feature", "Feature: Health\n  Scenario: Nothing\n    Given nothing at all\n"
    )

    run = behave_project.run("-f", "spec", "-o", "spec.html")

    assert run.returncode != 0
    assert (
        f"Specification view (-f spec): The module jinja2 (Jinja2) is not installed: {_FIX}"
    ) in run.output
    assert "BAD_FORMAT" not in run.output
    assert "Traceback" not in run.output
    assert not (behave_project.root / "spec.html").exists()


def test_every_missing_module_is_named(behave_project: BehaveProject) -> None:
    (behave_project.root / "sitecustomize.py").write_text(_without(*_EXTRA))
    behave_project.feature(
        "health.feature", "Feature: Health\n  Scenario: Nothing\n    Given nothing at all\n"
    )

    run = behave_project.run("-f", "behave_live.spec:SpecificationFormatter", "-o", "spec.html")

    assert (
        "Specification view (-f spec): The modules jinja2 (Jinja2), markupsafe (MarkupSafe), "
        f"markdown_it (markdown-it-py) are not installed: {_FIX}"
    ) in run.output
