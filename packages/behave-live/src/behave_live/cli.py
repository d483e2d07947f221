"""The ``behave-live`` command: ``behave-live init --app package.module:app``."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from behave_live.errors import ScaffoldError
from behave_live.scaffold.app_target import parse_app_target
from behave_live.scaffold.project import InitReport, init_project

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


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 ok, 1 failed, 2 bad usage)."""
    parser = _parser()
    arguments = parser.parse_args(argv)
    if arguments.command is None:
        parser.print_help()
        return 2
    try:
        target = parse_app_target(arguments.app)
        project_dir: Path = arguments.dir
        report = init_project(project_dir, target)
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
        "--dir",
        type=Path,
        default=Path(),
        metavar="PATH",
        help="the project directory, where the app's package is importable (default: .)",
    )
    return parser


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
    lines += [
        "",
        "Next:",
        "  behave                                 run the features",
        "  behave -f html-pretty -o report.html   the same, with an HTML report",
        "  pytest                                 tests with the http / fresh_server fixtures",
    ]
    return "\n".join(lines)
