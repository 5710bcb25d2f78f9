"""Participants: who they are to us, and where their conversation stands."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import bindparam, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Participant

# Built once: runs for every update, and building a statement costs more than running it.
_BY_TELEGRAM_ID = (select(Participant).where(Participant.telegram_id == bindparam("tid"))
                   .with_for_update())


# Ordered, so that two transactions locking overlapping groups take the locks in one order.
_MANY_BY_TELEGRAM_ID = (select(Participant)
                        .where(Participant.telegram_id.in_(bindparam("tids", expanding=True)))
                        .order_by(Participant.telegram_id).with_for_update())


async def get_many_for_update(session: AsyncSession, telegram_ids: Sequence[int]
                              ) -> dict[int, Participant]:
    """:func:`get_for_update` for several people in one statement (a batch of updates)."""
    found = await session.scalars(_MANY_BY_TELEGRAM_ID, {"tids": list(telegram_ids)})
    return {participant.telegram_id: participant for participant in found}


async def get_for_update(session: AsyncSession, telegram_id: int) -> Participant | None:
    """The participant, row-locked on PostgreSQL so two replicas cannot interleave one
    person's updates (SQLite's ``BEGIN IMMEDIATE`` already serialises writers)."""
    return await session.scalar(_BY_TELEGRAM_ID, {"tid": telegram_id})


async def get(session: AsyncSession, telegram_id: int) -> Participant | None:
    """The participant, to read (someone else's language or alias): no lock, so answers
    from many people never queue behind one row."""
    return await session.scalar(select(Participant)
                                .where(Participant.telegram_id == telegram_id))


async def create(
    session: AsyncSession, telegram_id: int, *, language: str, cohort_id: int | None,
    role: str, step: str, now: datetime,
) -> Participant:
    participant = Participant(
        telegram_id=telegram_id, language=language, cohort_id=cohort_id, role=role, step=step,
        step_data={}, quiet_start=21 * 60, quiet_end=8 * 60, created_at=now, updated_at=now,
    )
    session.add(participant)
    await session.flush()
    return participant


async def mark_blocked(session: AsyncSession, telegram_id: int, now: datetime) -> None:
    participant = await get_for_update(session, telegram_id)
    if participant is not None and participant.blocked_at is None:
        participant.blocked_at = now
