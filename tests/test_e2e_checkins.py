"""A check-in round end to end, on each framework: the sweep queues the invitations, the
dispatcher sends them through the fake Bot API, participants answer with buttons and text,
and three days later the facilitator gets the round's digest."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.clock import RunningClock
from bot.config import Settings
from scheduler.nudges import run_nudges
from storage.models import Commitment, Participant
from tests.cohort_helpers import seed_cohort
from tests.conftest import START, running_bot
from tests.fake_telegram import FakeTelegram
from tests.telegram_user import TelegramUser

FACILITATOR, AMINA, BEN = 710000, 710001, 710002


async def test_a_checkin_round_through_telegram(telegram: FakeTelegram, settings: Settings,
                                                running_clock: RunningClock,
                                                framework: str) -> None:
    for user_id in (FACILITATOR, AMINA, BEN):
        telegram.add_user(user_id)
    async with running_bot(telegram, settings.model_copy(update={"bot_framework": framework}),
                           running_clock) as app:
        await seed_cohort(app.sessions, [AMINA, BEN], now=START, facilitator_id=FACILITATOR,
                          progress=True)
        async with app.sessions() as session:
            amina = await session.scalar(select(Participant).where(
                Participant.telegram_id == AMINA))
            assert amina is not None
            session.add(Commitment(participant_id=amina.id, what="Start a tenants' assembly",
                                   who="", due_on=START.date() + timedelta(days=30),
                                   status="open", created_at=START, updated_at=START))
            await session.commit()
        t = app.deps.translator
        # A week after the end (the seeded exchange ends on START's day), 10:00 in Nairobi.
        running_clock.jump_to(datetime(2026, 3, 9, 7, 0, tzinfo=UTC))
        assert (await run_nudges(app))["checkins"] == 2
        invite = t.format("en", "checkin-invite", {"days": 7, "exchange": "Seeded Exchange"})
        for user_id in (AMINA, BEN):
            await telegram.wait_for(lambda u=user_id: any(  # type: ignore[misc]
                m.text == invite for m in telegram.messages(u)), what="the invitation")
            telegram.drain(user_id)
        person = TelegramUser(telegram, AMINA)
        _, [question] = await person.press(t.format("en", "checkin-start"))
        assert question.text is not None and "Start a tenants' assembly" in question.text
        await person.press(t.format("en", "checkin-progress"))
        [kept, wellbeing] = await person.send("Two buildings said yes", replies=2)
        assert kept.text == t.format("en", "checkin-note-kept")
        assert wellbeing.text == t.format("en", "checkin-wellbeing")
        _, [thanks, _menu] = await person.press("5", replies=2)
        assert thanks.text == t.format("en", "checkin-thanks")
        # Ben does not answer; three days later the facilitator gets the digest.
        running_clock.jump_to(datetime(2026, 3, 12, 7, 0, tzinfo=UTC))
        queued = await run_nudges(app)
        assert queued["digests"] == 1 and queued["reminders"] == 1
        def digests() -> list[str]:
            return [m.text for m in telegram.messages(FACILITATOR)
                    if m.text and m.text.startswith("Check-in round +7 days")]

        await telegram.wait_for(lambda: bool(digests()), what="the facilitator's digest")
        [digest] = digests()
        assert "Answered: 1 of 2 (50%)" in digest
        assert "done 0 · in progress 1 · blocked 0" in digest
        assert "1: 0 · 2: 0 · 3: 0 · 4: 0 · 5: 1" in digest
        reminder = t.format("en", "checkin-reminder")
        await telegram.wait_for(lambda: any(m.text == reminder
                                            for m in telegram.messages(BEN)),
                                what="Ben's one reminder")
        assert not any(m.text == reminder for m in telegram.messages(AMINA))
