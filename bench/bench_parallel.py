"""Serial behave vs parallel runs on this machine.

Run: ``uv run --with behavex python bench/bench_parallel.py`` (``--rounds``, ``-n``).

Variants, alternated round by round so that machine noise hits all alike (medians of wall
time, whole processes):

- serial: ``behave`` in one process;
- behavex ``--parallel-scheme feature`` and ``--parallel-scheme scenario``, 2 processes;
- ``behave-live parallel -n 2``: two shards (``-D shard=k/2``) as processes at once.

behavex is optional (``--with behavex``): without it its rows are left out.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PATHS = ("features/board", "features/api")


def _variants(output: Path, processes: int) -> dict[str, list[str]]:
    python = sys.executable
    variants = {
        "serial behave": [python, "-m", "behave", "-f", "null", *PATHS],
        f"behave-live parallel -n {processes}": [
            python, "-m", "behave_live", "parallel", "-n", str(processes), *PATHS,
            "--", "-f", "null",
        ],
    }  # fmt: skip
    behavex = shutil.which("behavex", path=str(Path(python).parent))
    if behavex is not None:
        for scheme in ("feature", "scenario"):
            variants[f"behavex --parallel-scheme {scheme}"] = [
                behavex, "--parallel-processes", str(processes), "--parallel-scheme", scheme,
                "--output-folder", str(output / scheme), *PATHS,
            ]  # fmt: skip
    return variants


def _run(command: Sequence[str]) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    began = time.perf_counter()
    completed = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, check=False)
    elapsed = time.perf_counter() - began
    if completed.returncode != 0:
        raise RuntimeError(f"{' '.join(command)} failed:\n{completed.stdout.decode()[-2000:]}")
    return elapsed


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("-n", "--processes", type=int, default=2)
    options = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="behave-live-parallel-bench-") as folder:
        variants = _variants(Path(folder), options.processes)
        for command in variants.values():
            _run(command)  # warm-up: bytecode caches, imports
        times: dict[str, list[float]] = {name: [] for name in variants}
        for _ in range(options.rounds):
            for name, command in variants.items():
                times[name].append(_run(command))
    serial = statistics.median(times["serial behave"])
    print(f"{os.cpu_count()} CPU(s); {', '.join(PATHS)}; median of {options.rounds} rounds")
    print(f"{'variant':40}  {'wall':>9}  {'vs serial':>9}")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"{name:40}  {median:8.2f}s  {serial / median:8.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
