"""A service written the way most are: a module-level app, and state kept in module globals.

Test data for the kit's isolation tests: a fresh server serving ``stateful_service.main:app``
shares ``store.visits`` with every other fresh server, unless the package is re-imported.
"""
