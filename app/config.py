"""Settings, read once from the environment (prefix ``CLAIMSDB_``, plus ``DATABASE_URL``)."""

from functools import lru_cache
from pathlib import Path

from pydantic import AliasChoices, Field
from pydantic_settings import BaseSettings, SettingsConfigDict

PACKAGE_DIR = Path(__file__).resolve().parent


def project_path(name: str) -> Path:
    """A top-level project folder: the checkout's own, or the copy bundled in a wheel."""
    checkout = PACKAGE_DIR.parent / name
    return checkout if checkout.exists() else PACKAGE_DIR / "_bundled" / name


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="CLAIMSDB_", extra="ignore", populate_by_name=True)

    database_url: str = Field(
        default="sqlite:///./data/claimsdb.db",
        validation_alias=AliasChoices("DATABASE_URL", "CLAIMSDB_DATABASE_URL"),
        description="SQLAlchemy URL: sqlite:///path.db or postgresql+psycopg://user@host/db",
    )
    seeds_dir: Path = Field(default_factory=lambda: project_path("seeds"))
    sqlite_busy_timeout_ms: int = 5000
    statement_timeout_ms: int = Field(
        default=5000, ge=0, description="Longest a request's SQL statement may run; 0: no limit"
    )
    request_timeout_ms: int = Field(
        default=5000,
        ge=0,
        description="Longest a request may take, its SQL and its Python work together, "
        "before it answers 503; 0: no limit",
    )
    log_level: str = "info"
    require_key_for_reads: bool = False
    rate_limit_per_minute: int = Field(
        default=600, ge=0, description="Requests per minute per API key; 0: no limit"
    )
    max_body_bytes: int = Field(default=2_000_000, ge=1, description="Largest request body")
    pin_cpu: bool = Field(
        default=False,
        description="Pin each worker process to a CPU no other claimsdb process holds (Linux)",
    )
    read_threads: int = Field(
        default=4, ge=1, le=32, description="Threads per worker for the reads that may run long"
    )


@lru_cache
def get_settings() -> Settings:
    return Settings()
