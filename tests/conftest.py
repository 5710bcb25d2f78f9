"""Shared fixtures: real databases (SQLite file, PostgreSQL schema), the app, a chat driver."""

from __future__ import annotations

import asyncio
import contextlib
import functools
import io
import logging
import os
import shutil
import socket
import uuid
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime
from pathlib import Path

import pytest
from pydantic import SecretStr
from sqlalchemy import text
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine

from bot import compose
from bot.app import App
from bot.clock import Clock, FakeClock, RunningClock
from bot.config import Settings
from bot.content import ContentPack
from bot.content import load as load_content
from bot.i18n import Translator
from bot.logging_setup import setup_logging
from storage import crypto
from storage.database import create_engine
from storage.migrate import upgrade
from tests.chat_driver import ChatDriver
from tests.fake_telegram import FakeTelegram

POSTGRES_URL = os.environ.get(
    "TEST_POSTGRES_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/test")
ADMIN_ID = 900001
DATA_KEY = "hNk5v0M2f6mJr8cX1qZ3tY7wB9eL4aP0sD2gF6hJ8kQ="  # tests only
START = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)



KEYS = crypto.KeyRing([DATA_KEY])


def with_keys(engine: AsyncEngine) -> AsyncEngine:
    """A test's engine, with the data key the bot's own would have: storage tests write
    sensitive text without an App."""
    crypto.attach(engine, KEYS)
    return engine


# -- what every test's app shares: built once per run -----------------------------------------
# Parsing the Fluent files takes most of a second and the content pack a fifth; both are
# read-only once built, so the tests share them instead of paying that for each of ~600 apps.
@functools.cache
def _translator(locales_dir: Path) -> Translator:
    return Translator(locales_dir)


@functools.cache
def _content(content_dir: Path, signature: tuple[tuple[str, int], ...]) -> ContentPack:
    return load_content(content_dir)


def _files_signature(root: Path) -> tuple[tuple[str, int], ...]:
    """Names and change times: a pack a test edits in place is read again."""
    return tuple(sorted((str(path), path.stat().st_mtime_ns) for path in root.rglob("*")
                        if path.is_file()))


def build_app(settings: Settings, *, clock: Clock | None = None,
              engine: AsyncEngine | None = None) -> App:
    """The app as :func:`bot.compose.build_app` builds it, with the translator and content
    pack shared across tests."""
    content_dir = settings.content_dir.resolve()
    return compose.build_app(settings, clock=clock, engine=engine,
                     translator=_translator(settings.locales_dir.resolve()),
                     content=_content(content_dir, _files_signature(content_dir)))


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An SQLite database with every migration run, copied for each test that wants one: the
    migrations themselves are tested on fresh databases in test_storage."""
    path = tmp_path_factory.mktemp("template") / "bot.db"

    async def migrate() -> None:
        engine = create_engine(f"sqlite+aiosqlite:///{path}")
        await upgrade(engine)
        await engine.dispose()

    asyncio.run(migrate())
    assert not path.with_name("bot.db-wal").exists() or \
        path.with_name("bot.db-wal").stat().st_size == 0
    return path


async def _as_admin(statement: str) -> None:
    """One statement on the server's ``test`` database, outside a transaction (``CREATE
    DATABASE`` and ``DROP DATABASE`` refuse to run inside one)."""
    admin = create_engine(POSTGRES_URL, isolation_level="AUTOCOMMIT")
    try:
        async with admin.connect() as conn:
            await conn.execute(text(statement))
    finally:
        await admin.dispose()


def _url_of(database: str) -> str:
    return make_url(POSTGRES_URL).set(database=database).render_as_string(hide_password=False)


@pytest.fixture(scope="session")
def postgres_template() -> Iterator[str | None]:
    """A PostgreSQL database with every migration run, which each test wanting a migrated one
    gets a copy of (``CREATE DATABASE … TEMPLATE``: a file copy, a tenth of the migrations'
    time); None when PostgreSQL does not answer (those tests skip)."""
    name = f"tmpl_{uuid.uuid4().hex[:12]}"

    async def create() -> None:
        await _as_admin(f'CREATE DATABASE "{name}"')
        template = create_engine(_url_of(name))
        await upgrade(template)
        await template.dispose()

    try:
        asyncio.run(create())
    except Exception:  # any failure to reach it means "skip"
        yield None
        return
    yield name
    asyncio.run(_as_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))


@asynccontextmanager
async def postgres_database(template: str | None, *, migrated: bool = True
                            ) -> AsyncIterator[str]:
    """The URL of a database of this test's own, dropped afterwards: a copy of the migrated
    template, or (``migrated=False``) an empty one."""
    if template is None:
        pytest.skip(f"no PostgreSQL answers at {POSTGRES_URL}")
    name = f"t_{uuid.uuid4().hex[:12]}"
    await _as_admin(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if migrated else ""))
    try:
        yield _url_of(name)
    finally:
        await _as_admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(params=["sqlite", "postgres"])
async def engine(request: pytest.FixtureRequest, tmp_path: Path,
                 postgres_template: str | None) -> AsyncIterator[AsyncEngine]:
    """A real, empty database of each kind (migrations not yet run)."""
    if request.param == "sqlite":
        sqlite = with_keys(create_engine(f"sqlite+aiosqlite:///{tmp_path / 'test.db'}"))
        yield sqlite
        await sqlite.dispose()
        return
    async with postgres_database(postgres_template, migrated=False) as url:
        pg = with_keys(create_engine(url))
        yield pg
        await pg.dispose()


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(START)


@pytest.fixture
def migrated_database(tmp_path: Path, sqlite_template: Path) -> Path:
    """``tmp_path/bot.db``, every migration already run (a bot started on it finds nothing to
    do): what a test's settings, or a bot it starts as a process, use."""
    path = tmp_path / "bot.db"
    if not path.exists():
        shutil.copyfile(sqlite_template, path)
    return path


@pytest.fixture
def settings(migrated_database: Path) -> Settings:
    return Settings(_env_file=None, database_url=f"sqlite+aiosqlite:///{migrated_database}",
                    data_key=SecretStr(DATA_KEY),
                    admin_ids=frozenset({ADMIN_ID}), bot_token=None,
                    # Tests type far faster than people: the flood limit is tested on its own.
                    flood_limit=1_000_000)


@pytest.fixture
async def app(settings: Settings, clock: FakeClock) -> AsyncIterator[App]:
    """The whole app on SQLite, driven without any transport."""
    application = build_app(settings, clock=clock)
    await application.start()
    yield application
    await application.close()


@pytest.fixture
async def postgres_app(settings: Settings, clock: FakeClock,
                       postgres_template: str | None) -> AsyncIterator[App]:
    """The whole app on PostgreSQL (for what only PostgreSQL does: sharing rows by locks)."""
    async with postgres_database(postgres_template) as url:
        application = build_app(settings, clock=clock, engine=create_engine(url))
        await application.start()
        yield application
        await application.close()


@pytest.fixture
async def postgres_pair(settings: Settings, clock: FakeClock,
                        postgres_template: str | None) -> AsyncIterator[tuple[App, App]]:
    """Two apps (two replicas) on one PostgreSQL database."""
    async with postgres_database(postgres_template) as url:
        apps = (build_app(settings, clock=clock, engine=create_engine(url)),
                build_app(settings, clock=clock, engine=create_engine(url)))
        await apps[0].start()
        yield apps
        for application in apps:
            await application.close()


@pytest.fixture(params=["sqlite", "postgres"])
async def migrated_engine(request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path,
                          postgres_template: str | None) -> AsyncIterator[AsyncEngine]:
    """A real database of each kind with every migration run (copied from a template)."""
    if request.param == "sqlite":
        shutil.copyfile(sqlite_template, tmp_path / "test.db")
        sqlite = with_keys(create_engine(f"sqlite+aiosqlite:///{tmp_path / 'test.db'}"))
        yield sqlite
        await sqlite.dispose()
        return
    async with postgres_database(postgres_template) as url:
        pg = with_keys(create_engine(url))
        yield pg
        await pg.dispose()


@pytest.fixture
async def db_app(migrated_engine: AsyncEngine, settings: Settings,
                 clock: FakeClock) -> AsyncIterator[App]:
    """The whole app on each database (SQLite, PostgreSQL): for flows whose queries differ."""
    application = build_app(settings, clock=clock, engine=migrated_engine)
    await application.start()
    yield application
    await application.close()


@pytest.fixture
def running_clock() -> RunningClock:
    return RunningClock(START)


@pytest.fixture
def chat(app: App) -> ChatDriver:
    return ChatDriver(app, user_id=5001)


@pytest.fixture
def admin(app: App) -> ChatDriver:
    return ChatDriver(app, user_id=ADMIN_ID)


# -- end to end: the real aiogram bot against a fake Bot API server ------------------------
TOKEN = "123456:TEST-secret-token-do-not-log"


@pytest.fixture
async def telegram() -> AsyncIterator[FakeTelegram]:
    server = FakeTelegram()
    await server.start()
    yield server
    await server.stop()


WEBHOOK_SECRET = "hook-secret_0123456789"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def webhook_settings(port: int | None = None) -> dict[str, object]:
    port = port or free_port()
    return {"webhook_url": f"http://127.0.0.1:{port}/telegram/updates",
            "webhook_secret": SecretStr(WEBHOOK_SECRET),
            "webhook_listen": f"127.0.0.1:{port}"}


@asynccontextmanager
async def running_bot(server: FakeTelegram, settings: Settings, clock: FakeClock,
                      engine: AsyncEngine | None = None) -> AsyncIterator[App]:
    from bot.transports.telegram import telegram_transport

    live = settings.model_copy(update={"bot_token": SecretStr(TOKEN),
                                       "bot_api_url": server.base_url})
    application = build_app(live, clock=clock, engine=engine)
    await application.start()
    transport = telegram_transport(application, polling_timeout=2)
    task = asyncio.create_task(transport.run())
    try:
        await asyncio.wait_for(transport.ready.wait(), 15)
        server.bot_probes.append(transport.quiet)
        yield application
    finally:
        with contextlib.suppress(ValueError):
            server.bot_probes.remove(transport.quiet)
        await transport.stop()
        await task
        await application.close()


@pytest.fixture(params=["aiogram", "ptb"])
def framework(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(params=["polling", "webhook"])
def mode(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
async def bot(telegram: FakeTelegram, settings: Settings, clock: FakeClock,
              framework: str, mode: str) -> AsyncIterator[App]:
    """The real bot on SQLite, on each framework, polling the fake server or taking its
    updates by webhook."""
    chosen = settings.model_copy(update={
        "bot_framework": framework, **(webhook_settings() if mode == "webhook" else {})})
    async with running_bot(telegram, chosen, clock) as application:
        yield application


@pytest.fixture
def production_logs() -> Iterator[io.StringIO]:
    """Logging set up as ``exchange-bot run`` does, at DEBUG, captured whole."""
    root = logging.getLogger()
    saved = (root.handlers[:], root.level,
             {name: logging.getLogger(name).level for name in logging.root.manager.loggerDict})
    setup_logging("DEBUG", secrets=[TOKEN])
    captured = io.StringIO()
    # A plain handler without the token filter: nothing should need redacting to begin with.
    root.addHandler(logging.StreamHandler(captured))
    yield captured
    root.handlers[:], root.level = saved[0], saved[1]
    for name, level in saved[2].items():
        logging.getLogger(name).setLevel(level)
