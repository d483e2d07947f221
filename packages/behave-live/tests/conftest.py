"""Shared fixtures of the kit's own tests."""
