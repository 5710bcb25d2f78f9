"""Queries of the follow-up sweeps: who is due a check-in, a reminder, a digest, a deadline or
a module nudge. Each sweep claims its work with a unique row or a conditional update, so two
schedulers (or a restart) never do the same work twice."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, TypeVar

from sqlalchemy import (
    JSON,
    ColumnElement,
    Select,
    String,
    case,
    cast,
    exists,
    func,
    literal,
    select,
    tuple_,
    type_coerce,
    update,
)
from sqlalchemy.ext.asyncio import AsyncSession

from storage.crypto import ring_of
from storage.database import dialect_name, insert_ignoring_duplicates
from storage.models import (
    Checkin,
    CheckinAnswer,
    CheckinDigest,
    Cohort,
    Commitment,
    ConsentEvent,
    Exchange,
    ModuleProgress,
    OutboxMessage,
    Participant,
)
from storage.types import UtcDateTime

FOLLOWUP = "followup"
Q = TypeVar("Q", bound=Select[*tuple[Any, ...]])


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


def _reachable(query: Q) -> Q:
    """Only people who joined, did not block the bot, and whose latest follow-up decision
    is yes. The decision is looked up per person (the newest of their consent rows, one
    step down ``ix_consent_events_lookup``), not joined from all decisions grouped: the join
    let a planner without statistics (a fresh import, before ANALYZE) guess a few dozen
    decisions and compare every person with every decision, two minutes for 50,000 people
    on PostgreSQL. A lookup per person cannot be planned into that."""
    latest = (select(ConsentEvent.granted)
              .where(ConsentEvent.participant_id == Participant.id,
                     ConsentEvent.purpose == FOLLOWUP)
              .order_by(ConsentEvent.id.desc()).limit(1)
              .correlate(Participant).scalar_subquery())
    return query.where(latest.is_(True), Participant.onboarded_at.is_not(None),
                       Participant.blocked_at.is_(None))


async def exchanges_ended_between(session: AsyncSession, first: date,
                                  last: date) -> list[Exchange]:
    return list(await session.scalars(
        select(Exchange).where(Exchange.ends_on >= first, Exchange.ends_on <= last)
        .order_by(Exchange.id)))


def _round_people(exchange_id: int, *columns: Any) -> Select[Any]:
    """``columns`` of the exchange's participants who can be reached."""
    return _reachable(
        select(*columns).join(Cohort, Cohort.id == Participant.cohort_id)
        .where(Cohort.exchange_id == exchange_id, Participant.role == "participant"))


def _round_candidates(exchange_id: int, offset_days: int) -> Select[int]:
    """Participants of the exchange, reachable, without a check-in of this round yet."""
    done = exists().where(Checkin.participant_id == Participant.id,
                          Checkin.offset_days == offset_days)
    return _round_people(exchange_id, Participant.id).where(~done)


_ZONE = func.coalesce(Participant.timezone, "UTC")


async def round_groups(session: AsyncSession, exchange_id: int,
                       offset_days: int) -> list[tuple[str, int, int]]:
    """The distinct (zone, quiet start, quiet end) of those still due this round: whether a
    check-in may go out now depends on nothing else, so the decision is made per group (a
    few hundred at most) and the rows are written by the database, not one by one."""
    candidates = _round_candidates(exchange_id, offset_days).subquery()
    rows = await session.execute(
        select(_ZONE, Participant.quiet_start, Participant.quiet_end)
        .where(Participant.id.in_(select(candidates.c.id))).distinct())
    return [(row[0], row[1], row[2]) for row in rows]


async def open_round(session: AsyncSession, exchange_id: int, offset_days: int,
                     groups: Sequence[tuple[str, int, int]], now: datetime) -> int:
    """Write the round's check-ins for everyone in ``groups``: ``paused`` for whoever has
    paused (counted, not sent), ``sent`` for the rest. Returns how many were written."""
    if not groups:
        return 0
    paused = (Participant.paused_until.is_not(None)) & (Participant.paused_until > now)
    status = case((paused, literal("paused")), else_=literal("sent"))
    # Who has this round's check-in already is left to the conflict clause, not asked of
    # the check-ins: a statement that reads the table it fills, planned while it was still
    # empty, re-read it once per person (quadratic: 7 s for 50,000 on PostgreSQL).
    chosen = (_round_people(exchange_id, Participant.id, literal(exchange_id),
                            Participant.cohort_id, literal(offset_days), status,
                            literal(now, UtcDateTime()))
              .where(tuple_(_ZONE, Participant.quiet_start, Participant.quiet_end)
                     .in_(list(groups))))
    table = Checkin.__table__  # the Table: the ORM's bulk path costs more than the rows
    statement = (insert_ignoring_duplicates(session, table,
                                            index_elements=["participant_id", "offset_days"])
                 .from_select(["participant_id", "exchange_id", "cohort_id", "offset_days",
                               "status", "created_at"], chosen))
    result = await session.execute(statement)
    return result.rowcount or 0  # type: ignore[attr-defined]


async def invite_round(session: AsyncSession, exchange_id: int, offset_days: int,
                       texts: dict[str, tuple[str, str]], now: datetime) -> int:
    """An outbox row per ``sent`` check-in of the round that has none yet, in each
    person's language: ``texts`` maps a language to (text, button label). The button's data
    is ``1:ci:<check-in id>``, spliced in by the database."""
    queued = 0
    table = OutboxMessage.__table__
    # PostgreSQL needs the text cast to json; SQLite stores JSON as text, and its CAST to an
    # unknown type name would turn the text into a number.
    postgres = dialect_name(session) == "postgresql"

    def as_json(text: ColumnElement[str]) -> ColumnElement[Any]:
        return cast(text, JSON) if postgres else type_coerce(text, JSON)

    for language, (text, label) in texts.items():
        head, tail = json.dumps([[[label, "1:ci:"]]]).rsplit('"]]]', 1)
        checkin_id = cast(Checkin.id, String)
        sealed = ring_of(session.get_bind().dialect).encrypt(text)
        chosen = (
            select(literal("checkin:") + cast(Checkin.participant_id, String) + literal(":")
                   + cast(Checkin.offset_days, String),
                   # Encrypted here: a literal bypasses the column's own encryption.
                   Participant.telegram_id, Checkin.participant_id, literal(sealed),
                   literal(False), as_json(literal(head) + checkin_id + literal('"]]]' + tail)),
                   literal("pending"), literal(0), literal(now, UtcDateTime()),
                   literal(now, UtcDateTime()), literal(exchange_id))
            .join(Participant, Participant.id == Checkin.participant_id)
            .where(Checkin.exchange_id == exchange_id, Checkin.offset_days == offset_days,
                   Checkin.status == "sent", Participant.language == language))
        statement = (insert_ignoring_duplicates(session, table, index_elements=["key"])
                     .from_select(["key", "chat_id", "participant_id", "text", "html",
                                   "buttons", "status", "attempts", "next_attempt_at",
                                   "created_at", "exchange_id"], chosen))
        result = await session.execute(statement)
        queued += result.rowcount or 0  # type: ignore[attr-defined]
    return queued


async def round_languages(session: AsyncSession, exchange_id: int,
                          offset_days: int) -> list[str]:
    return list(await session.scalars(
        select(Participant.language).join(Checkin, Checkin.participant_id == Participant.id)
        .where(Checkin.exchange_id == exchange_id, Checkin.offset_days == offset_days)
        .distinct()))


async def unanswered_since(session: AsyncSession, before: datetime) -> list[tuple[int, Person]]:
    """Check-ins sent before ``before``, neither answered nor reminded: (check-in id, person)."""
    rows = await session.execute(_reachable(
        select(Checkin.id, *_PERSON).join(Participant, Participant.id == Checkin.participant_id)
        .where(Checkin.status == "sent", Checkin.reminded_at.is_(None),
               Checkin.created_at <= before)))
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
    statement = (insert_ignoring_duplicates(session, CheckinDigest)
                 .values(cohort_id=cohort_id, offset_days=offset_days, created_at=now)
                 .returning(CheckinDigest.cohort_id))
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
    rows = await session.execute(_reachable(
        select(Commitment.id, Commitment.what, Commitment.due_on, *_PERSON)
        .join(Participant, Participant.id == Commitment.participant_id)
        .where(Commitment.status == "open", Commitment.due_on >= first,
               Commitment.due_on <= last)))
    return [(row[0], row[1], row[2], Person(*row[3:])) for row in rows]


async def idle_learners(session: AsyncSession, idle_before: datetime,
                        max_nudges: int) -> list[tuple[Person, str, int, datetime | None]]:
    """People with an unfinished module untouched since ``idle_before``, nudged fewer than
    ``max_nudges`` times: (person, module id, nudges so far, last nudge)."""
    last_touch = func.max(ModuleProgress.updated_at)
    rows = await session.execute(_reachable(
        select(*_PERSON, Participant.current_module, Participant.module_nudges,
               Participant.module_nudged_at, last_touch)
        .join(ModuleProgress, ModuleProgress.participant_id == Participant.id)
        .where(ModuleProgress.completed_at.is_(None), Participant.current_module.is_not(None)))
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
    rows = await session.execute(_reachable(
        select(*_PERSON).join(Cohort, Cohort.id == Participant.cohort_id)
        .where(Cohort.exchange_id == exchange_id, Participant.role == "participant")))
    return [Person(*row) for row in rows]
