"""Behave hooks: wire the kit's live server and HTTP session into every scenario.

Servers and sessions are behave fixtures, so they are cleaned up when their scope ends;
no after_* hook is needed. See behave_live.behave_fixtures for the scope rules.
"""

from __future__ import annotations

from typing import Any

from behave_live.behave_fixtures import setup_scenario, setup_tag, setup_test_run


def before_all(context: Any) -> None:
    """Read the kit's settings from userdata ([tool.behave.userdata] or -D)."""
    setup_test_run(context)


def before_tag(context: Any, tag: str) -> None:
    """Let @fixture.server.per_* tags choose the server's scope."""
    setup_tag(context, tag)


def before_scenario(context: Any, scenario: Any) -> None:
    """Give each scenario its server and a fresh HTTP session."""
    setup_scenario(context)
