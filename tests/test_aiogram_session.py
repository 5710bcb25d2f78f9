"""The aiogram adapter's HTTP session (``JsonSession``): the methods every reply uses go as one
JSON body, everything else as aiogram's form, and both reach the (fake) Bot API the same way:
the same message, the bot's defaults applied, the same errors raised."""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable

import pytest
from aiogram import Bot
from aiogram.client.default import DefaultBotProperties
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import TelegramBadRequest, TelegramForbiddenError, TelegramRetryAfter
from aiogram.types import BufferedInputFile, InlineKeyboardButton, InlineKeyboardMarkup

from bot.transports.aiogram_adapter import JsonSession
from tests.conftest import TOKEN
from tests.fake_telegram import FakeTelegram

USER = 424242
KEYBOARD = InlineKeyboardMarkup(inline_keyboard=[[
    InlineKeyboardButton(text="Yes", callback_data="1:c:y"),
    InlineKeyboardButton(text="Site", url="https://example.org")]])


@pytest.fixture
async def make_bot(telegram: FakeTelegram) -> AsyncIterator[Callable[..., Bot]]:
    telegram.add_user(USER)
    made: list[Bot] = []

    def build(parse_mode: str | None = None) -> Bot:
        session = JsonSession(TelegramAPIServer.from_base(telegram.base_url))
        bot = Bot(TOKEN, session=session, default=DefaultBotProperties(parse_mode=parse_mode))
        made.append(bot)
        return bot

    yield build
    for bot in made:
        await bot.session.close()


async def test_a_reply_goes_as_json_and_arrives_whole(make_bot: Callable[..., Bot],
                                                      telegram: FakeTelegram) -> None:
    bot = make_bot()
    sent = await bot.send_message(USER, "Choose one", reply_markup=KEYBOARD)
    [call] = telegram.calls_of("sendMessage")
    assert call.content_type == "application/json"
    [stored] = telegram.messages(USER)
    assert stored.text == "Choose one" and stored.reply_markup == {"inline_keyboard": [[
        {"text": "Yes", "callback_data": "1:c:y"}, {"text": "Site", "url": "https://example.org"}]]}
    # aiogram still reads the answer when asked for it.
    assert sent.message_id == stored.message_id
    await bot.edit_message_text("Chosen", chat_id=USER, message_id=sent.message_id)
    assert telegram.calls_of("editMessageText")[0].content_type == "application/json"
    assert telegram.messages(USER)[0].text == "Chosen"


async def test_the_bots_defaults_apply_as_in_aiogram(make_bot: Callable[..., Bot],
                                                     telegram: FakeTelegram) -> None:
    bot = make_bot(parse_mode="HTML")
    await bot.send_message(USER, "<b>bold</b> words")
    [call] = telegram.calls_of("sendMessage")
    assert call.params.get("parse_mode") == "HTML"
    assert telegram.messages(USER)[0].plain_text == "bold words"
    # … and with no defaults, nothing is sent for them: the text stays as typed.
    plain = make_bot()
    await plain.send_message(USER, "<b>as typed</b>")
    assert "parse_mode" not in telegram.calls_of("sendMessage")[1].params
    assert telegram.messages(USER)[1].plain_text == "<b>as typed</b>"


async def test_a_file_goes_as_a_form(make_bot: Callable[..., Bot], telegram: FakeTelegram) -> None:
    bot = make_bot()
    await bot.send_document(USER, BufferedInputFile(b"line one\n", "notes.txt"),
                            caption="Your notes")
    [call] = telegram.calls_of("sendDocument")
    assert call.content_type == "multipart/form-data"
    assert telegram.messages(USER)[0].document_info is not None


async def test_errors_are_raised_as_aiogram_raises_them(make_bot: Callable[..., Bot],
                                                        telegram: FakeTelegram) -> None:
    bot = make_bot()
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await bot.send_message(999_999_999, "nobody")
    telegram.fail_next("sendMessage", 429, retry_after=7)
    with pytest.raises(TelegramRetryAfter) as retry:
        await bot.send_message(USER, "too fast")
    assert retry.value.retry_after == 7
    await telegram.block(USER, silent=True)
    with pytest.raises(TelegramForbiddenError):
        await bot.send_message(USER, "blocked")
