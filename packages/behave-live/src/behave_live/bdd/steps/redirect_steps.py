"""Steps about redirects: follow them (the default) or check the 3xx response itself.

When the session follows redirects, the exchange keeps every hop, and a failure shows the
request the step sent and the chain (``GET /old -> 302 Location: /new -> GET /new -> 200``).
Registered for every keyword, like the other request settings.
"""

from __future__ import annotations

from typing import Any

from behave_live.bdd.steps.decorators import step


@step("redirects are not followed")
def step_redirects_are_not_followed(context: Any) -> None:
    """Hand back redirect responses (3xx) as they are, for every later request.

    Without this step a redirect is followed to its end, and the response is the last one.

    Example:
        Given redirects are not followed
        When I send a GET request to "/redirects/old"
        Then the response status should be 302
        And the response header "Location" should be "/redirects/new"
    """
    context.http.set_follow_redirects(False)
