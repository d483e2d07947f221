"""Configuration read from the environment at import time, as services often do."""

from __future__ import annotations

import os

DEBUG = os.environ.get("ORDERS_DEBUG", "") == "1"
MAX_ITEMS = int(os.environ.get("ORDERS_MAX_ITEMS", "50"))
