"""The text of the files ``behave-live init`` writes."""

from __future__ import annotations

from behave_live.scaffold.smoke_check import SmokeRequest

__all__ = ["ENVIRONMENT_PY", "HTML_FORMATTER", "STEPS_PY", "smoke_feature"]

HTML_FORMATTER = "behave_html_pretty_formatter:PrettyHTMLFormatter"

ENVIRONMENT_PY = '''\
"""Behave hooks: a live server and a fresh HTTP session for every scenario (behave-live)."""

from behave_live.bdd.hooks import after_all, before_all, before_scenario, before_tag

__all__ = ["after_all", "before_all", "before_scenario", "before_tag"]
'''

STEPS_PY = '''\
"""The kit's HTTP steps; add your own step modules next to this one."""

from behave_live.bdd.steps import *  # noqa: F403
'''


def smoke_feature(spec: str, request: SmokeRequest) -> str:
    """A first feature that passes against the app: one GET the live app answered."""
    if request.is_success:
        note = ""
        title = f"GET {request.path} answers with success"
    else:
        # Honest about what was checked: a server that answers, not a working endpoint.
        note = (
            f"  # No GET route without path parameters answered 2xx when behave-live init\n"
            f"  # ran, so this only checks that the server answers: GET {request.path} gave\n"
            f"  # {request.status}. Replace it with a scenario about your service.\n"
        )
        title = "The server answers"
    return (
        "Feature: Smoke test\n"
        "  As a developer of the service\n"
        "  I want every scenario to run against a real server\n"
        f"  So that I know the acceptance tests reach {spec}\n"
        "\n"
        f"{note}"
        f"  Scenario: {title}\n"
        f'    When I send a GET request to "{request.path}"\n'
        f"    Then the response status should be {request.status_class}xx\n"
    )
