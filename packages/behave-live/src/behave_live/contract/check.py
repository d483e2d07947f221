"""Checking one exchange against the OpenAPI document: the route, the request, the response.

An exchange is checked hop by hop (a followed redirect is an exchange of its own, with its
own documented status), and every violation of a hop is listed at once, under the
operation it belongs to.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

import requests

from behave_live.contract.violations import Violation, violations_of
from behave_live.errors import ContractViolationError, SettingsError
from behave_live.http.exchange import Exchange

__all__ = ["Contract"]

# What the check says when the request broke the contract: the case of a scenario that
# means to send an invalid request, which is worth a sentence on how to allow it.
_ON_PURPOSE = (
    "If the scenario sends this request on purpose (to see the service refuse it), tag the "
    "scenario @no_contract or add the step: Given the contract check is off"
)


class Contract:
    """The service's OpenAPI document, ready to check exchanges against.

    ``api`` is an ``openapi_core.OpenAPI``; ``label`` names where the document came from
    (a file, or the path the app serves it at) in messages; ``finder`` is the path finder
    class ``api`` uses (openapi-core's own by default).
    """

    def __init__(self, api: Any, label: str, finder: type[Any] | None = None) -> None:
        from openapi_core.templating.paths.finders import (  # noqa: PLC0415 (the extra)
            APICallPathFinder,
        )

        self.api = api
        self.label = label
        finder_class: type[Any] = APICallPathFinder if finder is None else finder
        self._finder = finder_class(api.spec)

    def check(self, exchange: Exchange) -> None:
        """Raise :class:`ContractViolationError` unless every hop of ``exchange`` is documented.

        The first hop with violations fails, with all of its violations listed.
        """
        __tracebackhide__ = True  # pytest shows the caller's line, not the kit's frames
        for hop in [*exchange.response.history, exchange.response]:
            try:
                operation, violations = self.violations(hop)
            except Exception as error:
                raise self._unusable(hop, error) from error
            if violations:
                raise self._failure(exchange, hop, operation, violations)

    def violations(self, response: requests.Response) -> tuple[str, list[Violation]]:
        """The operation ``response``'s request belongs to, and every violation of the pair."""
        from openapi_core.contrib.requests import (  # noqa: PLC0415 (the optional extra)
            RequestsOpenAPIRequest,
            RequestsOpenAPIResponse,
        )
        from openapi_core.templating.paths.exceptions import (  # noqa: PLC0415
            OperationNotFound,
            PathNotFound,
            ServerNotFound,
        )
        from openapi_core.templating.responses.exceptions import (  # noqa: PLC0415
            ResponseNotFound,
        )
        from openapi_core.validation.response.exceptions import MissingData  # noqa: PLC0415

        request = response.request
        method = (request.method or "GET").upper()
        url = request.url or ""
        parts = urlsplit(url)
        path = parts.path or "/"
        try:
            # Without the query: the finder matches path templates against the whole text.
            found = self._finder.find(method.lower(), f"{parts.scheme}://{parts.netloc}{path}")
        except ServerNotFound:
            return f"{method} {path}", [_no_server(url)]
        except OperationNotFound:
            return f"{method} {path}", [_no_operation(self.api.spec, method, path)]
        except PathNotFound:
            return f"{method} {path}", [
                Violation(
                    "route",
                    "a documented path",
                    repr(path),
                    reason="no path matches",
                    of_request=True,
                )
            ]
        operation = _operation_name(method, found)
        openapi_request = RequestsOpenAPIRequest(request)
        violations: list[Violation] = []
        # The validators' iter_errors: OpenAPI.iter_*_errors exist only from openapi-core 0.23.
        for error in self.api.request_validator.iter_errors(openapi_request):
            violations += violations_of(error, "request")
        for error in self.api.response_validator.iter_errors(
            openapi_request, RequestsOpenAPIResponse(response)
        ):
            if method == "HEAD" and isinstance(error, MissingData):
                continue  # a HEAD response has no body, whatever its GET would carry
            if isinstance(error, ResponseNotFound):
                violations.append(_undocumented_status(found.operation, response.status_code))
            else:
                violations += violations_of(error, "response", response.status_code)
        return operation, violations

    def _unusable(self, hop: requests.Response, error: Exception) -> SettingsError:
        request = hop.request
        target = urlsplit(request.url or "").path or "/"
        return SettingsError(
            f"The OpenAPI document {self.label} cannot be used to check {request.method} "
            f"{target}: {type(error).__name__}: {error}. The document is probably not valid "
            f"OpenAPI; lint it with: openapi-spec-validator {self.label}"
        )

    def _failure(
        self,
        exchange: Exchange,
        hop: requests.Response,
        operation: str,
        violations: list[Violation],
    ) -> ContractViolationError:
        lines = [violation.line() for violation in violations]
        count = f"{len(lines)} violation{'s' if len(lines) != 1 else ''}"
        listed = "\n".join(f"  {line}" for line in lines)
        via = "" if hop is exchange.response else f" (redirect {hop.status_code})"
        summary = (
            f"The exchange breaks the OpenAPI contract ({self.label}): "
            f"{operation}{via}, {count}:\n{listed}"
        )
        # Each hint once, in the order of the violations that call for it.
        for hint in dict.fromkeys(violation.hint for violation in violations if violation.hint):
            summary += f"\n{hint}"
        if any(violation.of_request for violation in violations):
            summary += f"\n{_ON_PURPOSE}"
        return ContractViolationError(summary, exchange, operation, lines)


def _operation_name(method: str, found: Any) -> str:
    # The path item's key in the document is the template: /tasks/{task_id}.
    template = found.path.parts[-1]
    operation = found.operation
    if "operationId" not in operation:
        return f"{method} {template}"
    # open(): read_str() is newer than the oldest jsonschema-path openapi-core 0.19 uses.
    with (operation / "operationId").open() as operation_id:
        return f"{method} {template} ({operation_id})"


def _no_operation(spec: Any, method: str, path: str) -> Violation:
    documented = _methods_of(spec, path)
    return Violation(
        "operation",
        f"a documented method of {path} ({', '.join(documented) or 'none'})",
        method,
        of_request=True,
    )


def _methods_of(spec: Any, path: str) -> list[str]:
    from openapi_core.templating.paths.finders import APICallPathFinder  # noqa: PLC0415

    methods = ("get", "put", "post", "delete", "options", "head", "patch", "trace")
    finder = APICallPathFinder(spec)
    documented = []
    for method in methods:
        try:
            finder.find(method, f"http://host{path}")
        except Exception:
            continue
        documented.append(method.upper())
    return documented


def _undocumented_status(operation: Any, status: int) -> Violation:
    responses = operation / "responses"
    codes = sorted(str(key) for key in responses.keys())  # noqa: SIM118 (a SchemaPath)
    return Violation(
        "response status",
        f"a documented status ({', '.join(codes)})",
        str(status),
        hint=_status_hint(status),
    )


def _status_hint(status: int) -> str:
    # FastAPI documents neither an HTTPException's status nor HTTPBearer's 401: the usual
    # cause is a route that answers more than it says, not a broken service.
    return (
        f"Document the status on the route (FastAPI: responses={{{status}: "
        f'{{"description": "..."}}}}), or, if the scenario expects this undocumented answer '
        "on purpose, tag it @no_contract or add the step: Given the contract check is off"
    )


def _no_server(url: str) -> Violation:
    return Violation(
        "server",
        "a URL under one of the document's servers",
        repr(url),
        reason="drop 'servers' from the document, or list this server's URL there",
    )
