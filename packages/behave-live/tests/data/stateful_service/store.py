"""The service's "database": a module-level list, as in-memory stand-ins usually are."""

from __future__ import annotations

visits: list[str] = []
