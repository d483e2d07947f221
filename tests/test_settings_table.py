"""The README's table of settings is the one generated from behave_live.settings."""

from __future__ import annotations

from behave_live.settings_reference import stale_reason
from tests.behave_runs import ROOT


def test_the_readme_settings_table_is_up_to_date() -> None:
    problem = stale_reason(ROOT / "README.md")

    assert problem is None, problem
