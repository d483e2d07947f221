"""The ``behave-live`` command: ``init``, and ``shard``, ``parallel``, ``merge-junit``.

``init`` sets a project up; the other three split a suite over processes or machines.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from behave_live.bdd.shard_listing import list_shard
from behave_live.errors import KitError, ScaffoldError
from behave_live.scaffold.app_target import parse_app_target
from behave_live.scaffold.project import InitReport, init_project
from behave_live.sharding.junit import merge_junit
from behave_live.sharding.parallel import run_parallel
from behave_live.sharding.spec import ShardSpec

__all__ = ["main"]

_INIT_HELP = """\
Set the project in the current directory (or --dir) up for behave-live:

  environment.py          the kit's behave hooks: a live server per scenario
  steps/http_steps.py     the kit's HTTP steps
  features/smoke.feature  an example that passes against your app
  pyproject.toml          [tool.behave] paths, the html-pretty formatter, the app in
                          [tool.behave.userdata]; [tool.pytest.ini_options] for the
                          pytest fixtures

init imports your app and starts it once on a live server to find a GET route that
answers 2xx, so the example passes on its first run. Existing files are kept, and
pyproject.toml is only added to; conflicting settings make init stop without changes.
"""


_SHARD_HELP = """\
Print the locations (path, or path:line) of the scenarios of shard INDEX/TOTAL, one a line,
for runners that take a list of scenarios:

  behave-live shard 2/4 --durations reports/junit > shard.txt && behave @shard.txt

The split is the one `behave -D shard=2/4` makes with the same arguments: by the durations
of an earlier run's JUnit XML, by counts without one; a feature whose scenarios share a
server stays whole. Options of behave's go after "--": behave-live shard 1/2 -- --tags=@api
"""

_PARALLEL_HELP = """\
Run the suite as N behave processes at once on this machine, each one shard
(behave -D shard=k/N), and print each shard's output when it ends. Pays on a machine
with N free cores when the suite runs for more than a few seconds (see the README).
Options of behave's go after "--": behave-live parallel -n 2 features -- -f progress
"""

_MERGE_HELP = """\
Merge the JUnit XML of several shards (folders or files) into one file: the suites of
a feature that several shards ran in parts become one suite again.
"""


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 failed, 2 bad usage)."""
    given = list(sys.argv[1:] if argv is None else argv)
    # Everything after "--" is behave's own (options like --tags or -f): never ours to parse.
    cut = given.index("--") if "--" in given else len(given)
    parser = _parser()
    # Paths may follow the options too (argparse's subcommands would refuse them there).
    arguments, extra = parser.parse_known_args(given[:cut])
    options = [item for item in extra if item.startswith("-")]
    if options or (extra and arguments.command in (None, "init", "merge-junit")):
        parser.error(f"unrecognized arguments: {' '.join(options or extra)}")
    if extra:
        arguments.paths = [*arguments.paths, *extra]
    if arguments.command is None:
        parser.print_help()
        return 2
    if arguments.command != "init":
        return _run_shard_command(arguments, given[cut + 1 :])
    try:
        target = parse_app_target(arguments.app)
        project_dir: Path = arguments.dir
        report = init_project(project_dir, target, lifespan=arguments.lifespan)
    except ScaffoldError as exc:
        print(f"behave-live init: error: {exc}", file=sys.stderr)
        return 1
    print(_describe(report, target.spec, project_dir))
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="behave-live",
        description="Behave acceptance tests against a real, threaded uvicorn server.",
        epilog="Start with: behave-live init --app package.module:app",
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    init = commands.add_parser(
        "init",
        help="set a project up: hooks, steps, settings and an example feature",
        description=_INIT_HELP,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    init.add_argument(
        "--app",
        required=True,
        metavar="MODULE:ATTRIBUTE",
        help="your ASGI app or a factory returning one, e.g. service.main:app",
    )
    init.add_argument(
        "--lifespan",
        choices=("on", "off", "auto"),
        default="on",
        help="the app's ASGI lifespan (default: on); another value is written into the settings",
    )
    init.add_argument(
        "--dir",
        type=Path,
        default=Path(),
        metavar="PATH",
        help="the project directory, where the app's package is importable (default: .)",
    )
    _add_shard_commands(commands)
    return parser


def _add_shard_commands(commands: Any) -> None:
    raw = argparse.RawDescriptionHelpFormatter
    shard = commands.add_parser(
        "shard",
        help="print the scenarios of one shard",
        description=_SHARD_HELP,
        formatter_class=raw,
    )
    shard.add_argument("shard", type=_shard_spec, metavar="INDEX/TOTAL", help="e.g. 2/4")
    shard.add_argument("--durations", metavar="PATH", help=_DURATIONS_HELP)
    shard.add_argument("paths", nargs="*", metavar="PATH", help=_PATHS_HELP)
    parallel = commands.add_parser(
        "parallel",
        help="run the shards as parallel processes here",
        description=_PARALLEL_HELP,
        formatter_class=raw,
    )
    parallel.add_argument(
        "-n",
        "--processes",
        type=_positive,
        default=2,
        metavar="N",
        help="how many shards run at once (default: 2)",
    )
    parallel.add_argument("--durations", type=Path, metavar="PATH", help=_DURATIONS_HELP)
    parallel.add_argument(
        "--junit-directory",
        type=Path,
        metavar="DIR",
        help="JUnit XML per shard in DIR/shard-<k>, merged into DIR/junit.xml; later runs "
        "are balanced by it",
    )
    parallel.add_argument("paths", nargs="*", metavar="PATH", help=_PATHS_HELP)
    merge = commands.add_parser(
        "merge-junit",
        help="merge the shards' JUnit XML into one file",
        description=_MERGE_HELP,
        formatter_class=raw,
    )
    merge.add_argument("sources", nargs="+", type=Path, metavar="PATH", help="folders or files")
    merge.add_argument("-o", "--output", type=Path, required=True, metavar="FILE")


_PATHS_HELP = "feature folders or files (default: paths in [tool.behave])"
_DURATIONS_HELP = (
    "JUnit XML of an earlier run (a folder or file) to balance the shards by; default: "
    "shard_durations in [tool.behave.userdata], else split by counts"
)


def _shard_spec(text: str) -> ShardSpec:
    try:
        return ShardSpec.parse(text)
    except ValueError as reason:
        raise argparse.ArgumentTypeError(f"{text!r} {reason}") from None


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of processes (1 or more)")
    return int(text)


def _run_shard_command(arguments: argparse.Namespace, behave_options: Sequence[str]) -> int:
    behave_args = [*behave_options, *getattr(arguments, "paths", [])]
    try:
        if arguments.command == "shard":
            plan, locations = list_shard(arguments.shard, behave_args, arguments.durations)
            print(plan.describe(), file=sys.stderr)
            if not locations:
                print(
                    f"behave-live shard: error: shard {arguments.shard} has no scenarios: "
                    "the suite has fewer parts than shards. Use fewer shards.",
                    file=sys.stderr,
                )
                return 1
            print("\n".join(locations))
            return 0
        if arguments.command == "parallel":
            return run_parallel(
                arguments.processes,
                behave_args,
                durations=arguments.durations,
                junit_directory=arguments.junit_directory,
            )
        merged = merge_junit(arguments.sources, arguments.output)
    except KitError as exc:
        print(f"behave-live {arguments.command}: error: {exc}", file=sys.stderr)
        return 1
    print(
        f"behave-live merge-junit: {merged.tests} test case(s) in {merged.suites} suite(s) "
        f"from {merged.files} file(s) into {arguments.output} ({merged.failures} failed, "
        f"{merged.errors} errors, {merged.skipped} skipped)"
    )
    return 0


def _describe(report: InitReport, spec: str, project_dir: Path) -> str:
    lines = [f"behave-live init: set {project_dir.resolve()} up to test {spec}"]
    lines += [f"  wrote  {item}" for item in report.written]
    lines += [f"  kept   {item} (already there)" for item in report.kept]
    if report.smoke is not None and "features/smoke.feature" in report.written:
        lines.append(
            f"  checked GET {report.smoke.path} on a live server: {report.smoke.status}, so "
            f"features/smoke.feature expects {report.smoke.status_class}xx"
        )
    lines += [f"  note: {note}" for note in report.notes]
    # uv sets UV for the commands it runs: the next commands go through it too.
    run = "uv run " if os.environ.get("UV") else ""
    lines += [
        "",
        "Next:",
        f"  {run}behave                                 run the features",
        f"  {run}behave -f html-pretty -o report.html   the same, with an HTML report",
        f"  {run}pytest                                 tests with the http / fresh_server "
        "fixtures",
    ]
    return "\n".join(lines)
