"""What is secret by name, and the registry that hides secrets by value wherever they appear."""

from __future__ import annotations

import base64

import pytest

from behave_live.secrets import (
    MIN_SECRET_LENGTH,
    REDACTED,
    SecretValues,
    is_secret_cookie,
    is_secret_name,
)

# -- by name ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "name",
    [
        "Authorization",
        "Proxy-Authorization",
        "refresh_token",
        "X-Auth-Token",
        "client_secret",
        "password",
        "passwd",
        "DB_PASSPHRASE",
        "api_key",
        "api-key",
        "apikey",
        "X-API-Key",
        "session",
        "session_id",
        "credential",
        "aws_credentials",
        "STRIPE_KEY",
        "key",
        "X-Functions-Key",
    ],
)
def test_names_that_carry_a_credential_are_secret(name: str) -> None:
    assert is_secret_name(name)


@pytest.mark.parametrize(
    "name",
    [
        "Access-Control-Allow-Credentials",
        "token_type",
        "credentials_present",
        "Sec-WebSocket-Key",
        "monkey",
        "keyboard",
        "Accept",
        "name",
        "theme",
        "Cookie",  # judged cookie by cookie (see redaction)
    ],
)
def test_names_that_only_mention_a_credential_are_not_secret(name: str) -> None:
    assert not is_secret_name(name)


@pytest.mark.parametrize(
    ("name", "secret"),
    [
        ("session", True),
        ("sid", True),
        ("connect.sid", True),
        ("PHPSESSID", True),
        ("csrftoken", True),
        ("XSRF-TOKEN", True),
        ("remember_me", True),
        ("jwt", True),
        ("auth", True),
        ("theme", False),
        ("lang", False),
        ("consent", False),
    ],
)
def test_login_cookies_are_secret_and_others_are_not(name: str, secret: bool) -> None:
    assert is_secret_cookie(name) is secret


# -- by value ---------------------------------------------------------------------------------


def test_a_registered_value_is_masked_wherever_it_appears() -> None:
    secrets = SecretValues(["tok-123456"])

    assert secrets.mask('{"auth_header": "Bearer tok-123456"}') == (
        f'{{"auth_header": "Bearer {REDACTED}"}}'
    )
    assert secrets.mask("tok-123456 and tok-123456") == f"{REDACTED} and {REDACTED}"
    assert "tok-123456" in secrets
    assert "other" not in secrets


def test_encoded_forms_are_masked_too() -> None:
    secrets = SecretValues(['p&ss w"rd/é'])

    assert secrets.mask("q=p%26ss%20w%22rd%2F%C3%A9") == f"q={REDACTED}"  # percent-encoded
    assert secrets.mask("q=p%26ss+w%22rd%2F%C3%A9") == f"q={REDACTED}"  # form-encoded
    assert secrets.mask('{"x": "p&ss w\\"rd/\\u00e9"}') == f'{{"x": "{REDACTED}"}}'  # JSON
    assert secrets.mask('{"x": "p&ss w\\"rd/é"}') == f'{{"x": "{REDACTED}"}}'


def test_basic_credentials_are_masked_as_base64_and_as_a_pair() -> None:
    secrets = SecretValues()
    secrets.add_basic_credentials("ada", "analytical")
    encoded = base64.b64encode(b"ada:analytical").decode()

    assert secrets.mask(f"Authorization: Basic {encoded}") == f"Authorization: Basic {REDACTED}"
    assert "analytical" not in secrets.mask("user ada, password analytical")
    assert secrets.mask("ada is shown") == "ada is shown"  # the user name is no secret


def test_a_longer_secret_is_hidden_whole_before_a_shorter_one_inside_it() -> None:
    secrets = SecretValues(["abcd", "abcdefgh"])

    assert secrets.mask("xabcdefghx") == f"x{REDACTED}x"


def test_values_too_short_to_mask_are_ignored() -> None:
    short = "x" * (MIN_SECRET_LENGTH - 1)
    secrets = SecretValues([short, "  ", ""])

    assert not secrets
    assert len(secrets) == 0
    assert secrets.mask(f"a {short} b") == f"a {short} b"
    assert SecretValues(["x" * MIN_SECRET_LENGTH])


def test_surrounding_spaces_are_not_part_of_the_secret() -> None:
    secrets = SecretValues(["  tok-abcdef \n"])

    assert secrets.mask("[tok-abcdef]") == f"[{REDACTED}]"
    assert " tok-abcdef " in secrets


def test_a_structured_value_is_masked_as_its_json_text() -> None:
    secrets = SecretValues()
    secrets.add(123456789)
    secrets.add({"k": "v"})

    assert secrets.mask("pin 123456789") == f"pin {REDACTED}"
    assert secrets.mask('got {"k": "v"}') == f"got {REDACTED}"


def test_an_empty_registry_leaves_text_alone() -> None:
    assert SecretValues().mask("anything") == "anything"


def test_a_structured_value_with_non_ascii_text_is_masked_as_it_is_written() -> None:
    secrets = SecretValues()
    secrets.add({"pin": "café-42"})

    assert secrets.mask('got {"pin": "café-42"}') == f"got {REDACTED}"


def test_basic_credentials_in_a_url_hide_the_user_name_with_the_password() -> None:
    secrets = SecretValues()
    secrets.add_basic_credentials("ada", "analytical")

    assert secrets.mask("http://ada:analytical@h/x") == f"http://{REDACTED}@h/x"
    assert secrets.mask("null and ada") == "null and ada"  # nothing else was registered


def test_a_secret_is_hidden_whole_even_when_a_shorter_one_inside_it_sorts_after_it() -> None:
    # Longest first, not reverse alphabetical: "zzzz" sorts before "azzzzb" reversed.
    secrets = SecretValues(["zzzz", "azzzzb"])

    assert secrets.mask("[azzzzb]") == f"[{REDACTED}]"
