"""How many exports one worker process streams at once (CLAIMSDB_EXPORTS_PER_WORKER).

An export keeps a read thread and the worker's CPU busy for minutes at a million records
(docs/benchmarks.md): unbounded, a few at once would leave the worker's other requests
waiting behind their batches. Past the cap an export answers 503 at once, before it reads
a record; a HEAD or a 304 revalidation reads no record and takes no slot.

A slot is taken and given back on the worker's event loop only, so a count needs no lock.
It is given back when its response ends, whichever way (whole, failed, cut off, or its
client gone), and not before the batch it may still be reading in a thread has finished:
until then that batch still holds a read thread and the CPU.
"""

import asyncio
import contextlib
from concurrent.futures import Future
from typing import Any

from fastapi import FastAPI

from app.core.errors import ProblemError

RETRY_AFTER = 10  # seconds: an export takes seconds to minutes, a retry every second is noise


class ExportsBusy(ProblemError):
    status = 503
    type = "urn:claimsdb:problem:exports-busy"

    def __init__(self, limit: int) -> None:
        super().__init__(
            f"exports are busy: this server process is streaming {limit} already, as many "
            "as it streams at once; try again after Retry-After seconds",
            headers={"Retry-After": str(RETRY_AFTER)},
        )


class Slot:
    """One export's place among those streaming; ``release`` gives it back, once."""

    def __init__(self, slots: "ExportSlots") -> None:
        self.slots = slots
        self.released = False
        self.reading: Future[Any] | None = None  # the batch being read in a thread, if any

    def release(self) -> None:
        """On the event loop, when the export's response ends, whichever way."""
        reading = self.reading
        if reading is None or reading.done():
            self.give_back()
            return
        # its client is gone but its thread reads on: the slot is free when that ends
        loop = asyncio.get_running_loop()

        def later(_: object) -> None:
            with contextlib.suppress(RuntimeError):  # the loop closed: the process is ending
                loop.call_soon_threadsafe(self.give_back)

        reading.add_done_callback(later)

    def give_back(self) -> None:
        if not self.released:
            self.released = True
            self.slots.taken -= 1


class ExportSlots:
    """At most ``limit`` exports streaming at once in this process; 0: no limit."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.taken = 0

    def take(self) -> Slot:
        if self.limit and self.taken >= self.limit:
            raise ExportsBusy(self.limit)
        self.taken += 1
        return Slot(self)


def export_slots(app: FastAPI, limit: int) -> ExportSlots:
    """This app's slots, made on its first export (each worker process has its own app)."""
    slots: ExportSlots | None = getattr(app.state, "export_slots", None)
    if slots is None:
        slots = app.state.export_slots = ExportSlots(limit)
    return slots
