"""The terminal chat: the same app and handlers, no Telegram and no token.

Buttons print numbered; typing a number presses one. Reads piped input too, so a whole
conversation can be scripted: ``printf '/menu\\n1\\n' | exchange-bot chat``.
"""

from __future__ import annotations

import asyncio
import os
import sys
from dataclasses import dataclass, field
from datetime import timedelta
from pathlib import Path
from typing import TextIO

from bot.app import App
from bot.core import Button, Document, Inbound, Kind, Outcome, Reply
from bot.i18n import DEFAULT_LANGUAGE, supported
from bot.transports.delivery import Rows
from storage import exchanges, participants

DEMO_EXCHANGE = "Demo exchange"


@dataclass
class ConsoleChat:
    app: App
    user_id: int
    out: TextIO = sys.stdout
    downloads: Path = Path("data/downloads")
    interactive: bool = False
    _update_id: int = 0
    _message_id: int = 0
    _buttons: dict[int, tuple[int, Button]] = field(default_factory=dict)

    def _print(self, text: str = "") -> None:
        print(text, file=self.out, flush=True)

    async def _lang(self) -> str:
        async with self.app.sessions() as session:
            me = await participants.get_for_update(session, self.user_id)
        if me is not None:
            return me.language
        return supported(os.environ.get("LANG", "").replace("_", "-")) or DEFAULT_LANGUAGE

    async def ensure_demo_invite(self) -> str | None:
        """First run: a demo exchange to join, since a newcomer has no invite. None once joined."""
        async with self.app.sessions() as session:
            if await participants.get_for_update(session, self.user_id) is not None:
                return None
            now = self.app.deps.clock.now()
            exchange = await exchanges.find_exchange(session, DEMO_EXCHANGE)
            if exchange is None:
                exchange, cohort = await exchanges.create_exchange(
                    session, DEMO_EXCHANGE, now.date(), (now + timedelta(days=4)).date(),
                    created_by=None, now=now)
            else:
                cohort = await exchanges.first_cohort(session, exchange.id)  # type: ignore[assignment]
            invite = await exchanges.create_invite(session, cohort.id, created_by=None, now=now)
            await session.commit()
            return invite.code

    async def run(self, lines: asyncio.Queue[str | None] | None = None) -> None:
        # The outbox (broadcasts, notices) is sent here too: what is for this person prints.
        dispatcher = self.app.dispatcher(ConsoleApi(self))
        sending = asyncio.create_task(dispatcher.run())
        try:
            await self._converse(lines)
        finally:
            await dispatcher.stop()
            await sending

    async def _converse(self, lines: asyncio.Queue[str | None] | None) -> None:
        t = self.app.deps.translator
        lang = await self._lang()
        self._print(t.format(lang, "console-intro"))
        code = await self.ensure_demo_invite()
        if code is not None:
            self._print(t.format(lang, "console-demo-created", {"exchange": DEMO_EXCHANGE}))
            await self.send(f"/start {code}")
        else:
            await self.send("/start")
        while True:
            if self.interactive:
                print("you> ", end="", file=self.out, flush=True)
            line = await (lines.get() if lines else asyncio.to_thread(sys.stdin.readline))
            if not line:  # EOF (Ctrl-D, or the end of piped input)
                break
            line = line.rstrip("\r\n")
            if not self.interactive:
                self._print(f"you> {line}")
            if line.strip():
                await self.send(line)

    async def send(self, line: str) -> None:
        self._update_id += 1
        number = line.strip()
        if number.isdigit() and int(number) in self._buttons:
            message_id, button = self._buttons[int(number)]
            if button.url:
                self._print(button.url)
                return
            inbound = Inbound(self._update_id, self.user_id, self.user_id, Kind.BUTTON,
                              data=button.data, message_id=message_id)
        else:
            self._message_id += 1
            inbound = Inbound.from_text(self._update_id, self.user_id, self.user_id, line)
        self.render(inbound, await self.app.handle(inbound))

    def render(self, inbound: Inbound, outcome: Outcome) -> None:
        if outcome.toast:
            self._print(f"  ({outcome.toast})")
        fresh: dict[int, tuple[int, Button]] = {}
        for reply in outcome.replies:
            prompt = "bot> "
            if reply.edit and inbound.message_id is not None:
                # A terminal cannot change what it printed: say the message was replaced.
                message_id = inbound.message_id
                edited = self.app.deps.translator.format(DEFAULT_LANGUAGE, "console-edited")
                prompt = f"bot {edited}> "
            else:
                self._message_id += 1
                message_id = self._message_id
            self._print(prompt + reply.text.replace("\n", "\n     "))
            if reply.document is not None:
                self.downloads.mkdir(parents=True, exist_ok=True)
                path = self.downloads / Path(reply.document.filename).name
                path.write_bytes(reply.document.content)
                self._print(f"     [{path}]")
            for row in reply.buttons:
                cells = []
                for button in row:
                    number = len(fresh) + 1
                    fresh[number] = (message_id, button)
                    cells.append(f"[{number}] {button.label}")
                self._print("     " + "   ".join(cells))
        if fresh:
            # Buttons of older messages stay pressable in Telegram; here the newest win.
            self._buttons = fresh


class ConsoleApi:
    """The outbox's :class:`bot.transports.delivery.BotApi` in the terminal: messages for the
    person at the keyboard print like replies; the demo has nobody else to reach."""

    def __init__(self, chat: ConsoleChat) -> None:
        self.chat = chat

    async def send_text(self, chat_id: int, text: str, buttons: Rows, *,
                        html: bool = False) -> None:
        if chat_id == self.chat.user_id:
            self.chat.render(Inbound(0, chat_id, chat_id, Kind.OTHER),
                             Outcome((Reply(text, buttons, html=html),)))

    async def edit_text(self, chat_id: int, message_id: int, text: str, buttons: Rows, *,
                        html: bool = False) -> None:
        if chat_id == self.chat.user_id:
            self.chat.render(Inbound(0, chat_id, chat_id, Kind.BUTTON, message_id=message_id),
                             Outcome((Reply(text, buttons, edit=True, html=html),)))

    async def send_document(self, chat_id: int, document: Document, buttons: Rows) -> None:
        if chat_id == self.chat.user_id:
            self.chat.render(Inbound(0, chat_id, chat_id, Kind.OTHER),
                             Outcome((Reply(document.caption, buttons, document=document),)))

    async def answer_callback(self, callback_id: str, text: str) -> None:
        return None
