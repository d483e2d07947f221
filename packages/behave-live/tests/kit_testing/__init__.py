"""Apps and paths for the kit's own tests, so they need nothing outside packages/behave-live.

The tests directory has no ``__init__.py``: pytest puts it on ``sys.path`` (next to the
conftest), and worker processes get it through ``PYTHONPATH`` (see :data:`TESTS_DIR`).
"""

from __future__ import annotations

from pathlib import Path

__all__ = ["DATA_DIR", "KIT_DIR", "TESTS_DIR"]

#: packages/behave-live/tests: holds this package, so it is what goes on ``sys.path``.
TESTS_DIR = Path(__file__).resolve().parent.parent
#: packages/behave-live: the kit's project; its tests never read above it.
KIT_DIR = TESTS_DIR.parent
#: Files the tests read as a features directory would hold them (``data/hello.txt``, ...).
DATA_DIR = TESTS_DIR / "data"
