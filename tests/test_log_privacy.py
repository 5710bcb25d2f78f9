"""Logs carry ids and event names only: a recognisable text goes through every flow where people
write something (and the sweeps and the outbox that carry it on), with logging set up as in
production at DEBUG, and must never appear in what was logged."""

from __future__ import annotations

import io
from datetime import UTC, datetime, timedelta

from sqlalchemy import select

from bot.app import App
from bot.clock import FakeClock
from bot.core import Kind
from scheduler.nudges import run_nudges
from storage.models import OutboxMessage
from tests.chat_driver import ChatDriver
from tests.cohort_helpers import invite_code, join, new_exchange

MARK = "Qx7-MARKER-Kestrel"


async def test_what_people_write_never_reaches_the_logs(app: App, admin: ChatDriver,
                                                        clock: FakeClock,
                                                        production_logs: io.StringIO) -> None:
    lima = await new_exchange(admin, f"Exchange {MARK}")
    facilitator = await join(app, await invite_code(admin, lima, "facilitator"), 7501)
    person = await join(app, await invite_code(admin, lima), 7502)
    await person.send(MARK)  # stray text at the menu
    await person.send(f"/{MARK.lower()} {MARK}")  # an unknown command with arguments
    await person.send(MARK * 500)  # far too long
    await person.send_kind(Kind.OTHER, "sticker")
    await person.press_data(f"1:{MARK}:x")  # forged button data
    # The action brief.
    await person.send("/plan")
    await person.press(person.t("en", "plan-add"))
    await person.send(f"Start a food bank {MARK}")
    await person.send(f"our {MARK} team")
    await person.press("In 2 weeks")
    # A story, an incident report.
    await person.send("/story")
    await person.press(person.t("en", "story-kind-win"))
    await person.send(f"We won the rent strike {MARK}")
    await person.send("/incident")
    await person.send(f"Someone threatened us {MARK}")
    await person.press(person.t("en", "incident-when-today"))
    await person.send(f"near {MARK}")
    await person.press(person.t("en", "incident-severity-high"))
    await person.press(person.t("en", "incident-named"))
    await person.press(person.t("en", "incident-send"))
    # Staff: an alias, a broadcast with reply buttons, a session.
    await facilitator.send(f"/alias {MARK}")
    await facilitator.send("/broadcast")
    await facilitator.press("Everyone")
    await facilitator.send(f"Bring water {MARK}")
    await facilitator.press(facilitator.t("en", "bc-options-add"))
    await facilitator.send(f"Yes {MARK[:6]} | No")
    await facilitator.press("Send to")
    await admin.send(f"/addsession {lima}")
    await admin.send(f"Session {MARK}")
    await admin.send("2026-03-04 15:00 UTC")
    await admin.press(admin.t("en", "session-minutes", minutes=60))
    await admin.press(admin.t("en", "session-format-in_person"))
    await admin.send(f"Hall {MARK}")
    await admin.press("English")
    await admin.press(admin.t("en", "session-save"))
    # A check-in with a note, through the sweep and the outbox.
    clock.jump_to(datetime(2026, 3, 13, 8, tzinfo=UTC))
    await run_nudges(app)
    async with app.sessions() as session:
        invitation = await session.scalar(select(OutboxMessage).where(
            OutboxMessage.key.startswith("checkin:")))
    assert invitation is not None
    await person.press_data(invitation.buttons[0][0][1], 9000)
    await person.press(person.t("en", "checkin-progress"))
    await person.send(f"Slow going {MARK}")
    await person.press("3")
    clock.jump_to(clock.now() + timedelta(days=3))
    await run_nudges(app)
    logged = production_logs.getvalue()
    for event in ("handled update=", "incident_reported", "broadcast_queued", "nudges_queued"):
        assert event in logged, event  # every flow ran, and logged its event
    assert MARK not in logged
    assert MARK.lower() not in logged
