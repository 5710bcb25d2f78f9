"""Telegram updates that arrive together are handled in one transaction (``App.handle``), and
each still gets exactly its own outcome: one person's failure, a duplicate or a double tap
never changes another's answer. On SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator

import pytest
from sqlalchemy import event, select

from bot.app import App
from bot.core import Inbound, Outcome, Reply
from handlers.context import Ctx
from handlers.router import Route
from storage import participants, received_updates
from storage.models import TelegramUpdate
from tests.chat_driver import ChatDriver
from tests.cohort_helpers import invite_code, new_exchange
from tests.conftest import ADMIN_ID

BOT = 777
PEOPLE = range(9100, 9108)


@pytest.fixture
def app(db_app: App) -> App:
    return db_app


@pytest.fixture
def commits(app: App) -> Iterator[list[int]]:
    """One entry per committed transaction on the app's engine."""
    seen: list[int] = []

    def count(_connection: object) -> None:
        seen.append(1)

    event.listen(app.engine.sync_engine, "commit", count)
    yield seen
    event.remove(app.engine.sync_engine, "commit", count)


async def on_menu(app: App, user_ids: range) -> None:
    async with app.sessions() as session:
        now = app.deps.clock.now()
        for user_id in user_ids:
            person = await participants.create(session, user_id, language="en", cohort_id=None,
                                               role="participant", step="menu", now=now)
            person.onboarded_at = now
        await session.commit()


def command(update_id: int, user_id: int, text: str) -> Inbound:
    return Inbound.from_text(update_id, user_id, user_id, text)


async def arrive(app: App, inbounds: list[Inbound]) -> list[Outcome]:
    """Stored as the intake stores them, then handled all at once."""
    await app.receive(BOT, [(i.update_id, "{}") for i in inbounds])
    return list(await asyncio.gather(*(app.handle(i, bot_id=BOT) for i in inbounds)))


async def statuses(app: App) -> dict[int, str]:
    async with app.sessions() as session:
        rows = await session.execute(select(TelegramUpdate.update_id, TelegramUpdate.status)
                                     .where(TelegramUpdate.bot_id == BOT))
        return {row.update_id: row.status for row in rows}


def menu_title(app: App) -> str:
    return app.deps.translator.format("en", "menu-title")


async def test_updates_arriving_together_share_one_commit(app: App, commits: list[int]) -> None:
    await on_menu(app, PEOPLE)
    commits.clear()
    outcomes = await arrive(app, [command(100 + n, user, "/menu")
                                  for n, user in enumerate(PEOPLE)])
    assert [o.replies[0].text for o in outcomes] == [menu_title(app)] * len(PEOPLE)
    # One commit stores the updates, one handles all eight (not eight).
    assert len(commits) == 2
    assert set((await statuses(app)).values()) == {received_updates.HANDLED}


async def test_a_failing_handler_leaves_the_others_answered(app: App) -> None:
    await on_menu(app, PEOPLE)

    async def boom(ctx: Ctx) -> Outcome:
        ctx.me.step = "changed by a handler that then fails"
        raise RuntimeError("a bug")

    app.deps.router.commands["boom"] = Route(boom)
    try:
        inbounds = [command(200 + n, user, "/boom" if n == 3 else "/menu")
                    for n, user in enumerate(PEOPLE)]
        outcomes = await arrive(app, inbounds)
    finally:
        del app.deps.router.commands["boom"]
    texts = [o.replies[0].text for o in outcomes]
    assert texts[3] == app.deps.translator.format("en", "error-generic")
    assert texts[:3] + texts[4:] == [menu_title(app)] * (len(PEOPLE) - 1)
    # The failed handler's change is gone; every update is recorded as handled once.
    async with app.sessions() as session:
        failed = await participants.get(session, PEOPLE[3])
        assert failed is not None and failed.step == "menu"
    assert set((await statuses(app)).values()) == {received_updates.HANDLED}


async def test_a_duplicate_in_a_batch_gets_the_stored_answer(app: App) -> None:
    await on_menu(app, PEOPLE)
    [first] = await arrive(app, [command(300, PEOPLE[0], "/help")])
    # Telegram redelivers 300 while others write: the duplicate is not handled again.
    again, *others = await arrive(app, [command(300, PEOPLE[0], "/help")]
                                  + [command(301 + n, user, "/menu")
                                     for n, user in enumerate(PEOPLE[1:])])
    assert again.replies == first.replies
    assert [o.replies[0].text for o in others] == [menu_title(app)] * (len(PEOPLE) - 1)


async def test_a_double_tap_sees_what_the_first_did(app: App) -> None:
    admin = ChatDriver(app, user_id=ADMIN_ID)
    code = await invite_code(admin, await new_exchange(admin))
    newcomer = PEOPLE[0]
    # Joining and /menu from one new person, plus others, all in the same moment: the
    # /menu is handled after the join committed, so it knows the person.
    outcomes = await arrive(app, [command(400, newcomer, f"/start {code}"),
                                  command(401, newcomer, "/menu")]
                            + [command(402 + n, user, "/help")
                               for n, user in enumerate(PEOPLE[1:4])])
    join_how = app.deps.translator.format("en", "join-how")
    assert join_how not in outcomes[1].replies[0].text
    assert outcomes[1].replies[0].text == app.deps.translator.format("en", "menu-finish-setup")
    async with app.sessions() as session:
        assert await participants.get(session, newcomer) is not None


async def test_two_replicas_with_overlapping_batches(postgres_pair: tuple[App, App]) -> None:
    """Two replicas on one PostgreSQL database, each with a batch of the same eight people (in
    opposite orders), and both handed the same redelivered update: no deadlock, every update
    handled, and the redelivered one answered with what the first replica stored."""
    first, second = postgres_pair
    await on_menu(first, PEOPLE)
    runs: list[int] = []

    async def tick(ctx: Ctx) -> Outcome:  # each run answers differently
        runs.append(1)
        return Outcome((Reply(f"run {len(runs)}"),))

    for replica in postgres_pair:
        replica.deps.router.commands["tick"] = Route(tick)
    ones = [command(500 + n, user, "/menu") for n, user in enumerate(PEOPLE)]
    others = [command(600 + n, user, "/help") for n, user in enumerate(reversed(PEOPLE))]
    twice = command(700, PEOPLE[0], "/tick")
    await first.receive(BOT, [(i.update_id, "{}") for i in [*ones, *others, twice]])
    mine, theirs = await asyncio.wait_for(asyncio.gather(
        asyncio.gather(*(first.handle(i, bot_id=BOT) for i in [*ones, twice])),
        asyncio.gather(*(second.handle(i, bot_id=BOT) for i in [*others, twice]))), timeout=30)
    assert [o.replies[0].text for o in mine[:-1]] == [menu_title(first)] * len(PEOPLE)
    help_text = first.deps.translator.format("en", "help-text")
    assert all(o.replies[0].text.startswith(help_text) for o in theirs[:-1])
    # Whichever replica came second may have run the handler too, but rolled back and
    # answered with the stored outcome: both say the same, the first run's words.
    assert mine[-1].replies == theirs[-1].replies == (Reply("run 1"),)
    assert set((await statuses(first)).values()) == {received_updates.HANDLED}
