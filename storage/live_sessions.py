"""Live sessions (the training kind; the database session is ``session``, as everywhere):
upcoming ones, who attends, reminders and feedback prompts due, feedback."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import (
    Cohort,
    LiveSession,
    Participant,
    SessionAttendance,
    SessionFeedback,
)

QUESTIONS = ("pacing", "inclusivity", "usefulness")


async def upcoming(session: AsyncSession, now: datetime, exchange_id: int | None,
                   limit: int = 10) -> list[LiveSession]:
    """Sessions not yet over, soonest first; of one exchange, or all (``None``)."""
    query = (select(LiveSession).where(LiveSession.starts_at > now - timedelta(hours=12))
             .order_by(LiveSession.starts_at, LiveSession.id).limit(limit * 2))
    if exchange_id is not None:
        query = query.where(LiveSession.exchange_id == exchange_id)
    found = [s for s in await session.scalars(query)
             if s.starts_at + timedelta(minutes=s.minutes) > now]
    return found[:limit]


async def get(session: AsyncSession, live_session_id: int) -> LiveSession | None:
    return await session.get(LiveSession, live_session_id)


async def add(session: AsyncSession, item: LiveSession) -> None:
    """Save a new live session; flushed, so it has its number."""
    session.add(item)
    await session.flush()


async def exchange_of(session: AsyncSession, participant: Participant) -> int | None:
    if participant.cohort_id is None:
        return None
    return await session.scalar(select(Cohort.exchange_id)
                                .where(Cohort.id == participant.cohort_id))


async def attending(session: AsyncSession, participant_id: int) -> set[int]:
    return set(await session.scalars(select(SessionAttendance.session_id)
                                     .where(SessionAttendance.participant_id ==
                                            participant_id)))


async def toggle_attendance(session: AsyncSession, live_session_id: int, participant_id: int,
                            now: datetime) -> bool:
    """Attend, or stop attending; returns whether the person now attends."""
    row = await session.get(SessionAttendance, (live_session_id, participant_id))
    if row is not None:
        await session.delete(row)
        return False
    session.add(SessionAttendance(session_id=live_session_id, participant_id=participant_id,
                                  created_at=now))
    return True


async def members_of_exchange(session: AsyncSession, exchange_id: int) -> list[Participant]:
    return list(await session.scalars(
        select(Participant).join(Cohort, Cohort.id == Participant.cohort_id)
        .where(Cohort.exchange_id == exchange_id, Participant.onboarded_at.is_not(None))))


@dataclass(frozen=True)
class Attendee:
    live_session: LiveSession
    person: Participant


async def attendees_starting_between(session: AsyncSession, first: datetime,
                                     last: datetime) -> list[Attendee]:
    """Attendees (not blocked) of sessions starting between the two moments."""
    rows = await session.execute(
        select(LiveSession, Participant)
        .join(SessionAttendance, SessionAttendance.session_id == LiveSession.id)
        .join(Participant, Participant.id == SessionAttendance.participant_id)
        .where(LiveSession.starts_at > first, LiveSession.starts_at <= last,
               Participant.blocked_at.is_(None)))
    return [Attendee(row[0], row[1]) for row in rows]


async def feedback_for(session: AsyncSession, live_session_id: int,
                       participant_id: int) -> SessionFeedback | None:
    return await session.scalar(select(SessionFeedback).where(
        SessionFeedback.session_id == live_session_id,
        SessionFeedback.participant_id == participant_id))


async def rate(session: AsyncSession, live_session_id: int, participant_id: int,
               question: str, rating: int, *, now: datetime) -> None:
    """One answer (1-5) to one of the :data:`QUESTIONS`; a second press changes it."""
    if question not in QUESTIONS:
        raise ValueError(question)
    row = await feedback_for(session, live_session_id, participant_id)
    if row is None:
        row = SessionFeedback(session_id=live_session_id, participant_id=participant_id,
                              created_at=now)
        session.add(row)
    setattr(row, question, rating)


async def keep_comment(session: AsyncSession, live_session_id: int, participant_id: int,
                       text: str) -> None:
    """The comment beside someone's answers (none without answers: nothing is kept)."""
    row = await feedback_for(session, live_session_id, participant_id)
    if row is not None:
        row.text = text


@dataclass
class Aggregate:
    responses: int
    means: dict[str, float | None]
    spread: dict[str, dict[int, int]]
    texts: list[str]


async def aggregate(session: AsyncSession, live_session_id: int) -> Aggregate:
    rows = list(await session.scalars(select(SessionFeedback).where(
        SessionFeedback.session_id == live_session_id).order_by(SessionFeedback.id)))
    means: dict[str, float | None] = {}
    spread: dict[str, dict[int, int]] = {}
    for question in QUESTIONS:
        values = [v for v in (getattr(r, question) for r in rows) if v is not None]
        means[question] = sum(values) / len(values) if values else None
        spread[question] = {n: values.count(n) for n in range(1, 6)}
    return Aggregate(len(rows), means, spread, [r.text for r in rows if r.text])


async def attendance_count(session: AsyncSession, live_session_id: int) -> int:
    return await session.scalar(select(func.count()).select_from(SessionAttendance)
                                .where(SessionAttendance.session_id == live_session_id)) or 0


async def recent(session: AsyncSession, now: datetime, exchange_id: int | None,
                 limit: int = 5) -> list[LiveSession]:
    """Sessions that have begun, latest first (what feedback is about)."""
    query = (select(LiveSession).where(LiveSession.starts_at <= now)
             .order_by(LiveSession.starts_at.desc()).limit(limit))
    if exchange_id is not None:
        query = query.where(LiveSession.exchange_id == exchange_id)
    return list(await session.scalars(query))
