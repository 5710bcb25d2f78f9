"""Telegram's flood limits: a token bucket for the bot and one per chat."""

from __future__ import annotations

import math
from dataclasses import dataclass, field


@dataclass
class _Bucket:
    """Holds at most ``capacity`` tokens, refilled at ``rate`` per second; starts full."""

    rate: float
    capacity: float
    stamp: float  # when it was last refilled
    tokens: float = field(init=False)

    def __post_init__(self) -> None:
        self.tokens = self.capacity

    def wait(self, now: float) -> float:
        """Refill up to ``now``; seconds until a token is there (0 when one is)."""
        self.tokens = min(self.capacity, self.tokens + max(now - self.stamp, 0.0) * self.rate)
        self.stamp = max(self.stamp, now)
        return 0.0 if self.tokens >= 1 else (1 - self.tokens) / self.rate


class RateLimiter:
    """The bot's bucket holds one second's worth of ``per_second``; each chat's holds
    ``chat_burst`` and refills at ``per_chat_per_second``."""

    def __init__(self, per_second: float, per_chat_per_second: float, chat_burst: int,
                 now: float) -> None:
        if min(per_second, per_chat_per_second) <= 0 or chat_burst < 1:
            raise ValueError("rates must be positive and the chat burst at least 1")
        self.bot = _Bucket(per_second, max(per_second, 1.0), now)
        self.per_chat_per_second, self.chat_burst = per_chat_per_second, chat_burst
        self.chats: dict[int, _Bucket] = {}

    def admit(self, chat_id: int | None, now: float) -> int | None:
        """Take a token from the bot's bucket and the chat's and return None; or, when either
        is empty, take none and return the retry_after to answer with (whole seconds)."""
        buckets = [self.bot]
        if chat_id is not None:
            bucket = _Bucket(self.per_chat_per_second, self.chat_burst, now)
            buckets.append(self.chats.setdefault(chat_id, bucket))
        wait = max(bucket.wait(now) for bucket in buckets)
        if wait > 0:
            return max(1, math.ceil(wait))
        for bucket in buckets:
            bucket.tokens -= 1
        return None
