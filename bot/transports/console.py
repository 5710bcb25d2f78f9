"""The terminal chat: the same app and handlers, no Telegram and no token, and a whole
exchange at one keyboard.

Buttons print numbered; typing a number presses one. ``/as <number or name>`` switches who is
typing (``/as`` alone lists everyone); whatever the bot sends anyone here through the outbox
(broadcasts, relayed mentor messages, incident alerts, check-ins, notices) prints as
"→ name (role): …", and a message for a chat that is nobody here is recorded as unreachable,
never as sent. Reads piped input too, so a whole exchange can be scripted:
``printf '/as dana\\n/broadcast\\n' | exchange-bot chat``.
"""

from __future__ import annotations

import asyncio
import contextlib
import re
import sys
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from typing import TextIO

from sqlalchemy import func, select

from bot.app import App
from bot.core import Button, Document, Inbound, Kind, Outcome, Reply, Rows
from bot.demo import DEMO_EXCHANGE, INVITE, ensure_demo
from bot.i18n import DEFAULT_LANGUAGE
from bot.outbox_dispatcher import outbox_dispatcher
from bot.ports import CannotEdit, Unreachable
from storage import exchanges, outbox, participants
from storage.models import OutboxMessage, Participant

SWITCH = "/as"
INDENT = "     "
PERSON_LINK = re.compile(r"tg://user\?id=(\d+)")
SETTLE_SECONDS = 10.0  # at most this long for the outbox to show what a line caused


@dataclass(frozen=True)
class Person:
    """Someone at this keyboard, as the prompt and the arrows name them."""

    telegram_id: int
    name: str
    role: str | None  # None: has not joined
    language: str


@dataclass
class ConsoleChat:
    app: App
    user_id: int  # who is typing now (``/as`` changes it)
    out: TextIO = sys.stdout
    downloads: Path = Path("data/downloads")
    interactive: bool = False
    language: str = DEFAULT_LANGUAGE  # the demo's, and anyone's who has not chosen one
    # Called once the demo exists and the first person is in (the CLI starts the scheduled
    # jobs there, so the demo's due check-ins come now, and after the first menu).
    on_open: Callable[[], Awaitable[None]] | None = None
    _update_id: int = 0
    _message_id: int = 0
    # Per person, the buttons their newest keyboard shows: number → (message id, button).
    _buttons: dict[int, dict[int, tuple[int, Button]]] = field(default_factory=dict)
    # Per person, that keyboard's message, shown again when someone becomes them.
    _keyboards: dict[int, tuple[int, Reply]] = field(default_factory=dict)
    _typed: set[int] = field(default_factory=set)  # ids that typed here, joined or not
    _waiting: str = ""  # the prompt shown while waiting for a typed line

    def _print(self, text: str = "") -> None:
        print(text, file=self.out, flush=True)

    def _t(self, lang: str, msg_id: str, **args: object) -> str:
        return self.app.deps.translator.format(lang, msg_id, args)

    # -- who is here ---------------------------------------------------------------------
    async def person(self, telegram_id: int) -> Person | None:
        """The person this chat id belongs to, if anyone here: someone with a record (the
        chat's database serves this keyboard only) or someone who typed here."""
        async with self.app.sessions() as session:
            row = await participants.get(session, telegram_id) if telegram_id else None
        if row is not None:
            return self._as_person(row)
        if telegram_id in self._typed:
            return self._newcomer(telegram_id)
        return None

    def _as_person(self, row: Participant) -> Person:
        name = row.alias or self._t(row.language, "console-person", id=row.telegram_id)
        return Person(row.telegram_id, name, row.role, row.language)

    async def everyone(self) -> list[Person]:
        """Everyone with a record, and whoever typed here without one, by id."""
        async with self.app.sessions() as session:
            rows = await session.scalars(select(Participant).where(Participant.telegram_id != 0)
                                         .order_by(Participant.telegram_id))
            found = {row.telegram_id: self._as_person(row) for row in rows}
        for telegram_id in self._typed - found.keys():
            found[telegram_id] = self._newcomer(telegram_id)
        return [found[key] for key in sorted(found)]

    async def me(self) -> Person:
        found = await self.person(self.user_id)
        return found or self._newcomer(self.user_id)

    def _newcomer(self, telegram_id: int) -> Person:
        name = self._t(self.language, "console-person", id=telegram_id)
        return Person(telegram_id, name, None, self.language)

    def label(self, person: Person, lang: str) -> str:
        role = self._t(lang, f"console-role-{person.role}" if person.role
                       else "console-not-joined")
        return f"{person.name} ({role})"

    # -- the conversation ----------------------------------------------------------------
    async def run(self, lines: asyncio.Queue[str | None] | None = None) -> None:
        async with self.delivering():
            await self.open()
            while True:
                if self.interactive:
                    self._waiting = await self.prompt()
                    print(self._waiting, end="", file=self.out, flush=True)
                line = await (lines.get() if lines else asyncio.to_thread(sys.stdin.readline))
                self._waiting = ""
                if not line:  # EOF (Ctrl-D, or the end of piped input)
                    break
                await self.type(line.rstrip("\r\n"))

    @contextlib.asynccontextmanager
    async def delivering(self) -> AsyncIterator[None]:
        """The outbox is sent here too, while the chat lasts: each message prints for the
        person it is for."""
        dispatcher = outbox_dispatcher(self.app, ConsoleApi(self))
        sending = asyncio.create_task(dispatcher.run())
        try:
            yield
            await self.settle()
        finally:
            await dispatcher.stop()
            await sending

    async def open(self) -> None:
        """The demo (made on the first run), who is here, and the first person's start."""
        async with self.app.sessions() as session:
            created = await ensure_demo(session, self.app.deps.translator, self.language,
                                        self.app.deps.clock.now())
            await session.commit()
        lang = (await self.me()).language
        self._print(self._t(lang, "console-intro"))
        if created:
            self._print(self._t(lang, "console-demo-created", exchange=DEMO_EXCHANGE))
        await self.show_people()
        await self._arrive(first_time=created)
        if self.on_open is not None:
            await self.on_open()
        await self.settle()

    async def prompt(self) -> str:
        me = await self.me()
        return self.label(me, me.language) + "> "

    async def type(self, line: str) -> None:
        """One line typed by whoever is typing now (a piped one is echoed after the prompt)."""
        if not self.interactive:
            self._print(await self.prompt() + line)
        if line.strip():
            await self.send(line)
            await self.settle()

    async def _arrive(self, *, first_time: bool = False) -> None:
        """Whoever is typing now starts as in Telegram: ``/start`` (welcome back where they
        stopped, or for someone who has not joined, how to join); a demo person who never
        typed yet gets the menu, not a welcome back."""
        self._typed.add(self.user_id)
        joined = (await self.me()).role is not None
        await self.send("/menu" if first_time and joined else "/start")

    async def show_people(self) -> None:
        me = await self.me()
        lines = [self._t(me.language, "console-people")]
        people = await self.everyone()
        for person in people:
            mark = "  ← " + self._t(me.language, "console-you") \
                if person.telegram_id == self.user_id else ""
            lines.append(f"  {person.telegram_id:>3}  {self.label(person, me.language)}{mark}")
        async with self.app.sessions() as session:
            invite = await exchanges.live_invite(session, INVITE)
        if invite is not None:
            newcomer = max((p.telegram_id for p in people), default=0) + 1
            lines.append(self._t(me.language, "console-newcomer-hint", id=newcomer,
                                 code=INVITE))
        self._print("\n".join(lines))

    async def switch(self, who: str) -> None:
        """``/as``: list everyone; ``/as 3``, ``/as camila``, ``/as safety``: become them."""
        lang = (await self.me()).language
        if not who:
            await self.show_people()
            return
        found = await self._find(who)
        if found is None:
            self._print(self._t(lang, "console-as-unknown", who=who))
            await self.show_people()
            return
        self.user_id = found
        me = await self.me()
        self._print(self._t(me.language, "console-now", who=self.label(me, me.language)))
        if me.role is None:
            await self._arrive()
        elif found in self._keyboards:
            # Their newest buttons, pressable now: as if scrolling back in their chat.
            message_id, reply = self._keyboards[found]
            earlier = self._t(me.language, "console-earlier")
            self._show(f"bot {earlier}> ", reply, message_id, me, me.language)

    async def _find(self, who: str) -> int | None:
        wanted = who.strip().lstrip("#").casefold()
        if wanted.isdigit():
            # 0 stands for every erased person (``/forget``): nobody can be them again.
            return int(wanted) or None
        people = await self.everyone()
        for matches in (lambda p: p.name.casefold() == wanted,
                        lambda p: p.name.casefold().startswith(wanted),
                        lambda p: p.role is not None and p.role.startswith(wanted)):
            chosen = [p for p in people if matches(p)]
            if chosen:
                return chosen[0].telegram_id
        return None

    async def send(self, line: str) -> None:
        head, _, rest = line.strip().partition(" ")
        if head.lower() == SWITCH:
            await self.switch(rest)
            return
        self._update_id += 1
        self._typed.add(self.user_id)
        number = line.strip()
        pressable = self._buttons.get(self.user_id, {})
        if number.isdigit() and int(number) in pressable:
            message_id, button = pressable[int(number)]
            if button.url:
                self._print(button.url)
                return
            inbound = Inbound(self._update_id, self.user_id, self.user_id, Kind.BUTTON,
                              data=button.data, message_id=message_id)
        else:
            self._message_id += 1
            inbound = Inbound.from_text(self._update_id, self.user_id, self.user_id, line)
        outcome = await self.app.handle(inbound)
        await self.render(inbound, outcome, await self.me())

    async def settle(self) -> None:
        """Wait until the outbox has shown what is due, so that what a line caused (a
        broadcast's copies, a relayed message, an alert) prints before the next line."""
        deadline = time.monotonic() + SETTLE_SECONDS
        while time.monotonic() < deadline:
            async with self.app.sessions() as session:
                waiting = await session.scalar(
                    select(func.count()).select_from(OutboxMessage).where(
                        OutboxMessage.status.in_(outbox.IN_FLIGHT),
                        OutboxMessage.next_attempt_at <= self.app.deps.clock.now()))
            if not waiting:
                return
            await asyncio.sleep(0.05)

    # -- showing -------------------------------------------------------------------------
    async def render(self, inbound: Inbound, outcome: Outcome, to: Person, *,
                     via_outbox: bool = False) -> None:
        """Print an outcome for ``to``: a direct reply to the typist as "bot>", anything
        the outbox brings as "→ name (role):"."""
        lang = (await self.me()).language
        if outcome.toast:
            self._print(f"  ({outcome.toast})")
        for reply in outcome.replies:
            edited = ""
            if reply.edit and inbound.message_id is not None:
                # A terminal cannot change what it printed: say the message was replaced.
                message_id = inbound.message_id
                edited = " " + self._t(lang, "console-edited")
            else:
                self._message_id += 1
                message_id = self._message_id
            prompt = f"→ {self.label(to, lang)}{edited}: " if via_outbox else f"bot{edited}> "
            if self._waiting:  # arrived while someone was at the prompt: below it, then again
                self._print()
            self._show(prompt, reply, message_id, to, lang)
            if self._waiting:
                print(self._waiting, end="", file=self.out, flush=True)

    def _show(self, prompt: str, reply: Reply, message_id: int, to: Person,
              lang: str) -> None:
        text = plain(reply.text) if reply.html else reply.text
        self._print(prompt + text.replace("\n", "\n" + INDENT))
        if reply.document is not None:
            self.downloads.mkdir(parents=True, exist_ok=True)
            path = self.downloads / Path(reply.document.filename).name
            path.write_bytes(reply.document.content)
            self._print(f"{INDENT}[{path}]")
        if not reply.buttons:
            return
        # Buttons of older messages stay pressable in Telegram; here each person's newest win.
        fresh: dict[int, tuple[int, Button]] = {}
        for row in reply.buttons:
            cells = []
            for button in row:
                fresh[len(fresh) + 1] = (message_id, button)
                cells.append(f"[{len(fresh)}] {button.label}" if to.telegram_id == self.user_id
                             else f"[{button.label}]")
            self._print(INDENT + "   ".join(cells))
        if to.telegram_id != self.user_id:
            self._print(INDENT + self._t(lang, "console-their-buttons",
                                         id=to.telegram_id))
        self._buttons[to.telegram_id] = fresh
        self._keyboards[to.telegram_id] = (message_id, reply)

    async def unreachable(self, chat_id: int) -> None:
        lang = (await self.me()).language
        self._print("✗ " + self._t(lang, "console-unreachable", chat=chat_id))


class _Plain(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "a":
            self.links.append(dict(attrs).get("href") or "")

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self.links:
            href = self.links.pop()
            person = PERSON_LINK.fullmatch(href)
            # A link to someone's Telegram account is, here, becoming them.
            self.parts.append(f" ({SWITCH} {person.group(1)})" if person else f" ({href})")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def plain(text: str) -> str:
    """Telegram HTML as a terminal shows it: the text, with where each link leads."""
    parser = _Plain()
    parser.feed(text)
    parser.close()
    return "".join(parser.parts)


class ConsoleApi:
    """The outbox's :class:`bot.transports.delivery.BotApi` in the terminal: a message for
    anyone here prints with whom it reached; one for a chat that is nobody here is
    :class:`Unreachable` (the outbox records it so), never counted as sent."""

    def __init__(self, chat: ConsoleChat) -> None:
        self.chat = chat

    async def _recipient(self, chat_id: int) -> Person:
        found = await self.chat.person(chat_id)
        if found is None:
            await self.chat.unreachable(chat_id)
            raise Unreachable(chat_id)
        return found

    async def send_text(self, chat_id: int, text: str, buttons: Rows, *,
                        html: bool = False) -> None:
        to = await self._recipient(chat_id)
        await self.chat.render(Inbound(0, chat_id, chat_id, Kind.OTHER),
                               Outcome((Reply(text, buttons, html=html),)), to, via_outbox=True)

    async def edit_text(self, chat_id: int, message_id: int, text: str, buttons: Rows, *,
                        html: bool = False) -> None:
        to = await self.chat.person(chat_id)
        if to is None:
            raise CannotEdit(chat_id)  # not a message of anyone here
        await self.chat.render(Inbound(0, chat_id, chat_id, Kind.BUTTON, message_id=message_id),
                               Outcome((Reply(text, buttons, edit=True, html=html),)), to,
                               via_outbox=True)

    async def send_document(self, chat_id: int, document: Document, buttons: Rows) -> None:
        to = await self._recipient(chat_id)
        await self.chat.render(Inbound(0, chat_id, chat_id, Kind.OTHER),
                               Outcome((Reply(document.caption, buttons, document=document),)),
                               to, via_outbox=True)

    async def answer_callback(self, callback_id: str, text: str) -> None:
        return None
