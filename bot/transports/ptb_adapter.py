"""python-telegram-bot (v22) adapter: the same core, the same :class:`BotApi` port.

Selected with ``BOT_FRAMEWORK=ptb``. This is the only module that imports ``telegram``.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
from collections.abc import Awaitable
from typing import Any, TypeVar

import httpx
from telegram import Bot as PtbBot
from telegram import (
    BotCommand,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    Update,
)
from telegram.constants import ParseMode
from telegram.error import (
    BadRequest,
    Forbidden,
    NetworkError,
    RetryAfter,
    TimedOut,
)
from telegram.ext import (
    Application,
    CallbackQueryHandler,
    ChatMemberHandler,
    ContextTypes,
    MessageHandler,
    filters,
)

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
# What Telegram always sends with each kind of update we handle (attribute names).
_REQUIRED = {"message": ("chat",), "edited_message": ("chat",),
             "callback_query": ("from_user",), "my_chat_member": ("chat", "new_chat_member")}


def _markup(rows: Rows) -> InlineKeyboardMarkup | None:
    if not rows:
        return None
    return InlineKeyboardMarkup([
        [InlineKeyboardButton(b.label, url=b.url) if b.url
         else InlineKeyboardButton(b.label, callback_data=b.data) for b in row]
        for row in rows
    ])


class PtbApi:
    """:class:`bot.transports.delivery.BotApi` over a python-telegram-bot ``Bot``."""

    def __init__(self, bot: PtbBot) -> None:
        self.bot = bot

    async def call(self, call: Awaitable[T], *, editing: bool = False) -> T:
        """Await a PTB call, its errors mapped onto :mod:`bot.transports.delivery`'s."""
        try:
            return await call
        except Forbidden as exc:
            raise Unreachable from exc
        except RetryAfter as exc:
            wait = exc.retry_after
            seconds = wait.total_seconds() if isinstance(wait, dt.timedelta) else float(wait)
            raise RetryLater(seconds) from exc
        except BadRequest as exc:  # before NetworkError: PTB makes it a subclass of it
            description = exc.message.lower()
            if "not modified" in description:
                raise NotModified from exc
            if "chat not found" in description:
                raise Unreachable from exc
            raise (CannotEdit if editing else Rejected) from exc
        except TimedOut as exc:
            if isinstance(exc.__cause__, (httpx.ConnectTimeout, httpx.PoolTimeout)):
                raise Transient from exc  # never reached Telegram
            raise OutcomeUnknown from exc
        except NetworkError as exc:  # 5xx, connection errors
            cause = exc.__cause__
            if isinstance(cause, httpx.TransportError) and not isinstance(cause,
                                                                          httpx.ConnectError):
                raise OutcomeUnknown from exc  # the request left; no answer came
            raise Transient from exc

    async def send_text(self, chat_id: int, text: str, buttons: Rows, *,
                        html: bool = False) -> None:
        await self.call(self.bot.send_message(chat_id, text, reply_markup=_markup(buttons),
                                              parse_mode=ParseMode.HTML if html else None))

    async def edit_text(self, chat_id: int, message_id: int, text: str, buttons: Rows, *,
                        html: bool = False) -> None:
        await self.call(self.bot.edit_message_text(
            text, chat_id=chat_id, message_id=message_id, reply_markup=_markup(buttons),
            parse_mode=ParseMode.HTML if html else None), editing=True)

    async def send_document(self, chat_id: int, document: Document, buttons: Rows) -> None:
        await self.call(self.bot.send_document(
            chat_id, document.content, filename=document.filename,
            caption=document.caption or None, reply_markup=_markup(buttons)))

    async def answer_callback(self, callback_id: str, text: str) -> None:
        await self.call(self.bot.answer_callback_query(callback_id, text=text or None))


class PtbTransport:
    """Runs the app on python-telegram-bot against ``settings.bot_api_url``: long polling
    through :class:`Intake`, each update dispatched by PTB's own ``Application``."""

    def __init__(self, app: App, *, polling_timeout: int = 10) -> None:
        token = app.settings.bot_token
        if token is None:
            raise ValueError("BOT_TOKEN is required for Telegram")
        self.app = app
        self.polling_timeout = polling_timeout
        root = app.settings.bot_api_url
        self.application = (
            Application.builder()
            .token(token.get_secret_value())
            .base_url(f"{root}/bot")
            .base_file_url(f"{root}/file/bot")
            .job_queue(None)  # our scheduler owns timing; PTB would start its own otherwise
            .updater(None)  # updates come through Intake (see bot.transports.intake)
            .build()
        )
        self.api = PtbApi(self.application.bot)
        self.runner = InboundRunner(app)
        self.intake: Intake[Update] = Intake(app, self.runner, self.api, self.from_dict,
                                             self._feed)
        self.application.add_handler(
            MessageHandler(filters.UpdateType.MESSAGE, self._on_message))
        self.application.add_handler(
            MessageHandler(filters.UpdateType.EDITED_MESSAGE, self._on_edit))
        self.application.add_handler(CallbackQueryHandler(self._on_press))
        self.application.add_handler(
            ChatMemberHandler(self._on_member, ChatMemberHandler.MY_CHAT_MEMBER))
        self.application.add_error_handler(self._on_error)
        self.ready = asyncio.Event()
        self._stopping = asyncio.Event()

    async def _message(self, update: Update, message: Message | None, *, edited: bool) -> None:
        inbound = message_inbound(update.update_id, message, edited=edited) if message else None
        if inbound is None:
            await self.runner.skip(update.update_id)
        else:
            await self.runner.process(self.api, inbound, None)

    async def _on_message(self, update: Update, _: ContextTypes.DEFAULT_TYPE) -> None:
        await self._message(update, update.message, edited=False)

    async def _on_edit(self, update: Update, _: ContextTypes.DEFAULT_TYPE) -> None:
        await self._message(update, update.edited_message, edited=True)

    async def _on_press(self, update: Update, _: ContextTypes.DEFAULT_TYPE) -> None:
        query = update.callback_query
        if query is not None:
            await self.runner.process(self.api, callback_inbound(update.update_id, query),
                                      query.id)

    async def _on_member(self, update: Update, _: ContextTypes.DEFAULT_TYPE) -> None:
        member = update.my_chat_member
        # Telegram tells us when someone blocks the bot: stop sending to them at once.
        if member is not None and member.chat.type == "private" and \
                member.new_chat_member.status == "kicked":
            await self.app.mark_unreachable(member.chat.id)
        await self.runner.skip(update.update_id)

    async def _on_error(self, update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
        # Instead of PTB's own log of the error, whose traceback and message may quote what
        # the person sent. The update stays unfinished: the next start tries it again.
        update_id = update.update_id if isinstance(update, Update) else None
        log.error("update_failed update=%s error=%s", update_id,
                  type(context.error).__name__)

    async def _feed(self, update: Update) -> None:
        await self.application.process_update(update)

    # -- FrameworkCalls for Intake ---------------------------------------------------------
    def from_dict(self, payload: dict[str, Any]) -> Update:
        update = Update.de_json(payload, self.application.bot)
        if update is None:
            raise ValueError("empty update")
        # PTB builds an update even without what Telegram always sends with it (a message
        # without its chat); our handlers would fail on it instead, at every start.
        for kind, needed in _REQUIRED.items():
            event = getattr(update, kind)
            if event is not None and any(getattr(event, f, None) is None for f in needed):
                raise ValueError(f"{kind} without {needed}")
        return update

    async def fetch(self, offset: int | None) -> list[Any]:
        # Not Bot.get_updates: it builds every Update of the batch at once, so one it cannot
        # read fails them all, and it logs the whole batch (names, texts) at CRITICAL first.
        # Bot.do_api_request would do, but warns that get_updates exists.
        data = {"offset": offset, "timeout": self.polling_timeout,
                "allowed_updates": ALLOWED_UPDATES}
        updates = await self.api.call(self.application.bot._post(
            "getUpdates", data, read_timeout=self.polling_timeout + 10))
        return list(updates)

    async def set_webhook(self, url: str, secret: str) -> None:
        await self.api.call(self.application.bot.set_webhook(
            url, secret_token=secret, allowed_updates=ALLOWED_UPDATES))

    async def delete_webhook(self) -> None:
        await self.api.call(self.application.bot.delete_webhook(drop_pending_updates=False))

    async def connect(self) -> None:
        # initialize() asks getMe; tried again, it picks up where it failed.
        await self.api.call(self.application.initialize())
        bot = self.application.bot
        self.app.deps.bot_username = bot.username
        self.runner.bot_id = bot.id
        for lang, commands in command_lists(self.app.deps.translator).items():
            await self.api.call(bot.set_my_commands([BotCommand(c, d) for c, d in commands],
                                                    language_code=lang))
        log.info("telegram_ready framework=ptb bot_id=%s", bot.id)

    # -- lifecycle -------------------------------------------------------------------------
    async def run(self) -> None:
        """Serve until :meth:`stop` (waiting first for Telegram to answer, if it does not);
        let updates in flight finish; shut PTB down."""
        try:
            await self.intake.serve(self, self.ready, self._stopping)
        finally:
            await self.application.shutdown()
            # Its HTTP clients, when initialize() never got past getMe (then the application
            # does not count as initialized, and its shutdown leaves them open).
            await self.application.bot.shutdown()

    def quiet(self) -> bool:
        return self.intake.quiet()

    async def stop(self) -> None:
        self._stopping.set()
