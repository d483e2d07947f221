"""``python -m behave_live``: the same as the ``behave-live`` command."""

from __future__ import annotations

import sys

from behave_live.cli import main

if __name__ == "__main__":
    sys.exit(main())
