"""In a behave run: servers bound beyond loopback say so once, where the user sees it.

behave hides what a passing scenario prints, so the warning is given before the scenarios
run; the servers of every scenario then bind the same address and stay quiet.
"""

from __future__ import annotations

from conftest import BehaveProject

VISITS = """\
Feature: Visits
  Scenario: A visit
    When I send a POST request to "/visits"
    Then the response status should be 200

  Scenario: Another visit, on another fresh server
    When I send a POST request to "/visits"
    Then the response status should be 200
"""


def test_a_run_on_every_interface_warns_once_and_still_passes(
    behave_project: BehaveProject,
) -> None:
    behave_project.feature("visits.feature", VISITS)

    run = behave_project.run(
        "-D", "app=stateful_service.main:app", "-D", "isolation=off", "-D", "host=0.0.0.0"
    )

    assert run.returncode == 0, run.output
    assert "2 scenarios passed, 0 failed" in run.output
    assert run.output.count("ExposedServerWarning: The test server listens on 0.0.0.0, ") == 1
    assert "anyone on the network can reach the app under test" in run.output
