"""``GET /openapi.json``: the service's OpenAPI document, kept as YAML in ``app/openapi.yaml``.

The file is the contract the acceptance tests check every exchange against
(``openapi = app/openapi.yaml``, or ``openapi = app`` to read it from here);
tests/test_openapi_document.py keeps it and the routes in step.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import BaseRoute, Route

__all__ = ["DOCUMENT", "document", "routes"]

#: The document's file.
DOCUMENT = Path(__file__).with_name("openapi.yaml")


@functools.cache
def document() -> dict[str, Any]:
    """The document, read once per process (it does not change while the service runs)."""
    loaded: dict[str, Any] = yaml.safe_load(DOCUMENT.read_text(encoding="utf-8"))
    return loaded


async def openapi_json(request: Request) -> JSONResponse:
    """Answer the OpenAPI document as JSON."""
    return JSONResponse(document())


routes: list[BaseRoute] = [Route("/openapi.json", openapi_json, methods=["GET"])]
