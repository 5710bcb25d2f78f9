"""The one backoff policy: waits that double from ``first`` up to ``cap``, each drawn between
half and all of its step ("equal jitter"), so bots, replicas or messages that failed together
do not all knock again at the same instant. Used for Telegram at start-up and while polling,
for replies, and for outbox rows."""

from __future__ import annotations

import random
from dataclasses import dataclass


@dataclass(frozen=True)
class Backoff:
    first: float = 1.0
    cap: float = 60.0

    def delay(self, failures: int) -> float:
        """Seconds to wait after ``failures`` failures in a row (1 for the first)."""
        step = min(self.cap, self.first * 2 ** min(max(failures - 1, 0), 16))
        return step / 2 + random.uniform(0, step / 2)  # noqa: S311 - timing, not a secret
