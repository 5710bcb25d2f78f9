"""The job layer: retention of received-update records."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from bot.app import App
from bot.clock import FakeClock
from bot.core import Inbound
from scheduler.jobs import UPDATE_RETENTION, purge_old_updates
from scheduler.runner import build_scheduler
from storage import inbox
from storage.models import TelegramUpdate

BOT = 42


async def statuses(app: App) -> dict[int, str]:
    async with app.sessions() as session:
        rows = (await session.scalars(select(TelegramUpdate))).all()
    return {r.update_id: r.status for r in rows}


async def test_delivered_updates_are_forgotten_after_the_retention(app: App,
                                                                   clock: FakeClock) -> None:
    await app.receive(BOT, [(1, "{}"), (2, "{}"), (3, "{}")])
    await app.handle(Inbound.from_text(1, 9, 9, "/help"), bot_id=BOT)
    await app.mark_delivered(BOT, 1)
    await app.handle(Inbound.from_text(2, 9, 9, "/help"), bot_id=BOT)  # handled, not sent
    clock.advance(UPDATE_RETENTION + timedelta(minutes=1))
    await app.receive(BOT, [(4, "{}")])
    await app.mark_delivered(BOT, 4)  # delivered, but recent
    assert await purge_old_updates(app) == 1
    assert await statuses(app) == {2: inbox.HANDLED, 3: inbox.RECEIVED, 4: inbox.DELIVERED}
    # A duplicate of a purged id would be new again; within retention it is recognised.
    assert await app.receive(BOT, [(4, "{}")]) == set()


async def test_a_duplicate_is_handled_once_and_a_crash_keeps_the_outcome(app: App) -> None:
    inbound = Inbound.from_text(10, 9, 9, "/start")
    first = await app.handle(inbound, bot_id=BOT)
    assert first.replies
    # Handled but never delivered (a crash): the same outcome comes back, not a new one.
    again = await app.handle(inbound, bot_id=BOT)
    assert again == first
    await app.mark_delivered(BOT, 10)
    assert (await app.handle(inbound, bot_id=BOT)).replies == ()


def test_jobs_have_explicit_ids(app: App) -> None:
    scheduler = build_scheduler(app)
    assert [job.id for job in scheduler.get_jobs()] == ["purge_old_updates",
                                                      "release_scheduled_broadcasts",
                                                      "send_nudges", "apply_retention"]
