"""The kit's settings: one table, read from behave userdata and from pytest ini options alike.

:data:`SETTINGS` is the only list of settings. Parsing, validation, the pytest ``addini``
declarations and the README's table of settings all come from it, so a new setting is one
entry here plus a field of :class:`KitSettings` (a test checks that the two agree).

Where settings come from:

- behave: ``[tool.behave.userdata]`` and ``-D name=value``, read by
  :meth:`KitSettings.from_userdata`. Userdata also carries the user's own variables (the
  rule is in :func:`classify`): every key that is not a setting, ``uvicorn.*`` or
  ``behave.*`` is a variable, ``${name}`` in scenarios; ``var.name`` is always a variable.
- pytest: ini options ``behave_live_<name>`` (plus ``behave_live_uvicorn`` lines
  ``option=value``), read by the pytest plugin through :meth:`KitSettings.read`.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Generic, Literal, TypeVar

from behave_live import _setting_values as values
from behave_live._missing_app import no_app_message
from behave_live._uvicorn_options import PREFIX as UVICORN_PREFIX
from behave_live._uvicorn_options import UnknownOption, example_value, read_option
from behave_live.errors import SettingsError
from behave_live.sharding.spec import ShardSpec

__all__ = [
    "BEHAVE_PREFIX",
    "BEHAVE_USERDATA",
    "ISOLATION_MODES",
    "LIFESPAN_MODES",
    "PYTEST_INI",
    "SERVER_SCOPES",
    "SETTINGS",
    "UVICORN_PREFIX",
    "VARIABLE_PREFIX",
    "Isolation",
    "KitSettings",
    "LifespanMode",
    "ServerScope",
    "Setting",
    "SettingsSource",
    "classify",
    "unknown_ini_option_message",
    "user_variables",
]

ServerScope = Literal["scenario", "feature", "run"]
SERVER_SCOPES: tuple[ServerScope, ...] = ("scenario", "feature", "run")
LifespanMode = Literal["on", "off", "auto"]
LIFESPAN_MODES: tuple[LifespanMode, ...] = ("on", "off", "auto")
# What to do when several servers would serve one app object (see server/isolation.py).
Isolation = Literal["warn", "reimport", "off"]
ISOLATION_MODES: tuple[Isolation, ...] = ("warn", "reimport", "off")

#: Userdata keys of behave itself ("behave.formatter.html-pretty.title_string"): left alone.
BEHAVE_PREFIX = "behave."
#: A userdata key ``var.name`` is always the user's variable ``${name}``, never a setting.
VARIABLE_PREFIX = "var."

# How close a userdata key must be to a setting's name to be taken for a misspelling of it
# (difflib ratio): "lifespn", "startup_timout" and "server_scopes" are; "api", "token" are not.
_TYPO_CUTOFF = 0.8

_T = TypeVar("_T")


@dataclass(frozen=True)
class Setting(Generic[_T]):
    """One setting: its name, how its text is read, its default and what it does."""

    name: str
    parse: Callable[[str], _T]
    default: _T
    help: str
    #: A valid value, for error messages and the docs.
    example: str
    #: Also a pytest ini option (``behave_live_<name>``); behave-only otherwise.
    pytest: bool = False
    #: The default as the docs show it, when ``default`` alone would not say it.
    shown_default: str | None = None

    def describe_default(self) -> str:
        """The default in words, for the docs."""
        if self.shown_default is not None:
            return self.shown_default
        if self.default is None:
            return "(none)"
        if isinstance(self.default, bool):
            return "`true`" if self.default else "`false`"
        return f"`{self.default}`"


APP = Setting[str | None](
    "app",
    values.optional_text,
    None,
    "The app under test: `package.module:attribute`, naming an ASGI app or a factory.",
    "app:create_app",
    pytest=True,
)
APP_DIR = Setting[str](
    "app_dir",
    values.text,
    ".",
    "A directory put on `sys.path` (once, first) before the app is imported, like "
    "uvicorn's `--app-dir`; relative to the working directory.",
    "src",
    pytest=True,
)
SERVER_SCOPE = Setting[ServerScope](
    "server_scope",
    values.choice(SERVER_SCOPES),
    "scenario",
    "Which server a scenario talks to unless a tag says otherwise: a fresh one per "
    "`scenario`, one per `feature`, or one for the whole `run`.",
    "feature",
)
HOST = Setting[str](
    "host",
    values.text,
    "127.0.0.1",
    "The address test servers listen on: loopback, so nothing listens beyond this machine "
    "unless you say so.",
    "127.0.0.1",
    pytest=True,
)
BASE_URL = Setting[str | None](
    "base_url",
    values.optional_url,
    None,
    "Test a server that already runs there (a staging deployment, say): no server starts "
    "and `app` is ignored.",
    "https://staging.example.com",
)
STARTUP_TIMEOUT = Setting[float](
    "startup_timeout",
    values.seconds,
    5.0,
    "Seconds a server may take to start (lifespan startup included) before the scenario "
    "fails; at most 3600.",
    "5",
    pytest=True,
    shown_default="`5`",
)
SHUTDOWN_TIMEOUT = Setting[float](
    "shutdown_timeout",
    values.seconds,
    5.0,
    "Seconds in-flight requests get to finish when a server stops; at most 3600.",
    "5",
    pytest=True,
    shown_default="`5`",
)
LIFESPAN = Setting[LifespanMode](
    "lifespan",
    values.choice(LIFESPAN_MODES),
    "on",
    "The ASGI lifespan protocol: `on` (a failing startup fails loudly), `off` (for apps "
    "without lifespan support), or uvicorn's `auto`.",
    "off",
    pytest=True,
)
GC_FREEZE = Setting[bool](
    "gc_freeze",
    values.flag,
    True,
    "Freeze the objects that exist once features and steps are loaded out of the garbage "
    "collector's sight, so the garbage fresh servers leave does not make collections slow.",
    "false",
)
FEATURES_DIR = Setting[str | None](
    "features_dir",
    values.optional_text,
    None,
    "Where steps look for the files they name (`data/person.json`), relative to the "
    "working directory.",
    "features",
    shown_default="`features/` next to `steps/`",
)
ISOLATION = Setting[Isolation](
    "isolation",
    values.choice(ISOLATION_MODES),
    "warn",
    "When several servers of a run would serve one app object (`app = FastAPI()` at module "
    "level): `warn` once per run, `reimport` the app's own package for every server (an app "
    "or a factory: fresh module globals too), or `off`.",
    "reimport",
    pytest=True,
)
SHARD = Setting[ShardSpec | None](
    "shard",
    values.shard,
    None,
    "Run only shard `INDEX/TOTAL` of the selected scenarios (`2/4`: the second of four), "
    "split by the durations in `shard_durations`; every shard of a CI matrix gets its own.",
    "2/4",
    shown_default="(the whole suite)",
)
SHARD_DURATIONS = Setting[str | None](
    "shard_durations",
    values.optional_text,
    None,
    "JUnit XML of an earlier run (a folder or file) whose durations balance the shards; "
    "without it, or before the first run, shards get equal numbers of scenarios.",
    "reports/junit",
)
STREAM_TIMEOUT = Setting[float](
    "stream_timeout",
    values.seconds,
    5.0,
    "Seconds a step waits for a WebSocket to open, for its next message or its close, and "
    "for server-sent events, before it fails; at most 3600.",
    "10",
    shown_default="`5`",
)
KEEP_FAILED_SERVER = Setting[bool](
    "keep_failed_server",
    values.flag,
    False,
    "Keep a failed scenario's server running, and say its URL, until Enter is pressed: the "
    "failure's curl line then replays against it. Ignored (with a note) when `CI` is set or "
    "stdin is not a terminal.",
    "true",
)
SPEC_FOR_READERS = Setting[tuple[str, ...]](
    "spec_for_readers",
    values.paths,
    (),
    "The specification view (`-f spec`): the feature folders or files, separated by commas, "
    'that readers get; every other feature that ran goes under "For developers".',
    "features/board",
    shown_default="(every feature)",
)
SPEC_GLOSSARY = Setting[tuple[str, ...]](
    "spec_glossary",
    values.paths,
    (),
    "The specification view's glossaries (Markdown, one `## Term` per word), separated by "
    "commas; without it, a `glossary.md` beside the features that ran is used.",
    "features/board/glossary.md",
    shown_default="(found beside the features)",
)
SPEC_TITLE = Setting[str](
    "spec_title",
    values.text,
    "Specification",
    "The title of the specification view's page.",
    "Task board: specification",
)
OPENAPI = Setting[str | None](
    "openapi",
    values.optional_text,
    None,
    "Check every request and response against the service's OpenAPI document: a YAML or "
    "JSON file (relative to the working directory), or `app` for the document the app "
    "serves at `openapi_url`. Needs the `openapi` extra.",
    "app",
    pytest=True,
    shown_default="(no check)",
)
OPENAPI_URL = Setting[str](
    "openapi_url",
    values.url_path,
    "/openapi.json",
    "Where the app serves its OpenAPI document, for `openapi = app` (FastAPI's default).",
    "/api/openapi.json",
    pytest=True,
)

#: Every setting, in the order the docs list them.
SETTINGS: tuple[Setting[Any], ...] = (
    APP,
    APP_DIR,
    SERVER_SCOPE,
    HOST,
    BASE_URL,
    STARTUP_TIMEOUT,
    SHUTDOWN_TIMEOUT,
    LIFESPAN,
    ISOLATION,
    GC_FREEZE,
    FEATURES_DIR,
    STREAM_TIMEOUT,
    SHARD,
    SHARD_DURATIONS,
    KEEP_FAILED_SERVER,
    SPEC_FOR_READERS,
    SPEC_GLOSSARY,
    SPEC_TITLE,
    OPENAPI,
    OPENAPI_URL,
)
_BY_NAME: dict[str, Setting[Any]] = {setting.name: setting for setting in SETTINGS}


@dataclass(frozen=True)
class SettingsSource:
    """Where settings were read from, so that messages use the user's own spelling."""

    #: Said after a value: "in behave userdata (from -D or [tool.behave.userdata])".
    where: str
    #: How one assignment is written, with {name} and {value}.
    assignment: str
    #: What a setting's name becomes there (pytest ini options have a prefix).
    prefix: str = ""

    def key(self, name: str) -> str:
        """The setting ``name`` as the user writes it here."""
        return f"{self.prefix}{name}"

    def example(self, name: str, value: str) -> str:
        """An assignment the user can copy."""
        return self.assignment.format(name=self.key(name), value=value)


BEHAVE_USERDATA = SettingsSource(
    "behave userdata (from -D or [tool.behave.userdata])", "-D {name}={value}"
)
PYTEST_INI = SettingsSource(
    "the pytest ini options ([tool.pytest.ini_options] or -o)",
    '{name} = "{value}"',
    prefix="behave_live_",
)


@dataclass(frozen=True)
class KitSettings:
    """Every setting of the kit, typed; built from text by :meth:`read`.

    ``base_url`` set means "test a server that already runs there" (a deployed service):
    then no server is started and ``app`` is ignored. ``uvicorn_options`` go to
    ``uvicorn.Config`` unchanged (already of the types it declares).
    """

    app: str | None = APP.default
    app_dir: str = APP_DIR.default
    server_scope: ServerScope = SERVER_SCOPE.default
    host: str = HOST.default
    base_url: str | None = BASE_URL.default
    startup_timeout: float = STARTUP_TIMEOUT.default
    shutdown_timeout: float = SHUTDOWN_TIMEOUT.default
    lifespan: LifespanMode = LIFESPAN.default
    isolation: Isolation = ISOLATION.default
    gc_freeze: bool = GC_FREEZE.default
    features_dir: str | None = FEATURES_DIR.default
    stream_timeout: float = STREAM_TIMEOUT.default
    shard: ShardSpec | None = SHARD.default
    shard_durations: str | None = SHARD_DURATIONS.default
    keep_failed_server: bool = KEEP_FAILED_SERVER.default
    spec_for_readers: tuple[str, ...] = SPEC_FOR_READERS.default
    spec_glossary: tuple[str, ...] = SPEC_GLOSSARY.default
    spec_title: str = SPEC_TITLE.default
    openapi: str | None = OPENAPI.default
    openapi_url: str = OPENAPI_URL.default
    uvicorn_options: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def read(cls, raw: Mapping[str, object], source: SettingsSource) -> KitSettings:
        """Read settings from text: setting names and ``uvicorn.<option>`` keys only.

        A value is text (TOML numbers and booleans are read as their text); an empty
        value leaves the default. Raises :class:`SettingsError` naming the value, where it
        came from, and a value that would work.
        """
        chosen: dict[str, Any] = {}
        uvicorn_options: dict[str, Any] = {}
        for key, value in raw.items():
            text = _text_of(value)
            if key.startswith(UVICORN_PREFIX):
                uvicorn_options[key[len(UVICORN_PREFIX) :]] = _uvicorn_value(key, text, source)
            elif key in _BY_NAME:
                if text.strip():
                    chosen[key] = _value(_BY_NAME[key], text, source)
            else:
                raise SettingsError(_unknown_message(key, source, _suggestion(key) or None))
        return cls(**chosen, uvicorn_options=uvicorn_options)

    @classmethod
    def from_userdata(cls, userdata: Mapping[str, object]) -> KitSettings:
        """Read the settings from behave's userdata; every other key is a user variable.

        A key that looks like a misspelt setting ("lifespn") is an error, not a variable.
        An app (or a ``base_url``) is required.
        """
        settings = cls.read(classify(userdata, BEHAVE_USERDATA)[0], BEHAVE_USERDATA)
        if settings.app is None and settings.base_url is None:
            if "app" in userdata:  # given, but empty: -D app= overrides the file's
                raise SettingsError(
                    f"app is empty in {BEHAVE_USERDATA.where}: name the app under test, "
                    "app = 'package.module:attribute' (an ASGI app or a factory), or leave "
                    "out -D app= to use the one in [tool.behave.userdata]."
                )
            raise SettingsError(no_app_message())
        return settings


def classify(
    userdata: Mapping[str, object], source: SettingsSource = BEHAVE_USERDATA
) -> tuple[dict[str, object], dict[str, object]]:
    """Split userdata into (kit settings, user variables); behave's own keys go to neither.

    The rule: a setting's name or ``uvicorn.<option>`` is a kit setting; ``behave.*`` is
    behave's; ``var.<name>`` is the variable ``name``; any other key is a variable of the
    same name - unless it looks like a misspelt setting, which is a :class:`SettingsError`.
    """
    settings: dict[str, object] = {}
    variables: dict[str, object] = {}
    for key, value in _dotted_tables(userdata):
        if key.startswith(BEHAVE_PREFIX):
            continue
        if key.startswith(VARIABLE_PREFIX):
            variables[key[len(VARIABLE_PREFIX) :]] = value
        elif key in _BY_NAME or key.startswith(UVICORN_PREFIX):
            settings[key] = value
        elif suggestion := _suggestion(key):
            raise SettingsError(_unknown_message(key, source, suggestion))
        else:
            variables.setdefault(key, value)  # var.<key> wins over a plain <key>
    return settings, variables


def _dotted_tables(userdata: Mapping[str, object]) -> list[tuple[str, object]]:
    """Userdata's items, with ``var`` and ``uvicorn`` tables read as dotted keys.

    In TOML a bare dotted key is a table: ``var.region = "eu"`` under
    ``[tool.behave.userdata]`` arrives as ``{"var": {"region": "eu"}}``, and
    ``uvicorn.http = "h11"`` as ``{"uvicorn": {"http": "h11"}}``. Both mean what the
    quoted key means. Other tables stay whole: a variable may hold one.
    """
    items: list[tuple[str, object]] = []
    for key, value in userdata.items():
        table = key + "."
        if table in (VARIABLE_PREFIX, UVICORN_PREFIX) and isinstance(value, Mapping):
            items += [(table + str(name), inner) for name, inner in value.items()]
        else:
            items.append((key, value))
    return items


def user_variables(userdata: Mapping[str, object]) -> dict[str, object]:
    """The user's own variables in behave userdata (``${name}``), kit settings left out."""
    return classify(userdata)[1]


def setting_names() -> Iterable[str]:
    """The names of every setting, in the docs' order."""
    return (setting.name for setting in SETTINGS)


def unknown_ini_option_message(key: str) -> str:
    """The error for an undeclared pytest ini option ``behave_live_<name>``, with a did-you-mean.

    Uses the same suggestions as a misspelt userdata key, then says how the suggested
    setting is written in the ini file (uvicorn options are lines of ``behave_live_uvicorn``;
    some settings are behave's only).
    """
    suggestion = (
        _suggestion(key[len(PYTEST_INI.prefix) :]) if key.startswith(PYTEST_INI.prefix) else ""
    )
    uvicorn = PYTEST_INI.key("uvicorn")
    if suggestion.startswith(UVICORN_PREFIX):
        option = suggestion[len(UVICORN_PREFIX) :]
        meant = f": did you mean a line {option}=... of {uvicorn}?"
    elif suggestion and _BY_NAME[suggestion].pytest:
        meant = f": did you mean '{PYTEST_INI.key(suggestion)}'?"
    elif suggestion:
        meant = (
            f": '{suggestion}' is a behave setting only (in [tool.behave.userdata]), "
            "not read by the pytest fixtures."
        )
    else:
        meant = "."
    names = [PYTEST_INI.key(setting.name) for setting in SETTINGS if setting.pytest]
    return (
        f"Unknown setting '{key}' in {PYTEST_INI.where}{meant} "
        f"The settings are: {', '.join([*names, uvicorn])}."
    )


def _text_of(value: object) -> str:
    if isinstance(value, bool):  # TOML true/false
        return "true" if value else "false"
    return str(value)


def _value(setting: Setting[Any], text: str, source: SettingsSource) -> Any:
    try:
        return setting.parse(text)
    except values.BadValue as reason:
        raise SettingsError(
            f"{source.key(setting.name)}={text!r} in {source.where} {reason}. Write for "
            f"example {source.example(setting.name, setting.example)}."
        ) from None


def _uvicorn_value(key: str, text: str, source: SettingsSource) -> Any:
    option = key[len(UVICORN_PREFIX) :]
    try:
        return read_option(option, text)
    except UnknownOption as reason:
        raise SettingsError(f"{source.key(key)} in {source.where} {reason}.") from None
    except values.BadValue as reason:
        raise SettingsError(
            f"{source.key(key)}={text!r} in {source.where} {reason}, as uvicorn.Config wants "
            f"for {option}. Write for example {source.example(key, example_value(option))}."
        ) from None


def _suggestion(key: str) -> str:
    """The setting ``key`` looks like a misspelling of, or "" when it looks like none."""
    normal = key.strip().lower().replace("-", "_")
    if normal in _BY_NAME:  # "server-scope", "Lifespan"
        return normal
    for misspelt in ("uvicorn_", "uvicorn-"):  # "uvicorn_http" for "uvicorn.http"
        if key.lower().startswith(misspelt):
            return UVICORN_PREFIX + key[len(misspelt) :]
    head, dot, rest = key.partition(".")
    if dot and difflib.get_close_matches(head.lower(), ["uvicorn"], n=1, cutoff=_TYPO_CUTOFF):
        return UVICORN_PREFIX + rest  # "uvicron.http"
    close = difflib.get_close_matches(normal, list(_BY_NAME), n=1, cutoff=_TYPO_CUTOFF)
    return close[0] if close else ""


def _unknown_message(key: str, source: SettingsSource, suggestion: str | None) -> str:
    meant = f": did you mean '{suggestion}'?" if suggestion else "."
    message = f"Unknown setting '{key}' in {source.where}{meant}"
    if source is BEHAVE_USERDATA:
        message += (
            f" If it is a variable of your own, name it var.{key} (-D var.{key}=...; "
            f"scenarios still write ${{{key}}})."
        )
    return message + f" The settings are: {', '.join(setting_names())}, uvicorn.<option>."
