"""A test server bound beyond loopback warns, once per address, naming it and why."""

from __future__ import annotations

import warnings
from collections.abc import Iterator

import pytest

from behave_live.errors import ExposedServerWarning
from behave_live.server import exposure
from behave_live.server.listening_socket import bind_listening_socket

EVERY_INTERFACE = (
    "The test server listens on 0.0.0.0, every network interface of this machine: anyone on "
    "the network can reach the app under test, with whatever it allows in tests (open "
    "registration, echo endpoints, test credentials). Use host = '127.0.0.1' (the default) "
    "unless another machine must reach the server."
)


@pytest.fixture(autouse=True)
def nothing_warned_yet(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every test starts as a fresh process would: no address warned about."""
    monkeypatch.setattr(exposure, "_warned", set())


@pytest.fixture
def caught() -> Iterator[list[warnings.WarningMessage]]:
    """Every warning given in the test, none filtered out."""
    with warnings.catch_warnings(record=True) as records:
        warnings.simplefilter("always")
        yield records


@pytest.mark.parametrize(
    ("address", "exposed"),
    [
        ("127.0.0.1", False),
        ("127.0.0.2", False),
        ("::1", False),
        ("::ffff:127.0.0.1", False),
        ("0.0.0.0", True),
        ("::", True),
        ("192.168.1.5", True),
        ("10.0.0.7", True),
        ("fe80::1%eth0", True),
    ],
)
def test_only_loopback_addresses_are_private(address: str, exposed: bool) -> None:
    assert exposure.is_exposed(address) is exposed


def test_binding_every_interface_warns_naming_the_address_and_why(
    caught: list[warnings.WarningMessage],
) -> None:
    bind_listening_socket("0.0.0.0", 0).close()  # closed at once: nothing is served

    assert [(w.category, str(w.message)) for w in caught] == [
        (ExposedServerWarning, EVERY_INTERFACE)
    ]


def test_the_warning_is_given_once_per_address(caught: list[warnings.WarningMessage]) -> None:
    for _ in range(3):
        exposure.warn_if_exposed("0.0.0.0", "0.0.0.0")
    exposure.warn_if_exposed("192.168.1.5", "myhost.lan")

    assert [str(w.message) for w in caught] == [
        EVERY_INTERFACE,
        "The test server listens on 192.168.1.5 (host 'myhost.lan'), an address other machines "
        "can reach: anyone on the network can reach the app under test, with whatever it "
        "allows in tests (open registration, echo endpoints, test credentials). Use host = "
        "'127.0.0.1' (the default) unless another machine must reach the server.",
    ]


def test_loopback_binds_and_unresolvable_hosts_give_no_warning(
    caught: list[warnings.WarningMessage],
) -> None:
    bind_listening_socket("127.0.0.1", 0).close()
    exposure.warn_if_host_exposed("localhost")
    exposure.warn_if_host_exposed("no-such-host.invalid")

    assert caught == []


def test_a_host_is_resolved_before_binding(caught: list[warnings.WarningMessage]) -> None:
    exposure.warn_if_host_exposed("0.0.0.0")
    bind_listening_socket("0.0.0.0", 0).close()  # the same address: already said

    assert [str(w.message) for w in caught] == [EVERY_INTERFACE]
