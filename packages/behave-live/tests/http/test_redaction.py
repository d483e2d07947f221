from __future__ import annotations

import json

import pytest

from behave_live.http.redaction import (
    REDACTED,
    redact_body,
    redact_cookies,
    redact_headers,
    redact_url,
)


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


def test_a_url_password_holding_an_at_sign_is_hidden_whole() -> None:
    url = redact_url("https://ada:p@ss@example.com/x")

    assert url == f"https://{REDACTED}@example.com/x"


def test_a_url_keeps_its_encoding_and_only_secret_query_values_change() -> None:
    url = "http://h/x?q=a%20b&api_key=k%2B1&page=2&flag"

    assert redact_url(url) == f"http://h/x?q=a%20b&api_key={REDACTED}&page=2&flag"
    assert redact_url("http://h/x?q=a+b") == "http://h/x?q=a+b"


def test_a_json_body_sent_without_a_json_content_type_is_still_redacted() -> None:
    for content_type in ("", "text/plain"):
        body = redact_body('  {"password": "pw-1"}', content_type)
        assert json.loads(body) == {"password": REDACTED}


def test_not_json_after_all_is_left_as_it_came() -> None:
    assert redact_body('{"password": oops', "application/json") == '{"password": oops'


def test_redaction_reaches_into_lists() -> None:
    body = json.dumps({"users": [{"name": "ada", "password": "pw"}, [{"api_key": "k"}], 3]})

    assert json.loads(redact_body(body)) == {
        "users": [{"name": "ada", "password": REDACTED}, [{"api_key": REDACTED}], 3]
    }


def test_true_false_and_null_under_a_secret_name_are_shown() -> None:
    body = json.dumps({"credentials_valid": True, "token": None, "password": False, "pin": 1})

    assert json.loads(redact_body(body)) == {
        "credentials_valid": True,
        "token": None,
        "password": False,
        "pin": 1,
    }
    assert json.loads(redact_body(json.dumps({"api_key": 1234}))) == {"api_key": REDACTED}


def test_harmless_headers_are_shown() -> None:
    headers = {"Access-Control-Allow-Credentials": "true", "Content-Type": "text/plain"}

    assert redact_headers(headers) == list(headers.items())


def test_a_cookie_header_hides_login_cookies_only() -> None:
    assert redact_headers({"Cookie": "theme=dark; session=s3cret; sid=x1"}) == [
        ("Cookie", f"theme=dark; session={REDACTED}; sid={REDACTED}")
    ]


def test_a_set_cookie_header_keeps_its_attributes() -> None:
    value = (
        "session=s3cret; Path=/; HttpOnly, theme=dark; Expires=Wed, 21 Oct 2026 07:28:00 GMT, "
        "csrftoken=c5rf; Path=/"
    )

    assert redact_headers([("Set-Cookie", value)]) == [
        (
            "Set-Cookie",
            f"session={REDACTED}; Path=/; HttpOnly, theme=dark; "
            f"Expires=Wed, 21 Oct 2026 07:28:00 GMT, csrftoken={REDACTED}; Path=/",
        )
    ]


def test_a_cookie_without_a_value_is_left_alone() -> None:
    assert redact_headers({"Cookie": "session=; flag"}) == [("Cookie", "session=; flag")]


def test_a_cookie_value_with_base64_padding_is_hidden_whole() -> None:
    # The value runs from the first "=": "YWJj==" is all value, none of it name.
    assert redact_headers({"Cookie": "session=YWJj==; theme=dark"}) == [
        ("Cookie", f"session={REDACTED}; theme=dark")
    ]


def test_a_set_cookie_holds_one_cookie_and_its_attributes_are_shown() -> None:
    # After the first pair come attributes, even one that looks like a login cookie.
    assert redact_cookies("theme=dark; sid=x1; session=s2", set_cookie=True) == (
        "theme=dark; sid=x1; session=s2"
    )


def test_redact_cookies_reads_a_cookie_header_by_default() -> None:
    assert redact_cookies("theme=dark; session=s3cret") == f"theme=dark; session={REDACTED}"


def test_a_secret_query_value_holding_an_equals_sign_is_hidden_whole() -> None:
    assert redact_url("http://h/x?token=abc=def&page=2") == f"http://h/x?token={REDACTED}&page=2"


def test_a_json_array_body_is_redacted_without_a_content_type() -> None:
    assert json.loads(redact_body('[{"password": "pw-1"}]')) == [{"password": REDACTED}]


def test_a_json_scalar_body_is_left_as_it_came() -> None:
    # No keys, so nothing to hide: not even its formatting changes.
    assert redact_body(' "caf\\u00e9" ', "application/json") == ' "caf\\u00e9" '


def test_non_ascii_text_in_a_redacted_json_body_stays_readable() -> None:
    body = redact_body('{"name": "Jos\\u00e9", "password": "pw"}', "application/json")

    assert body == f'{{"name": "José", "password": "{REDACTED}"}}'


def test_a_form_body_keeps_its_blank_fields_and_shows_the_marker_unencoded() -> None:
    redacted = redact_body("user=&password=pw&page=2", "application/x-www-form-urlencoded")

    assert redacted == f"user=&password={REDACTED}&page=2"
