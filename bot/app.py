"""The app: one unit of work per inbound. Every transport (aiogram, python-telegram-bot, the
terminal) calls :meth:`App.handle` and renders what it returns; :mod:`bot.compose` builds it."""

from __future__ import annotations

import asyncio
import logging
import weakref
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker

from bot.config import Settings
from bot.core import Inbound, Outcome, Reply, decode_delivery, encode_delivery
from bot.flood import FloodGate, Verdict
from bot.group_commit import GroupCommit
from bot.i18n import DEFAULT_LANGUAGE, supported
from handlers.context import Ctx, Deps
from storage import participants, received_updates
from storage.incidents import exchanges_without_safety_contact
from storage.migrate import upgrade
from storage.models import Participant

log = logging.getLogger(__name__)


@dataclass
class App:
    settings: Settings
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    deps: Deps

    def __post_init__(self) -> None:
        # One person's updates run one at a time in this process (a double tap must see the
        # first tap's result): Telegram's through the one worker of ``_batches``, the terminal
        # chat's under a lock per person. Row locks do the same across replicas on PostgreSQL.
        self._locks: weakref.WeakValueDictionary[int, asyncio.Lock] = (
            weakref.WeakValueDictionary())
        self._batches: GroupCommit[tuple[Inbound, int], Outcome] = GroupCommit(
            self._handle_batches)
        self._delivered: GroupCommit[tuple[int, int], None] = GroupCommit(
            self._flush_delivered)
        # Set when a handler queued outbox messages, so an idle dispatcher starts at once.
        self.outbox_changed = asyncio.Event()
        self._flood = FloodGate(self.settings.flood_limit, self.settings.flood_window)
        # Set by the Telegram intake while it serves: one more try for replies that gave up
        # (see scheduler.jobs.retry_replies); the argument is how old they must be.
        self.retry_replies: Callable[[timedelta], Awaitable[int]] | None = None

    async def start(self) -> None:
        await upgrade(self.engine)
        await self._warn_unprotected()

    async def _warn_unprotected(self) -> None:
        """Say at start-up, in the log, which exchanges no safety contact serves."""
        async with self.sessions() as session:
            since = self.deps.clock.now() - timedelta(days=365)
            for exchange in await exchanges_without_safety_contact(session, since):
                log.warning("exchange_without_safety_contact exchange=%s", exchange.id)

    async def close(self) -> None:
        await self.engine.dispose()

    def _lock(self, user_id: int) -> asyncio.Lock:
        lock = self._locks.get(user_id)
        if lock is None:
            lock = asyncio.Lock()
            self._locks[user_id] = lock
        return lock

    async def handle(self, inbound: Inbound, *, bot_id: int | None = None) -> Outcome:
        """Route one inbound in one transaction; never raises for a handler's failure.

        With ``bot_id`` (Telegram), the update is handled once: its stored record is claimed
        in the same transaction as the handler's changes, and updates arriving together share
        that transaction (see :meth:`_handle_batch`). A duplicate (claimed before) gets
        nothing, or, if a crash came between handling and sending, the outcome stored then.
        """
        if bot_id is None:  # the terminal chat: one, human, typist
            async with self._lock(inbound.user_id):
                return await self._handle_one(inbound, None)
        verdict = self._flood.check(inbound.user_id)
        if verdict is not Verdict.ALLOW:
            return await self._flooded(inbound, bot_id, verdict)
        return await self._batches.write((inbound, bot_id))

    async def _handle_batches(self, items: list[tuple[Inbound, int]]) -> list[Outcome]:
        """Updates that queued while the last transaction ran. A batch holds each person at
        most once (a double tap goes in the next one, and so sees the first tap's result)."""
        outcomes: dict[int, Outcome] = {}
        rounds: list[list[tuple[int, Inbound, int]]] = []  # round n: each one's (n+1)th update
        seen: dict[tuple[int, int], int] = {}
        for index, (inbound, bot_id) in enumerate(items):
            earlier = seen.get((bot_id, inbound.user_id), 0)
            seen[(bot_id, inbound.user_id)] = earlier + 1
            if earlier == len(rounds):
                rounds.append([])
            rounds[earlier].append((index, inbound, bot_id))
        for batch in rounds:
            outcomes.update(await self._handle_batch(batch))
        return [outcomes[index] for index in range(len(items))]

    async def _handle_batch(self, batch: list[tuple[int, Inbound, int]]) -> dict[int, Outcome]:
        """One transaction for the whole batch: one read of the people, one claim of the
        updates, one commit. An update not simply waiting (a duplicate, one never stored) is
        left to be handled alone; if any handler fails, the batch is rolled back and each of
        its updates is handled alone, so one person's failure never touches another's."""
        by_bot: dict[int, list[int]] = {}
        for _, inbound, bot_id in batch:
            by_bot.setdefault(bot_id, []).append(inbound.update_id)
        done: dict[int, Outcome] = {}
        queued = False
        async with self.sessions() as session:
            try:
                waiting = {bot_id: await received_updates.waiting(session, bot_id, ids)
                           for bot_id, ids in by_bot.items()}
                together = [(index, inbound, bot_id) for index, inbound, bot_id in batch
                            if inbound.update_id in waiting[bot_id]]
                found = await participants.get_many_for_update(
                    session, sorted({inbound.user_id for _, inbound, _ in together}))
                claims: dict[int, list[tuple[int, str]]] = {}
                for index, inbound, bot_id in together:
                    ctx = self._context(session, inbound, found.get(inbound.user_id))
                    outcome = await self.deps.router.dispatch(ctx)
                    queued = queued or ctx.queued
                    claims.setdefault(bot_id, []).append(
                        (inbound.update_id, encode_delivery(inbound, outcome)))
                    done[index] = outcome
                for bot_id, outcomes in claims.items():
                    await received_updates.claim_waiting(session, bot_id, outcomes)
                await session.commit()
            except Exception as exc:  # noqa: BLE001 - each update is tried again alone, below
                await session.rollback()
                done, queued = {}, False
                log.info("batch_split size=%d error=%s", len(batch), type(exc).__name__)
        if queued:
            self.outbox_changed.set()
        for index, inbound, bot_id in batch:
            if index in done:
                self._log_handled(inbound, done[index])
            else:
                done[index] = await self._handle_one(inbound, bot_id)
        return done

    def _context(self, session: AsyncSession, inbound: Inbound,
                 participant: Participant | None) -> Ctx:
        if participant is not None and participant.blocked_at is not None:
            participant.blocked_at = None  # they are talking to us again
        lang = (participant.language if participant else None) or \
            supported(inbound.language_code) or DEFAULT_LANGUAGE
        return Ctx(inbound, session, self.deps, participant, lang)

    async def _handle_one(self, inbound: Inbound, bot_id: int | None) -> Outcome:
        """One inbound in its own transaction; a handler's failure is answered, not raised.
        Claiming after handling saves a lookup; on PostgreSQL a concurrent claim waits for
        the first and then finds it taken."""
        async with self.sessions() as session:
            participant = await participants.get_for_update(session, inbound.user_id)
            ctx = self._context(session, inbound, participant)
            try:
                outcome = await self.deps.router.dispatch(ctx)
            except Exception as exc:  # noqa: BLE001 - a person must always get an answer
                await session.rollback()
                _log_failure(inbound, exc)
                # Recorded too, so a crash-looping update is answered once, not retried forever.
                outcome = Outcome((Reply(ctx.t("error-generic")),), toast=ctx.t("error-toast"))
            if bot_id is not None:
                earlier = await received_updates.claim(
                    session, bot_id=bot_id, update_id=inbound.update_id,
                    outcome=encode_delivery(inbound, outcome), now=ctx.now())
                if earlier is not None:
                    await session.rollback()
                    log.info("duplicate update=%s", inbound.update_id)
                    return decode_delivery(earlier)[1] if earlier else Outcome()
            await session.commit()
        if ctx.queued:
            self.outbox_changed.set()
        self._log_handled(inbound, outcome)
        return outcome

    @staticmethod
    def _log_handled(inbound: Inbound, outcome: Outcome) -> None:
        log.info("handled update=%s user=%s kind=%s replies=%d", inbound.update_id,
                 inbound.user_id, inbound.kind, len(outcome.replies))

    async def _flooded(self, inbound: Inbound, bot_id: int, verdict: Verdict) -> Outcome:
        """Over the flood limit: one "slowing down" answer, then nothing, with no handler and
        no read of the person's data; the update is still recorded as handled, so it is not
        taken up again after a restart."""
        outcome = Outcome()
        if verdict is Verdict.WARN:
            lang = supported(inbound.language_code) or DEFAULT_LANGUAGE
            outcome = Outcome((Reply(self.deps.translator.format(lang, "flood-slow-down")),))
        async with self.sessions() as session:
            earlier = await received_updates.claim(
                session, bot_id=bot_id, update_id=inbound.update_id,
                outcome=encode_delivery(inbound, outcome), now=self.deps.clock.now())
            if earlier is not None:
                await session.rollback()
                return Outcome()
            await session.commit()
        log.info("flood user=%s verdict=%s update=%s", inbound.user_id, verdict,
                 inbound.update_id)
        return outcome

    async def receive(self, bot_id: int, updates: Sequence[tuple[int, str]], *,
                      malformed: Sequence[tuple[int, str]] = (),
                      ignored: Sequence[int] = ()) -> set[int]:
        """Make received updates durable; returns the ids still to work on (see
        :func:`storage.received_updates.receive` for the unreadable and the unasked-for)."""
        async with self.sessions() as session:
            pending = await received_updates.receive(
                session, bot_id, updates, self.deps.clock.now(), malformed=malformed,
                ignored=ignored)
            await session.commit()
        return pending

    async def set_aside(self, bot_id: int, update_id: int) -> None:
        """A stored update that can no longer be read: never tried again."""
        async with self.sessions() as session:
            await received_updates.set_aside(session, bot_id, update_id)
            await session.commit()

    async def mark_delivered(self, bot_id: int, update_id: int) -> None:
        """Returns once the mark is committed (together with others arriving meanwhile)."""
        await self._delivered.write((bot_id, update_id))

    async def _flush_delivered(self, keys: list[tuple[int, int]]) -> None:
        async with self.sessions() as session:
            await received_updates.mark_delivered(session, keys)
            await session.commit()

    async def unfinished(self, bot_id: int) -> list[tuple[int, str | None, str | None]]:
        """(update id, payload still to handle, stored delivery) for what a crash left."""
        async with self.sessions() as session:
            rows = await received_updates.unfinished(session, bot_id)
        return [(row.update_id, row.payload, row.outcome) for row in rows]

    async def healthy(self) -> bool:
        """The database answers."""
        try:
            async with self.engine.connect() as connection:
                await connection.execute(text("SELECT 1"))
        except Exception:  # noqa: BLE001 - any failure means "not healthy"
            return False
        return True

    async def mark_unreachable(self, user_id: int) -> None:
        """The person blocked the bot or deleted the chat: remember, so nobody retries."""
        async with self.sessions() as session:
            await participants.mark_blocked(session, user_id, self.deps.clock.now())
            await session.commit()
        log.info("user_unreachable user=%s", user_id)


def _log_failure(inbound: Inbound, exc: Exception) -> None:
    # Type and place only: exception messages can carry what someone typed.
    tb = exc.__traceback__
    while tb is not None and tb.tb_next is not None:
        tb = tb.tb_next
    where = f"{tb.tb_frame.f_code.co_filename}:{tb.tb_lineno}" if tb else "?"
    log.error("handler_failed update=%s user=%s kind=%s error=%s at=%s", inbound.update_id,
              inbound.user_id, inbound.kind, type(exc).__name__, where)
