"""Time as a port, so tests (and the scheduler's tests) can move it."""

from __future__ import annotations

import time
from datetime import UTC, datetime, timedelta
from typing import Protocol


class Clock(Protocol):
    def now(self) -> datetime:
        """The current time, timezone-aware, in UTC."""
        ...


class SystemClock:
    def now(self) -> datetime:
        return datetime.now(UTC)


class FakeClock:
    """A clock that stands still until told to move."""

    def __init__(self, start: datetime) -> None:
        self._now = start

    def now(self) -> datetime:
        return self._now

    def advance(self, delta: timedelta) -> None:
        self._now += delta

    def jump_to(self, moment: datetime) -> None:
        """Set the time (forward, as after a downtime, or anywhere a test needs)."""
        self._now = moment


class RunningClock(FakeClock):
    """A test clock that starts at a chosen moment and then runs at real speed (for the
    parts that wait real seconds, like retrying a send), and can still be moved ahead."""

    def __init__(self, start: datetime) -> None:
        super().__init__(start)
        self._origin = time.monotonic()

    def now(self) -> datetime:
        return self._now + timedelta(seconds=time.monotonic() - self._origin)

    def jump_to(self, moment: datetime) -> None:
        self._now, self._origin = moment, time.monotonic()
