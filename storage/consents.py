"""The consent ledger: append a decision, read the latest per purpose."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import ConsentEvent, Participant


async def record_consent(
    session: AsyncSession, participant_id: int, purpose: str, granted: bool, *,
    policy_version: str, now: datetime,
) -> None:
    session.add(ConsentEvent(participant_id=participant_id, purpose=purpose, granted=granted,
                             policy_version=policy_version, created_at=now))
    await session.flush()


async def current_consents(session: AsyncSession, participant_id: int) -> dict[str, bool]:
    """Purpose → latest decision; purposes never answered are absent."""
    rows = await session.execute(
        select(ConsentEvent.purpose, ConsentEvent.granted)
        .where(ConsentEvent.participant_id == participant_id)
        .order_by(ConsentEvent.id)
    )
    return {row.purpose: row.granted for row in rows}


async def granted_in_cohort(session: AsyncSession, cohort_id: int, purpose: str) -> set[int]:
    """Ids of the cohort's participants whose latest decision on ``purpose`` is yes."""
    latest = (select(func.max(ConsentEvent.id).label("id"))
              .join(Participant, Participant.id == ConsentEvent.participant_id)
              .where(Participant.cohort_id == cohort_id, ConsentEvent.purpose == purpose)
              .group_by(ConsentEvent.participant_id).subquery())
    rows = await session.scalars(
        select(ConsentEvent.participant_id).join(latest, ConsentEvent.id == latest.c.id)
        .where(ConsentEvent.granted.is_(True)))
    return set(rows)
