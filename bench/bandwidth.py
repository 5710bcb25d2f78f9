"""Bandwidth of a learning module: what the bot sends against the module's own words.

For every module of the real content pack (in track order, each once), one onboarded participant
with the progress consent opens it from ``/tracks`` and goes through every card as a person
would, through the real bot and the fake Bot API server: Next/Finish on text cards, the first
choice of a quiz and of each scenario step, a typed sentence on a reflection. From the press on
the module's button to the "module done" message, every sendMessage and editMessageText to that
chat counts: its text and button labels in UTF-8 bytes. The module's own text is what the person
saw of the content on that path (title, card texts, the chosen answers, their feedback, the
visited scenario steps, the reflection prompt). Targets: received/own <= 1.3, and at most one
new message per card plus one.

    .venv/bin/python bench/bandwidth.py [--framework aiogram|ptb] [--language en]
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cryptography.fernet import Fernet
from pydantic import SecretStr

from bot.app import App
from bot.compose import build_app
from bot.config import Settings
from bot.content import Module
from bot.i18n import LANGUAGES
from bot.transports.telegram import telegram_transport
from handlers.consent import POLICY_VERSION
from storage import consents, participants
from tests.fake_telegram import BotMessage, FakeTelegram

BENCH_KEY = SecretStr(Fernet.generate_key().decode())  # a throwaway key per run
TOKEN = "123456:BENCH-token"
FIRST_USER = 20_000
MAX_RATIO = 1.3
REFLECTION = "We would ask each member privately what risk they can carry."


def size(text: str | None) -> int:
    return len((text or "").encode())


class Person:
    """One participant in the fake Telegram, acting and reading what the bot sent."""

    def __init__(self, server: FakeTelegram, user_id: int, lang: str) -> None:
        self.server, self.user_id, self.lang = server, user_id, lang
        server.add_user(user_id, language_code=lang)

    def current(self) -> BotMessage:
        """The newest snapshot of a bot message with buttons."""
        for _, message in reversed(self.server.events(self.user_id)):
            if message.buttons:
                return message
        raise AssertionError("no bot message with buttons")

    async def _wait(self, before: int) -> None:
        await self.server.wait_for(lambda: len(self.server.events(self.user_id)) > before,
                                   timeout=15, what="the bot's reply")
        await self.server.settle(quiet=0.1)

    async def send(self, text: str) -> None:
        before = len(self.server.events(self.user_id))
        await self.server.send_text(self.user_id, text, language_code=self.lang)
        await self._wait(before)

    async def press(self, label: str, *, exact: bool = True) -> None:
        message = self.current()
        data = next((d for row in message.buttons for text, d in row
                     if (text == label if exact else label in text)), None)
        if data is None:
            raise AssertionError(f"no button {label!r} on {message.text!r}")
        before = len(self.server.events(self.user_id))
        query = await self.server.press(self.user_id, message.message_id, data,
                                        language_code=self.lang)
        await self.server.wait_for(lambda: query in self.server.answers, timeout=15,
                                   what="the callback answer")
        await self._wait(before)


async def seed(app: App, user_id: int, lang: str) -> None:
    async with app.sessions() as session:
        now = app.deps.clock.now()
        person = await participants.create(session, user_id, language=lang, cohort_id=None,
                                           role="participant", step="menu", now=now)
        person.onboarded_at = now
        await consents.record_consent(session, person.id, "progress", True,
                                      policy_version=POLICY_VERSION, now=now)
        await session.commit()


async def run_module(app: App, person: Person, module: Module,
                     track: str) -> tuple[int, int, int, int, bool]:
    """(cards, bytes received, own bytes, new messages, ended on "module done")."""
    t = app.deps.translator
    lang = person.lang
    text, _ = module.text_for(lang)
    await person.send("/tracks")
    await person.press(track, exact=False)  # its label also counts finished modules
    start = len(person.server.events(person.user_id))
    await person.press(text.title, exact=False)
    own = size(text.title)
    for number, card in enumerate(text.cards, 1):
        onward = t.format(lang, "learn-finish" if number == len(text.cards) else "learn-next")
        if card.kind == "reflection":
            own += size(card.text)
            await person.send(REFLECTION)
            continue
        if card.kind == "quiz":
            choice = card.choices[0]
            own += size(card.text) + size(choice.label) + size(choice.feedback)
            await person.press(choice.label)
        elif card.kind == "scenario":
            step = card.step(card.start)
            while step is not None and not step.end:
                own += size(step.text) + size(step.choices[0].label)
                await person.press(step.choices[0].label)
                step = card.step(step.choices[0].next)
            own += size(step.text if step else "")
        else:
            own += size(card.text)
        await person.press(onward)
    events = person.server.events(person.user_id)[start:]
    received = sum(size(m.text) + sum(size(label) for row in m.buttons for label, _ in row)
                   for _, m in events)
    sends = sum(1 for kind, _ in events if kind == "send")
    done = t.format(lang, "learn-module-done", {"title": text.title})
    finished = bool(events) and (events[-1][1].text or "").startswith(done)
    return len(text.cards), received, own, sends, finished


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--framework", choices=("aiogram", "ptb"), default="aiogram")
    parser.add_argument("--language", choices=LANGUAGES, default="en")
    args = parser.parse_args()
    logging.basicConfig(level=logging.WARNING)
    server = FakeTelegram()
    await server.start()
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(_env_file=None, bot_token=SecretStr(TOKEN), data_key=BENCH_KEY,
                            bot_api_url=server.base_url, bot_framework=args.framework,
                            database_url=f"sqlite+aiosqlite:///{Path(tmp) / 'bench.db'}")
        app = build_app(settings)
        await app.start()
        transport = telegram_transport(app, polling_timeout=5)
        task = asyncio.create_task(transport.run())
        await transport.ready.wait()
        try:
            await report(app, server, args.framework, args.language)
        finally:
            await transport.stop()
            await task
            await app.close()
            await server.stop()


async def report(app: App, server: FakeTelegram, framework: str, lang: str) -> None:
    content = app.deps.content
    first_track: dict[str, str] = {}
    for track in content.tracks:
        for module_id in track.modules:
            first_track.setdefault(module_id, track.titles.get(lang) or track.titles["en"])
    print(f"{framework}, language {lang}: targets ratio <= {MAX_RATIO}, messages <= cards + 1")
    print(f"{'module':24} {'cards':>5} {'received':>9} {'own':>7} {'ratio':>6} {'msgs':>5}")
    totals = [0, 0, 0, 0]
    for n, (module_id, track_label) in enumerate(first_track.items()):
        user_id = FIRST_USER + n
        await seed(app, user_id, lang)
        person = Person(server, user_id, lang)
        cards, received, own, sends, finished = await run_module(
            app, person, content.modules[module_id], track_label)
        ratio = received / own if own else float("inf")
        ok = finished and ratio <= MAX_RATIO and sends <= cards + 1
        verdict = "OK" if ok else "OVER" if finished else "OVER (no 'module done')"
        print(f"{module_id:24} {cards:5} {received:9} {own:7} {ratio:6.3f} {sends:5}  {verdict}",
              flush=True)
        for k, value in enumerate((cards, received, own, sends)):
            totals[k] += value
    cards, received, own, sends = totals
    ratio = received / own if own else float("inf")
    print(f"{'total':24} {cards:5} {received:9} {own:7} {ratio:6.3f} {sends:5}  "
          f"{'OK' if ratio <= MAX_RATIO else 'OVER'} (ratio)")


if __name__ == "__main__":
    asyncio.run(main())
