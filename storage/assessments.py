"""Needs assessments: every completed one is kept; the latest counts."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Assessment


async def save(session: AsyncSession, participant_id: int, answers: Mapping[str, object], *,
               note: str | None, recommended_track: str, now: datetime) -> Assessment:
    row = Assessment(participant_id=participant_id, answers=dict(answers), note=note,
                     recommended_track=recommended_track, created_at=now)
    session.add(row)
    await session.flush()
    return row


async def history(session: AsyncSession, participant_id: int) -> list[Assessment]:
    """Oldest first."""
    return list(await session.scalars(select(Assessment)
                                      .where(Assessment.participant_id == participant_id)
                                      .order_by(Assessment.id)))
