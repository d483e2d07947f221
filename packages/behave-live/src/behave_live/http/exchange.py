"""A recorded HTTP exchange, and the text that shows it to a person: redacted, truncated."""

from __future__ import annotations

import contextlib
import json
import shlex
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

import requests

from behave_live.http.redaction import redact_body, redact_headers, redact_url

__all__ = ["Exchange"]

_BODY_LIMIT = 4000  # characters of a body shown in a message; the rest is summarised


@dataclass(frozen=True)
class Exchange:
    """One request and its response, as sent and received over the wire."""

    response: requests.Response

    @property
    def request(self) -> requests.PreparedRequest:
        """The request exactly as it was sent (final URL, headers and body)."""
        return self.response.request

    @property
    def duration_ms(self) -> float:
        """Time from sending the request to parsing the response headers, in milliseconds."""
        return self.response.elapsed.total_seconds() * 1000

    def headline(self) -> str:
        """One line: ``GET /health -> 200 OK (1.2 ms)`` (path and query, redacted)."""
        parts = urlsplit(redact_url(self.request.url or ""))
        target = parts.path + (f"?{parts.query}" if parts.query else "")
        response = self.response
        return (
            f"{self.request.method} {target} -> {response.status_code} {response.reason} "
            f"({self.duration_ms:.1f} ms)"
        )

    def describe_request(self) -> str:
        """The request as text: method, URL, headers and body, credentials redacted."""
        request = self.request
        lines = [f"{request.method} {redact_url(request.url or '')}"]
        lines += [f"{name}: {value}" for name, value in redact_headers(request.headers)]
        body = _body_text(request.body)
        if body:
            lines += ["", _shown_body(body, request.headers.get("Content-Type", ""))]
        return "\n".join(lines)

    def describe_response(self) -> str:
        """The response as text: status, headers and body (JSON pretty-printed), redacted."""
        response = self.response
        lines = [f"{response.status_code} {response.reason} ({self.duration_ms:.1f} ms)"]
        lines += [f"{name}: {value}" for name, value in redact_headers(response.headers)]
        if response.content:
            lines += ["", _shown_body(response.text, response.headers.get("Content-Type", ""))]
        return "\n".join(lines)

    def curl_command(self) -> str:
        """A ``curl`` command that sends the same request again (credentials redacted)."""
        request = self.request
        words = ["curl", "-i", "-X", request.method or "GET", redact_url(request.url or "")]
        for name, value in redact_headers(request.headers):
            if name.lower() not in {
                "user-agent",
                "accept-encoding",
                "connection",
                "content-length",
            }:
                words += ["-H", f"{name}: {value}"]
        body = _body_text(request.body)
        if body:
            words += ["--data-raw", redact_body(body, request.headers.get("Content-Type", ""))]
        return " ".join(shlex.quote(word) for word in words)

    def describe(self) -> str:
        """Request, response and curl command: the tail of every assertion failure message."""
        return "\n\n".join(
            [
                "Request:\n" + _indent(self.describe_request()),
                "Response:\n" + _indent(self.describe_response()),
                "Reproduce with:\n" + _indent(self.curl_command()),
            ]
        )


def _body_text(body: Any) -> str:
    if body is None:
        return ""
    if isinstance(body, bytes):
        try:
            return body.decode("utf-8")
        except UnicodeDecodeError:
            return f"<{len(body)} bytes of binary data>"
    if isinstance(body, str):
        return body
    return f"<streamed body: {type(body).__name__}>"


def _shown_body(text: str, content_type: str) -> str:
    text = redact_body(text, content_type)
    if "json" in content_type:
        with contextlib.suppress(ValueError):  # declared JSON but is not: show it as it came
            text = json.dumps(json.loads(text), indent=2, ensure_ascii=False)
    if len(text) > _BODY_LIMIT:
        hidden = len(text) - _BODY_LIMIT
        text = f"{text[:_BODY_LIMIT]}\n… ({hidden} more characters not shown)"
    return text


def _indent(text: str) -> str:
    return "\n".join(f"  {line}" if line else "" for line in text.splitlines())
