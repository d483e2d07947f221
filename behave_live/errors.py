"""Exceptions the kit raises, each with a message that names the cause and the fix."""

from __future__ import annotations

__all__ = ["KitError", "ServerStartupError"]


class KitError(Exception):
    """Base class for every error the kit raises on purpose."""


class ServerStartupError(KitError):
    """The test server could not start; the message names the cause and how to fix it."""
