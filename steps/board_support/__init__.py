"""Support code behind the task board's domain steps: the cast, the board, the checks.

The step modules in ``steps/`` only parse their phrases and call in here. This package talks
to the board through the kit's HTTP session (``context.http``) and reports with the kit's
assertions, so a failing domain step shows the request and the response like any other.
"""

from __future__ import annotations

__all__: list[str] = []
