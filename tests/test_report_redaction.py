"""No token, password or cookie value reaches the console, the HTML report or the JUnit XML."""

from __future__ import annotations

import base64
import html
import re
import secrets
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
import requests

from app import create_app
from behave_live import UvicornTestServer
from tests.behave_runs import run_behave

FEATURE = "tests/report_features/credentials.feature"


@pytest.fixture(scope="module")
def server() -> Iterator[UvicornTestServer]:
    # The test runs the server itself, so it knows the secrets it must not find.
    with UvicornTestServer(create_app) as running:
        yield running


def test_reports_hold_the_exchanges_but_no_credentials(
    server: UvicornTestServer, tmp_path: Path
) -> None:
    registered = requests.post(
        f"{server.base_url}/board/users", json={"name": "Mallory", "team": "Apollo"}, timeout=5
    )
    token, cookie = registered.json()["token"], secrets.token_urlsafe(16)
    report, junit = tmp_path / "report.html", tmp_path / "junit"

    run = run_behave(
        FEATURE,
        "-D", f"base_url={server.base_url}",
        "-D", f"token={token}",
        "-D", f"cookie={cookie}",
        "-f", "html-pretty", "-o", str(report),
        "--junit", "--junit-directory", str(junit),
    )  # fmt: skip

    assert run.failed  # one scenario fails on purpose, so the JUnit XML carries a failure
    texts = {"HTML report": html.unescape(report.read_text(encoding="utf-8"))}
    texts |= {
        xml.name: html.unescape(xml.read_text(encoding="utf-8")) for xml in junit.glob("*.xml")
    }
    assert len(texts) == 2
    assert "GET /board/me -> 200 OK" in texts["HTML report"]  # the exchanges are there
    assert "<failure" in texts[next(name for name in texts if name != "HTML report")]
    for where, text in texts.items():
        assert token not in text, f"the bearer token leaked into the {where}"
        assert cookie not in text, f"the cookie leaked into the {where}"
        assert "Authorization: <redacted>" in text or where != "HTML report"
        # The token handed out in the registration response, whatever its value:
        unredacted = re.findall(r'"token":\s*"(?!<redacted>)[^"]+"', text)
        assert unredacted == [], f"a token in a response body leaked into the {where}"


def test_planted_secrets_appear_in_no_output(server: UvicornTestServer, tmp_path: Path) -> None:
    planted = {
        "token": "tok-" + secrets.token_urlsafe(12),
        "cookie": "sess-" + secrets.token_urlsafe(12),
        "api_key": "key-" + secrets.token_urlsafe(12),
        "password": "pw-" + secrets.token_urlsafe(12),
        "invite": "inv-" + secrets.token_urlsafe(12),
        "refresh": "ref-" + secrets.token_urlsafe(12),
    }
    basic = base64.b64encode(f"ada:{planted['password']}".encode()).decode()
    report, junit = tmp_path / "report.html", tmp_path / "junit"
    specification = tmp_path / "specification.html"

    run = run_behave(
        "tests/report_features/planted_secrets.feature",
        "-D", f"base_url={server.base_url}",
        "-D", f"token={planted['token']}",
        "-D", f"cookie={planted['cookie']}",
        "-D", f"var.api_key={planted['api_key']}",
        "-D", f"invite={planted['invite']}",
        "-D", f"refresh={planted['refresh']}",
        "-D", f"basic_echo={basic}",
        "-f", "html-pretty", "-o", str(report),
        "-f", "spec", "-o", str(specification),
        "-f", "plain",
        "--junit", "--junit-directory", str(junit),
        env={"SWEEP_PASSWORD": planted["password"]},
    )  # fmt: skip

    channels = {"console": run.output, "HTML report": report.read_text(encoding="utf-8")}
    channels["specification view"] = specification.read_text(encoding="utf-8")
    channels |= {xml.name: xml.read_text(encoding="utf-8") for xml in junit.glob("*.xml")}
    assert len(channels) == 4
    # Every scenario fails at its Then, where the message quotes the echoed values.
    assert run.output.count("should be") == run.output.count("ASSERT FAILED") == 3, run.output
    assert 'got "<redacted>"' in run.output
    forms = {**planted, "basic": basic, "token (URL)": quote(planted["token"], safe="")}
    for where, raw in channels.items():
        text = html.unescape(raw)
        assert "Reproduce with:" in text, where
        for name, secret in forms.items():
            assert secret not in text, f"the {name} leaked into the {where}"
        # What is no secret stays readable.
        assert "dark-mode-shown" in text, where
        assert "Access-Control-Allow-Credentials: true" in text, where
        assert "expected-value-shown" in text, where
        assert "page=2" in text, where
