"""A fresh server's cost for each way of giving the app: factory, object, object + reimport.

Run: ``uv run python bench/bench_isolation.py``.

The app is bench/isolation_service, a small order service in five modules with a
module-level ``app`` and a ``create_app`` factory next to it. Each cycle is what a scenario
with a fresh server does: start a server, send one keep-alive GET, stop it. Variants:

- factory:  ``isolation_service.main:create_app`` - a new app per server;
- object:   ``isolation_service.main:app`` - the same app object every time;
- reimport: the same object with ``isolation = "reimport"`` - the service's five modules are
  forgotten and imported again before every server.

The variants run interleaved in one process (machine noise hits them alike) on one shared
server thread, as the behave glue runs fresh servers. Medians are printed.
"""

from __future__ import annotations

import argparse
import platform
import statistics
import sys
import time
from collections.abc import Sequence
from importlib.metadata import version
from pathlib import Path

import requests

from behave_live import UvicornTestServer
from behave_live.server.thread import ServerThread

# The service is imported by its own name (isolation_service), as a project's app would be:
# re-importing "bench.isolation_service" would forget the bench package itself.
sys.path.insert(0, str(Path(__file__).resolve().parent))

VARIANTS = {
    "factory": ("isolation_service.main:create_app", False),
    "object": ("isolation_service.main:app", False),
    "object + reimport": ("isolation_service.main:app", True),
}


def _cycle(spec: str, reimport: bool, thread: ServerThread, session: requests.Session) -> float:
    """One scenario's server: start, one request, stop; the seconds it took."""
    began = time.perf_counter()
    server = UvicornTestServer(spec, thread=thread, reimport=reimport)
    server.start()
    session.get(f"{server.base_url}/health", timeout=5).raise_for_status()
    server.stop()
    return time.perf_counter() - began


def _reimport_alone(iterations: int) -> float:
    """The median cost of forgetting and importing the service again, without a server."""
    from behave_live.server.app_loading import resolve_app

    times = []
    for _ in range(iterations):
        began = time.perf_counter()
        resolve_app("isolation_service.main:app", reimport=True)
        times.append(time.perf_counter() - began)
    return statistics.median(times)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--iterations", type=int, default=300, help="cycles per variant")
    args = parser.parse_args(argv)

    packages = ", ".join(f"{name} {version(name)}" for name in ("uvicorn", "starlette"))
    print(f"Python {platform.python_version()} on {platform.system()}; {packages}")
    times: dict[str, list[float]] = {name: [] for name in VARIANTS}
    with ServerThread() as thread, requests.Session() as session:
        for spec, reimport in VARIANTS.values():  # warm-up: imports, first loop turns
            for _ in range(20):
                _cycle(spec, reimport, thread, session)
        for _ in range(args.iterations):
            for name, (spec, reimport) in VARIANTS.items():
                times[name].append(_cycle(spec, reimport, thread, session))
    factory = statistics.median(times["factory"])
    print(f"\nA fresh server per scenario (start + one GET + stop), median of {args.iterations}:")
    for name, measured in times.items():
        median = statistics.median(measured)
        print(f"  {name:<18} {median * 1000:6.2f} ms   {median / factory:5.2f}x factory")
    print(f"  re-import alone    {_reimport_alone(args.iterations) * 1000:6.2f} ms (5 modules)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
