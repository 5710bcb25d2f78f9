"""One bad update never stops the bot, on each framework, polling and by webhook: an update
the framework cannot read, or one of a kind the bot never asked for, arrives between two
people's messages; both people are answered, the bad one is kept (encrypted) for the operator
and logged by id and kind only, and later updates are answered too."""

from __future__ import annotations

import io
import json
import re
from datetime import timedelta

from sqlalchemy import select, text

from bot.app import App
from bot.clock import FakeClock
from bot.config import Settings
from storage import received_updates
from storage.models import TelegramUpdate
from tests.conftest import build_app, running_bot
from tests.fake_telegram import BOT_ID, FakeTelegram
from tests.telegram_user import TelegramUser

FIRST, SECOND = 515001, 515002
NAME = "Zofia-Name-Marker-5521"
WORDS = "Secret-Plan-Marker-8812"


def person(user_id: int, name: str = "Tester") -> dict[str, object]:
    return {"id": user_id, "is_bot": False, "first_name": name, "language_code": "en"}


def unreadable_by_both(user_id: int) -> dict[str, object]:
    """A message neither aiogram nor python-telegram-bot can build (its date is no date)."""
    return {"message": {"message_id": 40, "date": "yesterday", "text": WORDS,
                        "chat": {"id": user_id, "type": "private", "first_name": NAME},
                        "from": person(user_id, NAME)}}


def without_a_chat(user_id: int) -> dict[str, object]:
    """A message with no chat: aiogram refuses it; python-telegram-bot builds it anyway."""
    return {"message": {"message_id": 41, "date": 1_700_000_000, "text": WORDS,
                        "from": person(user_id, NAME)}}


UNASKED = (
    {"chat_member": {"chat": {"id": -100777, "type": "supergroup", "title": "Group"},
                     "from": person(FIRST), "date": 1_700_000_000,
                     "old_chat_member": {"status": "left", "user": person(SECOND)},
                     "new_chat_member": {"status": "member", "user": person(SECOND)}}},
    {"poll": {"id": "5001", "question": "Which day?", "options": [], "total_voter_count": 0,
              "is_closed": False, "is_anonymous": True, "type": "regular",
              "allows_multiple_answers": False}},
    {"a_kind_from_the_future": {"id": 1, "what": WORDS}},
)


async def rows(app: App) -> dict[int, TelegramUpdate]:
    async with app.sessions() as session:
        return {r.update_id: r for r in await session.scalars(select(TelegramUpdate))}


async def test_a_bad_update_in_a_batch_stops_nobody(bot: App, telegram: FakeTelegram,
                                                    production_logs: io.StringIO) -> None:
    t = bot.deps.translator
    # One batch (nothing below waits, so the bot sees them together): a person, two updates
    # no framework should have to read, three kinds never asked for, another person.
    await telegram.send_text(FIRST, "/start")
    bad = [await telegram.enqueue_raw(unreadable_by_both(FIRST)),
           await telegram.enqueue_raw(without_a_chat(FIRST))]
    unasked = [await telegram.enqueue_raw(dict(u), force=True) for u in UNASKED]
    await telegram.send_text(SECOND, "/start")
    for user_id in (FIRST, SECOND):
        answer = await telegram.next_event(user_id, timeout=10)
        assert answer.text == t.format("en", "join-how")
    # A later batch is answered too.
    [help_] = await TelegramUser(telegram, FIRST).send("/help")
    assert help_.text is not None and help_.text.startswith(t.format("en", "help-text"))

    # Telegram was told every one of them arrived: none comes back.
    await telegram.settle(quiet=0.3)
    assert all(telegram.updates_confirmed(uid) for uid in [*bad, *unasked])
    if telegram.webhook_deliveries:  # by webhook: each acknowledged at the first try
        for uid in [*bad, *unasked]:
            assert [s for u, s in telegram.webhook_deliveries if u == uid] == [200]

    # The bad ones are kept for the operator, as Telegram sent them, encrypted at rest; the
    # unasked ones are done with, nothing of them kept.
    stored = await rows(bot)
    for uid in bad:
        assert stored[uid].status == received_updates.MALFORMED
        assert stored[uid].payload is not None
        assert json.loads(stored[uid].payload)["update_id"] == uid
    for uid in unasked:
        assert (stored[uid].status, stored[uid].payload) == (received_updates.DELIVERED, None)
    async with bot.engine.connect() as connection:
        at_rest = [r.payload for r in await connection.execute(
            text("SELECT payload FROM telegram_updates WHERE status = 'malformed'"))]
    assert len(at_rest) == 2 and not any(WORDS in p or NAME in p for p in at_rest)

    # Logged by id and kind, counted; never what was in them, and nothing alarming.
    logged = production_logs.getvalue()
    for uid in bad:
        assert re.search(rf"update_malformed update={uid} kind=message malformed=\d", logged)
    assert "malformed=2" in logged
    for uid, kind in zip(unasked, ("chat_member", "poll", "a_kind_from_the_future"),
                         strict=True):
        assert f"update_ignored update={uid} kind={kind}" in logged
    for needle in (NAME, WORDS, "CRITICAL", "Traceback", "poll_failed", "update_failed"):
        assert needle not in logged, needle


async def test_a_stored_update_that_no_longer_reads_does_not_stop_the_start(
        telegram: FakeTelegram, settings: Settings, clock: FakeClock, framework: str,
        production_logs: io.StringIO) -> None:
    # Stored by an earlier run, not handled before it stopped; this framework cannot read it
    # (after an upgrade, say).
    earlier = build_app(settings, clock=clock)
    await earlier.start()
    update = {"update_id": 300, **unreadable_by_both(FIRST)}
    await earlier.receive(BOT_ID, [(300, json.dumps(update))])
    await earlier.close()
    async with running_bot(telegram, settings.model_copy(update={"bot_framework": framework}),
                           clock) as app:
        [answer] = await TelegramUser(telegram, SECOND).send("/start")
        assert answer.text == app.deps.translator.format("en", "join-how")
        assert (await rows(app))[300].status == received_updates.MALFORMED
    logged = production_logs.getvalue()
    assert "update_malformed update=300 kind=message" in logged
    assert NAME not in logged and WORDS not in logged


async def test_malformed_records_go_with_the_delivered_ones(app: App) -> None:
    # What a person sent is not kept longer because it could not be read.
    await app.receive(BOT_ID, [], malformed=[(1, json.dumps(unreadable_by_both(FIRST)))],
                      ignored=[2])
    assert {uid: r.status for uid, r in (await rows(app)).items()} == {
        1: received_updates.MALFORMED, 2: received_updates.DELIVERED}
    assert await app.unfinished(BOT_ID) == []  # never tried again at a start
    async with app.sessions() as session:
        later = app.deps.clock.now() + timedelta(1)
        assert await received_updates.purge_delivered(session, later) == 2
        await session.commit()
    assert await rows(app) == {}
