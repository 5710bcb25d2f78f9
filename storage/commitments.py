"""Action briefs: each participant's commitments (what, who is responsible, by when), and
their status: open, done or dropped."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Commitment

OPEN, DONE, DROPPED = "open", "done", "dropped"
STATUSES = (OPEN, DONE, DROPPED)


async def open_for(session: AsyncSession, participant_id: int) -> list[Commitment]:
    """The participant's open commitments, soonest due first (then in the order written)."""
    return list(await session.scalars(
        select(Commitment)
        .where(Commitment.participant_id == participant_id, Commitment.status == OPEN)
        .order_by(Commitment.due_on, Commitment.id)))


async def all_for(session: AsyncSession, participant_id: int) -> list[Commitment]:
    """Every commitment of the participant, whatever its status, in the order written."""
    return list(await session.scalars(
        select(Commitment).where(Commitment.participant_id == participant_id)
        .order_by(Commitment.id)))


async def owned(session: AsyncSession, participant_id: int,
                commitment_id: int) -> Commitment | None:
    """The commitment, only if it belongs to that participant (button data is untrusted)."""
    return await session.scalar(select(Commitment).where(
        Commitment.id == commitment_id, Commitment.participant_id == participant_id))


async def status_counts(session: AsyncSession, participant_id: int) -> dict[str, int]:
    """Status → how many; statuses with none are absent."""
    rows = await session.execute(
        select(Commitment.status, func.count())
        .where(Commitment.participant_id == participant_id).group_by(Commitment.status))
    return {row[0]: row[1] for row in rows}


async def add(session: AsyncSession, participant_id: int, *, what: str, who: str,
              due_on: date, now: datetime) -> Commitment:
    row = Commitment(participant_id=participant_id, what=what, who=who, due_on=due_on,
                     status=OPEN, created_at=now, updated_at=now, closed_at=None)
    session.add(row)
    await session.flush()  # the id goes into button data
    return row


def update(row: Commitment, *, now: datetime, what: str | None = None, who: str | None = None,
           due_on: date | None = None) -> None:
    """Change the fields given; the others stay as they are."""
    if what is not None:
        row.what = what
    if who is not None:
        row.who = who
    if due_on is not None:
        row.due_on = due_on
    row.updated_at = now


def set_status(row: Commitment, status: str, *, now: datetime) -> None:
    """Open, done or dropped; ``closed_at`` is when it stopped being open."""
    if status not in STATUSES:
        raise ValueError(f"unknown commitment status: {status}")
    row.status = status
    row.updated_at = now
    row.closed_at = None if status == OPEN else now
