"""A recorded HTTP exchange, and the text that shows it to a person: redacted, truncated.

Messages cut long bodies short (a failure message stays readable); a report that shows the
exchange in full asks for ``full=True``. Redaction and secret masking apply either way.

When the session followed redirects, one exchange is the whole chain: the request the step
sent, every redirect (``requests`` keeps them in ``response.history``) and the final
response. It is shown as such - the request as sent, then
``GET /old -> 302 Location: /new -> GET /new -> 200`` - so a failure never hides that the
response came from somewhere else.
"""

from __future__ import annotations

import contextlib
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import requests

from behave_live.http.binary import describe_bytes, is_binary
from behave_live.http.curl import CurlCommand, curl_command
from behave_live.http.redaction import redact_body, redact_headers, redact_url
from behave_live.inputs.charsets import declared_charset
from behave_live.secrets import SecretValues

__all__ = ["Exchange"]

_BODY_LIMIT = 4000  # characters of a body shown in a message; the rest is summarised


@dataclass(frozen=True)
class Exchange:
    """One request and its response, as sent and received over the wire.

    ``secrets`` are the values the scenario knows to be secret (its session's registry,
    shared, so a secret learned later is hidden too): every text shown is masked with them.
    """

    response: requests.Response
    secrets: SecretValues = field(default_factory=SecretValues)

    @property
    def request(self) -> requests.PreparedRequest:
        """The last request sent (after any redirects): final URL, headers and body."""
        return self.response.request

    @property
    def sent_request(self) -> requests.PreparedRequest:
        """The request as the step sent it, before any redirect was followed."""
        history = self.response.history
        return history[0].request if history else self.response.request

    @property
    def redirects(self) -> list[requests.Response]:
        """The redirect responses followed on the way to the final response, in order."""
        return list(self.response.history)

    @property
    def duration_ms(self) -> float:
        """Time from sending the request to the final response's headers, in milliseconds.

        With redirects followed, the time of every hop counts.
        """
        hops = [*self.response.history, self.response]
        return sum(hop.elapsed.total_seconds() for hop in hops) * 1000

    def headline(self) -> str:
        """One line: ``GET /health -> 200 OK (1.2 ms)`` (path and query, redacted)."""
        response = self.response
        via = len(self.response.history)
        redirected = f" via {via} redirect{'s' if via != 1 else ''}" if via else ""
        return self.secrets.mask(
            f"{self.sent_request.method} {_target(self.sent_request.url)} -> "
            f"{response.status_code} {response.reason}{redirected} ({self.duration_ms:.1f} ms)"
        )

    def redirect_chain(self) -> str:
        """``GET /old -> 302 Location: /new -> GET /new -> 200``, or "" without redirects."""
        if not self.response.history:
            return ""
        steps: list[str] = []
        for hop in self.response.history:
            location = hop.headers.get("Location", "(none)")
            steps.append(
                f"{hop.request.method} {_target(hop.request.url)} -> {hop.status_code} "
                f"Location: {_shown_location(location)}"
            )
        final = self.response
        steps.append(f"{final.request.method} {_target(final.request.url)} -> {final.status_code}")
        return self.secrets.mask(" -> ".join(steps))

    def describe_request(self, *, full: bool = False) -> str:
        """The request as the step sent it: method, URL, headers and body, redacted.

        A long body is cut short unless ``full``.
        """
        request = self.sent_request
        lines = [f"{request.method} {redact_url(request.url or '')}"]
        lines += [f"{name}: {value}" for name, value in redact_headers(request.headers)]
        body = _body_text(request.body, request.headers.get("Content-Type", ""))
        if body:
            lines += ["", _shown_body(body, request.headers.get("Content-Type", ""), full)]
        return self.secrets.mask("\n".join(lines))

    def describe_response(self, *, full: bool = False) -> str:
        """The response as text: status, headers and body (JSON pretty-printed), redacted.

        A long body is cut short unless ``full``.
        """
        response = self.response
        lines = [f"{response.status_code} {response.reason} ({self.duration_ms:.1f} ms)"]
        lines += [f"{name}: {value}" for name, value in redact_headers(response.headers)]
        content_type = response.headers.get("Content-Type", "")
        if response.content and is_binary(response.content, content_type):
            lines += ["", describe_bytes(response.content, content_type)]
        elif response.content:
            lines += ["", _shown_body(response.text, content_type, full)]
        return self.secrets.mask("\n".join(lines))

    def curl(self, body_dir: Path | None = None) -> CurlCommand:
        """The ``curl`` command that sends the request again, and notes on its body files.

        It sends the request the step sent (``-L`` when redirects were followed);
        credentials are hidden, so replaying a request that needs them means putting them
        back. See :mod:`behave_live.http.curl`.
        """
        return curl_command(
            self.sent_request,
            followed_redirects=bool(self.response.history),
            mask=self.secrets.mask,
            body_dir=body_dir,
        )

    def curl_command(self) -> str:
        """The ``curl`` command line alone (see :meth:`curl`)."""
        return self.curl().line

    def describe(self, *, full: bool = False) -> str:
        """Request, response and curl command: the tail of every assertion failure message.

        Long bodies are cut short unless ``full`` (for reports that show exchanges whole).
        """
        sections = ["Request:\n" + _indent(self.describe_request(full=full))]
        if self.response.history:
            sections.append("Redirects followed:\n" + _indent(self.redirect_chain()))
        sections += [
            "Response:\n" + _indent(self.describe_response(full=full)),
        ]
        curl = self.curl()
        sections.append("Reproduce with:\n" + _indent("\n".join([curl.line, *curl.notes])))
        return "\n\n".join(sections)


def _target(url: str | None) -> str:
    # The path and query of a URL, redacted: the host is the server's, shown once above.
    parts = urlsplit(redact_url(url or ""))
    return parts.path + (f"?{parts.query}" if parts.query else "")


def _shown_location(location: str) -> str:
    # A Location may be absolute (http://host/new) or relative (/new): show it as sent,
    # redacted like any URL.
    try:
        return redact_url(location)
    except ValueError:
        return location


def _body_text(body: Any, content_type: str = "") -> str:
    if body is None:
        return ""
    if isinstance(body, bytes):
        if is_binary(body, content_type):
            return describe_bytes(body, content_type)
        try:  # in the charset the request declared, as the server decodes it
            return body.decode(declared_charset(content_type) or "utf-8")
        except UnicodeDecodeError:
            return describe_bytes(body, content_type)
    if isinstance(body, str):
        return body
    return f"<streamed body: {type(body).__name__}>"


def _shown_body(text: str, content_type: str, full: bool = False) -> str:
    text = redact_body(text, content_type)
    if "json" in content_type:
        with contextlib.suppress(ValueError):  # declared JSON but is not: show it as it came
            text = json.dumps(json.loads(text), indent=2, ensure_ascii=False)
    if len(text) > _BODY_LIMIT and not full:
        hidden = len(text) - _BODY_LIMIT
        text = f"{text[:_BODY_LIMIT]}\n… ({hidden} more characters not shown)"
    return text


def _indent(text: str) -> str:
    return "\n".join(f"  {line}" if line else "" for line in text.splitlines())
