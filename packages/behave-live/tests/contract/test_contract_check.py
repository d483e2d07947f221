"""The contract check on real exchanges: a fixture app whose answers break its own document.

The app serves tasks; one route answers ``priority`` as a word where the document says
integer (an undocumented field type), one answers a status the document does not list.
Each violation must fail with the operation, the JSON path and the rule, pinned here.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import yaml
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, StreamingResponse
from starlette.routing import Route

from behave_live.contract import Contract, ContractProvider, load_contract
from behave_live.errors import ContractViolationError, SettingsError
from behave_live.http.session import HttpSession
from behave_live.server.live_server import UvicornTestServer

DOCUMENT = """\
openapi: 3.1.0
info: {title: tasks, version: "1"}
paths:
  /tasks/{task_id}:
    parameters:
      - {name: task_id, in: path, required: true, schema: {type: integer}}
    get:
      operationId: getTask
      responses:
        "200":
          description: One task.
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Task"}
  /tasks:
    post:
      operationId: addTask
      requestBody:
        required: true
        content:
          application/json:
            schema:
              type: object
              required: [title]
              properties:
                title: {type: string, minLength: 1}
      responses:
        "201":
          description: Added.
          content:
            application/json:
              schema: {$ref: "#/components/schemas/Task"}
  /located:
    get:
      responses:
        "200":
          description: Where it is.
          headers:
            Location: {schema: {type: string}, required: true}
  /events:
    get:
      responses:
        "200":
          description: The events (documented as JSON only).
          content:
            application/json:
              schema: {type: object}
  /problem:
    get:
      responses:
        "404":
          description: Not found.
          content:
            application/problem+json:
              schema:
                type: object
                required: [title]
                properties:
                  title: {type: string}
components:
  schemas:
    Task:
      type: object
      required: [id, title, priority]
      properties:
        id: {type: integer}
        title: {type: string}
        priority: {type: integer}
"""


async def get_task(request: Request) -> JSONResponse:
    task_id = request.path_params["task_id"]
    if task_id == 2:  # the broken answer: priority as a word, not the documented integer
        return JSONResponse({"id": 2, "title": "Oil the gears", "priority": "high"})
    if task_id == 3:  # a status the document does not list
        return JSONResponse({"detail": "gone"}, status_code=410)
    return JSONResponse({"id": task_id, "title": "Oil the gears", "priority": 1})


async def add_task(request: Request) -> JSONResponse:
    body: dict[str, Any] = await request.json()
    return JSONResponse({"id": 7, "title": body.get("title"), "priority": 1}, status_code=201)


async def problem(request: Request) -> JSONResponse:
    return JSONResponse({"title": 404}, status_code=404, media_type="application/problem+json")


async def events(request: Request) -> StreamingResponse:
    async def stream() -> Any:
        yield "data: one\n\n"

    return StreamingResponse(stream(), media_type="text/event-stream; charset=utf-8")


async def located(request: Request) -> JSONResponse:
    return JSONResponse({})  # without the Location header the document requires


async def openapi_json(request: Request) -> JSONResponse:
    return JSONResponse(yaml.safe_load(DOCUMENT))


def create_app() -> Starlette:
    return Starlette(
        routes=[
            Route("/tasks/{task_id:int}", get_task, methods=["GET"]),
            Route("/tasks", add_task, methods=["POST"]),
            Route("/problem", problem, methods=["GET"]),
            Route("/located", located, methods=["GET"]),
            Route("/events", events, methods=["GET"]),
            Route("/nowhere", get_task, methods=["GET"]),
            Route("/openapi.json", openapi_json, methods=["GET"]),
        ]
    )


@pytest.fixture(scope="module")
def server() -> Iterator[UvicornTestServer]:
    with UvicornTestServer(create_app, lifespan="off") as running:
        yield running


@pytest.fixture(scope="module")
def contract(tmp_path_factory: pytest.TempPathFactory) -> Contract:
    path = tmp_path_factory.mktemp("contract") / "openapi.yaml"
    path.write_text(DOCUMENT, encoding="utf-8")
    return load_contract(path)


@pytest.fixture
def http(server: UvicornTestServer, contract: Contract) -> Iterator[HttpSession]:
    with HttpSession(server.base_url) as session:
        session.exchange_listeners.append(contract.check)
        yield session


def violation(http: HttpSession, method: str, path: str, **arguments: Any) -> str:
    with pytest.raises(ContractViolationError) as caught:
        http.request(method, path, **arguments)
    return caught.value.summary


def test_a_documented_exchange_passes(http: HttpSession) -> None:
    assert http.get("/tasks/1").json()["priority"] == 1
    assert http.post("/tasks", json={"title": "Write"}).status_code == 201


def test_an_undocumented_field_type_is_caught(http: HttpSession, contract: Contract) -> None:
    summary = violation(http, "GET", "/tasks/2")

    assert summary.startswith(
        f"The exchange breaks the OpenAPI contract ({contract.label}): "
        "GET /tasks/{task_id} (getTask), 1 violation:\n"
        '  response body $.priority: expected type "integer", got "high" '
        "('high' is not of type 'integer')"
    ), summary
    # A response violation is the service's (or the document's) fault: no hint about
    # turning the check off.
    assert "@no_contract" not in summary


def test_the_failure_shows_the_exchange_too(http: HttpSession) -> None:
    with pytest.raises(ContractViolationError) as caught:
        http.get("/tasks/2")

    message = str(caught.value)
    assert "Request:\n" in message
    assert "Response:\n" in message
    assert caught.value.operation == "GET /tasks/{task_id} (getTask)"
    assert caught.value.violations == [
        'response body $.priority: expected type "integer", got "high" '
        "('high' is not of type 'integer')"
    ]


def test_an_undocumented_status_is_reported(http: HttpSession) -> None:
    summary = violation(http, "GET", "/tasks/3")

    assert "GET /tasks/{task_id} (getTask), 1 violation:\n" in summary
    assert "  response status: expected a documented status (200), got 410" in summary
    # FastAPI leaves an HTTPException's status undocumented: say how to document it.
    assert summary.endswith(
        "\nDocument the status on the route (FastAPI: responses={410: "
        '{"description": "..."}}), or, if the scenario expects this undocumented answer on '
        "purpose, tag it @no_contract or add the step: Given the contract check is off"
    )


def test_an_undocumented_streamed_media_type_says_how_to_document_it(http: HttpSession) -> None:
    summary = violation(http, "GET", "/events", stream=True)

    assert (
        "  response Content-Type: expected a documented media type (application/json), "
        "got 'text/event-stream; charset=utf-8'"
    ) in summary
    assert summary.endswith(
        "\nDocument the media type on the route (FastAPI: response_class=StreamingResponse, "
        'responses={200: {"content": {"text/event-stream": {}}}}).'
    )


def test_an_undocumented_route_is_reported(http: HttpSession) -> None:
    summary = violation(http, "GET", "/nowhere")

    assert "GET /nowhere, 1 violation:\n" in summary
    assert "  route: expected a documented path, got '/nowhere' (no path matches)" in summary
    assert "tag the scenario @no_contract or add the step: Given the contract check is off" in (
        summary
    )


def test_an_undocumented_method_is_reported(http: HttpSession) -> None:
    summary = violation(http, "DELETE", "/tasks")

    assert "  operation: expected a documented method of /tasks (POST), got DELETE" in summary


def test_an_invalid_request_body_names_its_path_and_rule(http: HttpSession) -> None:
    summary = violation(http, "POST", "/tasks", json={"title": ""})

    assert "POST /tasks (addTask), 1 violation:\n" in summary
    assert "  request body $.title: expected minLength 1, got \"\" ('' should be non-empty)" in (
        summary
    )
    assert "Given the contract check is off" in summary


def test_a_missing_required_header_is_reported(http: HttpSession) -> None:
    summary = violation(http, "GET", "/located")

    assert (
        "  response header 'Location': expected the header (documented as required), got none"
        in (summary)
    )


def test_a_json_suffix_media_type_is_read_as_json(http: HttpSession) -> None:
    summary = violation(http, "GET", "/problem")

    assert '  response body $.title: expected type "string", got 404' in summary


def test_a_head_request_is_not_faulted_for_its_missing_body(server: UvicornTestServer) -> None:
    document = yaml.safe_load(DOCUMENT)
    task = document["paths"]["/tasks/{task_id}"]
    task["head"] = {**task["get"], "operationId": "headTask"}
    with HttpSession(server.base_url) as session:
        session.exchange_listeners.append(_contract_from_text(yaml.safe_dump(document)).check)

        assert session.head("/tasks/1").status_code == 200


def test_secrets_are_masked_in_violations(http: HttpSession) -> None:
    http.secrets.add("high")
    summary = violation(http, "GET", "/tasks/2")

    assert "high" not in summary
    assert "$.priority: expected type" in summary


def test_the_served_document_is_fetched_once(server: UvicornTestServer) -> None:
    provider = ContractProvider("app", "/openapi.json")

    first = provider.contract(server.base_url)

    assert provider.contract(server.base_url) is first
    assert first.label == "/openapi.json"


def test_a_document_the_app_does_not_serve_fails_every_time(server: UvicornTestServer) -> None:
    provider = ContractProvider("app", "/docs/openapi.json")

    for _ in range(2):
        with pytest.raises(SettingsError) as caught:
            provider.contract(server.base_url)
        assert str(caught.value).startswith(
            "Could not fetch the OpenAPI document the app serves at /docs/openapi.json: "
            "GET /docs/openapi.json answered 404 Not Found. Check that the app serves its "
            "OpenAPI document there, or name the path with the openapi_url setting"
        )


def _contract_from_text(text: str) -> Contract:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "openapi.yaml"
        path.write_text(text, encoding="utf-8")
        return load_contract(path)
