"""The task board's database lifecycle: the app's lifespan opens it and cleans it up.

Without a path each app instance gets a SQLite database in memory, gone after shutdown;
with a path the data outlives the server. Startup failures name the file and the fix.
"""

from __future__ import annotations

import sqlite3
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
import requests
from starlette.applications import Starlette
from starlette.responses import PlainTextResponse
from starlette.routing import Mount, Route

from app.board import create_board_app
from app.board.database import MEMORY, BoardDatabase
from behave_live import ServerStartupError, UvicornTestServer

REQUEST_TIMEOUT = 10.0


def register(server: UvicornTestServer, name: str, team: str = "Apollo") -> dict[str, str]:
    """Register ``name`` and return the Authorization header for their token."""
    response = requests.post(
        server.base_url + "/board/users", json={"name": name, "team": team}, timeout=REQUEST_TIMEOUT
    )
    assert response.status_code == 201, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}


def call(server: UvicornTestServer, method: str, path: str, **kwargs: Any) -> requests.Response:
    return requests.request(method, server.base_url + path, timeout=REQUEST_TIMEOUT, **kwargs)


def test_without_a_path_the_database_lives_in_memory_until_shutdown() -> None:
    app = create_board_app()
    assert not hasattr(app.state, "database")  # nothing is opened before the lifespan

    with UvicornTestServer(app) as server:
        database = app.state.database
        assert database.path == MEMORY
        register(server, "Alice")
        database.ping()

    assert not hasattr(app.state, "database")
    with pytest.raises(sqlite3.ProgrammingError, match="closed"):
        database.ping()  # closed at shutdown: its data is gone


def test_each_app_instance_has_its_own_database() -> None:
    with (
        UvicornTestServer(create_board_app) as first,
        UvicornTestServer(create_board_app) as second,
    ):
        alice = register(first, "Alice")
        register(second, "Alice")  # the name is free on the other board

        assert call(first, "GET", "/board/me", headers=alice).status_code == 200
        assert call(second, "GET", "/board/me", headers=alice).status_code == 401


def test_restarting_a_server_without_a_path_starts_an_empty_board() -> None:
    server = UvicornTestServer(create_board_app())
    with server:
        register(server, "Alice")
    with server:
        register(server, "Alice")  # would be a 409 if the old data were still there


def test_a_given_path_is_created_and_persists_across_servers(tmp_path: Path) -> None:
    path = tmp_path / "board.sqlite3"

    with UvicornTestServer(lambda: create_board_app(str(path))) as server:
        alice = register(server, "Alice")
        created = call(server, "POST", "/board/tasks", headers=alice, json={"title": "Persist"})
        assert created.status_code == 201
    assert path.is_file()

    with UvicornTestServer(lambda: create_board_app(str(path))) as server:
        again = call(server, "GET", "/board/tasks/1", headers=alice)
        assert again.status_code == 200
        assert again.json() == created.json()
        taken = call(server, "POST", "/board/users", json={"name": "alice", "team": "Zeus"})
        assert taken.status_code == 409
    assert path.is_file()  # a given file is never deleted


def test_a_path_in_a_missing_directory_fails_startup_naming_the_path(tmp_path: Path) -> None:
    path = tmp_path / "missing" / "board.sqlite3"

    with pytest.raises(ServerStartupError) as failure:
        UvicornTestServer(lambda: create_board_app(str(path))).start()

    message = str(failure.value)
    assert f"Cannot open the board database at {str(path)!r}" in message
    assert "Check that its directory exists and is writable" in message


def test_a_database_of_another_schema_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "future.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute("PRAGMA user_version = 99")
    connection.close()

    with pytest.raises(ServerStartupError) as failure:
        UvicornTestServer(lambda: create_board_app(str(path))).start()

    assert "has schema version 99, but the board uses version 1" in str(failure.value)


def test_a_file_that_is_no_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("These are not the tables you are looking for.\n" * 100)

    with pytest.raises(ServerStartupError) as failure:
        UvicornTestServer(lambda: create_board_app(str(path))).start()

    assert f"Cannot use {str(path)!r} as the board database: file is not a database" in str(
        failure.value
    )
    assert path.read_text().startswith("These are not")  # left as it was


def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    database = BoardDatabase.open(str(tmp_path / "board.sqlite3"))
    try:
        with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
            database.create_task(
                team_id=42,
                created_by_id=42,
                title="Orphan",
                description=None,
                status="todo",
                assignee_id=None,
                due_date=None,
            )
    finally:
        database.close()


def test_a_mounted_board_without_its_lifespan_says_so() -> None:
    # Starlette runs only the outer app's lifespan: the board's database never opens.
    outer = Starlette(routes=[Mount("/", app=create_board_app())])
    server = UvicornTestServer(outer)
    with server:
        response = call(server, "GET", "/board/health")

    assert response.status_code == 500
    assert response.headers["Content-Type"] == "application/problem+json"
    assert "the board app's lifespan has not run" in server.log.text()


def test_a_mounted_board_works_when_the_outer_lifespan_runs_its_lifespan() -> None:
    board = create_board_app()

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        async with board.router.lifespan_context(board):
            yield

    outer = Starlette(
        routes=[Route("/hello", lambda request: PlainTextResponse("hi")), Mount("/", app=board)],
        lifespan=lifespan,
    )
    with UvicornTestServer(outer) as server:
        assert call(server, "GET", "/hello").text == "hi"
        assert call(server, "GET", "/board/health").json() == {"status": "ok"}
        register(server, "Alice")
    assert not hasattr(board.state, "database")
