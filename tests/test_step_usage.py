"""Every step of the kit's library is used by at least one scenario of the passing suite."""

from __future__ import annotations

import inspect
from collections.abc import Iterator
from typing import Any

import pytest
from behave.parser import parse_file
from behave.step_registry import registry

import behave_live.bdd.steps  # noqa: F401 - registers the steps
from tests.behave_runs import ROOT

FEATURES = ROOT / "features"


def _feature_steps() -> Iterator[tuple[str, str]]:
    """(keyword type, text) of every step written in features/, outlines expanded."""
    for path in sorted(FEATURES.rglob("*.feature")):
        feature = parse_file(str(path))
        backgrounds = [feature.background] if feature.background else []
        for scenario in [*backgrounds, *feature.walk_scenarios(with_outlines=True)]:
            for step in scenario.steps:
                yield step.step_type, step.name


WRITTEN = list(_feature_steps())


def _kit_matchers() -> list[Any]:
    return [
        matcher
        for matchers in registry.steps.values()
        for matcher in matchers
        if inspect.unwrap(matcher.func).__module__.startswith("behave_live.bdd.steps.")
    ]


@pytest.mark.parametrize("matcher", _kit_matchers(), ids=lambda matcher: matcher.pattern)
def test_the_step_is_used_in_a_passing_feature(matcher: Any) -> None:
    used = [text for _, text in WRITTEN if matcher.match(text)]

    assert used, f"No scenario under features/ uses the step {matcher.pattern!r}."
