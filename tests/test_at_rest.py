"""What people type is never readable in the database file: a marker of its own goes into every
flow that takes text (finished, and half-written drafts left waiting at their next question),
and none of them may appear in the raw bytes of the SQLite file, its WAL or its journal, while
the app still reads every one of them back."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.app import App
from bot.clock import FakeClock
from bot.config import Settings
from scheduler.nudges import run_nudges
from storage.models import Base, OutboxMessage
from tests.chat_driver import ChatDriver
from tests.cohort_helpers import invite_code, join, new_exchange
from tests.conftest import build_app
from tests.test_assessment import take
from tests.test_content import ENGLISH, pack
from tests.test_learning import REFLECTION
from tests.test_mentor import LAGOS, ask, offer, person, start_pair

# One marker per flow, so a failure names the flow that leaked.
FLOWS = ("assessment-note", "reflection", "plan-what", "plan-who", "checkin-note", "story",
         "submission-title", "submission-text", "incident-what", "incident-where",
         "mentee-message", "mentor-message", "feedback", "broadcast-text", "broadcast-option",
         "alias", "session-title", "session-place", "emergency-advice", "incident-note",
         # half-written, waiting at their next question
         "draft-incident", "draft-plan", "draft-broadcast", "draft-submission",
         "draft-session")
MARK = {flow: f"Kq{n:02d}-{flow}-zebra" for n, flow in enumerate(FLOWS)}


@pytest.fixture
async def app(settings: Settings, clock: FakeClock, tmp_path: Path) -> AsyncIterator[App]:
    """The app on a SQLite file, with a small pack whose module ends in a reflection."""
    content = pack(tmp_path / "pack", english=ENGLISH + REFLECTION)
    application = build_app(settings.model_copy(update={"content_dir": content}), clock=clock)
    await application.start()
    yield application
    await application.close()


async def outbox_rows(app: App, key: str) -> list[OutboxMessage]:
    async with app.sessions() as session:
        return list(await session.scalars(select(OutboxMessage).where(
            OutboxMessage.key.startswith(key)).order_by(OutboxMessage.id)))


async def everything_the_app_reads(app: App) -> str:
    """Every value of every row, as the app sees it (decrypted)."""
    seen = []
    async with app.sessions() as session:
        for mapper in Base.registry.mappers:
            for row in await session.scalars(select(mapper.class_)):
                seen += [repr(getattr(row, a.key)) for a in mapper.column_attrs]
    return "\n".join(seen)


async def test_nothing_typed_is_readable_in_the_database_file(
        app: App, admin: ChatDriver, clock: FakeClock, settings: Settings) -> None:
    t = admin.t
    lima = await new_exchange(admin)
    await admin.send(MARK["emergency-advice"])  # asked for as the exchange is made
    code = await invite_code(admin, lima)
    facilitator = await join(app, await invite_code(admin, lima, "facilitator"), 7601)
    me = await join(app, code, 7602)

    await take(me, note=MARK["assessment-note"])
    await me.send("/tracks")
    await me.press("Core")
    await me.press("A module")
    await me.press(t("en", "learn-next"))
    await me.press("This one")
    await me.press(t("en", "learn-next"))
    await me.press("X")
    await me.press(t("en", "learn-next"))
    await me.send(MARK["reflection"])
    assert me.texts[0] == t("en", "learn-reflection-kept")

    await me.send("/plan")
    await me.press(t("en", "plan-add"))
    await me.send(MARK["plan-what"])
    await me.send(MARK["plan-who"])
    await me.press("In 2 weeks")
    await me.send("/story")
    await me.press(t("en", "story-kind-win"))
    await me.send(MARK["story"])
    await me.send("/submit")
    await me.press(t("en", "library-type-story"))
    await me.send(MARK["submission-title"])
    await me.send(MARK["submission-text"])
    await me.press(t("en", "library-share"))
    await me.send("/incident")
    await me.send(MARK["incident-what"])
    await me.press(t("en", "incident-when-today"))
    await me.send(MARK["incident-where"])
    await me.press(t("en", "incident-severity-high"))
    await me.press(t("en", "incident-named"))
    await me.press(t("en", "incident-send"))
    await admin.send("/incidents")  # the safety desk's private note
    await admin.press("#1")
    await admin.press(t("en", "incident-note"))
    await admin.send(MARK["incident-note"])

    mentee = await person(app, code, 7603)
    mentor = await person(app, code, 7604, LAGOS, experience="gt10")
    await offer(mentor)
    await ask(mentee)
    pairing = await start_pair(app, admin, lima)
    await mentee.send("/mentor")
    await mentee.send(MARK["mentee-message"])
    await mentor.press_data(f"1:mtw:{pairing.id}")
    await mentor.send(MARK["mentor-message"])

    await facilitator.send(f"/alias {MARK['alias'][:30]}")
    await facilitator.send("/broadcast")
    await facilitator.press("Everyone")
    await facilitator.send(MARK["broadcast-text"])
    await facilitator.press(t("en", "bc-options-add"))
    await facilitator.send(f"{MARK['broadcast-option'][:20]} | No")
    await facilitator.press("Send to")

    await admin.send(f"/addsession {lima}")
    await admin.send(MARK["session-title"])
    await admin.send("2026-03-04 15:00 UTC")
    await admin.press(t("en", "session-minutes", minutes=60))
    await admin.press(t("en", "session-format-in_person"))
    await admin.send(MARK["session-place"])
    await admin.press("English")
    await admin.press(t("en", "session-save"))
    await me.send("/sessions")
    await me.press("I'll attend #1")
    clock.jump_to(datetime(2026, 3, 4, 16, 20, tzinfo=UTC))
    await run_nudges(app)
    [prompt] = await outbox_rows(app, "session-feedback:")
    await me.press_data(prompt.buttons[0][3][1], 900)
    await me.press("5")
    await me.press("3")
    await me.send(MARK["feedback"])
    assert me.text == t("en", "feedback-thanks")

    clock.jump_to(datetime(2026, 3, 13, 8, tzinfo=UTC))
    await run_nudges(app)
    [invitation] = [row for row in await outbox_rows(app, "checkin:") if row.chat_id == 7602]
    await me.press_data(invitation.buttons[0][0][1], 9000)
    await me.press(t("en", "checkin-progress"))
    await me.send(MARK["checkin-note"])

    # Drafts, each left waiting for its next answer.
    drafter = await join(app, code, 7605)
    await drafter.send("/incident")
    await drafter.send(MARK["draft-incident"])
    assert drafter.labels()[0] == t("en", "incident-when-today")
    await mentee.send("/plan")
    await mentee.press(t("en", "plan-add"))
    await mentee.send(MARK["draft-plan"])
    await mentor.send("/submit")
    await mentor.press(t("en", "library-type-story"))
    await mentor.send(MARK["draft-submission"])
    await facilitator.send("/broadcast")
    await facilitator.press("Everyone")
    await facilitator.send(MARK["draft-broadcast"])
    await admin.send(f"/addsession {lima}")
    await admin.send(MARK["draft-session"])

    readable = await everything_the_app_reads(app)
    stored = [flow for flow in FLOWS if MARK[flow][:20] in readable]
    assert stored == list(FLOWS)  # every flow ran and kept its text, for the app to read
    folder = Path(settings.database_url.split("///", 1)[1]).parent

    def leaked() -> list[str]:
        files = [p for p in folder.iterdir() if p.name.startswith("bot.db")]
        assert "bot.db" in {p.name for p in files}
        raw = b"".join(p.read_bytes() for p in files)  # the file, -wal, -journal
        return [flow for flow in FLOWS if MARK[flow][:20].encode() in raw]

    assert leaked() == []  # with the WAL as it stands
    await app.engine.dispose()  # and once everything is checkpointed into the file
    assert leaked() == []
