"""Flag: set, wait (with and without a timeout), clear, several waiters."""

from __future__ import annotations

import threading

from behave_live.server.flag import Flag


def test_a_new_flag_is_down_and_a_wait_times_out() -> None:
    flag = Flag()

    assert not flag.is_set()
    assert flag.wait(0.01) is False
    assert flag.wait(0) is False


def test_a_raised_flag_wakes_every_waiter_and_stays_up() -> None:
    flag = Flag()
    woken: list[bool] = []
    waiters = [threading.Thread(target=lambda: woken.append(flag.wait(10))) for _ in range(3)]
    for waiter in waiters:
        waiter.start()

    flag.set()
    for waiter in waiters:
        waiter.join(10)

    assert woken == [True, True, True]
    assert flag.is_set()
    assert flag.wait() is True


def test_raising_twice_is_harmless_and_clear_lowers_it_again() -> None:
    flag = Flag()
    flag.set()
    flag.set()

    flag.clear()
    flag.clear()

    assert not flag.is_set()
    assert flag.wait(0.01) is False
    flag.set()
    assert flag.wait(0.01) is True
