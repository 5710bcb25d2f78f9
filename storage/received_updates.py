"""Received updates (``telegram_updates``): durable intake, once-only handling, retention.

``received`` → ``handled`` → ``delivered``; beside that path, ``malformed``: an update the
framework could not read, kept as it came (encrypted) for the operator and never handled."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from datetime import datetime
from typing import cast

from sqlalchemy import Table, bindparam, delete, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.database import dialect_name, insert_ignoring_duplicates
from storage.models import TelegramUpdate

RECEIVED, HANDLED, DELIVERED = "received", "handled", "delivered"
MALFORMED = "malformed"
_TO_DO = (RECEIVED, HANDLED)  # what a run still has to handle or send

# The statements every update runs, built once (building one costs more than running it),
# on the table rather than the ORM class where no object is needed.
_TABLE = cast(Table, TelegramUpdate.__table__)
_KEY = (_TABLE.c.bot_id == bindparam("bot")) & (_TABLE.c.update_id == bindparam("uid"))
_STATE = select(_TABLE.c.status, _TABLE.c.outcome).where(_KEY).with_for_update()
# Claiming is the update itself: it only matches a row nobody has handled yet.
_CLAIM = (update(_TABLE).where(_KEY & (_TABLE.c.status == RECEIVED))
          .values(status=HANDLED, payload=None, outcome=bindparam("outcome")))
_INSERT = {dialect: insert_ignoring_duplicates(dialect, _TABLE)
           for dialect in ("postgresql", "sqlite")}
# The rows of a batch still waiting to be handled, locked until the batch commits.
_RECEIVED = select(_TABLE.c.update_id).where(
    (_TABLE.c.bot_id == bindparam("bot"))
    & _TABLE.c.update_id.in_(bindparam("uids", expanding=True))
    & (_TABLE.c.status == RECEIVED)).with_for_update()
_MARK_DELIVERED = update(_TABLE).where(_KEY).values(status=DELIVERED, payload=None,
                                                    outcome=None)
_NOT_DONE = select(_TABLE.c.update_id).where(
    (_TABLE.c.bot_id == bindparam("bot"))
    & _TABLE.c.update_id.in_(bindparam("uids", expanding=True))
    & _TABLE.c.status.in_(_TO_DO))
_SET_ASIDE = (update(_TABLE).where(_KEY & (_TABLE.c.status == RECEIVED))
              .values(status=MALFORMED))


async def receive(session: AsyncSession, bot_id: int, updates: Sequence[tuple[int, str]],
                  now: datetime, *, malformed: Sequence[tuple[int, str]] = (),
                  ignored: Sequence[int] = ()) -> set[int]:
    """Store new updates, (id, payload); returns the ids among ``updates`` not yet delivered
    (new ones, and ones a crash left half done), i.e. the ones still to work on.
    ``malformed``: (id, payload) of updates the framework cannot read, set aside;
    ``ignored``: ids of kinds the bot never asked for, stored as done (nothing of them kept)
    so that the offset, and any duplicate, is accounted for like every other update's."""
    rows: list[tuple[int, str | None, str]] = [(uid, payload, RECEIVED)
                                               for uid, payload in updates]
    rows += [(uid, payload, MALFORMED) for uid, payload in malformed]
    rows += [(uid, None, DELIVERED) for uid in ignored]
    if not rows:
        return set()
    await session.execute(_INSERT[dialect_name(session)], [
        {"bot_id": bot_id, "update_id": uid, "status": status, "payload": payload,
         "outcome": None, "received_at": now} for uid, payload, status in rows])
    if not updates:
        return set()
    found = await session.execute(_NOT_DONE,
                                  {"bot": bot_id, "uids": [uid for uid, _ in updates]})
    return {row.update_id for row in found}


async def set_aside(session: AsyncSession, bot_id: int, update_id: int) -> None:
    """A stored update that can no longer be read (say, after a framework upgrade): kept as
    ``malformed`` instead of being tried at every start."""
    await session.execute(_SET_ASIDE, {"bot": bot_id, "uid": update_id})


async def claim(session: AsyncSession, *, bot_id: int, update_id: int, outcome: str,
                now: datetime) -> str | None:
    """Record the update as handled, with the outcome to deliver, unless it was handled
    before. None: claimed now. Otherwise what was stored before: the outcome still to
    deliver, or "" when it was delivered already."""
    result = await session.execute(_CLAIM, {"bot": bot_id, "uid": update_id,
                                            "outcome": outcome})
    if getattr(result, "rowcount", 0) == 1:
        return None
    earlier = (await session.execute(_STATE, {"bot": bot_id, "uid": update_id})).first()
    if earlier is None:  # never stored (handled without the intake, as in tests): store now
        await session.execute(_INSERT[dialect_name(session)], {
            "bot_id": bot_id, "update_id": update_id, "status": HANDLED, "payload": None,
            "outcome": outcome, "received_at": now})
        return None
    return earlier.outcome or "" if earlier.status == HANDLED else ""


async def waiting(session: AsyncSession, bot_id: int, update_ids: Sequence[int]) -> set[int]:
    """Which of ``update_ids`` are stored and not handled yet, locked for
    :func:`claim_waiting` in the same transaction."""
    rows = await session.execute(_RECEIVED, {"bot": bot_id, "uids": list(update_ids)})
    return {row.update_id for row in rows}


async def claim_waiting(session: AsyncSession, bot_id: int,
                        outcomes: Sequence[tuple[int, str]]) -> None:
    """Record updates that :func:`waiting` returned as handled: (update id, outcome)."""
    await session.execute(_CLAIM, [{"bot": bot_id, "uid": uid, "outcome": outcome}
                                            for uid, outcome in outcomes])


async def mark_delivered(session: AsyncSession, keys: Sequence[tuple[int, int]]) -> None:
    """Delivered: nothing of the update is kept but its id. ``keys``: (bot id, update id)."""
    await session.execute(_MARK_DELIVERED, [{"bot": bot, "uid": uid} for bot, uid in keys])


async def unfinished(session: AsyncSession, bot_id: int) -> list[TelegramUpdate]:
    """What a crash left behind, oldest first."""
    return list(await session.scalars(
        select(TelegramUpdate)
        .where(TelegramUpdate.bot_id == bot_id, TelegramUpdate.status.in_(_TO_DO))
        .order_by(TelegramUpdate.update_id)))


async def take_stale(session: AsyncSession, bot_id: int, before: datetime, now: datetime,
                     skip: Collection[int] = ()) -> list[tuple[int, str]]:
    """Handled updates received before ``before`` whose replies never went out (they gave
    up after their retries), except ``skip``: (update id, stored delivery). Taken: their
    time moves to ``now``, so another replica's sweep leaves them alone for as long."""
    found = [(row.update_id, row.outcome) for row in await session.execute(
        select(_TABLE.c.update_id, _TABLE.c.outcome)
        .where(_TABLE.c.bot_id == bot_id, _TABLE.c.status == HANDLED,
               _TABLE.c.received_at < before)
        .order_by(_TABLE.c.update_id)
        .with_for_update(skip_locked=True))
        if row.update_id not in skip and row.outcome]
    if found:
        await session.execute(update(_TABLE).where(
            (_TABLE.c.bot_id == bot_id) & _TABLE.c.update_id.in_([uid for uid, _ in found])
            & (_TABLE.c.status == HANDLED)).values(received_at=now))
    return found


async def purge_delivered(session: AsyncSession, before: datetime) -> int:
    """Forget delivered updates received before ``before`` (Telegram never resends an update
    older than a day, so a few days bound the table without risking a duplicate), and
    malformed ones with them: what a person sent is not kept longer because it was unreadable;
    the log line told the operator at once."""
    result = await session.execute(
        delete(TelegramUpdate).where(TelegramUpdate.status.in_((DELIVERED, MALFORMED)),
                                     TelegramUpdate.received_at < before))
    return int(getattr(result, "rowcount", 0) or 0)
