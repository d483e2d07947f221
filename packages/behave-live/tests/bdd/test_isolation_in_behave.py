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
    "AppIsolationWarning: The app 'stateful_service.main:app' is one object served by every "
    "server of this run (a fresh one per scenario): module-level state in "
    "stateful_service.main carries from one server to the next, so a scenario does not start "
    "from fresh state.\n"
    "A factory gives every server a new app object, but module-level globals (a dict its "
    "routes use) still live for the whole run: create the state inside the factory (or in the "
    "app's lifespan):\n"
    "    def create_app():\n"
    "        app = Starlette(...)\n"
    "        app.state.items = {}   # routes use request.app.state.items\n"
    "        return app\n"
    "then app = 'stateful_service.main:create_app'. Or set isolation = 'reimport' to import the "
    "app's package afresh for every server, with an app or a factory (isolation = 'off' "
    "silences this warning)."
)

# The same visits, in a second feature: one server per feature still means two servers.
MORE_VISITS = VISITS.replace("Feature: Visits", "Feature: More visits")


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


def test_no_warning_when_one_server_serves_the_whole_run(project: BehaveProject) -> None:
    run = project.run("-D", "app=stateful_service.main:app", "-D", "server_scope=feature")

    assert "$.visits: expected 1, got 2" in run.output  # shared on purpose: one server
    assert "AppIsolationWarning" not in run.output


def test_a_server_per_feature_is_warned_about_when_there_are_two_features(
    project: BehaveProject,
) -> None:
    project.feature("more_visits.feature", MORE_VISITS)
    run = project.run("-D", "app=stateful_service.main:app", "-D", "server_scope=feature")

    # The second feature's "fresh" server starts with the first feature's visits.
    assert "$.visits: expected 1, got 3" in run.output
    assert run.output.count("AppIsolationWarning: ") == 1, run.output
    assert "is one object served by every server of this run (one per feature)" in run.output


def test_a_per_scenario_tag_in_a_shared_run_is_warned_about(project: BehaveProject) -> None:
    project.feature(
        "more_visits.feature",
        "@fixture.server.per_scenario\n" + MORE_VISITS,
    )
    run = project.run("-D", "app=stateful_service.main:app", "-D", "server_scope=run")

    assert run.output.count("AppIsolationWarning: ") == 1, run.output
    assert "served by every server of this run (a fresh one per scenario, one for the run)" in (
        run.output
    )


def test_no_warning_for_a_single_fresh_server(project: BehaveProject) -> None:
    run = project.run("-D", "app=stateful_service.main:app", "-n", "The first visit")

    assert "1 scenario passed" in run.output, run.output
    assert "AppIsolationWarning" not in run.output
