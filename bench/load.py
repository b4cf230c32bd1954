"""Load: wrk (or a bounded Python client) with N connections against one server, and
the uncounted passes that warm and drain a server between measurements."""

import contextlib
import json
import re
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass
from pathlib import Path

PYTHON_CLIENT_MAX_REQUESTS = 200_000
WARM_SECONDS = 15  # Datasette's searches at 200,000 claims: 119 words in about 12 s


@dataclass
class Result:
    requests: int
    seconds: float
    p50_ms: float
    p99_ms: float
    errors: int

    @property
    def rps(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0


WRK_SCRIPT = """
-- each request is formatted once, in init, so the load generator's own CPU per
-- request (taken from the same two cores as the servers) is a table lookup
local requests = {}
local counter = 0
local headers = {HEADERS}
init = function(args)
  for line in io.lines(args[1]) do requests[#requests + 1] = wrk.format("GET", line, headers) end
end
request = function()
  counter = counter + 1
  return requests[(counter % #requests) + 1]
end
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'WRKJSON {"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, "errors": %d}\\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect + e.read + e.write + e.status + e.timeout))
end
"""


def run_wrk(
    base: str,
    urls: list[str],
    seconds: float,
    concurrency: int,
    work: Path,
    headers: dict[str, str] | None = None,
) -> Result:
    """``headers`` go with every request (bench/ops.py: Accept-Encoding, Origin)."""
    script = work / "paths.lua"
    # a Lua table of the headers; json.dumps quotes an ASCII string as Lua reads it
    table = ", ".join(f"[{json.dumps(k)}] = {json.dumps(v)}" for k, v in (headers or {}).items())
    script.write_text(WRK_SCRIPT.replace("{HEADERS}", "{" + table + "}"))
    listing = work / "paths.txt"
    listing.write_text("\n".join(urls) + "\n")
    command = [
        "wrk",
        "-t",
        "1",
        "-c",
        str(concurrency),
        "-d",
        f"{max(1, round(seconds))}s",
        "--latency",
    ]
    command += ["--timeout", "10s", "-s", str(script), base, "--", str(listing)]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    found = re.search(r"WRKJSON (\{.*\})", output)
    if not found:
        raise RuntimeError(f"wrk said:\n{output}")
    data = json.loads(found.group(1))
    return Result(
        data["requests"],
        data["duration_us"] / 1e6,
        data["p50_us"] / 1000,
        data["p99_us"] / 1000,
        data["errors"],
    )


def run_python(
    base: str,
    urls: list[str],
    seconds: float,
    concurrency: int,
    max_requests: int = PYTHON_CLIENT_MAX_REQUESTS,
) -> Result:
    """A bounded closed-loop client: ``concurrency`` threads, until time or count runs out."""
    import httpx

    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    counter = iter(range(max_requests))
    began = time.perf_counter()
    deadline = began + seconds

    def worker() -> None:
        nonlocal errors
        with httpx.Client(base_url=base, timeout=10) as client:
            while time.perf_counter() < deadline:
                with lock:
                    number = next(counter, None)
                if number is None:
                    return
                sent = time.perf_counter()
                try:
                    ok = client.get(urls[number % len(urls)]).status_code < 400
                except httpx.HTTPError:
                    ok = False
                elapsed = time.perf_counter() - sent
                with lock:
                    latencies.append(elapsed)
                    errors += not ok

    threads = [threading.Thread(target=worker) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    took = time.perf_counter() - began
    if not latencies:
        return Result(0, took, 0.0, 0.0, errors)
    if len(latencies) == 1:  # a slow server on a busy machine: no quantiles to cut
        return Result(1, took, latencies[0] * 1000, latencies[0] * 1000, errors)
    cuts = statistics.quantiles(latencies, n=100, method="inclusive")
    return Result(len(latencies), took, cuts[49] * 1000, cuts[98] * 1000, errors)


def check(base: str, urls: list[str]) -> None:
    """Fail before measuring when a server does not answer a query with 200 and JSON."""
    import httpx

    for url in urls[:3]:
        response = httpx.get(base + url, timeout=30)
        if response.status_code == 400 and "took too long" in response.text:
            # Datasette's own time limit (1 s): the SQL is right, and the run counts these
            print(f"{base}{url[:80]}...: over Datasette's time limit", file=sys.stderr)
            continue
        if response.status_code != 200:
            raise RuntimeError(
                f"{base}{url[:120]} -> {response.status_code}: {response.text[:300]}"
            )
        response.json()


def warm(base: str, urls: list[str], concurrency: int, limit: float = WARM_SECONDS) -> None:
    """Ask once for every distinct request the measurement will make (up to ``limit``
    seconds), so that it starts with their pages in the OS cache: this machine's kernel
    (DAMON, proactive reclaim) pages out file pages left unread for a minute, and a round
    leaves each query's pages unread for longer than that."""
    distinct = list(dict.fromkeys(urls))
    run_python(base, distinct, limit, concurrency, max_requests=len(distinct))


def drain(base: str, url: str) -> None:
    """Wait (up to a minute) until the server answers one request: whatever it still had
    queued from the last measurement is done."""
    import httpx

    with contextlib.suppress(httpx.HTTPError):
        httpx.get(base + url, timeout=60)
