"""`claimsdb keys`: create, list, rotate and revoke API keys."""

from datetime import UTC, datetime
from typing import Annotated

import typer
from sqlmodel import Session, select

from app.core.auth import create_key, rotate_key
from app.core.db import run_write
from app.core.errors import ProblemError
from app.core.preflight import fail, open_database
from app.models import ApiKey, Scope

keys = typer.Typer(help="API keys: create, list, rotate, revoke.", no_args_is_help=True)


@keys.command("create")
def keys_create(
    name: Annotated[str, typer.Argument(help="Who holds the key; shown in the audit log.")],
    scope: Annotated[
        Scope, typer.Option(help="read, curate (writes) or admin (keys too).")
    ] = Scope.curate,
) -> None:
    """Create a key and print it: the only time it is shown."""
    engine = open_database()

    def work(session: Session) -> str:
        if session.exec(select(ApiKey).where(ApiKey.name == name)).first():
            raise typer.BadParameter(f"a key named {name!r} exists already", param_hint="NAME")
        _key, token = create_key(session=session, name=name, scope=scope)
        return token

    try:
        token = run_write(engine, work)
    except ProblemError as refused:
        raise fail(refused.detail) from refused
    finally:
        engine.dispose()
    typer.echo(token)


@keys.command("list")
def keys_list() -> None:
    """Every key: name, scope, id, created, revoked. Never a secret."""
    engine = open_database()
    with Session(engine) as session:
        for key in session.exec(select(ApiKey).order_by(ApiKey.name)).all():
            state = f"revoked {key.revoked_at:%Y-%m-%d %H:%M}" if key.revoked_at else "active"
            created = f"{key.created_at:%Y-%m-%d %H:%M}"
            typer.echo(f"{key.name}\t{key.scope}\t{key.id}\t{created}\t{state}")
    engine.dispose()


@keys.command("rotate")
def keys_rotate(name: Annotated[str, typer.Argument(help="The key's name.")]) -> None:
    """Give a key a new secret and print the new token (the old one stops working): what a
    key loaded from a dump needs, as dumps hold no secrets."""
    engine = open_database()

    def work(session: Session) -> str | None:
        key = session.exec(select(ApiKey).where(ApiKey.name == name)).first()
        if key is None or key.revoked_at is not None:
            return None
        return rotate_key(key=key)

    token = run_write(engine, work)
    engine.dispose()
    if token is None:
        typer.echo(f"no live key named {name!r} (a revoked key stays revoked)", err=True)
        raise typer.Exit(1)
    typer.echo(token)


@keys.command("revoke")
def keys_revoke(name: Annotated[str, typer.Argument(help="The key's name.")]) -> None:
    """Revoke a key at once; it stays listed."""
    engine = open_database()

    def work(session: Session) -> bool:
        key = session.exec(select(ApiKey).where(ApiKey.name == name)).first()
        if key is None:
            return False
        key.revoked_at = key.revoked_at or datetime.now(UTC)
        return True

    found = run_write(engine, work)
    engine.dispose()
    if not found:
        typer.echo(f"no key named {name!r}", err=True)
        raise typer.Exit(1)
    typer.echo(f"revoked {name}")
