"""The demo app, through a real UvicornTestServer and real HTTP, and its command line."""

from __future__ import annotations

import subprocess
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests
import uvicorn

import app.__main__ as app_main
from behave_live import UvicornTestServer

REQUEST_TIMEOUT = 10.0
REPO_ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def server() -> Iterator[UvicornTestServer]:
    """A fresh demo server per test: its own app instance, its own state."""
    with UvicornTestServer("app:create_app") as running:
        yield running


@pytest.fixture
def http() -> Iterator[requests.Session]:
    with requests.Session() as session:
        yield session


def _post_raw(http: requests.Session, url: str, body: bytes) -> requests.Response:
    return http.post(
        url, data=body, headers={"Content-Type": "application/json"}, timeout=REQUEST_TIMEOUT
    )


# -- routes -----------------------------------------------------------------------------------


def test_health_says_ok(server: UvicornTestServer, http: requests.Session) -> None:
    response = http.get(f"{server.base_url}/health", timeout=REQUEST_TIMEOUT)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {"message": "OK"}


def test_test_endpoint_returns_its_fixed_document(
    server: UvicornTestServer, http: requests.Session
) -> None:
    response = http.get(f"{server.base_url}/test", timeout=REQUEST_TIMEOUT)
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {"name": "behave-live demo", "version": 1, "tags": ["demo", "test"]}


@pytest.mark.parametrize(
    "payload",
    [
        pytest.param({}, id="empty"),
        pytest.param({"name": "Ada", "age": 36}, id="flat"),
        pytest.param(
            {"user": {"tags": ["a", "b"], "active": True, "score": 1.5, "note": None}},
            id="nested",
        ),
        pytest.param({"text": "grüße ✓"}, id="unicode"),
    ],
)
def test_data_echoes_a_json_object(
    server: UvicornTestServer, http: requests.Session, payload: dict[str, Any]
) -> None:
    response = http.post(f"{server.base_url}/api/data", json=payload, timeout=REQUEST_TIMEOUT)
    assert response.status_code == 200
    assert response.json() == payload


@pytest.mark.parametrize(
    ("body", "problem"),
    [
        pytest.param(b'{"name": "Ada"', "Expecting ',' delimiter: line 1 column 15", id="cut-off"),
        pytest.param(b"", "Expecting value: line 1 column 1", id="empty-body"),
        pytest.param(b'{"a": 1} trailing', "Extra data: line 1 column 10", id="trailing-data"),
        pytest.param(b'{"a": "\xff"}', "'utf-8' codec can't decode byte 0xff", id="not-utf8"),
    ],
)
def test_data_rejects_malformed_json_naming_the_problem(
    server: UvicornTestServer, http: requests.Session, body: bytes, problem: str
) -> None:
    response = _post_raw(http, f"{server.base_url}/api/data", body)
    assert response.status_code == 400
    assert response.headers["content-type"] == "application/json"
    error = response.json()
    assert error["error"] == "bad_request"
    assert error["detail"].startswith("The request body is not valid JSON: ")
    assert problem in error["detail"]


@pytest.mark.parametrize(
    ("body", "kind"),
    [
        pytest.param(b"[1, 2]", "an array", id="array"),
        pytest.param(b'"text"', "a string", id="string"),
        pytest.param(b"42", "a number", id="number"),
        pytest.param(b"true", "a boolean", id="boolean"),
        pytest.param(b"null", "null", id="null"),
    ],
)
def test_data_rejects_json_that_is_not_an_object(
    server: UvicornTestServer, http: requests.Session, body: bytes, kind: str
) -> None:
    response = _post_raw(http, f"{server.base_url}/api/data", body)
    assert response.status_code == 400
    assert response.json() == {
        "error": "bad_request",
        "detail": f"The request body must be a JSON object, got {kind}.",
    }


def test_routes_refuse_other_methods(server: UvicornTestServer, http: requests.Session) -> None:
    assert http.get(f"{server.base_url}/api/data", timeout=REQUEST_TIMEOUT).status_code == 405
    assert http.post(f"{server.base_url}/health", timeout=REQUEST_TIMEOUT).status_code == 405
    assert http.get(f"{server.base_url}/nowhere", timeout=REQUEST_TIMEOUT).status_code == 404


def test_visits_count_per_app_instance(http: requests.Session) -> None:
    with (
        UvicornTestServer("app:create_app") as first,
        UvicornTestServer("app:create_app") as second,
    ):
        counts = [
            http.post(f"{first.base_url}/api/visits", timeout=REQUEST_TIMEOUT).json()
            for _ in range(3)
        ]
        other = http.post(f"{second.base_url}/api/visits", timeout=REQUEST_TIMEOUT).json()
    assert counts == [{"visits": 1}, {"visits": 2}, {"visits": 3}]
    assert other == {"visits": 1}  # a second server has its own app and its own count

    with UvicornTestServer("app:create_app") as fresh:
        response = http.post(f"{fresh.base_url}/api/visits", timeout=REQUEST_TIMEOUT)
    assert response.status_code == 200
    assert response.json() == {"visits": 1}  # a fresh server starts at 1


# -- command line -----------------------------------------------------------------------------


def test_python_m_app_help_exits_zero_and_names_its_options() -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "app", "--help"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout.startswith("usage: python -m app")
    assert "--host" in completed.stdout
    assert "--port" in completed.stdout


@pytest.fixture
def uvicorn_run_calls(
    monkeypatch: pytest.MonkeyPatch,
) -> list[tuple[tuple[Any, ...], dict[str, Any]]]:
    """Replace ``uvicorn.run`` so ``main()`` returns instead of serving forever."""
    calls: list[tuple[tuple[Any, ...], dict[str, Any]]] = []

    def fake_run(*args: Any, **kwargs: Any) -> None:
        calls.append((args, kwargs))

    monkeypatch.setattr(uvicorn, "run", fake_run)
    return calls


def test_main_serves_the_factory_with_the_given_host_and_port(
    uvicorn_run_calls: list[tuple[tuple[Any, ...], dict[str, Any]]],
) -> None:
    with pytest.warns(UserWarning, match="lets other machines reach the demo") as warned:
        app_main.main(["--host", "0.0.0.0", "--port", "9123"])
    assert [str(warning.message) for warning in warned] == [
        "python -m app: listening on 0.0.0.0 lets other machines reach the demo, which has "
        "open registration and an echo endpoint. Use --host 127.0.0.1 (the default) unless "
        "another machine must reach it."
    ]
    assert uvicorn_run_calls == [
        (("app:create_app",), {"factory": True, "host": "0.0.0.0", "port": 9123})
    ]


def test_main_defaults_to_localhost_port_8000(
    uvicorn_run_calls: list[tuple[tuple[Any, ...], dict[str, Any]]],
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # loopback: no warning
        app_main.main([])
    assert uvicorn_run_calls == [
        (("app:create_app",), {"factory": True, "host": "127.0.0.1", "port": 8000})
    ]


def test_main_rejects_a_port_that_is_not_a_number(
    uvicorn_run_calls: list[tuple[tuple[Any, ...], dict[str, Any]]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        app_main.main(["--port", "eighty"])
    assert exit_info.value.code == 2
    assert "invalid int value: 'eighty'" in capsys.readouterr().err
    assert uvicorn_run_calls == []
