"""Live sessions through the core model: adding one with its local-time conflicts, listing in
each person's zone, attending, the .ics file, the reminder an hour before (quiet hours), the
feedback prompt after, its aggregate, and bad input."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from icalendar import Calendar
from sqlalchemy import select, update

from bot.app import App
from bot.clock import FakeClock
from bot.i18n import format_datetime
from handlers.live_sessions_feedback import MAX_FEEDBACK
from handlers.live_sessions_ics import ics
from handlers.typed_times import parse_start
from scheduler.nudges import run_nudges
from storage.models import LiveSession, OutboxMessage, Participant, SessionFeedback
from tests.chat_driver import ChatDriver
from tests.cohort_helpers import invite_code, join, new_exchange


@pytest.fixture
def app(db_app: App) -> App:
    """Every test here on SQLite and on PostgreSQL: these flows' queries differ by database."""
    return db_app

START = datetime(2026, 3, 4, 15, 0, tzinfo=UTC)  # 18:00 Nairobi, 10:00 Bogota, 00:00 Tokyo


async def set_zone(app: App, user_id: int, zone: str) -> None:
    async with app.sessions() as session:
        await session.execute(update(Participant).where(Participant.telegram_id == user_id)
                              .values(timezone=zone))
        await session.commit()


async def three_zones(app: App, admin: ChatDriver) -> list[ChatDriver]:
    lima = await new_exchange(admin)
    code = await invite_code(admin, lima)
    people = [await join(app, code, uid) for uid in (6101, 6102, 6103)]
    await set_zone(app, 6102, "America/Bogota")
    await set_zone(app, 6103, "Asia/Tokyo")
    return people


async def add(admin: ChatDriver, start: str = "2026-03-04 15:00 UTC") -> None:
    await admin.send("/addsession lima-exchange")
    await admin.send("Safety planning, live")
    await admin.send(start)
    await admin.press(admin.t("en", "session-minutes", minutes=60))
    await admin.press(admin.t("en", "session-format-stream"))
    await admin.send("https://meet.example.org/safety")
    await admin.press("English")


async def rows(app: App, prefix: str) -> list[OutboxMessage]:
    async with app.sessions() as session:
        return list(await session.scalars(select(OutboxMessage).where(
            OutboxMessage.key.startswith(prefix)).order_by(OutboxMessage.id)))


async def test_adding_shows_who_would_be_asleep(app: App, admin: ChatDriver) -> None:
    await three_zones(app, admin)
    await add(admin)
    preview = admin.text
    assert admin.t("en", "session-conflicts", total=3, quiet=1, night=1) in preview
    assert f"{format_datetime('en', START, UTC)} UTC" in preview
    assert "https://meet.example.org/safety" in preview
    await admin.press(admin.t("en", "session-save"))
    assert admin.text == admin.t("en", "session-saved", id=1)
    async with app.sessions() as session:
        item = await session.scalar(select(LiveSession))
    assert item is not None and item.starts_at == START and item.minutes == 60


async def test_sessions_in_each_persons_zone_attend_and_calendar(app: App, admin: ChatDriver
                                                                 ) -> None:
    nairobi, bogota, tokyo = await three_zones(app, admin)
    await add(admin)
    await admin.press(admin.t("en", "session-save"))
    for person, zone, local in ((nairobi, "Africa/Nairobi", "Wed, 4 Mar 2026, 6:00\u202fpm"),
                                (bogota, "America/Bogota", "Wed, 4 Mar 2026, 10:00\u202fam"),
                                (tokyo, "Asia/Tokyo", "Thu, 5 Mar 2026, 12:00\u202fam")):
        await person.send("/sessions")
        assert f"{local} ({zone})" in person.text, person.text
    await bogota.press("I'll attend #1")
    assert bogota.last.toast == bogota.t("en", "session-attending",
                                         title="Safety planning, live")
    await bogota.send("/sessions")
    assert "#1 ✓" in bogota.text
    await bogota.press("Calendar #1")
    [reply] = bogota.last.replies
    assert reply.document is not None
    assert reply.document.filename == "session-1-safety-planning-live.ics"
    assert reply.document.caption == bogota.t(
        "en", "session-ics-caption", title="Safety planning, live",
        when="Wed, 4 Mar 2026, 10:00\u202fam (America/Bogota)")
    content = reply.document.content.decode()
    # In Bogotá's own zone, with its rules in the file: the calendar shows 10:00 there.
    assert "DTSTART;TZID=America/Bogota:20260304T100000\r\n" in content
    assert "BEGIN:VTIMEZONE\r\nTZID:America/Bogota\r\n" in content
    assert "DURATION:PT1H\r\n" in content
    assert "URL:https://meet.example.org/safety\r\n" in content


async def test_reminder_an_hour_before_and_feedback_after(app: App, admin: ChatDriver,
                                                          clock: FakeClock) -> None:
    nairobi, bogota, tokyo = await three_zones(app, admin)
    await add(admin)
    await admin.press(admin.t("en", "session-save"))
    for person in (nairobi, bogota, tokyo):
        await person.send("/sessions")
        await person.press("I'll attend #1")
    async with app.sessions() as session:  # Bogota naps 09:00-09:30, before its 10:00 start
        await session.execute(update(Participant).where(Participant.telegram_id == 6102)
                              .values(quiet_start=9 * 60, quiet_end=9 * 60 + 30))
        await session.commit()
    clock.jump_to(datetime(2026, 3, 4, 13, 59, tzinfo=UTC))
    await run_nudges(app)
    assert await rows(app, "session-reminder:") == []
    clock.jump_to(datetime(2026, 3, 4, 14, 5, tzinfo=UTC))
    await run_nudges(app)
    reminded = {r.chat_id: r.text for r in await rows(app, "session-reminder:")}
    # Tokyo is asleep at 23:05, but the session itself is at midnight there: reminded.
    # Bogota's nap covers now but not the session: the reminder waits for the nap's end.
    assert set(reminded) == {6101, 6103}
    assert reminded[6103] == tokyo.t("en", "session-reminder", title="Safety planning, live",
                                     time="12:00\u202fam", where="https://meet.example.org/safety")
    clock.jump_to(datetime(2026, 3, 4, 14, 31, tzinfo=UTC))
    await run_nudges(app)
    assert {r.chat_id for r in await rows(app, "session-reminder:")} == {6101, 6102, 6103}
    clock.jump_to(datetime(2026, 3, 4, 16, 10, tzinfo=UTC))  # ended ten minutes ago
    await run_nudges(app)
    assert await rows(app, "session-feedback:") == []
    clock.jump_to(datetime(2026, 3, 4, 16, 20, tzinfo=UTC))
    await run_nudges(app)
    await run_nudges(app)
    prompts = await rows(app, "session-feedback:")
    # Tokyo is asleep at 01:20 now (and the session is over): its prompt waits.
    assert {p.chat_id for p in prompts} == {6101, 6102}
    prompt = next(p for p in prompts if p.chat_id == 6101)
    await nairobi.press_data(prompt.buttons[0][3][1], 900)  # pacing 4
    await nairobi.press("5")  # inclusivity
    await nairobi.press("3")  # usefulness
    await nairobi.send("More time for questions, please")
    assert nairobi.text == nairobi.t("en", "feedback-thanks")
    clock.jump_to(datetime(2026, 3, 4, 23, 30, tzinfo=UTC))
    await run_nudges(app)  # 08:30 in Tokyo: awake
    assert {p.chat_id for p in await rows(app, "session-feedback:")} == {6101, 6102, 6103}
    await admin.send("/feedback 1")
    assert admin.t("en", "feedback-summary", id=1, title="Safety planning, live",
                   responses=1, attending=3, pacing="4.0", inclusivity="5.0",
                   usefulness="3.0") in admin.text
    assert "– More time for questions, please" in admin.text


def labels(chat: ChatDriver) -> list[str]:
    """The buttons of the last answer (the feedback prompt edits a message of its own)."""
    return [b.label for reply in chat.last.replies for row in reply.buttons for b in row]


async def rated(app: App, admin: ChatDriver, clock: FakeClock) -> ChatDriver:
    """Someone in Nairobi who attended session #1 and gave its three ratings: the comment is
    asked for next."""
    nairobi, _, _ = await three_zones(app, admin)
    await add(admin)
    await admin.press(admin.t("en", "session-save"))
    await nairobi.send("/sessions")
    await nairobi.press("I'll attend #1")
    clock.jump_to(datetime(2026, 3, 4, 16, 20, tzinfo=UTC))  # twenty minutes after its end
    await run_nudges(app)
    [prompt] = await rows(app, "session-feedback:")
    await nairobi.press_data(prompt.buttons[0][3][1], 900)  # pacing 4
    await nairobi.press("5")  # inclusivity
    await nairobi.press("3")  # usefulness
    return nairobi


@pytest.mark.parametrize(("answer", "kept"), [("typed-number-keep", "1"),
                                              ("feedback-skip", None)])
async def test_a_bare_number_as_a_comment_is_asked_about(app: App, admin: ChatDriver,
                                                         clock: FakeClock, answer: str,
                                                         kept: str | None) -> None:
    nairobi = await rated(app, admin, clock)
    # The limit is said before anything is typed.
    assert nairobi.text == nairobi.t("en", "feedback-text", max=MAX_FEEDBACK)
    assert labels(nairobi) == [nairobi.t("en", "feedback-skip")]
    await nairobi.send("1")  # "Skip" pressed by its number, or the comment?
    assert nairobi.texts == [nairobi.t("en", "typed-number-ask", number="1")]
    assert labels(nairobi) == [nairobi.t("en", "typed-number-keep"),
                               nairobi.t("en", "feedback-skip")]
    question, keep = nairobi.find(nairobi.t("en", "typed-number-keep"))
    async with app.sessions() as session:
        assert await session.scalar(select(SessionFeedback.text)) is None  # not yet
    await nairobi.press(nairobi.t("en", answer))
    assert nairobi.text == nairobi.t("en", "feedback-thanks")
    async with app.sessions() as session:
        assert await session.scalar(select(SessionFeedback.text)) == kept
    await nairobi.press_data(keep.data, question)  # a late tap on Keep changes nothing
    async with app.sessions() as session:
        assert await session.scalar(select(SessionFeedback.text)) == kept


async def test_bad_input_and_who_may(app: App, admin: ChatDriver, clock: FakeClock) -> None:
    nairobi, _, _ = await three_zones(app, admin)
    await nairobi.send("/addsession lima-exchange")
    assert nairobi.texts == [nairobi.t("en", "admin-only")]
    await nairobi.send("/feedback")
    assert nairobi.texts == [nairobi.t("en", "staff-only")]
    await admin.send("/addsession")
    assert admin.texts == [admin.t("en", "session-add-usage")]
    await admin.send("/addsession nowhere")
    assert admin.texts == [admin.t("en", "exchange-unknown")]
    await admin.send("/addsession lima-exchange")
    await admin.send("ab")
    assert admin.texts[0] == admin.t("en", "session-title-bad", max=120)
    await admin.send("A good title")
    await admin.send("2020-01-01 10:00")
    assert admin.texts[0] == admin.t("en", "session-start-past")
    await admin.send("tomorrow at six")
    assert admin.texts[0] == admin.t("en", "session-start-bad")
    await admin.send("2026-03-04 18:00 Nowhere/City")
    assert admin.texts[0] == admin.t("en", "session-start-bad")
    await admin.send("2026-03-04 18:00 Africa/Nairobi")
    await admin.send("0")
    assert admin.texts[0] == admin.t("en", "session-length-bad")
    await admin.send("45")
    await admin.press(admin.t("en", "session-format-stream"))
    await admin.send("not a link")
    assert admin.texts[0] == admin.t("en", "session-link-bad")
    await admin.press(admin.t("en", "session-cancel"))
    assert admin.text == admin.t("en", "session-cancelled")
    async with app.sessions() as session:
        assert await session.scalar(select(LiveSession)) is None
    await nairobi.press_data("1:ssa:77", 5)  # no such session
    assert nairobi.last.toast == nairobi.t("en", "button-unknown")
    await nairobi.press_data("1:ssq:1:pacing:4", 6)  # feedback on nothing attended
    assert nairobi.last.toast == nairobi.t("en", "button-unknown")
    async with app.sessions() as session:
        assert await session.scalar(select(SessionFeedback)) is None


def test_start_times_are_read_in_the_given_zone() -> None:
    assert parse_start("2026-03-04 18:00", "Africa/Nairobi") == START
    assert parse_start("2026-03-04 15:00 UTC", "Asia/Tokyo") == START
    assert parse_start("2026-03-04 18:00 UTC+3", "UTC") == START
    assert parse_start("2026-03-04 10:00 Bogota", "UTC") == START
    assert parse_start("2026-02-30 10:00", "UTC") is None
    assert parse_start("18:00", "UTC") is None


def test_start_times_across_daylight_saving_changes() -> None:
    """Clocks in Madrid go forward at 02:00 on 29 March 2026 and back at 03:00 on 25 October:
    02:30 never happens on the first day, and happens twice on the second (the first is meant)."""
    assert parse_start("2026-03-29 02:30", "Europe/Madrid") is None
    assert parse_start("2026-03-29 03:30", "Europe/Madrid") == datetime(2026, 3, 29, 1, 30,
                                                                         tzinfo=UTC)
    assert parse_start("2026-10-25 02:30", "Europe/Madrid") == datetime(2026, 10, 25, 0, 30,
                                                                         tzinfo=UTC)


def test_calendar_file_escapes_text() -> None:
    item = LiveSession(id=9, title="Plan; act, reflect", starts_at=START, minutes=90,
                       format="in_person", where="Hall 2, Casa Comun", language="es")
    content = ics(item, START).decode()
    assert "SUMMARY:Plan\\; act\\, reflect\r\n" in content
    assert "LOCATION:Hall 2\\, Casa Comun\r\n" in content
    assert content.startswith("BEGIN:VCALENDAR\r\n") and content.endswith("END:VCALENDAR\r\n")


async def test_a_spanish_reader_sees_the_time_the_spanish_way(app: App, admin: ChatDriver
                                                              ) -> None:
    _, bogota, _ = await three_zones(app, admin)
    await add(admin)
    await admin.press(admin.t("en", "session-save"))
    async with app.sessions() as session:
        await session.execute(update(Participant).where(Participant.telegram_id == 6102)
                              .values(language="es"))
        await session.commit()
    await bogota.send("/sessions")
    assert "mié, 4 mar 2026, 10:00 (America/Bogota)" in bogota.text, bogota.text
    assert " · 4 mar 2026, 15:00 UTC" in bogota.text
    assert "2026-03-04" not in bogota.text


def test_a_long_title_and_link_still_make_a_valid_calendar_file() -> None:
    title = "Taller de planificación de seguridad digital para observadores legales — " * 2
    link = "https://meet.example.org/" + "sala-de-reunion-" * 12 + "?pwd=" + "x" * 60
    item = LiveSession(id=12, title=title.strip()[:120], starts_at=START, minutes=90,
                       format="stream", where=link, language="es")
    content = ics(item, START - timedelta(days=3), "Europe/Madrid")
    lines = content.split(b"\r\n")
    assert max(len(line) for line in lines) <= 75  # octets, UTF-8 included (RFC 5545 3.1)
    assert content.endswith(b"END:VCALENDAR\r\n") and b"\n" not in content.replace(b"\r\n", b"")
    [event] = Calendar.from_ical(content).walk("VEVENT")
    assert str(event["SUMMARY"]) == title.strip()[:120]
    assert str(event["URL"]) == link
    start = event.decoded("DTSTART")
    assert start == START and start.utcoffset() == timedelta(hours=1)  # 16:00 in Madrid
    assert b"DTSTART;TZID=Europe/Madrid:20260304T160000" in content
    assert len(content) < 2000  # the zone's rules for the weeks around it, not since 1970


def test_a_fixed_offset_zone_writes_the_start_in_utc() -> None:
    item = LiveSession(id=3, title="Check-in", starts_at=START, minutes=30, format="offline",
                       where="", language="en")
    content = ics(item, START, "UTC+03:00").decode()
    assert "DTSTART:20260304T150000Z\r\n" in content and "VTIMEZONE" not in content
    assert "DTSTART:20260304T150000Z\r\n" in ics(item, START, "UTC").decode()
