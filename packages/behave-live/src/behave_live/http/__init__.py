"""The HTTP exchange: send requests, record each exchange, assert on responses, redact secrets.

Owns the ``requests`` session bound to a base URL, the recorded :class:`Exchange` (request,
response, timing, curl line), redaction of credentials in everything shown, the response
assertions with their failure messages, and repeating a request until a condition holds.
Uses :mod:`behave_live.matching` to compare JSON and :mod:`behave_live.inputs` for parsed
expectations; knows nothing of servers or behave.
"""

from __future__ import annotations

from behave_live.http.exchange import Exchange
from behave_live.http.session import HttpSession

__all__ = ["Exchange", "HttpSession"]
