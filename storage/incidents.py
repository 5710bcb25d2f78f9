"""Incident reports and who hears them.

A report goes to circles, widest last: 0 the exchange's safety contacts, 1 its coordinators
(its cohorts' coordinators and whoever created it), 2 every administrator (``ADMIN_IDS``) and
coordinator of no cohort. Only people the bot can reach count: a chat it knows (a participant
row, which staff get on their first message), not blocked, not forgotten (id unlinked to 0).
"""

from __future__ import annotations

from collections.abc import Collection
from datetime import datetime, time

from sqlalchemy import ColumnElement, false, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Cohort, Exchange, Incident, OutboxMessage, Participant

SAFETY_CIRCLE, COORDINATOR_CIRCLE, ADMIN_CIRCLE = 0, 1, 2
CIRCLES = (SAFETY_CIRCLE, COORDINATOR_CIRCLE, ADMIN_CIRCLE)
OPEN, ACKNOWLEDGED, HANDLED = "open", "acknowledged", "handled"


def _reachable() -> ColumnElement[bool]:
    return Participant.blocked_at.is_(None) & (Participant.telegram_id != 0)


async def circle(session: AsyncSession, exchange_id: int | None, level: int,
                 admin_ids: Collection[int]) -> list[Participant]:
    """The reachable people of one circle of an exchange's reports, in a stable order."""
    cohorts = select(Cohort.id).where(Cohort.exchange_id == exchange_id)
    who: ColumnElement[bool]
    if level == SAFETY_CIRCLE:
        who = (Participant.role == "safety") & (Participant.cohort_id.is_(None)
                                                | Participant.cohort_id.in_(cohorts))
    elif level == COORDINATOR_CIRCLE:
        creator = select(Exchange.created_by).where(Exchange.id == exchange_id) \
            .scalar_subquery()
        who = ((Participant.role == "coordinator") & Participant.cohort_id.in_(cohorts)) \
            | (Participant.telegram_id == creator) if exchange_id is not None else false()
    else:
        who = or_(Participant.telegram_id.in_(admin_ids),
                  (Participant.role == "coordinator") & Participant.cohort_id.is_(None))
    return list(await session.scalars(select(Participant).where(who, _reachable())
                                      .order_by(Participant.id)))


async def told_up_to(session: AsyncSession, exchange_id: int | None, level: int,
                     admin_ids: Collection[int]) -> set[int]:
    """Participant ids of everyone in circles 0..``level``: those a report has reached."""
    told: set[int] = set()
    for inner in range(level + 1):
        told |= {p.id for p in await circle(session, exchange_id, inner, admin_ids)}
    return told


async def next_circle(session: AsyncSession, exchange_id: int | None, after: int | None,
                      admin_ids: Collection[int]) -> tuple[int, list[Participant]] | None:
    """The first circle past ``after`` with someone not told yet, and those people."""
    told = set() if after is None else await told_up_to(session, exchange_id, after, admin_ids)
    start = 0 if after is None else after + 1
    for level in CIRCLES[start:]:
        fresh = [p for p in await circle(session, exchange_id, level, admin_ids)
                 if p.id not in told]
        if fresh:
            return level, fresh
    return None


async def file_report(session: AsyncSession, *, exchange_id: int | None,
                      reporter_id: int | None, what: str, happened: str, place: str | None,
                      severity: str, now: datetime) -> Incident:
    """A new open report, numbered at once (its alerts name it). No reporter: anonymous, and
    then its time is kept to the day, so it cannot be matched to the reporter's activity."""
    report = Incident(
        exchange_id=exchange_id, reporter_id=reporter_id, what=what, happened=happened,
        place=place, severity=severity, status=OPEN,
        created_at=now if reporter_id is not None
        else datetime.combine(now.date(), time(), tzinfo=now.tzinfo))
    session.add(report)
    await session.flush()
    return report


async def get(session: AsyncSession, incident_id: int) -> Incident | None:
    return await session.get(Incident, incident_id)


async def reporter(session: AsyncSession, report: Incident) -> Participant | None:
    """Who made a named report, while the bot can still reach them (not forgotten: their
    Telegram id unlinked to 0); None for an anonymous report."""
    if report.reporter_id is None:
        return None
    person = await session.get(Participant, report.reporter_id)
    return person if person is not None and person.telegram_id else None


async def exchange_of(session: AsyncSession, cohort_id: int | None) -> Exchange | None:
    if cohort_id is None:
        return None
    return await session.scalar(select(Exchange).join(Cohort, Cohort.exchange_id == Exchange.id)
                                .where(Cohort.id == cohort_id))


async def unrouted(session: AsyncSession) -> list[Incident]:
    """Open reports nobody could be told of yet, oldest first, locked for this sweep. The
    session's changes are flushed first, so the circles asked next see someone just made
    reachable (a new coordinator's row, a role just given)."""
    await session.flush()
    return list(await session.scalars(
        select(Incident).where(Incident.status == OPEN, Incident.circle.is_(None))
        .order_by(Incident.id).with_for_update(skip_locked=True)))


async def due_escalation(session: AsyncSession, before: datetime) -> list[Incident]:
    """Open reports told to a circle before ``before`` and not acknowledged since."""
    return list(await session.scalars(
        select(Incident).where(Incident.status == OPEN, Incident.circle < CIRCLES[-1],
                               Incident.routed_at <= before)
        .order_by(Incident.id).with_for_update(skip_locked=True)))


async def unreached(session: AsyncSession) -> list[Incident]:
    """Open reports not yet at the widest circle whose every alert ended without reaching
    anyone (blocked, refused): waiting for an acknowledgement would be waiting for nobody."""
    found = []
    for report in await session.scalars(
            select(Incident).where(Incident.status == OPEN, Incident.circle < CIRCLES[-1])
            .order_by(Incident.id).with_for_update(skip_locked=True)):
        statuses = set(await session.scalars(select(OutboxMessage.status).where(
            OutboxMessage.key.startswith(f"incident:{report.id}:"))))
        if statuses and statuses <= {"unreachable", "failed"}:
            found.append(report)
    return found


async def desk(session: AsyncSession, exchange_ids: Collection[int] | None,
               limit: int = 12) -> list[tuple[Incident, str | None]]:
    """The reports a safety desk works on: open first, then acknowledged, then the latest
    handled ones; with their exchange's handle. ``None``: every exchange."""
    query = select(Incident, Exchange.slug).outerjoin(Exchange,
                                                      Exchange.id == Incident.exchange_id)
    if exchange_ids is not None:
        query = query.where(Incident.exchange_id.in_(exchange_ids))
    found: list[tuple[Incident, str | None]] = []
    for status in (OPEN, ACKNOWLEDGED, HANDLED):
        rows = await session.execute(query.where(Incident.status == status)
                                     .order_by(Incident.id.desc()).limit(limit - len(found)))
        found += [(row[0], row[1]) for row in rows]
        if len(found) >= limit:
            break
    return found


async def exchanges_without_safety_contact(session: AsyncSession,
                                           since: datetime) -> list[Exchange]:
    """Exchanges still running or in their follow-up year (ending after ``since``) that no
    reachable safety contact serves."""
    found = []
    for exchange in await session.scalars(select(Exchange).where(
            Exchange.ends_on >= since.date()).order_by(Exchange.id)):
        if not await circle(session, exchange.id, SAFETY_CIRCLE, ()):
            found.append(exchange)
    return found
