"""The outbox: every message not sent as a direct reply (broadcasts, notices, nudges) is a row
here first, with a unique key, so a restart or a second replica never loses or doubles one.

Row states: ``pending`` → ``claimed`` (leased by one dispatcher) → ``sending`` (committed
just before the request leaves) → ``sent`` | ``unreachable`` | ``failed``. A dispatcher that
dies leaves ``claimed`` rows (never sent: back to ``pending``) and ``sending`` rows (perhaps
sent: ``unknown``, never sent again)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import cast

from sqlalchemy import Table, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import OutboxMessage

ButtonRows = tuple[tuple[tuple[str, str], ...], ...]  # ((label, data), …) per row

# Inserts go to the Table, not the mapped class: the ORM's bulk path costs more than the rows.
_TABLE = cast(Table, OutboxMessage.__table__)

PENDING, CLAIMED, SENDING = "pending", "claimed", "sending"
SENT, UNREACHABLE, FAILED, UNKNOWN = "sent", "unreachable", "failed", "unknown"
FINAL = (SENT, UNREACHABLE, FAILED, UNKNOWN)
URGENT, PERSONAL, BULK = "urgent", "personal", "bulk"  # delivery lanes
IN_FLIGHT = (PENDING, CLAIMED, SENDING)


@dataclass(frozen=True)
class NewMessage:
    key: str
    chat_id: int
    text: str
    participant_id: int | None = None
    broadcast_id: int | None = None
    html: bool = False
    buttons: ButtonRows = ()
    not_before: datetime | None = None
    lane: str = BULK
    exchange_id: int | None = None


@dataclass(frozen=True)
class Claimed:
    """A row a dispatcher leased, detached from any session."""

    id: int
    chat_id: int
    text: str
    html: bool
    buttons: ButtonRows
    attempts: int
    broadcast_id: int | None
    participant_id: int | None


@dataclass
class Result:
    id: int
    status: str
    error: str | None = None
    retry_at: datetime | None = None  # for a row going back to pending
    attempts: int = 0
    sent_at: datetime | None = None
    extra: dict[str, object] = field(default_factory=dict)


async def enqueue(session: AsyncSession, messages: Sequence[NewMessage], now: datetime) -> int:
    """Insert the messages whose key is new; returns how many were new. A message to chat 0
    (someone who asked to be forgotten: their id was unlinked to 0) has nobody to reach."""
    messages = [m for m in messages if m.chat_id]
    if not messages:
        return 0
    rows = [{"key": m.key, "chat_id": m.chat_id, "text": m.text,
             "participant_id": m.participant_id, "broadcast_id": m.broadcast_id, "html": m.html,
             "buttons": [[list(b) for b in row] for row in m.buttons], "status": PENDING,
             "attempts": 0, "next_attempt_at": m.not_before or now, "created_at": now}
            for m in messages]
    dialect = session.get_bind().dialect.name
    insert = pg_insert if dialect == "postgresql" else sqlite_insert
    inserted = 0
    for start in range(0, len(rows), 500):  # stay under SQLite's bound-parameter limit
        statement = (insert(_TABLE).on_conflict_do_nothing(index_elements=["key"])
                     .returning(_TABLE.c.id))
        inserted += len((await session.execute(statement, rows[start:start + 500])).all())
    return inserted


async def claim(session: AsyncSession, now: datetime, limit: int) -> list[Claimed]:
    """Lease up to ``limit`` due rows. On PostgreSQL, rows another dispatcher holds are
    skipped, not waited for; SQLite's ``BEGIN IMMEDIATE`` serialises claims anyway."""
    rows = list(await session.scalars(
        select(OutboxMessage)
        .where(OutboxMessage.status == PENDING, OutboxMessage.next_attempt_at <= now)
        .order_by(OutboxMessage.next_attempt_at, OutboxMessage.id)
        .limit(limit)
        .with_for_update(skip_locked=True)))
    if not rows:
        return []
    await session.execute(update(OutboxMessage)
                          .where(OutboxMessage.id.in_([r.id for r in rows]))
                          .values(status=CLAIMED, claimed_at=now))
    return [Claimed(r.id, r.chat_id, r.text, r.html,
                    tuple(tuple((b[0], b[1]) for b in row) for row in r.buttons),
                    r.attempts, r.broadcast_id, r.participant_id) for r in rows]


async def mark_sending(session: AsyncSession, ids: Sequence[int]) -> set[int]:
    """Rows about to leave; returns those still claimed (a row failed meanwhile, say because
    Telegram refused its broadcast's formatting, must not be sent)."""
    result = await session.scalars(
        update(OutboxMessage)
        .where(OutboxMessage.id.in_(ids), OutboxMessage.status == CLAIMED)
        .values(status=SENDING).returning(OutboxMessage.id))
    return set(result)


async def finish(session: AsyncSession, results: Sequence[Result]) -> None:
    for result in results:
        values: dict[str, object] = {"status": result.status, "error": result.error,
                                     "attempts": result.attempts}
        if result.status == PENDING:
            values["next_attempt_at"] = result.retry_at
            values["claimed_at"] = None
        if result.sent_at is not None:
            values["sent_at"] = result.sent_at
        await session.execute(update(OutboxMessage).where(OutboxMessage.id == result.id)
                              .values(**values))


async def recover(session: AsyncSession, now: datetime, lease: timedelta) -> tuple[int, int]:
    """Rows whose dispatcher died (lease expired): claimed → pending, sending → unknown.
    Returns (released, unknown)."""
    expired = OutboxMessage.claimed_at < now - lease
    released = await session.execute(
        update(OutboxMessage).where(OutboxMessage.status == CLAIMED, expired)
        .values(status=PENDING, claimed_at=None))
    unknown = await session.execute(
        update(OutboxMessage).where(OutboxMessage.status == SENDING, expired)
        .values(status=UNKNOWN, error="outcome unknown"))
    return (released.rowcount or 0, unknown.rowcount or 0)  # type: ignore[attr-defined]


async def fail_pending(session: AsyncSession, broadcast_id: int, error: str) -> int:
    """Stop a broadcast that cannot succeed (Telegram refused its formatting)."""
    result = await session.execute(
        update(OutboxMessage)
        .where(OutboxMessage.broadcast_id == broadcast_id,
               OutboxMessage.status.in_((PENDING, CLAIMED)))
        .values(status=FAILED, error=error))
    return result.rowcount or 0  # type: ignore[attr-defined]


async def counts(session: AsyncSession, broadcast_id: int) -> dict[str, int]:
    rows = await session.execute(
        select(OutboxMessage.status, func.count())
        .where(OutboxMessage.broadcast_id == broadcast_id)
        .group_by(OutboxMessage.status))
    return {row[0]: row[1] for row in rows}


def in_flight(counts: dict[str, int]) -> int:
    """Of a broadcast's counts by status: how many are still to go out."""
    return sum(counts.get(status, 0) for status in IN_FLIGHT)


async def next_due(session: AsyncSession) -> datetime | None:
    """When the earliest pending row becomes due, so an idle dispatcher knows how long to
    sleep."""
    return await session.scalar(select(func.min(OutboxMessage.next_attempt_at))
                                .where(OutboxMessage.status == PENDING))
