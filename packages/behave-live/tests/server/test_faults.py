"""Faults a real server meets, injected on purpose: big bodies, bad bytes, crowds, hang-ups.

Each test is one row of the fault suite in the README: what is done to the server, and
what must happen - the right bytes, a clear message, nothing recorded as an app crash that
is not one, nothing left behind.
"""

from __future__ import annotations

import hashlib
import os
import socket
import threading
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from behave_live import ServerStartupError, UvicornTestServer
from behave_live.errors import ExchangeAssertionError
from behave_live.http.assertions import assert_body, response_json
from behave_live.http.session import HttpSession
from kit_testing.apps import create_app

TEN_MB = 10 * 1024 * 1024
# Generous: the bodies need a few copies on each side (client, server, the echo); a leak
# or a body copied per chunk would need hundreds of megabytes.
PEAK_MEMORY_BOUND_MB = 200
CONCURRENT = 50


def _status_kb(field: str) -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(f"{field}:"):
                return int(line.split()[1])
    raise AssertionError(f"no {field} in /proc/self/status")


def _threads_and_fds() -> tuple[int, int]:
    return threading.active_count(), len(os.listdir("/proc/self/fd"))


@pytest.fixture
def server() -> Iterator[UvicornTestServer]:
    """A fresh server of the kit's test app, stopped at the end."""
    with UvicornTestServer(create_app) as running:
        yield running


# -- not an app -------------------------------------------------------------------------------


def test_an_import_string_naming_something_else_than_an_app_fails_clearly() -> None:
    with pytest.raises(ServerStartupError) as raised:
        UvicornTestServer("kit_testing.apps:APP_SPEC").start()
    assert str(raised.value) == (
        "Server did not start: the app 'kit_testing.apps:APP_SPEC' is a str, not an ASGI "
        "application. Give an ASGI app, a factory that returns one, or an import string "
        "'package.module:attribute' naming either."
    )


# -- 10 MB both ways --------------------------------------------------------------------------


def test_ten_megabytes_go_both_ways_through_the_real_server(http: HttpSession) -> None:
    body = bytes(range(256)) * (TEN_MB // 256)
    peak_before = _status_kb("VmHWM")

    response = http.post(
        "/bytes", data=body, headers={"Content-Type": "application/octet-stream"}, timeout=30
    )

    assert response.status_code == 200
    assert len(response.content) == TEN_MB
    assert hashlib.sha256(response.content).digest() == hashlib.sha256(body).digest()
    peak_growth_mb = (_status_kb("VmHWM") - peak_before) / 1024
    assert peak_growth_mb < PEAK_MEMORY_BOUND_MB, f"peak memory grew {peak_growth_mb:.0f} MB"
    # A failure message describes the bodies, it does not carry them.
    exchange = http.last_exchange
    assert len(exchange.describe_request()) < 2000
    assert len(exchange.describe_response()) < 2000
    assert f"<{TEN_MB} bytes of application/octet-stream, sha256 " in exchange.describe_response()


def test_a_ten_megabyte_text_body_is_shown_cut_short(http: HttpSession) -> None:
    text = "0123456789abcdef" * (TEN_MB // 16)

    http.post("/bytes", data=text.encode(), headers={"Content-Type": "text/plain"}, timeout=30)

    exchange = http.last_exchange
    assert exchange.response.content == text.encode()
    shown = exchange.describe_request()
    assert len(shown) < 5000
    assert f"… ({TEN_MB - 4000} more characters not shown)" in shown


# -- bytes that are not UTF-8 -----------------------------------------------------------------


async def _not_utf8(request: Request) -> Response:
    kind = request.path_params["kind"]
    content_type = "application/json" if kind == "json" else "text/plain; charset=utf-8"
    return Response(b'{"name": "caf\xe9"}', headers={"Content-Type": content_type})


def test_a_request_body_that_is_not_utf8_arrives_intact_and_is_shown_as_bytes(
    http: HttpSession,
) -> None:
    body = "café".encode("latin-1") + b"\xff"

    response = http.post("/bytes", data=body, headers={"Content-Type": "text/plain"})

    assert response.content == body
    assert "<5 bytes of text/plain, sha256 " in http.last_exchange.describe_request()


def test_a_response_that_is_not_utf8_fails_checks_with_a_message_not_a_crash() -> None:
    app = Starlette(routes=[Route("/not-utf8/{kind}", _not_utf8)])
    with UvicornTestServer(app) as running:
        http = HttpSession(running.base_url)
        http.get("/not-utf8/json")
        with pytest.raises(ExchangeAssertionError) as not_json:
            response_json(http.last_exchange)
        http.get("/not-utf8/text")
        with pytest.raises(ExchangeAssertionError) as not_text:
            assert_body(http.last_exchange, '{"name": "café"}')
        http.close()

    # JSON is UTF-8: no guessing another encoding that would let the check pass.
    assert str(not_json.value).startswith(
        "Expected a JSON response body, but it is not UTF-8 (application/json, 16 bytes: "
        "byte 0xe9 at offset 13 is not UTF-8). JSON must be sent as UTF-8 (RFC 8259).\n"
    )
    # Undecodable bytes show as U+FFFD, where the body differs from the expected text.
    assert str(not_text.value).startswith(
        """Response body: expected '{"name": "café"}', got '{"name": "caf\ufffd"}' """
    )


# -- 50 concurrent requests -------------------------------------------------------------------


def test_fifty_concurrent_requests_on_one_server_each_get_their_own_answer(
    server: UvicornTestServer,
) -> None:
    start_together = threading.Barrier(CONCURRENT)

    def client(number: int) -> tuple[int, object, object]:
        with HttpSession(server.base_url) as http:
            start_together.wait(timeout=30)
            echoed = http.post("/echo", json={"client": number}).json()
            slept = http.get("/slow", params={"ms": "20"}).json()
            return number, echoed, slept

    with ThreadPoolExecutor(CONCURRENT) as pool:
        answers = sorted(pool.map(client, range(CONCURRENT)))

    assert answers == [(n, {"client": n}, {"slept_ms": 20}) for n in range(CONCURRENT)]
    assert server.wait_until_idle(5.0)
    assert server.unhandled_errors == []


# -- client disconnects -----------------------------------------------------------------------


def _connect(server: UvicornTestServer) -> socket.socket:
    host, port = server.base_url.removeprefix("http://").rsplit(":", 1)
    return socket.create_connection((host, int(port)), timeout=10)


def test_clients_hanging_up_mid_request_are_no_app_crash_and_leave_nothing() -> None:
    before = _threads_and_fds()
    server = UvicornTestServer(create_app).start()
    try:
        with _connect(server) as mid_upload:  # 10 of the 100 000 bytes announced
            mid_upload.sendall(
                b"POST /bytes HTTP/1.1\r\nHost: test\r\nContent-Length: 100000\r\n\r\n" + b"x" * 10
            )
        with _connect(server) as mid_answer:  # gone while the app is still working
            mid_answer.sendall(b"GET /slow?ms=200 HTTP/1.1\r\nHost: test\r\n\r\n")
        with _connect(server) as mid_read:  # reads a bit of a large answer, then leaves
            mid_read.sendall(
                b"POST /bytes HTTP/1.1\r\nHost: test\r\nContent-Length: 4000000\r\n\r\n"
                + b"y" * 4_000_000
            )
            assert mid_read.recv(100).startswith(b"HTTP/1.1 200 OK")

        assert server.wait_until_idle(5.0)
        assert server.unhandled_errors == []
        # Still serving others.
        assert requests.get(f"{server.base_url}/health", timeout=10).json() == {"message": "OK"}
    finally:
        server.stop()
    assert _threads_and_fds() == before
