"""Run the demo server: ``python -m app [--host 127.0.0.1] [--port 8000]``."""

from __future__ import annotations

import argparse
import ipaddress
import socket
import warnings

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
    if _reachable_from_other_machines(args.host):
        warnings.warn(
            f"python -m app: listening on {args.host} lets other machines reach the demo, "
            "which has open registration and an echo endpoint. Use --host 127.0.0.1 (the "
            "default) unless another machine must reach it.",
            stacklevel=2,
        )
    uvicorn.run("app:create_app", factory=True, host=args.host, port=args.port)


def _reachable_from_other_machines(host: str) -> bool:
    """True unless ``host`` resolves only to loopback addresses (an unknown host: uvicorn says)."""
    try:
        found = socket.getaddrinfo(host, None, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        return False
    addresses = {str(entry[4][0]).split("%", 1)[0] for entry in found}
    return not all(ipaddress.ip_address(address).is_loopback for address in addresses)


if __name__ == "__main__":
    main()
