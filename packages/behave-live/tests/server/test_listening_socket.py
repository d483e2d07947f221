"""The listening socket the kit binds before uvicorn sees it: what it is, and how binding fails."""

from __future__ import annotations

import errno
import os
import socket
from typing import Any, cast

import pytest

from behave_live.errors import ServerStartupError
from behave_live.server.listening_socket import bind_listening_socket, format_base_url


class _RecordingSocket(socket.socket):
    """A real socket that remembers every instance, so a test can see it was closed."""

    made: list[_RecordingSocket] = []  # noqa: RUF012 - reset by the fixture below

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        _RecordingSocket.made.append(self)


class _RefusingSocket(_RecordingSocket):
    """A socket whose bind fails with an error that is neither "in use" nor "not local"."""

    def bind(self, address: Any) -> None:
        raise OSError(errno.EACCES, "Permission denied")


@pytest.fixture
def recorded(monkeypatch: pytest.MonkeyPatch) -> list[_RecordingSocket]:
    _RecordingSocket.made = []
    monkeypatch.setattr(socket, "socket", _RecordingSocket)
    return _RecordingSocket.made


def test_port_zero_gets_a_free_port_that_accepts_connections() -> None:
    with bind_listening_socket("127.0.0.1", 0) as listener:
        host, port = listener.getsockname()
        assert host == "127.0.0.1"
        assert port > 0
        with socket.create_connection((host, port), timeout=5):
            accepted, _ = listener.accept()
            accepted.close()


def test_the_listener_is_a_tcp_stream_socket_so_accepted_connections_get_no_delay() -> None:
    with bind_listening_socket("127.0.0.1", 0) as listener:
        assert listener.family == socket.AF_INET
        assert listener.type == socket.SOCK_STREAM
        # proto=IPPROTO_TCP is what makes asyncio set TCP_NODELAY on accepted connections.
        assert listener.proto == socket.IPPROTO_TCP
        assert listener.getsockopt(socket.SOL_SOCKET, socket.SO_ACCEPTCONN) == 1


def test_a_fixed_port_may_be_rebound_while_its_last_connection_is_in_time_wait() -> None:
    with bind_listening_socket("127.0.0.1", 0) as probe:
        port = probe.getsockname()[1]
    with bind_listening_socket("127.0.0.1", port) as listener:
        assert listener.getsockname() == ("127.0.0.1", port)
        assert listener.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0
        # Never SO_REUSEPORT: two servers must not share a port silently.
        assert listener.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT) == 0


def test_a_kernel_picked_port_needs_no_address_reuse() -> None:
    with bind_listening_socket("127.0.0.1", 0) as listener:
        assert listener.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) == 0


def test_a_port_in_use_is_named_with_the_fix_and_the_socket_is_closed(
    recorded: list[_RecordingSocket],
) -> None:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as blocker:
        blocker.bind(("127.0.0.1", 0))
        blocker.listen()
        port = blocker.getsockname()[1]
        with pytest.raises(ServerStartupError) as failure:
            bind_listening_socket("127.0.0.1", port)
    assert str(failure.value) == (
        f"Server did not start: 127.0.0.1:{port} is already in use "
        f"({os.strerror(errno.EADDRINUSE)}). "
        "Stop the process holding it, or use port=0 to let the system pick a free port."
    )
    assert failure.value.__cause__ is None
    assert failure.value.__suppress_context__
    kit_sockets = recorded[1:]  # recorded[0] is the blocker
    assert len(kit_sockets) == 1
    assert kit_sockets[0].fileno() == -1, "the socket that failed to bind was left open"


def test_an_address_that_is_not_local_is_named_with_the_fix(
    recorded: list[_RecordingSocket],
) -> None:
    # 192.0.2.0/24 is TEST-NET-1: documentation only, never an address of this machine.
    with pytest.raises(ServerStartupError) as failure:
        bind_listening_socket("192.0.2.1", 0)
    assert str(failure.value) == (
        "Server did not start: '192.0.2.1' is not an address of this machine "
        f"({os.strerror(errno.EADDRNOTAVAIL)}). "
        "Use '127.0.0.1' (the default) or another local address."
    )
    assert failure.value.__suppress_context__
    assert [sock.fileno() for sock in recorded] == [-1]


def test_any_other_bind_error_is_reported_with_the_address(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _RecordingSocket.made = []
    monkeypatch.setattr(socket, "socket", _RefusingSocket)
    with pytest.raises(ServerStartupError) as failure:
        bind_listening_socket("127.0.0.1", 8123)
    assert str(failure.value) == (
        "Server did not start: could not listen on 127.0.0.1:8123: [Errno 13] Permission denied."
    )
    assert failure.value.__suppress_context__
    assert [sock.fileno() for sock in _RecordingSocket.made] == [-1]


def test_a_host_that_does_not_resolve_is_named_with_the_fix() -> None:
    with pytest.raises(ServerStartupError) as failure:
        bind_listening_socket("no-such-host.invalid", 0)
    message = str(failure.value)
    assert message.startswith("Server did not start: the host 'no-such-host.invalid' does not ")
    assert message.endswith(". Use an address such as '127.0.0.1' or '::1'.")
    assert "resolve ([Errno " in message
    assert failure.value.__suppress_context__


def test_base_url_of_an_ipv4_listener() -> None:
    with bind_listening_socket("127.0.0.1", 0) as listener:
        port = listener.getsockname()[1]
        assert format_base_url(listener) == f"http://127.0.0.1:{port}"
        assert format_base_url(listener, "https") == f"https://127.0.0.1:{port}"


class _IPv6Listener:
    """What an IPv6 listener reports (this machine may have no IPv6 loopback to bind)."""

    def getsockname(self) -> tuple[str, int, int, int]:
        return ("::1", 8443, 0, 0)


def test_base_url_of_an_ipv6_listener_has_brackets() -> None:
    listener = cast(socket.socket, _IPv6Listener())
    assert format_base_url(listener) == "http://[::1]:8443"
    assert format_base_url(listener, scheme="https") == "https://[::1]:8443"
