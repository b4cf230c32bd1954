"""The ``claimsdb`` command: migrate, seed, reseed, export, backup, restore, dump, load, keys,
ingest, evaluate, openapi, serve.

Every command that reads or writes the database first checks that it exists and is
migrated (app/core/preflight.py), and says what to do when it is not: exit status 1, no file
left behind.
"""

import importlib.util
import json
import os
import socket
from collections import Counter
from pathlib import Path
from typing import Annotated, Any

import typer
import uvicorn
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from app import copy_commands, read_model
from app.config import Settings, get_settings, project_path
from app.core import metrics, telemetry
from app.core import workers as worker_processes
from app.core.db import current_revision
from app.core.preflight import fail, open_database
from app.keys.commands import keys
from app.models import Genre
from app.seeds.coverage import coverage
from app.seeds.export import ExportError, export_annotations
from app.seeds.parse import SeedError, read_seed_files, read_seeds
from app.seeds.sync import ApiWritesKept, reseed, seed
from app.sources.ingest_files import INGEST_WRITER, Options, files, ingest_file

APP = "app.main:create_app"
cli = typer.Typer(
    help="claimsdb: an annotated claims database with an HTTP API.", no_args_is_help=True
)


RESEED_ACTIONS = ("insert", "update", "delete")
SeedsDir = Annotated[
    Path | None, typer.Option(help="Seed folder (default: CLAIMSDB_SEEDS_DIR or ./seeds).")
]


@cli.command()
def migrate(
    rebuild_read_model: Annotated[
        bool,
        typer.Option(
            "--rebuild-read-model",
            help="Build every stored body again, as after a program wrote the tables directly.",
        ),
    ] = False,
) -> None:
    """Upgrade the database at DATABASE_URL to the newest schema (creating it if need be),
    and its read model to the current format."""
    engine = open_database("create")
    read_model.migrate(engine)
    if rebuild_read_model:
        read_model.rebuild_all(engine)
        typer.echo("read model rebuilt")
    typer.echo(f"database migrated to revision {current_revision(engine)}")
    engine.dispose()


@cli.command("seed")
def seed_command(seeds_dir: SeedsDir = None) -> None:
    """Add what is new in the seed files; never change or delete a record. Run by `make
    serve` at every start: into an empty database it loads them all."""
    engine = open_database()
    try:
        report = seed(engine, seeds_dir or get_settings().seeds_dir)
    except SeedError as error:
        raise fail(error) from error
    finally:
        engine.dispose()
    for line in report.lines():
        typer.echo(line)


@cli.command("reseed")
def reseed_command(
    seeds_dir: SeedsDir = None,
    yes: Annotated[
        bool, typer.Option("--yes", help="Apply the plan; without it, only print it.")
    ] = False,
    discard_api_writes: Annotated[
        bool,
        typer.Option(
            "--discard-api-writes",
            help="Also overwrite or delete records written through the API (or around it).",
        ),
    ] = False,
) -> None:
    """Replace the database's content with the seed files: print what that inserts,
    updates and deletes; with --yes, do it. Records last written through the API are only
    overwritten or deleted with --discard-api-writes."""
    seeds = seeds_dir or get_settings().seeds_dir
    engine = open_database()
    refused = False
    try:
        plan = reseed(engine, seeds, apply=yes, discard_api_writes=discard_api_writes)
    except SeedError as error:
        raise fail(error) from error
    except ApiWritesKept as kept:
        plan, refused = kept.plan, True
    finally:
        engine.dispose()
    changes = plan.changes()
    if not changes:
        typer.echo(f"the database holds exactly the seed files in {seeds}: nothing to do")
        return
    applied = yes and not refused
    typer.echo(
        f"reseeded from {seeds}:"
        if applied
        else f"to hold exactly the seed files in {seeds}, `claimsdb reseed --yes` would:"
    )
    for change in changes:
        typer.echo(f"  {change.describe()}")
    done = Counter(change.action for change in changes)
    counted = ", ".join(
        f"{done[action]} {action}{'d' if applied else 's'}" for action in RESEED_ACTIONS
    )
    typer.echo(f"{counted}; {len(plan.protected)} written through the API")
    if plan.protected and not discard_api_writes:
        message = (
            f"{len(plan.protected)} records above were written through the API or around it "
            "(marked [...]): only `claimsdb reseed --yes --discard-api-writes` overwrites or "
            "deletes them. Keep them first: `claimsdb backup FILE`, or `claimsdb export "
            "--annotations DIR` to write them into seed files"
        )
        if refused:
            raise fail(f"refused, nothing changed: {message}")
        typer.echo(message)
    if not applied:
        typer.echo("a dry run: nothing changed")


@cli.command("export")
def export_command(
    annotations: Annotated[
        Path, typer.Option("--annotations", help="Folder for the annotation files (YAML).")
    ],
) -> None:
    """Write the database's annotations as seed files; new source texts go to ../sources."""
    engine = open_database()
    try:
        result = export_annotations(engine=engine, annotations_dir=annotations)
    except ExportError as error:
        typer.echo(str(error), err=True)
        raise typer.Exit(1) from error
    finally:
        engine.dispose()
    for verb, paths in (("wrote", result.written), ("removed", result.removed)):
        for path in paths:
            typer.echo(f"{verb} {path}")
    typer.echo(f"{len(result.written)} written, {len(result.unchanged)} unchanged")
    try:  # what the loader would say about them, before anyone commits them
        read_seed_files(annotations=annotations, sources=annotations.parent / "sources")
    except SeedError as error:
        typer.echo(f"the exported files would not load:\n{error}", err=True)
        raise typer.Exit(1) from error


report = typer.Typer(help="Reports on the seed annotations.", no_args_is_help=True)
cli.add_typer(report, name="report")


@report.command("coverage")
def coverage_command(
    seeds_dir: Annotated[Path | None, typer.Option(help="Seed folder (default: ./seeds).")] = None,
    minimum: Annotated[
        float, typer.Option("--min", help="Exit 1 if any source's share is below this.")
    ] = 0.9,
) -> None:
    """Per source: the share of assertive sentences a stance covers, and the ones it does not."""
    try:
        seed_set = read_seeds(seeds_dir or get_settings().seeds_dir)
    except SeedError as error:
        typer.echo(str(error), err=True)
        raise typer.Exit(1) from error
    below = []
    for source in coverage(seed_set):
        typer.echo(
            f"{source.source_id}: {source.covered}/{len(source.sentences)} assertive sentences "
            f"covered ({source.share:.1%})"
        )
        for sentence in source.uncovered:
            typer.echo(f"  uncovered {sentence.start}-{sentence.end}: {sentence.text}")
        if source.share < minimum:
            below.append(source.source_id)
    if below:
        typer.echo(f"below {minimum:.0%}: {', '.join(below)}", err=True)
        raise typer.Exit(1)


cli.add_typer(keys, name="keys")


for name, command in copy_commands.COMMANDS.items():
    cli.command(name)(command)


@cli.command("ingest")
def ingest_command(
    paths: Annotated[
        list[Path], typer.Argument(help="Article files (.txt, .md, .html) or folders of them.")
    ],
    genre: Annotated[Genre, typer.Option(help="The genre of every article.")] = Genre.news,
    publisher: Annotated[str | None, typer.Option(help="Publisher of every article.")] = None,
    author: Annotated[str | None, typer.Option(help="Author of every article.")] = None,
    language: Annotated[
        str | None, typer.Option(help="BCP-47 language (default: a page's own, else en).")
    ] = None,
    annotate: Annotated[
        bool, typer.Option(help="Store the annotation pipeline's proposals as candidates.")
    ] = True,
) -> None:
    """Store articles as sources, each annotated, as POST /v1/sources with annotate does;
    a text stored already is skipped. Prints one line per file; exits 1 if any failed."""
    settings = get_settings()
    engine = open_database()
    options = Options(
        genre=genre, language=language, publisher=publisher, author=author, annotate=annotate
    )
    found = list(files(paths))
    outcomes = []
    try:
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TimeElapsedColumn(),
            console=Console(stderr=True),
        ) as progress:
            task = progress.add_task("ingesting", total=len(found))
            for path in found:
                outcome = ingest_file(
                    engine=engine, who=INGEST_WRITER, path=path, options=options, settings=settings
                )
                typer.echo(outcome.line())
                outcomes.append(outcome)
                progress.advance(task)
    finally:
        engine.dispose()
    done = Counter(outcome.status for outcome in outcomes)
    typer.echo(f"{done['stored']} stored, {done['skipped']} skipped, {done['failed']} failed")
    if done["failed"] or not found:
        raise fail("no article files found" if not found else f"{done['failed']} failed")


@cli.command("evaluate")
def evaluate_command(
    detail: Annotated[
        bool, typer.Option("--detail", help="Every hand stance beside its proposal.")
    ] = False,
    calibrate: Annotated[
        bool, typer.Option("--calibrate", help="The attach threshold's trade-off.")
    ] = False,
) -> None:
    """Score the annotation pipeline against the hand annotations: leave-one-out on the
    seeds, then the test texts (docs/annotation.md says what each figure means). Runs
    bench/annotate_eval.py, so it needs a source checkout."""
    script = project_path("bench") / "annotate_eval.py"
    if not script.exists():
        raise fail(f"{script} is missing: `claimsdb evaluate` runs in a source checkout")
    spec = importlib.util.spec_from_file_location("annotate_eval", script)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.main([*(["--detail"] if detail else []), *(["--calibrate"] if calibrate else [])])


@cli.command("openapi")
def openapi_command(
    file: Annotated[
        Path | None, typer.Argument(help="Write the document here (default: standard output).")
    ] = None,
) -> None:
    """Print the OpenAPI document the server serves at /openapi.json, without a server or
    a database: what `make client` generates the Python client from."""
    from app.main import create_app  # the whole app, for this command only

    app = create_app(Settings(database_url="sqlite://"))  # never connected to
    document = json.dumps(app.openapi(), indent=2, ensure_ascii=False) + "\n"
    if file is None:
        typer.echo(document, nl=False)
    else:
        file.write_text(document, encoding="utf-8")


@cli.command()
def serve(
    host: Annotated[str, typer.Option(envvar="HOST")] = "127.0.0.1",
    port: Annotated[int, typer.Option(envvar="PORT")] = 8000,
    workers: Annotated[int, typer.Option(envvar="WEB_CONCURRENCY")] = 1,
    migrate_first: Annotated[
        bool, typer.Option("--migrate", help="Run `claimsdb migrate` first, in this process.")
    ] = False,
    seed_first: Annotated[
        bool, typer.Option("--seed", help="Run `claimsdb seed` first, in this process.")
    ] = False,
) -> None:
    """Serve the HTTP API with uvicorn; with --migrate --seed, prepare the database first
    in the same process (as `make serve` does), which saves starting Python three times."""
    if migrate_first:
        migrate()
    else:
        open_database().dispose()
    if seed_first:
        seed_command(seeds_dir=None)
    # the address the settings' default CLAIMSDB_BASE_URL is made of, in every worker; set
    # once the database is known to be ready, so a refused start changes nothing
    os.environ["HOST"], os.environ["PORT"] = host, str(port)
    get_settings.cache_clear()
    settings = get_settings()
    options: dict[str, Any] = {
        "factory": True,
        "host": host,
        "port": port,
        "log_level": settings.log_level,
        # below info the access log is dropped anyway: don't format a line per request
        "access_log": settings.log_level in ("trace", "debug", "info"),
        "proxy_headers": True,
    }
    if settings.log_format == "json":
        # uvicorn's own lines as JSON from the first; the app writes the access lines
        options |= {"log_config": telemetry.logging_config(settings.log_level), "access_log": False}
    if settings.metrics and workers > 1:
        metrics.multiprocess_dir()  # before any worker imports prometheus_client
    if workers > 1 and hasattr(socket, "SO_REUSEPORT"):
        # a socket per worker, so that connections spread over them (app/core/workers.py)
        raise typer.Exit(worker_processes.serve(uvicorn.Config(APP, **options), workers))
    uvicorn.run(APP, workers=workers, **options)


def main() -> None:
    cli()


if __name__ == "__main__":
    main()
