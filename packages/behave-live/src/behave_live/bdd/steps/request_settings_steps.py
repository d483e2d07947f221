"""Steps that set where and how long the scenario's requests go: base path and timeout.

Both apply to every later request of the scenario; in a ``Background`` they cover the
whole feature.

Registered for every keyword, so a setting reads naturally wherever it falls:
``Given ...``, or ``And ...`` after a ``When``.
"""

from __future__ import annotations

from typing import Any

from behave import register_type

from behave_live.bdd.step_types import STEP_TYPES
from behave_live.bdd.steps.decorators import step

register_type(**STEP_TYPES)


@step('the base path is "{path:AnyText}"')
def step_the_base_path_is(context: Any, path: str) -> None:
    """Prefix the paths of every later request with a base path ("/" or "" for none).

    ``"/tasks"`` then goes to ``/api/tasks``; full URLs (``http://...``) are left alone.

    Example:
        Background:
            Given the base path is "/api"

        Scenario: ...
            When I send a POST request to "/data" with JSON:
                \"\"\"
                {"name": "Ada"}
                \"\"\"
    """
    context.http.set_base_path(context.variables.substitute(path))


@step("requests time out after {milliseconds:d} ms")
def step_requests_time_out_after_ms(context: Any, milliseconds: int) -> None:
    """Fail any later request that gets no response within the time given.

    The failure names the method, the URL and the timeout. Without this step a request
    may take 30 s.

    Example:
        Given requests time out after 200 ms
    """
    context.http.set_timeout(milliseconds / 1000)
