"""The charset a Content-Type declares, and text encoded in it.

``text/plain; charset=iso-8859-1`` tells the server how to decode the body, so the bytes a
step sends must be in that charset, and a body shown in a message must be decoded with it.
Without a charset the kit uses UTF-8.
"""

from __future__ import annotations

import codecs
import re
from typing import Final

from behave_live.errors import StepInputError

__all__ = ["declared_charset", "encode_text"]

# The charset parameter of a Content-Type: charset=iso-8859-1 or charset="iso-8859-1".
_CHARSET: Final = re.compile(r';\s*charset\s*=\s*"?([^";\s]+)"?', re.IGNORECASE)


def declared_charset(content_type: str) -> str | None:
    """The charset ``content_type`` declares, if Python knows it; else None."""
    declared = _CHARSET.search(content_type)
    if declared is None:
        return None
    try:
        return codecs.lookup(declared.group(1)).name
    except LookupError:
        return None


def encode_text(text: str, content_type: str) -> bytes:
    """``text`` in the charset ``content_type`` declares (UTF-8 without one), or a clear error."""
    declared = _CHARSET.search(content_type)
    if declared is None:
        return text.encode("utf-8")
    charset = declared.group(1)
    if declared_charset(content_type) is None:
        raise StepInputError(
            f"The content type {content_type!r} declares the charset {charset!r}, which "
            "Python does not know: use a registered name such as utf-8 or iso-8859-1."
        )
    try:
        return text.encode(charset)
    except UnicodeEncodeError as error:
        bad = error.object[error.start : error.end]
        raise StepInputError(
            f"The body cannot be sent as {charset}, the charset of {content_type!r}: {bad!r} "
            f"(character {error.start + 1}) has no {charset} encoding. Declare "
            "charset=utf-8, or leave the character out."
        ) from None
