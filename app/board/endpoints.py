"""The board's HTTP endpoints: each reads the request, applies the rules, and answers.

Every endpoint follows the same order, so clients see errors in a predictable order:
authenticate (401), read the body (400), check its fields (422), find the task (404),
check the team (403), check the version (409), then act. Errors are raised as problems
(see :mod:`app.board.problems`); nothing here builds an error response by hand.

The endpoints are async and call SQLite directly on the event loop: every query is a few
microseconds on a local file, far less than handing it to a thread pool would cost.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from app.board.activity import BoardActivity
from app.board.auth import authenticate, hash_token, new_token
from app.board.concurrency import check_version, etag
from app.board.database import BoardDatabase, NameTakenError
from app.board.models import Task, User
from app.board.problems import conflict, forbidden, not_found
from app.board.validation import (
    AssigneeCheck,
    parse_list_query,
    parse_new_task,
    parse_registration,
    parse_task_changes,
    read_json_object,
)

__all__ = [
    "complete_task",
    "crash",
    "create_task",
    "delete_task",
    "get_task",
    "health",
    "list_tasks",
    "me",
    "register_user",
    "update_task",
]

# Ids come from the path as Python ints; SQLite stores signed 64-bit integers and the
# driver raises OverflowError (a 500) for anything larger, which can only be "not found".
_MAX_TASK_ID = 2**63 - 1


# -- open endpoints ----------------------------------------------------------------------------


async def health(request: Request) -> JSONResponse:
    """``GET /board/health``: 200 ``{"status": "ok"}`` while the database answers."""
    _database(request).ping()
    return JSONResponse({"status": "ok"})


async def register_user(request: Request) -> JSONResponse:
    """``POST /board/users``: register ``{"name", "team"}`` and hand out an API token.

    Registration is open to anyone on purpose: the board is a service under test, and
    scenarios need users without a signup flow. The team is created on first use. The token
    is shown only in this response.
    """
    registration = parse_registration(await read_json_object(request))
    token = new_token()
    try:
        user = _database(request).create_user(
            registration.name, registration.team, hash_token(token)
        )
    except NameTakenError:
        raise conflict(
            f"The name {registration.name!r} is already taken (names are compared without "
            "regard to case); choose another name.",
            slug="name-taken",
            title="That name is already taken",
        ) from None
    # no-store: the body holds a credential (as RFC 6749 5.1 asks of token responses).
    return JSONResponse(
        {"name": user.name, "team": user.team, "token": token},
        status_code=201,
        headers={"Cache-Control": "no-store"},
    )


async def crash(request: Request) -> Response:
    """``GET /board/crash``: a diagnostic endpoint that always fails with an unhandled error.

    It exists so that tests can check that server errors never go unnoticed: the client
    gets a 500 problem, and the traceback reaches the server's log.
    """
    raise RuntimeError("the board crashed on purpose")


# -- endpoints that need a token ---------------------------------------------------------------


async def me(request: Request) -> JSONResponse:
    """``GET /board/me``: who the token belongs to, ``{"name", "team"}``."""
    user = authenticate(request, _database(request))
    return JSONResponse({"name": user.name, "team": user.team})


async def create_task(request: Request) -> JSONResponse:
    """``POST /board/tasks``: create a task in the caller's team; 201 with ``Location``."""
    database = _database(request)
    user = authenticate(request, database)
    new = parse_new_task(await read_json_object(request), _assignee_check(database, user))
    task = database.create_task(
        team_id=user.team_id,
        created_by_id=user.id,
        title=new.title,
        description=new.description,
        status=new.status,
        assignee_id=_assignee_id(database, user, new.assignee),
        due_date=new.due_date,
    )
    location = request.url_for("board:task", task_id=task.id).path
    _announce(request, user, "task-added", task)
    return _task_response(task, status_code=201, headers={"Location": location})


async def list_tasks(request: Request) -> JSONResponse:
    """``GET /board/tasks``: one page of the caller's team's tasks, in id order."""
    database = _database(request)
    user = authenticate(request, database)
    query = parse_list_query(request.query_params)
    tasks, total = database.list_tasks(
        team_id=user.team_id,
        status=query.status,
        assignee=query.assignee,
        limit=query.limit,
        offset=query.offset,
    )
    return JSONResponse(
        {
            "items": [task.to_json() for task in tasks],
            "total": total,
            "limit": query.limit,
            "offset": query.offset,
        }
    )


async def get_task(request: Request) -> JSONResponse:
    """``GET /board/tasks/{id}``: one task of the caller's team, with its ``ETag``."""
    database = _database(request)
    user = authenticate(request, database)
    return _task_response(_find_task(request, database, user))


async def update_task(request: Request) -> JSONResponse:
    """``PATCH /board/tasks/{id}``: change some fields; ``If-Match``/``version`` guard it.

    Any status may follow any other (even ``done`` back to ``todo``: reopening a task is
    allowed). A body without task fields changes nothing and keeps the version.
    """
    database = _database(request)
    user = authenticate(request, database)
    update = parse_task_changes(await read_json_object(request), _assignee_check(database, user))
    # One transaction from the version check to the write: no other change can slip between.
    with database.transaction():
        task = _find_task(request, database, user)
        check_version(request, task, update.version)
        columns: dict[str, str | int | None] = {
            name: value for name, value in update.changes.items() if name != "assignee"
        }
        if "assignee" in update.changes:
            columns["assignee_id"] = _assignee_id(database, user, update.changes["assignee"])
        task = database.update_task(task.id, columns)
    _announce(request, user, "task-changed", task)
    return _task_response(task)


async def complete_task(request: Request) -> JSONResponse:
    """``POST /board/tasks/{id}/complete``: mark a task done; 409 if it already is."""
    database = _database(request)
    user = authenticate(request, database)
    with database.transaction():
        task = _find_task(request, database, user)
        check_version(request, task)
        if task.status == "done":
            raise conflict(
                f"Task {task.id} is already done; there is nothing to complete. To reopen "
                'it, PATCH its status to "todo" or "doing".',
                slug="already-done",
                title="The task is already done",
                extensions={"current_version": task.version},
            )
        task = database.update_task(task.id, {"status": "done"})
    _announce(request, user, "task-completed", task)
    return _task_response(task)


async def delete_task(request: Request) -> Response:
    """``DELETE /board/tasks/{id}``: delete a task of the caller's team; 204."""
    database = _database(request)
    user = authenticate(request, database)
    with database.transaction():
        task = _find_task(request, database, user)
        check_version(request, task)
        database.delete_task(task.id)
    _announce(request, user, "task-deleted", task)
    return Response(status_code=204)


# -- helpers -----------------------------------------------------------------------------------


def _database(request: Request) -> BoardDatabase:
    database = getattr(request.app.state, "database", None)
    if not isinstance(database, BoardDatabase):
        # Starlette does not run the lifespan of a mounted app: say so instead of an
        # AttributeError deep in an endpoint.
        raise RuntimeError(
            "The board's database is not open: the board app's lifespan has not run. If the "
            "board is mounted inside another app, run create_board_app's lifespan there too."
        )
    return database


def _find_task(request: Request, database: BoardDatabase, user: User) -> Task:
    """Return the task in the path if it exists (else 404) and is the user's team's (else 403)."""
    task_id: int = request.path_params["task_id"]
    task = database.get_task(task_id) if task_id <= _MAX_TASK_ID else None
    if task is None:
        raise not_found(
            f"There is no task {task_id} on the board; it may have been deleted. "
            "GET /board/tasks lists your team's tasks."
        )
    if task.team_id != user.team_id:
        raise forbidden(
            f"Task {task_id} belongs to another team; you can see and change only the tasks "
            f"of your team, {user.team}."
        )
    return task


def _assignee_check(database: BoardDatabase, user: User) -> AssigneeCheck:
    """Return a check that an assignee is in the caller's team (the task's team)."""

    def check(name: str) -> str | None:
        if database.team_member(user.team_id, name) is not None:
            return None
        # The same words whether the user exists elsewhere or not at all: team membership
        # is no business of another team.
        return (
            f"assignee {name!r} is not a member of team {user.team}; a task can be assigned "
            "only to a member of its team."
        )

    return check


def _assignee_id(database: BoardDatabase, user: User, name: str | None) -> int | None:
    if name is None:
        return None
    assignee = database.team_member(user.team_id, name)
    assert assignee is not None  # the AssigneeCheck already accepted the name
    return assignee.id


def _announce(request: Request, user: User, kind: str, task: Task) -> None:
    """Tell the team's live listeners (app.board.live) what ``user`` just did to ``task``."""
    shown = {"id": task.id, "title": task.title} if kind == "task-deleted" else task.to_json()
    activity: BoardActivity = request.app.state.board_activity
    activity.publish(user.team_id, kind, {"task": shown, "by": user.name})


def _task_response(
    task: Task, status_code: int = 200, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse(
        task.to_json(), status_code=status_code, headers={"ETag": etag(task), **(headers or {})}
    )
