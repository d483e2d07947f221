"""What the OpenAPI contract check adds to each exchange: ``uv run python bench/bench_contract.py``.

Four exchanges with the demo service (the board's document, app/openapi.yaml), each sent
through the kit's HttpSession as a scenario sends it, with and without the contract check
(``Contract.check`` as an exchange listener, as ``openapi = ...`` installs it), alternating
block by block so that noise hits both alike:

- ``GET /health``: the smallest answer;
- ``GET /board/tasks/{id}``: one task, an object of 11 fields against its schema;
- ``GET /board/tasks?limit=50``: a page of 50 tasks;
- ``POST /board/tasks``: a request body and a response body to validate.

Beside them, the floor: a hand-written keep-alive ``GET /health`` on a raw socket. The table
shows medians per exchange and the check's added cost (with minus without). ``--quick``
runs fewer rounds (a smoke check, not figures).
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# Run as a script, only bench/ is on sys.path: the app imports from the project's root.
sys.path.insert(0, str(ROOT))

from app.main import create_app  # noqa: E402
from app.openapi import DOCUMENT  # noqa: E402
from behave_live import UvicornTestServer  # noqa: E402
from behave_live.contract import Contract, load_contract  # noqa: E402
from behave_live.http.session import HttpSession  # noqa: E402

Send = Callable[[HttpSession], Any]


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.3f} ms"


def _session(base_url: str, token: str, contract: Contract | None) -> HttpSession:
    """The session a scenario gets on the embedded server, with the check or without."""
    session = HttpSession(base_url)
    session.trust_env = False
    session.use_bearer_token(token)
    if contract is not None:
        session.exchange_listeners.append(contract.check)
    return session


class _RawClient:
    """Keep-alive GET on a raw socket: the floor of one exchange.

    Connected afresh for every block: uvicorn closes a connection idle for 5 s, which a
    round of the slower variants can outlast.
    """

    def __init__(self, host: str, port: int, path: str) -> None:
        self._address = (host, port)
        self._sock = self._connect()
        self._request = f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\n\r\n".encode()

    def _connect(self) -> socket.socket:
        sock = socket.create_connection(self._address)
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        return sock

    def reconnect(self) -> None:
        self._sock.close()
        self._sock = self._connect()
        self.get()  # the connection's first request is not timed

    def get(self) -> None:
        self._sock.sendall(self._request)
        data = b""
        while b"\r\n\r\n" not in data:
            data += self._receive()
        head, _, body = data.partition(b"\r\n\r\n")
        found = re.search(rb"content-length: (\d+)", head, re.IGNORECASE)
        length = int(found.group(1)) if found else 0
        while len(body) < length:
            body += self._receive()

    def _receive(self) -> bytes:
        chunk = self._sock.recv(65536)
        if not chunk:  # never loop on a closed connection
            raise ConnectionError("the server closed the connection")
        return chunk

    def close(self) -> None:
        self._sock.close()


def _timed(action: Callable[[], Any]) -> float:
    began = time.perf_counter()
    action()
    return time.perf_counter() - began


def _time_block(send: Send, session: HttpSession, block: int) -> list[float]:
    return [_timed(lambda: send(session)) for _ in range(block)]


def measure(rounds: int, block: int) -> list[list[str]]:
    """Medians per exchange, with and without the check, alternating block by block."""
    contract = load_contract(DOCUMENT)
    with UvicornTestServer(create_app()) as server:
        setup = HttpSession(server.base_url)
        answer = setup.post("/board/users", json={"name": "Bench", "team": "Bench"}).json()
        token = answer["token"]
        setup.use_bearer_token(token)
        task_ids = [
            setup.post("/board/tasks", json={"title": f"Task {n}"}).json()["id"] for n in range(50)
        ]
        exchanges: dict[str, Send] = {
            "GET /health": lambda http: http.get("/health"),
            "GET /board/tasks/{id}": lambda http: http.get(f"/board/tasks/{task_ids[0]}"),
            "GET /board/tasks?limit=50": lambda http: http.get("/board/tasks?limit=50"),
            "POST /board/tasks": lambda http: http.post(
                "/board/tasks", json={"title": "Bench", "status": "doing"}
            ),
        }
        plain = _session(server.base_url, token, None)
        checked = _session(server.base_url, token, contract)
        host, port = server.base_url.removeprefix("http://").rsplit(":", 1)
        raw = _RawClient(host, int(port), "/health")
        floor: list[float] = []
        times: dict[tuple[str, bool], list[float]] = {
            (name, check): [] for name in exchanges for check in (False, True)
        }
        for session in (plain, checked):  # warm-up: imports, caches, connections
            for send in exchanges.values():
                for _ in range(20):
                    send(session)
        for _ in range(rounds):
            raw.reconnect()
            floor.extend(_timed(raw.get) for _ in range(block))
            for name, send in exchanges.items():
                for check, session in ((False, plain), (True, checked)):
                    times[name, check].extend(_time_block(send, session, block))
            plain.exchanges.clear()
            checked.exchanges.clear()
        raw.close()
        plain.close()
        checked.close()
        setup.close()
    rows = [["floor: raw socket GET /health", _ms(statistics.median(floor)), "", ""]]
    for name in exchanges:
        without = statistics.median(times[name, False])
        with_check = statistics.median(times[name, True])
        rows.append(
            [
                name,
                _ms(without),
                _ms(with_check),
                f"+{_ms(with_check - without)}",
                f"{with_check / without:.2f}x",
            ]
        )
    return rows


def _print_table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    widths = [
        max(len(row[i]) if i < len(row) else 0 for row in [header, *rows])
        for i in range(len(header))
    ]
    for row in [header, ["-" * width for width in widths], *rows]:
        cells = [*row, *[""] * (len(header) - len(row))]
        first, *rest = cells
        print(
            "  ".join(
                [
                    first.ljust(widths[0]),
                    *(c.rjust(w) for c, w in zip(rest, widths[1:], strict=True)),
                ]
            ).rstrip()
        )


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--quick", action="store_true", help="fewer rounds: a smoke check")
    arguments = parser.parse_args(argv)
    rounds, block = (5, 10) if arguments.quick else (20, 25)
    one, five, fifteen = os.getloadavg()
    print(f"load average at start: {one:.2f} {five:.2f} {fifteen:.2f} ({os.cpu_count()} CPUs)")
    rows = measure(rounds, block)
    print(f"\nThe contract check per exchange (medians of {rounds * block} each, alternating)")
    _print_table(["exchange", "without", "with check", "added", "ratio"], rows)


if __name__ == "__main__":
    main()
