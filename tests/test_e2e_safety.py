"""Safety and privacy end to end on each framework: incident reports (anonymous and named;
what the safety contact receives and what it never contains), a story shared and withdrawn,
and a consent withdrawal that deletes at once."""

from __future__ import annotations

import asyncio
from datetime import date

from sqlalchemy import select, update

from bot.clock import RunningClock
from bot.config import Settings
from bot.i18n import Translator
from scheduler.jobs import route_incidents
from storage.models import Commitment, OutboxMessage, Participant, Story
from tests.cohort_helpers import seed_cohort
from tests.conftest import ADMIN_ID, START, running_bot, webhook_settings
from tests.fake_telegram import BotMessage, FakeTelegram
from tests.telegram_user import TelegramUser

SAFETY, REPORTER = 740000, 740001
WHAT = "Two cars without plates waited outside the training venue all afternoon"


async def report(person: TelegramUser, t: Translator, severity: str, *,
                 anonymous: bool) -> BotMessage:
    """Report WHAT, today, place skipped; returns the bot's answer."""
    await person.send("/incident")
    await person.send(WHAT)
    await person.press(t.format("en", "incident-when-today"))
    await person.press(t.format("en", "incident-skip"))
    await person.press(t.format("en", f"incident-severity-{severity}"))
    await person.press(t.format("en", "incident-anonymous" if anonymous else "incident-named"))
    _, [sent] = await person.press(t.format("en", "incident-send"))
    return sent


async def test_incident_reports_through_telegram(telegram: FakeTelegram,
                                                      settings: Settings,
                                                      running_clock: RunningClock,
                                                      framework: str) -> None:
    for user_id in (SAFETY, REPORTER):
        telegram.add_user(user_id)
    async with running_bot(telegram, settings.model_copy(update={"bot_framework": framework}),
                           running_clock) as app:
        t = app.deps.translator
        await seed_cohort(app.sessions, [REPORTER, SAFETY], now=START)
        async with app.sessions() as session:
            await session.execute(update(Participant).where(Participant.telegram_id == SAFETY)
                                  .values(role="safety"))
            await session.commit()
        person = TelegramUser(telegram, REPORTER)
        for anonymous in (True, False):
            sent = await report(person, t, "urgent", anonymous=anonymous)
            # Urgent: what to do if someone is in danger now comes with the thanks.
            assert sent.text == t.format("en", "incident-sent",
                                         {"id": 1 if anonymous else 2, "count": 1}) + "\n\n" \
                + t.format("en", "incident-urgent-note", {
                    "emergency": t.format("en", "incident-emergency-default")})
            await telegram.wait_for(lambda n=(1 if anonymous else 2): sum(  # type: ignore[misc]
                WHAT in (m.text or "") for m in telegram.messages(SAFETY)) == n,
                what="the safety contact's notice")
        first, second = [m for m in telegram.messages(SAFETY) if WHAT in (m.text or "")]
        # The raw HTML as sent: the anonymous one holds nothing that points to the reporter.
        assert str(REPORTER) not in (first.text or "") and "tg://" not in (first.text or "")
        assert f'href="tg://user?id={REPORTER}"' in (second.text or "")
        telegram.drain(SAFETY)
        toast, _ = await TelegramUser(telegram, SAFETY).press_data(
            first.message_id, first.buttons[0][0][1], replies=0)
        assert toast == t.format("en", "incident-status", {
            "id": 1, "status": t.format("en", "incident-status-acknowledged")})


async def test_a_report_nobody_could_take_reaches_the_first_administrator_who_writes(
        telegram: FakeTelegram, settings: Settings, running_clock: RunningClock,
        framework: str, mode: str) -> None:
    """The usual set-up: coordinators come from ADMIN_IDS, never joined a cohort, and nobody
    has the safety role. The report is never silent, and reaches the administrator the
    moment the bot can reach them; the named reporter hears each step."""
    reporter = 740021
    for user_id in (ADMIN_ID, reporter):
        telegram.add_user(user_id)
    chosen = settings.model_copy(update={
        "bot_framework": framework, **(webhook_settings() if mode == "webhook" else {})})
    async with running_bot(telegram, chosen, running_clock) as app:
        t = app.deps.translator
        await seed_cohort(app.sessions, [reporter], now=START)
        person = TelegramUser(telegram, reporter)
        sent = await report(person, t, "urgent", anonymous=False)
        assert sent.text == t.format("en", "incident-sent-nobody", {
            "id": 1, "emergency": t.format("en", "incident-emergency-default")})

        admin = TelegramUser(telegram, ADMIN_ID)
        # An administrator writes (the alert may come before or after the answer): from now
        # on the bot can reach them.
        await telegram.send_text(ADMIN_ID, "/cohorts")
        await telegram.wait_for(lambda: any(WHAT in (m.text or "")
                                            for m in telegram.messages(ADMIN_ID)),
                                what="the alert to the administrator")
        await telegram.wait_for(lambda: any(
            m.text == t.format("en", "incident-reporter-delivered", {"id": 1, "count": 1})
            for m in telegram.messages(reporter)), what="the reporter told it arrived")
        [alert] = [m for m in telegram.messages(ADMIN_ID) if WHAT in (m.text or "")]
        assert f'href="tg://user?id={reporter}"' in (alert.text or "")
        telegram.drain(ADMIN_ID)
        telegram.drain(reporter)
        toast, _ = await admin.press_data(alert.message_id, alert.buttons[0][0][1], replies=0)
        assert toast == t.format("en", "incident-status", {
            "id": 1, "status": t.format("en", "incident-status-acknowledged")})
        [told] = [await telegram.next_event(reporter, timeout=10)]
        assert told.text == t.format("en", "incident-reporter-acknowledged", {"id": 1})

        # The desk: open the report, mark it handled; the reporter hears that too.
        [desk] = await admin.send("/incidents")
        assert desk.buttons[0][0][0].startswith("#1 · ")
        _, [details] = await admin.press("#1")
        assert WHAT in (details.text or "") and details.message_id == desk.message_id
        await admin.press(t.format("en", "incident-handled"))
        [told] = [await telegram.next_event(reporter, timeout=10)]
        assert told.text == t.format("en", "incident-reporter-handled", {"id": 1})


async def test_a_report_whose_contact_blocked_the_bot_goes_wider_at_once(
        telegram: FakeTelegram, settings: Settings, running_clock: RunningClock,
        framework: str) -> None:
    safety, reporter = 740031, 740032
    for user_id in (ADMIN_ID, safety, reporter):
        telegram.add_user(user_id)
    async with running_bot(telegram, settings.model_copy(update={"bot_framework": framework}),
                           running_clock) as app:
        t = app.deps.translator
        await seed_cohort(app.sessions, [reporter, safety], now=START)
        async with app.sessions() as session:
            await session.execute(update(Participant).where(Participant.telegram_id == safety)
                                  .values(role="safety"))
            await session.commit()
        await TelegramUser(telegram, ADMIN_ID).send("/cohorts")
        await telegram.block(safety, silent=True)  # the bot learns it only from a 403
        person = TelegramUser(telegram, reporter)
        sent = await report(person, t, "high", anonymous=True)
        assert sent.text == t.format("en", "incident-sent", {"id": 1, "count": 1})

        async def alert_refused() -> bool:
            async with app.sessions() as session:
                return await session.scalar(select(OutboxMessage.status).where(
                    OutboxMessage.key.startswith("incident:1:"))) == "unreachable"

        for _ in range(100):
            if await alert_refused():
                break
            await asyncio.sleep(0.1)
        assert await alert_refused()
        assert await route_incidents(app) == 1  # no waiting two hours for nobody
        await telegram.wait_for(lambda: any(WHAT in (m.text or "")
                                            for m in telegram.messages(ADMIN_ID)),
                                what="the alert to the administrator")
        [alert] = [m for m in telegram.messages(ADMIN_ID) if WHAT in (m.text or "")]
        assert (alert.text or "").startswith(t.format("en", "incident-escalated-unreached",
                                                      {"minutes": 120}))


async def test_a_story_shared_and_withdrawn_through_telegram(telegram: FakeTelegram,
                                                             settings: Settings,
                                                             running_clock: RunningClock,
                                                             framework: str) -> None:
    teller, reader = 740011, 740012
    for user_id in (teller, reader):
        telegram.add_user(user_id)
    async with running_bot(telegram, settings.model_copy(update={"bot_framework": framework}),
                           running_clock) as app:
        t = app.deps.translator
        await seed_cohort(app.sessions, [teller, reader], now=START, progress=True,
                          stories=True)
        person = TelegramUser(telegram, teller)
        await person.send("/story")
        await person.press(t.format("en", "story-kind-loss"))
        [shared] = await person.send("We lost the vote, but forty people joined the union")
        assert shared.text == t.format("en", "story-shared")
        [stories] = await TelegramUser(telegram, reader).send("/stories")
        assert "forty people joined the union" in (stories.text or "")
        assert str(teller) not in (stories.text or "") and not stories.buttons
        await person.send("/stories")
        toast, _ = await person.press("Withdraw my story", replies=0)
        assert toast == t.format("en", "story-withdrawn")
        [empty] = await TelegramUser(telegram, reader).send("/stories")
        assert empty.text == t.format("en", "stories-none")


async def test_withdrawing_consent_through_telegram_deletes_at_once(
        telegram: FakeTelegram, settings: Settings, running_clock: RunningClock,
        framework: str) -> None:
    teller = 740021
    telegram.add_user(teller)
    async with running_bot(telegram, settings.model_copy(update={"bot_framework": framework}),
                           running_clock) as app:
        t = app.deps.translator
        await seed_cohort(app.sessions, [teller], now=START, progress=True, stories=True)
        person = TelegramUser(telegram, teller)
        await person.send("/story")
        await person.press(t.format("en", "story-kind-win"))
        await person.send("The city council backed down after our march")
        async with app.sessions() as session:
            me = await session.scalar(select(Participant).where(Participant.telegram_id == teller))
            assert me is not None
            session.add(Commitment(participant_id=me.id, what="Write the press release",
                                   who="", due_on=date(2026, 4, 1), status="open",
                                   created_at=START, updated_at=START))
            await session.commit()
        await person.send("/consent")
        label = t.format("en", "consent-withdraw",
                         {"question": t.format("en", "consent-progress-short")})
        toast, [overview, told] = await person.press(label, replies=2)
        assert toast == t.format("en", "consent-toast-withdrawn")
        assert told.text is not None and t.format("en", "privacy-withdrawn-stories",
                                                  {"stories": 1}) in told.text
        async with app.sessions() as session:
            assert list(await session.scalars(select(Story))) == []
            assert list(await session.scalars(select(Commitment))) == []
        [refused] = await person.send("/story")
        assert refused.text == t.format("en", "story-needs-consent")
        assert overview.text is not None
