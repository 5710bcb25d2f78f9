"""Queries of the follow-up sweeps: who is due a check-in, a reminder, a digest, a deadline or
a module nudge. Each sweep claims its work with a unique row or a conditional update, so two
schedulers (or a restart) never do the same work twice."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import exists, func, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import (
    Checkin,
    CheckinAnswer,
    CheckinDigest,
    Cohort,
    Commitment,
    ConsentEvent,
    Exchange,
    ModuleProgress,
    Participant,
)

FOLLOWUP = "followup"


@dataclass(frozen=True, slots=True)
class Person:
    """What a sweep needs of a participant to decide and to write: no more."""

    id: int
    telegram_id: int
    language: str
    timezone: str
    quiet_start: int
    quiet_end: int
    paused_until: datetime | None
    cohort_id: int | None


_PERSON = (Participant.id, Participant.telegram_id, Participant.language,
           func.coalesce(Participant.timezone, "UTC"), Participant.quiet_start,
           Participant.quiet_end, Participant.paused_until, Participant.cohort_id)


def _consented() -> object:
    """Participants whose latest follow-up decision is yes, as a subquery of ids."""
    latest = (select(func.max(ConsentEvent.id).label("id"))
              .where(ConsentEvent.purpose == FOLLOWUP)
              .group_by(ConsentEvent.participant_id).subquery())
    return (select(ConsentEvent.participant_id)
            .join(latest, ConsentEvent.id == latest.c.id)
            .where(ConsentEvent.granted.is_(True)))


def _reachable() -> list[object]:
    """Joined, not blocked, and willing to be followed up."""
    return [Participant.onboarded_at.is_not(None), Participant.blocked_at.is_(None),
            Participant.id.in_(_consented())]  # type: ignore[arg-type]


def _insert(session: AsyncSession):  # type: ignore[no-untyped-def]
    return pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert


async def exchanges_ended_between(session: AsyncSession, first: date,
                                  last: date) -> list[Exchange]:
    return list(await session.scalars(
        select(Exchange).where(Exchange.ends_on >= first, Exchange.ends_on <= last)
        .order_by(Exchange.id)))


async def due_for_round(session: AsyncSession, exchange_id: int,
                        offset_days: int) -> list[Person]:
    """Participants of the exchange, reachable, without a check-in of this round yet."""
    done = exists().where(Checkin.participant_id == Participant.id,
                          Checkin.offset_days == offset_days)
    rows = await session.execute(
        select(*_PERSON).join(Cohort, Cohort.id == Participant.cohort_id)
        .where(Cohort.exchange_id == exchange_id, Participant.role == "participant",
               ~done, *_reachable()))  # type: ignore[arg-type]
    return [Person(*row) for row in rows]


async def record_checkins(session: AsyncSession, rows: Sequence[dict[str, object]]
                          ) -> dict[int, int]:
    """Insert check-ins, skipping any another sweep wrote first; participant id → new id."""
    created: dict[int, int] = {}
    insert = _insert(session)
    for start in range(0, len(rows), 1000):
        statement = (insert(Checkin).on_conflict_do_nothing(
            index_elements=["participant_id", "offset_days"])
            .returning(Checkin.participant_id, Checkin.id))
        for participant_id, checkin_id in await session.execute(statement,
                                                                rows[start:start + 1000]):
            created[participant_id] = checkin_id
    return created


async def unanswered_since(session: AsyncSession, before: datetime) -> list[tuple[int, Person]]:
    """Check-ins sent before ``before``, neither answered nor reminded: (check-in id, person)."""
    rows = await session.execute(
        select(Checkin.id, *_PERSON).join(Participant, Participant.id == Checkin.participant_id)
        .where(Checkin.status == "sent", Checkin.reminded_at.is_(None),
               Checkin.created_at <= before, *_reachable()))  # type: ignore[arg-type]
    return [(row[0], Person(*row[1:])) for row in rows]


async def claim_reminder(session: AsyncSession, checkin_id: int, now: datetime) -> bool:
    """Mark the one reminder as sent; False if someone else did (or it was answered)."""
    result = await session.execute(
        update(Checkin).where(Checkin.id == checkin_id, Checkin.reminded_at.is_(None),
                              Checkin.status == "sent")
        .values(reminded_at=now))
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def claim_digest(session: AsyncSession, cohort_id: int, offset_days: int,
                       now: datetime) -> bool:
    statement = (_insert(session)(CheckinDigest)
                 .values(cohort_id=cohort_id, offset_days=offset_days, created_at=now)
                 .on_conflict_do_nothing().returning(CheckinDigest.cohort_id))
    return (await session.scalar(statement)) is not None


async def round_cohorts(session: AsyncSession, exchange_id: int,
                        offset_days: int) -> list[int]:
    """Cohorts that had check-ins in this round and no digest yet."""
    digested = exists().where(CheckinDigest.cohort_id == Checkin.cohort_id,
                              CheckinDigest.offset_days == offset_days)
    return list(await session.scalars(
        select(Checkin.cohort_id).where(Checkin.exchange_id == exchange_id,
                                        Checkin.offset_days == offset_days,
                                        Checkin.cohort_id.is_not(None), ~digested)
        .distinct()))


@dataclass
class RoundFigures:
    sent: int = 0
    answered: int = 0
    paused: int = 0
    done: int = 0
    progress: int = 0
    blocked: int = 0
    wellbeing: dict[int, int] | None = None
    notes: list[str] | None = None


async def round_figures(session: AsyncSession, cohort_id: int, offset_days: int,
                        sharers: set[int]) -> RoundFigures:
    """A round's figures for one cohort; notes only of ``sharers`` (the sharing consent)."""
    figures = RoundFigures(wellbeing=dict.fromkeys(range(1, 6), 0), notes=[])
    checkins = list(await session.scalars(select(Checkin).where(
        Checkin.cohort_id == cohort_id, Checkin.offset_days == offset_days)))
    for checkin in checkins:
        if checkin.status == "paused":
            figures.paused += 1
            continue
        figures.sent += 1
        if checkin.status == "answered":
            figures.answered += 1
            if checkin.wellbeing and figures.wellbeing is not None:
                figures.wellbeing[checkin.wellbeing] += 1
    answers = await session.execute(
        select(CheckinAnswer.status, CheckinAnswer.note, Checkin.participant_id)
        .join(Checkin, Checkin.id == CheckinAnswer.checkin_id)
        .where(Checkin.cohort_id == cohort_id, Checkin.offset_days == offset_days))
    for status, note, participant_id in answers:
        setattr(figures, status, getattr(figures, status) + 1)
        if note and participant_id in sharers and figures.notes is not None:
            figures.notes.append(note)
    return figures


async def open_commitments_due(session: AsyncSession, first: date,
                               last: date) -> list[tuple[int, str, date, Person]]:
    """Open commitments due between the two dates, of reachable people:
    (id, what, due, person)."""
    rows = await session.execute(
        select(Commitment.id, Commitment.what, Commitment.due_on, *_PERSON)
        .join(Participant, Participant.id == Commitment.participant_id)
        .where(Commitment.status == "open", Commitment.due_on >= first,
               Commitment.due_on <= last, *_reachable()))  # type: ignore[arg-type]
    return [(row[0], row[1], row[2], Person(*row[3:])) for row in rows]


async def idle_learners(session: AsyncSession, idle_before: datetime,
                        max_nudges: int) -> list[tuple[Person, str, int, datetime | None]]:
    """People with an unfinished module untouched since ``idle_before``, nudged fewer than
    ``max_nudges`` times: (person, module id, nudges so far, last nudge)."""
    last_touch = func.max(ModuleProgress.updated_at)
    rows = await session.execute(
        select(*_PERSON, Participant.current_module, Participant.module_nudges,
               Participant.module_nudged_at, last_touch)
        .join(ModuleProgress, ModuleProgress.participant_id == Participant.id)
        .where(ModuleProgress.completed_at.is_(None), Participant.current_module.is_not(None),
               *_reachable())  # type: ignore[arg-type]
        .group_by(*_PERSON, Participant.current_module, Participant.module_nudges,
                  Participant.module_nudged_at)
        .having(last_touch <= idle_before))
    found = []
    for row in rows:
        person = Person(*row[:8])
        module, nudges, nudged_at, touched = row[8], row[9], row[10], row[11]
        if nudged_at is not None and touched > nudged_at:
            nudges = 0  # they learnt since the last nudge: the count starts again
        if nudges < max_nudges:
            found.append((person, str(module), nudges, nudged_at))
    return found


async def claim_module_nudge(session: AsyncSession, participant_id: int, nudges: int,
                             previous: datetime | None, now: datetime) -> bool:
    """Count the nudge; False if another sweep counted one since ``previous``."""
    same = (Participant.module_nudged_at.is_(None) if previous is None
            else Participant.module_nudged_at == previous)
    result = await session.execute(
        update(Participant).where(Participant.id == participant_id, same)
        .values(module_nudges=nudges + 1, module_nudged_at=now))
    return bool(result.rowcount)  # type: ignore[attr-defined]


async def plan_offer_due(session: AsyncSession, exchange_id: int) -> list[Person]:
    """Reachable participants of an exchange (the end-of-exchange offer to write a plan)."""
    rows = await session.execute(
        select(*_PERSON).join(Cohort, Cohort.id == Participant.cohort_id)
        .where(Cohort.exchange_id == exchange_id, Participant.role == "participant",
               *_reachable()))  # type: ignore[arg-type]
    return [Person(*row) for row in rows]
