"""The outbox's delivery policy, on SQLite and PostgreSQL: lanes claimed in order, exchanges
taking turns inside a lane, a dead dispatcher's urgent sends sent again as marked repeats and
its bulk ones left unknown, and a broadcast's unknown sends sent again once."""

from __future__ import annotations

from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.app import App
from bot.clock import FakeClock
from bot.core import Button
from storage import outbox
from storage.models import Broadcast, OutboxMessage
from tests.cohort_helpers import seed_cohort
from tests.conftest import START

LEASE = timedelta(seconds=60)


async def _queue(app: App, *messages: outbox.NewMessage) -> None:
    async with app.sessions() as session:
        await outbox.enqueue(session, messages, app.deps.clock.now())
        await session.commit()


async def _claim(app: App, limit: int) -> list[outbox.Claimed]:
    async with app.sessions() as session:
        rows = await outbox.claim(session, app.deps.clock.now(), limit)
        await session.commit()
    return rows


async def _statuses(app: App) -> dict[str, tuple[str, bool]]:
    async with app.sessions() as session:
        rows = await session.execute(select(OutboxMessage.key, OutboxMessage.status,
                                            OutboxMessage.repeat))
        return {key: (status, repeat) for key, status, repeat in rows}


async def test_urgent_rows_are_claimed_before_older_bulk_and_personal_ones(
        db_app: App, clock: FakeClock) -> None:
    await _queue(db_app, *(outbox.NewMessage(f"bc:{i}", 1000 + i, "prompt", exchange_id=1)
                           for i in range(20)))
    clock.advance(timedelta(seconds=5))
    await _queue(db_app, outbox.NewMessage("pair:1", 2001, "paired", lane=outbox.PERSONAL))
    clock.advance(timedelta(seconds=5))
    await _queue(db_app, outbox.NewMessage("incident:1", 3001, "alert", lane=outbox.URGENT,
                                           exchange_id=2))
    first = await _claim(db_app, 3)
    assert [row.chat_id for row in first] == [3001, 2001, 1000]
    assert [row.lane for row in first] == [outbox.URGENT, outbox.PERSONAL, outbox.BULK]


async def test_exchanges_take_turns_inside_a_lane(db_app: App, clock: FakeClock) -> None:
    """A big broadcast queued first does not hold up another exchange's check-ins."""
    await _queue(db_app, *(outbox.NewMessage(f"bc:{i}", 1000 + i, "prompt", exchange_id=1)
                           for i in range(50)))
    clock.advance(timedelta(seconds=1))
    await _queue(db_app, *(outbox.NewMessage(f"checkin:{i}", 5000 + i, "check-in",
                                             exchange_id=2) for i in range(3)),
                 outbox.NewMessage("digest:1", 7000, "digest"))  # for no exchange in particular
    rows = await _claim(db_app, 8)
    assert [row.chat_id for row in rows] == [1000, 5000, 7000, 1001, 5001, 1002, 5002, 1003]


async def test_a_dead_dispatchers_urgent_sends_go_again_marked_and_bulk_ones_stay_unknown(
        db_app: App, clock: FakeClock) -> None:
    await _queue(db_app, outbox.NewMessage("incident:1", 3001, "alert", lane=outbox.URGENT),
                 outbox.NewMessage("bc:1", 1001, "prompt"),
                 outbox.NewMessage("bc:2", 1002, "prompt"),
                 outbox.NewMessage("incident:2", 3002, "alert", lane=outbox.URGENT))
    claimed = {row.chat_id: row.id for row in await _claim(db_app, 4)}
    async with db_app.sessions() as session:  # all but one were leaving when it died
        await outbox.mark_sending(session, [claimed[3001], claimed[1001], claimed[1002]])
        await session.commit()
    clock.advance(LEASE + timedelta(seconds=1))
    async with db_app.sessions() as session:
        assert await outbox.recover(session, clock.now(), LEASE) == (2, 2)
        await session.commit()
    assert await _statuses(db_app) == {
        "incident:1": ("pending", True),  # perhaps sent: again, marked as a possible repeat
        "incident:2": ("pending", False),  # never left: again, as it was
        "bc:1": ("unknown", False), "bc:2": ("unknown", False)}
    again = await _claim(db_app, 4)
    assert [(row.chat_id, row.repeat) for row in again] == [(3001, True), (3002, False)]


async def test_recovery_leaves_rows_the_calling_dispatcher_still_holds(
        db_app: App, clock: FakeClock) -> None:
    await _queue(db_app, outbox.NewMessage("bc:1", 1001, "prompt"),
                 outbox.NewMessage("bc:2", 1002, "prompt"))
    mine, dead = await _claim(db_app, 2)
    clock.advance(LEASE + timedelta(seconds=1))
    async with db_app.sessions() as session:
        assert await outbox.recover(session, clock.now(), LEASE, held={mine.id}) == (1, 0)
        await session.commit()
    assert mine.chat_id == 1001 and dead.chat_id == 1002
    assert await _statuses(db_app) == {"bc:1": ("claimed", False), "bc:2": ("pending", False)}


async def test_a_broadcasts_unknown_sends_go_again_once_marked(
        db_app: App, clock: FakeClock) -> None:
    members = [8001, 8002, 8003]
    cohort_id = await seed_cohort(db_app.sessions, members, now=START)
    async with db_app.sessions() as session:
        item = Broadcast(sender_id=9000, cohort_id=cohort_id, segment="all", text="hi",
                         html=False, options=[], send_at=START, status="done", total=3,
                         skipped_consent=0, skipped_blocked=0, created_at=START)
        session.add(item)
        await session.flush()
        await outbox.enqueue(session, [outbox.NewMessage(f"bc:{item.id}:{uid}", uid, "hi",
                                                         broadcast_id=item.id)
                                       for uid in members], START)
        await session.commit()
        broadcast_id = item.id
    rows = await _claim(db_app, 3)
    async with db_app.sessions() as session:
        await outbox.finish(session, [
            outbox.Result(rows[0].id, outbox.SENT), outbox.Result(rows[1].id, outbox.UNKNOWN),
            outbox.Result(rows[2].id, outbox.UNKNOWN)])
        await session.commit()
    for expected in (2, 0):  # a second press finds nobody uncertain left
        async with db_app.sessions() as session:
            assert await outbox.resend_unknown(session, broadcast_id, clock.now()) == expected
            await session.commit()
    async with db_app.sessions() as session:
        assert await outbox.counts(session, broadcast_id) == {"sent": 1, "resent": 2,
                                                              "pending": 2}
    again = await _claim(db_app, 5)
    assert Counter((row.chat_id, row.repeat, row.language) for row in again) == Counter(
        {(8002, True, "en"): 1, (8003, True, "en"): 1})


async def test_buttons_go_in_and_come_out_as_buttons_stored_as_before(
        db_app: App, clock: FakeClock) -> None:
    yes, no = Button("Yes", "1:ba:1:0"), Button("No", "1:ba:1:1")
    await _queue(db_app, outbox.NewMessage("bc:1", 1001, "prompt", buttons=((yes,), (no,))))
    async with db_app.sessions() as session:
        # The JSON of rows queued by earlier releases: those still send after an upgrade.
        assert await session.scalar(select(OutboxMessage.buttons)) == [
            [["Yes", "1:ba:1:0"]], [["No", "1:ba:1:1"]]]
    [row] = await _claim(db_app, 1)
    assert row.buttons == ((yes,), (no,))
    with pytest.raises(ValueError, match="callback buttons"):
        await _queue(db_app, outbox.NewMessage("bc:2", 1002, "link",
                                               buttons=((Button("Site", url="https://x"),),)))
