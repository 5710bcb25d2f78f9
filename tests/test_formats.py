"""Dates and times as each language writes them (``bot.i18n``), and the places that show
them: ``/audit`` in the coordinator's own zone and language, the zone named; a new exchange,
a pause and a plan in Arabic, French and Spanish."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import update

from bot.app import App
from bot.clock import FakeClock
from bot.i18n import format_date, format_datetime, format_time
from storage.models import Participant
from tests.chat_driver import ChatDriver
from tests.cohort_helpers import invite_code, join, new_exchange
from tests.conftest import ADMIN_ID, START

NAIROBI = ZoneInfo("Africa/Nairobi")
MOMENT = datetime(2026, 3, 4, 15, 5, tzinfo=UTC)  # 18:05 in Nairobi


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "4 Mar 2026"), ("es", "4 mar 2026"), ("fr", "4 mars 2026"), ("ar", "4 مارس 2026")])
def test_a_date_names_its_month_in_each_language(lang: str, expected: str) -> None:
    assert format_date(lang, date(2026, 3, 4)) == expected


@pytest.mark.parametrize(("lang", "expected"), [
    ("en", "Wed, 4 Mar 2026, 6:05\u202fpm"), ("es", "mié, 4 mar 2026, 18:05"),
    ("fr", "mer. 4 mars 2026, 18:05"), ("ar", "الأربعاء، 4 مارس 2026، 6:05 م")])
def test_a_moment_is_shown_in_the_zone_asked_for(lang: str, expected: str) -> None:
    assert format_datetime(lang, MOMENT, NAIROBI, weekday=True) == expected


def test_a_moment_is_the_day_it_is_where_the_reader_is() -> None:
    late = datetime(2026, 3, 4, 22, 30, tzinfo=UTC)  # 01:30 on the 5th in Nairobi
    assert format_date("fr", late) == "4 mars 2026"
    assert format_date("fr", late, zone=NAIROBI) == "5 mars 2026"
    assert format_date("es", late, zone=NAIROBI, year=False) == "5 mar"  # a button's label


def test_a_naive_moment_is_read_as_utc_and_an_unknown_language_as_english() -> None:
    assert format_time("fr", MOMENT.replace(tzinfo=None), UTC) == "15:05"
    assert format_datetime("sw", MOMENT, UTC) == format_datetime("en", MOMENT, UTC)


async def test_audit_times_are_in_the_coordinators_zone_and_say_so(app: App,
                                                                   admin: ChatDriver) -> None:
    await admin.send("/newexchange Lima 2026-03-10 2026-03-14")  # audited at START (09:00 UTC)
    async with app.sessions() as session:
        await session.execute(update(Participant).where(Participant.telegram_id == ADMIN_ID)
                              .values(timezone="Asia/Kolkata", language="fr"))
        await session.commit()
    admin.language_code = "fr"
    await admin.send("/audit")
    lines = admin.text.splitlines()
    assert lines[0] == admin.t("fr", "audit-title", zone="Asia/Kolkata")
    at = format_datetime("fr", START, ZoneInfo("Asia/Kolkata"))
    assert at == "2 mars 2026, 14:30"
    assert f"{at} · {ADMIN_ID} · newexchange · lima · ok" in lines


async def test_a_new_exchange_is_confirmed_with_its_dates_in_arabic(admin: ChatDriver) -> None:
    admin.language_code = "ar"  # a coordinator from ADMIN_IDS who never joined
    await admin.send("/newexchange Lima 2026-03-10 2026-03-14")  # typed year-month-day
    assert admin.text.startswith(admin.t("ar", "newexchange-done", name="Lima", slug="lima",
                                         start="10 مارس 2026", end="14 مارس 2026",
                                         cohort="Lima"))


async def test_a_pause_ends_on_a_french_date_where_the_person_lives(
        app: App, admin: ChatDriver, clock: FakeClock) -> None:
    lima = await new_exchange(admin)
    amelie = await join(app, await invite_code(admin, lima), 7101, lang="fr")  # in Nairobi
    clock.advance(timedelta(hours=13, minutes=30))  # 22:30 UTC: already the 3rd in Nairobi
    await amelie.send("/pause 7")
    assert amelie.text == amelie.t("fr", "pause-done", date="10 mars 2026")


async def test_a_spanish_plan_shows_its_dates_the_spanish_way(app: App,
                                                              admin: ChatDriver) -> None:
    lima = await new_exchange(admin)
    ana = await join(app, await invite_code(admin, lima), 7102, lang="es")
    await ana.send("/plan")
    await ana.press(ana.t("es", "plan-add"))
    await ana.send("Formar a cinco nuevas personas")
    await ana.press(ana.t("es", "plan-me"))
    # The example is what to type: year-month-day, two weeks from today.
    assert ana.text == ana.t("es", "plan-ask-due", example="2026-03-16")
    await ana.press(ana.t("es", "plan-in-1w"))
    assert ana.t("es", "plan-line", number=1, what="Formar a cinco nuevas personas",
                 who=ana.t("es", "plan-who-me"), due="9 mar 2026") in ana.text
