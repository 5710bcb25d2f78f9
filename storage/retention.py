"""Retention: free text that people wrote is deleted once the retention period after their
exchange's end has passed (the figures built from it stay; the words go)."""

from __future__ import annotations

from datetime import date

from sqlalchemy import delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import (
    Assessment,
    Checkin,
    CheckinAnswer,
    Cohort,
    Exchange,
    Participant,
    Reflection,
)


async def erase_old_text(session: AsyncSession, ended_before: date) -> dict[str, int]:
    """Delete reflections and clear notes of everyone whose exchange ended before the date."""
    people = (select(Participant.id).join(Cohort, Cohort.id == Participant.cohort_id)
              .join(Exchange, Exchange.id == Cohort.exchange_id)
              .where(Exchange.ends_on < ended_before))
    reflections = await session.execute(
        delete(Reflection).where(Reflection.participant_id.in_(people)))
    notes = await session.execute(
        update(Assessment).where(Assessment.participant_id.in_(people),
                                 Assessment.note.is_not(None)).values(note=None))
    checkin_notes = await session.execute(
        update(CheckinAnswer)
        .where(CheckinAnswer.checkin_id.in_(
            select(Checkin.id).where(Checkin.participant_id.in_(people))),
            CheckinAnswer.note.is_not(None))
        .values(note=None))
    return {"reflections": reflections.rowcount or 0,  # type: ignore[attr-defined]
            "assessment_notes": notes.rowcount or 0,  # type: ignore[attr-defined]
            "checkin_notes": checkin_notes.rowcount or 0}  # type: ignore[attr-defined]
