"""An unhandled exception in the app fails the scenario, with the server's traceback shown."""

from __future__ import annotations

import asyncio
import html
from pathlib import Path

import pytest
from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from behave_live import UvicornTestServer
from behave_live.bdd.crash_check import ServerErrorWatch
from behave_live.errors import UnhandledServerError
from behave_live.http.session import HttpSession
from tests.behave_runs import failing_feature, run_behave

CRASH = failing_feature("server_crash.feature")


def test_a_crash_fails_the_scenario_and_shows_the_server_traceback() -> None:
    run = run_behave(CRASH)

    assert run.failed
    assert "1 scenario passed, 1 failed" in run.output.replace("scenarios", "scenario")
    assert "The server raised an unhandled exception while answering GET" in run.output
    assert "RuntimeError('the board crashed on purpose')" in run.output
    assert "Server traceback:" in run.output
    assert "Traceback (most recent call last):" in run.output  # the app's, not the kit's
    assert 'raise RuntimeError("the board crashed on purpose")' in run.output
    assert "tag it @expect_server_error" in run.output
    # What the server logged reaches behave's captured output too.
    assert "Exception in ASGI application" in run.output
    assert "GET /board/crash failed with RuntimeError" in run.output  # the app's own log line


def test_the_crash_and_its_traceback_are_in_the_html_report(tmp_path: Path) -> None:
    report = tmp_path / "report.html"

    run = run_behave(CRASH, "-f", "html-pretty", "-o", str(report))

    assert run.failed
    text = html.unescape(report.read_text(encoding="utf-8"))
    assert "Server traceback" in text
    assert "RuntimeError: the board crashed on purpose" in text
    assert "GET /board/crash -&gt; 500" in text or "GET /board/crash -> 500" in text


def _late_crash_app() -> Starlette:
    async def crash_later() -> None:
        await asyncio.sleep(0.05)  # inside the app: the response has long gone out
        raise RuntimeError("crashed after answering")

    async def answer(request: Request) -> Response:
        return PlainTextResponse("ok", background=BackgroundTask(crash_later))

    return Starlette(routes=[Route("/", answer)])


def test_a_crash_still_finishing_belongs_to_the_scenario_that_caused_it() -> None:
    # On a shared server, a scenario's last request may crash after its response arrived:
    # that scenario's end takes the crash, and the next scenario is not blamed for it.
    with UvicornTestServer(_late_crash_app()) as server, HttpSession(server.base_url) as http:
        previous = ServerErrorWatch(server)
        http.get("/")  # the previous scenario's last request
        with pytest.raises(UnhandledServerError, match="crashed after answering"):
            previous.check_scenario_end(stopped=False, idle_timeout=5.0)

        watch = ServerErrorWatch(server)  # the next scenario begins
        watch.check(http.last_exchange)  # nothing of its own has crashed

        http.exchange_listeners.append(watch.check)
        with pytest.raises(UnhandledServerError, match="crashed after answering"):
            http.get("/")  # but its own request's crash is reported, even a late one
