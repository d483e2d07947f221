"""Tell binary bodies from text, and describe them without dumping their bytes.

A PDF or an image decoded as text is thousands of characters of noise in a failure
message. A binary body is shown as its size, content type and SHA-256, and a short hex
preview of its first bytes - enough to tell two downloads apart or spot a wrong format.
"""

from __future__ import annotations

import hashlib
from typing import Final

__all__ = ["describe_bytes", "hex_preview", "is_binary"]

# Bytes shown in a hex preview: a file signature ("%PDF", PNG's 89 50 4E 47) and a bit more.
_PREVIEW_BYTES: Final = 32
# Parts of a media type that mean text, whatever the main type says.
_TEXT_MARKERS: Final = (
    "json",
    "xml",
    "javascript",
    "x-www-form-urlencoded",
    "yaml",
    "csv",
    "html",
    "graphql",
)
# Control characters that never occur in text (tab, line feed, carriage return and form
# feed do).
_CONTROL: Final = frozenset(range(32)) - {9, 10, 12, 13}


def is_binary(content: bytes, content_type: str) -> bool:
    """Return True when ``content`` should be shown as bytes, not as text.

    A text media type (``text/*``, JSON, XML, forms, ...) is text. Any other declared type
    (``application/pdf``, ``image/png``, ``application/octet-stream``) is binary. Without
    a content type, or for multipart, the bytes decide: UTF-8 without control characters
    is text.
    """
    media_type = content_type.split(";", 1)[0].strip().lower()
    if media_type.startswith("text/") or any(marker in media_type for marker in _TEXT_MARKERS):
        return False
    if media_type and not media_type.startswith("multipart/"):
        return True
    # Undeclared, or multipart (text fields around files that may be anything).
    try:
        text = content.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return any(ord(character) in _CONTROL for character in text)


def describe_bytes(content: bytes, content_type: str) -> str:
    """``<1024 bytes of application/pdf, sha256 ...>`` and a hex preview of the first bytes."""
    media_type = content_type.split(";", 1)[0].strip() or "unknown type"
    digest = hashlib.sha256(content).hexdigest()
    summary = f"<{len(content)} bytes of {media_type}, sha256 {digest}>"
    if not content:
        return summary
    return f"{summary}\nfirst bytes: {hex_preview(content)}"


def hex_preview(content: bytes, start: int = 0) -> str:
    """Up to 32 bytes from ``start`` as hex pairs (``25 50 44 46 …``)."""
    shown = content[start : start + _PREVIEW_BYTES]
    more = " …" if len(content) > start + _PREVIEW_BYTES else ""
    return shown.hex(" ") + more
