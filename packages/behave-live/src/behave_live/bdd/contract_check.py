"""The contract check in a behave run: on for every exchange, off for a scenario that says so.

With the ``openapi`` setting, every exchange of a scenario is checked against the service's
OpenAPI document (:mod:`behave_live.contract`) and a violation fails the step that sent the
request. A scenario that sends invalid requests on purpose - to see the service refuse
them - turns the check off with the tag ``@no_contract`` (on it or its feature) or the step
``Given the contract check is off``.
"""

from __future__ import annotations

from behave_live.contract import ContractProvider
from behave_live.http.exchange import Exchange

__all__ = ["NO_CONTRACT_TAG", "ContractCheck"]

#: The tag (on a scenario, rule or feature) that turns the check off.
NO_CONTRACT_TAG = "no_contract"


class ContractCheck:
    """A session's exchange listener: checks each exchange unless turned off."""

    def __init__(self, provider: ContractProvider, base_url: str, *, enabled: bool) -> None:
        self.provider = provider
        self.base_url = base_url
        self.enabled = enabled

    def turn_off(self) -> None:
        """Check no later exchange of this scenario."""
        self.enabled = False

    def __call__(self, exchange: Exchange) -> None:
        """Raise :class:`~behave_live.errors.ContractViolationError` for a violation."""
        if self.enabled:
            self.provider.contract(self.base_url).check(exchange)
