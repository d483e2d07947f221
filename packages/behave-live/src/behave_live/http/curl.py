"""A ``curl`` command line that sends a recorded request again, credentials hidden.

What makes the line reproduce the request rather than merely resemble it:

- ``HEAD`` is ``-I`` (``-X HEAD`` makes curl wait for a body that never comes);
  ``-X`` is written only when the method is not what curl would use anyway (GET without
  a body, POST with one), so that with ``-L`` curl changes the method on a 302/303 the
  way ``requests`` did;
- the request is the one the step sent, before any redirect, with ``-L`` when the kit
  followed redirects;
- a multipart body is ``-F`` per part (``--form-string`` for plain fields, so a value
  starting with ``@`` stays text), with each file written to disk and referred to by path;
- a body too large to read in a console (more than :data:`INLINE_LIMIT` bytes), binary,
  or not UTF-8 is written to a file and sent with ``--data-binary @file``;
- a body sent without a Content-Type is sent without one (``-H 'Content-Type:'``), since
  curl would otherwise add ``application/x-www-form-urlencoded``.

Body files go to a directory of their own (by default ``behave-live-bodies-<user>`` in the
system's temporary directory, readable by its owner only: a body may hold data a test
should not share with other users of the machine), named by the SHA-256 of their content,
so writing the same body twice costs nothing and the files outlive the run for the replay.
Files older than :data:`KEPT_FOR` are removed the first time a process writes there.
"""

from __future__ import annotations

import getpass
import hashlib
import os
import re
import shlex
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from email.message import Message
from email.parser import BytesParser
from email.policy import HTTP
from pathlib import Path
from typing import Final

import requests

from behave_live.http.binary import is_binary
from behave_live.http.redaction import (
    REDACTED,
    is_secret_name,
    redact_body,
    redact_headers,
    redact_url,
)

__all__ = ["INLINE_LIMIT", "KEPT_FOR", "CurlCommand", "curl_command", "default_body_dir"]

#: Bodies larger than this (in bytes) are written to a file instead of into the line.
INLINE_LIMIT: Final = 4096

# Headers curl sets by itself, or that would make the replay differ: the client's name,
# compression curl would not undo (no --compressed), connection handling and a length that
# curl computes from the body it sends.
_LEFT_TO_CURL: Final = frozenset({"user-agent", "accept-encoding", "connection", "content-length"})


#: How long a body file is kept for a replay (seconds): a day.
KEPT_FOR: Final = 24 * 60 * 60

# The directories this process has already pruned of old files.
_PRUNED: set[Path] = set()


def default_body_dir() -> Path:
    """Where body files go unless told otherwise: ``<temp dir>/behave-live-bodies-<user>``."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no name for this uid (a container's ad-hoc user)
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    safe = re.sub(r"[^A-Za-z0-9_.-]", "_", user)
    return Path(tempfile.gettempdir()) / f"behave-live-bodies-{safe}"


def _private_dir(directory: Path) -> None:
    """Create ``directory`` for its owner only, and prune it of old files once a process."""
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    if directory in _PRUNED:
        return
    _PRUNED.add(directory)
    oldest = time.time() - KEPT_FOR
    for entry in directory.iterdir():
        try:
            if entry.is_file() and entry.stat().st_mtime < oldest:
                entry.unlink()
        except OSError:
            continue  # another process removed it first, or it is not ours


@dataclass(frozen=True)
class CurlCommand:
    """The command line, and a note for each body written to a file instead of inlined."""

    line: str
    notes: list[str] = field(default_factory=list)


def curl_command(
    request: requests.PreparedRequest,
    *,
    followed_redirects: bool,
    mask: Callable[[str], str] = lambda text: text,
    body_dir: Path | None = None,
) -> CurlCommand:
    """Build the curl command that sends ``request`` again (see the module's docstring).

    ``mask`` hides secret values in every word (see
    :class:`~behave_live.secrets.SecretValues`).
    """
    builder = _Builder(mask, body_dir or default_body_dir())
    method = (request.method or "GET").upper()
    content_type = request.headers.get("Content-Type", "")
    body_words = builder.body(request.body, content_type)
    words = ["curl", "-I" if method == "HEAD" else "-i"]
    if followed_redirects:
        words.append("-L")
    if method not in ("HEAD", "POST" if body_words else "GET"):
        words += ["-X", method]
    words.append(builder.url(request.url or ""))
    multipart = content_type.lower().startswith("multipart/form-data")
    for name, value in redact_headers(request.headers):
        lower = name.lower()
        if lower in _LEFT_TO_CURL or (multipart and lower == "content-type"):
            continue  # curl writes its own multipart Content-Type, with its own boundary
        words += ["-H", f"{name}: {mask(value)}"]
    if body_words and not content_type:
        words += ["-H", "Content-Type:"]  # what requests sent: no Content-Type at all
    words += body_words
    return CurlCommand(" ".join(shlex.quote(word) for word in words), builder.notes)


class _Builder:
    def __init__(self, mask: Callable[[str], str], body_dir: Path) -> None:
        self._mask = mask
        self._body_dir = body_dir
        self.notes: list[str] = []

    def url(self, url: str) -> str:
        return self._mask(redact_url(url))

    def body(self, body: object, content_type: str) -> list[str]:
        if body is None or body in {b"", ""}:
            return []
        if isinstance(body, str):
            content = body.encode("utf-8")
        elif isinstance(body, bytes):
            content = body
        else:  # a generator or file object: consumed when sent, nothing left to show
            return ["--data-binary", f"<streamed body: {type(body).__name__}>"]
        if content_type.lower().startswith("multipart/form-data"):
            parts = self._multipart(content, content_type)
            if parts is not None:
                return parts
        return self._data(content, content_type)

    def _data(self, content: bytes, content_type: str) -> list[str]:
        text: str | None = None
        if not is_binary(content, content_type):
            try:
                text = content.decode("utf-8")
            except UnicodeDecodeError:
                text = None
        if text is not None:
            shown = self._mask(redact_body(text, content_type))
            if shown != text:  # a redacted body is what gets written, never the secret
                content = shown.encode("utf-8")
            if len(content) <= INLINE_LIMIT:
                return ["--data-raw", shown]
            path = self._write(content, ".txt")
            self.notes.append(f"The {len(content)}-byte body is in {path}.")
            return ["--data-binary", f"@{path}"]
        path = self._write(content, ".bin")
        self.notes.append(f"The {len(content)}-byte binary body is in {path}.")
        return ["--data-binary", f"@{path}"]

    def _multipart(self, content: bytes, content_type: str) -> list[str] | None:
        head = f"Content-Type: {content_type}\r\nMIME-Version: 1.0\r\n\r\n".encode()
        message = BytesParser(policy=HTTP).parsebytes(head + content)
        if not message.is_multipart():
            return None
        words: list[str] = []
        for part in message.iter_parts():
            words += self._part(part)
        return words

    def _part(self, part: Message) -> list[str]:
        name = part.get_param("name", header="content-disposition")
        filename = part.get_filename()
        payload = part.get_payload(decode=True)
        content = payload if isinstance(payload, bytes) else b""
        if not isinstance(name, str):
            name = ""
        if filename is None:
            try:
                value = content.decode("utf-8")
            except UnicodeDecodeError:
                return ["-F", f"{name}=<{self._write(content, '.bin')}"]
            value = REDACTED if is_secret_name(name) else self._mask(value)
            return ["--form-string", f"{name}={value}"]
        path = self._write(content, Path(filename).suffix)
        self.notes.append(f"The file {filename!r} of the field {name!r} is in {path}.")
        spec = f"{name}=@{path};filename={_quoted(filename)}"
        part_type = part.get("Content-Type")
        if part_type:
            spec += f";type={part_type}"
        return ["-F", spec]

    def _write(self, content: bytes, suffix: str) -> Path:
        digest = hashlib.sha256(content).hexdigest()[:32]
        suffix = suffix if re.fullmatch(r"\.[A-Za-z0-9]{1,10}", suffix) else ".bin"
        path = self._body_dir / f"{digest}{suffix}"
        if not path.exists():
            _private_dir(self._body_dir)
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(descriptor, "wb") as written:
                written.write(content)
        return path


def _quoted(text: str) -> str:
    # curl -F reads filename="..." with backslash escapes for " and \.
    escaped = text.replace("\\", "\\\\").replace('"', '\\"')
    return f'"{escaped}"'
