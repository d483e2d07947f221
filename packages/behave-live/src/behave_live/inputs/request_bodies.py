"""Turn what a feature file gives a request step into arguments for :meth:`HttpSession.request`.

Each function returns keyword arguments for ``requests`` (``json=``, ``data=``, ``files=``,
``headers=``), after checking the input and substituting ``${variables}``, so a step only
parses its text and sends::

    context.http.request("POST", path, **json_file_body(files, "data/person.json", variables))
"""

from __future__ import annotations

import mimetypes
import re
from collections.abc import Sequence
from pathlib import PurePosixPath
from typing import Any

from behave_live.errors import StepInputError
from behave_live.inputs.charsets import encode_text
from behave_live.inputs.documents import parse_json_document
from behave_live.inputs.feature_files import FeatureFiles
from behave_live.inputs.variables import Variables

__all__ = [
    "RequestArguments",
    "checked_method",
    "content_type_of",
    "file_body",
    "form_body",
    "json_body",
    "json_file_body",
    "multipart_body",
    "text_body",
]

RequestArguments = dict[str, Any]

# An RFC 9110 method is any token: GET and POST, but also TRACE, PROPFIND, MKCOL, M-SEARCH.
_TOKEN = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+\Z")

# Content types by extension, checked before the mimetypes module: its answers depend on
# the machine's /etc/mime.types (".xml" is text/xml on some, application/xml on others), and
# a request must be the same on every machine.
_CONTENT_TYPES = {
    ".xml": "application/xml",
    ".json": "application/json",
    ".txt": "text/plain",
    ".csv": "text/csv",
    ".html": "text/html",
    ".pdf": "application/pdf",
    ".png": "image/png",
    ".bin": "application/octet-stream",
}


def checked_method(method: str) -> str:
    """Return ``method`` in upper case, or fail when it is not an HTTP method token.

    Any RFC 9110 token is a method (``TRACE``, ``PROPFIND``, ``MKCOL``): the server decides
    which it supports. The kit upper-cases it, as every registered method is upper case.
    """
    if not _TOKEN.match(method):
        raise StepInputError(
            f"{method!r} is not an HTTP method: a method is one word of letters, digits and "
            "!#$%&'*+-.^_`|~ (an RFC 9110 token), such as GET, PROPFIND or M-SEARCH."
        )
    return method.upper()


def json_body(text: str, variables: Variables) -> RequestArguments:
    """A JSON body from a doc-string: variables substituted, then parsed (or a clear error)."""
    document = parse_json_document(variables.substitute_json(text, "in the JSON doc-string"))
    return {"json": document}


def json_file_body(files: FeatureFiles, name: str, variables: Variables) -> RequestArguments:
    """A JSON body from a file under the features directory, with variables substituted."""
    path = files.path(name, "JSON file")
    text = files.read_text(name, "JSON file")
    where = f"in the JSON file {path}"
    document = parse_json_document(variables.substitute_json(text, where), f"The JSON file {path}")
    return {"json": document}


def text_body(text: str, content_type: str, variables: Variables) -> RequestArguments:
    """A raw body with the given Content-Type, variables substituted.

    The text is encoded in the charset the content type declares
    (``text/plain; charset=iso-8859-1``), else in UTF-8: the server decodes it by the
    header, so the bytes must agree with it.
    """
    if not content_type.strip():
        raise StepInputError(
            'The content type is empty: give one such as "text/plain" or "application/xml".'
        )
    body = variables.substitute(text, "in the doc-string")
    encoded = encode_text(body, content_type.strip())
    return {"data": encoded, "headers": {"Content-Type": content_type.strip()}}


def file_body(files: FeatureFiles, name: str, content_type: str | None = None) -> RequestArguments:
    """A raw body: a file under the features directory, sent byte for byte.

    The Content-Type is ``content_type`` when given, else guessed from the file's extension
    (see :func:`content_type_of`). No variables are substituted: the file may be binary.
    """
    if content_type is not None and not content_type.strip():
        raise StepInputError(
            'The content type is empty: give one such as "application/xml", or leave it out '
            "to take it from the file's extension."
        )
    content = files.read_bytes(name, "body file")
    chosen = content_type.strip() if content_type else content_type_of(name)
    return {"data": content, "headers": {"Content-Type": chosen}}


def content_type_of(name: str) -> str:
    """The content type of a file, from its extension (application/octet-stream if unknown)."""
    filename = PurePosixPath(name.replace("\\", "/")).name
    suffix = PurePosixPath(filename).suffix.lower()
    return (
        _CONTENT_TYPES.get(suffix)
        or mimetypes.guess_type(filename)[0]
        or "application/octet-stream"
    )


def form_body(fields: Sequence[tuple[str, str]]) -> RequestArguments:
    """An ``application/x-www-form-urlencoded`` body; a name may appear several times."""
    # requests encodes a list of pairs in order and sets the Content-Type itself.
    return {"data": list(fields)}


def multipart_body(
    files: FeatureFiles,
    name: str,
    field: str,
    fields: Sequence[tuple[str, str]] = (),
) -> RequestArguments:
    """A ``multipart/form-data`` body: a file under the features directory as ``field``.

    The file is sent byte for byte (no variables are substituted in it), with its own file
    name and a content type guessed from its extension. ``fields`` are plain form fields
    sent alongside.
    """
    if not field.strip():
        raise StepInputError(
            'The form field name for the file is empty: write as "document" (or whatever '
            "field name the endpoint expects)."
        )
    content = files.read_bytes(name, "file to upload")
    filename = PurePosixPath(name.replace("\\", "/")).name
    content_type = content_type_of(filename)
    return {"files": [(field, (filename, content, content_type))], "data": list(fields)}
