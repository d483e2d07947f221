"""A loaded uvicorn Config per start, copied from a template, and servers freed without the GC."""

from __future__ import annotations

import gc
from typing import Any

import requests
import uvicorn
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from behave_live import UvicornTestServer
from behave_live.server.thread import ServerThread
from behave_live.server.uvicorn_config import loaded_config
from kit_testing.apps import create_app, marked_app

_OPTIONS: dict[str, Any] = {
    "log_config": None,
    "proxy_headers": False,
    "lifespan": "on",
    "interface": "asgi3",
}


def test_configs_with_the_same_options_are_loaded_copies_each_with_its_own_app() -> None:
    first_app, second_app = create_app(), create_app()

    first = loaded_config(first_app, dict(_OPTIONS))
    second = loaded_config(second_app, dict(_OPTIONS))

    assert first is not second
    assert first.loaded
    assert second.loaded
    assert (first.loaded_app, second.loaded_app) == (first_app, second_app)
    assert first.app is first_app
    assert first.lifespan_class is second.lifespan_class


def test_an_app_uvicorn_wraps_gets_a_config_built_in_full_and_loaded_later() -> None:
    app = create_app()

    config = loaded_config(app, {**_OPTIONS, "proxy_headers": True})

    assert not config.loaded
    config.load()
    assert isinstance(config.loaded_app, ProxyHeadersMiddleware)


def test_options_uvicorn_cannot_load_are_left_to_the_start_to_report() -> None:
    config = loaded_config(create_app(), {**_OPTIONS, "http": "no.such.module:Protocol"})

    assert isinstance(config, uvicorn.Config)
    assert not config.loaded


def test_servers_with_the_same_options_serve_their_own_apps() -> None:
    with ServerThread() as thread:
        for marker in ("first", "second"):
            with UvicornTestServer(marked_app(marker), thread=thread) as server:
                answer = requests.get(f"{server.base_url}/health", timeout=5).json()
                assert answer == {"message": "OK", "server": marker}


def test_a_stopped_server_is_freed_without_the_garbage_collector() -> None:
    # Cyclic garbage waits for the collector, whose runs a fresh server per scenario would
    # make frequent: a stopped server's uvicorn and asyncio servers must be freed at once.
    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        with ServerThread() as thread, UvicornTestServer(create_app(), thread=thread) as server:
            requests.get(f"{server.base_url}/health", timeout=5)
        gc.collect()
        left = [kind for kind in map(type, gc.garbage) if kind is uvicorn.Server]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert left == []
