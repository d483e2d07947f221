"""The kit beside the physical floor and its peers: ``uv run python bench/bench_server.py``.

(a) start + stop of a fresh server: UvicornTestServer on a thread of its own and on a shared
    ServerThread, vs two floors - ``loop.create_server`` on a loop already running on another
    thread, and a new thread with a new loop running ``create_server`` - and vs the common
    pattern (probe a free port, ``Thread(target=uvicorn.Server(config).run)``, poll
    ``started``, ``should_exit = True``, join). Ratios are to the first floor.
(b) one keep-alive ``GET /health``: a hand-written HTTP/1.1 request on a kept-alive raw
    socket (the floor), requests.Session, the kit's HttpSession (as a scenario gets it),
    httpx.Client, all against the same UvicornTestServer, and Starlette's TestClient
    in-process. Ratios are to the floor, and kit / requests.
(c) the per-scenario cost of a fresh server INSIDE a behave run: behave runs N generated
    scenarios (N = 50, 200, 400) with ``server_scope=scenario`` and ``=run``, alternating;
    a least-squares line over N gives each scope's cost per scenario (its slope) apart from
    the process's fixed start-up (its intercept); fresh minus shared is the overhead. For an
    app whose start costs nothing (bench/health_app.py) and the demo service. Beside them the
    floors, under the same conditions: a shared server plus, around each scenario, two bare
    waits for a loop on another thread (what any start and stop the scenario waits for
    costs), then also a bare socket served and closed there (floor 1 of (a)). Also the demo
    service's own start-up (``create_app()`` + lifespan startup and shutdown), in-process.
(d) a whole run of 200 scenarios (and of features/api/responses), fresh server per scenario vs one
    shared: the ratio of the medians of alternating runs; and the bare-socket floor's run.

Everything alternates (round by round, or block by block) so that noise hits all sides
alike; the machine's load average is printed in the header, since timings on a busy
machine move while ratios of alternated runs move much less. ``--only a,b`` picks
comparisons; ``--quick`` runs fewer rounds (for a smoke check, not for figures).
"""

from __future__ import annotations

import argparse
import asyncio
import importlib.util
import os
import platform
import re
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import warnings
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from importlib.metadata import version
from pathlib import Path
from typing import Any

import httpx
import requests
import uvicorn

from behave_live import UvicornTestServer
from behave_live.http.session import HttpSession
from behave_live.server.thread import ServerThread

ROOT = Path(__file__).resolve().parent.parent
# Run as a script, only bench/ is on sys.path: the apps import from the project's root.
sys.path.insert(0, str(ROOT))
from bench.health_app import create_health_app  # noqa: E402

Cycle = Callable[[], tuple[float, float]]

# -- output -----------------------------------------------------------------------------------


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.3f} ms" if abs(seconds) < 0.01 else f"{seconds * 1000:.1f} ms"


def _ratio(value: float, base: float) -> str:
    if base <= 0:
        return "n/a"
    ratio = value / base
    return f"{ratio:.2f}x" if ratio < 10 else f"{ratio:.0f}x"


def _verdict(value: float, bound: float) -> str:
    """Whether a measured ``value`` meets a goal of at most ``bound``, in words."""
    return "met" if value <= bound else "NOT met"


def _print_table(title: str, header: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]

    def line(cells: Sequence[str]) -> str:
        first, *rest = cells
        return "  ".join(
            [first.ljust(widths[0]), *(c.rjust(w) for c, w in zip(rest, widths[1:], strict=True))]
        ).rstrip()

    print(f"\n{title}")
    print(line(header))
    print(line(["-" * w for w in widths]))
    for row in rows:
        print(line(row))
    sys.stdout.flush()


def _print_machine() -> None:
    packages = ", ".join(
        f"{name} {version(name)}" for name in ("uvicorn", "starlette", "requests", "httpx")
    )
    parser = "httptools" if importlib.util.find_spec("httptools") else "h11 (httptools absent)"
    print(
        f"Python {platform.python_version()} ({platform.python_implementation()}) on "
        f"{platform.system()} {platform.machine()}, {os.cpu_count() or '?'} CPU(s); {packages}; "
        f"HTTP parser {parser}"
    )
    print(_load_line("load average at start"))


def _load_line(when: str) -> str:
    one, five, fifteen = os.getloadavg()
    return f"{when}: {one:.2f} {five:.2f} {fifteen:.2f} (1/5/15 min; {os.cpu_count()} CPUs)"


def _p90(values: Sequence[float]) -> float:
    return statistics.quantiles(values, n=10)[-1]


# -- (a) start + stop of a fresh server -------------------------------------------------------


def _cycle_ours(thread: ServerThread | None = None) -> tuple[float, float]:
    app = create_health_app()
    began = time.perf_counter()
    server = UvicornTestServer(app, thread=thread)
    server.start()
    started = time.perf_counter()
    server.stop()
    return started - began, time.perf_counter() - started


def _listening_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind(("127.0.0.1", 0))
    sock.listen(128)
    return sock


def _cycle_create_server(loop: asyncio.AbstractEventLoop) -> tuple[float, float]:
    """Floor 1: ``create_server`` on a loop already running on another thread, then close."""
    began = time.perf_counter()
    sock = _listening_socket()
    server = asyncio.run_coroutine_threadsafe(
        loop.create_server(asyncio.Protocol, sock=sock), loop
    ).result()
    started = time.perf_counter()

    async def close() -> None:
        server.close()
        await server.wait_closed()

    asyncio.run_coroutine_threadsafe(close(), loop).result()
    return started - began, time.perf_counter() - started


def _cycle_thread_and_loop() -> tuple[float, float]:
    """Floor 2: a new thread with a new loop serving ``create_server``; stop, close, join."""
    began = time.perf_counter()
    sock = _listening_socket()
    ready = threading.Event()
    loops: list[asyncio.AbstractEventLoop] = []

    def run() -> None:
        loop = asyncio.new_event_loop()
        server = loop.run_until_complete(loop.create_server(asyncio.Protocol, sock=sock))
        loops.append(loop)
        ready.set()
        loop.run_forever()
        server.close()
        loop.run_until_complete(server.wait_closed())
        loop.close()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    ready.wait()
    started = time.perf_counter()
    loops[0].call_soon_threadsafe(loops[0].stop)
    thread.join()
    return started - began, time.perf_counter() - started


def _cycle_common_pattern() -> tuple[float, float]:
    """The pattern found in many public test suites (uvicorn issue #742's snippet)."""
    app = create_health_app()
    began = time.perf_counter()
    with socket.socket() as probe:  # probe a free port, then let uvicorn bind it (racy)
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(1e-3)  # the snippet's poll interval (some use 0.01: slower still)
    started = time.perf_counter()
    server.should_exit = True
    thread.join()
    return started - began, time.perf_counter() - started


def compare_start_stop(rounds: int = 40, per_round: int = 10) -> None:
    """(a) start + stop: ours (own / shared thread) vs the two floors and the common pattern."""
    with ServerThread() as shared_thread, ServerThread() as floor_thread:
        floor_loop = floor_thread._running_loop()
        variants: dict[str, Cycle] = {
            "floor: create_server on a running loop (other thread)": (
                lambda: _cycle_create_server(floor_loop)
            ),
            "floor: new thread + new loop + create_server": _cycle_thread_and_loop,
            "UvicornTestServer on a shared ServerThread": lambda: _cycle_ours(shared_thread),
            "UvicornTestServer, thread of its own": _cycle_ours,
        }
        times: dict[str, list[tuple[float, float]]] = {name: [] for name in variants}
        common: list[tuple[float, float]] = []
        for cycle in [*variants.values(), _cycle_common_pattern]:  # warm-up
            cycle()
        for round_number in range(rounds):
            for name, cycle in variants.items():
                times[name].extend(cycle() for _ in range(per_round))
            if round_number % 2 == 0:  # 0.2 s each: a few are enough
                common.append(_cycle_common_pattern())
    times["common pattern (probe port, Thread(server.run), poll started)"] = common
    floor = statistics.median(a + b for a, b in next(iter(times.values())))
    rows = []
    for name, values in times.items():
        start = statistics.median(a for a, _ in values)
        stop = statistics.median(b for _, b in values)
        total = statistics.median(a + b for a, b in values)
        rows.append(
            [name, str(len(values)), _ms(start), _ms(stop), _ms(total), _ratio(total, floor)]
        )
    _print_table(
        "(a) start + stop of a fresh server, trivial app (medians; ratio to the first floor)",
        ["variant", "n", "start", "stop", "start+stop", "/ floor"],
        rows,
    )


# -- (b) one keep-alive request ---------------------------------------------------------------


class _RawClient:
    """A hand-written HTTP/1.1 GET on one kept-alive socket: the floor of a real request."""

    _LENGTH = re.compile(rb"\r\ncontent-length:\s*(\d+)", re.IGNORECASE)

    def __init__(self, host: str, port: int, path: str) -> None:
        self._sock = socket.create_connection((host, port))
        self._sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        self._request = f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\n\r\n".encode()

    def get(self) -> tuple[int, bytes]:
        self._sock.sendall(self._request)
        data = b""
        while b"\r\n\r\n" not in data:
            data += self._sock.recv(65536)
        head, _, body = data.partition(b"\r\n\r\n")
        found = self._LENGTH.search(head)
        if found is None:
            raise RuntimeError(f"no Content-Length in {head!r}")
        while len(body) < int(found.group(1)):
            body += self._sock.recv(65536)
        return int(head[9:12]), body

    def close(self) -> None:
        self._sock.close()


def _timed(send: Callable[[], tuple[int, bytes]]) -> Callable[[], float]:
    def one() -> float:
        began = time.perf_counter()
        status, body = send()
        elapsed = time.perf_counter() - began
        if status != 200 or body != b'{"message":"OK"}':
            raise RuntimeError(f"unexpected answer from /health: {status} {body!r}")
        return elapsed

    return one


def _kit_session(base_url: str) -> HttpSession:
    """The session a scenario gets on the embedded server (see behave_live.bdd.hooks)."""
    session = HttpSession(base_url)
    session.trust_env = False
    return session


def compare_keep_alive_requests(count: int = 2000, block: int = 50) -> None:
    """(b) keep-alive GET /health: raw socket floor, requests, the kit, httpx, TestClient."""
    with warnings.catch_warnings():
        # Starlette 1.x nags about httpx (it prefers httpx2); the TestClient works the same.
        warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
        from starlette.testclient import TestClient

    with (
        UvicornTestServer(create_health_app()) as server,
        requests.Session() as plain,
        requests.Session() as no_env,
        _kit_session(server.base_url) as kit,
        httpx.Client() as client,
        TestClient(create_health_app()) as test_client,
    ):
        no_env.trust_env = False
        url = f"{server.base_url}/health"
        host, port = server.base_url.removeprefix("http://").rsplit(":", 1)
        raw = _RawClient(host, int(port), "/health")
        variants = {
            "floor: raw socket, hand-written HTTP/1.1": _timed(raw.get),
            "requests.Session (defaults)": _timed(lambda: _requests_pair(plain, url)),
            "requests.Session, trust_env=False": _timed(lambda: _requests_pair(no_env, url)),
            "behave-live HttpSession (as in a scenario)": _timed(lambda: _kit_pair(kit)),
            "httpx.Client": _timed(lambda: _httpx_pair(client, url)),
            "starlette TestClient, in-process (no socket)": _timed(
                lambda: _httpx_pair(test_client, "/health")
            ),
        }
        times: dict[str, list[float]] = {name: [] for name in variants}
        for send in variants.values():  # warm-up
            for _ in range(100):
                send()
        while len(times["httpx.Client"]) < count:
            for name, send in variants.items():
                times[name].extend(send() for _ in range(block))
            kit.exchanges.clear()  # the kit keeps every exchange of a scenario; not 2000
        raw.close()
    medians = {name: statistics.median(values) for name, values in times.items()}
    floor = medians["floor: raw socket, hand-written HTTP/1.1"]
    bare = medians["requests.Session (defaults)"]
    rows = [
        [
            name,
            str(len(values)),
            _ms(medians[name]),
            _ms(_p90(values)),
            _ratio(medians[name], floor),
        ]
        for name, values in times.items()
    ]
    _print_table(
        "(b) one keep-alive GET /health, trivial app (per request; ratio to the floor)",
        ["variant", "n", "median", "p90", "/ floor"],
        rows,
    )
    kit_median = medians["behave-live HttpSession (as in a scenario)"]
    print(
        f"kit / requests.Session (defaults): {_ratio(kit_median, bare)}; "
        f"kit / requests.Session (trust_env=False): "
        f"{_ratio(kit_median, medians['requests.Session, trust_env=False'])} (goal <= 1.10x)"
    )


def _requests_pair(session: requests.Session, url: str) -> tuple[int, bytes]:
    response = session.get(url)
    return response.status_code, response.content


def _kit_pair(session: HttpSession) -> tuple[int, bytes]:
    response = session.get("/health")
    return response.status_code, response.content


def _httpx_pair(client: httpx.Client, url: str) -> tuple[int, bytes]:
    response = client.get(url)
    return response.status_code, response.content


# -- (c) per-scenario overhead inside a behave run, (d) whole runs ----------------------------

_SCENARIOS_PER_FEATURE = 20
_SCENARIO = """
  Scenario: Health check number {number}
    When I send a GET request to "/health"
    Then the response status should be 200
    And the JSON value at "$.message" should be "OK"
"""
# The kit's own hooks, as a project that takes them as they are: the task board's
# environment.py adds its domain world, which is not the kit's cost (nor on this path).
_ENVIRONMENT = (
    "from behave_live.bdd.hooks import (  # noqa: F401\n"
    "    after_all, before_all, before_scenario, before_tag,\n"
    ")\n"
)
# The physical floors of a fresh server inside behave: the kit's shared server answers the
# steps, and around each scenario work is handed to an event loop running on another
# thread and waited for, as a fresh server's start (before the steps) and stop (before the
# scenario's result) must be. No app, no uvicorn, no kit code. The first floor hands over
# nothing but the two waits; the second serves a bare listening socket and closes it:
# floor 1 of (a), under a scenario's conditions.
_FLOOR_PREAMBLE = (
    "import asyncio, socket, threading\n"
    "from behave_live.bdd.hooks import (  # noqa: F401\n"
    "    after_all, before_all, before_scenario as kit_before_scenario, before_tag,\n"
    ")\n"
    "loop = asyncio.new_event_loop()\n"
    "threading.Thread(target=loop.run_forever, daemon=True).start()\n"
    "async def nothing():\n"
    "    return None\n"
)
_HANDOFF_ENVIRONMENT = _FLOOR_PREAMBLE + (
    "def before_scenario(context, scenario):\n"
    "    asyncio.run_coroutine_threadsafe(nothing(), loop).result()\n"
    "    kit_before_scenario(context, scenario)\n"
    "def after_scenario(context, scenario):\n"
    "    asyncio.run_coroutine_threadsafe(nothing(), loop).result()\n"
)
_SOCKET_ENVIRONMENT = _FLOOR_PREAMBLE + (
    "servers = []\n"
    "def before_scenario(context, scenario):\n"
    "    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)\n"
    "    sock.bind(('127.0.0.1', 0))\n"
    "    sock.listen(1024)\n"
    "    serving = loop.create_server(asyncio.Protocol, sock=sock)\n"
    "    servers.append(asyncio.run_coroutine_threadsafe(serving, loop).result())\n"
    "    kit_before_scenario(context, scenario)\n"
    "async def close(server):\n"
    "    server.close()\n"
    "    await server.wait_closed()\n"
    "def after_scenario(context, scenario):\n"
    "    asyncio.run_coroutine_threadsafe(close(servers.pop()), loop).result()\n"
)
# Variants of (c) run with the shared scope and one of these environments (trivial app).
_FLOORS = {
    "handoffs": ("floor: shared server + two waits for the loop thread", _HANDOFF_ENVIRONMENT),
    "socket": ("floor: + a bare socket served and closed", _SOCKET_ENVIRONMENT),
}
_BENCH_APPS = (
    ("trivial app", "bench.health_app:create_health_app"),
    ("demo service", "app:create_app"),
)
_SCOPES = ("scenario", "run")


def _write_project(
    directory: Path, scenarios: int, environment: str = _ENVIRONMENT, name: str = "n"
) -> Path:
    """A behave project of ``scenarios`` health checks (20 per feature file); its directory."""
    project = directory / f"{name}{scenarios}"
    features = project / "features"
    features.mkdir(parents=True)
    (project / "steps").mkdir()
    (project / "steps" / "http_steps.py").write_text(
        "from behave_live.bdd.steps import *  # noqa: F403\n", encoding="utf-8"
    )
    (project / "environment.py").write_text(environment, encoding="utf-8")
    for first in range(0, scenarios, _SCENARIOS_PER_FEATURE):
        numbers = range(first, min(scenarios, first + _SCENARIOS_PER_FEATURE))
        body = "".join(_SCENARIO.format(number=number) for number in numbers)
        (features / f"health_{first:04d}.feature").write_text(
            f"Feature: Health checks from {first}\n{body}", encoding="utf-8"
        )
    return project


@dataclass(frozen=True)
class _RunTimes:
    wall: float  # seconds from start to exit of the behave process
    cpu: float  # user + system CPU seconds the process used (steadier on a busy machine)


def _run_behave(cwd: Path, arguments: Sequence[str]) -> _RunTimes:
    """Run one behave process and time it (it must pass)."""
    command = [sys.executable, "-m", "behave", "--no-color", "--format=null", *arguments]
    # Bytecode caching on, as on a developer's machine (the warm-up run writes the caches),
    # whatever the calling environment says: otherwise every run compiles every module.
    # The project's root for the apps, after any PYTHONPATH given (another copy of the kit).
    given = os.environ.get("PYTHONPATH")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [given, str(ROOT)]))}
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    completed = subprocess.run(
        command, cwd=cwd, env=env, capture_output=True, text=True, check=False
    )
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if completed.returncode != 0:
        raise RuntimeError(f"behave {' '.join(arguments)} failed:\n{completed.stdout}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return _RunTimes(wall, cpu)


def _scope_arguments(app: str, scope: str, paths: Sequence[str]) -> list[str]:
    return ["-D", f"app={app}", "-D", f"server_scope={scope}", *paths]


def _line(points: Sequence[tuple[float, float]]) -> tuple[float, float]:
    """Least-squares slope and intercept of ``points`` (x, y)."""
    xs, ys = [x for x, _ in points], [y for _, y in points]
    mean_x, mean_y = statistics.fmean(xs), statistics.fmean(ys)
    slope = sum((x - mean_x) * (y - mean_y) for x, y in points) / sum((x - mean_x) ** 2 for x in xs)
    return slope, mean_y - slope * mean_x


def compare_per_scenario(sizes: Sequence[int] = (50, 200, 400), rounds: int = 7) -> None:
    """(c) per-scenario cost of a fresh server inside behave: slopes over N, fresh - shared."""
    runs: dict[tuple[str, str, int], list[_RunTimes]] = {}
    with tempfile.TemporaryDirectory(prefix="behave-live-bench-") as temporary:
        projects = {size: _write_project(Path(temporary), size) for size in sizes}
        floors = {
            (floor, size): _write_project(Path(temporary), size, environment, floor)
            for floor, (_, environment) in _FLOORS.items()
            for size in sizes
        }
        trivial = _BENCH_APPS[0][1]
        for _, app in _BENCH_APPS:  # warm-up: bytecode caches, the page cache
            _run_behave(projects[sizes[0]], _scope_arguments(app, "run", ["features"]))
        for floor in _FLOORS:
            _run_behave(floors[floor, sizes[0]], _scope_arguments(trivial, "run", ["features"]))
        for _ in range(rounds):
            for size, project in projects.items():
                for _, app in _BENCH_APPS:
                    for scope in _SCOPES:
                        times = _run_behave(project, _scope_arguments(app, scope, ["features"]))
                        runs.setdefault((app, scope, size), []).append(times)
                for floor in _FLOORS:
                    arguments = _scope_arguments(trivial, "run", ["features"])
                    runs.setdefault((trivial, floor, size), []).append(
                        _run_behave(floors[floor, size], arguments)
                    )
    rows: list[list[str]] = []
    overheads: dict[str, tuple[float, float]] = {}  # per app: (wall, CPU) per scenario
    # Per floor: its (wall, CPU) per scenario over a shared server (trivial app).
    floor_overheads: dict[str, tuple[float, float]] = {}
    for label, app in _BENCH_APPS:
        fits: dict[str, dict[str, tuple[float, float]]] = {}
        for scope in (*_SCOPES, *_FLOORS) if app == _BENCH_APPS[0][1] else _SCOPES:
            fits[scope] = {
                measure: _line(
                    [
                        (
                            size,
                            statistics.median(
                                getattr(run, measure) for run in runs[app, scope, size]
                            ),
                        )
                        for size in sizes
                    ]
                )
                for measure in ("wall", "cpu")
            }
        first = True
        for scope, name in (
            ("run", "shared server (server_scope=run)"),
            ("scenario", "fresh server per scenario"),
        ):
            wall, cpu = fits[scope]["wall"], fits[scope]["cpu"]
            shown = label if first else ""
            rows.append([shown, name, _ms(wall[0]), _ms(cpu[0]), _ms(wall[1]), _ms(cpu[1])])
            first = False
        overheads[label] = (
            fits["scenario"]["wall"][0] - fits["run"]["wall"][0],
            fits["scenario"]["cpu"][0] - fits["run"]["cpu"][0],
        )
        rows.append(
            [
                "",
                "overhead of a fresh server: fresh - shared",
                _ms(overheads[label][0]),
                _ms(overheads[label][1]),
                "",
                "",
            ]
        )
        for floor, (name, _) in _FLOORS.items():
            if floor not in fits:
                continue
            floor_wall, floor_cpu = fits[floor]["wall"], fits[floor]["cpu"]
            floor_overheads[floor] = (
                floor_wall[0] - fits["run"]["wall"][0],
                floor_cpu[0] - fits["run"]["cpu"][0],
            )
            slopes = [_ms(floor_wall[0]), _ms(floor_cpu[0])]
            rows.append(["", name, *slopes, _ms(floor_wall[1]), _ms(floor_cpu[1])])
            rows.append(["", "  its overhead: floor - shared", *map(_ms, floor_overheads[floor])])
            rows[-1] += ["", ""]
    _print_table(
        f"(c) inside behave: cost per scenario (slope of a line over N = "
        f"{', '.join(map(str, sizes))} scenarios; medians of {rounds} alternating runs each)",
        ["app", "variant", "wall/scenario", "CPU/scenario", "fixed wall", "fixed CPU"],
        rows,
    )
    trivial_wall, trivial_cpu = overheads[_BENCH_APPS[0][0]]
    print(
        "goal: a fresh server adds <= 0.5 ms per scenario over a shared one (trivial app): "
        f"CPU {_ms(trivial_cpu)} ({_verdict(trivial_cpu, 0.0005)}), "
        f"wall {_ms(trivial_wall)} ({_verdict(trivial_wall, 0.0005)})"
    )
    for floor, (added_wall, added_cpu) in floor_overheads.items():
        print(
            f"  the {floor} floor adds CPU {_ms(added_cpu)}, wall {_ms(added_wall)}; the kit's "
            f"fresh server {_ratio(trivial_cpu, added_cpu)} that (CPU), "
            f"{_ratio(trivial_wall, added_wall)} (wall)"
        )
    compare_app_startup()


def compare_app_startup(count: int = 300) -> None:
    """The apps' own start-up, in-process: the factory, then lifespan startup and shutdown."""
    from app import create_app

    async def cycle(factory: Callable[[], Any]) -> tuple[float, float, float]:
        began = time.perf_counter()
        app = factory()
        made = time.perf_counter()
        async with app.router.lifespan_context(app):
            started = time.perf_counter()
        return made - began, started - made, time.perf_counter() - started

    async def measure() -> dict[str, list[tuple[float, float, float]]]:
        factories = {"trivial app": create_health_app, "demo service": create_app}
        times: dict[str, list[tuple[float, float, float]]] = {name: [] for name in factories}
        for factory in factories.values():
            await cycle(factory)
        for _ in range(count):
            for name, factory in factories.items():
                times[name].append(await cycle(factory))
        return times

    rows = []
    totals: dict[str, float] = {}
    for name, values in asyncio.run(measure()).items():
        medians = [statistics.median(part[i] for part in values) for i in range(3)]
        totals[name] = statistics.median(sum(part) for part in values)
        rows.append([name, str(len(values)), *map(_ms, medians), _ms(totals[name])])
    _print_table(
        "    the app's own start-up, in-process (medians)",
        ["app", "n", "create_app()", "lifespan startup", "lifespan shutdown", "total"],
        rows,
    )
    demo = totals["demo service"]
    print(f"goal: the demo service's start-up <= 0.3 ms: {_ms(demo)} ({_verdict(demo, 0.0003)})")


_API_SUITE = "features/api/responses"


def compare_whole_runs(scenarios: int = 200, rounds: int = 9) -> None:
    """(d) whole behave runs, fresh server per scenario vs one shared: ratio of medians."""
    from behave.parser import parse_file

    # The board's features keep a fresh server per scenario by their own tag, so a suite
    # that a server_scope setting can share is compared instead: the API's responses.
    api = sum(
        len(list(parse_file(str(path)).walk_scenarios()))
        for path in (ROOT / _API_SUITE).glob("*.feature")
    )
    runs: dict[tuple[str, str], list[_RunTimes]] = {}
    with tempfile.TemporaryDirectory(prefix="behave-live-bench-") as temporary:
        project = _write_project(Path(temporary), scenarios)
        suites = [
            (f"{scenarios} health checks, {label}", project, app, ["features"])
            for label, app in _BENCH_APPS
        ]
        suites.append((f"{_API_SUITE} ({api} scenarios)", ROOT, "app:create_app", [_API_SUITE]))
        # The floor beside them: the trivial suite on a shared server, with a bare socket
        # served and closed around each scenario (see _SOCKET_ENVIRONMENT) as its "fresh".
        trivial_label, trivial = suites[0][0], suites[0][2]
        floor_label = f"floor: {trivial_label} + a bare socket per scenario"
        floor = _write_project(Path(temporary), scenarios, _SOCKET_ENVIRONMENT, "floor")
        floor_arguments = _scope_arguments(trivial, "run", ["features"])
        for _, cwd, app, paths in suites:  # warm-up
            _run_behave(cwd, _scope_arguments(app, "run", paths))
        _run_behave(floor, floor_arguments)
        for _ in range(rounds):
            for label, cwd, app, paths in suites:
                for scope in _SCOPES:
                    runs.setdefault((label, scope), []).append(
                        _run_behave(cwd, _scope_arguments(app, scope, paths))
                    )
            runs.setdefault((floor_label, "scenario"), []).append(
                _run_behave(floor, floor_arguments)
            )
    runs[floor_label, "run"] = runs[trivial_label, "run"]
    rows = []
    verdicts = []
    for label in [label for label, *_ in suites] + [floor_label]:
        shared, fresh = runs[label, "run"], runs[label, "scenario"]
        wall = [statistics.median(run.wall for run in side) for side in (shared, fresh)]
        cpu = [statistics.median(run.cpu for run in side) for side in (shared, fresh)]
        if label.startswith(f"{scenarios} "):
            ratios = cpu[1] / cpu[0], wall[1] / wall[0]
            verdicts.append(
                f"  {label}: CPU {ratios[0]:.2f}x ({_verdict(ratios[0], 1.10)}), "
                f"wall {ratios[1]:.2f}x ({_verdict(ratios[1], 1.10)})"
            )
        rows.append(
            [
                label,
                _ms(wall[0]),
                _ms(wall[1]),
                _ratio(wall[1], wall[0]),
                _ms(cpu[0]),
                _ms(cpu[1]),
                _ratio(cpu[1], cpu[0]),
            ]
        )
    _print_table(
        f"(d) whole behave runs (medians of {rounds} alternating runs)",
        [
            "suite",
            "shared wall",
            "fresh wall",
            "fresh/shared",
            "shared CPU",
            "fresh CPU",
            "fresh/shared",
        ],
        rows,
    )
    print(f"goal: a {scenarios}-scenario run with fresh servers <= 1.10x the run on a shared one:")
    print("\n".join(verdicts))


@dataclass(frozen=True)
class _Comparison:
    title: str
    run: Callable[[], None]
    quick: Callable[[], None]


COMPARISONS: dict[str, _Comparison] = {
    "a": _Comparison(
        "start + stop vs the floors", compare_start_stop, lambda: compare_start_stop(4, 5)
    ),
    "b": _Comparison(
        "keep-alive GET vs the floor",
        compare_keep_alive_requests,
        lambda: compare_keep_alive_requests(200),
    ),
    "c": _Comparison(
        "per-scenario overhead inside behave",
        compare_per_scenario,
        lambda: compare_per_scenario((20, 40), 1),
    ),
    "d": _Comparison(
        "whole runs, fresh vs shared", compare_whole_runs, lambda: compare_whole_runs(40, 1)
    ),
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--only",
        default=",".join(COMPARISONS),
        help="comma-separated comparisons to run (default: %(default)s)",
    )
    parser.add_argument(
        "--quick", action="store_true", help="few rounds: a smoke check, not figures"
    )
    args = parser.parse_args(argv)
    chosen = [key.strip() for key in str(args.only).split(",") if key.strip()]
    unknown = [key for key in chosen if key not in COMPARISONS]
    if unknown or not chosen:
        parser.error(
            f"--only {args.only!r}: unknown comparison(s) {', '.join(unknown) or '(none)'}; "
            f"available: {', '.join(COMPARISONS)}"
        )
    _print_machine()
    began = time.perf_counter()
    for key in chosen:
        comparison = COMPARISONS[key]
        (comparison.quick if args.quick else comparison.run)()
    print(f"\n({', '.join(chosen)}) done in {time.perf_counter() - began:.1f} s")
    print(_load_line("load average at end"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
