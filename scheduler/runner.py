"""Builds and starts the scheduler with every periodic job of the bot."""

from __future__ import annotations

from typing import TYPE_CHECKING

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from scheduler.jobs import purge_old_updates, release_scheduled_broadcasts

if TYPE_CHECKING:
    from bot.app import App


def build_scheduler(app: App) -> AsyncIOScheduler:
    scheduler = AsyncIOScheduler(timezone="UTC")
    scheduler.add_job(purge_old_updates, "interval", hours=1, args=[app],
                      id="purge_old_updates", replace_existing=True,
                      coalesce=True, max_instances=1, next_run_time=app.deps.clock.now())
    scheduler.add_job(release_scheduled_broadcasts, "interval", seconds=30, args=[app],
                      id="release_scheduled_broadcasts", replace_existing=True,
                      coalesce=True, max_instances=1, next_run_time=app.deps.clock.now())
    return scheduler
