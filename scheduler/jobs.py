"""The jobs themselves: plain async functions of the app, testable without a scheduler."""

from __future__ import annotations

import logging
from datetime import timedelta
from typing import TYPE_CHECKING

from handlers.broadcast_jobs import release_due
from handlers.incident_routing import deliver_waiting, escalate_due
from scheduler.nudges import run_nudges
from storage import received_updates
from storage.retention import blank_sent_messages, erase_old_text

if TYPE_CHECKING:
    from bot.app import App

log = logging.getLogger(__name__)

# Telegram keeps an unconfirmed update for at most 24 hours; remembering delivered ids for
# three days recognises any duplicate it could still send, and bounds the table.
UPDATE_RETENTION = timedelta(days=3)
# A sent message's words are kept a week (the sender's status, a late edit), then blanked.
SENT_TEXT_RETENTION = timedelta(days=7)
# A reply still unsent this long after its update arrived has most likely given up; one
# whose delivery is still running in this process is left alone all the same.
REPLY_RETRY_AFTER = timedelta(minutes=1)


async def purge_old_updates(app: App) -> int:
    async with app.sessions() as session:
        purged = await received_updates.purge_delivered(
            session, app.deps.clock.now() - UPDATE_RETENTION)
        await session.commit()
    log.info("updates_purged count=%d", purged)
    return purged


async def retry_replies(app: App) -> int:
    """Replies that gave up after their retries (Telegram or the network down for a while)
    go out once things recover, not only at the next start."""
    if app.retry_replies is None:  # not serving Telegram (the terminal chat)
        return 0
    retried = await app.retry_replies(REPLY_RETRY_AFTER)
    if retried:
        log.info("replies_retried count=%d", retried)
    return retried


async def release_scheduled_broadcasts(app: App) -> int:
    """Scheduled prompts whose time has come go to the outbox (each once)."""
    async with app.sessions() as session:
        released = await release_due(session, app.deps.translator, app.deps.clock.now())
        await session.commit()
    if released:
        app.outbox_changed.set()
    return released


async def route_incidents(app: App) -> int:
    """Incident reports nobody could be told of go to whoever has become reachable; those
    nobody acknowledged in ``INCIDENT_ESCALATE_MINUTES`` go one circle wider."""
    now = app.deps.clock.now()
    async with app.sessions() as session:
        moved = await deliver_waiting(session, app.deps, now)
        moved += await escalate_due(session, app.deps, now,
                                    app.settings.incident_escalate_minutes)
        await session.commit()
    if moved:
        app.outbox_changed.set()
    return moved


async def send_nudges(app: App) -> int:
    """Every follow-up due now (check-ins, reminders, digests, deadlines, module reminders)."""
    return sum((await run_nudges(app)).values())


async def apply_retention(app: App) -> dict[str, int]:
    """Delete the free text whose retention period has passed (``RETENTION_DAYS``), and the
    words of messages sent over a week ago."""
    cutoff = app.deps.clock.now().date() - timedelta(days=app.settings.retention_days)
    async with app.sessions() as session:
        erased = await erase_old_text(session, cutoff)
        erased["outbox_texts"] = await blank_sent_messages(
            session, app.deps.clock.now() - SENT_TEXT_RETENTION)
        await session.commit()
    log.info("retention %s", " ".join(f"{k}={v}" for k, v in sorted(erased.items())))
    return erased
