"""``context.live``: everything the kit keeps on behave's context, in one documented object."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from behave_live.bdd.contract_check import ContractCheck
from behave_live.bdd.crash_check import ServerErrorWatch
from behave_live.bdd.failed_server_hold import FailedServerHold
from behave_live.bdd.report import ReportAttachments
from behave_live.contract import ContractProvider
from behave_live.http.session import HttpSession
from behave_live.inputs.variables import Variables
from behave_live.secrets import SecretValues
from behave_live.server.live_server import UvicornTestServer
from behave_live.server.pool import LiveServers
from behave_live.settings import KitSettings, ServerScope
from behave_live.streams import StreamConnections

__all__ = ["LiveContext", "new_session"]


def new_session(base_url: str, *, embedded: bool) -> HttpSession:
    """A scenario's HTTP session for ``base_url``, with a secrets registry of its own.

    ``embedded``: the URL is the kit's own server, on loopback. No proxy from the
    environment may stand in between then, and looking one up costs every request ~0.2
    ms; a deployed ``base_url`` keeps the environment's proxies and certificates.
    """
    session = HttpSession(base_url, secrets=SecretValues())
    if embedded:
        session.trust_env = False
    return session


@dataclass
class LiveContext:
    """What the kit's hooks set up, as ``context.live`` (made in ``before_all``).

    For the whole run:

    - ``settings``: the :class:`~behave_live.settings.KitSettings` read from userdata.
    - ``servers``: the :class:`~behave_live.server.pool.LiveServers` that start, share and
      stop the test servers.
    - ``report``: where exchanges and tracebacks are attached when an HTML report is written.
    - ``userdata_variables``: the user's own userdata values, ``${name}`` in scenarios (kit
      settings are not among them).
    - ``failed_server_hold``: keeps a failed scenario's server up for a replay
      (``keep_failed_server``).
    - ``contracts``: the :class:`~behave_live.contract.ContractProvider` of the ``openapi``
      setting, or None when the contract check is off.
    - ``remembered_secrets``: the secrets read with ``${env:NAME}`` so far; every later
      scenario hides them from its start.

    For the current scenario (None between scenarios):

    - ``server_scope``: the scope in force (tag, else the ``server_scope`` setting).
    - ``server``: the :class:`~behave_live.server.live_server.UvicornTestServer` it talks
      to, or None with ``base_url`` set in userdata (a server that already runs).
    - ``base_url``: the root URL requests go to.
    - ``http``: the scenario's :class:`~behave_live.http.session.HttpSession`.
    - ``variables``: the scenario's :class:`~behave_live.inputs.variables.Variables`.
    - ``crash_watch``: the :class:`~behave_live.bdd.crash_check.ServerErrorWatch` that fails
      the scenario for its server's unhandled errors (None without a server).
    - ``contract_check``: the :class:`~behave_live.bdd.contract_check.ContractCheck` of
      the scenario's exchanges (None without the ``openapi`` setting).
    - ``streams``: the scenario's :class:`~behave_live.streams.StreamConnections`
      (WebSockets, events read), made by the first stream step and closed at its end
      (see :mod:`behave_live.bdd.stream_connections`).

    And ``last_scenario_on``: for each shared server (by key), the last scenario that used
    it, which fails for what the server records while it stops.

    Steps use the public shortcuts ``context.http``, ``context.base_url``,
    ``context.variables`` and ``context.server``, which behave drops when the scenario ends.
    """

    settings: KitSettings
    servers: LiveServers
    report: ReportAttachments
    userdata_variables: Mapping[str, object] = field(default_factory=dict)
    failed_server_hold: FailedServerHold = field(default_factory=lambda: FailedServerHold(False))
    contracts: ContractProvider | None = None
    # Secrets read from the environment so far: every later scenario hides them too.
    remembered_secrets: SecretValues = field(default_factory=SecretValues)
    server_scope: ServerScope | None = None
    server: UvicornTestServer | None = None
    base_url: str | None = None
    http: HttpSession | None = None
    variables: Variables | None = None
    crash_watch: ServerErrorWatch | None = None
    contract_check: ContractCheck | None = None
    streams: StreamConnections | None = None
    last_scenario_on: dict[str, Any] = field(default_factory=dict)
    # The next scenario's session, made while its fresh server started.
    _prepared_session: HttpSession | None = field(default=None, init=False, repr=False)

    def prepare_session(self, base_url: str) -> None:
        """Make the session for a server at ``base_url`` now (while it starts), for later."""
        self.discard_prepared_session()
        self._prepared_session = new_session(base_url, embedded=True)

    def take_prepared_session(self, base_url: str) -> HttpSession | None:
        """The session :meth:`prepare_session` made for ``base_url``, handed out once."""
        session, self._prepared_session = self._prepared_session, None
        if session is not None and session.base_url != base_url.rstrip("/"):
            session.close()
            return None
        return session

    def discard_prepared_session(self) -> None:
        """Close a prepared session nobody took (its server failed to start)."""
        session, self._prepared_session = self._prepared_session, None
        if session is not None:
            session.close()
