from __future__ import annotations

import json

import pytest

from behave_live.http.redaction import REDACTED, redact_body, redact_headers, redact_url


@pytest.mark.parametrize(
    "name",
    [
        "Authorization",
        "Proxy-Authorization",
        "X-Auth-Token",
        "X-API-Key",
        "Api-Key",
        "apikey",
        "X-Functions-Key",
        "X-Session-Id",
        "X-Client-Credential",
        "X-Passwd",
        "x_api_key",
    ],
)
def test_credential_headers_are_redacted(name: str) -> None:
    assert redact_headers({name: "s3cret", "Accept": "*/*"}) == [
        (name, REDACTED),
        ("Accept", "*/*"),
    ]


def test_url_passwords_and_secret_query_parameters_are_redacted() -> None:
    url = redact_url("https://ada:pw@example.com/x?access_token=abc&page=2")

    assert "pw" not in url
    assert "abc" not in url
    assert url.startswith(f"https://{REDACTED}@example.com/x?")
    assert "page=2" in url


def test_json_bodies_are_redacted_at_any_depth() -> None:
    body = json.dumps(
        {"user": {"name": "ada", "password": "pw"}, "tokens": [{"refresh_token": "r"}]}
    )

    redacted = json.loads(redact_body(body, "application/json"))

    assert redacted == {"user": {"name": "ada", "password": REDACTED}, "tokens": REDACTED}


def test_form_bodies_are_redacted_field_by_field() -> None:
    redacted = redact_body("user=ada&password=pw", "application/x-www-form-urlencoded")

    assert "pw" not in redacted
    assert "user=ada" in redacted


def test_plain_text_is_left_alone() -> None:
    assert redact_body("hello", "text/plain") == "hello"
