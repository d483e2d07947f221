"""Run the shards of a suite as parallel behave processes on this machine, then merge.

``behave-live parallel -n 2`` starts ``python -m behave -D shard=k/2`` for every k at once:
each process plans the same split (see :mod:`behave_live.bdd.shards`) and runs its part.
Each shard's output is kept apart and printed whole once it ends, so logs never interleave.
With a JUnit folder every shard writes into ``<folder>/shard-<k>``, and the reports are
merged into ``<folder>/junit.xml``; that folder then also balances the next run.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from behave_live.sharding.junit import merge_junit

__all__ = ["ShardRun", "behave_command", "run_parallel"]

MERGED_NAME = "junit.xml"


@dataclass(frozen=True)
class ShardRun:
    """How one shard's process ended."""

    index: int
    returncode: int
    seconds: float
    output: str


def behave_command(
    index: int,
    total: int,
    behave_args: Sequence[str],
    durations: Path | None,
    junit_directory: Path | None,
) -> list[str]:
    """The command line of shard ``index`` of ``total``."""
    command = [sys.executable, "-m", "behave", "-D", f"shard={index}/{total}"]
    if durations is not None:
        command += ["-D", f"shard_durations={durations}"]
    if junit_directory is not None:
        command += ["--junit", "--junit-directory", str(junit_directory / f"shard-{index}")]
    return [*command, *behave_args]


def run_parallel(
    total: int,
    behave_args: Sequence[str],
    *,
    durations: Path | None = None,
    junit_directory: Path | None = None,
    out: IO[str] | None = None,
) -> int:
    """Run ``total`` shards at once; print each one's output; the worst exit status.

    With ``junit_directory`` and no ``durations``, the durations come from the reports an
    earlier run left in that folder (when there are any).
    """
    stream = out if out is not None else sys.stdout
    if junit_directory is not None:
        for index in range(1, total + 1):
            for stale in (junit_directory / f"shard-{index}").glob("*.xml"):
                stale.unlink()  # our own folder: a shard that now runs less leaves no ghosts
        if durations is None and any(junit_directory.rglob("*.xml")):
            durations = junit_directory
    runs = _run_all(
        [
            behave_command(index, total, behave_args, durations, junit_directory)
            for index in range(1, total + 1)
        ]
    )
    for run in runs:
        stream.write(
            f"\n=== shard {run.index}/{total}: exit status {run.returncode} in "
            f"{run.seconds:.1f} s ===\n{run.output}"
        )
    worst = max(run.returncode for run in runs)
    if junit_directory is not None:
        folders = [junit_directory / f"shard-{index}" for index in range(1, total + 1)]
        if any(folder.is_dir() for folder in folders):
            merged = merge_junit(folders, junit_directory / MERGED_NAME)
            stream.write(
                f"\nbehave-live parallel: merged {merged.tests} test case(s) of {total} "
                f"shard(s) into {junit_directory / MERGED_NAME}\n"
            )
    stream.write(
        f"behave-live parallel: {total} shard(s), "
        f"{'all passed' if worst == 0 else f'worst exit status {worst}'}\n"
    )
    stream.flush()
    return worst


def _run_all(commands: Sequence[Sequence[str]]) -> list[ShardRun]:
    """Start every command at once, each writing to a file of its own; wait for all."""
    with tempfile.TemporaryDirectory(prefix="behave-live-parallel-") as folder:
        logs = [Path(folder) / f"shard-{number}.log" for number in range(1, len(commands) + 1)]
        started = time.perf_counter()
        processes: list[subprocess.Popen[bytes]] = []
        try:
            for command, log in zip(commands, logs, strict=True):
                with log.open("wb") as sink:
                    processes.append(
                        subprocess.Popen(command, stdout=sink, stderr=subprocess.STDOUT)
                    )
            ended: dict[int, float] = {}

            def wait(number: int, process: subprocess.Popen[bytes]) -> None:
                process.wait()
                ended[number] = time.perf_counter() - started

            # A waiter per process, so each shard's time is its own, not its turn's.
            waiters = [
                threading.Thread(target=wait, args=pair, daemon=True)
                for pair in enumerate(processes)
            ]
            for waiter in waiters:
                waiter.start()
            for waiter in waiters:
                waiter.join()
        finally:
            for process in processes:  # interrupted: no shard outlives the command
                if process.poll() is None:
                    process.kill()
                    process.wait()
        return [
            ShardRun(
                index=number + 1,
                returncode=process.returncode,
                seconds=ended[number],
                output=log.read_text(encoding="utf-8", errors="replace"),
            )
            for number, (process, log) in enumerate(zip(processes, logs, strict=True))
        ]
