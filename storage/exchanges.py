"""Exchanges, their cohorts, and invite codes into a cohort."""

from __future__ import annotations

import re
import secrets
import string
import unicodedata
from datetime import date, datetime

from sqlalchemy import func, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.models import Cohort, Exchange, InviteCode, Participant

# Telegram deep-link payloads allow A-Z a-z 0-9 _ -; no look-alikes (0/O, 1/l/I) for people
# who copy a code by hand from a projector. Codes are matched regardless of case (a phone
# capitalises the first letter; people type what they read aloud), so no two live codes may
# differ only by case.
CODE_ALPHABET = "".join(c for c in string.ascii_letters + string.digits if c not in "0O1lI")
CODE_LENGTH = 10


def slugify(name: str) -> str:
    """A short ASCII handle for admin commands ("Nairobi 2026" → "nairobi-2026")."""
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return slug[:32] or "exchange"


async def create_exchange(
    session: AsyncSession, name: str, starts_on: date, ends_on: date, *,
    created_by: int | None, now: datetime,
) -> tuple[Exchange, Cohort]:
    """Create an exchange with its first cohort (named like the exchange, same handle)."""
    slug = await _free_slug(session, slugify(name))
    exchange = Exchange(slug=slug, name=name, starts_on=starts_on, ends_on=ends_on,
                        created_by=created_by, created_at=now)
    session.add(exchange)
    await session.flush()
    cohort = Cohort(exchange_id=exchange.id, name=name, slug=slug, created_at=now)
    session.add(cohort)
    await session.flush()
    return exchange, cohort


async def near_duplicate(session: AsyncSession, name: str, starts_on: date,
                         ends_on: date) -> Exchange | None:
    """An exchange a new one would be easy to mistake for: the same name, or the same handle
    (give or take a "-2") with dates that overlap."""
    same_name = await session.scalar(select(Exchange).where(
        func.lower(Exchange.name) == name.lower()).order_by(Exchange.id).limit(1))
    if same_name is not None:
        return same_name
    base = slugify(name)
    overlapping = await session.scalars(select(Exchange).where(
        Exchange.starts_on <= ends_on, Exchange.ends_on >= starts_on).order_by(Exchange.id))
    handle = re.compile(re.escape(base) + r"(-\d+)?")
    return next((e for e in overlapping if handle.fullmatch(e.slug)), None)


async def _free_slug(session: AsyncSession, base: str) -> str:
    """``base``, or ``base-2``, ``base-3`` …: free as an exchange and as a cohort handle."""
    slug, n = base, 1
    while (await session.scalar(select(Exchange.id).where(Exchange.slug == slug)) is not None
           or await session.scalar(select(Cohort.id).where(Cohort.slug == slug)) is not None):
        n += 1
        slug = f"{base}-{n}"
    return slug


async def create_cohort(session: AsyncSession, exchange: Exchange, name: str, *,
                        now: datetime) -> Cohort | None:
    """A further cohort; None if the exchange already has one of that name."""
    taken = await session.scalar(select(Cohort.id).where(
        Cohort.exchange_id == exchange.id, func.lower(Cohort.name) == name.lower()))
    if taken is not None:
        return None
    slug = await _free_slug(session, f"{exchange.slug}-{slugify(name)}"[:44])
    cohort = Cohort(exchange_id=exchange.id, name=name, slug=slug, created_at=now)
    session.add(cohort)
    await session.flush()
    return cohort


async def find_cohort(session: AsyncSession, handle: str) -> tuple[Cohort, Exchange] | None:
    """By the cohort's handle; an exchange's handle or name means its first cohort; else a
    cohort's name, if only one cohort has it."""
    joined = select(Cohort, Exchange).join(Exchange, Exchange.id == Cohort.exchange_id)
    row = (await session.execute(joined.where(Cohort.slug == handle.lower()))).first()
    if row is not None:
        return row[0], row[1]
    exchange = await find_exchange(session, handle)
    cohort = await first_cohort(session, exchange.id) if exchange else None
    if cohort and exchange:
        return cohort, exchange
    named = (await session.execute(
        joined.where(func.lower(Cohort.name) == handle.lower()).limit(2))).all()
    return (named[0][0], named[0][1]) if len(named) == 1 else None


async def cohorts_of(session: AsyncSession, exchange_id: int | None = None,
                     limit: int = 20) -> list[tuple[Cohort, Exchange]]:
    """Cohorts, newest exchange first (all exchanges when ``exchange_id`` is None)."""
    query = (select(Cohort, Exchange).join(Exchange, Exchange.id == Cohort.exchange_id)
             .order_by(Exchange.id.desc(), Cohort.id).limit(limit))
    if exchange_id is not None:
        query = query.where(Cohort.exchange_id == exchange_id)
    return [(row[0], row[1]) for row in await session.execute(query)]


async def invites_of(session: AsyncSession, cohort_id: int) -> list[InviteCode]:
    return list(await session.scalars(
        select(InviteCode).where(InviteCode.cohort_id == cohort_id).order_by(InviteCode.id)))


async def revoke_invite(session: AsyncSession, code: str, now: datetime) -> InviteCode | None:
    """Revoke a live code; None if there is no such live code."""
    invite = await live_invite(session, code)
    if invite is not None:
        invite.revoked_at = now
    return invite


async def facilitators(session: AsyncSession, cohort_id: int) -> list[Participant]:
    """The cohort's facilitators, in the order they joined (the rotation order)."""
    return list(await session.scalars(
        select(Participant).where(Participant.cohort_id == cohort_id,
                                  Participant.role == "facilitator").order_by(Participant.id)))


async def get_exchange(session: AsyncSession, exchange_id: int) -> Exchange | None:
    return await session.get(Exchange, exchange_id)


async def get_cohort(session: AsyncSession, cohort_id: int) -> Cohort | None:
    return await session.get(Cohort, cohort_id)


async def find_exchange(session: AsyncSession, handle: str) -> Exchange | None:
    """By slug, or by name regardless of case."""
    return await session.scalar(
        select(Exchange)
        .where(or_(Exchange.slug == handle.lower(), func.lower(Exchange.name) == handle.lower()))
        .order_by(Exchange.id)
        .limit(1)
    )


async def newest_created_by(session: AsyncSession, telegram_id: int) -> Exchange | None:
    return await session.scalar(select(Exchange).where(Exchange.created_by == telegram_id)
                                .order_by(Exchange.id.desc()).limit(1))


async def first_cohort(session: AsyncSession, exchange_id: int) -> Cohort | None:
    return await session.scalar(
        select(Cohort).where(Cohort.exchange_id == exchange_id).order_by(Cohort.id).limit(1)
    )


async def cohort_with_exchange(
    session: AsyncSession, cohort_id: int
) -> tuple[Cohort, Exchange] | None:
    row = (
        await session.execute(
            select(Cohort, Exchange)
            .join(Exchange, Exchange.id == Cohort.exchange_id)
            .where(Cohort.id == cohort_id)
        )
    ).first()
    return (row[0], row[1]) if row else None


async def create_invite(
    session: AsyncSession, cohort_id: int, *, role: str = "participant",
    created_by: int | None, now: datetime,
) -> InviteCode:
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if await session.scalar(select(InviteCode.id).where(
                func.lower(InviteCode.code) == code.lower())) is None:
            break
    invite = InviteCode(code=code, cohort_id=cohort_id, role=role, created_by=created_by,
                        created_at=now, uses=0)
    session.add(invite)
    await session.flush()
    return invite


async def live_invite(session: AsyncSession, code: str) -> InviteCode | None:
    """The invite with this code in any case, unless unknown or revoked."""
    return await session.scalar(
        select(InviteCode).where(func.lower(InviteCode.code) == code.lower(),
                                 InviteCode.revoked_at.is_(None))
        .order_by(InviteCode.id).limit(1)
    )


async def count_use(session: AsyncSession, invite: InviteCode) -> None:
    await session.execute(
        update(InviteCode).where(InviteCode.id == invite.id).values(uses=InviteCode.uses + 1)
    )


async def members(session: AsyncSession, cohort_id: int) -> list[Participant]:
    """Everyone in the cohort who finished joining, facilitators included."""
    return list(await session.scalars(
        select(Participant).where(Participant.cohort_id == cohort_id,
                                  Participant.onboarded_at.is_not(None))
        .order_by(Participant.id)))
