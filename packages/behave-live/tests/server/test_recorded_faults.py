"""What the server records that no response shows: late crashes and lifespan shutdown errors.

Each record is handed out once (``take_unhandled_errors``), so whoever reports it - a step,
a scenario's end, a shared server's stop - reports it exactly once, and none is dropped.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import AsyncIterator

import requests
from conftest import TEST_DATA
from starlette.applications import Starlette

from behave_live import UvicornTestServer

# Where the faulty apps are, as a headline names their lines (relative to the working dir).
FAULTY_APPS = os.path.relpath(TEST_DATA / "faulty_apps.py")


def test_a_failing_lifespan_shutdown_is_recorded_with_its_traceback() -> None:
    server = UvicornTestServer("faulty_apps:shutdown_crash_app", app_dir=str(TEST_DATA))
    with server:
        assert requests.get(f"{server.base_url}/health", timeout=5).status_code == 200

    [error] = server.take_unhandled_errors()
    assert error.during == "lifespan shutdown"
    assert error.headline == (
        "the app's lifespan shutdown raised RuntimeError('the lifespan shutdown failed on purpose')"
        f" at {FAULTY_APPS}:56, in lifespan"
    )
    assert 'raise RuntimeError("the lifespan shutdown failed on purpose")' in error.traceback
    # A message shows the app's own frames only; the report gets the whole traceback.
    # (How many frames Starlette adds depends on its version.)
    head, _, shown = error.shown_traceback.partition("\n")
    assert re.fullmatch(
        r"Traceback, the app's own frames \(\d+ of libraries and Python left out\):", head
    )
    assert shown == (
        f"  at {FAULTY_APPS}:56, in lifespan:\n"
        '    raise RuntimeError("the lifespan shutdown failed on purpose")\n'
        "RuntimeError: the lifespan shutdown failed on purpose\n"
    )
    assert "starlette" in error.traceback


def test_a_lifespan_shutdown_failure_reported_without_raising_is_recorded() -> None:
    async def app(scope: dict, receive, send) -> None:  # type: ignore[no-untyped-def, type-arg]
        while True:
            message = await receive()
            if message["type"] == "lifespan.startup":
                await send({"type": "lifespan.startup.complete"})
            elif message["type"] == "lifespan.shutdown":
                await send({"type": "lifespan.shutdown.failed", "message": "disk full"})
                return

    server = UvicornTestServer(app)
    server.start()
    server.stop()

    [error] = server.take_unhandled_errors()
    assert error.headline == "the app's lifespan shutdown raised disk full"


def test_a_background_crash_after_the_response_is_recorded_by_the_stop() -> None:
    server = UvicornTestServer(
        "faulty_apps:late_crash_app", app_dir=str(TEST_DATA), shutdown_timeout=10
    )
    with server:
        assert requests.get(f"{server.base_url}/late", timeout=5).status_code == 200
        assert server.take_unhandled_errors() == []  # not yet: the task sleeps first
        # Busy with the request's background task (where it waits, once it has reached its
        # sleep: right after the response it may not have yet).
        assert server.busy_with()[0].startswith("GET /late")

    # stop() let the background task finish (within shutdown_timeout): its crash is kept.
    [error] = server.take_unhandled_errors()
    assert error.headline == (
        "GET /late raised RuntimeError('crashed 3 s after answering') "
        f"at {FAULTY_APPS}:42, in crash_later"
    )
    assert server.take_unhandled_errors() == []  # handed out once


def test_a_clean_lifespan_records_nothing() -> None:
    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield

    with UvicornTestServer(Starlette(lifespan=lifespan)) as server:
        pass
    assert server.unhandled_errors == []
