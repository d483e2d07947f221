"""Assemble the board: routes, error handlers, and the lifespan that owns the database."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from typing import Any

from starlette.applications import Starlette
from starlette.exceptions import HTTPException

from app.board.activity import BoardActivity
from app.board.database import BoardDatabase
from app.board.problems import (
    ProblemError,
    handle_http_exception,
    handle_problem,
    handle_server_error,
)
from app.board.routes import board_routes

__all__ = ["board_exception_handlers", "board_lifespan", "create_board_app"]

logger = logging.getLogger(__name__)

_Lifespan = Callable[[Starlette], contextlib.AbstractAsyncContextManager[None]]


def create_board_app(database_path: str | None = None) -> Starlette:
    """Build a fresh task board, serving everything under ``/board``.

    The lifespan opens the board's SQLite database: the file at ``database_path`` (created
    if missing, kept afterwards), or with ``None`` a new database in memory, gone at
    shutdown - so each app instance, and each test server, starts empty. While the app runs,
    the database is ``app.state.database``.

    Starlette does not run the lifespan of a mounted app. To serve the board inside another
    app, mount it at ``/`` and enter ``board.router.lifespan_context(board)`` in the outer
    app's lifespan (``board`` being this app).
    """
    return Starlette(
        routes=board_routes(),
        exception_handlers=board_exception_handlers(),
        lifespan=board_lifespan(database_path),
    )


def board_exception_handlers() -> dict[Any, Any]:
    """The handlers that turn every error into an RFC 9457 problem document."""
    return {
        ProblemError: handle_problem,
        HTTPException: handle_http_exception,
        # 500 goes to ServerErrorMiddleware, which answers with this handler and then
        # re-raises, so uvicorn still logs the traceback.
        Exception: handle_server_error,
    }


def board_lifespan(database_path: str | None) -> _Lifespan:
    """The lifespan that opens the board's database (see :func:`create_board_app`)."""
    return _lifespan(database_path)


def _lifespan(database_path: str | None) -> _Lifespan:
    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        with contextlib.ExitStack() as cleanup:
            database = (
                BoardDatabase.in_memory()
                if database_path is None
                else BoardDatabase.open(database_path)
            )
            cleanup.callback(database.close)
            app.state.database = database
            cleanup.callback(delattr, app.state, "database")
            # What the live socket and the event feed listen to (app.board.live).
            activity = app.state.board_activity = BoardActivity()
            cleanup.callback(activity.close)
            logger.info("The board's database is %s", database.path)
            yield

    return lifespan
