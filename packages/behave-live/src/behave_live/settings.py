"""The kit's settings, read from behave userdata ([tool.behave.userdata] or ``-D name=value``)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

from behave_live.errors import SettingsError

__all__ = ["ISOLATION_MODES", "SERVER_SCOPES", "Isolation", "KitSettings", "ServerScope"]

ServerScope = Literal["scenario", "feature", "run"]
SERVER_SCOPES: tuple[ServerScope, ...] = ("scenario", "feature", "run")
# What to do when fresh servers would share one app object (see server/isolation.py).
Isolation = Literal["warn", "reimport", "off"]
ISOLATION_MODES: tuple[Isolation, ...] = ("warn", "reimport", "off")


@dataclass(frozen=True)
class KitSettings:
    """What the behave glue needs to know: which app, which server scope, which address.

    ``base_url`` set means "test a server that already runs there" (a deployed service):
    then no server is started and ``app`` is ignored.
    """

    app: str | None = None
    server_scope: ServerScope = "scenario"
    host: str = "127.0.0.1"
    base_url: str | None = None
    startup_timeout: float = 5.0
    shutdown_timeout: float = 5.0
    freeze_startup_objects: bool = True
    isolation: Isolation = "warn"

    @classmethod
    def from_userdata(cls, userdata: Mapping[str, str]) -> KitSettings:
        """Read the settings from behave's userdata, with a clear error for bad values."""
        scope = userdata.get("server_scope", "scenario").strip().lower()
        if scope not in SERVER_SCOPES:
            raise SettingsError(
                f"Unknown server_scope {scope!r} in behave userdata. Use one of "
                f"{', '.join(SERVER_SCOPES)}: set it in [tool.behave.userdata] of "
                "pyproject.toml, or on the command line with -D server_scope=feature."
            )
        isolation = userdata.get("isolation", "warn").strip().lower()
        if isolation not in ISOLATION_MODES:
            raise SettingsError(
                f"Unknown isolation {isolation!r} in behave userdata. Use one of "
                f"{', '.join(ISOLATION_MODES)}: for example -D isolation=reimport."
            )
        settings = cls(
            app=userdata.get("app") or None,
            server_scope=scope,
            host=userdata.get("host", "127.0.0.1"),
            base_url=userdata.get("base_url") or None,
            startup_timeout=_seconds(userdata, "startup_timeout", 5.0),
            shutdown_timeout=_seconds(userdata, "shutdown_timeout", 5.0),
            freeze_startup_objects=_flag(userdata, "gc_freeze", default=True),
            isolation=isolation,
        )
        if settings.app is None and settings.base_url is None:
            raise SettingsError(
                "No app to test: set app = 'package.module:attribute' (an ASGI app or a "
                "factory) in [tool.behave.userdata] of pyproject.toml, or -D app=..., or "
                "point the features at a running server with -D base_url=https://..."
            )
        return settings


def _flag(userdata: Mapping[str, str], name: str, *, default: bool) -> bool:
    raw = str(userdata.get(name, "")).strip().lower()
    if raw == "":
        return default
    if raw in ("true", "yes", "on", "1"):
        return True
    if raw in ("false", "no", "off", "0"):
        return False
    raise SettingsError(
        f"Userdata {name}={raw!r} is not a yes/no value; use -D {name}=true or -D {name}=false."
    )


def _seconds(userdata: Mapping[str, str], name: str, default: float) -> float:
    raw = userdata.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if value <= 0:
        raise SettingsError(
            f"Userdata {name}={raw!r} is not a positive number of seconds; "
            f"use for example -D {name}={default}."
        )
    return value
