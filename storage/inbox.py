"""Received updates (``telegram_updates``): durable intake, once-only handling, retention."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import delete, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import TelegramUpdate

RECEIVED, HANDLED, DELIVERED = "received", "handled", "delivered"


async def receive(session: AsyncSession, bot_id: int, updates: Sequence[tuple[int, str]],
                  now: datetime) -> set[int]:
    """Store new updates; returns the ids among them not yet delivered (new ones, and ones a
    crash left half done), i.e. the ones still to work on."""
    if not updates:
        return set()
    dialect = session.bind.dialect.name if session.bind else "sqlite"
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    await session.execute(
        insert(TelegramUpdate)
        .values([{"bot_id": bot_id, "update_id": uid, "status": RECEIVED, "payload": payload,
                  "received_at": now} for uid, payload in updates])
        .on_conflict_do_nothing()
    )
    ids = [uid for uid, _ in updates]
    rows = await session.execute(
        select(TelegramUpdate.update_id).where(
            TelegramUpdate.bot_id == bot_id, TelegramUpdate.update_id.in_(ids),
            TelegramUpdate.status != DELIVERED))
    return {row.update_id for row in rows}


async def get_for_update(session: AsyncSession, bot_id: int,
                         update_id: int) -> TelegramUpdate | None:
    return await session.scalar(
        select(TelegramUpdate)
        .where(TelegramUpdate.bot_id == bot_id, TelegramUpdate.update_id == update_id)
        .with_for_update())


async def record_handled(session: AsyncSession, row: TelegramUpdate | None, *, bot_id: int,
                         update_id: int, outcome: str, now: datetime) -> None:
    """Handled, with the outcome to deliver; what the person sent is no longer kept."""
    if row is None:
        session.add(TelegramUpdate(bot_id=bot_id, update_id=update_id, status=HANDLED,
                                   outcome=outcome, received_at=now))
    else:
        row.status, row.payload, row.outcome = HANDLED, None, outcome


async def mark_delivered(session: AsyncSession, bot_id: int, update_id: int) -> None:
    await session.execute(
        update(TelegramUpdate)
        .where(TelegramUpdate.bot_id == bot_id, TelegramUpdate.update_id == update_id)
        .values(status=DELIVERED, payload=None, outcome=None))


async def unfinished(session: AsyncSession, bot_id: int) -> list[TelegramUpdate]:
    """What a crash left behind, oldest first."""
    return list(await session.scalars(
        select(TelegramUpdate)
        .where(TelegramUpdate.bot_id == bot_id, TelegramUpdate.status != DELIVERED)
        .order_by(TelegramUpdate.update_id)))


async def purge_delivered(session: AsyncSession, before: datetime) -> int:
    """Forget delivered updates received before ``before`` (Telegram never resends an update
    older than a day, so a few days bound the table without risking a duplicate)."""
    result = await session.execute(
        delete(TelegramUpdate).where(TelegramUpdate.status == DELIVERED,
                                     TelegramUpdate.received_at < before))
    return int(getattr(result, "rowcount", 0) or 0)
