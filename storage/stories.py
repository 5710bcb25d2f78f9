"""Stories participants share with their cohort: kept while the author consents to storing
their progress, shown only while they consent to sharing, withdrawn whenever they wish."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage import consents
from storage.models import Story

SHARING = "stories"  # the consent that lets a story be shown
LOOKED_AT = 50  # the newest stories of a cohort looked through for ones still shared


def share(session: AsyncSession, *, participant_id: int, cohort_id: int | None, kind: str,
          text: str, now: datetime) -> Story:
    story = Story(participant_id=participant_id, cohort_id=cohort_id, kind=kind, text=text,
                  created_at=now)
    session.add(story)
    return story


async def shared_in_cohort(session: AsyncSession, cohort_id: int, limit: int) -> list[Story]:
    """The cohort's newest stories whose authors consent to sharing right now."""
    sharing = await consents.granted_in_cohort(session, cohort_id, SHARING)
    return [story for story in await session.scalars(
        select(Story).where(Story.cohort_id == cohort_id).order_by(Story.id.desc())
        .limit(LOOKED_AT)) if story.participant_id in sharing][:limit]


async def get(session: AsyncSession, story_id: int) -> Story | None:
    return await session.get(Story, story_id)


async def withdraw(session: AsyncSession, story: Story) -> None:
    await session.delete(story)
