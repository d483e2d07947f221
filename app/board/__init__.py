"""A small team task board: the realistic service the acceptance tests run against.

``create_board_app()`` builds a Starlette app serving the board's JSON API under ``/board``,
with its own SQLite database (in memory unless a path is given). See
:mod:`app.board.endpoints` for the endpoints and their rules.
"""

from __future__ import annotations

from app.board.application import board_exception_handlers, board_lifespan, create_board_app
from app.board.routes import board_routes

__all__ = ["board_exception_handlers", "board_lifespan", "board_routes", "create_board_app"]
