"""Instructions a single-worker `claimsdb serve` executes per request, counted by callgrind.

    python bench/instructions.py bench/data/bench-200000.db --query a --requests 300
    python bench/instructions.py DB --checkout ../before   # the code before a change
    python bench/instructions.py DB --env CLAIMSDB_METRICS=true --header 'Origin: https://x'

On a shared VM the req/s of one and the same server wander by 15-30% between runs, more
than the few percent a change costs. Instructions do not: valgrind counts them in user
space, and the count for the same code, corpus and requests repeats to within 0.1%. The
server starts under callgrind with counting off; after ``--warm`` requests (caches,
compiled statements, the file's pages) counting is switched on for ``--requests``
requests sent one after another on one connection, then off. Instructions are not time
(a SHA-256 instruction of SHA-NI does far more than a Python bytecode's), so a change
that moves work between C and Python is also measured with bench/run.py; they are the
steadiest measure of how much work a request takes. Wants valgrind (Debian's package).
"""

import argparse
import contextlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.queries import paths, sample  # noqa: E402
from bench.servers import free_port  # noqa: E402


def callgrind_control(*args: str) -> None:
    subprocess.run(["callgrind_control", *args], check=True, capture_output=True)


def count(args: argparse.Namespace, urls: list[str]) -> int:
    checkout = args.checkout.resolve()
    port = free_port()
    out = Path(tempfile.mkdtemp(prefix="claimsdb-callgrind-"))
    env = {
        **os.environ,
        "PYTHONHASHSEED": "0",
        "DATABASE_URL": f"sqlite:///{args.db_file.resolve()}",
        "CLAIMSDB_LOG_LEVEL": "warning",
        **dict(pair.split("=", 1) for pair in args.env),
    }
    command = [
        "valgrind",
        "--tool=callgrind",
        "--instr-atstart=no",
        f"--callgrind-out-file={out}/callgrind.out",
        str(checkout / ".venv/bin/python"),
        str(checkout / ".venv/bin/claimsdb"),
        "serve",
        "--host",
        "127.0.0.1",
        "--port",
        str(port),
    ]
    with (out / "server.log").open("wb") as log:
        server = subprocess.Popen(command, cwd=checkout, env=env, stdout=log, stderr=log)
    headers = dict(line.split(": ", 1) for line in args.header)
    try:
        base = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 600
        while time.monotonic() < deadline:
            with contextlib.suppress(httpx.HTTPError):
                if httpx.get(base + "/readyz", timeout=5).status_code == 200:
                    break
            if server.poll() is not None:
                sys.exit(f"the server exited: see {out}/server.log")
            time.sleep(1)
        with httpx.Client(base_url=base, timeout=60) as client:
            # as wrk asks: no Accept-Encoding (httpx's default asks for gzip) unless told
            del client.headers["accept-encoding"]
            client.headers.update(headers)
            for number in range(args.warm):
                client.get(urls[number % len(urls)]).raise_for_status()
            callgrind_control("-i", "on", str(server.pid))
            for number in range(args.requests):
                client.get(urls[(args.warm + number) % len(urls)]).raise_for_status()
            callgrind_control("-i", "off", str(server.pid))
            callgrind_control("-d", str(server.pid))
    finally:
        server.terminate()
        server.wait(60)
    total = 0
    for dump in out.glob("callgrind.out*"):  # the dump, and what was counted after it (0)
        for line in dump.read_text().splitlines():
            if line.startswith("totals:"):
                total += int(line.split()[1])
    return total // args.requests


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db_file", type=Path)
    parser.add_argument("--query", default="a", help="a query of bench/queries.py, by key")
    parser.add_argument("--requests", type=int, default=300)
    parser.add_argument("--warm", type=int, default=100)
    parser.add_argument("--checkout", type=Path, default=ROOT, help="whose claimsdb (.venv)")
    parser.add_argument("--env", action="append", default=[], help="NAME=value, repeatable")
    parser.add_argument("--header", action="append", default=[], help="'Name: value'")
    args = parser.parse_args()
    urls = paths(sample(args.db_file.resolve()), args.db_file.stem)[args.query]["claimsdb"]
    print(f"{count(args, urls):,} instructions per request")


if __name__ == "__main__":
    main()
