from __future__ import annotations

from collections.abc import Iterator

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from behave_live import UvicornTestServer
from behave_live.errors import ExchangeAssertionError, NoResponseError
from behave_live.http.assertions import assert_header, assert_status
from behave_live.http.session import HttpSession


async def login(request: Request) -> Response:
    response = JSONResponse({"token": "tok-123", "items": list(range(3))})
    response.set_cookie("session", "cookie-456")
    return response


@pytest.fixture(scope="module")
def session() -> Iterator[HttpSession]:
    app = Starlette(routes=[Route("/login", login, methods=["POST"])])
    with UvicornTestServer(app) as server, HttpSession(server.base_url) as http:
        yield http


def test_the_session_resolves_paths_against_its_base_url() -> None:
    http = HttpSession("http://127.0.0.1:1/api/")

    assert http.url_for("/health") == "http://127.0.0.1:1/api/health"
    assert http.url_for("health") == "http://127.0.0.1:1/api/health"
    assert http.url_for("https://example.com/x") == "https://example.com/x"


def test_asking_for_a_response_before_any_request_says_what_to_do() -> None:
    with pytest.raises(NoResponseError, match="No request has been sent"):
        HttpSession("http://127.0.0.1:1").last_exchange  # noqa: B018


def test_a_failure_shows_request_response_and_curl_without_credentials(
    session: HttpSession,
) -> None:
    session.post(
        "/login",
        json={"user": "ada", "password": "pw-789"},
        headers={"Authorization": "Bearer tok-000"},
    )

    with pytest.raises(ExchangeAssertionError) as failure:
        assert_status(session.last_exchange, 201)

    message = str(failure.value)
    assert message.startswith("Response status: expected 201, got 200.")
    assert "POST http://127.0.0.1:" in message
    assert '"user": "ada"' in message
    assert "curl -i http://127.0.0.1:" in message
    assert "--data-raw" in message  # POST: curl sends one with a body, no -X needed
    assert '"items": [' in message  # pretty-printed JSON response
    for secret in ("pw-789", "tok-000", "tok-123", "cookie-456"):
        assert secret not in message


def test_a_missing_header_lists_the_headers_there_are(session: HttpSession) -> None:
    session.post("/login", json={})

    with pytest.raises(ExchangeAssertionError) as failure:
        assert_header(session.last_exchange, "X-Request-Id", "abc")

    assert (
        "Response header 'X-Request-Id': expected 'abc', but the response has no such header"
        in str(failure.value)
    )
    assert "content-type" in str(failure.value)


def test_a_wrong_header_shows_expected_and_actual(session: HttpSession) -> None:
    session.post("/login", json={})

    with pytest.raises(ExchangeAssertionError) as failure:
        assert_header(session.last_exchange, "content-type", "text/plain")

    assert "expected 'text/plain', got 'application/json'" in str(failure.value)


def test_a_long_body_is_cut_in_messages_but_whole_when_asked_for(session: HttpSession) -> None:
    session.post("/login", data="A" * 4500 + "END", headers={"Authorization": "Bearer tok-000"})
    exchange = session.last_exchange

    cut, whole = exchange.describe(), exchange.describe(full=True)

    assert "… (503 more characters not shown)" in cut
    assert "END" not in cut
    assert "A" * 4500 + "END" in whole
    assert "more characters not shown" not in whole
    for secret in ("tok-000", "tok-123", "cookie-456"):
        assert secret not in whole
