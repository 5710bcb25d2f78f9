"""The app: one unit of work per inbound. Every transport (aiogram, python-telegram-bot, the
terminal) calls :meth:`App.handle` and renders what it returns; :mod:`bot.compose` builds it."""

from __future__ import annotations

import asyncio
import logging
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


@dataclass(frozen=True)
class Arrival:
    """An inbound on its way through :meth:`App.handle`: from which bot (None for the
    terminal chat, whose inbounds are not stored), and the flood gate's verdict."""

    inbound: Inbound
    bot_id: int | None
    verdict: Verdict


@dataclass
class App:
    settings: Settings
    engine: AsyncEngine
    sessions: async_sessionmaker[AsyncSession]
    deps: Deps

    def __post_init__(self) -> None:
        # Every inbound, from every transport, the terminal chat and the tests, takes one
        # path: the one worker of ``_batches``. One person's updates so run one at a time in
        # this process (a double tap must see the first tap's result); row locks do the same
        # across replicas on PostgreSQL.
        self._batches: GroupCommit[Arrival, Outcome] = GroupCommit(self._handle_batches)
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

    async def handle(self, inbound: Inbound, *, bot_id: int | None = None) -> Outcome:
        """Route one inbound in one transaction; never raises for a handler's failure.

        With ``bot_id`` (Telegram), the update is handled once: its stored record is claimed
        in the same transaction as the handler's changes. A duplicate (claimed before) gets
        nothing, or, if a crash came between handling and sending, the outcome stored then.
        Inbounds arriving together share that transaction (see :meth:`_handle_batch`). Over
        the flood limit, a person gets one "slowing down" answer, then nothing, with no
        handler and no read of their data; the update is still recorded as handled.
        """
        verdict = self._flood.check(inbound.user_id)
        return await self._batches.write(Arrival(inbound, bot_id, verdict))

    async def _handle_batches(self, items: list[Arrival]) -> list[Outcome]:
        """Inbounds that queued while the last transaction ran. A batch holds each person at
        most once (a double tap goes in the next one, and so sees the first tap's result)."""
        outcomes: dict[int, Outcome] = {}
        rounds: list[list[tuple[int, Arrival]]] = []  # round n: each one's (n+1)th inbound
        seen: dict[tuple[int | None, int], int] = {}
        for index, item in enumerate(items):
            person = (item.bot_id, item.inbound.user_id)
            earlier = seen.get(person, 0)
            seen[person] = earlier + 1
            if earlier == len(rounds):
                rounds.append([])
            rounds[earlier].append((index, item))
        for batch in rounds:
            outcomes.update(await self._handle_batch(batch))
        return [outcomes[index] for index in range(len(items))]

    async def _handle_batch(self, batch: list[tuple[int, Arrival]]) -> dict[int, Outcome]:
        """One transaction for the whole batch: one read of the people, one claim of the
        updates, one commit. An update not simply waiting (a duplicate, one never stored) is
        left to be handled alone; if any handler fails, the batch is rolled back and each of
        its inbounds is handled alone, so one person's failure never touches another's."""
        by_bot: dict[int, list[int]] = {}
        for _, item in batch:
            if item.bot_id is not None:
                by_bot.setdefault(item.bot_id, []).append(item.inbound.update_id)
        done: dict[int, Outcome] = {}
        queued = False
        async with self.sessions() as session:
            try:
                waiting = {bot_id: await received_updates.waiting(session, bot_id, ids)
                           for bot_id, ids in by_bot.items()}
                together = [(index, item) for index, item in batch if item.bot_id is None
                            or item.inbound.update_id in waiting[item.bot_id]]
                found = await participants.get_many_for_update(
                    session, sorted({item.inbound.user_id for _, item in together
                                     if item.verdict is Verdict.ALLOW}))
                claims: dict[int, list[tuple[int, str]]] = {}
                for index, item in together:
                    if item.verdict is Verdict.ALLOW:
                        ctx = self._context(session, item.inbound, found.get(item.inbound.user_id))
                        outcome = await self.deps.router.dispatch(ctx)
                        queued = queued or ctx.queued
                    else:
                        outcome = self._flood_answer(item)
                    if item.bot_id is not None:
                        claims.setdefault(item.bot_id, []).append(
                            (item.inbound.update_id, encode_delivery(item.inbound, outcome)))
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
        for index, item in batch:
            if index in done:
                self._log_handled(item, done[index])
            else:
                done[index] = await self._handle_one(item)
        return done

    def _context(self, session: AsyncSession, inbound: Inbound,
                 participant: Participant | None) -> Ctx:
        if participant is not None and participant.blocked_at is not None:
            participant.blocked_at = None  # they are talking to us again
        lang = (participant.language if participant else None) or \
            supported(inbound.language_code) or DEFAULT_LANGUAGE
        return Ctx(inbound, session, self.deps, participant, lang)

    def _flood_answer(self, item: Arrival) -> Outcome:
        if item.verdict is Verdict.WARN:
            lang = supported(item.inbound.language_code) or DEFAULT_LANGUAGE
            return Outcome((Reply(self.deps.translator.format(lang, "flood-slow-down")),))
        return Outcome()

    async def _handle_one(self, item: Arrival) -> Outcome:
        """One inbound in its own transaction, after its batch failed or when it was not
        simply waiting; a handler's failure is answered, not raised. Claiming after handling
        saves a lookup; on PostgreSQL a concurrent claim waits for the first and then finds
        it taken."""
        inbound, bot_id = item.inbound, item.bot_id
        queued = False
        async with self.sessions() as session:
            if item.verdict is Verdict.ALLOW:
                participant = await participants.get_for_update(session, inbound.user_id)
                ctx = self._context(session, inbound, participant)
                try:
                    outcome = await self.deps.router.dispatch(ctx)
                    queued = ctx.queued
                except Exception as exc:  # noqa: BLE001 - a person must always get an answer
                    await session.rollback()
                    _log_failure(inbound, exc)
                    # Recorded too, so a crash-looping update is answered once, not retried.
                    outcome = Outcome((Reply(ctx.t("error-generic")),), toast=ctx.t("error-toast"))
            else:
                outcome = self._flood_answer(item)
            if bot_id is not None:
                earlier = await received_updates.claim(
                    session, bot_id=bot_id, update_id=inbound.update_id,
                    outcome=encode_delivery(inbound, outcome), now=self.deps.clock.now())
                if earlier is not None:
                    await session.rollback()
                    log.info("duplicate update=%s", inbound.update_id)
                    return decode_delivery(earlier)[1] if earlier else Outcome()
            await session.commit()
        if queued:
            self.outbox_changed.set()
        self._log_handled(item, outcome)
        return outcome

    @staticmethod
    def _log_handled(item: Arrival, outcome: Outcome) -> None:
        inbound = item.inbound
        if item.verdict is not Verdict.ALLOW:
            log.info("flood user=%s verdict=%s update=%s", inbound.user_id, item.verdict,
                     inbound.update_id)
            return
        log.info("handled update=%s user=%s kind=%s replies=%d", inbound.update_id,
                 inbound.user_id, inbound.kind, len(outcome.replies))

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
