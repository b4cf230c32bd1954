"""One CPU per worker process.

The event loop and the read pool's threads take turns holding the GIL, several times per
request (SQLite lets go of it on every step). On two cores at once, each turn waits for the
other core to notice; on one core it is a plain switch. At 200,000 claims a pinned worker
answered a claim by id 2.3 times as fast (docs/benchmarks.md). Workers of one server claim
different CPUs through lock files named after their common parent process, so that N
workers on N cores spread out; a worker that finds every CPU taken stays unpinned.
"""

import fcntl
import os
import tempfile
from pathlib import Path
from typing import IO


class CpuClaim:
    """The CPU this process runs on, held until ``release`` or the process ends."""

    def __init__(self, cpu: int, lock: IO[str], path: Path, before: set[int]) -> None:
        self.cpu = cpu
        self.lock = lock
        self.path = path
        self.before = before

    def release(self) -> None:
        """Give the CPU back and run wherever this process ran before."""
        os.sched_setaffinity(0, self.before)
        self.path.unlink(missing_ok=True)
        self.lock.close()


def pin_to_a_free_cpu(directory: Path | None = None) -> CpuClaim | None:
    """Pin this process to the first CPU no sibling worker holds; None when it cannot."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    before = os.sched_getaffinity(0)
    cpus = sorted(before)
    if len(cpus) < 2:
        return None
    directory = directory or Path(tempfile.gettempdir())
    for cpu in cpus:
        path = directory / f"claimsdb-{os.getuid()}-{os.getppid()}-cpu{cpu}.lock"
        lock = path.open("w")
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            lock.close()
            continue
        os.sched_setaffinity(0, {cpu})
        return CpuClaim(cpu, lock, path, before)
    return None
