"""Rate limits that every worker process (and every server) shares, kept in Redis when
CLAIMSDB_REDIS_URL is set: without it each worker counts on its own, and N workers let a
key make N times its limit.

Each allowance is the token bucket ``app.core.auth.TokenBuckets`` keeps in process, held in
a Redis hash and spent by one Lua script, atomic however many workers ask at once, timed by
Redis's own clock so that the workers' clocks do not matter: one round trip, for one
request or (a lease, below) for the next few of a busy key.

When Redis does not answer, the server keeps serving: each worker falls back to counting
in its own process (the limit then holds per worker, as without Redis), says so once in
the log, and asks Redis again after ``RETRY_SECONDS``.
"""

import logging
import time

from redis.asyncio import Redis
from redis.exceptions import RedisError

from app.core.auth import TokenBuckets

log = logging.getLogger("claimsdb.limits")

RETRY_SECONDS = 5.0
# Redis on the same network answers in well under a millisecond: a request waits no longer
# than this for it before the worker counts on its own
TIMEOUT_SECONDS = 0.25

# KEYS[1]: the bucket; ARGV: tokens per second, capacity, how many tokens to take (0: only
# look), how many to give back (what a worker took and did not spend). Takes as many as
# there are, up to the number asked. Returns {tokens taken, seconds until one is there}, the
# seconds as a string (Lua numbers reach the client as integers).
SPEND = """
local rate, capacity = tonumber(ARGV[1]), tonumber(ARGV[2])
local want, back = tonumber(ARGV[3]), tonumber(ARGV[4])
local clock = redis.call("TIME")
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
local bucket = redis.call("HMGET", KEYS[1], "tokens", "at")
local tokens = tonumber(bucket[1]) or capacity
local at = tonumber(bucket[2]) or now
tokens = math.min(capacity, tokens + back + math.max(0, now - at) * rate)
local taken = math.min(want, math.floor(tokens))
tokens = tokens - taken
if want > 0 or back > 0 then
  redis.call("HSET", KEYS[1], "tokens", tostring(tokens), "at", tostring(now))
  redis.call("EXPIRE", KEYS[1], math.ceil(capacity / rate) + 1)
end
local wait = 0
if tokens < 1 then wait = (1 - tokens) / rate end
return {taken, tostring(wait)}
"""
# A worker takes tokens in advance, a lease, and spends them without asking: a round trip to
# Redis costs more CPU than the request itself (docs/benchmarks.md, "Operations"). A lease is
# at most a second's refill and twice what the key spent from its last lease, so a client
# that asks now and then takes two at a time; it lasts LEASE_SECONDS, and what it did not spend
# goes back with the next request. Nothing is spent that Redis did not grant: with leases
# out, a key may get fewer requests than its limit for a moment, never more.
LEASE_SECONDS = 1.0
# how long a worker trusts Redis's "no wait" for a key it only looks at (the addresses that
# got keys wrong): one round trip per address and second, not per request
LOOK_SECONDS = 1.0


class Lease:
    __slots__ = ("left", "spent", "until")

    def __init__(self) -> None:
        self.left = 0  # tokens taken from Redis and not spent yet
        self.spent = 0  # spent from the current lease
        self.until = 0.0  # when what is left goes back


class RedisState:
    """One server's connection to Redis, and whether it is to be asked now."""

    def __init__(self, url: str, prefix: str) -> None:
        self.url = url
        self.prefix = prefix
        self.client = Redis.from_url(
            url, socket_timeout=TIMEOUT_SECONDS, socket_connect_timeout=TIMEOUT_SECONDS
        )
        self.script = self.client.register_script(SPEND)
        self.down_until = 0.0

    def usable(self) -> bool:
        return time.monotonic() >= self.down_until

    def failed(self, error: Exception) -> None:
        if self.down_until == 0.0:
            log.warning(
                "Redis at %s did not answer (%s): rate limits are counted per worker until it does",
                self.url,
                error,
            )
        self.down_until = time.monotonic() + RETRY_SECONDS

    def answered(self) -> None:
        if self.down_until:
            log.warning("Redis at %s answers again: rate limits are shared again", self.url)
            self.down_until = 0.0

    async def close(self) -> None:
        await self.client.aclose()


class RedisBuckets:
    """``TokenBuckets`` kept in Redis under ``<prefix>limit:<name>:<key>``, shared by every
    process that uses the same Redis; in process (``fallback``) while Redis is away."""

    # leases and looks kept at most, between prunings of the expired: one address after
    # another must not fill the memory
    PRUNE_AT = 100_000

    def __init__(self, redis: RedisState, name: str, per_minute: int) -> None:
        self.redis = redis
        self.namespace = f"{redis.prefix}limit:{name}:"
        self.rate = per_minute / 60
        self.capacity = per_minute
        self.largest_lease = max(1, per_minute // 60)
        self.fallback = TokenBuckets(per_minute)
        self.leases: dict[str, Lease] = {}
        self.looks: dict[str, float] = {}  # key -> until when it needs no wait

    async def spend(self, key: str) -> float:
        if self.rate <= 0:
            return 0.0
        now = time.monotonic()
        lease = self.leases.get(key)
        if lease is not None and lease.left > 0 and now < lease.until:
            lease.left -= 1
            lease.spent += 1
            return 0.0
        if lease is None:
            if len(self.leases) >= self.PRUNE_AT:
                self.leases = {k: v for k, v in self.leases.items() if v.until > now}
            lease = self.leases[key] = Lease()
        # twice what the last lease saw spent: a busy key's leases grow to a second's worth
        want = min(self.largest_lease, 2 * max(1, lease.spent))
        answer = await self.ask(key, want=want, back=lease.left)
        if answer is None:
            lease.left = 0
            return await self.fallback.spend(key)
        taken, wait = answer
        lease.left, lease.spent, lease.until = max(0, taken - 1), 1, now + LEASE_SECONDS
        return 0.0 if taken else wait

    async def waiting(self, key: str) -> float:
        if self.rate <= 0:
            return 0.0
        now = time.monotonic()
        if self.looks.get(key, 0.0) > now:
            return 0.0
        answer = await self.ask(key, want=0, back=0)
        if answer is None:
            return await self.fallback.waiting(key)
        wait = answer[1]
        if not wait:
            if len(self.looks) >= self.PRUNE_AT:
                self.looks = {k: until for k, until in self.looks.items() if until > now}
            self.looks[key] = now + LOOK_SECONDS
        return wait

    async def ask(self, key: str, *, want: int, back: int) -> tuple[int, float] | None:
        """Take up to ``want`` tokens from ``key``'s bucket, giving ``back`` first: how many
        were taken and the seconds until one is there; None when Redis did not answer."""
        if not self.redis.usable():
            return None
        try:
            taken, wait = await self.redis.script(
                keys=[self.namespace + key], args=[self.rate, self.capacity, want, back]
            )
        except (RedisError, OSError) as error:
            self.redis.failed(error)
            return None
        self.redis.answered()
        return int(taken), float(wait)
