"""A small order service laid out as FastAPI services usually are, for bench_isolation.py.

Five modules, a module-level ``app`` object in ``main`` (and a ``create_app`` factory next to
it), in-memory state in ``store``: re-importing it costs what a real service's own code costs.
"""
