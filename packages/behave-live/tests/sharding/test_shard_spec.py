"""Reading ``INDEX/TOTAL``: the shard setting and the commands' argument."""

from __future__ import annotations

import pytest

from behave_live.errors import SettingsError
from behave_live.settings import KitSettings
from behave_live.sharding.spec import ShardSpec


def test_a_shard_is_read_with_spaces_allowed() -> None:
    assert ShardSpec.parse(" 2 / 4 ") == ShardSpec(2, 4)
    assert str(ShardSpec(2, 4)) == "2/4"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("2", "is not a shard: write INDEX/TOTAL, such as 2/4 for the second of four (got '2')"),
        ("0/4", "names shard 0 of 4: the index counts from 1 up to the total (1/4 ... 4/4)"),
        ("5/4", "names shard 5 of 4: the index counts from 1 up to the total (1/4 ... 4/4)"),
    ],
)
def test_a_malformed_shard_says_how_to_write_it(text: str, reason: str) -> None:
    with pytest.raises(ValueError, match="shard") as raised:
        ShardSpec.parse(text)
    assert str(raised.value) == reason


def test_the_shard_setting_comes_from_userdata() -> None:
    settings = KitSettings.from_userdata(
        {"app": "a:b", "shard": "3/8", "shard_durations": "reports/junit"}
    )

    assert settings.shard == ShardSpec(3, 8)
    assert settings.shard_durations == "reports/junit"
    assert KitSettings.from_userdata({"app": "a:b"}).shard is None


def test_a_bad_shard_setting_names_the_fix() -> None:
    with pytest.raises(SettingsError) as raised:
        KitSettings.from_userdata({"app": "a:b", "shard": "4"})
    assert str(raised.value) == (
        "shard='4' in behave userdata (from -D or [tool.behave.userdata]) is not a shard: "
        "write INDEX/TOTAL, such as 2/4 for the second of four (got '4'). Write for example "
        "-D shard=2/4."
    )
