"""Behave runs of deliberately bad request features: each scenario must fail, clearly.

Every failure must name the problem (the file path tried, the unknown variable and the
known ones, the columns expected, the method, URL and timeout) and never show a traceback
of the kit's own code - nor, with authentication, any credential.
"""

from __future__ import annotations

import base64
import re
from functools import cache

import pytest

from tests.behave_runs import ROOT, BehaveRun, failing_feature, run_behave

SECRET_TOKEN = "tok-7f3a9c-never-shown"
SECRET_PASSWORD = "pw-b81e44-never-shown"
FEATURES = ROOT / "features"


@cache
def _run(name: str) -> BehaveRun:
    return run_behave(
        "-D",
        f"secret_token={SECRET_TOKEN}",
        "-D",
        f"secret_password={SECRET_PASSWORD}",
        failing_feature(name),
    )


def _scenarios(name: str) -> int:
    text = (ROOT / failing_feature(name)).read_text(encoding="utf-8")
    return len(re.findall(r"^\s*Scenario:", text, flags=re.MULTILINE))


@pytest.mark.parametrize(
    "name",
    [
        "request_missing_files.feature",
        "request_unknown_variables.feature",
        "request_bad_tables.feature",
        "request_failures.feature",
        "request_bad_input.feature",
        "request_auth_redaction.feature",
    ],
)
def test_every_scenario_fails_without_a_traceback(name: str) -> None:
    run = _run(name)
    assert run.failed, run.output
    assert f"0 scenarios passed, {_scenarios(name)} failed, 0 skipped" in run.output, run.output
    assert "Traceback" not in run.output, run.output
    assert "undefined" not in run.output.lower(), run.output
    assert "error" not in run.output.split("Failing scenarios:")[-1].lower(), run.output


# -- missing and broken files -------------------------------------------------------------


def test_a_missing_json_file_names_the_full_path_tried() -> None:
    output = _run("request_missing_files.feature").output
    tried = FEATURES / "data" / "no-such-person.json"
    assert f"The JSON file 'data/no-such-person.json' does not exist: looked for {tried}." in (
        output
    )
    assert f"relative to the features directory {FEATURES}" in output


def test_a_missing_upload_names_the_full_path_tried() -> None:
    output = _run("request_missing_files.feature").output
    tried = FEATURES / "data" / "no-such-upload.txt"
    assert f"The file to upload 'data/no-such-upload.txt' does not exist: looked for {tried}." in (
        output
    )


def test_an_invalid_json_file_names_the_file_line_and_column() -> None:
    output = _run("request_missing_files.feature").output
    assert f"The JSON file {FEATURES / 'data' / 'invalid.json'} is not valid JSON: " in output
    # Line and column are Python's (3.13 reports a trailing comma where it is, not after it).
    assert re.search(r"is not valid JSON: .* at line [34], column \d+", output)


def test_a_directory_is_not_taken_for_a_file() -> None:
    output = _run("request_missing_files.feature").output
    assert f"The JSON file 'data' is not a file: {FEATURES / 'data'} is a directory." in output


# -- unknown variables --------------------------------------------------------------------


def test_an_unknown_variable_in_a_path_names_it_and_the_known_ones() -> None:
    output = _run("request_unknown_variables.feature").output
    assert (
        "Unknown variable ${task_id} (in the path). Known variables: person_id, api_client, "
        "secret_token, secret_password."
    ) in output


def test_an_unknown_variable_in_a_json_file_names_the_file() -> None:
    output = _run("request_unknown_variables.feature").output
    template = FEATURES / "data" / "person_template.json"
    assert (
        f"Unknown variable ${{name}} (in the JSON file {template}). Known variables: api_client,"
        in (output)
    )


def test_an_unknown_variable_in_a_table_cell_is_reported() -> None:
    output = _run("request_unknown_variables.feature").output
    assert "Unknown variable ${page_no}. Known variables: api_client, secret_token" in output


def test_a_malformed_reference_is_reported_not_sent() -> None:
    output = _run("request_unknown_variables.feature").output
    assert "'${user name}' (in the JSON doc-string) is not a variable reference" in output


def test_an_unset_environment_variable_is_named() -> None:
    output = _run("request_unknown_variables.feature").output
    assert "The environment variable 'BEHAVE_LIVE_UNSET_TOKEN' used as " in output
    assert "${env:BEHAVE_LIVE_UNSET_TOKEN} is not set." in output


# -- malformed tables ---------------------------------------------------------------------


def test_a_table_with_other_columns_says_which_columns_are_expected() -> None:
    output = _run("request_bad_tables.feature").output
    assert (
        "The query parameters table must have the columns | name | value |, but its heading "
        "row is | key | val |."
    ) in output
    assert (
        "The form fields table must have the columns | name | value |, but its heading row "
        "is | name | value | comment |."
    ) in output


def test_a_missing_table_is_reported_with_an_example() -> None:
    output = _run("request_bad_tables.feature").output
    assert "The step needs a table of request headers below it, for example:" in output
    assert "| name    | value |" in output


# -- requests without a response ----------------------------------------------------------


def test_a_timeout_names_the_method_the_url_and_the_timeout() -> None:
    output = _run("request_failures.feature").output
    assert re.search(
        r"GET http://127\.0\.0\.1:\d+/slow\?ms=1000 failed: no response within the 100 ms "
        r"timeout\.",
        output,
    ), output
    assert "Given requests time out after 5000 ms" in output


def test_a_refused_connection_names_the_url_and_the_cause() -> None:
    output = _run("request_failures.feature").output
    assert "GET http://127.0.0.1:1/health failed: could not connect (Connection refused)." in output


# -- other bad input ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "The base path 'http://example.com/api' must be a plain path such as /api",
        "The request timeout must be more than 0, got 0 ms.",
        "'my cookie' cannot be a cookie name",
        "'X-Trace:' cannot be a header name",
        "The bearer token is empty.",
        "Cannot read the JSON value at $.id: JSONPath '$.id' matched nothing.",
        "Cannot read the response header 'Location': the response has no such header",
        "'1st status' cannot be a variable name",
        "No request has been sent in this scenario yet",
        "The step sends a JSON body, but no doc-string follows it.",
        "The step takes no table, but a table follows it.",
    ],
)
def test_bad_step_input_is_reported(message: str) -> None:
    assert message in _run("request_bad_input.feature").output


# -- credentials stay secret --------------------------------------------------------------


def test_credentials_never_appear_in_failure_output() -> None:
    output = _run("request_auth_redaction.feature").output
    basic = base64.b64encode(f"ada:{SECRET_PASSWORD}".encode()).decode()
    for secret in (SECRET_TOKEN, SECRET_PASSWORD, basic):
        assert secret not in output
    # The failures do show the request, with the header there but its value hidden.
    shown = re.findall(r"^\s+Authorization: <redacted>$", output, flags=re.MULTILINE)
    assert len(shown) == 2, output
    assert output.count("-H 'Authorization: <redacted>'") == 2, output
    assert "failed: no response within the 100 ms timeout" in output
