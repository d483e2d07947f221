"""The GraphQL steps: the features pass, and each wrong answer fails with a pinned message.

A GraphQL answer with ``errors`` fails the step that sent the query, every error's message
and path listed, unless a later step checks the errors; bad input fails its step clearly.
"""

from __future__ import annotations

import pytest

from tests.behave_runs import run_behave
from tests.test_response_steps import assert_fails_with

FEATURE = "graphql_errors.feature"
_ON_PURPOSE = (
    "If the scenario expects errors, check them with a later step such as: "
    'Then the GraphQL errors should include "..."'
)

EXPECTED_FAILURES = {
    FEATURE: {
        "A query for a task that does not exist": [
            "ASSERT FAILED: The GraphQL response carries 1 error:\n"
            "        There is no task 999 on your team's board. (at task)\n"
            f"      {_ON_PURPOSE}"
        ],
        "A query for a field the schema does not have": [
            "The GraphQL response carries 1 error:\n"
            "        Cannot query field 'colour' on type 'Summary'.\n"
        ],
        "An error other than the one expected": [
            "GraphQL errors: expected one saying 'not allowed', got:\n"
            "        There is no task 999 on your team's board. (at task)"
        ],
        "An error expected that does not come": [
            "GraphQL errors: expected one saying 'not allowed', but the response carries none."
        ],
        "A query without a doc-string": [
            "The step sends a GraphQL query, but no doc-string follows it. Put the query "
            'between two lines of """ right below the step.'
        ],
        "Variables that are not an object": [
            'The GraphQL variables must be a JSON object, such as {"id": 7}: one member per '
            "variable of the query."
        ],
    }
}


@pytest.mark.parametrize(
    ("scenario", "fragments"), list(EXPECTED_FAILURES[FEATURE].items()), ids=str
)
def test_the_scenario_fails_with_the_graphql_errors(scenario: str, fragments: list[str]) -> None:
    assert_fails_with(FEATURE, scenario, fragments)


def test_a_wrong_dashboard_fails_in_the_dashboards_words() -> None:
    assert_fails_with(
        "dashboard_wrong_expectations.feature",
        "A wrong count",
        [
            "ASSERT FAILED: Bob should have seen on the dashboard 2 tasks: 2 to do, 0 in "
            "progress, 0 done, but Bob's dashboard showed 1 task: 1 to do, 0 in progress, 0 done."
        ],
    )


def test_the_graphql_features_pass() -> None:
    run = run_behave("features/api/graphql")

    assert not run.failed, run.output
    assert "0 failed" in run.output
