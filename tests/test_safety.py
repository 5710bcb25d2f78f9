"""Incident reports and stories through the core model: who is told, what an anonymous report
keeps (nothing linking it to the reporter), acknowledging and handling, stories under the
sharing consent, withdrawal, and bad input."""

from __future__ import annotations

import logging
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from bot.app import App
from bot.clock import FakeClock
from scheduler.jobs import route_incidents
from storage.models import (
    AuditEntry,
    Cohort,
    Exchange,
    Incident,
    OutboxMessage,
    Participant,
    Story,
)
from tests.chat_driver import ChatDriver
from tests.cohort_helpers import invite_code, join, new_exchange, seed_cohort
from tests.conftest import ADMIN_ID, START
from tests.test_onboarding import participant


@pytest.fixture
def app(db_app: App) -> App:
    """Every test here on SQLite and on PostgreSQL: these flows' queries differ by database."""
    return db_app

WHAT = "A man photographed our banner team and followed two of us to the bus stop"


async def report(person: ChatDriver, *, anonymous: bool, where: str | None = "Lima centre"
                 ) -> None:
    await person.send("/incident")
    await person.send(WHAT)
    await person.press(person.t("en", "incident-when-yesterday"))
    if where:
        await person.send(where)
    else:
        await person.press(person.t("en", "incident-skip"))
    await person.press(person.t("en", "incident-severity-high"))
    await person.press(person.t("en", "incident-anonymous" if anonymous else "incident-named"))
    assert WHAT in person.text  # checked before sending
    await person.press(person.t("en", "incident-send"))


async def setup(app: App, admin: ChatDriver) -> tuple[ChatDriver, ChatDriver]:
    lima = await new_exchange(admin)
    safety = await join(app, await invite_code(admin, lima), 4401)
    await admin.send("/role 4401 safety")
    person = await join(app, await invite_code(admin, lima), 4402)
    return safety, person


async def incidents(app: App) -> list[Incident]:
    async with app.sessions() as session:
        return list(await session.scalars(select(Incident)))


async def notices(app: App) -> list[OutboxMessage]:
    async with app.sessions() as session:
        return list(await session.scalars(select(OutboxMessage).where(
            OutboxMessage.key.startswith("incident:"))))


async def test_an_anonymous_report_reaches_the_safety_contact_unlinked(
        app: App, admin: ChatDriver) -> None:
    safety, person = await setup(app, admin)
    await report(person, anonymous=True)
    assert person.text == person.t("en", "incident-sent", id=1, count=1)
    [stored] = await incidents(app)
    assert stored.reporter_id is None and stored.what == WHAT and stored.severity == "high"
    assert (stored.created_at.hour, stored.created_at.minute) == (0, 0)  # the day only
    [notice] = await notices(app)
    assert notice.chat_id == safety.user_id and WHAT in notice.text
    assert "tg://user" not in notice.text and str(person.user_id) not in notice.text
    # The draft is gone from the reporter's record.
    assert "in" not in (await participant(app, person.user_id)).step_data


async def test_a_named_report_links_to_the_reporter_and_is_handled(
        app: App, admin: ChatDriver) -> None:
    safety, person = await setup(app, admin)
    await report(person, anonymous=False, where=None)
    [stored] = await incidents(app)
    assert stored.reporter_id is not None and stored.place is None
    [notice] = await notices(app)
    assert f"tg://user?id={person.user_id}" in notice.text and notice.html
    ack, handled = notice.buttons[0]
    await person.press_data(ack[1], 600)  # not a safety contact: refused
    assert person.texts == [person.t("en", "staff-only")]
    await safety.press_data(ack[1], 601)
    assert safety.last.toast == safety.t("en", "incident-status", id=1,
                                         status=safety.t("en", "incident-status-acknowledged"))
    assert await reporter_notices(app, person) == [
        person.t("en", "incident-reporter-acknowledged", id=1)]
    await safety.press_data(handled[1], 601)
    [stored] = await incidents(app)
    assert stored.status == "handled" and stored.handled_at is not None
    assert (await reporter_notices(app, person))[-1] == person.t(
        "en", "incident-reporter-handled", id=1)


async def reporter_notices(app: App, person: ChatDriver) -> list[str]:
    async with app.sessions() as session:
        return list(await session.scalars(select(OutboxMessage.text).where(
            OutboxMessage.chat_id == person.user_id).order_by(OutboxMessage.id)))


async def test_the_desk_lists_open_reports_first_and_opens_each(app: App,
                                                                admin: ChatDriver) -> None:
    safety, person = await setup(app, admin)
    await report(person, anonymous=True)
    await report(person, anonymous=False)
    await safety.press_data("1:inc:1:h", 700)  # the first is handled already
    await safety.send("/incidents")
    rows = safety.labels()
    assert [row.split(" · ")[0] for row in rows] == ["#2", "#1"]  # open first
    assert safety.t("en", "incident-status-handled") in rows[1]
    await safety.press("#2")
    details = safety.text
    assert WHAT in details and "Lima centre" in details and f"tg://user?id={person.user_id}" \
        in details
    assert safety.labels() == [safety.t("en", "incident-ack"), safety.t("en", "incident-handled"),
                               safety.t("en", "incident-note"), safety.t("en", "incident-back")]
    await safety.press(safety.t("en", "incident-ack"))
    assert safety.t("en", "incident-status-acknowledged") in safety.text
    assert safety.labels()[0] == safety.t("en", "incident-handled")  # acknowledged once
    await safety.press(safety.t("en", "incident-note"))
    await safety.send("Called her; lawyer informed, meeting tomorrow")
    assert safety.texts[0] == safety.t("en", "incident-note-saved")
    assert "lawyer informed" in safety.text
    # The anonymous one opens without anything of its reporter; nobody else may open either.
    await safety.send("/incidents")
    await safety.press("#1")
    assert safety.t("en", "incident-by-anonymous") in safety.text and "tg://" not in safety.text
    await person.press_data("1:ind:2", 50)
    assert person.texts == [person.t("en", "staff-only")]
    async with app.sessions() as session:
        note = await session.scalar(select(Incident.note).where(Incident.id == 2))
    assert note == "Called her; lawyer informed, meeting tomorrow"


async def test_without_safety_contacts_the_coordinators_are_told(app: App,
                                                                admin: ChatDriver) -> None:
    lima = await new_exchange(admin)
    person = await join(app, await invite_code(admin, lima), 4403)
    coordinator = await join(app, await invite_code(admin, lima), 4404)
    await admin.send("/role 4404 coordinator")
    await report(person, anonymous=True)
    # The exchange's coordinators: the one of its cohort, and the administrator who made it.
    assert sorted(n.chat_id for n in await notices(app)) == [coordinator.user_id,
                                                              admin.user_id]


async def test_an_administrator_who_only_made_the_exchange_is_reached(
        app: App, admin: ChatDriver) -> None:
    lima = await new_exchange(admin)
    person = await join(app, await invite_code(admin, lima), 4405)
    await report(person, anonymous=False)
    assert person.text == person.t("en", "incident-sent", id=1, count=1)
    [notice] = await notices(app)
    assert notice.chat_id == admin.user_id and WHAT in notice.text


async def test_nobody_reachable_is_said_plainly_and_delivered_when_someone_is(
        app: App, admin: ChatDriver) -> None:
    cohort_id = await seed_cohort(app.sessions, [4406], now=START)  # no staff wrote yet
    async with app.sessions() as session:
        await session.execute(update(Participant).where(Participant.telegram_id == 4406)
                              .values(onboarded_at=START, step="menu"))
        exchange = await session.scalar(select(Exchange).join(Cohort).where(
            Cohort.id == cohort_id))
        assert exchange is not None
        exchange.emergency_text = "Call the legal team: +51 1 555 0100"
        await session.commit()
    person = ChatDriver(app, user_id=4406)
    await report(person, anonymous=False)
    assert person.text == person.t("en", "incident-sent-nobody", id=1,
                                   emergency="Call the legal team: +51 1 555 0100")
    assert await notices(app) == []
    await admin.send("/cohorts")  # the first time an administrator writes: now reachable
    [notice] = await notices(app)
    assert notice.chat_id == admin.user_id and WHAT in notice.text
    assert await reporter_notices(app, person) == [
        person.t("en", "incident-reporter-delivered", id=1, count=1)]


async def test_an_unacknowledged_report_escalates_once_per_circle(
        app: App, admin: ChatDriver, clock: FakeClock) -> None:
    lima = await new_exchange(admin)
    safety = await join(app, await invite_code(admin, lima), 4407)
    await admin.send("/role 4407 safety")
    person = await join(app, await invite_code(admin, lima), 4408)
    other_admin = ChatDriver(app, user_id=ADMIN_ID + 1)
    app.deps.admin_ids = frozenset({ADMIN_ID, ADMIN_ID + 1})
    await other_admin.send("/cohorts")
    await report(person, anonymous=True)
    assert [n.chat_id for n in await notices(app)] == [safety.user_id]
    clock.advance(timedelta(minutes=119))
    assert await route_incidents(app) == 0
    clock.advance(timedelta(minutes=2))
    assert await route_incidents(app) == 1  # to the exchange's coordinators: its maker
    assert [n.chat_id for n in await notices(app)] == [safety.user_id, admin.user_id]
    escalated = (await notices(app))[-1].text
    assert escalated.startswith(admin.t("en", "incident-escalated", minutes=120))
    assert await route_incidents(app) == 0  # once per circle
    clock.advance(timedelta(minutes=121))
    assert await route_incidents(app) == 1  # every administrator
    assert [n.chat_id for n in await notices(app)][-1] == other_admin.user_id
    clock.advance(timedelta(minutes=121))
    assert await route_incidents(app) == 0  # nobody wider
    async with app.sessions() as session:
        audited = list(await session.scalars(select(AuditEntry.target).where(
            AuditEntry.action == "incident-escalate").order_by(AuditEntry.id)))
    assert audited == ["#1 circle 1", "#1 circle 2"]


async def test_an_acknowledged_report_does_not_escalate(app: App, admin: ChatDriver,
                                                        clock: FakeClock) -> None:
    safety, person = await setup(app, admin)
    await report(person, anonymous=True)
    [notice] = await notices(app)
    await safety.press_data(notice.buttons[0][0][1], 601)
    clock.advance(timedelta(hours=5))
    assert await route_incidents(app) == 0
    assert len(await notices(app)) == 1


async def test_staff_are_warned_while_no_safety_contact_serves_an_exchange(
        app: App, admin: ChatDriver, caplog: pytest.LogCaptureFixture) -> None:
    await admin.send("/newexchange Lima Exchange 2026-03-02 2026-03-06")
    coordinators = admin.t("en", "safety-fallback-coordinators")
    assert admin.t("en", "safety-warning-none", exchange="Lima Exchange",
                   fallback=coordinators) in admin.text
    await admin.send("Lawyers' hotline +51 1 555 0199, available day and night")
    assert admin.texts == [admin.t("en", "emergency-saved", exchange="Lima Exchange")]
    await admin.send("/stats lima-exchange")  # wrapped to a phone's width there
    assert " ".join(admin.t("en", "safety-warning-none", exchange="Lima Exchange",
                            fallback=coordinators).split()) in " ".join(admin.text.split())
    with caplog.at_level(logging.WARNING):
        await app.start()
    assert any("exchange_without_safety_contact" in r.getMessage() for r in caplog.records)
    await join(app, await invite_code(admin, "lima-exchange"), 4409)
    await admin.send("/role 4409 safety")
    await admin.send("/stats lima-exchange")
    assert admin.t("en", "safety-fallback-coordinators") not in admin.text
    async with app.sessions() as session:
        exchange = await session.scalar(select(Exchange))
    assert exchange is not None
    assert exchange.emergency_text == "Lawyers' hotline +51 1 555 0199, available day and night"


async def test_incident_bad_input(app: App, admin: ChatDriver) -> None:
    _, person = await setup(app, admin)
    await person.send("/incident")
    await person.send("too short")
    assert person.texts == [person.t("en", "incident-what-bad", length=9, max=2000)]
    await person.send("x" * 2001)
    assert person.texts == [person.t("en", "incident-what-bad", length=2001, max=2000)]
    await person.send(WHAT)
    await person.press_data("1:inw:tomorrow", person.message_id)
    assert person.last.toast == person.t("en", "button-unknown")
    await person.press(person.t("en", "incident-cancel"))
    assert person.text == person.t("en", "incident-cancelled")
    await person.press_data("1:ing", person.message_id - 1)  # an old "send": nothing to send
    assert await incidents(app) == []
    await person.press_data("1:inc:999:a", 3)
    assert person.last.toast == person.t("en", "button-unknown")


async def test_stories_follow_the_sharing_consent(app: App, admin: ChatDriver) -> None:
    lima = await new_exchange(admin)
    code = await invite_code(admin, lima)
    teller = await join(app, code, 4410)
    reader = await join(app, code, 4411)
    private = await join(app, code, 4412, consents="ynyy")
    await private.send("/story")
    assert private.texts == [private.t("en", "story-needs-consent")]
    await teller.send("/story")
    await teller.press(teller.t("en", "story-kind-win"))
    await teller.send("ok")
    assert teller.texts == [teller.t("en", "story-text-bad", length=2, max=1500)]
    await teller.send("We stopped an eviction with forty neighbours on the stairs")
    assert teller.texts == [teller.t("en", "story-shared")]
    await reader.send("/stories")
    assert "forty neighbours" in reader.text and str(teller.user_id) not in reader.text
    assert reader.labels() == []  # not theirs to withdraw
    await reader.press_data("1:sw:1", reader.message_id)
    assert reader.last.toast == reader.t("en", "button-unknown")
    await teller.send("/stories")
    await teller.press("Withdraw my story #1")
    assert teller.last.toast == teller.t("en", "story-withdrawn")
    await reader.send("/stories")
    assert reader.texts == [reader.t("en", "stories-none")]
    async with app.sessions() as session:
        assert list(await session.scalars(select(Story))) == []


async def test_a_story_needs_the_storage_consent_too(app: App, admin: ChatDriver) -> None:
    lima = await new_exchange(admin)
    sharer_only = await join(app, await invite_code(admin, lima), 4420, consents="nyyy")
    await sharer_only.send("/story")
    assert sharer_only.texts == [sharer_only.t("en", "story-needs-consent")]
    async with app.sessions() as session:
        assert list(await session.scalars(select(Story))) == []
