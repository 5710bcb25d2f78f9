"""Incident reports and stories through the core model: who is told, what an anonymous report
keeps (nothing linking it to the reporter), acknowledging and handling, stories under the
sharing consent, withdrawal, and bad input."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from bot.app import App
from storage.models import Incident, OutboxMessage, Story
from tests.chat_driver import ChatDriver
from tests.cohort_helpers import invite_code, join, new_exchange
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
    await safety.send("/incidents")
    assert "#1" in safety.text
    await safety.press_data(handled[1], 601)
    [stored] = await incidents(app)
    assert stored.status == "handled" and stored.handled_at is not None
    await safety.send("/incidents")
    assert safety.texts == [safety.t("en", "incidents-none")]


async def test_without_safety_contacts_the_coordinators_are_told(app: App,
                                                                admin: ChatDriver) -> None:
    lima = await new_exchange(admin)
    person = await join(app, await invite_code(admin, lima), 4403)
    coordinator = await join(app, await invite_code(admin, lima), 4404)
    await admin.send("/role 4404 coordinator")
    await report(person, anonymous=True)
    assert [n.chat_id for n in await notices(app)] == [coordinator.user_id]


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
