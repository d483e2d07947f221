"""In a behave run: a module-level app object leaks state between "fresh" servers, and says so.

The project serves tests/data/stateful_service (``app = Starlette(...)`` and a module-level
list); both scenarios expect to be the first visit.
"""

from __future__ import annotations

import pytest
from conftest import BehaveProject

VISITS = """\
Feature: Visits
  Scenario: The first visit
    When I send a POST request to "/visits"
    Then the JSON value at "$.visits" should be 1

  Scenario: Another first visit, on a fresh server
    When I send a POST request to "/visits"
    Then the JSON value at "$.visits" should be 1
"""

WARNING = (
    "AppIsolationWarning: The app 'stateful_service.main:app' is one object shared by every "
    "fresh server: module-level state in stateful_service.main carries from one scenario to "
    "the next. Give a factory instead:\n"
    "    def create_app():\n"
    "        return Starlette(...)   # then app = 'stateful_service.main:create_app'\n"
    "or set isolation = 'reimport' (isolation = 'off' silences this warning)."
)


@pytest.fixture
def project(behave_project: BehaveProject) -> BehaveProject:
    behave_project.feature("visits.feature", VISITS)
    return behave_project


def test_by_default_the_leak_is_shown_with_a_warning_once(project: BehaveProject) -> None:
    run = project.run("-D", "app=stateful_service.main:app")

    assert run.returncode == 1
    assert "1 scenario passed, 1 failed" in run.output
    assert "$.visits: expected 1, got 2" in run.output
    assert run.output.count(WARNING) == 1, run.output
    assert "stateful_service/main.py:18: AppIsolationWarning" in run.output


def test_isolation_reimport_gives_each_scenario_fresh_module_state(project: BehaveProject) -> None:
    run = project.run("-D", "app=stateful_service.main:app", "-D", "isolation=reimport")

    assert run.returncode == 0, run.output
    assert "2 scenarios passed, 0 failed" in run.output
    assert "AppIsolationWarning" not in run.output


def test_no_warning_when_servers_are_shared_on_purpose(project: BehaveProject) -> None:
    run = project.run("-D", "app=stateful_service.main:app", "-D", "server_scope=feature")

    assert "$.visits: expected 1, got 2" in run.output
    assert "AppIsolationWarning" not in run.output
