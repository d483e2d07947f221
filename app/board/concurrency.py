"""Optimistic concurrency: a change applies only to the version of a task the client saw.

Every task carries a ``version`` (1 when created, +1 per change) and responses carry it as
the strong entity tag ``ETag: "<version>"``. A client that wants to be sure it is not
overwriting someone else's change sends that tag back in ``If-Match`` - or ``"version": n``
in a PATCH body, which is easier to write by hand. A mismatch is a 409 naming both
versions. (RFC 9110 would answer a failed ``If-Match`` with 412; the board uses 409 for both
forms so that clients handle one status, and documents it.)

Without ``If-Match`` or ``version`` the change applies unconditionally: last write wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from starlette.requests import Request

from app.board.models import Task
from app.board.problems import ProblemError, bad_request, conflict

__all__ = ["check_version", "etag"]

# One entity tag of RFC 9110 8.8.3: optional weakness marker, then a quoted string.
_ENTITY_TAG = re.compile(r'(W/)?"([\x21\x23-\x7e\x80-\xff]*)"')


@dataclass(frozen=True)
class _Tag:
    weak: bool
    opaque: str

    def describe(self) -> str:
        if self.weak:
            return f'W/"{self.opaque}" (a weak tag, which never matches If-Match)'
        return f"version {self.opaque}" if self.version is not None else f'"{self.opaque}"'

    def matches(self, task: Task) -> bool:
        """Whether this tag is the task's current entity tag, by strong comparison."""
        return not self.weak and self.opaque == str(task.version)

    @property
    def version(self) -> int | None:
        """The version this tag names, if it is a strong tag holding a plain number."""
        # isascii: str.isdigit() also accepts digits such as "\xb2" that int() refuses; the
        # length bound keeps int() away from absurdly long strings.
        number = self.opaque.isascii() and self.opaque.isdigit() and len(self.opaque) <= 19
        return int(self.opaque) if number and not self.weak else None


def etag(task: Task) -> str:
    """Return the task's entity tag, for the ``ETag`` response header."""
    return f'"{task.version}"'


def check_version(request: Request, task: Task, body_version: int | None = None) -> None:
    """Raise a 409 problem unless ``task`` is at the version the request expects.

    The expectation comes from ``If-Match`` and from ``version`` in the body; when both are
    given, both must match. A malformed ``If-Match`` is a 400.
    """
    header = request.headers.get("If-Match")
    if header is not None:
        tags = _parse_if_match(header)
        # "*" matches any current representation, and the task exists by now.
        # Strong comparison (RFC 9110 8.8.3.2): weak tags never match, and "03" is not "3".
        if tags is not None and not any(tag.matches(task) for tag in tags):
            raise _version_conflict(task, tags, "If-Match")
    if body_version is not None and body_version != task.version:
        raise _version_conflict(task, [_Tag(weak=False, opaque=str(body_version))], "version")


def _parse_if_match(header: str) -> list[_Tag] | None:
    """Parse ``If-Match``: ``None`` for ``*``, else the listed tags."""
    if header.strip() == "*":
        return None
    tags = []
    for item in header.split(","):
        # Entity tags may not contain commas, so splitting on them is exact.
        match = _ENTITY_TAG.fullmatch(item.strip())
        if match is None:
            raise bad_request(
                f"The If-Match header {header!r} is not a list of entity tags: send the "
                'task\'s ETag, which is its version in double quotes, such as If-Match: "3".'
            )
        tags.append(_Tag(weak=match.group(1) is not None, opaque=match.group(2)))
    return tags


def _version_conflict(task: Task, expected: list[_Tag], source: str) -> ProblemError:
    wanted = " or ".join(tag.describe() for tag in expected)
    extensions: dict[str, object] = {"current_version": task.version}
    if len(expected) == 1 and expected[0].version is not None:
        extensions["expected_version"] = expected[0].version
    return conflict(
        f"Task {task.id} is at version {task.version}, but the request expected {wanted} "
        f"(from {source}): someone changed the task since you read it. Fetch it again, "
        "reapply your change, and send the new version.",
        slug="version-conflict",
        title="The task has changed since you read it",
        extensions=extensions,
    )
