"""Prove that tests/fake_telegram.py works against real aiogram and python-telegram-bot clients."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
from collections.abc import AsyncIterator
from typing import Any

import aiohttp
import httpx
import pytest
import telegram
from aiogram import Bot as AiogramBot
from aiogram import Dispatcher, F, Router
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import (
    TelegramBadRequest,
    TelegramConflictError,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.filters import CommandStart
from aiogram.types import (
    BotCommand,
    BufferedInputFile,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
)
from aiohttp import web
from telegram import error as tg_error
from telegram.ext import Application, CallbackQueryHandler, CommandHandler, ContextTypes

from tests.fake_telegram import DROPPED, NOT_MODIFIED, QUERY_TOO_OLD, FakeTelegram

TOKEN = "123456:TEST-token_abc"
USER = 4242


@pytest.fixture
async def server() -> AsyncIterator[FakeTelegram]:
    fake = FakeTelegram()
    await fake.start()
    yield fake
    await fake.stop()


@pytest.fixture
async def abot(server: FakeTelegram) -> AsyncIterator[AiogramBot]:
    session = AiohttpSession(api=TelegramAPIServer.from_base(server.base_url))
    bot = AiogramBot(TOKEN, session=session)
    yield bot
    await bot.session.close()


@pytest.fixture
async def pbot(server: FakeTelegram) -> AsyncIterator[telegram.Bot]:
    bot = telegram.Bot(
        TOKEN, base_url=f"{server.base_url}/bot", base_file_url=f"{server.base_url}/file/bot"
    )
    async with bot:
        yield bot


def keyboard(*pairs: tuple[str, str]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(
        inline_keyboard=[
            [InlineKeyboardButton(text=label, callback_data=data)] for label, data in pairs
        ]
    )


# --------------------------------------------------------------------------- aiogram client


async def test_aiogram_basic_methods(server: FakeTelegram, abot: AiogramBot) -> None:
    me = await abot.get_me()
    assert (me.id, me.is_bot, me.username) == (777000, True, "exchange_test_bot")

    await server.send_text(USER, "/start hello", language_code="de")
    sent = await abot.send_message(
        USER, "Pick one", reply_markup=keyboard(("Yes", "y:1"), ("No", "n:1"))
    )
    assert sent.message_id == 2  # user's /start took message_id 1 in the shared counter
    assert sent.chat.id == USER and sent.reply_markup is not None
    [stored] = server.messages(USER)
    assert stored.text == "Pick one" and stored.buttons == [[("Yes", "y:1")], [("No", "n:1")]]
    call = server.calls_of("sendMessage")[0]
    assert call.params["chat_id"] == USER
    assert call.params["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == "y:1"

    edited = await abot.edit_message_text("Picked", chat_id=USER, message_id=sent.message_id)
    assert isinstance(edited, Message) and edited.edit_date is not None
    assert (
        stored.text == "Picked" and stored.buttons == [] and stored.edits == 1
    )  # keyboard removed
    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await abot.edit_message_text("Picked", chat_id=USER, message_id=sent.message_id)
    with pytest.raises(TelegramBadRequest, match="message to edit not found"):
        await abot.edit_message_text("x", chat_id=USER, message_id=99)


async def test_aiogram_validation_errors(server: FakeTelegram, abot: AiogramBot) -> None:
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await abot.send_message(USER, "hi")
    server.add_user(USER)
    with pytest.raises(TelegramBadRequest, match="message text is empty"):
        await abot.send_message(USER, "")  # aiogram omits the empty text parameter entirely
    with pytest.raises(TelegramBadRequest, match="message is too long"):
        await abot.send_message(USER, "x" * 4097)
    await abot.send_message(USER, "x" * 4096)
    with pytest.raises(TelegramBadRequest, match="BUTTON_DATA_INVALID"):
        await abot.send_message(USER, "k", reply_markup=keyboard(("ok", "é" * 33)))  # 66 bytes
    with pytest.raises(TelegramBadRequest, match="BUTTON_DATA_INVALID"):
        await abot.send_message(USER, "k", reply_markup=keyboard(("ok", "")))
    with pytest.raises(TelegramBadRequest, match="can't parse entities"):
        await abot.send_message(USER, "a <b>bold", parse_mode="HTML")
    with pytest.raises(TelegramBadRequest, match="Unsupported start tag"):
        await abot.send_message(USER, "1 <3 2", parse_mode="HTML")
    ok = await abot.send_message(USER, "<b>Hi</b> &lt;you&gt;", parse_mode="HTML")
    assert ok.text == "Hi <you>" and server.messages(USER)[-1].plain_text == "Hi <you>"
    assert server.calls[-2].status == 400 and server.calls[-1].status == 200
    with pytest.raises(TelegramBadRequest, match="caption is too long"):
        await abot.send_document(USER, BufferedInputFile(b"1", "a.txt"), caption="c" * 1025)


async def test_aiogram_callback_query_and_commands(server: FakeTelegram, abot: AiogramBot) -> None:
    await server.send_text(USER, "hi")
    sent = await abot.send_message(USER, "Q?", reply_markup=keyboard(("A", "ans:a")))
    query_id = await server.press(USER, sent.message_id, "ans:a")
    update = (await abot.get_updates())[-1]
    assert update.callback_query is not None and update.callback_query.id == query_id
    assert update.callback_query.data == "ans:a" and update.callback_query.message is not None
    assert await abot.answer_callback_query(query_id, text="Done", show_alert=True)
    assert (
        server.answers[query_id]["text"] == "Done"
        and server.answers[query_id]["show_alert"] is True
    )
    with pytest.raises(TelegramBadRequest, match="query is too old"):
        await abot.answer_callback_query(query_id)
    with pytest.raises(TelegramBadRequest, match="query is too old"):
        await abot.answer_callback_query("123")

    commands = [
        BotCommand(command="start", description="Start"),
        BotCommand(command="help", description="Help"),
    ]
    await abot.set_my_commands(commands)
    await abot.set_my_commands(
        [BotCommand(command="start", description="Los")], language_code="de"
    )
    assert server.commands(None) == [("start", "Start"), ("help", "Help")]
    assert server.commands("de") == [("start", "Los")]
    with pytest.raises(TelegramBadRequest, match="BOT_COMMAND_INVALID"):
        await abot.set_my_commands([BotCommand(command="Bad-Name", description="x")])


async def test_aiogram_document_and_get_updates(server: FakeTelegram, abot: AiogramBot) -> None:
    first = await server.send_text(USER, "/start")
    second = await server.send_document(USER, filename="in.csv", data=b"a,b")
    updates = await abot.get_updates()
    assert [u.update_id for u in updates] == [first, second]
    assert updates[0].message is not None and updates[0].message.entities is not None
    assert updates[0].message.entities[0].type == "bot_command"
    user_doc = updates[1].message.document if updates[1].message else None
    assert user_doc is not None and user_doc.file_name == "in.csv"

    doc = await abot.send_document(
        USER, BufferedInputFile(b"x;y\n1;2\n", filename="export.csv"), caption="Export"
    )
    assert doc.document is not None and doc.document.file_name == "export.csv"
    stored = server.messages(USER)[-1]
    assert (
        stored.document == ("export.csv", b"x;y\n1;2\n")
        and stored.caption == "Export"
        and stored.text is None
    )
    event = await server.next_event(USER)
    assert event.document is not None and event.document[0] == "export.csv"

    assert not server.updates_confirmed(first)
    assert await abot.get_updates(offset=second + 1) == []
    assert server.updates_confirmed(first) and server.updates_confirmed(second)


async def test_aiogram_blocked_and_injected_failures(
    server: FakeTelegram, abot: AiogramBot
) -> None:
    await server.send_text(USER, "hi")
    await server.block(USER)
    with pytest.raises(TelegramForbiddenError, match="bot was blocked by the user"):
        await abot.send_message(USER, "hello?")
    await server.unblock(USER)
    server.fail_next("sendMessage", 429, retry_after=3)
    with pytest.raises(TelegramRetryAfter) as caught:
        await abot.send_message(USER, "hello")
    assert caught.value.retry_after == 3
    server.fail_next("sendMessage", 500)
    with pytest.raises(TelegramServerError):
        await abot.send_message(USER, "hello")
    assert (await abot.send_message(USER, "hello")).text == "hello"
    assert [c.status for c in server.calls_of("sendMessage")] == [403, 429, 500, 200]


async def test_aiogram_dispatcher_polling(server: FakeTelegram, abot: AiogramBot) -> None:
    router = Router()

    @router.message(CommandStart())
    async def start(message: Message) -> None:
        lang = message.from_user.language_code if message.from_user else "?"
        await message.answer(f"Welcome ({lang})", reply_markup=keyboard(("Go", "go")))

    @router.callback_query(F.data == "go")
    async def go(query: CallbackQuery) -> None:
        await query.answer("Going")
        if isinstance(query.message, Message):
            await query.message.edit_text("Gone")

    dp = Dispatcher()
    dp.include_router(router)
    task = asyncio.create_task(
        dp.start_polling(abot, handle_signals=False, close_bot_session=False)
    )
    try:
        start_update = await server.send_text(USER, "/start", language_code="uk")
        welcome = await server.next_event(USER)
        assert welcome.text == "Welcome (uk)" and welcome.buttons == [[("Go", "go")]]
        query_id = await server.press(USER, welcome.message_id, "go")
        edit = await server.next_event(USER)
        assert edit.text == "Gone" and edit.edits == 1 and edit.buttons == []
        await server.wait_for(lambda: query_id in server.answers)
        assert server.answers[query_id]["text"] == "Going"
        await server.wait_for(
            lambda: server.updates_confirmed(start_update), what="offset confirmation"
        )
        await server.settle()
        assert server.drain(USER) == []
    finally:
        await dp.stop_polling()
        await task


# ------------------------------------------------------------------- python-telegram-bot client


async def test_ptb_bot_methods(server: FakeTelegram, pbot: telegram.Bot) -> None:
    assert pbot.username == "exchange_test_bot"  # initialize() called getMe
    await server.send_text(USER, "/start")
    markup = telegram.InlineKeyboardMarkup(
        [[telegram.InlineKeyboardButton("Go", callback_data="go")]]
    )
    sent = await pbot.send_message(USER, "Hello", reply_markup=markup)
    assert sent.message_id == 2 and server.messages(USER)[0].buttons == [[("Go", "go")]]
    await pbot.edit_message_text(
        "Hello again", chat_id=USER, message_id=sent.message_id, reply_markup=markup
    )
    with pytest.raises(tg_error.BadRequest) as caught:
        await pbot.edit_message_text(
            "Hello again", chat_id=USER, message_id=sent.message_id, reply_markup=markup
        )
    # PTB strips "Bad Request: " and capitalises the rest
    assert caught.value.message == NOT_MODIFIED.removeprefix("Bad Request: ").capitalize()

    query_id = await server.press(USER, sent.message_id, "go")
    updates = await pbot.get_updates(timeout=1)
    assert updates[-1].callback_query is not None and updates[-1].callback_query.data == "go"
    assert await pbot.answer_callback_query(query_id, text="ok")
    with pytest.raises(tg_error.BadRequest, match="Query is too old"):  # PTB capitalises it
        await pbot.answer_callback_query(query_id)
    assert QUERY_TOO_OLD.endswith("query ID is invalid")

    await pbot.set_my_commands([("start", "Start"), ("help", "Help")])
    await pbot.set_my_commands([("start", "Старт")], language_code="ru")
    assert server.commands(None) == [("start", "Start"), ("help", "Help")]
    assert server.commands("ru") == [("start", "Старт")]

    document = await pbot.send_document(
        USER, telegram.InputFile(b"PDF!", filename="r.pdf"), caption="Report"
    )
    assert document.document is not None and document.document.file_name == "r.pdf"
    assert server.messages(USER)[-1].document == ("r.pdf", b"PDF!")


async def test_ptb_errors(
    server: FakeTelegram, pbot: telegram.Bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Without PTB_TIMEDELTA, constructing RetryAfter itself emits a PTBDeprecationWarning.
    monkeypatch.setenv("PTB_TIMEDELTA", "1")
    with pytest.raises(tg_error.BadRequest, match="Chat not found"):
        await pbot.send_message(USER, "hi")
    server.add_user(USER)
    with pytest.raises(tg_error.BadRequest, match="too long"):
        await pbot.send_message(USER, "x" * 5000)
    await server.block(USER)
    with pytest.raises(tg_error.Forbidden, match="blocked"):
        await pbot.send_message(USER, "hi")
    await server.unblock(USER)
    server.fail_next("sendMessage", 429, retry_after=7)
    with pytest.raises(tg_error.RetryAfter) as caught:
        await pbot.send_message(USER, "hi")
    assert caught.value.retry_after == dt.timedelta(seconds=7)
    server.fail_next("sendMessage", 502, html=True)
    with pytest.raises(tg_error.NetworkError):
        await pbot.send_message(USER, "hi")
    assert (await pbot.send_message(USER, "hi")).text == "hi"


async def test_ptb_application_polling(server: FakeTelegram) -> None:
    async def start(update: telegram.Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        markup = telegram.InlineKeyboardMarkup(
            [[telegram.InlineKeyboardButton("Yes", callback_data="yes")]]
        )
        await update.effective_message.reply_text(f"args={context.args}", reply_markup=markup)

    async def pressed(update: telegram.Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        assert query is not None
        await query.answer("noted")
        await query.edit_message_text(f"you said {query.data}")

    app = (
        Application.builder()
        .token(TOKEN)
        .base_url(f"{server.base_url}/bot")
        .base_file_url(f"{server.base_url}/file/bot")
        .build()
    )
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CallbackQueryHandler(pressed))
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0, timeout=5)
        try:
            await server.send_text(USER, "/start ref42")
            reply = await server.next_event(USER)
            assert reply.text == "args=['ref42']" and reply.buttons == [[("Yes", "yes")]]
            query_id = await server.press(USER, reply.message_id, "yes")
            edit = await server.next_event(USER)
            assert edit.text == "you said yes" and edit.edits == 1
            await server.wait_for(lambda: query_id in server.answers)
        finally:
            await app.updater.stop()
            await app.stop()
    methods = [c.method for c in server.calls]
    assert methods[:3] == ["getMe", "deleteWebhook", "getUpdates"]


# ------------------------------------------------------------ raw HTTP, long polling, webhooks


async def test_raw_http_shapes(server: FakeTelegram) -> None:
    url = f"{server.base_url}/bot{TOKEN}"
    async with aiohttp.ClientSession() as http:
        async with http.post(f"{url}/noSuchMethod") as response:
            assert response.status == 404
            assert await response.json() == {
                "ok": False,
                "error_code": 404,
                "description": "Not Found",
            }
        async with http.post(
            f"{url}/getMe", data=b"", headers={"Content-Type": "application/octet-stream"}
        ) as r:
            assert (await r.json())["result"]["id"] == 777000
        server.add_user(USER)
        async with http.post(
            f"{url}/sendmessage", json={"chat_id": USER, "text": "json body"}
        ) as r:
            body = await r.json()
            assert (
                body["ok"]
                and body["result"]["text"] == "json body"
                and body["result"]["chat"]["id"] == USER
            )
        server.fail_next("getMe", 502, html=True)
        async with http.post(f"{url}/getMe") as r:
            assert r.status == 502 and "Bad Gateway" in await r.text()
        server.fail_next("getMe", 429, retry_after=2)
        async with http.post(f"{url}/getMe") as r:
            assert r.status == 429 and (await r.json())["parameters"] == {"retry_after": 2}


async def test_long_poll_wakes_on_update_and_stop(server: FakeTelegram, abot: AiogramBot) -> None:
    started = time.monotonic()
    poll = asyncio.create_task(abot.get_updates(timeout=20))
    await asyncio.sleep(0.2)
    assert not poll.done()
    update_id = await server.send_text(USER, "wake up")
    updates = await asyncio.wait_for(poll, 2)
    assert [u.update_id for u in updates] == [update_id] and time.monotonic() - started < 2

    started = time.monotonic()
    assert await abot.get_updates(offset=update_id + 1, timeout=1) == []
    assert 0.9 < time.monotonic() - started < 2  # the timeout is honoured
    poll = asyncio.create_task(abot.get_updates(offset=update_id + 1, timeout=20))
    await asyncio.sleep(0.2)
    await server.stop()
    assert await asyncio.wait_for(poll, 2) == []


async def test_wait_for_timeout_message(server: FakeTelegram, abot: AiogramBot) -> None:
    await abot.get_me()
    with pytest.raises(AssertionError, match="getMe -> 200"):
        await server.wait_for(lambda: False, timeout=0.2)
    with pytest.raises(AssertionError, match="next bot message"):
        await server.next_event(USER, timeout=0.2)


async def test_user_side_update_kinds(server: FakeTelegram, abot: AiogramBot) -> None:
    await server.send_sticker(USER)
    await server.send_photo(USER, caption="pic")
    await server.send_voice(USER)
    await server.send_location(USER)
    text_update = await server.send_text(USER, "typo")
    edited = await server.edit_text(
        USER, server.updates[text_update]["message"]["message_id"], "fixed"
    )
    raw = await server.enqueue_raw(
        {
            "message": {
                "message_id": 99,
                "date": 0,
                "chat": {"id": USER, "type": "private"},
                "text": "raw",
            }
        }
    )
    updates = await abot.get_updates(allowed_updates=["message", "edited_message"])
    assert [u.update_id for u in updates][-2:] == [edited, raw]
    messages = [u.message for u in updates if u.message]
    assert messages[0].sticker is not None and messages[0].sticker.type == "regular"
    assert messages[1].photo and messages[1].caption == "pic"
    assert messages[2].voice is not None and messages[3].location is not None
    assert updates[-2].edited_message is not None and updates[-2].edited_message.text == "fixed"
    assert [m.message_id for m in messages[:5]] == [1, 2, 3, 4, 5]


async def test_webhook_delivery(server: FakeTelegram, abot: AiogramBot) -> None:
    received: list[tuple[str | None, dict[str, object]]] = []

    async def hook(request: web.Request) -> web.Response:
        received.append(
            (request.headers.get("X-Telegram-Bot-Api-Secret-Token"), await request.json())
        )
        return web.Response(
            status=200 if request.headers.get("X-Telegram-Bot-Api-Secret-Token") else 403
        )

    app = web.Application()
    app.router.add_post("/hook", hook)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    host, port = runner.addresses[0][:2]
    try:
        hook_url = f"http://{host}:{port}/hook"
        assert await server.post_update_to(hook_url, {"update_id": 1}, None) == 403
        assert await abot.set_webhook(hook_url, secret_token="s3cret")
        assert server.webhook is not None and server.webhook["secret_token"] == "s3cret"
        with pytest.raises(Exception, match="webhook is active"):
            await abot.get_updates()
        update_id = await server.send_text(USER, "via hook")
        await server.wait_for(lambda: server.updates_confirmed(update_id))
        assert received[-1][0] == "s3cret" and received[-1][1]["update_id"] == update_id
        assert await abot.delete_webhook()
    finally:
        await runner.cleanup()


async def test_user_defaults_clock_and_raw_updates(abot: AiogramBot) -> None:
    server = FakeTelegram(clock=lambda: 1_700_000_000.0)
    await server.start()
    try:
        first = await server.send_text(USER, "/start", language_code="de", first_name="Ann")
        later = await server.send_text(USER, "next")  # keeps the user's language and name
        sender = server.updates[later]["message"]["from"]
        assert (sender["language_code"], sender["first_name"]) == ("de", "Ann")
        assert server.updates[first]["message"]["date"] == 1_700_000_000
        with pytest.raises(AssertionError, match="no bot message 42"):
            await server.press(USER, 42, "forged")

        other = 5151  # a raw update from a new user makes their chat known
        await server.enqueue_raw(
            {"message": {"message_id": 1, "date": 0, "text": "x",
                         "chat": {"id": other, "type": "private", "first_name": "O"},
                         "from": {"id": other, "is_bot": False, "first_name": "O"}}}
        )  # fmt: skip
        url = f"{server.base_url}/bot{TOKEN}/sendMessage"
        markup = {"inline_keyboard": [[{"text": "x", "callback_data": "x" * 65}]]}
        async with aiohttp.ClientSession() as http:
            async with http.post(url, json={"chat_id": other, "text": "hi"}) as response:
                assert response.status == 200
            payload = {"chat_id": other, "text": "hi", "reply_markup": markup}
            async with http.post(url, json=payload) as response:
                assert (await response.json())["description"] == "Bad Request: BUTTON_DATA_INVALID"
    finally:
        await server.stop()


async def test_concurrent_get_updates_conflict_and_settle(
    server: FakeTelegram, abot: AiogramBot
) -> None:
    older = asyncio.create_task(abot.get_updates(timeout=10))
    await asyncio.sleep(0.2)
    newer = asyncio.create_task(abot.get_updates(timeout=10))
    with pytest.raises(TelegramConflictError, match="terminated by other getUpdates"):
        await asyncio.wait_for(older, 2)
    await server.send_text(USER, "hi")
    assert len(await asyncio.wait_for(newer, 2)) == 1

    started = time.monotonic()
    await server.send_text(USER, "again")  # queuing an update counts as activity
    await server.settle(quiet=0.3)
    assert time.monotonic() - started >= 0.29


# ------------------------------------------------ rate limits, dropped connections, slow answers


class FrozenClock:
    """A ``rate_clock`` that moves only when told to."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


async def api(
    http: aiohttp.ClientSession, server: FakeTelegram, method: str, **params: Any
) -> tuple[int, dict[str, Any]]:
    async with http.post(f"{server.base_url}/bot{TOKEN}/{method}", json=params) as response:
        return response.status, await response.json()


async def statuses(
    http: aiohttp.ClientSession, server: FakeTelegram, chat_id: int, count: int
) -> list[int]:
    """Send ``count`` messages to a chat one after the other; their HTTP statuses."""
    return [
        (await api(http, server, "sendMessage", chat_id=chat_id, text=f"m{i}"))[0]
        for i in range(count)
    ]


async def status_of(
    http: aiohttp.ClientSession, server: FakeTelegram, method: str, **params: Any
) -> int:
    return (await api(http, server, method, **params))[0]


def frozen(server: FakeTelegram) -> FrozenClock:
    clock = FrozenClock()
    server.rate_clock = clock
    return clock


async def test_rate_limit_off_by_default_then_429_shape_and_off_switch(
    server: FakeTelegram, http: aiohttp.ClientSession
) -> None:
    server.add_user(USER)
    assert server.rate_limit is None
    assert await statuses(http, server, USER, 40) == [200] * 40  # no limit unless asked

    frozen(server)
    server.set_rate_limit()  # Telegram's: 30/s for the bot, 1/s with a burst of 3 per chat
    assert server.rate_limit is not None and server.rate_limit.chat_burst == 3
    assert await statuses(http, server, USER, 3) == [200] * 3
    status, body = await api(http, server, "sendMessage", chat_id=USER, text="one too many")
    assert status == 429
    assert body == {
        "ok": False,
        "error_code": 429,
        "description": "Too Many Requests: retry after 1",
        "parameters": {"retry_after": 1},
    }
    assert [m.text for m in server.messages(USER)][-1] == "m2"  # the 429 sent nothing
    assert len(server.events(USER)) == 43
    assert server.throttled == 1 and server.throttled_by_chat == {USER: 1}
    assert server.calls[-1].status == 429
    assert (await api(http, server, "getMe"))[0] == 200  # only message-producing calls count

    server.set_rate_limit(None)
    assert server.rate_limit is None
    assert await statuses(http, server, USER, 5) == [200] * 5
    server.set_rate_limit(per_chat_per_second=1, chat_burst=1)
    assert await statuses(http, server, USER, 2) == [200, 429]
    server.clear_rate_limit()
    assert await statuses(http, server, USER, 2) == [200, 200]
    assert server.throttled == 2  # counters are kept across changes
    with pytest.raises(ValueError, match="positive"):
        server.set_rate_limit(0)


async def test_rate_limit_seen_by_aiogram_and_ptb(
    server: FakeTelegram, abot: AiogramBot, pbot: telegram.Bot, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PTB_TIMEDELTA", "1")  # see test_ptb_errors
    server.add_user(USER)
    frozen(server)
    server.set_rate_limit(per_chat_per_second=0.25, chat_burst=1)
    await abot.send_message(USER, "first")
    with pytest.raises(TelegramRetryAfter) as aiogram_caught:
        await abot.send_message(USER, "second")
    assert aiogram_caught.value.retry_after == 4  # 1 token at 0.25/s: 4 seconds
    with pytest.raises(tg_error.RetryAfter) as ptb_caught:
        await pbot.send_message(USER, "third")
    assert ptb_caught.value.retry_after == dt.timedelta(seconds=4)
    assert [m.text for m in server.messages(USER)] == ["first"]


async def test_rate_limit_global_bucket_in_real_time(
    server: FakeTelegram, http: aiohttp.ClientSession
) -> None:
    chats = range(1001, 1041)
    for chat_id in chats:
        server.add_user(chat_id)
    server.set_rate_limit(20)
    started = time.monotonic()
    answers = await asyncio.gather(
        *(api(http, server, "sendMessage", chat_id=chat_id, text="hi") for chat_id in chats)
    )
    elapsed = time.monotonic() - started
    passed = [chat for chat, (status, _) in zip(chats, answers, strict=True) if status == 200]
    refilled = int(elapsed * 20) + 1
    assert 20 <= len(passed) <= 20 + refilled, (len(passed), elapsed)
    assert all(body["parameters"]["retry_after"] == 1 for status, body in answers if status == 429)
    assert server.throttled == 40 - len(passed)
    assert sorted(server.throttled_by_chat) == sorted(set(chats) - set(passed))
    assert [c for c in chats if server.messages(c)] == passed  # no message for a 429


async def test_rate_limit_per_chat_burst_refill_and_unspent_rejections(
    server: FakeTelegram, http: aiohttp.ClientSession
) -> None:
    other = USER + 1
    server.add_user(USER)
    server.add_user(other)
    clock = frozen(server)
    server.set_rate_limit(1000, per_chat_per_second=2, chat_burst=3)
    assert await statuses(http, server, USER, 4) == [200, 200, 200, 429]
    assert await statuses(http, server, other, 1) == [200]  # every chat has its own bucket
    clock.now += 0.25  # half a token
    assert await statuses(http, server, USER, 10) == [429] * 10
    clock.now += 0.25  # the ten rejected calls took nothing: one whole token now
    assert await statuses(http, server, USER, 2) == [200, 429]
    clock.now += 10  # refills to the burst, not beyond
    assert await statuses(http, server, USER, 4) == [200, 200, 200, 429]
    assert server.throttled_by_chat == {USER: 13}
    assert len(server.messages(USER)) == 7

    # A call refused by its chat's bucket takes no token from the bot's bucket either.
    server.set_rate_limit(3, per_chat_per_second=1, chat_burst=1)
    assert await statuses(http, server, USER, 5) == [200, 429, 429, 429, 429]
    assert await statuses(http, server, other, 1) == [200]
    third = USER + 2
    server.add_user(third)
    assert await statuses(http, server, third, 1) == [200]
    status, body = await api(http, server, "sendMessage", chat_id=USER + 3, text="x")
    assert status == 429 and body["parameters"] == {"retry_after": 1}  # the bot's 3 are spent


async def test_rate_limit_groups_per_minute(
    server: FakeTelegram, http: aiohttp.ClientSession
) -> None:
    group = -1001234567890
    server.add_user(group, first_name="Exchange group")
    clock = frozen(server)
    server.set_rate_limit(group_per_minute=5)
    status, body = await api(http, server, "sendMessage", chat_id=group, text="hello group")
    assert status == 200
    assert body["result"]["chat"] == {"id": group, "type": "supergroup", "title": "Exchange group"}
    clock.now += 20
    assert await statuses(http, server, group, 5) == [200] * 4 + [429]
    assert server.calls[-1].status == 429
    status, body = await api(http, server, "sendMessage", chat_id=group, text="x")
    assert body["parameters"] == {"retry_after": 40}  # until the first one is a minute old
    clock.now += 40
    assert await statuses(http, server, group, 2) == [200, 429]
    clock.now += 20  # the other four are a minute old now
    assert await statuses(http, server, group, 5) == [200] * 4 + [429]
    assert server.throttled_by_chat == {group: 4} and len(server.messages(group)) == 10


async def test_rate_limit_refills_in_real_time(
    server: FakeTelegram, http: aiohttp.ClientSession
) -> None:
    server.add_user(USER)
    server.set_rate_limit(1000, per_chat_per_second=10, chat_burst=2)  # on time.monotonic
    assert await statuses(http, server, USER, 3) == [200, 200, 429]
    await asyncio.sleep(0.12)  # 1/10 s brings one token back
    assert await statuses(http, server, USER, 1) == [200]
    assert len(server.messages(USER)) == 3


async def test_rate_limit_counts_edits(server: FakeTelegram, http: aiohttp.ClientSession) -> None:
    server.add_user(USER)
    clock = frozen(server)
    server.set_rate_limit(per_chat_per_second=1, chat_burst=2)
    _, sent = await api(http, server, "sendMessage", chat_id=USER, text="v1")
    edit = {"chat_id": USER, "message_id": sent["result"]["message_id"]}
    assert await status_of(http, server, "editMessageText", **edit, text="v2") == 200
    assert await status_of(http, server, "editMessageText", **edit, text="v3") == 429
    assert server.messages(USER)[0].text == "v2"
    assert [kind for kind, _ in server.events(USER)] == ["send", "edit"]
    clock.now += 1
    assert await status_of(http, server, "editMessageText", **edit, text="v3") == 200


async def test_rate_limit_enforce_retry_after(
    server: FakeTelegram, http: aiohttp.ClientSession
) -> None:
    server.add_user(USER)
    clock = frozen(server)
    server.set_rate_limit(per_chat_per_second=10, chat_burst=1, retry_after=2)
    assert await statuses(http, server, USER, 2) == [200, 429]
    clock.now += 0.5  # refilled, and the client did not wait the 2 seconds it was told
    assert await statuses(http, server, USER, 1) == [200]  # not enforced: passes anyway

    server.set_rate_limit(
        per_chat_per_second=10, chat_burst=1, retry_after=2, enforce_retry_after=True
    )
    assert await statuses(http, server, USER, 2) == [200, 429]
    clock.now += 0.5
    status, body = await api(http, server, "sendMessage", chat_id=USER, text="too early")
    assert status == 429 and body["parameters"] == {"retry_after": 2}  # 1.5 s left, rounded up
    assert await statuses(http, server, USER + 1, 1) == [400]  # other chats are not held back
    clock.now += 1.5
    assert await statuses(http, server, USER, 2) == [200, 429]
    assert server.throttled == 4


async def test_drop_next_before_and_after_processing_aiohttp(
    server: FakeTelegram, http: aiohttp.ClientSession
) -> None:
    server.add_user(USER)
    url = f"{server.base_url}/bot{TOKEN}/sendMessage"
    server.drop_next("sendMessage")  # the request is lost on the way
    with pytest.raises((aiohttp.ServerDisconnectedError, aiohttp.ClientOSError)):
        await http.post(url, json={"chat_id": USER, "text": "lost"})
    assert server.messages(USER) == [] and server.events(USER) == []
    assert server.calls[-1].status == DROPPED

    server.drop_next("sendmessage", after_processing=True)  # sent, but the answer is lost
    with pytest.raises((aiohttp.ServerDisconnectedError, aiohttp.ClientOSError)):
        await http.post(url, json={"chat_id": USER, "text": "sent unseen"})
    assert [m.text for m in server.messages(USER)] == ["sent unseen"]
    assert (await server.next_event(USER)).text == "sent unseen"
    assert server.calls[-1].status == DROPPED

    server.fail_next("sendMessage", 500)  # faults queue up in order
    server.drop_next("sendMessage")
    assert await statuses(http, server, USER, 1) == [500]
    with pytest.raises((aiohttp.ServerDisconnectedError, aiohttp.ClientOSError)):
        await http.post(url, json={"chat_id": USER, "text": "lost again"})
    assert await statuses(http, server, USER, 1) == [200]  # one-shot: the next call goes through
    dropped_and_failed = [DROPPED, DROPPED, 500, DROPPED, 200]
    assert [c.status for c in server.calls_of("sendMessage")] == dropped_and_failed
    await server.settle(quiet=0.05)  # dropped calls do not count as in flight

    server.drop_next("sendMessage")
    server.clear_failures()
    assert await statuses(http, server, USER, 1) == [200]


async def test_drop_next_seen_by_httpx_aiogram_and_ptb(
    server: FakeTelegram, abot: AiogramBot, pbot: telegram.Bot
) -> None:
    server.add_user(USER)
    url = f"{server.base_url}/bot{TOKEN}/sendMessage"
    async with httpx.AsyncClient() as client:
        server.drop_next("sendMessage")
        with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
            await client.post(url, json={"chat_id": USER, "text": "lost"})
        assert server.messages(USER) == []
        server.drop_next("sendMessage", after_processing=True)
        with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
            await client.post(url, json={"chat_id": USER, "text": "sent unseen"})
        assert [m.text for m in server.messages(USER)] == ["sent unseen"]
        assert (await client.post(url, json={"chat_id": USER, "text": "ok"})).status_code == 200

    server.drop_next("sendMessage", after_processing=True)
    with pytest.raises(TelegramNetworkError):
        await abot.send_message(USER, "aiogram")
    server.drop_next("sendMessage")
    with pytest.raises(tg_error.NetworkError):
        await pbot.send_message(USER, "ptb")
    assert [m.text for m in server.messages(USER)] == ["sent unseen", "ok", "aiogram"]
    assert [c.status for c in server.calls_of("sendMessage")].count(DROPPED) == 4


async def test_delay_next_client_times_out_after_the_message_was_sent(
    server: FakeTelegram, http: aiohttp.ClientSession, pbot: telegram.Bot
) -> None:
    server.add_user(USER)
    url = f"{server.base_url}/bot{TOKEN}/sendMessage"
    short = aiohttp.ClientTimeout(total=0.1)
    server.delay_next("sendMessage", 0.3)
    with pytest.raises(TimeoutError):
        await http.post(url, json={"chat_id": USER, "text": "late"}, timeout=short)
    assert [m.text for m in server.messages(USER)] == ["late"]  # sent although the client gave up
    call = server.calls[-1]
    await server.wait_for(lambda: call.status == 499, timeout=2, what="the handler to notice")

    server.delay_next("sendMessage", 0.3, after_processing=False)
    with pytest.raises(TimeoutError):
        await http.post(url, json={"chat_id": USER, "text": "never"}, timeout=short)
    call = server.calls[-1]
    await server.wait_for(lambda: call.status == 499, timeout=2, what="the handler to notice")
    assert [m.text for m in server.messages(USER)] == ["late"]  # cancelled before processing

    server.delay_next("sendMessage", 0.15)  # shorter than the client's patience: just slow
    started = time.monotonic()
    assert await statuses(http, server, USER, 1) == [200]
    assert time.monotonic() - started >= 0.15

    server.delay_next("sendMessage", 0.3)
    with pytest.raises(tg_error.TimedOut):
        await pbot.send_message(USER, "ptb late", read_timeout=0.1)
    assert server.messages(USER)[-1].text == "ptb late"
