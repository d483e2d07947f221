"""openapi-core's errors, translated into violations a person can act on.

Each :class:`Violation` says which part of the exchange broke the contract (the request
body, a query parameter, the response status...), where (a JSONPath into a body), the rule
of the document it broke and what came instead - in the words of the kit's other
mismatches: ``response body $.priority: expected type "integer", got "high"``.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from behave_live.matching import describe, location_path

__all__ = ["Violation", "violations_of"]


@dataclass(frozen=True)
class Violation:
    """One way an exchange breaks the contract.

    ``part`` is where in the exchange ("response body", "query parameter 'page'");
    ``path`` a JSONPath inside a body ("" elsewhere); ``rule`` the document's rule that
    was broken ("type "integer"", "documented status codes 200, 404"); ``got`` what came
    instead; ``reason`` the validator's own words, when they add something; ``hint`` how
    to fix it, said once after the list.
    """

    part: str
    rule: str
    got: str
    path: str = ""
    reason: str = ""
    #: The request broke the contract (not the response): maybe on purpose.
    of_request: bool = False
    hint: str = ""

    def line(self) -> str:
        """The violation on one line, like a JSON mismatch."""
        where = f"{self.part} {self.path}" if self.path else self.part
        reason = f" ({self.reason})" if self.reason else ""
        return f"{where}: expected {self.rule}, got {self.got}{reason}"


def violations_of(error: Exception, side: str, status: int = 200) -> Iterator[Violation]:
    """The violations one openapi-core error stands for; ``side`` is "request" or "response".

    ``status`` is the response's, for the hints that show how to document it.
    """
    for violation in _violations_of(error, side, status):
        yield dataclasses.replace(violation, of_request=side == "request")


def _media_type_hint(media_type: str, status: int) -> str:
    """How to document a response's media type: a streamed answer is the usual case."""
    # The type alone: parameters (charset) are no part of the document's content keys.
    bare = media_type.partition(";")[0].strip() or "text/plain"
    return (
        f"Document the media type on the route (FastAPI: response_class=StreamingResponse, "
        f'responses={{{status}: {{"content": {{"{bare}": {{}}}}}}}}).'
    )


def _violations_of(error: Exception, side: str, status: int) -> Iterator[Violation]:
    from openapi_core.templating.media_types.exceptions import (  # noqa: PLC0415 (optional)
        MediaTypeNotFound,
    )
    from openapi_core.validation.exceptions import ValidationError  # noqa: PLC0415
    from openapi_core.validation.request.exceptions import (  # noqa: PLC0415
        MissingRequestBodyError,
        ParameterValidationError,
        SecurityValidationError,
    )
    from openapi_core.validation.response.exceptions import (  # noqa: PLC0415
        HeaderValidationError,
        MissingData,
        MissingHeaderError,
    )

    # openapi-core wraps the finder's error in a validation error: the finder's is the news.
    cause = error.__cause__
    if isinstance(error, ValidationError) and isinstance(cause, MediaTypeNotFound):
        error = cause
    if isinstance(error, MediaTypeNotFound):
        documented = ", ".join(error.availableMimetypes) or "none"
        yield Violation(
            f"{side} Content-Type",
            f"a documented media type ({documented})",
            repr(error.mimetype) if error.mimetype else "none",
            hint=_media_type_hint(error.mimetype or "", status) if side == "response" else "",
        )
    elif isinstance(error, ParameterValidationError):
        part = f"{error.location} parameter {error.name!r}"
        yield from _schema_violations(part, cause, fallback=str(error))
    elif isinstance(error, MissingHeaderError):
        yield Violation(
            f"{side} header {error.name!r}", "the header (documented as required)", "none"
        )
    elif isinstance(error, HeaderValidationError):
        yield from _schema_violations(f"{side} header {error.name!r}", cause, fallback=str(error))
    elif isinstance(error, SecurityValidationError):
        yield Violation(
            "request credentials",
            "credentials the operation's security requirements accept",
            "none that fit",
            reason=str(cause or error),
        )
    elif isinstance(error, MissingRequestBodyError):
        yield Violation("request body", "a body (the operation requires one)", "none")
    elif isinstance(error, MissingData):
        yield Violation("response body", "a body (the response documents one)", "none")
    elif isinstance(error, ValidationError):
        yield from _schema_violations(f"{side} body", cause, fallback=str(error))
    else:
        yield Violation(side, "what the contract documents", "something else", reason=str(error))


def _schema_violations(part: str, cause: Any, *, fallback: str) -> Iterable[Violation]:
    schema_errors = list(getattr(cause, "schema_errors", None) or ())
    if not schema_errors and hasattr(cause, "type") and hasattr(cause, "value"):
        # A CastError: a parameter's text is not of the documented type ("abc" for integer).
        return [Violation(part, f"type {describe(cause.type)}", describe(cause.value))]
    if not schema_errors:
        reason = str(cause) if cause is not None else fallback
        return [Violation(part, "what the contract documents", "something else", reason=reason)]
    schema_errors.sort(key=lambda item: [str(key) for key in item.absolute_path])
    return [
        Violation(
            part,
            f"{item.validator} {describe(item.validator_value, limit=60)}",
            describe(item.instance, limit=80),
            path=location_path(item.absolute_path) if "body" in part else "",
            reason=item.message,
        )
        for item in schema_errors
    ]
