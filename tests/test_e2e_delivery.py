"""The delivery policy end to end, through the real bot on each framework and the fake Bot
API: an urgent message whose answer was lost goes again, marked as a possible repeat, in
the recipient's language; an urgent message queued in the middle of a broadcast reaches its
contact within two seconds; a reply that gave up is sent by the periodic sweep, once; and a
dispatcher killed while sending urgent messages sends every one after the restart."""

from __future__ import annotations

import time
from collections import Counter
from datetime import timedelta
from pathlib import Path

from bot.app import App
from bot.clock import RunningClock
from bot.config import Settings
from scheduler.jobs import REPLY_RETRY_AFTER, retry_replies
from scheduler.runner import JOBS
from storage import outbox, participants
from tests.cohort_helpers import seed_broadcast
from tests.conftest import build_app, running_bot
from tests.fake_telegram import FakeTelegram
from tests.test_e2e_broadcast import TEXT, killed_and_restarted, received, wait_settled

ALERT = "Incident #7 reported: please look at /incidents"
CONTACT = 660000


async def _queue(app: App, *messages: outbox.NewMessage) -> None:
    """As a handler does: in a transaction, then a nudge to the dispatcher."""
    async with app.sessions() as session:
        await outbox.enqueue(session, messages, app.deps.clock.now())
        await session.commit()
    app.outbox_changed.set()


async def _person(app: App, telegram_id: int, language: str) -> None:
    async with app.sessions() as session:
        await participants.create(session, telegram_id, language=language, cohort_id=None,
                                  role="participant", step="menu", now=app.deps.clock.now())
        await session.commit()


def _alerts(server: FakeTelegram, chat_id: int) -> list[str]:
    return [m.text or "" for m in server.messages(chat_id) if ALERT in (m.text or "")]


async def test_an_urgent_message_whose_answer_was_lost_goes_again_marked(
        telegram: FakeTelegram, settings: Settings, running_clock: RunningClock,
        framework: str) -> None:
    telegram.add_user(CONTACT)
    telegram.add_user(CONTACT + 1)
    async with running_bot(telegram, settings.model_copy(
            update={"bot_framework": framework}), running_clock) as app:
        await _person(app, CONTACT, "es")
        telegram.drop_next("sendMessage", after_processing=True)  # Telegram took it; no answer
        await _queue(app, outbox.NewMessage("incident:7:1", CONTACT, ALERT, lane=outbox.URGENT,
                                            exchange_id=1))
        await wait_settled(app, 1)
        marked = app.deps.translator.format("es", "outbox-maybe-repeat")
        assert _alerts(telegram, CONTACT) == [ALERT, f"{marked}\n\n{ALERT}"]
        # The same loss on a bulk message: recorded unknown, never sent blindly twice.
        telegram.drop_next("sendMessage", after_processing=True)
        await _queue(app, outbox.NewMessage("checkin:1", CONTACT + 1, ALERT, exchange_id=1))
        found = await wait_settled(app, 2)
        await telegram.settle(quiet=1.0)
    assert found == Counter({"sent": 1, "unknown": 1})
    assert _alerts(telegram, CONTACT + 1) == [ALERT]


async def test_an_urgent_message_overtakes_a_broadcast_in_flight(
        telegram: FakeTelegram, settings: Settings, running_clock: RunningClock,
        framework: str) -> None:
    """The 3,000-recipient figure is in bench/broadcast.py; here, 160 at 20 a second."""
    members = list(range(661001, 661161))
    for user_id in [CONTACT, 661000, *members]:
        telegram.add_user(user_id)
    live = settings.model_copy(update={"bot_framework": framework, "outbox_rate": 20.0})
    async with running_bot(telegram, live, running_clock) as app:
        await seed_broadcast(app, members, sender=661000, text=TEXT)
        await telegram.wait_for(lambda: len(telegram.calls_of("sendMessage")) >= 20,
                                timeout=15, what="the broadcast to be under way")
        queued = time.monotonic()
        await _queue(app, outbox.NewMessage("incident:7:1", CONTACT, ALERT, lane=outbox.URGENT,
                                            exchange_id=99))
        await telegram.wait_for(lambda: bool(_alerts(telegram, CONTACT)), timeout=10,
                                what="the alert")
        took = time.monotonic() - queued
        still_to_go = sum(1 for uid in members if received(telegram, uid) == 0)
    assert took < 2.0, took
    assert still_to_go > 40  # it really went ahead of the broadcast, not after it


async def test_a_reply_that_gave_up_is_sent_by_the_sweep_once(
        telegram: FakeTelegram, settings: Settings, running_clock: RunningClock,
        framework: str) -> None:
    assert (retry_replies, 60) in JOBS
    user = 662001
    telegram.add_user(user)
    async with running_bot(telegram, settings.model_copy(
            update={"bot_framework": framework}), running_clock) as app:
        for _ in range(4):  # every try of the reply meets a 502, then it gives up
            telegram.fail_next("sendMessage", 502)
        await telegram.send_text(user, "/start")
        await telegram.wait_for(
            lambda: sum(1 for c in telegram.calls_of("sendMessage") if c.status == 502) == 4,
            timeout=15, what="the reply to give up")
        await telegram.settle(quiet=0.5)
        assert telegram.messages(user) == []
        assert await retry_replies(app) == 0  # not a minute old yet
        running_clock.advance(REPLY_RETRY_AFTER + timedelta(seconds=1))
        assert await retry_replies(app) == 1
        await telegram.wait_for(lambda: len(telegram.messages(user)) == 1, timeout=10,
                                what="the reply from the sweep")
        running_clock.advance(REPLY_RETRY_AFTER + timedelta(seconds=1))
        assert await retry_replies(app) == 0  # delivered: never again
        await telegram.settle(quiet=0.5)
    [reply] = telegram.messages(user)
    assert reply.text == app.deps.translator.format("en", "join-how")


async def test_a_killed_dispatcher_sends_every_urgent_message_after_restart(
        telegram: FakeTelegram, tmp_path: Path, framework: str, settings: Settings) -> None:
    contacts = list(range(663001, 663201))
    for user_id in contacts:
        telegram.add_user(user_id)
    app = build_app(settings.model_copy(update={
        "database_url": f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}"}))
    await app.start()
    for contact in contacts:
        await _person(app, contact, "fr")
    await _queue(app, *(outbox.NewMessage(f"incident:{uid}", uid, ALERT, lane=outbox.URGENT)
                        for uid in contacts))
    async with killed_and_restarted(telegram, tmp_path, framework, after=40):
        assert len(telegram.calls_of("sendMessage")) < len(contacts)  # killed half way
        found = await wait_settled(app, len(contacts), timeout=40)
    await app.close()
    assert found == Counter({"sent": len(contacts)})
    copies = {uid: _alerts(telegram, uid) for uid in contacts}
    assert min(len(c) for c in copies.values()) == 1  # everyone has it
    marked = app.deps.translator.format("fr", "outbox-maybe-repeat")
    for got in copies.values():  # a second copy only where the first's fate was unknown
        assert got[1:] in ([], [f"{marked}\n\n{ALERT}"])
    assert sum(1 for got in copies.values() if len(got) == 2) <= 20
