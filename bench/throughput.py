"""Throughput of the full bot against a bare aiogram echo bot, on the same fake Bot API server.

N users each send M messages, one after another (a closed loop: the next message goes once
the reply arrived), all users at once. The full bot answers ``/menu`` (aiogram adapter, router,
a database transaction on SQLite, Fluent) with the main menu and its four buttons; the bare
bot echoes the text. A third bot, also bare, answers every message with that same menu text
and keyboard, to tell what our code costs apart from what a bigger message costs on the wire.
Rounds alternate between the bots, and the figures are medians over the rounds, because
absolute times on shared machines swing between runs. The full bot freezes its start-up heap
as ``exchange-bot run`` does (``gc.freeze``); the bare bots run as their framework's users
write them. Each person sends at most ``flood_limit`` (20) messages within ten seconds: more,
and the bot rightly stops answering them. Figures and what they decided: bench/README.md.

    .venv/bin/python bench/throughput.py [--framework aiogram|ptb] [--users 50]
                                         [--messages 20] [--rounds 5]
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import logging
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from aiogram import Bot, Dispatcher
from aiogram.client.session.aiohttp import AiohttpSession
from aiogram.client.telegram import TelegramAPIServer
from aiogram.types import Message
from cryptography.fernet import Fernet
from pydantic import SecretStr

from bot.compose import build_app
from bot.config import Settings
from bot.transports.telegram import telegram_transport
from storage import participants
from tests.fake_telegram import FakeTelegram

BENCH_KEY = SecretStr(Fernet.generate_key().decode())  # a throwaway key per run
TOKEN = "123456:BENCH-token"
FIRST_USER = 10_000


FRAMEWORK = "aiogram"  # set from --framework


@asynccontextmanager
async def full_bot(server: FakeTelegram, users: int, folder: Path) -> AsyncIterator[None]:
    settings = Settings(_env_file=None, bot_token=SecretStr(TOKEN), bot_api_url=server.base_url,
                        data_key=BENCH_KEY,
                        bot_framework=FRAMEWORK,
                        # A fresh database each round: the fake server numbers its updates
                        # from the same start, which the bot would rightly take as duplicates.
                        database_url=f"sqlite+aiosqlite:///{folder / f'{uuid.uuid4().hex}.db'}")
    app = build_app(settings)
    await app.start()
    async with app.sessions() as session:
        now = app.deps.clock.now()
        for user_id in range(FIRST_USER, FIRST_USER + users):
            if await participants.get_for_update(session, user_id) is None:
                person = await participants.create(session, user_id, language="en",
                                                   cohort_id=None, role="participant",
                                                   step="menu", now=now)
                person.onboarded_at = now
        await session.commit()
    transport = telegram_transport(app, polling_timeout=5)
    gc.collect()  # as bot.cli does before serving
    gc.freeze()
    task = asyncio.create_task(transport.run())
    await transport.ready.wait()
    try:
        yield
    finally:
        await transport.stop()
        await task
        await app.close()
        gc.unfreeze()  # the next bot starts from the same collector state


def menu_reply() -> tuple[str, list[list[tuple[str, str]]]]:
    from bot.i18n import Translator
    from handlers.menu import MENU_ITEMS

    t = Translator(Settings(_env_file=None).locales_dir)
    cells = [(t.format("en", f"menu-{item}"), f"1:menu:{item}") for item in MENU_ITEMS]
    return t.format("en", "menu-title"), [cells[i:i + 2] for i in range(0, len(cells), 2)]


@asynccontextmanager
async def aiogram_bot(server: FakeTelegram, *, menu: bool) -> AsyncIterator[None]:
    """Bare aiogram, polling with its own dispatcher, updates handled as tasks."""
    from aiogram.types import InlineKeyboardButton, InlineKeyboardMarkup

    text, rows = menu_reply()
    markup = InlineKeyboardMarkup(inline_keyboard=[
        [InlineKeyboardButton(text=label, callback_data=data) for label, data in row]
        for row in rows])
    bot = Bot(TOKEN, session=AiohttpSession(api=TelegramAPIServer.from_base(server.base_url)))
    dispatcher = Dispatcher()

    @dispatcher.message()
    async def answer(message: Message) -> None:
        if menu:
            await message.answer(text, reply_markup=markup)
        else:
            await message.answer(message.text or "?")

    task = asyncio.create_task(dispatcher.start_polling(bot, polling_timeout=5,
                                                        handle_signals=False))
    await server.wait_for(lambda: bool(server.calls_of("getUpdates")), timeout=30)
    try:
        yield
    finally:
        await dispatcher.stop_polling()
        await task


@asynccontextmanager
async def echo_bot(server: FakeTelegram, users: int, folder: Path) -> AsyncIterator[None]:
    async with aiogram_bot(server, menu=False):
        yield


@asynccontextmanager
async def menu_bot(server: FakeTelegram, users: int, folder: Path) -> AsyncIterator[None]:
    """Bare aiogram, replying with the full bot's menu (same text, same keyboard)."""
    async with aiogram_bot(server, menu=True):
        yield


@asynccontextmanager
async def ptb_bot(server: FakeTelegram, *, menu: bool) -> AsyncIterator[None]:
    """Bare python-telegram-bot, polling with its own Updater, updates handled concurrently."""
    os.environ.setdefault("PTB_TIMEDELTA", "true")
    from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
    from telegram.ext import Application, ContextTypes, MessageHandler, filters

    text, rows = menu_reply()
    markup = InlineKeyboardMarkup([[InlineKeyboardButton(label, callback_data=data)
                                    for label, data in row] for row in rows])
    application = (Application.builder().token(TOKEN).base_url(f"{server.base_url}/bot")
                   .base_file_url(f"{server.base_url}/file/bot").job_queue(None)
                   .concurrent_updates(True).build())

    async def answer(update: Update, _: ContextTypes.DEFAULT_TYPE) -> None:
        assert update.message is not None
        if menu:
            await update.message.reply_text(text, reply_markup=markup)
        else:
            await update.message.reply_text(update.message.text or "?")

    application.add_handler(MessageHandler(filters.ALL, answer))
    await application.initialize()
    await application.start()
    assert application.updater is not None
    await application.updater.start_polling(timeout=5)
    try:
        yield
    finally:
        await application.updater.stop()
        await application.stop()
        await application.shutdown()


@asynccontextmanager
async def ptb_echo(server: FakeTelegram, users: int, folder: Path) -> AsyncIterator[None]:
    async with ptb_bot(server, menu=False):
        yield


@asynccontextmanager
async def ptb_menu(server: FakeTelegram, users: int, folder: Path) -> AsyncIterator[None]:
    async with ptb_bot(server, menu=True):
        yield


BARE = {"aiogram": {"bare echo": echo_bot, "bare menu": menu_bot},
        "ptb": {"bare echo": ptb_echo, "bare menu": ptb_menu}}


async def measure(bot: Callable[..., object], users: int, messages: int,
                  folder: Path) -> tuple[float, float, list[float]]:
    """(updates/s, CPU seconds per update of this whole process, latencies)."""
    server = FakeTelegram()
    await server.start()
    for user_id in range(FIRST_USER, FIRST_USER + users):
        server.add_user(user_id)
    latencies: list[float] = []

    async def person(user_id: int) -> None:
        for _ in range(messages):
            sent = time.perf_counter()
            await server.send_text(user_id, "/menu")
            await server.next_event(user_id, timeout=60)
            latencies.append(time.perf_counter() - sent)

    gc.collect()  # the last bot's garbage is not collected on this one's time
    try:
        async with bot(server, users, folder):  # type: ignore[attr-defined]
            started, cpu = time.perf_counter(), time.process_time()
            await asyncio.gather(*(person(u) for u in range(FIRST_USER, FIRST_USER + users)))
            elapsed = time.perf_counter() - started
            cpu = time.process_time() - cpu
    finally:
        await server.stop()
    return users * messages / elapsed, cpu / (users * messages), latencies


def quantile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--messages", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--framework", choices=("aiogram", "ptb"), default="aiogram")
    args = parser.parse_args()
    global FRAMEWORK  # noqa: PLW0603 - one setting for the whole run
    FRAMEWORK = args.framework
    bots = {"full bot": full_bot, **BARE[args.framework]}
    logging.basicConfig(level=logging.WARNING)
    results: dict[str, list[tuple[float, float, float, float]]] = {name: [] for name in bots}
    with tempfile.TemporaryDirectory() as tmp:
        for round_no in range(args.rounds):
            for name, bot in bots.items():
                rate, cpu, lat = await measure(bot, args.users, args.messages, Path(tmp))
                row = (rate, quantile(lat, 0.5), quantile(lat, 0.99), cpu)
                results[name].append(row)
                print(f"round {round_no + 1} {name:10}: {fmt(row)}", flush=True)
    print(f"\n{args.framework}: {args.users} users x {args.messages} messages, "
          f"median of {args.rounds} rounds:")
    for name, rows in results.items():
        print(f"  {name:10}: " + fmt(tuple(statistics.median(r[k] for r in rows)
                                          for k in range(4))))  # type: ignore[arg-type]
    for base in BARE[args.framework]:
        ratios = [f[0] / b[0] for f, b in zip(results["full bot"], results[base], strict=True)]
        print(f"  full bot / {base}: {statistics.median(ratios):.2f}x "
              f"(per round {', '.join(f'{r:.2f}' for r in ratios)})")
    print("  target: full bot >= 0.70x the bare echo bot")


def fmt(row: tuple[float, float, float, float]) -> str:
    rate, p50, p99, cpu = row
    return (f"{rate:7.1f} updates/s  p50 {p50 * 1000:6.1f} ms  p99 {p99 * 1000:6.1f} ms  "
            f"cpu {cpu * 1000:5.2f} ms/update")


if __name__ == "__main__":
    asyncio.run(main())
