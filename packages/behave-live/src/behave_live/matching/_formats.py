"""String formats behind the ``#uuid``, ``#date`` and ``#datetime`` markers.

Hand-written regular expressions plus a calendar check, because ``datetime.fromisoformat``
accepts different inputs on different Python versions (``Z`` only from 3.11, week dates,
basic format) and the kit must judge a response the same way everywhere.
"""

from __future__ import annotations

import calendar
import re
from typing import Final

__all__ = ["is_date", "is_datetime", "is_uuid"]

_UUID: Final = re.compile(
    r"[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}"
)
# re.ASCII: \d would otherwise accept other scripts' digits, which no API means as a date.
_DATE: Final = re.compile(r"(\d{4})-(\d{2})-(\d{2})", re.ASCII)
# RFC 3339 date-time, relaxed the ISO 8601 way: the offset may be left out (local time)
# and written without a colon, and a space may separate date and time (RFC 3339 §5.6 note).
_DATETIME: Final = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})[Tt ](\d{2}):(\d{2}):(\d{2})(?:\.\d+)?"
    r"(?:[Zz]|[+-](\d{2}):?(\d{2}))?",
    re.ASCII,
)


def is_uuid(text: str) -> bool:
    """Return True for the hyphenated 8-4-4-4-12 hex form, in either case."""
    return _UUID.fullmatch(text) is not None


def is_date(text: str) -> bool:
    """Return True for a real calendar date written ``YYYY-MM-DD``."""
    found = _DATE.fullmatch(text)
    return found is not None and _valid_date(*map(int, found.groups()))


def is_datetime(text: str) -> bool:
    """Return True for an RFC 3339 / ISO 8601 date-time such as ``2024-02-29T13:05:00Z``."""
    found = _DATETIME.fullmatch(text)
    if found is None:
        return False
    year, month, day, hour, minute, second = (int(part) for part in found.groups()[:6])
    offset_hour, offset_minute = found.groups()[6:]
    return (
        _valid_date(year, month, day)
        and hour <= 23
        and minute <= 59
        # 60 is a leap second, which RFC 3339 allows.
        and second <= 60
        and (offset_hour is None or (int(offset_hour) <= 23 and int(offset_minute) <= 59))
    )


def _valid_date(year: int, month: int, day: int) -> bool:
    # Year 0 does not exist in the proleptic Gregorian calendar Python uses.
    return year >= 1 and 1 <= month <= 12 and 1 <= day <= calendar.monthrange(year, month)[1]
