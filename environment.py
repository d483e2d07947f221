"""Behave hooks: the kit's live server and HTTP session in every scenario, and the board's world.

Servers and sessions are behave fixtures, so they are cleaned up when their scope ends;
no after_* hook is needed for them. ``after_all`` only suggests the closest steps for any
undefined one. See behave_live.bdd.hooks for the scope rules.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from behave_live.bdd.hooks import after_all, before_all, before_tag, setup_scenario

# behave puts steps/ on sys.path only while it loads the step modules; the hook below needs
# the board's domain layer (steps/board_support) before that.
sys.path.insert(0, str(Path(__file__).resolve().parent / "steps"))
from board_support import start_world

__all__ = ["after_all", "before_all", "before_scenario", "before_tag"]


def before_scenario(context: Any, scenario: Any) -> None:
    """Give the scenario its server and HTTP session, then a board world of its own."""
    setup_scenario(context)
    start_world(context)
