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
when their scope ends, whatever the outcome - no ``after_*`` hook is needed. That cleanup is
also where a scenario fails for what its app did after the steps (a crash in a background
task, a failing lifespan shutdown, an app still busy): see
:mod:`behave_live.bdd.late_failures`.

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

from behave_live.bdd.contract_check import NO_CONTRACT_TAG, ContractCheck
from behave_live.bdd.crash_check import EXPECT_SERVER_ERROR_TAG, ServerErrorWatch, describe_late
from behave_live.bdd.failed_server_hold import FailedServerHold
from behave_live.bdd.interruption import handle_interruptions, mark_report_interrupted
from behave_live.bdd.late_failures import (
    fail_after_steps,
    fail_finished_scenario,
    print_cleanup_failure,
)
from behave_live.bdd.live_context import LiveContext, new_session
from behave_live.bdd.report import ReportAttachments
from behave_live.bdd.shards import keep_shard
from behave_live.bdd.undefined_steps import suggest_undefined_steps
from behave_live.contract import ContractProvider
from behave_live.errors import CheckFailed, KitError, RequestFailedError, UnhandledServerError
from behave_live.http.exchange import Exchange
from behave_live.http.session import HttpSession
from behave_live.inputs.variables import Variables
from behave_live.secrets import SecretValues
from behave_live.server.exposure import warn_if_host_exposed
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

    SIGINT and SIGTERM then end the run cleanly (see :mod:`behave_live.bdd.interruption`).
    """
    handle_interruptions(context)
    # Registered first, so it runs last of the run's cleanups: after the servers stopped.
    context.add_cleanup(mark_report_interrupted, context)
    userdata = context.config.userdata
    settings = KitSettings.from_userdata(userdata)
    if settings.shard is not None:  # -D shard=2/4: only this shard's scenarios run
        keep_shard(
            getattr(context, "_runner", None),
            settings.shard,
            settings.shard_durations,
            lambda scenario: scope_of(scenario, settings.server_scope) != "scenario",
        )
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
        failed_server_hold=FailedServerHold(settings.keep_failed_server),
        # A document file is read here: a bad path or document ends the run before it starts.
        contracts=(
            ContractProvider(settings.openapi, settings.openapi_url)
            if settings.openapi is not None
            else None
        ),
    )
    # A scenario that fails in a cleanup (after its steps) shows the kit's message.
    context.on_cleanup_error = print_cleanup_failure
    planned = planned_servers(context, settings.server_scope)
    if sum(planned.values()) > 1:
        servers.check_isolation(describe_servers(planned))  # here, before behave captures output
    if settings.base_url is None:
        warn_if_host_exposed(settings.host)  # here too: a bind beyond loopback, said once


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

    When the scenario ends, whatever the app did wrong after the steps fails it: a crash
    recorded late (a background task, lifespan shutdown, a stop that found the app busy or
    blocking its loop) or, on a shared server, an app still busy after ``shutdown_timeout``.
    What a shared server records while it stops fails the last scenario that used it (a
    feature's server) or the run (the run's server).
    """
    live: LiveContext = context.live
    settings = live.settings
    scenario = context.scenario
    live.server_scope = scope_of(scenario, settings.server_scope)
    requester = f"scenario {scenario.name!r} ({scenario.location})"
    expected = EXPECT_SERVER_ERROR_TAG in scenario.effective_tags
    try:
        if settings.base_url is not None:
            yield _use(context, None, settings.base_url)
            return
        if live.server_scope == "scenario":
            # The scenario's session is made while the server starts (see http_session).
            server = live.servers.fresh(requester, meanwhile=live.prepare_session)
            watch = live.crash_watch = ServerErrorWatch(server, expected=expected)
            try:
                yield _use(context, server, server.base_url)
                _hold_if_failed(context, server)
            finally:
                server.stop()
            _fail_late(scenario, watch, stopped=True, idle_timeout=settings.shutdown_timeout)
            return
        layer = "testrun" if live.server_scope == "run" else "feature"
        feature = context.feature
        key = "run" if live.server_scope == "run" else f"feature:{feature.filename}:{feature.line}"
        started: list[UvicornTestServer] = []

        def register_stop(stop: Callable[[], None]) -> None:
            context.add_cleanup(lambda: _stop_shared(live, key, stop, started, layer), layer=layer)

        server = live.servers.shared(key, register_stop, requester)
        started.append(server)
        live.last_scenario_on[key] = scenario
        watch = live.crash_watch = ServerErrorWatch(server, expected=expected)
        yield _use(context, server, server.base_url)
        _hold_if_failed(context, server)
        _fail_late(scenario, watch, stopped=False, idle_timeout=settings.shutdown_timeout)
    finally:
        live.server_scope = live.server = live.base_url = live.crash_watch = None
        live.discard_prepared_session()  # a start that failed after making it


def _fail_late(
    scenario: Any, watch: ServerErrorWatch, *, stopped: bool, idle_timeout: float
) -> None:
    try:
        watch.check_scenario_end(stopped=stopped, idle_timeout=idle_timeout)
    except CheckFailed as failure:
        fail_after_steps(scenario, failure)


def _stop_shared(
    live: LiveContext,
    key: str,
    stop: Callable[[], None],
    started: list[UvicornTestServer],
    layer: str,
) -> None:
    """Stop a shared server; what it recorded meanwhile fails its last scenario, or the run."""
    stop()
    errors = started[0].take_unhandled_errors() if started else []
    last_scenario = live.last_scenario_on.pop(key, None)
    if not errors:
        return
    failure = UnhandledServerError(describe_late(errors), errors)
    if layer == "feature" and last_scenario is not None:
        fail_finished_scenario(last_scenario, failure)
    raise failure


def _hold_if_failed(context: Context, server: UvicornTestServer) -> None:
    """With ``keep_failed_server``, wait for Enter before a failed scenario's server goes."""
    scenario = context.scenario
    hold = context.live.failed_server_hold
    # Off (the default), a failed scenario costs nothing here: no curl line is built.
    if hold.enabled and getattr(scenario.status, "name", "") in {"failed", "error"}:
        http = getattr(context, "http", None)
        exchanges = getattr(http, "exchanges", None)
        hold.hold(
            f"{scenario.name!r} ({scenario.location})",
            server.base_url,
            exchanges[-1].curl().line if exchanges else None,
        )


@fixture  # type: ignore[untyped-decorator]
def http_session(context: Context, base_url: str) -> Iterator[HttpSession]:
    """Provide ``context.http`` (and ``context.variables``) for this scenario only.

    Each exchange is attached to the HTML report, when one is being written. A request
    that makes the app raise an unhandled exception fails its step, unless the scenario is
    tagged ``@expect_server_error``.

    With the ``openapi`` setting, each exchange is checked against the service's OpenAPI
    document, unless the scenario (or its feature) is tagged ``@no_contract``.

    A fresh session per scenario means no cookies, auth or default headers leak from one
    scenario into the next, even when they share a server.
    """
    live: LiveContext = context.live
    session = live.take_prepared_session(base_url) or new_session(
        base_url, embedded=live.server is not None
    )
    secrets = session.secrets  # one registry: what the variables learn, the session hides
    context.http = live.http = session
    context.variables = live.variables = Variables(
        live.userdata_variables, secrets, remembered=live.remembered_secrets
    )
    if live.report.enabled:
        session.exchange_listeners.append(live.report.attach_exchange)
    watch = live.crash_watch
    if watch is not None:
        session.exchange_listeners.append(_server_error_check(watch, live.report, secrets))
        session.failure_listeners.append(_failed_request_check(watch, live.report, secrets))
    if live.contracts is not None:
        # After the crash check: a request that crashed the app fails for the crash.
        enabled = NO_CONTRACT_TAG not in context.scenario.effective_tags
        live.contract_check = ContractCheck(live.contracts, base_url, enabled=enabled)
        session.exchange_listeners.append(live.contract_check)
    try:
        yield session
    finally:
        session.close()
        live.http = live.variables = live.contract_check = None


def _server_error_check(
    watch: ServerErrorWatch, report: ReportAttachments, secrets: SecretValues
) -> Callable[[Exchange], None]:
    """Fail the step whose request made the app crash, with the traceback in the report."""

    def check(exchange: Exchange) -> None:
        try:
            watch.check(exchange)
        except UnhandledServerError as failure:
            _attach_tracebacks(report, failure, secrets)
            raise

    return check


def _failed_request_check(
    watch: ServerErrorWatch, report: ReportAttachments, secrets: SecretValues
) -> Callable[[RequestFailedError], None]:
    """A request got no complete response: attach and raise the server's record of why."""

    def check(failure: RequestFailedError) -> None:
        try:
            watch.check_failed_request(failure)
        except UnhandledServerError as crash:
            _attach_tracebacks(report, crash, secrets)
            raise
        except RequestFailedError as busy:
            report.attach_text("Request failed", secrets.mask(str(busy)))
            raise

    return check


def _attach_tracebacks(
    report: ReportAttachments, failure: UnhandledServerError, secrets: SecretValues
) -> None:
    tracebacks = "\n\n".join(error.traceback for error in failure.errors)
    report.attach_text("Server traceback", secrets.mask(tracebacks))


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
