"""The terminal chat as one keyboard for a whole exchange: switching who types, every message
shown with whom it reached, newcomers joining only by invite, and an outbox that never
records as sent what nobody here saw. Driven in-process, as a person types."""

from __future__ import annotations

import io
import re
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from sqlalchemy import select

from bot.app import App
from bot.demo import DEMO_EXCHANGE, INVITE
from bot.transports.console import ConsoleChat
from storage import outbox, participants
from storage.models import Incident, OutboxMessage


class Terminal:
    """Someone at the keyboard: types lines, presses buttons by the label they read."""

    def __init__(self, app: App, downloads: Path) -> None:
        self.app = app
        self.out = io.StringIO()
        self.chat = ConsoleChat(app, 1, out=self.out, downloads=downloads)
        self.screen = ""  # what the last line typed made appear

    def t(self, msg_id: str, **args: object) -> str:
        return self.app.deps.translator.format("en", msg_id, args)

    def who(self, name: str, role: str) -> str:
        return f"{name} ({self.t(f'console-role-{role}')})"

    async def type(self, line: str) -> str:
        start = len(self.out.getvalue())
        await self.chat.type(line)
        self.screen = self.out.getvalue()[start:]
        return self.screen

    async def press(self, label: str) -> str:
        numbers = re.findall(rf"\[(\d+)\] {re.escape(label)}", self.screen)
        assert numbers, f"no button {label!r} in:\n{self.screen}"
        return await self.type(numbers[-1])


@pytest.fixture
async def terminal(app: App, tmp_path: Path) -> AsyncIterator[Terminal]:
    keyboard = Terminal(app, tmp_path / "downloads")
    async with keyboard.chat.delivering():
        await keyboard.chat.open()
        yield keyboard


async def statuses(app: App) -> dict[int, list[str]]:
    """Chat id → the outbox statuses of what was for that chat."""
    async with app.sessions() as session:
        rows = await session.execute(select(OutboxMessage.chat_id, OutboxMessage.status)
                                     .order_by(OutboxMessage.id))
    found: dict[int, list[str]] = {}
    for chat_id, status in rows:
        found.setdefault(chat_id, []).append(status)
    return found


async def test_the_demo_people_are_listed_and_anyone_can_be_switched_to(
        terminal: Terminal) -> None:
    opening = terminal.out.getvalue()
    assert terminal.t("console-demo-created", exchange=DEMO_EXCHANGE) in opening
    for name, role in (("Amara", "participant"), ("Bilal", "participant"),
                       ("Camila", "participant"), ("Dana", "facilitator"),
                       ("Kofi", "safety"), ("Farid", "coordinator")):
        assert terminal.who(name, role) in opening
    assert terminal.t("console-newcomer-hint", id=7, code=INVITE) in opening

    # By number, by name (any case, or its start), by role.
    shown = await terminal.type("/as 3")
    assert terminal.t("console-now", who=terminal.who("Camila", "participant")) in shown
    shown = await terminal.type("/as kof")
    assert terminal.t("console-now", who=terminal.who("Kofi", "safety")) in shown
    shown = await terminal.type("/as facilitator")
    assert terminal.t("console-now", who=terminal.who("Dana", "facilitator")) in shown

    # What is typed next is Dana's: the prompt says so, and the bot answers her as staff.
    shown = await terminal.type("/broadcast")
    assert shown.startswith(terminal.who("Dana", "facilitator") + "> /broadcast")
    assert terminal.t("bc-everyone", count=3) in shown

    for nobody in ("Zed", "0"):  # 0 is what erased people's ids become: nobody's
        shown = await terminal.type(f"/as {nobody}")
        assert terminal.t("console-as-unknown", who=nobody) in shown
    assert await terminal.type("/broadcast")  # still Dana
    assert terminal.screen.startswith(terminal.who("Dana", "facilitator") + ">")

    # Back to Amara, a participant: the same command is refused.
    await terminal.type("/as amara")
    assert terminal.t("staff-only") in await terminal.type("/broadcast")


async def test_a_facilitators_broadcast_shows_for_each_participant_it_reached(
        terminal: Terminal) -> None:
    await terminal.type("/as dana")
    await terminal.type("/broadcast")
    await terminal.press(terminal.t("bc-everyone", count=3))
    await terminal.type("The reading for Friday is out.")
    shown = await terminal.press(terminal.t("bc-confirm", count=3))

    for name in ("Amara", "Bilal", "Camila"):
        copy = f"→ {terminal.who(name, 'participant')}: {terminal.t('bc-from', sender='Dana')}"
        assert copy in shown
        assert shown.index("The reading for Friday is out.", shown.index(copy)) > 0
    assert f"→ {terminal.who('Kofi', 'safety')}" not in shown
    assert await statuses(terminal.app) == {1: ["sent"], 2: ["sent"], 3: ["sent"]}


async def test_an_incident_from_a_participant_reaches_the_demo_safety_contact(
        terminal: Terminal) -> None:
    await terminal.type("/incident")
    await terminal.type("Someone followed two of us back from the venue.")
    await terminal.press(terminal.t("incident-when-yesterday"))
    await terminal.press(terminal.t("incident-skip"))
    await terminal.press(terminal.t("incident-severity-high"))
    await terminal.press(terminal.t("incident-named"))
    shown = await terminal.press(terminal.t("incident-send"))

    alert = f"→ {terminal.who('Kofi', 'safety')}: "
    assert alert in shown
    assert "Someone followed two of us back from the venue." in shown[shown.index(alert):]
    assert terminal.t("incident-sent", id=1, count=1) in shown
    # Telegram's formatting reads as text here; the link to the reporter says how to reach her.
    assert f"{terminal.t('incident-by-named')} (/as 1)" in shown
    assert "<a href" not in shown
    assert (await statuses(terminal.app))[5] == ["sent"]
    async with terminal.app.sessions() as session:
        incident = await session.scalar(select(Incident))
    assert incident is not None and incident.circle == 0  # the safety contacts' circle

    # Kofi can take it from here: his alert's buttons are his to press.
    shown = await terminal.type("/as kofi")
    assert terminal.t("incident-ack") in shown
    shown = await terminal.press(terminal.t("incident-ack"))
    reporter = f"→ {terminal.who('Amara', 'participant')}: "
    assert reporter + terminal.t("incident-reporter-acknowledged", id=1) in shown


async def test_a_mentee_s_message_is_relayed_to_the_mentor_and_shown_there(
        terminal: Terminal) -> None:
    await terminal.type("/mentor")
    shown = await terminal.type("Could we talk about the campaign budget?")
    relayed = f"→ {terminal.who('Bilal', 'participant')}: {terminal.t('mt-from-mentee')}"
    assert relayed in shown
    assert "Could we talk about the campaign budget?" in shown[shown.index(relayed):]
    assert (await statuses(terminal.app))[2] == ["sent"]


async def test_a_new_person_gets_in_only_with_an_invite(terminal: Terminal) -> None:
    shown = await terminal.type("/as 7")
    newcomer = f"{terminal.t('console-person', id=7)} ({terminal.t('console-not-joined')})"
    assert terminal.t("console-now", who=newcomer) in shown
    assert terminal.t("join-how") in shown  # the bot's own answer to someone not joined

    await terminal.type("/menu")
    assert terminal.t("join-invalid") in await terminal.type("/start not-a-code")
    async with terminal.app.sessions() as session:
        assert await participants.get(session, 7) is None

    shown = await terminal.type(f"/start {INVITE}")
    assert terminal.t("onb-language", exchange=DEMO_EXCHANGE) in shown
    async with terminal.app.sessions() as session:
        joined = await participants.get(session, 7)
    assert joined is not None and joined.role == "participant" and joined.cohort_id is not None


async def test_a_message_for_a_chat_nobody_here_has_is_unreachable_not_sent(
        terminal: Terminal) -> None:
    async with terminal.app.sessions() as session:
        await outbox.enqueue(session, [
            outbox.NewMessage(key="t:stranger", chat_id=424242, text="For a stranger"),
            outbox.NewMessage(key="t:bilal", chat_id=2, text="For Bilal"),
        ], terminal.app.deps.clock.now())
        await session.commit()
    terminal.app.outbox_changed.set()
    await terminal.chat.settle()

    assert await statuses(terminal.app) == {424242: ["unreachable"], 2: ["sent"]}
    shown = terminal.out.getvalue()
    assert terminal.t("console-unreachable", chat=424242) in shown
    assert "For a stranger" not in shown
    assert f"→ {terminal.who('Bilal', 'participant')}: For Bilal" in shown
