"""An interrupted run: servers stop at once but completely; leftovers at exit are stopped too."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest
import requests
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from behave_live import UvicornTestServer
from behave_live.server import interruption

TESTS_DIR = Path(__file__).resolve().parents[1]


@pytest.fixture
def interrupted() -> Iterator[None]:
    interruption.interrupt(signal.SIGTERM)
    try:
        yield
    finally:
        interruption.reset()


def _holding_app(scratch: Path, holding: threading.Event) -> Starlette:
    """An app whose lifespan owns a temporary file, and whose /hold never answers (30 s)."""

    @asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        scratch.write_text("in use", encoding="utf-8")
        try:
            yield
        finally:
            scratch.unlink()

    async def hold(request: Request) -> Response:
        holding.set()
        await asyncio.sleep(30)
        return Response(status_code=204)

    return Starlette(routes=[Route("/hold", hold)], lifespan=lifespan)


def test_an_interrupted_stop_cancels_requests_at_once_and_runs_the_lifespan_shutdown(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    scratch = tmp_path / "scratch.db"
    holding = threading.Event()
    server = UvicornTestServer(_holding_app(scratch, holding), shutdown_timeout=30.0).start()
    client = threading.Thread(
        target=_get_ignoring_errors, args=(f"{server.base_url}/hold",), daemon=True
    )
    client.start()
    assert holding.wait(10), "the app never received GET /hold"
    assert scratch.exists()

    interruption.interrupt(signal.SIGINT)
    try:
        began = time.monotonic()
        server.stop()
        took = time.monotonic() - began
    finally:
        interruption.reset()

    assert took < 2.0, f"an interrupted stop took {took:.1f} s despite shutdown_timeout=30"
    assert not scratch.exists(), "the lifespan shutdown did not run: its file is still there"
    messages = [record.getMessage() for record in caplog.records]
    assert "Cancelling 1 request(s): the run was interrupted" in messages
    assert "Exception in ASGI application\n" not in messages  # no CancelledError traceback


def _get_ignoring_errors(url: str) -> None:
    # The server cuts the request short: that is the point.
    with contextlib.suppress(requests.RequestException):
        requests.get(url, timeout=30)


def test_the_filter_drops_only_what_an_interruption_cancelled(interrupted: None) -> None:
    quiet = interruption.QUIET_INTERRUPTED_REQUESTS
    cancelled = asyncio.CancelledError(interruption.CANCELLED_BY_INTERRUPTION)
    other_cancel = asyncio.CancelledError("something else")

    def record(message: str, exc: BaseException | None = None) -> logging.LogRecord:
        exc_info = (type(exc), exc, None) if exc is not None else None
        return logging.LogRecord("uvicorn.error", logging.ERROR, "", 0, message, (), exc_info)

    assert not quiet.filter(record("Exception in ASGI application\n", cancelled))
    assert not quiet.filter(record(f"Traceback ...\nCancelledError: {cancelled.args[0]}"))
    assert not quiet.filter(record("Application startup failed. Exiting."))
    assert quiet.filter(record("Exception in ASGI application\n", other_cancel))
    assert quiet.filter(record("Exception in ASGI application\n", RuntimeError("boom")))


def test_without_an_interruption_a_failed_startup_is_still_logged() -> None:
    record = logging.LogRecord(
        "uvicorn.error", logging.ERROR, "", 0, "Application startup failed. Exiting.", (), None
    )
    assert interruption.interrupted_by() is None
    assert interruption.QUIET_INTERRUPTED_REQUESTS.filter(record)


def test_only_the_main_threads_sections_are_shielded() -> None:
    seen_from_thread: list[bool] = []

    def shield_elsewhere() -> None:
        with interruption.shielded():
            seen_from_thread.append(interruption.is_shielded())

    assert not interruption.is_shielded()
    with interruption.shielded():
        with interruption.shielded():
            assert interruption.is_shielded()
        assert interruption.is_shielded()
    assert not interruption.is_shielded()
    worker = threading.Thread(target=shield_elsewhere)
    worker.start()
    worker.join()
    assert seen_from_thread == [False]


def test_the_first_signal_is_the_one_remembered(interrupted: None) -> None:
    interruption.interrupt(signal.SIGINT)
    assert interruption.interrupted_by() == signal.SIGTERM


_LEFT_RUNNING = """
import sys
from pathlib import Path
from contextlib import asynccontextmanager
from starlette.applications import Starlette
from behave_live import UvicornTestServer

scratch = Path(sys.argv[1])

@asynccontextmanager
async def lifespan(app):
    scratch.write_text("in use")
    yield
    scratch.unlink()

server = UvicornTestServer(Starlette(lifespan=lifespan)).start()
print(server.base_url, flush=True)
# No stop(): the interpreter exits with the server running.
"""


def test_a_server_running_at_interpreter_exit_is_stopped_quietly(tmp_path: Path) -> None:
    scratch = tmp_path / "scratch.db"
    script = tmp_path / "left_running.py"
    script.write_text(textwrap.dedent(_LEFT_RUNNING), encoding="utf-8")

    finished = subprocess.run(
        [sys.executable, str(script), str(scratch)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )

    assert finished.returncode == 0, finished.stderr
    assert finished.stdout.startswith("http://127.0.0.1:")
    assert finished.stderr == "", f"exit was not quiet:\n{finished.stderr}"
    assert not scratch.exists(), "the lifespan shutdown did not run at exit"
