"""The action brief, /plan, through the core model on SQLite and PostgreSQL: writing
commitments with every "by when" choice and typed dates (in the person's own time zone),
"Me" or a role, editing each field, done and dropped, the plan's content, consent, bad input,
forged and stale buttons, and coming back after /menu."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date, timedelta

import pytest
from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import App
from bot.clock import FakeClock
from bot.config import Settings
from bot.core import MAX_TEXT, Kind
from handlers import buttons
from handlers.plan import MAX_OPEN
from handlers.plan_input import add_months, parse_date
from storage import commitments
from storage.models import Commitment, Participant
from tests.chat_driver import ChatDriver
from tests.cohort_helpers import invite_code, join, new_exchange
from tests.conftest import build_app

# 22:30 in UTC is 01:30 the next morning in Nairobi (UTC+3), where everyone here lives: the
# dates below are Nairobi's.
LATE_EVENING = timedelta(hours=13, minutes=30)
TODAY = date(2026, 3, 3)
ME = "you"


@pytest.fixture
async def app(settings: Settings, clock: FakeClock,
              migrated_engine: AsyncEngine) -> AsyncIterator[App]:
    application = build_app(settings, clock=clock, engine=migrated_engine)
    await application.start()
    yield application
    await application.close()


async def member(app: App, admin: ChatDriver, user_id: int = 7001, *,
                 consents: str = "yyyy", role: str = "") -> ChatDriver:
    """Someone who has joined a fresh exchange, late in the evening UTC."""
    clock = app.deps.clock
    assert isinstance(clock, FakeClock)
    if clock.now().hour < 20:
        clock.advance(LATE_EVENING)
    cohort = await new_exchange(admin, f"Exchange {user_id}")
    return await join(app, await invite_code(admin, cohort, role), user_id, consents=consents)


async def stored(app: App, user_id: int | None = None) -> list[Commitment]:
    async with app.sessions() as session:
        query = select(Commitment).order_by(Commitment.id)
        if user_id is not None:
            query = query.join(Participant).where(Participant.telegram_id == user_id)
        return list(await session.scalars(query))


async def step_of(app: App, user_id: int) -> tuple[str, dict[str, object]]:
    async with app.sessions() as session:
        person = await session.scalar(select(Participant).where(
            Participant.telegram_id == user_id))
    assert person is not None
    return person.step, person.step_data


async def write(chat: ChatDriver, what: str, who: str | None, when: str) -> None:
    """One commitment from the plan view: ``who`` None taps "Me"; ``when`` is a button's
    label or a typed date."""
    await chat.press(chat.t("en", "plan-add"))
    await chat.send(what)
    if who is None:
        await chat.press(chat.t("en", "plan-me"))
    else:
        await chat.send(who)
    if when[:1].isdigit():
        await chat.send(when)
    else:
        await chat.press(when)


def line(chat: ChatDriver, number: int, what: str, who: str, due: str) -> str:
    return chat.t("en", "plan-line", number=number, what=what, who=who, due=due)


# -- writing -----------------------------------------------------------------------------------
async def test_commitments_with_every_kind_of_date(app: App, admin: ChatDriver) -> None:
    chat = await member(app, admin)
    await chat.send("/plan")
    assert chat.text == "\n\n".join((chat.t("en", "plan-title"), chat.t("en", "plan-empty")))
    assert chat.labels() == [chat.t("en", "plan-add")]
    await chat.press(chat.t("en", "plan-add"))
    assert chat.text == chat.t("en", "plan-ask-what", max=300)
    assert chat.last.replies[0].edit  # the plan's message becomes the question
    await chat.send("  Train five new stewards  ")
    assert chat.text == chat.t("en", "plan-ask-who", max=80)
    assert chat.labels() == [chat.t("en", "plan-me"), chat.t("en", "plan-cancel")]
    await chat.press(chat.t("en", "plan-me"))
    assert chat.text == chat.t("en", "plan-ask-due", example="2026-03-17")
    await chat.press(chat.t("en", "plan-in-1w"))
    assert chat.text.startswith(chat.t("en", "plan-added"))
    assert line(chat, 1, "Train five new stewards", ME, "10 Mar 2026") in chat.text

    await write(chat, "Press release on the eviction", "our media team",
                chat.t("en", "plan-in-2w"))
    await write(chat, "Share the toolkit with the tenants union", "me", chat.t("en", "plan-in-1m"))
    await write(chat, "Hold a community assembly", "Assembly working group",
                chat.t("en", "plan-in-3m"))
    await write(chat, "Report back to the network", None, "2026-05-01")
    await write(chat, "Start the phone tree tonight", None, TODAY.isoformat())

    rows = await stored(app)
    assert [(r.what, r.who, r.due_on, r.status) for r in rows] == [
        ("Train five new stewards", "", date(2026, 3, 10), "open"),
        ("Press release on the eviction", "our media team", date(2026, 3, 17), "open"),
        ("Share the toolkit with the tenants union", "", date(2026, 4, 3), "open"),  # typed "me"
        ("Hold a community assembly", "Assembly working group", date(2026, 6, 3), "open"),
        ("Report back to the network", "", date(2026, 5, 1), "open"),
        ("Start the phone tree tonight", "", TODAY, "open"),
    ]
    assert all(r.created_at == app.deps.clock.now() and r.closed_at is None for r in rows)
    # Soonest first, numbered; the buttons open them in the same order.
    assert chat.text == "\n\n".join((
        chat.t("en", "plan-added"), chat.t("en", "plan-title"),
        line(chat, 1, "Start the phone tree tonight", ME, "3 Mar 2026"),
        line(chat, 2, "Train five new stewards", ME, "10 Mar 2026"),
        line(chat, 3, "Press release on the eviction", "our media team", "17 Mar 2026"),
        line(chat, 4, "Share the toolkit with the tenants union", ME, "3 Apr 2026"),
        line(chat, 5, "Report back to the network", ME, "1 May 2026"),
        line(chat, 6, "Hold a community assembly", "Assembly working group", "3 Jun 2026")))
    assert chat.labels() == [
        "1. Start the phone tree tonight", "2. Train five new stewards",
        "3. Press release on the eviction", "4. Share the toolkit with the tena…",
        "5. Report back to the network", "6. Hold a community assembly",
        chat.t("en", "plan-add")]
    assert await step_of(app, chat.user_id) == ("pl:view", {})


async def test_cancel_while_writing_keeps_nothing(app: App, admin: ChatDriver) -> None:
    chat = await member(app, admin)
    await chat.send("/plan")
    await chat.press(chat.t("en", "plan-add"))
    await chat.send("Something half thought through")
    await chat.press(chat.t("en", "plan-cancel"))
    assert chat.text == "\n\n".join((chat.t("en", "plan-title"), chat.t("en", "plan-empty")))
    assert await stored(app) == []
    assert await step_of(app, chat.user_id) == ("pl:view", {})


# -- one commitment: edit, done, drop ---------------------------------------------------------
async def test_edit_each_field_then_done_and_drop(app: App, admin: ChatDriver,
                                                  clock: FakeClock) -> None:
    chat = await member(app, admin)
    await chat.send("/plan")
    await write(chat, "Train five new stewards", None, chat.t("en", "plan-in-1w"))
    await write(chat, "Map the landlords", "research team", chat.t("en", "plan-in-2w"))
    await chat.press("1. Train five new stewards")
    item = chat.t("en", "plan-item", what="Train five new stewards", who=ME, due="10 Mar 2026")
    assert chat.text == item
    assert chat.labels() == [chat.t("en", key) for key in (
        "plan-done", "plan-edit-what", "plan-edit-who", "plan-edit-due", "plan-drop",
        "plan-back")]

    await chat.press(chat.t("en", "plan-edit-what"))
    assert chat.text == chat.t("en", "plan-change-what", now="Train five new stewards", max=300)
    await chat.send("Train eight new stewards")
    assert chat.text == "\n\n".join((chat.t("en", "plan-saved"), chat.t(
        "en", "plan-item", what="Train eight new stewards", who=ME, due="10 Mar 2026")))

    await chat.press(chat.t("en", "plan-edit-who"))
    assert chat.text == chat.t("en", "plan-change-who", now=ME, max=80)
    await chat.send("the stewards' committee")
    assert "Who: the stewards' committee" in chat.text
    await chat.press(chat.t("en", "plan-edit-who"))
    await chat.press(chat.t("en", "plan-me"))
    assert f"Who: {ME}" in chat.text and chat.last.replies[0].edit

    await chat.press(chat.t("en", "plan-edit-due"))
    assert chat.text == chat.t("en", "plan-change-due", now="10 Mar 2026", example="2026-03-17")
    await chat.press(chat.t("en", "plan-in-3m"))
    assert "By: 3 Jun 2026" in chat.text
    await chat.press(chat.t("en", "plan-edit-due"))
    await chat.send("2026-04-20")
    assert "By: 20 Apr 2026" in chat.text
    # « Back from a field leaves it as it was.
    await chat.press(chat.t("en", "plan-edit-what"))
    await chat.press(chat.t("en", "plan-back"))
    assert chat.text == chat.t("en", "plan-item", what="Train eight new stewards", who=ME,
                               due="20 Apr 2026")
    [first, second] = await stored(app)
    assert (first.what, first.who, first.due_on) == ("Train eight new stewards", "",
                                                     date(2026, 4, 20))
    assert first.updated_at == clock.now()

    # Three weeks on, the landlord map is late; the stewards are done.
    clock.advance(timedelta(days=21))
    await chat.press(chat.t("en", "plan-back"))
    assert line(chat, 1, "Map the landlords", "research team",
                chat.t("en", "plan-due-late", date="17 Mar 2026")) in chat.text
    await chat.press("2. Train eight")
    outcome = await chat.press(chat.t("en", "plan-done"))
    assert outcome.toast == chat.t("en", "plan-marked-done")
    assert chat.text == "\n\n".join((
        chat.t("en", "plan-title"),
        line(chat, 1, "Map the landlords", "research team",
             chat.t("en", "plan-due-late", date="17 Mar 2026")),
        chat.t("en", "plan-closed", done=1, dropped=0)))
    await chat.press("1. Map the landlords")
    outcome = await chat.press(chat.t("en", "plan-drop"))
    assert outcome.toast == chat.t("en", "plan-marked-dropped")
    assert chat.text == "\n\n".join((chat.t("en", "plan-title"), chat.t("en", "plan-empty"),
                                     chat.t("en", "plan-closed", done=1, dropped=1)))
    [first, second] = await stored(app)
    assert (first.status, first.closed_at) == ("done", clock.now())
    assert (second.status, second.closed_at) == ("dropped", clock.now())


# -- consent -----------------------------------------------------------------------------------
async def test_without_consent_nothing_is_shown_or_kept(app: App, admin: ChatDriver) -> None:
    chat = await member(app, admin, consents="nyyy")
    await chat.send("/plan")
    assert chat.texts == [chat.t("en", "plan-no-consent")]
    assert chat.labels() == [chat.t("en", "menu-consent")]
    assert await step_of(app, chat.user_id) == ("menu", {})
    outcome = await chat.press_data(buttons.data("plan"))  # the exchange-ended message's
    assert chat.texts == [chat.t("en", "plan-no-consent")] and outcome.replies[0].edit
    await chat.press(chat.t("en", "menu-consent"))  # one tap to change it
    assert chat.t("en", "consent-overview-title") in chat.text
    await chat.press_data("1:pla")
    assert await stored(app) == []


async def test_consent_withdrawn_hides_the_plan_and_stops_a_draft(app: App,
                                                                 admin: ChatDriver) -> None:
    chat = await member(app, admin)
    await chat.send("/plan")
    await write(chat, "Train five new stewards", None, chat.t("en", "plan-in-1w"))
    await chat.press(chat.t("en", "plan-add"))
    await chat.send("A second one, half written")
    # At the "who" question, they withdraw the consent.
    await chat.send("/consent")
    await chat.press(chat.t("en", "consent-withdraw", question=chat.t(
        "en", "consent-progress-short")))
    await chat.send("our media team")
    assert chat.texts == [chat.t("en", "plan-no-consent")]
    assert await step_of(app, chat.user_id) == ("menu", {})  # the draft is forgotten
    await chat.send("/plan")
    assert chat.texts == [chat.t("en", "plan-no-consent")]
    assert "Train five new stewards" not in chat.text
    assert [r.what for r in await stored(app)] == []  # withdrawing the consent deleted it


# -- bad input ---------------------------------------------------------------------------------
async def test_bad_input_is_refused_and_loses_nothing(app: App, admin: ChatDriver) -> None:
    chat = await member(app, admin)
    await chat.send("/plan")
    await chat.press(chat.t("en", "plan-add"))
    ask_what = chat.t("en", "plan-ask-what", max=300)
    for text in ("   ", "ab"):
        await chat.send(text)
        assert chat.texts == [chat.t("en", "plan-what-short", min=3) + "\n\n" + ask_what]
    await chat.send("x" * 301)
    assert chat.texts == [chat.t("en", "plan-what-long", length=301, max=300) + "\n\n"
                          + ask_what]
    await chat.send("x" * 10_000)  # more than Telegram carries: refused unread
    assert chat.texts == [chat.t("en", "text-too-long"), ask_what]
    await chat.send_kind(Kind.OTHER, "sticker")
    assert chat.texts == [chat.t("en", "media-not-read"), ask_what]
    assert all(len(r.text) <= MAX_TEXT for r in chat.last.replies)
    await chat.send("y" * 300)  # exactly the limit is fine

    ask_who = chat.t("en", "plan-ask-who", max=80)
    await chat.send("z" * 81)
    assert chat.texts == [chat.t("en", "plan-who-long", length=81, max=80) + "\n\n" + ask_who]
    await chat.send_kind(Kind.OTHER, "sticker")
    assert chat.texts == [chat.t("en", "media-not-read"), ask_who]
    await chat.send("  the   legal\nteam ")  # one line, spaces tidied

    ask_due = chat.t("en", "plan-ask-due", example="2026-03-17")
    cases = {
        "next friday": chat.t("en", "plan-due-bad", example="2026-03-17"),
        "2026-02-30": chat.t("en", "plan-due-bad", example="2026-03-17"),
        "2026-13-01": chat.t("en", "plan-due-bad", example="2026-03-17"),
        "03/04/2026": chat.t("en", "plan-due-bad", example="2026-03-17"),
        "2026-03-02": chat.t("en", "plan-due-past", today="3 Mar 2026"),  # still today in UTC
        "2028-03-04": chat.t("en", "plan-due-far", latest="3 Mar 2028"),
    }
    for text, answer in cases.items():
        await chat.send(text)
        assert chat.texts == [answer + "\n\n" + ask_due], text
    await chat.send("x" * 201)
    assert chat.texts == [chat.t("en", "text-too-long"), ask_due]
    assert await stored(app) == []
    await chat.send("2028-03-03")  # two years to the day is the furthest
    [row] = await stored(app)
    assert (row.what, row.who, row.due_on) == ("y" * 300, "the legal team", date(2028, 3, 3))


def test_dates() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert add_months(date(2026, 11, 15), 3) == date(2027, 2, 15)
    assert add_months(date(2028, 2, 29), 24) == date(2030, 2, 28)
    assert parse_date(" 2026-3-9 ") == date(2026, 3, 9)
    assert parse_date("2026/03/09") == date(2026, 3, 9)
    assert parse_date("٢٠٢٦-٠٣-٠٩") == date(2026, 3, 9)  # as typed on Arabic keyboards
    for text in ("2026-02-29", "9-3-2026", "20260309", "2026-03-09 12:00", "", "soon"):
        assert parse_date(text) is None, text


# -- forged and stale buttons ------------------------------------------------------------------
async def test_forged_buttons_change_nothing(app: App, admin: ChatDriver) -> None:
    chat = await member(app, admin)
    other = await member(app, admin, 7002)
    await other.send("/plan")
    await write(other, "Someone else's commitment", None, other.t("en", "plan-in-1w"))
    await chat.send("/plan")
    await write(chat, "My own commitment", None, chat.t("en", "plan-in-1w"))
    [theirs] = await stored(app, other.user_id)
    [mine] = await stored(app, chat.user_id)
    plan_text = chat.text
    for data in (f"1:plo:{theirs.id}", f"1:pls:{theirs.id}:d", f"1:pls:{theirs.id}:x",
                 "1:plo:abc", "1:plo:", "1:plo:-1", "1:plo:²", "1:plo:99999999999999999999",
                 f"1:plo:{mine.id}:x", "1:plo", f"1:pls:{mine.id}", f"1:pls:{mine.id}:z",
                 "1:pls:0:d", "1:pld:5y", "1:pld", "1:plm:x", "1:pla:x", "1:plx:1",
                 "1:plan:x", "1:plq", "2:plo:1"):
        outcome = await chat.press_data(data)
        assert outcome.toast == chat.t("en", "button-unknown"), data
        assert chat.text == plan_text.removeprefix(chat.t("en", "plan-added") + "\n\n"), data
    # At the commitment itself, someone else's id is still refused.
    await chat.press("1. My own commitment")
    outcome = await chat.press_data(f"1:pls:{theirs.id}:d")
    assert outcome.toast == chat.t("en", "button-unknown")
    assert [(r.what, r.status) for r in await stored(app)] == [
        ("Someone else's commitment", "open"), ("My own commitment", "open")]


async def test_stale_presses_change_nothing(app: App, admin: ChatDriver) -> None:
    chat = await member(app, admin)
    await chat.send("/plan")
    await write(chat, "Train five new stewards", None, chat.t("en", "plan-in-1w"))
    [row] = await stored(app)
    stale = chat.t("en", "button-stale")
    menu = chat.t("en", "menu-title")
    # The commitment, opened; then back to the plan: its Done button is from the past.
    await chat.press("1. Train five")
    item_message, done = chat.find(chat.t("en", "plan-done"))
    await chat.press(chat.t("en", "plan-back"))
    await chat.send("/plan")
    assert (await chat.press_data(done.data, item_message)).toast == stale
    # A draft left at "by when" for the menu: its buttons no longer act.
    await chat.press(chat.t("en", "plan-add"))
    await chat.send("Hold a community assembly")
    _, me = chat.find(chat.t("en", "plan-me"))
    await chat.press(chat.t("en", "plan-me"))
    due_message, week = chat.find(chat.t("en", "plan-in-1w"))
    _, cancel = chat.find(chat.t("en", "plan-cancel"))
    await chat.send("/menu")
    # (The "who" question became the "by when" one: its "Me", pressed again there, would be
    # a double tap; from another message it is stale.)
    for message, data in ((due_message, week.data), (1, me.data),
                          (due_message, cancel.data), (1, "1:pla"), (1, f"1:plo:{row.id}"),
                          (item_message, f"1:pls:{row.id}:w")):
        outcome = await chat.press_data(data, message)
        assert outcome.toast == stale, data
        assert chat.texts == [menu], data
    assert [(r.what, r.status) for r in await stored(app)] == [
        ("Train five new stewards", "open")]
    # A second tap on the very same Done button is a double tap, not a second change.
    await chat.send("/plan")
    await chat.press(chat.t("en", "plan-cancel"))  # /plan resumed the draft: leave it
    await chat.press("1. Train five")
    await chat.press(chat.t("en", "plan-done"))
    again = await chat.press_data(f"1:pls:{row.id}:d", chat.message_id)
    assert again.toast == chat.t("en", "button-already-done")


# -- coming back -------------------------------------------------------------------------------
async def test_a_draft_resumes_after_the_menu(app: App, admin: ChatDriver) -> None:
    chat = await member(app, admin)
    await chat.send("/plan")
    await chat.press(chat.t("en", "plan-add"))
    await chat.send("Hold a community assembly")
    await chat.send("/menu")
    assert chat.texts == [chat.t("en", "menu-title")]
    await chat.send("/plan")
    assert chat.texts == [chat.t("en", "plan-ask-who", max=80)]
    await chat.send("/start")  # the usual way back lands there too
    assert chat.texts == [chat.t("en", "welcome-back"), chat.t("en", "plan-ask-who", max=80)]
    await chat.send("/help")
    assert chat.texts[1] == chat.t("en", "plan-ask-who", max=80)
    await chat.press(chat.t("en", "plan-me"))
    await chat.send("/menu")
    outcome = await chat.press_data(buttons.data("plan"), message_id=1)  # from anywhere
    assert outcome.replies[0].edit
    assert chat.text == chat.t("en", "plan-ask-due", example="2026-03-17")
    await chat.press(chat.t("en", "plan-in-2w"))
    [row] = await stored(app)
    assert (row.what, row.who, row.due_on) == ("Hold a community assembly", "",
                                               date(2026, 3, 17))
    # Changing a field resumes the same way, and the plan itself when nothing is pending.
    await chat.press("1. Hold")
    await chat.press(chat.t("en", "plan-edit-who"))
    await chat.send("/menu")
    await chat.send("/plan")
    assert chat.text == chat.t("en", "plan-change-who", now=ME, max=80)
    await chat.send("Assembly working group")
    assert "Who: Assembly working group" in chat.text
    await chat.send("/menu")
    await chat.send("/plan")
    assert chat.text.startswith(chat.t("en", "plan-title"))


async def test_the_plan_button_opens_it(app: App, admin: ChatDriver) -> None:
    chat = await member(app, admin)
    outcome = await chat.press_data(buttons.data("plan"), message_id=1)
    assert outcome.replies[0].edit
    assert chat.text == "\n\n".join((chat.t("en", "plan-title"), chat.t("en", "plan-empty")))
    await chat.press(chat.t("en", "plan-add"))
    assert chat.text == chat.t("en", "plan-ask-what", max=300)


async def test_staff_may_write_one_and_the_unfinished_are_sent_to_finish(
        app: App, admin: ChatDriver) -> None:
    facilitator = await member(app, admin, 7003, role="facilitator")
    await facilitator.send("/plan")
    await write(facilitator, "Rotate facilitation to Amina", None,
                facilitator.t("en", "plan-in-1m"))
    assert [r.due_on for r in await stored(app, 7003)] == [date(2026, 4, 3)]
    # Someone still choosing a language.
    newcomer = ChatDriver(app, user_id=7004)
    await newcomer.send(f"/start {await invite_code(admin, await new_exchange(admin, 'Late'))}")
    question = newcomer.text
    await newcomer.send("/plan")
    assert newcomer.texts == [newcomer.t("en", "menu-finish-setup"), question]
    assert (await newcomer.press_data(buttons.data("plan"))).replies[0].text == \
        newcomer.t("en", "menu-finish-setup")


async def test_a_full_plan_fits_one_message(app: App, admin: ChatDriver) -> None:
    chat = await member(app, admin)
    await chat.send("/language")
    await chat.press("Français")
    async with app.sessions() as session:
        person = await session.scalar(select(Participant).where(
            Participant.telegram_id == chat.user_id))
        assert person is not None
        for n in range(MAX_OPEN):
            await commitments.add(session, person.id, what=f"{n} " + "é" * 298,
                                  who="w" * 80, due_on=TODAY - timedelta(days=n),
                                  now=app.deps.clock.now())
        await session.commit()
    await chat.send("/plan")
    [reply] = chat.last.replies
    assert len(reply.text) <= MAX_TEXT
    assert reply.text.startswith(chat.t("fr", "plan-title"))
    assert chat.t("fr", "plan-add") not in chat.labels()  # the most that fits
    assert len(chat.labels()) == MAX_OPEN
    outcome = await chat.press_data("1:pla")  # from an older view
    assert outcome.toast == chat.t("fr", "plan-full", max=MAX_OPEN)
    assert len(await stored(app)) == MAX_OPEN


# -- the repository, as check-ins use it -------------------------------------------------------
async def test_repository(app: App, admin: ChatDriver) -> None:
    chat = await member(app, admin)
    other = await member(app, admin, 7002)
    now = app.deps.clock.now()
    async with app.sessions() as session:
        people = {p.telegram_id: p.id for p in await session.scalars(select(Participant))}
        mine, theirs = people[chat.user_id], people[other.user_id]
        late = await commitments.add(session, mine, what="late", who="", due_on=TODAY,
                                     now=now)
        soon = await commitments.add(session, mine, what="soon", who="team", due_on=TODAY,
                                     now=now)
        early = await commitments.add(session, mine, what="early", who="",
                                      due_on=TODAY - timedelta(days=1), now=now)
        await commitments.add(session, theirs, what="not mine", who="", due_on=TODAY, now=now)
        commitments.set_status(early, commitments.DONE, now=now)
        await session.commit()
        assert [c.what for c in await commitments.open_for(session, mine)] == ["late", "soon"]
        assert [c.what for c in await commitments.all_for(session, mine)] == [
            "late", "soon", "early"]
        assert await commitments.status_counts(session, mine) == {"open": 2, "done": 1}
        found = await commitments.owned(session, mine, soon.id)
        assert found is not None and found.who == "team"
        assert await commitments.owned(session, theirs, soon.id) is None
        commitments.update(late, what="later", due_on=TODAY + timedelta(days=9), now=now)
        commitments.set_status(early, commitments.OPEN, now=now)
        assert (late.what, late.who, early.closed_at) == ("later", "", None)
        with pytest.raises(ValueError, match="unknown"):
            commitments.set_status(early, "paused", now=now)
