"""A check-in as its person answers it: the check-in itself and how each commitment stands in
it. Sending check-ins and reminding are the sweeps' (:mod:`storage.followup`)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Checkin, CheckinAnswer


async def get(session: AsyncSession, checkin_id: int) -> Checkin | None:
    return await session.get(Checkin, checkin_id)


async def answer(session: AsyncSession, checkin_id: int,
                 commitment_id: int) -> CheckinAnswer | None:
    """How the commitment stands in the check-in, once the person has said."""
    return await session.scalar(select(CheckinAnswer).where(
        CheckinAnswer.checkin_id == checkin_id, CheckinAnswer.commitment_id == commitment_id))


async def give_status(session: AsyncSession, checkin_id: int, commitment_id: int, status: str,
                      now: datetime) -> CheckinAnswer:
    """The commitment's status in the check-in: a first answer, or a changed one."""
    found = await answer(session, checkin_id, commitment_id)
    if found is None:
        found = CheckinAnswer(checkin_id=checkin_id, commitment_id=commitment_id, status=status,
                              circle_requested=False, created_at=now)
        session.add(found)
    found.status = status
    return found
