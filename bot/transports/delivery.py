"""Delivering an :class:`Outcome` through any Telegram framework.

Each adapter implements the small :class:`bot.ports.BotApi` port and maps its framework's
errors onto the exceptions there; the policy (answer the button first, edit in place or fall
back to a new message, retry on 429 and 5xx, stop at a blocked person) lives here, once.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, TypeVar

from bot.backoff import Backoff
from bot.core import Inbound, Outcome, Reply, decode_delivery, reply_digest
from bot.ports import BotApi, CannotEdit, NotModified, Rejected, RetryLater, Transient, Unreachable

if TYPE_CHECKING:
    from bot.app import App

log = logging.getLogger(__name__)
T = TypeVar("T")


class RetryPolicy:
    """Neither framework retries a failed send; a reply lost to a 429 or a 5xx is gone
    unless we try again. Replies are worth a few quick tries, not a long wait."""

    attempts = 4
    backoff = Backoff(first=0.5, cap=30.0)
    max_wait = 30.0

    async def run(self, make: Callable[[], Awaitable[T]]) -> T:
        for attempt in range(self.attempts):
            last = attempt + 1 == self.attempts
            try:
                return await make()
            except RetryLater as exc:
                if last:
                    raise
                await asyncio.sleep(min(exc.seconds, self.max_wait))
            except Transient:
                if last:
                    raise
                await asyncio.sleep(self.backoff.delay(attempt + 1))
        raise AssertionError("unreachable")


async def deliver(api: BotApi, inbound: Inbound, outcome: Outcome,
                  callback_id: str | None, policy: RetryPolicy | None = None) -> None:
    """Send the outcome; raises :class:`Unreachable` when the person cannot be reached."""
    policy = policy or RetryPolicy()
    if callback_id is not None:
        # Answer first: the spinner on the person's button stops at once.
        try:
            await policy.run(lambda: api.answer_callback(callback_id, outcome.toast))
        except Rejected:
            log.info("callback_answer_late update=%s", inbound.update_id)
    for reply in outcome.replies:
        await _deliver_reply(api, inbound, reply, policy)


async def _deliver_reply(api: BotApi, inbound: Inbound, reply: Reply,
                         policy: RetryPolicy) -> None:
    chat = inbound.chat_id
    if reply.document is not None:
        document = reply.document
        await policy.run(lambda: api.send_document(chat, document, reply.buttons))
        return
    if reply.edit and inbound.message_id is not None:
        if inbound.shown and inbound.shown == reply_digest(reply):
            # It already says exactly this (a double tap, a stale confirmation): an edit
            # would only earn a 400 "message is not modified".
            log.info("edit_unchanged update=%s", inbound.update_id)
            return
        message_id = inbound.message_id
        try:
            await policy.run(lambda: api.edit_text(chat, message_id, reply.text, reply.buttons,
                                                   html=reply.html))
            return
        except NotModified:
            return
        except CannotEdit:
            log.info("edit_fallback update=%s", inbound.update_id)
    try:
        await policy.run(lambda: api.send_text(chat, reply.text, reply.buttons,
                                               html=reply.html))
    except Rejected:
        log.error("send_rejected update=%s", inbound.update_id)


class InboundRunner:
    """Runs the app on each inbound and delivers the outcome, once per update: the outcome is
    stored with the update as handled, and the update marked delivered once sent."""

    def __init__(self, app: App) -> None:
        self.app = app
        self.bot_id: int | None = None  # known after getMe

    async def process(self, api: BotApi, inbound: Inbound, callback_id: str | None) -> None:
        outcome = await self.app.handle(inbound, bot_id=self.bot_id)
        await self._deliver(api, inbound, outcome, callback_id)

    async def skip(self, update_id: int) -> None:
        """An update with nothing for us (a group message, a membership change): done."""
        if self.bot_id is not None:
            await self.app.mark_delivered(self.bot_id, update_id)

    async def deliver_stored(self, api: BotApi, stored: str) -> None:
        """Send what a crash kept from being sent (the button, if any, has long expired)."""
        inbound, outcome = decode_delivery(stored)
        await self._deliver(api, inbound, outcome, None)

    async def _deliver(self, api: BotApi, inbound: Inbound, outcome: Outcome,
                       callback_id: str | None) -> None:
        try:
            await deliver(api, inbound, outcome, callback_id)
        except Unreachable:
            await self.app.mark_unreachable(inbound.user_id)
        except Exception as exc:  # noqa: BLE001 - gave up after retries; never crash the loop
            # Left "handled": the stored outcome goes out when the bot next starts.
            log.error("reply_failed update=%s error=%s", inbound.update_id, type(exc).__name__)
            return
        if self.bot_id is not None:
            await self.app.mark_delivered(self.bot_id, inbound.update_id)
