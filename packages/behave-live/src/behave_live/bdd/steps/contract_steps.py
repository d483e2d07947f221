"""Steps about the OpenAPI contract check (the ``openapi`` setting).

With the setting on, every request a scenario sends and every response it gets is checked
against the service's OpenAPI document, and a violation fails the step that sent the
request. A scenario that sends an invalid request on purpose - a missing field, a word
where a number belongs, a method the service does not offer, to see it refused - turns the
check off for itself; the tag ``@no_contract`` does the same for a scenario or a feature.
"""

from __future__ import annotations

from typing import Any

from behave_live.bdd.steps.decorators import given


@given("the contract check is off")
def step_the_contract_check_is_off(context: Any) -> None:
    """Check no later request or response of this scenario against the OpenAPI document.

    For scenarios that send invalid requests on purpose. Without the ``openapi`` setting
    the check is off already and the step does nothing.

    Example:
        Given the contract check is off
        When I send a POST request to "/board/tasks" with JSON:
            \"\"\"
            {"title": 42}
            \"\"\"
        Then the response status should be 422
    """
    check = context.live.contract_check
    if check is not None:
        check.turn_off()
