"""Broadcasts: a new one, the due ones, the latest per cohort, and the answers to their reply
buttons."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Broadcast, BroadcastAnswer, Cohort, OutboxMessage

# A broadcast's life: scheduled → queued (its outbox rows written) → done; or cancelled while
# still scheduled. A resend of the uncertain copies takes a done one back to queued.
SCHEDULED, QUEUED, DONE, CANCELLED = "scheduled", "queued", "done", "cancelled"


async def get(session: AsyncSession, broadcast_id: int) -> Broadcast | None:
    return await session.get(Broadcast, broadcast_id)


async def create(session: AsyncSession, *, sender_id: int, cohort_id: int, segment: str,
                 text: str, is_html: bool, options: Sequence[str], send_at: datetime | None,
                 now: datetime, status_message_id: int | None) -> Broadcast:
    """A new broadcast, flushed (so it has its number): queued to go now, or scheduled for
    ``send_at``. Its audience is counted when its outbox rows are written."""
    item = Broadcast(
        sender_id=sender_id, cohort_id=cohort_id, segment=segment, text=text, html=is_html,
        options=list(options), send_at=send_at or now,
        status=SCHEDULED if send_at else QUEUED, total=0, skipped_consent=0,
        skipped_blocked=0, created_at=now, status_message_id=status_message_id)
    session.add(item)
    await session.flush()
    return item


async def due(session: AsyncSession, now: datetime, limit: int = 20) -> list[Broadcast]:
    """Scheduled broadcasts whose time has come, locked (skipping those another replica is
    releasing) so each is released once."""
    return list(await session.scalars(
        select(Broadcast).where(Broadcast.status == SCHEDULED, Broadcast.send_at <= now)
        .order_by(Broadcast.send_at).limit(limit).with_for_update(skip_locked=True)))


async def latest(session: AsyncSession, cohort_id: int | None,
                 limit: int = 10) -> list[tuple[Broadcast, str]]:
    """Newest first, with the cohort's handle; all cohorts when ``cohort_id`` is None."""
    query = (select(Broadcast, Cohort.slug).join(Cohort, Cohort.id == Broadcast.cohort_id)
             .order_by(Broadcast.id.desc()).limit(limit))
    if cohort_id is not None:
        query = query.where(Broadcast.cohort_id == cohort_id)
    return [(row[0], row[1]) for row in await session.execute(query)]


async def was_sent_to(session: AsyncSession, broadcast_id: int, participant_id: int) -> bool:
    return await session.scalar(select(OutboxMessage.id).where(
        OutboxMessage.key == f"bc:{broadcast_id}:{participant_id}")) is not None


async def record_answer(session: AsyncSession, broadcast_id: int, participant_id: int,
                        option: int, now: datetime) -> None:
    """A second press changes the answer; there is one per person."""
    existing = await session.scalar(select(BroadcastAnswer).where(
        BroadcastAnswer.broadcast_id == broadcast_id,
        BroadcastAnswer.participant_id == participant_id))
    if existing is None:
        session.add(BroadcastAnswer(broadcast_id=broadcast_id, participant_id=participant_id,
                                    option=option, created_at=now))
    else:
        existing.option, existing.created_at = option, now


async def answer_counts(session: AsyncSession, broadcast_id: int) -> dict[int, int]:
    rows = await session.execute(
        select(BroadcastAnswer.option, func.count())
        .where(BroadcastAnswer.broadcast_id == broadcast_id).group_by(BroadcastAnswer.option))
    return {row[0]: row[1] for row in rows}
