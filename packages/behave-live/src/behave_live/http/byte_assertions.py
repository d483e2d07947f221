"""Assertions about a response body as bytes: its size, and equality with a file.

A binary body is never dumped: a mismatch names both sizes, the first offset where the
bytes differ, and the bytes around it in hex.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from behave_live.errors import ExchangeAssertionError
from behave_live.http.binary import hex_preview
from behave_live.http.exchange import Exchange

__all__ = ["assert_body_is_file", "assert_body_size", "first_difference"]


def assert_body_size(exchange: Exchange, size: int) -> None:
    """Fail unless the response body is ``size`` bytes long."""
    actual = len(exchange.response.content)
    if actual != size:
        raise ExchangeAssertionError(
            f"Response body: expected {_bytes(size)}, got {_bytes(actual)}.", exchange
        )


def assert_body_is_file(exchange: Exchange, expected: bytes, path: Path) -> None:
    """Fail unless the response body is, byte for byte, ``expected`` (read from ``path``)."""
    actual = exchange.response.content
    if actual == expected:
        return
    offset = first_difference(expected, actual)
    if offset == len(actual):
        where = f"the body ends at byte {offset}, where the file goes on"
    elif offset == len(expected):
        where = f"the body goes on after the file ends at byte {offset}"
    else:
        where = (
            f"they first differ at byte {offset}: expected {expected[offset]:#04x}, "
            f"got {actual[offset]:#04x}"
        )
    start = max(0, offset - 8)
    raise ExchangeAssertionError(
        f"Response body: expected the {_bytes(len(expected))} of the file {path}, got "
        f"{_bytes(len(actual))} ({where}).\n"
        f"  file sha256: {hashlib.sha256(expected).hexdigest()}\n"
        f"  body sha256: {hashlib.sha256(actual).hexdigest()}\n"
        f"  file from byte {start}: {hex_preview(expected, start) or '(nothing)'}\n"
        f"  body from byte {start}: {hex_preview(actual, start) or '(nothing)'}",
        exchange,
    )


def first_difference(expected: bytes, actual: bytes) -> int:
    """The first offset where the two differ (the shorter length if one is a prefix)."""
    for offset, (want, got) in enumerate(zip(expected, actual, strict=False)):
        if want != got:
            return offset
    return min(len(expected), len(actual))


def _bytes(count: int) -> str:
    return f"{count} byte{'s' if count != 1 else ''}"
