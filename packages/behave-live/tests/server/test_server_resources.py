"""UvicornTestServer under load: many cycles leak nothing; many processes never clash.

Bounded by default (200 cycles, 4 x 50 servers); ``BEHAVE_LIVE_FULL_FAULTS=1`` runs the full
counts (1000 cycles, 4 x 250 servers).

Run as a script, this file is the worker of the multi-process test:
``python tests/server/test_server_resources.py COUNT`` starts COUNT servers when told ``go`` on
stdin, reports ``{"pid": ..., "servers": [[port, marker], ...], "errors": [...]}`` as one
JSON line, keeps them running until told ``stop``, then stops them and reports the threads
still alive.
"""

from __future__ import annotations

import gc
import json
import logging
import os
import re
import socket
import subprocess
import sys
import threading
from http.client import HTTPConnection
from pathlib import Path

import requests

from behave_live import ServerStartupError, UvicornTestServer
from kit_testing.apps import create_app, marked_app

#: BEHAVE_LIVE_FULL_FAULTS=1 runs the full counts (1000 cycles, 4 x 250 servers); the
#: default run keeps them bounded.
FULL = os.environ.get("BEHAVE_LIVE_FULL_FAULTS") == "1"
CYCLES = 1000 if FULL else 200
PROCESSES = 4
SERVERS_PER_PROCESS = 250 if FULL else 50
# Cycles before memory is measured: the first ones fill caches that are not leaks.
WARM_UP_CYCLES = 20
RSS_GROWTH_BOUND_KB = 5 * 1024
REQUEST_TIMEOUT = 10.0
# Hang guard for the worker processes (each needs well under a second of work).
WORKER_TIMEOUT = 60.0
# The kit's tests directory: the workers import kit_testing from it, as pytest does.
TESTS_DIR = Path(__file__).resolve().parents[1]


def _resources() -> tuple[frozenset[threading.Thread], int, int]:
    return (
        frozenset(threading.enumerate()),
        len(os.listdir("/proc/self/fd")),
        len(logging.getLogger().handlers),
    )


def _host_and_port(server: UvicornTestServer) -> tuple[str, int]:
    host, port = server.base_url.removeprefix("http://").rsplit(":", 1)
    return host, int(port)


def _read_health(client: socket.socket) -> bytes:
    """Send GET /health on a raw keep-alive connection and read the whole response body."""
    client.sendall(b"GET /health HTTP/1.1\r\nHost: test\r\n\r\n")
    received = b""
    while b"\r\n\r\n" not in received:
        chunk = client.recv(4096)
        assert chunk, f"connection closed mid-response: {received!r}"
        received += chunk
    head, body = received.split(b"\r\n\r\n", 1)
    match = re.search(rb"content-length: (\d+)", head, re.IGNORECASE)
    assert match is not None, head
    while len(body) < int(match[1]):
        chunk = client.recv(4096)
        assert chunk, f"connection closed mid-body: {received!r}"
        body += chunk
    return body


def _rss_kb() -> int:
    gc.collect()
    with open("/proc/self/status", encoding="ascii") as status:
        return next(int(line.split()[1]) for line in status if line.startswith("VmRSS:"))


def test_many_start_stop_cycles_leave_threads_fds_and_memory_where_they_began() -> None:
    before = _resources()
    rss_before = 0
    answered = idle_closed = 0
    for cycle in range(CYCLES):
        if cycle == WARM_UP_CYCLES:
            rss_before = _rss_kb()
        server = UvicornTestServer(create_app)
        server.start()
        idle: socket.socket | None = None
        try:
            if cycle % 3 == 0:
                # http.client, not requests: it closes its socket when told, so every
                # descriptor left over at the end is the server's.
                client = HTTPConnection(*_host_and_port(server), timeout=REQUEST_TIMEOUT)
                try:
                    client.request("GET", "/health")
                    response = client.getresponse()
                    assert (response.status, response.read()) == (200, b'{"message":"OK"}')
                finally:
                    client.close()
                answered += 1
            if cycle % 5 == 0:
                # An idle keep-alive connection, still open when stop() is called.
                idle = socket.create_connection(_host_and_port(server), timeout=REQUEST_TIMEOUT)
                assert _read_health(idle) == b'{"message":"OK"}'
        finally:
            server.stop()
        if idle is not None:
            with idle:
                # The server closed its end of the idle connection (EOF, not a timeout).
                assert idle.recv(1) == b""
            idle_closed += 1
    assert (answered, idle_closed) == ((CYCLES + 2) // 3, (CYCLES + 4) // 5)
    assert _resources() == before
    growth = _rss_kb() - rss_before
    assert growth < RSS_GROWTH_BOUND_KB, f"RSS grew {growth} kB over {CYCLES} cycles"


def test_processes_starting_servers_at_once_never_clash() -> None:
    workers = [
        subprocess.Popen(
            [sys.executable, __file__, str(SERVERS_PER_PROCESS)],
            cwd=TESTS_DIR,
            env={**os.environ, "PYTHONPATH": os.pathsep.join([str(TESTS_DIR), *_pythonpath()])},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(PROCESSES)
    ]
    # Hang guard: a stuck worker is killed, which ends the readline() below with "".
    watchdog = threading.Timer(WORKER_TIMEOUT, _kill_all, args=(workers,))
    watchdog.start()
    try:
        for worker in workers:  # all imported and waiting: start them together
            assert _line(worker) == "ready"
        for worker in workers:
            _say(worker, "go")
        reports = [json.loads(_line(worker)) for worker in workers]

        # All the servers are running now, across the four processes.
        assert [report["errors"] for report in reports] == [[]] * PROCESSES
        servers = [(port, marker) for report in reports for port, marker in report["servers"]]
        assert len(servers) == PROCESSES * SERVERS_PER_PROCESS
        assert len({port for port, _ in servers}) == len(servers), "two servers share a port"
        assert len({marker for _, marker in servers}) == len(servers)
        assert {report["pid"] for report in reports} == {worker.pid for worker in workers}
        # Each port answers with the identity of the server its own process started there.
        with requests.Session() as session:
            for port, marker in servers:
                response = session.get(f"http://127.0.0.1:{port}/health", timeout=REQUEST_TIMEOUT)
                assert response.json() == {"message": "OK", "server": marker}

        for worker in workers:
            _say(worker, "stop")
        for worker in workers:
            assert _line(worker) == "stopped: 1 thread(s) alive"
            assert worker.wait(WORKER_TIMEOUT) == 0
    finally:
        watchdog.cancel()
        for worker in workers:
            worker.kill()
            worker.communicate()


def _kill_all(workers: list[subprocess.Popen[str]]) -> None:
    for worker in workers:
        worker.kill()


def _pythonpath() -> list[str]:
    return [entry for entry in os.environ.get("PYTHONPATH", "").split(os.pathsep) if entry]


def _line(worker: subprocess.Popen[str]) -> str:
    assert worker.stdout is not None
    line = worker.stdout.readline()
    if not line:
        worker.kill()
        _, stderr = worker.communicate()
        raise AssertionError(f"worker {worker.pid} ended early:\n{stderr}")
    return line.strip()


def _say(worker: subprocess.Popen[str], word: str) -> None:
    assert worker.stdin is not None
    worker.stdin.write(f"{word}\n")
    worker.stdin.flush()


# -- the worker process -----------------------------------------------------------------------


def _worker(count: int) -> None:
    print("ready", flush=True)
    assert sys.stdin.readline().strip() == "go"
    servers: list[tuple[UvicornTestServer, str]] = []
    errors: list[str] = []
    for index in range(count):
        marker = f"{os.getpid()}-{index}"
        server = UvicornTestServer(marked_app(marker))
        try:
            server.start()
        except ServerStartupError as exc:
            errors.append(str(exc))
        else:
            servers.append((server, marker))
    report = {
        "pid": os.getpid(),
        "servers": [[int(s.base_url.rsplit(":", 1)[1]), marker] for s, marker in servers],
        "errors": errors,
    }
    print(json.dumps(report), flush=True)
    assert sys.stdin.readline().strip() == "stop"
    for server, _ in servers:
        server.stop()
    print(f"stopped: {threading.active_count()} thread(s) alive", flush=True)


if __name__ == "__main__":
    _worker(int(sys.argv[1]))
