"""The service under test: a small Starlette application.

``create_app()`` builds a fresh application (one per test server, so no state leaks between
servers); ``app`` is a default instance for ``uvicorn app:app`` and ``python -m app``.
"""

from __future__ import annotations

from app.main import create_app

__all__ = ["app", "create_app"]

app = create_app()
