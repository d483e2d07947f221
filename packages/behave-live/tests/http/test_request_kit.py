"""The kit behind the request steps, without behave: session, tables, files, bodies, endpoints."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest
import requests

from behave_live.errors import (
    ExchangeAssertionError,
    KitError,
    NoResponseError,
    RequestFailedError,
    StepInputError,
)
from behave_live.http.assertions import assert_body, json_value, response_header
from behave_live.http.session import (
    DEFAULT_TIMEOUT,
    BearerAuth,
    HttpSession,
    _failure_message,
)
from behave_live.inputs.feature_files import FeatureFiles
from behave_live.inputs.request_bodies import (
    checked_method,
    content_type_of,
    file_body,
    form_body,
    json_body,
    json_file_body,
    multipart_body,
    text_body,
)
from behave_live.inputs.tables import header_values, name_value_pairs
from behave_live.inputs.variables import Variables
from kit_testing import DATA_DIR, TESTS_DIR
from kit_testing.inspection import BASIC_PASSWORD, BASIC_USER, BEARER_TOKEN

# The tests directory stands in for a features directory: it holds data/ (hello.txt, ...).
FEATURES = TESTS_DIR


# `http` and `live_server` come from the kit's pytest plugin, serving kit_testing's app.


@dataclass
class Table:
    """A stand-in for behave's Table: headings and rows of cells."""

    headings: Sequence[str]
    rows: list[list[str]] = field(default_factory=list)

    def __iter__(self) -> Iterator[list[str]]:
        return iter(self.rows)


# -- HttpSession: where requests go -------------------------------------------------------


def test_paths_are_relative_to_the_base_url() -> None:
    session = HttpSession("http://h:1/")
    assert session.url_for("/health") == "http://h:1/health"
    assert session.url_for("health") == "http://h:1/health"
    assert session.url_for("https://other/x") == "https://other/x"


@pytest.mark.parametrize(
    ("base_path", "path", "url"),
    [
        ("/api", "/data", "http://h:1/api/data"),
        ("/api", "data", "http://h:1/api/data"),
        ("api/", "/data?x=1", "http://h:1/api/data?x=1"),
        ("/api/v2/", "/items/7", "http://h:1/api/v2/items/7"),
        ("/", "/health", "http://h:1/health"),
        ("", "/health", "http://h:1/health"),
        ("/api", "http://other:2/x", "http://other:2/x"),
    ],
)
def test_the_base_path_prefixes_relative_paths(base_path: str, path: str, url: str) -> None:
    session = HttpSession("http://h:1")
    session.set_base_path(base_path)
    assert session.url_for(path) == url


@pytest.mark.parametrize("base_path", ["http://example.com/api", "/api?x=1", "/api#top"])
def test_a_base_path_must_be_a_plain_path(base_path: str) -> None:
    with pytest.raises(StepInputError, match="must be a plain path such as /api"):
        HttpSession("http://h:1").set_base_path(base_path)


def test_the_base_path_applies_to_real_requests(http: HttpSession) -> None:
    http.set_base_path("/inspect")
    assert http.get("/orders/7").json()["path"] == "/inspect/orders/7"


# -- HttpSession: headers -----------------------------------------------------------------


def test_next_request_headers_are_sent_once(http: HttpSession) -> None:
    http.set_next_request_headers({"X-Trace": "abc"})
    assert http.next_request_headers == {"X-Trace": "abc"}
    first = http.get("/inspect").json()["headers"]
    second = http.get("/inspect").json()["headers"]
    assert first["x-trace"] == "abc"
    assert "x-trace" not in second
    assert http.next_request_headers == {}


def test_next_request_headers_accumulate(http: HttpSession) -> None:
    http.set_next_request_headers({"X-One": "1"})
    http.set_next_request_headers({"X-Two": "2", "x-one": "one"})
    headers = http.get("/inspect").json()["headers"]
    assert (headers["x-one"], headers["x-two"]) == ("one", "2")


def test_default_headers_are_sent_with_every_request(http: HttpSession) -> None:
    http.set_default_header("Accept", "application/json")
    for _ in range(2):
        assert http.get("/inspect").json()["headers"]["accept"] == "application/json"


def test_narrower_headers_win(http: HttpSession) -> None:
    http.set_default_header("X-Level", "every")
    http.set_next_request_headers({"X-Level": "next"})
    assert http.get("/inspect").json()["headers"]["x-level"] == "next"
    http.set_next_request_headers({"X-Level": "next"})
    response = http.get("/inspect", headers={"x-level": "own"})
    assert response.json()["headers"]["x-level"] == "own"
    assert http.get("/inspect").json()["headers"]["x-level"] == "every"


def test_next_request_params_are_sent_once_before_the_requests_own(http: HttpSession) -> None:
    http.add_next_request_params([("tag", "a"), ("q", "x y")])
    http.add_next_request_params([("tag", "b")])
    first = http.post("/inspect?page=2", params={"tag": "c"}, json={"k": 1}).json()
    assert first["query"] == {"page": ["2"], "tag": ["a", "b", "c"], "q": ["x y"]}
    assert first["json"] == {"k": 1}
    assert http.get("/inspect").json()["query"] == {}
    assert http.next_request_params == []


def test_redirects_are_followed_and_recorded(http: HttpSession) -> None:
    http.get("/redirects/moved")
    exchange = http.last_exchange
    assert exchange.response.status_code == 200
    assert exchange.sent_request.url is not None
    assert exchange.sent_request.url.endswith("/redirects/moved")
    assert [hop.status_code for hop in exchange.redirects] == [301, 302]
    assert exchange.redirect_chain() == (
        "GET /redirects/moved -> 301 Location: /redirects/old -> GET /redirects/old -> 302 "
        "Location: /redirects/new -> GET /redirects/new -> 200"
    )
    assert exchange.headline().startswith("GET /redirects/moved -> 200 OK via 2 redirects (")


def test_redirects_are_not_followed_when_the_session_says_so(http: HttpSession) -> None:
    http.set_follow_redirects(False)
    http.get("/redirects/old")
    exchange = http.last_exchange
    assert exchange.response.status_code == 302
    assert exchange.response.headers["Location"] == "/redirects/new"
    assert exchange.redirect_chain() == ""
    assert "Redirects followed" not in exchange.describe()


def test_next_request_headers_are_dropped_when_the_request_fails(http: HttpSession) -> None:
    http.set_next_request_headers({"X-Trace": "abc"})
    with pytest.raises(RequestFailedError):
        http.get("http://127.0.0.1:1/")
    assert http.next_request_headers == {}


@pytest.mark.parametrize("name", ["X Trace", "X-Trace:", "", "Ümlaut"])
def test_a_bad_header_name_is_refused(http: HttpSession, name: str) -> None:
    with pytest.raises(StepInputError, match="cannot be a header name"):
        http.set_default_header(name, "v")
    with pytest.raises(StepInputError, match="cannot be a header name"):
        http.set_next_request_headers({name: "v"})


def test_a_header_value_with_a_line_break_is_refused(http: HttpSession) -> None:
    with pytest.raises(StepInputError, match="contains a line break"):
        http.set_next_request_headers({"X-Evil": "a\r\nSet-Cookie: x=1"})


# -- HttpSession: timeout and failures ----------------------------------------------------


def test_the_default_timeout_bounds_every_request() -> None:
    assert HttpSession("http://h:1").timeout == DEFAULT_TIMEOUT


def test_a_timeout_names_method_url_and_timeout(http: HttpSession) -> None:
    http.set_timeout(0.1)
    with pytest.raises(RequestFailedError) as raised:
        http.get("/slow?ms=400")
    message = str(raised.value)
    assert message.startswith(f"GET {http.base_url}/slow?ms=400 failed: no response within ")
    assert "the 100 ms timeout" in message
    assert isinstance(raised.value.__cause__, requests.ReadTimeout)


@pytest.mark.parametrize(
    ("timeout", "suggested"),
    [(0.1, "5000 ms"), (DEFAULT_TIMEOUT, "60000 ms"), ((1, 2), "60000 ms")],
)
def test_a_timeout_suggests_more_time_than_ran_out(timeout: object, suggested: str) -> None:
    message = _failure_message("get", "http://h:1/x", timeout, requests.ReadTimeout())

    assert message.endswith(
        f"allow more time with a step such as: Given requests time out after {suggested}"
    )


def test_a_request_within_the_timeout_passes(http: HttpSession) -> None:
    http.set_timeout(2.0)
    assert http.get("/slow?ms=20").json() == {"slept_ms": 20}


def test_a_call_may_give_its_own_timeout(http: HttpSession) -> None:
    http.set_timeout(0.05)
    assert http.get("/slow?ms=100", timeout=2.0).status_code == 200


@pytest.mark.parametrize("seconds", [0, -1.0])
def test_a_timeout_must_be_positive(seconds: float) -> None:
    with pytest.raises(StepInputError, match="must be more than 0"):
        HttpSession("http://h:1").set_timeout(seconds)


def test_a_refused_connection_names_the_url_and_the_cause() -> None:
    with HttpSession("http://127.0.0.1:1") as session, pytest.raises(RequestFailedError) as raised:
        session.post("/tasks?token=abc")
    assert str(raised.value) == (
        "POST http://127.0.0.1:1/tasks?token=<redacted> failed: could not connect "
        "(Connection refused). Check that the server is running and that the host and port "
        "are right."
    )


def test_a_password_in_a_bad_url_is_not_shown(http: HttpSession) -> None:
    with pytest.raises(RequestFailedError) as raised:
        http.get("http://user:pw-999@[bad/x")
    assert "pw-999" not in str(raised.value)
    assert str(raised.value).startswith("GET http://<redacted>@[bad/x failed: the URL is not")


def test_a_failed_request_is_a_kit_error_and_a_requests_error() -> None:
    with HttpSession("http://127.0.0.1:1") as session, pytest.raises(RequestFailedError) as raised:
        session.get("/")
    assert isinstance(raised.value, KitError)
    assert isinstance(raised.value, requests.RequestException)
    assert not session.exchanges


def test_an_invalid_url_is_a_clear_failure(http: HttpSession) -> None:
    with pytest.raises(RequestFailedError, match=r"GET http://\[bad/x failed: "):
        http.get("http://[bad/x")


def test_no_response_before_the_first_request(http: HttpSession) -> None:
    with pytest.raises(NoResponseError, match="No request has been sent"):
        _ = http.last_exchange


# -- HttpSession: credentials and cookies -------------------------------------------------


def test_a_bearer_token_is_sent_with_every_request(http: HttpSession) -> None:
    http.use_bearer_token(BEARER_TOKEN)
    for _ in range(2):
        answer = http.get("/auth/bearer")
        assert answer.status_code == 200
        assert answer.json() == {"authenticated": True, "scheme": "bearer"}
    http.use_bearer_token("made-up-token")
    assert http.get("/auth/bearer").status_code == 401


def test_the_bearer_token_never_shows_in_a_repr() -> None:
    assert "secret" not in repr(BearerAuth("secret"))


@pytest.mark.parametrize("token", ["", "   "])
def test_an_empty_bearer_token_is_refused(token: str) -> None:
    with pytest.raises(StepInputError, match="The bearer token is empty"):
        HttpSession("http://h:1").use_bearer_token(token)


def test_basic_auth_is_sent_and_the_password_never_echoed(http: HttpSession) -> None:
    http.use_basic_auth(BASIC_USER, BASIC_PASSWORD)
    answer = http.get("/auth/basic")
    assert answer.json() == {"authenticated": True, "scheme": "basic", "username": BASIC_USER}
    http.use_basic_auth(BASIC_USER, "wrong-password")
    refused = http.get("/auth/basic")
    assert refused.status_code == 401
    assert "wrong-password" not in refused.text


def test_a_user_name_with_a_colon_is_refused() -> None:
    with pytest.raises(StepInputError, match="contains ':'"):
        HttpSession("http://h:1").use_basic_auth("a:b", "pw")


def test_credentials_are_redacted_when_an_exchange_is_shown(http: HttpSession) -> None:
    http.use_basic_auth("ada", "pw-1234")
    http.get("/auth/basic")
    shown = http.last_exchange.describe()
    basic = base64.b64encode(b"ada:pw-1234").decode()
    assert "pw-1234" not in shown
    assert basic not in shown
    assert "Authorization: <redacted>" in shown
    http.use_bearer_token("tok-5678")
    http.get("/auth/bearer")
    assert "tok-5678" not in http.last_exchange.describe()


def test_a_cookie_set_by_the_server_is_sent_back(http: HttpSession) -> None:
    assert http.post("/cookies/set?name=flavour&value=oat").status_code == 200
    assert http.get("/cookies").json() == {"cookies": {"flavour": "oat"}}


def test_a_cookie_set_by_a_step_is_sent(http: HttpSession) -> None:
    http.set_cookie("theme", "dark")
    assert http.get("/cookies").json() == {"cookies": {"theme": "dark"}}


def test_a_cookie_set_by_a_step_stays_with_the_servers_host(http: HttpSession) -> None:
    port = http.base_url.rsplit(":", 1)[1]
    http.set_cookie("theme", "dark")

    same_host = http.get("/redirect-to", params={"url": f"{http.base_url}/cookies"})
    other_host = http.get("/redirect-to", params={"url": f"http://localhost:{port}/cookies"})

    # The same server under another name is another host: the cookie stays behind.
    assert same_host.json() == {"cookies": {"theme": "dark"}}
    assert other_host.json() == {"cookies": {}}
    assert other_host.url == f"http://localhost:{port}/cookies"


def test_a_cookie_set_by_a_step_is_scoped_to_the_host_of_the_base_url() -> None:
    session = HttpSession("http://Example.COM:8080/api")
    session.set_cookie("theme", "dark")
    assert session.cookies.list_domains() == ["example.com"]
    localhost = HttpSession("http://localhost:8080")
    localhost.set_cookie("theme", "dark")
    # The cookie jar's own name for a dotless host: a cookie it matches to localhost.
    assert localhost.cookies.list_domains() == ["localhost.local"]


@pytest.mark.parametrize(
    ("name", "value", "message"),
    [
        ("my cookie", "1", "cannot be a cookie name"),
        ("a=b", "1", "cannot be a cookie name"),
        ("theme", "dark blue", "URL-encode it"),
        ("theme", "a;b", "URL-encode it"),
        ("theme", 'a"b', "URL-encode it"),
    ],
)
def test_a_bad_cookie_is_refused(name: str, value: str, message: str) -> None:
    with pytest.raises(StepInputError, match=message):
        HttpSession("http://h:1").set_cookie(name, value)


# -- tables -------------------------------------------------------------------------------


def test_name_value_pairs_keep_order_and_repeats() -> None:
    table = Table(["name", "value"], [["tag", "a"], ["tag", "b"], ["q", "x y"]])
    assert name_value_pairs(table, "query parameters") == [("tag", "a"), ("tag", "b"), ("q", "x y")]


def test_name_value_headings_are_case_insensitive() -> None:
    assert name_value_pairs(Table([" Name ", "VALUE"], [["a", "1"]]), "form fields") == [("a", "1")]


def test_cells_are_substituted() -> None:
    variables = Variables({"page": "3"})
    table = Table(["name", "value"], [["page", "${page}"]])
    assert name_value_pairs(table, "query parameters", variables.substitute) == [("page", "3")]


@pytest.mark.parametrize(
    ("headings", "shown"),
    [
        (["key", "val"], "| key | val |"),
        (["name", "value", "comment"], "| name | value | comment |"),
        (["value", "name"], "| value | name |"),
        (["name"], "| name |"),
    ],
)
def test_other_columns_are_refused_naming_the_columns_expected(
    headings: list[str], shown: str
) -> None:
    with pytest.raises(StepInputError) as raised:
        name_value_pairs(Table(headings), "query parameters")
    message = str(raised.value)
    assert message.startswith(
        f"The query parameters table must have the columns | name | value |, but its heading "
        f"row is {shown}."
    )
    assert "one query parameter per row" in message
    assert "| page | 2     |" in message


def test_a_missing_table_is_refused_with_an_example() -> None:
    with pytest.raises(StepInputError) as raised:
        name_value_pairs(None, "form fields")
    assert str(raised.value) == (
        "The step needs a table of form fields below it, for example:\n"
        "    | name  | value           |\n"
        "    | email | ada@example.com |"
    )


def test_an_empty_name_is_refused() -> None:
    with pytest.raises(StepInputError, match="Row 2 of the headers table has an empty name"):
        name_value_pairs(Table(["name", "value"], [["a", "1"], [" ", "2"]]), "headers")


def test_a_header_on_several_rows_is_joined_in_order_under_its_first_spelling() -> None:
    table = Table(
        ["name", "value"],
        [["X-Trace", "1"], ["Accept", "a/b"], ["x-trace", "2"], ["X-TRACE", "3"]],
    )
    assert header_values(table, "headers") == {"X-Trace": "1, 2, 3", "Accept": "a/b"}


def test_cookie_rows_are_joined_as_a_cookie_header() -> None:
    table = Table(["name", "value"], [["Cookie", "a=1"], ["cookie", "b=2"]])
    assert header_values(table, "headers") == {"Cookie": "a=1; b=2"}


# -- feature files ------------------------------------------------------------------------


def test_the_features_directory_is_found_next_to_steps(tmp_path: Path) -> None:
    (tmp_path / "features").mkdir()
    (tmp_path / "steps").mkdir()
    assert FeatureFiles.locate(tmp_path).directory == (tmp_path / "features").resolve()


def test_the_base_directory_is_the_features_directory_when_steps_are_inside(
    tmp_path: Path,
) -> None:
    assert FeatureFiles.locate(tmp_path).directory == tmp_path.resolve()


def test_a_configured_features_directory_wins(tmp_path: Path) -> None:
    (tmp_path / "project" / "features").mkdir(parents=True)
    (tmp_path / "elsewhere").mkdir()
    located = FeatureFiles.locate(tmp_path / "project", str(tmp_path / "elsewhere"))
    assert located.directory == (tmp_path / "elsewhere").resolve()


def test_a_file_is_read_relative_to_the_features_directory() -> None:
    files = FeatureFiles(FEATURES)
    assert files.read_bytes("data/hello.txt") == b"Hello, Ada!\n"
    assert files.read_text("data/hello.txt") == "Hello, Ada!\n"


def test_a_missing_file_names_the_full_path_tried(tmp_path: Path) -> None:
    with pytest.raises(StepInputError) as raised:
        FeatureFiles(tmp_path).read_text("data/person.json", "JSON file")
    tried = tmp_path.resolve() / "data" / "person.json"
    assert str(raised.value).startswith(
        f"The JSON file 'data/person.json' does not exist: looked for {tried}."
    )


def test_an_empty_file_name_is_refused(tmp_path: Path) -> None:
    with pytest.raises(StepInputError, match="name is empty"):
        FeatureFiles(tmp_path).path(" ")


def test_a_file_is_written_under_the_features_directory(tmp_path: Path) -> None:
    path = FeatureFiles(tmp_path).write_bytes("downloads/deep/x.bin", b"\x00\x01")
    assert path == tmp_path.resolve() / "downloads" / "deep" / "x.bin"
    assert path.read_bytes() == b"\x00\x01"


@pytest.mark.parametrize("name", ["../x.bin", "downloads/../../x.bin", "/tmp/x.bin"])
def test_a_file_outside_the_features_directory_is_not_written(tmp_path: Path, name: str) -> None:
    features = tmp_path / "features"
    features.mkdir()
    with pytest.raises(StepInputError, match="outside the features directory"):
        FeatureFiles(features).write_bytes(name, b"x", "file to save")
    assert list(tmp_path.iterdir()) == [features]


def test_a_file_that_is_not_utf8_is_refused(tmp_path: Path) -> None:
    (tmp_path / "latin1.json").write_bytes('{"a": "café"}'.encode("latin-1"))
    with pytest.raises(StepInputError, match="is not UTF-8 text"):
        FeatureFiles(tmp_path).read_text("latin1.json", "JSON file")


# -- request bodies -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "method", ["get", "Post", "PUT", "TRACE", "propfind", "MKCOL", "M-SEARCH", "X_CUSTOM"]
)
def test_any_method_token_is_upper_cased(method: str) -> None:
    assert checked_method(method) == method.upper()


@pytest.mark.parametrize("method", ["GE(T", "GET/1", "", "PÖST", "A,B"])
def test_a_method_that_is_not_a_token_is_refused(method: str) -> None:
    with pytest.raises(StepInputError, match=r"is not an HTTP method: a method is one word"):
        checked_method(method)


@pytest.mark.parametrize(
    ("name", "content_type"),
    [
        ("data/order.xml", "application/xml"),
        ("a/B.JSON", "application/json"),
        ("report.pdf", "application/pdf"),
        ("notes.txt", "text/plain"),
        ("no-extension", "application/octet-stream"),
    ],
)
def test_the_content_type_comes_from_the_extension(name: str, content_type: str) -> None:
    assert content_type_of(name) == content_type


def test_a_file_body_is_sent_byte_for_byte() -> None:
    content = (FEATURES / "data" / "order.xml").read_bytes()
    files = FeatureFiles(FEATURES)
    assert file_body(files, "data/order.xml") == {
        "data": content,
        "headers": {"Content-Type": "application/xml"},
    }
    given = file_body(files, "data/order.xml", " text/xml ")
    assert given["headers"] == {"Content-Type": "text/xml"}
    with pytest.raises(StepInputError, match="The content type is empty"):
        file_body(files, "data/order.xml", " ")


def test_a_json_body_substitutes_then_parses() -> None:
    variables = Variables()
    variables.save("id", 7)
    assert json_body('{"id": ${id}}', variables) == {"json": {"id": 7}}


def test_a_malformed_json_body_names_line_and_column() -> None:
    with pytest.raises(StepInputError, match="The JSON doc-string is not valid JSON"):
        json_body('{"a": 1,}', Variables())


def test_a_json_file_body_substitutes_the_file() -> None:
    variables = Variables({"name": "Ada", "born": "1815"})
    body = json_file_body(FeatureFiles(FEATURES), "data/person_template.json", variables)
    assert body == {"json": {"name": "Ada", "born": 1815, "greeting": "Hello, Ada!"}}


def test_an_invalid_json_file_names_the_file() -> None:
    with pytest.raises(StepInputError) as raised:
        json_file_body(FeatureFiles(FEATURES), "data/invalid.json", Variables())
    assert str(raised.value).startswith(
        f"The JSON file {DATA_DIR / 'invalid.json'} is not valid JSON: "
    )


def test_a_text_body_has_its_content_type() -> None:
    body = text_body("héllo ${x}", " text/plain ", Variables({"x": "1"}))
    assert body == {"data": "héllo 1".encode(), "headers": {"Content-Type": "text/plain"}}
    with pytest.raises(StepInputError, match="content type is empty"):
        text_body("x", " ", Variables())


def test_a_text_body_is_sent_in_the_charset_its_content_type_declares(http: HttpSession) -> None:
    body = text_body("café ${x}", "text/plain; charset=iso-8859-1", Variables({"x": "½"}))
    assert body["data"] == "café ½".encode("iso-8859-1")

    response = http.request("POST", "/bytes", **body)

    assert response.content == b"caf\xe9 \xbd"
    # The message decodes the body as the server does: by the declared charset.
    assert "café ½" in http.last_exchange.describe_request()


def test_a_quoted_charset_is_honoured_too() -> None:
    body = text_body("é", 'text/plain; charset="ISO-8859-1"', Variables())
    assert body["data"] == b"\xe9"


def test_a_character_the_declared_charset_cannot_carry_is_refused() -> None:
    with pytest.raises(StepInputError) as raised:
        text_body("price: 5 €", "text/plain; charset=iso-8859-1", Variables())
    assert str(raised.value) == (
        "The body cannot be sent as iso-8859-1, the charset of 'text/plain; "
        "charset=iso-8859-1': '€' (character 10) has no iso-8859-1 encoding. Declare "
        "charset=utf-8, or leave the character out."
    )


def test_an_unknown_charset_is_refused() -> None:
    with pytest.raises(StepInputError) as raised:
        text_body("x", "text/plain; charset=klingon-8", Variables())
    assert str(raised.value) == (
        "The content type 'text/plain; charset=klingon-8' declares the charset 'klingon-8', "
        "which Python does not know: use a registered name such as utf-8 or iso-8859-1."
    )


def test_a_response_is_decoded_in_the_charset_it_declares(http: HttpSession) -> None:
    http.get("/charset", params={"charset": "iso-8859-1", "text": "café"})
    exchange = http.last_exchange

    assert exchange.response.content == b"caf\xe9"
    with pytest.raises(ExchangeAssertionError) as raised:
        assert_body(exchange, "cafe")
    assert str(raised.value).startswith("Response body: expected 'cafe', got 'café' ")
    assert exchange.describe_response().endswith("\n\ncafé")


def test_a_form_body_is_a_list_of_pairs() -> None:
    assert form_body([("a", "1"), ("a", "2")]) == {"data": [("a", "1"), ("a", "2")]}


def test_a_multipart_body_sends_the_file_byte_for_byte() -> None:
    body = multipart_body(FeatureFiles(FEATURES), "data/bytes.bin", "file", [("k", "v")])
    content = (DATA_DIR / "bytes.bin").read_bytes()
    assert body == {
        "files": [("file", ("bytes.bin", content, "application/octet-stream"))],
        "data": [("k", "v")],
    }


def test_a_multipart_field_name_is_required() -> None:
    with pytest.raises(StepInputError, match="form field name for the file is empty"):
        multipart_body(FeatureFiles(FEATURES), "data/hello.txt", " ")


# -- bodies on the wire (the test app's inspection endpoints) -----------------------------


def test_a_form_arrives_as_fields(http: HttpSession) -> None:
    seen = http.post("/inspect", **form_body([("a", "1 & 2"), ("a", "3")])).json()
    assert seen["content_type"] == "application/x-www-form-urlencoded"
    assert seen["form"] == {"a": ["1 & 2", "3"]}


def test_an_upload_arrives_intact(http: HttpSession) -> None:
    content = (DATA_DIR / "bytes.bin").read_bytes()
    body = multipart_body(FeatureFiles(FEATURES), "data/bytes.bin", "file", [("note", "hi")])
    seen = http.post("/upload", **body).json()
    assert seen == {
        "fields": {"note": ["hi"]},
        "files": [
            {
                "field": "file",
                "filename": "bytes.bin",
                "size": len(content),
                "content_type": "application/octet-stream",
                "sha256": hashlib.sha256(content).hexdigest(),
            }
        ],
    }


def test_an_upload_of_an_empty_file(http: HttpSession) -> None:
    seen = http.post("/upload", files=[("f", ("empty.txt", b"", "text/plain"))]).json()
    assert seen["files"][0]["size"] == 0
    assert seen["files"][0]["sha256"] == hashlib.sha256(b"").hexdigest()


def test_inspect_shows_query_headers_and_body(http: HttpSession) -> None:
    seen = http.patch(
        "/inspect?a=1&a=2&b=",
        data=b"plain",
        headers={"Content-Type": "text/plain", "X-Multi": "v"},
    ).json()
    assert seen["method"] == "PATCH"
    assert seen["query"] == {"a": ["1", "2"], "b": [""]}
    assert seen["headers"]["x-multi"] == "v"
    assert (seen["text"], seen["json"], seen["form"], seen["body_size"]) == (
        "plain",
        None,
        None,
        5,
    )


# -- values saved from responses ----------------------------------------------------------


def test_values_are_read_from_the_last_response(http: HttpSession) -> None:
    http.post("/echo", json={"id": 42, "tags": ["a", "b"]})
    exchange = http.last_exchange
    assert json_value(exchange, "$.id") == 42
    assert json_value(exchange, "tags[1]") == "b"
    assert response_header(exchange, "content-TYPE") == "application/json"


def test_a_missing_json_value_fails_showing_the_exchange(http: HttpSession) -> None:
    http.get("/health")
    with pytest.raises(ExchangeAssertionError) as raised:
        json_value(http.last_exchange, "$.id")
    message = str(raised.value)
    assert message.startswith("Cannot read the JSON value at $.id: JSONPath '$.id' matched")
    assert "Response:" in message


def test_an_ambiguous_json_value_fails(http: HttpSession) -> None:
    http.post("/echo", json={"items": [{"id": 1}, {"id": 2}]})
    with pytest.raises(ExchangeAssertionError, match="selected 2 values"):
        json_value(http.last_exchange, "$.items[*].id")


def test_a_missing_header_fails_listing_the_headers_present(http: HttpSession) -> None:
    http.get("/health")
    with pytest.raises(ExchangeAssertionError) as raised:
        response_header(http.last_exchange, "Location")
    assert re.match(
        r"Cannot read the response header 'Location': the response has no such header "
        r"\(it has: .*content-type.*\)\.",
        str(raised.value),
    )


def test_json_of_a_non_json_response_fails(http: HttpSession) -> None:
    http.head("/inspect")
    with pytest.raises(ExchangeAssertionError, match="Expected a JSON response body"):
        json_value(http.last_exchange, "$.method")


def test_head_gets_headers_without_a_body(http: HttpSession) -> None:
    response = http.head("/inspect")
    assert response.status_code == 200
    assert response.content == b""
    assert json.loads(http.get("/inspect").content)["method"] == "GET"
