"""Building cohorts for tests through the real flows: exchanges, invites, people who join."""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker

from bot.app import App
from handlers.broadcast_audience import fan_out
from handlers.consent import POLICY_VERSION
from storage import consents, exchanges, outbox, participants
from storage.models import Broadcast
from tests.chat_driver import ChatDriver


async def new_exchange(admin: ChatDriver, name: str = "Lima Exchange") -> str:
    """Returns the exchange's handle (also its first cohort's)."""
    await admin.send(f"/newexchange {name} 2026-03-02 2026-03-06")
    slug = re.search(r"/invite (\S+)", admin.text)
    assert slug, admin.text
    return slug.group(1)


async def invite_code(admin: ChatDriver, cohort: str, role: str = "") -> str:
    await admin.send(f"/invite {cohort} {role}".strip())
    code = re.search(r"/start (\S+)", admin.text)
    assert code, admin.text
    return code.group(1)


async def join(app: App, code: str, user_id: int, *, consents: str = "yyyy",
               region: str = "region-africa", city: str = "Nairobi",
               lang: str = "en") -> ChatDriver:
    """A person who joins with ``code`` and goes through onboarding to the menu.
    ``consents`` answers progress, stories, followup, media in order (y/n)."""
    chat = ChatDriver(app, user_id=user_id)
    await chat.send(f"/start {code}")
    await chat.press(chat.t(lang, "language-name"))
    for answer in consents:
        await chat.press(chat.t(lang, "consent-yes" if answer == "y" else "consent-no"))
    await chat.press(chat.t(lang, "coc-accept"))
    await chat.press(chat.t(lang, region))
    await chat.press(city)
    await chat.press(chat.t(lang, "quiet-keep", start="21:00", end="08:00"))
    await chat.press(chat.t(lang, "assess-later"))
    return chat


async def seed_cohort(sessions: async_sessionmaker[AsyncSession], user_ids: Sequence[int],
                      *, now: datetime, facilitator_id: int | None = None,
                      followup: bool = True, progress: bool = False,
                      stories: bool = False) -> int:
    """A cohort whose members have joined already, written straight to the database (for
    tests where thousands of people onboarding through the flow would only cost time).
    Returns the cohort's id."""
    async with sessions() as session:
        _, cohort = await exchanges.create_exchange(
            session, "Seeded Exchange", now.date(), now.date(), created_by=None, now=now)
        everyone = [(facilitator_id, "facilitator")] if facilitator_id else []
        everyone += [(uid, "participant") for uid in user_ids]
        for telegram_id, role in everyone:
            assert telegram_id is not None
            person = await participants.create(
                session, telegram_id, language="en", cohort_id=cohort.id, role=role,
                step="menu", now=now)
            person.onboarded_at = now
            person.timezone = "Africa/Nairobi"
            await consents.record_consent(session, person.id, "followup", followup,
                                          policy_version=POLICY_VERSION, now=now)
            for purpose, granted in (("progress", progress), ("stories", stories)):
                if granted:
                    await consents.record_consent(session, person.id, purpose, True,
                                                  policy_version=POLICY_VERSION, now=now)
        await session.commit()
        return cohort.id


async def seed_broadcast(app: App, members: Sequence[int], *, sender: int, text: str,
                         html: bool = False) -> tuple[int, int]:
    """A seeded cohort and a broadcast to all of it, already fanned out into the outbox (as
    if confirmed). Returns the broadcast's id and the number of outbox rows."""
    now = app.deps.clock.now()
    cohort_id = await seed_cohort(app.sessions, members, now=now, facilitator_id=sender)
    async with app.sessions() as session:
        item = Broadcast(sender_id=sender, cohort_id=cohort_id, segment="all", text=text,
                         html=html, options=[], send_at=now, status="queued", total=0,
                         skipped_consent=0, skipped_blocked=0, created_at=now)
        session.add(item)
        await session.flush()
        queued = await outbox.enqueue(
            session, await fan_out(session, app.deps.translator, item, now), now)
        await session.commit()
    app.outbox_changed.set()
    return item.id, queued
