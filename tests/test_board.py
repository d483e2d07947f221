"""The task board's HTTP API, against a real uvicorn server: one fresh board per test.

Covers registration and tokens, tasks (create, read, list, update, complete, delete), team
isolation, optimistic concurrency, and the problem+json shape of every error. Field-level
validation lives in test_board_validation.py, the database's lifecycle in
test_board_lifespan.py.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any
from urllib.parse import urlsplit

import pytest
import requests

from app.board import create_board_app
from behave_live import UvicornTestServer

# Client-side timeout for every request, so a broken server fails a test instead of hanging it.
REQUEST_TIMEOUT = 10.0
PROBLEM_FIELDS = {"type", "title", "status", "detail", "instance"}


# -- helpers ----------------------------------------------------------------------------------


class Board:
    """A client for one board server: a keep-alive session plus token bookkeeping."""

    def __init__(self, server: UvicornTestServer) -> None:
        self.server = server
        self.session = requests.Session()

    def url(self, path: str) -> str:
        return self.server.base_url + path

    def call(
        self, method: str, path: str, token: str | None = None, **kwargs: Any
    ) -> requests.Response:
        headers = dict(kwargs.pop("headers", {}))
        if token is not None:
            headers["Authorization"] = f"Bearer {token}"
        return self.session.request(
            method, self.url(path), headers=headers, timeout=REQUEST_TIMEOUT, **kwargs
        )

    def register(self, name: str, team: str = "Apollo") -> str:
        response = self.call("POST", "/board/users", json={"name": name, "team": team})
        assert response.status_code == 201, response.text
        token: str = response.json()["token"]
        return token

    def create(self, token: str, **task: Any) -> dict[str, Any]:
        response = self.call("POST", "/board/tasks", token, json={"title": "A task", **task})
        assert response.status_code == 201, response.text
        created: dict[str, Any] = response.json()
        return created


@pytest.fixture
def server() -> Iterator[UvicornTestServer]:
    with UvicornTestServer(create_board_app) as running:
        yield running


@pytest.fixture
def board(server: UvicornTestServer) -> Iterator[Board]:
    client = Board(server)
    yield client
    client.session.close()


@pytest.fixture
def alice(board: Board) -> str:
    """The token of Alice, of team Apollo."""
    return board.register("Alice", "Apollo")


@pytest.fixture
def bob(board: Board) -> str:
    """The token of Bob, also of team Apollo."""
    return board.register("Bob", "Apollo")


@pytest.fixture
def zoe(board: Board) -> str:
    """The token of Zoe, of another team, Zeus."""
    return board.register("Zoe", "Zeus")


def assert_problem(
    response: requests.Response, status: int, *detail_parts: str, problem_type: str | None = None
) -> dict[str, Any]:
    """Check ``response`` is an RFC 9457 problem with ``status``; return its body."""
    assert response.status_code == status, response.text
    assert response.headers["Content-Type"] == "application/problem+json", response.headers
    problem: dict[str, Any] = response.json()
    assert problem.keys() >= PROBLEM_FIELDS, problem
    assert problem["status"] == status
    assert problem["instance"] == urlsplit(response.url).path
    assert problem["title"]
    if problem_type is not None:
        assert problem["type"] == problem_type
    for part in detail_parts:
        assert part in problem["detail"], f"{part!r} not in {problem['detail']!r}"
    return problem


# -- open endpoints ---------------------------------------------------------------------------


def test_health_answers_without_a_token(board: Board) -> None:
    response = board.call("GET", "/board/health")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}


def test_registration_returns_a_random_token_that_is_not_cached(board: Board) -> None:
    first = board.call("POST", "/board/users", json={"name": "Alice", "team": "Apollo"})
    second = board.call("POST", "/board/users", json={"name": "Bob", "team": "Apollo"})

    assert first.status_code == 201
    body = first.json()
    assert body.keys() == {"name", "team", "token"}
    assert (body["name"], body["team"]) == ("Alice", "Apollo")
    assert len(body["token"]) >= 43  # 32 random bytes, URL-safe base64
    assert body["token"] != second.json()["token"]
    assert first.headers["Cache-Control"] == "no-store"


def test_registration_trims_names(board: Board) -> None:
    response = board.call("POST", "/board/users", json={"name": "  Alice ", "team": " Apollo "})

    assert (response.json()["name"], response.json()["team"]) == ("Alice", "Apollo")


def test_a_taken_name_is_a_409_whatever_its_case(board: Board, alice: str) -> None:
    response = board.call("POST", "/board/users", json={"name": "ALICE", "team": "Zeus"})

    problem = assert_problem(
        response,
        409,
        "'ALICE'",
        "already taken",
        problem_type="https://example.com/problems/name-taken",
    )
    assert problem["title"] == "That name is already taken"


def test_team_names_join_the_first_spelling(board: Board, alice: str) -> None:
    response = board.call("POST", "/board/users", json={"name": "Bob", "team": "APOLLO"})

    assert response.json()["team"] == "Apollo"


def test_me_names_the_token_owner(board: Board, alice: str) -> None:
    response = board.call("GET", "/board/me", alice)

    assert response.json() == {"name": "Alice", "team": "Apollo"}


# -- authentication ---------------------------------------------------------------------------

PROTECTED = [
    ("GET", "/board/me"),
    ("GET", "/board/tasks"),
    ("POST", "/board/tasks"),
    ("GET", "/board/tasks/1"),
    ("PATCH", "/board/tasks/1"),
    ("DELETE", "/board/tasks/1"),
    ("POST", "/board/tasks/1/complete"),
]


@pytest.mark.parametrize(("method", "path"), PROTECTED)
def test_every_protected_endpoint_needs_a_token(board: Board, method: str, path: str) -> None:
    response = board.call(method, path, json={"title": "x"})

    assert_problem(response, 401, "needs an API token", "Authorization: Bearer <token>")
    assert response.headers["WWW-Authenticate"] == 'Bearer realm="board"'


def test_an_unknown_token_is_a_401_invalid_token(board: Board, alice: str) -> None:
    response = board.call("GET", "/board/tasks", "not-a-real-token")

    assert_problem(response, 401, "not known", "POST /board/users")
    assert response.headers["WWW-Authenticate"] == 'Bearer realm="board", error="invalid_token"'


@pytest.mark.parametrize(
    ("header", "detail"),
    [("Basic YWxpY2U6c2VjcmV0", "has the 'Basic' scheme"), ("Bearer", "has no token")],
)
def test_a_malformed_authorization_header_is_a_401(board: Board, header: str, detail: str) -> None:
    response = board.call("GET", "/board/tasks", headers={"Authorization": header})

    assert_problem(response, 401, detail, "Authorization: Bearer <token>")
    assert response.headers["WWW-Authenticate"] == 'Bearer realm="board"'


def test_the_auth_scheme_is_case_insensitive(board: Board, alice: str) -> None:
    response = board.call("GET", "/board/me", headers={"Authorization": f"bearer {alice}"})

    assert response.status_code == 200


# -- creating and reading tasks ---------------------------------------------------------------


def test_a_new_task_gets_defaults_a_location_and_an_etag(board: Board, alice: str) -> None:
    response = board.call("POST", "/board/tasks", alice, json={"title": "  Write the specs  "})

    assert response.status_code == 201
    task = response.json()
    assert task["id"] == 1
    assert response.headers["Location"] == "/board/tasks/1"
    assert response.headers["ETag"] == '"1"'
    assert {key: value for key, value in task.items() if not key.endswith("_at")} == {
        "id": 1,
        "title": "Write the specs",  # trimmed
        "description": None,
        "status": "todo",
        "assignee": None,
        "due_date": None,
        "team": "Apollo",
        "created_by": "Alice",
        "version": 1,
    }
    assert task["created_at"] == task["updated_at"]
    assert task["created_at"].endswith("Z")


def test_a_task_can_be_created_with_every_field(board: Board, alice: str, bob: str) -> None:
    task = board.create(
        alice,
        title="Ship it",
        description="All of it.\nEvery bit.",
        status="doing",
        assignee="bob",
        due_date="2030-12-31",
    )

    assert task["description"] == "All of it.\nEvery bit."
    assert task["status"] == "doing"
    assert task["assignee"] == "Bob"  # the registered spelling
    assert task["due_date"] == "2030-12-31"


def test_the_location_of_a_new_task_reads_it_back(board: Board, alice: str) -> None:
    created = board.call("POST", "/board/tasks", alice, json={"title": "Read me"})

    response = board.call("GET", created.headers["Location"], alice)

    assert response.status_code == 200
    assert response.json() == created.json()
    assert response.headers["ETag"] == '"1"'


def test_any_team_member_can_read_a_task(board: Board, alice: str, bob: str) -> None:
    task = board.create(alice)

    response = board.call("GET", f"/board/tasks/{task['id']}", bob)

    assert response.json() == task


@pytest.mark.parametrize("task_id", ["42", "99999999999999999999999"])
def test_a_missing_task_is_a_404(board: Board, alice: str, task_id: str) -> None:
    response = board.call("GET", f"/board/tasks/{task_id}", alice)

    assert_problem(response, 404, f"There is no task {task_id}", problem_type="about:blank")


def test_head_answers_like_get_without_a_body(board: Board, alice: str) -> None:
    board.create(alice)

    response = board.call("HEAD", "/board/tasks/1", alice)

    assert response.status_code == 200
    assert response.headers["ETag"] == '"1"'
    assert response.content == b""


# -- team isolation ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("GET", "/board/tasks/1", None),
        ("PATCH", "/board/tasks/1", {"title": "Mine now"}),
        ("POST", "/board/tasks/1/complete", None),
        ("DELETE", "/board/tasks/1", None),
    ],
)
def test_another_teams_task_is_a_403(
    board: Board, alice: str, zoe: str, method: str, path: str, body: dict[str, Any] | None
) -> None:
    board.create(alice, title="Apollo's secret")

    response = board.call(method, path, zoe, json=body)

    assert_problem(response, 403, "Task 1 belongs to another team", "your team, Zeus")
    unchanged = board.call("GET", "/board/tasks/1", alice).json()
    assert (unchanged["title"], unchanged["status"], unchanged["version"]) == (
        "Apollo's secret",
        "todo",
        1,
    )


def test_a_team_lists_only_its_own_tasks(board: Board, alice: str, zoe: str) -> None:
    board.create(alice, title="Apollo 1")
    board.create(zoe, title="Zeus 1")
    board.create(alice, title="Apollo 2")

    apollo = board.call("GET", "/board/tasks", alice).json()
    zeus = board.call("GET", "/board/tasks", zoe).json()

    assert [task["title"] for task in apollo["items"]] == ["Apollo 1", "Apollo 2"]
    assert [task["title"] for task in zeus["items"]] == ["Zeus 1"]
    assert (apollo["total"], zeus["total"]) == (2, 1)


# -- listing ----------------------------------------------------------------------------------


def test_an_empty_board_lists_nothing_with_the_default_page(board: Board, alice: str) -> None:
    response = board.call("GET", "/board/tasks", alice)

    assert response.status_code == 200
    assert response.json() == {"items": [], "total": 0, "limit": 20, "offset": 0}


def test_listing_is_ordered_by_id_and_paginated(board: Board, alice: str) -> None:
    for number in range(1, 26):
        board.create(alice, title=f"Task {number}")

    first = board.call("GET", "/board/tasks", alice).json()
    middle = board.call("GET", "/board/tasks?limit=10&offset=10", alice).json()
    beyond = board.call("GET", "/board/tasks?offset=100", alice).json()
    everything = board.call("GET", "/board/tasks?limit=100", alice).json()

    assert [task["id"] for task in first["items"]] == list(range(1, 21))
    assert (first["total"], first["limit"], first["offset"]) == (25, 20, 0)
    assert [task["id"] for task in middle["items"]] == list(range(11, 21))
    assert (middle["limit"], middle["offset"]) == (10, 10)
    assert beyond == {"items": [], "total": 25, "limit": 20, "offset": 100}
    assert len(everything["items"]) == 25


def test_listing_filters_by_status_and_assignee(board: Board, alice: str, bob: str) -> None:
    board.create(alice, title="Alice todo", assignee="Alice")
    board.create(alice, title="Bob doing", assignee="Bob", status="doing")
    board.create(alice, title="Bob todo", assignee="Bob")
    board.create(alice, title="Nobody's")

    def titles(query: str) -> list[str]:
        body = board.call("GET", f"/board/tasks?{query}", alice).json()
        assert body["total"] == len(body["items"])
        return [task["title"] for task in body["items"]]

    assert titles("status=todo") == ["Alice todo", "Bob todo", "Nobody's"]
    assert titles("assignee=bob") == ["Bob doing", "Bob todo"]  # names ignore case
    assert titles("status=todo&assignee=Bob") == ["Bob todo"]
    assert titles("status=done") == []
    assert titles("assignee=Nobody") == []


def test_a_filtered_total_counts_every_match_not_the_page(board: Board, alice: str) -> None:
    for _ in range(5):
        board.create(alice, status="doing")
    board.create(alice)

    body = board.call("GET", "/board/tasks?status=doing&limit=2&offset=1", alice).json()

    assert [task["id"] for task in body["items"]] == [2, 3]
    assert body["total"] == 5


# -- updating ---------------------------------------------------------------------------------


def test_patch_changes_only_the_given_fields_and_bumps_the_version(
    board: Board, alice: str, bob: str
) -> None:
    task = board.create(alice, title="Draft", description="Keep me", due_date="2030-01-01")

    response = board.call(
        "PATCH", "/board/tasks/1", bob, json={"status": "doing", "assignee": "Bob"}
    )

    assert response.status_code == 200
    updated = response.json()
    assert response.headers["ETag"] == '"2"'
    assert updated["version"] == 2
    assert (updated["status"], updated["assignee"]) == ("doing", "Bob")
    assert (updated["title"], updated["description"], updated["due_date"]) == (
        "Draft",
        "Keep me",
        "2030-01-01",
    )
    assert updated["created_by"] == "Alice"
    assert updated["created_at"] == task["created_at"]
    assert updated["updated_at"] >= task["updated_at"]
    assert board.call("GET", "/board/tasks/1", alice).json() == updated


def test_patch_with_null_clears_optional_fields(board: Board, alice: str) -> None:
    board.create(alice, description="Old", assignee="Alice", due_date="2030-01-01")

    response = board.call(
        "PATCH",
        "/board/tasks/1",
        alice,
        json={"description": None, "assignee": None, "due_date": None},
    )

    assert {key: response.json()[key] for key in ("description", "assignee", "due_date")} == {
        "description": None,
        "assignee": None,
        "due_date": None,
    }


def test_any_status_may_follow_any_other(board: Board, alice: str) -> None:
    board.create(alice)
    statuses = ["done", "todo", "doing", "done", "doing", "todo"]

    for status in statuses:
        response = board.call("PATCH", "/board/tasks/1", alice, json={"status": status})
        assert response.status_code == 200, response.text

    assert response.json()["version"] == 1 + len(statuses)


def test_an_empty_patch_changes_nothing_not_even_the_version(board: Board, alice: str) -> None:
    task = board.create(alice)

    response = board.call("PATCH", "/board/tasks/1", alice, json={})

    assert response.status_code == 200
    assert response.json() == task


def test_patch_of_a_missing_task_is_a_404(board: Board, alice: str) -> None:
    response = board.call("PATCH", "/board/tasks/7", alice, json={"title": "Ghost"})

    assert_problem(response, 404, "There is no task 7")


# -- optimistic concurrency -------------------------------------------------------------------


def test_if_match_with_the_current_version_applies(board: Board, alice: str) -> None:
    board.create(alice)
    board.call("PATCH", "/board/tasks/1", alice, json={"title": "v2"})

    response = board.call(
        "PATCH", "/board/tasks/1", alice, json={"title": "v3"}, headers={"If-Match": '"2"'}
    )

    assert response.status_code == 200
    assert response.json()["version"] == 3


@pytest.mark.parametrize("if_match", ["*", '"7", "1"'])
def test_if_match_star_or_a_list_containing_the_version_applies(
    board: Board, alice: str, if_match: str
) -> None:
    board.create(alice)

    response = board.call(
        "PATCH", "/board/tasks/1", alice, json={"title": "ok"}, headers={"If-Match": if_match}
    )

    assert response.status_code == 200, response.text


def test_a_stale_if_match_is_a_409_naming_both_versions(board: Board, alice: str, bob: str) -> None:
    board.create(alice, title="Original")
    assert board.call("PATCH", "/board/tasks/1", bob, json={"title": "Bob's"}).status_code == 200

    response = board.call(
        "PATCH", "/board/tasks/1", alice, json={"title": "Alice's"}, headers={"If-Match": '"1"'}
    )

    problem = assert_problem(
        response,
        409,
        "Task 1 is at version 2",
        "expected version 1 (from If-Match)",
        problem_type="https://example.com/problems/version-conflict",
    )
    assert (problem["current_version"], problem["expected_version"]) == (2, 1)
    assert board.call("GET", "/board/tasks/1", alice).json()["title"] == "Bob's"


def test_a_stale_version_in_the_body_is_a_409_too(board: Board, alice: str) -> None:
    board.create(alice)

    response = board.call("PATCH", "/board/tasks/1", alice, json={"title": "x", "version": 3})

    problem = assert_problem(response, 409, "Task 1 is at version 1", "version 3 (from version)")
    assert (problem["current_version"], problem["expected_version"]) == (1, 3)


def test_a_matching_version_in_the_body_applies(board: Board, alice: str) -> None:
    board.create(alice)

    response = board.call("PATCH", "/board/tasks/1", alice, json={"title": "x", "version": 1})

    assert response.json()["version"] == 2


def test_a_weak_if_match_never_matches(board: Board, alice: str) -> None:
    board.create(alice)

    response = board.call(
        "PATCH", "/board/tasks/1", alice, json={"title": "x"}, headers={"If-Match": 'W/"1"'}
    )

    assert_problem(response, 409, "weak tag")


@pytest.mark.parametrize("if_match", ["1", '"1', "version 1"])
def test_a_malformed_if_match_is_a_400(board: Board, alice: str, if_match: str) -> None:
    board.create(alice)

    response = board.call(
        "PATCH", "/board/tasks/1", alice, json={"title": "x"}, headers={"If-Match": if_match}
    )

    assert_problem(response, 400, "If-Match", 'If-Match: "3"')


def test_of_concurrent_updates_from_one_version_exactly_one_wins(board: Board, alice: str) -> None:
    board.create(alice)
    writers = 8
    barrier = threading.Barrier(writers)

    def update(number: int) -> int:
        with requests.Session() as session:
            barrier.wait()  # release all the writers at once
            response = session.patch(
                board.url("/board/tasks/1"),
                json={"title": f"Writer {number}"},
                headers={"Authorization": f"Bearer {alice}", "If-Match": '"1"'},
                timeout=REQUEST_TIMEOUT,
            )
            return response.status_code

    with ThreadPoolExecutor(writers) as pool:
        statuses = sorted(pool.map(update, range(writers)))

    assert statuses == [200] + [409] * (writers - 1)
    assert board.call("GET", "/board/tasks/1", alice).json()["version"] == 2


# -- completing -------------------------------------------------------------------------------


def test_complete_marks_a_task_done(board: Board, alice: str) -> None:
    board.create(alice, status="doing")

    response = board.call("POST", "/board/tasks/1/complete", alice)

    assert response.status_code == 200
    assert (response.json()["status"], response.json()["version"]) == ("done", 2)
    assert response.headers["ETag"] == '"2"'


def test_completing_a_done_task_is_a_409(board: Board, alice: str) -> None:
    board.create(alice)
    board.call("POST", "/board/tasks/1/complete", alice)

    response = board.call("POST", "/board/tasks/1/complete", alice)

    assert_problem(
        response,
        409,
        "Task 1 is already done",
        problem_type="https://example.com/problems/already-done",
    )
    assert board.call("GET", "/board/tasks/1", alice).json()["version"] == 2


def test_complete_honours_if_match(board: Board, alice: str) -> None:
    board.create(alice)
    board.call("PATCH", "/board/tasks/1", alice, json={"title": "v2"})

    response = board.call("POST", "/board/tasks/1/complete", alice, headers={"If-Match": '"1"'})

    assert_problem(response, 409, "at version 2", "expected version 1")


def test_completing_a_missing_task_is_a_404(board: Board, alice: str) -> None:
    assert_problem(board.call("POST", "/board/tasks/3/complete", alice), 404, "no task 3")


# -- deleting ---------------------------------------------------------------------------------


def test_delete_answers_204_and_the_task_is_gone(board: Board, alice: str) -> None:
    board.create(alice)

    response = board.call("DELETE", "/board/tasks/1", alice)

    assert response.status_code == 204
    assert response.content == b""
    assert_problem(board.call("GET", "/board/tasks/1", alice), 404)
    assert_problem(board.call("DELETE", "/board/tasks/1", alice), 404)
    assert board.call("GET", "/board/tasks", alice).json()["total"] == 0


def test_ids_of_deleted_tasks_are_never_reused(board: Board, alice: str) -> None:
    board.create(alice)
    board.create(alice)
    board.call("DELETE", "/board/tasks/2", alice)

    assert board.create(alice)["id"] == 3


def test_delete_honours_if_match(board: Board, alice: str) -> None:
    board.create(alice)

    response = board.call("DELETE", "/board/tasks/1", alice, headers={"If-Match": '"5"'})

    assert_problem(response, 409, "at version 1", "expected version 5")
    assert board.call("GET", "/board/tasks/1", alice).status_code == 200


# -- errors the board did not raise itself ----------------------------------------------------


def test_an_unknown_path_is_a_404_problem(board: Board) -> None:
    assert_problem(board.call("GET", "/board/nowhere"), 404, "/board/nowhere")


def test_a_wrong_method_is_a_405_problem_listing_the_allowed_ones(board: Board) -> None:
    response = board.call("PUT", "/board/tasks/1")

    assert_problem(response, 405, "PUT is not allowed", "DELETE, GET, HEAD, PATCH")
    assert response.headers["Allow"] == "DELETE, GET, HEAD, PATCH"


def test_a_crash_is_a_500_problem_and_the_failure_is_logged_before_the_answer(
    board: Board, server: UvicornTestServer
) -> None:
    bookmark = server.log.position

    response = board.call("GET", "/board/crash")

    problem = assert_problem(response, 500, "has been logged", problem_type="about:blank")
    assert problem["title"] == "Internal Server Error"
    assert "crashed on purpose" not in response.text  # no internals in the response
    assert response.headers["Connection"] == "close"
    # The board's own record is written before the response is sent: no waiting needed.
    assert "GET /board/crash failed with RuntimeError('the board crashed on purpose')" in (
        server.log.text(since=bookmark, level=logging.ERROR)
    )


def test_a_crash_reaches_the_server_log_with_its_traceback() -> None:
    server = UvicornTestServer(create_board_app)
    with server:
        requests.get(server.base_url + "/board/crash", timeout=REQUEST_TIMEOUT)
    # uvicorn logs the traceback after the response has gone out: once the server has
    # stopped, its thread is done and every record is in.
    tracebacks = [record for record in server.log.errors() if record.exc_info is not None]
    assert [type(record.exc_info[1]) for record in tracebacks if record.exc_info] == [RuntimeError]
    assert "RuntimeError: the board crashed on purpose" in server.log.text()


def test_the_server_keeps_serving_after_a_crash(board: Board, alice: str) -> None:
    board.call("GET", "/board/crash")

    # Same keep-alive session: "Connection: close" made it open a fresh connection.
    assert board.call("GET", "/board/me", alice).status_code == 200
