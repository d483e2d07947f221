"""A WebSocket round trip, the kit beside its peer and the floor.

Run: ``uv run python bench/bench_websocket.py`` (``--quick`` for a smoke check).

(a) one round trip - send a short text message, receive its echo - on a connection that is
    already open, five ways:
    - a raw TCP socket to a thread that echoes bytes (two cross-thread wake-ups and two
      loopback writes, nothing else - but the wake-ups wait for the GIL);
    - the floor: a bare asyncio echo (``loop.create_server`` on a loop of its own thread, as
      the server's loop runs) through a raw socket;
    - the kit (``StreamConnections.open_websocket``, ``send_text`` + ``next_message``, as the
      steps use it) against a UvicornTestServer serving a Starlette WebSocket echo;
    - websockets' own sync client against the same server (what the kit adds to it);
    - Starlette's TestClient WebSocket against the same app, in-process.
(b) open + close of a connection: the kit against the real server, TestClient in-process.

Sides alternate block by block, so that noise hits all alike; each figure is the median of
the blocks' per-operation times. Ratios are to the floor (a) or to the kit (b). ``--quick``
runs fewer blocks (a smoke check, not figures).
"""

from __future__ import annotations

import argparse
import asyncio
import socket
import statistics
import sys
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path

from starlette.applications import Starlette
from starlette.routing import WebSocketRoute
from starlette.testclient import TestClient
from starlette.websockets import WebSocket, WebSocketDisconnect
from websockets.sync.client import connect

from behave_live import UvicornTestServer
from behave_live.http.session import HttpSession
from behave_live.streams import StreamConnections

ROOT = Path(__file__).resolve().parent.parent
# Run as a script, only bench/ is on sys.path: the helpers import from the project's root.
sys.path.insert(0, str(ROOT))
from bench.bench_server import _load_line, _ms, _print_machine, _print_table, _ratio  # noqa: E402

_MESSAGE = "ping"
RoundTrip = Callable[[], None]


async def _echo(websocket: WebSocket) -> None:
    await websocket.accept()
    try:
        while True:
            await websocket.send_text(await websocket.receive_text())
    except WebSocketDisconnect:
        return


def create_echo_app() -> Starlette:
    """A fresh app with one WebSocket, ``/echo``, that sends back what it gets."""
    return Starlette(routes=[WebSocketRoute("/echo", _echo)])


# -- the floors ------------------------------------------------------------------------------


@contextmanager
def _thread_echo() -> Iterator[socket.socket]:
    """A connected client socket to a thread that echoes every byte it gets."""
    listener = socket.create_server(("127.0.0.1", 0))
    client = socket.create_connection(listener.getsockname())
    client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    server, _ = listener.accept()
    server.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

    def echo() -> None:
        while data := server.recv(65536):
            server.sendall(data)

    thread = threading.Thread(target=echo, daemon=True)
    thread.start()
    try:
        yield client
    finally:
        client.close()
        thread.join(5)
        server.close()
        listener.close()


class _EchoProtocol(asyncio.Protocol):
    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.transport.write(data)  # type: ignore[attr-defined]


@contextmanager
def _loop_echo() -> Iterator[socket.socket]:
    """A connected client socket to an asyncio echo server on a loop of its own thread."""
    loop = asyncio.new_event_loop()
    thread = threading.Thread(target=loop.run_forever, daemon=True)
    thread.start()
    server = asyncio.run_coroutine_threadsafe(
        loop.create_server(_EchoProtocol, "127.0.0.1", 0), loop
    ).result(5)
    client = socket.create_connection(server.sockets[0].getsockname())
    client.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        yield client
    finally:
        client.close()
        loop.call_soon_threadsafe(server.close)  # a loop's objects belong to its thread
        loop.call_soon_threadsafe(loop.stop)
        thread.join(5)
        loop.close()


def _socket_round_trip(client: socket.socket) -> RoundTrip:
    payload = _MESSAGE.encode()

    def round_trip() -> None:
        client.sendall(payload)
        received = b""
        while len(received) < len(payload):
            received += client.recv(65536)

    return round_trip


# -- (a) one round trip ----------------------------------------------------------------------


def _median_per_operation(
    sides: dict[str, RoundTrip], blocks: int, per_block: int
) -> dict[str, float]:
    times: dict[str, list[float]] = {name: [] for name in sides}
    for operation in sides.values():  # warm up every side before measuring any
        for _ in range(per_block):
            operation()
    for block in range(blocks):
        order = list(sides.items())
        if block % 2:
            order.reverse()  # alternate the order too: no side always runs right after another
        for name, operation in order:
            began = time.perf_counter()
            for _ in range(per_block):
                operation()
            times[name].append((time.perf_counter() - began) / per_block)
    return {name: statistics.median(values) for name, values in times.items()}


def compare_round_trips(blocks: int = 30, per_block: int = 200) -> None:
    with ExitStack() as stack:
        server = stack.enter_context(UvicornTestServer(create_echo_app))
        session = stack.enter_context(HttpSession(server.base_url))
        session.trust_env = False  # as the kit's hooks set it for a server on loopback
        streams = StreamConnections(session)
        stack.callback(streams.close_all)
        kit = streams.open_websocket("", "/echo")
        bare = stack.enter_context(
            connect(server.base_url.replace("http://", "ws://") + "/echo", ping_interval=None)
        )
        test_client = stack.enter_context(TestClient(create_echo_app()))
        in_process = stack.enter_context(test_client.websocket_connect("/echo"))

        def kit_round_trip() -> None:
            kit.send_text(_MESSAGE)
            kit.next_message(5, "the echo")
            kit.frames.clear()  # a scenario keeps a few frames, not a benchmark's thousands

        def bare_round_trip() -> None:
            bare.send(_MESSAGE)
            bare.recv(timeout=5)

        def test_client_round_trip() -> None:
            in_process.send_text(_MESSAGE)
            in_process.receive_text()

        sides = {
            "raw socket, echo thread": _socket_round_trip(stack.enter_context(_thread_echo())),
            "raw socket, asyncio echo (floor)": _socket_round_trip(
                stack.enter_context(_loop_echo())
            ),
            "kit: StreamConnections, real server": kit_round_trip,
            "websockets sync client, real server": bare_round_trip,
            "Starlette TestClient, in-process": test_client_round_trip,
        }
        medians = _median_per_operation(sides, blocks, per_block)
    floor = medians["raw socket, asyncio echo (floor)"]
    kit_time = medians["kit: StreamConnections, real server"]
    rows = [
        [name, _ms(value), _ratio(value, floor), _ratio(value, kit_time)]
        for name, value in medians.items()
    ]
    _print_table(
        f"(a) one WebSocket round trip ({blocks} blocks x {per_block}, medians)",
        ["side", "round trip", "/ floor", "/ kit"],
        rows,
    )


# -- (b) open + close ------------------------------------------------------------------------


def compare_open_close(blocks: int = 20, per_block: int = 20) -> None:
    with ExitStack() as stack:
        server = stack.enter_context(UvicornTestServer(create_echo_app))
        session = stack.enter_context(HttpSession(server.base_url))
        session.trust_env = False
        test_client = stack.enter_context(TestClient(create_echo_app()))

        def kit_cycle() -> None:
            streams = StreamConnections(session)
            streams.open_websocket("", "/echo")
            streams.close_all()

        def test_client_cycle() -> None:
            with test_client.websocket_connect("/echo"):
                pass

        medians = _median_per_operation(
            {"kit, real server": kit_cycle, "Starlette TestClient, in-process": test_client_cycle},
            blocks,
            per_block,
        )
    kit_time = medians["kit, real server"]
    _print_table(
        f"(b) open + close of a WebSocket ({blocks} blocks x {per_block}, medians)",
        ["side", "open + close", "/ kit"],
        [[name, _ms(value), _ratio(value, kit_time)] for name, value in medians.items()],
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--quick", action="store_true", help="few blocks: a smoke check, not figures"
    )
    args = parser.parse_args(argv)
    _print_machine()
    began = time.perf_counter()
    if args.quick:
        compare_round_trips(blocks=4, per_block=20)
        compare_open_close(blocks=2, per_block=5)
    else:
        compare_round_trips()
        compare_open_close()
    print(f"\ndone in {time.perf_counter() - began:.1f} s")
    print(_load_line("load average at end"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
