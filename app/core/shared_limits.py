"""Rate limits that every worker process (and every server) shares, kept in Redis when
CLAIMSDB_REDIS_URL is set: without it each worker counts on its own, and N workers let a
key make N times its limit.

Each allowance is the token bucket ``app.auth.TokenBuckets`` keeps in process, held in a
Redis hash and spent by one Lua script: one round trip per request, atomic however many
workers ask at once, timed by Redis's own clock so that the workers' clocks do not matter.

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

# KEYS[1]: the bucket; ARGV: tokens per second, capacity, "1" to spend one or "0" to look.
# Returns the seconds until a request may go, as a string (Lua numbers reach the client as
# integers), "0" when it may go now.
SPEND = """
local rate, capacity, spend = tonumber(ARGV[1]), tonumber(ARGV[2]), ARGV[3] == "1"
local clock = redis.call("TIME")
local now = tonumber(clock[1]) + tonumber(clock[2]) / 1000000
local bucket = redis.call("HMGET", KEYS[1], "tokens", "at")
local tokens = tonumber(bucket[1]) or capacity
local at = tonumber(bucket[2]) or now
tokens = math.min(capacity, tokens + math.max(0, now - at) * rate)
local wait = 0
if tokens >= 1 then
  if spend then tokens = tokens - 1 end
else
  wait = (1 - tokens) / rate
end
if spend then
  redis.call("HSET", KEYS[1], "tokens", tostring(tokens), "at", tostring(now))
  redis.call("EXPIRE", KEYS[1], math.ceil(capacity / rate) + 1)
end
return tostring(wait)
"""


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

    def __init__(self, redis: RedisState, name: str, per_minute: int) -> None:
        self.redis = redis
        self.namespace = f"{redis.prefix}limit:{name}:"
        self.rate = per_minute / 60
        self.capacity = per_minute
        self.fallback = TokenBuckets(per_minute)

    async def spend(self, key: str) -> float:
        return await self.ask(key, spend=True)

    async def waiting(self, key: str) -> float:
        return await self.ask(key, spend=False)

    async def ask(self, key: str, *, spend: bool) -> float:
        if self.rate <= 0:
            return 0.0
        if self.redis.usable():
            try:
                wait = await self.redis.script(
                    keys=[self.namespace + key],
                    args=[self.rate, self.capacity, "1" if spend else "0"],
                )
            except (RedisError, OSError) as error:
                self.redis.failed(error)
            else:
                self.redis.answered()
                return float(wait)
        return await (self.fallback.spend(key) if spend else self.fallback.waiting(key))
