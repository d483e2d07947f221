"""Assemble the board: routes, error handlers, and the lifespan that owns the database."""

from __future__ import annotations

import contextlib
import logging
import shutil
import tempfile
from collections.abc import AsyncIterator, Callable
from pathlib import Path

from starlette.applications import Starlette
from starlette.exceptions import HTTPException

from app.board.database import BoardDatabase
from app.board.problems import (
    ProblemError,
    handle_http_exception,
    handle_problem,
    handle_server_error,
)
from app.board.routes import board_routes

__all__ = ["create_board_app"]

logger = logging.getLogger(__name__)

_Lifespan = Callable[[Starlette], contextlib.AbstractAsyncContextManager[None]]


def create_board_app(database_path: str | None = None) -> Starlette:
    """Build a fresh task board, serving everything under ``/board``.

    The lifespan opens the board's SQLite database: the file at ``database_path`` (created
    if missing, kept afterwards), or with ``None`` a new temporary file that is deleted at
    shutdown - so each app instance, and each test server, starts empty. While the app runs,
    the database is ``app.state.database``.

    Starlette does not run the lifespan of a mounted app. To serve the board inside another
    app, mount it at ``/`` and enter ``board.router.lifespan_context(board)`` in the outer
    app's lifespan (``board`` being this app).
    """
    return Starlette(
        routes=board_routes(),
        exception_handlers={
            ProblemError: handle_problem,
            HTTPException: handle_http_exception,
            # 500 goes to ServerErrorMiddleware, which answers with this handler and then
            # re-raises, so uvicorn still logs the traceback.
            Exception: handle_server_error,
        },
        lifespan=_lifespan(database_path),
    )


def _lifespan(database_path: str | None) -> _Lifespan:
    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        with contextlib.ExitStack() as cleanup:
            path = database_path
            if path is None:
                # A directory rather than a bare file, so SQLite's journal files, which live
                # next to the database, go when it goes.
                directory = tempfile.mkdtemp(prefix="board-")
                cleanup.callback(shutil.rmtree, directory, ignore_errors=True)
                path = str(Path(directory) / "board.sqlite3")
            database = BoardDatabase.open(path)
            cleanup.callback(database.close)
            app.state.database = database
            cleanup.callback(delattr, app.state, "database")
            logger.info("The board's database is %s", path)
            yield

    return lifespan
