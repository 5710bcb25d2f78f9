"""Builds and starts the scheduler with every periodic job of the bot."""

from __future__ import annotations

from typing import TYPE_CHECKING

from apscheduler.schedulers.asyncio import AsyncIOScheduler

from scheduler.jobs import purge_old_updates

if TYPE_CHECKING:
    from bot.app import App


def build_scheduler(app: App) -> AsyncIOScheduler:
    scheduler = AsyncIOScheduler(timezone="UTC")
    scheduler.add_job(purge_old_updates, "interval", hours=1, args=[app],
                      id="purge_old_updates", replace_existing=True,
                      coalesce=True, max_instances=1, next_run_time=app.deps.clock.now())
    return scheduler
