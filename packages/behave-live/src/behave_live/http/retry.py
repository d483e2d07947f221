"""Repeat the last request until a condition holds: polling, bounded by attempts and time.

A condition looks at one exchange and says why it does not hold yet (or nothing, when it
does). :func:`repeat_until` checks the last exchange first, then resends the same request -
the same method, URL, headers and body, byte for byte - waiting between attempts. Every
resent exchange is recorded in the session, so later steps check the last one. When the
condition never holds, the failure names the condition, lists every attempt, and shows the
last request and response.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Final

import requests

from behave_live.errors import ExchangeAssertionError, KitError, StepInputError
from behave_live.http.exchange import Exchange
from behave_live.http.json_assertions import select
from behave_live.http.redaction import redact_url
from behave_live.http.session import HttpSession
from behave_live.http.shown_values import shown_json
from behave_live.matching import MISSING, compile_path, describe, match

__all__ = ["Condition", "json_value_is", "repeat_until", "status_is"]

#: Enough for any sensible poll; a typo such as "every 50000 ms" should not hang a run.
MAX_ATTEMPTS: Final = 1000
MAX_INTERVAL_MS: Final = 60_000


@dataclass(frozen=True)
class Condition:
    """Something to wait for; ``unmet(exchange)`` says why it does not hold, or None."""

    description: str
    unmet: Callable[[Exchange], str | None]


def status_is(status: int) -> Condition:
    """The response status is ``status``."""

    def unmet(exchange: Exchange) -> str | None:
        actual = exchange.response.status_code
        return None if actual == status else f"status {actual}"

    return Condition(f"the response status is {status}", unmet)


def json_value_is(path: str, expected: Any) -> Condition:
    """The JSON value at ``path`` matches ``expected`` (fuzzy markers allowed).

    The path and the expectation are checked at once, so a typo fails before any request.
    """
    compile_path(path)
    match(MISSING, expected, allow_empty=True)  # raises StepInputError for a bad marker

    def unmet(exchange: Exchange) -> str | None:
        try:
            document = exchange.response.json()
        except ValueError:
            return f"status {exchange.response.status_code}, a body that is not JSON"
        selection = select(document, path)
        mismatches = selection.relocate(match(selection.value, expected, base_path="$"))
        if not mismatches:
            return None
        shown = shown_json(selection.where, selection.value)
        return f"status {exchange.response.status_code}, {selection.where} = {shown}"

    return Condition(f'the JSON value at "{path}" is {describe(expected)}', unmet)


def repeat_until(
    session: HttpSession,
    condition: Condition,
    *,
    attempts: int,
    interval_ms: float,
    sleep: Callable[[float], None] = time.sleep,
) -> Exchange:
    """Resend the last request until ``condition`` holds; return the exchange where it did.

    The last exchange is checked first: if the condition already holds, nothing is sent.
    Otherwise the request is sent again up to ``attempts`` times, ``interval_ms`` apart.
    Raises :class:`ExchangeAssertionError` (showing the last exchange) when it never holds.
    """
    if not 1 <= attempts <= MAX_ATTEMPTS:
        raise StepInputError(
            f"Repeat a request from 1 to {MAX_ATTEMPTS} times, not {attempts} times."
        )
    if not 0 <= interval_ms <= MAX_INTERVAL_MS:
        raise StepInputError(
            f"Wait from 0 to {MAX_INTERVAL_MS} ms between attempts, not {interval_ms:g} ms."
        )
    exchange = session.last_exchange
    seen: list[str] = []
    for attempt in range(attempts + 1):
        if attempt:
            sleep(interval_ms / 1000)
            exchange = _resend(session, exchange)
        why_not = condition.unmet(exchange)
        if why_not is None:
            return exchange
        seen.append(why_not)
    raise ExchangeAssertionError(_never_held(condition, seen, interval_ms), exchange)


def _resend(session: HttpSession, exchange: Exchange) -> Exchange:
    recorded = len(session.exchanges)
    request = exchange.sent_request
    try:
        # The prepared request as the step sent it (before any redirect): same URL, headers
        # (credentials, cookies) and body, byte for byte. send() skips request(), so the
        # exchange is recorded here.
        response = session.send(
            request.copy(),
            timeout=session.timeout,
            allow_redirects=session.follow_redirects,
        )
    except requests.RequestException as error:
        raise KitError(
            f"Repeating {request.method} {redact_url(request.url or '')} failed: {error}"
        ) from error
    if len(session.exchanges) == recorded:
        session.exchanges.append(Exchange(response, session.secrets))
    return session.exchanges[-1]


def _never_held(condition: Condition, seen: list[str], interval_ms: float) -> str:
    repeats = len(seen) - 1
    lines = [
        f"Waited until {condition.description}, but it did not happen in {len(seen)} responses "
        f"(the first request and {repeats} repeat{'s' if repeats != 1 else ''}, "
        f"{interval_ms:g} ms apart):"
    ]
    lines += [
        f"  {'request' if index == 0 else f'repeat {index}'}: {why_not}"
        for index, why_not in enumerate(seen)
    ]
    lines.append(
        "Wait longer (more repeats, or a longer interval), or check the condition. The last "
        "response is shown below."
    )
    return "\n".join(lines)
