"""Turn request bodies and query strings into checked values, or say everything that is wrong.

Each ``parse_*`` function checks *every* field before giving up and raises one 422 problem
listing all the field errors, so a client fixes its request in one round trip instead of
one error at a time. Reading the body itself (malformed JSON, a body that is no object) is
a 400: nothing can be said about fields of a document that cannot be read.

The one check that needs the database - is the assignee a member of the team? - comes in
as an :data:`AssigneeCheck` from the endpoint, so its error joins the same list.
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Final, NoReturn

from starlette.datastructures import QueryParams
from starlette.requests import Request

from app.board.models import STATUSES, Status
from app.board.problems import FieldError, bad_request, content_too_large, validation_failed

__all__ = [
    "DEFAULT_LIMIT",
    "MAX_BODY_BYTES",
    "MAX_LIMIT",
    "AssigneeCheck",
    "FieldErrors",
    "ListQuery",
    "NewTask",
    "Registration",
    "TaskChanges",
    "describe_json_type",
    "parse_list_query",
    "parse_new_task",
    "parse_registration",
    "parse_task_changes",
    "read_json_object",
]

#: The largest request body the board reads; anything bigger is answered with a 413.
MAX_BODY_BYTES: Final = 64 * 1024
DEFAULT_LIMIT: Final = 20
MAX_LIMIT: Final = 100
MAX_TITLE: Final = 200
MAX_DESCRIPTION: Final = 2000
MAX_NAME: Final = 50
# SQLite integers are signed 64-bit; a larger offset would crash the driver, not just miss.
_MAX_SQLITE_INT: Final = 2**63 - 1

#: Given a (well-formed) assignee name, return why it cannot be assigned, or None if it can.
AssigneeCheck = Callable[[str], str | None]

_TASK_FIELDS: Final = ("title", "description", "status", "assignee", "due_date")
_PATCH_FIELDS: Final = (*_TASK_FIELDS, "version")
_REGISTRATION_FIELDS: Final = ("name", "team")
_QUERY_FIELDS: Final = ("status", "assignee", "limit", "offset")

# ASCII digits only: str.isdigit() and int() also accept other scripts' digits, "+5" and "5_0".
_WHOLE_NUMBER = re.compile(r"[0-9]+")
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclass
class FieldErrors:
    """Collects field errors while a request is checked; :meth:`raise_if_any` reports them."""

    errors: list[FieldError] = field(default_factory=list)

    def add(self, field_name: str, message: str) -> None:
        """Record that ``field_name`` is wrong, with a sentence saying how."""
        self.errors.append(FieldError(field_name, message))

    def raise_if_any(self) -> None:
        """Raise one 422 problem listing every error collected so far, if there are any."""
        if self.errors:
            raise validation_failed(self.errors)


@dataclass(frozen=True)
class Registration:
    """A checked ``POST /board/users`` body."""

    name: str
    team: str


@dataclass(frozen=True)
class NewTask:
    """A checked ``POST /board/tasks`` body; ``assignee`` is a name not yet looked up."""

    title: str
    description: str | None = None
    status: Status = "todo"
    assignee: str | None = None
    due_date: str | None = None


@dataclass(frozen=True)
class TaskChanges:
    """A checked ``PATCH`` body: only the fields the client sent, and its expected version.

    ``changes`` maps API field names to new values; ``None`` clears an optional field.
    """

    changes: dict[str, str | None]
    version: int | None = None


@dataclass(frozen=True)
class ListQuery:
    """The checked query string of ``GET /board/tasks``."""

    status: Status | None = None
    assignee: str | None = None
    limit: int = DEFAULT_LIMIT
    offset: int = 0


# -- the body ----------------------------------------------------------------------------------


async def read_json_object(request: Request) -> dict[str, Any]:
    """Read the request body as a JSON object, or raise a 400 problem saying why it is not."""
    body = await _read_body(request)
    if not body.strip():
        raise bad_request("The request body is empty; send a JSON object.")
    try:
        payload = json.loads(body, parse_constant=_reject_constant)
    except RecursionError:
        raise bad_request("The request body is nested too deeply to read.") from None
    except ValueError as exc:  # JSONDecodeError and UnicodeDecodeError are ValueErrors
        raise bad_request(f"The request body is not valid JSON: {exc}.") from None
    if not isinstance(payload, dict):
        raise bad_request(
            f"The request body must be a JSON object, not {describe_json_type(payload)}."
        )
    return payload


async def _read_body(request: Request) -> bytes:
    """Read at most :data:`MAX_BODY_BYTES` of body, or raise a 413 problem.

    Not Starlette's ``max_body_size``: when Content-Length announces a large body, its
    middleware replaces any response with a plain-text 413, and the board's errors are all
    problem documents.
    """
    too_large = content_too_large(
        f"The request body is too large: the board reads at most {MAX_BODY_BYTES} bytes."
    )
    declared = request.headers.get("Content-Length", "")
    # The length test first: int() refuses digit strings longer than 4300 characters.
    is_number = declared.isascii() and declared.isdigit()
    if is_number and (len(declared) > 9 or int(declared) > MAX_BODY_BYTES):
        raise too_large  # refuse before reading a byte of it
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > MAX_BODY_BYTES:  # chunked bodies announce no length
            raise too_large
        chunks.append(chunk)
    return b"".join(chunks)


def describe_json_type(value: object) -> str:
    """Name the JSON type of ``value`` with its article: ``"an array"``, ``"null"``..."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def _reject_constant(name: str) -> NoReturn:
    # Python's json accepts NaN and Infinity, but they are not JSON (RFC 8259 section 6).
    raise ValueError(f"{name} is not a JSON value")


# -- bodies ------------------------------------------------------------------------------------


def parse_registration(body: Mapping[str, Any]) -> Registration:
    """Check a registration body: ``name`` and ``team``, both required."""
    errors = FieldErrors()
    _check_known_fields(body, _REGISTRATION_FIELDS, "a registration", errors)
    name = _required_line(body, "name", MAX_NAME, errors)
    team = _required_line(body, "team", MAX_NAME, errors)
    errors.raise_if_any()
    # No errors, so both were read.
    assert name is not None
    assert team is not None
    return Registration(name=name, team=team)


def parse_new_task(body: Mapping[str, Any], check_assignee: AssigneeCheck) -> NewTask:
    """Check a new task: ``title`` is required, the other fields are optional."""
    errors = FieldErrors()
    _check_known_fields(body, _TASK_FIELDS, "a new task", errors)
    title = _required_line(body, "title", MAX_TITLE, errors)
    values = {name: _optional_field(body, name, errors) for name in _TASK_FIELDS[1:]}
    _check_assignee(values["assignee"], check_assignee, errors)
    errors.raise_if_any()
    assert title is not None
    return NewTask(
        title=title,
        description=values["description"],
        status=_as_status(values["status"] or "todo"),
        assignee=values["assignee"],
        due_date=values["due_date"],
    )


def parse_task_changes(body: Mapping[str, Any], check_assignee: AssigneeCheck) -> TaskChanges:
    """Check a partial update: any task field, plus the ``version`` the client last saw."""
    errors = FieldErrors()
    _check_known_fields(body, _PATCH_FIELDS, "a task update", errors)
    changes: dict[str, str | None] = {}
    if "title" in body:
        changes["title"] = _required_line(body, "title", MAX_TITLE, errors)
    for name in _TASK_FIELDS[1:]:
        if name in body:
            changes[name] = _optional_field(body, name, errors)
    version = _version(body["version"], errors) if "version" in body else None
    _check_assignee(changes.get("assignee"), check_assignee, errors)
    errors.raise_if_any()
    return TaskChanges(changes=changes, version=version)


def _check_assignee(name: str | None, check: AssigneeCheck, errors: FieldErrors) -> None:
    # None: no assignee, or one that is already reported as malformed.
    problem = None if name is None else check(name)
    if problem is not None:
        errors.add("assignee", problem)


def _check_known_fields(
    body: Mapping[str, Any], known: Iterable[str], what: str, errors: FieldErrors
) -> None:
    # Unknown fields are errors, not ignored: a typo such as "tittle" must not pass silently.
    known = tuple(known)
    for name in body:
        if name not in known:
            errors.add(name, f"{name} is not a field of {what}; use {_quoted(known)}.")


def _required_line(
    body: Mapping[str, Any], name: str, max_length: int, errors: FieldErrors
) -> str | None:
    if name not in body or body[name] is None:
        errors.add(name, f"{name} is required.")
        return None
    return _line(body[name], name, max_length, errors)


def _optional_field(body: Mapping[str, Any], name: str, errors: FieldErrors) -> str | None:
    """Check the optional task field ``name``; absent or null means "none"."""
    value = body.get(name)
    if value is None:
        # A status cannot be cleared; on a new task it defaults to todo instead of null.
        if name == "status" and name in body:
            errors.add(name, f"status cannot be null; use {_quoted(STATUSES)}.")
        return None
    if name == "description":
        return _text(value, name, MAX_DESCRIPTION, errors)
    if name == "status":
        return _status(value, errors)
    if name == "due_date":
        return _due_date(value, errors)
    return _line(value, name, MAX_NAME, errors)  # assignee: a user's name


def _string(value: object, name: str, errors: FieldErrors) -> str | None:
    if not isinstance(value, str):
        errors.add(name, f"{name} must be a string, not {describe_json_type(value)}.")
        return None
    # json.loads turns "\ud800" into a lone surrogate, which neither SQLite nor the JSON
    # response can encode: refuse it here rather than fail with a 500 later.
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        errors.add(name, f"{name} must be valid Unicode text; it contains a lone surrogate.")
        return None
    return value


def _text(value: object, name: str, max_length: int, errors: FieldErrors) -> str | None:
    """Check free text, kept exactly as sent (line breaks included)."""
    text = _string(value, name, errors)
    if text is not None and len(text) > max_length:
        errors.add(name, f"{name} must be at most {max_length} characters long, not {len(text)}.")
        return None
    return text


def _line(value: object, name: str, max_length: int, errors: FieldErrors) -> str | None:
    """Check a one-line string such as a title or a name, trimmed of surrounding whitespace."""
    text = _string(value, name, errors)
    if text is None:
        return None
    text = text.strip()
    if not text:
        errors.add(name, f"{name} must not be blank.")
        return None
    if any(unicodedata.category(character) == "Cc" for character in text):
        errors.add(name, f"{name} must be one line, without control characters such as tabs.")
        return None
    if len(text) > max_length:
        errors.add(
            name,
            f"{name} must be at most {max_length} characters long (after trimming), "
            f"not {len(text)}.",
        )
        return None
    return text


def _status(value: object, errors: FieldErrors) -> Status | None:
    if isinstance(value, str) and value in STATUSES:
        return _as_status(value)
    shown = repr(value) if isinstance(value, str) else describe_json_type(value)
    errors.add("status", f"status must be one of {_quoted(STATUSES)}, not {shown}.")
    return None


def _due_date(value: object, errors: FieldErrors) -> str | None:
    example = "such as 2030-12-31"
    if not isinstance(value, str):
        errors.add(
            "due_date",
            f"due_date must be a date written YYYY-MM-DD ({example}), "
            f"not {describe_json_type(value)}.",
        )
        return None
    # fullmatch first: date.fromisoformat (3.11+) also accepts forms like "20301231".
    if not _ISO_DATE.fullmatch(value):
        errors.add(
            "due_date", f"due_date must be a date written YYYY-MM-DD ({example}), not {value!r}."
        )
        return None
    try:
        date.fromisoformat(value)
    except ValueError:
        errors.add("due_date", f"due_date {value!r} is not a day of the calendar.")
        return None
    return value


def _version(value: object, errors: FieldErrors) -> int | None:
    # bool is an int in Python, but true is not a version.
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= _MAX_SQLITE_INT:
        return value
    numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
    shown = repr(value) if numeric else describe_json_type(value)
    errors.add(
        "version",
        f"version must be a whole number of at least 1 (the task's version as you last saw "
        f"it), not {shown}.",
    )
    return None


# -- the query string --------------------------------------------------------------------------


def parse_list_query(query: QueryParams) -> ListQuery:
    """Check the filters and the page of ``GET /board/tasks``; unknown parameters are errors."""
    errors = FieldErrors()
    for name in dict.fromkeys(query.keys()):
        count = len(query.getlist(name))
        if name not in _QUERY_FIELDS:
            errors.add(name, f"{name} is not a query parameter here; use {_quoted(_QUERY_FIELDS)}.")
        elif count > 1:
            errors.add(name, f"{name} must be given at most once, not {count} times.")
    status = _status(query["status"], errors) if "status" in query else None
    assignee = (
        _line(query["assignee"], "assignee", MAX_NAME, errors) if "assignee" in query else None
    )
    limit = _whole_number(
        query.get("limit"), "limit", default=DEFAULT_LIMIT, low=1, high=MAX_LIMIT, errors=errors
    )
    offset = _whole_number(
        query.get("offset"), "offset", default=0, low=0, high=_MAX_SQLITE_INT, errors=errors
    )
    errors.raise_if_any()
    return ListQuery(status=status, assignee=assignee, limit=limit, offset=offset)


def _whole_number(
    raw: str | None, name: str, *, default: int, low: int, high: int, errors: FieldErrors
) -> int:
    if raw is None:
        return default
    # The length check keeps int() away from huge digit strings (it refuses > 4300 digits).
    if _WHOLE_NUMBER.fullmatch(raw) and len(raw) <= 19 and low <= int(raw) <= high:
        return int(raw)
    bounds = f"from {low} to {high}" if high < _MAX_SQLITE_INT else f"of {low} or more"
    errors.add(name, f"{name} must be a whole number {bounds}, not {raw!r}.")
    return default


# -- small helpers -----------------------------------------------------------------------------


def _as_status(value: str) -> Status:
    for status in STATUSES:  # narrows str to the Literal without a cast
        if value == status:
            return status
    raise ValueError(f"{value!r} is not a status")


def _quoted(names: Iterable[str]) -> str:
    return ", ".join(f"'{name}'" for name in names)
