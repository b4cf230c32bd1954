"""API keys: who may read, curate and administer.

A key reads ``cdb_<id>_<secret>``. Only a SHA-256 digest of the secret is stored (the
secret is 256 random bits, so a slow hash would add nothing) and digests are compared in
constant time. The full key is shown once, when it is created, and never again.
"""

import hashlib
import hmac
import ipaddress
import secrets
import threading
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Annotated, Protocol

from fastapi import Depends, Request
from sqlalchemy import Engine
from sqlmodel import Session
from starlette.concurrency import run_in_threadpool

from app.core.errors import Conflict, Forbidden, TooManyRequests, Unauthorized
from app.models.common import Scope
from app.models.tables import ApiKey

RANK = {Scope.read: 0, Scope.curate: 1, Scope.admin: 2}
# the change log's name for what seeding writes (app/seeds/sync.py): no key may
# take it, or its writes would pass for seeding's and a reseed would overwrite them
SEED_WRITER = "seed"
CALLER = "claimsdb.caller"  # the request's Caller, in its ASGI scope


@dataclass(frozen=True)
class Caller:
    """Who is asking: a key's name and scope, or anonymous (``name`` None)."""

    name: str | None
    scope: Scope | None

    def may(self, needed: Scope) -> bool:
        return self.scope is not None and RANK[self.scope] >= RANK[needed]


ANONYMOUS = Caller(None, None)


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def create_key(*, session: Session, name: str, scope: Scope) -> tuple[ApiKey, str]:
    """A new key; the returned token is the only time its secret exists in the clear."""
    if name == SEED_WRITER:
        raise Conflict(f"the name {name!r} is the change log's for seeding: choose another")
    key_id, secret = secrets.token_hex(6), secrets.token_urlsafe(32)
    key = ApiKey(
        id=key_id,
        name=name,
        scope=scope,
        secret_sha256=digest(secret),
        created_at=datetime.now(UTC),
    )
    session.add(key)
    return key, f"cdb_{key_id}_{secret}"


def rotate_key(*, key: ApiKey) -> str:
    """A new secret for ``key`` (its id, name and scope stay); the old one stops working.
    The returned token is the only time the new secret exists in the clear."""
    secret = secrets.token_urlsafe(32)
    key.secret_sha256 = digest(secret)
    return f"cdb_{key.id}_{secret}"


def find_key(*, session: Session, token: str) -> ApiKey | None:
    """The live key this token belongs to, or None; never says which part was wrong."""
    prefix, _, rest = token.partition("_")
    key_id, _, secret = rest.partition("_")
    if prefix != "cdb" or not key_id or not secret:
        return None
    key = session.get(ApiKey, key_id)
    expected = key.secret_sha256 if key else digest("")
    if not hmac.compare_digest(digest(secret), expected) or key is None:
        return None
    return None if key.revoked_at is not None else key


class Limiter(Protocol):
    """Allowances of requests, one per key (an API key's id, a client's address), each
    refilled over time. ``TokenBuckets`` keeps them in this process; ``RedisBuckets``
    (app/core/shared_limits.py) in Redis, shared by every worker. Async, as a shared store
    is a round trip away."""

    async def spend(self, key: str) -> float:
        """Take one request from ``key``'s allowance: 0 if it may go now, else the seconds
        until it may (and nothing is taken)."""
        ...

    async def waiting(self, key: str) -> float:
        """The seconds until ``key`` may make a request (0: now), taking nothing."""
        ...


class TokenBuckets:
    """A token bucket per key, in this process: ``per_minute`` requests, bursts included;
    0 for no limit."""

    # buckets kept at most, between prunings of those that are full again (a client
    # that stopped asking): one address after another must not fill the memory
    PRUNE_AT = 100_000

    def __init__(self, per_minute: int) -> None:
        self.rate = per_minute / 60
        self.capacity = float(per_minute)
        self.buckets: dict[str, tuple[float, float]] = {}
        self.lock = threading.Lock()
        self.prune_at = self.PRUNE_AT

    def _tokens(self, key: str, now: float) -> float:
        tokens, last = self.buckets.get(key, (self.capacity, now))
        return min(self.capacity, tokens + (now - last) * self.rate)

    async def spend(self, key: str) -> float:
        return self.spend_now(key)

    async def waiting(self, key: str) -> float:
        return self.waiting_now(key)

    def spend_now(self, key: str) -> float:
        if self.rate <= 0:
            return 0.0
        now = time.monotonic()
        with self.lock:
            tokens = self._tokens(key, now)
            if tokens >= 1:
                if len(self.buckets) >= self.prune_at and key not in self.buckets:
                    self._prune(now)
                self.buckets[key] = (tokens - 1, now)
                return 0.0
            self.buckets[key] = (tokens, now)
            return (1 - tokens) / self.rate

    def waiting_now(self, key: str) -> float:
        if self.rate <= 0 or key not in self.buckets:
            return 0.0
        with self.lock:
            tokens = self._tokens(key, time.monotonic())
        return 0.0 if tokens >= 1 else (1 - tokens) / self.rate

    def _prune(self, now: float) -> None:
        self.buckets = {
            key: bucket
            for key, bucket in self.buckets.items()
            if self._tokens(key, now) < self.capacity
        }
        # that many clients busy at once: prune again only when they have doubled
        self.prune_at = max(self.PRUNE_AT, 2 * len(self.buckets))


@dataclass(frozen=True)
class Limits:
    """Who may ask how often: each key; each address, for what it asks without a key and
    for the keys it gets wrong. Addresses in ``exempt`` (this machine's, by default: the
    operator, or a proxy that does not say whom it forwards for) are not limited."""

    keys: Limiter
    anonymous: Limiter
    failures: Limiter
    exempt: frozenset[str]

    def address(self, request: Request) -> str | None:
        """The client's address as its allowance is kept (an IPv6 address by its /64, the
        block one subscriber gets); None when it is exempt or unknown."""
        client = request.scope.get("client")
        host = client[0] if client else None
        if host is None or host in self.exempt:
            return None
        if ":" in host:
            try:
                return str(ipaddress.ip_network(f"{host}/64", strict=False))
            except ValueError:
                return host
        return host


def too_many(detail: str, wait: float) -> TooManyRequests:
    return TooManyRequests(detail, headers={"Retry-After": str(max(1, round(wait + 0.5)))})


def authenticate(*, engine: Engine, token: str) -> ApiKey:
    """The live key a bearer token names; 401 when there is none."""
    with Session(engine) as session:
        key = find_key(session=session, token=token)
    if key is None:
        raise Unauthorized("the API key is not valid (unknown, revoked or malformed)")
    return key


async def caller(request: Request) -> Caller:
    """The key in ``Authorization: Bearer ...``, checked and rate-limited; or anonymous.

    Called, not a FastAPI dependency of ``reads`` and ``require``: each dependency costs
    every request about 5% of a claim by id. Both may ask in one request, so the answer is
    kept in the request's scope and a key is looked up (and rate-limited) once.
    """
    found: Caller | None = request.scope.get(CALLER)
    if found is None:
        found = request.scope[CALLER] = await identify(request)
    return found


async def identify(request: Request) -> Caller:
    """Async so that an anonymous read costs no trip to the thread pool; only a key's
    lookup goes there. Without a key, the address spends from its allowance; an address
    that got keys wrong too often may not try another for a while."""
    limits: Limits = request.app.state.limits
    address = limits.address(request)
    header = request.headers.get("authorization")
    if header is None:
        if address is not None and (wait := await limits.anonymous.spend(address)):
            raise too_many(
                "this address is over its rate limit for requests without an API key", wait
            )
        return ANONYMOUS
    if address is not None and (wait := await limits.failures.waiting(address)):
        raise too_many("too many requests with a wrong API key from this address", wait)
    try:
        scheme, _, token = header.partition(" ")
        if scheme.lower() != "bearer":
            raise Unauthorized("the API key is not valid (unknown, revoked or malformed)")
        key = await run_in_threadpool(
            authenticate, engine=request.app.state.engine, token=token.strip()
        )
    except Unauthorized:
        if address is not None:
            await limits.failures.spend(address)
        raise
    if wait := await limits.keys.spend(key.id):
        raise too_many(f"key {key.name!r} is over its rate limit", wait)
    return Caller(key.name, Scope(key.scope))


def require(scope: Scope) -> Callable[[Request], Awaitable[Caller]]:
    async def dependency(request: Request) -> Caller:
        who = await caller(request)
        if who.name is None:
            raise Unauthorized(f"this needs an API key with the {scope.value!r} scope")
        if not who.may(scope):
            assert who.scope is not None  # a key always has one
            raise Forbidden(
                f"key {who.name!r} has the {who.scope.value!r} scope; this needs a key with "
                f"the {scope.value!r} scope{'' if scope is Scope.admin else ' or higher'}"
            )
        return who

    return dependency


async def reads(request: Request) -> Caller:
    """Reads are open unless CLAIMSDB_REQUIRE_KEY_FOR_READS is set."""
    who = await caller(request)
    if request.app.state.settings.require_key_for_reads and who.name is None:
        raise Unauthorized("reading needs an API key on this server")
    return who


Curator = Annotated[Caller, Depends(require(Scope.curate))]
Admin = Annotated[Caller, Depends(require(Scope.admin))]
