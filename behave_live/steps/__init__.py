"""The kit's generic HTTP step library.

Import it from a project's ``steps/`` package to register every step::

    from behave_live.steps import *  # noqa: F403
"""

from __future__ import annotations

from behave_live.steps import request_steps, response_steps

__all__ = ["request_steps", "response_steps"]
