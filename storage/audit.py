"""The audit log: append an entry, read the latest."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import AuditEntry


async def record(session: AsyncSession, actor_id: int, action: str, *, target: str = "",
                 outcome: str, now: datetime) -> None:
    session.add(AuditEntry(actor_id=actor_id, action=action, target=target[:80],
                           outcome=outcome, created_at=now))


async def latest(session: AsyncSession, limit: int = 15) -> list[AuditEntry]:
    return list(await session.scalars(select(AuditEntry).order_by(AuditEntry.id.desc())
                                      .limit(limit)))
