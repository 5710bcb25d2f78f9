"""Telegram unreachable at start, on each framework, polling and by webhook: ``exchange-bot
run`` (the real command, in its own process) waits with one log line per try and no
traceback, ``/healthz`` says "not ready" meanwhile, and it serves as soon as the Bot API
answers; SIGTERM while it waits stops it cleanly."""

from __future__ import annotations

import asyncio
import contextlib
import os
import re
import signal
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path

import aiohttp
import pytest

from bot.backoff import Backoff
from tests.conftest import DATA_KEY, TOKEN, WEBHOOK_SECRET, webhook_settings
from tests.fake_telegram import FakeTelegram
from tests.telegram_user import TelegramUser
from tests.test_cli import EXE, T

# A bot process starts on a migrated database, as after its first run.
pytestmark = pytest.mark.usefixtures("migrated_database")

PERSON = 626262
ATTEMPT = re.compile(r" WARNING bot\.transports\.intake telegram_unreachable attempt=(\d+) "
                     r"error=\w+ retry_in=\d+\.\ds$")


@dataclass
class BotProcess:
    """``exchange-bot run`` in a process of its own; its log lines as they come."""

    process: asyncio.subprocess.Process
    health_url: str | None
    lines: list[str] = field(default_factory=list)
    _new_line: asyncio.Event = field(default_factory=asyncio.Event)

    async def read_log(self) -> None:
        assert self.process.stderr is not None
        async for line in self.process.stderr:
            self.lines.append(line.decode(errors="replace").rstrip("\n"))
            self._new_line.set()
        self._new_line.set()  # the end: whoever waits for a line looks once more

    async def wait_for_line(self, pattern: str) -> None:
        async with asyncio.timeout(30):
            while not any(re.search(pattern, line) for line in self.lines):
                assert not self.process.stderr or not self.process.stderr.at_eof(), self.log
                self._new_line.clear()
                await self._new_line.wait()

    @property
    def log(self) -> str:
        return "\n".join(self.lines)

    def attempts(self) -> list[int]:
        return [int(m.group(1)) for line in self.lines if (m := ATTEMPT.search(line))]

    async def health(self) -> int:
        assert self.health_url is not None
        async with aiohttp.ClientSession() as http, http.get(self.health_url) as response:
            return response.status

    async def terminate(self) -> int:
        self.process.send_signal(signal.SIGTERM)
        async with asyncio.timeout(20):
            return await self.process.wait()


@pytest.fixture
async def unreachable_bot(telegram: FakeTelegram, tmp_path: Path, framework: str,
                          mode: str) -> AsyncIterator[BotProcess]:
    """The bot started while nothing answers at its BOT_API_URL."""
    await telegram.go_down()
    env = {k: v for k, v in os.environ.items()
           if k not in ("BOT_TOKEN", "DATABASE_URL", "ADMIN_IDS", "DATA_KEY", "PSEUDONYM_KEY")}
    env |= {"BOT_TOKEN": TOKEN, "BOT_API_URL": telegram.base_url, "BOT_FRAMEWORK": framework,
            "DATA_KEY": DATA_KEY, "LOG_LEVEL": "INFO",
            "DATABASE_URL": f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}"}
    health_url = None
    if mode == "webhook":
        hook = webhook_settings()
        env |= {"WEBHOOK_URL": str(hook["webhook_url"]), "WEBHOOK_SECRET": WEBHOOK_SECRET,
                "WEBHOOK_LISTEN": str(hook["webhook_listen"])}
        health_url = f"http://{hook['webhook_listen']}/healthz"
    process = await asyncio.create_subprocess_exec(
        str(EXE), "run", cwd=tmp_path, env=env, stdin=asyncio.subprocess.DEVNULL,
        stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.PIPE)
    bot = BotProcess(process, health_url)
    reader = asyncio.create_task(bot.read_log())
    try:
        yield bot
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()
        with contextlib.suppress(asyncio.CancelledError):
            await reader


async def test_the_bot_waits_for_telegram_then_answers(unreachable_bot: BotProcess,
                                                       telegram: FakeTelegram,
                                                       mode: str) -> None:
    bot = unreachable_bot
    await bot.wait_for_line("telegram_unreachable attempt=2 ")
    if mode == "webhook":  # the listener is up for probes, and says "not ready"
        assert await bot.health() == 503
        # An update from the webhook set by an earlier run: "later, please", not lost.
        assert bot.health_url is not None
        hook = bot.health_url.replace("/healthz", "/telegram/updates")
        update = {"update_id": 1, "message": {"message_id": 1, "date": 1_700_000_000,
                                              "chat": {"id": PERSON, "type": "private"},
                                              "text": "hello"}}
        assert await telegram.post_update_to(hook, update, WEBHOOK_SECRET) == 503
    assert telegram.calls == []  # nothing got through

    await telegram.come_up()
    await bot.wait_for_line("telegram_ready")
    [answer] = await TelegramUser(telegram, PERSON).send("/start")
    assert answer.text == T.format("en", "join-how")
    if mode == "webhook":
        assert await bot.health() == 200

    # One line per try, numbered from one, and nothing else above INFO until Telegram
    # answered; never a traceback.
    tries = bot.attempts()
    assert tries == list(range(1, len(tries) + 1)) and len(tries) >= 2
    before_ready = bot.lines[:next(i for i, line in enumerate(bot.lines)
                                   if "telegram_ready" in line)]
    loud = [line for line in before_ready if re.search(r" (WARNING|ERROR|CRITICAL) ", line)]
    assert len(loud) == len(tries), loud
    assert await bot.terminate() == 0
    assert "Traceback" not in bot.log, bot.log


async def test_sigterm_while_waiting_for_telegram_stops_cleanly(unreachable_bot: BotProcess,
                                                                telegram: FakeTelegram) -> None:
    bot = unreachable_bot
    await bot.wait_for_line("telegram_unreachable attempt=1 ")
    assert await bot.terminate() == 0
    assert "Traceback" not in bot.log, bot.log
    assert "stopped_before_telegram_answered" in bot.log


def test_waits_grow_to_a_minute_and_are_jittered() -> None:
    backoff = Backoff()
    waits = [[backoff.delay(failures) for failures in range(1, 30)] for _ in range(20)]
    assert all(0.5 <= w[0] <= 1 for w in waits)  # the first try again comes quickly
    assert all(30 <= wait <= 60 for w in waits for wait in w[7:])  # then about a minute
    assert len({w[10] for w in waits}) > 10  # and bots that failed together spread out
