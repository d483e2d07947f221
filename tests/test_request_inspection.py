"""The demo app's inspection endpoints (/inspect, /upload, /slow, /cookies, /auth/*).

The API-level features read what the kit's request steps put on the wire through these
endpoints, so they must describe requests faithfully and refuse bad input clearly.
`http` is the kit's pytest fixture, serving app:create_app (live_server_app in pyproject).
"""

from __future__ import annotations

from behave_live.http.session import HttpSession


def test_a_token_from_the_login_endpoint_is_accepted(http: HttpSession) -> None:
    login = http.post("/auth/token", json={"username": "ada", "password": "analytical-engine"})
    assert login.status_code == 201
    http.use_bearer_token(login.json()["token"])
    answer = http.get("/auth/bearer")
    assert answer.status_code == 200
    assert answer.json() == {"authenticated": True, "scheme": "bearer", "credentials_present": True}


def test_an_unknown_bearer_token_is_refused_without_being_echoed(http: HttpSession) -> None:
    http.use_bearer_token("made-up-token")
    answer = http.get("/auth/bearer")
    assert answer.status_code == 401
    assert answer.headers["WWW-Authenticate"] == "Bearer"
    assert "made-up-token" not in answer.text


def test_the_token_endpoint_refuses_bad_credentials(http: HttpSession) -> None:
    assert http.post("/auth/token", json={"username": "ada", "password": "x"}).status_code == 401
    assert http.post("/auth/token", data=b"not json").status_code == 400


def test_the_inspect_endpoint_hides_credentials(http: HttpSession) -> None:
    http.use_bearer_token("tok-5678")
    assert http.get("/inspect").json()["headers"]["authorization"] == "Bearer <hidden>"


def test_inspect_shows_binary_bodies_as_null_text(http: HttpSession) -> None:
    seen = http.post("/inspect", data=b"\xff\xfe").json()
    assert seen["text"] is None
    assert seen["body_size"] == 2


def test_the_upload_endpoint_refuses_other_bodies(http: HttpSession) -> None:
    answer = http.post("/upload", json={"a": 1})
    assert answer.status_code == 400
    assert "multipart/form-data" in answer.json()["detail"]


def test_the_upload_endpoint_refuses_a_body_it_cannot_parse(http: HttpSession) -> None:
    answer = http.post(
        "/upload",
        data=b'--XYZ\r\nContent-Disposition: form-data; name="a"\r\n\r\n1',
        headers={"Content-Type": "multipart/form-data"},  # no boundary to split it on
    )
    assert answer.status_code == 400
    assert "The multipart body is malformed" in answer.json()["detail"]
    assert "boundary" in answer.json()["detail"].lower()


def test_slow_is_bounded_and_checks_its_input(http: HttpSession) -> None:
    assert http.get("/slow?ms=-5").json() == {"slept_ms": 0}
    assert http.get("/slow?ms=soon").status_code == 400


def test_set_cookie_needs_a_name(http: HttpSession) -> None:
    assert http.post("/cookies/set?value=1").status_code == 400
