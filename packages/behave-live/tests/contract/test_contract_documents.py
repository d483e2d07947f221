"""Reading the OpenAPI document: every way it can go wrong is one clear SettingsError."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
import requests

from behave_live.contract import ContractProvider, load_contract
from behave_live.errors import SettingsError
from behave_live.http.exchange import Exchange

VALID = """\
openapi: 3.1.0
info: {title: t, version: "1"}
paths: {}
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_of(path: Path | str) -> str:
    with pytest.raises(SettingsError) as caught:
        load_contract(path)
    return str(caught.value)


def test_a_valid_yaml_or_json_document_loads(tmp_path: Path) -> None:
    assert load_contract(write(tmp_path, "a.yaml", VALID)).label.endswith("a.yaml")
    json_text = '{"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {}}'
    assert load_contract(write(tmp_path, "a.json", json_text)) is not None


def test_a_missing_file_is_named_with_the_fix(tmp_path: Path) -> None:
    message = error_of(tmp_path / "nope.yaml")

    assert message.startswith(f"The OpenAPI document '{tmp_path / 'nope.yaml'}' (the openapi ")
    assert "setting) does not exist (looked in " in message
    assert "or write openapi = app to use the document the app serves." in message


def test_a_folder_is_not_a_document(tmp_path: Path) -> None:
    assert " is a folder (looked in " in error_of(tmp_path)


def test_malformed_yaml_is_named(tmp_path: Path) -> None:
    message = error_of(write(tmp_path, "bad.yaml", "openapi: [3.1\n"))

    assert message.startswith(
        f"Cannot read the OpenAPI document '{tmp_path / 'bad.yaml'}' (the openapi setting): "
        "it is not valid YAML ("
    )
    assert message.endswith("Fix the file, or point the openapi setting at another.")


def test_malformed_json_is_named(tmp_path: Path) -> None:
    message = error_of(write(tmp_path, "bad.json", '{"openapi": '))

    assert "it is not valid JSON (Expecting value: line 1 column 13 (char 12))" in message


def test_a_document_that_is_not_openapi_says_so(tmp_path: Path) -> None:
    message = error_of(write(tmp_path, "swagger.yaml", "swagger: '2.0'\n"))

    assert message == (
        f"The OpenAPI document '{tmp_path / 'swagger.yaml'}' (the openapi setting) is not an "
        "OpenAPI document: it has no top-level 'openapi' field (such as openapi: 3.1.0). "
        "Point the openapi setting at the service's OpenAPI 3 document."
    )


def test_an_invalid_document_fails_at_the_first_check_with_the_lint_command(
    tmp_path: Path,
) -> None:
    path = write(tmp_path, "broken.yaml", VALID.replace("paths: {}", "paths: 7"))
    contract = load_contract(path)  # not linted when read: that costs a second per run
    response = requests.Response()
    response.status_code = 200
    response.request = requests.Request("GET", "http://127.0.0.1:1/health").prepare()

    with pytest.raises(SettingsError) as caught:
        contract.check(Exchange(response))

    message = str(caught.value)
    assert message.startswith(f"The OpenAPI document {path} cannot be used to check GET /health: ")
    assert message.endswith(f"lint it with: openapi-spec-validator {path}")


def test_without_the_extra_the_fix_is_the_extra(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "openapi_core", None)  # import openapi_core fails

    message = error_of(write(tmp_path, "a.yaml", VALID))

    assert message == (
        "The OpenAPI contract check (the openapi setting) needs openapi-core, which comes "
        'with the kit\'s `openapi` extra: pip install "behave-live[openapi]" (or uv add --dev '
        '"behave-live[openapi]"), or remove the openapi setting.'
    )


def test_a_file_is_read_when_the_provider_is_made(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="does not exist"):
        ContractProvider(str(tmp_path / "nope.yaml"), "/openapi.json")
