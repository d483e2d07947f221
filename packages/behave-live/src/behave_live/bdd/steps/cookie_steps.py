"""Steps about cookies.

The scenario's session keeps cookies across its requests, as a browser does: a cookie the
server sets with Set-Cookie is sent back with the next requests. These steps add cookies
of the scenario's own.

Registered for every keyword, so a setting reads naturally wherever it falls:
``Given ...``, or ``And ...`` after a ``When``.
"""

from __future__ import annotations

from typing import Any

from behave import register_type

from behave_live.bdd.step_types import STEP_TYPES
from behave_live.bdd.steps.decorators import step

register_type(**STEP_TYPES)


@step('the cookie "{name}" is "{value:AnyText}"')
def step_the_cookie_is(context: Any, name: str, value: str) -> None:
    """Send the cookie ``name=value`` with every later request of the scenario.

    Example:
        Given the cookie "session_hint" is "dark-mode"
        When I send a GET request to "/cookies"
    """
    variables = context.variables
    context.http.set_cookie(variables.substitute(name), variables.substitute(value))
