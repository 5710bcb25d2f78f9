"""Telegram's sending limits, kept on our side so a broadcast runs at the limit without 429s:
about 30 messages a second overall, one a second per private chat, 20 a minute per group;
a 429's ``retry_after`` pauses everything.

Virtual scheduling (GCRA): each send reserves the next free slot, so many tasks can wait at
once and still leave evenly spaced. A small tolerance absorbs the event loop's wake-up lag
without letting a burst through."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable


class RateLimiter:
    def __init__(self, per_second: float = 28.0, *, per_chat_seconds: float = 1.0,
                 group_seconds: float = 3.0, tolerance: float = 0.05,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.interval = 1.0 / per_second
        self.per_chat_seconds = per_chat_seconds
        self.group_seconds = group_seconds
        self.tolerance = tolerance
        self.clock = clock
        self._next = 0.0  # the earliest time the next send may leave
        self._chats: dict[int, float] = {}
        self._paused_until = 0.0

    def pause(self, seconds: float) -> None:
        """Telegram said 429: nothing leaves before ``seconds`` from now."""
        self._paused_until = max(self._paused_until, self.clock() + seconds)

    @property
    def paused(self) -> bool:
        return self._paused_until > self.clock()

    def reserve(self, chat_id: int) -> float:
        """Book the next slot for ``chat_id``; returns when it is (monotonic seconds)."""
        now = self.clock()
        slot = max(now, self._next - self.tolerance, self._chats.get(chat_id, 0.0),
                   self._paused_until)
        self._next = max(self._next, slot) + self.interval
        self._chats[chat_id] = slot + (self.group_seconds if chat_id < 0
                                       else self.per_chat_seconds)
        if len(self._chats) > 10_000:  # forget chats whose spacing has long passed
            self._chats = {c: t for c, t in self._chats.items() if t > now}
        return slot

    async def wait(self, chat_id: int) -> None:
        """Return when a message to ``chat_id`` may leave; re-books after a 429 pause that
        began while waiting."""
        while True:
            slot = self.reserve(chat_id)
            delay = slot - self.clock()
            if delay > 0:
                await asyncio.sleep(delay)
            if not self.paused:
                return
