"""Dates and times as each language writes them (``bot.i18n``), and the places that show
them to staff: ``/audit`` in the coordinator's own zone and language, the zone named."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import update

from bot.app import App
from bot.i18n import format_date, format_datetime, format_time
from storage.models import Participant
from tests.chat_driver import ChatDriver
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
