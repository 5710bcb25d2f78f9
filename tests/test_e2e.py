"""End to end: the real bot, on aiogram and on python-telegram-bot, polling a fake Bot API
server on loopback, used the way people use it in Telegram."""

from __future__ import annotations

import asyncio
import io
import re
from collections.abc import Awaitable, Callable

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import App
from bot.clock import FakeClock
from bot.config import Settings
from bot.i18n import LANGUAGES, Translator
from bot.transports.common import PUBLIC_COMMANDS
from handlers.consent import PURPOSES
from storage.models import ConsentEvent, Participant
from tests.conftest import ADMIN_ID, TOKEN, running_bot
from tests.fake_telegram import FakeTelegram
from tests.telegram_user import TelegramUser

USER = 424242


def t(app: App, lang: str, msg_id: str, **args: object) -> str:
    return app.deps.translator.format(lang, msg_id, args)


async def invite_link(app: App, server: FakeTelegram) -> str:
    admin = TelegramUser(server, ADMIN_ID)
    [created] = await admin.send("/newexchange Nairobi Exchange 2026-03-02 2026-03-06")
    assert created.text is not None and "/invite nairobi-exchange" in created.text
    [invite] = await admin.send("/invite nairobi-exchange")
    link = re.search(r"https://t\.me/exchange_test_bot\?start=(\S+)", invite.text or "")
    assert link, invite.text
    return link.group(1)


async def onboard(app: App, server: FakeTelegram, user: TelegramUser) -> None:
    code = await invite_link(app, server)
    lang = user.language_code
    [welcome] = await user.send(f"/start {code}")
    assert welcome.text == t(app, lang, "onb-language", exchange="Nairobi Exchange")
    toast, [question] = await user.press(t(app, lang, "language-name"))
    assert toast == t(app, lang, "language-set")
    assert question.message_id == welcome.message_id  # edited in place
    for purpose, answer in zip(PURPOSES, ("consent-yes", "consent-no", "consent-yes",
                                          "consent-no"), strict=True):
        assert question.text is not None
        assert t(app, lang, f"consent-{purpose}") in question.text
        _, [question] = await user.press(t(app, lang, answer))
    assert question.text == t(app, lang, "coc-text")
    _, [region] = await user.press(t(app, lang, "coc-accept"))
    assert region.text == t(app, lang, "onb-region")
    _, [zone] = await user.press(t(app, lang, "region-africa"))
    assert zone.text == t(app, lang, "onb-timezone")
    [quiet] = await user.send("Nairobi")
    assert quiet.text is not None and "Africa/Nairobi" in quiet.text
    _, [offer] = await user.press(t(app, lang, "quiet-keep", start="21:00", end="08:00"))
    assert offer.text is not None
    assert offer.text.startswith(t(app, lang, "onb-done", zone="Africa/Nairobi",
                                   start="21:00", end="08:00"))
    _, [menu] = await user.press(t(app, lang, "assess-later"))
    assert menu.text == t(app, lang, "menu-title")


@pytest.mark.parametrize("lang", ["en", "es", "ar"])
async def test_onboarding_through_telegram(bot: App, telegram: FakeTelegram, lang: str) -> None:
    user = TelegramUser(telegram, USER, language_code=lang)
    await onboard(bot, telegram, user)
    async with bot.sessions() as session:
        me = await session.scalar(select(Participant).where(Participant.telegram_id == USER))
        decisions = (await session.scalars(select(ConsentEvent.granted)
                                           .order_by(ConsentEvent.id))).all()
    assert me is not None and (me.language, me.step, me.timezone) == (lang, "menu",
                                                                      "Africa/Nairobi")
    assert decisions == [True, False, True, False]
    # Every callback query was answered.
    pressed = {c.params["callback_query_id"] for c in telegram.calls_of("answerCallbackQuery")}
    assert len(pressed) == len(telegram.answers) == 9


async def test_onboarding_on_each_database(telegram: FakeTelegram, settings: Settings,
                                           clock: FakeClock, engine: AsyncEngine,
                                           framework: str) -> None:
    chosen = settings.model_copy(update={"bot_framework": framework})
    async with running_bot(telegram, chosen, clock, engine) as app:
        await onboard(app, telegram, TelegramUser(telegram, USER))


async def test_command_list_per_language(bot: App, telegram: FakeTelegram) -> None:
    translator: Translator = bot.deps.translator
    for lang in (None, *LANGUAGES):
        expected = [(c, translator.format(lang or "en", f"cmd-{c}")) for c in PUBLIC_COMMANDS]
        assert telegram.commands(lang) == expected


async def test_bad_input_through_telegram(bot: App, telegram: FakeTelegram) -> None:
    user = TelegramUser(telegram, USER)
    [how] = await user.send("/start")
    assert how.text == t(bot, "en", "join-how")
    code = await invite_link(bot, telegram)
    [welcome] = await user.send(f"/start {code}")
    language_prompt = welcome.text

    # Media of every kind, an edit, an unknown command, stray and enormous text.
    for kind in ("sticker", "photo", "voice", "document", "location"):
        sorry, again = await user.send_other(kind, replies=2)
        assert (sorry.text, again.text) == (t(bot, "en", "media-not-read"), language_prompt)
    [edited] = await user.edit(welcome.message_id - 1, "changed my mind")
    assert edited.text == t(bot, "en", "edit-not-read")
    [unknown, _] = await user.send("/frobnicate", replies=2)
    assert unknown.text == t(bot, "en", "unknown-command")
    [buttons, _] = await user.send("hello?", replies=2)
    assert buttons.text == t(bot, "en", "use-buttons")
    [_, _] = await user.send("x" * 10_000, replies=2)

    # A double tap: the second press is answered, and changes nothing.
    message_id, english = user.find("English")
    toast, _ = await user.press_data(message_id, english)
    toast2, nothing = await user.press_data(message_id, english, replies=0)
    assert (toast, toast2, nothing) == (t(bot, "en", "language-set"),
                                        t(bot, "en", "button-already-done"), [])

    # Forged data of every shape, and a button from an old message.
    for data in ("", "1:lang:xx", "9:lang:en", "1:cons:media:y", "🙂" * 16, "x" * 64):
        toast, [prompt] = await user.press_data(message_id, data)
        assert toast in (t(bot, "en", "button-unknown"), t(bot, "en", "button-stale"))
        assert prompt.text is not None and prompt.text.startswith(t(bot, "en",
                                                                    "privacy-notice"))
    assert len(telegram.answers) == len(telegram.calls_of("answerCallbackQuery")) == 8
    assert not [c for c in telegram.calls if c.status >= 400 and c.method != "getUpdates"]


async def test_blocked_user_is_remembered_and_others_go_on(bot: App,
                                                           telegram: FakeTelegram) -> None:
    code = await invite_link(bot, telegram)
    gone = TelegramUser(telegram, USER)
    await gone.send(f"/start {code}")
    telegram.add_user(USER + 1)
    await telegram.block(USER)  # Telegram reports it as a my_chat_member update
    await eventually(lambda: blocked_at(bot, USER))
    # A press that was already on its way when they blocked: the reply meets a 403, and the
    # bot goes on serving everyone else.
    message_id, data = gone.find("English")
    await telegram.press(USER, message_id, data)
    await telegram.wait_for(lambda: any(c.status == 403 for c in telegram.calls))
    other = TelegramUser(telegram, USER + 1)
    [welcome] = await other.send(f"/start {code}")
    assert welcome.text == t(bot, "en", "onb-language", exchange="Nairobi Exchange")


async def blocked_at(app: App, user_id: int) -> bool:
    async with app.sessions() as session:
        me = await session.scalar(select(Participant).where(Participant.telegram_id == user_id))
    return me is not None and me.blocked_at is not None


async def eventually(check: Callable[[], Awaitable[bool]]) -> None:
    async with asyncio.timeout(5):
        while not await check():
            await asyncio.sleep(0.05)


async def test_replies_survive_429_and_bad_gateway(bot: App, telegram: FakeTelegram) -> None:
    user = TelegramUser(telegram, USER)
    telegram.fail_next("sendMessage", 429, retry_after=1)
    [first] = await user.send("/start")
    assert first.text == t(bot, "en", "join-how")
    telegram.fail_next("sendMessage", 502, html=True)
    [second] = await user.send("/help")
    assert second.text is not None and second.text.startswith(t(bot, "en", "help-text"))
    assert [c.status for c in telegram.calls_of("sendMessage")][-4:] == [429, 200, 502, 200]


async def test_logs_hold_no_text_names_or_token(bot: App, telegram: FakeTelegram,
                                                production_logs: io.StringIO) -> None:
    secret_city = "Zanzibar-Secret-Marker-7731"
    user = TelegramUser(telegram, USER)
    code = await invite_link(bot, telegram)
    await user.send(f"/start {code}")
    await user.press("English")
    await user.send(secret_city, replies=2)
    await user.send(secret_city * 300, replies=2)
    await user.send(f"/nonsense {secret_city}", replies=2)
    await telegram.send_sticker(USER)
    await user._collect(2)
    logged = production_logs.getvalue()
    assert "handled update=" in logged  # the log is there, just without content
    for needle in (secret_city, "Tester", TOKEN, code, "Nairobi Exchange"):
        assert needle not in logged, needle
