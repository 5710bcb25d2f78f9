"""Knowledge-hub submissions: a participant's story or after-action review, proposed by them or
by a facilitator on their behalf, published only with the author's consent and a coordinator's
approval.

A submission's status: ``asking`` (a facilitator wrote it; the author has not answered yet) →
``awaiting`` (the author agreed; a coordinator decides) → ``approved`` | ``declined``. An author
who says no never leaves a row behind: their words are deleted at once.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import LibrarySubmission, Participant

ASKING, AWAITING, APPROVED, DECLINED = "asking", "awaiting", "approved", "declined"
KINDS = ("story", "after-action")  # what people share; also knowledge-hub types


async def add(session: AsyncSession, *, author_id: int, submitted_by: int, kind: str,
              title: str, text: str, language: str, status: str,
              now: datetime) -> LibrarySubmission:
    row = LibrarySubmission(author_id=author_id, submitted_by=submitted_by, kind=kind,
                            title=title, text=text, language=language, status=status,
                            created_at=now)
    session.add(row)
    await session.flush()
    return row


async def get(session: AsyncSession, submission_id: int) -> LibrarySubmission | None:
    return await session.get(LibrarySubmission, submission_id)


async def forget(session: AsyncSession, row: LibrarySubmission) -> None:
    await session.delete(row)


def decide(row: LibrarySubmission, status: str, now: datetime) -> None:
    row.status, row.decided_at = status, now


async def next_awaiting(session: AsyncSession) -> tuple[LibrarySubmission | None, int]:
    """The oldest submission waiting for a coordinator, and how many wait."""
    waiting = select(LibrarySubmission).where(LibrarySubmission.status == AWAITING)
    first = await session.scalar(waiting.order_by(LibrarySubmission.id).limit(1))
    count = await session.scalar(select(func.count()).select_from(waiting.subquery()))
    return first, int(count or 0)


async def approved(session: AsyncSession, kind: str | None = None) -> list[LibrarySubmission]:
    """Published submissions, newest first."""
    query = select(LibrarySubmission).where(LibrarySubmission.status == APPROVED)
    if kind is not None:
        query = query.where(LibrarySubmission.kind == kind)
    return list(await session.scalars(query.order_by(LibrarySubmission.decided_at.desc(),
                                                     LibrarySubmission.id.desc())))


async def approved_counts(session: AsyncSession) -> dict[str, int]:
    rows = await session.execute(
        select(LibrarySubmission.kind, func.count()).where(
            LibrarySubmission.status == APPROVED).group_by(LibrarySubmission.kind))
    return {kind: int(count) for kind, count in rows}


async def participant(session: AsyncSession, participant_id: int) -> Participant | None:
    return await session.get(Participant, participant_id)


