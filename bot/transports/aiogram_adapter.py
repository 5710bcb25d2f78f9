"""aiogram 3 adapter: long polling, updates → :class:`Inbound`, :class:`Outcome` → Bot API calls.

This is the only module that imports aiogram (it takes seconds to import; nothing else
should pay for it).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import Any, TypeVar

from aiogram import Bot, Dispatcher, Router, methods
from aiogram.client.default import DefaultBotProperties
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.exceptions import (
    ClientDecodeError,
    TelegramBadRequest,
    TelegramForbiddenError,
    TelegramNetworkError,
    TelegramRetryAfter,
    TelegramServerError,
)
from aiogram.types import (
    BotCommand,
    BufferedInputFile,
    CallbackQuery,
    ChatMemberUpdated,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    Update,
)

from bot.app import App
from bot.core import Button, Inbound, Kind, Outcome, Reply
from bot.transports.common import REPLY_RETRY, command_lists

log = logging.getLogger(__name__)
T = TypeVar("T")

# aiogram parses every answer as ``Response[<return type>]``. pydantic caches that generic
# class only weakly, so each garbage collection drops it and the next API call rebuilds its
# schema (~7 ms of CPU, measured in bench/throughput.py). Holding the classes keeps them cached.
_PINNED_RESPONSES = tuple(
    methods.base.Response[method.__returning__]  # type: ignore[name-defined]
    for method in (methods.SendMessage, methods.EditMessageText, methods.AnswerCallbackQuery,
                   methods.SendDocument, methods.GetUpdates, methods.SetMyCommands,
                   methods.GetMe, methods.DeleteWebhook)
)


class Unreachable(Exception):  # noqa: N818
    """The person blocked the bot or the chat is gone: stop sending to them."""


def _keyboard(rows: tuple[tuple[Button, ...], ...]) -> InlineKeyboardMarkup | None:
    if not rows:
        return None
    return InlineKeyboardMarkup(inline_keyboard=[
        [InlineKeyboardButton(text=b.label, url=b.url) if b.url
         else InlineKeyboardButton(text=b.label, callback_data=b.data) for b in row]
        for row in rows
    ])


def message_inbound(update_id: int, message: Message, *, edited: bool = False) -> Inbound | None:
    user = message.from_user
    if user is None or message.chat.type != "private":
        return None  # groups and channels are not conversations with one person
    if edited:
        return Inbound(update_id, user.id, message.chat.id, Kind.EDITED,
                       language_code=user.language_code)
    if message.text is not None:
        return Inbound.from_text(update_id, user.id, message.chat.id, message.text,
                                 user.language_code)
    return Inbound(update_id, user.id, message.chat.id, Kind.OTHER,
                   media=str(message.content_type), language_code=user.language_code)


def callback_inbound(update_id: int, query: CallbackQuery) -> Inbound:
    message = query.message
    chat_id = message.chat.id if message is not None else query.from_user.id
    return Inbound(update_id, query.from_user.id, chat_id, Kind.BUTTON, data=query.data or "",
                   message_id=message.message_id if message is not None else None,
                   language_code=query.from_user.language_code)


class AiogramTransport:
    """Runs the app on aiogram's long polling against ``settings.bot_api_url``."""

    def __init__(self, app: App, *, polling_timeout: int = 10) -> None:
        token = app.settings.bot_token
        if token is None:
            raise ValueError("BOT_TOKEN is required for Telegram")
        self.app = app
        self.polling_timeout = polling_timeout
        session = AiohttpSession(api=TelegramAPIServer.from_base(app.settings.bot_api_url))
        self.bot = Bot(token.get_secret_value(), session=session,
                       default=DefaultBotProperties(parse_mode=None))
        self.dispatcher = Dispatcher()
        self.dispatcher.include_router(self._router())
        self._inflight: set[asyncio.Task[Any]] = set()
        self.ready = asyncio.Event()

    def _router(self) -> Router:
        router = Router(name="exchange-bot")

        @router.message()
        async def on_message(message: Message, event_update: Update) -> None:
            inbound = message_inbound(event_update.update_id, message)
            if inbound is not None:
                await self._process(inbound, None)

        @router.edited_message()
        async def on_edit(message: Message, event_update: Update) -> None:
            inbound = message_inbound(event_update.update_id, message, edited=True)
            if inbound is not None:
                await self._process(inbound, None)

        @router.callback_query()
        async def on_press(query: CallbackQuery, event_update: Update) -> None:
            await self._process(callback_inbound(event_update.update_id, query), query.id)

        @router.my_chat_member()
        async def on_member(update: ChatMemberUpdated) -> None:
            # Telegram tells us when someone blocks the bot: stop sending to them at once.
            if update.chat.type == "private" and update.new_chat_member.status == "kicked":
                await self.app.mark_unreachable(update.chat.id)

        return router

    # -- lifecycle -------------------------------------------------------------------------
    async def run(self) -> None:
        """Poll until :meth:`stop` (or SIGINT/SIGTERM when ``handle_signals``)."""
        await self.setup()
        try:
            await self.dispatcher.start_polling(
                self.bot, polling_timeout=self.polling_timeout, handle_signals=False,
                close_bot_session=False)
        finally:
            await self.shutdown()

    async def setup(self) -> None:
        me = await self.bot.get_me()
        self.app.deps.bot_username = me.username
        await self.bot.delete_webhook(drop_pending_updates=False)
        for lang, commands in command_lists(self.app.deps.translator).items():
            await self.bot.set_my_commands(
                [BotCommand(command=c, description=d) for c, d in commands],
                language_code=lang)
        log.info("aiogram_ready bot_id=%s", me.id)
        self.ready.set()

    async def stop(self) -> None:
        await self.dispatcher.stop_polling()

    async def shutdown(self) -> None:
        """Let replies in flight finish, then close the HTTP session."""
        if self._inflight:
            await asyncio.wait(self._inflight, timeout=10)
        await self.bot.session.close()

    # -- one update ------------------------------------------------------------------------
    async def _process(self, inbound: Inbound, callback_id: str | None) -> None:
        task = asyncio.current_task()
        if task is not None:
            self._inflight.add(task)
        try:
            outcome = await self.app.handle(inbound)
            await self.render(inbound, outcome, callback_id)
        except Unreachable:
            await self.app.mark_unreachable(inbound.user_id)
        except Exception as exc:  # noqa: BLE001 - gave up after retries; never crash polling
            log.error("reply_failed update=%s error=%s", inbound.update_id, type(exc).__name__)
        finally:
            if task is not None:
                self._inflight.discard(task)

    async def render(self, inbound: Inbound, outcome: Outcome, callback_id: str | None) -> None:
        if callback_id is not None:
            # Answer first: the spinner on the person's button stops at once.
            try:
                await self._call(lambda: self.bot.answer_callback_query(
                    callback_id, text=outcome.toast or None))
            except TelegramBadRequest:
                log.info("callback_answer_late update=%s", inbound.update_id)
        for reply in outcome.replies:
            await self._send(inbound, reply)

    async def _send(self, inbound: Inbound, reply: Reply) -> None:
        markup = _keyboard(reply.buttons)
        if reply.document is not None:
            file = BufferedInputFile(reply.document.content, reply.document.filename)
            caption = reply.document.caption or None
            await self._call(lambda: self.bot.send_document(
                inbound.chat_id, file, caption=caption, reply_markup=markup))
            return
        if reply.edit and inbound.message_id is not None:
            message_id = inbound.message_id
            try:
                await self._call(lambda: self.bot.edit_message_text(
                    text=reply.text, chat_id=inbound.chat_id, message_id=message_id,
                    reply_markup=markup))
                return
            except TelegramBadRequest as exc:
                if "not modified" in exc.message:
                    return
                log.info("edit_fallback update=%s", inbound.update_id)  # too old, deleted …
        try:
            await self._call(lambda: self.bot.send_message(inbound.chat_id, reply.text,
                                                           reply_markup=markup))
        except TelegramBadRequest as exc:
            if "chat not found" in exc.message:
                raise Unreachable from exc
            log.error("send_rejected update=%s error=%s", inbound.update_id, type(exc).__name__)

    async def _call(self, make: Callable[[], Awaitable[T]]) -> T:
        """One Bot API call, retried on 429 (after ``retry_after``) and on 5xx/network errors."""
        policy = REPLY_RETRY
        for attempt in range(policy.attempts):
            try:
                return await make()
            except TelegramForbiddenError as exc:
                raise Unreachable from exc
            except TelegramRetryAfter as exc:
                if attempt + 1 == policy.attempts:
                    raise
                await asyncio.sleep(min(exc.retry_after, policy.max_retry_after))
            except (TelegramServerError, TelegramNetworkError, ClientDecodeError):
                if attempt + 1 == policy.attempts:
                    raise
                await asyncio.sleep(policy.delay(attempt))
        raise AssertionError("unreachable")
