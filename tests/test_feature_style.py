"""The features read as the project promises: a user story, short scenarios, one When."""

from __future__ import annotations

from pathlib import Path

import pytest
from behave.parser import parse_file

from tests.behave_runs import ROOT

FEATURE_FILES = sorted((ROOT / "features").rglob("*.feature"))
MAX_STEPS = 6  # 3-5 is the aim; a sixth step is allowed for an And that completes a Then
MAX_BACKGROUND_STEPS = 4


def _name(path: Path) -> str:
    return str(path.relative_to(ROOT))


@pytest.mark.parametrize("path", FEATURE_FILES, ids=_name)
def test_the_feature_opens_with_a_user_story(path: Path) -> None:
    story = [line.strip().lower() for line in parse_file(str(path)).description]

    assert len(story) >= 3, f"{_name(path)} should open with As a / I want / So that"
    assert story[0].startswith("as "), f"{_name(path)}: the story should start with 'As ...'"
    assert any(line.startswith("i want") for line in story), f"{_name(path)}: no 'I want'"
    assert any(line.startswith("so that") for line in story), f"{_name(path)}: no 'So that'"


@pytest.mark.parametrize("path", FEATURE_FILES, ids=_name)
def test_scenarios_are_short_with_one_when_and_thens_that_say_should(path: Path) -> None:
    feature = parse_file(str(path))
    problems = []
    if feature.background and len(feature.background.steps) > MAX_BACKGROUND_STEPS:
        problems.append(f"the Background has {len(feature.background.steps)} steps")
    for scenario in feature.walk_scenarios(with_outlines=True):
        whens = [step for step in scenario.steps if step.step_type == "when"]
        if len(whens) != 1:
            problems.append(f"line {scenario.line}: {len(whens)} When steps (one expected)")
        if len(scenario.steps) > MAX_STEPS:
            problems.append(f"line {scenario.line}: {len(scenario.steps)} steps")
        problems += [
            f"line {step.line}: a Then without 'should': {step.name}"
            for step in scenario.steps
            if step.step_type == "then" and "should" not in step.name
        ]

    assert problems == [], f"{_name(path)}: " + "; ".join(problems)
