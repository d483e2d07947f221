"""Steps that authenticate every later request of the scenario.

Credentials are never shown: failure messages, the request shown with them and the
``curl`` command redact the Authorization header. Keep real secrets out of feature files
too: write ``"${env:API_TOKEN}"`` or ``"${api_token}"`` (userdata, ``-D api_token=...``), or
save the token from a login response, so the step text behave prints holds only the name.

Registered for every keyword, so a setting reads naturally wherever it falls:
``Given ...``, or ``And ...`` after a ``When``.
"""

from __future__ import annotations

from typing import Any

from behave import register_type

from behave_live.bdd.step_types import STEP_TYPES
from behave_live.bdd.steps.decorators import step

register_type(**STEP_TYPES)


@step('I am authenticated with the bearer token "{token:AnyText}"')
def step_i_am_authenticated_with_the_bearer_token(context: Any, token: str) -> None:
    """Send ``Authorization: Bearer <token>`` with every later request (replaces basic auth).

    Example:
        Given I am authenticated with the bearer token "${token}"
    """
    context.http.use_bearer_token(context.variables.substitute(token))


@step('I am authenticated as "{username}" with password "{password:AnyText}"')
def step_i_am_authenticated_as_with_password(context: Any, username: str, password: str) -> None:
    """Send HTTP basic auth with every later request (replaces a bearer token).

    Example:
        Given I am authenticated as "ada" with password "${env:ADA_PASSWORD}"
    """
    variables = context.variables
    context.http.use_basic_auth(variables.substitute(username), variables.substitute(password))
