"""The contract check in behave runs: features pass with it on, violations fail pinned.

The project's userdata turns the check on (``openapi = app/openapi.yaml``), so the plain
``uv run behave`` run (CI's) proves that features/api and features/board honour the
document. Here: a request that breaks it, an undocumented route, method or parameter type
fail their step; against a document that describes the service wrongly, an answer with
an undocumented field type and an undocumented status do too. Bad settings stop the run.
"""

from __future__ import annotations

import pytest

from tests.behave_runs import failing_feature, run_behave
from tests.test_response_steps import summary_of

FEATURE = "contract_violations.feature"
WRONG_DOCUMENT = "tests/failing_features/contract_violations.yaml"
_ON_PURPOSE = (
    "If the scenario sends this request on purpose (to see the service refuse it), tag the "
    "scenario @no_contract or add the step: Given the contract check is off"
)

# scenario -> (the document, the summary's first lines)
EXPECTED = {
    "A request body that breaks the documented schema": (
        "app/openapi.yaml",
        "The exchange breaks the OpenAPI contract (app/openapi.yaml): POST /board/users "
        "(registerUser), 1 violation:\n"
        '        request body $.name: expected type "string", got 42 '
        "(42 is not of type 'string')\n"
        f"      {_ON_PURPOSE}",
    ),
    "A route the document does not have": (
        "app/openapi.yaml",
        "The exchange breaks the OpenAPI contract (app/openapi.yaml): GET /no/such/route, "
        "1 violation:\n"
        "        route: expected a documented path, got '/no/such/route' (no path matches)\n"
        f"      {_ON_PURPOSE}",
    ),
    "A method the document does not have": (
        "app/openapi.yaml",
        "The exchange breaks the OpenAPI contract (app/openapi.yaml): PUT /health, "
        "1 violation:\n"
        "        operation: expected a documented method of /health (GET), got PUT\n"
        f"      {_ON_PURPOSE}",
    ),
    "A query parameter of the wrong type": (
        "app/openapi.yaml",
        "The exchange breaks the OpenAPI contract (app/openapi.yaml): GET /slow (slowAnswer), "
        "1 violation:\n"
        '        query parameter \'ms\': expected type "integer", got "soon"\n'
        f"      {_ON_PURPOSE}",
    ),
    "An answer with a field of an undocumented type": (
        WRONG_DOCUMENT,
        f"The exchange breaks the OpenAPI contract ({WRONG_DOCUMENT}): GET /health (health), "
        "1 violation:\n"
        '        response body $.message: expected type "integer", got "OK" '
        "('OK' is not of type 'integer')\n",
    ),
    "An answer with an undocumented status": (
        WRONG_DOCUMENT,
        f"The exchange breaks the OpenAPI contract ({WRONG_DOCUMENT}): "
        "GET /samples/catalog/items/{sku} (catalogItem), 1 violation:\n"
        "        response status: expected a documented status (200), got 404\n",
    ),
}


def _blocks(document: str) -> dict[str, str]:
    run = run_behave(failing_feature(FEATURE), "-D", f"openapi={document}")
    assert run.failed, run.output
    blocks: dict[str, str] = {}
    for chunk in run.output.split("\n  Scenario: ")[1:]:
        name = chunk.split("  #", 1)[0].strip()
        blocks[name] = chunk
    return blocks


@pytest.fixture(scope="module")
def blocks() -> dict[str, dict[str, str]]:
    return {document: _blocks(document) for document in {doc for doc, _ in EXPECTED.values()}}


@pytest.mark.parametrize("scenario", list(EXPECTED), ids=str)
def test_the_violation_names_the_operation_path_and_rule(
    blocks: dict[str, dict[str, str]], scenario: str
) -> None:
    document, expected = EXPECTED[scenario]
    block = blocks[document][scenario]

    summary = summary_of(block)
    assert summary.startswith(f"ASSERT FAILED: {expected}"), summary
    assert "Traceback" not in block


def test_a_missing_document_stops_the_run_naming_the_file() -> None:
    run = run_behave("features/api/service", "-D", "openapi=no/such/openapi.yaml")

    assert run.failed
    assert "The OpenAPI document 'no/such/openapi.yaml' (the openapi setting) does not exist" in (
        run.output
    )
    assert "Traceback" not in run.output


def test_the_served_document_can_be_the_contract() -> None:
    run = run_behave("features/api/contract", "-D", "openapi=app")

    assert not run.failed, run.output


def test_a_document_the_app_does_not_serve_fails_the_step_saying_where() -> None:
    run = run_behave(
        "features/api/service/health.feature", "-D", "openapi=app", "-D", "openapi_url=/docs"
    )

    assert run.failed
    assert (
        "Could not fetch the OpenAPI document the app serves at /docs: GET /docs answered "
        "404 Not Found. Check that the app serves its OpenAPI document there, or name the "
        "path with the openapi_url setting, or point the openapi setting at a file."
    ) in run.output
    assert "Traceback" not in run.output
