"""Each update is handled once and answered once: duplicates, restarts after a crash, and a
graceful stop, with the real bot process on both frameworks."""

from __future__ import annotations

import asyncio
import os
import signal
import sys
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import pytest

from bot.app import App
from tests.conftest import ADMIN_ID, DATA_KEY, TOKEN, WEBHOOK_SECRET, free_port, webhook_settings
from tests.fake_telegram import FakeTelegram
from tests.telegram_user import TelegramUser

# A bot process starts on a migrated database, as after its first run.
pytestmark = pytest.mark.usefixtures("migrated_database")

USER = 515151
EXE = Path(sys.executable).with_name("exchange-bot")


def t(app: App, msg_id: str) -> str:
    return app.deps.translator.format("en", msg_id)


async def test_a_duplicate_update_is_answered_once(bot: App, telegram: FakeTelegram) -> None:
    user = TelegramUser(telegram, USER)
    [first] = await user.send("/start")
    assert first.text == t(bot, "join-how")
    update_id = max(telegram.updates)
    # Telegram delivers the same update again (a redelivery after a lost confirmation).
    await telegram.enqueue_raw(dict(telegram.updates[update_id]))
    await telegram.wait_for(lambda: telegram.updates_confirmed(update_id))
    await telegram.settle(quiet=0.5)
    assert telegram.drain(USER) == []
    # … and the bot is still answering new ones.
    [again] = await user.send("/help")
    assert again.text is not None and again.text.startswith(t(bot, "help-text"))


def _env(server: FakeTelegram, tmp_path: Path, framework: str, mode: str,
         extra: dict[str, str] | None = None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("DATABASE_URL", "ADMIN_IDS") and not k.startswith("WEBHOOK_")}
    env.update(BOT_TOKEN=TOKEN, BOT_API_URL=server.base_url, BOT_FRAMEWORK=framework,
               DATABASE_URL=f"sqlite+aiosqlite:///{tmp_path / 'bot.db'}",
               ADMIN_IDS=str(ADMIN_ID), LOG_LEVEL="DEBUG", DATA_KEY=DATA_KEY, **(extra or {}))
    if mode == "webhook":
        port_file = tmp_path / "port"  # the same port across a restart, as behind a proxy
        if not port_file.exists():
            port_file.write_text(str(free_port()))
        hook = webhook_settings(int(port_file.read_text()))
        env.update(WEBHOOK_URL=str(hook["webhook_url"]), WEBHOOK_SECRET=WEBHOOK_SECRET,
                   WEBHOOK_LISTEN=str(hook["webhook_listen"]))
    return env


@asynccontextmanager
async def bot_process(server: FakeTelegram, tmp_path: Path, framework: str, mode: str,
                      extra: dict[str, str] | None = None
                      ) -> AsyncIterator[asyncio.subprocess.Process]:
    """``exchange-bot run`` as its own process, ready once it takes updates."""
    before = len(server.calls_of("setMyCommands"))
    hooks = len(server.calls_of("setWebhook"))
    process = await asyncio.create_subprocess_exec(
        str(EXE), "run", env=_env(server, tmp_path, framework, mode, extra),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    try:
        await server.wait_for(lambda: len(server.calls_of("setMyCommands")) >= before + 5,
                              timeout=30, what="the bot to start")
        if mode == "webhook":
            await server.wait_for(lambda: len(server.calls_of("setWebhook")) > hooks)
        else:
            await server.wait_for(lambda: len(server.calls_of("getUpdates")) > 0, timeout=10)
        yield process
    finally:
        if process.returncode is None:
            process.kill()
            await process.wait()


async def test_killed_while_replying_answers_once_after_restart(
        telegram: FakeTelegram, tmp_path: Path, framework: str, mode: str) -> None:
    async with bot_process(telegram, tmp_path, framework, mode) as first:
        for _ in range(20):  # Telegram is failing: every reply attempt gets a 502
            telegram.fail_next("sendMessage", 502)
        await telegram.send_text(USER, "/start")
        await telegram.wait_for(lambda: any(c.status == 502 for c in telegram.calls),
                                timeout=15, what="a failed reply attempt")
        first.send_signal(signal.SIGKILL)
        await first.wait()
    telegram.clear_failures()
    assert telegram.messages(USER) == []
    async with bot_process(telegram, tmp_path, framework, mode):
        await telegram.wait_for(lambda: len(telegram.messages(USER)) >= 1, timeout=15,
                                what="the reply after the restart")
        await telegram.settle(quiet=1.0)
        [reply] = telegram.messages(USER)
        assert reply.text is not None and reply.text.startswith("Hello!")
        # A new message after the restart is answered as usual, once.
        await telegram.send_text(USER, "/start")
        await telegram.wait_for(lambda: len(telegram.messages(USER)) >= 2, timeout=15)
        await telegram.settle(quiet=0.5)
        assert len(telegram.messages(USER)) == 2


async def test_stops_cleanly_on_sigterm(telegram: FakeTelegram, tmp_path: Path,
                                        framework: str, mode: str) -> None:
    await _stops_cleanly(telegram, tmp_path, framework, mode, signal.SIGTERM)


# Ctrl-C takes the very same path as SIGTERM (one handler for both): one transport suffices.
@pytest.mark.parametrize("framework", ["aiogram"])
@pytest.mark.parametrize("mode", ["polling"])
async def test_stops_cleanly_on_ctrl_c(telegram: FakeTelegram, tmp_path: Path,
                                       framework: str, mode: str) -> None:
    await _stops_cleanly(telegram, tmp_path, framework, mode, signal.SIGINT)


async def _stops_cleanly(telegram: FakeTelegram, tmp_path: Path, framework: str, mode: str,
                         sig: signal.Signals) -> None:
    async with bot_process(telegram, tmp_path, framework, mode) as process:
        user = TelegramUser(telegram, USER)
        await user.send("/start")
        process.send_signal(sig)
        _, stderr = await asyncio.wait_for(process.communicate(), timeout=20)
    assert process.returncode == 0, stderr.decode()
    assert b"Traceback" not in stderr
    for secret in (TOKEN, WEBHOOK_SECRET):  # not even at DEBUG
        assert secret.encode() not in stderr
    assert b"telegram_ready" in stderr
