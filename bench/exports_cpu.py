"""What writing an export's batches costs in CPU, measured inside one process.

    python bench/exports_cpu.py bench/data/bench-200000.db [--batches 200] [--rounds 7]
        [--baseline OLD_CSV_ROWS.py]

bench/exports.py streams whole exports from a server; on a busy machine its times wander
with the load. Here the batches of each export are read as the export reads them (the
list's page function, one read transaction each) and encoded as it encodes them, and what
is counted is this process's CPU time (``time.process_time``): reading, and writing the
rows (CSV or NDJSON), apart, medians of the rounds. With ``--baseline``, another
app/exports/csv_rows.py (say ``git show REV:app/exports/csv_rows.py > old.py``) writes the
same batches in alternate rounds; its bytes must be the same. The database is only read.
"""

import argparse
import gc
import importlib.util
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import orjson  # noqa: E402

from app import main  # noqa: E402, F401  (each room adds its export)
from app.core.db import make_engine  # noqa: E402
from app.core.reader import reading  # noqa: E402
from app.exports.stream import BATCH, REGISTERED, ExportFormat, encoder  # noqa: E402

EXPORTS = [
    ("claims", ExportFormat.ndjson),
    ("claims", ExportFormat.csv),
    ("stances", ExportFormat.csv),
    ("mentions", ExportFormat.csv),
    ("actors", ExportFormat.csv),
    ("sources", ExportFormat.csv),
]


def batches(engine: Any, name: str, count: int) -> tuple[list[list[Any]], float]:
    """The first ``count`` batches of an export's items, and the CPU seconds their reads took."""
    resource = REGISTERED[name]
    first = resource.filters.model_construct(**resource.filters().model_dump())
    found: list[list[Any]] = []
    cursor = None
    started = time.process_time()
    for _ in range(count):
        work = resource.page(first.model_copy(update={"limit": BATCH, "cursor": cursor}), False)
        with reading(engine) as db:
            page = work(db)
        found.append(page["items"])
        cursor = page["next_cursor"]
        if cursor is None:
            break
    return found, time.process_time() - started


def baseline_encoder(path: Path, name: str) -> Callable[[list[Any]], bytes]:
    spec = importlib.util.spec_from_file_location("baseline_csv_rows", path)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    writer = module.CsvWriter(REGISTERED[name].item)
    return lambda items: writer.rows(
        orjson.loads(item) if isinstance(item, bytes) else item for item in items
    )


def cpu_per_round(encode: Callable[[list[Any]], bytes], pages: list[list[Any]]) -> float:
    started = time.process_time()
    for items in pages:
        encode(items)
    return time.process_time() - started


def main_(arguments: argparse.Namespace) -> None:
    engine = make_engine(f"sqlite:///{arguments.database}")
    for name, fmt in EXPORTS:
        pages, read_seconds = batches(engine, name, arguments.batches)
        rows = sum(map(len, pages))
        encoders = {"now": encoder(REGISTERED[name], fmt)}
        if arguments.baseline and fmt is ExportFormat.csv:
            encoders["baseline"] = baseline_encoder(arguments.baseline, name)
            same = all(encoders["now"](p) == encoders["baseline"](p) for p in pages)
            assert same, f"{name}.{fmt}: the baseline writes other bytes"
        gc.collect()
        gc.freeze()  # as the server does at startup (app/main.py)
        seconds: dict[str, list[float]] = {label: [] for label in encoders}
        for _ in range(arguments.rounds):
            for label, encode in encoders.items():
                seconds[label].append(cpu_per_round(encode, pages))
        line = f"{name}.{fmt}: {rows:,} rows, read {rows / read_seconds:,.0f} rows/s"
        for label, spent in seconds.items():
            median = statistics.median(spent)
            line += (
                f"; {label} write {rows / median:,.0f} rows/s "
                f"({median / len(pages) * 1000:.1f} ms a batch)"
            )
        print(line, flush=True)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("database", type=Path, help="a benchmark SQLite file, only read")
    parser.add_argument("--batches", type=int, default=200, help="batches of 500 per export")
    parser.add_argument("--rounds", type=int, default=7)
    parser.add_argument("--baseline", type=Path, help="another app/exports/csv_rows.py")
    main_(parser.parse_args())
