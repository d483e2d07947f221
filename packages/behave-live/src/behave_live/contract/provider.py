"""The run's contract, read once: from a file when the run starts, from the app on first use.

A served document (``openapi = app``) can only be fetched once a server runs, so it is read
at the first exchange and kept for the run; a failure to read it is kept too, so every
scenario fails with the same clear message instead of fetching again.
"""

from __future__ import annotations

from behave_live.contract.check import Contract
from behave_live.contract.document import (
    load_contract,
    load_served_contract,
    require_openapi_core,
)
from behave_live.errors import SettingsError

__all__ = ["SERVED", "ContractProvider"]

#: The ``openapi`` setting's value that means "the document the app serves".
SERVED = "app"


class ContractProvider:
    """Hands out the run's :class:`Contract` for the ``openapi`` and ``openapi_url`` settings.

    A file is read at construction, so a bad path fails the run before any scenario; so
    does a missing ``openapi`` extra, whichever the setting.
    """

    def __init__(self, openapi: str, openapi_url: str) -> None:
        require_openapi_core()
        self.openapi = openapi
        self.openapi_url = openapi_url
        self._contract: Contract | None = None
        self._failure: SettingsError | None = None
        if openapi != SERVED:
            self._contract = load_contract(openapi)

    def contract(self, base_url: str) -> Contract:
        """The contract; the served one is fetched from ``base_url`` the first time."""
        if self._contract is not None:
            return self._contract
        if self._failure is not None:
            raise SettingsError(str(self._failure))
        try:
            self._contract = load_served_contract(base_url, self.openapi_url)
        except SettingsError as failure:
            self._failure = failure
            raise
        return self._contract
