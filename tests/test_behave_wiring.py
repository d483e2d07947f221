"""The behave glue, exercised the way users meet it: behave runs in a subprocess."""

from __future__ import annotations

import re

import pytest

from tests.behave_runs import failing_feature, run_behave

FRESH = "features/server_scopes/fresh_server.feature"
SHARED = "features/server_scopes/shared_server.feature"


def test_a_wrong_expectation_fails_with_expected_actual_request_and_response() -> None:
    run = run_behave(failing_feature("wrong_expectations.feature"), "-n", "Wrong status")

    assert run.failed
    assert "1 failed" in run.output
    assert "Response status: expected 201, got 200." in run.output
    assert "GET http://127.0.0.1:" in run.output  # the request
    assert '"message": "OK"' in run.output  # the response body, pretty-printed
    assert "curl -i http://127.0.0.1:" in run.output


def test_fresh_servers_are_the_default() -> None:
    run = run_behave(FRESH)

    assert not run.failed, run.output
    assert "2 scenarios passed" in run.output


@pytest.mark.parametrize("scope", ["feature", "run"])
def test_a_shared_default_scope_lets_state_carry_over(scope: str) -> None:
    # The fresh-server feature expects a count of 1 twice: on a shared server the second
    # scenario sees 2, which proves the userdata default was applied.
    run = run_behave(FRESH, "-D", f"server_scope={scope}")

    assert run.failed
    assert "$.visits: expected 1, got 2" in run.output


def test_feature_and_scenario_tags_choose_the_scope() -> None:
    run = run_behave(SHARED)

    assert not run.failed, run.output
    assert "3 scenarios passed" in run.output


def test_a_run_scoped_server_is_shared_across_features() -> None:
    # Two features tagged @fixture.server.per_run: the second one sees the first's visit.
    run = run_behave("tests/scope_features")

    assert not run.failed, run.output
    assert "2 scenarios passed" in run.output


def test_an_app_that_cannot_be_imported_is_reported_by_name() -> None:
    run = run_behave(FRESH, "-D", "app=no_such_package.app:app")

    assert run.failed
    assert run.output.count("Server did not start: could not import the app") == 1
    assert "No module named 'no_such_package'" in run.output
    # The second scenario is not retried: it names the first and the cause in one line.
    assert (
        "The app failed to start in scenario 'The first scenario sees an untouched server' "
        f"({FRESH}:6); not retried: could not import the app 'no_such_package.app:app': "
        "No module named 'no_such_package'."
    ) in run.output
    assert "Traceback" not in run.output


def test_an_unknown_server_scope_is_reported_with_the_valid_ones() -> None:
    run = run_behave(FRESH, "-D", "server_scope=everything")

    assert run.failed
    assert "server_scope='everything' in behave userdata" in run.output
    assert "is not one of scenario, feature, run. Write for example -D server_scope=feature." in (
        run.output
    )


def test_an_unknown_server_tag_is_reported_with_the_valid_ones() -> None:
    run = run_behave(failing_feature("unknown_server_tag.feature"))

    assert run.failed
    assert "Unknown server tag @fixture.server.per_step" in run.output
    assert "@fixture.server.per_feature" in run.output


def test_bad_step_input_fails_the_step_without_a_traceback() -> None:
    run = run_behave(failing_feature("bad_input.feature"))

    assert run.failed
    assert "3 failed" in run.output
    assert "The JSON doc-string is not valid JSON" in run.output
    # The column is Python's: 16 up to 3.12 ("Expecting property name"), 15 from 3.13
    # ("Illegal trailing comma"); either way the message points into the doc-string.
    assert re.search(r"line 1, column 1[56]:", run.output)
    assert "'GET/1.1' is not an HTTP method" in run.output
    assert "The expected value OK is not a JSON value" in run.output
    assert "Traceback" not in run.output


def test_the_api_features_also_pass_on_one_shared_server() -> None:
    # What the README promises: only the feature that specifies fresh servers needs them.
    run = run_behave("features/api", "-D", "server_scope=run")

    assert not run.failed, run.output
