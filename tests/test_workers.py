"""Workers of one server pin themselves to different CPUs (app/workers.py)."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.workers import pin_to_a_free_cpu

CLAIM = """
import sys
from pathlib import Path
from app.workers import pin_to_a_free_cpu
claim = pin_to_a_free_cpu(Path(sys.argv[1]))
print(claim.cpu if claim else "none", flush=True)
sys.stdin.readline()  # hold the CPU until the test says go
"""

pytestmark = pytest.mark.skipif(
    not hasattr(os, "sched_setaffinity") or len(os.sched_getaffinity(0)) < 2,
    reason="needs Linux CPU affinity and at least two CPUs",
)


def test_sibling_workers_take_different_cpus_and_the_rest_stay_unpinned(tmp_path: Path) -> None:
    cpus = sorted(os.sched_getaffinity(0))
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", CLAIM, str(tmp_path)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=Path(__file__).resolve().parent.parent,
        )
        for _ in range(len(cpus) + 1)
    ]
    try:
        said = [worker.stdout.readline().strip() for worker in workers]  # type: ignore[union-attr]
    finally:
        for worker in workers:
            worker.communicate("go\n", timeout=10)
    taken = sorted(int(cpu) for cpu in said if cpu != "none")
    assert taken == cpus
    assert said.count("none") == 1


def test_a_released_cpu_can_be_claimed_again(tmp_path: Path) -> None:
    before = os.sched_getaffinity(0)
    try:
        first = pin_to_a_free_cpu(tmp_path)
        assert first is not None
        assert os.sched_getaffinity(0) == {first.cpu}
        first.release()
        assert not first.path.exists()
        assert os.sched_getaffinity(0) == before
        again = pin_to_a_free_cpu(tmp_path)
        assert again is not None
        assert again.cpu == first.cpu
        again.release()
    finally:
        os.sched_setaffinity(0, before)
