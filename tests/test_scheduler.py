"""The job layer: its jobs, retention of received-update records and of free text."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select, update

from bot.app import App
from bot.clock import FakeClock, RunningClock
from bot.config import Settings
from bot.core import Inbound
from scheduler.jobs import UPDATE_RETENTION, apply_retention, purge_old_updates
from scheduler.runner import JOBS, build_scheduler
from storage import exchanges, outbox, received_updates
from storage.models import (
    Assessment,
    Incident,
    OutboxMessage,
    Participant,
    Reflection,
    Story,
    TelegramUpdate,
)
from tests.chat_driver import ChatDriver
from tests.cohort_helpers import invite_code, join
from tests.conftest import build_app


@pytest.fixture
def app(db_app: App) -> App:
    """Every test here on SQLite and on PostgreSQL: these flows' queries differ by database."""
    return db_app

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
    assert await statuses(app) == {2: received_updates.HANDLED, 3: received_updates.RECEIVED,
                                   4: received_updates.DELIVERED}
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
                                                      "route_incidents", "send_nudges",
                                                      "apply_retention",
                                                      "retry_replies"]


async def test_retention_erases_old_free_text_only(app: App, admin: ChatDriver,
                                                   clock: FakeClock) -> None:
    await admin.send("/newexchange Old 2024-01-01 2024-01-05")
    await admin.send("/newexchange New 2026-02-01 2026-02-05")
    old = await join(app, await invite_code(admin, "old"), 5101)
    new = await join(app, await invite_code(admin, "new"), 5102)
    async with app.sessions() as session:
        exchange_ids = {}
        for person, slug in ((old, "old"), (new, "new")):
            pid = await session.scalar(select(Participant.id).where(
                Participant.telegram_id == person.user_id))
            assert pid is not None
            session.add(Reflection(participant_id=pid, module_id="m", card_id="c",
                                   text="what I learnt", created_at=clock.now()))
            session.add(Assessment(participant_id=pid, answers={}, note="my note",
                                   recommended_track="core", created_at=clock.now()))
            session.add(Story(participant_id=pid, kind="win", text="our win",
                              created_at=clock.now()))
            exchange_ids[slug] = (await exchanges.find_exchange(session, slug)).id  # type: ignore[union-attr]
            session.add(Incident(exchange_id=exchange_ids[slug], what="what happened",
                                 place="a town", happened="today", severity="low",
                                 status="handled", created_at=clock.now()))
        await session.commit()
        await outbox.enqueue(session, [
            outbox.NewMessage(key="old", chat_id=1, text="relayed words"),
            outbox.NewMessage(key="new", chat_id=1, text="recent words")],
            clock.now() - timedelta(days=8))
        await session.execute(update(OutboxMessage).where(OutboxMessage.key == "old")
                              .values(status="sent"))
        await session.commit()
    # 2026-03-02: the old exchange ended more than 365 days ago, the new one did not.
    erased = await apply_retention(app)
    assert erased == {"reflections": 1, "assessment_notes": 1, "checkin_notes": 0,
                      "stories": 1, "feedback": 0, "incidents": 1, "outbox_texts": 1}
    async with app.sessions() as session:
        left = {(r.participant_id, r.text) for r in await session.scalars(select(Reflection))}
        notes = set(await session.scalars(select(Assessment.note)))
        stories = [s.text for s in await session.scalars(select(Story))]
        kept = {i.exchange_id: (i.what, i.place) for i in await session.scalars(select(Incident))}
        texts = {m.key: m.text for m in await session.scalars(select(OutboxMessage))}
    assert len(left) == 1 and notes == {None, "my note"} and stories == ["our win"]
    assert kept == {exchange_ids["old"]: ("", None),
                    exchange_ids["new"]: ("what happened", "a town")}
    assert texts == {"old": "", "new": "recent words"}  # "new" was never sent
    assert set((await apply_retention(app)).values()) == {0}


async def test_the_scheduler_runs_every_job(settings: Settings) -> None:
    from apscheduler.events import EVENT_JOB_ERROR, EVENT_JOB_EXECUTED, JobExecutionEvent

    live = build_app(settings, clock=RunningClock(datetime.now(UTC)))
    await live.start()
    ran: dict[str, bool] = {}

    def seen(event: JobExecutionEvent) -> None:
        ran[event.job_id] = event.exception is None

    scheduler = build_scheduler(live)
    scheduler.add_listener(seen, EVENT_JOB_EXECUTED | EVENT_JOB_ERROR)
    scheduler.start()
    try:
        for _ in range(100):  # every job's first run is due at start
            if len(ran) == len(JOBS):
                break
            await asyncio.sleep(0.05)
    finally:
        scheduler.shutdown(wait=False)
        await live.close()
    assert ran == {job.__name__: True for job, _ in JOBS}
