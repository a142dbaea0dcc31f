# Copyright 2026 The claims suite authors
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Serve a simulated Opus portal by hand: ``python -m tests.simulators.opus --port 8070``.

Prints the address and the sign-in on its first line; on Ctrl-C (SIGINT) stops and prints how
many requests it served and how many forms were submitted.
"""

import argparse
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from ..toolkit import wait_until_stopped
from .data import FORMAT, make_allocation
from .pagemap import PORTAL_TZ
from .server import OpusSimulator


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--port", type=int, default=8070, help="0: any free port")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--allocations", type=int, default=25, help="how many to serve")
    parser.add_argument("--layout", choices=("classic", "variant"), default="classic")
    parser.add_argument("--error-rate", type=float, default=0.0,
                        help="share of requests answered 500, e.g. 0.05")
    parser.add_argument("--session-ttl", type=int, default=900,
                        help="seconds a session lives without use")
    parser.add_argument("--login", default="robot")
    parser.add_argument("--password", default="s3cret-opus")
    args = parser.parse_args()
    simulator = OpusSimulator(
        host=args.host, port=args.port, login=args.login, password=args.password,
        layout=args.layout, error_rate=args.error_rate, session_ttl=args.session_ttl)
    # allocated over the last days (the portal's time), so the KPI targets fall around now
    start = datetime.now(ZoneInfo(PORTAL_TZ)) - timedelta(hours=2 * args.allocations)
    for n in range(1, args.allocations + 1):
        allocated_at = (start + timedelta(hours=2 * n)).strftime(FORMAT)
        simulator.add_allocation(make_allocation(n, allocated_at=allocated_at))
    simulator.start()
    print(f"Opus simulator on {simulator.url}/login (sign in as {args.login} / "
          f"{args.password}; {args.layout} layout)", flush=True)
    wait_until_stopped()
    simulator.stop()
    print(f"served {len(simulator.requests)} requests, "
          f"{len(simulator.submissions)} forms submitted", flush=True)


if __name__ == "__main__":
    main()
