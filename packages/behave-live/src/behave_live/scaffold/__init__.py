"""``behave-live init``: set a project up to test its app with the kit, without guessing.

Modules: ``app_target`` (parse and import ``--app``), ``routes`` (GET routes of a
Starlette/FastAPI app), ``smoke_check`` (ask a live server which route answers),
``pyproject`` (add the kit's settings to pyproject.toml without touching the rest),
``templates`` (the files' text), ``project`` (plan, write, report).
"""
