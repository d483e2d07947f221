"""The "Reproduce with" curl line sends the request the app saw: replayed with real curl.

Each test sends a request with the kit, replays the kit's curl line with ``curl`` and
compares the two requests as the app received them: method, path and query (raw), headers
(but the client's own), and body (multipart: field by field, since the boundary differs).
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from email.parser import BytesParser
from email.policy import HTTP
from pathlib import Path
from typing import Any

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import Route

from behave_live import UvicornTestServer
from behave_live.http.curl import INLINE_LIMIT
from behave_live.http.exchange import Exchange
from behave_live.http.session import HttpSession
from behave_live.secrets import REDACTED

CURL = shutil.which("curl")
pytestmark = pytest.mark.skipif(CURL is None, reason="curl is not installed (apt-get install curl)")

ALL_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]
# Headers that belong to the client, not to the request the step meant to send.
_CLIENT_HEADERS = {"user-agent", "accept-encoding", "connection", "host", "content-length"}


@dataclass(frozen=True)
class Received:
    """A request as the app received it."""

    method: str
    target: str
    headers: tuple[tuple[str, str], ...]
    body: bytes


RECEIVED: list[Received] = []


async def record(request: Request) -> Response:
    query = request.scope["query_string"].decode("latin-1")
    RECEIVED.append(
        Received(
            method=request.method,
            target=request.scope["raw_path"].decode("latin-1") + (f"?{query}" if query else ""),
            headers=tuple(request.headers.items()),
            body=await request.body(),
        )
    )
    return JSONResponse({"received": True})


async def redirect(request: Request) -> Response:
    await record(request)
    return RedirectResponse("/landed", status_code=int(request.path_params["code"]))


@pytest.fixture(scope="module")
def server() -> Iterator[UvicornTestServer]:
    app = Starlette(
        routes=[
            Route("/redirect/{code:int}", redirect, methods=ALL_METHODS),
            Route("/{rest:path}", record, methods=ALL_METHODS),
        ]
    )
    with UvicornTestServer(app) as running:
        yield running


@pytest.fixture
def http(server: UvicornTestServer) -> Iterator[HttpSession]:
    RECEIVED.clear()
    with HttpSession(server.base_url) as session:
        yield session


def replay(exchange: Exchange, body_dir: Path) -> list[Received]:
    """Run the exchange's curl line in a shell; return what the app received from it."""
    before = len(RECEIVED)
    line = exchange.curl(body_dir=body_dir).line
    completed = subprocess.run(
        ["sh", "-c", f"{line} --max-time 10 --silent --show-error"],
        capture_output=True,
        timeout=30,
        check=False,
    )
    assert completed.returncode == 0, f"{line}\n{completed.stderr.decode()}"
    return RECEIVED[before:]


def sent_and_replayed(
    http: HttpSession, tmp_path: Path, *args: Any, **kwargs: Any
) -> tuple[list[Received], list[Received], str]:
    response = http.request(*args, **kwargs)
    assert response.status_code < 400
    sent = list(RECEIVED)
    replayed = replay(http.last_exchange, tmp_path)
    return sent, replayed, http.last_exchange.curl(body_dir=tmp_path).line


def comparable(received: Received) -> tuple[str, str, list[tuple[str, str]], bytes]:
    headers = sorted(
        (name, value) for name, value in received.headers if name not in _CLIENT_HEADERS
    )
    return received.method, received.target, headers, received.body


@pytest.mark.parametrize(
    ("method", "path", "kwargs", "shape"),
    [
        ("GET", "/items?q=a%20b&tag=x&tag=y", {}, "curl -i 'http"),
        ("HEAD", "/items", {}, "curl -I http"),
        ("DELETE", "/items/7", {}, "-X DELETE"),
        ("OPTIONS", "/items", {}, "-X OPTIONS"),
        ("POST", "/items", {"json": {"name": "ada", "tags": ["x"]}}, "--data-raw"),
        ("PUT", "/items/7", {"json": {"name": "ada"}}, "-X PUT"),
        ("PATCH", "/items/7", {"data": "line one\nline 'two'\r\n"}, "-H Content-Type: --data-raw"),
        ("POST", "/form", {"data": {"a": "1 2", "b": "@not-a-file"}}, "--data-raw"),
        ("GET", "/with-body", {"data": "odd but allowed"}, "-X GET"),
        (
            "POST",
            "/headers",
            {"headers": {"X-Trace": "abc-123", "Accept": "application/json"}, "data": "{}"},
            "X-Trace: abc-123",
        ),
    ],
)
def test_the_curl_line_replays_the_same_request(
    http: HttpSession,
    tmp_path: Path,
    method: str,
    path: str,
    kwargs: dict[str, Any],
    shape: str,
) -> None:
    http.set_cookie("theme", "dark")
    sent, replayed, line = sent_and_replayed(http, tmp_path, method, path, **kwargs)

    assert shape in line
    assert "-X HEAD" not in line
    assert [comparable(request) for request in replayed] == [
        comparable(request) for request in sent
    ]


def test_a_large_body_is_written_to_a_file_the_line_refers_to(
    http: HttpSession, tmp_path: Path
) -> None:
    body = {"rows": ["x" * 100] * 100}  # ~10 KB of JSON
    sent, replayed, line = sent_and_replayed(http, tmp_path, "POST", "/big", json=body)

    assert len(sent[0].body) > INLINE_LIMIT
    assert len(line) < 1000
    assert f"--data-binary @{tmp_path}/" in line
    assert comparable(replayed[0]) == comparable(sent[0])
    notes = http.last_exchange.curl(body_dir=tmp_path).notes
    assert notes == [f"The {len(sent[0].body)}-byte body is in {next(tmp_path.glob('*.txt'))}."]
    assert "Reproduce with:" in http.last_exchange.describe()


def test_a_binary_body_is_written_to_a_file_the_line_refers_to(
    http: HttpSession, tmp_path: Path
) -> None:
    content = bytes(range(256)) * 4
    sent, replayed, line = sent_and_replayed(
        http, tmp_path, "PUT", "/blob", data=content, headers={"Content-Type": "image/png"}
    )

    assert "--data-binary @" in line
    assert "<the file" not in line
    assert replayed[0].body == content
    assert comparable(replayed[0]) == comparable(sent[0])


def _parts(received: Received) -> list[tuple[object, ...]]:
    content_type = dict(received.headers)["content-type"]
    head = f"Content-Type: {content_type}\r\n\r\n".encode()
    message = BytesParser(policy=HTTP).parsebytes(head + received.body)
    return [
        (
            part.get_param("name", header="content-disposition"),
            part.get_filename(),
            part.get_content_type() if part.get("Content-Type") else None,
            part.get_payload(decode=True),
        )
        for part in message.iter_parts()
    ]


def test_a_multipart_body_replays_field_by_field(http: HttpSession, tmp_path: Path) -> None:
    files = [
        ("upload", ("report.csv", b"a,b\r\n1,2\r\n", "text/csv")),
        ("photo", ("pic.png", bytes(range(200)), "image/png")),
    ]
    data = [("title", "Q3 report"), ("note", "@starts with an at")]
    sent, replayed, line = sent_and_replayed(
        http, tmp_path, "POST", "/upload", files=files, data=data
    )

    assert "--form-string 'title=Q3 report'" in line
    assert "-F 'upload=@" in line
    assert _parts(replayed[0]) == _parts(sent[0])
    assert dict(replayed[0].headers)["content-type"].startswith("multipart/form-data; boundary=")


@pytest.mark.parametrize(("code", "method"), [(302, "GET"), (302, "POST"), (307, "PUT")])
def test_a_redirect_replays_the_original_request_and_follows_it(
    http: HttpSession, tmp_path: Path, code: int, method: str
) -> None:
    kwargs = {} if method == "GET" else {"json": {"n": 1}}
    sent, replayed, line = sent_and_replayed(http, tmp_path, method, f"/redirect/{code}", **kwargs)

    assert " -L " in line
    assert f"/redirect/{code}" in line
    hops = [(method, f"/redirect/{code}"), ("GET" if code == 302 else method, "/landed")]
    assert [(request.method, request.target) for request in sent] == hops
    assert [(request.method, request.target) for request in replayed] == hops
    # The request the step sent is replayed exactly. (On the next hop curl keeps the
    # headers given with -H, where requests drops a Content-Type that no longer applies.)
    assert comparable(replayed[0]) == comparable(sent[0])


def test_secrets_in_the_line_are_masked(http: HttpSession, tmp_path: Path) -> None:
    http.use_bearer_token("tok-curl-secret")
    http.set_cookie("session", "sess-curl-secret")
    http.request(
        "POST",
        "/login?api_key=key-curl-secret&page=2",
        json={"user": "ada", "password": "pw-curl-secret", "note": "Bearer tok-curl-secret"},
    )
    http.request(
        "POST",
        "/upload",
        files=[("f", ("a.txt", b"x", "text/plain"))],
        data=[("password", "pw-form-secret"), ("echo", "tok-curl-secret")],
    )

    lines = [exchange.curl(body_dir=tmp_path).line for exchange in http.exchanges]
    for line in lines:
        for secret in ("tok-curl-secret", "sess-curl-secret", "key-curl-secret", "pw-"):
            assert secret not in line
    assert "page=2" in lines[0]
    assert (
        f"Authorization: Bearer {REDACTED}" in lines[0] or "Authorization: <redacted>" in lines[0]
    )
    assert f"--form-string password={REDACTED}" in lines[1] or "password=<redacted>" in lines[1]


def test_a_large_body_with_a_secret_is_written_masked(http: HttpSession, tmp_path: Path) -> None:
    http.use_bearer_token("tok-big-secret")
    http.request("POST", "/big", data="Bearer tok-big-secret " + "x" * 5000)

    http.last_exchange.curl(body_dir=tmp_path)

    written = [path.read_text() for path in tmp_path.iterdir()]
    assert len(written) == 1
    assert "tok-big-secret" not in written[0]
    assert written[0].startswith(f"{REDACTED} xxx")  # "Bearer <token>" is registered whole
