"""``behave-live shard 2/4``: the locations of one shard's scenarios, planned as behave would run.

behave's own configuration reads the paths, tags and userdata (``[tool.behave]`` and the
arguments given), so the listing holds exactly the scenarios ``behave -D shard=2/4`` with
the same arguments would run.
"""

from __future__ import annotations

from collections.abc import Sequence

from behave.configuration import Configuration
from behave.exception import InvalidFilenameError
from behave.runner_util import collect_feature_locations, parse_features

from behave_live.bdd.hooks import scope_of
from behave_live.bdd.shards import ShardPlan, plan_shard, shard_locations
from behave_live.errors import ShardingError
from behave_live.settings import KitSettings
from behave_live.sharding.spec import ShardSpec

__all__ = ["list_shard"]


def list_shard(
    spec: ShardSpec, behave_args: Sequence[str], durations: str | None
) -> tuple[ShardPlan, list[str]]:
    """Plan shard ``spec`` of the run ``behave <behave_args>`` would make; its locations.

    ``durations`` (a JUnit folder or file) overrides ``shard_durations`` in userdata.
    """
    config = Configuration(command_args=list(behave_args))
    settings = KitSettings.from_userdata(config.userdata)
    try:
        locations = [
            location
            for location in collect_feature_locations(list(config.paths) or ["features"])
            if not config.exclude(location)
        ]
        features = parse_features(locations, language=config.lang)
    except (OSError, InvalidFilenameError) as error:
        raise ShardingError(
            f"Cannot read the features to split: {error!s} is no feature file or folder. "
            "Give the feature folders or "
            "files behave runs (or set paths in [tool.behave])."
        ) from None
    plan = plan_shard(
        features,
        config,
        spec,
        durations if durations is not None else settings.shard_durations,
        lambda scenario: scope_of(scenario, settings.server_scope) != "scenario",
    )
    return plan, shard_locations(plan, features, config)
