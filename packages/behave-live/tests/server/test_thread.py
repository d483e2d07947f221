"""Servers sharing one ServerThread: fresh apps and sockets, one OS thread and event loop."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import threading
import time
from collections.abc import AsyncIterator

import pytest
import requests
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from behave_live import ServerStartupError, UvicornTestServer
from behave_live.server.thread import ServerThread
from kit_testing.apps import create_app

_app_logger = logging.getLogger("tests.server_thread.app")


async def _shout(request: Request) -> Response:
    _app_logger.warning("shouting %s", request.query_params["word"])
    return PlainTextResponse("ok")


def _shouting_app() -> Starlette:
    return Starlette(routes=[Route("/shout", _shout)])


def _counts() -> tuple[int, int]:
    return threading.active_count(), len(os.listdir("/proc/self/fd"))


def test_servers_one_after_another_share_the_thread_but_not_the_app() -> None:
    with ServerThread() as thread:
        for _ in range(20):
            with UvicornTestServer(create_app, thread=thread) as server:
                visits = requests.post(f"{server.base_url}/visits", timeout=5).json()
                assert visits == {"visits": 1}  # a fresh app every time
                assert thread.is_alive


def test_one_thread_for_many_servers_leaves_nothing_behind() -> None:
    before = _counts()
    with ServerThread() as thread:
        for _ in range(100):
            UvicornTestServer(create_app, thread=thread).start().stop()
        during = threading.active_count()

    assert during == before[0] + 1  # the one shared thread, not one per server
    assert _counts() == before


def test_two_servers_on_one_thread_keep_their_own_logs() -> None:
    with (
        ServerThread() as thread,
        UvicornTestServer(_shouting_app(), thread=thread) as first,
        UvicornTestServer(_shouting_app(), thread=thread) as second,
    ):
        requests.get(f"{first.base_url}/shout", params={"word": "first"}, timeout=5)
        requests.get(f"{second.base_url}/shout", params={"word": "second"}, timeout=5)

    assert "shouting first" in first.log.text()
    assert "shouting second" not in first.log.text()
    assert "shouting second" in second.log.text()
    assert "shouting first" not in second.log.text()


def test_a_failed_start_leaves_the_shared_thread_usable() -> None:
    @contextlib.asynccontextmanager
    async def broken(app: Starlette) -> AsyncIterator[None]:
        raise RuntimeError("db missing")
        yield

    with ServerThread() as thread:
        with pytest.raises(ServerStartupError, match="db missing"):
            UvicornTestServer(Starlette(lifespan=broken), thread=thread).start()
        with UvicornTestServer(create_app, thread=thread) as server:
            assert requests.get(f"{server.base_url}/health", timeout=5).status_code == 200


def test_a_hung_startup_on_a_shared_thread_is_cancelled_and_the_thread_reused() -> None:
    @contextlib.asynccontextmanager
    async def hangs(app: Starlette) -> AsyncIterator[None]:
        await asyncio.Event().wait()
        yield

    with ServerThread() as thread:
        began = time.monotonic()
        with pytest.raises(ServerStartupError, match="lifespan startup did not finish within"):
            UvicornTestServer(Starlette(lifespan=hangs), thread=thread, startup_timeout=0.3).start()
        assert time.monotonic() - began < 3.3  # a hang guard, not a speed check
        assert not thread.stuck
        with UvicornTestServer(create_app, thread=thread) as server:
            assert requests.get(f"{server.base_url}/health", timeout=5).status_code == 200


def test_a_thread_blocked_by_a_server_is_marked_stuck_and_refused() -> None:
    release = threading.Event()

    @contextlib.asynccontextmanager
    async def blocks_the_loop(app: Starlette) -> AsyncIterator[None]:
        release.wait(10)  # blocking call: the loop itself is stuck, cancelling cannot help
        yield

    thread = ServerThread().start()
    try:
        with pytest.raises(
            ServerStartupError, match=r"blocked the event loop for more than 0\.2 s"
        ):
            UvicornTestServer(
                Starlette(lifespan=blocks_the_loop),
                thread=thread,
                startup_timeout=0.2,
                shutdown_timeout=0.2,
            ).start()
        assert thread.stuck
        with pytest.raises(ServerStartupError, match="still blocked by a server"):
            UvicornTestServer(create_app, thread=thread).start()
    finally:
        release.set()
        thread.close()


def test_submitting_to_a_thread_that_is_not_running_says_so() -> None:
    async def nothing() -> None:
        return None

    coroutine = nothing()
    with pytest.raises(RuntimeError, match="is not running: call start"):
        ServerThread().submit(coroutine)
    coroutine.close()


def test_a_spawned_coroutine_runs_on_the_loop_and_can_be_cancelled_from_outside() -> None:
    ran = threading.Event()
    cancelled = threading.Event()

    async def wait_forever() -> None:
        ran.set()
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            cancelled.set()
            raise

    with ServerThread() as thread:
        spawned = thread.spawn(wait_forever())
        assert ran.wait(5)
        spawned.cancel()
        assert cancelled.wait(5)
    spawned.cancel()  # the loop has closed: nothing to cancel, and no error
