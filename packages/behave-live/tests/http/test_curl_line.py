"""The curl line of a failure repeats the request, with secrets shown as <redacted>.

The README says so (substitute your own token to replay it); this pins what it says.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from behave_live import UvicornTestServer
from behave_live.http.session import HttpSession


async def _echo(request: Request) -> JSONResponse:
    return JSONResponse({"ok": True})


@pytest.fixture
def session() -> Iterator[HttpSession]:
    app = Starlette(routes=[Route("/items", _echo, methods=["POST"])])
    with UvicornTestServer(app) as server, HttpSession(server.base_url) as session:
        yield session


def test_the_curl_line_shows_secrets_as_redacted(session: HttpSession) -> None:
    session.post(
        "/items?api_key=k-123",
        json={"name": "pen", "password": "pw-789"},
        headers={"Authorization": "Bearer tok-000"},
    )

    curl = session.last_exchange.curl_command()

    assert "-H 'Authorization: <redacted>'" in curl
    assert "api_key=<redacted>" in curl or "api_key=%3Credacted%3E" in curl
    assert '"password": "<redacted>"' in curl
    assert '"name": "pen"' in curl
    for secret in ("tok-000", "k-123", "pw-789"):
        assert secret not in curl


def test_the_readme_says_so() -> None:
    kit_readme = Path(__file__).resolve().parents[2] / "README.md"
    assert "substitute your own token to replay it" in " ".join(kit_readme.read_text().split())
