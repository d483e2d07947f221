"""Shared fixtures of the kit's own tests."""

# pytester runs pytest on throwaway projects: how the plugin is tested as users meet it.
pytest_plugins = ["pytester"]
