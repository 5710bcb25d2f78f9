"""The composition root: the one place that builds the bot's parts from the settings and
hands each part only what it needs. The CLI asks for a bot to serve; tests build the same app
with parts of their own (a fake clock, a shared translator).

Order matters where it is written down: the key ring before anything reads or writes the
database (stored text is encrypted), the content before the app (a pack with problems stops
the start), the app before the transport and the scheduler that drive it.
"""

from __future__ import annotations

import asyncio
import gc
from typing import Any

from sqlalchemy.ext.asyncio import AsyncEngine

from bot.app import App
from bot.clock import Clock, SystemClock
from bot.config import Settings
from bot.content import ContentPack
from bot.content import load as load_content
from bot.i18n import Translator
from handlers import build_router
from handlers.context import Deps
from storage import crypto
from storage.database import create_engine, session_factory


def build_app(settings: Settings, *, clock: Clock | None = None,
              engine: AsyncEngine | None = None, translator: Translator | None = None,
              content: ContentPack | None = None) -> App:
    """The app; parts not given are built from the settings.

    Raises :class:`bot.content.ContentError` for a content pack with problems: the bot does
    not start on content it would show wrongly."""
    content = content or load_content(settings.content_dir)
    engine = engine or create_engine(settings.database_url)
    if settings.data_key is not None:  # before anything reads or writes the database
        crypto.attach(engine, crypto.KeyRing(settings.data_keys()))
    deps = Deps(translator=translator or Translator(settings.locales_dir),
                clock=clock or SystemClock(), router=build_router(), content=content,
                admin_ids=settings.admin_ids,
                pseudonym_key=(settings.pseudonym_key.get_secret_value().encode()
                               if settings.pseudonym_key else None))
    return App(settings, engine, session_factory(engine), deps)


async def serve_telegram(settings: Settings, stop_requested: asyncio.Event) -> None:
    """Serve Telegram until ``stop_requested``: the app, the adapter ``BOT_FRAMEWORK`` names
    (only its framework is imported) and the periodic jobs."""
    from bot.transports.telegram import telegram_transport
    from scheduler.runner import build_scheduler, stop

    app = build_app(settings)
    await app.start()
    transport = telegram_transport(app)
    jobs: set[asyncio.Task[Any]] = set()
    scheduler = build_scheduler(app, jobs)

    async def stop_when_asked() -> None:
        await stop_requested.wait()
        await transport.stop()

    stopper = asyncio.create_task(stop_when_asked())
    # What is built by now (content, translations, ORM and framework classes) lives as long
    # as the process: frozen, it is out of the collector's sight, and the full collections
    # that busy polling triggers every few hundred updates no longer re-scan it (about half a
    # second each; without the freeze the aiogram bot fell to 0.64x a bare bot, see
    # bench/README.md). Here, once per serving process: in a test process it would make every
    # test's objects immortal.
    gc.collect()
    gc.freeze()
    scheduler.start()
    try:
        await transport.run()
    finally:
        stopper.cancel()
        await stop(scheduler, jobs)
        await app.close()


async def chat_in_terminal(settings: Settings, user_id: int, *, interactive: bool,
                           language: str) -> None:
    """The terminal chat, with the same periodic jobs as Telegram (scheduled prompts,
    check-ins and reminders print for the person they are for)."""
    from bot.transports.console import ConsoleChat
    from scheduler.jobs import send_nudges
    from scheduler.runner import build_scheduler, stop

    app = build_app(settings)
    await app.start()
    jobs: set[asyncio.Task[Any]] = set()
    scheduler = build_scheduler(app, jobs)

    async def start_jobs() -> None:
        await send_nudges(app)  # what is due now (the demo's check-ins), before the first line
        scheduler.start()

    try:
        await ConsoleChat(app, user_id, interactive=interactive, language=language,
                          on_open=start_jobs).run()
    finally:
        await stop(scheduler, jobs)
        await app.close()
