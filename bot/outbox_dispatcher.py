"""The outbox dispatcher: sends what handlers and scheduled jobs queued, under Telegram's
limits, by the delivery policy of :mod:`storage.outbox`.

Every row goes ``claimed`` → ``sending`` (committed before the request leaves) → a final
state, so a crash can cost at most the sends in flight: urgent ones are sent again, marked
as possible repeats; the others are recorded as ``unknown`` instead of being sent twice. On
PostgreSQL several dispatchers (one per replica) share the outbox: claims skip rows another
holds (``FOR UPDATE SKIP LOCKED``), and a dead dispatcher's rows are recovered once its
lease expires.

Urgent and personal rows never queue behind bulk ones: they are claimed even while the
claimed bulk rows fill the dispatcher, at once when a handler here queued them (within
``AHEAD_POLL`` when another replica did), and the rate limiter books their slot first.
"""

from __future__ import annotations

import asyncio
import contextlib
import html
import logging
import time
from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from bot.backoff import Backoff
from bot.group_commit import GroupCommit
from bot.i18n import DEFAULT_LANGUAGE
from bot.ports import (
    BotApi,
    CannotEdit,
    NotModified,
    OutcomeUnknown,
    Rejected,
    RetryLater,
    Transient,
    Unreachable,
)
from bot.rate_limit import RateLimiter
from handlers import broadcast_jobs
from storage import outbox, participants
from storage.outbox import Claimed, Result

if TYPE_CHECKING:
    from bot.app import App

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 8  # 5xx and network errors, with backoff: ~4 minutes in all
# An urgent row (a safety alert) keeps trying for about an hour: Telegram or the network
# being down for a while must not drop it.
URGENT_ATTEMPTS = 40
BACKOFF = Backoff(first=0.5, cap=120.0)
AHEAD_POLL = 0.5  # seconds between looks for urgent rows while busy with bulk ones
Progress = Callable[["App", BotApi, set[int]], Awaitable[None]]


class OutboxDispatcher:
    def __init__(self, app: App, api: BotApi, *, rate: float | None = None,
                 lease: timedelta | None = None, progress_every: float = 3.0,
                 idle_poll: float = 1.0, on_progress: Progress | None = None) -> None:
        settings = app.settings
        self.app = app
        self.api = api
        self.limiter = RateLimiter(rate or settings.outbox_rate)
        self.lease = lease or timedelta(seconds=settings.outbox_lease_seconds)
        # Claim about two seconds of sending at a time, less with a short lease: a claimed
        # row must go out well before its lease ends.
        seconds = min(2.0, self.lease.total_seconds() / 8)
        self.batch = max(4, int((rate or settings.outbox_rate) * seconds))
        self.progress_every = progress_every
        self.idle_poll = idle_poll
        self.on_progress = on_progress
        self._touched: set[int] = set()  # broadcasts with news for their sender
        self._tasks: set[asyncio.Task[None]] = set()
        self._some_done = asyncio.Event()  # set as each send task ends
        self._stopping = asyncio.Event()
        self._sending: GroupCommit[int, None] = GroupCommit(self._flush_sending)
        self._cleared: set[int] = set()  # rows committed as "sending", cleared to leave
        self._finished: GroupCommit[Result, None] = GroupCommit(self._flush_finished)
        self._looked_ahead = 0.0  # when urgent rows were last looked for (monotonic)
        self._held: set[int] = set()  # rows claimed here and not finished yet
        self._resting = False  # waiting in _idle with nothing claimed
        self.stats = {"sent": 0, "retry_later": 0, "transient": 0, "unknown": 0,
                      "unreachable": 0, "failed": 0}

    # -- lifecycle -----------------------------------------------------------------------
    async def run(self) -> None:
        """Until :meth:`stop`; the sends in flight then finish."""
        progress = asyncio.create_task(self._progress_loop())
        last_recovery = None
        try:
            while not self._stopping.is_set():
                try:
                    if last_recovery is None or self._now() - last_recovery > self.lease / 2:
                        await self.recover()  # another replica may have died
                        last_recovery = self._now()
                    await self._fill()
                except Exception as exc:  # noqa: BLE001 - a database hiccup must not end sending
                    # Unhandled, it would end this task silently and leave the outbox to
                    # wait for a restart; what was claimed is recovered after its lease.
                    log.error("outbox_loop_failed error=%s", type(exc).__name__)
                    await asyncio.sleep(1.0)
        finally:
            if self._tasks:
                await asyncio.wait(set(self._tasks), timeout=10)
            progress.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await progress
            await self._report()

    async def stop(self) -> None:
        self._stopping.set()
        self.app.outbox_changed.set()

    def _now(self) -> datetime:
        return self.app.deps.clock.now()

    async def recover(self) -> None:
        async with self.app.sessions() as session:
            released, unknown = await outbox.recover(session, self._now(), self.lease,
                                                     held=self._held)
            await session.commit()
        if released or unknown:
            log.warning("outbox_recovered released=%d unknown=%d", released, unknown)

    # -- claiming ------------------------------------------------------------------------
    async def _fill(self) -> None:
        """Keep about two batches in flight: claim more when half has gone out. Meanwhile,
        claim urgent and personal rows as they come: they go ahead of the bulk in flight."""
        room = 2 * self.batch - len(self._tasks)
        if room < self.batch // 2 or self.limiter.paused:
            await self._wait_some(0.5)
            if not self.limiter.paused and (
                    self.app.outbox_changed.is_set()
                    or time.monotonic() - self._looked_ahead > AHEAD_POLL):
                self.app.outbox_changed.clear()
                self._looked_ahead = time.monotonic()
                self._start(await self._claim(self.batch, outbox.AHEAD_OF_BULK))
            return
        # Cleared before the claim, not after: a row queued while the claim runs wakes the
        # idle wait at once instead of waiting out the poll interval.
        self.app.outbox_changed.clear()
        rows = await self._claim(min(room, self.batch), outbox.LANES)
        self._start(rows)
        if not rows:
            if self._tasks:
                await self._wait_some(0.2)
            else:
                await self._idle()

    async def _claim(self, limit: int, lanes: tuple[str, ...]) -> list[Claimed]:
        async with self.app.sessions() as session:
            rows = await outbox.claim(session, self._now(), limit, lanes)
            await session.commit()
        return rows

    def _start(self, rows: list[Claimed]) -> None:
        for row in rows:
            self._held.add(row.id)
            task = asyncio.create_task(self._deliver(row))
            self._tasks.add(task)
            task.add_done_callback(self._task_done)

    def _task_done(self, task: asyncio.Task[None]) -> None:
        self._tasks.discard(task)
        self._some_done.set()

    async def _wait_some(self, seconds: float) -> None:
        """Until a send task ends, at most ``seconds``. One event, not ``asyncio.wait`` on
        the tasks: that adds and removes a callback on each of the (up to a thousand) tasks
        in flight every time, which cost a broadcast a sixth of its CPU."""
        if self._tasks:
            self._some_done.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._some_done.wait(), seconds)
        else:
            await asyncio.sleep(min(seconds, 0.05))

    async def _idle(self) -> None:
        """Nothing due: sleep until a handler queues something, or the next row is due, or
        the poll interval passes (another replica may have queued)."""
        async with self.app.sessions() as session:
            due = await outbox.next_due(session)
        wait = self.idle_poll
        if due is not None:
            wait = max(0.0, min(wait, (due - self._now()).total_seconds()))
        self._resting = True
        try:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.app.outbox_changed.wait(), wait)
        finally:
            self._resting = False

    def quiet(self) -> bool:
        """Nothing claimed, nothing being sent, nothing queued here since the last claim
        (rows due later do not count)."""
        return self._resting and not self._tasks and not self.app.outbox_changed.is_set()

    # -- sending -------------------------------------------------------------------------
    async def _deliver(self, row: Claimed) -> None:
        try:
            await self._deliver_held(row)
        finally:
            self._held.discard(row.id)

    async def _deliver_held(self, row: Claimed) -> None:
        claimed = self._now()
        await self.limiter.wait(row.chat_id, _priority(row.lane))
        try:
            await self._deliver_now(row, claimed)
        finally:
            self.limiter.done()

    async def _deliver_now(self, row: Claimed, claimed: datetime) -> None:
        if self._now() - claimed > self.lease / 2:
            # Waited out a long 429: give the row back rather than outlive the lease.
            await self._finished.write(Result(row.id, outbox.PENDING, retry_at=self._now(),
                                              attempts=row.attempts))
            return
        await self._sending.write(row.id)
        if row.id not in self._cleared:
            return  # stopped meanwhile (its broadcast failed): never send it
        self._cleared.discard(row.id)
        result = await self._send(row)
        await self._finished.write(result)
        if row.broadcast_id is not None:
            self._touched.add(row.broadcast_id)

    async def _send(self, row: Claimed) -> Result:
        attempts = row.attempts + 1
        urgent = row.lane == outbox.URGENT
        try:
            await self.api.send_text(row.chat_id, self._text(row), row.buttons, html=row.html)
        except RetryLater as exc:
            self.limiter.pause(exc.seconds)
            self.stats["retry_later"] += 1
            log.warning("outbox_retry_later row=%s seconds=%s", row.id, exc.seconds)
            return Result(row.id, outbox.PENDING, "429", attempts=row.attempts,
                          retry_at=self._now() + timedelta(seconds=exc.seconds))
        except Unreachable:
            self.stats["unreachable"] += 1
            return Result(row.id, outbox.UNREACHABLE, "blocked", attempts=attempts,
                          extra={"chat_id": row.chat_id})
        except OutcomeUnknown as exc:  # the request left; resending could double it
            self.stats["unknown"] += 1
            log.warning("outbox_unknown row=%s lane=%s error=%s", row.id, row.lane,
                        type(exc.__cause__).__name__)
            if urgent:  # at least once: again, marked as a possible repeat
                return self._retry(row, attempts, "outcome unknown", repeat=True)
            return Result(row.id, outbox.UNKNOWN, "outcome unknown", attempts=attempts)
        except Transient:
            self.stats["transient"] += 1
            return self._retry(row, attempts, "transient", repeat=row.repeat)
        except (Rejected, NotModified) as exc:
            self.stats["failed"] += 1
            log.error("outbox_rejected row=%s html=%s", row.id, row.html)
            extra: dict[str, object] = (
                {"broadcast_id": row.broadcast_id} if row.html and row.broadcast_id else {})
            return Result(row.id, outbox.FAILED, "rejected" if isinstance(exc, Rejected)
                          else "not modified", attempts=attempts, extra=extra)
        self.stats["sent"] += 1
        return Result(row.id, outbox.SENT, attempts=attempts, sent_at=self._now())

    def _retry(self, row: Claimed, attempts: int, error: str, *, repeat: bool) -> Result:
        if attempts >= (URGENT_ATTEMPTS if row.lane == outbox.URGENT else MAX_ATTEMPTS):
            return Result(row.id, outbox.FAILED, "gave up", attempts=attempts)
        backoff = BACKOFF.delay(attempts)
        return Result(row.id, outbox.PENDING, error, attempts=attempts, repeat=repeat,
                      retry_at=self._now() + timedelta(seconds=backoff))

    def _text(self, row: Claimed) -> str:
        """The row's text, under a line saying it may repeat an earlier message when the
        earlier send's fate is unknown, in the recipient's language."""
        if not row.repeat:
            return row.text
        line = self.app.deps.translator.format(row.language or DEFAULT_LANGUAGE,
                                               "outbox-maybe-repeat")
        return f"{html.escape(line) if row.html else line}\n\n{row.text}"

    async def _flush_sending(self, ids: list[int]) -> None:
        async with self.app.sessions() as session:
            cleared = await outbox.mark_sending(session, ids)
            await session.commit()
        self._cleared |= cleared

    async def _flush_finished(self, results: list[Result]) -> None:
        async with self.app.sessions() as session:
            await outbox.finish(session, results)
            for result in results:
                if "chat_id" in result.extra:
                    await participants.mark_blocked(session, int(str(result.extra["chat_id"])),
                                                    self._now())
                if "broadcast_id" in result.extra:
                    # Telegram refused the formatting: every other copy would fail the same.
                    await outbox.fail_pending(session, int(str(result.extra["broadcast_id"])),
                                              "rejected")
            await session.commit()

    # -- progress for senders ------------------------------------------------------------
    async def _progress_loop(self) -> None:
        while True:
            await asyncio.sleep(self.progress_every)
            await self._report()

    async def _report(self) -> None:
        if not self._touched or self.on_progress is None:
            return
        touched, self._touched = self._touched, set()
        try:
            await self.on_progress(self.app, self.api, touched)
        except Exception as exc:  # noqa: BLE001 - progress is a courtesy; sending goes on
            log.error("progress_failed error=%s", type(exc).__name__)


def _priority(lane: str) -> int:
    return outbox.LANES.index(lane) if lane in outbox.LANES else len(outbox.LANES) - 1


async def report_broadcast_progress(app: App, api: BotApi, broadcast_ids: set[int]) -> None:
    """Tell broadcast senders how far theirs have got: the news in one transaction, then the
    edits of their status messages (a message gone or unchanged is no matter)."""
    async with app.sessions() as session:
        report = await broadcast_jobs.progress(session, app.deps.translator, broadcast_ids,
                                               app.deps.clock.now())
        await session.commit()
    if report.queued:
        app.outbox_changed.set()
    for edit in report.edits:
        with contextlib.suppress(NotModified, CannotEdit, Rejected):
            await api.edit_text(edit.chat_id, edit.message_id, edit.text, edit.buttons)


def outbox_dispatcher(app: App, api: BotApi) -> OutboxDispatcher:
    """The app's outbox dispatcher, sending through ``api`` and telling broadcast senders how
    far their broadcast has got."""
    return OutboxDispatcher(app, api, on_progress=report_broadcast_progress)
