"""Builds and starts the scheduler with every periodic job of the bot.

Jobs are short sweeps over the database, with explicit ids and ``replace_existing``: the
state is in the database, so a restart or a second replica loses or doubles nothing."""

from __future__ import annotations

import asyncio
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


def build_scheduler(app: App, running: set[asyncio.Task[Any]] | None = None
                    ) -> AsyncIOScheduler:
    """The scheduler with every job; with ``running``, each job run is in that set while it
    runs, so :func:`stop` can let it finish."""
    scheduler = AsyncIOScheduler(timezone="UTC")
    for job, seconds in JOBS:
        # A sweep that runs late (a busy loop) still runs, once: late is better than skipped.
        scheduler.add_job(_tracked(job, running) if running is not None else job, "interval",
                          seconds=seconds, args=[app], id=job.__name__, name=job.__name__,
                          replace_existing=True, coalesce=True, max_instances=1,
                          misfire_grace_time=seconds, next_run_time=app.deps.clock.now())
    return scheduler


def _tracked(job: Callable[[App], Awaitable[Any]],
             running: set[asyncio.Task[Any]]) -> Callable[[App], Awaitable[Any]]:
    async def run(app: App) -> Any:
        task = asyncio.current_task()
        if task is not None:
            running.add(task)
        try:
            return await job(app)
        finally:
            running.discard(task)

    return run


async def stop(scheduler: AsyncIOScheduler, running: set[asyncio.Task[Any]],
               timeout: float = 10.0) -> None:  # noqa: ASYNC109
    """No new runs, then the running ones finish (bounded), then the scheduler stops.
    APScheduler's own shutdown cancels a coroutine job half way, in its transaction."""
    if not scheduler.running:
        return
    scheduler.pause()
    if running:
        await asyncio.wait(set(running), timeout=timeout)
    scheduler.shutdown(wait=False)
