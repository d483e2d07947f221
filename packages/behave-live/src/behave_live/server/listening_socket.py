"""Bind the server's listening socket ourselves, before uvicorn sees it.

Binding here (rather than probing for a free port and letting uvicorn bind it later) removes
the window in which another process can take the port: with port 0 the kernel hands out a
port that is already ours.
"""

from __future__ import annotations

import errno
import functools
import socket
from typing import Any

from behave_live.errors import ServerStartupError
from behave_live.server.exposure import warn_if_exposed

__all__ = ["bind_listening_socket", "format_base_url"]

_BACKLOG = 1024


def bind_listening_socket(host: str, port: int) -> socket.socket:
    """Return a TCP socket listening on ``host:port`` (port 0: the kernel picks a free one).

    The socket is created with ``proto=IPPROTO_TCP`` on purpose: asyncio enables TCP_NODELAY on
    accepted connections only when the listener's ``proto`` says TCP. With proto 0, Nagle's
    algorithm and delayed ACKs add ~40 ms to every keep-alive request.

    Bound beyond loopback (``0.0.0.0``, ``::``, a LAN address), it warns once per address
    with :class:`ExposedServerWarning`: other machines can reach the app.
    """
    try:
        family, kind, proto, address = _resolve(host, port)
    except socket.gaierror as exc:
        raise ServerStartupError(
            f"Server did not start: the host {host!r} does not resolve ({exc}). "
            "Use an address such as '127.0.0.1' or '::1'."
        ) from None
    sock = socket.socket(family, kind, proto)
    try:
        if port:
            # A fixed port may sit in TIME_WAIT from a previous run; that is no clash.
            # (Never SO_REUSEPORT: it would let two servers share a port silently.)
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(_BACKLOG)
    except OSError as exc:
        sock.close()
        raise ServerStartupError(_bind_failure_message(host, port, exc)) from None
    warn_if_exposed(sock.getsockname()[0], host)
    return sock


@functools.lru_cache(maxsize=32)
def _resolve(host: str, port: int) -> tuple[int, int, int, tuple[Any, ...]]:
    """The address family, socket type, protocol and address to bind ``host:port``.

    Cached: a fresh server per scenario binds the same host hundreds of times, and the
    lookup costs more than the bind. A failed lookup (``gaierror``) is not cached.
    """
    family, kind, proto, _, address = socket.getaddrinfo(
        host, port, type=socket.SOCK_STREAM, proto=socket.IPPROTO_TCP
    )[0]
    return family, kind, proto, address


def format_base_url(sock: socket.socket, scheme: str = "http") -> str:
    """Return ``scheme://host:port`` for a bound socket (IPv6 hosts in brackets)."""
    host, port = sock.getsockname()[:2]
    if ":" in host:
        host = f"[{host}]"
    return f"{scheme}://{host}:{port}"


def _bind_failure_message(host: str, port: int, exc: OSError) -> str:
    if exc.errno == errno.EADDRINUSE:
        return (
            f"Server did not start: {host}:{port} is already in use ({exc.strerror}). "
            "Stop the process holding it, or use port=0 to let the system pick a free port."
        )
    if exc.errno == errno.EADDRNOTAVAIL:
        return (
            f"Server did not start: {host!r} is not an address of this machine "
            f"({exc.strerror}). Use '127.0.0.1' (the default) or another local address."
        )
    return f"Server did not start: could not listen on {host}:{port}: {exc}."
