"""Behave glue: a live server per scenario, feature or run, and a fresh HTTP session per scenario.

This is the only module of the kit (with the step modules) that imports behave. A project's
``environment.py`` can take the hooks as they are::

    from behave_live.bdd.hooks import (  # noqa: F401
        after_all, before_all, before_scenario, before_tag,
    )

or call the three ``setup_*`` functions from hooks of its own::

    from behave_live.bdd.hooks import setup_scenario, setup_tag, setup_test_run

    def before_all(context):
        setup_test_run(context)

    def before_tag(context, tag):
        setup_tag(context, tag)

    def before_scenario(context, scenario):
        setup_scenario(context)

A project with an ``after_all`` of its own calls
:func:`behave_live.bdd.undefined_steps.suggest_undefined_steps` from it, for the "did you
mean" help on undefined steps.

Cleanup is registered with behave's fixture mechanism, so servers stop and sessions close
when their scope ends, whatever the outcome - no ``after_*`` hook is needed.

What the hooks set up is ``context.live`` (:class:`~behave_live.bdd.live_context.LiveContext`:
settings, servers, report, and the scenario's server, base URL, session and variables), with
the public shortcuts ``context.http``, ``context.base_url``, ``context.variables`` and
``context.server`` for steps.

Server scope, from most to least specific: a scenario tag, a feature tag
(``@fixture.server.per_scenario``, ``@fixture.server.per_feature``, ``@fixture.server.per_run``),
then ``server_scope`` in userdata (default ``scenario``).
"""

from __future__ import annotations

import gc
from collections.abc import Callable, Iterator
from typing import Any

from behave import fixture, use_fixture

from behave_live.bdd.crash_check import EXPECT_SERVER_ERROR_TAG, ServerErrorWatch
from behave_live.bdd.live_context import LiveContext
from behave_live.bdd.report import ReportAttachments
from behave_live.bdd.undefined_steps import suggest_undefined_steps
from behave_live.errors import KitError, UnhandledServerError
from behave_live.http.exchange import Exchange
from behave_live.http.session import HttpSession
from behave_live.inputs.variables import Variables
from behave_live.server.live_server import UvicornTestServer
from behave_live.server.pool import LiveServers
from behave_live.settings import SERVER_SCOPES, KitSettings, ServerScope, user_variables

__all__ = [
    "SCOPE_TAGS",
    "after_all",
    "before_all",
    "before_scenario",
    "before_tag",
    "describe_servers",
    "http_session",
    "live_server",
    "live_server_pool",
    "planned_servers",
    "scope_of",
    "setup_scenario",
    "setup_tag",
    "setup_test_run",
]

_TAG_PREFIX = "fixture.server."
SCOPE_TAGS: dict[str, ServerScope] = {f"{_TAG_PREFIX}per_{scope}": scope for scope in SERVER_SCOPES}

Context = Any  # behave.runner.Context: behave ships no type information


def setup_test_run(context: Context) -> None:
    """Read the kit's settings from userdata and prepare the server pool (``before_all``).

    Makes ``context.live`` (see :class:`LiveContext`). A bad setting raises
    :class:`SettingsError`: behave prints its message (without a traceback unless run
    with ``--verbose``) and aborts the run with a non-zero exit.
    """
    userdata = context.config.userdata
    settings = KitSettings.from_userdata(userdata)
    if settings.gc_freeze:
        # Features, steps and modules live as long as the run: taken out of the garbage
        # collector's sight, they no longer make each full collection slow. (Servers,
        # apps and event loops leave cyclic garbage behind, so full collections do come.)
        gc.freeze()
    servers = use_fixture(live_server_pool, context, settings)
    context.live = LiveContext(
        settings=settings,
        servers=servers,
        report=ReportAttachments.for_runner(getattr(context, "_runner", None)),
        userdata_variables=user_variables(userdata),
    )
    planned = planned_servers(context, settings.server_scope)
    if sum(planned.values()) > 1:
        servers.check_isolation(describe_servers(planned))  # here, before behave captures output


@fixture  # type: ignore[untyped-decorator]
def live_server_pool(context: Context, settings: KitSettings) -> Iterator[LiveServers]:
    """The run's :class:`LiveServers`; whatever still runs stops at the end of the run."""
    servers = LiveServers(settings)
    try:
        yield servers
    finally:
        servers.close()


def setup_tag(context: Context, tag: str) -> None:
    """Check a ``@fixture.server.*`` tag (``before_tag``); other tags are left alone.

    The scope a tag chooses is applied per scenario (see :func:`scope_of`).
    """
    if tag.startswith(_TAG_PREFIX) and tag not in SCOPE_TAGS:
        raise KitError(
            f"Unknown server tag @{tag}. Use one of "
            f"{', '.join('@' + known for known in SCOPE_TAGS)}."
        )


def scope_of(scenario: Any, default: ServerScope) -> ServerScope:
    """The server scope of ``scenario``: its tag, else its rule's or feature's, else ``default``.

    On one entity with several scope tags the last one wins.
    """
    entity = scenario
    while entity is not None:
        scopes = [SCOPE_TAGS[tag] for tag in entity.tags if tag in SCOPE_TAGS]
        if scopes:
            return scopes[-1]
        entity = _enclosing(entity)
    return default


def _enclosing(entity: Any) -> Any:
    parent = getattr(entity, "parent", None)
    if parent is not None:
        return parent
    # behave before 1.2.7 knows no parents: a scenario's container is its feature.
    feature = getattr(entity, "feature", None)
    return feature if feature is not entity else None


def planned_servers(context: Context, default: ServerScope) -> dict[ServerScope, int]:
    """How many servers of each scope the run will start (the scenarios behave will run).

    Without the runner's features (a hand-made context) it assumes the worst: more than
    one server unless the whole run shares one.
    """
    features = getattr(getattr(context, "_runner", None), "features", None)
    if features is None:
        return {default: 1 if default == "run" else 2}
    planned: dict[ServerScope, int] = dict.fromkeys(SERVER_SCOPES, 0)
    for feature in features:
        shared: set[ServerScope] = set()
        for scenario in feature.walk_scenarios():
            if not scenario.should_run(context.config):
                continue
            scope = scope_of(scenario, default)
            if scope == "scenario":
                planned["scenario"] += 1
            else:
                shared.add(scope)
        planned["feature"] += "feature" in shared
        planned["run"] = max(planned["run"], int("run" in shared))
    return planned


def describe_servers(planned: dict[ServerScope, int]) -> str:
    """The planned servers in words: "a fresh one per scenario, one per feature"."""
    words = {"scenario": "a fresh one per scenario", "feature": "one per feature"}
    words["run"] = "one for the run"
    return ", ".join(words[scope] for scope in SERVER_SCOPES if planned.get(scope))


def setup_scenario(context: Context) -> None:
    """Give the scenario its server and a fresh HTTP session (``before_scenario``)."""
    base_url = use_fixture(live_server, context)
    use_fixture(http_session, context, base_url)


@fixture  # type: ignore[untyped-decorator]
def live_server(context: Context) -> Iterator[str]:
    """Provide ``context.server`` and ``context.base_url`` for the current scenario.

    A per-scenario server stops when the scenario ends; a shared one when its feature or the
    run ends. With ``base_url`` in userdata no server starts: the scenario talks to that URL.
    """
    live: LiveContext = context.live
    settings = live.settings
    live.server_scope = scope_of(context.scenario, settings.server_scope)
    requester = f"scenario {context.scenario.name!r} ({context.scenario.location})"
    try:
        if settings.base_url is not None:
            yield _use(context, None, settings.base_url)
            return
        if live.server_scope == "scenario":
            server = live.servers.fresh(requester)
            try:
                yield _use(context, server, server.base_url)
            finally:
                server.stop()
            return
        layer = "testrun" if live.server_scope == "run" else "feature"
        feature = context.feature
        key = "run" if live.server_scope == "run" else f"feature:{feature.filename}:{feature.line}"
        server = live.servers.shared(
            key, lambda stop: context.add_cleanup(stop, layer=layer), requester
        )
        yield _use(context, server, server.base_url)
    finally:
        live.server_scope = live.server = live.base_url = None


@fixture  # type: ignore[untyped-decorator]
def http_session(context: Context, base_url: str) -> Iterator[HttpSession]:
    """Provide ``context.http`` (and ``context.variables``) for this scenario only.

    Each exchange is attached to the HTML report, when one is being written. A request
    that makes the app raise an unhandled exception fails its step, unless the scenario is
    tagged ``@expect_server_error``.

    A fresh session per scenario means no cookies, auth or default headers leak from one
    scenario into the next, even when they share a server.
    """
    live: LiveContext = context.live
    session = HttpSession(base_url)
    context.http = live.http = session
    context.variables = live.variables = Variables(live.userdata_variables)
    if live.report.enabled:
        session.exchange_listeners.append(live.report.attach_exchange)
    server = live.server
    if server is not None and EXPECT_SERVER_ERROR_TAG not in context.scenario.effective_tags:
        session.exchange_listeners.append(
            _server_error_check(ServerErrorWatch(server), live.report)
        )
    try:
        yield session
    finally:
        session.close()
        live.http = live.variables = None


def _server_error_check(
    watch: ServerErrorWatch, report: ReportAttachments
) -> Callable[[Exchange], None]:
    """Fail the step whose request made the app crash, with the traceback in the report."""

    def check(exchange: Exchange) -> None:
        try:
            watch.check(exchange)
        except UnhandledServerError as failure:
            tracebacks = "\n\n".join(error.traceback for error in failure.errors)
            report.attach_text("Server traceback", tracebacks)
            raise

    return check


def _use(context: Context, server: UvicornTestServer | None, base_url: str) -> str:
    context.server = context.live.server = server
    context.base_url = context.live.base_url = base_url
    return base_url


def before_all(context: Context) -> None:
    """The ``before_all`` hook: read the settings, prepare the servers."""
    setup_test_run(context)


def before_tag(context: Context, tag: str) -> None:
    """The ``before_tag`` hook: apply ``@fixture.server.per_*`` tags."""
    setup_tag(context, tag)


def before_scenario(context: Context, scenario: Any) -> None:
    """The ``before_scenario`` hook: give the scenario its server and HTTP session."""
    setup_scenario(context)


def after_all(context: Context) -> None:
    """The ``after_all`` hook: name the closest existing steps for each undefined step."""
    suggest_undefined_steps(context)
