"""startup_timeout and shutdown_timeout hold even when the app blocks the event loop.

A synchronous ``time.sleep`` in a lifespan stops the loop itself: nothing on it can time
out or be cancelled. The caller must give up on time, stop the listening socket itself,
name the blocking line, and abandon the thread - which ends by itself once the block does,
leaving no thread, descriptor or listener behind.
"""

from __future__ import annotations

import contextlib
import os
import re
import threading
import time
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import pytest
import requests
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from behave_live import UvicornTestServer
from behave_live.errors import ServerStartupError

# Long enough to outlast each timeout here by seconds; short enough to keep the suite fast.
BLOCK_SECONDS = 3.0
# Joining the abandoned thread: it ends once the block does (a hang guard, not a wait).
THREAD_END_TIMEOUT = 15.0


def _socket_inodes() -> set[str]:
    inodes = set()
    for fd in os.listdir("/proc/self/fd"):
        with contextlib.suppress(OSError):
            target = os.readlink(f"/proc/self/fd/{fd}")
            if target.startswith("socket:["):
                inodes.add(target[len("socket:[") : -1])
    return inodes


def _listening_ports() -> set[int]:
    """The TCP ports this process listens on (from /proc/net/tcp*, matched by inode)."""
    mine = _socket_inodes()
    ports = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        with contextlib.suppress(OSError):
            for row in Path(table).read_text().splitlines()[1:]:
                fields = row.split()
                if fields[3] == "0A" and fields[9] in mine:  # 0A: LISTEN
                    ports.add(int(fields[1].rsplit(":", 1)[1], 16))
    return ports


@contextlib.contextmanager
def _resources_restored() -> Iterator[None]:
    """Check that threads and descriptors are back to their count once the block ends."""
    threads_before = set(threading.enumerate())
    fds_before = len(os.listdir("/proc/self/fd"))
    yield
    for abandoned in set(threading.enumerate()) - threads_before:
        abandoned.join(THREAD_END_TIMEOUT)
        assert not abandoned.is_alive(), f"{abandoned.name} did not end after the block"
    assert set(threading.enumerate()) == threads_before
    assert len(os.listdir("/proc/self/fd")) == fds_before


pytestmark = pytest.mark.skipif(
    not Path("/proc/net/tcp").exists(), reason="reads the socket table from /proc (Linux)"
)


def test_a_startup_that_blocks_the_loop_fails_within_its_timeout_and_leaves_nothing() -> None:
    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        time.sleep(BLOCK_SECONDS)  # the fault: a synchronous call in async startup code
        yield

    listening_before = _listening_ports()
    with _resources_restored():
        began = time.monotonic()
        with pytest.raises(ServerStartupError) as failure:
            UvicornTestServer(Starlette(lifespan=lifespan), startup_timeout=1).start()
        elapsed = time.monotonic() - began

        # The bound the issue sets: the error within 1.5 s for startup_timeout=1.
        assert elapsed < 1.5, f"start() gave up after {elapsed:.2f} s"
        message = str(failure.value)
        assert message.startswith(
            "Server did not start: the app's lifespan startup blocked the event loop for "
            "more than 1 s (startup_timeout).\n  blocking at "
        )
        assert re.search(r"test_blocked_loop\.py:\d+, in lifespan:\n    time\.sleep", message)
        assert "use its async form, or run it in a thread with asyncio.to_thread" in message
        # While the app still blocks its thread, nothing listens on the server's port.
        assert _listening_ports() == listening_before


def test_a_shutdown_that_blocks_the_loop_stops_within_its_timeout_and_is_recorded() -> None:
    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        yield
        time.sleep(BLOCK_SECONDS)

    listening_before = _listening_ports()
    with _resources_restored():
        server = UvicornTestServer(Starlette(lifespan=lifespan), shutdown_timeout=0.5)
        server.start()
        began = time.monotonic()
        server.stop()
        elapsed = time.monotonic() - began

        # shutdown_timeout and the 0.5 s wind-down; the block itself lasts 3 s.
        assert elapsed < 1.5, f"stop() gave up after {elapsed:.2f} s"
        assert _listening_ports() == listening_before
        [fault] = server.take_unhandled_errors()
        assert fault.during == "stop"
        assert re.fullmatch(
            r"the server did not stop within the 0\.5 s shutdown_timeout: the app blocks the "
            r"event loop at \S+test_blocked_loop\.py:\d+, in lifespan\. The listening socket "
            r"was closed and the server's thread abandoned \(it ends when the blocking call "
            r"returns\)",
            fault.headline,
        )
        assert fault.traceback.startswith("time.sleep(BLOCK_SECONDS)\n")


def test_a_request_that_blocks_the_loop_at_stop_is_reported_with_its_line() -> None:
    entered = threading.Event()

    async def blocking(request: Request) -> Response:
        entered.set()
        time.sleep(BLOCK_SECONDS)  # a synchronous client call inside an async handler
        return PlainTextResponse("late")

    app = Starlette(routes=[Route("/blocking", blocking)])
    with _resources_restored():
        server = UvicornTestServer(app, shutdown_timeout=0.3)
        server.start()
        client = threading.Thread(target=_get_quietly, args=(f"{server.base_url}/blocking",))
        client.start()
        assert entered.wait(THREAD_END_TIMEOUT)
        began = time.monotonic()
        server.stop()
        assert time.monotonic() - began < 1.5
        [fault] = server.take_unhandled_errors()
        assert "the app blocks the event loop at " in fault.headline
        assert ", in blocking." in fault.headline
        client.join(THREAD_END_TIMEOUT)


def _get_quietly(url: str) -> None:
    with contextlib.suppress(requests.RequestException):
        requests.get(url, timeout=THREAD_END_TIMEOUT)
