"""The kit's README (its PyPI page) lists the main steps: each line must be a real step."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from behave.step_registry import registry

import behave_live.bdd.steps  # noqa: F401  (registers the kit's steps)

README = Path(__file__).resolve().parents[2] / "README.md"
_KEYWORDS = {"Given": "given", "When": "when", "Then": "then"}


def _steps_section() -> str:
    text = README.read_text(encoding="utf-8")
    match = re.search(r"^## Steps\n(.*?)^## ", text, re.MULTILINE | re.DOTALL)
    assert match is not None, "packages/behave-live/README.md has no '## Steps' section"
    return match.group(1)


def _listed_steps() -> list[str]:
    block = re.search(r"```gherkin\n(.*?)```", _steps_section(), re.DOTALL)
    assert block is not None
    return [line for line in block.group(1).splitlines() if line and not line.startswith("#")]


def _is_defined(line: str) -> bool:
    keyword, _, text = line.partition(" ")
    matchers = [*registry.steps[_KEYWORDS[keyword]], *registry.steps["step"]]
    return any(matcher.match(text) is not None for matcher in matchers)


def test_the_readme_lists_steps_of_every_main_group() -> None:
    listed = _listed_steps()
    assert len(listed) >= 30
    for phrase in ("I send a GET request", "response status should be", "JSON value at"):
        assert any(phrase in line for line in listed), phrase


@pytest.mark.parametrize("line", _listed_steps())
def test_every_step_the_readme_lists_is_defined(line: str) -> None:
    assert _is_defined(line), f"README step is not a step of the kit: {line}"


def test_the_readme_says_how_to_list_every_step() -> None:
    section = _steps_section()
    assert "behave --dry-run --format steps.catalog" in section
    assert "python -m behave_live.bdd.step_reference" in section
