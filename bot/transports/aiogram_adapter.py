"""aiogram 3 adapter: long polling, updates → :class:`Inbound`, the :class:`BotApi` port.

This is the only module that imports aiogram (it takes seconds to import; nothing else
should pay for it).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable
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
from aiohttp import ClientConnectorError, ConnectionTimeoutError

from bot.app import App
from bot.core import Document, Rows
from bot.ports import (
    CannotEdit,
    NotModified,
    OutcomeUnknown,
    Rejected,
    RetryLater,
    Transient,
    Unreachable,
)
from bot.transports.common import (
    ALLOWED_UPDATES,
    callback_inbound,
    command_lists,
    message_inbound,
)
from bot.transports.delivery import InboundRunner
from bot.transports.intake import Intake

log = logging.getLogger(__name__)
T = TypeVar("T")

def _markup(rows: Rows) -> InlineKeyboardMarkup | None:
    # Built per reply, though menus repeat: labels can carry what a person wrote (their
    # plan), which a cache would keep in memory after they erased it.
    if not rows:
        return None
    return InlineKeyboardMarkup(inline_keyboard=[
        [InlineKeyboardButton(text=b.label, url=b.url) if b.url
         else InlineKeyboardButton(text=b.label, callback_data=b.data) for b in row]
        for row in rows
    ])


class _SendMessage(methods.SendMessage):
    """sendMessage whose answer is not parsed: Telegram echoes the whole message back, and
    building aiogram's ``Message`` (with its keyboard) from it is the largest single cost of
    a reply, for a result we never read. Errors are still parsed and raised as usual."""

    __returning__ = Any  # type: ignore[assignment]


class _EditMessageText(methods.EditMessageText):
    __returning__ = Any  # type: ignore[assignment]


class _GetUpdates(methods.GetUpdates):
    """getUpdates as plain JSON objects: each is stored as it came before aiogram builds its
    ``Update`` (built once, with the bot attached, instead of parsed and then dumped back),
    one by one, so that one aiogram cannot read stops no other."""

    __returning__ = list[Any]


class AiogramApi:
    """:class:`bot.transports.delivery.BotApi` over an aiogram ``Bot``."""

    def __init__(self, bot: Bot) -> None:
        self.bot = bot

    async def call(self, call: Awaitable[T], *, editing: bool = False) -> T:
        """Await an aiogram call, its errors mapped onto :mod:`bot.transports.delivery`'s."""
        try:
            return await call
        except TelegramForbiddenError as exc:
            raise Unreachable from exc
        except TelegramRetryAfter as exc:
            raise RetryLater(exc.retry_after) from exc
        except TelegramNetworkError as exc:
            if isinstance(exc.__cause__, (ClientConnectorError, ConnectionTimeoutError)):
                raise Transient from exc  # never reached Telegram
            raise OutcomeUnknown from exc
        except (TelegramServerError, ClientDecodeError) as exc:
            raise Transient from exc
        except TelegramBadRequest as exc:
            description = exc.message.lower()
            if "not modified" in description:
                raise NotModified from exc
            if "chat not found" in description:
                raise Unreachable from exc
            raise (CannotEdit if editing else Rejected) from exc

    async def send_text(self, chat_id: int, text: str, buttons: Rows, *,
                        html: bool = False) -> None:
        await self.call(self.bot(_SendMessage(  # type: ignore[call-arg] # deprecated fields
            chat_id=chat_id, text=text, reply_markup=_markup(buttons),
            parse_mode="HTML" if html else None)))

    async def edit_text(self, chat_id: int, message_id: int, text: str, buttons: Rows, *,
                        html: bool = False) -> None:
        await self.call(self.bot(_EditMessageText(  # type: ignore[call-arg]
            text=text, chat_id=chat_id, message_id=message_id, reply_markup=_markup(buttons),
            parse_mode="HTML" if html else None)), editing=True)

    async def send_document(self, chat_id: int, document: Document, buttons: Rows) -> None:
        file = BufferedInputFile(document.content, document.filename)
        await self.call(self.bot.send_document(chat_id, file, caption=document.caption or None,
                                               reply_markup=_markup(buttons)))

    async def answer_callback(self, callback_id: str, text: str) -> None:
        await self.call(self.bot.answer_callback_query(callback_id, text=text or None))


class AiogramTransport:
    """Runs the app on aiogram against ``settings.bot_api_url``: long polling through
    :class:`Intake`, each update dispatched by aiogram's own ``Dispatcher``."""

    def __init__(self, app: App, *, polling_timeout: int = 10) -> None:
        token = app.settings.bot_token
        if token is None:
            raise ValueError("BOT_TOKEN is required for Telegram")
        self.app = app
        self.polling_timeout = polling_timeout
        session = AiohttpSession(api=TelegramAPIServer.from_base(app.settings.bot_api_url))
        self.bot = Bot(token.get_secret_value(), session=session,
                       default=DefaultBotProperties(parse_mode=None))
        self.api = AiogramApi(self.bot)
        self.runner = InboundRunner(app)
        self.intake: Intake[Update] = Intake(app, self.runner, self.api, self.from_dict,
                                             self._feed)
        self.dispatcher = Dispatcher()
        self._register(self.dispatcher)
        self.ready = asyncio.Event()
        self._stopping = asyncio.Event()

    def _register(self, router: Router) -> None:
        """Handlers on the dispatcher itself: a child router would add a level of
        propagation (and its middlewares) to every update."""

        async def message(message: Message, update_id: int, *, edited: bool) -> None:
            inbound = message_inbound(update_id, message, edited=edited)
            if inbound is None:
                await self.runner.skip(update_id)
            else:
                await self.runner.process(self.api, inbound, None)

        @router.message()
        async def on_message(message_: Message, event_update: Update) -> None:
            await message(message_, event_update.update_id, edited=False)

        @router.edited_message()
        async def on_edit(message_: Message, event_update: Update) -> None:
            await message(message_, event_update.update_id, edited=True)

        @router.callback_query()
        async def on_press(query: CallbackQuery, event_update: Update) -> None:
            inbound = callback_inbound(event_update.update_id, query)
            await self.runner.process(self.api, inbound, query.id)

        @router.my_chat_member()
        async def on_member(update: ChatMemberUpdated, event_update: Update) -> None:
            # Telegram tells us when someone blocks the bot: stop sending to them at once.
            if update.chat.type == "private" and update.new_chat_member.status == "kicked":
                await self.app.mark_unreachable(update.chat.id)
            await self.runner.skip(event_update.update_id)

    def from_dict(self, payload: dict[str, Any]) -> Update:
        # With the bot attached: aiogram's dispatcher otherwise rebuilds the whole update.
        return Update.model_validate(payload, context={"bot": self.bot})

    async def _feed(self, update: Update) -> None:
        await self.dispatcher.feed_update(self.bot, update)

    # -- FrameworkCalls for Intake ---------------------------------------------------------
    async def fetch(self, offset: int | None) -> list[Any]:
        updates: list[Any] = await self.bot(
            _GetUpdates(  # returns plain JSON objects
                offset=offset, timeout=self.polling_timeout, allowed_updates=ALLOWED_UPDATES),
            request_timeout=self.polling_timeout + 10)
        return updates

    async def set_webhook(self, url: str, secret: str) -> None:
        await self.api.call(self.bot.set_webhook(url, secret_token=secret,
                                                 allowed_updates=ALLOWED_UPDATES))

    async def delete_webhook(self) -> None:
        await self.api.call(self.bot.delete_webhook(drop_pending_updates=False))

    async def connect(self) -> None:
        call = self.api.call  # Telegram unreachable raises Transient, as for a reply
        me = await call(self.bot.get_me())
        self.app.deps.bot_username = me.username
        self.runner.bot_id = me.id
        for lang, commands in command_lists(self.app.deps.translator).items():
            await call(self.bot.set_my_commands(
                [BotCommand(command=c, description=d) for c, d in commands],
                language_code=lang))
        log.info("telegram_ready framework=aiogram bot_id=%s", me.id)

    # -- lifecycle -------------------------------------------------------------------------
    async def run(self) -> None:
        """Serve until :meth:`stop` (waiting first for Telegram to answer, if it does not);
        let updates in flight finish; close the HTTP session."""
        try:
            await self.intake.serve(self, self.ready, self._stopping)
        finally:
            await self.bot.session.close()

    def quiet(self) -> bool:
        return self.intake.quiet()

    async def stop(self) -> None:
        self._stopping.set()
