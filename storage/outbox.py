"""The outbox: every message not sent as a direct reply (broadcasts, notices, nudges) is a row
here first, with a unique key, so a restart or a second replica never loses or doubles one.

Row states: ``pending`` → ``claimed`` (leased by one dispatcher) → ``sending`` (committed
just before the request leaves) → ``sent`` | ``unreachable`` | ``failed``. A dispatcher that
dies leaves ``claimed`` rows (never sent: back to ``pending``) and ``sending`` rows (perhaps
sent: see the policy below).

Delivery policy, per purpose. Telegram has no idempotency key: a send whose answer never
came (the connection dropped after the request left, a timeout, a crash while ``sending``)
may or may not have arrived. Each row's *lane* says what to do then, and how soon it goes:

- ``urgent`` (safety alerts, escalations, relayed mentor messages): **at least once**. An
  unknown fate sends it again, marked as a possible repeat (``repeat``: the dispatcher puts
  a short line in the recipient's language on top). Missing one is worse than reading one
  twice.
- ``personal`` (notices caused by a person's own action: a pairing notice, an
  acknowledgement to a reporter): ahead of bulk, but never blindly twice: an unknown fate
  ends ``unknown``.
- ``bulk`` (broadcasts, check-ins, nudges): never blindly twice. An unknown fate ends
  ``unknown``; a broadcast's sender sees those as "uncertain" and can send them again to
  just those people (:func:`resend_unknown`: new rows marked as repeats, the old ones
  ``resent``).

Claims take the urgent lane first, then personal, then bulk; inside a lane, exchanges take
turns (each one's oldest due row, then each one's next), so one exchange's big broadcast
cannot hold up another's check-ins. The dispatcher keeps the same order while rows wait for
a sending slot."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import cast

from sqlalchemy import Table, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from bot.core import Button, Rows
from storage.database import insert_ignoring_duplicates
from storage.models import OutboxMessage, Participant

# Inserts go to the Table, not the mapped class: the ORM's bulk path costs more than the rows.
_TABLE = cast(Table, OutboxMessage.__table__)

PENDING, CLAIMED, SENDING = "pending", "claimed", "sending"
SENT, UNREACHABLE, FAILED, UNKNOWN = "sent", "unreachable", "failed", "unknown"
RESENT = "resent"  # was unknown; a new row (a marked repeat) has taken its place
FINAL = (SENT, UNREACHABLE, FAILED, UNKNOWN, RESENT)
IN_FLIGHT = (PENDING, CLAIMED, SENDING)

URGENT, PERSONAL, BULK = "urgent", "personal", "bulk"
LANES = (URGENT, PERSONAL, BULK)  # claimed in this order
AHEAD_OF_BULK = (URGENT, PERSONAL)


@dataclass(frozen=True)
class NewMessage:
    key: str
    chat_id: int
    text: str
    participant_id: int | None = None
    broadcast_id: int | None = None
    html: bool = False
    buttons: Rows = ()  # callback buttons only: a row keeps each one's label and data
    not_before: datetime | None = None
    lane: str = BULK
    exchange_id: int | None = None  # fair turns between exchanges, within a lane
    repeat: bool = False  # may repeat an earlier send: marked as such for the recipient


@dataclass(frozen=True)
class Claimed:
    """A row a dispatcher leased, detached from any session."""

    id: int
    chat_id: int
    text: str
    html: bool
    buttons: Rows
    attempts: int
    broadcast_id: int | None
    participant_id: int | None
    lane: str = BULK
    repeat: bool = False
    language: str | None = None  # the recipient's, for a repeat's marking line


# Stored as JSON ``[[[label, data], …], …]``, the shape rows queued by earlier releases have.
def _stored(rows: Rows) -> list[list[list[str]]]:
    if any(b.url for row in rows for b in row):
        raise ValueError("the outbox keeps callback buttons, not links")
    return [[[b.label, b.data] for b in row] for row in rows]


def _rows(stored: list[list[list[str]]]) -> Rows:
    return tuple(tuple(Button(cell[0], cell[1]) for cell in row) for row in stored)


@dataclass
class Result:
    id: int
    status: str
    error: str | None = None
    retry_at: datetime | None = None  # for a row going back to pending
    attempts: int = 0
    sent_at: datetime | None = None
    repeat: bool = False  # going back to pending as a possible repeat
    extra: dict[str, object] = field(default_factory=dict)


async def enqueue(session: AsyncSession, messages: Sequence[NewMessage], now: datetime) -> int:
    """Insert the messages whose key is new; returns how many were new. A message to chat 0
    (someone who asked to be forgotten: their id was unlinked to 0) has nobody to reach."""
    messages = [m for m in messages if m.chat_id]
    if not messages:
        return 0
    rows = [{"key": m.key, "chat_id": m.chat_id, "text": m.text,
             "participant_id": m.participant_id, "broadcast_id": m.broadcast_id, "html": m.html,
             "buttons": _stored(m.buttons), "status": PENDING,
             "attempts": 0, "next_attempt_at": m.not_before or now, "created_at": now,
             "lane": m.lane, "exchange_id": m.exchange_id, "repeat": m.repeat}
            for m in messages]
    statement = (insert_ignoring_duplicates(session, _TABLE, index_elements=["key"])
                 .returning(_TABLE.c.id))
    inserted = 0
    for start in range(0, len(rows), 500):  # stay under SQLite's bound-parameter limit
        inserted += len((await session.execute(statement, rows[start:start + 500])).all())
    return inserted


async def claim(session: AsyncSession, now: datetime, limit: int,
                lanes: Sequence[str] = LANES) -> list[Claimed]:
    """Lease up to ``limit`` due rows: lane by lane, and inside a lane each exchange's
    oldest, then each one's next (rows for no exchange take turns as one). On PostgreSQL,
    rows another dispatcher holds are skipped, not waited for; SQLite's ``BEGIN IMMEDIATE``
    serialises claims anyway."""
    ids: list[int] = []
    for lane in lanes:
        if len(ids) >= limit:
            break
        ids += await _turns(session, lane, now, limit - len(ids))
    if not ids:
        return []
    # Locked in a second statement: PostgreSQL allows no FOR UPDATE beside a window
    # function. The status is checked again, on the row as it is once locked.
    rows = {r.id: r for r in await session.scalars(
        select(OutboxMessage).where(OutboxMessage.id.in_(ids), OutboxMessage.status == PENDING)
        .with_for_update(skip_locked=True))}
    if not rows:
        return []
    await session.execute(update(OutboxMessage)
                          .where(OutboxMessage.id.in_(list(rows)))
                          .values(status=CLAIMED, claimed_at=now))
    languages = await _languages(session, [r.chat_id for r in rows.values() if r.repeat])
    return [Claimed(r.id, r.chat_id, r.text, r.html, _rows(r.buttons), r.attempts,
                    r.broadcast_id, r.participant_id, r.lane, r.repeat, languages.get(r.chat_id))
            for r in (rows[i] for i in ids if i in rows)]


async def _turns(session: AsyncSession, lane: str, now: datetime, limit: int) -> list[int]:
    """The ids of a lane's due rows in the order they should go: round-robin across
    exchanges, oldest first within each."""
    turn = func.row_number().over(
        partition_by=func.coalesce(OutboxMessage.exchange_id, 0),
        order_by=(OutboxMessage.next_attempt_at, OutboxMessage.id)).label("turn")
    due = (select(OutboxMessage.id, OutboxMessage.next_attempt_at, turn)
           .where(OutboxMessage.status == PENDING, OutboxMessage.lane == lane,
                  OutboxMessage.next_attempt_at <= now)
           .subquery())
    return list(await session.scalars(
        select(due.c.id).order_by(due.c.turn, due.c.next_attempt_at, due.c.id).limit(limit)))


async def _languages(session: AsyncSession, chat_ids: Sequence[int]) -> dict[int, str]:
    """The language of each private chat's person (a private chat's id is the person's)."""
    if not chat_ids:
        return {}
    rows = await session.execute(select(Participant.telegram_id, Participant.language)
                                 .where(Participant.telegram_id.in_(set(chat_ids))))
    return {row[0]: row[1] for row in rows}


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
            if result.repeat:
                values["repeat"] = True
        if result.sent_at is not None:
            values["sent_at"] = result.sent_at
        await session.execute(update(OutboxMessage).where(OutboxMessage.id == result.id)
                              .values(**values))


async def recover(session: AsyncSession, now: datetime, lease: timedelta,
                  held: Collection[int] = ()) -> tuple[int, int]:
    """Rows whose dispatcher died (lease expired): claimed → pending; sending → pending as
    a possible repeat in the urgent lane, → unknown in the others. ``held``: rows the
    calling dispatcher still works on itself, however long they took (a stalled event loop
    must not make it take its own rows for a dead one's). Returns (released, unknown)."""
    expired_ids = [row_id for row_id in await session.scalars(
        select(OutboxMessage.id).where(OutboxMessage.status.in_((CLAIMED, SENDING)),
                                       OutboxMessage.claimed_at < now - lease))
        if row_id not in held]
    if not expired_ids:
        return (0, 0)
    expired = OutboxMessage.id.in_(expired_ids)
    released = await session.execute(
        update(OutboxMessage).where(
            expired, (OutboxMessage.status == CLAIMED)
            | ((OutboxMessage.status == SENDING) & (OutboxMessage.lane == URGENT)))
        .values(status=PENDING, claimed_at=None, next_attempt_at=now,
                repeat=OutboxMessage.repeat | (OutboxMessage.status == SENDING)))
    unknown = await session.execute(
        update(OutboxMessage).where(OutboxMessage.status == SENDING, expired)
        .values(status=UNKNOWN, error="outcome unknown"))
    return (released.rowcount or 0, unknown.rowcount or 0)  # type: ignore[attr-defined]


async def resend_unknown(session: AsyncSession, broadcast_id: int, now: datetime) -> int:
    """Send a broadcast again to just the people whose copy's fate is unknown: a new row
    each (a new key, marked as a possible repeat), the old row ``resent``. Pressed twice:
    the second finds nothing unknown left (the rows are locked meanwhile on PostgreSQL), and
    the new keys are unique anyway."""
    rows = list(await session.scalars(
        select(OutboxMessage).where(OutboxMessage.broadcast_id == broadcast_id,
                                    OutboxMessage.status == UNKNOWN)
        .with_for_update()))
    if not rows:
        return 0
    added = await enqueue(session, [NewMessage(
        key=f"{r.key}:r{r.id}"[-80:], chat_id=r.chat_id, text=r.text,
        participant_id=r.participant_id, broadcast_id=r.broadcast_id, html=r.html,
        buttons=_rows(r.buttons),
        lane=BULK, exchange_id=r.exchange_id, repeat=True) for r in rows], now)
    await session.execute(update(OutboxMessage)
                          .where(OutboxMessage.id.in_([r.id for r in rows]),
                                 OutboxMessage.status == UNKNOWN)
                          .values(status=RESENT))
    return added


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
