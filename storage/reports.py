"""What the coordinators' reports read: who a cohort or an exchange holds, how far each got
in their track, how self-ratings moved between the first and the latest needs assessment,
and the rows a pseudonymised export may carry.

Queries load narrow rows; the arithmetic (rates, medians, means) is plain Python below them,
the same on SQLite and PostgreSQL.
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import (
    Assessment,
    CardResult,
    Checkin,
    Cohort,
    Commitment,
    ConsentEvent,
    Exchange,
    Incident,
    ModuleProgress,
    Participant,
    Reflection,
)

# Facilitators and coordinators sit in cohorts too, but the figures are about learners.
LEARNER = "participant"
# Bound parameters per IN list: far below SQLite's and asyncpg's limits.
CHUNK = 500


def _chunks(ids: Sequence[int]) -> Iterator[list[int]]:
    ordered = sorted(set(ids))
    for start in range(0, len(ordered), CHUNK):
        yield ordered[start:start + CHUNK]


# -- scope ---------------------------------------------------------------------------------
async def newest_exchange(session: AsyncSession) -> Exchange | None:
    return await session.scalar(select(Exchange).order_by(Exchange.id.desc()).limit(1))


async def cohort_ids(session: AsyncSession, exchange_id: int) -> list[int]:
    return list(await session.scalars(
        select(Cohort.id).where(Cohort.exchange_id == exchange_id).order_by(Cohort.id)))


def _learners_of(cohorts: Sequence[int]) -> tuple[ColumnElement[bool], ...]:
    return (Participant.cohort_id.in_(cohorts), Participant.role == LEARNER,
            Participant.onboarded_at.is_not(None))


@dataclass(frozen=True)
class Learner:
    id: int
    track_id: str | None


@dataclass(frozen=True)
class Attempt:
    """One learner's progress through one module."""

    participant_id: int
    module_id: str
    started_at: datetime
    completed_at: datetime | None


async def learners(session: AsyncSession, cohorts: Sequence[int]) -> list[Learner]:
    """Everyone with the participant role who finished joining one of ``cohorts``."""
    rows = await session.execute(select(Participant.id, Participant.track_id)
                                 .where(*_learners_of(cohorts)).order_by(Participant.id))
    return [Learner(row.id, row.track_id) for row in rows]


async def attempts(session: AsyncSession, cohorts: Sequence[int]) -> list[Attempt]:
    rows = await session.execute(
        select(ModuleProgress.participant_id, ModuleProgress.module_id,
               ModuleProgress.started_at, ModuleProgress.completed_at)
        .join(Participant, Participant.id == ModuleProgress.participant_id)
        .where(*_learners_of(cohorts)).order_by(ModuleProgress.id))
    return [Attempt(*row) for row in rows]


async def assessment_history(session: AsyncSession, cohorts: Sequence[int]
                             ) -> dict[int, list[dict[str, object]]]:
    """Learner id → the answers of each needs assessment they completed, oldest first."""
    rows = await session.execute(
        select(Assessment.participant_id, Assessment.answers)
        .join(Participant, Participant.id == Assessment.participant_id)
        .where(*_learners_of(cohorts)).order_by(Assessment.participant_id, Assessment.id))
    history: dict[int, list[dict[str, object]]] = defaultdict(list)
    for participant_id, answers in rows:
        history[participant_id].append(answers)
    return dict(history)


# -- the arithmetic ------------------------------------------------------------------------
@dataclass(frozen=True)
class TrackSummary:
    track_id: str
    enrolled: int  # chose the track
    started: int  # … and opened at least one of its modules
    completed: int  # … and finished every one of them
    median_seconds: float | None  # first start to last finish, among those who completed

    @property
    def rate(self) -> float | None:
        return self.completed / self.enrolled if self.enrolled else None


def track_summaries(people: Sequence[Learner], progress: Sequence[Attempt],
                    tracks: Mapping[str, Sequence[str]]) -> list[TrackSummary]:
    """One summary per track, in the order of ``tracks`` (track id → its module ids)."""
    mine: dict[int, dict[str, Attempt]] = defaultdict(dict)
    for attempt in progress:
        mine[attempt.participant_id][attempt.module_id] = attempt
    summaries = []
    for track_id, modules in tracks.items():
        wanted = set(modules)
        enrolled = [p for p in people if p.track_id == track_id]
        started, durations = 0, []
        for person in enrolled:
            done = [a for m, a in mine[person.id].items() if m in wanted]
            if not done:
                continue
            started += 1
            finished = [a.completed_at for a in done if a.completed_at is not None]
            if len(finished) == len(wanted):
                took = max(finished) - min(a.started_at for a in done)
                durations.append(took.total_seconds())
        summaries.append(TrackSummary(
            track_id, len(enrolled), started, len(durations),
            statistics.median(durations) if durations else None))
    return summaries


@dataclass(frozen=True)
class SkillChange:
    skill: str
    people: int  # with a rating of this skill in both assessments compared
    mean: float | None  # latest minus first, on the 1-5 scale


def _rating(answers: Mapping[str, object], skill: str) -> int | None:
    value = answers.get(f"rate-{skill}")
    # bool is an int too; a rating never is one.
    return value if isinstance(value, int) and not isinstance(value, bool) else None


def skill_changes(history: Mapping[int, Sequence[Mapping[str, object]]],
                  skills: Sequence[str]) -> tuple[int, list[SkillChange]]:
    """(people with at least two assessments, the mean change of each skill among them)."""
    compared = [(answers[0], answers[-1]) for answers in history.values() if len(answers) >= 2]
    changes = []
    for skill in skills:
        deltas = [after - before for first, last in compared
                  if (before := _rating(first, skill)) is not None
                  and (after := _rating(last, skill)) is not None]
        changes.append(SkillChange(skill, len(deltas),
                                   statistics.fmean(deltas) if deltas else None))
    return len(compared), changes


# -- export --------------------------------------------------------------------------------
@dataclass(frozen=True)
class Member:
    """Someone who joined one of an exchange's cohorts, in any role."""

    id: int
    telegram_id: int
    cohort: str  # the cohort's handle
    role: str
    language: str
    region: str | None
    track_id: str | None
    joined_at: datetime | None


async def members(session: AsyncSession, exchange_id: int) -> list[Member]:
    rows = await session.execute(
        select(Participant.id, Participant.telegram_id, Cohort.slug, Participant.role,
               Participant.language, Participant.region, Participant.track_id,
               Participant.onboarded_at)
        .join(Cohort, Cohort.id == Participant.cohort_id)
        .where(Cohort.exchange_id == exchange_id, Participant.onboarded_at.is_not(None))
        .order_by(Participant.id))
    return [Member(*row) for row in rows]


async def consents(session: AsyncSession, participant_ids: Sequence[int]
                   ) -> dict[int, dict[str, bool]]:
    """Participant id → purpose → their current decision (the ledger's latest row)."""
    current: dict[int, dict[str, bool]] = defaultdict(dict)
    for chunk in _chunks(participant_ids):
        rows = await session.execute(
            select(ConsentEvent.participant_id, ConsentEvent.purpose, ConsentEvent.granted)
            .where(ConsentEvent.participant_id.in_(chunk)).order_by(ConsentEvent.id))
        for participant_id, purpose, granted in rows:
            current[participant_id][purpose] = granted
    return dict(current)


# Only the rows of the people named are read: what a consent does not allow never leaves
# the database, not even into this process.
async def progress_of(session: AsyncSession, participant_ids: Sequence[int]
                      ) -> list[ModuleProgress]:
    found: list[ModuleProgress] = []
    for chunk in _chunks(participant_ids):
        found.extend(await session.scalars(
            select(ModuleProgress).where(ModuleProgress.participant_id.in_(chunk))
            .order_by(ModuleProgress.participant_id, ModuleProgress.id)))
    return found


async def card_results_of(session: AsyncSession, participant_ids: Sequence[int]
                          ) -> list[CardResult]:
    found: list[CardResult] = []
    for chunk in _chunks(participant_ids):
        found.extend(await session.scalars(
            select(CardResult).where(CardResult.participant_id.in_(chunk))
            .order_by(CardResult.participant_id, CardResult.id)))
    return found


@dataclass(frozen=True)
class Rated:
    """A needs assessment without its free-text note, which no export carries."""

    participant_id: int
    answers: dict[str, object]
    recommended_track: str
    created_at: datetime


async def assessments_of(session: AsyncSession, participant_ids: Sequence[int]) -> list[Rated]:
    found: list[Rated] = []
    for chunk in _chunks(participant_ids):
        rows = await session.execute(
            select(Assessment.participant_id, Assessment.answers, Assessment.recommended_track,
                   Assessment.created_at)
            .where(Assessment.participant_id.in_(chunk))
            .order_by(Assessment.participant_id, Assessment.id))
        found.extend(Rated(*row) for row in rows)
    return found


async def reflections_of(session: AsyncSession, participant_ids: Sequence[int]
                         ) -> list[Reflection]:
    found: list[Reflection] = []
    for chunk in _chunks(participant_ids):
        found.extend(await session.scalars(
            select(Reflection).where(Reflection.participant_id.in_(chunk))
            .order_by(Reflection.participant_id, Reflection.id)))
    return found


async def incident_counts(session: AsyncSession, exchange_id: int) -> dict[str, int]:
    """Reports of the exchange by severity, plus ``open`` (not yet handled) and ``all``."""
    rows = (await session.execute(select(Incident.severity, Incident.status).where(
        Incident.exchange_id == exchange_id))).all()
    counts: dict[str, int] = {"all": len(rows),
                              "open": sum(1 for _, status in rows if status != "handled")}
    for severity, _ in rows:
        counts[severity] = counts.get(severity, 0) + 1
    return counts


async def plan_counts(session: AsyncSession, cohorts: Sequence[int]) -> dict[str, int]:
    """Commitments of the cohorts' participants by status, and how many people wrote any."""
    rows = (await session.execute(
        select(Commitment.participant_id, Commitment.status)
        .join(Participant, Participant.id == Commitment.participant_id)
        .where(*_learners_of(cohorts)))).all()
    counts = {"people": len({pid for pid, _ in rows}), "open": 0, "done": 0, "dropped": 0}
    for _, status in rows:
        counts[status] = counts.get(status, 0) + 1
    return counts


async def checkin_rounds(session: AsyncSession,
                         exchange_id: int) -> list[tuple[int, int, int, int]]:
    """Per check-in round: (days after the end, sent, answered, paused)."""
    rows = (await session.execute(select(Checkin.offset_days, Checkin.status).where(
        Checkin.exchange_id == exchange_id))).all()
    rounds: dict[int, list[int]] = {}
    for offset, status in rows:
        sent, answered, paused = rounds.setdefault(offset, [0, 0, 0])
        rounds[offset] = [sent + (status != "paused"), answered + (status == "answered"),
                          paused + (status == "paused")]
    return [(offset, *values) for offset, values in sorted(rounds.items())]  # type: ignore[misc]
