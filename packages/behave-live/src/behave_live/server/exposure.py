"""Warn when a test server listens beyond loopback, where other machines can reach it.

A test server runs whatever app it is given, usually with test settings: open registration,
echo endpoints, debug routes, fixed passwords. On 127.0.0.1 only this machine can reach it;
on 0.0.0.0, ``::`` or a LAN address, so can anyone on the network. That may be intended
(a browser on another machine, a container), so it is a warning, not an error - shown once
per address and process, so a run of a thousand fresh servers says it once.
"""

from __future__ import annotations

import functools
import ipaddress
import socket
import threading
import warnings

from behave_live.errors import ExposedServerWarning

__all__ = ["is_exposed", "warn_if_exposed", "warn_if_host_exposed"]

_warned: set[str] = set()
_lock = threading.Lock()


@functools.lru_cache(maxsize=64)
def is_exposed(address: str) -> bool:
    """True when ``address`` (the IP a socket is bound to) is reachable from other machines.

    Cached: every fresh server asks about the same address.
    """
    ip = ipaddress.ip_address(address.split("%", 1)[0])  # fe80::1%eth0: drop the zone
    mapped = getattr(ip, "ipv4_mapped", None)  # ::ffff:127.0.0.1 is loopback too
    return not (mapped or ip).is_loopback


def warn_if_exposed(address: str, host: str) -> None:
    """Warn (once per address) with :class:`ExposedServerWarning` if ``address`` is exposed.

    ``address`` is the IP the socket is bound to; ``host`` is what the user asked for (a
    name such as ``myhost.lan`` resolves to the address).
    """
    if not is_exposed(address):
        return
    with _lock:
        if address in _warned:
            return
        _warned.add(address)
    asked = "" if host == address else f" (host {host!r})"
    where = (
        "every network interface of this machine"
        if address in ("0.0.0.0", "::")
        else "an address other machines can reach"
    )
    warnings.warn(
        f"The test server listens on {address}{asked}, {where}: anyone on the network can "
        "reach the app under test, with whatever it allows in tests (open registration, "
        "echo endpoints, test credentials). Use host = '127.0.0.1' (the default) unless "
        "another machine must reach the server.",
        ExposedServerWarning,
        stacklevel=3,
    )


def warn_if_host_exposed(host: str) -> None:
    """Warn as :func:`warn_if_exposed` would for a server about to bind ``host``.

    For warning early - before behave captures the output of the scenarios, which would
    hide a warning given when a scenario's server binds. A host that does not resolve is
    left to the bind, which reports it.
    """
    try:
        address = socket.getaddrinfo(host, 0, type=socket.SOCK_STREAM)[0][4][0]
    except (socket.gaierror, UnicodeError):
        return
    warn_if_exposed(str(address), host)
