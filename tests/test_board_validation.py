"""The task board's input checks: 400 for unreadable bodies, 422 listing every field error.

Each test sends one bad request to a fresh board (real uvicorn server) and checks the
``application/problem+json`` answer: its ``detail`` sentence and its ``errors`` list.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
import requests

from app.board import create_board_app
from behave_live import UvicornTestServer

REQUEST_TIMEOUT = 10.0
VALIDATION = "https://example.com/problems/validation"
NOT_A_PATCH_FIELD = (
    "is not a field of a task update; use 'title', 'description', 'status', 'assignee', "
    "'due_date', 'version'."
)


class Client:
    """Alice's session on a fresh board (team Apollo), with Zoe registered in team Zeus."""

    def __init__(self, server: UvicornTestServer) -> None:
        self.base_url = server.base_url
        self.session = requests.Session()
        for name, team in (("Alice", "Apollo"), ("Zoe", "Zeus")):
            response = self.send("POST", "/board/users", json={"name": name, "team": team})
            if name == "Alice":
                self.session.headers["Authorization"] = f"Bearer {response.json()['token']}"

    def send(self, method: str, path: str, **kwargs: Any) -> requests.Response:
        return self.session.request(method, self.base_url + path, timeout=REQUEST_TIMEOUT, **kwargs)


@pytest.fixture
def client() -> Iterator[Client]:
    with UvicornTestServer(create_board_app) as server:
        client = Client(server)
        yield client
        client.session.close()


def field_errors(response: requests.Response) -> dict[str, str]:
    """Check ``response`` is a 422 validation problem; return its errors as field -> message."""
    assert response.status_code == 422, response.text
    assert response.headers["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert problem["type"] == VALIDATION
    assert problem["title"] == "Your request is not valid"
    assert problem["status"] == 422
    assert f"The request has {len(problem['errors'])} invalid field" in problem["detail"]
    assert all(error.keys() == {"field", "message"} for error in problem["errors"])
    return {error["field"]: error["message"] for error in problem["errors"]}


def bad_request_detail(response: requests.Response) -> str:
    """Check ``response`` is a 400 problem; return its detail."""
    assert response.status_code == 400, response.text
    assert response.headers["Content-Type"] == "application/problem+json"
    problem = response.json()
    assert (problem["type"], problem["title"], problem["status"]) == (
        "about:blank",
        "Bad Request",
        400,
    )
    detail: str = problem["detail"]
    return detail


# -- unreadable bodies: 400 -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "detail"),
    [
        (b'{"title": ', "The request body is not valid JSON: Expecting value"),
        (b"", "The request body is empty; send a JSON object."),
        (b"  \n", "The request body is empty"),
        (b'["title"]', "The request body must be a JSON object, not an array."),
        (b'"a title"', "The request body must be a JSON object, not a string."),
        (b"42", "must be a JSON object, not a number."),
        (b"null", "must be a JSON object, not null."),
        (b'{"title": NaN}', "not valid JSON: NaN is not a JSON value"),
        (b'{"title": "\xff"}', "The request body is not valid JSON"),
        (b"[" * 10_000 + b"]" * 10_000, "nested too deeply"),
    ],
    ids=[
        "truncated",
        "empty",
        "blank",
        "array",
        "string",
        "number",
        "null",
        "nan",
        "latin1",
        "deep",
    ],
)
@pytest.mark.parametrize("endpoint", [("POST", "/board/tasks"), ("PATCH", "/board/tasks/1")])
def test_an_unreadable_body_is_a_400(
    client: Client, endpoint: tuple[str, str], body: bytes, detail: str
) -> None:
    client.send("POST", "/board/tasks", json={"title": "Exists"})

    response = client.send(*endpoint, data=body, headers={"Content-Type": "application/json"})

    assert detail in bad_request_detail(response)


def test_registration_reads_its_body_the_same_way(client: Client) -> None:
    response = client.send("POST", "/board/users", data=b"[]")

    assert "must be a JSON object, not an array" in bad_request_detail(response)


def test_a_body_over_64_kib_is_a_413_problem(client: Client) -> None:
    response = client.send("POST", "/board/tasks", json={"description": "x" * 70_000})

    assert response.status_code == 413
    assert response.headers["Content-Type"] == "application/problem+json"
    assert response.json()["title"] == "Content Too Large"
    assert "at most 65536 bytes" in response.json()["detail"]


# -- creating a task: every field error at once -----------------------------------------------


def test_every_field_error_is_listed_at_once(client: Client) -> None:
    response = client.send(
        "POST",
        "/board/tasks",
        json={
            "title": "   ",
            "description": "d" * 2001,
            "status": "finished",
            "assignee": "Zoe",
            "due_date": "31/12/2030",
            "priority": "high",
        },
    )

    errors = field_errors(response)
    assert errors == {
        "priority": "priority is not a field of a new task; use 'title', 'description', "
        "'status', 'assignee', 'due_date'.",
        "title": "title must not be blank.",
        "description": "description must be at most 2000 characters long, not 2001.",
        "status": "status must be one of 'todo', 'doing', 'done', not 'finished'.",
        "due_date": "due_date must be a date written YYYY-MM-DD (such as 2030-12-31), "
        "not '31/12/2030'.",
        "assignee": "assignee 'Zoe' is not a member of team Apollo; a task can be assigned "
        "only to a member of its team.",
    }
    assert response.json()["detail"] == (
        "The request has 6 invalid fields (priority, title, description, status, due_date, "
        "assignee): see 'errors' for each."
    )


def test_a_missing_title_is_required(client: Client) -> None:
    errors = field_errors(client.send("POST", "/board/tasks", json={"description": "No title"}))

    assert errors == {"title": "title is required."}
    assert client.send("GET", "/board/tasks").json()["total"] == 0


@pytest.mark.parametrize(
    ("title", "error"),
    [
        (None, "title is required."),
        ("", "title must not be blank."),
        (7, "title must be a string, not a number."),
        (["a"], "title must be a string, not an array."),
        (True, "title must be a string, not a boolean."),
        ("t" * 201, "title must be at most 200 characters long (after trimming), not 201."),
        ("Tab\there", "title must be one line, without control characters such as tabs."),
        ("Two\nlines", "title must be one line, without control characters such as tabs."),
        ("\ud800", "title must be valid Unicode text; it contains a lone surrogate."),
    ],
)
def test_a_bad_title_is_a_422(client: Client, title: object, error: str) -> None:
    response = client.send("POST", "/board/tasks", json={"title": title})

    assert field_errors(response) == {"title": error}


@pytest.mark.parametrize("title", ["t" * 200, "  " + "t" * 200 + "  ", "Ünïcødé ✓ 任务"])
def test_titles_up_to_200_characters_after_trimming_are_fine(client: Client, title: str) -> None:
    response = client.send("POST", "/board/tasks", json={"title": title})

    assert response.status_code == 201, response.text
    assert response.json()["title"] == title.strip()


def test_a_description_of_2000_characters_is_fine(client: Client) -> None:
    response = client.send("POST", "/board/tasks", json={"title": "t", "description": "d" * 2000})

    assert response.status_code == 201


@pytest.mark.parametrize(
    ("due_date", "error"),
    [
        ("2030-02-30", "due_date '2030-02-30' is not a day of the calendar."),
        ("20301231", "not '20301231'."),
        ("2030-12-31T10:00:00", "not '2030-12-31T10:00:00'."),
        ("2030-1-5", "not '2030-1-5'."),
        (20301231, "not a number."),
    ],
)
def test_a_bad_due_date_is_a_422(client: Client, due_date: object, error: str) -> None:
    response = client.send("POST", "/board/tasks", json={"title": "t", "due_date": due_date})

    message = field_errors(response)["due_date"]
    assert message.endswith(error)


@pytest.mark.parametrize("assignee", ["Zoe", "Nobody"])
def test_an_assignee_outside_the_team_is_a_422_that_does_not_say_who_exists(
    client: Client, assignee: str
) -> None:
    response = client.send("POST", "/board/tasks", json={"title": "t", "assignee": assignee})

    assert field_errors(response) == {
        "assignee": f"assignee {assignee!r} is not a member of team Apollo; a task can be "
        "assigned only to a member of its team."
    }


def test_status_cannot_be_null(client: Client) -> None:
    response = client.send("POST", "/board/tasks", json={"title": "t", "status": None})

    assert field_errors(response) == {
        "status": "status cannot be null; use 'todo', 'doing', 'done'."
    }


# -- updating a task --------------------------------------------------------------------------


@pytest.fixture
def task(client: Client) -> dict[str, Any]:
    created: dict[str, Any] = client.send("POST", "/board/tasks", json={"title": "Task"}).json()
    return created


@pytest.mark.parametrize(
    ("body", "errors"),
    [
        ({"title": None}, {"title": "title is required."}),
        ({"tittle": "typo"}, {"tittle": f"tittle {NOT_A_PATCH_FIELD}"}),
        ({"version": "1"}, {"version": "version must be a whole number of at least 1 (the "
                            "task's version as you last saw it), not a string."}),
        ({"version": True}, {"version": "version must be a whole number of at least 1 (the "
                             "task's version as you last saw it), not a boolean."}),
        ({"version": 0}, {"version": "version must be a whole number of at least 1 (the "
                          "task's version as you last saw it), not 0."}),
        ({"version": 1.5}, {"version": "version must be a whole number of at least 1 (the "
                            "task's version as you last saw it), not 1.5."}),
        ({"id": 9, "team": "Zeus"}, {"id": f"id {NOT_A_PATCH_FIELD}",
                                     "team": f"team {NOT_A_PATCH_FIELD}"}),
    ],
    ids=["null-title", "unknown", "version-string", "version-bool", "version-0", "version-float",
         "read-only"],
)  # fmt: skip
def test_a_bad_update_is_a_422_and_changes_nothing(
    client: Client, task: dict[str, Any], body: dict[str, Any], errors: dict[str, str]
) -> None:
    response = client.send("PATCH", "/board/tasks/1", json=body)

    assert field_errors(response) == errors
    assert client.send("GET", "/board/tasks/1").json() == task


def test_an_update_lists_all_its_field_errors_at_once(client: Client, task: dict[str, Any]) -> None:
    response = client.send(
        "PATCH",
        "/board/tasks/1",
        json={"title": "", "status": None, "assignee": "Zoe", "due_date": "soon", "version": -1},
    )

    assert list(field_errors(response)) == ["title", "status", "due_date", "version", "assignee"]


def test_field_errors_come_before_a_missing_task(client: Client) -> None:
    response = client.send("PATCH", "/board/tasks/99", json={"title": ""})

    assert field_errors(response) == {"title": "title must not be blank."}


# -- registering ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "errors"),
    [
        ({}, {"name": "name is required.", "team": "team is required."}),
        ({"name": " ", "team": "Apollo"}, {"name": "name must not be blank."}),
        ({"name": "n" * 51, "team": "Apollo"},
         {"name": "name must be at most 50 characters long (after trimming), not 51."}),
        ({"name": "Eve", "team": "Apollo", "admin": True},
         {"admin": "admin is not a field of a registration; use 'name', 'team'."}),
        ({"name": 1, "team": None}, {"name": "name must be a string, not a number.",
                                     "team": "team is required."}),
    ],
    ids=["empty", "blank", "long", "unknown", "types"],
)  # fmt: skip
def test_a_bad_registration_is_a_422(
    client: Client, body: dict[str, Any], errors: dict[str, str]
) -> None:
    response = client.send("POST", "/board/users", json=body)

    assert field_errors(response) == errors


# -- the list's query string ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("query", "errors"),
    [
        ("limit=0", {"limit": "limit must be a whole number from 1 to 100, not '0'."}),
        ("limit=101", {"limit": "limit must be a whole number from 1 to 100, not '101'."}),
        ("limit=ten", {"limit": "limit must be a whole number from 1 to 100, not 'ten'."}),
        ("limit=%2B5", {"limit": "limit must be a whole number from 1 to 100, not '+5'."}),
        ("limit=1_0", {"limit": "limit must be a whole number from 1 to 100, not '1_0'."}),
        ("limit=%D9%A3", {"limit": "limit must be a whole number from 1 to 100, not '\u0663'."}),
        ("offset=-1", {"offset": "offset must be a whole number of 0 or more, not '-1'."}),
        ("offset=" + "9" * 30,
         {"offset": f"offset must be a whole number of 0 or more, not '{'9' * 30}'."}),
        ("status=finished",
         {"status": "status must be one of 'todo', 'doing', 'done', not 'finished'."}),
        ("assignee=", {"assignee": "assignee must not be blank."}),
        ("stauts=done", {"stauts": "stauts is not a query parameter here; use 'status', "
                                   "'assignee', 'limit', 'offset'."}),
        ("status=todo&status=done", {"status": "status must be given at most once, not 2 times."}),
    ],
)  # fmt: skip
def test_a_bad_list_query_is_a_422(client: Client, query: str, errors: dict[str, str]) -> None:
    response = client.send("GET", f"/board/tasks?{query}")

    assert field_errors(response) == errors


def test_a_bad_list_query_lists_every_error(client: Client) -> None:
    response = client.send("GET", "/board/tasks?limit=0&offset=x&status=no")

    assert list(field_errors(response)) == ["status", "limit", "offset"]


@pytest.mark.parametrize(
    "query", ["limit=1", "limit=100", "offset=0", "offset=9223372036854775807"]
)
def test_limits_at_the_edges_are_fine(client: Client, query: str) -> None:
    assert client.send("GET", f"/board/tasks?{query}").status_code == 200
