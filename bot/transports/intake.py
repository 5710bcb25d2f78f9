"""Intake: updates arrive (long polling, or a webhook), are made durable, and are fed to the
framework once each.

Why not the frameworks' own polling: both confirm an update to Telegram (the next
``getUpdates`` offset) before handling it, so a crash in between loses it. Here an update is
confirmed only once it is stored; a restart then finishes whatever was stored but not done,
and a duplicate (a webhook retry, a redelivery) is recognised by its stored id.
"""

from __future__ import annotations

import asyncio
import contextlib
import gc
import logging
from collections.abc import Awaitable, Callable, Coroutine
from datetime import timedelta
from typing import Any, Generic, Protocol, TypeVar

from bot.app import App
from bot.transports.delivery import BotApi, InboundRunner
from bot.transports.webhook import WebhookServer
from storage import inbox

log = logging.getLogger(__name__)
U = TypeVar("U")  # the framework's Update type
DRAIN_SECONDS = 10.0
MAX_POLL_BACKOFF = 30.0


class FrameworkCalls(Protocol[U]):
    """What an adapter supplies for intake, in its framework's terms."""

    async def fetch(self, offset: int | None) -> list[tuple[int, str, U]]:
        """One long poll: (update id, update as JSON, parsed update) for each."""
        ...

    def from_dict(self, payload: dict[str, Any]) -> U: ...

    async def set_webhook(self, url: str, secret: str) -> None: ...

    async def delete_webhook(self) -> None: ...


class Intake(Generic[U]):
    def __init__(self, app: App, runner: InboundRunner, api: BotApi,
                 parse: Callable[[str], U],
                 feed: Callable[[U], Coroutine[Any, Any, None]]) -> None:
        self.app = app
        self.runner = runner
        self.api = api
        self.parse = parse
        self.feed = feed
        self._tasks: set[asyncio.Task[None]] = set()
        self._working: set[int] = set()  # update ids in flight here, never started twice

    @property
    def bot_id(self) -> int:
        if self.runner.bot_id is None:
            raise RuntimeError("the bot id is set from getMe before intake starts")
        return self.runner.bot_id

    def _spawn(self, update_id: int, work: Coroutine[Any, Any, None]) -> None:
        if update_id in self._working:
            work.close()
            return
        self._working.add(update_id)
        task = asyncio.create_task(work)
        self._tasks.add(task)

        def done(finished: asyncio.Task[None]) -> None:
            self._tasks.discard(finished)
            self._working.discard(update_id)
            if not finished.cancelled() and finished.exception() is not None:
                log.error("update_failed update=%s error=%s", update_id,
                          type(finished.exception()).__name__)

        task.add_done_callback(done)

    async def accept(self, batch: list[tuple[int, str, U]]) -> None:
        """Store a batch of updates, then start work on those not done before."""
        pending = await self.app.receive(self.bot_id, [(uid, raw) for uid, raw, _ in batch])
        for update_id, _, update in batch:
            if update_id in pending:
                self._spawn(update_id, self.feed(update))
            else:
                log.info("duplicate update=%s", update_id)

    async def recover(self) -> None:
        """Finish what the last run stored but did not get done."""
        for update_id, payload, stored in await self.app.unfinished(self.bot_id):
            log.info("recovering update=%s", update_id)
            if payload is not None:
                self._spawn(update_id, self.feed(self.parse(payload)))
            elif stored is not None:
                self._spawn(update_id, self.runner.deliver_stored(self.api, stored))

    async def retry_replies(self, older_than: timedelta) -> int:
        """Replies that gave up after their retries, stored with their update a while ago:
        one more try each, as at start-up, never beside a delivery of the same update
        still running here."""
        now = self.app.deps.clock.now()
        async with self.app.sessions() as session:
            stale = await inbox.take_stale(session, self.bot_id, now - older_than, now,
                                           skip=set(self._working))
            await session.commit()
        for update_id, stored in stale:
            log.info("retrying_reply update=%s", update_id)
            self._spawn(update_id, self.runner.deliver_stored(self.api, stored))
        return len(stale)

    async def poll(self, fetch: Callable[[int | None], Awaitable[list[tuple[int, str, U]]]]
                   ) -> None:
        """Long-poll until cancelled; the offset moves past an update once it is stored."""
        offset: int | None = None
        failures = 0
        while True:
            try:
                batch = await fetch(offset)
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # noqa: BLE001 - Telegram unreachable: wait and retry
                failures += 1
                delay = min(MAX_POLL_BACKOFF, 0.5 * 2 ** min(failures, 6))
                log.warning("poll_failed error=%s retry_in=%.1fs", type(exc).__name__, delay)
                await asyncio.sleep(delay)
                continue
            failures = 0
            if batch:
                await self.accept(batch)
                offset = max(uid for uid, _, _ in batch) + 1

    async def serve(self, calls: FrameworkCalls[U], ready: asyncio.Event,
                    stopping: asyncio.Event) -> None:
        """Finish what a crash left, then take updates by webhook (``WEBHOOK_URL``) or by
        long polling, until ``stopping``; then let what is in flight finish. The outbox
        dispatcher runs alongside, on the same Bot API connection."""
        await self.recover()
        # Everything built at start (content, translations, ORM and framework classes) lives
        # as long as the process: moved out of the collector's sight, a full collection no
        # longer re-scans it every few thousand allocations of the update loop.
        gc.collect()
        gc.freeze()
        dispatcher = self.app.dispatcher(self.api)
        sending = asyncio.create_task(dispatcher.run())
        self.app.retry_replies = self.retry_replies  # the periodic job's way in
        try:
            await self._take_updates(calls, ready, stopping)
        finally:
            self.app.retry_replies = None
            await dispatcher.stop()
            await sending

    async def _take_updates(self, calls: FrameworkCalls[U], ready: asyncio.Event,
                            stopping: asyncio.Event) -> None:
        settings = self.app.settings
        if settings.webhook_url:
            if settings.webhook_secret is None:
                raise ValueError("WEBHOOK_SECRET is required with WEBHOOK_URL")

            async def accept(update_id: int, raw: str, payload: dict[str, Any]) -> None:
                await self.accept([(update_id, raw, calls.from_dict(payload))])

            async def healthy() -> bool:
                return ready.is_set() and await self.app.healthy()

            server = WebhookServer(url=settings.webhook_url,
                                   secret=settings.webhook_secret.get_secret_value(),
                                   listen=settings.webhook_listen, accept=accept,
                                   healthy=healthy)
            await server.start()
            try:
                await calls.set_webhook(settings.webhook_url,
                                        settings.webhook_secret.get_secret_value())
                ready.set()
                await stopping.wait()
            finally:
                await server.stop()
        else:
            await calls.delete_webhook()
            poller = asyncio.create_task(self.poll(calls.fetch))
            ready.set()
            await stopping.wait()
            poller.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await poller
        await self.drain()

    async def drain(self) -> None:
        """Let updates in flight finish (bounded), e.g. on shutdown."""
        if self._tasks:
            await asyncio.wait(set(self._tasks), timeout=DRAIN_SECONDS)
