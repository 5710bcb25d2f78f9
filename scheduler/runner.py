"""Builds and starts the scheduler with every periodic job of the bot.

Jobs are short sweeps over the database, with explicit ids and ``replace_existing``: the
state is in the database, so a restart or a second replica loses or doubles nothing."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from scheduler.jobs import (
    apply_retention,
    purge_old_updates,
    release_scheduled_broadcasts,
    retry_replies,
    route_incidents,
    send_nudges,
)

if TYPE_CHECKING:
    from bot.app import App

# (job, seconds between runs)
JOBS: tuple[tuple[Callable[[App], Awaitable[Any]], int], ...] = (
    (purge_old_updates, 3600),
    (release_scheduled_broadcasts, 30),
    (route_incidents, 30),
    (send_nudges, 300),
    (apply_retention, 86400),
    (retry_replies, 60),
)


class Scheduler(AsyncIOScheduler):
    """APScheduler's, with a :meth:`stop` that lets the sweeps already running finish.
    APScheduler's own shutdown cancels them halfway: rolled back, and logged as failed with
    a traceback, for a sweep that a few more milliseconds would have completed."""

    def __init__(self) -> None:
        super().__init__(timezone="UTC")
        self._running: set[asyncio.Task[Any]] = set()

    def tracked(self, job: Callable[[App], Awaitable[Any]]) -> Callable[[App], Awaitable[Any]]:
        @functools.wraps(job)
        async def run(app: App) -> Any:
            task = asyncio.current_task()
            if task is not None:
                self._running.add(task)
            try:
                return await job(app)
            finally:
                self._running.discard(task)

        return run

    async def stop(self, timeout: float = 10.0) -> None:  # noqa: ASYNC109 - a grace period
        """No new runs; wait up to ``timeout`` for those running; then shut down."""
        if not self.running:
            return
        self.pause()
        await asyncio.sleep(0)  # a run submitted just now has started, and counts
        if self._running:
            await asyncio.wait(set(self._running), timeout=timeout)
        self.shutdown(wait=False)


def build_scheduler(app: App) -> Scheduler:
    scheduler = Scheduler()
    for job, seconds in JOBS:
        # A sweep that runs late (a busy loop) still runs, once: late is better than skipped.
        scheduler.add_job(scheduler.tracked(job), "interval", seconds=seconds, args=[app],
                          id=job.__name__,
                          replace_existing=True, coalesce=True, max_instances=1,
                          misfire_grace_time=seconds, next_run_time=app.deps.clock.now())
    return scheduler
