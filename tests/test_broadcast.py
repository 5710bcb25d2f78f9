"""Broadcasts through the core model on a real database: audience and segments, preview with
counts of who is skipped and why, confirmation into the outbox (one row per recipient, in
their language), formatting, reply buttons and their answers, scheduling, cancelling, and
every kind of bad input."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.app import App
from bot.clock import FakeClock
from handlers.typed_times import parse_when
from scheduler.jobs import release_scheduled_broadcasts
from storage import participants
from storage.models import Broadcast, BroadcastAnswer, OutboxMessage
from tests.chat_driver import ChatDriver
from tests.cohort_helpers import invite_code, join, new_exchange
from tests.conftest import START


@pytest.fixture
def app(db_app: App) -> App:
    """Every test here on SQLite and on PostgreSQL: these flows' queries differ by database."""
    return db_app


async def cohort_of_six(app: App, admin: ChatDriver) -> tuple[ChatDriver, list[ChatDriver]]:
    """A facilitator and five members: three reachable (one in Spanish, one in Europe),
    one who declined follow-ups, one who blocked the bot."""
    lima = await new_exchange(admin)
    facilitator = await join(app, await invite_code(admin, lima, "facilitator"), 8000)
    code = await invite_code(admin, lima)
    members = [
        await join(app, code, 8001),
        await join(app, code, 8002, lang="es"),
        await join(app, code, 8003, region="region-europe", city="Berlin"),
        await join(app, code, 8004, consents="yyny"),
        await join(app, code, 8005),
    ]
    async with app.sessions() as session:
        await participants.mark_blocked(session, 8005, START)
        await session.commit()
    return facilitator, members


async def rows(app: App) -> list[OutboxMessage]:
    async with app.sessions() as session:
        return list(await session.scalars(select(OutboxMessage).order_by(OutboxMessage.id)))


async def draft(sender: ChatDriver, text: str, audience: str = "Everyone",
                command: str = "/broadcast") -> None:
    await sender.send(command)
    await sender.press(audience)
    await sender.send(text)


async def test_broadcast_reaches_who_may_be_reached(app: App, admin: ChatDriver) -> None:
    facilitator, _ = await cohort_of_six(app, admin)
    await facilitator.send("/broadcast")
    assert facilitator.text == facilitator.t("en", "bc-audience", cohort="Lima Exchange",
                                             count=5)
    await facilitator.press("Everyone (5)")
    assert facilitator.text == facilitator.t("en", "bc-write", max=3000)
    await facilitator.send("Meet at <b>10:00</b> & bring water")
    preview = facilitator.text
    assert "Recipients: 3. Skipped: 1 without follow-up consent, 1 unreachable." in preview
    assert "Meet at <b>10:00</b> & bring water" in preview  # shown as typed: no formatting
    assert not facilitator.last.replies[0].html
    preview_id, _ = facilitator.find("✓ Send to 3")
    await facilitator.press("✓ Send to 3")
    assert facilitator.last.replies[0].edit  # the preview becomes the status message
    assert "sending 0/3" in facilitator.text
    assert "▱" * 10 in facilitator.text  # nothing has gone out: the bar is empty, not full
    queued = await rows(app)
    assert sorted(r.chat_id for r in queued) == [8001, 8002, 8003]
    assert {r.key for r in queued} == {f"bc:1:{r.participant_id}" for r in queued}
    by_chat = {r.chat_id: r.text for r in queued}
    assert by_chat[8001] == (facilitator.t("en", "bc-from", sender=facilitator.t(
        "en", "bc-from-staff")) + "\n\nMeet at <b>10:00</b> & bring water")
    assert by_chat[8002].startswith(facilitator.t("es", "bc-from", sender=facilitator.t(
        "es", "bc-from-staff")))
    assert all(not r.html and r.status == "pending" for r in queued)
    async with app.sessions() as session:
        item = await session.scalar(select(Broadcast))
    assert item is not None
    assert (item.total, item.skipped_consent, item.skipped_blocked) == (3, 1, 1)
    assert item.status_message_id == preview_id  # the dispatcher edits it with progress
    # A second tap on Send, or a tap on the old preview, sends nothing more.
    await facilitator.press_data("1:bcgo", facilitator.message_id)
    assert len(await rows(app)) == 3


async def test_segments_by_language_track_and_region(app: App, admin: ChatDriver) -> None:
    facilitator, _ = await cohort_of_six(app, admin)
    await facilitator.send("/broadcast")
    await facilitator.press(facilitator.t("en", "bc-by-language"))
    # Languages by the name their speakers know them by, never a code.
    english, spanish = facilitator.t("en", "language-name"), facilitator.t("es", "language-name")
    assert facilitator.labels()[:2] == [f"{english} (4)", f"{spanish} (1)"]
    await facilitator.press(f"{spanish} (1)")
    await facilitator.send("Hola")
    assert "Recipients: 1." in facilitator.text
    assert facilitator.t("en", "bc-segment", field=facilitator.t("en", "bc-by-language"),
                         value=spanish) in facilitator.text
    await facilitator.press(facilitator.t("en", "bc-change-audience"))
    await facilitator.press(facilitator.t("en", "bc-by-region"))
    europe = facilitator.t("en", "region-europe")
    assert f"{facilitator.t('en', 'region-africa')} (4)" in facilitator.labels()
    await facilitator.press(f"{europe} (1)")
    assert "Recipients: 1." in facilitator.text  # the text is kept while the audience changes
    await facilitator.press("Send to 1")
    assert [r.chat_id for r in await rows(app)] == [8003]
    await facilitator.send("/broadcasts")
    region = facilitator.t("en", "bc-segment", field=facilitator.t("en", "bc-by-region"),
                           value=europe)
    assert f"#1 · lima-exchange · {region}" in facilitator.text
    assert "europe" not in facilitator.text


async def test_empty_audience_is_said_and_cannot_be_sent(app: App, admin: ChatDriver) -> None:
    lima = await new_exchange(admin)
    facilitator = await join(app, await invite_code(admin, lima, "facilitator"), 8100)
    await join(app, await invite_code(admin, lima), 8101, consents="yyny")
    await draft(facilitator, "Anyone there?")
    assert facilitator.t("en", "bc-nobody") in facilitator.text
    assert not any("Send" in label for label in facilitator.labels())
    assert await rows(app) == []


async def test_bad_texts_are_refused_before_anything_is_queued(app: App,
                                                              admin: ChatDriver) -> None:
    facilitator, _ = await cohort_of_six(app, admin)
    await facilitator.send("/broadcast")
    await facilitator.press("Everyone")
    await facilitator.send("   ")
    assert facilitator.texts[0] == facilitator.t("en", "bc-empty")
    await facilitator.send("x" * 3001)
    assert facilitator.texts[0] == facilitator.t("en", "bc-too-long", length=3001, max=3000)
    await facilitator.send("x" * 10_000)
    assert facilitator.texts[0] == facilitator.t("en", "text-too-long")
    await facilitator.send("Fine now")
    assert "Recipients: 3." in facilitator.text
    await facilitator.press(facilitator.t("en", "bc-cancel"))
    assert facilitator.text == facilitator.t("en", "bc-cancelled")
    assert await rows(app) == []


async def test_formatting_is_checked_in_the_preview(app: App, admin: ChatDriver) -> None:
    facilitator, _ = await cohort_of_six(app, admin)
    await draft(facilitator, "<b>Bold & brave")
    await facilitator.press(facilitator.t("en", "bc-format-off"))
    assert "Formatting problem: & (write &amp;)" in facilitator.text
    assert not any("Send" in label for label in facilitator.labels())
    assert not facilitator.last.replies[0].html  # a broken text is not sent as HTML
    await facilitator.press(facilitator.t("en", "bc-edit-text"))
    await facilitator.send("<b>Bold &amp; brave</b>")
    assert facilitator.last.replies[0].html
    await facilitator.press("Send to 3")
    assert all(r.html and r.text.endswith("<b>Bold &amp; brave</b>") for r in await rows(app))


async def test_reply_buttons_collect_answers(app: App, admin: ChatDriver) -> None:
    facilitator, members = await cohort_of_six(app, admin)
    await draft(facilitator, "Coming to the debrief?")
    await facilitator.press(facilitator.t("en", "bc-options-add"))
    await facilitator.send("Yes")
    assert facilitator.texts == [facilitator.t("en", "bc-options-bad", max=4, length=24)]
    await facilitator.send("Yes | No | Not sure")
    assert "Reply buttons: Yes | No | Not sure" in facilitator.text
    await facilitator.press("Send to 3")
    queued = {r.chat_id: r for r in await rows(app)}
    yes_data = queued[8001].buttons[0][0][1]
    first, spanish, declined = members[0], members[1], members[3]
    await first.press_data(yes_data, 500)
    assert first.last.toast == first.t("en", "bc-answer-thanks", answer="Yes")
    assert first.labels() == ["✓ Yes", "No", "Not sure"]
    await first.press_data(queued[8001].buttons[1][0][1], 500)  # changes their mind
    await spanish.press_data(queued[8002].buttons[0][0][1], 501)
    await declined.press_data(yes_data, 502)  # was never sent this prompt: forged
    assert declined.last.toast == declined.t("en", "button-unknown")
    await first.press_data("1:ba:1:7", 503)  # no such option
    assert first.last.toast == first.t("en", "button-unknown")
    async with app.sessions() as session:
        answers = list(await session.scalars(select(BroadcastAnswer)))
    assert sorted((a.participant_id, a.option) for a in answers) == [
        (queued[8001].participant_id, 1), (queued[8002].participant_id, 0)]
    await facilitator.send("/broadcasts")
    assert "Answers: Yes 1 · No 1 · Not sure 0" in facilitator.text


async def test_scheduled_prompt_goes_out_once_at_its_time(app: App, admin: ChatDriver,
                                                          clock: FakeClock) -> None:
    facilitator, _ = await cohort_of_six(app, admin)  # in Nairobi: UTC+3
    await draft(facilitator, "Reflection time", command="/schedule")
    # The example is a time to come: tomorrow evening where the sender is.
    example = "2026-03-03 18:00"
    assert facilitator.texts[-1] == facilitator.t("en", "bc-when", zone="Africa/Nairobi",
                                                  example=example)
    await facilitator.send("yesterday")
    assert facilitator.texts[0] == facilitator.t("en", "bc-when-bad", example=example)
    await facilitator.send("2020-01-01 10:00")
    assert facilitator.texts[0] == facilitator.t("en", "bc-when-range")
    await facilitator.send("18:00")  # START is 09:00 UTC = 12:00 in Nairobi
    assert "2 Mar 2026, 6:00\u202fpm (Africa/Nairobi)" in facilitator.text
    await facilitator.press("Schedule for 3")
    assert await rows(app) == []
    clock.advance(timedelta(hours=5, minutes=59))
    assert await release_scheduled_broadcasts(app) == 0
    clock.advance(timedelta(minutes=1))  # 15:00 UTC = 18:00 in Nairobi
    assert await release_scheduled_broadcasts(app) == 1
    assert await release_scheduled_broadcasts(app) == 0
    assert len(await rows(app)) == 3
    await facilitator.send("/broadcasts")
    assert "delivered 0/3 · pending 3" in facilitator.text


async def test_scheduled_prompt_can_be_cancelled(app: App, admin: ChatDriver,
                                                 clock: FakeClock) -> None:
    facilitator, _ = await cohort_of_six(app, admin)
    await draft(facilitator, "Later", command="/schedule")
    await facilitator.send("in 2h")
    await facilitator.press("Schedule for 3")
    await facilitator.send("/broadcasts")
    when = "2 Mar 2026, 2:00\u202fpm (Africa/Nairobi)"  # as dates are written in English
    assert facilitator.t("en", "bc-line-scheduled", when=when) in facilitator.text
    await facilitator.press("Cancel #1")  # asks first; nothing is cancelled yet
    assert facilitator.text == facilitator.t(
        "en", "bc-cancel-ask", id=1, cohort="Lima Exchange", when=when,
        segment=facilitator.t("en", "bc-segment-all"))
    await facilitator.press(facilitator.t("en", "bc-cancel-keep"))
    assert facilitator.text == facilitator.t("en", "bc-cancel-kept", id=1, when=when)
    await facilitator.send("/broadcasts")
    assert facilitator.t("en", "bc-line-scheduled", when=when) in facilitator.text
    await facilitator.press("Cancel #1")
    await facilitator.press(facilitator.t("en", "bc-cancel-yes", id=1))
    assert facilitator.last.toast == facilitator.t("en", "bc-cancelled-scheduled", id=1)
    assert facilitator.text == facilitator.t("en", "bc-cancelled-scheduled", id=1)
    await facilitator.press_data("1:bcdy:1", 999)  # again: already cancelled
    assert facilitator.last.toast == facilitator.t("en", "button-stale")
    await facilitator.press_data("1:bcdel:1", 999)
    assert facilitator.last.toast == facilitator.t("en", "button-stale")
    clock.advance(timedelta(hours=3))
    assert await release_scheduled_broadcasts(app) == 0
    assert await rows(app) == []


async def test_coordinator_picks_a_cohort_without_having_one(app: App,
                                                           admin: ChatDriver) -> None:
    await cohort_of_six(app, admin)
    await admin.send("/broadcast")
    assert admin.text == admin.t("en", "bc-pick-cohort")
    await admin.press("Lima Exchange")
    await admin.press("Everyone (6)")  # the facilitator too: the coordinator is not in it
    await admin.send("From the coordinators")
    await admin.press("Send to 4")
    assert sorted(r.chat_id for r in await rows(app)) == [8000, 8001, 8002, 8003]


async def test_a_facilitator_demoted_mid_draft_cannot_send(app: App, admin: ChatDriver) -> None:
    facilitator, _ = await cohort_of_six(app, admin)
    await draft(facilitator, "Hello")
    await admin.send("/role 8000 participant")
    await facilitator.press("Send to 3")
    assert facilitator.texts == [facilitator.t("en", "not-your-cohort")]
    assert await rows(app) == []


def test_times_are_read_in_the_senders_zone() -> None:
    from zoneinfo import ZoneInfo

    zone = ZoneInfo("America/Bogota")  # UTC-5
    assert parse_when("in 90m", START, zone) == START + timedelta(minutes=90)
    assert parse_when("in 3d", START, zone) == START + timedelta(days=3)
    assert parse_when("05:00", START, zone) == START + timedelta(hours=1)  # 04:00 local now
    assert parse_when("03:30", START, zone) == START + timedelta(hours=23, minutes=30)
    assert parse_when("2026-03-10 08:15", START, zone) == START.replace(day=10, hour=13,
                                                                        minute=15)
    for bad in ("25:00", "soon", "2026-02-30 10:00", "in 2 weeks"):
        assert parse_when(bad, START, zone) is None, bad
    # 02:30 never comes in Madrid on 29 March 2026 (clocks go from 02:00 to 03:00).
    assert parse_when("2026-03-29 02:30", START, ZoneInfo("Europe/Madrid")) is None


async def test_one_recipient_starts_with_an_empty_bar(app: App, admin: ChatDriver) -> None:
    lima = await new_exchange(admin)
    facilitator = await join(app, await invite_code(admin, lima, "facilitator"), 8200)
    await join(app, await invite_code(admin, lima), 8201)
    await draft(facilitator, "Just you")
    await facilitator.press("Send to 1")
    assert "sending 0/1" in facilitator.text
    assert "▱" * 10 in facilitator.text and "▰" not in facilitator.text


async def test_the_schedule_example_is_tomorrow_where_the_sender_is(
        app: App, admin: ChatDriver, clock: FakeClock) -> None:
    lima = await new_exchange(admin)
    sydney = await join(app, await invite_code(admin, lima, "facilitator"), 8300,
                        region="region-asia_pacific", city="Sydney")
    await join(app, await invite_code(admin, lima), 8301)
    clock.advance(timedelta(hours=11))  # 20:00 UTC on 2 March: 07:00 on 3 March in Sydney
    await draft(sydney, "Good morning", command="/schedule")
    assert sydney.texts[-1] == sydney.t("en", "bc-when", zone="Australia/Sydney",
                                        example="2026-03-04 18:00")
    await sydney.send("2026-03-04 18:00")  # what it shows is accepted as it stands
    assert "4 Mar 2026, 6:00\u202fpm (Australia/Sydney)" in sydney.text
