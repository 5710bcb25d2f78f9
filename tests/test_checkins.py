"""Check-ins and every automated nudge, with the injected clock moved through a year: each
round once, 10:00 local, quiet hours, pause, daylight saving, restarts and downtime, two
schedulers on one PostgreSQL database, reminders, digests, deadlines, module reminders, and
the check-in conversation itself."""

from __future__ import annotations

import asyncio
import itertools
from collections import Counter
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlalchemy import select, update

from bot.app import App
from bot.clock import FakeClock
from scheduler.nudges import run_nudges
from storage.models import (
    Checkin,
    CheckinAnswer,
    Commitment,
    ModuleProgress,
    OutboxMessage,
    Participant,
)
from tests.chat_driver import ChatDriver
from tests.cohort_helpers import invite_code, join, new_exchange
from tests.conftest import build_app


@pytest.fixture
def app(db_app: App) -> App:
    """Every test here on SQLite and on PostgreSQL: these flows' queries differ by database."""
    return db_app

END = date(2026, 3, 6)  # the exchanges below run 2026-03-02 to 2026-03-06


def at(day: date, hour: int, minute: int = 0) -> datetime:
    return datetime(day.year, day.month, day.day, hour, minute, tzinfo=UTC)


async def outbox_rows(app: App, prefix: str) -> list[OutboxMessage]:
    async with app.sessions() as session:
        rows = await session.scalars(select(OutboxMessage).where(
            OutboxMessage.key.startswith(prefix)).order_by(OutboxMessage.id))
        return list(rows)


async def set_person(app: App, user_id: int, **values: object) -> None:
    async with app.sessions() as session:
        await session.execute(update(Participant).where(Participant.telegram_id == user_id)
                              .values(**values))
        await session.commit()


async def cohort(app: App, admin: ChatDriver, *people: int,
                 consents: str = "yyyy") -> tuple[ChatDriver, list[ChatDriver]]:
    """A facilitator and participants in Nairobi (UTC+3, quiet 21:00-08:00)."""
    lima = await new_exchange(admin)
    facilitator = await join(app, await invite_code(admin, lima, "facilitator"), 9000)
    code = await invite_code(admin, lima)
    return facilitator, [await join(app, code, uid, consents=consents) for uid in people]


async def sweep_until(app: App, clock: FakeClock, moment: datetime) -> Counter[str]:
    clock.jump_to(moment)
    return await run_nudges(app)


async def test_each_round_goes_out_once_at_ten_local(app: App, admin: ChatDriver,
                                                     clock: FakeClock) -> None:
    await cohort(app, admin, 9001, 9002)
    for offset in (7, 30, 90, 365):
        day = END + timedelta(days=offset)
        await sweep_until(app, clock, at(day, 6, 59))  # 09:59 in Nairobi
        assert len(await outbox_rows(app, "checkin:")) == 2 * [7, 30, 90, 365].index(offset)
        for minute in (0, 5, 30):  # sweeps every few minutes: still once
            await sweep_until(app, clock, at(day, 7, minute))
        rows = await outbox_rows(app, "checkin:")
        assert len(rows) == 2 * ([7, 30, 90, 365].index(offset) + 1)
    keys = [r.key for r in await outbox_rows(app, "checkin:")]
    assert len(keys) == len(set(keys)) == 8
    assert {r.chat_id for r in await outbox_rows(app, "checkin:")} == {9001, 9002}
    first = (await outbox_rows(app, "checkin:"))[0]
    assert first.text == app.deps.translator.format("en", "checkin-invite", {
        "days": 7, "exchange": "Lima Exchange"})


async def test_quiet_hours_delay_a_checkin(app: App, admin: ChatDriver,
                                           clock: FakeClock) -> None:
    await cohort(app, admin, 9003)
    await set_person(app, 9003, quiet_start=9 * 60, quiet_end=13 * 60)  # asleep 09:00-13:00
    day = END + timedelta(days=7)
    await sweep_until(app, clock, at(day, 7))  # 10:00 local: inside the quiet hours
    await sweep_until(app, clock, at(day, 9, 55))
    assert await outbox_rows(app, "checkin:") == []
    await sweep_until(app, clock, at(day, 10))  # 13:00 local: the quiet hours are over
    assert len(await outbox_rows(app, "checkin:")) == 1


async def test_pause_is_counted_not_nagged(app: App, admin: ChatDriver,
                                           clock: FakeClock) -> None:
    _, (paused, active) = await cohort(app, admin, 9004, 9005)
    clock.jump_to(at(END + timedelta(days=5), 12))
    await paused.send("/pause 10")
    assert paused.text.startswith("Paused until 21 Mar 2026")
    await sweep_until(app, clock, at(END + timedelta(days=7), 8))
    assert [r.chat_id for r in await outbox_rows(app, "checkin:")] == [9005]
    async with app.sessions() as session:
        statuses = Counter(await session.scalars(select(Checkin.status)))
    assert statuses == Counter({"paused": 1, "sent": 1})
    await paused.send("/resume")
    assert paused.texts == [paused.t("en", "resume-done")]
    await sweep_until(app, clock, at(END + timedelta(days=30), 8))
    assert Counter(r.chat_id for r in await outbox_rows(app, "checkin:")) == Counter(
        {9005: 2, 9004: 1})
    assert active.user_id == 9005


async def test_daylight_saving_moves_with_the_wall_clock(app: App, admin: ChatDriver,
                                                         clock: FakeClock) -> None:
    await new_exchange(admin, "Berlin Exchange")
    await admin.send("/checkins berlin-exchange 23")  # 2026-03-06 + 23 = 2026-03-29, DST day
    person = await join(app, await invite_code(admin, "berlin-exchange"), 9006,
                        region="region-europe", city="Berlin")
    day = date(2026, 3, 29)  # clocks go from 02:00 to 03:00 in Berlin: 10:00 is 08:00 UTC
    await sweep_until(app, clock, at(day, 7, 59))
    assert await outbox_rows(app, "checkin:") == []
    await sweep_until(app, clock, at(day, 8))
    assert [r.chat_id for r in await outbox_rows(app, "checkin:")] == [person.user_id]


async def test_downtime_catches_up_once_with_the_latest_round(app: App, admin: ChatDriver,
                                                              clock: FakeClock) -> None:
    await cohort(app, admin, 9007)
    # Down from before the first round until after the second.
    await sweep_until(app, clock, at(END + timedelta(days=40), 12))
    rows = await outbox_rows(app, "checkin:")
    assert [r.key.rsplit(":", 1)[1] for r in rows] == ["30"]
    # A restart: a new app on the same database sweeps again and sends nothing more.
    # A new app on the same database (sharing only the connection pool's engine).
    again = build_app(app.settings, clock=clock, engine=app.engine)
    await again.start()
    try:
        assert (await run_nudges(again))["checkins"] == 0
    finally:
        await again.close()
    assert len(await outbox_rows(app, "checkin:")) == 1


async def test_two_schedulers_on_postgres_send_each_nudge_once(
        postgres_pair: tuple[App, App], clock: FakeClock) -> None:
    first, second = postgres_pair
    admin = ChatDriver(first, user_id=900001)
    lima = await new_exchange(admin)
    code = await invite_code(admin, lima)
    for uid in range(9100, 9130):
        await join(first, code, uid)
    clock.jump_to(at(END + timedelta(days=7), 8))
    for _ in range(3):
        await asyncio.gather(run_nudges(first), run_nudges(second))
    rows = await outbox_rows(first, "checkin:")
    assert len(rows) == 30
    assert len({r.key for r in rows}) == 30
    clock.jump_to(at(END + timedelta(days=9), 8))
    await asyncio.gather(run_nudges(first), run_nudges(second), run_nudges(first))
    assert len(await outbox_rows(first, "checkin-reminder:")) == 30


async def test_one_reminder_after_two_days_never_more(app: App, admin: ChatDriver,
                                                      clock: FakeClock) -> None:
    await cohort(app, admin, 9008)
    day = END + timedelta(days=7)
    await sweep_until(app, clock, at(day, 8))
    await sweep_until(app, clock, at(day + timedelta(days=1), 8))
    assert await outbox_rows(app, "checkin-reminder:") == []
    await sweep_until(app, clock, at(day + timedelta(days=2), 8))
    for later in range(3, 20):
        await sweep_until(app, clock, at(day + timedelta(days=later), 8))
    assert len(await outbox_rows(app, "checkin-reminder:")) == 1


async def _commit(app: App, user_id: int, what: str, due: date) -> int:
    async with app.sessions() as session:
        person = await session.scalar(select(Participant).where(
            Participant.telegram_id == user_id))
        assert person is not None
        item = Commitment(participant_id=person.id, what=what, who="", due_on=due,
                          status="open", created_at=at(END, 12), updated_at=at(END, 12))
        session.add(item)
        await session.commit()
        return item.id


async def _answer(person: ChatDriver, app: App, offset: int) -> None:
    [row] = [r for r in await outbox_rows(app, "checkin:") if r.chat_id == person.user_id
             and r.key.endswith(f":{offset}")]
    await person.press_data(row.buttons[0][0][1], 777)


async def test_the_checkin_conversation_and_the_digest(app: App, admin: ChatDriver,
                                                       clock: FakeClock) -> None:
    facilitator, (amina, ben, _) = await cohort(app, admin, 9010, 9011, 9012)
    await admin.send("/rotate lima-exchange")
    await _commit(app, 9010, "Train five new door-knockers", date(2026, 4, 30))
    await _commit(app, 9010, "Write the after-action review", date(2026, 3, 31))
    await set_person(app, 9012, language="en")
    day = END + timedelta(days=7)
    await sweep_until(app, clock, at(day, 8))
    await _answer(amina, app, 7)
    assert amina.text.startswith("Commitment 1 of 2: Write the after-action review")
    await amina.press(amina.t("en", "checkin-done"))
    await amina.send("Shared it with the whole network")
    assert amina.texts[0] == amina.t("en", "checkin-note-kept")
    assert amina.texts[1].startswith("Commitment 2 of 2: Train five new door-knockers")
    await amina.press(amina.t("en", "checkin-blocked"))
    await amina.press(amina.t("en", "checkin-skip"))
    await amina.press(amina.t("en", "checkin-circle-yes"))
    assert amina.texts[0] == amina.t("en", "checkin-circle-told")
    await amina.press("4")
    assert amina.texts[0] == amina.t("en", "checkin-thanks")
    [notice] = await outbox_rows(app, "circle:")
    assert notice.chat_id == facilitator.user_id and notice.html
    assert "Train five new door-knockers" in notice.text and "tg://user?id=9010" in notice.text
    await _answer(ben, app, 7)  # no commitments: straight to wellbeing
    assert ben.text == ben.t("en", "checkin-wellbeing")
    await ben.press("2")
    assert ben.t("en", "checkin-care") in ben.texts[0]
    await ben.press_data("1:ciw:2", 778)  # again: the check-in is over
    assert ben.last.toast == ben.t("en", "button-stale")
    async with app.sessions() as session:
        [done] = [c for c in await session.scalars(select(Commitment))  # encrypted: no SQL =
                  if c.what == "Write the after-action review"]
        notes = list(await session.scalars(select(CheckinAnswer.note)))
    assert done.status == "done"
    assert "Shared it with the whole network" in notes
    # Three days after the round: the facilitators' digest, once.
    await sweep_until(app, clock, at(day + timedelta(days=3), 8))
    await sweep_until(app, clock, at(day + timedelta(days=3), 9))
    [digest] = await outbox_rows(app, "digest:")
    assert digest.chat_id == facilitator.user_id
    assert "Answered: 2 of 3 (67%). Paused: 0." in digest.text
    assert "done 1 · in progress 0 · blocked 1" in digest.text
    assert "1: 0 · 2: 1 · 3: 0 · 4: 1 · 5: 0" in digest.text
    assert "– Shared it with the whole network" in digest.text  # Amina shares stories


async def test_digest_keeps_notes_of_people_who_do_not_share(app: App, admin: ChatDriver,
                                                             clock: FakeClock) -> None:
    await cohort(app, admin, 9013, consents="ynyy")  # progress yes, stories no
    await _commit(app, 9013, "Hold a listening session", date(2026, 5, 1))
    day = END + timedelta(days=7)
    await sweep_until(app, clock, at(day, 8))
    person = ChatDriver(app, user_id=9013)
    await _answer(person, app, 7)
    await person.press(person.t("en", "checkin-progress"))
    await person.send("My private worry")
    await person.press("3")
    await sweep_until(app, clock, at(day + timedelta(days=3), 8))
    [digest] = await outbox_rows(app, "digest:")
    assert "My private worry" not in digest.text
    assert "done 0 · in progress 1 · blocked 0" in digest.text


async def test_deadline_nudge_the_day_before_once(app: App, admin: ChatDriver,
                                                  clock: FakeClock) -> None:
    await cohort(app, admin, 9014)
    await _commit(app, 9014, "Book the hall", date(2026, 3, 20))
    await sweep_until(app, clock, at(date(2026, 3, 19), 6, 59))  # 09:59 local
    assert await outbox_rows(app, "deadline:") == []
    for hour in (7, 8, 12):
        await sweep_until(app, clock, at(date(2026, 3, 19), hour))
    [nudge] = await outbox_rows(app, "deadline:")
    assert nudge.text == app.deps.translator.format("en", "nudge-deadline-tomorrow",
                                                    {"what": "Book the hall"})


async def test_module_reminders_weekly_and_three_at_most(app: App, admin: ChatDriver,
                                                         clock: FakeClock) -> None:
    _, (person,) = await cohort(app, admin, 9015)
    await person.send("/tracks")
    await person.press(person.labels()[0])
    await person.press(person.labels()[0])  # opens the first module of the track
    async with app.sessions() as session:
        assert await session.scalar(select(ModuleProgress)) is not None
    start = clock.now()
    for day in range(1, 60):
        await sweep_until(app, clock, start.replace(hour=9) + timedelta(days=day))
    rows = await outbox_rows(app, "module:")
    assert len(rows) == 3
    gaps = [(b.created_at - a.created_at).days for a, b in itertools.pairwise(rows)]
    assert all(gap >= 7 for gap in gaps)


async def test_plan_offer_on_the_last_day(app: App, admin: ChatDriver,
                                          clock: FakeClock) -> None:
    await cohort(app, admin, 9016)
    await sweep_until(app, clock, at(END, 12, 59))  # 15:59 local
    assert await outbox_rows(app, "plan-offer:") == []
    await sweep_until(app, clock, at(END, 13))
    await sweep_until(app, clock, at(END, 14))
    [offer] = await outbox_rows(app, "plan-offer:")
    assert offer.buttons[0][0][1] == "1:plan"


async def test_no_followup_consent_no_nudges(app: App, admin: ChatDriver,
                                             clock: FakeClock) -> None:
    await cohort(app, admin, 9017, consents="yyny")
    await _commit(app, 9017, "Call the union", END + timedelta(days=8))
    for offset in (0, 7, 8, 30):
        await sweep_until(app, clock, at(END + timedelta(days=offset), 13))
    assert [r.key for r in await outbox_rows(app, "")
            if r.chat_id == 9017] == []


async def test_checkins_command(app: App, admin: ChatDriver, chat: ChatDriver) -> None:
    await new_exchange(admin)
    await admin.send("/checkins lima-exchange 30,7,90")
    assert admin.texts == [admin.t("en", "checkins-done", exchange="Lima Exchange",
                                   days="+7, +30, +90")]
    for bad in ("/checkins", "/checkins lima-exchange 7,x",
                "/checkins lima-exchange 0,7", "/checkins lima-exchange 7,800"):
        await admin.send(bad)
        assert admin.texts == [admin.t("en", "checkins-usage")], bad
    for unknown in ("/checkins nowhere 7", "/checkins nowhere"):
        await admin.send(unknown)
        assert admin.texts == [admin.t("en", "exchange-unknown")], unknown
    # Without days: what is set now, and when that is (the exchange ends on 6 March).
    for shown in ("/checkins lima-exchange", "/checkins Lima Exchange"):
        await admin.send(shown)
        assert admin.texts == [admin.t("en", "checkins-current", exchange="Lima Exchange",
                                       slug="lima-exchange", end="6 Mar 2026",
                                       days="+7, +30, +90",
                                       dates="13 Mar 2026, 5 Apr 2026, 4 Jun 2026")], shown
    person = await join(app, await invite_code(admin, "lima-exchange"), 9018)
    await person.send("/checkins lima-exchange 1")
    assert person.texts == [person.t("en", "admin-only")]


async def test_pause_needs_a_number_of_days(app: App, admin: ChatDriver) -> None:
    _, (person,) = await cohort(app, admin, 9019)
    for bad in ("/pause", "/pause 0", "/pause 91", "/pause soon"):
        await person.send(bad)
        assert person.texts == [person.t("en", "pause-usage", max=90)], bad
    await person.send("/resume")
    assert person.texts == [person.t("en", "resume-not-paused")]


async def test_the_last_round_asks_for_the_skill_ratings_again(app: App, admin: ChatDriver,
                                                               clock: FakeClock) -> None:
    _, (person,) = await cohort(app, admin, 9020)
    await admin.send("/checkins lima-exchange 7,14")
    await sweep_until(app, clock, at(END + timedelta(days=7), 8))
    await _answer(person, app, 7)
    await person.press("4")
    assert person.t("en", "checkin-rate-again") not in person.text
    await sweep_until(app, clock, at(END + timedelta(days=14), 8))
    await _answer(person, app, 14)
    await person.press("4")
    assert person.t("en", "checkin-rate-again") in person.text
    await person.press(person.t("en", "assess-start"))  # the needs assessment, once more
    assert person.text.startswith(person.t("en", "assess-head", number=1, total=10))


async def test_a_restart_in_the_middle_of_a_round(app: App, admin: ChatDriver,
                                                  clock: FakeClock) -> None:
    await cohort(app, admin, 9021, 9022)
    await set_person(app, 9022, timezone="America/Bogota")  # 10:00 there is 15:00 UTC
    day = END + timedelta(days=7)
    await sweep_until(app, clock, at(day, 8))  # Nairobi's turn only
    assert [r.chat_id for r in await outbox_rows(app, "checkin:")] == [9021]
    # The process died; a new one starts on the same database.
    restarted = build_app(app.settings, clock=clock, engine=app.engine)
    await restarted.start()
    try:
        clock.jump_to(at(day, 15))
        assert (await run_nudges(restarted))["checkins"] == 1
        assert (await run_nudges(restarted))["checkins"] == 0
    finally:
        await restarted.close()
    assert sorted(r.chat_id for r in await outbox_rows(app, "checkin:")) == [9021, 9022]


async def test_a_bare_number_as_a_checkin_note_is_asked_about(app: App, admin: ChatDriver,
                                                              clock: FakeClock) -> None:
    _, (amina,) = await cohort(app, admin, 9010)
    await _commit(app, 9010, "Train five new door-knockers", date(2026, 4, 30))
    await _commit(app, 9010, "Write the after-action review", date(2026, 3, 31))
    await sweep_until(app, clock, at(END + timedelta(days=7), 8))
    await _answer(amina, app, 7)
    await amina.press(amina.t("en", "checkin-done"))
    await amina.send("3")  # "Skip" pressed by its number, or the note?
    assert amina.texts == [amina.t("en", "typed-number-ask", number="3")]
    assert [b.label for row in amina.last.replies[0].buttons for b in row] == [
        amina.t("en", "typed-number-keep"), amina.t("en", "checkin-skip")]
    await amina.press(amina.t("en", "typed-number-keep"))
    assert amina.texts[0] == amina.t("en", "checkin-note-kept")
    assert amina.texts[1].startswith("Commitment 2 of 2")
    await amina.press(amina.t("en", "checkin-progress"))
    await amina.send("1")
    await amina.press(amina.t("en", "checkin-skip"))
    assert amina.text == amina.t("en", "checkin-wellbeing")
    async with app.sessions() as session:
        notes = list(await session.scalars(select(CheckinAnswer.note)
                                           .order_by(CheckinAnswer.id)))
    assert notes == ["3", None]
