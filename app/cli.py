"""The ``claimsdb`` command: migrate, seed, serve."""

from pathlib import Path
from typing import Annotated

import typer
import uvicorn

from app.config import get_settings
from app.db import current_revision, head_revision, make_engine, upgrade
from app.services.coverage import coverage
from app.services.seeding import SeedError, read_seeds, seed

cli = typer.Typer(
    help="claimsdb: an annotated claims database with an HTTP API.", no_args_is_help=True
)


@cli.command()
def migrate() -> None:
    """Upgrade the database at DATABASE_URL to the newest schema."""
    engine = make_engine(get_settings().database_url)
    upgrade(engine)
    typer.echo(f"database migrated to revision {current_revision(engine)}")
    engine.dispose()


@cli.command("seed")
def seed_command(
    seeds_dir: Annotated[
        Path | None, typer.Option(help="Seed folder (default: CLAIMSDB_SEEDS_DIR or ./seeds).")
    ] = None,
) -> None:
    """Load the seed folder in one transaction; refuse it whole if anything is wrong."""
    settings = get_settings()
    engine = make_engine(settings.database_url)
    revision, head = current_revision(engine), head_revision()
    if revision != head:
        engine.dispose()
        typer.echo(
            f"database is at revision {revision}, not {head}: run `claimsdb migrate`", err=True
        )
        raise typer.Exit(1)
    try:
        report = seed(engine, seeds_dir or settings.seeds_dir)
    except SeedError as error:
        typer.echo(str(error), err=True)
        raise typer.Exit(1) from error
    finally:
        engine.dispose()
    for line in report.lines():
        typer.echo(line)
    typer.echo("seeded" if report.changed else "already up to date: nothing changed")


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


@cli.command()
def serve(
    host: Annotated[str, typer.Option(envvar="HOST")] = "127.0.0.1",
    port: Annotated[int, typer.Option(envvar="PORT")] = 8000,
    workers: Annotated[int, typer.Option(envvar="WEB_CONCURRENCY")] = 1,
) -> None:
    """Serve the HTTP API with uvicorn."""
    uvicorn.run(
        "app.main:create_app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level=get_settings().log_level,
        proxy_headers=True,
    )


def main() -> None:
    cli()
