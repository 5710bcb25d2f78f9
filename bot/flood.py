"""Per-person flood limit: beyond ``limit`` updates in ``window`` seconds the bot answers once
that it is slowing down and drops the rest, without touching anyone else. In memory, per
process: its job is to keep one runaway client (or a stuck key) from eating the database."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from enum import StrEnum


class Verdict(StrEnum):
    ALLOW = "allow"
    WARN = "warn"  # the first update over the limit: say so, once
    DROP = "drop"


class FloodGate:
    def __init__(self, limit: int = 20, window: float = 10.0,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self._seen: dict[int, deque[float]] = {}
        self._warned: dict[int, float] = {}  # user → when they were told to slow down

    def check(self, user_id: int) -> Verdict:
        now = self.clock()
        seen = self._seen.setdefault(user_id, deque())
        while seen and seen[0] <= now - self.window:
            seen.popleft()
        seen.append(now)
        if len(self._seen) > 10_000:
            self._forget(now)
        if len(seen) <= self.limit:
            self._warned.pop(user_id, None)
            return Verdict.ALLOW
        if user_id in self._warned:
            return Verdict.DROP
        self._warned[user_id] = now
        return Verdict.WARN

    def _forget(self, now: float) -> None:
        """People quiet for a whole window need no record."""
        quiet = [u for u, seen in self._seen.items() if not seen or seen[-1] <= now - self.window]
        for user_id in quiet:
            self._seen.pop(user_id, None)
            self._warned.pop(user_id, None)
