"""A live session end to end on each framework, across three time zones: a coordinator adds
it, participants see it in their own time, attend and take the .ics file, get the reminder an
hour before, answer the feedback prompt after, and a facilitator reads the aggregate."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import update

from bot.clock import RunningClock
from bot.config import Settings
from scheduler.nudges import run_nudges
from storage.models import Participant
from tests.cohort_helpers import seed_cohort
from tests.conftest import ADMIN_ID, START, running_bot
from tests.fake_telegram import FakeTelegram
from tests.telegram_user import TelegramUser

FACILITATOR = 720000
PEOPLE = {720001: "Africa/Nairobi", 720002: "America/Bogota", 720003: "Asia/Tokyo"}
LOCAL = {720001: "Wed, 4 Mar 2026, 6:00\u202fpm", 720002: "Wed, 4 Mar 2026, 10:00\u202fam",
         720003: "Thu, 5 Mar 2026, 12:00\u202fam"}


async def test_a_session_across_three_time_zones(telegram: FakeTelegram, settings: Settings,
                                                 running_clock: RunningClock,
                                                 framework: str) -> None:
    for user_id in (ADMIN_ID, FACILITATOR, *PEOPLE):
        telegram.add_user(user_id)
    async with running_bot(telegram, settings.model_copy(update={"bot_framework": framework}),
                           running_clock) as app:
        t = app.deps.translator
        await seed_cohort(app.sessions, list(PEOPLE), now=START, facilitator_id=FACILITATOR,
                          progress=True)
        async with app.sessions() as session:
            for user_id, zone in PEOPLE.items():
                await session.execute(update(Participant).where(
                    Participant.telegram_id == user_id).values(timezone=zone))
            await session.commit()
        coordinator = TelegramUser(telegram, ADMIN_ID)
        await coordinator.send("/addsession seeded-exchange")
        await coordinator.send("Legal observers, live")
        await coordinator.send("2026-03-04 15:00 UTC")
        await coordinator.press(t.format("en", "session-minutes", {"minutes": 60}))
        await coordinator.press(t.format("en", "session-format-stream"))
        await coordinator.send("https://meet.example.org/legal")
        _, [preview] = await coordinator.press("English")
        assert t.format("en", "session-conflicts", {"total": 4, "quiet": 1, "night": 1}) \
            in (preview.text or "")
        await coordinator.press(t.format("en", "session-save"))
        for user_id, zone in PEOPLE.items():
            person = TelegramUser(telegram, user_id)
            [listing] = await person.send("/sessions")
            assert f"{LOCAL[user_id]} ({zone})" in (listing.text or "")
            toast, _ = await person.press("I'll attend #1", replies=0)
            assert toast == t.format("en", "session-attending",
                                     {"title": "Legal observers, live"})
        _, [calendar] = await TelegramUser(telegram, 720002).press("Calendar #1")
        assert calendar.document is not None
        filename, data = calendar.document
        assert filename == "session-1-legal-observers-live.ics"
        assert b"DTSTART;TZID=America/Bogota:20260304T100000\r\n" in data
        assert calendar.caption == t.format("en", "session-ics-caption", {
            "title": "Legal observers, live", "when": f"{LOCAL[720002]} (America/Bogota)"})
        running_clock.jump_to(datetime(2026, 3, 4, 14, 5, tzinfo=UTC))
        assert (await run_nudges(app))["session_reminders"] == 3
        for user_id in PEOPLE:
            await telegram.wait_for(lambda u=user_id: any(  # type: ignore[misc]
                (m.text or "").startswith("In an hour:") for m in telegram.messages(u)),
                what="the reminder")
            telegram.drain(user_id)
        running_clock.jump_to(datetime(2026, 3, 4, 16, 20, tzinfo=UTC))
        assert (await run_nudges(app))["session_feedback"] == 2  # Tokyo sleeps (01:20)
        nairobi = TelegramUser(telegram, 720001)
        await telegram.wait_for(lambda: any((m.text or "").startswith("How was")
                                            for m in telegram.messages(720001)))
        telegram.drain(720001)
        await nairobi.press("4")
        await nairobi.press("5")
        await nairobi.press("2")
        [thanks] = await nairobi.send("The stream kept dropping")
        assert thanks.text == t.format("en", "feedback-thanks")
        [summary] = await TelegramUser(telegram, FACILITATOR).send("/feedback")
        assert "pacing 4.0 · inclusivity 5.0 · usefulness 2.0" in (summary.text or "")
        assert "– The stream kept dropping" in (summary.text or "")
