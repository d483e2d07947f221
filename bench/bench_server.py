"""Side-by-side benchmarks of UvicornTestServer: ``uv run python bench/bench_server.py``.

(a) start + stop of a fresh server: UvicornTestServer vs the common thread pattern
    (probe a free port, ``uvicorn.Server(config).run`` in a thread, poll ``server.started``,
    ``should_exit = True``, join).
(b) one keep-alive ``GET /health``: requests.Session against the real server vs Starlette's
    TestClient in-process (used as a context manager, its fastest way).
(c) a whole behave run of 200 scenarios: a fresh server per scenario (the default) vs one
    server shared by the run; whole behave processes, alternating the two.
(d) the same for the task board's domain features (features/board).

(a) and (b) use an app that starts instantly (bench/health_app.py), so they measure the kit
and the server alone. Both sides of a comparison run in the same process, interleaved, so
machine noise hits both alike. ``--only a,b`` picks comparisons. Medians are printed;
ratios are "other / ours".
"""

from __future__ import annotations

import argparse
import os
import platform
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

import requests
import uvicorn
from starlette.applications import Starlette

from behave_live import UvicornTestServer
from behave_live.server.thread import ServerThread
from bench.health_app import create_health_app

# -- output -----------------------------------------------------------------------------------


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.2f} ms"


def _ratio(other: float, ours: float) -> str:
    if ours <= 0:
        return "n/a"
    ratio = other / ours
    return f"{ratio:.2f}x" if ratio < 10 else f"{ratio:.0f}x"


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


def _print_machine() -> None:
    packages = ", ".join(
        f"{name} {version(name)}" for name in ("uvicorn", "starlette", "requests", "httpx")
    )
    print(
        f"Python {platform.python_version()} ({platform.python_implementation()}) on "
        f"{platform.system()} {platform.machine()}, {_cpu_count()} CPU(s); {packages}"
    )


def _cpu_count() -> str:
    return str(os.cpu_count() or "?")


# -- (a) start + stop of a fresh server -------------------------------------------------------


@dataclass
class _StartStop:
    start: list[float]
    stop: list[float]

    def add(self, start: float, stop: float) -> None:
        self.start.append(start)
        self.stop.append(stop)

    def medians(self) -> tuple[float, float, float]:
        totals = [a + b for a, b in zip(self.start, self.stop, strict=True)]
        return (
            statistics.median(self.start),
            statistics.median(self.stop),
            statistics.median(totals),
        )


def _cycle_ours(app: Starlette, thread: ServerThread | None = None) -> tuple[float, float]:
    began = time.perf_counter()
    server = UvicornTestServer(app, thread=thread)
    server.start()
    started = time.perf_counter()
    server.stop()
    return started - began, time.perf_counter() - started


def _cycle_common_pattern(app: Starlette) -> tuple[float, float]:
    """The pattern found in many public test suites (uvicorn issue #742's snippet)."""
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


def compare_start_stop(ours_iterations: int = 200, common_iterations: int = 25) -> None:
    """(a) start + stop of a fresh server, ours (own / shared thread) vs the common pattern."""
    app = create_health_app()
    with ServerThread() as shared_thread:
        _cycle_ours(app)  # warm-up: imports, first loop
        _cycle_ours(app, shared_thread)
        _cycle_common_pattern(app)
        ours, pooled, common = _StartStop([], []), _StartStop([], []), _StartStop([], [])
        for round_number in range(common_iterations):  # alternate: 1 common, then ours
            common.add(*_cycle_common_pattern(app))
            done = len(ours.start)
            due = ours_iterations * (round_number + 1) // common_iterations
            for _ in range(due - done):
                ours.add(*_cycle_ours(app))
                pooled.add(*_cycle_ours(app, shared_thread))
    ours_medians, pooled_medians, common_medians = (
        ours.medians(),
        pooled.medians(),
        common.medians(),
    )
    _print_table(
        "(a) start + stop of a fresh server (medians)",
        ["variant", "n", "start", "stop", "start+stop"],
        [
            [
                "UvicornTestServer (thread of its own)",
                str(len(ours.start)),
                *map(_ms, ours_medians),
            ],
            [
                "UvicornTestServer on a shared ServerThread",
                str(len(pooled.start)),
                *map(_ms, pooled_medians),
            ],
            [
                "common pattern (probe port, Thread(server.run), poll started)",
                str(len(common.start)),
                *map(_ms, common_medians),
            ],
            [
                "ratio common / UvicornTestServer (own thread)",
                "",
                *(_ratio(c, o) for c, o in zip(common_medians, ours_medians, strict=True)),
            ],
        ],
    )


# -- (b) one keep-alive request ---------------------------------------------------------------


def compare_keep_alive_requests(count: int = 2000, warmup: int = 200, block: int = 100) -> None:
    """(b) keep-alive GET /health: requests.Session -> real server vs TestClient in-process."""
    with warnings.catch_warnings():
        # Starlette 1.x nags about httpx (it prefers httpx2); the TestClient works the same.
        warnings.filterwarnings("ignore", message="Using `httpx` with `starlette.testclient`")
        from starlette.testclient import TestClient

    real: list[float] = []
    in_process: list[float] = []
    with (
        UvicornTestServer(create_health_app()) as server,
        requests.Session() as session,
        TestClient(create_health_app()) as client,
    ):
        url = f"{server.base_url}/health"

        def over_the_wire() -> float:
            began = time.perf_counter()
            response = session.get(url)
            elapsed = time.perf_counter() - began
            _check(response.status_code, response.content)
            return elapsed

        def through_test_client() -> float:
            began = time.perf_counter()
            response = client.get("/health")
            elapsed = time.perf_counter() - began
            _check(response.status_code, response.content)
            return elapsed

        for _ in range(warmup):
            over_the_wire()
            through_test_client()
        while len(real) < count:  # alternate blocks, so both see the same machine state
            n = min(block, count - len(real))
            real.extend(over_the_wire() for _ in range(n))
            in_process.extend(through_test_client() for _ in range(n))

    real_median, in_process_median = statistics.median(real), statistics.median(in_process)
    _print_table(
        "(b) one keep-alive GET /health (per request)",
        ["variant", "n", "median", "p90"],
        [
            [
                "requests.Session -> UvicornTestServer (real socket)",
                str(len(real)),
                _ms(real_median),
                _ms(_p90(real)),
            ],
            [
                "starlette TestClient, context manager (in-process)",
                str(len(in_process)),
                _ms(in_process_median),
                _ms(_p90(in_process)),
            ],
            [
                "ratio TestClient / UvicornTestServer",
                "",
                _ratio(in_process_median, real_median),
                _ratio(_p90(in_process), _p90(real)),
            ],
        ],
    )


def _check(status: int, body: bytes) -> None:
    if status != 200 or body != b'{"message":"OK"}':
        raise RuntimeError(f"unexpected answer from /health: {status} {body!r}")


def _p90(values: Sequence[float]) -> float:
    return statistics.quantiles(values, n=10)[-1]


# -- (c) a behave run: a fresh server per scenario vs one shared ------------------------------

ROOT = Path(__file__).resolve().parent.parent
_SCENARIOS_PER_FEATURE = 20

_SCENARIO = """
  Scenario: Health check number {number}
    When I send a GET request to "/health"
    Then the response status should be 200
    And the JSON value at "$.message" should be "OK"
"""

_ENVIRONMENT = (ROOT / "environment.py").read_text(encoding="utf-8")
# The kit's own cost shows with an app that starts instantly; the demo service adds the
# cost of creating its SQLite database at every start.
_BENCH_APPS = (
    ("health-only app", "bench.health_app:create_health_app"),
    ("demo service (SQLite board)", "app:create_app"),
)


_SCOPES = ("scenario", "run")


def _write_project(directory: Path, scenarios: int) -> None:
    features = directory / "features"
    features.mkdir()
    (directory / "steps").mkdir()
    (directory / "steps" / "http_steps.py").write_text(
        "from behave_live.bdd.steps import *  # noqa: F403\n", encoding="utf-8"
    )
    (directory / "environment.py").write_text(_ENVIRONMENT, encoding="utf-8")
    for first in range(0, scenarios, _SCENARIOS_PER_FEATURE):
        numbers = range(first, min(scenarios, first + _SCENARIOS_PER_FEATURE))
        body = "".join(_SCENARIO.format(number=number) for number in numbers)
        (features / f"health_{first:04d}.feature").write_text(
            f"Feature: Health checks from {first}\n{body}", encoding="utf-8"
        )


@dataclass(frozen=True)
class _RunTimes:
    wall: float  # seconds from start to exit of the behave process
    cpu: float  # user + system CPU seconds the process used (steadier on a busy machine)


def _run_behave(cwd: Path, arguments: Sequence[str]) -> _RunTimes:
    """Run one behave process and time it (it must pass)."""
    command = [sys.executable, "-m", "behave", "--no-color", "--format=null", *arguments]
    # Bytecode caching on, as on a developer's machine (the warm-up run writes the caches),
    # whatever the calling environment says: otherwise every run compiles every module.
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
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


def _median_run_per_scope(cwd: Path, arguments: Sequence[str], runs: int) -> dict[str, _RunTimes]:
    """Median times per server scope, alternating scopes so that noise hits both."""
    times: dict[str, list[_RunTimes]] = {scope: [] for scope in _SCOPES}
    _run_behave(cwd, [*arguments, "-D", "server_scope=run"])  # warm-up: caches, imports
    for _ in range(runs):
        for scope in _SCOPES:
            times[scope].append(_run_behave(cwd, [*arguments, "-D", f"server_scope={scope}"]))
    return {
        scope: _RunTimes(
            wall=statistics.median(run.wall for run in values),
            cpu=statistics.median(run.cpu for run in values),
        )
        for scope, values in times.items()
    }


_SCOPE_HEADER = ["app", "variant", "wall", "fresh / shared", "CPU", "fresh / shared"]


def _scope_rows(label: str, medians: dict[str, _RunTimes]) -> list[list[str]]:
    shared, fresh = medians["run"], medians["scenario"]
    return [
        [label, "one shared server (server_scope=run)", _ms(shared.wall), "", _ms(shared.cpu), ""],
        [
            "",
            "fresh server per scenario (default)",
            _ms(fresh.wall),
            _ratio(fresh.wall, shared.wall),
            _ms(fresh.cpu),
            _ratio(fresh.cpu, shared.cpu),
        ],
    ]


def compare_behave_scopes(scenarios: int = 200, runs: int = 11) -> None:
    """(c) a behave run of many scenarios: a fresh server each vs one shared by the run."""
    rows: list[list[str]] = []
    with tempfile.TemporaryDirectory(prefix="behave-live-bench-") as temporary:
        directory = Path(temporary)
        _write_project(directory, scenarios)
        for label, app in _BENCH_APPS:
            medians = _median_run_per_scope(directory, ["-D", f"app={app}", "features"], runs)
            rows += _scope_rows(label, medians)
    _print_table(
        f"(c) behave run of {scenarios} scenarios, whole process (median of {runs} runs)",
        _SCOPE_HEADER,
        rows,
    )


def compare_domain_scopes(runs: int = 15) -> None:
    """(d) the task board's domain features: a fresh server each vs one shared by the run."""
    from behave.parser import parse_file

    scenarios = sum(
        len(list(parse_file(str(path)).walk_scenarios()))
        for path in (ROOT / "features" / "board").glob("*.feature")
    )
    medians = _median_run_per_scope(ROOT, ["features/board"], runs)
    _print_table(
        f"(d) behave run of features/board, {scenarios} scenarios, whole process "
        f"(median of {runs} runs)",
        _SCOPE_HEADER,
        _scope_rows("demo service (SQLite board)", medians),
    )


@dataclass(frozen=True)
class _Comparison:
    title: str
    run: Callable[[], None]


COMPARISONS: dict[str, _Comparison] = {
    "a": _Comparison("start + stop of a fresh server", compare_start_stop),
    "b": _Comparison(
        "keep-alive GET /health, real server vs TestClient", compare_keep_alive_requests
    ),
    "c": _Comparison("behave run, fresh server per scenario vs shared", compare_behave_scopes),
    "d": _Comparison("domain features, fresh server per scenario vs shared", compare_domain_scopes),
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument(
        "--only",
        default=",".join(COMPARISONS),
        help="comma-separated comparisons to run (default: %(default)s)",
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
        COMPARISONS[key].run()
    print(f"\n({', '.join(chosen)}) done in {time.perf_counter() - began:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
