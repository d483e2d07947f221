"""A loaded ``uvicorn.Config`` for every server start, without building one from scratch.

Building and loading a Config (defaults for ~70 options, three protocol classes looked up
by import string) costs more than a fresh app does. Servers started with the same options
differ only in the app, so each start gets a copy of one loaded Config - the template for
those options - with its app swapped in. That holds only while uvicorn serves the app as
it is; when it wraps the app in middleware (``proxy_headers``, trace logging, a WSGI or
ASGI2 interface) the wrapper belongs to one server, and the Config is built in full.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Hashable
from typing import Any

import uvicorn
from uvicorn.logging import TRACE_LOG_LEVEL

__all__ = ["loaded_config"]

_ASGIApp = Callable[..., Any]
# Templates by options; a process uses one or two sets, the bound guards against many.
_MAX_TEMPLATES = 16
_templates: dict[Hashable, uvicorn.Config | None] = {}
_lock = threading.Lock()
_uvicorn_logger = logging.getLogger("uvicorn.error")


async def _placeholder(scope: Any, receive: Any, send: Any) -> None:
    """The template's app: never served, only swapped out."""
    raise RuntimeError("The uvicorn Config template served a request")  # pragma: no cover


def loaded_config(app: _ASGIApp, options: dict[str, Any]) -> uvicorn.Config:
    """A ``uvicorn.Config(app, **options)``, loaded when it could be copied from a template.

    A Config that comes back unloaded (``config.loaded`` is False) is loaded by the caller,
    on the server's thread, where a failure to load is reported like any startup failure.
    """
    # With trace logging on, uvicorn wraps every app in a logging middleware of its own.
    template = None if _uvicorn_logger.isEnabledFor(TRACE_LOG_LEVEL) else _template(options)
    if template is None:
        return uvicorn.Config(app, **options)
    # A shallow copy: the Config's attributes are only read once it is loaded.
    config = object.__new__(uvicorn.Config)
    config.__dict__.update(template.__dict__)
    config.app = config.loaded_app = app
    return config


def _template(options: dict[str, Any]) -> uvicorn.Config | None:
    """The loaded template for ``options``, or None when a copy would not serve the app."""
    key: Hashable = tuple(options.items())
    try:
        hash(key)
    except TypeError:  # an unhashable value (a list of headers): its text stands in
        key = repr(key)
    if key in _templates:
        return _templates[key]
    template: uvicorn.Config | None
    try:
        template = uvicorn.Config(_placeholder, **options)
        template.load()
    except (Exception, SystemExit):  # the full build at start reports what is wrong
        template = None
    if template is not None and template.loaded_app is not _placeholder:
        template = None  # uvicorn wraps the app: a wrapper of its own for every server
    with _lock:
        if len(_templates) < _MAX_TEMPLATES:
            _templates[key] = template
    return template
