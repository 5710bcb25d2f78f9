"""What tests/fake_telegram promises, one behaviour a test, against real aiogram and
python-telegram-bot clients (and raw HTTP where the shape on the wire is the point)."""

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
    TelegramNotFound,
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
JSON = dict[str, Any]


@pytest.fixture
async def server() -> AsyncIterator[FakeTelegram]:
    fake = FakeTelegram()
    await fake.start()
    yield fake
    await fake.stop()


@pytest.fixture
async def abot(server: FakeTelegram) -> AsyncIterator[AiogramBot]:
    bot = AiogramBot(TOKEN, session=AiohttpSession(api=TelegramAPIServer.from_base(
        server.base_url)))
    yield bot
    await bot.session.close()


@pytest.fixture
async def pbot(server: FakeTelegram, monkeypatch: pytest.MonkeyPatch
               ) -> AsyncIterator[telegram.Bot]:
    # Without PTB_TIMEDELTA, constructing RetryAfter itself emits a PTBDeprecationWarning.
    monkeypatch.setenv("PTB_TIMEDELTA", "1")
    async with telegram.Bot(TOKEN, base_url=f"{server.base_url}/bot") as bot:
        yield bot


@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


async def api(http: aiohttp.ClientSession, server: FakeTelegram, method: str,
              **params: Any) -> tuple[int, JSON]:
    """One raw JSON call: (HTTP status, answer)."""
    async with http.post(f"{server.base_url}/bot{TOKEN}/{method}", json=params) as response:
        return response.status, await response.json()


async def statuses(http: aiohttp.ClientSession, server: FakeTelegram, chat_id: int,
                   count: int) -> list[int]:
    """Send ``count`` messages to a chat one after the other; their HTTP statuses."""
    return [(await api(http, server, "sendMessage", chat_id=chat_id, text=f"m{i}"))[0]
            for i in range(count)]


def keyboard(*pairs: tuple[str, str]) -> InlineKeyboardMarkup:
    return InlineKeyboardMarkup(inline_keyboard=[
        [InlineKeyboardButton(text=label, callback_data=data)] for label, data in pairs])


class FrozenClock:
    """A ``rate_clock`` that moves only when told to."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def frozen(server: FakeTelegram) -> FrozenClock:
    clock = FrozenClock()
    server.rate_clock = clock
    return clock


# ---------------------------------------------------------------- methods and the wire


async def test_get_me_is_the_test_bot(abot: AiogramBot, pbot: telegram.Bot) -> None:
    me = await abot.get_me()
    assert (me.id, me.is_bot, me.username) == (777000, True, "exchange_test_bot")
    assert pbot.username == "exchange_test_bot"  # PTB's initialize() asked getMe


@pytest.mark.parametrize("method", ["getChat", "deleteMessage", "getWebhookInfo", "noSuch"])
async def test_a_method_the_bot_does_not_call_is_404(
        server: FakeTelegram, http: aiohttp.ClientSession, method: str) -> None:
    assert await api(http, server, method, chat_id=USER) == (
        404, {"ok": False, "error_code": 404, "description": "Not Found"})
    assert server.calls[-1].method == method and server.calls[-1].status == 404


async def test_an_unknown_method_fails_loudly_in_aiogram(abot: AiogramBot) -> None:
    with pytest.raises(TelegramNotFound):
        await abot.get_chat(USER)


async def test_json_form_and_empty_bodies_decode_alike(
        server: FakeTelegram, http: aiohttp.ClientSession) -> None:
    server.add_user(USER)
    url = f"{server.base_url}/bot{TOKEN}"
    markup = '{"inline_keyboard": [[{"text": "Go", "callback_data": "go"}]]}'
    async with http.post(f"{url}/sendMessage",
                         data={"chat_id": str(USER), "text": "form", "reply_markup": markup}):
        pass
    await api(http, server, "sendMessage", chat_id=USER, text="json")
    async with http.post(f"{url}/getMe", data=b"",
                         headers={"Content-Type": "application/octet-stream"}) as response:
        assert (await response.json())["result"]["id"] == 777000
    form, json_call = server.calls_of("sendMessage")
    assert form.params["chat_id"] == USER and form.params["reply_markup"]["inline_keyboard"]
    assert form.content_type == "application/x-www-form-urlencoded"
    assert json_call.content_type == "application/json"
    assert [m.text for m in server.messages(USER)] == ["form", "json"]


# ---------------------------------------------------------------- chats and messages


async def test_a_chat_is_unknown_until_the_user_writes(
        server: FakeTelegram, abot: AiogramBot) -> None:
    with pytest.raises(TelegramBadRequest, match="chat not found"):
        await abot.send_message(USER, "hi")
    await server.send_text(USER, "hello")
    assert (await abot.send_message(USER, "hi")).text == "hi"


async def test_add_user_makes_a_chat_known_without_an_update(
        server: FakeTelegram, abot: AiogramBot) -> None:
    server.add_user(USER, language_code="de", first_name="Ann")
    assert server.updates == {}
    sent = await abot.send_message(USER, "hi")
    assert sent.chat.first_name == "Ann"


async def test_user_and_bot_messages_share_one_id_counter(
        server: FakeTelegram, abot: AiogramBot) -> None:
    await server.send_text(USER, "/start")  # message 1
    assert (await abot.send_message(USER, "one")).message_id == 2
    await server.send_text(USER, "thanks")  # message 3
    assert (await abot.send_message(USER, "two")).message_id == 4


async def test_a_sent_message_is_stored_with_its_buttons(
        server: FakeTelegram, abot: AiogramBot) -> None:
    server.add_user(USER)
    markup = InlineKeyboardMarkup(inline_keyboard=[[
        InlineKeyboardButton(text="Yes", callback_data="y:1"),
        InlineKeyboardButton(text="Site", url="https://example.org")]])
    sent = await abot.send_message(USER, "Pick one", reply_markup=markup)
    [stored] = server.messages(USER)
    assert (stored.message_id, stored.text) == (sent.message_id, "Pick one")
    assert stored.buttons == [[("Yes", "y:1"), ("Site", "url:https://example.org")]]
    assert stored.reply_markup == {"inline_keyboard": [[
        {"text": "Yes", "callback_data": "y:1"}, {"text": "Site", "url": "https://example.org"}]]}
    assert sent.reply_markup is not None  # echoed back as Telegram does
    assert sent.reply_markup.inline_keyboard[0][1].url == "https://example.org"


async def test_text_must_be_non_empty_and_at_most_4096_characters(
        server: FakeTelegram, abot: AiogramBot) -> None:
    server.add_user(USER)
    with pytest.raises(TelegramBadRequest, match="message text is empty"):
        await abot.send_message(USER, " ")
    with pytest.raises(TelegramBadRequest, match="message is too long"):
        await abot.send_message(USER, "x" * 4097)
    await abot.send_message(USER, "x" * 4096)


async def test_button_data_must_be_1_to_64_bytes(server: FakeTelegram,
                                                 abot: AiogramBot) -> None:
    server.add_user(USER)
    for data in ("", "é" * 33):  # 0 and 66 bytes
        with pytest.raises(TelegramBadRequest, match="BUTTON_DATA_INVALID"):
            await abot.send_message(USER, "k", reply_markup=keyboard(("ok", data)))
    await abot.send_message(USER, "k", reply_markup=keyboard(("ok", "é" * 32)))


async def test_a_button_without_data_or_url_is_refused(
        server: FakeTelegram, http: aiohttp.ClientSession) -> None:
    server.add_user(USER)
    markup = {"inline_keyboard": [[{"text": "just text"}]]}
    status, body = await api(http, server, "sendMessage", chat_id=USER, text="k",
                             reply_markup=markup)
    assert status == 400 and "Text buttons are unallowed" in body["description"]


async def test_html_is_validated_and_shown_without_tags(
        server: FakeTelegram, abot: AiogramBot) -> None:
    server.add_user(USER)
    with pytest.raises(TelegramBadRequest, match="Can't find end tag"):
        await abot.send_message(USER, "a <b>bold", parse_mode="HTML")
    with pytest.raises(TelegramBadRequest, match="Unsupported start tag"):
        await abot.send_message(USER, "1 <3 2", parse_mode="HTML")
    sent = await abot.send_message(USER, "<b>Hi</b> &lt;you&gt;", parse_mode="HTML")
    assert sent.text == "Hi <you>" and server.messages(USER)[0].plain_text == "Hi <you>"
    assert server.messages(USER)[0].text == "<b>Hi</b> &lt;you&gt;"


async def test_without_parse_mode_text_is_taken_verbatim(
        server: FakeTelegram, abot: AiogramBot) -> None:
    server.add_user(USER)
    await abot.send_message(USER, "1 <3 2")
    assert server.messages(USER)[0].plain_text == "1 <3 2"


async def test_an_edit_without_a_keyboard_removes_it(
        server: FakeTelegram, abot: AiogramBot) -> None:
    server.add_user(USER)
    sent = await abot.send_message(USER, "Pick", reply_markup=keyboard(("A", "a")))
    edited = await abot.edit_message_text("Picked", chat_id=USER, message_id=sent.message_id)
    assert isinstance(edited, Message) and edited.edit_date is not None
    [stored] = server.messages(USER)
    assert (stored.text, stored.buttons, stored.edits) == ("Picked", [], 1)


async def test_an_edit_changing_nothing_is_not_modified(
        server: FakeTelegram, abot: AiogramBot, pbot: telegram.Bot) -> None:
    server.add_user(USER)
    sent = await abot.send_message(USER, "Same", reply_markup=keyboard(("A", "a")))
    with pytest.raises(TelegramBadRequest, match="message is not modified"):
        await abot.edit_message_text("Same", chat_id=USER, message_id=sent.message_id,
                                     reply_markup=keyboard(("A", "a")))
    same = telegram.InlineKeyboardMarkup([[telegram.InlineKeyboardButton("A", callback_data="a")]])
    with pytest.raises(tg_error.BadRequest) as caught:
        await pbot.edit_message_text("Same", chat_id=USER, message_id=sent.message_id,
                                     reply_markup=same)
    # PTB strips "Bad Request: " and capitalises the rest
    assert caught.value.message == NOT_MODIFIED.removeprefix("Bad Request: ").capitalize()


async def test_only_the_bots_own_text_messages_can_be_edited(
        server: FakeTelegram, abot: AiogramBot) -> None:
    await server.send_text(USER, "mine")  # message 1
    with pytest.raises(TelegramBadRequest, match="message can't be edited"):
        await abot.edit_message_text("x", chat_id=USER, message_id=1)
    with pytest.raises(TelegramBadRequest, match="message to edit not found"):
        await abot.edit_message_text("x", chat_id=USER, message_id=99)
    document = await abot.send_document(USER, BufferedInputFile(b"1", "a.txt"))
    with pytest.raises(TelegramBadRequest, match="no text in the message to edit"):
        await abot.edit_message_text("x", chat_id=USER, message_id=document.message_id)


async def test_a_document_is_stored_with_its_size_from_either_client(
        server: FakeTelegram, abot: AiogramBot, pbot: telegram.Bot) -> None:
    server.add_user(USER)
    sent = await abot.send_document(USER, BufferedInputFile(b"x;y\n", "export.csv"),
                                    caption="Export", reply_markup=keyboard(("Back", "back")))
    assert sent.document is not None and sent.document.file_size == 4
    await pbot.send_document(USER, b"PDF!", filename="r.pdf")  # PTB: the file itself, no attach://
    aiogram_doc, ptb_doc = server.messages(USER)
    assert (aiogram_doc.document, aiogram_doc.caption, aiogram_doc.text) == (
        ("export.csv", b"x;y\n"), "Export", None)
    assert aiogram_doc.buttons == [[("Back", "back")]]
    assert aiogram_doc.document_info is not None
    assert aiogram_doc.document_info["file_name"] == "export.csv"
    assert ptb_doc.document == ("r.pdf", b"PDF!")
    assert server.calls_of("sendDocument")[0].content_type == "multipart/form-data"


async def test_a_document_caption_is_at_most_1024_characters(
        server: FakeTelegram, abot: AiogramBot) -> None:
    server.add_user(USER)
    with pytest.raises(TelegramBadRequest, match="caption is too long"):
        await abot.send_document(USER, BufferedInputFile(b"1", "a.txt"), caption="c" * 1025)


async def test_events_log_sends_and_edits_as_snapshots(
        server: FakeTelegram, abot: AiogramBot) -> None:
    server.add_user(USER)
    sent = await abot.send_message(USER, "v1")
    await abot.edit_message_text("v2", chat_id=USER, message_id=sent.message_id)
    assert [(kind, m.text, m.edits) for kind, m in server.events(USER)] == [
        ("send", "v1", 0), ("edit", "v2", 1)]
    assert (await server.next_event(USER)).text == "v1"
    assert [m.text for m in server.drain(USER)] == ["v2"]
    assert server.drain(USER) == []


async def test_a_blocked_user_is_403_and_tells_the_bot(
        server: FakeTelegram, abot: AiogramBot) -> None:
    await server.send_text(USER, "hi")
    update_id = await server.block(USER)
    with pytest.raises(TelegramForbiddenError, match="bot was blocked by the user"):
        await abot.send_message(USER, "hello?")
    [_, update] = await abot.get_updates()
    assert update.update_id == update_id and update.my_chat_member is not None
    assert update.my_chat_member.new_chat_member.status == "kicked"


async def test_a_silent_block_is_learnt_only_from_a_403(
        server: FakeTelegram, abot: AiogramBot) -> None:
    server.add_user(USER)
    assert await server.block(USER, silent=True) is None
    assert server.updates == {}
    with pytest.raises(TelegramForbiddenError):
        await abot.send_message(USER, "hello?")


async def test_a_callback_query_is_answered_once(
        server: FakeTelegram, abot: AiogramBot, pbot: telegram.Bot) -> None:
    await server.send_text(USER, "hi")
    sent = await abot.send_message(USER, "Q?", reply_markup=keyboard(("A", "ans:a")))
    query_id = await server.press(USER, sent.message_id, "ans:a")
    assert await abot.answer_callback_query(query_id, text="Done")
    assert server.answers[query_id]["text"] == "Done"
    with pytest.raises(TelegramBadRequest, match="query is too old"):
        await abot.answer_callback_query(query_id)
    with pytest.raises(tg_error.BadRequest, match="Query is too old"):  # PTB capitalises it
        await pbot.answer_callback_query("123")
    assert QUERY_TOO_OLD.endswith("query ID is invalid")


async def test_commands_are_kept_per_language(server: FakeTelegram, abot: AiogramBot,
                                              pbot: telegram.Bot) -> None:
    await abot.set_my_commands([BotCommand(command="start", description="Start"),
                                BotCommand(command="help", description="Help")])
    await pbot.set_my_commands([("start", "Los")], language_code="de")
    assert server.commands() == [("start", "Start"), ("help", "Help")]
    assert server.commands("de") == [("start", "Los")]
    assert server.commands("fr") == []
    with pytest.raises(TelegramBadRequest, match="BOT_COMMAND_INVALID"):
        await abot.set_my_commands([BotCommand(command="Bad-Name", description="x")])


# ---------------------------------------------------------------- what users send


async def test_a_command_carries_a_bot_command_entity(
        server: FakeTelegram, abot: AiogramBot) -> None:
    await server.send_text(USER, "/start ref42", language_code="uk")
    [update] = await abot.get_updates()
    assert update.message is not None and update.message.entities is not None
    entity = update.message.entities[0]
    assert (entity.type, entity.offset, entity.length) == ("bot_command", 0, 6)
    assert update.message.from_user is not None
    assert update.message.from_user.language_code == "uk"


async def test_a_user_keeps_their_language_and_name(server: FakeTelegram) -> None:
    server.add_user(USER, language_code="de", first_name="Ann")
    later = await server.send_text(USER, "next")
    sender = server.updates[later]["message"]["from"]
    assert (sender["language_code"], sender["first_name"]) == ("de", "Ann")


async def test_a_press_is_a_callback_query_on_the_bots_message(
        server: FakeTelegram, abot: AiogramBot) -> None:
    server.add_user(USER)
    sent = await abot.send_message(USER, "Q?", reply_markup=keyboard(("A", "ans:a")))
    query_id = await server.press(USER, sent.message_id, "forged:data")
    [update] = await abot.get_updates()
    query = update.callback_query
    assert query is not None and (query.id, query.data) == (query_id, "forged:data")
    assert isinstance(query.message, Message) and query.message.text == "Q?"
    with pytest.raises(AssertionError, match="no bot message 42"):
        await server.press(USER, 42, "x")


async def test_media_and_edits_read_by_both_frameworks(
        server: FakeTelegram, abot: AiogramBot, pbot: telegram.Bot) -> None:
    for send in (server.send_sticker, server.send_photo, server.send_voice,
                 server.send_document, server.send_location):
        await send(USER)
    text = await server.send_text(USER, "typo")
    await server.edit_text(USER, server.updates[text]["message"]["message_id"], "fixed")
    updates = await abot.get_updates()
    kinds = ("sticker", "photo", "voice", "document", "location")
    for update, kind in zip(updates[:5], kinds, strict=True):
        assert update.message is not None and getattr(update.message, kind), kind
    assert updates[-1].edited_message is not None and updates[-1].edited_message.text == "fixed"
    ptb_updates = await pbot.get_updates()
    assert len(ptb_updates) == 7 and ptb_updates[-1].edited_message is not None


async def test_enqueue_raw_queues_any_update_and_its_sender_becomes_known(
        server: FakeTelegram, abot: AiogramBot) -> None:
    other = 5151
    update_id = await server.enqueue_raw({"message": {
        "message_id": 1, "date": 0, "text": "x",
        "chat": {"id": other, "type": "private", "first_name": "O"},
        "from": {"id": other, "is_bot": False, "first_name": "O"}}})
    assert server.updates[update_id]["update_id"] == update_id
    assert await server.enqueue_raw({"update_id": 900_000, "nonsense": True}) == 900_000
    assert (await abot.send_message(other, "hi")).chat.id == other


# ---------------------------------------------------------------- getUpdates


async def test_updates_stay_pending_until_an_offset_confirms_them(
        server: FakeTelegram, abot: AiogramBot) -> None:
    first = await server.send_text(USER, "one")
    second = await server.send_text(USER, "two")
    assert [u.update_id for u in await abot.get_updates()] == [first, second]
    assert [u.update_id for u in await abot.get_updates()] == [first, second]
    assert [u.update_id for u in await abot.get_updates(offset=second)] == [second]
    assert server.updates_confirmed(first) and not server.updates_confirmed(second)


async def test_allowed_updates_persist_and_filter(server: FakeTelegram,
                                                  abot: AiogramBot) -> None:
    assert await abot.get_updates(allowed_updates=["callback_query"]) == []
    text = await server.send_text(USER, "hi")
    assert await abot.get_updates() == []  # still only callback queries
    assert server.updates_confirmed(text)  # left out for good, as in Telegram


async def test_a_forced_update_comes_whatever_allowed_updates_says(
        server: FakeTelegram, abot: AiogramBot) -> None:
    await abot.get_updates(allowed_updates=["callback_query"])
    update_id = await server.enqueue_raw(
        {"message": {"message_id": 1, "date": 0, "chat": {"id": USER, "type": "private"}}},
        force=True)
    assert [u.update_id for u in await abot.get_updates()] == [update_id]


async def test_a_long_poll_answers_as_soon_as_an_update_comes(
        server: FakeTelegram, abot: AiogramBot) -> None:
    poll = asyncio.create_task(abot.get_updates(timeout=20))
    await server.wait_for(lambda: bool(server.calls_of("getUpdates")))
    update_id = await server.send_text(USER, "wake up")
    assert [u.update_id for u in await asyncio.wait_for(poll, 2)] == [update_id]


async def test_a_long_poll_without_updates_lasts_its_timeout(abot: AiogramBot) -> None:
    started = time.monotonic()
    assert await abot.get_updates(timeout=1) == []
    assert 0.9 < time.monotonic() - started < 2


async def test_stop_ends_a_long_poll_empty(server: FakeTelegram, abot: AiogramBot) -> None:
    poll = asyncio.create_task(abot.get_updates(timeout=20))
    await server.wait_for(lambda: bool(server.calls_of("getUpdates")))
    await server.stop()
    assert await asyncio.wait_for(poll, 2) == []


async def test_a_second_long_poll_ends_the_first_with_409(
        server: FakeTelegram, abot: AiogramBot) -> None:
    older = asyncio.create_task(abot.get_updates(timeout=10))
    await server.wait_for(lambda: bool(server.calls_of("getUpdates")))
    newer = asyncio.create_task(abot.get_updates(timeout=10))
    with pytest.raises(TelegramConflictError, match="terminated by other getUpdates"):
        await asyncio.wait_for(older, 2)
    await server.send_text(USER, "hi")
    assert len(await asyncio.wait_for(newer, 2)) == 1


async def test_a_client_that_gives_up_leaves_its_call_at_499(
        server: FakeTelegram, http: aiohttp.ClientSession) -> None:
    with pytest.raises(TimeoutError):
        await http.post(f"{server.base_url}/bot{TOKEN}/getUpdates", json={"timeout": 5},
                        timeout=aiohttp.ClientTimeout(total=0.1))
    [call] = server.calls
    await server.wait_for(lambda: call.status == 499, timeout=2, what="the handler to notice")


# ---------------------------------------------------------------- webhooks


@pytest.fixture
async def hook() -> AsyncIterator[tuple[str, list[tuple[str | None, JSON]], list[int]]]:
    """A webhook endpoint: (its URL, what it received, the statuses it answers, in turn; 200
    once they run out)."""
    received: list[tuple[str | None, JSON]] = []
    answers: list[int] = []

    async def endpoint(request: web.Request) -> web.Response:
        secret = request.headers.get("X-Telegram-Bot-Api-Secret-Token")
        received.append((secret, await request.json()))
        return web.Response(status=answers.pop(0) if answers else 200)

    app = web.Application()
    app.router.add_post("/hook", endpoint)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    host, port = runner.addresses[0][:2]
    yield f"http://{host}:{port}/hook", received, answers
    await runner.cleanup()


Hook = tuple[str, list[tuple[str | None, JSON]], list[int]]


async def test_a_webhook_gets_each_update_with_the_secret(
        server: FakeTelegram, abot: AiogramBot, hook: Hook) -> None:
    url, received, _ = hook
    assert await abot.set_webhook(url, secret_token="s3cret")
    assert server.webhook is not None and server.webhook["secret_token"] == "s3cret"
    update_id = await server.send_text(USER, "via hook")
    await server.wait_for(lambda: server.updates_confirmed(update_id))
    assert received == [("s3cret", server.updates[update_id])]
    assert server.webhook_deliveries == [(update_id, 200)]


async def test_a_webhook_answering_an_error_gets_the_update_again(
        server: FakeTelegram, abot: AiogramBot, hook: Hook) -> None:
    url, received, answers = hook
    answers.extend([500, 403])
    await abot.set_webhook(url)
    update_id = await server.send_text(USER, "again")
    await server.wait_for(lambda: server.updates_confirmed(update_id), timeout=3)
    assert server.webhook_deliveries == [(update_id, 500), (update_id, 403), (update_id, 200)]
    assert len(received) == 3


async def test_get_updates_while_a_webhook_is_set_is_409(
        server: FakeTelegram, abot: AiogramBot, hook: Hook) -> None:
    await abot.set_webhook(hook[0])
    with pytest.raises(TelegramConflictError, match="webhook is active"):
        await abot.get_updates()
    assert await abot.delete_webhook()
    assert server.webhook is None and await abot.get_updates() == []


async def test_post_update_to_posts_like_telegram(server: FakeTelegram, hook: Hook) -> None:
    url, received, answers = hook
    answers.append(403)
    assert await server.post_update_to(url, {"update_id": 1}, "s") == 403
    assert received == [("s", {"update_id": 1})]


# ---------------------------------------------------------------- injected faults


async def test_fail_next_answers_429_with_retry_after_once(
        server: FakeTelegram, http: aiohttp.ClientSession) -> None:
    server.add_user(USER)
    server.fail_next("sendMessage", 429, retry_after=3)
    assert await api(http, server, "sendMessage", chat_id=USER, text="x") == (429, {
        "ok": False, "error_code": 429, "description": "Too Many Requests: retry after 3",
        "parameters": {"retry_after": 3}})
    assert server.messages(USER) == []  # not carried out
    assert await statuses(http, server, USER, 1) == [200]


async def test_fail_next_is_seen_by_aiogram_and_ptb(
        server: FakeTelegram, abot: AiogramBot, pbot: telegram.Bot) -> None:
    server.add_user(USER)
    server.fail_next("sendMessage", 429, retry_after=7)
    server.fail_next("sendMessage", 500)
    with pytest.raises(TelegramRetryAfter) as caught:
        await abot.send_message(USER, "hello")
    assert caught.value.retry_after == 7
    with pytest.raises(TelegramServerError):
        await abot.send_message(USER, "hello")
    server.fail_next("sendMessage", 429, retry_after=7)
    with pytest.raises(tg_error.RetryAfter) as ptb_caught:
        await pbot.send_message(USER, "hi")
    assert ptb_caught.value.retry_after == dt.timedelta(seconds=7)
    assert [c.status for c in server.calls_of("sendMessage")] == [429, 500, 429]


async def test_fail_next_html_is_a_proxys_error_page(
        server: FakeTelegram, http: aiohttp.ClientSession, pbot: telegram.Bot) -> None:
    server.fail_next("getMe", 502, html=True)
    async with http.post(f"{server.base_url}/bot{TOKEN}/getMe") as response:
        assert response.status == 502 and response.content_type == "text/html"
        assert "Bad Gateway" in await response.text()
    server.fail_next("getMe", 502, html=True)
    with pytest.raises(tg_error.NetworkError):
        await pbot.get_me()


async def test_faults_are_per_method_and_queue_in_order(
        server: FakeTelegram, http: aiohttp.ClientSession) -> None:
    server.add_user(USER)
    server.fail_next("sendMessage", 500)
    server.fail_next("sendMessage", 502)
    assert (await api(http, server, "getMe"))[0] == 200
    assert await statuses(http, server, USER, 3) == [500, 502, 200]


async def test_clear_failures_forgets_queued_faults(
        server: FakeTelegram, http: aiohttp.ClientSession) -> None:
    server.add_user(USER)
    server.fail_next("sendMessage", 500)
    server.drop_next("sendMessage")
    server.clear_failures()
    assert await statuses(http, server, USER, 1) == [200]


async def test_drop_next_loses_the_request(server: FakeTelegram,
                                           http: aiohttp.ClientSession) -> None:
    server.add_user(USER)
    server.drop_next("sendMessage")
    with pytest.raises((aiohttp.ServerDisconnectedError, aiohttp.ClientOSError)):
        await api(http, server, "sendMessage", chat_id=USER, text="lost")
    assert server.messages(USER) == [] and server.calls[-1].status == DROPPED
    await server.settle(quiet=0.05)  # a dropped call does not count as in flight


async def test_drop_next_after_processing_loses_only_the_answer(
        server: FakeTelegram, http: aiohttp.ClientSession) -> None:
    server.add_user(USER)
    server.drop_next("sendMessage", after_processing=True)
    with pytest.raises((aiohttp.ServerDisconnectedError, aiohttp.ClientOSError)):
        await api(http, server, "sendMessage", chat_id=USER, text="sent unseen")
    assert [m.text for m in server.messages(USER)] == ["sent unseen"]
    assert server.calls[-1].status == DROPPED


async def test_a_drop_is_a_network_error_to_every_client(
        server: FakeTelegram, abot: AiogramBot, pbot: telegram.Bot) -> None:
    server.add_user(USER)
    server.drop_next("sendMessage")
    async with httpx.AsyncClient() as client:
        with pytest.raises((httpx.RemoteProtocolError, httpx.ReadError)):
            await client.post(f"{server.base_url}/bot{TOKEN}/sendMessage",
                              json={"chat_id": USER, "text": "lost"})
    server.drop_next("sendMessage", after_processing=True)
    with pytest.raises(TelegramNetworkError):
        await abot.send_message(USER, "aiogram")
    server.drop_next("sendMessage")
    with pytest.raises(tg_error.NetworkError):
        await pbot.send_message(USER, "ptb")
    assert [m.text for m in server.messages(USER)] == ["aiogram"]


async def test_go_down_refuses_connections_and_come_up_remembers(
        server: FakeTelegram, http: aiohttp.ClientSession) -> None:
    server.add_user(USER)
    update_id = await server.send_text(USER, "while up")
    url = server.base_url
    await server.go_down()
    with pytest.raises(aiohttp.ClientConnectorError):
        await api(http, server, "getMe")
    await server.come_up()
    assert server.base_url == url
    status, body = await api(http, server, "getUpdates")
    assert status == 200 and [u["update_id"] for u in body["result"]] == [update_id]


# ---------------------------------------------------------------- flood limits


async def test_rate_limit_is_off_by_default(server: FakeTelegram,
                                            http: aiohttp.ClientSession) -> None:
    server.add_user(USER)
    assert await statuses(http, server, USER, 40) == [200] * 40


async def test_a_call_over_the_limit_is_429_and_not_carried_out(
        server: FakeTelegram, http: aiohttp.ClientSession) -> None:
    server.add_user(USER)
    frozen(server)
    server.set_rate_limit()  # Telegram's: 30/s for the bot, 1/s with a burst of 3 per chat
    assert await statuses(http, server, USER, 3) == [200] * 3
    assert await api(http, server, "sendMessage", chat_id=USER, text="one too many") == (429, {
        "ok": False, "error_code": 429, "description": "Too Many Requests: retry after 1",
        "parameters": {"retry_after": 1}})
    assert [m.text for m in server.messages(USER)] == ["m0", "m1", "m2"]
    assert server.throttled == 1 and server.throttled_by_chat == {USER: 1}


async def test_each_chat_has_its_own_bucket_refilled_up_to_the_burst(
        server: FakeTelegram, http: aiohttp.ClientSession) -> None:
    other = USER + 1
    server.add_user(USER)
    server.add_user(other)
    clock = frozen(server)
    server.set_rate_limit(1000, per_chat_per_second=2, chat_burst=3)
    assert await statuses(http, server, USER, 4) == [200, 200, 200, 429]
    assert await statuses(http, server, other, 1) == [200]
    clock.now += 0.5  # one token
    assert await statuses(http, server, USER, 2) == [200, 429]
    clock.now += 10  # refills to the burst, not beyond
    assert await statuses(http, server, USER, 4) == [200, 200, 200, 429]


async def test_a_refused_call_takes_no_token(server: FakeTelegram,
                                             http: aiohttp.ClientSession) -> None:
    server.add_user(USER)
    clock = frozen(server)
    server.set_rate_limit(1000, per_chat_per_second=2, chat_burst=1)
    assert await statuses(http, server, USER, 1) == [200]
    clock.now += 0.25  # half a token
    assert await statuses(http, server, USER, 10) == [429] * 10
    clock.now += 0.25  # the ten refused calls took nothing: a whole token now
    assert await statuses(http, server, USER, 1) == [200]


async def test_the_bot_has_one_bucket_for_all_chats(
        server: FakeTelegram, http: aiohttp.ClientSession) -> None:
    for chat_id in range(1, 5):
        server.add_user(chat_id)
    frozen(server)
    server.set_rate_limit(3)
    assert [(await statuses(http, server, chat_id, 1))[0] for chat_id in range(1, 5)] == [
        200, 200, 200, 429]
    assert server.throttled_by_chat == {4: 1}


async def test_retry_after_is_the_wait_rounded_up(
        server: FakeTelegram, abot: AiogramBot, pbot: telegram.Bot) -> None:
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


async def test_edits_count_against_the_limit_other_calls_do_not(
        server: FakeTelegram, http: aiohttp.ClientSession) -> None:
    server.add_user(USER)
    frozen(server)
    server.set_rate_limit(per_chat_per_second=1, chat_burst=2)
    _, sent = await api(http, server, "sendMessage", chat_id=USER, text="v1")
    edit = {"chat_id": USER, "message_id": sent["result"]["message_id"]}
    assert (await api(http, server, "editMessageText", **edit, text="v2"))[0] == 200
    assert (await api(http, server, "editMessageText", **edit, text="v3"))[0] == 429
    assert (await api(http, server, "getMe"))[0] == 200


async def test_buckets_refill_in_real_time(server: FakeTelegram,
                                           http: aiohttp.ClientSession) -> None:
    server.add_user(USER)
    server.set_rate_limit(1000, per_chat_per_second=10, chat_burst=1)  # on time.monotonic
    assert await statuses(http, server, USER, 2) == [200, 429]
    await asyncio.sleep(0.12)  # 1/10 s brings one token back
    assert await statuses(http, server, USER, 1) == [200]


def test_rate_limits_must_be_positive(server: FakeTelegram) -> None:
    with pytest.raises(ValueError, match="positive"):
        server.set_rate_limit(0)
    with pytest.raises(ValueError, match="positive"):
        server.set_rate_limit(chat_burst=0)


# ---------------------------------------------------------------- waiting for the bot


async def test_wait_for_names_the_last_calls_when_it_times_out(
        server: FakeTelegram, abot: AiogramBot) -> None:
    await abot.get_me()
    with pytest.raises(AssertionError, match="getMe -> 200"):
        await server.wait_for(lambda: False, timeout=0.2)


async def test_next_event_times_out_when_the_bot_is_silent(server: FakeTelegram) -> None:
    with pytest.raises(AssertionError, match="next bot message"):
        await server.next_event(USER, timeout=0.2)


async def test_settle_without_a_bot_waits_for_quiet(server: FakeTelegram) -> None:
    started = time.monotonic()
    await server.send_text(USER, "hi")  # queuing an update counts as activity
    await server.settle(quiet=0.3)
    assert time.monotonic() - started >= 0.29


async def test_settle_asks_a_registered_bot(server: FakeTelegram) -> None:
    server.bot_probes.append(lambda: True)  # nothing in flight, no update pending
    started = time.monotonic()
    await server.settle(quiet=5)
    assert time.monotonic() - started < 1


# ---------------------------------------------------------------- the frameworks' own loops


async def test_aiogram_dispatcher_polls_and_replies(server: FakeTelegram,
                                                    abot: AiogramBot) -> None:
    router = Router()

    @router.message(CommandStart())
    async def start(message: Message) -> None:
        await message.answer("Welcome", reply_markup=keyboard(("Go", "go")))

    @router.callback_query(F.data == "go")
    async def go(query: CallbackQuery) -> None:
        await query.answer("Going")
        if isinstance(query.message, Message):
            await query.message.edit_text("Gone")

    dispatcher = Dispatcher()
    dispatcher.include_router(router)
    task = asyncio.create_task(
        dispatcher.start_polling(abot, handle_signals=False, close_bot_session=False))
    try:
        start_update = await server.send_text(USER, "/start")
        welcome = await server.next_event(USER)
        query_id = await server.press(USER, welcome.message_id, "go")
        assert (await server.next_event(USER)).text == "Gone"
        await server.wait_for(lambda: query_id in server.answers)
        await server.wait_for(lambda: server.updates_confirmed(start_update))
    finally:
        await dispatcher.stop_polling()
        await task


async def test_ptb_application_polls_and_replies(server: FakeTelegram) -> None:
    async def start(update: telegram.Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.effective_message is not None
        markup = telegram.InlineKeyboardMarkup(
            [[telegram.InlineKeyboardButton("Yes", callback_data="yes")]])
        await update.effective_message.reply_text(f"args={context.args}", reply_markup=markup)

    async def pressed(update: telegram.Update, _: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.callback_query is not None
        await update.callback_query.answer("noted")
        await update.callback_query.edit_message_text(f"you said {update.callback_query.data}")

    app = Application.builder().token(TOKEN).base_url(f"{server.base_url}/bot").build()
    app.add_handler(CommandHandler("start", start))
    app.add_handler(CallbackQueryHandler(pressed))
    async with app:
        await app.start()
        assert app.updater is not None
        await app.updater.start_polling(poll_interval=0, timeout=5)
        try:
            await server.send_text(USER, "/start ref42")
            reply = await server.next_event(USER)
            assert reply.text == "args=['ref42']"
            query_id = await server.press(USER, reply.message_id, "yes")
            assert (await server.next_event(USER)).text == "you said yes"
            await server.wait_for(lambda: query_id in server.answers)
        finally:
            await app.updater.stop()
            await app.stop()
    assert [c.method for c in server.calls][:3] == ["getMe", "deleteWebhook", "getUpdates"]
