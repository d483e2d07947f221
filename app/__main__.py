"""Run the demo server: ``python -m app [--host 127.0.0.1] [--port 8000]``."""

from __future__ import annotations

import argparse

import uvicorn


def main(argv: list[str] | None = None) -> None:
    """Parse the command line and serve the demo app until interrupted."""
    parser = argparse.ArgumentParser(prog="python -m app", description=__doc__)
    parser.add_argument(
        "--host", default="127.0.0.1", help="address to bind (default: %(default)s)"
    )
    parser.add_argument(
        "--port", type=int, default=8000, help="port to bind (default: %(default)s)"
    )
    args = parser.parse_args(argv)
    uvicorn.run("app:create_app", factory=True, host=args.host, port=args.port)


if __name__ == "__main__":
    main()
