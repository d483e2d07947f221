"""Reading the OpenAPI document: from a file, or as the app under test serves it.

Every way it can go wrong - the extra not installed, no such file, a file that is not YAML
or JSON, a document that is not valid OpenAPI, an app that serves none - ends as one
:class:`~behave_live.errors.SettingsError` naming the file (or URL) and the fix.
"""

from __future__ import annotations

import importlib.util
import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

import requests

from behave_live.contract.check import Contract
from behave_live.contract.finder import remembering_finder
from behave_live.errors import SettingsError

__all__ = ["INSTALL_HINT", "load_contract", "load_served_contract", "require_openapi_core"]

INSTALL_HINT = (
    "The OpenAPI contract check (the openapi setting) needs openapi-core, which comes with "
    'the kit\'s `openapi` extra: pip install "behave-live[openapi]" (or uv add --dev '
    '"behave-live[openapi]"), or remove the openapi setting.'
)
# Seconds the served document may take: it is one GET to a server that is already up.
_FETCH_TIMEOUT = 10.0


def require_openapi_core() -> None:
    """Raise :class:`SettingsError` (the fix: the extra) unless openapi-core is installed.

    Called when the settings are read, so that a run without the extra stops before its
    first scenario instead of failing each one at its first request.
    """
    if importlib.util.find_spec("openapi_core") is None:
        raise SettingsError(INSTALL_HINT)


def load_contract(path: str | Path) -> Contract:
    """Read the OpenAPI document in the YAML or JSON file ``path`` (relative to the cwd)."""
    file = Path(path)
    where = f"the OpenAPI document {str(file)!r} (the openapi setting)"
    if not file.is_file():
        problem = "is a folder" if file.is_dir() else "does not exist"
        raise SettingsError(
            f"{where[0].upper()}{where[1:]} {problem} (looked in {Path.cwd()}). Point the "
            "openapi setting at a YAML or JSON file, relative to the folder you run from, "
            "or write openapi = app to use the document the app serves."
        )
    text = file.read_text(encoding="utf-8")
    return _contract(_parsed(text, where, file.suffix), where, label=str(file))


def load_served_contract(base_url: str, url_path: str) -> Contract:
    """Fetch the document the app serves at ``url_path`` (FastAPI: ``/openapi.json``)."""
    url = base_url.rstrip("/") + "/" + url_path.lstrip("/")
    where = f"the OpenAPI document the app serves at {url_path}"
    fix = (
        "Check that the app serves its OpenAPI document there, or name the path with the "
        "openapi_url setting, or point the openapi setting at a file."
    )
    try:
        response = requests.get(url, timeout=_FETCH_TIMEOUT)
    except requests.RequestException as error:
        raise SettingsError(f"Could not fetch {where}: {error}. {fix}") from None
    if response.status_code != 200:
        raise SettingsError(
            f"Could not fetch {where}: GET {url_path} answered {response.status_code} "
            f"{response.reason}. {fix}"
        )
    return _contract(_parsed(response.text, where, ".json"), where, label=url_path)


def _parsed(text: str, where: str, suffix: str) -> Mapping[str, Any]:
    document: Any
    try:
        if suffix.lower() == ".json":
            document = json.loads(text)
        else:
            import yaml  # noqa: PLC0415 (comes with openapi-core; only YAML files need it)

            document = yaml.safe_load(text)
    except ImportError:
        raise SettingsError(f"Cannot read {where}: {INSTALL_HINT}") from None
    except ValueError as error:  # json.JSONDecodeError and yaml.YAMLError's subclasses
        raise SettingsError(
            f"Cannot read {where}: it is not valid {'JSON' if suffix == '.json' else 'YAML'} "
            f"({_first_line(error)}). Fix the file, or point the openapi setting at another."
        ) from None
    except Exception as error:  # yaml.YAMLError is no ValueError
        raise SettingsError(
            f"Cannot read {where}: it is not valid YAML ({_first_line(error)}). Fix the file, "
            "or point the openapi setting at another."
        ) from None
    if not isinstance(document, Mapping) or "openapi" not in document:
        raise SettingsError(
            f"{where[0].upper()}{where[1:]} is not an OpenAPI document: it has no top-level "
            "'openapi' field (such as openapi: 3.1.0). Point the openapi setting at the "
            "service's OpenAPI 3 document."
        )
    return document


def _contract(document: Mapping[str, Any], where: str, *, label: str) -> Contract:
    try:
        from openapi_core import Config, OpenAPI  # noqa: PLC0415 (the optional extra)
    except ImportError:
        raise SettingsError(INSTALL_HINT) from None
    # openapi-core reads application/json (and a few others) as JSON; a structured-syntax
    # suffix such as application/problem+json is JSON too (RFC 6839).
    suffixed: dict[str, Callable[[bytes], Any]] = dict.fromkeys(
        _json_suffix_types(document), json.loads
    )
    # No validation of the document itself: openapi-spec-validator takes over a second for
    # a document of 40 operations, at the start of every run (and of every parallel
    # process). A document it would reject fails at the first exchange it cannot check,
    # with the command that lints it (see Contract.check).
    # None is openapi-core's documented "do not validate" (OpenAPI.check_spec), which its
    # annotation leaves out.
    finder = remembering_finder()
    config = Config(
        spec_validator_cls=None,  # type: ignore[arg-type]
        extra_media_type_deserializers=suffixed,
        path_finder_cls=finder,
    )
    return Contract(OpenAPI.from_dict(dict(document), config=config), label, finder)


def _json_suffix_types(node: Any) -> set[str]:
    """Every ``.../...+json`` media type under a ``content`` of the document."""
    found: set[str] = set()
    if isinstance(node, Mapping):
        content = node.get("content")
        if isinstance(content, Mapping):
            found |= {str(name) for name in content if str(name).endswith("+json")}
        for value in node.values():
            found |= _json_suffix_types(value)
    elif isinstance(node, list):
        for value in node:
            found |= _json_suffix_types(value)
    return found


def _first_line(error: BaseException) -> str:
    text = str(error).strip()
    return text.splitlines()[0] if text else type(error).__name__
