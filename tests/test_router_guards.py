"""The guards a route declares (handlers.guards), enforced by the router: typed arguments
parsed and delivered, malformed or over-long ones answered as a forged button, a step the
person has left as a stale one, a missing role with the audited refusal."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from bot.app import App
from bot.core import Outcome, Reply
from handlers import buttons
from handlers.context import Ctx, ForgedButton
from handlers.guards import Choice, Int, Matching, Maybe, Text, onboarded, parse_args
from handlers.roles import COORDINATORS, STAFF
from handlers.router import Router
from storage.models import AuditEntry
from tests.chat_driver import ChatDriver
from tests.cohort_helpers import invite_code, join, new_exchange
from tests.conftest import ADMIN_ID

Seen = list[tuple[object, ...]]


def probe_router(seen: Seen) -> Router:
    """Routes that record what their handler was given, each with one kind of guard."""
    router = Router()

    @router.button("tg1", args=(int, Choice("a", "b"), Maybe(str)))
    async def typed(ctx: Ctx, number: int, choice: str, extra: str | None) -> Outcome:
        seen.append((number, choice, extra))
        return Outcome(toast="typed")

    @router.button("tg2", args=())
    async def bare(ctx: Ctx) -> Outcome:
        seen.append(())
        return Outcome(toast="bare")

    @router.button("tg3", step="tg:somewhere", args=())
    async def stepped(ctx: Ctx) -> Outcome:
        seen.append(("stepped",))
        return Outcome(toast="stepped")

    @router.button("tg4", role=COORDINATORS, action="probe", args=(int,))
    async def staff_only(ctx: Ctx, number: int) -> Outcome:
        seen.append((number,))
        return Outcome(toast="coordinated")

    @router.command("tgstaff", role=STAFF)
    async def staff_command(ctx: Ctx) -> Outcome:
        seen.append(("tgstaff",))
        return Outcome((Reply("for staff"),))

    @router.command("tgready", step=onboarded)
    async def ready_command(ctx: Ctx) -> Outcome:
        seen.append(("tgready",))
        return Outcome((Reply("ready"),))

    return router


@pytest.fixture
def seen(app: App) -> Seen:
    calls: Seen = []
    app.deps.router.include(probe_router(calls))
    return calls


async def refusals(app: App, user_id: int) -> list[tuple[str, str]]:
    async with app.sessions() as session:
        rows = await session.execute(select(AuditEntry.action, AuditEntry.target).where(
            AuditEntry.actor_id == user_id, AuditEntry.outcome == "refused")
            .order_by(AuditEntry.id))
        return [(action, target) for action, target in rows]


async def test_typed_arguments_reach_the_handler(app: App, admin: ChatDriver,
                                                 seen: Seen) -> None:
    person = await join(app, await invite_code(admin, await new_exchange(admin)), 9101)
    await person.press_data("1:tg1:42:a")
    await person.press_data("1:tg1:007:b:more")
    await person.press_data("1:tg2")
    assert seen == [(42, "a", None), (7, "b", "more"), ()]
    assert person.last.toast == "bare"


@pytest.mark.parametrize("data", [
    "1:tg1", "1:tg1:42", "1:tg1:42:c", "1:tg1::a", "1:tg1:x:a", "1:tg1:-1:a", "1:tg1:4.2:a",
    "1:tg1:1e9:a", "1:tg1:0x1:a", "1:tg1:²:a", "1:tg1:١:a", "1:tg1: 1:a",
    "1:tg1:1234567890:a",  # ten digits: past what an id column holds
    "1:tg1:99999999999999999999:a", "1:tg1:1:a:x:y", "1:tg2:", "1:tg2:x",
])
async def test_malformed_arguments_are_a_forged_button(app: App, admin: ChatDriver,
                                                       seen: Seen, data: str) -> None:
    person = await join(app, await invite_code(admin, await new_exchange(admin)), 9102)
    await person.press_data(data)
    assert person.last.toast == person.t("en", "button-unknown")
    assert person.text == person.t("en", "menu-title")  # brought back to where they stand
    assert seen == []


async def test_a_step_the_person_has_left_is_stale(app: App, admin: ChatDriver,
                                                   seen: Seen) -> None:
    person = await join(app, await invite_code(admin, await new_exchange(admin)), 9103)
    await person.press_data("1:tg3")
    assert person.last.toast == person.t("en", "button-stale")
    assert person.text == person.t("en", "menu-title")
    assert seen == []
    stranger = ChatDriver(app, user_id=9104)  # has no step at all: not joined, first
    await stranger.press_data("1:tg3")
    assert stranger.texts == [stranger.t("en", "join-how")]
    # Malformed data is forged before the step is looked at.
    await person.press_data("1:tg3:x")
    assert person.last.toast == person.t("en", "button-unknown")


async def test_a_missing_role_is_refused_and_audited(app: App, admin: ChatDriver,
                                                     seen: Seen) -> None:
    lima = await new_exchange(admin)
    person = await join(app, await invite_code(admin, lima), 9105)
    facilitator = await join(app, await invite_code(admin, lima, "facilitator"), 9106)
    stranger = ChatDriver(app, user_id=9107)
    for chat in (person, facilitator, stranger):
        await chat.press_data("1:tg4:12")
        assert chat.texts == [chat.t("en", "admin-only")]
    await person.send("/tgstaff")
    assert person.texts == [person.t("en", "staff-only")]
    await stranger.send("/tgstaff")  # refused, not asked to join: the role decides
    assert stranger.texts == [stranger.t("en", "staff-only")]
    # Forged data is forged for anyone, before the role: nothing to audit.
    await person.press_data("1:tg4:x")
    assert person.last.toast == person.t("en", "button-unknown")
    assert seen == []
    # The button's action, its first argument as the target; the command by its name.
    assert await refusals(app, 9105) == [("probe", "12"), ("tgstaff", "")]
    assert await refusals(app, 9107) == [("probe", "12"), ("tgstaff", "")]

    await facilitator.send("/tgstaff")
    assert facilitator.texts == ["for staff"]
    await admin.press_data("1:tg4:12")  # a coordinator from ADMIN_IDS
    assert admin.last.toast == "coordinated"
    assert seen == [("tgstaff",), (12,)]


async def test_a_command_before_its_step_answers_not_yet(app: App, admin: ChatDriver,
                                                         seen: Seen) -> None:
    newcomer = ChatDriver(app, user_id=9108)
    await newcomer.send(f"/start {await invite_code(admin, await new_exchange(admin))}")
    question = newcomer.text
    await newcomer.send("/tgready")
    assert newcomer.texts == [newcomer.t("en", "menu-finish-setup"), question]
    assert seen == []


async def test_an_over_long_id_never_reaches_the_database(db_app: App) -> None:
    """Button data can carry a number no id column holds; it is refused as forged instead
    of making the database raise (mentor pairing once passed it straight to PostgreSQL)."""
    admin = ChatDriver(db_app, user_id=ADMIN_ID)
    await new_exchange(admin)
    huge = "9" * 20
    for data in (buttons.data("mtl", huge), buttons.data("mtm", huge),
                 buttons.data("mtm", "1", huge), buttons.data("mtp", huge, "y"),
                 buttons.data("mtw", huge), buttons.data("ind", huge),
                 buttons.data("lbd", "s", huge)):
        outcome = await admin.press_data(data)
        assert outcome.toast == admin.t("en", "button-unknown"), data


def test_parsers() -> None:
    assert Int().parse("000000042") == 42
    assert Int(digits=12).parse("1772442000") == 1772442000
    for bad in ("", "1234567890", "-1", "+1", "1_000", "٣", "²", "1 "):
        with pytest.raises(ForgedButton):
            Int().parse(bad)
    assert Choice("go", "later").parse("go") == "go"
    with pytest.raises(ForgedButton):
        Choice("go", "later").parse("Go")
    assert Text().parse("") == ""
    assert Matching(re.compile(r"\d{1,3}")).parse("١٢") == "١٢"  # what a person typed
    assert parse_args((Int(), Maybe(Choice("e"))), ["5"]) == (5, None)
    assert parse_args((Int(), Maybe(Choice("e"))), ["5", "e"]) == (5, "e")
    with pytest.raises(ForgedButton):
        parse_args((Int(), Maybe(Choice("e"))), [])
    with pytest.raises(ForgedButton):
        parse_args((Int(),), ["5", "6"])


def test_an_unknown_argument_type_fails_at_registration() -> None:
    router = Router()
    with pytest.raises(TypeError, match="no button argument"):
        @router.button("bad", args=(float,))
        async def bad(ctx: Ctx, value: float) -> Outcome:
            return Outcome()
