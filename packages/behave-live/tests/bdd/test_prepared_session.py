"""LiveContext's prepared session: made while a fresh server starts, handed out once."""

from __future__ import annotations

import pytest

from behave_live.bdd.live_context import LiveContext, new_session
from behave_live.bdd.report import ReportAttachments
from behave_live.http.session import HttpSession
from behave_live.server.pool import LiveServers
from behave_live.settings import KitSettings

URL = "http://127.0.0.1:8123"


def _live() -> LiveContext:
    settings = KitSettings(app="kit_testing.apps:create_app")
    report = ReportAttachments([])
    return LiveContext(settings=settings, servers=LiveServers(settings), report=report)


def test_the_prepared_session_is_for_the_embedded_server_and_handed_out_once() -> None:
    live = _live()
    live.prepare_session(URL)
    session = live.take_prepared_session(URL)
    assert isinstance(session, HttpSession)
    assert session.base_url == URL
    assert session.trust_env is False  # no proxy lookup for the embedded server
    assert live.take_prepared_session(URL) is None


def test_a_prepared_session_for_another_url_is_closed_not_handed_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    live = _live()
    live.prepare_session(URL)
    closed: list[str] = []
    monkeypatch.setattr(HttpSession, "close", lambda self: closed.append(self.base_url))
    assert live.take_prepared_session("http://127.0.0.1:9999") is None
    assert closed == [URL]


def test_discarding_closes_a_session_nobody_took(monkeypatch: pytest.MonkeyPatch) -> None:
    live = _live()
    live.prepare_session(URL)
    closed: list[str] = []
    monkeypatch.setattr(HttpSession, "close", lambda self: closed.append(self.base_url))
    live.discard_prepared_session()
    live.discard_prepared_session()
    assert closed == [URL]
    assert live.take_prepared_session(URL) is None


def test_a_deployed_base_url_keeps_the_environments_proxies() -> None:
    assert new_session(URL, embedded=False).trust_env is True
    assert new_session(URL + "/", embedded=True).base_url == URL
