"""Retention: free text that people wrote is deleted once the retention period after their
exchange's end has passed (the figures built from it stay; the words go)."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import ColumnElement, String, delete, literal, select, type_coerce, update
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import InstrumentedAttribute

from storage.models import (
    Assessment,
    Checkin,
    CheckinAnswer,
    Cohort,
    Exchange,
    Incident,
    OutboxMessage,
    Participant,
    Reflection,
    SessionFeedback,
    Story,
)
from storage.outbox import FINAL

# Encrypted text never compares equal (every encryption differs), so blanking writes and tests
# the stored value itself: an empty string, which reads back as empty.
_EMPTY = literal("", String)


def _raw(column: ColumnElement[str] | InstrumentedAttribute[str]) -> ColumnElement[str]:
    return type_coerce(column, String)


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
    stories = await session.execute(delete(Story).where(Story.participant_id.in_(people)))
    feedback = await session.execute(
        update(SessionFeedback).where(SessionFeedback.participant_id.in_(people),
                                      SessionFeedback.text.is_not(None)).values(text=None))
    old_exchanges = select(Exchange.id).where(Exchange.ends_on < ended_before)
    incidents = await session.execute(
        update(Incident).where(Incident.exchange_id.in_(old_exchanges),
                               _raw(Incident.what) != "").values(what=_EMPTY, place=None))
    return {"reflections": reflections.rowcount or 0,  # type: ignore[attr-defined]
            "assessment_notes": notes.rowcount or 0,  # type: ignore[attr-defined]
            "checkin_notes": checkin_notes.rowcount or 0,  # type: ignore[attr-defined]
            "stories": stories.rowcount or 0,  # type: ignore[attr-defined]
            "feedback": feedback.rowcount or 0,  # type: ignore[attr-defined]
            "incidents": incidents.rowcount or 0}  # type: ignore[attr-defined]


async def blank_sent_messages(session: AsyncSession, before: datetime) -> int:
    """The text of messages sent (or given up on) before ``before``: the row stays, for the
    once-only key and the delivery counts, but relayed words do not linger."""
    result = await session.execute(
        update(OutboxMessage).where(OutboxMessage.status.in_(FINAL),
                                    OutboxMessage.created_at < before,
                                    _raw(OutboxMessage.text) != "").values(text=_EMPTY))
    return result.rowcount or 0  # type: ignore[attr-defined]
