"""The kit's generic HTTP step library.

Import it from a project's ``steps/`` package to register every step::

    from behave_live.bdd.steps import *  # noqa: F403

Every ``*_steps`` module of this package is imported, so a new step module registers its
steps by existing.
"""

from __future__ import annotations

import importlib
import pkgutil

__all__ = ["STEP_MODULES"]

STEP_MODULES = sorted(
    info.name for info in pkgutil.iter_modules(__path__) if info.name.endswith("_steps")
)
for _name in STEP_MODULES:
    importlib.import_module(f"{__name__}.{_name}")
