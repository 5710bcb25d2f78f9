"""Telegram's sending limits, kept on our side so a broadcast runs at the limit without 429s:
about 30 messages a second overall, one a second per private chat, 20 a minute per group;
a 429's ``retry_after`` pauses everything.

Virtual scheduling (GCRA): each send books the next free slot, so many tasks can wait at
once and still leave evenly spaced. A small tolerance absorbs the event loop's wake-up lag
without letting a burst through.

Slots are booked at most ``horizon`` ahead, and for at most ``max_in_flight`` sends not yet
finished (:meth:`RateLimiter.done`), in priority order: the rest wait in one line per
priority. So a thousand claimed broadcast rows hold a quarter of a second of slots, not a
minute, and a safety alert that comes after them takes the next free slot after that. The
cap matters when sending is slower than the limit (a slow network, a busy CPU): the queue
then forms here, where urgent sends go first, not in the HTTP client's connection pool."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections import deque
from collections.abc import Callable

LEVELS = 3  # priorities 0 (first) .. 2; the outbox's lanes map onto them


class RateLimiter:
    def __init__(self, per_second: float = 28.0, *, per_chat_seconds: float = 1.0,
                 group_seconds: float = 3.0, tolerance: float = 0.05, horizon: float = 0.25,
                 max_in_flight: int | None = None,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.interval = 1.0 / per_second
        self.per_chat_seconds = per_chat_seconds
        self.group_seconds = group_seconds
        self.tolerance = tolerance
        self.horizon = horizon
        # A quarter second's worth at the limit, and enough for Telegram's latency at a low
        # rate: sixteen sends a third of a second each still make 48 a second.
        self.max_in_flight = max_in_flight or max(16, int(per_second / 4))
        self._in_flight = 0
        self._wake = asyncio.Event()
        self.clock = clock
        self._next = 0.0  # the earliest time the next send may leave
        self._chats: dict[int, float] = {}
        self._paused_until = 0.0
        self._lines: tuple[deque[tuple[int, asyncio.Future[float]]], ...] = tuple(
            deque() for _ in range(LEVELS))
        self._booker: asyncio.Task[None] | None = None

    def pause(self, seconds: float) -> None:
        """Telegram said 429: nothing leaves before ``seconds`` from now."""
        self._paused_until = max(self._paused_until, self.clock() + seconds)

    @property
    def paused(self) -> bool:
        return self._paused_until > self.clock()

    @property
    def waiting(self) -> int:
        """Sends in line for a slot (not yet booked)."""
        return sum(len(line) for line in self._lines)

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

    async def wait(self, chat_id: int, priority: int = LEVELS - 1) -> None:
        """Return when a message to ``chat_id`` may leave; re-books after a 429 pause that
        began while waiting. Lower ``priority`` numbers are booked first. Every return must
        be followed by one :meth:`done`."""
        priority = min(max(priority, 0), LEVELS - 1)
        while True:
            slot = await self._book(chat_id, priority)
            try:
                delay = slot - self.clock()
                if delay > 0:
                    await asyncio.sleep(delay)
            except BaseException:
                self.done()
                raise
            if not self.paused:
                return
            self.done()

    def done(self) -> None:
        """A send that :meth:`wait` let through has finished (or will not happen)."""
        self._in_flight = max(0, self._in_flight - 1)
        self._wake.set()

    def _open(self) -> bool:
        """Booking now would not reach past the horizon nor over the sends in flight."""
        frontier = max(self._next - self.tolerance, self._paused_until)
        return (frontier <= self.clock() + self.horizon
                and self._in_flight < self.max_in_flight)

    def _take(self, chat_id: int) -> float:
        self._in_flight += 1
        return self.reserve(chat_id)

    async def _book(self, chat_id: int, priority: int) -> float:
        if self._open() and not any(self._lines[:priority + 1]):
            return self._take(chat_id)
        booked: asyncio.Future[float] = asyncio.get_running_loop().create_future()
        self._lines[priority].append((chat_id, booked))
        if self._booker is None or self._booker.done():
            self._booker = asyncio.create_task(self._book_lines())
        return await booked

    async def _book_lines(self) -> None:
        """Book the waiting sends, highest priority first, while slots are within the
        horizon; then sleep until half of it has passed."""
        while any(self._lines):
            while self._open():
                line = next((line for line in self._lines if line), None)
                if line is None:
                    return
                chat_id, booked = line.popleft()
                if not booked.done():  # its task was cancelled meanwhile
                    booked.set_result(self._take(chat_id))
            frontier = max(self._next - self.tolerance, self._paused_until)
            self._wake.clear()
            with contextlib.suppress(TimeoutError):  # woken early when a send finishes
                await asyncio.wait_for(self._wake.wait(), max(
                    0.001, frontier - self.clock() - self.horizon / 2))
