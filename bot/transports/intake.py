"""Intake: updates arrive (long polling, or a webhook), are made durable, and are fed to the
framework once each.

Why not the frameworks' own polling: both confirm an update to Telegram (the next
``getUpdates`` offset) before handling it, so a crash in between loses it. Here an update is
confirmed only once it is stored; a restart then finishes whatever was stored but not done,
and a duplicate (a webhook retry, a redelivery) is recognised by its stored id.

Updates come in as plain JSON and are read one by one: one that the framework cannot read
is stored as ``malformed``, logged by id and kind, counted and skipped, and one of a kind the
bot never asked for is stored as done; neither holds up anyone else's. Until Telegram answers
the start-up calls, the bot waits (with backoff) instead of dying, and says so once per try.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import re
from collections.abc import Awaitable, Callable, Coroutine, Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any, Generic, Protocol, TypeVar

import orjson

from bot.app import App
from bot.backoff import Backoff
from bot.outbox_dispatcher import OutboxDispatcher, outbox_dispatcher
from bot.ports import BotApi, RetryLater, Transient
from bot.transports.common import ALLOWED_UPDATES
from bot.transports.delivery import InboundRunner
from bot.transports.webhook import WebhookServer
from storage import received_updates

log = logging.getLogger(__name__)
U = TypeVar("U")  # the framework's Update type
DRAIN_SECONDS = 10.0
HANDLED_KINDS = frozenset(ALLOWED_UPDATES)
_KIND = re.compile(r"[a-z_]{1,40}")  # a key Telegram would use; anything else is not logged


class FrameworkCalls(Protocol):
    """What an adapter supplies for intake, in its framework's terms. Each call raises
    :class:`Transient` or :class:`RetryLater` while Telegram cannot be reached."""

    async def connect(self) -> None:
        """The start-up calls: who the bot is (``getMe``), its command lists."""
        ...

    async def fetch(self, offset: int | None) -> list[Any]:
        """One long poll: the updates as Telegram sent them (JSON objects), unread."""
        ...

    async def set_webhook(self, url: str, secret: str) -> None: ...

    async def delete_webhook(self) -> None: ...


@dataclass
class IntakeStats:
    """Counts since start, for the log lines and for anyone holding the intake."""

    received: int = 0
    duplicates: int = 0
    malformed: int = 0  # the framework could not read them: stored aside, never handled
    ignored: int = 0  # kinds the bot never asked for


def identify(payload: Any) -> tuple[int | None, str]:
    """(update id, kind) of an update as sent, without reading it further; what cannot be
    told is None and "none"."""
    if not isinstance(payload, dict):
        return None, "none"
    update_id = payload.get("update_id")
    kind = next((str(key) for key in payload if key != "update_id"), "none")
    return (update_id if isinstance(update_id, int) and not isinstance(update_id, bool)
            else None), (kind if _KIND.fullmatch(kind) else "unknown")


def root_cause(exc: BaseException) -> str:
    """The name of the error at the bottom of a chain (``ConnectionRefusedError``, not the
    framework's wrapper of aiohttp's wrapper of it)."""
    while exc.__cause__ is not None:
        exc = exc.__cause__
    return type(exc).__name__


class Intake(Generic[U]):
    def __init__(self, app: App, runner: InboundRunner, api: BotApi,
                 parse: Callable[[dict[str, Any]], U],
                 feed: Callable[[U], Coroutine[Any, Any, None]]) -> None:
        """``parse`` builds the framework's update from the JSON object, raising whatever
        the framework raises when it cannot."""
        self.app = app
        self.runner = runner
        self.api = api
        self.parse = parse
        self.feed = feed
        self.stats = IntakeStats()
        self.backoff = Backoff()
        self._tasks: set[asyncio.Task[None]] = set()
        self._working: set[int] = set()  # update ids in flight here, never started twice
        self._dispatcher: OutboxDispatcher | None = None  # while serving

    def quiet(self) -> bool:
        """No update being handled or answered, and the outbox dispatcher resting: what a
        graceful stop, or a test, waits for instead of sleeping."""
        return not self._tasks and (self._dispatcher is None or self._dispatcher.quiet())

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

    def _read(self, payload: dict[str, Any]) -> U | None:
        try:
            return self.parse(payload)
        except Exception:  # noqa: BLE001 - whatever the framework raises: it cannot read it
            return None

    def _malformed(self, update_id: int | None, kind: str) -> None:
        self.stats.malformed += 1
        # Id and kind only: the update itself holds names and what people wrote, and the
        # framework's error message may quote them.
        log.warning("update_malformed update=%s kind=%s malformed=%d",
                    "none" if update_id is None else update_id, kind, self.stats.malformed)

    async def accept(self, arrivals: Sequence[tuple[Any, str]]) -> None:
        """Store updates as they came, (JSON object, its text), then start work on those not
        done before. Each is read on its own: one that cannot be read, or one of a kind we
        never asked for, is stored and skipped, and the others go ahead."""
        readable: list[tuple[int, str, U]] = []
        malformed: list[tuple[int, str, str]] = []
        ignored: list[tuple[int, str]] = []
        for payload, raw in arrivals:
            update_id, kind = identify(payload)
            if update_id is None:  # nothing to store it under; Telegram never sends one
                self._malformed(None, kind)
            elif kind not in HANDLED_KINDS:
                ignored.append((update_id, kind))
            elif (update := self._read(payload)) is None:
                malformed.append((update_id, raw, kind))
            else:
                readable.append((update_id, raw, update))
        pending = await self.app.receive(
            self.bot_id, [(uid, raw) for uid, raw, _ in readable],
            malformed=[(uid, raw) for uid, raw, _ in malformed],
            ignored=[uid for uid, _ in ignored])
        for update_id, _, kind in malformed:
            self._malformed(update_id, kind)
        for update_id, kind in ignored:
            self.stats.ignored += 1
            log.info("update_ignored update=%s kind=%s ignored=%d", update_id, kind,
                     self.stats.ignored)
        self.stats.received += len(readable)
        for update_id, _, update in readable:
            if update_id in pending:
                self._spawn(update_id, self.feed(update))
            else:
                self.stats.duplicates += 1
                log.info("duplicate update=%s", update_id)

    async def recover(self) -> None:
        """Finish what the last run stored but did not get done."""
        for update_id, payload, stored in await self.app.unfinished(self.bot_id):
            log.info("recovering update=%s", update_id)
            if payload is not None:
                try:
                    loaded = json.loads(payload)
                except ValueError:
                    loaded = None
                update = self._read(loaded) if isinstance(loaded, dict) else None
                if update is None:  # stored by a run whose framework could still read it
                    await self.app.set_aside(self.bot_id, update_id)
                    self._malformed(update_id, identify(loaded)[1])
                else:
                    self._spawn(update_id, self.feed(update))
            elif stored is not None:
                self._spawn(update_id, self.runner.deliver_stored(self.api, stored))

    async def retry_replies(self, older_than: timedelta) -> int:
        """Replies that gave up after their retries, stored with their update a while ago:
        one more try each, as at start-up, never beside a delivery of the same update
        still running here."""
        now = self.app.deps.clock.now()
        async with self.app.sessions() as session:
            stale = await received_updates.take_stale(session, self.bot_id, now - older_than,
                                                      now, skip=set(self._working))
            await session.commit()
        for update_id, stored in stale:
            log.info("retrying_reply update=%s", update_id)
            self._spawn(update_id, self.runner.deliver_stored(self.api, stored))
        return len(stale)

    async def poll(self, fetch: Callable[[int | None], Awaitable[list[Any]]]) -> None:
        """Long-poll until cancelled; the offset moves past an update once it is stored."""
        offset: int | None = None
        failures = 0
        while True:
            try:
                batch = await fetch(offset)
                if batch:
                    await self.accept([(u, orjson.dumps(u).decode()) for u in batch])
            except asyncio.CancelledError:
                raise
            except Exception as exc:  # noqa: BLE001 - Telegram or the database away: retry
                failures += 1
                delay = self.backoff.delay(failures)
                log.warning("poll_failed error=%s retry_in=%.1fs", root_cause(exc), delay)
                await asyncio.sleep(delay)
                continue
            failures = 0
            ids = [uid for uid, _ in map(identify, batch) if uid is not None]
            if ids:
                offset = max(ids) + 1

    async def serve(self, calls: FrameworkCalls, ready: asyncio.Event,
                    stopping: asyncio.Event) -> None:
        """Wait for Telegram, finish what a crash left, then take updates by webhook
        (``WEBHOOK_URL``) or by long polling, until ``stopping``; then let what is in flight
        finish. The outbox dispatcher runs alongside, on the same Bot API connection.

        The webhook listener opens first, so ``/healthz`` answers (503) while Telegram
        cannot be reached; ``stopping`` ends the wait as it ends serving."""
        server = self._webhook_server(ready) if self.app.settings.webhook_url else None
        if server is not None:
            await server.start()
        try:
            if not await self._connect(calls, stopping):
                return
            await self.recover()
            dispatcher = self._dispatcher = outbox_dispatcher(self.app, self.api)
            sending = asyncio.create_task(dispatcher.run())
            self.app.retry_replies = self.retry_replies  # the periodic job's way in
            try:
                await self._take_updates(calls, ready, stopping, server)
            finally:
                self.app.retry_replies = None
                await dispatcher.stop()
                await sending
        finally:
            if server is not None:
                await server.stop()

    async def _connect(self, calls: FrameworkCalls, stopping: asyncio.Event) -> bool:
        """The start-up calls, tried until Telegram answers; False if stopped first."""
        settings = self.app.settings
        attempt = 0
        while not stopping.is_set():
            attempt += 1
            try:
                await calls.connect()
                if settings.webhook_url and settings.webhook_secret is not None:
                    await calls.set_webhook(settings.webhook_url,
                                            settings.webhook_secret.get_secret_value())
                else:
                    await calls.delete_webhook()
                return True
            except (Transient, RetryLater) as exc:
                delay = max(exc.seconds if isinstance(exc, RetryLater) else 0.0,
                            self.backoff.delay(attempt))
                log.warning("telegram_unreachable attempt=%d error=%s retry_in=%.1fs",
                            attempt, root_cause(exc), delay)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stopping.wait(), delay)
        log.info("stopped_before_telegram_answered attempts=%d", attempt)
        return False

    def _webhook_server(self, ready: asyncio.Event) -> WebhookServer:
        settings = self.app.settings
        # Settings refuse a WEBHOOK_URL without WEBHOOK_SECRET; this only narrows the types.
        assert settings.webhook_url is not None
        assert settings.webhook_secret is not None

        async def accept(payload: Any, raw: str) -> None:
            await self.accept([(payload, raw)])

        async def healthy() -> bool:
            return ready.is_set() and await self.app.healthy()

        return WebhookServer(url=settings.webhook_url,
                             secret=settings.webhook_secret.get_secret_value(),
                             listen=settings.webhook_listen, accept=accept,
                             ready=ready.is_set, healthy=healthy)

    async def _take_updates(self, calls: FrameworkCalls, ready: asyncio.Event,
                            stopping: asyncio.Event, server: WebhookServer | None) -> None:
        if server is not None:
            ready.set()
            await stopping.wait()
            await server.stop()  # no new updates while those in flight finish
        else:
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
