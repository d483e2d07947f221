"""The OpenAPI contract check: each exchange validated against the service's own document.

Every request a scenario sends and every response it gets is checked against the OpenAPI
document of the ``openapi`` setting.

:func:`load_contract` reads the document (a file, or the app's served document);
:class:`Contract` checks one exchange and raises
:class:`~behave_live.errors.ContractViolationError` listing every violation with its
operation, JSON path and rule. openapi-core (the ``openapi`` extra) does the validating and
is imported only when the setting is on.
"""

from __future__ import annotations

from behave_live.contract.check import Contract
from behave_live.contract.document import load_contract, load_served_contract
from behave_live.contract.provider import SERVED, ContractProvider
from behave_live.contract.violations import Violation

__all__ = [
    "SERVED",
    "Contract",
    "ContractProvider",
    "Violation",
    "load_contract",
    "load_served_contract",
]
