"""Behave hooks: the kit's live server and HTTP session in every scenario.

Servers and sessions are behave fixtures, so they are cleaned up when their scope ends;
no after_* hook is needed for them. ``after_all`` only suggests the closest steps for any
undefined one. See behave_live.bdd.hooks for the scope rules.
"""

from __future__ import annotations

from behave_live.bdd.hooks import after_all, before_all, before_scenario, before_tag

__all__ = ["after_all", "before_all", "before_scenario", "before_tag"]
