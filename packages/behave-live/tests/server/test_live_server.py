"""UvicornTestServer: lifecycle, app specs, graceful stop, captured log, startup failures.

Readiness is never awaited with sleeps: ``start()`` returns once the server accepts requests,
and slow requests signal "I am in flight" with a ``threading.Event`` set inside the app.
The only time limits asserted are generous hang guards (a start that fails must fail within
its ``startup_timeout``, not hang).
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
import os
import re
import socket
import stat
import sys
import threading
import time
from collections.abc import AsyncIterator, Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

import pytest
import requests
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

import kit_testing
from behave_live import ServerStartupError, UvicornTestServer
from behave_live.server.listening_socket import bind_listening_socket
from kit_testing.apps import APP_SPEC, create_app

KIT_TESTING = Path(kit_testing.__file__).parent

# Hang guard only: a start that fails must raise within its startup_timeout plus this margin.
HANG_MARGIN = 3.0
# Client-side timeout for every request, so a broken server fails a test instead of hanging it.
REQUEST_TIMEOUT = 10.0


# -- helpers ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Resources:
    """What a server could leak: threads, file descriptors, handlers on the root logger."""

    threads: frozenset[threading.Thread]
    fds: int
    root_handlers: int

    @classmethod
    def now(cls) -> Resources:
        # Collect garbage first: an object an earlier test left in a reference cycle may close
        # its socket whenever the collector runs, which would look like a change here.
        gc.collect()
        return cls(
            threads=frozenset(threading.enumerate()),
            fds=len(os.listdir("/proc/self/fd")),
            root_handlers=len(logging.getLogger().handlers),
        )


@dataclass
class AppProbe:
    """Records what happened inside a test app, in order, for assertions from the test."""

    events: list[str] = field(default_factory=list)
    entered: threading.Event = field(default_factory=threading.Event)


def _probe_app(probe: AppProbe) -> Starlette:
    """An app whose endpoints report their progress to ``probe``."""

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        probe.events.append("lifespan startup")
        yield
        probe.events.append("lifespan shutdown")

    async def slow(request: Request) -> Response:
        probe.entered.set()
        # Inside the app, on purpose: keeps the request in flight while stop() begins.
        await asyncio.sleep(0.2)
        probe.events.append("slow request finished")
        return PlainTextResponse("slow done")

    async def forever(request: Request) -> Response:
        probe.entered.set()
        try:
            await asyncio.Event().wait()
        except asyncio.CancelledError:
            probe.events.append("forever request cancelled")
            raise
        return PlainTextResponse("unreachable")  # pragma: no cover

    async def boom(request: Request) -> Response:
        raise RuntimeError(f"kaboom {request.path_params['word']}")

    async def health(request: Request) -> Response:
        return JSONResponse({"message": "OK"})

    return Starlette(
        routes=[
            Route("/health", health),
            Route("/slow", slow),
            Route("/forever", forever),
            Route("/boom/{word}", boom),
        ],
        lifespan=lifespan,
    )


def _get(url: str) -> requests.Response:
    return requests.get(url, timeout=REQUEST_TIMEOUT)


def _raw_get_health(client: socket.socket) -> bytes:
    """Send GET /health on a raw keep-alive connection and read the whole response."""
    client.sendall(b"GET /health HTTP/1.1\r\nHost: test\r\n\r\n")
    received = b""
    while b"\r\n\r\n" not in received:
        chunk = client.recv(4096)
        assert chunk, f"connection closed mid-response: {received!r}"
        received += chunk
    head, body = received.split(b"\r\n\r\n", 1)
    length = int(re.search(rb"content-length: (\d+)", head, re.IGNORECASE)[1])  # type: ignore[index]
    while len(body) < length:
        chunk = client.recv(4096)
        assert chunk, f"connection closed mid-body: {received!r}"
        body += chunk
    assert head.startswith(b"HTTP/1.1 200 OK"), head
    return body


def _accepted_socket_nodelay(server_address: tuple[str, int], peer: tuple[str, int]) -> int:
    """Read TCP_NODELAY on the server's accepted socket for the connection from ``peer``.

    The server runs in this process, so its accepted socket is one of our file descriptors:
    find it by its two addresses and read the option through a duplicate descriptor.
    """
    for name in os.listdir("/proc/self/fd"):
        fd = int(name)
        try:
            if not stat.S_ISSOCK(os.fstat(fd).st_mode):
                continue
        except OSError:  # the descriptor listdir itself used, already closed
            continue
        with socket.socket(fileno=os.dup(fd)) as candidate:
            if candidate.family != socket.AF_INET or candidate.type != socket.SOCK_STREAM:
                continue
            try:
                addresses = (candidate.getsockname(), candidate.getpeername())
            except OSError:  # listening socket: no peer
                continue
            if addresses == (server_address, peer):
                return candidate.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY)
    raise AssertionError(f"no accepted socket for {peer} -> {server_address} in this process")


# -- lifecycle --------------------------------------------------------------------------------


def test_start_serves_requests_and_stop_stops_listening() -> None:
    server = UvicornTestServer(create_app)
    assert not server.is_running

    assert server.start() is server
    assert server.is_running
    url = server.base_url
    assert re.fullmatch(r"http://127\.0\.0\.1:\d+", url), url
    assert int(url.rsplit(":", 1)[1]) != 0
    response = _get(f"{url}/health")
    assert response.status_code == 200
    assert response.json() == {"message": "OK"}

    server.stop()
    assert not server.is_running
    with pytest.raises(requests.ConnectionError):
        _get(f"{url}/health")


def test_context_manager_starts_and_stops() -> None:
    with UvicornTestServer(create_app) as server:
        assert server.is_running
        url = server.base_url
        assert _get(f"{url}/health").status_code == 200
    assert not server.is_running
    with pytest.raises(requests.ConnectionError):
        _get(f"{url}/health")


def test_context_manager_stops_when_the_body_raises() -> None:
    server = UvicornTestServer(create_app)
    url = ""

    def use_then_fail() -> None:
        nonlocal url
        with server:
            url = server.base_url
            raise ValueError("body failed")

    with pytest.raises(ValueError, match="body failed"):
        use_then_fail()
    assert not server.is_running
    with pytest.raises(requests.ConnectionError):
        _get(f"{url}/health")


def test_base_url_raises_a_clear_error_when_not_running() -> None:
    server = UvicornTestServer(create_app)
    with pytest.raises(RuntimeError, match=r"not running: call start\(\) first"):
        _ = server.base_url
    with server:
        assert server.base_url.startswith("http://")
    with pytest.raises(RuntimeError, match="not running"):
        _ = server.base_url


def test_stop_is_idempotent_and_harmless_before_start() -> None:
    server = UvicornTestServer(create_app)
    server.stop()  # never started: nothing to do
    assert not server.is_running
    before = Resources.now()

    server.start()
    server.stop()
    server.stop()

    assert not server.is_running
    assert Resources.now() == before


def test_start_twice_raises_instead_of_starting_a_second_thread() -> None:
    with UvicornTestServer(create_app) as server:
        threads = set(threading.enumerate())
        with pytest.raises(RuntimeError, match="already running"):
            server.start()
        assert set(threading.enumerate()) == threads
        assert _get(f"{server.base_url}/health").status_code == 200


def test_restart_after_stop_serves_again_with_the_same_object() -> None:
    server = UvicornTestServer(create_app)
    for _ in range(3):
        with server:
            response = requests.post(f"{server.base_url}/visits", timeout=REQUEST_TIMEOUT)
            assert response.status_code == 200
            # The factory runs on every start: each run has a fresh app and fresh state.
            assert response.json() == {"visits": 1}
    assert not server.is_running


def test_meanwhile_runs_with_the_base_url_before_start_returns() -> None:
    seen: list[tuple[str, bool]] = []
    server = UvicornTestServer(create_app)
    server.start(lambda url: seen.append((url, server.is_running)))
    try:
        # Called once the port is bound, before start() returned: not yet "running".
        assert seen == [(server.base_url, False)]
        assert _get(f"{server.base_url}/health").status_code == 200
    finally:
        server.stop()


def test_meanwhile_that_raises_undoes_the_start_and_propagates() -> None:
    bound: list[str] = []

    def fail(url: str) -> None:
        bound.append(url)
        raise ValueError("meanwhile failed")

    server = UvicornTestServer(create_app)
    with pytest.raises(ValueError, match="meanwhile failed"):
        server.start(fail)
    assert not server.is_running
    with pytest.raises(requests.ConnectionError):
        requests.get(f"{bound[0]}/health", timeout=REQUEST_TIMEOUT)
    with server:  # and it starts again afterwards
        assert _get(f"{server.base_url}/health").status_code == 200


def test_repr_names_the_app_and_where_it_listens() -> None:
    server = UvicornTestServer(APP_SPEC)
    assert repr(server) == f"<UvicornTestServer {APP_SPEC!r} stopped>"
    with server:
        assert repr(server) == f"<UvicornTestServer {APP_SPEC!r} {server.base_url}>"


def test_ipv6_loopback_base_url_has_brackets() -> None:
    try:
        bind_listening_socket("::1", 0).close()
    except ServerStartupError:
        pytest.skip("IPv6 loopback is not available on this machine")
    with UvicornTestServer(create_app, host="::1") as server:
        assert re.fullmatch(r"http://\[::1\]:\d+", server.base_url), server.base_url
        assert _get(f"{server.base_url}/health").json() == {"message": "OK"}


def test_uvicorn_options_pass_through() -> None:
    with UvicornTestServer(create_app, server_header=False) as server:
        response = _get(f"{server.base_url}/health")
    assert response.status_code == 200
    assert "server" not in response.headers


def test_an_unknown_uvicorn_option_is_a_startup_error_that_leaks_nothing() -> None:
    server = UvicornTestServer(create_app, limit_concurency=1)
    before = Resources.now()
    with pytest.raises(ServerStartupError) as raised:
        server.start()
    assert str(raised.value) == (
        "Server did not start: 'limit_concurency' (UvicornTestServer(..., "
        "limit_concurency=...)) is not an option of uvicorn.Config. Did you mean "
        "'limit_concurrency'?"
    )
    assert not server.is_running
    # Regression: the listening socket and the event loop used to be created first, and leak.
    assert Resources.now() == before


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"no_such_option": 1}, "is not an option of uvicorn.Config. The options are loop, "),
        ({"uds": "/tmp/s"}, "is set by the kit itself: the kit binds a TCP socket of its own"),
        ({"interface": "asgi2"}, "is set by the kit itself: the kit serves every app as ASGI 3"),
        ({"timeout_graceful_shutdown": 1}, "use the setting shutdown_timeout instead"),
    ],
)
def test_uvicorn_options_the_kit_cannot_pass_on_are_named(
    options: dict[str, Any], message: str
) -> None:
    with pytest.raises(ServerStartupError, match=re.escape(message)):
        UvicornTestServer(create_app, **options).start()


# -- app given as object, import string, factory ----------------------------------------------


def _raw_asgi_app(marker: str) -> Callable[..., object]:
    async def app(scope: dict[str, object], receive: object, send: Callable[..., object]) -> None:
        assert scope["type"] == "http"
        body = marker.encode()
        await send({"type": "http.response.start", "status": 200, "headers": []})  # type: ignore[misc]
        await send({"type": "http.response.body", "body": body})  # type: ignore[misc]

    return app


def _app_instance() -> Starlette:
    return create_app()  # an ASGI app object, not the factory


@pytest.mark.parametrize(
    "make_spec",
    [
        pytest.param(_app_instance, id="asgi-app-object"),
        pytest.param(lambda: create_app, id="factory-callable"),
        pytest.param(lambda: APP_SPEC, id="import-string-naming-a-factory"),
        pytest.param(lambda: "kit_testing.apps:app", id="import-string-naming-an-app"),
    ],
)
def test_app_can_be_an_object_an_import_string_or_a_factory(
    make_spec: Callable[[], object],
) -> None:
    with UvicornTestServer(make_spec()) as server:
        response = _get(f"{server.base_url}/health")
    assert response.status_code == 200
    assert response.json() == {"message": "OK"}


def test_factory_flag_true_calls_a_factory_that_takes_optional_arguments() -> None:
    calls: list[str] = []

    def factory(name: str = "demo") -> Starlette:
        calls.append(name)
        return create_app()

    with UvicornTestServer(factory, factory=True) as server:
        assert _get(f"{server.base_url}/health").status_code == 200
    assert calls == ["demo"]


def test_raw_asgi_function_with_lifespan_off() -> None:
    with UvicornTestServer(_raw_asgi_app("raw app here"), lifespan="off") as server:
        response = _get(f"{server.base_url}/anything")
    assert response.status_code == 200
    assert response.text == "raw app here"


# -- graceful stop, shutdown timeout, lifespan shutdown ---------------------------------------


def test_lifespan_startup_and_shutdown_run_around_serving() -> None:
    probe = AppProbe()
    server = UvicornTestServer(_probe_app(probe))
    server.start()
    assert probe.events == ["lifespan startup"]
    server.stop()
    assert probe.events == ["lifespan startup", "lifespan shutdown"]


def test_graceful_stop_lets_an_in_flight_request_finish() -> None:
    probe = AppProbe()
    server = UvicornTestServer(_probe_app(probe))
    server.start()
    url = f"{server.base_url}/slow"
    with ThreadPoolExecutor(max_workers=1) as pool:
        pending: Future[requests.Response] = pool.submit(_get, url)
        assert probe.entered.wait(REQUEST_TIMEOUT), "the slow request never reached the app"
        server.stop()
        # stop() returned only after the request finished, and before lifespan shutdown.
        assert probe.events == ["lifespan startup", "slow request finished", "lifespan shutdown"]
        response = pending.result(timeout=REQUEST_TIMEOUT)
    assert response.status_code == 200
    assert response.text == "slow done"
    assert server.log.errors() == []


def test_shutdown_timeout_cancels_a_request_that_never_finishes() -> None:
    probe = AppProbe()
    server = UvicornTestServer(_probe_app(probe), shutdown_timeout=0.3)
    server.start()
    url = f"{server.base_url}/forever"
    with ThreadPoolExecutor(max_workers=1) as pool:
        pending: Future[requests.Response] = pool.submit(_get, url)
        assert probe.entered.wait(REQUEST_TIMEOUT), "the request never reached the app"
        began = time.monotonic()
        server.stop()
        elapsed = time.monotonic() - began
        with pytest.raises(requests.ConnectionError):
            pending.result(timeout=REQUEST_TIMEOUT)
    assert elapsed < 0.3 + HANG_MARGIN, f"stop() took {elapsed:.2f} s"
    assert probe.events == ["lifespan startup", "forever request cancelled", "lifespan shutdown"]
    # Recorded, so the test that stopped the server fails: what was busy, and where.
    [fault] = server.unhandled_errors
    assert fault.during == "stop"
    assert fault.headline == (
        "the app was still busy 0.3 s after the server was asked to stop (shutdown_timeout), "
        "so its requests were cancelled"
    )
    assert fault.traceback.startswith("GET /forever (waiting at ")
    assert "in forever)" in fault.traceback
    assert "the app was still busy 0.3 s" in server.log.text()


def test_stop_closes_an_idle_keep_alive_connection() -> None:
    server = UvicornTestServer(create_app)
    server.start()
    host, port = server.base_url.removeprefix("http://").rsplit(":", 1)
    with socket.create_connection((host, int(port)), timeout=REQUEST_TIMEOUT) as client:
        assert _raw_get_health(client) == b'{"message":"OK"}'
        server.stop()
        # The server closed its end: the idle client reads end-of-file (not a timeout).
        assert client.recv(4096) == b""


# -- HTTP details -----------------------------------------------------------------------------


def test_accepted_connections_have_tcp_nodelay() -> None:
    # The listening socket says TCP, so asyncio enables TCP_NODELAY on accepted sockets.
    listener = bind_listening_socket("127.0.0.1", 0)
    with listener:
        assert listener.proto == socket.IPPROTO_TCP

    with UvicornTestServer(create_app) as server:
        port = int(server.base_url.rsplit(":", 1)[1])
        with socket.create_connection(("127.0.0.1", port), timeout=REQUEST_TIMEOUT) as client:
            assert _raw_get_health(client) == b'{"message":"OK"}'
            # Checked on the server's side of this very connection, while it is open.
            nodelay = _accepted_socket_nodelay(("127.0.0.1", port), client.getsockname())
    assert nodelay != 0


def test_responses_carry_a_date_header() -> None:
    with UvicornTestServer(create_app) as server:
        response = _get(f"{server.base_url}/health")
    assert "date" in response.headers
    date = parsedate_to_datetime(response.headers["date"])
    assert date.tzinfo is not None
    assert response.headers["date"].endswith(" GMT")


# -- captured log -----------------------------------------------------------------------------


def _settle(server: UvicornTestServer) -> None:
    """Make a follow-up request, so records of the previous one are surely in the log.

    uvicorn logs an app's traceback right after it has sent the 500, on the server's thread.
    The follow-up uses a new connection (uvicorn closes the one whose request raised), and
    the server's loop accepts it only after the step that logged: once it answers, the
    earlier records are there.
    """
    assert _get(f"{server.base_url}/health").status_code == 200


def test_an_app_exception_is_a_500_and_its_traceback_is_in_the_log() -> None:
    with UvicornTestServer(_probe_app(AppProbe())) as server:
        response = _get(f"{server.base_url}/boom/alpha")
        _settle(server)
        errors = server.log.errors()
        text = server.log.text(level=logging.ERROR)
    assert response.status_code == 500
    assert len(errors) == 1
    assert "Exception in ASGI application" in errors[0].getMessage()
    assert "Traceback (most recent call last)" in text
    assert "RuntimeError: kaboom alpha" in text


def test_records_of_two_servers_running_at_once_do_not_mix() -> None:
    with (
        UvicornTestServer(_probe_app(AppProbe())) as first,
        UvicornTestServer(_probe_app(AppProbe())) as second,
    ):
        assert _get(f"{first.base_url}/boom/one").status_code == 500
        assert _get(f"{second.base_url}/boom/two").status_code == 500
        _settle(first)
        _settle(second)
        first_text, second_text = first.log.text(), second.log.text()
    assert "kaboom one" in first_text
    assert "kaboom two" not in first_text
    assert "kaboom two" in second_text
    assert "kaboom one" not in second_text


def test_log_position_bookmarks_only_newer_records() -> None:
    with UvicornTestServer(_probe_app(AppProbe())) as server:
        assert _get(f"{server.base_url}/boom/before").status_code == 500
        _settle(server)
        bookmark = server.log.position
        assert server.log.errors(since=bookmark) == []

        assert _get(f"{server.base_url}/boom/after").status_code == 500
        _settle(server)
        newer = server.log.text(since=bookmark)
        everything = server.log.text()
    assert "kaboom after" in newer
    assert "kaboom before" not in newer
    assert "kaboom before" in everything
    assert "kaboom after" in everything
    assert len(server.log.errors(since=bookmark)) == 1
    assert len(server.log.errors()) == 2


def test_log_stays_readable_after_stop_and_keeps_counting_across_restarts() -> None:
    server = UvicornTestServer(_probe_app(AppProbe()))
    with server:
        assert _get(f"{server.base_url}/boom/first-run").status_code == 500
    bookmark = server.log.position
    assert "kaboom first-run" in server.log.text()
    with server:
        assert _get(f"{server.base_url}/boom/second-run").status_code == 500
    assert "kaboom first-run" not in server.log.text(since=bookmark)
    assert "kaboom second-run" in server.log.text(since=bookmark)


# -- startup failures -------------------------------------------------------------------------


def _expect_startup_failure(server: UvicornTestServer) -> ServerStartupError:
    """Start ``server``, expecting a ServerStartupError in time and nothing left behind."""
    before = Resources.now()
    began = time.monotonic()
    with pytest.raises(ServerStartupError) as failure:
        server.start()
    elapsed = time.monotonic() - began
    assert elapsed < server.startup_timeout + HANG_MARGIN, f"start() took {elapsed:.2f} s"
    assert not server.is_running
    with pytest.raises(RuntimeError, match="not running"):
        _ = server.base_url
    assert Resources.now() == before
    return failure.value


def test_missing_module_fails_with_the_import_string_in_the_message() -> None:
    error = _expect_startup_failure(UvicornTestServer("no_such_module_xyz:app"))
    message = str(error)
    assert message.startswith("Server did not start: could not import the app")
    assert "'no_such_module_xyz:app'" in message
    assert "No module named 'no_such_module_xyz'" in message


def test_missing_attribute_fails_with_the_attribute_in_the_message() -> None:
    error = _expect_startup_failure(UvicornTestServer("kit_testing.apps:create_ap"))
    message = str(error)
    assert message.startswith(
        "Server did not start: the app 'kit_testing.apps:create_ap' names 'create_ap', but "
        "'kit_testing.apps' ("
    )
    assert f"{os.path.join('kit_testing', 'apps.py')}) has no attribute 'create_ap'." in message
    assert message.endswith("has no attribute 'create_ap'. Did you mean 'create_app'?")


def test_a_string_without_an_attribute_is_not_an_import_string() -> None:
    error = _expect_startup_failure(UvicornTestServer("app.create_app"))
    assert str(error) == (
        "Server did not start: the app 'app.create_app' is not an import string. Write it as "
        "'package.module:attribute' (for example 'app:create_app')."
    )


@pytest.mark.parametrize(
    ("app", "fixed"),
    [
        ("shop/main.py:app", "'shop.main:app'."),
        ("./shop/main.py:create_app", "'shop.main:create_app'."),
        ("main.py:app", "'main:app'."),
        ("src/shop/main.py:app", "'shop.main:app' with app_dir=src."),
        ("shop\\main:app", "'shop.main:app'."),
    ],
)
def test_a_file_path_for_the_app_is_answered_with_its_import_string(app: str, fixed: str) -> None:
    error = _expect_startup_failure(UvicornTestServer(app))
    assert str(error) == (
        f"Server did not start: the app {app!r} names a file, not a module. Write it as an "
        f"import string, with dots and without .py: {fixed}"
    )


def _module(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, source: str) -> Path:
    """Write ``name`` (``pkg/mod.py`` or ``mod.py``) under tmp_path, importable, forgotten after."""
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(source)
    monkeypatch.syspath_prepend(str(tmp_path))
    monkeypatch.chdir(tmp_path)  # messages show paths relative to the working directory
    return path


def test_module_raising_on_import_names_the_users_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _module(tmp_path, monkeypatch, "bl_raising.py", 'x = 1\nraise RuntimeError("import-time")\n')
    error = _expect_startup_failure(UvicornTestServer("bl_raising:app"))
    assert str(error) == (
        "Server did not start: importing the app 'bl_raising:app' raised "
        "RuntimeError('import-time').\n"
        "  at bl_raising.py:2, in <module>:\n"
        '    raise RuntimeError("import-time")\n'
        "Fix the error there."
    )
    assert error.summary == (
        "importing the app 'bl_raising:app' raised RuntimeError('import-time') (bl_raising.py:2)"
    )
    assert "chained below" not in str(error)


def test_the_innermost_line_of_the_users_code_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # main imports helpers, whose function raises through json (stdlib): helpers.py is named.
    _module(tmp_path, monkeypatch, "bl_deep/__init__.py", "")
    _module(
        tmp_path,
        monkeypatch,
        "bl_deep/helpers.py",
        "import json\n\ndef load():\n    return json.loads('{broken')\n",
    )
    _module(
        tmp_path, monkeypatch, "bl_deep/main.py", "from bl_deep import helpers\nhelpers.load()\n"
    )
    message = str(_expect_startup_failure(UvicornTestServer("bl_deep.main:app")))
    assert f"  at {os.path.join('bl_deep', 'helpers.py')}:4, in load:\n" in message
    assert "    return json.loads('{broken')\n" in message


def test_a_syntax_error_names_its_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _module(tmp_path, monkeypatch, "bl_syntax.py", "app = 1\ndef broken(:\n")
    message = str(_expect_startup_failure(UvicornTestServer("bl_syntax:app")))
    assert "raised SyntaxError(" in message
    assert "  at bl_syntax.py:2, in <module>:\n    def broken(:\n" in message


def test_a_missing_dependency_is_named_as_such(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _module(tmp_path, monkeypatch, "bl_needs/__init__.py", "")
    _module(tmp_path, monkeypatch, "bl_needs/main.py", "import os\nimport bl_not_installed.sub\n")
    error = _expect_startup_failure(UvicornTestServer("bl_needs.main:app"))
    assert str(error) == (
        "Server did not start: bl_needs.main imports 'bl_not_installed', which is not "
        "installed.\n"
        f"  at {os.path.join('bl_needs', 'main.py')}:2, in <module>:\n"
        "    import bl_not_installed.sub\n"
        "Install it: pip install bl_not_installed (or add the package that provides "
        "'bl_not_installed' to your project's dependencies), or fix that import."
    )


def test_a_missing_module_of_the_apps_own_package_is_named_as_such(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _module(tmp_path, monkeypatch, "bl_own/__init__.py", "")
    _module(tmp_path, monkeypatch, "bl_own/main.py", "import bl_own.sttore\n")
    message = str(_expect_startup_failure(UvicornTestServer("bl_own.main:app")))
    assert message.startswith(
        "Server did not start: bl_own.main imports 'bl_own.sttore', which does not exist.\n"
    )
    assert message.endswith("Fix that import, or add the missing module.")


def test_a_missing_app_module_in_an_existing_package_lists_its_modules() -> None:
    message = str(_expect_startup_failure(UvicornTestServer("kit_testing.no_such_module:app")))
    assert message == (
        "Server did not start: could not import the app 'kit_testing.no_such_module:app': "
        "No module named 'kit_testing.no_such_module'.\n"
        f"The package 'kit_testing' ({os.path.relpath(KIT_TESTING)}) has no module "
        "'no_such_module'; its modules: apps, inspection, samples, streams."
    )


def test_a_misspelt_app_module_gets_a_did_you_mean_and_no_format_hint() -> None:
    message = str(_expect_startup_failure(UvicornTestServer("kit_testing.apsp:create_app")))
    assert message == (
        "Server did not start: could not import the app 'kit_testing.apsp:create_app': "
        "No module named 'kit_testing.apsp'.\n"
        f"The package 'kit_testing' ({os.path.relpath(KIT_TESTING)}) has no module 'apsp': "
        "did you mean 'kit_testing.apps:create_app'?"
    )


def test_a_package_in_a_working_directory_off_sys_path_suggests_app_dir(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A script run from elsewhere: Python put the script's directory on sys.path, not this one.
    (tmp_path / "bl_shop").mkdir()
    (tmp_path / "bl_shop" / "__init__.py").write_text("")
    (tmp_path / "bl_shop" / "main.py").write_text("from kit_testing.apps import create_app\n")
    monkeypatch.chdir(tmp_path)
    monkeypatch.setattr(sys, "path", [entry for entry in sys.path if entry not in ("", ".")])

    message = str(_expect_startup_failure(UvicornTestServer("bl_shop.main:app")))

    assert message == (
        "Server did not start: could not import the app 'bl_shop.main:app': No module named "
        "'bl_shop'.\n"
        f"'bl_shop' is in the working directory {tmp_path}, but that directory is not on "
        "sys.path (Python puts a script's own directory there, not the working directory). "
        f"Pass app_dir={str(tmp_path)!r} (UvicornTestServer(..., app_dir=...); in behave or "
        "pytest, the app_dir setting)."
    )
    # The advice works: with app_dir the same import string starts.
    with UvicornTestServer("bl_shop.main:create_app", app_dir=str(tmp_path)) as server:
        assert requests.get(f"{server.base_url}/health", timeout=5).status_code == 200


def test_factory_raising_names_the_factorys_line() -> None:
    def broken_factory() -> Starlette:
        raise ValueError("factory exploded")

    error = _expect_startup_failure(UvicornTestServer(broken_factory))
    message = str(error)
    assert message.startswith(
        "Server did not start: the app factory "
        "'test_factory_raising_names_the_factorys_line.<locals>.broken_factory' raised "
        "ValueError('factory exploded').\n"
    )
    assert "test_live_server.py:" in message
    assert ', in broken_factory:\n    raise ValueError("factory exploded")\nFix the factory.' in (
        message
    )
    assert isinstance(error.__cause__, ValueError)


def test_factory_returning_a_non_app_fails() -> None:
    error = _expect_startup_failure(UvicornTestServer(lambda: 42))
    assert "returned int 42, not an ASGI application" in str(error)


def test_lifespan_startup_raising_fails_with_the_apps_own_message() -> None:
    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        raise RuntimeError("db missing")
        yield  # pragma: no cover

    server = UvicornTestServer(Starlette(lifespan=lifespan))
    error = _expect_startup_failure(server)
    message = str(error)
    assert message.startswith(
        "Server did not start: lifespan startup failed: RuntimeError('db missing').\n"
    )
    assert ', in lifespan:\n    raise RuntimeError("db missing")\n' in message
    # Names the way out for apps without lifespan, in each runner's own words.
    assert (
        "turn it off: -D lifespan=off (behave), behave_live_lifespan = off (pytest ini), "
        "UvicornTestServer(app, lifespan='off') (code)."
    ) in message
    assert "RuntimeError: db missing" in server.log.text()


def test_the_first_records_of_a_server_are_never_lost() -> None:
    # Regression: start() attached the log after thread.start(), so whatever the thread
    # logged first (here a failed lifespan's traceback) was lost whenever it ran first.
    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        raise RuntimeError("db missing")
        yield  # pragma: no cover

    missing = 0
    for _ in range(50):
        server = UvicornTestServer(Starlette(lifespan=lifespan))
        with pytest.raises(ServerStartupError):
            server.start()
        missing += "RuntimeError: db missing" not in server.log.text()
    assert missing == 0, f"the startup traceback was missing from {missing} of 50 logs"


def test_lifespan_startup_that_hangs_fails_after_the_startup_timeout() -> None:
    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        await asyncio.Event().wait()
        yield  # pragma: no cover

    error = _expect_startup_failure(
        UvicornTestServer(Starlette(lifespan=lifespan), startup_timeout=0.3)
    )
    message = str(error)
    assert message.startswith(
        "Server did not start: the app's lifespan startup did not finish within 0.3 s.\n"
        "  waiting at "
    )
    assert ", in lifespan:\n    await asyncio.Event().wait()\nLook for a startup handler" in (
        message
    )


def test_lifespan_startup_that_blocks_its_thread_names_the_blocking_line() -> None:
    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        # Blocks the event loop's thread past the timeout, as a synchronous connect would
        # (and then lets it go: start() gives up at once, the thread ends by itself).
        threading.Event().wait(0.8)
        yield

    before = set(threading.enumerate())
    server = UvicornTestServer(Starlette(lifespan=lifespan), startup_timeout=0.3)
    with pytest.raises(ServerStartupError) as failure:
        server.start()
    assert ", in lifespan:\n    threading.Event().wait(0.8)\n" in str(failure.value)
    assert "blocked the event loop for more than 0.3 s" in str(failure.value)
    for abandoned in set(threading.enumerate()) - before:
        abandoned.join(REQUEST_TIMEOUT)  # ends once the block does


def test_fixed_port_already_in_use_fails_then_the_same_server_starts_once_it_is_free() -> None:
    blocker = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    blocker.bind(("127.0.0.1", 0))
    blocker.listen()
    port = blocker.getsockname()[1]
    server = UvicornTestServer(create_app, port=port)
    try:
        error = _expect_startup_failure(server)
    finally:
        blocker.close()
    message = str(error)
    assert f"127.0.0.1:{port} is already in use" in message
    assert "port=0" in message

    with server:  # a failed start leaves nothing behind that blocks a later one
        assert server.base_url == f"http://127.0.0.1:{port}"
        assert _get(f"{server.base_url}/health").status_code == 200


def test_unresolvable_host_fails_with_the_host_in_the_message() -> None:
    error = _expect_startup_failure(UvicornTestServer(create_app, host="no-such-host.invalid"))
    assert "'no-such-host.invalid' does not resolve" in str(error)


@pytest.fixture(autouse=True)
def _no_server_threads_left() -> Iterator[None]:
    """Every test here must leave no server thread running, pass or fail.

    Servers that were already running (a session-scoped fixture's) are not this test's.
    """
    before = set(threading.enumerate())
    yield
    leftovers = [
        t.name
        for t in set(threading.enumerate()) - before
        if t.name.startswith("uvicorn-test-server")
    ]
    assert leftovers == []


# -- unhandled app exceptions ---------------------------------------------------------------


async def _crash(request: Request) -> Response:
    raise RuntimeError("the app crashed on purpose")


async def _fine(request: Request) -> Response:
    return PlainTextResponse("fine")


def _crashing_app() -> Starlette:
    return Starlette(routes=[Route("/crash", _crash), Route("/fine", _fine)])


def test_an_unhandled_exception_is_recorded_with_its_request_and_traceback() -> None:
    with UvicornTestServer(_crashing_app()) as server:
        response = requests.get(f"{server.base_url}/crash", timeout=5)
        assert server.wait_until_idle(5.0)
        errors = server.unhandled_errors

    assert response.status_code == 500
    assert len(errors) == 1
    assert errors[0].method == "GET"
    assert errors[0].path == "/crash"
    assert errors[0].exception == "RuntimeError('the app crashed on purpose')"
    assert "Traceback (most recent call last)" in errors[0].traceback
    assert "the app crashed on purpose" in str(errors[0])


def test_a_keep_alive_connection_survives_a_500() -> None:
    # uvicorn closes the connection when the app raises after Starlette sent its error page;
    # a client reusing that connection then hits a reset. The server must keep it usable.
    with UvicornTestServer(_crashing_app()) as server, requests.Session() as http:
        outcomes = []
        for _ in range(50):
            outcomes.append(http.get(f"{server.base_url}/crash", timeout=5).status_code)
            outcomes.append(http.get(f"{server.base_url}/fine", timeout=5).status_code)

    assert outcomes == [500, 200] * 50


def test_the_crash_traceback_is_also_in_the_server_log() -> None:
    with UvicornTestServer(_crashing_app()) as server:
        requests.get(f"{server.base_url}/crash", timeout=5)
        server.wait_until_idle(5.0)
        logged = server.log.text(level=logging.ERROR)

    assert "Exception in ASGI application" in logged
    assert "RuntimeError: the app crashed on purpose" in logged


def test_a_healthy_run_records_no_unhandled_errors() -> None:
    with UvicornTestServer(_crashing_app()) as server:
        requests.get(f"{server.base_url}/fine", timeout=5)
        assert server.wait_until_idle(5.0)
        assert server.unhandled_errors == []
