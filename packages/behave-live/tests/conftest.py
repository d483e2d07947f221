"""Shared fixtures of the kit's own tests: the kit's pytest fixtures serve the test app.

This directory is on ``sys.path`` (it has no ``__init__.py``), so ``kit_testing`` imports.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from starlette.applications import Starlette

from kit_testing.apps import create_app

# pytester runs pytest on throwaway projects: how the plugin is tested as users meet it.
pytest_plugins = ["pytester"]


@pytest.fixture(scope="session")
def live_server_app() -> Callable[[], Starlette]:
    """The app behind ``live_server``, ``shared_live_server`` and ``http``: a fresh one each."""
    return create_app
