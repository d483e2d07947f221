"""Turn what a feature file gives a request step into arguments for :meth:`HttpSession.request`.

Each function returns keyword arguments for ``requests`` (``json=``, ``data=``, ``files=``,
``headers=``), after checking the input and substituting ``${variables}``, so a step only
parses its text and sends::

    context.http.request("POST", path, **json_file_body(files, "data/person.json", variables))
"""

from __future__ import annotations

import mimetypes
from collections.abc import Sequence
from pathlib import PurePosixPath
from typing import Any

from behave_live.errors import StepInputError
from behave_live.inputs.documents import parse_json_document
from behave_live.inputs.feature_files import FeatureFiles
from behave_live.inputs.variables import Variables

__all__ = [
    "METHODS",
    "RequestArguments",
    "checked_method",
    "form_body",
    "json_body",
    "json_file_body",
    "multipart_body",
    "text_body",
]

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS")

RequestArguments = dict[str, Any]


def checked_method(method: str) -> str:
    """Return ``method`` in upper case, or fail naming the methods the steps can send."""
    upper = method.upper()
    if upper not in METHODS:
        raise StepInputError(f"Unknown HTTP method {method!r}. Use one of {', '.join(METHODS)}.")
    return upper


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
    """A raw body (UTF-8) with the given Content-Type, variables substituted."""
    if not content_type.strip():
        raise StepInputError(
            'The content type is empty: give one such as "text/plain" or "application/xml".'
        )
    body = variables.substitute(text, "in the doc-string")
    return {"data": body.encode("utf-8"), "headers": {"Content-Type": content_type.strip()}}


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
    content_type = mimetypes.guess_type(filename)[0] or "application/octet-stream"
    return {"files": [(field, (filename, content, content_type))], "data": list(fields)}
